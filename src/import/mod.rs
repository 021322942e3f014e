//! `gazette import`: bring another tool's data into a site as gazette indicators. One source
//! for now: an Open SDG data repository (issue 14).

mod meta;
pub mod open_sdg;
mod sdg_files;

pub use open_sdg::{ImportReport, import_open_sdg};
