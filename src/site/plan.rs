//! Plan: the list of every output file of the site, each with its site path and what it shows.
//!
//! Two pages that would land on the same file (an alias on an article's URL, say) are an
//! error here, before anything is rendered.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Errors};
use crate::model::{PageKind, PlannedPage, SchemaKind, Site, file_for_path, pager_path};
use crate::site::derive::ItemPlaces;
use crate::site::load::SiteSource;

/// Every page of the site, in a fixed order.
pub fn plan_pages(site: &Site, source: &SiteSource) -> Result<Vec<PlannedPage>, Errors> {
    let mut pages = Vec::with_capacity(site.news.len() * 2 + 64);
    let mut add =
        |path: String, kind: PageKind| pages.push(PlannedPage { file: file_for_path(&path), path, kind });
    add("/".into(), PageKind::Home);
    for page in 1..=site.news_pages {
        add(pager_path("/news/", page), PageKind::NewsList { page });
    }
    for (i, news) in site.news.iter().enumerate() {
        add(news.path.clone(), PageKind::Article(i));
    }
    for taxonomy in [&site.categories, &site.tags] {
        add(taxonomy.path.clone(), PageKind::TermIndex(taxonomy.kind));
        for (t, term) in taxonomy.terms.iter().enumerate() {
            for page in 1..=term.pages {
                add(
                    pager_path(&term.path, page),
                    PageKind::TermList { taxonomy: taxonomy.kind, term: t, page },
                );
            }
            if let Some(feed) = &term.feed_path {
                add(feed.clone(), PageKind::Feed { category: Some(t) });
            }
        }
    }
    for (i, page) in site.pages.iter().enumerate() {
        add(page.path.clone(), PageKind::Page(i));
    }
    if !site.data.is_empty() {
        plan_data(site, &mut add);
    }
    for kind in SchemaKind::ALL {
        add(format!("/schemas/{}.json", kind.name()), PageKind::Schema(kind));
    }
    if site.config.search {
        add(crate::search::SEARCH_PATH.into(), PageKind::Search);
    }
    for (i, file) in site.search.iter().enumerate() {
        add(file.path.clone(), PageKind::SearchFile(i));
    }
    add("/404.html".into(), PageKind::NotFound);
    add("/rss.xml".into(), PageKind::Feed { category: None });
    add("/sitemap.xml".into(), PageKind::Sitemap);
    add("/robots.txt".into(), PageKind::Robots);

    let mut errors = Errors::new();
    let mut taken: HashMap<String, String> =
        pages.iter().map(|p| (p.file.clone(), describe(site, p))).collect();
    let items =
        site.news.iter().map(|n| (&n.item, &n.path)).chain(site.pages.iter().map(|p| (&p.item, &p.path)));
    for (item, target) in items {
        let places = ItemPlaces::new(source, item);
        for (k, alias) in item.aliases.iter().enumerate() {
            let file = file_for_path(alias);
            if let Some(existing) = taken.get(&file) {
                errors.push(
                    Error::new(
                        ErrorKind::Duplicate,
                        format!("alias `{alias}` is already the address of `{existing}`"),
                    )
                    .at(places.locate(&["aliases", &k.to_string()]))
                    .help("remove this alias: an old address can only lead to one page"),
                );
                continue;
            }
            taken.insert(file.clone(), format!("an alias of `{}`", item.path));
            pages.push(PlannedPage {
                path: alias.clone(),
                file,
                kind: PageKind::Alias { target: target.clone() },
            });
        }
    }
    errors.into_result(pages)
}

/// What a planned page is, in words, for collision messages.
fn describe(site: &Site, page: &PlannedPage) -> String {
    match page.kind {
        PageKind::Article(i) => format!("the news item `{}`", site.news[i].item.path),
        PageKind::Page(i) => format!("the page `{}`", site.pages[i].item.path),
        _ => format!("the generated page `{}`", page.path),
    }
}

/// Pages and files of the statistics: indicators, programmes, progress, geography, open data.
fn plan_data(site: &Site, add: &mut impl FnMut(String, PageKind)) {
    let data = &site.data;
    add("/indicators/".into(), PageKind::IndicatorIndex);
    for (i, e) in data.indicators.iter().enumerate() {
        add(e.path.clone(), PageKind::Indicator(i));
        for chart in &e.charts {
            add(chart.path.clone(), PageKind::ChartSvg { indicator: i, kind: chart.kind });
        }
    }
    if !data.programmes.is_empty() {
        add("/programmes/".into(), PageKind::ProgrammeIndex);
        for (p, e) in data.programmes.iter().enumerate() {
            add(e.path.clone(), PageKind::Programme(p));
        }
        add("/progress/".into(), PageKind::Progress);
    }
    add("/geo/".into(), PageKind::GeoIndex);
    for (u, path) in data.geo_paths.iter().enumerate() {
        add(path.clone(), PageKind::GeoProfile(u));
    }
    add("/data/".into(), PageKind::DataCatalog);
    for (i, e) in data.indicators.iter().enumerate() {
        add(e.csv_path.clone(), PageKind::DataCsv(i));
        add(e.json_path.clone(), PageKind::DataJson(i));
    }
    add("/data/catalog.json".into(), PageKind::CatalogJson);
    add("/data/datapackage.json".into(), PageKind::DataPackage);
    add("/data/revisions.xml".into(), PageKind::RevisionsFeed);
}
