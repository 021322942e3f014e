//! Pages and files of the data side: indicators, programmes and progress, geography,
//! the open-data catalogue and its files, and key figures for the home page.

pub mod catalog;
pub mod charts;
pub mod geo;
pub mod indicator;
pub mod maps;
pub mod opendata;
pub mod programme;
pub mod words;

use serde::Serialize;
use tera::Context;

use crate::error::Error;
use crate::model::{PageKind, PlannedPage, Site};
use crate::render::Renderer;
use crate::render::template::Template;
use crate::render::views::page_meta;
use crate::target::progress::Status;
use words::Words;

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
    let template = match page.kind {
        PageKind::IndicatorIndex => {
            let lead = catalog::lead(&w, site);
            ctx.insert(
                "page",
                &page_meta(site, &page.path, "indicators", w.t("indicators").to_string(), Some(&lead)),
            );
            ctx.insert("lead", &lead);
            ctx.insert("themes", &catalog::themes(&w, site));
            Template::Indicators
        }
        PageKind::Indicator(i) => {
            let e = &site.data.indicators[i];
            let description = Some(e.indicator.description.as_str()).filter(|d| !d.is_empty());
            ctx.insert(
                "page",
                &page_meta(site, &page.path, "indicator", e.indicator.title.clone(), description),
            );
            ctx.insert("indicator", &indicator::view(&w, site, i));
            Template::Indicator
        }
        PageKind::ProgrammeIndex => {
            ctx.insert(
                "page",
                &page_meta(site, &page.path, "programmes", w.t("programmes").to_string(), None),
            );
            ctx.insert("programmes", &programme::index(&w, site));
            Template::Programmes
        }
        PageKind::Programme(p) => {
            let prog = &site.data.programmes[p].programme;
            let title = format!("{} {}", prog.number, prog.title);
            ctx.insert("page", &page_meta(site, &page.path, "programme", title, Some(&prog.title)));
            ctx.insert("programme", &programme::view(&w, site, p));
            Template::Programme
        }
        PageKind::Progress => {
            ctx.insert(
                "page",
                &page_meta(
                    site,
                    &page.path,
                    "progress",
                    w.t("progress").to_string(),
                    Some(w.t("progress_lead")),
                ),
            );
            ctx.insert("progress", &programme::dashboard(&w, site));
            Template::Progress
        }
        PageKind::GeoIndex => {
            ctx.insert(
                "page",
                &page_meta(site, &page.path, "geo_index", w.t("geo").to_string(), Some(w.t("geo_lead"))),
            );
            ctx.insert("geo", &geo::index(&w, site));
            Template::GeoIndex
        }
        PageKind::GeoProfile(u) => {
            let unit = &site.data.geo.units[u];
            ctx.insert("page", &page_meta(site, &page.path, "geo", capitalize(&unit.full_name()), None));
            ctx.insert("unit", &geo::profile(&w, site, u));
            Template::Geo
        }
        PageKind::DataCatalog => {
            ctx.insert(
                "page",
                &page_meta(
                    site,
                    &page.path,
                    "data",
                    w.t("data_catalog").to_string(),
                    Some(w.t("data_catalog_lead")),
                ),
            );
            ctx.insert("catalog", &catalog::page(&w, site));
            Template::Catalog
        }
        _ => {
            return Err(Error::new(
                crate::error::ErrorKind::Template,
                format!("`{}` is not a data page", page.path),
            ));
        }
    };
    Ok((template, ctx))
}
