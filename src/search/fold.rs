//! Folding for search: the one definition of "the same syllable" (issue 10).
//!
//! Lower-case, then NFD, then drop the combining diacritics U+0300–U+036F, then `đ` → `d`.
//! `themes/default/static/assets/search.js` does exactly the same in the browser
//! (`toLowerCase`, `normalize('NFD')`, the same range, the same `đ`); both are tested against
//! `tests/search-fold-cases.json`.

use unicode_normalization::UnicodeNormalization;

/// `text` folded: "Đường Giao Thông" → "duong giao thong"; NFC and NFD input fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            for d in std::iter::once(l).nfd() {
                match d {
                    '\u{300}'..='\u{36f}' => {}
                    'đ' => out.push('d'),
                    _ => out.push(d),
                }
            }
        }
    }
    out
}

/// The syllables of `text`, folded, each with whether a phrase continues into it from the
/// previous syllable (only spaces between them; punctuation breaks a phrase).
///
/// A syllable is a run of alphabetic or numeric characters of the folded text (JS:
/// `[\p{Alphabetic}\p{N}]`); spaces are `White_Space` (JS: `\p{White_Space}`).
pub fn syllables(text: &str) -> Vec<(String, bool)> {
    let folded = fold(text);
    spans(&folded).into_iter().map(|(s, joined)| (s.to_string(), joined)).collect()
}

/// [`syllables`] of text already folded, as slices of it (no allocation per syllable).
pub fn spans(folded: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut joined = false;
    for (i, c) in folded.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((&folded[s..i], joined));
            joined = true;
        }
        if !c.is_whitespace() {
            joined = false;
        }
    }
    if let Some(s) = start {
        out.push((&folded[s..], joined));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table shared with the browser test (issue 10): input → folded syllables.
    #[test]
    fn folding_matches_the_table_shared_with_the_browser() {
        let table: Vec<(String, Vec<String>)> =
            serde_json::from_str(include_str!("../../tests/search-fold-cases.json")).unwrap();
        assert!(table.len() >= 10);
        for (input, expected) in table {
            let got: Vec<String> = syllables(&input).into_iter().map(|(s, _)| s).collect();
            assert_eq!(got, expected, "input {input:?}");
        }
    }

    #[test]
    fn nfc_and_nfd_input_fold_alike_and_d_with_stroke_folds_to_d() {
        let nfc = "Hộ nghèo ĐƯỜNG đồng";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(fold(nfc), "ho ngheo duong dong");
        assert_eq!(fold(&nfd), fold(nfc));
    }

    #[test]
    fn punctuation_breaks_a_phrase_but_spaces_do_not() {
        let s = syllables("hộ nghèo, bền  vững");
        assert_eq!(
            s,
            vec![("ho".into(), false), ("ngheo".into(), true), ("ben".into(), false), ("vung".into(), true)]
        );
    }
}
