//! `gazette check`: validate and check links without writing; print in the chosen format.

use super::output::{write_stderr, write_stdout};
use std::path::PathBuf;

use super::CheckFormat;
use crate::check::check_site;
use crate::check::report::{Format, format_report};
use crate::site::BuildOptions;

/// Run `gazette check`; returns the exit code (0 only when the site is clean).
pub(super) fn run(root: PathBuf, base_url: Option<String>, drafts: bool, format: CheckFormat) -> i32 {
    // `output` is required by the options but never used: a check writes nothing
    let output = root.join("public");
    let report = check_site(&BuildOptions { root, output, base_url, drafts });
    let format = match format {
        CheckFormat::Human => Format::Human,
        CheckFormat::Github => Format::Github,
        CheckFormat::Json => Format::Json,
    };
    let text = format_report(&report, format);
    if format == Format::Human && !report.ok() {
        write_stderr(&text);
    } else {
        write_stdout(&text);
    }
    if report.ok() { 0 } else { 1 }
}
