//! Routes: the one place that decides the site path and output file of every page, in every
//! edition (language) of the site.
//!
//! The first language of `languages:` is at `/`; every other edition lives under `/<code>/`
//! (`/en/news/…`). Files that are not HTML pages for readers (open data, charts, schemas,
//! `robots.txt`, `sitemap.xml`) exist once, at the root, whatever the edition.
//!
//! Templates never build a URL: views receive them from here, with the base path added by
//! `Config::url`.
//!
//! # Adding a page kind
//! 1. one variant in [`crate::model::PageKind`];
//! 2. one arm in [`Routes::path_of`] below (and a method if the path has a pattern);
//! 3. one arm where pages are rendered (`render::Renderer::render`, or `render::pages::context`
//!    / `render::data::context` with its template).
//!
//! Every `match` on `PageKind` is exhaustive, so the compiler lists any arm still missing; the
//! plan (`site::plan`) then lists the pages of the new kind.

use crate::date::Date;
use crate::geo::Level;
use crate::model::{ChartKind, EditorFile, MapFile, PageKind, SchemaKind, Site, TaxonomyKind};

/// The paths of one edition: the same patterns under the edition's prefix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Routes {
    /// `""` for the first language, `/en` for English as a second language.
    prefix: String,
}

impl Routes {
    /// Routes of the edition at `/` (the first language, or a single-language site).
    pub fn root() -> Routes {
        Routes { prefix: String::new() }
    }

    /// Routes of an edition under `/<code>/`.
    pub fn under(code: &str) -> Routes {
        Routes { prefix: format!("/{code}") }
    }

    /// The edition's prefix: `""` or `/en`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// A site path written by an editor (menu entries) in this edition: a page (`/news/`,
    /// `/gioi-thieu/`) → `/en/news/`; a file (`/media/a.pdf`, `/data/x.csv`) is shared by
    /// every edition and stays as written.
    pub fn edition_path(&self, path: &str) -> String {
        let last = path.split(['?', '#']).next().unwrap_or("").rsplit('/').next().unwrap_or("");
        if self.prefix.is_empty() || !path.starts_with('/') || last.contains('.') {
            path.to_string()
        } else {
            format!("{}{path}", self.prefix)
        }
    }

    /// A site path in the edition (`/` → `/en/`); `rest` starts with `/`.
    fn at(&self, rest: &str) -> String {
        format!("{}{rest}", self.prefix)
    }

    /// The home page.
    pub fn home(&self) -> String {
        self.at("/")
    }

    /// Page `n` (1-based) of the news list.
    pub fn news_list(&self, n: usize) -> String {
        pager_path(&self.at("/news/"), n)
    }

    /// A news item.
    pub fn article(&self, slug: &str) -> String {
        self.at(&format!("/news/{slug}/"))
    }

    /// The search results page; the edition's index files are in the same folder (issue 10).
    pub fn search(&self) -> String {
        self.at("/search/")
    }

    /// The site map for people (sơ đồ cổng).
    pub fn site_map(&self) -> String {
        self.at("/so-do-cong/")
    }

    /// A static page.
    pub fn page(&self, slug: &str) -> String {
        self.at(&format!("/{slug}/"))
    }

    /// The index of a taxonomy's terms.
    pub fn taxonomy(&self, kind: TaxonomyKind) -> String {
        self.at(&format!("/{}/", kind.segment()))
    }

    /// Page `n` of a term's list of news.
    pub fn term(&self, kind: TaxonomyKind, slug: &str, n: usize) -> String {
        pager_path(&self.at(&format!("/{}/{slug}/", kind.segment())), n)
    }

    /// The feed of a term (categories only have one).
    pub fn term_feed(&self, kind: TaxonomyKind, slug: &str) -> Option<String> {
        (kind == TaxonomyKind::Categories).then(|| self.at(&format!("/{}/{slug}/rss.xml", kind.segment())))
    }

    /// The feed of all news.
    pub fn feed(&self) -> String {
        self.at("/rss.xml")
    }

    /// The page for addresses that do not exist.
    pub fn not_found(&self) -> String {
        self.at("/404.html")
    }

    /// The theme's stylesheet (shared by every edition).
    pub fn stylesheet(&self) -> String {
        "/assets/site.css".to_string()
    }

