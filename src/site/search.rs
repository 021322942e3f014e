//! The documents of the site search (issue 10): every news item, page, indicator, unit and
//! programme, in that order (news newest first, so on equal scores newer news come first).
//!
//! One edition's documents are one call of [`site_docs`]; its index is one call of
//! [`crate::search::build_index`] (see [`plan_index`]).

use rayon::prelude::*;

use crate::locale::format_date;
use crate::model::Site;
use crate::search::{Doc, DocKind, PlannedIndex};

/// The index of the site (one edition, in `site.config.lang`), planned: it is built when its
/// files are first rendered.
///
/// `former` labels a unit that no longer exists (`(cũ)`).
pub fn plan_index(site: &Site, former: &str) -> PlannedIndex {
    PlannedIndex::new(site.config.lang.code(), &site.routes.search(), site_docs(site, former))
}

/// Every searchable document of `site`.
pub fn site_docs(site: &Site, former: &str) -> Vec<Doc> {
    let c = &site.config;
    let mut docs: Vec<Doc> = site
        .news
        .par_iter()
        .map(|n| {
            let item = &n.item;
            let date = item.date.map(|d| d.date);
            let mut text = vec![item.summary.clone().unwrap_or_default(), plain_text(&item.body.html)];
            text.extend(n.category.map(|i| site.categories.terms[i].name.clone()));
            text.extend(n.tags.iter().map(|&i| site.tags.terms[i].name.clone()));
            text.extend(item.author.clone());
            text.extend(date.map(|d| d.dmy()));
            Doc {
                kind: DocKind::News,
                title: item.title.clone(),
                url: c.url(&n.path),
                date: date.map(|d| format_date(d, c.lang)).unwrap_or_default(),
                year: date.map(|d| d.year),
                excerpt: item.summary.clone().unwrap_or_else(|| item.body.first_paragraph.clone()),
                text,
            }
        })
        .collect();
    docs.extend(site.pages.iter().map(|p| Doc {
        kind: DocKind::Page,
        title: p.item.title.clone(),
        url: c.url(&p.path),
        date: String::new(),
        year: None,
        excerpt: p.item.summary.clone().unwrap_or_else(|| p.item.body.first_paragraph.clone()),
        text: vec![p.item.summary.clone().unwrap_or_default(), plain_text(&p.item.body.html)],
    }));
    data_docs(site, former, &mut docs);
    docs
}

/// Indicators (with the units they have figures for), units (with their former names and
/// the units merged into them) and programmes (with their targets).
fn data_docs(site: &Site, former: &str, docs: &mut Vec<Doc>) {
    let c = &site.config;
    let data = &site.data;
    let units = &data.geo.units;
    let unit_name = |u: usize| {
        let unit = &units[u];
        if unit.until.is_some() { format!("{} {former}", unit.full_name()) } else { unit.full_name() }
    };
    for e in &data.indicators {
        let ind = &e.indicator;
        let mut geos: Vec<usize> =
            ind.series.iter().filter(|s| !s.points.is_empty()).map(|s| s.geo).collect();
        geos.dedup();
        let mut text = vec![ind.short_title.clone(), ind.description.clone(), ind.source.clone()];
        text.extend(geos.into_iter().filter(|&g| g < units.len()).map(unit_name));
        docs.push(Doc {
            kind: DocKind::Indicator,
            title: ind.title.clone(),
            url: c.url(&e.path),
            date: format_date(ind.updated, c.lang),
            year: Some(ind.updated.year),
            excerpt: ind.description.clone(),
            text,
        });
    }
    for (u, unit) in units.iter().enumerate() {
        let Some(path) = data.geo_paths.get(u) else { continue };
        let parent = unit.parent.map(unit_name);
        let mut text: Vec<String> = parent.iter().cloned().collect();
        text.extend(unit.merged_from.iter().chain(&unit.merged_into).map(|&m| unit_name(m)));
        text.extend(unit.note.clone());
        docs.push(Doc {
            kind: DocKind::Unit,
            title: unit_name(u),
            url: c.url(path),
            date: String::new(),
            year: None,
            excerpt: parent.map(|p| format!("{}, {p}", unit_name(u))).unwrap_or_else(|| unit_name(u)),
            text,
        });
    }
    for e in &data.programmes {
        let p = &e.programme;
        let mut text = vec![p.number.clone(), p.issuer.clone(), p.summary.clone()];
        text.extend(p.targets.iter().map(|t| t.title.clone()));
        docs.push(Doc {
            kind: DocKind::Programme,
            title: p.title.clone(),
            url: c.url(&e.path),
            date: format_date(p.date, c.lang),
            year: Some(p.date.year),
            excerpt: format!("{} – {}", p.number, p.issuer),
            text,
        });
    }
}

/// The text of rendered HTML: tags dropped (a block's end breaks a phrase), the five entities
/// the Markdown renderer writes decoded, shortcode placeholders dropped.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // `<`, `&`, or the first byte of U+E000–U+EFFF (the placeholders' U+E000); memchr, as
    // this runs over every body of the site
    while let Some(at) = memchr::memchr3(b'<', b'&', 0xEE, rest.as_bytes()) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (end, put) = if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let name = rest[1..end].trim_start_matches('/');
            let block = ["p>", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "br", "div"]
                .iter()
                .any(|b| name.starts_with(b));
            (end, if block { " . " } else { "" })
        } else if rest.starts_with('\u{E000}') {
            (rest.find('\u{E001}').map_or(rest.len(), |e| e + '\u{E001}'.len_utf8()), " ")
        } else if rest.starts_with('&') {
            entity(rest)
        } else {
            let end = rest.chars().next().map_or(rest.len(), char::len_utf8);
            out.push_str(&rest[..end]);
            (end, "")
        };
        out.push_str(put);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The entity at the start of `text`: its length and its character.
fn entity(text: &str) -> (usize, &'static str) {
    for (name, c) in
        [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'")]
    {
        if text.starts_with(name) {
            return (name.len(), c);
        }
    }
    (1, "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_tags_and_breaks_phrases_between_blocks() {
        // issue 10: no phrase runs from one paragraph into the next
        let text =
            plain_text("<p>Hộ <strong>nghèo</strong> &amp; cận nghèo</p><p>bền vững</p>\u{E000}0\u{E001}x");
        assert_eq!(text, " . Hộ nghèo & cận nghèo .  . bền vững .  x");
        // other characters of U+E000–U+EFFF stay (issue 10: a byte scan finds their first byte)
        assert_eq!(plain_text("a\u{E001}b\u{EFFF}c"), "a\u{E001}b\u{EFFF}c");
    }
}
