//! The site configuration: `content/site.yaml` as written (`RawConfig`) and as resolved (`Config`).
//!
//! The raw form is exactly what an editor may type (unknown keys are errors with suggestions);
//! the resolved form has defaults applied and values checked (URL parsed, language known,
//! time zone read), so no later stage re-validates it.

mod visits;

use serde::Deserialize;

pub mod translations;

pub use translations::Translation;
mod contact;

pub use contact::{Contact, Portal};

use crate::error::{Error, ErrorKind, Errors};
use crate::locale::Lang;
use crate::slug::{is_slug, slugify};
use crate::source::{SourceFile, YamlText};
use crate::url::{Accept, UrlField, check_url};
pub use visits::{Figure, Provider, VisitsConfig, encode_component, page_figure, site_figures};

mod editing;
pub use editing::{Backend, Editing, Remote};

const MENU_URL: UrlField = UrlField { name: "menu url", example: "url: /news/", accept: Accept::Link };
const SEARCH_URL: UrlField = UrlField {
    name: "search web",
    example: "web: https://www.google.com/search?as_sitesearch=sonca.gov.vn",
    accept: Accept::WebAddress,
};
const LICENCE_URL: UrlField =
    UrlField { name: "licence_url", example: "licence_url: /giay-phep/", accept: Accept::Link };

/// `site.yaml` as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// Name of the site, e.g. "Cổng thông tin điện tử tỉnh Sơn Cao".
    title: String,
    /// Address the site is published at, e.g. https://sonca.gov.vn.
    base_url: String,
    /// Interface language: vi (default) or en.
    #[serde(default)]
    language: Option<String>,
    /// The editions of the site, e.g. [vi, en]: the first at /, the others under /<code>/
    /// (default: the single `language`).
    #[serde(default)]
    languages: Option<Vec<String>>,
    /// One or two sentences describing the site (search engines, feeds).
    #[serde(default)]
    description: Option<String>,
    /// Short line above the site name in the header, e.g. the agency.
    #[serde(default)]
    tagline: Option<String>,
    /// Theme folder under themes/ (default: the built-in `default`).
    #[serde(default)]
    theme: Option<String>,
    /// News items per list page (default 10).
    #[serde(default)]
    per_page: Option<usize>,
    /// Items in each RSS feed (default 20).
    #[serde(default)]
    feed_limit: Option<usize>,
    /// Items in the "other news" box of an article (default 5).
    #[serde(default)]
    other_news: Option<usize>,
    /// UTC offset of dates written without one (default +07:00).
    #[serde(default)]
    timezone: Option<String>,
    /// Where news URLs come from: filename (default) or title.
    #[serde(default)]
    slugs: Option<SlugSource>,
    /// Keep raw HTML in Markdown as written (default false: sanitised).
    #[serde(default)]
    allow_raw_html: bool,
    /// Main navigation, in order.
    #[serde(default)]
    menu: Vec<RawMenuItem>,
    /// The agency's facts shown in the footer.
    #[serde(default)]
    footer: Option<Footer>,
    /// How to reach the agency: the footer and the `contact()` shortcode show it.
    #[serde(default)]
    contact: Option<Contact>,
    /// Links to other state portals, shown in the footer.
    #[serde(default)]
    portals: Vec<contact::RawPortal>,
    /// Analytics snippet (HTML) inserted before </body>.
    #[serde(default)]
    analytics: Option<String>,
    /// Settings of the statistics pages.
    #[serde(default)]
    data: Option<RawDataConfig>,
    /// The site's texts in the other languages of `languages:`, e.g. `en: {title: …}`.
    #[serde(default)]
    translations: std::collections::BTreeMap<String, translations::RawTranslation>,
    /// Where the visit statistics box and view counts read their figures.
    #[serde(default)]
    visits: Option<visits::RawVisits>,
    /// The web editor at /admin/: false turns it off; backend, repo, base_url, branch, app_id,
    /// review, script, integrity configure it.
    #[serde(default)]
    editing: Option<editing::RawEditing>,
    /// Settings of the site search.
    #[serde(default)]
    search: Option<RawSearchConfig>,
}

