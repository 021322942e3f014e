//! Rendering: model + theme → bytes of each output file. Pure: no files, no clock.
//!
//! Templates are compiled once into a [`Renderer`]; site-wide values (`site`, `t`) live in
//! tera's global context, so a page's context holds only what is particular to it.

pub mod data;
pub mod editions;
pub mod feed;
pub mod i18n;
pub mod pages;
pub mod search;
pub mod shortcodes;
pub mod site_map;
pub mod template;
pub mod views;

use tera::{Context, Kwargs, State, Tera};

use crate::date::Date;
use crate::error::{Error, Errors};
use crate::locale::{Lang, format_date, format_number};
use crate::model::{Form, PageKind, PlannedPage, Site};
use i18n::Strings;
use template::{Template, TemplateFiles, TemplateSource, check_required, map_tera_error};

/// Compiled templates plus the site-wide context.
pub struct Renderer {
    tera: Tera,
    files: TemplateFiles,
    /// The interface strings.
    pub strings: Strings,
    /// Every news item's card, built once and shared by all the pages that list it
    /// (tera values are reference-counted: a page takes clones, not copies).
    pub cards: Vec<tera::Value>,
}

/// Parts of every page that do not depend on the page, rendered once per build and given
/// to all pages as `shared.<name>_html` (when the theme has the partial).
const SHARED_PARTS: [(&str, &str); 2] =
    [("sidebar_html", "partials/sidebar.html"), ("footer_html", "partials/footer.html")];

impl Renderer {
    /// Compile the theme's templates and set the site-wide context.
    pub fn new(site: &Site, templates: &[TemplateSource], strings: Strings) -> Result<Renderer, Errors> {
        let files = TemplateFiles::new(templates);
        check_required(&files)?;
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        register_filters(&mut tera, site.config.lang);
        tera.add_raw_templates(templates.iter().map(|t| (t.name.as_str(), t.file.text.as_str())))
            .map_err(|e| Errors::from(map_tera_error(&e, &files)))?;
        let global = tera.global_context();
        global.insert("site", &views::site_view(site));
        global.insert("t", strings.map());
        let mut shared = std::collections::BTreeMap::new();
        for (key, name) in SHARED_PARTS {
            if tera.contains_template(name) {
                let html = tera
                    .render(name, &Context::new())
                    .map_err(|e| Errors::from(map_tera_error(&e, &files)))?;
                shared.insert(key, tera::Value::safe_string(&html));
            }
        }
        tera.global_context().insert_value("shared", tera::Value::from(shared));
        let cards = site.news.iter().map(|n| tera::Value::from_serializable(&views::card(site, n))).collect();
        Ok(Renderer { tera, files, strings, cards })
    }

    /// Render one planned page to the bytes of its file. `sites` holds every edition (the page
    /// belongs to `sites[page.edition]`, which these templates were compiled for).
    pub fn render(&self, sites: &[Site], plan: &[PlannedPage], page: &PlannedPage) -> Result<Vec<u8>, Error> {
        let Some(site) = sites.get(page.edition) else { return Err(not_a_template_page(page)) };
        match &page.kind {
            PageKind::Feed { category } => Ok(feed::rss(site, *category, &self.strings).into_bytes()),
            PageKind::Sitemap => Ok(feed::sitemap(sites, plan).into_bytes()),
            PageKind::Robots => Ok(feed::robots(site).into_bytes()),
            PageKind::DataCsv(i) => Ok(data::opendata::indicator_csv(site, *i).into_bytes()),
            PageKind::DataJson(i) => Ok(data::opendata::indicator_json(site, *i).into_bytes()),
            PageKind::CatalogJson => Ok(data::opendata::catalog_json(site).into_bytes()),
            PageKind::DataPackage => Ok(data::opendata::datapackage_json(site).into_bytes()),
            PageKind::RevisionsFeed => {
                let title = format!("{} – {}", site.config.title, self.strings.get("revisions"));
                Ok(data::opendata::revisions_atom(site, &title).into_bytes())
            }
            PageKind::ChartSvg { indicator, kind } => self.standalone_chart(site, *indicator, *kind),
            PageKind::MapSvg(file) => self.map_file(site, *file),
            PageKind::Schema(kind) => Ok(crate::schema::json_schema(*kind).into_bytes()),
            PageKind::SearchFile(i) => Ok(site
                .search
                .as_ref()
                .and_then(|s| s.files().get(*i))
                .map(|f| f.bytes.clone())
                .unwrap_or_default()),
            PageKind::Editor(file) => Ok(crate::editor::render_editor_file(site, *file).into_bytes()),
            PageKind::Home
            | PageKind::NewsList { .. }
            | PageKind::Article(_)
            | PageKind::TermList { .. }
            | PageKind::TermIndex(_)
            | PageKind::Page(_)
            | PageKind::NotFound
            | PageKind::SiteMap
            | PageKind::Search
            | PageKind::Alias { .. }
            | PageKind::IndicatorIndex
            | PageKind::Indicator(_)
            | PageKind::ProgrammeIndex
            | PageKind::Programme(_)
            | PageKind::Progress
            | PageKind::GeoIndex
            | PageKind::GeoProfile(_)
            | PageKind::DataCatalog => {
                let (template, mut context) = match page.kind.form() {
                    Form::StatisticsPage => data::context(self, site, page)?,
                    Form::NewsPage
                    | Form::Redirect
                    | Form::StatisticsFile
                    | Form::Feed
                    | Form::SiteFile
                    | Form::EditionFile => pages::context(self, site, page)?,
                };
                context.insert("alternates", &editions::head_links(sites, page));
                context.insert("languages", &editions::switcher(sites, page));
                // straight into bytes: the page goes to a file, so no UTF-8 check of the output
                let mut out = Vec::with_capacity(32 * 1024);
                self.tera
                    .render_to(template.name(), &context, &mut out)
                    .map_err(|e| map_tera_error(&e, &self.files))?;
                Ok(out)
            }
        }
    }

