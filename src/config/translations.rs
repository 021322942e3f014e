//! The site's own texts in the other editions (issue 11): `translations: {en: {title: …}}` in
//! site.yaml. What an edition does not translate stays in the first language.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Footer;
use crate::error::{Error, ErrorKind, Errors};
use crate::locale::Lang;

/// The texts of one edition, as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTranslation {
    /// Name of the site in this language.
    #[serde(default)]
    title: Option<String>,
    /// Line under the name.
    #[serde(default)]
    tagline: Option<String>,
    /// Description for search engines and feeds.
    #[serde(default)]
    description: Option<String>,
    /// The names of the menu entries, in the order of `menu:` (their addresses are shared).
    #[serde(default)]
    menu_names: Option<Vec<String>>,
    /// The footer in this language (replaces the whole footer).
    #[serde(default)]
    footer: Option<Footer>,
}

/// The texts of one edition, checked.
#[derive(Debug, Clone, Default)]
pub struct Translation {
    /// Name of the site.
    pub title: Option<String>,
    /// Line under the name.
    pub tagline: Option<String>,
    /// Default description.
    pub description: Option<String>,
    /// Menu labels, one per menu entry.
    pub menu_names: Option<Vec<String>>,
    /// Footer facts.
    pub footer: Option<Footer>,
}

/// Check `translations:`: each key a language of `languages:` other than the first, and as many
/// menu names as menu entries.
pub(super) fn resolve_translations(
    raw: BTreeMap<String, RawTranslation>,
    languages: &[Lang],
    menu_len: usize,
    at: &dyn Fn(&[&str]) -> crate::Location,
    errors: &mut Errors,
) -> Vec<(Lang, Translation)> {
    let mut out = Vec::new();
    for (code, t) in raw {
        let Some(lang) = Lang::from_code(&code).filter(|l| languages.iter().skip(1).any(|x| x == l)) else {
            errors.push(
                Error::new(ErrorKind::Value, format!("`translations` has `{code}`, which is not a second language"))
                    .at(at(&["translations", &code]))
                    .help("translate into a language listed after the first in `languages:`, e.g. languages: [vi, en]"),
            );
            continue;
        };
        if let Some(names) = t.menu_names.as_ref().filter(|n| n.len() != menu_len) {
            errors.push(
                Error::new(
                    ErrorKind::Value,
                    format!("`menu_names` has {} names for {menu_len} menu entries", names.len()),
                )
                .at(at(&["translations", &code, "menu_names"]))
                .help("give one name per entry of `menu:`, in the same order"),
            );
        }
        let RawTranslation { title, tagline, description, menu_names, footer } = t;
        out.push((lang, Translation { title, tagline, description, menu_names, footer }));
    }
    out
}
