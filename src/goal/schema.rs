//! The shape of `content/programmes/<id>.yaml` as written (serde types and JSON Schema).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::geo::Level;

/// A programme file as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProgramme {
    /// Document number, e.g. `25/2021/NQ-HĐND`.
    pub number: String,
    /// Title of the document.
    pub title: String,
    /// Issuing body.
    pub issuer: String,
    /// Date of issue, YYYY-MM-DD.
    pub date: String,
    /// Link to the official text.
    #[serde(default)]
    pub url: Option<String>,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The targets.
    pub targets: Vec<RawTarget>,
    /// English texts for the English edition (each optional).
    #[serde(default)]
    pub en: Option<ProgrammeEn>,
}

/// The English texts of a programme (`en:`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeEn {
    /// Title of the document in English.
    #[serde(default)]
    pub title: Option<String>,
    /// Issuing body in English, e.g. "People's Council of Sơn Cao Province".
    #[serde(default)]
    pub issuer: Option<String>,
    /// Summary in English (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
}

/// The English text of a target (`en:`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetEn {
    /// The target in English.
    #[serde(default)]
    pub title: Option<String>,
}

/// The English name of a scope (`en:`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeEn {
    /// How pages name the scope, in English.
    #[serde(default)]
    pub label: Option<String>,
}

/// A target as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    /// Id, unique within the programme.
    pub id: String,
    /// The plan's own words.
    pub title: String,
    /// Indicator id.
    pub indicator: String,
    /// Breakdown, e.g. {age: "3-5"}; omitted for the total.
    #[serde(default)]
    pub disaggregation: BTreeMap<String, String>,
    /// Which units the target is about.
    pub scope: RawScope,
    /// What must happen.
    pub kind: TargetKind,
    /// How the measured quantity compares with `value` (default `>=`).
    #[serde(default)]
    pub comparator: Option<Comparator>,
    /// The number to reach: a level, points per year, or a share in %.
    pub value: f64,
    /// For kind `share`: when a unit counts as meeting.
    #[serde(default)]
    pub condition: Option<RawCondition>,
    /// Year the change is measured from.
    pub baseline_year: i64,
    /// Year the target must be met by.
    pub target_year: i64,
    /// English text for the English edition.
    #[serde(default)]
    pub en: Option<TargetEn>,
}

/// A scope as written: exactly one of `geo`, `units`, `level`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    /// One unit.
    #[serde(default)]
    pub geo: Option<String>,
    /// An explicit list of units.
    #[serde(default)]
    pub units: Option<Vec<String>>,
    /// All units of a level existing in the baseline year.
    #[serde(default)]
    pub level: Option<Level>,
    /// With `level`: only units meeting this condition on the indicator in a year.
    #[serde(default, rename = "where")]
    pub condition: Option<RawWhere>,
    /// With `level`: only units under this one.
    #[serde(default)]
    pub within: Option<String>,
    /// How pages name the scope.
    #[serde(default)]
    pub label: Option<String>,
    /// English name of the scope.
    #[serde(default)]
    pub en: Option<ScopeEn>,
}

/// A baseline condition on the indicator.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawWhere {
    /// The year the condition is read in.
    pub year: i64,
    /// How the value compares.
    pub comparator: Comparator,
    /// The threshold.
    pub value: f64,
}

/// When a unit counts as meeting (kind `share`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    /// How the value compares.
    pub comparator: Comparator,
    /// The threshold.
    pub value: f64,
}

/// What a target asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// Reach a level by the target year.
    Level,
    /// An average yearly fall since the baseline.
    AnnualDecrease,
    /// An average yearly rise since the baseline.
    AnnualIncrease,
    /// A share (in %) of units meeting a condition.
    Share,
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema, serde::Serialize)]
pub enum Comparator {
    /// At least.
    #[serde(rename = ">=")]
    AtLeast,
    /// At most.
    #[serde(rename = "<=")]
    AtMost,
    /// More than.
    #[serde(rename = ">")]
    Above,
    /// Less than.
    #[serde(rename = "<")]
    Below,
    /// Exactly.
    #[serde(rename = "=")]
    Equal,
}

impl Comparator {
    /// Whether `a <comparator> b` holds (equality within a small tolerance).
    pub fn holds(self, a: f64, b: f64) -> bool {
        const EPS: f64 = 1e-9;
        match self {
            Comparator::AtLeast => a >= b - EPS,
            Comparator::AtMost => a <= b + EPS,
            Comparator::Above => a > b + EPS,
            Comparator::Below => a < b - EPS,
            Comparator::Equal => (a - b).abs() <= EPS,
        }
    }

    /// The symbol: `≥`, `≤`, `>`, `<`, `=`.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::AtMost => "≤",
            Comparator::Above => ">",
            Comparator::Below => "<",
            Comparator::Equal => "=",
        }
    }

    /// Whether meeting it means going up to (or past) the value.
    pub fn wants_more(self) -> bool {
        matches!(self, Comparator::AtLeast | Comparator::Above)
    }
}
