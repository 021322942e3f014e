//! Which edition (language) a news item or page belongs to, read from its file name:
//! `gioi-thieu.en.md` is the English edition of `gioi-thieu.md` (issue 11). A file without a
//! language before `.md` belongs to the site's first language.

use crate::locale::Lang;

/// The language named just before the extension (`a.en.md` → English), if any.
pub fn suffix_language(path: &str) -> Option<Lang> {
    let stem = path.rsplit('/').next()?.rsplit_once('.')?.0;
    let code = stem.rsplit_once('.')?.1;
    Lang::from_code(code).filter(|l| l.code() == code)
}

/// A file stem without its language (`gioi-thieu.en` → `gioi-thieu`).
pub fn strip_language(stem: &str) -> &str {
    match stem.rsplit_once('.') {
        Some((base, code)) if Lang::from_code(code).is_some_and(|l| l.code() == code) => base,
        _ => stem,
    }
}

/// What the editions of one item share: its path without the language
/// (`content/pages/gioi-thieu.en.md` → `content/pages/gioi-thieu.md`).
pub fn translation_key(path: &str) -> String {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let Some((stem, ext)) = name.rsplit_once('.') else { return path.to_string() };
    let stem = strip_language(stem);
    if folder.is_empty() { format!("{stem}.{ext}") } else { format!("{folder}/{stem}.{ext}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_before_the_extension_names_the_edition_issue_11() {
        assert_eq!(suffix_language("content/pages/gioi-thieu.en.md"), Some(Lang::En));
        assert_eq!(suffix_language("content/pages/gioi-thieu.vi.md"), Some(Lang::Vi));
        assert_eq!(suffix_language("content/pages/gioi-thieu.md"), None);
        assert_eq!(suffix_language("content/news/2025/v1.2.md"), None);
        assert_eq!(suffix_language("content/news/en.md"), None);
        assert_eq!(translation_key("content/pages/gioi-thieu.en.md"), "content/pages/gioi-thieu.md");
        assert_eq!(translation_key("content/pages/gioi-thieu.md"), "content/pages/gioi-thieu.md");
        assert_eq!(strip_language("2025-01-02-tin.en"), "2025-01-02-tin");
    }
}