/// `search:` in `site.yaml` (issue 10).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawSearchConfig {
    /// Build the search box, results page and index (default true).
    #[serde(default)]
    enabled: Option<bool>,
    /// A web search offered when JavaScript is off: the address of its form, with fixed
    /// parameters, e.g. https://www.google.com/search?as_sitesearch=sonca.gov.vn (the words
    /// are sent as `q`).
    #[serde(default)]
    web: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawMenuItem {
    /// Label.
    name: String,
    /// Site path (/news/) or full web address.
    url: String,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawDataConfig {
    /// Geo id the headline figures are about (default: the root unit).
    #[serde(default)]
    province: Option<String>,
    /// Indicator ids shown as key figures on the home page.
    #[serde(default)]
    key_figures: Vec<String>,
    /// Indicator themes, in display order.
    #[serde(default)]
    themes: Vec<Theme>,
    /// Licence of the open data, e.g. CC-BY-4.0.
    #[serde(default)]
    licence: Option<String>,
    /// Web address of the licence text.
    #[serde(default)]
    licence_url: Option<String>,
}

/// Where news slugs come from when an item has no `slug:` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlugSource {
    /// The file name, without a leading `YYYY-MM-DD-` date (the default; stable when titles change).
    #[default]
    Filename,
    /// The title.
    Title,
}

/// The agency's facts shown in the footer of every page.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// Name of the body that runs the portal.
    #[serde(default)]
    pub agency: Option<String>,
    /// Person responsible for the content (Vietnamese portals must name one).
    #[serde(default)]
    pub responsible: Option<String>,
    /// Licence or permit line.
    #[serde(default)]
    pub licence: Option<String>,
    /// Any further line, e.g. "Số liệu minh họa".
    #[serde(default)]
    pub note: Option<String>,
}

/// An indicator theme (poverty, education, …), in display order.
#[derive(Debug, Clone, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Slug id used by indicators' `theme:`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One-line description.
    #[serde(default)]
    pub description: Option<String>,
    /// English texts for the English edition (each optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<ThemeEn>,
}

/// The English texts of a theme (`en:`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeEn {
    /// Display name in English, e.g. "Poverty reduction".
    #[serde(default)]
    pub name: Option<String>,
    /// One-line description in English.
    #[serde(default)]
    pub description: Option<String>,
}

/// One entry of the main navigation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MenuItem {
    /// Label shown.
    pub name: String,
    /// Site path (`/news/`) or external address (`https://…`, `//host/…`, `mailto:`, `tel:`),
    /// as written and checked by [`check_url`].
    pub url: String,
    /// Whether `url` is a site path (`//host/…` is not: it is another host).
    pub internal: bool,
}

/// Settings of the data side (indicators).
#[derive(Debug, Clone, Default)]
pub struct DataConfig {
    /// Geo id of the whole area (the default unit for charts and key figures).
    pub province: Option<String>,
    /// Indicator ids shown as key figures on the home page.
    pub key_figures: Vec<String>,
    /// Indicator themes in display order.
    pub themes: Vec<Theme>,
    /// Licence of the open data (an SPDX id such as `CC-BY-4.0`).
    pub licence: Option<String>,
    /// Web address of the licence text.
    pub licence_url: Option<String>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Site name.
    pub title: String,
    /// Absolute URL of the site root, without trailing slash (`https://example.gov.vn`).
    pub base_url: String,
    /// Path part of `base_url` without trailing slash (`""` or `/portal`); prefixed to internal links.
    pub base_path: String,
    /// Interface language (of this edition, once the site is split into editions).
    pub lang: Lang,
    /// Every edition's language, the first at `/` (one entry for a single-language site).
    pub languages: Vec<Lang>,
    /// The site's texts in the other editions' languages.
    pub translations: Vec<(Lang, Translation)>,
    /// Default description for pages without their own.
    pub description: String,
    /// Short line under the site name in the header.
    pub tagline: Option<String>,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Items per list page.
    pub per_page: usize,
    /// Items in each feed.
    pub feed_limit: usize,
    /// Items in the "other news" box of an article.
    pub other_news: usize,
    /// Offset of the site's time zone, in minutes east of UTC.
    pub tz_offset: i32,
    /// Where news slugs come from.
    pub slugs: SlugSource,
    /// Whether raw HTML in Markdown is kept as written (otherwise sanitised).
    pub allow_raw_html: bool,
    /// Main navigation.
    pub menu: Vec<MenuItem>,
    /// Footer facts.
    pub footer: Footer,
    /// How to reach the agency (footer and contact page).
    pub contact: Contact,
    /// Links to other state portals.
    pub portals: Vec<Portal>,
    /// Analytics snippet inserted before `</body>` (trusted: written by the site owner).
    pub analytics_html: Option<String>,
    /// Data-side settings.
    pub data: DataConfig,
    /// Where visit figures come from (issue 15).
    pub visits: VisitsConfig,
    /// The web editor at `/admin/`.
    pub editing: Editing,
    /// A web search for readers without JavaScript (`search.web`), checked as a web address.
    pub search_web: Option<String>,
    /// Whether the site has the search box, the results page and the index (`search.enabled`).
    pub search: bool,
}

