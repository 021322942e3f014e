//! Source text in memory: files as read by `site::load`, offsets to lines and columns, and
//! the only door to YAML.
//!
//! `serde_yaml` (the user's choice) is called from this file only. Archived upstream, it is now
//! the YAML organisation's maintained continuation `yaml_serde` under the same name (see
//! Cargo.toml), with the same API and the same messages. Before it reads a text, one pass of
//! yaml-rust2 events refuses repeated keys, which serde would silently keep the last of (issue 9).
//! Errors are mapped to our `Error` with the location inside the file, including the line
//! offset of front matter inside a `.md` file. Values that deserialized fine but fail
//! validation later are located with [`YamlPlaces`], which indexes the text with an event
//! parser once, on the first error.
//!
//! Bounds (issue 8): text reaches serde_yaml only after `guard` has refused flow nesting
//! deeper than 200 and NUL escapes; locating N errors in a file costs O(size + N), never
//! O(size × N) (`locate`, `lines`).

mod binary;
mod dupes;
pub mod flat;
mod guard;
mod hints;
mod lines;
mod locate;
pub mod numbers;

pub use binary::BinaryFile;
pub use lines::LineIndex;
pub use locate::{YamlIndex, YamlLocator, YamlPlaces};

use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorKind, Location, did_you_mean};

/// One text file of the site, read once, with BOM removed and line endings normalised to `\n`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators (e.g. `content/news/a.md`).
    pub path: String,
    /// The text, UTF-8, without BOM, with `\n` line endings.
    pub text: String,
    /// Line and column marks, built by the first [`SourceFile::location`] (error paths only).
    lines: OnceLock<LineIndex>,
}

/// Files are equal when their paths and texts are (whether the marks were built or not).
impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.text == other.text
    }
}

impl Eq for SourceFile {}

impl SourceFile {
    /// Wrap raw text: strip a UTF-8 BOM and turn CRLF (and lone CR) into LF.
    pub fn new(path: impl Into<String>, text: &str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.to_string()
        };
        SourceFile { path: path.into(), text, lines: OnceLock::new() }
    }

    /// Like [`SourceFile::new`], taking ownership of the text (no copy when it needs no change).
    pub fn from_string(path: impl Into<String>, text: String) -> Self {
        if text.starts_with('\u{feff}') || text.contains('\r') {
            return SourceFile::new(path, &text);
        }
        SourceFile { path: path.into(), text, lines: OnceLock::new() }
    }

    /// The location of a byte offset in this file. The first call indexes the text, so that
    /// each error of a file with 100,000 errors costs little (issue 8); the text must not be
    /// changed afterwards.
    pub fn location(&self, offset: usize) -> Location {
        let (line, column) =
            self.lines.get_or_init(|| LineIndex::new(&self.text)).line_col(&self.text, offset);
        Location::at(&self.path, line, column)
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
///
/// Offsets past the end point just after the last character; an offset inside a
/// multi-byte character counts as that character.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // count characters by their first bytes so a cut inside a character is harmless
    let column = before[line_start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
    (line, column)
}

/// A YAML snippet inside a file: the whole file, or front matter starting at `first_line`.
#[derive(Debug, Clone, Copy)]
pub struct YamlText<'a> {
    /// Path of the file the snippet comes from.
    pub path: &'a str,
    /// The YAML text itself.
    pub text: &'a str,
    /// 1-based line of the file on which the snippet's first line stands.
    pub first_line: usize,
}

impl<'a> YamlText<'a> {
    /// A whole YAML file.
    pub fn file(file: &'a SourceFile) -> Self {
        YamlText { path: &file.path, text: &file.text, first_line: 1 }
    }

    /// A location in the file from a 1-based line and column within the snippet.
    pub fn location(&self, line: usize, column: usize) -> Location {
        Location::at(self.path, line + self.first_line - 1, column)
    }

