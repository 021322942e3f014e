//! Folding for search: the one definition of "the same syllable" (issue 10).
//!
//! Lower-case, then NFD, then drop the combining diacritics U+0300–U+036F, then `đ` → `d`.
//! `themes/default/static/assets/search.js` does exactly the same in the browser
//! (`toLowerCase`, `normalize('NFD')`, the same range, the same `đ`); both are tested against
//! `tests/search-fold-cases.json`.
//!
//! The index folds some 10 million syllables at 10,000 news, so [`each_syllable`] folds and
//! splits in one pass into a byte buffer: ASCII through a class table, other characters below
//! U+2070 (Latin with its Vietnamese letters, combining marks, Greek, Cyrillic, dashes and
//! quotes) through a table made once by [`fold`]'s own rule, the rest by that rule directly.
//! A property test holds it to [`fold`] + [`spans`].

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// `text` folded: "Đường Giao Thông" → "duong giao thong"; NFC and NFD input fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, |d| out.push(d));
        }
    }
    out
}

/// One character folded (none, one or a few characters), given to `put` one by one.
fn fold_char(c: char, mut put: impl FnMut(char)) {
    for l in c.to_lowercase() {
        for d in std::iter::once(l).nfd() {
            match d {
                '\u{300}'..='\u{36f}' => {}
                'đ' => put('d'),
                _ => put(d),
            }
        }
    }
}

/// The syllables of `text`, folded, each with whether a phrase continues into it from the
/// previous syllable (only spaces between them; punctuation breaks a phrase).
///
/// A syllable is a run of alphabetic or numeric characters of the folded text (JS:
/// `[\p{Alphabetic}\p{N}]`); spaces are `White_Space` (JS: `\p{White_Space}`).
pub fn syllables(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    each_syllable(text, &mut Vec::new(), |s, joined| {
        out.push((String::from_utf8_lossy(s).into_owned(), joined))
    });
    out
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

/// Characters below this one fold through [`TABLE`] (every Vietnamese letter is below it, and
/// the punctuation of U+2000–U+206F: dashes, quotes).
const TABLE_END: usize = 0x2070;

/// The folded form of a character below [`TABLE_END`].
#[derive(Clone, Copy)]
enum Folded {
    /// Nothing (a combining mark).
    Empty,
    /// One ASCII letter or digit (`ệ` → `e`, `đ` → `d`): it continues the syllable.
    Ascii(u8),
    /// One other letter or digit, as its UTF-8 bytes (`ß`, `ω`): it continues the syllable.
    Letter([u8; 4], u8),
    /// Anything else: `TABLE.text[start..end]`, each character looked at.
    Other(u32, u32),
}

/// `fold` of every character below [`TABLE_END`], by code point.
struct Table {
    text: String,
    folded: Vec<Folded>,
}

static TABLE: OnceLock<Table> = OnceLock::new();

fn table() -> &'static Table {
    TABLE.get_or_init(|| {
        let mut text = String::new();
        let mut folded = Vec::with_capacity(TABLE_END);
        for u in 0..TABLE_END as u32 {
            let start = text.len();
            if let Some(c) = char::from_u32(u) {
                fold_char(c, |d| text.push(d));
            }
            let mut chars = text[start..].chars();
            folded.push(match (chars.next(), chars.next()) {
                (None, _) => Folded::Empty,
                (Some(c), None) if c.is_ascii_alphanumeric() => Folded::Ascii(c as u8),
                (Some(c), None) if c.is_alphanumeric() => {
                    let mut bytes = [0; 4];
                    let len = c.encode_utf8(&mut bytes).len() as u8;
                    Folded::Letter(bytes, len)
                }
                _ => Folded::Other(start as u32, text.len() as u32),
            });
        }
        Table { text, folded }
    })
}

/// What an ASCII byte is to a syllable: its lower-case form (letters and digits), or
/// [`SPACE`] (White_Space: `\t \n \v \f \r` and the space), or [`BREAK`] (punctuation).
static ASCII: [u8; 128] = {
    let mut t = [BREAK; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            t[b] = SPACE;
        }
        b += 1;
    }
    t
};
const SPACE: u8 = 1;
const BREAK: u8 = 0;

