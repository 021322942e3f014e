//! Internal links written in Markdown must lead to a page or file of the site.
//!
//! Checked at build time from the links recorded while rendering Markdown, so the message
//! names the file, line and column of the link. (Anchors and links in templates are checked
//! by `gazette check` on the rendered output.)

use std::collections::{HashMap, HashSet};

use crate::error::{Error, ErrorKind, Errors};
use crate::model::{PlannedPage, Site};
use crate::site::load::{Asset, SiteSource};

/// Every site path that exists: pages, their files, and copied assets.
pub fn known_paths(plan: &[PlannedPage], assets: &[Asset]) -> HashSet<String> {
    let mut known = HashSet::with_capacity(plan.len() * 2 + assets.len());
    for page in plan {
        known.insert(page.path.clone());
        known.insert(format!("/{}", page.file));
    }
    for asset in assets {
        known.insert(format!("/{}", asset.out_path));
    }
    known
}

/// Check the Markdown links of every news item and page.
pub fn check_links(site: &Site, known: &HashSet<String>, source: &SiteSource) -> Result<(), Errors> {
    let mut errors = Errors::new();
    let mut hints = LinkHints { known, given: HashMap::new() };
    let items = site
        .news
        .iter()
        .map(|n| (&n.item, n.path.as_str()))
        .chain(site.pages.iter().map(|p| (&p.item, p.path.as_str())));
    for (item, page_path) in items {
        if let Some(image) = item.image.as_deref().filter(|i| i.starts_with('/') && !i.starts_with("//")) {
            let path = resolve("/", image).unwrap_or_default();
            if !exists(known, &path) {
                errors.push(
                    Error::new(ErrorKind::Reference, format!("the image `{image}` is not a file of this site"))
                        .at(crate::site::derive::locate(source, item, &["image"]))
                        .help("put the picture in content/media/ and write its path, e.g. image: /media/cau-treo.jpg"),
                );
            }
        }
        let mut file = None;
        for link in &item.body.links {
            let Some(path) = resolve(page_path, &link.target) else { continue };
            if exists(known, &path) {
                continue;
            }
            let file = *file
                .get_or_insert_with(|| source.news.iter().chain(&source.pages).find(|f| f.path == item.path));
            let location = file.map(|f| f.location(link.offset));
            let mut e = Error::new(
                ErrorKind::Reference,
                format!("the link `{}` leads to no page or file of this site", link.target),
            )
            .help(hints.hint(&path));
            if let Some(location) = location {
                e = e.at(location);
            }
            errors.push(e);
        }
    }
    errors.into_result(())
}

/// Hints for the broken links of one build: each distinct target is looked up once, and only
/// the first [`HINTED_TARGETS`] get a "did you mean", so 100,000 broken links stay linear
/// (issue 8).
struct LinkHints<'a> {
    known: &'a HashSet<String>,
    given: HashMap<String, String>,
}

/// Distinct broken link targets that get a "did you mean" hint; later ones get the plain help.
const HINTED_TARGETS: usize = 200;

impl LinkHints<'_> {
    fn hint(&mut self, path: &str) -> String {
        if let Some(hint) = self.given.get(path) {
            return hint.clone();
        }
        let hint = if self.given.len() < HINTED_TARGETS {
            suggest(self.known, path)
        } else {
            suggest(&HashSet::new(), path)
        };
        self.given.insert(path.to_string(), hint.clone());
        hint
    }
}

/// A link target as a site path (without query or fragment), resolved against the page's path.
/// `None` for links that are only a fragment or a query.
pub fn resolve(page_path: &str, target: &str) -> Option<String> {
    let cut = target.find(['#', '?']).unwrap_or(target.len());
    let target = &target[..cut];
    if target.is_empty() {
        return None;
    }
    let joined = if target.starts_with('/') {
        target.to_string()
    } else {
        let dir = &page_path[..page_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{target}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut path = format!("/{}", parts.join("/"));
    if joined.ends_with('/') && path != "/" {
        path.push('/');
    }
    Some(percent_decode(&path))
}

/// Whether a resolved site path exists (a folder path also exists without its trailing slash).
pub fn exists(known: &HashSet<String>, path: &str) -> bool {
    known.contains(path) || (!path.ends_with('/') && known.contains(&format!("{path}/")))
}

/// A hint for a broken link: the closest existing address, if one is close.
pub fn suggest(known: &HashSet<String>, path: &str) -> String {
    // did_you_mean breaks ties by name, so the set's order does not matter
    let candidates =
        known.iter().map(String::as_str).filter(|p| !p.ends_with(".html") || p.ends_with("404.html"));
    match crate::error::did_you_mean(path, candidates) {
        Some(best) => format!(
            "did you mean `{best}`? News items are at /news/<slug>/ (the file name without date and .md)"
        ),
        None => {
            "check the address; news items are at /news/<slug>/ (the file name without date and .md)".into()
        }
    }
}

/// Decode `%XX` escapes (invalid ones are kept as written).
pub fn percent_decode(path: &str) -> String {
    if !path.contains('%') {
        return path.to_string();
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%' && i + 2 < bytes.len()).then(|| path.get(i + 1..i + 3)).flatten();
        if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_and_absolute_targets() {
        assert_eq!(resolve("/news/a/", "/news/b/#x").as_deref(), Some("/news/b/"));
        assert_eq!(resolve("/news/a/", "../b/").as_deref(), Some("/news/b/"));
        assert_eq!(resolve("/news/a/", "anh.svg").as_deref(), Some("/news/a/anh.svg"));
        assert_eq!(resolve("/news/a/", "#muc-1"), None);
        assert_eq!(resolve("/", "/tags/y%20t%E1%BA%BF/").as_deref(), Some("/tags/y tế/"));
    }

    #[test]
    fn folder_paths_exist_without_trailing_slash() {
        let known: HashSet<String> = ["/news/a/".to_string()].into();
        assert!(exists(&known, "/news/a"));
        assert!(!exists(&known, "/news/b/"));
    }
}
