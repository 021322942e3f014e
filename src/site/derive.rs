//! Derive the site model from parsed items: drafts, order, slugs, taxonomies, related news.
//!
//! Cross-item rules live here (duplicate slugs, unknown `related` slugs); rules about one
//! file alone were checked when it was parsed.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::config::Config;
use crate::content::Item;
use crate::content::front_matter::yaml_of;
use crate::error::{Error, ErrorKind, Errors, Location};
use crate::model::{News, PageEntry, Site, Taxonomy, TaxonomyKind, Term, page_count};
use crate::routes::Routes;
use crate::site::load::SiteSource;
use crate::slug::slugify;
use crate::source::YamlPlaces;

/// First path segments the generator uses itself; a page may not take them.
pub const RESERVED_SEGMENTS: [&str; 12] = [
    "news",
    "categories",
    "tags",
    "indicators",
    "programmes",
    "progress",
    "geo",
    "data",
    "media",
    "charts",
    "assets",
    "search",
];

/// Build the site model. `drafts` keeps items marked `draft: true`.
pub fn derive_site(
    config: Config,
    routes: Routes,
    source: &SiteSource,
    news: Vec<Item>,
    pages: Vec<Item>,
    drafts: bool,
    data: crate::model::Data,
) -> Result<Site, Errors> {
    let mut errors = Errors::new();
    let mut news: Vec<Item> = news.into_iter().filter(|i| drafts || !i.draft).collect();
    let tz = config.tz_offset;
    news.sort_by(|a, b| {
        let (ta, tb) = (a.date.map(|d| d.timestamp(tz)), b.date.map(|d| d.timestamp(tz)));
        tb.cmp(&ta).then_with(|| a.slug.cmp(&b.slug))
    });
    check_duplicate_slugs(&news, "news item", &mut errors);
    let pages: Vec<Item> = pages.into_iter().filter(|i| drafts || !i.draft).collect();
    let mut pages = pages;
    pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    check_duplicate_slugs(&pages, "page", &mut errors);
    for page in &pages {
        if RESERVED_SEGMENTS.contains(&page.slug.as_str()) {
            errors.push(
                Error::new(
                    ErrorKind::Duplicate,
                    format!("the page slug `{}` is a section of the site", page.slug),
                )
                .at(Location::file(&page.path))
                .help("rename the file or add `slug: …` with another name"),
            );
        }
    }

    let categories = build_taxonomy(&news, TaxonomyKind::Categories, &routes, config.per_page, &mut errors);
    let tags = build_taxonomy(&news, TaxonomyKind::Tags, &routes, config.per_page, &mut errors);
    let by_slug: HashMap<&str, usize> = news.iter().enumerate().map(|(i, n)| (n.slug.as_str(), i)).collect();
    let related: Vec<Vec<usize>> =
        news.iter().enumerate().map(|(i, n)| resolve_related(i, n, &by_slug, source, &mut errors)).collect();
    let cat_index: HashMap<String, usize> =
        categories.terms.iter().enumerate().map(|(i, t)| (t.slug.clone(), i)).collect();
    let tag_index: HashMap<String, usize> =
        tags.terms.iter().enumerate().map(|(i, t)| (t.slug.clone(), i)).collect();
    let per_page = config.per_page;
    let news_pages = page_count(news.len(), per_page);
    let news = news
        .into_iter()
        .zip(related)
        .enumerate()
        .map(|(i, (item, related))| {
            let category = item.category.as_deref().and_then(|c| cat_index.get(&slugify(c)).copied());
            let mut tags: Vec<usize> =
                item.tags.iter().filter_map(|t| tag_index.get(&slugify(t)).copied()).collect();
            tags.dedup();
            News {
                path: routes.article(&item.slug),
                list_page: i / per_page + 1,
                category,
                tags,
                related,
                reading_minutes: item.body.words.div_ceil(200).max(1),
                item,
            }
        })
        .collect();
    let pages = pages.into_iter().map(|item| PageEntry { path: routes.page(&item.slug), item }).collect();
    errors.into_result(Site { config, routes, news, pages, categories, tags, news_pages, data, search: None })
}

fn check_duplicate_slugs(items: &[Item], what: &str, errors: &mut Errors) {
    let mut seen: HashMap<&str, &Item> = HashMap::new();
    for item in items {
        if item.slug.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(item.slug.as_str()) {
            let (a, b) = if first.path <= item.path { (*first, item) } else { (item, *first) };
            errors.push(
                Error::new(
                    ErrorKind::Duplicate,
                    format!("two {what}s have the slug `{}`: `{}` and `{}`", item.slug, a.path, b.path),
                )
                .at(Location::file(&b.path))
                .help("give one of them another file name, or add `slug: …` to its front matter"),
            );
        } else {
            seen.insert(&item.slug, item);
        }
    }
}

