//! The site map for people (sơ đồ cổng, Decree 42): every section of the portal on one page,
//! generated from the menu, the news sections and categories, the static pages and the
//! statistics (indicators by theme, geography, programmes, open data). Issue 12.

use serde::Serialize;

use super::i18n::Strings;
use crate::model::Site;

/// One link, possibly with links under it.
#[derive(Debug, Serialize)]
pub struct MapLink<'a> {
    /// Text.
    pub name: &'a str,
    /// URL to put in `href`.
    pub url: String,
    /// Links under this one (categories under news, indicators under a theme, …).
    pub children: Vec<MapLink<'a>>,
}

/// One heading of the site map with its links.
#[derive(Debug, Serialize)]
pub struct MapSection<'a> {
    /// Heading.
    pub title: &'a str,
    /// Links, in the site's order.
    pub links: Vec<MapLink<'a>>,
}

fn leaf<'a>(site: &Site, name: &'a str, path: &str) -> MapLink<'a> {
    MapLink { name, url: site.config.url(path), children: Vec::new() }
}

/// The sections of the site map: menu, news, pages, then statistics when the site has data.
pub fn site_map<'a>(site: &'a Site, s: &'a Strings) -> Vec<MapSection<'a>> {
    let c = &site.config;
    let menu = c
        .menu
        .iter()
        .map(|m| MapLink {
            name: &m.name,
            url: if m.internal { c.url(&m.url) } else { m.url.clone() },
            children: Vec::new(),
        })
        .collect();
    let mut news = leaf(site, s.get("news"), &site.routes.news_list(1));
    let mut categories = leaf(site, s.get("all_categories"), &site.categories.path);
    categories.children = site.categories.terms.iter().map(|t| leaf(site, &t.name, &t.path)).collect();
    news.children = vec![
        categories,
        leaf(site, s.get("all_tags"), &site.tags.path),
        leaf(site, s.get("feed"), &site.routes.feed()),
    ];
    let pages = site.pages.iter().map(|p| leaf(site, &p.item.title, &p.path)).collect();
    let mut sections = vec![
        MapSection { title: s.get("main_menu"), links: menu },
        MapSection { title: s.get("news"), links: vec![news] },
        MapSection { title: s.get("site_map_pages"), links: pages },
    ];
    if !site.data.is_empty() {
        sections.push(MapSection { title: s.get("indicators"), links: statistics(site, s) });
    }
    sections.retain(|section| !section.links.is_empty());
    sections
}

/// Indicators by theme, the geography's current top units, programmes, progress, open data.
fn statistics<'a>(site: &'a Site, s: &'a Strings) -> Vec<MapLink<'a>> {
    let data = &site.data;
    let mut indicators = leaf(site, s.get("indicators"), &site.routes.indicator_index());
    indicators.children = data
        .themes
        .iter()
        .map(|t| MapLink {
            name: &t.name,
            url: site.config.url(&site.routes.indicator_theme(&t.id)),
            children: data
                .indicators
                .iter()
                .filter(|e| e.indicator.theme == t.id)
                .map(|e| leaf(site, &e.indicator.title, &e.path))
                .collect(),
        })
        .collect();
    let mut geo = leaf(site, s.get("geo"), &site.routes.geo_index());
    let units = &data.geo.units;
    geo.children = (0..units.len())
        .filter(|&u| units[u].parent.is_none() && units[u].until.is_none())
        .map(|u| MapLink {
            name: &units[u].name,
            url: site.config.url(&data.geo_paths[u]),
            children: units[u]
                .children
                .iter()
                .filter(|&&c| units[c].until.is_none())
                .map(|&c| leaf(site, &units[c].name, &data.geo_paths[c]))
                .collect(),
        })
        .collect();
    let mut links = vec![indicators, geo];
    if !data.programmes.is_empty() {
        let mut programmes = leaf(site, s.get("programmes"), &site.routes.programme_index());
        programmes.children =
            data.programmes.iter().map(|p| leaf(site, &p.programme.title, &p.path)).collect();
        links.push(programmes);
        links.push(leaf(site, s.get("progress"), &site.routes.progress()));
    }
    links.push(leaf(site, s.get("data_catalog"), &site.routes.data_catalog()));
    links
}
