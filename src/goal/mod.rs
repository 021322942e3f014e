//! Programmes (plans, resolutions) and their targets, and the progress towards each target.
//!
//! (Named `goal`, not `target`: next to cargo's `target/`, clean-up rules aimed at the build
//! folder would delete this source folder; issue 11.)
//!
//! A target reads indicators and the geography; an indicator never reads targets. `parse`
//! checks a programme file and resolves each target's scope to units; `progress` computes
//! the status by the documented method (see the README, "How progress is judged").

pub mod formed;
pub mod parse;
pub mod progress;
pub mod schema;

use crate::date::Date;
use crate::geo::Level;
use crate::indicator::Breakdown;
pub use schema::{Comparator, ProgrammeEn, TargetEn, TargetKind};

/// A validated programme.
#[derive(Debug, Clone)]
pub struct Programme {
    /// Id (the file name).
    pub id: String,
    /// Source file path.
    pub path: String,
    /// Document number, e.g. `25/2021/NQ-HĐND`.
    pub number: String,
    /// Title of the document.
    pub title: String,
    /// Issuing body.
    pub issuer: String,
    /// Date of issue.
    pub date: Date,
    /// Link to the official text.
    pub url: Option<String>,
    /// Summary, Markdown.
    pub summary: String,
    /// Targets in the order written.
    pub targets: Vec<Target>,
    /// English texts (`en:`).
    pub en: ProgrammeEn,
}

/// One target of a programme.
#[derive(Debug, Clone)]
pub struct Target {
    /// Id, unique within the programme.
    pub id: String,
    /// The plan's own words.
    pub title: String,
    /// Index of the indicator in the site's indicator list.
    pub indicator: usize,
    /// Which breakdown of the indicator (all `None` = the total).
    pub breakdown: Breakdown,
    /// The units the target is about.
    pub scope: Scope,
    /// What must happen.
    pub kind: TargetKind,
    /// How the measured quantity compares with `value`.
    pub comparator: Comparator,
    /// The number to reach.
    pub value: f64,
    /// For `share`: when a unit counts as meeting.
    pub condition: Option<(Comparator, f64)>,
    /// Year the change is measured from.
    pub baseline_year: i32,
    /// Year the target must be met by.
    pub target_year: i32,
    /// English text (`en:`).
    pub en: TargetEn,
}

/// The resolved scope of a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    /// How it was written.
    pub kind: ScopeKind,
    /// The units, resolved at the baseline year (indices into the geography).
    pub units: Vec<usize>,
    /// How pages name it, if the programme says.
    pub label: Option<String>,
    /// The label in English, when given.
    pub label_en: Option<String>,
}

/// How a scope was written.
#[derive(Debug, Clone, PartialEq)]
pub enum ScopeKind {
    /// One unit.
    One,
    /// An explicit list.
    List,
    /// All units of a level (optionally under one unit, optionally meeting a baseline condition).
    Level {
        /// The level.
        level: Level,
        /// Only units under this one.
        within: Option<usize>,
        /// Baseline condition: (year, comparator, value).
        condition: Option<(i32, Comparator, f64)>,
    },
}
