//! Locator maps of unit profiles (issue 16). Every unit of a level and period is drawn once
//! per build into a shared base file (`Routes::locator_base`); a profile shows that file with
//! `<use href="…#base">` and draws only its own unit over it, dark. Inlining the whole map in
//! every profile made each one ~50 KB heavier and tripled the sample's output.

use std::collections::BTreeSet;

use super::charts::{chart_id, level_key};
use super::maps::existed_on;
use super::words::Words;
use crate::chart::ChartMeta;
use crate::date::Date;
use crate::geo::Level;
use crate::map::classes::BLUES;
use crate::map::{MapClass, MapSpec, MapUnit, render_base, render_locator};
use crate::model::{MapFile, Site};
use crate::render::i18n::fill;

/// Fill of the units around the one located.
const OTHER_UNITS: plotters::style::RGBColor = plotters::style::RGBColor(0xe3, 0xe3, 0xe3);

/// What the locator of unit `u` draws: the base of its level and period, and the unit's own
/// shapes (without a shape of its own: those of the units within it, at the finest level).
/// `None` when there is nothing to locate (no boundaries, no shapes, the province itself).
pub fn locator_of(site: &Site, u: usize) -> Option<(MapFile, Vec<usize>)> {
    let atlas = site.data.atlas.as_ref()?;
    let geo = &site.data.geo;
    let unit = &geo.units[u];
    if unit.level == Level::Province && !atlas.national {
        return None;
    }
    let until = unit.until;
    let shaped: Vec<usize> = if atlas.has_shape(u) {
        [u].into_iter().filter(|&p| existed_on(site, p, until)).collect()
    } else {
        (0..geo.units.len())
            .filter(|&p| atlas.has_shape(p) && geo.is_under(p, u) && existed_on(site, p, until))
            .collect()
    };
    let level = shaped.iter().map(|&p| geo.units[p].level).max()?;
    // on a national site the provinces are the background and the unit is drawn over them
    let background = if atlas.national { Level::Province } else { level };
    let own = shaped.into_iter().filter(|&p| geo.units[p].level == level).collect();
    Some((MapFile::LocatorBase { level: background, until }, own))
}

/// The locator bases the profiles of `site` use, each once, in a fixed order.
pub fn locator_bases(site: &Site) -> BTreeSet<MapFile> {
    if site.data.atlas.is_none() {
        return BTreeSet::new();
    }
    (0..site.data.geo.units.len()).filter_map(|u| locator_of(site, u).map(|l| l.0)).collect()
}

/// The locator map of unit `u`'s profile: the shared base, the unit dark over it.
pub fn locator(w: &Words<'_>, site: &Site, u: usize) -> Option<String> {
    let atlas = site.data.atlas.as_ref()?;
    let (MapFile::LocatorBase { level, until }, own) = locator_of(site, u)? else { return None };
    let unit = &site.data.geo.units[u];
    let name = super::capitalize(&unit.full_name());
    let meta = ChartMeta {
        id: chart_id(&format!("{}-locator", unit.id)),
        title: fill(w.t("map_locator"), &[("name", &name)]),
        desc: fill(w.t("map_locator_desc"), &[("name", &name)]),
        lang: w.lang,
    };
    let href = site.config.url(&site.routes.locator_base(level, until));
    Some(render_locator(atlas, &meta, &href, &own, BLUES[4]).into_string())
}

/// The base file of the locators of `level` on `until`: every unit light, without titles
/// (a `<use>` clone is not read out; each profile names its own unit).
pub fn locator_base_file(w: &Words<'_>, site: &Site, level: Level, until: Option<Date>) -> Option<String> {
    let atlas = site.data.atlas.as_ref()?;
    let geo = &site.data.geo;
    let units: Vec<MapUnit> = (0..geo.units.len())
        .filter(|&p| geo.units[p].level == level && atlas.has_shape(p) && existed_on(site, p, until))
        .map(|p| MapUnit { unit: p, class: Some(0), title: String::new(), url: None })
        .collect();
    if units.is_empty() {
        return None;
    }
    let level_name = w.t(level_key(level));
    let meta = ChartMeta {
        id: chart_id(&format!("locator-{}", level.name())),
        title: fill(w.t("map_locator_base"), &[("level", level_name)]),
        desc: fill(w.t("map_locator_base_desc"), &[("level", level_name)]),
        lang: w.lang,
    };
    let classes = vec![MapClass { label: w.t("map_other_units").to_string(), colour: OTHER_UNITS }];
    let spec = MapSpec { meta, classes, units, no_data: w.t("no_data").to_string(), legend: false };
    render_base(atlas, &spec).ok().map(crate::chart::Svg::into_string)
}
