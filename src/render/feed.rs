//! Machine-readable files: RSS 2.0 feeds, `sitemap.xml` and `robots.txt`.
//!
//! Written directly (not through templates) so escaping and absolute URLs are always right.
//! RSS readers decode `<title>` and `<description>` as HTML, so plain text goes into them
//! escaped twice (for HTML, then for XML); every other element holds plain text, escaped once.

use std::fmt::Write as _;

use crate::model::{PageKind, PlannedPage, Site};
use crate::render::i18n::{Strings, fill};

/// Escape text for XML content and attributes.
pub fn xml_escape(text: &str) -> String {
    crate::escape::escape_markup(text)
}

/// Plain text for an RSS `<title>` or `<description>`, which readers decode as HTML.
fn rss_text(text: &str) -> String {
    crate::escape::escape_rss_text(text)
}

/// RSS 2.0 feed of the latest news of the site or of one category.
pub fn rss(site: &Site, category: Option<usize>, strings: &Strings) -> String {
    let c = &site.config;
    let (title, path, items): (String, String, Vec<usize>) = match category {
        Some(t) => {
            let term = &site.categories.terms[t];
            let feed = term.feed_path.clone().unwrap_or_default();
            (
                fill(strings.get("feed_category_title"), &[("site", &c.title), ("name", &term.name)]),
                feed,
                term.items.clone(),
            )
        }
        None => (c.title.clone(), site.routes.feed(), (0..site.news.len()).collect()),
    };
    let page_path = match category {
        Some(t) => site.categories.terms[t].path.clone(),
        None => site.routes.home(),
    };
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
    let _ = writeln!(out, "<title>{}</title>", rss_text(&title));
    let _ = writeln!(out, "<link>{}</link>", xml_escape(&c.absolute(&page_path)));
    let _ = writeln!(
        out,
        "<description>{}</description>",
        rss_text(if c.description.is_empty() { &c.title } else { &c.description })
    );
    let _ = writeln!(out, "<language>{}</language>", c.lang.code());
    let _ = writeln!(out, "<generator>gazette</generator>");
    let _ = writeln!(
        out,
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        xml_escape(&c.absolute(&path))
    );
    if let Some(newest) = items.first().and_then(|&i| site.news[i].item.date) {
        let _ = writeln!(out, "<lastBuildDate>{}</lastBuildDate>", newest.rfc822(c.tz_offset));
    }
    for &i in items.iter().take(c.feed_limit) {
        let news = &site.news[i];
        let item = &news.item;
        let url = xml_escape(&c.absolute(&news.path));
        out.push_str("<item>\n");
        let _ = writeln!(out, "<title>{}</title>", rss_text(&item.title));
        let _ = writeln!(out, "<link>{url}</link>");
        let _ = writeln!(out, "<guid isPermaLink=\"true\">{url}</guid>");
        if let Some(date) = item.date {
            let _ = writeln!(out, "<pubDate>{}</pubDate>", date.rfc822(c.tz_offset));
        }
        if let Some(author) = &item.author {
            let _ = writeln!(out, "<dc:creator>{}</dc:creator>", xml_escape(author));
        }
        if let Some(t) = news.category {
            let _ = writeln!(out, "<category>{}</category>", xml_escape(&site.categories.terms[t].name));
        }
        let summary = item.summary.as_deref().unwrap_or(&item.body.first_paragraph);
        let _ = writeln!(out, "<description>{}</description>", rss_text(summary));
        out.push_str("</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// `sitemap.xml`: every page a search engine should index (list pages included; not aliases,
/// 404, feeds or files).
/// With several editions, each page lists its translations (and itself) as `xhtml:link`
/// alternates, with `x-default` on the first language's page.
pub fn sitemap(sites: &[Site], plan: &[PlannedPage]) -> String {
    let Some(first) = sites.first() else { return String::new() };
    let c = &first.config;
    let mut out = String::with_capacity(plan.len() * 96 + 256);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if sites.len() > 1 {
        out.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    } else {
        out.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }
    for page in plan.iter().filter(|p| p.kind.in_sitemap()) {
        let Some(site) = sites.get(page.edition) else { continue };
        let _ = write!(out, "<url><loc>{}</loc>", xml_escape(&c.absolute(&page.path)));
        for link in super::editions::alternate_links(sites, page) {
            let _ = write!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                link.hreflang,
                xml_escape(&link.href)
            );
        }
        let lastmod = match page.kind {
            PageKind::Article(i) => site.news[i].item.date,
            PageKind::Home | PageKind::NewsList { .. } => site.news.first().and_then(|n| n.item.date),
            // the other kinds carry no date of their own
            PageKind::TermList { .. }
            | PageKind::TermIndex(_)
            | PageKind::Page(_)
            | PageKind::NotFound
            | PageKind::SiteMap
            | PageKind::Search
            | PageKind::SearchFile(_)
            | PageKind::Alias { .. }
            | PageKind::Feed { .. }
            | PageKind::Sitemap
            | PageKind::Robots
            | PageKind::IndicatorIndex
            | PageKind::Indicator(_)
            | PageKind::ProgrammeIndex
            | PageKind::Programme(_)
            | PageKind::Progress
            | PageKind::GeoIndex
            | PageKind::GeoProfile(_)
            | PageKind::DataCatalog
            | PageKind::DataCsv(_)
            | PageKind::DataJson(_)
            | PageKind::CatalogJson
            | PageKind::DataPackage
            | PageKind::RevisionsFeed
            | PageKind::ChartSvg { .. }
            | PageKind::MapSvg(_)
            | PageKind::Schema(_)
            | PageKind::Editor(_) => None,
        };
        if let Some(date) = lastmod {
            let _ = write!(out, "<lastmod>{}</lastmod>", date.rfc3339(c.tz_offset));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt` pointing at the sitemap.
pub fn robots(site: &Site) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", site.config.absolute(&site.routes.sitemap()))
}