    /// The theme's script for the print button (shared by every edition).
    pub fn site_script(&self) -> String {
        "/assets/site.js".to_string()
    }

    /// The script of the search results page (shared by every edition).
    pub fn search_script(&self) -> String {
        "/assets/search.js".to_string()
    }

    /// The script that fills the visit statistics box (shared by every edition).
    pub fn visits_script(&self) -> String {
        "/assets/visits.js".to_string()
    }

    /// The visit figures written by `gazette visits` beside the site (shared, issue 15).
    pub fn visit_figures(&self) -> String {
        "/stats/visits.json".to_string()
    }

    /// The theme's icon (shared by every edition).
    pub fn favicon(&self) -> String {
        "/assets/favicon.svg".to_string()
    }

    /// The indicators, grouped by theme.
    pub fn indicator_index(&self) -> String {
        self.at("/indicators/")
    }

    /// The heading of a theme on the indicator index.
    pub fn indicator_theme(&self, theme: &str) -> String {
        self.at(&format!("/indicators/#{theme}"))
    }

    /// One indicator.
    pub fn indicator(&self, id: &str) -> String {
        self.at(&format!("/indicators/{id}/"))
    }

    /// All programmes.
    pub fn programme_index(&self) -> String {
        self.at("/programmes/")
    }

    /// One programme.
    pub fn programme(&self, id: &str) -> String {
        self.at(&format!("/programmes/{id}/"))
    }

    /// One target on its programme's page.
    pub fn programme_target(&self, programme: &str, target: &str) -> String {
        format!("{}#{target}", self.programme(programme))
    }

    /// Every target with its status.
    pub fn progress(&self) -> String {
        self.at("/progress/")
    }

    /// The geography as a tree.
    pub fn geo_index(&self) -> String {
        self.at("/geo/")
    }

    /// One unit's profile.
    pub fn geo(&self, id: &str) -> String {
        self.at(&format!("/geo/{id}/"))
    }

    /// The open-data catalogue page.
    pub fn data_catalog(&self) -> String {
        self.at("/data/")
    }

    /// An indicator's observations as CSV (one file for every edition).
    pub fn data_csv(&self, id: &str) -> String {
        format!("/data/{id}.csv")
    }

    /// An indicator's observations as JSON (one file for every edition).
    pub fn data_json(&self, id: &str) -> String {
        format!("/data/{id}.json")
    }

    /// The catalogue as JSON (one file for every edition).
    pub fn catalog_json(&self) -> String {
        "/data/catalog.json".to_string()
    }

    /// The Frictionless Data Package (one file for every edition).
    pub fn datapackage(&self) -> String {
        "/data/datapackage.json".to_string()
    }

    /// The Atom feed of data revisions (one file for every edition).
    pub fn revisions(&self) -> String {
        "/data/revisions.xml".to_string()
    }

    /// A standalone chart (one file for every edition).
    pub fn chart(&self, indicator: &str, kind: ChartKind) -> String {
        format!("/charts/{indicator}/{}.svg", kind.name())
    }

    /// The base of the locator maps of one level and period (one file for every edition,
    /// issue 16): `/maps/locator-commune.svg`, `/maps/locator-commune-2025-06-30.svg`.
    pub fn locator_base(&self, level: Level, until: Option<Date>) -> String {
        match until {
            None => format!("/maps/locator-{}.svg", level.name()),
            Some(d) => {
                format!("/maps/locator-{}-{:04}-{:02}-{:02}.svg", level.name(), d.year, d.month, d.day)
            }
        }
    }

    /// An indicator's map of an earlier year, a small multiple on its page (one file for every
    /// edition, issue 16).
    pub fn map_year(&self, indicator: &str, year: i32) -> String {
        format!("/charts/{indicator}/map-{year}.svg")
    }

    /// A file of the web editor (one for every edition: `/admin/`, `/admin/config.yml`).
    pub fn editor(&self, file: EditorFile) -> String {
        match file {
            EditorFile::Page { .. } => "/admin/".to_string(),
            EditorFile::Config => "/admin/config.yml".to_string(),
        }
    }

    /// A JSON Schema for editors (one file for every edition).
    pub fn schema(&self, kind: SchemaKind) -> String {
        format!("/schemas/{}.json", kind.name())
    }

    /// `sitemap.xml` (one file, listing every edition).
    pub fn sitemap(&self) -> String {
        "/sitemap.xml".to_string()
    }

