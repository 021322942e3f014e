//! A fast path for the simplest YAML: a flat mapping of `key: value` lines whose values are
//! quoted or plain text, `true`/`false`, or lists (`[a, b]` or `- a` lines).
//!
//! Front matter is nearly always this shape, and serde_yaml spends most of a news item's
//! parse time on it. Anything outside the shape (numbers, nulls, nested maps, multi-line
//! text, anchors, tags, odd escapes, duplicate keys) returns `None`, and the caller asks
//! serde_yaml, which also produces the error messages. A property test checks that both
//! agree wherever the fast path answers.

/// A value of a flat mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlatValue {
    /// Text (quoted, or plain and not a number, bool or null).
    Text(String),
    /// `true` or `false`.
    Bool(bool),
    /// A list of texts.
    List(Vec<String>),
}

/// The fast path answers only for mappings of at most this many keys.
const MAX_KEYS: usize = 64;

/// Parse a flat mapping, or `None` when the text is outside the simple shape.
pub fn parse_flat(text: &str) -> Option<Vec<(&str, FlatValue)>> {
    if !text.chars().all(is_plain_char) {
        return None;
    }
    let mut out: Vec<(&str, FlatValue)> = Vec::with_capacity(12);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if is_blank_or_comment(line) {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            return None;
        }
        let (key, rest) = line.split_once(':')?;
        // keys are compared with each earlier one: past a few dozen, serde_yaml is faster
        // (and 100,000 keys would take 5·10^9 comparisons; issue 8)
        if out.len() >= MAX_KEYS
            || !is_key(key)
            || !(rest.is_empty() || rest.starts_with(' '))
            || out.iter().any(|(k, _)| *k == key)
        {
            return None;
        }
        let rest = trim(rest);
        let value = if rest.is_empty() || rest.starts_with('#') {
            let mut items = Vec::new();
            let mut indent = None;
            while let Some(next) = lines.peek() {
                if is_blank_or_comment(next) {
                    lines.next();
                    continue;
                }
                let trimmed = next.trim_start_matches(' ');
                let Some(item) = trimmed.strip_prefix("- ") else { break };
                // every item at the first item's indentation (YAML reads others differently)
                let width = next.len() - trimmed.len();
                if *indent.get_or_insert(width) != width {
                    return None;
                }
                items.push(scalar_text(trim(item))?);
                lines.next();
            }
            if items.is_empty() {
                return None;
            }
            FlatValue::List(items)
        } else if let Some(inner) = rest.strip_prefix('[') {
            FlatValue::List(flow_list(inner)?)
        } else {
            scalar(rest)?
        };
        out.push((key, value));
    }
    Some(out)
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']);
    t.is_empty() || t.starts_with('#')
}

/// YAML white space is only space and tab (not the no-break space pasted from word processors).
fn trim(text: &str) -> &str {
    text.trim_matches([' ', '\t'])
}

/// Characters YAML takes as they are: printable, and no line break other than `\n`.
fn is_plain_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A scalar value at the end of a line (a trailing ` # comment` is allowed).
fn scalar(text: &str) -> Option<FlatValue> {
    if text.starts_with(['"', '\'']) {
        let (value, rest) = quoted(text)?;
        let rest = trim(rest);
        return (rest.is_empty() || rest.starts_with('#')).then_some(FlatValue::Text(value));
    }
    let plain = match text.find(" #") {
        Some(i) => text[..i].trim_end_matches([' ', '\t']),
        None => text,
    };
    match plain {
        "true" => Some(FlatValue::Bool(true)),
        "false" => Some(FlatValue::Bool(false)),
        _ => plain_text(plain).map(FlatValue::Text),
    }
}

/// A list item or flow item: quoted or plain text only.
fn scalar_text(text: &str) -> Option<String> {
    match scalar(text)? {
        FlatValue::Text(t) => Some(t),
        _ => None,
    }
}

/// Plain text that YAML reads as a string (not a number, bool, null or special form).
fn plain_text(text: &str) -> Option<String> {
    let first = text.chars().next()?;
    if "[]{}&*!|>%@`,?:-#'\"".contains(first)
        || text.contains(": ")
        || text.ends_with(':')
        || text.contains('\t')
    {
        return None;
    }
    if first.is_ascii_digit() || first == '+' || first == '.' {
        // numbers are serde_yaml's business; dates (2025-03-12…) are plain text in YAML 1.2
        let b = text.as_bytes();
        let date = b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
        if !date {
            return None;
        }
    }
    if matches!(text, "null" | "Null" | "NULL" | "~" | "True" | "TRUE" | "False" | "FALSE") {
        return None;
    }
    Some(text.to_string())
}