/// Splits folded characters into syllables (the state of [`spans`], one character at a time).
struct Splitter<'b, F> {
    buf: &'b mut Vec<u8>,
    joined: bool,
    emit: F,
}

impl<F: FnMut(&[u8], bool)> Splitter<'_, F> {
    fn other(&mut self, c: char) {
        if c.is_alphanumeric() {
            let mut bytes = [0; 4];
            self.buf.extend_from_slice(c.encode_utf8(&mut bytes).as_bytes());
        } else {
            self.end(c.is_whitespace());
        }
    }

    /// A character that is not part of a syllable: the current one (if any) ends.
    #[inline]
    fn end(&mut self, space: bool) {
        if !self.buf.is_empty() {
            (self.emit)(self.buf, self.joined);
            self.buf.clear();
            self.joined = true;
        }
        if !space {
            self.joined = false;
        }
    }
}

/// The character starting at `text[i]` (not ASCII) and its length in bytes.
#[inline]
fn decode(text: &str, i: usize) -> Option<(u32, usize)> {
    let b = text.as_bytes();
    let cont = |k: usize| b.get(i + k).map_or(0, |x| u32::from(x & 0x3f));
    let lead = u32::from(*b.get(i)?);
    match lead {
        0xc0..=0xdf => Some(((lead & 0x1f) << 6 | cont(1), 2)),
        0xe0..=0xef => Some(((lead & 0x0f) << 12 | cont(1) << 6 | cont(2), 3)),
        _ => text.get(i..)?.chars().next().map(|c| (c as u32, c.len_utf8())),
    }
}

/// Every syllable of `text`, folded, with whether a phrase continues into it (as
/// [`syllables`] gives them), handed to `emit` as UTF-8 bytes in `buf` (reused; no allocation
/// per syllable).
pub fn each_syllable(text: &str, buf: &mut Vec<u8>, emit: impl FnMut(&[u8], bool)) {
    buf.clear();
    let table = table();
    let mut s = Splitter { buf, joined: false, emit };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(&class) = ASCII.get(usize::from(b)) {
            match class {
                BREAK => s.end(false),
                SPACE => s.end(true),
                lower => s.buf.push(lower),
            }
            i += 1;
            continue;
        }
        let Some((u, len)) = decode(text, i) else { break };
        i += len;
        match table.folded.get(u as usize) {
            Some(Folded::Empty) => {}
            Some(&Folded::Ascii(b)) => s.buf.push(b),
            Some(Folded::Letter(bytes, len)) => s.buf.extend_from_slice(&bytes[..usize::from(*len)]),
            Some(&Folded::Other(start, end)) => {
                table.text[start as usize..end as usize].chars().for_each(|d| s.other(d));
            }
            None => {
                if let Some(c) = char::from_u32(u) {
                    fold_char(c, |d| s.other(d));
                }
            }
        }
    }
    s.end(true);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

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

    fn by_definition(text: &str) -> Vec<(String, bool)> {
        let folded = fold(text);
        spans(&folded).into_iter().map(|(s, joined)| (s.to_string(), joined)).collect()
    }

    proptest! {
        /// Issue 10: the one-pass folder (ASCII bytes, a table below U+2000) splits exactly
        /// as folding the whole text and then splitting it.
        #[test]
        fn each_syllable_agrees_with_fold_then_spans(
            text in "[a-zA-Z0-9 ,.\\t\u{a0}\u{2028}İßĐđƯơàảãáạăằẳẵắặâầẩẫấậÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬ\u{300}\u{301}\u{303}\u{309}\u{323}\u{31b}Ωд中文ｆ①²\u{1e9e}\u{2160}\u{1f600}-]{0,40}"
        ) {
            prop_assert_eq!(syllables(&text), by_definition(&text));
        }

        #[test]
        fn each_syllable_agrees_with_fold_then_spans_on_any_text(text in any::<String>()) {
            prop_assert_eq!(syllables(&text), by_definition(&text));
        }
    }
}