impl Config {
    /// The language of every edition, the first being the one the data files are written in.
    pub fn languages(&self) -> Vec<Lang> {
        self.languages.clone()
    }

    /// The site-internal URL for a site path (`/news/` → `/portal/news/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path)
    }

    /// The absolute URL for a site path (`/news/` → `https://example.gov.vn/news/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

/// The JSON Schema of `site.yaml`, for editors.
pub fn config_schema() -> schemars::Schema {
    schemars::schema_for!(RawConfig)
}

/// Parse and resolve `content/site.yaml`; `base_url_override` replaces `base_url` (CLI, serve).
pub fn parse_config(file: &SourceFile, base_url_override: Option<&str>) -> Result<Config, Errors> {
    let yaml = YamlText::file(file);
    let raw: RawConfig = yaml.parse("site.yaml")?;
    let mut errors = Errors::new();
    let at = |field: &[&str]| yaml.locate(field);

    let base_source = base_url_override.unwrap_or(&raw.base_url);
    let (base_url, base_path) = match split_base_url(base_source) {
        Ok(parts) => parts,
        Err(message) => {
            let mut e = Error::new(ErrorKind::Value, message)
                .help("write the address the site is published at, e.g. base_url: https://sonca.gov.vn");
            if base_url_override.is_none() {
                e = e.at(at(&["base_url"]));
            }
            errors.push(e);
            (String::new(), String::new())
        }
    };
    let lang = site_lang(raw.language.as_deref(), &at, &mut errors);
    let languages = translations::resolve_languages(raw.languages.as_deref(), lang, &at, &mut errors);
    let lang = languages.first().copied().unwrap_or(lang);
    let tz_offset = timezone(raw.timezone.as_deref(), &at, &mut errors);
    let per_page = check_range(raw.per_page.unwrap_or(10), 1, 200, "per_page", &at, &mut errors);
    let feed_limit = check_range(raw.feed_limit.unwrap_or(20), 1, 1000, "feed_limit", &at, &mut errors);
    let other_news = check_range(raw.other_news.unwrap_or(5), 0, 50, "other_news", &at, &mut errors);
    let theme = theme_folder(raw.theme, &at, &mut errors);
    let menu = menu(raw.menu, &at, &mut errors);
    let data = resolve_data(raw.data, &at, &mut errors);
    let translations =
        translations::resolve_translations(raw.translations, &languages, menu.len(), &at, &mut errors);
    let visits = visits::resolve_visits(raw.visits, &at).unwrap_or_else(|e| {
        errors.push(e);
        VisitsConfig::default()
    });
    let editing = editing::resolve_editing(raw.editing, &at, &mut errors);
    let portals = contact::resolve_portals(raw.portals, &at, &mut errors);
    let search = raw.search.as_ref().and_then(|s| s.enabled).unwrap_or(true);
    let search_web = raw.search.and_then(|s| s.web).filter(|web| match check_url(web, &SEARCH_URL) {
        Ok(_) => true,
        Err(e) => {
            errors.push(e.at(at(&["search", "web"])));
            false
        }
    });
    errors.into_result(Config {
        title: raw.title,
        base_url,
        base_path,
        lang,
        languages,
        translations,
        description: raw.description.unwrap_or_default(),
        tagline: raw.tagline,
        theme,
        per_page,
        feed_limit,
        other_news,
        tz_offset,
        slugs: raw.slugs.unwrap_or_default(),
        allow_raw_html: raw.allow_raw_html,
        menu,
        footer: raw.footer.unwrap_or_default(),
        contact: raw.contact.unwrap_or_default(),
        portals,
        analytics_html: raw.analytics,
        data,
        visits,
        editing,
        search_web,
        search,
    })
}

type At<'a> = dyn Fn(&[&str]) -> crate::Location + 'a;

