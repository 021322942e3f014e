//! Plan: the list of every output file of the site, each with its site path and what it shows.
//!
//! Two pages that would land on the same file (an alias on an article's URL, say) are an
//! error here, before anything is rendered.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Errors};
use crate::model::{
    Alternate, EditorFile, Form, ItemRef, MapFile, PageKind, PlannedPage, SchemaKind, Site, TaxonomyKind,
};
use crate::render::data::{locator, maps};
use crate::routes::file_for_path;
use crate::site::derive::ItemPlaces;
use crate::site::load::SiteSource;

/// Every page of every edition: the first edition whole, then each other edition's own pages
/// (files shared by all editions are planned once); each page knows its translations.
pub fn plan_editions(sites: &[Site], source: &SiteSource) -> Result<Vec<PlannedPage>, Errors> {
    let mut all: Vec<PlannedPage> = Vec::new();
    let mut errors = Errors::new();
    for (e, site) in sites.iter().enumerate() {
        let Some(mut pages) = errors.take_all(plan_pages(site, source)) else { continue };
        pages.retain(|p| e == 0 || p.kind.per_edition());
        pages.iter_mut().for_each(|p| p.edition = e);
        all.extend(pages);
    }
    if sites.len() > 1 {
        let mut taken: HashMap<&str, &PlannedPage> = HashMap::new();
        for page in &all {
            match taken.get(page.file.as_str()) {
                Some(first) => errors.push(
                    Error::new(
                        ErrorKind::Duplicate,
                        format!(
                            "{} and {} would both be written to `{}`",
                            describe(&sites[first.edition], first),
                            describe(&sites[page.edition], page),
                            page.file
                        ),
                    )
                    .help("rename one of them: a page slug must not be a language code of `languages:`"),
                ),
                None => {
                    taken.insert(&page.file, page);
                }
            }
        }
    }
    let mut all = errors.into_result(all)?;
    link_translations(sites, &mut all);
    Ok(all)
}

/// What the editions of one page share: a news item's or page's file without its language, or
/// a generated page's address without the edition prefix. Redirects have no translations.
fn translation_key(sites: &[Site], page: &PlannedPage) -> Option<String> {
    let site = &sites[page.edition];
    if let Some(item) = page.kind.item().and_then(|r| site.item(r)) {
        return Some(format!("item:{}", crate::content::edition::translation_key(&item.path)));
    }
    match page.kind.form() {
        Form::Redirect | Form::StatisticsFile | Form::SiteFile | Form::EditionFile => None,
        Form::NewsPage | Form::StatisticsPage | Form::Feed => {
            let rest = page.path.strip_prefix(site.routes.prefix()).unwrap_or(&page.path);
            Some(format!("path:{rest}"))
        }
    }
}

/// Fill each page's `alternates` with its editions in the other languages.
fn link_translations(sites: &[Site], pages: &mut [PlannedPage]) {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, page) in pages.iter().enumerate() {
        if let Some(key) = translation_key(sites, page) {
            groups.entry(key).or_default().push(i);
        }
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        for &i in members {
            let alternates = members
                .iter()
                .filter(|&&j| pages[j].edition != pages[i].edition)
                .map(|&j| Alternate {
                    edition: pages[j].edition,
                    lang: sites[pages[j].edition].config.lang,
                    path: pages[j].path.clone(),
                })
                .collect();
            pages[i].alternates = alternates;
        }
    }
    pages.iter_mut().for_each(|p| p.alternates.sort_by_key(|a| a.edition));
}

/// Every page of the site, in a fixed order; each page's address comes from `site.routes`.
pub fn plan_pages(site: &Site, source: &SiteSource) -> Result<Vec<PlannedPage>, Errors> {
    let mut pages = Vec::with_capacity(site.news.len() * 2 + 64);
    let mut add = |kind: PageKind| {
        let path = site.routes.path_of(site, &kind);
        pages.push(PlannedPage {
            file: file_for_path(&path),
            path,
            kind,
            edition: 0,
            alternates: Vec::new(),
        });
    };
    for kind in page_kinds(site, source) {
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
                edition: 0,
                alternates: Vec::new(),
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
fn page_kinds(site: &Site, source: &SiteSource) -> Vec<PageKind> {
    let mut kinds = vec![PageKind::Home];
    kinds.extend((1..=site.news_pages).map(|page| PageKind::NewsList { page }));
    kinds.extend((0..site.news.len()).map(PageKind::Article));
    for taxonomy in [&site.categories, &site.tags] {
        kinds.push(PageKind::TermIndex(taxonomy.kind));
        for (t, term) in taxonomy.terms.iter().enumerate() {
            kinds.extend((1..=term.pages).map(|page| PageKind::TermList {
                taxonomy: taxonomy.kind,
                term: t,
                page,
            }));
            if taxonomy.kind == TaxonomyKind::Categories {
                kinds.push(PageKind::Feed { category: Some(t) });
            }
        }
    }
    kinds.extend((0..site.pages.len()).map(PageKind::Page));
    kinds.push(PageKind::SiteMap);
    if site.config.search {
        kinds.push(PageKind::Search);
    }
    kinds.extend((0..site.search.as_ref().map_or(0, |s| s.len())).map(PageKind::SearchFile));
    if !site.data.is_empty() {
        data_kinds(site, &mut kinds);
    }
    kinds.extend(SchemaKind::ALL.map(PageKind::Schema));
    if site.config.editing.enabled {
        let script_found = source.assets.iter().any(|a| a.out_path == crate::editor::SCRIPT_FILE);
        kinds.push(PageKind::Editor(EditorFile::Page { script_found }));
        kinds.push(PageKind::Editor(EditorFile::Config));
    }
    kinds.extend([
        PageKind::NotFound,
        PageKind::Feed { category: None },
        PageKind::Sitemap,
        PageKind::Robots,
    ]);
    kinds
}

/// Pages and files of the statistics: indicators, programmes, progress, geography, open data.
fn data_kinds(site: &Site, kinds: &mut Vec<PageKind>) {
    let data = &site.data;
    kinds.push(PageKind::IndicatorIndex);
    for (i, e) in data.indicators.iter().enumerate() {
        kinds.push(PageKind::Indicator(i));
        kinds.extend(e.charts.iter().map(|chart| PageKind::ChartSvg { indicator: i, kind: chart.kind }));
        kinds.extend(
            maps::earlier_map_years(site, i)
                .into_iter()
                .map(|year| PageKind::MapSvg(MapFile::Year { indicator: i, year })),
        );
    }
    if !data.programmes.is_empty() {
        kinds.push(PageKind::ProgrammeIndex);
        kinds.extend((0..data.programmes.len()).map(PageKind::Programme));
        kinds.push(PageKind::Progress);
    }
    kinds.push(PageKind::GeoIndex);
    kinds.extend((0..data.geo_paths.len()).map(PageKind::GeoProfile));
    kinds.extend(locator::locator_bases(site).into_iter().map(PageKind::MapSvg));
    kinds.push(PageKind::DataCatalog);
    for i in 0..data.indicators.len() {
        kinds.extend([PageKind::DataCsv(i), PageKind::DataJson(i)]);
    }
    kinds.extend([PageKind::CatalogJson, PageKind::DataPackage, PageKind::RevisionsFeed]);
}