    /// Deserialize the snippet into `T`, mapping serde_yaml errors to located errors with hints.
    pub fn parse<T: DeserializeOwned>(&self, what: &str) -> Result<T, Error> {
        // An empty document deserializes like an empty mapping, so "missing field" errors
        // name the field rather than complaining about `null`.
        if self.first_line == 1 && hints::is_blank(self.text) {
            return Err(hints::empty_file(what).at(Location::file(self.path)));
        }
        let text = if self.text.trim().is_empty() { "{}" } else { self.text };
        if let Some((offset, error)) = guard::check_yaml(text) {
            let (line, column) = line_col(text, offset);
            return Err(error.at(self.location(line, column)));
        }
        // before serde, which keeps the last of two equal map keys (and names one line only
        // for a field given twice); a syntax error ends the scan and serde reports it
        if let Some(repeat) = dupes::repeated_keys(text).into_iter().next() {
            return Err(self.repeated_key(&repeat));
        }
        serde_yaml::from_str(text).map_err(|err| self.map_error(&err, what))
    }

    /// The error for a key written twice in one mapping, naming both places (issue 9).
    fn repeated_key(&self, repeat: &dupes::Repeat) -> Error {
        let first = self.location(repeat.first.0, repeat.first.1);
        Error::new(
            ErrorKind::Duplicate,
            format!("`{}` is given twice in the same block (first at {first})", repeat.key),
        )
        .at(self.location(repeat.again.0, repeat.again.1))
        .help(
            "delete one of the two lines (the reader would silently keep only the last), or correct the key",
        )
    }

    /// Locate a value by its path of keys and indices, e.g. `["series", "2", "values"]`.
    /// Falls back to the start of the snippet when the path is not found.
    pub fn locate(&self, path: &[&str]) -> Location {
        match YamlLocator::find(self.text, path) {
            Some((line, column)) => self.location(line, column),
            None => self.location(1, 1),
        }
    }

    fn map_error(&self, err: &serde_yaml::Error, what: &str) -> Error {
        let location =
            err.location().map_or_else(|| self.location(1, 1), |l| self.location(l.line(), l.column()));
        let raw = err.to_string();
        let message = strip_mark(&raw);
        let mut error = explain_serde_message(message, what).at(location.clone());
        if let Some(field) = message.split("unknown field `").nth(1).and_then(|r| r.split('`').next())
            && let Some(line) = self.text.lines().nth(location.line.saturating_sub(self.first_line))
            && let Some(comma) = hints::comma_in_braces(line, field)
        {
            error = comma.at(location.clone());
        }
        // libyaml names a tab in the indentation only sometimes; the line after it may be blamed
        if error.kind == ErrorKind::Syntax
            && let Some((line, column)) = hints::tab_indent(self.text, location.line + 2 - self.first_line)
        {
            error = hints::tab_error().at(self.location(line, column));
        }
        if raw.contains("while scanning a quoted scalar") {
            // libyaml points at the end of the text; the opening quote is more useful
            if let Some((line, column)) = unclosed_quote(self.text) {
                error.location = Some(self.location(line, column));
            }
        }
        error
    }
}

/// The line and column of the first quote that opens a value but is never closed on its line.
fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let value_start = line.find(": ").map_or(0, |p| p + 2);
        let value = line[value_start..].trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let closed = value[1..].contains(quote);
        let column = line[..line.len() - value.len()].chars().count() + 1;
        (!closed).then_some((i + 1, column))
    })
}

/// Remove serde_yaml's trailing " at line N column M" (we print our own location).
fn strip_mark(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => &message[..i],
        _ => message,
    }
}

