//! The editions of a page, for its head (`hreflang` alternates), the sitemap and the language
//! switcher (issue 11). A single-language site gets none of them.

use serde::Serialize;

use crate::locale::Lang;
use crate::model::{PlannedPage, Site};

/// One `<link rel="alternate" hreflang=…>`.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct AlternateLink {
    /// `vi`, `en` or `x-default`.
    pub hreflang: &'static str,
    /// Absolute URL.
    pub href: String,
}

/// One entry of the language switcher.
#[derive(Debug, Serialize)]
pub struct LanguageLink {
    /// Language code, for `lang` and `hreflang`.
    pub code: &'static str,
    /// The language's name in itself ("English").
    pub name: &'static str,
    /// Internal URL: the page in that edition, or its nearest section there.
    pub url: String,
    /// Whether this is the page's own edition.
    pub current: bool,
    /// Whether `url` is the same page (not the nearest section).
    pub translated: bool,
}

/// The name of a language in itself.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "English",
    }
}

/// The page and its translations, each with its language, then `x-default` (the first
/// language's page); empty when the page has no translation.
pub fn alternate_links(sites: &[Site], page: &PlannedPage) -> Vec<AlternateLink> {
    let Some(site) = sites.get(page.edition) else { return Vec::new() };
    if page.alternates.is_empty() {
        return Vec::new();
    }
    let c = &site.config;
    let mut all: Vec<(usize, Lang, &str)> =
        page.alternates.iter().map(|a| (a.edition, a.lang, a.path.as_str())).collect();
    all.push((page.edition, c.lang, &page.path));
    all.sort_by_key(|a| a.0);
    let mut links: Vec<AlternateLink> = all
        .iter()
        .map(|(_, lang, path)| AlternateLink { hreflang: lang.code(), href: c.absolute(path) })
        .collect();
    if let Some((0, _, path)) = all.first() {
        links.push(AlternateLink { hreflang: "x-default", href: c.absolute(path) });
    }
    links
}

/// The `hreflang` links of a page's head.
pub fn head_links(sites: &[Site], page: &PlannedPage) -> Vec<AlternateLink> {
    alternate_links(sites, page)
}

/// The language switcher: every edition, linking to this page there or, when it has no
/// translation, to the nearest section of that edition; empty for a single-language site.
pub fn switcher(sites: &[Site], page: &PlannedPage) -> Vec<LanguageLink> {
    if sites.len() < 2 {
        return Vec::new();
    }
    sites
        .iter()
        .enumerate()
        .map(|(e, site)| {
            let translation = page.alternates.iter().find(|a| a.edition == e).map(|a| a.path.clone());
            let current = e == page.edition;
            let (path, translated) = match (current, translation) {
                (true, _) => (page.path.clone(), true),
                (false, Some(path)) => (path, true),
                (false, None) => (site.routes.nearest_section(&page.kind), false),
            };
            LanguageLink {
                code: site.config.lang.code(),
                name: language_name(site.config.lang),
                url: site.config.url(&path),
                current,
                translated,
            }
        })
        .collect()
}
