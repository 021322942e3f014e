//! Internal links, images and anchors of the rendered pages, checked against what the site
//! produces: rendered files, copied assets, and the element ids of each HTML page.
//!
//! A problem is located where it can be fixed: in the page's Markdown file when the address is
//! written there (raw HTML), else in the template that holds it, else in the Markdown file the
//! page comes from, else at the rendered page's output path.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use super::html::{attributes, srcset_urls};
use crate::error::{Error, ErrorKind, Errors, Location, did_you_mean};
use crate::model::PlannedPage;
use crate::routes::file_for_path;
use crate::site::Compiled;
use crate::site::links::{exists, known_paths, percent_decode, resolve, suggest};

/// The same message at more places than this (a template link on every page) is reported once.
const MAX_SAME: usize = 3;

/// What the link checker knows about the rendered site.
struct Site<'a> {
    compiled: &'a Compiled,
    known: HashSet<String>,
    /// HTML output file → ids of its elements.
    ids: HashMap<&'a str, HashSet<String>>,
}

/// Check every HTML file of `files` (output file → bytes).
pub fn check_rendered(compiled: &Compiled, files: &BTreeMap<String, Vec<u8>>) -> Errors {
    let pages: Vec<(&PlannedPage, String)> = compiled
        .plan
        .iter()
        .filter(|p| p.file.ends_with(".html"))
        .filter_map(|p| files.get(&p.file).map(|b| (p, String::from_utf8_lossy(b).into_owned())))
        .collect();
    let ids = pages.par_iter().map(|(p, html)| (p.file.as_str(), element_ids(html))).collect();
    let site = Site { compiled, known: known_paths(&compiled.plan, &compiled.assets), ids };
    let found: Vec<Error> =
        pages.par_iter().flat_map_iter(|(page, html)| check_page(&site, page, html)).collect();
    group_repeats(found)
}

fn element_ids(html: &str) -> HashSet<String> {
    attributes(html)
        .into_iter()
        .filter(|a| a.name == "id" || (a.name == "name" && a.tag == "a"))
        .map(|a| a.value)
        .collect()
}

/// What a URL is used for, to word the message.
#[derive(Clone, Copy)]
enum Use {
    Link,
    Image,
    File,
}

fn check_page(site: &Site<'_>, page: &PlannedPage, html: &str) -> Vec<Error> {
    let mut errors = Vec::new();
    for attr in attributes(html) {
        let (use_, urls): (Use, Vec<&str>) = match (attr.tag.as_str(), attr.name.as_str()) {
            ("a" | "area" | "link", "href") => (Use::Link, vec![attr.value.as_str()]),
            ("img" | "source", "srcset") => (Use::Image, srcset_urls(&attr.value)),
            ("img" | "source" | "input", "src") | ("video", "poster") => {
                (Use::Image, vec![attr.value.as_str()])
            }
            (_, "src") => (Use::File, vec![attr.value.as_str()]),
            _ => continue,
        };
        for url in urls {
            if let Some(problem) = check_url(site, page, url, use_) {
                let located = problem.at(locate(site.compiled, page, attr.raw, url));
                errors.push(located);
            }
        }
    }
    errors
}

/// The problem with one URL of `page`, if it is internal and leads nowhere.
fn check_url(site: &Site<'_>, page: &PlannedPage, url: &str, use_: Use) -> Option<Error> {
    let url = url.trim();
    let (before, fragment) = url.split_once('#').unwrap_or((url, ""));
    let target = match site_path(site, page, url, before) {
        Ok(Some(target)) => target,
        Ok(None) => return None,
        Err(e) => return Some(e),
    };
    if !exists(&site.known, &target) {
        return Some(missing(site, url, &target, use_));
    }
    check_anchor(site, url, &target, &percent_decode(fragment))
}

/// The site path an internal URL leads to (`None` for external ones), or why it leads nowhere.
fn site_path(site: &Site<'_>, page: &PlannedPage, url: &str, before: &str) -> Result<Option<String>, Error> {
    let config = &site.compiled.site().config;
    if before.is_empty() || before.starts_with('?') {
        return Ok(Some(page.path.clone()));
    }
    if has_scheme(before) {
        let Some(rest) = before.strip_prefix(config.base_url.as_str()) else { return Ok(None) };
        return Ok(match rest {
            "" => Some("/".into()),
            r if r.starts_with('/') => resolve("/", r),
            _ => None,
        });
    }
    if before.starts_with("//") {
        return Ok(None);
    }
    if before.starts_with('/') {
        let inside =
            strip_base(before, &config.base_path).ok_or_else(|| outside_base(url, &config.base_path))?;
        return Ok(resolve("/", &inside));
    }
    Ok(resolve(&page.path, before))
}

