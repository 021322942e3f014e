//! Limits checked before YAML reaches the parser: flow nesting depth, and NUL characters
//! written as escapes (issue 8).
//!
//! libyaml (under serde_yaml) rescans every open flow level for each token, so 100,000 `[`
//! take minutes before serde_yaml's own recursion limit (128) refuses them; and `"\0"` is a
//! valid YAML escape that would carry a NUL into titles, file names and HTML. One linear
//! scan refuses both. The scan does not know YAML's quoting: brackets and `\0` inside text
//! count too, which only matters for text holding hundreds of unclosed `[` or a literal `\0`.

use crate::error::{Error, ErrorKind};

/// Deepest flow nesting (`[` and `{` not yet closed) accepted; serde_yaml refuses more than
/// 128 levels anyway, so no valid file is refused.
pub(super) const MAX_NESTING: usize = 200;

/// The first problem of `text` as (byte offset, error), if any.
pub(super) fn check_yaml(text: &str) -> Option<(usize, Error)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut backslashes = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some((i, too_deep()));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\\' if backslashes.is_multiple_of(2) && is_nul_escape(&bytes[i + 1..]) => {
                return Some((i, nul_escape()));
            }
            _ => {}
        }
        backslashes = if b == b'\\' { backslashes + 1 } else { 0 };
    }
    None
}

/// What follows a backslash spells the NUL character: `\0`, `\x00`, `\u0000`, `\U00000000`.
fn is_nul_escape(after: &[u8]) -> bool {
    let zeros = |n: usize| after.len() > n && after[1..=n].iter().all(|&b| b == b'0');
    match after.first() {
        Some(b'0') => true,
        Some(b'x') => zeros(2),
        Some(b'u') => zeros(4),
        Some(b'U') => zeros(8),
        _ => false,
    }
}

fn too_deep() -> Error {
    Error::new(
        ErrorKind::Syntax,
        format!("lists and mappings are nested more than {MAX_NESTING} levels deep"),
    )
    .help("close each `[` with `]` and each `{` with `}`; data files need only a few levels")
}

fn nul_escape() -> Error {
    Error::new(ErrorKind::Value, "the escape `\\0` (a NUL character) is not allowed")
        .help("remove the `\\0`; to write a backslash, write `\\\\` inside double quotes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_deep_nesting_at_the_first_bracket_too_many_issue_8() {
        let text = format!("a: {}", "[".repeat(100_000));
        let (offset, error) = check_yaml(&text).unwrap();
        assert_eq!(offset, 3 + MAX_NESTING);
        assert!(error.message.contains("nested more than 200 levels"));
        let fine = format!("a: {}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(check_yaml(&fine).is_none());
        assert!(check_yaml(&"- [a, {b: c}]\n".repeat(10_000)).is_none());
    }

    #[test]
    fn refuses_nul_escapes_but_not_escaped_backslashes_issue_8() {
        for text in ["t: \"a\\0b\"", "t: \"\\x00\"", "t: \"\\u0000\"", "t: \"\\U00000000\"", "t: \"\\\\\\0\""]
        {
            assert!(check_yaml(text).is_some(), "{text}");
        }
        for text in ["t: \"a\\\\0b\"", "t: \"\\x01\"", "t: \"\\u00e9\"", "t: a\\", "t: \"\\x0\""] {
            assert!(check_yaml(text).is_none(), "{text}");
        }
    }
}