/// A quoted string at the start of `text`; returns it and what follows the closing quote.
fn quoted(text: &str) -> Option<(String, &str)> {
    let quote = text.chars().next()?;
    let body = &text[1..];
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == quote {
            if quote == '\'' && body[i + 1..].starts_with('\'') {
                out.push('\'');
                chars.next();
                continue;
            }
            return Some((out, &body[i + 1..]));
        }
        if c == '\\' && quote == '"' {
            let (_, e) = chars.next()?;
            out.push(match e {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'n' => '\n',
                't' => '\t',
                _ => return None,
            });
            continue;
        }
        out.push(c);
    }
    None
}

/// Items of a flow list after its `[`, up to the closing `]` at the end of the line.
fn flow_list(inner: &str) -> Option<Vec<String>> {
    let mut items = Vec::new();
    let mut rest = inner.trim_start_matches(' ');
    if let Some(after) = rest.strip_prefix(']') {
        return trim(after).is_empty().then_some(items);
    }
    loop {
        let (item, after) = if rest.starts_with(['"', '\'']) {
            quoted(rest)?
        } else {
            let end = rest.find([',', ']'])?;
            let item = rest[..end].trim_end_matches(' ');
            if item.contains(['[', '{', '}', '#']) {
                return None;
            }
            (plain_text(item)?, &rest[end..])
        };
        items.push(item);
        let after = after.trim_start_matches(' ');
        if let Some(next) = after.strip_prefix(',') {
            rest = next.trim_start_matches(' ');
        } else if let Some(end) = after.strip_prefix(']') {
            return trim(end).is_empty().then_some(items);
        } else {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_long_mappings_to_serde_yaml_issue_8() {
        let keys = |n: usize| (0..n).map(|i| format!("k{i}: v\n")).collect::<String>();
        assert_eq!(parse_flat(&keys(MAX_KEYS)).map(|m| m.len()), Some(MAX_KEYS));
        assert_eq!(parse_flat(&keys(100_000)), None);
    }

    #[test]
    fn reads_the_common_shapes() {
        let text = "title: \"An Giang: \\\"Thực hiện\\\"\"\ndate: 2024-01-01T08:16:00+07:00\nauthor: Lan Anh # phóng viên\ntags: [\"cải cách\", du lịch, 'trồng ''rừng''']\nrelated:\n  - a-1\n  - \"b\"\ndraft: false\n";
        let flat = parse_flat(text).unwrap();
        assert_eq!(flat[0], ("title", FlatValue::Text("An Giang: \"Thực hiện\"".into())));
        assert_eq!(flat[1], ("date", FlatValue::Text("2024-01-01T08:16:00+07:00".into())));
        assert_eq!(flat[2], ("author", FlatValue::Text("Lan Anh".into())));
        assert_eq!(
            flat[3],
            ("tags", FlatValue::List(vec!["cải cách".into(), "du lịch".into(), "trồng 'rừng'".into()]))
        );
        assert_eq!(flat[4], ("related", FlatValue::List(vec!["a-1".into(), "b".into()])));
        assert_eq!(flat[5], ("draft", FlatValue::Bool(false)));
    }

    #[test]
    fn keeps_no_break_spaces_as_yaml_does() {
        let flat = parse_flat("title: Tin mới\u{a0}\n").unwrap();
        assert_eq!(flat[0], ("title", FlatValue::Text("Tin mới\u{a0}".into())));
    }

    #[test]
    fn leaves_everything_else_to_serde_yaml() {
        for text in [
            "title: 2025\n",
            "title: x\ntitle: y\n",
            "title: a: b\n",
            "title: >\n  folded\n",
            "title: x\n  continued\n",
            "summary: \"\\u00e9\"\n",
            "tags: [a, [b]]\n",
            "image: null\n",
            "tags:\n",
            "meta: {a: 1}\n",
            "title: \"not closed\n",
            "title: a\u{2028}b\n",
            "title: a\u{1}\n",
            "tags:\n  - a\n    - b\n",
            "tags:\n  - a\n - b\n",
            "tags: [a}]\n",
            "\u{a0}\ntitle: x\n",
        ] {
            assert_eq!(parse_flat(text), None, "{text:?}");
        }
    }
}