/// The site's language (`language:`, default `vi`).
fn site_lang(language: Option<&str>, at: &At<'_>, errors: &mut Errors) -> Lang {
    let language = language.unwrap_or("vi");
    Lang::from_code(language).unwrap_or_else(|| {
        errors.push(
            Error::new(ErrorKind::Value, format!("language `{language}` has no interface strings"))
                .at(at(&["language"]))
                .help("use `vi` (Tiếng Việt) or `en` (English)"),
        );
        Lang::Vi
    })
}

/// The offset from UTC in minutes (`timezone:`, default +07:00).
fn timezone(tz: Option<&str>, at: &At<'_>, errors: &mut Errors) -> i32 {
    match tz {
        None => 7 * 60,
        Some(tz) => parse_offset(tz).unwrap_or_else(|| {
            errors.push(
                Error::new(ErrorKind::Value, format!("timezone `{tz}` is not a UTC offset"))
                    .at(at(&["timezone"]))
                    .help("write the offset from UTC, e.g. timezone: \"+07:00\""),
            );
            0
        }),
    }
}

/// The theme folder name (`theme:`, default `default`).
fn theme_folder(theme: Option<String>, at: &At<'_>, errors: &mut Errors) -> String {
    let theme = theme.unwrap_or_else(|| "default".to_string());
    if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
        errors.push(
            Error::new(ErrorKind::Value, format!("theme `{theme}` is not a folder name"))
                .at(at(&["theme"]))
                .help("name a folder under themes/, e.g. theme: default"),
        );
    }
    theme
}

/// The menu entries with their addresses checked.
fn menu(raw: Vec<RawMenuItem>, at: &At<'_>, errors: &mut Errors) -> Vec<MenuItem> {
    raw.into_iter()
        .enumerate()
        .map(|(i, m)| {
            let internal = match check_url(&m.url, &MENU_URL) {
                Ok(kind) => kind.is_site_path(),
                Err(e) => {
                    errors.push(e.at(at(&["menu", &i.to_string(), "url"])));
                    false
                }
            };
            MenuItem { name: m.name, url: m.url, internal }
        })
        .collect()
}

fn resolve_data(
    raw: Option<RawDataConfig>,
    at: &dyn Fn(&[&str]) -> crate::Location,
    errors: &mut Errors,
) -> DataConfig {
    let Some(raw) = raw else { return DataConfig::default() };
    for (i, theme) in raw.themes.iter().enumerate() {
        if !is_slug(&theme.id) {
            errors.push(
                Error::new(ErrorKind::Value, format!("theme id `{}` is not a slug", theme.id))
                    .at(at(&["data", "themes", &i.to_string(), "id"]))
                    .help(format!(
                        "use lower-case ASCII letters, digits and hyphens, e.g. id: {}",
                        slugify(&theme.id)
                    )),
            );
        }
    }
    if let Some(Err(e)) = raw.licence_url.as_deref().map(|u| check_url(u, &LICENCE_URL)) {
        errors.push(e.at(at(&["data", "licence_url"])));
    }
    DataConfig {
        province: raw.province,
        key_figures: raw.key_figures,
        themes: raw.themes,
        licence: raw.licence,
        licence_url: raw.licence_url,
    }
}

fn check_range(
    value: usize,
    min: usize,
    max: usize,
    field: &str,
    at: &dyn Fn(&[&str]) -> crate::Location,
    errors: &mut Errors,
) -> usize {
    if (min..=max).contains(&value) {
        return value;
    }
    errors.push(
        Error::new(ErrorKind::Value, format!("{field} must be between {min} and {max}, found {value}"))
            .at(at(&[field]))
            .help(format!("write a whole number from {min} to {max}")),
    );
    value.clamp(min, max)
}

/// Split `https://host/path/` into (`https://host/path`, `/path`).
fn split_base_url(url: &str) -> Result<(String, String), String> {
    let trimmed = url.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url `{url}` must start with https:// or http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if host.is_empty() || host.contains([' ', '?', '#', '@']) {
        return Err(format!("base_url `{url}` has no valid host name"));
    }
    if path.contains(['?', '#', ' ']) {
        return Err(format!("base_url `{url}` must not contain a query, fragment or space"));
    }
    Ok((trimmed.to_string(), path.to_string()))
}

/// `+07:00`, `+0700`, `-05:30`, `Z` or `UTC` → minutes east of UTC.
fn parse_offset(text: &str) -> Option<i32> {
    let t = text.trim();
    if t == "Z" || t.eq_ignore_ascii_case("utc") {
        return Some(0);
    }
    let sign = match t.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = t[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

#[cfg(test)]
mod tests;