fn build_taxonomy(
    news: &[Item],
    kind: TaxonomyKind,
    routes: &Routes,
    per_page: usize,
    errors: &mut Errors,
) -> Taxonomy {
    // slug → (spelling → count, items)
    let mut terms: BTreeMap<String, (BTreeMap<&str, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, item) in news.iter().enumerate() {
        let names: Vec<&str> = match kind {
            TaxonomyKind::Categories => item.category.as_deref().into_iter().collect(),
            TaxonomyKind::Tags => item.tags.iter().map(String::as_str).collect(),
        };
        for name in names {
            let slug = slugify(name);
            if slug.is_empty() {
                let field = if kind == TaxonomyKind::Categories { "category" } else { "tags" };
                errors.push(
                    Error::new(ErrorKind::Value, format!("the {field} `{name}` has no letters or digits"))
                        .at(Location::file(&item.path))
                        .help("name it with words, e.g. Giảm nghèo"),
                );
                continue;
            }
            let entry = terms.entry(slug).or_default();
            *entry.0.entry(name).or_default() += 1;
            if entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
    }
    let terms = terms
        .into_iter()
        .map(|(slug, (spellings, items))| {
            // the most used spelling; ties broken by the sorted order of the map
            let name =
                spellings.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(n, _)| n.to_string());
            Term {
                path: routes.term(kind, &slug, 1),
                feed_path: routes.term_feed(kind, &slug),
                name: name.unwrap_or_else(|| slug.clone()),
                slug,
                pages: page_count(items.len(), per_page),
                items,
            }
        })
        .collect();
    Taxonomy { kind, path: routes.taxonomy(kind), terms }
}

fn resolve_related(
    index: usize,
    item: &Item,
    by_slug: &HashMap<&str, usize>,
    source: &SiteSource,
    errors: &mut Errors,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut listed = HashSet::new();
    let places = ItemPlaces::new(source, item);
    for (k, slug) in item.related.iter().enumerate() {
        let wanted = slugify(slug);
        match by_slug.get(wanted.as_str()) {
            Some(&j) if j == index => errors.push(
                Error::new(ErrorKind::Reference, format!("`related` names the item itself (`{slug}`)"))
                    .at(places.locate(&["related", &k.to_string()]))
                    .help("list other news items here"),
            ),
            Some(&j) => {
                if listed.insert(j) {
                    out.push(j);
                }
            }
            None => {
                let suggestion = crate::error::did_you_mean(&wanted, by_slug.keys().copied());
                let help = match suggestion {
                    Some(s) => format!("did you mean `{s}`? A slug is the news file name without the date and `.md`"),
                    None => "write the slug of an existing news item: its file name without the date prefix and `.md`".into(),
                };
                errors.push(
                    Error::new(
                        ErrorKind::Reference,
                        format!("`related` names `{slug}`, but no published news item has that slug"),
                    )
                    .at(places.locate(&["related", &k.to_string()]))
                    .help(help),
                );
            }
        }
    }
    out
}

/// The location of a front matter field of `item` (error path only: re-reads the YAML events).
pub fn locate(source: &SiteSource, item: &Item, field: &[&str]) -> Location {
    ItemPlaces::new(source, item).locate(field)
}

/// Locates many front matter fields of one item, reading its YAML once (on the first
/// look-up), so 100,000 bad `related` or `aliases` entries stay linear (issue 8).
pub struct ItemPlaces<'a> {
    source: &'a SiteSource,
    item: &'a Item,
    places: OnceCell<Option<YamlPlaces<'a>>>,
}

impl<'a> ItemPlaces<'a> {
    /// Nothing is read until the first look-up.
    pub fn new(source: &'a SiteSource, item: &'a Item) -> Self {
        ItemPlaces { source, item, places: OnceCell::new() }
    }

    /// The location of a front matter field, or of the file when it cannot be found.
    pub fn locate(&self, field: &[&str]) -> Location {
        let places = self.places.get_or_init(|| {
            let file = self.source.news.iter().chain(&self.source.pages).find(|f| f.path == self.item.path);
            file.map(|file| YamlPlaces::new(yaml_of(file, &self.item.split)))
        });
        places.as_ref().map_or_else(|| Location::file(&self.item.path), |p| p.locate(field))
    }
}
