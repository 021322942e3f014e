//! Plan: the list of every output file of the site, each with its site path and what it shows.
//!
//! Two pages that would land on the same file (an alias on an article's URL, say) are an
//! error here, before anything is rendered.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Errors};
use crate::model::{ItemRef, PageKind, PlannedPage, SchemaKind, Site, TaxonomyKind};
use crate::routes::file_for_path;
use crate::site::derive::ItemPlaces;
use crate::site::load::SiteSource;

/// Every page of the site, in a fixed order; each page's address comes from `site.routes`.
pub fn plan_pages(site: &Site, source: &SiteSource) -> Result<Vec<PlannedPage>, Errors> {
    let mut pages = Vec::with_capacity(site.news.len() * 2 + 64);
    let mut add = |kind: PageKind| {
        let path = site.routes.path_of(site, &kind);
        pages.push(PlannedPage { file: file_for_path(&path), path, kind });
    };
    for kind in page_kinds(site) {
        add(kind);
    }
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
                kind: PageKind::Alias { source: alias.clone(), target: target.clone() },
            });
        }
    }
    errors.into_result(pages)
}

/// What a planned page is, in words, for collision messages.
fn describe(site: &Site, page: &PlannedPage) -> String {
    match page.kind.item() {
        Some(ItemRef::News(i)) => format!("the news item `{}`", site.news[i].item.path),
        Some(ItemRef::Page(i)) => format!("the page `{}`", site.pages[i].item.path),
        None => format!("the generated page `{}`", page.path),
    }
}

/// Every page kind of the site, in the order of the output: news, then pages, statistics and
/// the site-wide files.
fn page_kinds(site: &Site) -> Vec<PageKind> {
    let mut kinds = vec![PageKind::Home];
    kinds.extend((1..=site.news_pages).map(|page| PageKind::NewsList { page }));
    kinds.extend((0..site.news.len()).map(PageKind::Article));
    for taxonomy in [&site.categories, &site.tags] {
        kinds.push(PageKind::TermIndex(taxonomy.kind));
        for (t, term) in taxonomy.terms.iter().enumerate() {
            kinds.extend((1..=term.pages).map(|page| PageKind::TermList { taxonomy: taxonomy.kind, term: t, page }));
            if taxonomy.kind == TaxonomyKind::Categories {
                kinds.push(PageKind::Feed { category: Some(t) });
            }
        }
    }
    kinds.extend((0..site.pages.len()).map(PageKind::Page));
    if !site.data.is_empty() {
        data_kinds(site, &mut kinds);
    }
    kinds.extend(SchemaKind::ALL.map(PageKind::Schema));
    kinds.extend([PageKind::NotFound, PageKind::Feed { category: None }, PageKind::Sitemap, PageKind::Robots]);
    kinds
}

/// Pages and files of the statistics: indicators, programmes, progress, geography, open data.
fn data_kinds(site: &Site, kinds: &mut Vec<PageKind>) {
    let data = &site.data;
    kinds.push(PageKind::IndicatorIndex);
    for (i, e) in data.indicators.iter().enumerate() {
        kinds.push(PageKind::Indicator(i));
        kinds.extend(e.charts.iter().map(|chart| PageKind::ChartSvg { indicator: i, kind: chart.kind }));
    }
    if !data.programmes.is_empty() {
        kinds.push(PageKind::ProgrammeIndex);
        kinds.extend((0..data.programmes.len()).map(PageKind::Programme));
        kinds.push(PageKind::Progress);
    }
    kinds.push(PageKind::GeoIndex);
    kinds.extend((0..data.geo_paths.len()).map(PageKind::GeoProfile));
    kinds.push(PageKind::DataCatalog);
    for i in 0..data.indicators.len() {
        kinds.extend([PageKind::DataCsv(i), PageKind::DataJson(i)]);
    }
    kinds.extend([PageKind::CatalogJson, PageKind::DataPackage, PageKind::RevisionsFeed]);
}
