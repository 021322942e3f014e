//! The derived site: everything the render stage may read, immutable once built.
//!
//! `site::derive` builds it from parsed content; `site::plan` lists the pages to produce.
//! Every URL is decided there and stored here, so templates and views never make one up.

pub mod data;

use crate::config::Config;
use crate::content::Item;
pub use data::{ChartKind, Data};

/// The whole site, validated, sorted and cross-referenced.
#[derive(Debug, Clone)]
pub struct Site {
    /// Resolved configuration.
    pub config: Config,
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
    pub search: Vec<crate::search::SearchFile>,
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

/// Site path of page `n` (1-based) of a list whose first page is at `base` (ending in `/`).
pub fn pager_path(base: &str, n: usize) -> String {
    if n <= 1 { base.to_string() } else { format!("{base}page/{n}/") }
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
    /// A redirect from an old URL to `target` (a site path).
    Alias {
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
    /// A JSON Schema for editors (`/schemas/<name>.json`).
    Schema(SchemaKind),
    /// The search results page (issue 10); it reads `?q=` in the browser.
    Search,
    /// One file of the search index (index into `Site::search`).
    SearchFile(usize),
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

impl PageKind {
    /// Whether the page is an HTML page listed in the sitemap.
    pub fn in_sitemap(&self) -> bool {
        matches!(
            self,
            PageKind::Home
                | PageKind::Article(_)
                | PageKind::TermIndex(_)
                | PageKind::Page(_)
                | PageKind::NewsList { .. }
                | PageKind::TermList { .. }
        ) || self.is_statistics_page()
    }

    /// Pages and files of the statistics side (they show no news).
    pub fn is_statistics(&self) -> bool {
        self.is_statistics_page()
            || matches!(
                self,
                PageKind::DataCsv(_)
                    | PageKind::DataJson(_)
                    | PageKind::CatalogJson
                    | PageKind::DataPackage
                    | PageKind::RevisionsFeed
                    | PageKind::ChartSvg { .. }
                    | PageKind::Schema(_)
            )
    }

    /// HTML pages of the statistics side.
    fn is_statistics_page(&self) -> bool {
        matches!(
            self,
            PageKind::IndicatorIndex
                | PageKind::Indicator(_)
                | PageKind::ProgrammeIndex
                | PageKind::Programme(_)
                | PageKind::Progress
                | PageKind::GeoIndex
                | PageKind::GeoProfile(_)
                | PageKind::DataCatalog
        )
    }
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
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(file_for_path("/"), "index.html");
        assert_eq!(file_for_path("/news/a/"), "news/a/index.html");
        assert_eq!(file_for_path("/tin-tuc/cu.html"), "tin-tuc/cu.html");
        assert_eq!(file_for_path("/tin-tuc/bai-cu"), "tin-tuc/bai-cu/index.html");
    }
}
