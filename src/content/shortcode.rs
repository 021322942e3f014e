//! Shortcodes: `{{ chart(indicator="ho-ngheo", geo="son-cao") }}` in Markdown text.
//!
//! This file only reads the syntax. What a shortcode draws is decided by the render stage,
//! which knows the indicators; checking that the indicator exists happens at validation.

use std::collections::BTreeMap;

/// The shortcodes a Markdown text may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortcodeKind {
    /// `{{ chart(indicator=…, kind=…) }}`: a chart with its data table.
    Chart,
    /// `{{ value(indicator=…) }}`: one figure in the text.
    Value,
    /// `{{ table(indicator=…) }}`: a unit's series as a table.
    Table,
    /// `{{ contact() }}`: the `contact:` details of `site.yaml`, the same ones the footer shows.
    Contact,
    /// `{{ map(indicator=…, year=…) }}`: a choropleth of the indicator by unit (issue 16).
    Map,
}

impl ShortcodeKind {
    /// Every kind, in the order messages list them.
    pub const ALL: [ShortcodeKind; 5] = [
        ShortcodeKind::Chart,
        ShortcodeKind::Value,
        ShortcodeKind::Table,
        ShortcodeKind::Map,
        ShortcodeKind::Contact,
    ];

    /// The name written in Markdown.
    pub fn name(self) -> &'static str {
        match self {
            ShortcodeKind::Chart => "chart",
            ShortcodeKind::Value => "value",
            ShortcodeKind::Table => "table",
            ShortcodeKind::Contact => "contact",
            ShortcodeKind::Map => "map",
        }
    }

    /// The kind written as `name`, if there is one.
    pub fn from_name(name: &str) -> Option<ShortcodeKind> {
        ShortcodeKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The arguments it takes (besides disaggregation ids, e.g. `age="3-5"`).
    pub fn args(self) -> &'static [&'static str] {
        match self {
            ShortcodeKind::Chart => &["indicator", "geo", "kind", "year", "top", "level"],
            ShortcodeKind::Value => &["indicator", "geo", "year"],
            ShortcodeKind::Table => &["indicator", "geo"],
            ShortcodeKind::Contact => &[],
            ShortcodeKind::Map => &["indicator", "year"],
        }
    }
}

/// An argument value.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// A quoted string.
    Text(String),
    /// A number (years, counts).
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
}

impl std::fmt::Display for ArgValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArgValue::Text(s) => write!(f, "\"{s}\""),
            ArgValue::Number(n) => write!(f, "{n}"),
            ArgValue::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// One shortcode call found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortcode {
    /// Which shortcode.
    pub kind: ShortcodeKind,
    /// Its arguments by name.
    pub args: BTreeMap<String, ArgValue>,
    /// Byte offset of `{{` in the source file.
    pub offset: usize,
    /// 1-based line of `{{` in the source file.
    pub line: usize,
    /// 1-based column of `{{` in the source file.
    pub column: usize,
    /// Whether it stood alone in a paragraph (drawn as a block) or inside text (inline).
    pub block: bool,
}

impl Shortcode {
    /// Its name as written (`chart`, `value`, `table`).
    pub fn name(&self) -> &'static str {
        self.kind.name()
    }

    /// A text argument, if present and text.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.args.get(name) {
            Some(ArgValue::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// A whole-number argument, if present and a whole number (or a text of digits).
    pub fn integer(&self, name: &str) -> Option<i64> {
        match self.args.get(name) {
            Some(ArgValue::Number(n)) if n.fract() == 0.0 => Some(*n as i64),
            Some(ArgValue::Text(s)) => s.parse().ok(),
            _ => None,
        }
    }
}

/// Why a `{{ … }}` could not be read, with the byte offset of the problem relative to `{{`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What was expected.
    pub message: String,
    /// Offset from the `{{`.
    pub at: usize,
}

/// Find the next `{{` in `text` at or after `from`; returns its position.
pub fn find_open(text: &str, from: usize) -> Option<usize> {
    text.get(from..)?.find("{{").map(|i| i + from)
}

