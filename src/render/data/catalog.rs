//! Indicator lists: the index by theme, the open-data catalogue page, and the key figures
//! shown on the home page.

use super::Fallback;
use crate::model::localize::TextOf;
use serde::Serialize;

use super::Link;
use super::charts::sparkline;
use super::indicator::{Headline, headline};
use super::words::Words;
use crate::model::Site;

/// Indicators of one theme.
#[derive(Serialize)]
pub struct ThemeView<'a> {
    id: &'a str,
    name: &'a str,
    description: Option<&'a str>,
    indicators: Vec<IndicatorCard<'a>>,
    /// Texts shown in the site's first language for want of a translation: field → language.
    fallback: Fallback<'a>,
}

/// An indicator as a card: latest figure, change and sparkline.
#[derive(Serialize)]
pub struct IndicatorCard<'a> {
    title: &'a str,
    short_title: &'a str,
    url: String,
    headline: Option<Headline>,
    sparkline_svg: Option<String>,
    /// Texts shown in the site's first language for want of a translation: field → language.
    fallback: Fallback<'a>,
}

/// The lead of the indicators index, naming the themes this site has (issue 9: never a fixed
/// list of themes it may not have): "Số liệu về giảm nghèo, giáo dục và y tế, …".
pub fn lead(w: &Words<'_>, site: &Site) -> String {
    let names: Vec<String> = site.data.themes.iter().map(|t| super::words::lower_first(&t.name)).collect();
    let themes = match names.split_last() {
        None => super::words::lower_first(w.t("indicators")),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), w.t("list_and")),
    };
    crate::render::i18n::fill(w.t("indicators_lead"), &[("themes", &themes)])
}

fn card<'a>(w: &Words<'a>, site: &'a Site, i: usize, id_prefix: &str) -> IndicatorCard<'a> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let points = entry.headline.and_then(|h| ind.total(h)).map(|s| s.points.as_slice()).unwrap_or_default();
    IndicatorCard {
        title: &ind.title,
        short_title: &ind.short_title,
        url: site.config.url(&entry.path),
        headline: headline(w, site, i),
        fallback: site.data.fallbacks.langs(TextOf::Indicator(i)),
        sparkline_svg: (points.len() > 1)
            .then(|| sparkline(w, ind, points, &format!("{id_prefix}-{}", ind.id), &ind.short_title))
            .flatten(),
    }
}

/// The indicators grouped by theme, in the themes' order.
pub fn themes<'a>(w: &Words<'a>, site: &'a Site) -> Vec<ThemeView<'a>> {
    site.data
        .themes
        .iter()
        .enumerate()
        .map(|(k, t)| ThemeView {
            id: &t.id,
            name: &t.name,
            description: t.description.as_deref(),
            indicators: (0..site.data.indicators.len())
                .filter(|&i| site.data.indicators[i].indicator.theme == t.id)
                .map(|i| card(w, site, i, "spark"))
                .collect(),
            fallback: site.data.fallbacks.langs(TextOf::Theme(k)),
        })
        .collect()
}

/// The key figures of the home page.
pub fn key_figures<'a>(w: &Words<'a>, site: &'a Site) -> Vec<IndicatorCard<'a>> {
    site.data.key_figures.iter().map(|&i| card(w, site, i, "key")).collect()
}

/// The open-data catalogue page.
#[derive(Serialize)]
pub struct CatalogPage<'a> {
    datasets: Vec<Dataset<'a>>,
    files: Vec<Link>,
}

/// One dataset row.
#[derive(Serialize)]
pub struct Dataset<'a> {
    title: &'a str,
    url: String,
    theme: &'a str,
    source: &'a str,
    updated: String,
    updated_iso: String,
    years: String,
    observations: usize,
    csv: String,
    json: String,
}

/// Build the catalogue page.
pub fn page<'a>(w: &Words<'a>, site: &'a Site) -> CatalogPage<'a> {
    let c = &site.config;
    let datasets = site
        .data
        .indicators
        .iter()
        .map(|e| {
            let ind = &e.indicator;
            let years = ind.years();
            Dataset {
                title: &ind.title,
                url: c.url(&e.path),
                theme: site.data.theme_name(&ind.theme).unwrap_or_default(),
                source: &ind.source,
                updated: w.date(ind.updated),
                updated_iso: ind.updated.iso(),
                years: match (years.first(), years.last()) {
                    (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                    (Some(a), _) => a.to_string(),
                    _ => String::new(),
                },
                observations: ind.series.iter().map(|s| s.points.len()).sum(),
                csv: c.url(&e.csv_path),
                json: c.url(&e.json_path),
            }
        })
        .collect();
    let files = vec![
        Link { name: w.t("catalog_json").to_string(), url: c.url(&site.routes.catalog_json()) },
        Link { name: w.t("datapackage").to_string(), url: c.url(&site.routes.datapackage()) },
        Link { name: w.t("revisions_feed").to_string(), url: c.url(&site.routes.revisions()) },
    ];
    CatalogPage { datasets, files }
}
