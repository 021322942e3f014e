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
    /// English texts for the English edition (each optional; a missing one falls back).
    #[serde(default)]
    pub en: Option<IndicatorEn>,
}

/// The English texts of an indicator (`en:` in its file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEn {
    /// Full title, e.g. "Poor household rate (multidimensional poverty standard)".
    #[serde(default)]
    pub title: Option<String>,
    /// Short title for cards and legends, e.g. "Poor households".
    #[serde(default)]
    pub short_title: Option<String>,
    /// Label of the unit, e.g. "households".
    #[serde(default)]
    pub unit_label: Option<String>,
    /// One plain sentence saying what is measured.
    #[serde(default)]
    pub description: Option<String>,
    /// Agency that produces the figures.
    #[serde(default)]
    pub source: Option<String>,
    /// How the figures are compiled (Markdown).
    #[serde(default)]
    pub methodology: Option<String>,
    /// Notes for readers (Markdown).
    #[serde(default)]
    pub notes: Option<String>,
}

/// The English name of a disaggregation or of one of its values (`en:`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NameEn {
    /// Display name, e.g. "Age group".
    #[serde(default)]
    pub name: Option<String>,
}

/// The English note of a revision (`en:`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteEn {
    /// What changed.
    #[serde(default)]
    pub note: Option<String>,
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
    /// The note in English.
    #[serde(default)]
    pub en: Option<NoteEn>,
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
    /// The name in English.
    #[serde(default)]
    pub en: Option<NameEn>,
}

/// One value of a breakdown dimension.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDimValue {
    /// Id, e.g. `0-2` (quote it in YAML when it looks like a number).
    pub id: String,
    /// Display name, e.g. "0–2 tuổi".
    pub name: String,
    /// The name in English.
    #[serde(default)]
    pub en: Option<NameEn>,
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
    #[serde(deserialize_with = "by_year")]
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

/// Values by year. A year may also be a quoted key, `"2019": 25.1`: the web editor (issue 13)
/// writes keys so, and the year it names is not in doubt.
fn by_year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<i64, Option<Figure>>, D::Error> {
    let raw: BTreeMap<Year, Option<Figure>> = BTreeMap::deserialize(d)?;
    Ok(raw.into_iter().map(|(year, value)| (year.0, value)).collect())
}

/// A year key: a whole number, or a whole number in quotes.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Year(i64);

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Year, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Year;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("i64")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Year, E> {
                Ok(Year(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Year, E> {
                i64::try_from(v)
                    .map(Year)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Year, E> {
                let digits = !v.is_empty() && v.len() <= 6 && v.bytes().all(|b| b.is_ascii_digit());
                match v.parse::<i64>() {
                    Ok(year) if digits => Ok(Year(year)),
                    _ => Err(E::invalid_type(serde::de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}