/// Turn a serde message into one a non-programmer can act on.
fn explain_serde_message(message: &str, what: &str) -> Error {
    // serde_yaml prefixes nested errors with the path, e.g. "series[0].values: invalid type…"
    let (field_path, body) = match message.split_once(": ") {
        Some((p, b)) if !p.contains(' ') && !p.is_empty() => (Some(p), b),
        _ => (None, message),
    };
    let within = field_path.map(|p| format!(" in `{p}`")).unwrap_or_default();

    if let Some(rest) = body.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(tail);
        let mut error = Error::new(ErrorKind::Schema, format!("unknown field `{field}`{within} of {what}"));
        let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
        let help = match did_you_mean(field, allowed.iter().copied()) {
            Some(best) => format!("did you mean `{best}`? Allowed fields: {list}"),
            None if allowed.is_empty() => "remove this field".to_string(),
            None => format!("allowed fields: {list}"),
        };
        error = error.help(help);
        return error;
    }
    if let Some(rest) = body.strip_prefix("unknown variant `") {
        let (value, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(tail);
        let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
        let help = match did_you_mean(value, allowed.iter().copied()) {
            Some(best) => format!("did you mean `{best}`? Allowed values: {list}"),
            None => format!("allowed values: {list}"),
        };
        return Error::new(ErrorKind::Value, format!("`{value}` is not an allowed value{within}")).help(help);
    }
    if let Some(rest) = body.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Error::new(ErrorKind::Schema, format!("missing field `{field}`{within} in {what}"))
            .help(format!("add a line `{field}: …`"));
    }
    if let Some(rest) = body.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Error::new(ErrorKind::Duplicate, format!("field `{field}`{within} is given twice"))
            .help("keep one of the two lines");
    }
    if let Some((found, expected)) =
        body.strip_prefix("invalid type: ").and_then(|r| r.split_once(", expected "))
    {
        let expected = friendly_expected(expected);
        let found = friendly_found(found);
        return Error::new(ErrorKind::Schema, format!("expected {expected}{within}, found {found}"))
            .help(type_help(&expected));
    }
    if let Some(rest) = body.strip_prefix("invalid value: ") {
        return Error::new(ErrorKind::Value, format!("invalid value{within}: {rest}"));
    }
    if let Some(error) = explain_syntax(body) {
        return error;
    }
    Error::new(ErrorKind::Syntax, format!("{body}{within}"))
}

/// libyaml's scanner and parser messages, in words an editor can act on.
fn explain_syntax(body: &str) -> Option<Error> {
    let (message, help) = if body.contains("while scanning a quoted scalar") {
        (
            "a text in quotes is not closed",
            "add the closing quote at the end of the text, e.g. title: \"Tin mới\"",
        )
    } else if body.contains("mapping values are not allowed") {
        (
            "a value contains `: ` (colon and space), which YAML reads as a new field",
            "put the whole value in double quotes, e.g. title: \"Sơn Cao: khởi công cầu treo\"",
        )
    } else if body.contains("control characters are not allowed") {
        (
            "the text holds a control character (such as NUL), which YAML does not allow",
            "delete the invisible character at this place (retype the line if you cannot see it)",
        )
    } else if body.contains("found character that cannot start any token") && body.contains('\t') {
        ("a tab character is used for indentation", "indent with spaces only")
    } else if body.contains("found character that cannot start any token") {
        (
            "a value starts with a character YAML reserves",
            "put the value in double quotes when it starts with `@`, a backtick, `%`, `!`, `&` or `*`",
        )
    } else if body.contains("did not find expected")
        || body.contains("while parsing")
        || body.contains("while scanning")
    {
        (
            "the YAML layout is broken here",
            "check the indentation (spaces only, the same for every item of a list) and that each line is `key: value`",
        )
    } else {
        return None;
    };
    Some(Error::new(ErrorKind::Syntax, message.to_string()).help(help))
}

/// The names between backticks in serde's "expected one of `a`, `b`" tails.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn friendly_expected(expected: &str) -> String {
    let e = expected.trim();
    match e {
        "f64" | "f32" => "a number".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "a whole number".into()
        }
        "a boolean" => "true or false".into(),
        "a string" => "text".into(),
        "a sequence" => "a list".into(),
        "a map" => "a mapping of `key: value` lines".into(),
        _ if e.starts_with("struct ") => "a mapping of `key: value` lines".into(),
        _ if e.starts_with("a sequence") => "a list".into(),
        _ => e.to_string(),
    }
}

fn friendly_found(found: &str) -> String {
    if let Some(rest) = found.strip_prefix("string ") {
        return format!("the text {rest}");
    }
    if found == "sequence" {
        return "a list".into();
    }
    if found == "map" {
        return "a mapping".into();
    }
    if found == "unit value" {
        return "nothing".into();
    }
    found.replace('`', "")
}

fn type_help(expected: &str) -> String {
    match expected {
        "a number" => {
            "write a plain number with a dot for decimals, e.g. 12.5 (no % sign, no thousands separator)"
                .into()
        }
        "a whole number" => "write a whole number without separators, e.g. 2024".into(),
        "true or false" => "write true or false".into(),
        "text" => {
            "write the text after the colon; put it in quotes if it starts with a special character".into()
        }
        "a list" => "write a list, one `- item` per line, or [a, b] on one line".into(),
        _ => format!("write {expected} here"),
    }
}

#[cfg(test)]
mod tests;
