//! Geography: the administrative units of `content/geo.yaml`, as a tree that changes over time.
//!
//! Units carry the period in which they existed (`from`, `until`) and the units they were
//! merged into, so a series survives a reorganisation (Vietnam, 1 July 2025: districts
//! abolished, communes merged) and pages can explain it. Levels come from the unit type, not
//! from depth, because depth is not fixed.

mod figures;
pub mod names;

use std::collections::HashMap;

use serde::Deserialize;

use crate::date::Date;
use crate::error::{Error, ErrorKind, Errors, did_you_mean};
use crate::locale::Lang;
use crate::slug::{is_slug, slugify};
use crate::source::{SourceFile, YamlPlaces, YamlText};

pub mod periods;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
/// `content/geo.yaml` as written.
pub struct RawGeo {
    /// The units, in any order; the tree comes from `parent`.
    pub units: Vec<RawUnit>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
/// One administrative unit as written.
pub struct RawUnit {
    /// Stable id: lower-case ASCII letters, digits and hyphens.
    pub id: String,
    /// Name without the type word (`Tà Lùng`, not `xã Tà Lùng`).
    pub name: String,
    /// Unit type: tỉnh, thành phố trực thuộc trung ương, huyện, thị xã, thành phố, quận, xã, phường, thị trấn, đặc khu.
    #[serde(rename = "type")]
    pub kind: String,
    /// Id of the unit it belongs to; omitted only for provinces (several may exist, over time or at once).
    #[serde(default)]
    pub parent: Option<String>,
    /// First day it existed, YYYY-MM-DD.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day it existed, YYYY-MM-DD.
    #[serde(default)]
    pub until: Option<String>,
    /// Id (or list of ids) of the unit(s) it became part of.
    #[serde(default)]
    pub merged_into: Option<OneOrMany>,
    /// A note shown on its profile page.
    #[serde(default)]
    pub note: Option<String>,
    /// Latest population.
    #[serde(default)]
    pub population: Option<f64>,
    /// Latest number of households.
    #[serde(default)]
    pub households: Option<f64>,
    /// Area in square kilometres.
    #[serde(default)]
    pub area_km2: Option<f64>,
    /// English texts for the English edition (each optional).
    #[serde(default)]
    pub en: Option<UnitEn>,
}

/// The English texts of a unit (`en:` in geo.yaml).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitEn {
    /// Name in English, when it differs from the name as written (`Hồ Chí Minh` → `Ho Chi Minh`);
    /// a unit's own name is kept otherwise, as proper names are.
    #[serde(default)]
    pub name: Option<String>,
    /// Type word in English, when the built-in one does not fit (`xã` → `commune`).
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// The note in English.
    #[serde(default)]
    pub note: Option<String>,
}

/// One id or a list of ids.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single id.
    One(String),
    /// Several ids.
    Many(Vec<String>),
}

/// Administrative level, derived from the unit type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Province or centrally run city.
    Province,
    /// District, town or provincial city (until 30 June 2025 in Vietnam).
    District,
    /// Commune, ward, township or special zone.
    Commune,
}

impl Level {
    /// Stable name used in data files and URLs.
    pub fn name(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }
}

/// A validated unit.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Stable id.
    pub id: String,
    /// Name without the type word.
    pub name: String,
    /// Type word as written in Vietnamese (`xã`, `huyện`, …).
    pub kind: String,
    /// Derived level.
    pub level: Level,
    /// Index of the parent unit.
    pub parent: Option<usize>,
    /// First day it existed.
    pub from: Option<Date>,
    /// Last day it existed.
    pub until: Option<Date>,
    /// Indices of the units it was merged into.
    pub merged_into: Vec<usize>,
    /// Indices of the units merged into it (derived).
    pub merged_from: Vec<usize>,
    /// Indices of its children (derived), sorted by name.
    pub children: Vec<usize>,
    /// Note for its profile page.
    pub note: Option<String>,
    /// Latest population.
    pub population: Option<f64>,
    /// Latest number of households.
    pub households: Option<f64>,
    /// Area in km².
    pub area_km2: Option<f64>,
    /// English texts (`en:`).
    pub en: UnitEn,
    /// Language of `name` and `kind`: decides the order of [`Unit::full_name`].
    pub lang: Lang,
}

impl Unit {
    /// Whether the unit existed at some time during `year`.
    pub fn existed_in(&self, year: i32) -> bool {
        self.from.is_none_or(|d| d.year <= year) && self.until.is_none_or(|d| d.year >= year)
    }

    /// `xã Tà Lùng`, `huyện Mường Tùng`; in English `Tà Lùng Commune`.
    pub fn full_name(&self) -> String {
        match self.lang {
            Lang::Vi => format!("{} {}", self.kind, self.name),
            Lang::En => {
                let mut chars = self.kind.chars();
                let kind: String =
                    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                format!("{} {kind}", self.name)
            }
        }
    }
}

