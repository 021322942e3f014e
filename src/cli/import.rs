//! `gazette import open-sdg DIR`: write the indicators, then say what was written and what
//! could not be mapped (issue 14).

use std::path::Path;

use super::output::{err_line, out_line};
use crate::import::import_open_sdg;
use crate::locale::Lang;
use crate::messages::{for_people, translate};

/// Run `gazette import open-sdg`; returns the exit code.
pub(super) fn run(dir: &Path, root: &Path, lang: Lang) -> i32 {
    match import_open_sdg(dir, root) {
        Ok(report) => {
            for file in &report.written {
                out_line!("{}", translate(&format!("wrote {file}"), lang));
            }
            for line in &report.notes {
                out_line!("{}", translate(&format!("note: {line}"), lang));
            }
            for line in &report.unmapped {
                out_line!("{}", translate(&format!("not mapped: {line}"), lang));
            }
            let n = report.written.len() / 2;
            out_line!(
                "{}",
                translate(&format!("Imported {n} indicators; run gazette check to see the result"), lang)
            );
            0
        }
        Err(errors) => {
            super::output::write_stderr(&for_people(&errors, lang));
            err_line!("{}", translate("nothing was imported", lang));
            1
        }
    }
}
