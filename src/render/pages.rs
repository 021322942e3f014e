//! The context of each HTML page kind: which template, which view.

use serde::Serialize;
use tera::Context;

use crate::error::Error;
use crate::model::{News, PageKind, PlannedPage, Site, TaxonomyKind};
use crate::render::Renderer;
use crate::render::i18n::fill;
use crate::render::template::Template;
use crate::render::views::{
    Pager, TermLink, absolute, link, page_meta, page_suffix, pager, term_link, term_links, truncate_words,
};

/// The home page: a featured item and the latest news, and news by category.
#[derive(Serialize)]
struct HomeView<'a> {
    key_figures: Vec<super::data::catalog::IndicatorCard<'a>>,
    featured: Option<tera::Value>,
    latest: Vec<tera::Value>,
    by_category: Vec<CategoryBlock<'a>>,
}

#[derive(Serialize)]
struct CategoryBlock<'a> {
    term: TermLink<'a>,
    items: Vec<tera::Value>,
}

/// A paginated list of news.
#[derive(Serialize)]
struct ListView<'a> {
    heading: String,
    items: Vec<tera::Value>,
    pager: Pager,
    term: Option<TermLink<'a>>,
    taxonomy: Option<&'static str>,
    feed_url: Option<String>,
}

/// A news item.
#[derive(Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    url: String,
    date_iso: String,
    date: String,
    time: Option<String>,
    author: Option<&'a str>,
    category: Option<TermLink<'a>>,
    tags: Vec<TermLink<'a>>,
    summary: Option<&'a str>,
    image: Option<String>,
    image_alt: Option<&'a str>,
    body_html: String,
    reading_minutes: usize,
    reading_time: String,
    /// The "Lượt xem" figure (issue 15), `None` when visits are off.
    views: Option<crate::config::Figure>,
}

/// The "other news" box of an article: related items chosen first (listed, then sharing a
/// category or tag), then the newest, shown in date order; a pager onwards.
#[derive(Serialize)]
struct OtherNews {
    items: Vec<tera::Value>,
    pager: Pager,
    list_url: String,
}

/// A static page.
#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    summary: Option<&'a str>,
    body_html: String,
}

/// The index of a taxonomy's terms.
#[derive(Serialize)]
struct TaxonomyView<'a> {
    name: &'static str,
    terms: Vec<TermLink<'a>>,
}

/// The template and context for an HTML page.
pub fn context(r: &Renderer, site: &Site, page: &PlannedPage) -> Result<(Template, Context), Error> {
    let s = &r.strings;
    let mut ctx = Context::new();
    let template = match &page.kind {
        PageKind::Home => {
            ctx.insert("page", &page_meta(site, &page.path, "home", site.config.title.clone(), None));
            ctx.insert("home", &home(r, site));
            Template::Index
        }
        PageKind::NewsList { page: n } => {
            let title = format!("{}{}", s.get("news"), page_suffix(s, *n));
            ctx.insert("page", &page_meta(site, &page.path, "list", title, None));
            let items = (0..site.news.len()).collect::<Vec<_>>();
            let base = site.routes.news_list(1);
            ctx.insert("list", &list(r, site, s.get("news").to_string(), &items, &base, *n));
            Template::List
        }
        PageKind::Article(i) => article_context(r, site, page, *i, &mut ctx)?,
        PageKind::TermList { taxonomy, term, page: n } => {
            term_list_context(r, site, page, (*taxonomy, *term, *n), &mut ctx)
        }
        PageKind::TermIndex(kind) => {
            let (tax, name) = match kind {
                TaxonomyKind::Categories => (&site.categories, "categories"),
                TaxonomyKind::Tags => (&site.tags, "tags"),
            };
            ctx.insert("page", &page_meta(site, &page.path, "taxonomy", s.get(name).to_string(), None));
            ctx.insert("taxonomy", &TaxonomyView { name, terms: term_links(&site.config, tax) });
            Template::Taxonomy
        }
        PageKind::Page(i) => page_context(r, site, page, *i, &mut ctx)?,
        PageKind::SiteMap => {
            let title = s.get("site_map").to_string();
            ctx.insert("page", &page_meta(site, &page.path, "site_map", title, Some(s.get("site_map_lead"))));
            ctx.insert("sections", &super::site_map::site_map(site, s));
            Template::SiteMap
        }
        PageKind::NotFound => {
            ctx.insert(
                "page",
                &page_meta(site, &page.path, "not_found", s.get("not_found_title").to_string(), None),
            );
            Template::NotFound
        }
        PageKind::Alias { target, .. } => {
            ctx.insert("page", &page_meta(site, &page.path, "alias", s.get("moved_title").to_string(), None));
            ctx.insert("target_url", &link(&site.config, target));
            ctx.insert("target_absolute", &absolute(&site.config, target));
            Template::Alias
        }
        PageKind::Search => return Ok(super::search::context(r, site, page)),
        PageKind::Feed { .. }
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
        | PageKind::SearchFile(_) => return Err(super::not_a_template_page(page)),
    };
    Ok((template, ctx))
}

