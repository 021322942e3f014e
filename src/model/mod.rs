//! The derived site: everything the render stage may read, immutable once built.
//!
//! `site::derive` builds it from parsed content; `site::plan` lists the pages to produce.
//! Every URL is decided by `crate::routes` and stored here, so templates and views never make
//! one up.

pub mod data;
pub mod localize;

use crate::config::Config;
use crate::content::Item;
use crate::routes::Routes;
pub use data::{ChartKind, Data, MapFile};

/// The whole site, validated, sorted and cross-referenced.
#[derive(Debug, Clone)]
pub struct Site {
    /// Resolved configuration (its `lang` is this edition's language).
    pub config: Config,
    /// The addresses of this edition's pages.
    pub routes: Routes,
    /// Published news, newest first (ties by slug).
    pub news: Vec<News>,
    /// Static pages, by slug.
    pub pages: Vec<PageEntry>,
    /// Categories of news.
    pub categories: Taxonomy,
    /// Tags of news.
    pub tags: Taxonomy,
    /// Number of pages of the news list.
    pub news_pages: usize,
    /// Statistics: geography, indicators, programmes (empty without data files).
    pub data: Data,
    /// The files of the search index (issue 10), each planned as a [`PageKind::SearchFile`].
    pub search: Option<crate::search::PlannedIndex>,
}

/// A published news item with its place in the site.
#[derive(Debug, Clone)]
pub struct News {
    /// The parsed item.
    pub item: Item,
    /// Site path, e.g. `/news/giam-ngheo/`.
    pub path: String,
    /// 1-based page of the news list this item appears on.
    pub list_page: usize,
    /// Index of its category in `Site::categories`.
    pub category: Option<usize>,
    /// Indices of its tags in `Site::tags`.
    pub tags: Vec<usize>,
    /// Indices (in `Site::news`) of the items the editor named in `related`.
    pub related: Vec<usize>,
    /// Estimated minutes to read.
    pub reading_minutes: usize,
}

/// A static page with its place in the site.
#[derive(Debug, Clone)]
pub struct PageEntry {
    /// The parsed item.
    pub item: Item,
    /// Site path, e.g. `/gioi-thieu/`.
    pub path: String,
}

/// Which taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaxonomyKind {
    /// `category:` (one per item).
    Categories,
    /// `tags:` (several per item).
    Tags,
}

impl TaxonomyKind {
    /// The section path segment (`categories`, `tags`).
    pub fn segment(self) -> &'static str {
        match self {
            TaxonomyKind::Categories => "categories",
            TaxonomyKind::Tags => "tags",
        }
    }
}

/// Terms of one taxonomy, sorted by slug.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// Which taxonomy.
    pub kind: TaxonomyKind,
    /// Site path of the index of terms, e.g. `/categories/`.
    pub path: String,
    /// The terms.
    pub terms: Vec<Term>,
}

/// One category or tag.
#[derive(Debug, Clone)]
pub struct Term {
    /// URL slug (also the identity: spellings differing in case or diacritics are one term).
    pub slug: String,
    /// Display name (the most used spelling).
    pub name: String,
    /// Site path of its first list page.
    pub path: String,
    /// Its news, as indices into `Site::news`, newest first.
    pub items: Vec<usize>,
    /// Number of list pages.
    pub pages: usize,
    /// Site path of its feed (categories only).
    pub feed_path: Option<String>,
}

/// Number of pages for `items` items at `per_page` a page (at least one page).
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// One output file to produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedPage {
    /// Site path (`/news/a/`, `/rss.xml`).
    pub path: String,
    /// File inside the output folder (`news/a/index.html`).
    pub file: String,
    /// What it shows.
    pub kind: PageKind,
    /// Which edition it belongs to (index into `config.languages`; 0 for shared files).
    pub edition: usize,
    /// The same page in the other editions (its translations), by edition order.
    pub alternates: Vec<Alternate>,
}

/// The same page in another edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// Index of the edition.
    pub edition: usize,
    /// Its language.
    pub lang: crate::locale::Lang,
    /// Its site path.
    pub path: String,
}

