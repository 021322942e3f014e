//! Editions: one per language of `languages:`, each a whole site (its own news, pages, lists,
//! feeds and statistics pages) under its own routes; the first at `/`, the others under
//! `/<code>/` (issue 11).

use crate::config::Config;
use crate::error::{Error, ErrorKind, Location};
use crate::locale::Lang;
use crate::model::Data;
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
        Edition { lang, config: Config { lang, ..config.clone() }, routes }
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
