//! Integration tests: one binary, one module per feature (fixture sites under `tests/sites/`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout, clippy::print_stderr)]
#![allow(unreachable_pub, missing_docs)]

mod build;
mod check;
mod cli;
mod editor;
mod errors;
mod figures_pages;
mod geo_periods;
mod harness;
mod i18n_data;
mod import_open_sdg;
mod indicators;
mod issue10_search;
mod issue10_search_dates;
mod issue14_open_sdg_more;
mod issue14_wide_notes;
mod issue14_workbook_bounds;
mod issue14_workbook_fuzz;
mod issue14_workbook_review;
mod languages;
mod maps;
mod maps_shared;
mod messages_vi;
mod new;
mod news;
mod parse_figures;
mod phones_decree42;
mod progress;
mod real_data;
mod security_bounds;
mod security_fs;
mod security_output;
#[cfg(feature = "serve")]
mod security_serve;
#[cfg(feature = "serve")]
mod serve;
mod tables_csv;
mod tables_excel;
mod visits;
