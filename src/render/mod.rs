//! Rendering: model + theme → bytes of each output file. Pure: no files, no clock.
//!
//! Templates are compiled once into a [`Renderer`]; site-wide values (`site`, `t`) live in
//! tera's global context, so a page's context holds only what is particular to it.

pub mod feed;
pub mod i18n;
pub mod pages;
pub mod template;
pub mod views;

use tera::{Context, Kwargs, State, Tera};

use crate::error::{Error, Errors};
use crate::locale::format_number;
use crate::model::{PageKind, PlannedPage, Site};
use i18n::Strings;
use template::{Template, TemplateFiles, TemplateSource, check_required, map_tera_error};

/// Compiled templates plus the site-wide context.
pub struct Renderer {
    tera: Tera,
    files: TemplateFiles,
    /// The interface strings.
    pub strings: Strings,
}

impl Renderer {
    /// Compile the theme's templates and set the site-wide context.
    pub fn new(site: &Site, templates: &[TemplateSource], strings: Strings) -> Result<Renderer, Errors> {
        let files = TemplateFiles::new(templates);
        check_required(&files)?;
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        register_filters(&mut tera, site);
        tera.add_raw_templates(templates.iter().map(|t| (t.name.as_str(), t.file.text.as_str())))
            .map_err(|e| Errors::from(map_tera_error(&e, &files)))?;
        let global = tera.global_context();
        global.insert("site", &views::site_view(site));
        global.insert("t", strings.map());
        Ok(Renderer { tera, files, strings })
    }

    /// Render one planned page to the bytes of its file.
    pub fn render(&self, site: &Site, plan: &[PlannedPage], page: &PlannedPage) -> Result<Vec<u8>, Error> {
        match &page.kind {
            PageKind::Feed { category } => Ok(feed::rss(site, *category, &self.strings).into_bytes()),
            PageKind::Sitemap => Ok(feed::sitemap(site, plan).into_bytes()),
            PageKind::Robots => Ok(feed::robots(site).into_bytes()),
            _ => {
                let (template, context) = pages::context(self, site, page)?;
                // straight into bytes: `Tera::render` would re-check the whole page is UTF-8
                let mut bytes = Vec::with_capacity(16 * 1024);
                self.tera
                    .render_to(template.name(), &context, &mut bytes)
                    .map_err(|e| map_tera_error(&e, &self.files))?;
                Ok(bytes)
            }
        }
    }

    /// Render a template with a page context.
    pub fn render_template(&self, template: Template, context: &Context) -> Result<String, Error> {
        self.tera.render(template.name(), context).map_err(|e| map_tera_error(&e, &self.files))
    }
}

/// Filters for theme authors: numbers in the site's format and `{name}` placeholders.
fn register_filters(tera: &mut Tera, site: &Site) {
    let lang = site.config.lang;
    tera.register_filter("num", move |value: f64, kwargs: Kwargs, _: &State| {
        let decimals = kwargs.get::<usize>("decimals").ok().flatten().unwrap_or(0);
        format_number(value, decimals, lang)
    });
    tera.register_filter("fill", |text: &str, kwargs: Kwargs, _: &State| {
        let mut out = text.to_string();
        for (key, value) in kwargs.iter() {
            let value = value.as_str().map_or_else(|| value.to_string(), str::to_string);
            out = out.replace(&format!("{{{key}}}"), &value);
        }
        out
    });
}
