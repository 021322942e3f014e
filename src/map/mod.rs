//! Maps: every indicator as a choropleth by unit, drawn at build time into SVG, with no
//! JavaScript (issue 16).
//!
//! A pure room like `chart`: it knows geo ids and shapes, not indicators or templates.
//!
//! | step | module |
//! |---|---|
//! | read and check `content/boundaries.geojson` | [`geojson`], `check` |
//! | cut rings into arcs shared by neighbours | `topology` |
//! | project, simplify each arc once, write path data | `project`, `simplify`, [`atlas`] |
//! | quantile classes, palette in which worse is darker, legend ranges | [`classes`] |
//! | draw: paper and legend with plotters, units as linked paths; locator bases and locators | [`draw`] |
//!
//! Shared borders are simplified once and written in exact tenths of a viewBox unit, so
//! neighbours meet without gaps or slivers. Every map is an `<svg role="img">` with a
//! `<title>` and a `<desc>`; each unit is a link to its profile with a `<title>` (name,
//! value, year); units without data are hatched, never left white.

pub mod atlas;
mod check;
pub mod classes;
pub mod draw;
pub mod geojson;
pub mod project;
mod simplify;
pub mod topology;

#[cfg(test)]
mod tests;

pub use atlas::{Atlas, build_atlas};
pub use draw::{MapClass, MapSpec, MapUnit, render_base, render_locator, render_map};
pub use geojson::{Boundaries, Shape, parse_boundaries};
