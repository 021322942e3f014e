//! gazette: a static site generator for public reporting.
//!
//! A public body keeps its news as Markdown and its statistics as YAML; `gazette build`
//! turns them into a complete static portal. The pipeline runs in one direction:
//!
//! ```text
//! site::load      read every file once (sorted)              → SiteSource
//! parse           front matter, Markdown, YAML → typed model  (config, content, indicator, …)
//! validate        whole site, every error collected           → Errors
//! derive          slugs, URLs, pagination, taxonomies, status → Site (immutable)
//! render          charts (plotters → SVG), pages (tera)       → rendered files, in parallel
//! site::write     temp folder, then swap into place           → public/
//! ```
//!
//! Rooms (modules) depend downwards only: `cli → site → {render, chart, content, config} →
//! source → error`.

pub mod chart;
pub mod date;
pub mod error;
pub mod escape;
pub mod locale;
pub mod messages;
pub mod slug;
pub mod source;
pub mod url;

pub use error::{Error, ErrorKind, Errors, Location};
pub use site::{BuildOptions, BuildReport, build};
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod editor;
pub mod geo;
pub mod goal;
pub mod import;
pub mod indicator;
pub mod map;
pub mod model;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod schema;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod site;
pub mod visits;
