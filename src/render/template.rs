//! Template names and template errors.
//!
//! One enum names every template the generator renders directly, so no template name is a
//! string literal elsewhere. Tera errors are mapped back to the theme file and line.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::source::SourceFile;

/// The templates rendered directly (others are included or extended by these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// The home page.
    Index,
    /// A paginated list of news (all news, a category, a tag).
    List,
    /// A news item.
    Article,
    /// A static page.
    Page,
    /// The index of all terms of a taxonomy.
    Taxonomy,
    /// The page shown for unknown URLs.
    NotFound,
    /// A redirect page for an old URL.
    Alias,
    /// Indicators grouped by theme.
    Indicators,
    /// One indicator.
    Indicator,
    /// All programmes.
    Programmes,
    /// One programme with its targets.
    Programme,
    /// The progress of every target.
    Progress,
    /// The geography tree.
    GeoIndex,
    /// One unit's profile.
    Geo,
    /// The open-data catalogue.
    Catalog,
    /// A chart figure embedded by a shortcode.
    ChartFigure,
    /// A table embedded by a shortcode.
    TableFigure,
    /// The contact details, for the `contact()` shortcode (the footer includes it too).
    Contact,
    /// The site map for people (sơ đồ cổng).
    SiteMap,
    /// The search results page (issue 10).
    Search,
    /// A map embedded by the `map` shortcode (issue 16).
    MapFigure,
}

impl Template {
    /// Every template the generator needs.
    pub const ALL: [Template; 21] = [
        Template::Index,
        Template::List,
        Template::Article,
        Template::Page,
        Template::Taxonomy,
        Template::NotFound,
        Template::Alias,
        Template::Indicators,
        Template::Indicator,
        Template::Programmes,
        Template::Programme,
        Template::Progress,
        Template::GeoIndex,
        Template::Geo,
        Template::Catalog,
        Template::ChartFigure,
        Template::TableFigure,
        Template::Contact,
        Template::SiteMap,
        Template::Search,
        Template::MapFigure,
    ];

    /// File name under `templates/`.
    pub fn name(self) -> &'static str {
        match self {
            Template::Index => "index.html",
            Template::List => "list.html",
            Template::Article => "article.html",
            Template::Page => "page.html",
            Template::Taxonomy => "taxonomy.html",
            Template::NotFound => "404.html",
            Template::Alias => "alias.html",
            Template::Indicators => "indicators.html",
            Template::Indicator => "indicator.html",
            Template::Programmes => "programmes.html",
            Template::Programme => "programme.html",
            Template::Progress => "progress.html",
            Template::GeoIndex => "geo_index.html",
            Template::Geo => "geo.html",
            Template::Catalog => "catalog.html",
            Template::ChartFigure => "partials/chart.html",
            Template::TableFigure => "partials/table.html",
            Template::Contact => "partials/contact.html",
            Template::SiteMap => "site_map.html",
            Template::Search => "search.html",
            Template::MapFigure => "partials/map.html",
        }
    }
}

/// One template as loaded: its name for `extends`/`include` and its file.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    /// Name relative to `templates/` (`article.html`, `partials/pager.html`).
    pub name: String,
    /// The file; its path names the theme or site folder it came from.
    pub file: SourceFile,
}

/// Where each template came from, for error messages.
#[derive(Debug, Clone, Default)]
pub struct TemplateFiles {
    paths: BTreeMap<String, String>,
}

impl TemplateFiles {
    /// Remember the file path of each template name.
    pub fn new(templates: &[TemplateSource]) -> Self {
        TemplateFiles { paths: templates.iter().map(|t| (t.name.clone(), t.file.path.clone())).collect() }
    }

    fn path<'a>(&'a self, name: &'a str) -> &'a str {
        self.paths.get(name).map_or(name, String::as_str)
    }
}

/// Every required template must exist.
pub fn check_required(files: &TemplateFiles) -> Result<(), Errors> {
    let mut errors = Errors::new();
    for t in Template::ALL {
        if !files.paths.contains_key(t.name()) {
            errors.push(
                Error::new(ErrorKind::Template, format!("the theme has no template `{}`", t.name()))
                    .help(format!("add templates/{} to the theme (copy it from themes/default)", t.name())),
            );
        }
    }
    errors.into_result(())
}

/// A tera error as our error, located in the template file.
pub fn map_tera_error(err: &tera::Error, files: &TemplateFiles) -> Error {
    let mut message = match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let location = Location::at(files.path(report.filename()), span.start_line, span.start_col + 1);
            let mut e = Error::new(ErrorKind::Template, report.message().to_string()).at(location);
            e.help = Some(
                "fix the template; `{{ x }}` fails when x is undefined: guard it with {% if x %}".into(),
            );
            return chain(e, err);
        }
        tera::ErrorKind::MissingParent { current, parent } => {
            format!("template `{}` extends `{parent}`, which does not exist", files.path(current))
        }
        tera::ErrorKind::TemplateNotFound(name) => format!("template `{name}` not found"),
        other => other.to_string(),
    };
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        message.push_str(&format!(": {s}"));
        source = s.source();
    }
    Error::new(ErrorKind::Template, message)
}

fn chain(mut e: Error, err: &tera::Error) -> Error {
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        e.message.push_str(&format!(": {s}"));
        source = s.source();
    }
    e
}
