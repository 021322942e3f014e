//! Pages and files of the data side: indicators, programmes and progress, geography,
//! the open-data catalogue and its files, and key figures for the home page.

pub mod catalog;
pub mod charts;
pub mod geo;
pub mod indicator;
pub mod locator;
pub mod maps;
pub mod opendata;
pub mod programme;
pub mod target_maps;
pub mod words;

use serde::Serialize;
use tera::Context;

use crate::error::Error;
use crate::goal::progress::Status;
use crate::model::{PageKind, PlannedPage, Site};
use crate::render::Renderer;
use crate::render::template::Template;
use crate::render::views::page_meta;
use words::Words;

/// Texts of a view shown in the site's first language for want of a translation, each with
/// its language code (see [`crate::model::localize::Fallbacks::langs`]).
pub type Fallback<'a> = std::collections::BTreeMap<&'a str, &'static str>;

/// "xã Tà Lùng" → "Xã Tà Lùng".
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A status as the templates show it.
#[derive(Debug, Serialize)]
pub struct StatusView<'a> {
    /// Stable name for CSS (`achieved`, `on_track`, …; `not_achieved` for a missed final result).
    pub name: &'static str,
    /// Label in the site language.
    pub label: &'a str,
}

/// The view of a status.
pub fn status_view<'a>(w: &Words<'a>, status: Status, final_result: bool) -> StatusView<'a> {
    let name = if status == Status::OffTrack && final_result { "not_achieved" } else { status.name() };
    StatusView { name, label: w.status(status, final_result) }
}

/// A link.
#[derive(Debug, Serialize)]
pub struct Link {
    /// Text.
    pub name: String,
    /// URL.
    pub url: String,
}

/// The template and context for a data HTML page.
pub fn context(r: &Renderer, site: &Site, page: &PlannedPage) -> Result<(Template, Context), Error> {
    let w = Words { strings: &r.strings, lang: site.config.lang };
    let mut ctx = Context::new();
    let t = |key: &str| w.t(key).to_string();
    // (template, page kind for the theme, title, description)
    let (template, kind, title, description) = match page.kind {
        PageKind::IndicatorIndex => {
            let lead = catalog::lead(&w, site);
            ctx.insert("lead", &lead);
            ctx.insert("themes", &catalog::themes(&w, site));
            (Template::Indicators, "indicators", t("indicators"), Some(lead))
        }
        PageKind::Indicator(i) => {
            let ind = &site.data.indicators[i].indicator;
            ctx.insert("indicator", &indicator::view(&w, site, i));
            let description = Some(ind.description.clone()).filter(|d| !d.is_empty());
            (Template::Indicator, "indicator", ind.title.clone(), description)
        }
        PageKind::ProgrammeIndex => {
            ctx.insert("programmes", &programme::index(&w, site));
            (Template::Programmes, "programmes", t("programmes"), None)
        }
        PageKind::Programme(p) => {
            let prog = &site.data.programmes[p].programme;
            ctx.insert("programme", &programme::view(&w, site, p));
            let title = format!("{} {}", prog.number, prog.title);
            (Template::Programme, "programme", title, Some(prog.title.clone()))
        }
        PageKind::Progress => {
            ctx.insert("progress", &programme::dashboard(&w, site));
            (Template::Progress, "progress", t("progress"), Some(t("progress_lead")))
        }
        PageKind::GeoIndex => {
            ctx.insert("geo", &geo::index(&w, site));
            (Template::GeoIndex, "geo_index", t("geo"), Some(t("geo_lead")))
        }
        PageKind::GeoProfile(u) => {
            ctx.insert("unit", &geo::profile(&w, site, u));
            (Template::Geo, "geo", capitalize(&site.data.geo.units[u].full_name()), None)
        }
        PageKind::DataCatalog => {
            ctx.insert("catalog", &catalog::page(&w, site));
            (Template::Catalog, "data", t("data_catalog"), Some(t("data_catalog_lead")))
        }
        PageKind::Home
        | PageKind::NewsList { .. }
        | PageKind::Article(_)
        | PageKind::TermList { .. }
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
        | PageKind::DataCsv(_)
        | PageKind::DataJson(_)
        | PageKind::CatalogJson
        | PageKind::DataPackage
        | PageKind::RevisionsFeed
        | PageKind::ChartSvg { .. }
        | PageKind::MapSvg(_)
        | PageKind::Schema(_)
        | PageKind::Editor(_) => return Err(super::not_a_template_page(page)),
    };
    ctx.insert("page", &page_meta(site, &page.path, kind, title, description.as_deref()));
    Ok((template, ctx))
}