/// The whole geography.
#[derive(Debug, Clone, Default)]
pub struct Geo {
    /// Units in file order.
    pub units: Vec<Unit>,
    /// The province the site is about: the only unit without a parent that still exists
    /// (none on a national site, where several provinces exist at once).
    pub root: Option<usize>,
    /// Every unit without a parent (provinces, current and former), in file order.
    pub roots: Vec<usize>,
    index: HashMap<String, usize>,
}

impl Geo {
    /// The index of a unit id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// An error for an unknown id, with the closest known id as a hint.
    pub fn unknown(&self, id: &str) -> Error {
        let help = match did_you_mean(id, self.units.iter().map(|u| u.id.as_str())) {
            Some(best) => format!("did you mean `{best}`? Units are listed in content/geo.yaml"),
            None => "use the id of a unit listed in content/geo.yaml".to_string(),
        };
        Error::new(ErrorKind::Reference, format!("unknown geo id `{id}`")).help(help)
    }

    /// Like [`Geo::unknown`], without looking for the closest id (for the many errors of
    /// one file after the first few, so error paths stay linear).
    pub fn unknown_without_hint(&self, id: &str) -> Error {
        Error::new(ErrorKind::Reference, format!("unknown geo id `{id}`"))
            .help("use the id of a unit listed in content/geo.yaml")
    }

    /// The unit `unit` was merged into (the first, when it was split among several).
    pub fn successor(&self, unit: usize) -> Option<usize> {
        self.units[unit].merged_into.first().copied()
    }

    /// Units of a level existing in `year`, optionally only those under `within`.
    pub fn units_of(&self, level: Level, year: i32, within: Option<usize>) -> Vec<usize> {
        (0..self.units.len())
            .filter(|&i| self.units[i].level == level && self.units[i].existed_in(year))
            .filter(|&i| within.is_none_or(|w| self.is_under(i, w)))
            .collect()
    }

    /// Whether `unit` lies under `ancestor` (or is it).
    pub fn is_under(&self, unit: usize, ancestor: usize) -> bool {
        let mut current = Some(unit);
        for _ in 0..16 {
            match current {
                Some(c) if c == ancestor => return true,
                Some(c) => current = self.units[c].parent,
                None => return false,
            }
        }
        false
    }
}

/// The level a type word gives (the root is always a province).
fn level_of(kind: &str, is_root: bool) -> Option<Level> {
    let k = slugify(kind);
    match k.as_str() {
        "tinh" | "thanh-pho-truc-thuoc-trung-uong" => Some(Level::Province),
        "thanh-pho" if is_root => Some(Level::Province),
        "huyen" | "thi-xa" | "thanh-pho" | "quan" => Some(Level::District),
        "xa" | "phuong" | "thi-tran" | "dac-khu" => Some(Level::Commune),
        _ => None,
    }
}

/// The English word for a Vietnamese type word (`xã` → `commune`); `None` for one not accepted.
pub fn type_in_english(kind: &str) -> Option<&'static str> {
    Some(match slugify(kind).as_str() {
        "tinh" => "province",
        "thanh-pho-truc-thuoc-trung-uong" => "municipality",
        "huyen" => "district",
        "thi-xa" => "town",
        "thanh-pho" => "city",
        "quan" => "urban district",
        "xa" => "commune",
        "phuong" => "ward",
        "thi-tran" => "township",
        "dac-khu" => "special zone",
        _ => return None,
    })
}

/// The accepted type words.
pub const UNIT_TYPES: [&str; 10] = [
    "tỉnh",
    "thành phố trực thuộc trung ương",
    "huyện",
    "thị xã",
    "thành phố",
    "quận",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
];

/// Parse and validate `content/geo.yaml`.
pub fn parse_geo(file: &SourceFile) -> Result<Geo, Errors> {
    let yaml = YamlText::file(file);
    let raw: RawGeo = yaml.parse("geo.yaml")?;
    let places = YamlPlaces::new(yaml);
    let mut errors = Errors::new();
    let index = index_ids(&raw.units, &places, &mut errors);
    let mut units = Vec::with_capacity(raw.units.len());
    let roots: Vec<usize> =
        raw.units.iter().enumerate().filter(|(_, u)| u.parent.is_none()).map(|(i, _)| i).collect();
    for (i, u) in raw.units.iter().enumerate() {
        let at = |f: &str| places.locate(&["units", &i.to_string(), f]);
        units.push(resolve_unit(u, &raw.units, &index, &at, &mut errors));
    }
    periods::check_roots(&units, &roots, &places, &mut errors);
    cycles::check_cycles(&units, &places, &mut errors);
    if errors.is_empty() {
        periods::check_parents(&units, &places, &mut errors);
        periods::check_mergers(&units, &places, &mut errors);
    }
    link_units(&mut units);
    let root = periods::current_root(&units, &roots);
    errors.into_result(Geo { units, root, roots, index })
}

