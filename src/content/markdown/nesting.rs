//! How deeply the elements of rendered HTML nest, measured before the HTML sanitiser reads it.
//!
//! html5ever (under ammonia) walks its stack of open elements for many tags, so 100,000
//! nested `<div>` (or `>` quote marks beside raw HTML) take minutes to sanitise. One linear
//! scan measures the depth first; past [`MAX_HTML_DEPTH`] the item is refused (issue 8).

use crate::error::{Error, ErrorKind, Location};
use crate::source::SourceFile;

/// Deepest element nesting accepted in an item's HTML when it is sanitised.
pub(super) const MAX_HTML_DEPTH: usize = 512;

/// Elements that have no end tag, or whose end tag may be left out: not counted.
const NOT_COUNTED: [&str; 28] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "colgroup",
];

/// Whether some element of `html` is nested more than [`MAX_HTML_DEPTH`] deep (counting only
/// elements that need an end tag; text in attributes or comments may count too, which only
/// over-estimates).
pub(super) fn too_deep(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(found) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + found + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        i = name_start + name_len;
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        if NOT_COUNTED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_HTML_DEPTH {
                return true;
            }
        }
    }
    false
}

/// The error for an item whose HTML is nested more than [`MAX_HTML_DEPTH`] deep.
pub(super) fn too_deep_error(file: &SourceFile) -> Error {
    Error::new(
        ErrorKind::Value,
        format!("the HTML of this text is nested more than {MAX_HTML_DEPTH} elements deep"),
    )
    .at(Location::file(&file.path))
    .help("close the HTML tags you open (`<div>` needs `</div>`) and quote with fewer `>` marks")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_open_elements_not_void_or_closed_ones_issue_8() {
        assert!(too_deep(&"<div>".repeat(100_000)));
        assert!(too_deep(&"<blockquote>\n".repeat(MAX_HTML_DEPTH + 1)));
        assert!(!too_deep(&"<blockquote>\n".repeat(MAX_HTML_DEPTH)));
        assert!(!too_deep(&"<div><p>a<br><img src=x></div>".repeat(100_000)));
        assert!(!too_deep(&"<li>a".repeat(10_000)));
        assert!(!too_deep("a < b and <3 and </> <"));
    }
}
