//! `gazette check`: everything `build` validates, plus every internal link, image and anchor
//! of the rendered pages, without writing anything.
//!
//! The site is compiled and rendered into memory like a build; then each HTML page is scanned
//! (`html.rs`) and its internal links are resolved against the rendered files, the copied
//! assets and the element ids of the target page (`links.rs`). `report.rs` prints the result
//! for people, for GitHub Actions annotations or as JSON.

pub mod html;
pub mod links;
pub mod report;

use crate::error::Errors;
use crate::site::{BuildOptions, compile, render_to_memory};

/// What a check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Every problem, sorted by place; empty when the site is clean.
    pub errors: Errors,
    /// HTML pages rendered and checked (0 when the site did not get that far).
    pub pages: usize,
    /// Warnings (issue 9): reported and counted; they fail the check only when denied.
    pub warnings: Errors,
    /// How each table was read (issue 14): `content/indicators/x.csv: read as a table with
    /// cells separated by `;`, …`.
    pub notes: Vec<String>,
}

impl CheckReport {
    /// Whether the site is clean (warnings allowed).
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The report with its warnings made errors (`--deny-warnings`).
    pub fn deny_warnings(self) -> CheckReport {
        let mut errors = self.errors;
        errors.extend(self.warnings.denied());
        errors.sort();
        CheckReport { errors, pages: self.pages, warnings: Errors::new(), notes: self.notes }
    }
}

/// Check the site described by `opts` (its `output` is never touched).
pub fn check_site(opts: &BuildOptions) -> CheckReport {
    let compiled = match compile(opts) {
        Ok(compiled) => compiled,
        Err(errors) => return CheckReport { errors, ..CheckReport::default() },
    };
    let mut warnings = compiled.site().data.warnings.clone();
    if let Some(warning) = crate::editor::script_warning(&compiled.site().config, &compiled.plan) {
        warnings.push(warning);
    }
    let mut notes = table_notes(&compiled.source);
    notes
        .extend(compiled.site().data.indicators.iter().flat_map(|e| e.indicator.table_notes.iter().cloned()));
    let files = match render_to_memory(&compiled) {
        Ok(files) => files,
        Err(errors) => return CheckReport { errors, pages: 0, warnings, notes },
    };
    let pages = files.keys().filter(|f| f.ends_with(".html")).count();
    let mut errors = links::check_rendered(&compiled, &files);
    errors.sort();
    CheckReport { errors, pages, warnings, notes }
}

/// One line per table file: the convention a CSV was read in, or that a workbook was read.
fn table_notes(source: &crate::site::load::SiteSource) -> Vec<String> {
    let csv = source.tables.iter().map(|t| {
        let how = crate::indicator::csv::dialect(&t.text).describe();
        let path = &t.path;
        format!("{path}: read as a table with {how}")
    });
    let books = source.workbooks.iter().map(|b| {
        let path = &b.path;
        format!("{path}: read as a workbook")
    });
    csv.chain(books).collect()
}
