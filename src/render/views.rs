//! What each template receives: one serializable view per page kind, built from the model.
//!
//! Field names are the theme's API (documented in the README). Fields ending in `_html` hold
//! trusted markup and are the only ones a template may print with `| safe`.

use serde::Serialize;

use crate::config::{Config, Contact, Figure, Footer, MenuItem, Portal, site_figures};
use crate::locale::format_count;
use crate::model::{News, Site, Taxonomy, TaxonomyKind, Term};
use crate::render::i18n::{Strings, fill};
use crate::routes::pager_path;

/// Site-wide values, in every template as `site` (set once per build).
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// Site name.
    pub title: &'a str,
    /// Default description.
    pub description: &'a str,
    /// Line under the name.
    pub tagline: Option<&'a str>,
    /// Absolute root URL without trailing slash.
    pub base_url: &'a str,
    /// Internal URL of the home page (`/` or `/portal/`).
    pub home_url: String,
    /// Site path of the edition's home page (`/`, `/en/`): the menu marks it current only on
    /// the home page itself, not on every page under it.
    pub home_path: String,
    /// Language code for `<html lang>`.
    pub lang: &'static str,
    /// Main navigation, URLs ready to use.
    pub menu: Vec<MenuLink<'a>>,
    /// Footer facts.
    pub footer: &'a Footer,
    /// How to reach the agency (footer and the `contact()` shortcode).
    pub contact: &'a Contact,
    /// Links to other state portals.
    pub portals: &'a [Portal],
    /// Trusted analytics snippet.
    pub analytics_html: Option<&'a str>,
    /// Newest news for the sidebar.
    pub latest: Vec<Card<'a>>,
    /// All categories, for navigation.
    pub categories: Vec<TermLink<'a>>,
    /// Internal URL of the site feed.
    pub feed_url: String,
    /// Internal URL of the stylesheet.
    pub css_url: String,
    /// Internal URL of the news list.
    pub news_url: String,
    /// Internal URL of the categories index.
    pub categories_url: String,
    /// Internal URL of the tags index.
    pub tags_url: String,
    /// Internal URL of the theme's icon.
    pub favicon_url: String,
    /// Internal URL of the indicator index.
    pub indicators_url: String,
    /// Internal URL of the progress page.
    pub progress_url: String,
    /// Internal URL of the geography index.
    pub geo_url: String,
    /// Internal URL of the site map for people (sơ đồ cổng).
    pub site_map_url: String,
    /// Internal URL of the programmes index.
    pub programmes_url: String,
    /// Internal URL of the open-data catalogue.
    pub data_url: String,
    /// Internal URL of the feed of data revisions.
    pub revisions_url: String,
    /// The figures of the "Thống kê truy cập" box (empty: no box), issue 15.
    pub visits: Vec<Figure>,
    /// Internal URL of the theme's script (print button, tables opened for print).
    pub site_js_url: String,
    /// Internal URL of the script that fills the box and the "Lượt xem" lines.
    pub visits_js_url: String,
    /// Internal URL of the search results page (the header's search form goes there), unless
    /// the site turned search off.
    pub search_url: Option<String>,
}

/// A navigation entry.
#[derive(Debug, Serialize)]
pub struct MenuLink<'a> {
    /// Label.
    pub name: &'a str,
    /// URL to put in `href`.
    pub url: String,
    /// Site path for "current page" matching (empty for external links).
    pub path: &'a str,
}

/// A news item as shown in lists, cards and sidebars.
#[derive(Debug, Serialize)]
pub struct Card<'a> {
    /// Headline.
    pub title: &'a str,
    /// Internal URL.
    pub url: String,
    /// `YYYY-MM-DD`.
    pub date_iso: String,
    /// `dd/mm/yyyy`.
    pub date: String,
    /// Summary, if any.
    pub summary: Option<&'a str>,
    /// Picture URL, if any.
    pub image: Option<String>,
    /// Picture description.
    pub image_alt: Option<&'a str>,
    /// Category link, if any.
    pub category: Option<TermLink<'a>>,
}

/// A link to a category or tag.
#[derive(Debug, Serialize)]
pub struct TermLink<'a> {
    /// Display name.
    pub name: &'a str,
    /// Internal URL.
    pub url: String,
    /// Number of news items.
    pub count: usize,
    /// Count formatted for display.
    pub count_text: String,
}

