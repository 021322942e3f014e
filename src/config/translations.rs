//! The editions of a site (issue 11): `languages: [vi, en]`, and the site's own texts in the
//! other editions, `translations: {en: {title: …}}` in site.yaml. What an edition does not
//! translate stays in the first language.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Footer;
use super::contact::Contact;
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
    /// Contact details in this language: the fields given replace the first language's
    /// (typically `address` and `hours`; telephone numbers and e-mail are shared).
    #[serde(default)]
    contact: Option<Contact>,
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
    /// Contact details that differ in this language.
    pub contact: Option<Contact>,
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
        let RawTranslation { title, tagline, description, menu_names, footer, contact } = t;
        out.push((lang, Translation { title, tagline, description, menu_names, footer, contact }));
    }
    out
}

/// `languages:` as written, checked: known codes, each once; without it, the single `lang`.
pub(super) fn resolve_languages(
    raw: Option<&[String]>,
    lang: Lang,
    at: &dyn Fn(&[&str]) -> crate::Location,
    errors: &mut Errors,
) -> Vec<Lang> {
    let Some(raw) = raw else { return vec![lang] };
    let mut languages = Vec::with_capacity(raw.len());
    for (i, language) in raw.iter().enumerate() {
        match Lang::from_code(language) {
            Some(l) if languages.contains(&l) => errors.push(
                Error::new(ErrorKind::Duplicate, format!("the language `{language}` is listed twice"))
                    .at(at(&["languages", &i.to_string()]))
                    .help("list each language once, the main one first, e.g. languages: [vi, en]"),
            ),
            Some(l) => languages.push(l),
            None => errors.push(
                Error::new(ErrorKind::Value, format!("language `{language}` has no interface strings"))
                    .at(at(&["languages", &i.to_string()]))
                    .help("use `vi` (Tiếng Việt) or `en` (English)"),
            ),
        }
    }
    if languages.is_empty() {
        languages.push(lang);
    }
    languages
}

#[cfg(test)]
mod tests {
    use crate::config::parse_config;
    use crate::locale::Lang;
    use crate::source::SourceFile;

    fn parse(extra: &str) -> Result<crate::config::Config, crate::error::Errors> {
        let text = format!("title: x\nbase_url: https://a.vn\n{extra}");
        parse_config(&SourceFile::new("content/site.yaml", &text), None)
    }

    #[test]
    fn languages_default_to_the_single_language_and_the_first_is_the_main_one_issue_11() {
        assert_eq!(parse("").unwrap().languages, [Lang::Vi]);
        assert_eq!(parse("language: en\n").unwrap().languages, [Lang::En]);
        let c = parse("languages: [en, vi]\n").unwrap();
        assert_eq!((c.lang, c.languages), (Lang::En, vec![Lang::En, Lang::Vi]));
    }

    #[test]
    fn a_repeated_or_unknown_language_and_a_stray_translation_are_errors_issue_11() {
        let text = parse("languages: [vi, en, vi, fr]\n").unwrap_err().to_string();
        assert!(text.contains("the language `vi` is listed twice"), "{text}");
        assert!(text.contains("language `fr` has no interface strings"), "{text}");
        let text = parse("translations:\n  en:\n    title: X\n").unwrap_err().to_string();
        assert!(text.contains("`translations` has `en`, which is not a second language"), "{text}");
        let menu = "menu:\n  - {name: A, url: /}\n  - {name: B, url: /news/}\n";
        let text =
            parse(&format!("languages: [vi, en]\n{menu}translations:\n  en:\n    menu_names: [Home]\n"))
                .unwrap_err()
                .to_string();
        assert!(text.contains("`menu_names` has 1 names for 2 menu entries"), "{text}");
    }
}
