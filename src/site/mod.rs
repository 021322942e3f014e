//! The build: each stage is a function from values to values, called in order.

pub mod cache;
pub mod data;
pub mod derive;
pub mod edition;
pub mod incremental;
pub mod links;
pub mod load;
pub mod out_path;
pub mod plan;
pub mod search;
pub mod swap;
pub mod write;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::config::{Config, parse_config};
use crate::content::markdown::{MarkdownLabels, MarkdownOptions};
use crate::content::{ContentKind, Item, parse_item};
use crate::error::{Error, ErrorKind, Errors};
use crate::model::{PageKind, PlannedPage, Site};
use crate::render::Renderer;
use crate::render::i18n::Strings;
use crate::render::template::TemplateSource;
use cache::ItemCache;
use load::{Asset, SiteSource};

/// Element ids used by the theme's page frame; headings in content never take them.
pub const THEME_IDS: [&str; 12] = [
    "main-content",
    "site-search-q",
    "site-header",
    "site-nav",
    "site-footer",
    "sidebar",
    "top",
    "targets-title",
    "table-title",
    "metadata-title",
    "downloads-title",
    "key-figures-title",
];

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// The output folder (default `<root>/public`).
    pub output: PathBuf,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include items marked `draft: true`.
    pub drafts: bool,
}

/// What a build produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BuildReport {
    /// HTML pages rendered.
    pub pages: usize,
    /// Files written (pages, feeds, copied files).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// News items published.
    pub news: usize,
    /// Chart files (standalone SVG) rendered.
    pub charts: usize,
    /// Open-data files (CSV, JSON) rendered.
    pub data_files: usize,
}

impl BuildReport {
    /// Count pages, charts and data files of a plan; `files` and `bytes` come from the writer.
    pub fn of_plan(compiled: &Compiled, files: usize, bytes: u64) -> BuildReport {
        let plan = &compiled.plan;
        let count = |f: &dyn Fn(&PlannedPage) -> bool| plan.iter().filter(|p| f(p)).count();
        BuildReport {
            pages: count(&|p| p.file.ends_with(".html")),
            files,
            bytes,
            news: compiled.sites.iter().map(|s| s.news.len()).sum(),
            charts: count(&|p| matches!(p.kind, PageKind::ChartSvg { .. })),
            data_files: count(&|p| {
                matches!(
                    p.kind,
                    PageKind::DataCsv(_)
                        | PageKind::DataJson(_)
                        | PageKind::CatalogJson
                        | PageKind::DataPackage
                )
            }),
        }
    }
}

/// How far rendering has got: `done` of `total` output files. The first report (`done == 0`)
/// comes when every check has passed and rendering starts; then one per file, from any thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files rendered or copied so far.
    pub done: usize,
    /// Files to render or copy in all.
    pub total: usize,
}

/// A site checked and planned, ready to render.
pub struct Compiled {
    /// The derived site of each edition (language), the first language first; never empty.
    pub sites: Vec<Site>,
    /// Every output file to render, of every edition (`PlannedPage::edition`).
    pub plan: Vec<PlannedPage>,
    /// Files to copy unchanged.
    pub assets: Vec<Asset>,
    /// Compiled templates of each edition (the site-wide context is the edition's).
    pub renderers: Vec<Renderer>,
    /// The source files, to locate problems found in the rendered output.
    pub source: SiteSource,
    /// The templates (theme and site overrides), for the same reason.
    pub templates: Vec<TemplateSource>,
}

impl Compiled {
    /// The first edition (the whole site when it has one language).
    pub fn site(&self) -> &Site {
        &self.sites[0]
    }

    /// Build the search index of every edition (once; later calls return at once). Call it
    /// before rendering search files in parallel: a thread building an index may pick up other
    /// rendering work while it waits, and must not be handed a file of the index it builds.
    pub fn build_search(&self) {
        for site in &self.sites {
            if let Some(index) = &site.search {
                index.files();
            }
        }
    }