/// An article: its metadata, its body and the "other news" box.
fn article_context(
    r: &Renderer,
    site: &Site,
    page: &PlannedPage,
    i: usize,
    ctx: &mut Context,
) -> Result<Template, Error> {
    let news = &site.news[i];
    let description =
        news.item.summary.clone().unwrap_or_else(|| truncate_words(&news.item.body.first_paragraph, 160));
    let mut meta = page_meta(site, &page.path, "article", news.item.title.clone(), Some(&description));
    meta.og_image = news.item.image.as_deref().map(|img| absolute(&site.config, img));
    ctx.insert("page", &meta);
    ctx.insert("item", &article(r, site, news)?);
    ctx.insert("other", &other_news(r, site, i));
    Ok(Template::Article)
}

/// Page `n` of a term's list of news: (taxonomy, term index, page number).
fn term_list_context(
    r: &Renderer,
    site: &Site,
    page: &PlannedPage,
    (taxonomy, term, n): (TaxonomyKind, usize, usize),
    ctx: &mut Context,
) -> Template {
    let s = &r.strings;
    let tax = if taxonomy == TaxonomyKind::Categories { &site.categories } else { &site.tags };
    let t = &tax.terms[term];
    let heading = match taxonomy {
        TaxonomyKind::Categories => t.name.clone(),
        TaxonomyKind::Tags => fill(s.get("tag_heading"), &[("name", &t.name)]),
    };
    let title = format!("{heading}{}", page_suffix(s, n));
    ctx.insert("page", &page_meta(site, &page.path, "term", title, None));
    let feed = t.feed_path.as_deref().map(|f| site.config.url(f));
    ctx.insert(
        "list",
        &list(r, site, heading, &t.items, &t.path, n).with_term(taxonomy, term_link(&site.config, t), feed),
    );
    Template::List
}

/// A static page.
fn page_context(
    r: &Renderer,
    site: &Site,
    page: &PlannedPage,
    i: usize,
    ctx: &mut Context,
) -> Result<Template, Error> {
    let p = &site.pages[i];
    let description =
        p.item.summary.clone().unwrap_or_else(|| truncate_words(&p.item.body.first_paragraph, 160));
    ctx.insert("page", &page_meta(site, &page.path, "page", p.item.title.clone(), Some(&description)));
    let body_html = super::shortcodes::expand(r, site, &p.item)?;
    ctx.insert("item", &PageView { title: &p.item.title, summary: p.item.summary.as_deref(), body_html });
    Ok(Template::Page)
}

fn home<'a>(r: &'a Renderer, site: &'a Site) -> HomeView<'a> {
    let w = super::data::words::Words { strings: &r.strings, lang: site.config.lang };
    let (featured_index, latest_indices) = home_indices(site);
    let featured = featured_index.map(|i| r.cards[i].clone());
    let latest = latest_indices.iter().map(|&i| r.cards[i].clone()).collect();
    let by_category = site
        .categories
        .terms
        .iter()
        .map(|t| CategoryBlock {
            term: term_link(&site.config, t),
            items: t.items.iter().take(4).map(|&i| r.cards[i].clone()).collect(),
        })
        .collect();
    HomeView { key_figures: super::data::catalog::key_figures(&w, site), featured, latest, by_category }
}

/// Page `n` of a list of news (`items`, indices into `Site::news`) whose first page is at `base`.
fn list<'a>(
    r: &Renderer,
    site: &'a Site,
    heading: String,
    items: &[usize],
    base: &str,
    n: usize,
) -> ListView<'a> {
    let per_page = site.config.per_page;
    let total = crate::model::page_count(items.len(), per_page);
    let cards = items.iter().skip((n - 1) * per_page).take(per_page).map(|&i| r.cards[i].clone()).collect();
    ListView {
        heading,
        items: cards,
        pager: pager(&site.config, base, n, total),
        term: None,
        taxonomy: None,
        feed_url: None,
    }
}

impl<'a> ListView<'a> {
    fn with_term(mut self, kind: TaxonomyKind, term: TermLink<'a>, feed_url: Option<String>) -> Self {
        self.taxonomy = Some(kind.segment());
        self.term = Some(term);
        self.feed_url = feed_url;
        self
    }
}