    /// A chart as a standalone SVG file (with an XML declaration).
    fn standalone_chart(
        &self,
        site: &Site,
        i: usize,
        kind: crate::model::ChartKind,
    ) -> Result<Vec<u8>, Error> {
        let w = data::words::Words { strings: &self.strings, lang: site.config.lang };
        let entry = &site.data.indicators[i];
        let id = format!("{}-{}", entry.indicator.id, kind.name());
        let chart = match (kind, entry.headline, entry.ranking) {
            (crate::model::ChartKind::Trend, Some(h), _) => data::charts::trend(&w, site, i, h, &id),
            (crate::model::ChartKind::Trend, None, _) => data::charts::share_trend(&w, site, i, &id),
            (crate::model::ChartKind::Groups, Some(h), _) => data::charts::groups(&w, site, i, h, &id),
            (crate::model::ChartKind::Ranking, _, Some(r)) => {
                data::charts::ranking(&w, site, i, r.level, r.year, 10, &id)
            }
            _ => None,
        };
        let svg = chart.map(|c| c.svg_html).ok_or_else(|| {
            Error::new(
                crate::error::ErrorKind::Chart,
                format!("the {} chart of `{}` has nothing to draw", kind.name(), entry.indicator.id),
            )
        })?;
        Ok(format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n").into_bytes())
    }

    /// A map file shared by many pages (issue 16), with an XML declaration.
    fn map_file(&self, site: &Site, file: crate::model::MapFile) -> Result<Vec<u8>, Error> {
        let w = data::words::Words { strings: &self.strings, lang: site.config.lang };
        let svg = match file {
            crate::model::MapFile::LocatorBase { level, until } => {
                data::locator::locator_base_file(&w, site, level, until)
            }
            crate::model::MapFile::Year { indicator, year } => {
                data::maps::year_map_file(&w, site, indicator, year)
            }
        };
        let svg = svg.ok_or_else(|| {
            Error::new(
                crate::error::ErrorKind::Chart,
                format!(
                    "the map `{}` has nothing to draw",
                    site.routes.path_of(site, &PageKind::MapSvg(file))
                ),
            )
        })?;
        Ok(format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n").into_bytes())
    }

    /// Render a template with a page context.
    pub fn render_template(&self, template: Template, context: &Context) -> Result<String, Error> {
        self.tera.render(template.name(), context).map_err(|e| map_tera_error(&e, &self.files))
    }
}

/// Filters for theme authors: numbers and dates in the site's format (or in the language a
/// `lang="en"` argument names) and `{name}` placeholders.
fn register_filters(tera: &mut Tera, lang: Lang) {
    let lang_of = move |kwargs: &Kwargs| {
        kwargs.get::<&str>("lang").ok().flatten().and_then(Lang::from_code).unwrap_or(lang)
    };
    tera.register_filter("num", move |value: f64, kwargs: Kwargs, _: &State| {
        let decimals = kwargs.get::<usize>("decimals").ok().flatten().unwrap_or(0);
        format_number(value, decimals, lang_of(&kwargs))
    });
    // `{{ "2025-03-12" | date(lang="en") }}` → `12 March 2025`; text that is no date stays as is
    tera.register_filter("date", move |text: &str, kwargs: Kwargs, _: &State| match Date::parse(text) {
        Ok(date) => format_date(date, lang_of(&kwargs)),
        Err(_) => text.to_string(),
    });
    tera.register_filter("fill", |text: &str, kwargs: Kwargs, _: &State| {
        let values: Vec<(String, String)> = kwargs
            .iter()
            .map(|(key, value)| {
                (key.to_string(), value.as_str().map_or_else(|| value.to_string(), str::to_string))
            })
            .collect();
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        i18n::fill(text, &pairs)
    });
}

/// The error for a page kind that a template function was handed but does not draw (a bug in
/// the dispatch of `Renderer::render`, reported rather than panicking).
fn not_a_template_page(page: &PlannedPage) -> Error {
    let path = &page.path;
    Error::new(crate::error::ErrorKind::Template, format!("`{path}` is not drawn by this template"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_format_in_the_site_language_or_the_one_named_issue_11() {
        // issue 11: an edition's templates pass `lang`; without it the site's language is used
        let mut tera = Tera::new();
        register_filters(&mut tera, Lang::Vi);
        let text = "{{ 1234.5 | num(decimals=2) }}; {{ 1234.5 | num(decimals=2, lang=\"en\") }}; \
                    {{ \"2025-03-12\" | date }}; {{ \"2025-03-12\" | date(lang=\"en\") }}; {{ \"soon\" | date }}";
        tera.add_raw_template("t", text).unwrap();
        let out = tera.render("t", &Context::new()).unwrap();
        assert_eq!(out, "1.234,50; 1,234.50; 12/03/2025; 12 March 2025; soon");
    }
}