/// What a planned page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    /// The home page.
    Home,
    /// Page `page` of the news list.
    NewsList {
        /// 1-based page number.
        page: usize,
    },
    /// A news item (index into `Site::news`).
    Article(usize),
    /// Page `page` of a term's news list.
    TermList {
        /// Which taxonomy.
        taxonomy: TaxonomyKind,
        /// Index of the term.
        term: usize,
        /// 1-based page number.
        page: usize,
    },
    /// The index of all terms of a taxonomy.
    TermIndex(TaxonomyKind),
    /// A static page (index into `Site::pages`).
    Page(usize),
    /// `404.html`.
    NotFound,
    /// The site map for people (sơ đồ cổng), one per edition.
    SiteMap,
    /// A redirect from an old URL (`source`, written by the editor) to `target` (a site path).
    Alias {
        /// The old site path.
        source: String,
        /// Site path redirected to.
        target: String,
    },
    /// An RSS feed of the whole site or of one category.
    Feed {
        /// Index of the category, `None` for the whole site.
        category: Option<usize>,
    },
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// Indicators grouped by theme.
    IndicatorIndex,
    /// One indicator (index into `Data::indicators`).
    Indicator(usize),
    /// All programmes.
    ProgrammeIndex,
    /// One programme (index into `Data::programmes`).
    Programme(usize),
    /// Every target of every programme with its status.
    Progress,
    /// The geography as a tree.
    GeoIndex,
    /// One unit's profile (index into the geography).
    GeoProfile(usize),
    /// The open-data catalogue page.
    DataCatalog,
    /// An indicator's observations as CSV.
    DataCsv(usize),
    /// An indicator's observations and metadata as JSON.
    DataJson(usize),
    /// `/data/catalog.json`.
    CatalogJson,
    /// `/data/datapackage.json` (Frictionless Data Package).
    DataPackage,
    /// Atom feed of data revisions.
    RevisionsFeed,
    /// A standalone chart.
    ChartSvg {
        /// Index of the indicator.
        indicator: usize,
        /// Which chart.
        kind: ChartKind,
    },
    /// A map drawn once for many pages: a locator base or an earlier year (issue 16).
    MapSvg(MapFile),
    /// A JSON Schema for editors (`/schemas/<name>.json`).
    Schema(SchemaKind),
    /// The search results page (issue 10); it reads `?q=` in the browser.
    Search,
    /// One file of the search index (index into `Site::search`).
    SearchFile(usize),
    /// A file of the web editor at `/admin/` (issue 13).
    Editor(EditorFile),
}

/// The files of the web editor at `/admin/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorFile {
    /// `admin/index.html`; `script_found`: the site holds the editor script in `static/admin/`.
    Page {
        /// Whether `static/admin/decap-cms.js` is among the site's files.
        script_found: bool,
    },
    /// `admin/config.yml`, generated from the schemas and the site.
    Config,
}

/// The file kinds a JSON Schema is published for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// `content/site.yaml`.
    Site,
    /// News and page front matter.
    FrontMatter,
    /// `content/geo.yaml`.
    Geo,
    /// `content/indicators/*.yaml`.
    Indicator,
    /// `content/programmes/*.yaml`.
    Programme,
}

impl SchemaKind {
    /// All kinds.
    pub const ALL: [SchemaKind; 5] = [
        SchemaKind::Site,
        SchemaKind::FrontMatter,
        SchemaKind::Geo,
        SchemaKind::Indicator,
        SchemaKind::Programme,
    ];

    /// File stem, e.g. `indicator`.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Site => "site",
            SchemaKind::FrontMatter => "front-matter",
            SchemaKind::Geo => "geo",
            SchemaKind::Indicator => "indicator",
            SchemaKind::Programme => "programme",
        }
    }
}

/// A news item or a page, by its index in `Site::news` or `Site::pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemRef {
    /// A news item.
    News(usize),
    /// A static page.
    Page(usize),
}

impl Site {
    /// The item `r` points at.
    pub fn item(&self, r: ItemRef) -> Option<&Item> {
        match r {
            ItemRef::News(i) => self.news.get(i).map(|n| &n.item),
            ItemRef::Page(i) => self.pages.get(i).map(|p| &p.item),
        }
    }
}