/// Numbered pagination: `‹ 1 2 3 4 5 … 12 ›`.
#[derive(Debug, Serialize)]
pub struct Pager {
    /// Current page (1-based).
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page URL.
    pub prev_url: Option<String>,
    /// Next page URL.
    pub next_url: Option<String>,
    /// Links and gaps in order.
    pub links: Vec<PagerLink>,
}

/// One entry of a pager.
#[derive(Debug, Serialize)]
pub struct PagerLink {
    /// Page number (0 for a gap).
    pub number: usize,
    /// URL (empty for a gap).
    pub url: String,
    /// Whether this is the current page.
    pub current: bool,
    /// Whether this is a gap (`…`).
    pub gap: bool,
}

/// Per-page metadata, in every template as `page`.
#[derive(Debug, Serialize)]
pub struct PageMeta<'a> {
    /// `<title>` and heading.
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Site path.
    pub path: &'a str,
    /// Absolute canonical URL.
    pub canonical: String,
    /// Page kind: home, list, article, page, taxonomy, term, not_found, alias.
    pub kind: &'static str,
    /// Open Graph type (`website` or `article`).
    pub og_type: &'static str,
    /// Absolute URL of the sharing picture.
    pub og_image: Option<String>,
    /// Keep search engines out.
    pub noindex: bool,
}

/// The URL for a site path or an absolute URL: site paths get the base path.
pub fn link(config: &Config, target: &str) -> String {
    if target.starts_with('/') && !target.starts_with("//") { config.url(target) } else { target.to_string() }
}

/// An absolute URL for a site path (or the URL itself when already absolute).
pub fn absolute(config: &Config, target: &str) -> String {
    if target.starts_with('/') && !target.starts_with("//") {
        config.absolute(target)
    } else {
        target.to_string()
    }
}

/// Build the site-wide view.
pub fn site_view<'a>(site: &'a Site) -> SiteView<'a> {
    let c = &site.config;
    let r = &site.routes;
    SiteView {
        title: &c.title,
        description: &c.description,
        tagline: c.tagline.as_deref(),
        base_url: &c.base_url,
        home_url: c.url(&r.home()),
        home_path: r.home(),
        lang: c.lang.code(),
        menu: c.menu.iter().map(|m| menu_link(c, m)).collect(),
        footer: &c.footer,
        contact: &c.contact,
        portals: &c.portals,
        analytics_html: c.analytics_html.as_deref(),
        latest: site.news.iter().take(6).map(|n| card(site, n)).collect(),
        categories: site.categories.terms.iter().map(|t| term_link(c, t)).collect(),
        feed_url: c.url(&r.feed()),
        css_url: c.url(&r.stylesheet()),
        news_url: c.url(&r.news_list(1)),
        categories_url: c.url(&r.taxonomy(TaxonomyKind::Categories)),
        tags_url: c.url(&r.taxonomy(TaxonomyKind::Tags)),
        favicon_url: c.url(&r.favicon()),
        indicators_url: c.url(&r.indicator_index()),
        progress_url: c.url(&r.progress()),
        geo_url: c.url(&r.geo_index()),
        site_map_url: c.url(&r.site_map()),
        programmes_url: c.url(&r.programme_index()),
        data_url: c.url(&r.data_catalog()),
        revisions_url: c.url(&r.revisions()),
        visits: site_figures(&c.visits, &stats_url(c)),
        site_js_url: c.url(&r.site_script()),
        visits_js_url: c.url(&r.visits_script()),
        search_url: c.search.then(|| c.url(&r.search())),
    }
}

/// Internal URL of the visit figures `gazette visits` writes (issue 15).
pub fn stats_url(c: &Config) -> String {
    c.url(&crate::routes::Routes::root().visit_figures())
}

fn menu_link<'a>(c: &Config, m: &'a MenuItem) -> MenuLink<'a> {
    MenuLink { name: &m.name, url: link(c, &m.url), path: if m.internal { &m.url } else { "" } }
}

/// A card for one news item.
pub fn card<'a>(site: &'a Site, news: &'a News) -> Card<'a> {
    let c = &site.config;
    let item = &news.item;
    let date = item.date.map(|d| d.date);
    Card {
        title: &item.title,
        url: c.url(&news.path),
        date_iso: date.map(|d| d.iso()).unwrap_or_default(),
        date: date.map(|d| crate::locale::format_date(d, c.lang)).unwrap_or_default(),
        summary: item.summary.as_deref(),
        image: item.image.as_deref().map(|i| link(c, i)),
        image_alt: item.image_alt.as_deref(),
        category: news.category.map(|i| term_link(c, &site.categories.terms[i])),
    }
}