/// Parse a shortcode starting at `{{` (text[0..2] == "{{"); returns it and its length in bytes.
pub fn parse_shortcode(text: &str) -> Result<(String, BTreeMap<String, ArgValue>, usize), SyntaxError> {
    let mut p = Cursor { text, pos: 2 };
    p.skip_ws();
    let name = p.ident().ok_or_else(|| p.error("a shortcode name such as chart"))?;
    p.skip_ws();
    p.expect('(', "`(` after the shortcode name")?;
    let mut args = BTreeMap::new();
    loop {
        p.skip_ws();
        if p.eat(')') {
            break;
        }
        if !args.is_empty() {
            p.expect(',', "`,` between arguments or `)` at the end")?;
            p.skip_ws();
        }
        let key = p.ident().ok_or_else(|| p.error("an argument name such as indicator"))?;
        p.skip_ws();
        p.expect('=', "`=` after the argument name")?;
        p.skip_ws();
        let value = p.value()?;
        if args.insert(key.clone(), value).is_some() {
            return Err(p.error(&format!("`{key}` only once")));
        }
    }
    p.skip_ws();
    if !p.text[p.pos..].starts_with("}}") {
        return Err(p.error("`}}` to close the shortcode"));
    }
    Ok((name, args, p.pos + 2))
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek().filter(|c| c.is_whitespace()) {
            self.pos += c.len_utf8();
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char, what: &str) -> Result<(), SyntaxError> {
        if self.eat(c) { Ok(()) } else { Err(self.error(what)) }
    }

    fn error(&self, expected: &str) -> SyntaxError {
        let found = match self.peek() {
            Some(c) => format!("`{c}`"),
            None => "the end of the text".to_string(),
        };
        SyntaxError { message: format!("expected {expected}, found {found}"), at: self.pos }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.pos;
        while let Some(c) = self.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '_') {
            self.pos += c.len_utf8();
        }
        (self.pos > start).then(|| self.text[start..self.pos].to_string())
    }

    fn value(&mut self) -> Result<ArgValue, SyntaxError> {
        if self.eat('"') {
            let mut out = String::new();
            loop {
                match self.peek() {
                    None | Some('\n') => return Err(self.error("a closing `\"`")),
                    Some('"') => {
                        self.pos += 1;
                        return Ok(ArgValue::Text(out));
                    }
                    Some('\\') if self.text[self.pos + 1..].starts_with('"') => {
                        out.push('"');
                        self.pos += 2;
                    }
                    Some(c) => {
                        out.push(c);
                        self.pos += c.len_utf8();
                    }
                }
            }
        }
        let start = self.pos;
        while let Some(c) = self.peek().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            self.pos += c.len_utf8();
        }
        match &self.text[start..self.pos] {
            "true" => Ok(ArgValue::Bool(true)),
            "false" => Ok(ArgValue::Bool(false)),
            word => word.parse::<f64>().map(ArgValue::Number).map_err(|_| {
                self.pos = start;
                self.error("a value: a text in double quotes, a number, true or false")
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_arguments_of_each_type() {
        let (name, args, len) =
            parse_shortcode(r#"{{ chart(indicator="ho-ngheo", year=2024, top=10, wide=true) }} rest"#)
                .unwrap();
        assert_eq!(name, "chart");
        assert_eq!(args["indicator"], ArgValue::Text("ho-ngheo".into()));
        assert_eq!(args["year"], ArgValue::Number(2024.0));
        assert_eq!(args["wide"], ArgValue::Bool(true));
        assert_eq!(len, 63);
    }

    #[test]
    fn explains_what_was_expected() {
        let err = parse_shortcode(r#"{{ chart(indicator=ho-ngheo) }}"#).unwrap_err();
        assert_eq!(
            err.message,
            "expected a value: a text in double quotes, a number, true or false, found `h`"
        );
        let err = parse_shortcode(r#"{{ chart(indicator="a" geo="b") }}"#).unwrap_err();
        assert_eq!(err.message, "expected `,` between arguments or `)` at the end, found `g`");
        let err = parse_shortcode(r#"{{ chart(indicator="x" }}"#).unwrap_err();
        assert!(err.message.starts_with("expected `,` between arguments"));
        let err = parse_shortcode(r#"{{ chart(indicator="x) }}"#).unwrap_err();
        assert!(err.message.starts_with("expected a closing `\"`"));
    }
}
