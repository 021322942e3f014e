//! The shape of `content/indicators/<id>.yaml` as written: serde types (and the JSON Schema
//! editors use), before any cross-checking.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One indicator file as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// Optional; must equal the file name without `.yaml` when given.
    #[serde(default)]
    pub id: Option<String>,
    /// Full title, e.g. "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều".
    pub title: String,
    /// Short title for cards and legends, e.g. "Hộ nghèo".
    #[serde(default)]
    pub short_title: Option<String>,
    /// Theme id from `data.themes` in site.yaml.
    pub theme: String,
    /// Unit of the values.
    pub unit: UnitKind,
    /// Label overriding the unit's own (required for `count` and `custom`), e.g. "hộ".
    #[serde(default)]
    pub unit_label: Option<String>,
    /// Decimals shown on pages (data files keep full precision).
    #[serde(default)]
    pub decimals: Option<u8>,
    /// Which way is better.
    pub direction: Direction,
    /// One plain sentence saying what is measured.
    #[serde(default)]
    pub description: Option<String>,
    /// Agency that produces the figures.
    pub source: String,
    /// Web address of the source publication.
    #[serde(default)]
    pub source_url: Option<String>,
    /// How the figures are compiled (Markdown).
    #[serde(default)]
    pub methodology: Option<String>,
    /// Notes for readers (Markdown).
    #[serde(default)]
    pub notes: Option<String>,
    /// Date of the last update of the figures, YYYY-MM-DD.
    pub updated: String,
    /// Date the next update is expected, YYYY-MM-DD.
    #[serde(default)]
    pub next_update: Option<String>,
    /// What changed and when.
    #[serde(default)]
    pub revisions: Vec<RawRevision>,
    /// Smallest allowed value (percent: 0 unless given).
    #[serde(default)]
    pub min: Option<f64>,
    /// Largest allowed value (percent: 100 unless given).
    #[serde(default)]
    pub max: Option<f64>,
    /// Breakdowns such as age group or sex.
    #[serde(default)]
    pub disaggregations: Vec<RawDisaggregation>,
    /// Compact form: one entry per geo unit (× disaggregation) with values by year.
    #[serde(default)]
    pub series: Vec<RawSeries>,
    /// Long form: one entry per observation.
    #[serde(default)]
    pub observations: Vec<RawObservation>,
    /// A CSV file (next to this file) with columns geo, year, value and one per disaggregation.
    #[serde(default)]
    pub csv: Option<String>,
    /// A table next to this file, in the long or wide layout: `.csv` (either convention),
    /// `.xlsx`, `.xls` or `.ods`, e.g. `ho-ngheo.xlsx`.
    #[serde(default)]
    pub table: Option<String>,
    /// The sheet of a workbook to read (the first when not given), e.g. `Sheet1`.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The row (1-based) naming the columns, when titles stand above it.
    #[serde(default)]
    pub header_row: Option<usize>,
}

/// Units of measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Per cent (0–100).
    Percent,
    /// Percentage points.
    Points,
    /// A count; give `unit_label` (hộ, người, trạm).
    Count,
    /// Vietnamese đồng.
    Vnd,
    /// Million đồng.
    MillionVnd,
    /// Days per week (0–7).
    DaysPerWeek,
    /// Per thousand.
    #[serde(rename = "per_1000")]
    Per1000,
    /// 1 = met, 0 = not met.
    Boolean,
    /// A plain ratio.
    Ratio,
    /// Kilometres.
    Km,
    /// Any other unit; give `unit_label`.
    Custom,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Lower values are better (poverty, stunting).
    Lower,
    /// Higher values are better (enrolment, coverage).
    Higher,
}

/// A revision note.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRevision {
    /// When, YYYY-MM-DD.
    pub date: String,
    /// What changed.
    pub note: String,
}

/// A breakdown dimension.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDisaggregation {
    /// Id used in series and targets, e.g. `age`.
    pub id: String,
    /// Display name, e.g. "Nhóm tuổi".
    pub name: String,
    /// Its values in display order.
    pub values: Vec<RawDimValue>,
}

/// One value of a breakdown dimension.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDimValue {
    /// Id, e.g. `0-2` (quote it in YAML when it looks like a number).
    pub id: String,
    /// Display name, e.g. "0–2 tuổi".
    pub name: String,
}

/// Compact form: values by year for one geo unit (and one disaggregation value).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSeries {
    /// Geo id from geo.yaml.
    pub geo: String,
    /// Disaggregation values, e.g. {age: "0-2"}; omitted for the total.
    #[serde(default)]
    pub disaggregation: BTreeMap<String, String>,
    /// Values by year, e.g. {2019: 25.1, 2020: 22.3}; leave a year without a figure out.
    #[schemars(with = "BTreeMap<i64, f64>")]
    pub values: BTreeMap<i64, Option<Figure>>,
}

/// Long form: one observation.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    /// Geo id from geo.yaml.
    pub geo: String,
    /// Year.
    pub year: i64,
    /// Value.
    #[schemars(with = "f64")]
    pub value: Figure,
    /// Disaggregation values; omitted for the total.
    #[serde(default)]
    pub disaggregation: BTreeMap<String, String>,
}

/// A figure as written: a number, or text that should have been one (`"30,5"`). Text is kept
/// so that every bad figure of a file is reported, not only the first (issue 9).
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// A number.
    Number(f64),
    /// Text where a number belongs.
    Text(String),
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Figure;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // "f64" is what the YAML error messages turn into "a number"
                f.write_str("f64")
            }
            fn visit_f64<E>(self, v: f64) -> Result<Figure, E> {
                Ok(Figure::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Figure, E> {
                Ok(Figure::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Figure, E> {
                Ok(Figure::Number(v as f64))
            }
            fn visit_str<E>(self, v: &str) -> Result<Figure, E> {
                Ok(Figure::Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
