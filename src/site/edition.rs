//! Editions: one per language of `languages:`, each a whole site (its own news, pages, lists,
//! feeds and statistics pages) under its own routes; the first at `/`, the others under
//! `/<code>/` (issue 11).

use crate::config::Config;
use crate::error::{Error, ErrorKind, Location};
use crate::locale::Lang;
use std::collections::HashSet;

use crate::model::{Data, PlannedPage, Site};
use crate::routes::Routes;

/// What makes edition `e` of a site different from the others.
pub struct Edition {
    /// Its language.
    pub lang: Lang,
    /// The site's configuration with `lang` set to the edition's language.
    pub config: Config,
    /// Where its pages live.
    pub routes: Routes,
}

impl Edition {
    /// Edition `e` (an index into `config.languages`; the first language for any other).
    pub fn of(config: &Config, e: usize) -> Edition {
        let lang = config.languages.get(e).copied().unwrap_or(config.lang);
        let routes = if e == 0 { Routes::root() } else { Routes::under(lang.code()) };
        let mut config = Config { lang, ..config.clone() };
        if let Some((_, t)) = config.translations.iter().find(|(l, _)| *l == lang && e > 0) {
            let t = t.clone();
            config.title = t.title.unwrap_or(config.title);
            config.tagline = t.tagline.or(config.tagline);
            config.description = t.description.unwrap_or(config.description);
            config.footer = t.footer.unwrap_or(config.footer);
            if let Some(c) = t.contact {
                config.contact = config.contact.translated(c);
            }
            for (item, name) in config.menu.iter_mut().zip(t.menu_names.into_iter().flatten()) {
                item.name = name;
            }
        }
        Edition { lang, config, routes }
    }

    /// The statistics of this edition: the same data, its pages at this edition's addresses
    /// (open-data files and charts stay shared at the root).
    pub fn place_data(&self, mut data: Data) -> Data {
        let r = &self.routes;
        for e in &mut data.indicators {
            e.path = r.indicator(&e.indicator.id);
        }
        for p in &mut data.programmes {
            p.path = r.programme(&p.programme.id);
        }
        data.geo_paths = data.geo.units.iter().map(|u| r.geo(&u.id)).collect();
        data
    }
}

/// Point each edition's menu at its own pages: a site path of the menu leads to the same
/// page in the edition when the edition has it (`/gioi-thieu/` → `/en/gioi-thieu/`), else it
/// stays on the first language's page.
pub fn place_menus(sites: &mut [Site], plan: &[PlannedPage]) {
    let paths: HashSet<(usize, &str)> = plan.iter().map(|p| (p.edition, p.path.as_str())).collect();
    for (e, site) in sites.iter_mut().enumerate().skip(1) {
        let routes = site.routes.clone();
        for item in site.config.menu.iter_mut().filter(|m| m.internal) {
            let path = routes.edition_path(&item.url);
            if paths.contains(&(e, path.as_str())) {
                item.url = path;
            }
        }
    }
}

/// The error for a file in a language the site does not publish (`a.en.md` without `en` in
/// `languages:`).
pub fn unknown_edition(path: &str, config: &Config) -> Error {
    let code = crate::content::edition::suffix_language(path).map_or("?", Lang::code);
    let listed: Vec<&str> = config.languages.iter().map(|l| l.code()).collect();
    Error::new(ErrorKind::Value, format!("this file is in `{code}`, a language the site does not publish"))
        .at(Location::file(path))
        .help(format!(
            "add `{code}` to `languages:` in content/site.yaml (now [{}]), or rename the file without `.{code}`",
            listed.join(", ")
        ))
}