/// The problem with `#fragment` on the page at `target`, if that page is HTML and lacks the id.
fn check_anchor(site: &Site<'_>, url: &str, target: &str, fragment: &str) -> Option<Error> {
    if fragment.is_empty() {
        return None;
    }
    let ids = site
        .ids
        .get(file_for_path(target).as_str())
        .or_else(|| site.ids.get(file_for_path(&format!("{target}/")).as_str()))?;
    if ids.contains(fragment) {
        return None;
    }
    let mut names: Vec<&str> = ids.iter().map(String::as_str).collect();
    names.sort_unstable();
    const HEADINGS: &str = "headings get ids from their text: `## Kết quả` → `#ket-qua`";
    let help = match did_you_mean(fragment, names) {
        Some(best) => {
            format!("did you mean `#{best}`? Headings get ids from their text: `## Kết quả` → `#ket-qua`")
        }
        None => format!("link to an id the page has; {HEADINGS}"),
    };
    let message = if url.starts_with('#') {
        format!("the anchor `{url}` names no element of this page (`{target}`)")
    } else {
        format!("the link `{url}` leads to `{target}`, which has no element with the id `{fragment}`")
    };
    Some(Error::new(ErrorKind::Reference, message).help(help))
}

fn has_scheme(url: &str) -> bool {
    let end = url.find([':', '/', '?', '#']).unwrap_or(url.len());
    url[end..].starts_with(':')
        && end > 0
        && url[..end].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// `/portal/news/` with base path `/portal` → `/news/`; `None` when outside the base path.
fn strip_base(path: &str, base_path: &str) -> Option<String> {
    if base_path.is_empty() {
        return Some(path.to_string());
    }
    let rest = path.strip_prefix(base_path)?;
    match rest {
        "" => Some("/".into()),
        r if r.starts_with('/') => Some(r.to_string()),
        _ => None,
    }
}

fn outside_base(url: &str, base_path: &str) -> Error {
    Error::new(
        ErrorKind::Reference,
        format!("the link `{url}` leaves the site: it does not start with `{base_path}/`"),
    )
    .help(format!("the site is published under `{base_path}/`: write `{base_path}{url}`, or a relative link"))
}

fn missing(site: &Site<'_>, url: &str, target: &str, use_: Use) -> Error {
    let (message, help) = match use_ {
        Use::Link => {
            (format!("the link `{url}` leads to no page or file of this site"), suggest(&site.known, target))
        }
        Use::Image => (
            format!("the image `{url}` is not a file of this site"),
            "put the picture in content/media/ (or static/) and write its path, e.g. /media/cau-treo.jpg"
                .into(),
        ),
        Use::File => (
            format!("the file `{url}` is not a file of this site"),
            "put the file in static/ and write its path from the site root, e.g. /assets/app.js".into(),
        ),
    };
    Error::new(ErrorKind::Reference, message).help(help)
}

/// Where to report a problem with `raw` (the value as written) on `page`.
fn locate(compiled: &Compiled, page: &PlannedPage, raw: &str, url: &str) -> Location {
    let item = match page.kind.item() {
        Some(r) => compiled.sites.get(page.edition).and_then(|s| s.item(r)),
        None => None::<&crate::content::Item>,
    };
    // Markdown links are written without the base path the renderer adds
    let base_path = &compiled.site().config.base_path;
    let unprefixed =
        url.strip_prefix(base_path.as_str()).filter(|u| !base_path.is_empty() && u.starts_with('/'));
    let needles = [raw, url, unprefixed.unwrap_or("")];
    let source = item.and_then(|item| {
        compiled.source.news.iter().chain(&compiled.source.pages).find(|f| f.path == item.path)
    });
    let templates = compiled.templates.iter().map(|t| &t.file);
    for file in source.into_iter().chain(templates) {
        if let Some(offset) = needles.iter().filter(|n| !n.is_empty()).find_map(|n| file.text.find(*n)) {
            return file.location(offset);
        }
    }
    match item {
        Some(item) => Location::file(item.path.clone()),
        None => Location::file(page.file.clone()),
    }
}

/// Report a message found at many file-only places (a template link on every page) once.
fn group_repeats(found: Vec<Error>) -> Errors {
    let mut by_message: BTreeMap<(String, bool), Vec<Error>> = BTreeMap::new();
    for e in found {
        let file_only = e.location.as_ref().is_some_and(|l| l.line == 0);
        by_message.entry((e.message.clone(), file_only)).or_default().push(e);
    }
    let mut errors = Errors::new();
    for ((_, file_only), mut group) in by_message {
        group.sort_by(|a, b| a.location.cmp(&b.location));
        group.dedup();
        if file_only && group.len() > MAX_SAME {
            let others = group.len() - 1;
            let mut first = group.swap_remove(0);
            first.message = format!("{} (and on {others} other pages)", first.message);
            errors.push(first);
        } else {
            group.into_iter().for_each(|e| errors.push(e));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_schemes_from_paths() {
        assert!(has_scheme("https://x.org/"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("/news/a:b/"));
        assert!(!has_scheme("anh.png"));
        assert!(!has_scheme(":x"));
    }

    #[test]
    fn strips_the_base_path() {
        assert_eq!(strip_base("/portal/news/", "/portal").as_deref(), Some("/news/"));
        assert_eq!(strip_base("/portal", "/portal").as_deref(), Some("/"));
        assert_eq!(strip_base("/portalx/", "/portal"), None);
        assert_eq!(strip_base("/news/", "").as_deref(), Some("/news/"));
    }
}