    /// `robots.txt` (one file).
    pub fn robots(&self) -> String {
        "/robots.txt".to_string()
    }

    /// The site path of a page of `site` (an edition of the site): the single `match` on every
    /// page kind that decides addresses.
    pub fn path_of(&self, site: &Site, kind: &PageKind) -> String {
        let data = &site.data;
        let term_slug = |taxonomy: TaxonomyKind, term: usize| match taxonomy {
            TaxonomyKind::Categories => &site.categories.terms[term].slug,
            TaxonomyKind::Tags => &site.tags.terms[term].slug,
        };
        match kind {
            PageKind::Home => self.home(),
            PageKind::NewsList { page } => self.news_list(*page),
            PageKind::Article(i) => self.article(&site.news[*i].item.slug),
            PageKind::TermList { taxonomy, term, page } => {
                self.term(*taxonomy, term_slug(*taxonomy, *term), *page)
            }
            PageKind::TermIndex(kind) => self.taxonomy(*kind),
            PageKind::Page(i) => self.page(&site.pages[*i].item.slug),
            PageKind::NotFound => self.not_found(),
            PageKind::Alias { source, .. } => source.clone(),
            PageKind::Feed { category: None } => self.feed(),
            PageKind::Feed { category: Some(t) } => {
                let slug = term_slug(TaxonomyKind::Categories, *t);
                self.term_feed(TaxonomyKind::Categories, slug).unwrap_or_default()
            }
            PageKind::Sitemap => self.sitemap(),
            PageKind::Robots => self.robots(),
            PageKind::IndicatorIndex => self.indicator_index(),
            PageKind::Indicator(i) => self.indicator(&data.indicators[*i].indicator.id),
            PageKind::ProgrammeIndex => self.programme_index(),
            PageKind::Programme(p) => self.programme(&data.programmes[*p].programme.id),
            PageKind::Progress => self.progress(),
            PageKind::GeoIndex => self.geo_index(),
            PageKind::GeoProfile(u) => self.geo(&data.geo.units[*u].id),
            PageKind::DataCatalog => self.data_catalog(),
            PageKind::DataCsv(i) => self.data_csv(&data.indicators[*i].indicator.id),
            PageKind::DataJson(i) => self.data_json(&data.indicators[*i].indicator.id),
            PageKind::CatalogJson => self.catalog_json(),
            PageKind::DataPackage => self.datapackage(),
            PageKind::RevisionsFeed => self.revisions(),
            PageKind::ChartSvg { indicator, kind } => {
                self.chart(&data.indicators[*indicator].indicator.id, *kind)
            }
            PageKind::MapSvg(MapFile::LocatorBase { level, until }) => self.locator_base(*level, *until),
            PageKind::MapSvg(MapFile::Year { indicator, year }) => {
                self.map_year(&data.indicators[*indicator].indicator.id, *year)
            }
            PageKind::Schema(kind) => self.schema(*kind),
            PageKind::Editor(file) => self.editor(*file),
            PageKind::SiteMap => self.site_map(),
            PageKind::Search => self.search(),
            PageKind::SearchFile(i) => site.search.as_ref().map(|s| s.path(*i)).unwrap_or_default(),
        }
    }
}

impl Routes {
    /// The page of this edition nearest to a page of `kind` that this edition does not have
    /// (an item without a translation): the section it belongs to, else the home page.
    pub fn nearest_section(&self, kind: &PageKind) -> String {
        match kind {
            PageKind::Article(_) | PageKind::NewsList { .. } => self.news_list(1),
            PageKind::TermList { taxonomy, .. } => self.taxonomy(*taxonomy),
            PageKind::TermIndex(kind) => self.taxonomy(*kind),
            PageKind::Feed { .. } => self.feed(),
            PageKind::Indicator(_) | PageKind::IndicatorIndex => self.indicator_index(),
            PageKind::Programme(_) | PageKind::ProgrammeIndex => self.programme_index(),
            PageKind::Progress => self.progress(),
            PageKind::GeoProfile(_) | PageKind::GeoIndex => self.geo_index(),
            PageKind::DataCatalog
            | PageKind::DataCsv(_)
            | PageKind::DataJson(_)
            | PageKind::CatalogJson
            | PageKind::DataPackage
            | PageKind::RevisionsFeed
            | PageKind::ChartSvg { .. }
            | PageKind::Schema(_) => self.data_catalog(),
            PageKind::MapSvg(MapFile::Year { .. }) => self.indicator_index(),
            PageKind::MapSvg(MapFile::LocatorBase { .. }) => self.geo_index(),
            PageKind::Home
            | PageKind::Page(_)
            | PageKind::NotFound
            | PageKind::Alias { .. }
            | PageKind::Sitemap
            | PageKind::Robots
            | PageKind::Editor(_) => self.home(),
            PageKind::SiteMap => self.site_map(),
            PageKind::Search | PageKind::SearchFile(_) => self.search(),
        }
    }
}