/// A link to a term.
pub fn term_link<'a>(c: &Config, term: &'a Term) -> TermLink<'a> {
    TermLink {
        name: &term.name,
        url: c.url(&term.path),
        count: term.items.len(),
        count_text: format_count(term.items.len() as u64, c.lang),
    }
}

/// Links to all terms of a taxonomy.
pub fn term_links<'a>(c: &Config, taxonomy: &'a Taxonomy) -> Vec<TermLink<'a>> {
    taxonomy.terms.iter().map(|t| term_link(c, t)).collect()
}

/// Numbered pagination for page `current` of `total`, first page at site path `base`.
pub fn pager(config: &Config, base: &str, current: usize, total: usize) -> Pager {
    let url = |n: usize| config.url(&pager_path(base, n));
    let mut numbers: Vec<usize> = Vec::new();
    if total <= 7 {
        numbers.extend(1..=total);
    } else {
        // a window of five around the current page, always the first and the last
        let start = current.saturating_sub(2).max(1).min(total - 4);
        numbers.push(1);
        numbers.extend((start..start + 5).filter(|n| *n > 1 && *n < total));
        numbers.push(total);
    }
    let mut links = Vec::with_capacity(numbers.len() + 2);
    let mut previous = 0;
    for n in numbers {
        if n > previous + 1 {
            links.push(PagerLink { number: 0, url: String::new(), current: false, gap: true });
        }
        links.push(PagerLink { number: n, url: url(n), current: n == current, gap: false });
        previous = n;
    }
    Pager {
        current,
        total,
        prev_url: (current > 1).then(|| url(current - 1)),
        next_url: (current < total).then(|| url(current + 1)),
        links,
    }
}

/// Page metadata for a site path.
pub fn page_meta<'a>(
    site: &Site,
    path: &'a str,
    kind: &'static str,
    title: String,
    description: Option<&str>,
) -> PageMeta<'a> {
    let c = &site.config;
    PageMeta {
        title,
        description: description.filter(|d| !d.is_empty()).unwrap_or(&c.description).to_string(),
        path,
        canonical: c.absolute(path),
        kind,
        og_type: if kind == "article" { "article" } else { "website" },
        og_image: None,
        noindex: matches!(kind, "not_found" | "alias" | "search"),
    }
}

/// "Trang 3" suffix for list titles beyond the first page.
pub fn page_suffix(strings: &Strings, page: usize) -> String {
    if page > 1 {
        format!(" – {}", fill(strings.get("page_n"), &[("n", &page.to_string())]))
    } else {
        String::new()
    }
}

/// Shorten text to about `max` characters at a word boundary, for descriptions.
pub fn truncate_words(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn config() -> Config {
        crate::config::parse_config(
            &SourceFile::new("content/site.yaml", "title: x\nbase_url: https://a.vn\n"),
            None,
        )
        .unwrap()
    }

    fn numbers(p: &Pager) -> Vec<String> {
        p.links
            .iter()
            .map(|l| {
                if l.gap {
                    "…".into()
                } else if l.current {
                    format!("[{}]", l.number)
                } else {
                    l.number.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn pager_shows_a_window_with_first_and_last() {
        let c = config();
        assert_eq!(numbers(&pager(&c, "/news/", 1, 12)), ["[1]", "2", "3", "4", "5", "…", "12"]);
        assert_eq!(numbers(&pager(&c, "/news/", 6, 12)), ["1", "…", "4", "5", "[6]", "7", "8", "…", "12"]);
        assert_eq!(numbers(&pager(&c, "/news/", 12, 12)), ["1", "…", "8", "9", "10", "11", "[12]"]);
        assert_eq!(numbers(&pager(&c, "/news/", 2, 3)), ["1", "[2]", "3"]);
        let p = pager(&c, "/news/", 1, 1);
        assert_eq!(numbers(&p), ["[1]"]);
        assert!(p.prev_url.is_none() && p.next_url.is_none());
        let p = pager(&c, "/news/", 2, 3);
        assert_eq!(p.prev_url.as_deref(), Some("/news/"));
        assert_eq!(p.next_url.as_deref(), Some("/news/page/3/"));
    }

    #[test]
    fn truncates_at_words() {
        assert_eq!(truncate_words("một hai ba bốn", 8), "một hai…");
        assert_eq!(truncate_words("ngắn", 8), "ngắn");
    }
}