/// Map every id to its unit, reporting ids that are not slugs or are used twice.
fn index_ids(units: &[RawUnit], places: &YamlPlaces<'_>, errors: &mut Errors) -> HashMap<String, usize> {
    let mut index = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        let at = |f: &str| places.locate(&["units", &i.to_string(), f]);
        if !is_slug(&u.id) {
            errors.push(
                Error::new(ErrorKind::Value, format!("geo id `{}` is not a slug", u.id)).at(at("id")).help(
                    format!("use lower-case ASCII letters, digits and hyphens, e.g. id: {}", slugify(&u.id)),
                ),
            );
        }
        if index.insert(u.id.clone(), i).is_some() {
            errors.push(
                Error::new(ErrorKind::Duplicate, format!("geo id `{}` is used by two units", u.id))
                    .at(at("id"))
                    .help("give each unit its own id, e.g. add the old district: ta-lung-muong-tung"),
            );
        }
    }
    index
}

type At<'a> = dyn Fn(&str) -> crate::Location + 'a;

/// One unit checked and resolved against the ids of the file (children and mergers come later).
fn resolve_unit(
    u: &RawUnit,
    all: &[RawUnit],
    index: &HashMap<String, usize>,
    at: &At<'_>,
    errors: &mut Errors,
) -> Unit {
    let parent = u.parent.as_ref().and_then(|p| match index.get(p) {
        Some(&j) => Some(j),
        None => {
            errors.push(geo_unknown(p, all).at(at("parent")));
            None
        }
    });
    let level = level_of(&u.kind, u.parent.is_none()).unwrap_or_else(|| {
        errors.push(
            Error::new(ErrorKind::Value, format!("`{}` is not a unit type", u.kind))
                .at(at("type"))
                .help(format!("use one of: {}", UNIT_TYPES.join(", "))),
        );
        Level::Commune
    });
    figures::check_figures(u, at, errors);
    let (from, until) = unit_dates(u, at, errors);
    let merged_into = merged_into(u, all, index, at, errors);
    if !merged_into.is_empty() && until.is_none() {
        errors.push(
            Error::new(ErrorKind::Schema, format!("unit `{}` was merged but has no `until` date", u.id))
                .at(at("merged_into"))
                .help("add `until: YYYY-MM-DD`, the last day the unit existed"),
        );
    }
    Unit {
        id: u.id.clone(),
        name: u.name.clone(),
        kind: u.kind.clone(),
        level,
        parent,
        from,
        until,
        merged_into,
        merged_from: Vec::new(),
        children: Vec::new(),
        note: u.note.clone(),
        population: u.population,
        households: u.households,
        area_km2: u.area_km2,
        en: u.en.clone().unwrap_or_default(),
        lang: Lang::Vi,
    }
}

/// `from` and `until`, checked to be dates in order.
fn unit_dates(u: &RawUnit, at: &At<'_>, errors: &mut Errors) -> (Option<Date>, Option<Date>) {
    let date = |field: &str, text: &Option<String>, errors: &mut Errors| {
        text.as_deref().and_then(|t| match Date::parse(t) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(
                    Error::new(ErrorKind::Value, e.message)
                        .at(at(field))
                        .help("write the date as YYYY-MM-DD, e.g. until: 2025-06-30"),
                );
                None
            }
        })
    };
    let from = date("from", &u.from, errors);
    let until = date("until", &u.until, errors);
    if let (Some(f), Some(t)) = (from, until)
        && f > t
    {
        errors.push(
            Error::new(ErrorKind::Value, format!("the unit ends ({t}) before it begins ({f})"))
                .at(at("until"))
                .help("check the from: and until: dates"),
        );
    }
    (from, until)
}

/// The indices of the units `u` was merged into.
fn merged_into(
    u: &RawUnit,
    all: &[RawUnit],
    index: &HashMap<String, usize>,
    at: &At<'_>,
    errors: &mut Errors,
) -> Vec<usize> {
    let targets: Vec<&String> = match &u.merged_into {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v.iter().collect(),
    };
    targets
        .iter()
        .filter_map(|t| match index.get(*t) {
            Some(&j) => Some(j),
            None => {
                errors.push(geo_unknown(t, all).at(at("merged_into")));
                None
            }
        })
        .collect()
}

fn geo_unknown(id: &str, units: &[RawUnit]) -> Error {
    let help = match did_you_mean(id, units.iter().map(|u| u.id.as_str())) {
        Some(best) => format!("did you mean `{best}`?"),
        None => "use the id of another unit of this file".to_string(),
    };
    Error::new(ErrorKind::Reference, format!("unknown geo id `{id}`")).help(help)
}

/// Fill the derived `children` and `merged_from` lists.
fn link_units(units: &mut [Unit]) {
    for i in 0..units.len() {
        if let Some(p) = units[i].parent {
            units[p].children.push(i);
        }
        for j in units[i].merged_into.clone() {
            units[j].merged_from.push(i);
        }
    }
    let names: Vec<String> = units.iter().map(|u| slugify(&u.name)).collect();
    for u in units.iter_mut() {
        u.children.sort_by(|a, b| names[*a].cmp(&names[*b]).then(a.cmp(b)));
        u.merged_from.sort_by(|a, b| names[*a].cmp(&names[*b]).then(a.cmp(b)));
    }
}

mod cycles;

#[cfg(test)]
mod tests;
