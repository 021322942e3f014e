//! Indicators: statistics per geo unit and year (and breakdown), with their metadata.
//!
//! `schema` is the file as written, `validate` checks it against the geography and turns it
//! into an [`Indicator`], `stats` derives figures (latest value, changes, ranks). This room
//! neither draws nor formats for display.

pub mod csv;
mod from_table;
mod observations;
mod ods_scan;
pub mod schema;
pub mod sheet_bounds;
pub mod stats;
pub mod table;
pub mod validate;
pub mod workbook;
mod xls_container;
mod xls_scan;

#[cfg(test)]
mod tests;

use crate::date::Date;
pub use schema::{Direction, IndicatorEn, UnitKind};

/// A validated indicator.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Id (the file name).
    pub id: String,
    /// Source file path.
    pub path: String,
    /// Full title.
    pub title: String,
    /// Short title.
    pub short_title: String,
    /// Theme id.
    pub theme: String,
    /// Unit of the values.
    pub unit: UnitKind,
    /// Explicit unit label, if given.
    pub unit_label: Option<String>,
    /// Decimals to show.
    pub decimals: usize,
    /// Which way is better.
    pub direction: Direction,
    /// One-sentence description.
    pub description: String,
    /// Producing agency.
    pub source: String,
    /// Web address of the source.
    pub source_url: Option<String>,
    /// Methodology, Markdown.
    pub methodology: String,
    /// Notes, Markdown.
    pub notes: String,
    /// Last update of the figures.
    pub updated: Date,
    /// Next expected update.
    pub next_update: Option<Date>,
    /// Revision notes, newest first.
    pub revisions: Vec<Revision>,
    /// Breakdown dimensions.
    pub dims: Vec<Dim>,
    /// Series sorted by (geo, breakdown); each has points sorted by year.
    pub series: Vec<Series>,
    /// English texts (`en:`); `short_title` defaults to the English title like the original.
    pub en: IndicatorEn,
    /// What reading its table left aside (note and source columns), said by `gazette check`.
    pub table_notes: Vec<String>,
}

/// A revision note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// When.
    pub date: Date,
    /// What changed.
    pub note: String,
    /// The note in English, when given.
    pub note_en: Option<String>,
}

/// A breakdown dimension (age group, sex, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dim {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Values: (id, display name), in display order.
    pub values: Vec<(String, String)>,
    /// The name in English, when given.
    pub name_en: Option<String>,
    /// The English name of each value (same order as `values`), when given.
    pub values_en: Vec<Option<String>>,
}

/// For each dimension, the index of the value, or `None` for the total over that dimension.
pub type Breakdown = Vec<Option<u16>>;

/// What open data files write in a disaggregation column on a row that is not broken down by
/// it (SDMX's code for "total"), so that the columns can be part of the primary key; no
/// disaggregation value may use it as its id.
pub const TOTAL_CODE: &str = "_T";

/// The values of one geo unit (and breakdown) over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Index of the geo unit.
    pub geo: usize,
    /// Breakdown (all `None` = the total).
    pub breakdown: Breakdown,
    /// (year, value), sorted by year.
    pub points: Vec<(i32, f64)>,
}

impl Indicator {
    /// A bare indicator `x` (one decimal, lower is better) holding `series`, for unit tests of
    /// the rooms that read indicators.
    #[cfg(test)]
    pub(crate) fn for_tests(unit: UnitKind, series: Vec<Series>) -> Indicator {
        Indicator {
            id: "x".into(),
            path: String::new(),
            title: String::new(),
            short_title: String::new(),
            theme: String::new(),
            unit,
            unit_label: None,
            decimals: 1,
            direction: Direction::Lower,
            description: String::new(),
            source: String::new(),
            source_url: None,
            methodology: String::new(),
            notes: String::new(),
            updated: crate::date::Date { year: 2025, month: 1, day: 1 },
            next_update: None,
            revisions: Vec::new(),
            dims: Vec::new(),
            series,
            en: IndicatorEn::default(),
            table_notes: Vec::new(),
        }
    }

    /// The series for a geo unit and breakdown.
    pub fn series_for(&self, geo: usize, breakdown: &[Option<u16>]) -> Option<&Series> {
        self.series
            .binary_search_by(|s| (s.geo, s.breakdown.as_slice()).cmp(&(geo, breakdown)))
            .ok()
            .map(|i| &self.series[i])
    }

    /// The total series (no breakdown) of a geo unit.
    pub fn total(&self, geo: usize) -> Option<&Series> {
        self.series_for(geo, &self.total_key())
    }

    /// The breakdown key of the total.
    pub fn total_key(&self) -> Breakdown {
        vec![None; self.dims.len()]
    }

    /// The value for a unit, breakdown and year.
    pub fn value(&self, geo: usize, breakdown: &[Option<u16>], year: i32) -> Option<f64> {
        let s = self.series_for(geo, breakdown)?;
        s.points.binary_search_by_key(&year, |p| p.0).ok().map(|i| s.points[i].1)
    }

    /// Every year that has a value, sorted.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The breakdown key for `{dim_id: value_id}` pairs, or the first pair that is unknown.
    pub fn breakdown_of<'a>(
        &self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Breakdown, (&'a str, &'a str)> {
        let mut key = self.total_key();
        for (dim, value) in pairs {
            let d = self.dims.iter().position(|x| x.id == dim).ok_or((dim, value))?;
            let v = self.dims[d].values.iter().position(|x| x.0 == value).ok_or((dim, value))?;
            key[d] = Some(v as u16);
        }
        Ok(key)
    }

    /// Display names of a breakdown's values, e.g. ["0–2 tuổi"]; empty for the total.
    pub fn breakdown_names(&self, breakdown: &[Option<u16>]) -> Vec<&str> {
        breakdown
            .iter()
            .zip(&self.dims)
            .filter_map(|(v, d)| v.map(|v| d.values[v as usize].1.as_str()))
            .collect()
    }

    /// Ids of a breakdown as `(dim, value)` pairs; empty for the total.
    pub fn breakdown_ids(&self, breakdown: &[Option<u16>]) -> Vec<(&str, &str)> {
        breakdown
            .iter()
            .zip(&self.dims)
            .filter_map(|(v, d)| v.map(|v| (d.id.as_str(), d.values[v as usize].0.as_str())))
            .collect()
    }
}
