//! The data side of the derived site: geography, indicators with their derived figures,
//! programmes with the progress of every target, and the paths of their pages and files.

use crate::config::Theme;
use crate::geo::{Geo, Level};
use crate::goal::Programme;
use crate::goal::progress::Progress;
use crate::indicator::Indicator;
use crate::locale::Lang;
use crate::model::localize::Fallbacks;

/// Everything about statistics; empty when the site has no data files.
#[derive(Debug, Clone, Default)]
pub struct Data {
    /// The geography.
    pub geo: Geo,
    /// Indicators, sorted by id.
    pub indicators: Vec<IndicatorEntry>,
    /// Programmes, sorted by id.
    pub programmes: Vec<ProgrammeEntry>,
    /// Indicator themes in display order (only those with indicators).
    pub themes: Vec<Theme>,
    /// The unit headline figures are about (`data.province`, else the root).
    pub home: Option<usize>,
    /// Indicators shown as key figures on the home page.
    pub key_figures: Vec<usize>,
    /// Site path of each geo unit's profile page, by unit index.
    pub geo_paths: Vec<String>,
    /// Warnings found in the data files (reported by the CLI, fatal with `--deny-warnings`).
    pub warnings: crate::error::Errors,
    /// The language the texts are in: the site's first language, or the edition's after
    /// [`localize`](crate::model::localize::localize).
    pub lang: Lang,
    /// The texts shown in the site's first language because they have no translation.
    pub fallbacks: Fallbacks,
    /// The shapes of `content/boundaries.geojson`, ready to draw (issue 16); `None` without it.
    /// Shared, not copied, by the editions: a national atlas holds megabytes of path data.
    pub atlas: Option<std::sync::Arc<crate::map::Atlas>>,
}

impl Data {
    /// Whether the site publishes any statistics.
    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty()
    }

    /// The display name of a theme id.
    pub fn theme_name(&self, id: &str) -> Option<&str> {
        self.themes.iter().find(|t| t.id == id).map(|t| t.name.as_str())
    }

    /// The index of an indicator id.
    pub fn indicator(&self, id: &str) -> Option<usize> {
        self.indicators.binary_search_by(|e| e.indicator.id.as_str().cmp(id)).ok()
    }
}

/// An indicator with what the site derives for it.
#[derive(Debug, Clone)]
pub struct IndicatorEntry {
    /// The validated indicator.
    pub indicator: Indicator,
    /// Site path of its page, `/indicators/<id>/`.
    pub path: String,
    /// Site path of its observations as CSV, `/data/<id>.csv`.
    pub csv_path: String,
    /// Site path of its observations and metadata as JSON, `/data/<id>.json`.
    pub json_path: String,
    /// Methodology rendered from Markdown.
    pub methodology_html: String,
    /// Notes rendered from Markdown.
    pub notes_html: String,
    /// The English methodology rendered from Markdown, when given.
    pub methodology_html_en: Option<String>,
    /// The English notes rendered from Markdown, when given.
    pub notes_html_en: Option<String>,
    /// Targets about it: (programme index, target index).
    pub targets: Vec<(usize, usize)>,
    /// The unit its headline is about: the site's home unit when it has data, else the
    /// unit with the most recent data at the highest level.
    pub headline: Option<usize>,
    /// The level whose units are ranked (the lowest level with at least three units in one year).
    pub ranking: Option<Ranking>,
    /// For met/not-met indicators: units meeting it per year, at the ranking level.
    pub share: Vec<ShareYear>,
    /// Total values of every unit, by (level, year), sorted ascending: a unit's rank among its
    /// peers is a binary search away.
    pub peers: std::collections::BTreeMap<(Level, i32), Vec<f64>>,
    /// Standalone chart files offered for download.
    pub charts: Vec<ChartFile>,
}

/// How many units met a met/not-met indicator in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareYear {
    /// The year.
    pub year: i32,
    /// Units meeting it.
    pub met: usize,
    /// Units with a value.
    pub units: usize,
}

impl IndicatorEntry {
    /// The rank of `value` among the units of `level` in `year`, and how many units there are.
    ///
    /// The one definition of a rank on every page (issue 9): 1 = best for the indicator's
    /// direction (the lowest value when lower is better), and equal values share a rank, the
    /// next rank skipping as many places ("competition ranking": 1, 2, 2, 4).
    pub fn rank(&self, level: Level, year: i32, value: f64) -> Option<(usize, usize)> {
        let values = self.peers.get(&(level, year))?;
        let better = match self.indicator.direction {
            crate::indicator::Direction::Lower => values.partition_point(|v| *v < value),
            crate::indicator::Direction::Higher => values.len() - values.partition_point(|v| *v <= value),
        };
        Some((better + 1, values.len()))
    }
}

impl ShareYear {
    /// The share in per cent.
    pub fn percent(&self) -> f64 {
        if self.units == 0 { 0.0 } else { 100.0 * self.met as f64 / self.units as f64 }
    }
}

/// Which units an indicator ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranking {
    /// Their level.
    pub level: Level,
    /// The year ranked (the latest with at least three values at that level).
    pub year: i32,
}

/// Kinds of standalone charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Time series of the headline unit with targets.
    Trend,
    /// Ranking of units in the latest year.
    Ranking,
    /// Breakdown groups against their targets.
    Groups,
}

impl ChartKind {
    /// Every kind, in the order messages list them.
    pub const ALL: [ChartKind; 3] = [ChartKind::Trend, ChartKind::Ranking, ChartKind::Groups];

    /// The kind named `name` (`kind="ranking"` in a shortcode), if there is one.
    pub fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// File name stem, e.g. `trend`.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Trend => "trend",
            ChartKind::Ranking => "ranking",
            ChartKind::Groups => "groups",
        }
    }
}

/// A map file drawn once and shared by many pages and both editions (issue 16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapFile {
    /// The base of the locator maps of one level and period: every unit of `level` that
    /// existed on `until` (`None`: today's units), drawn light; each profile of that period
    /// puts its own unit over it with `<use href="…#base">`.
    LocatorBase {
        /// The level drawn.
        level: Level,
        /// The last day of the period (`None`: the current units).
        until: Option<crate::date::Date>,
    },
    /// An indicator's map of an earlier year, a small multiple on its page.
    Year {
        /// Index of the indicator.
        indicator: usize,
        /// The year shown.
        year: i32,
    },
}

/// A standalone chart file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartFile {
    /// Which chart.
    pub kind: ChartKind,
    /// Site path, `/charts/<indicator>/<kind>.svg`.
    pub path: String,
}

/// A programme with the progress of each target.
#[derive(Debug, Clone)]
pub struct ProgrammeEntry {
    /// The validated programme.
    pub programme: Programme,
    /// Site path, `/programmes/<id>/`.
    pub path: String,
    /// Summary rendered from Markdown.
    pub summary_html: String,
    /// The English summary rendered from Markdown, when given.
    pub summary_html_en: Option<String>,
    /// Progress of each target, in target order.
    pub progress: Vec<Progress>,
}