    /// Render one planned page with its edition's site and templates.
    pub fn render(&self, page: &PlannedPage) -> Result<Vec<u8>, Error> {
        let e = page.edition;
        self.renderers[e].render(&self.sites, &self.plan, page)
    }
}

/// What a running build tells its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildEvent<'a> {
    /// Another build holds the output's lock (this file): this one waits until it is done.
    Waiting {
        /// The lock file next to the output.
        lock: &'a std::path::Path,
    },
    /// Rendering has got this far.
    Rendering(Progress),
}

/// Build the site into `opts.output`; the previous output stays untouched on failure.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Errors> {
    build_with_progress(opts, &|_| {})
}

/// [`build`], reporting rendering progress to `progress` (called from several threads).
pub fn build_with_progress(
    opts: &BuildOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<BuildReport, Errors> {
    build_with_events(opts, false, &|event| {
        if let BuildEvent::Rendering(p) = event {
            progress(p);
        }
    })
    .map(|(report, _)| report)
}

/// [`build_with_progress`], also returning the warnings. With `deny_warnings`, a warning fails
/// the build like an error, before anything is written.
pub fn build_with_warnings(
    opts: &BuildOptions,
    deny_warnings: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(BuildReport, Errors), Errors> {
    build_with_events(opts, deny_warnings, &|event| {
        if let BuildEvent::Rendering(p) = event {
            progress(p);
        }
    })
}

/// [`build`], reporting a wait for another build's lock and rendering progress to `events`
/// (called from several threads), and returning the warnings. The output is locked for the
/// whole build, so two builds into one output run one after the other, and a swap that a crash
/// interrupted is repaired before anything else, even if this build then fails. With
/// `deny_warnings`, a warning fails the build like an error, before anything is written.
pub fn build_with_events(
    opts: &BuildOptions,
    deny_warnings: bool,
    events: &(dyn Fn(BuildEvent<'_>) + Sync),
) -> Result<(BuildReport, Errors), Errors> {
    let output = write::Output::create_waiting(&opts.output, &opts.root, &|lock| {
        events(BuildEvent::Waiting { lock })
    })?;
    let compiled = compile(opts)?;
    let warnings = compiled.site().data.warnings.clone();
    if deny_warnings && !warnings.is_empty() {
        return Err(warnings.denied());
    }
    render_into_with_progress(&compiled, &output, &|p| events(BuildEvent::Rendering(p)))?;
    let stats = output.commit()?;
    Ok((BuildReport::of_plan(&compiled, stats.files, stats.bytes), warnings))
}

/// Every stage up to rendering: load, parse, validate, derive, plan, compile templates.
pub fn compile(opts: &BuildOptions) -> Result<Compiled, Errors> {
    compile_with(opts, None)
}

/// [`compile`], reusing (and refreshing) parsed news and pages from `cache` when given.
pub fn compile_with(opts: &BuildOptions, cache: Option<&ItemCache>) -> Result<Compiled, Errors> {
    let source = load::load_site(&opts.root)?;
    let config = parse_config(&source.config, opts.base_url.as_deref())?;
    let theme = load::load_theme(&opts.root, &config.theme)?;
    let strings: Vec<Strings> =
        config.languages.iter().map(|&l| Strings::load(&theme.i18n, l)).collect::<Result<_, _>>()?;
    let md: Vec<MarkdownOptions<'_>> = strings.iter().map(|s| markdown_options(&config, s)).collect();
    if let Some(cache) = cache {
        cache.start(&format!("{:?} {md:?}", config.slugs));
    }
    let (content, parsed_data) =
        rayon::join(|| parse_content(&source, &config, &md, cache), || data::parse_data(&source, &config));
    if let Some(cache) = cache {
        cache.finish();
    }
    let (editions, parsed_data) = match (content, parsed_data) {
        (Ok(c), Ok(d)) => (c, d),
        (c, d) => {
            let mut errors = Errors::new();
            errors.take_all(c);
            errors.take_all(d);
            return errors.into_result(()).and_then(|()| Err(Errors::new()));
        }
    };
    let mut data = data::derive_data(parsed_data, &config, &md[0]);
    // every edition's statistics from the same YAML, translated; the texts an edition lacks are
    // warnings of `check` and of the build, once per item (the first edition reports them)
    let (mut translated, untranslated) = crate::model::localize::editions(&data, &config.languages());
    if !untranslated.is_empty() {
        data.warnings.extend(Errors(untranslated));
        data.warnings.sort();
    }
    let mut sites = Vec::with_capacity(editions.len());
    for (e, (news, pages)) in editions.into_iter().enumerate() {
        let edition = edition::Edition::of(&config, e);
        let localized = match translated.iter().position(|(lang, _)| *lang == edition.lang) {
            Some(at) => translated.swap_remove(at).1,
            None => data.clone(),
        };
        let edition_data = edition.place_data(localized);
        let mut site = derive::derive_site(
            edition.config,
            edition.routes,
            &source,
            news,
            pages,
            opts.drafts,
            edition_data,
        )?;
        let items: Vec<&Item> =
            site.news.iter().map(|n| &n.item).chain(site.pages.iter().map(|p| &p.item)).collect();
        data::check_shortcodes(&items, &site.data, &source)?;
        if site.config.search {
            site.search = Some(search::plan_index(&site, strings[e].get("search_former")));
        }
        sites.push(site);
    }
    let plan = plan::plan_editions(&sites, &source)?;
    edition::place_menus(&mut sites, &plan);
    let mut assets = theme.assets;
    for asset in source.assets.iter().cloned() {
        assets.retain(|a| a.out_path != asset.out_path);
        assets.push(asset);
    }
    check_asset_collisions(&plan, &assets)?;
    let known = links::known_paths(&plan, &assets);
    for site in &sites {
        links::check_links(site, &known, &source)?;
    }
    let renderers = sites
        .iter()
        .zip(strings)
        .map(|(site, strings)| Renderer::new(site, &theme.templates, strings))
        .collect::<Result<_, _>>()?;
    Ok(Compiled { sites, plan, assets, renderers, source, templates: theme.templates })
}

/// How Markdown is rendered on this site.
fn markdown_options<'a>(config: &'a Config, strings: &'a Strings) -> MarkdownOptions<'a> {
    MarkdownOptions {
        allow_raw_html: config.allow_raw_html,
        base_path: &config.base_path,
        reserved_ids: &THEME_IDS,
        labels: MarkdownLabels {
            table: strings.get("table_label"),
            task_done: strings.get("task_done"),
            task_open: strings.get("task_open"),
        },
        shortcodes: true,
    }
}

/// The news items and the pages of one edition.
type EditionItems = (Vec<Item>, Vec<Item>);

/// Parse every news item and page in parallel (or take it from `cache`), collecting all their
/// errors; the items come back by edition (`config.languages` order), each parsed with its
/// edition's Markdown options `md`.
fn parse_content(
    source: &SiteSource,
    config: &Config,
    md: &[MarkdownOptions<'_>],
    cache: Option<&ItemCache>,
) -> Result<Vec<EditionItems>, Errors> {
    let mut errors = Errors::new();
    let edition_of = |f: &crate::source::SourceFile| -> Option<usize> {
        let lang = crate::content::edition::suffix_language(&f.path).unwrap_or(config.lang);
        config.languages.iter().position(|&l| l == lang)
    };
    for f in source.news.iter().chain(&source.pages).filter(|f| edition_of(f).is_none()) {
        errors.push(edition::unknown_edition(&f.path, config));
    }
    let parse = |files: &[crate::source::SourceFile], kind, e: usize| -> Vec<Result<Item, Errors>> {
        files
            .par_iter()
            .filter(|f| edition_of(f) == Some(e))
            .map(|f| {
                let parse = || parse_item(f, kind, config.slugs == crate::config::SlugSource::Title, &md[e]);
                cache.map_or_else(parse, |c| c.get_or_parse(f, kind, parse))
            })
            .collect()
    };
    let mut editions = Vec::with_capacity(md.len());
    for e in 0..md.len() {
        let news: Vec<Item> = parse(&source.news, ContentKind::News, e)
            .into_iter()
            .filter_map(|r| errors.take_all(r))
            .collect();
        let pages: Vec<Item> = parse(&source.pages, ContentKind::Page, e)
            .into_iter()
            .filter_map(|r| errors.take_all(r))
            .collect();
        editions.push((news, pages));
    }
    errors.into_result(editions)
}

fn check_asset_collisions(plan: &[PlannedPage], assets: &[Asset]) -> Result<(), Errors> {
    let files: std::collections::HashSet<&str> = plan.iter().map(|p| p.file.as_str()).collect();
    let mut errors = Errors::new();
    for asset in assets.iter().filter(|a| files.contains(a.out_path.as_str())) {
        errors.push(
            Error::new(
                ErrorKind::Duplicate,
                format!("the static file `{}` would replace a generated page", asset.out_path),
            )
            .help("rename or move the file: this address belongs to a page gazette generates"),
        );
    }
    errors.into_result(())
}

/// Render every planned page and copy every asset into `output`, in parallel.
pub fn render_into(compiled: &Compiled, output: &write::Output) -> Result<(), Errors> {
    render_into_with_progress(compiled, output, &|_| {})
}

/// [`render_into`], reporting each file done to `progress` (called from several threads).
pub fn render_into_with_progress(
    compiled: &Compiled,
    output: &write::Output,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(), Errors> {
    let Compiled { plan, assets, .. } = compiled;
    output.create_folders(
        plan.iter().map(|p| p.file.as_str()).chain(assets.iter().map(|a| a.out_path.as_str())),
    )?;
    let (done, total) = (AtomicUsize::new(0), plan.len() + assets.len());
    progress(Progress { done: 0, total });
    let tick = || progress(Progress { done: done.fetch_add(1, Ordering::Relaxed) + 1, total });
    let page = |page: &PlannedPage| {
        let result = compiled.render(page).and_then(|bytes| output.write(&page.file, &bytes));
        tick();
        result.err()
    };
    let search = |p: &&PlannedPage| matches!(p.kind, PageKind::SearchFile(_));
    // the search index is built on the pool while the other pages render (issue 10), then
    // its files are written
    let ((), mut results): ((), Vec<Error>) = rayon::join(
        || compiled.build_search(),
        || {
            plan.par_iter()
                .filter(|p| !search(p))
                .filter_map(page)
                .chain(assets.par_iter().filter_map(|a| {
                    let result = output.copy(a);
                    tick();
                    result.err()
                }))
                .collect()
        },
    );
    results.extend(plan.par_iter().filter(search).filter_map(page).collect::<Vec<_>>());
    let mut errors = Errors::new();
    for e in results {
        errors.push(e);
    }
    errors.into_result(())
}

/// Render every planned page into memory: output file (`news/a/index.html`) → bytes.
/// Assets are not included (they are copied unchanged; see `Compiled::assets`).
pub fn render_to_memory(compiled: &Compiled) -> Result<BTreeMap<String, Vec<u8>>, Errors> {
    compiled.build_search();
    let results: Vec<Result<(String, Vec<u8>), Error>> = compiled
        .plan
        .par_iter()
        .map(|page| compiled.render(page).map(|bytes| (page.file.clone(), bytes)))
        .collect();
    let mut errors = Errors::new();
    let files = results.into_iter().filter_map(|r| errors.take(r)).collect();
    errors.into_result(files)
}
