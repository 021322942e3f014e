//! Target maps (issue 16): for each target judged per unit, which units of its scope have met
//! it and which have not, over the other units of their level and period in grey.

use super::charts::{DataTable, chart_id, unit_label};
use super::maps::{MapView, existed_on};
use super::words::Words;
use crate::chart::ChartMeta;
use crate::goal::progress::Status;
use crate::map::classes::BLUES;
use crate::map::{Atlas, MapClass, MapSpec, MapUnit, render_map};
use crate::model::Site;
use crate::render::i18n::fill;

/// Maps of the targets on indicator `i` judged per unit: met or not, per unit.
pub fn target_maps(w: &Words<'_>, site: &Site, i: usize) -> Vec<MapView> {
    let Some(atlas) = site.data.atlas.as_ref() else { return Vec::new() };
    let entry = &site.data.indicators[i];
    let classes = vec![
        MapClass { label: w.t("map_met").to_string(), colour: BLUES[1] },
        MapClass { label: w.t("map_not_met").to_string(), colour: BLUES[4] },
        MapClass {
            label: w.t("map_outside_scope").to_string(),
            colour: plotters::style::RGBColor(0xe3, 0xe3, 0xe3),
        },
    ];
    entry
        .targets
        .iter()
        .filter_map(|&(p, t)| {
            let pe = &site.data.programmes[p];
            let progress = &pe.progress[t];
            let target = &pe.programme.targets[t];
            if progress.units.len() < 2 || !progress.units.iter().any(|u| atlas.has_shape(u.unit)) {
                return None;
            }
            let units: Vec<MapUnit> = progress
                .units
                .iter()
                .filter(|u| atlas.has_shape(u.unit))
                .map(|up| {
                    let a = &up.assessment;
                    let class = match a.status {
                        Status::Achieved => Some(0),
                        Status::NotEnoughData | Status::NotComparable => None,
                        _ => Some(1),
                    };
                    let label = if class == Some(0) {
                        w.t("map_met")
                    } else if class.is_some() {
                        w.t("map_not_met")
                    } else {
                        w.t("no_data")
                    };
                    let name = unit_label(site, up.unit);
                    MapUnit {
                        unit: up.unit,
                        class,
                        title: format!("{name}: {label}"),
                        url: Some(site.config.url(&site.data.geo_paths[up.unit])),
                    }
                })
                .collect();
            let met = units.iter().filter(|u| u.class == Some(0)).count();
            let title = fill(
                w.t("map_target_title"),
                &[
                    ("target", &w.target_phrase(target, &entry.indicator)),
                    ("programme", &pe.programme.number),
                ],
            );
            let desc =
                fill(w.t("map_desc_met"), &[("met", &met.to_string()), ("n", &units.len().to_string())]);
            let id = chart_id(&format!("{}-target-{}", entry.indicator.id, target.id));
            let table = DataTable {
                head: vec![w.t("geo").to_string(), w.t("map_status").to_string()],
                rows: units.iter().map(|u| u.title.splitn(2, ": ").map(str::to_string).collect()).collect(),
            };
            let spec = MapSpec {
                meta: ChartMeta { id: id.clone(), title: title.clone(), desc, lang: w.lang },
                classes: classes.clone(),
                units: with_background(site, atlas, units),
                no_data: w.t("no_data").to_string(),
                legend: true,
            };
            let svg_html = render_map(atlas, &spec).ok()?.into_string();
            Some(MapView { id, title, svg_html, table, earlier: Vec::new() })
        })
        .collect()
}

/// The units of a target's scope over the other units of their level and period, in grey
/// (class 2), so the scope is seen within the province.
fn with_background(site: &Site, atlas: &Atlas, units: Vec<MapUnit>) -> Vec<MapUnit> {
    let Some(first) = units.first().map(|u| u.unit) else { return units };
    let geo = &site.data.geo;
    let (level, day) = (geo.units[first].level, geo.units[first].until);
    let mut in_scope = vec![false; geo.units.len()];
    units.iter().for_each(|u| in_scope[u.unit] = true);
    let mut out: Vec<MapUnit> = (0..geo.units.len())
        .filter(|&p| {
            !in_scope[p] && geo.units[p].level == level && atlas.has_shape(p) && existed_on(site, p, day)
        })
        .map(|p| MapUnit {
            unit: p,
            class: Some(2),
            title: unit_label(site, p),
            url: Some(site.config.url(&site.data.geo_paths[p])),
        })
        .collect();
    out.extend(units);
    out
}
