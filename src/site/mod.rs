//! The build: each stage is a function from values to values, called in order.

pub mod data;
pub mod derive;
pub mod links;
pub mod load;
pub mod plan;
pub mod write;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::{Config, parse_config};
use crate::content::markdown::{MarkdownLabels, MarkdownOptions};
use crate::content::{ContentKind, Item, parse_item};
use crate::error::{Error, ErrorKind, Errors};
use crate::model::{PlannedPage, Site};
use crate::render::Renderer;
use crate::render::i18n::Strings;
use load::{Asset, SiteSource};

/// Element ids used by the theme's page frame; headings in content never take them.
pub const THEME_IDS: [&str; 11] = [
    "main-content",
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
}

/// A site checked and planned, ready to render.
pub struct Compiled {
    /// The derived site.
    pub site: Site,
    /// Every output file to render.
    pub plan: Vec<PlannedPage>,
    /// Files to copy unchanged.
    pub assets: Vec<Asset>,
    /// Compiled templates.
    pub renderer: Renderer,
}

/// Build the site into `opts.output`; the previous output stays untouched on failure.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Errors> {
    let compiled = compile(opts)?;
    let output = write::Output::create(&opts.output)?;
    render_into(&compiled, &output)?;
    let stats = output.commit()?;
    let pages = compiled.plan.iter().filter(|p| p.file.ends_with(".html")).count();
    Ok(BuildReport { pages, files: stats.files, bytes: stats.bytes, news: compiled.site.news.len() })
}

/// Every stage up to rendering: load, parse, validate, derive, plan, compile templates.
pub fn compile(opts: &BuildOptions) -> Result<Compiled, Errors> {
    let source = load::load_site(&opts.root)?;
    let config = parse_config(&source.config, opts.base_url.as_deref())?;
    let theme = load::load_theme(&opts.root, &config.theme)?;
    let strings = Strings::load(&theme.i18n, config.lang)?;
    let md = markdown_options(&config, &strings);
    let (content, parsed_data) =
        rayon::join(|| parse_content(&source, &config, &md), || data::parse_data(&source, &config));
    let ((news, pages), parsed_data) = match (content, parsed_data) {
        (Ok(c), Ok(d)) => (c, d),
        (c, d) => {
            let mut errors = Errors::new();
            errors.take_all(c);
            errors.take_all(d);
            return errors.into_result(()).and_then(|()| Err(Errors::new()));
        }
    };
    let data = data::derive_data(parsed_data, &config, &md);
    let site = derive::derive_site(config, &source, news, pages, opts.drafts, data)?;
    let items: Vec<&Item> =
        site.news.iter().map(|n| &n.item).chain(site.pages.iter().map(|p| &p.item)).collect();
    data::check_shortcodes(&items, &site.data, &source)?;
    let plan = plan::plan_pages(&site, &source)?;
    let mut assets = theme.assets;
    for asset in source.assets.iter().cloned() {
        assets.retain(|a| a.out_path != asset.out_path);
        assets.push(asset);
    }
    check_asset_collisions(&plan, &assets)?;
    links::check_links(&site, &links::known_paths(&plan, &assets), &source)?;
    let renderer = Renderer::new(&site, &theme.templates, strings)?;
    Ok(Compiled { site, plan, assets, renderer })
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
    }
}

/// Parse every news item and page in parallel, collecting all their errors.
fn parse_content(
    source: &SiteSource,
    config: &Config,
    md: &MarkdownOptions<'_>,
) -> Result<(Vec<Item>, Vec<Item>), Errors> {
    let parse = |files: &[crate::source::SourceFile], kind| -> Vec<Result<Item, Errors>> {
        files.par_iter().map(|f| parse_item(f, kind, config.slugs, md)).collect()
    };
    let mut errors = Errors::new();
    let news: Vec<Item> =
        parse(&source.news, ContentKind::News).into_iter().filter_map(|r| errors.take_all(r)).collect();
    let pages: Vec<Item> =
        parse(&source.pages, ContentKind::Page).into_iter().filter_map(|r| errors.take_all(r)).collect();
    errors.into_result((news, pages))
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
    let Compiled { site, plan, assets, renderer } = compiled;
    output.create_folders(
        plan.iter().map(|p| p.file.as_str()).chain(assets.iter().map(|a| a.out_path.as_str())),
    )?;
    let results: Vec<Error> = plan
        .par_iter()
        .filter_map(|page| {
            renderer.render(site, plan, page).and_then(|bytes| output.write(&page.file, &bytes)).err()
        })
        .chain(assets.par_iter().filter_map(|a| output.copy(a).err()))
        .collect();
    let mut errors = Errors::new();
    for e in results {
        errors.push(e);
    }
    errors.into_result(())
}
