//! Messages in the reader's language: errors, help and the CLI's own lines, in English or
//! Vietnamese.
//!
//! The gettext model: the code writes its messages in English, and that English text is the
//! message id. Each entry of the Vietnamese catalogue (`vi.rs`) is a pair of templates: the
//! English one with named holes, exactly as the code writes it, and the Vietnamese one that
//! reuses the holes. A message is translated at display time by the entry whose English
//! template matches it whole (the most specific one when several do); each hole's text is
//! itself translated when it is an English phrase of the catalogue ("the news item …",
//! "a whole number"), unless it stands between backticks (ids, paths, field names), and kept
//! as it is otherwise (numbers, user text). A message no entry
//! matches is shown in English, so a missing translation never hides a problem.
//!
//! The library's `Display for Error` stays English; the CLI and the check reports call
//! [`display`] with the language [`choose_lang`] picked.

mod choose;
mod template;
mod vi;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::error::{Error, Errors};
use crate::locale::Lang;

pub use choose::{choose_lang, env_lang, site_yaml_lang};
pub use template::{Segment, Template};

/// One catalogue entry: the English template and its Vietnamese counterpart.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The English template, as the code writes the message.
    pub en: Template,
    /// The Vietnamese template, with the same hole names.
    pub vi: Template,
}

/// The parsed catalogue: entries without holes are found by their text at once, the others
/// are tried one by one.
struct Catalogue {
    entries: Vec<Entry>,
    /// English text → index, for entries without holes.
    exact: HashMap<String, usize>,
    /// Indices of the entries with holes.
    patterns: Vec<usize>,
}

/// The Vietnamese catalogue, parsed once (it is constant data).
static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let entries: Vec<Entry> = vi::ENTRIES
        .iter()
        .map(|(en, vi)| Entry { en: Template::parse(en), vi: Template::parse(vi) })
        .collect();
    let mut exact = HashMap::new();
    let mut patterns = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        match entry.en.holes().next() {
            None => {
                exact.insert(entry.en.shape(), i);
            }
            Some(_) => patterns.push(i),
        }
    }
    Catalogue { entries, exact, patterns }
});

/// Every entry of the Vietnamese catalogue (for the coverage tests).
pub fn catalogue() -> &'static [Entry] {
    &CATALOGUE.entries
}

/// Holes with these names hold paths and addresses: never translated, even when a folder is
/// called `page` or `list` (holes between backticks are kept as they are too).
const VERBATIM_HOLES: [&str; 6] = ["path", "dir", "out", "lock", "url", "file"];

/// Holes inside holes are translated this many levels deep at most.
const MAX_DEPTH: usize = 4;

/// `text` (an English message, help or line of the CLI) in `lang`; unchanged when no
/// catalogue entry matches.
pub fn translate(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Vi => translate_vi(text, 0).unwrap_or_else(|| text.to_string()),
    }
}

fn translate_vi(text: &str, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH || text.is_empty() {
        return None;
    }
    let catalogue = &*CATALOGUE;
    if let Some(&i) = catalogue.exact.get(text) {
        return Some(catalogue.entries[i].vi.fill(|_| String::new()));
    }
    let (entry, values) = catalogue
        .patterns
        .iter()
        .map(|&i| &catalogue.entries[i])
        .filter_map(|e| e.en.matches(text).map(|values| (e, values)))
        .max_by_key(|(e, _)| e.en.literal_len())?;
    let mut code = entry.en.code_holes();
    code.extend(VERBATIM_HOLES);
    Some(entry.vi.fill(|name| {
        let value = values.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| v);
        if code.contains(&name) {
            return value.to_string();
        }
        translate_vi(value, depth + 1).unwrap_or_else(|| value.to_string())
    }))
}

/// One error as the CLI prints it, in `lang`:
/// `path:line:col: error: message` and, on the next line, `  help: …`.
pub fn display(error: &Error, lang: Lang) -> String {
    display_as(error, error.severity.name(), lang)
}

/// Like [`display`] with another label in place of `error` (e.g. `warning`, which the
/// catalogue translates as `cảnh báo`).
pub fn display_as(error: &Error, label: &str, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(location) = &error.location {
        out.push_str(&format!("{location}: "));
    }
    out.push_str(&format!("{}: {}", translate(label, lang), translate(&error.message, lang)));
    if let Some(help) = &error.help {
        out.push_str(&format!("\n  {}: {}", translate("help", lang), translate(help, lang)));
    }
    out
}

/// The errors as printed for people, in `lang`: the first 200, then `and N more errors`
/// (see [`Errors::for_people`]).
pub fn for_people(errors: &Errors, lang: Lang) -> String {
    errors.for_people_with(&|e| display(e, lang), &|line| translate(line, lang))
}

/// Every error, one [`display`] after another, separated by a line break.
pub fn display_all(errors: &Errors, lang: Lang) -> String {
    errors.0.iter().map(|e| display(e, lang)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn errors_and_help_are_shown_in_vietnamese() {
        let e = Error::new(ErrorKind::Value, "`2024-13-01` is not a date: there is no month 13")
            .at_line("content/news/a.md", 3, 7)
            .help(
                "write the date as YYYY-MM-DD, e.g. date: 2025-03-12 (a time may follow: 2025-03-12 08:30)",
            );
        let text = display(&e, Lang::Vi);
        assert!(text.starts_with("content/news/a.md:3:7: lỗi: `2024-13-01` không phải là ngày"), "{text}");
        assert!(text.contains("\n  gợi ý: "), "{text}");
        assert_eq!(display(&e, Lang::En), e.to_string());
    }

    #[test]
    fn english_phrases_inside_holes_are_translated_too() {
        let text = translate("unknown field `tittle` in `series[0]` of front matter", Lang::Vi);
        assert!(!text.contains("of front matter") && !text.contains(" in `"), "{text}");
        assert!(text.contains("`tittle`") && text.contains("`series[0]`"), "{text}");
    }

    #[test]
    fn names_between_backticks_are_never_translated() {
        let text = translate("did you mean `category`? Allowed fields: `title`, `category`", Lang::Vi);
        assert!(text.starts_with("có phải ý bạn là `category`?"), "{text}");
    }

    #[test]
    fn paths_are_never_translated_even_when_they_are_words() {
        assert_eq!(
            translate("1 error; page was not changed", Lang::Vi),
            "1 lỗi; thư mục page không bị thay đổi"
        );
        let w = display_as(&Error::new(ErrorKind::Value, "write"), "warning", Lang::Vi);
        assert_eq!(w, "cảnh báo: ghi");
    }

    #[test]
    fn an_unknown_message_stays_in_english() {
        assert_eq!(translate("Field `x` is not defined.", Lang::Vi), "Field `x` is not defined.");
    }

    /// Issue 9: a catalogue entry that cannot be used is a bug of the catalogue.
    #[test]
    fn every_entry_is_well_formed() {
        let mut shapes = std::collections::BTreeSet::new();
        for e in catalogue() {
            let en: Vec<&str> = e.en.holes().collect();
            for hole in e.vi.holes() {
                assert!(en.contains(&hole), "`{hole}` of {:?} is not a hole of the English", e.vi);
            }
            let words =
                e.en.segments
                    .iter()
                    .any(|s| matches!(s, Segment::Literal(t) if t.chars().any(char::is_alphabetic)));
            assert!(words, "an entry without words matches too much: {:?}", e.en);
            assert!(shapes.insert(e.en.shape()), "two entries for {:?}", e.en.shape());
        }
    }
}