/// Site path of page `n` (1-based) of a list whose first page is at `base` (ending in `/`).
pub fn pager_path(base: &str, n: usize) -> String {
    if n <= 1 { base.to_string() } else { format!("{base}page/{n}/") }
}

/// The output file for a site path: `/a/` → `a/index.html`, `/rss.xml` → `rss.xml`.
///
/// A path whose last segment has no extension is a folder (`/tin-tuc/bai-cu` →
/// `tin-tuc/bai-cu/index.html`), so static hosts serve it as a page.
pub fn file_for_path(path: &str) -> String {
    let rel = path.trim_start_matches('/');
    let last = rel.rsplit('/').next().unwrap_or("");
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else if !last.contains('.') {
        format!("{rel}/index.html")
    } else {
        rel.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_files() {
        assert_eq!(pager_path("/news/", 1), "/news/");
        assert_eq!(pager_path("/news/", 3), "/news/page/3/");
        assert_eq!(file_for_path("/"), "index.html");
        assert_eq!(file_for_path("/news/a/"), "news/a/index.html");
        assert_eq!(file_for_path("/tin-tuc/cu.html"), "tin-tuc/cu.html");
        assert_eq!(file_for_path("/tin-tuc/bai-cu"), "tin-tuc/bai-cu/index.html");
    }

    #[test]
    fn a_second_edition_puts_pages_under_its_code_and_shares_the_data_files_issue_11() {
        let en = Routes::under("en");
        assert_eq!(en.home(), "/en/");
        assert_eq!(en.news_list(2), "/en/news/page/2/");
        assert_eq!(en.article("a"), "/en/news/a/");
        assert_eq!(en.term(TaxonomyKind::Tags, "t", 1), "/en/tags/t/");
        assert_eq!(en.term_feed(TaxonomyKind::Categories, "c").as_deref(), Some("/en/categories/c/rss.xml"));
        assert_eq!(en.term_feed(TaxonomyKind::Tags, "c"), None);
        assert_eq!(en.indicator("ho-ngheo"), "/en/indicators/ho-ngheo/");
        assert_eq!(en.data_csv("ho-ngheo"), Routes::root().data_csv("ho-ngheo"));
        assert_eq!(en.chart("x", ChartKind::Trend), "/charts/x/trend.svg");
        assert_eq!(Routes::root().home(), "/");
    }

    #[test]
    fn editor_paths_move_into_the_edition_but_files_stay_shared_issue_11() {
        let en = Routes::under("en");
        assert_eq!(en.edition_path("/gioi-thieu/"), "/en/gioi-thieu/");
        assert_eq!(en.edition_path("/"), "/en/");
        assert_eq!(en.edition_path("/media/bao-cao.pdf"), "/media/bao-cao.pdf");
        assert_eq!(en.edition_path("/indicators/#y-te"), "/en/indicators/#y-te");
        assert_eq!(Routes::root().edition_path("/news/"), "/news/");
    }

    #[test]
    fn the_nearest_section_of_a_missing_translation_is_its_list_issue_11() {
        let en = Routes::under("en");
        assert_eq!(en.nearest_section(&PageKind::Article(3)), "/en/news/");
        assert_eq!(en.nearest_section(&PageKind::Page(0)), "/en/");
        let term = PageKind::TermList { taxonomy: TaxonomyKind::Tags, term: 2, page: 3 };
        assert_eq!(en.nearest_section(&term), "/en/tags/");
        assert_eq!(en.nearest_section(&PageKind::NewsList { page: 9 }), "/en/news/");
        assert_eq!(en.nearest_section(&PageKind::GeoProfile(1)), "/en/geo/");
    }
}