fn article<'a>(r: &Renderer, site: &'a Site, news: &'a News) -> Result<ArticleView<'a>, Error> {
    let c = &site.config;
    let item = &news.item;
    Ok(ArticleView {
        title: &item.title,
        url: c.url(&news.path),
        date_iso: item
            .date
            .map(|d| if d.time.is_some() { d.rfc3339(c.tz_offset) } else { d.date.iso() })
            .unwrap_or_default(),
        date: item.date.map(|d| crate::locale::format_date(d.date, c.lang)).unwrap_or_default(),
        time: item.date.and_then(|d| d.time).map(|(h, m, _)| format!("{h:02}:{m:02}")),
        author: item.author.as_deref(),
        category: news.category.map(|i| term_link(c, &site.categories.terms[i])),
        tags: news.tags.iter().map(|&i| term_link(c, &site.tags.terms[i])).collect(),
        summary: item.summary.as_deref(),
        image: item.image.as_deref().map(|img| link(c, img)),
        image_alt: item.image_alt.as_deref(),
        body_html: super::shortcodes::expand(r, site, item)?,
        reading_minutes: news.reading_minutes,
        reading_time: fill(r.strings.get("reading_time"), &[("n", &news.reading_minutes.to_string())]),
        views: crate::config::page_figure(
            &c.visits,
            &super::views::stats_url(c),
            &c.url(&news.path),
            &c.absolute(&news.path),
        ),
    })
}

/// Related items first, then the nearest items by date (next older, next newer, …).
fn other_news(r: &Renderer, site: &Site, index: usize) -> OtherNews {
    let news = &site.news[index];
    OtherNews {
        items: other_news_indices(site, index).iter().map(|&i| r.cards[i].clone()).collect(),
        pager: pager(&site.config, &site.routes.news_list(1), news.list_page, site.news_pages),
        list_url: site.config.url(&site.routes.news_list(news.list_page)),
    }
}

/// The items of an article's "other news": related first, then the nearest by date.
fn other_news_indices(site: &Site, index: usize) -> Vec<usize> {
    let want = site.config.other_news;
    let news = &site.news[index];
    let mut picked: Vec<usize> = Vec::with_capacity(want);
    let pick = |j: usize, picked: &mut Vec<usize>| {
        if picked.len() < want && j != index && !picked.contains(&j) {
            picked.push(j);
        }
    };
    for &j in &news.related {
        pick(j, &mut picked);
    }
    for j in shared_terms(site, index) {
        pick(j, &mut picked);
    }
    for j in 0..site.news.len() {
        if picked.len() >= want {
            break;
        }
        pick(j, &mut picked);
    }
    // news are ordered newest first, so index order is date order (issue 12)
    picked.sort_unstable();
    picked
}

/// How many of the newest items of each category or tag are weighed as related.
const SHARED_SCAN: usize = 64;

/// News sharing the category or tags of item `index`: most shared terms first, then newest.
fn shared_terms(site: &Site, index: usize) -> Vec<usize> {
    let news = &site.news[index];
    let terms = news
        .category
        .map(|c| &site.categories.terms[c])
        .into_iter()
        .chain(news.tags.iter().map(|&t| &site.tags.terms[t]));
    let mut shared: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for term in terms {
        for &j in term.items.iter().take(SHARED_SCAN) {
            if j != index {
                *shared.entry(j).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().map(|(j, _)| j).collect()
}

/// The news cards a page shows in its own content (not the shared sidebar), for incremental
/// rebuilds; `None` for kinds that show no card.
pub fn shown_cards(site: &Site, kind: &PageKind) -> Option<Vec<usize>> {
    let per_page = site.config.per_page;
    let slice = |items: &[usize], page: usize| {
        items.iter().skip((page - 1) * per_page).take(per_page).copied().collect()
    };
    match kind {
        PageKind::Home => {
            let (featured, latest) = home_indices(site);
            let mut all: Vec<usize> = featured.into_iter().chain(latest).collect();
            all.extend(site.categories.terms.iter().flat_map(|t| t.items.iter().take(4).copied()));
            Some(all)
        }
        PageKind::NewsList { page } => Some(slice(&(0..site.news.len()).collect::<Vec<_>>(), *page)),
        PageKind::TermList { taxonomy, term, page } => {
            let tax = if *taxonomy == TaxonomyKind::Categories { &site.categories } else { &site.tags };
            Some(slice(&tax.terms[*term].items, *page))
        }
        PageKind::Article(i) => Some(other_news_indices(site, *i)),
        PageKind::TermIndex(_)
        | PageKind::Page(_)
        | PageKind::NotFound
        | PageKind::SiteMap
        | PageKind::Search
        | PageKind::SearchFile(_)
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
        | PageKind::Editor(_) => None,
    }
}

/// The home page's featured item (the newest with a picture among the latest ten) and its
/// latest list.
fn home_indices(site: &Site) -> (Option<usize>, Vec<usize>) {
    let featured = site
        .news
        .iter()
        .take(10)
        .position(|n| n.item.image.is_some())
        .or((!site.news.is_empty()).then_some(0));
    let latest = (0..site.news.len()).filter(|i| Some(*i) != featured).take(8).collect();
    (featured, latest)
}