/// What sort of output a page kind is: which render function draws it, whether the sitemap
/// lists it, whether every edition has its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// An HTML page of the news side (`render::pages`), one per edition.
    NewsPage,
    /// An HTML page of the statistics side (`render::data`), one per edition.
    StatisticsPage,
    /// A redirect page from an old address (an alias).
    Redirect,
    /// A file of the statistics side (open data, charts, schemas), shared by every edition.
    StatisticsFile,
    /// A feed of news, one per edition.
    Feed,
    /// A file about the whole site (`sitemap.xml`, `robots.txt`), one for all editions.
    SiteFile,
    /// A file of one edition that is not a page (its search index), one per edition.
    EditionFile,
}

impl PageKind {
    /// The form of this kind: the one exhaustive list that sorts the kinds.
    pub fn form(&self) -> Form {
        match self {
            PageKind::Home
            | PageKind::NewsList { .. }
            | PageKind::Article(_)
            | PageKind::TermList { .. }
            | PageKind::TermIndex(_)
            | PageKind::Page(_)
            | PageKind::SiteMap
            | PageKind::Search
            | PageKind::NotFound => Form::NewsPage,
            PageKind::SearchFile(_) => Form::EditionFile,
            PageKind::Alias { .. } => Form::Redirect,
            PageKind::Feed { .. } => Form::Feed,
            PageKind::Sitemap | PageKind::Robots | PageKind::Editor(_) => Form::SiteFile,
            PageKind::IndicatorIndex
            | PageKind::Indicator(_)
            | PageKind::ProgrammeIndex
            | PageKind::Programme(_)
            | PageKind::Progress
            | PageKind::GeoIndex
            | PageKind::GeoProfile(_)
            | PageKind::DataCatalog => Form::StatisticsPage,
            PageKind::DataCsv(_)
            | PageKind::DataJson(_)
            | PageKind::CatalogJson
            | PageKind::DataPackage
            | PageKind::RevisionsFeed
            | PageKind::ChartSvg { .. }
            | PageKind::MapSvg(_)
            | PageKind::Schema(_) => Form::StatisticsFile,
        }
    }

    /// Whether the page is an HTML page listed in the sitemap.
    pub fn in_sitemap(&self) -> bool {
        match self.form() {
            Form::NewsPage => !matches!(self, PageKind::NotFound | PageKind::Search),
            Form::StatisticsPage => true,
            Form::Redirect | Form::StatisticsFile | Form::Feed | Form::SiteFile | Form::EditionFile => false,
        }
    }

    /// Pages and files of the statistics side (they show no news).
    pub fn is_statistics(&self) -> bool {
        match self.form() {
            Form::StatisticsPage | Form::StatisticsFile => true,
            Form::NewsPage | Form::Redirect | Form::Feed | Form::SiteFile | Form::EditionFile => false,
        }
    }

    /// The news item or page this page shows, if it shows one written by an editor.
    pub fn item(&self) -> Option<ItemRef> {
        match self {
            PageKind::Article(i) => Some(ItemRef::News(*i)),
            PageKind::Page(i) => Some(ItemRef::Page(*i)),
            PageKind::Home
            | PageKind::NewsList { .. }
            | PageKind::TermList { .. }
            | PageKind::TermIndex(_)
            | PageKind::SiteMap
            | PageKind::NotFound
            | PageKind::Alias { .. }
            | PageKind::Feed { .. }
            | PageKind::Sitemap
            | PageKind::Robots
            | PageKind::IndicatorIndex
            | PageKind::Indicator(_)
            | PageKind::ProgrammeIndex
            | PageKind::Programme(_)
            | PageKind::Progress
            | PageKind::GeoIndex
            | PageKind::GeoProfile(_)
            | PageKind::DataCatalog
            | PageKind::DataCsv(_)
            | PageKind::DataJson(_)
            | PageKind::CatalogJson
            | PageKind::DataPackage
            | PageKind::RevisionsFeed
            | PageKind::ChartSvg { .. }
            | PageKind::MapSvg(_)
            | PageKind::Schema(_)
            | PageKind::Editor(_)
            | PageKind::Search
            | PageKind::SearchFile(_) => None,
        }
    }

    /// Whether every edition (language) of the site has its own copy.
    pub fn per_edition(&self) -> bool {
        match self.form() {
            Form::NewsPage | Form::StatisticsPage | Form::Redirect | Form::Feed | Form::EditionFile => true,
            Form::StatisticsFile | Form::SiteFile => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_counts() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
    }
}
