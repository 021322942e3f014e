//! The one error type: every problem has a kind, a place in a file and a fix.
//!
//! Errors are values that the stages collect (`Errors`) so that a build reports every
//! content mistake at once. They are displayed like compiler messages:
//!
//! ```text
//! content/news/2024/lu-quet.md:3:7: error: date `31/02/2024` is not a date
//!   help: write the date as YYYY-MM-DD, e.g. date: 2024-02-29
//! ```

use std::fmt;
use std::path::Path;

/// What sort of mistake an error is; shown in machine-readable reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// A file or folder could not be read or written.
    Io,
    /// The text is not valid YAML (or front matter is malformed).
    Syntax,
    /// A field is unknown, missing or of the wrong type.
    Schema,
    /// A value has the right type but is not allowed (a date that does not exist, 140 %).
    Value,
    /// Two things claim the same name or URL.
    Duplicate,
    /// A reference (slug, link, geo id, indicator) points at nothing.
    Reference,
    /// A theme template failed to compile or render.
    Template,
    /// A chart could not be drawn.
    Chart,
    /// The command line was used wrongly.
    Usage,
}

impl ErrorKind {
    /// A stable lower-case name, used in JSON reports.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Syntax => "syntax",
            ErrorKind::Schema => "schema",
            ErrorKind::Value => "value",
            ErrorKind::Duplicate => "duplicate",
            ErrorKind::Reference => "reference",
            ErrorKind::Template => "template",
            ErrorKind::Chart => "chart",
            ErrorKind::Usage => "usage",
        }
    }
}

/// A place in a source file: path relative to the site root (with `/`), 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    /// 1-based line number; 0 when only the file is known.
    pub line: usize,
    /// 1-based column (in characters); 0 when only the line is known.
    pub column: usize,
    /// A workbook cell, `Sheet1!C14` (line and column are 0 then).
    pub cell: Option<String>,
}

impl Location {
    /// A location that names a whole file.
    pub fn file(path: impl Into<String>) -> Self {
        Location { path: path.into(), line: 0, column: 0, cell: None }
    }

    /// A location at a cell of a workbook: `sheet!A1`, from 1-based row and column numbers.
    pub fn cell(path: impl Into<String>, sheet: &str, row: usize, column: usize) -> Self {
        let name = cell_name(row, column);
        Location { cell: Some(format!("{sheet}!{name}")), ..Location::file(path) }
    }

    /// A location at a line and column of a file.
    pub fn at(path: impl Into<String>, line: usize, column: usize) -> Self {
        Location { path: path.into(), line, column, cell: None }
    }
}

/// A cell's name as a spreadsheet shows it, from 1-based row and column numbers: `C14`.
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    let name: String = letters.iter().rev().collect();
    format!("{name}{row}")
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(cell) = &self.cell {
            write!(f, ": {cell}")?;
        }
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// Whether a problem stops the build (an error) or is reported beside it (a warning, which
/// `--deny-warnings` turns into an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Severity {
    /// The build fails.
    #[default]
    Error,
    /// The build goes on; the message is printed and counted.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as printed and in JSON reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What sort of problem this is.
    pub kind: ErrorKind,
    /// What is wrong and what was expected, in one sentence.
    pub message: String,
    /// Where the problem is, when it comes from a file.
    pub location: Option<Location>,
    /// What to write instead.
    pub help: Option<String>,
    /// Error (the default) or warning.
    pub severity: Severity,
}

impl Error {
    /// A new error without location or help.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), location: None, help: None, severity: Severity::Error }
    }

    /// A new warning: reported, counted, and fatal only with `--deny-warnings`.
    pub fn warning(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { severity: Severity::Warning, ..Error::new(kind, message) }
    }

    /// Whether this is a warning.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// An I/O error that names the path it happened on.
    pub fn io(path: &Path, action: &str, err: &std::io::Error) -> Self {
        Error::new(ErrorKind::Io, format!("cannot {action} `{}`: {err}", path.display()))
    }

    /// Attach a location.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Attach a location given as parts.
    #[must_use]
    pub fn at_line(self, path: &str, line: usize, column: usize) -> Self {
        self.at(Location::at(path, line, column))
    }

    /// Attach a hint telling the user what to write.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{}: {}", self.severity.name(), self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// At most this many errors are printed for people; the others are counted in one line
/// ("and 300 more errors"). Machine-readable reports (`gazette check --format json`) hold all.
pub const PRINTED_ERRORS: usize = 200;

/// Several errors found by one stage, reported together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    /// No errors yet.
    pub fn new() -> Self {
        Errors(Vec::new())
    }

    /// Record one error.
    pub fn push(&mut self, error: Error) {
        self.0.push(error);
    }

    /// Record every error of another collection.
    pub fn extend(&mut self, other: Errors) {
        self.0.extend(other.0);
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many errors were recorded.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The errors as printed for people: the first [`PRINTED_ERRORS`], each followed by a
    /// blank line, then `and N more errors` when some were left out. The one place the cap
    /// is applied, so a file with 100,000 mistakes prints a screenful, not a megabyte.
    pub fn for_people(&self) -> String {
        self.for_people_with(&|e| e.to_string(), &|line| line.to_string())
    }

    /// [`Errors::for_people`] with each error shown by `show` and the closing line passed
    /// through `line` (for messages in another language).
    pub fn for_people_with(&self, show: &dyn Fn(&Error) -> String, line: &dyn Fn(&str) -> String) -> String {
        let mut out = String::new();
        for error in self.0.iter().take(PRINTED_ERRORS) {
            out.push_str(&show(error));
            out.push_str("\n\n");
        }
        if let Some(more) = self.len().checked_sub(PRINTED_ERRORS).filter(|&n| n > 0) {
            let noun = match self.0.first().map(|e| e.severity) {
                Some(Severity::Warning) => "warning",
                _ => "error",
            };
            let text = format!("and {more} more {noun}{}", if more == 1 { "" } else { "s" });
            out.push_str(&line(&text));
            out.push_str("\n\n");
        }
        out
    }

    /// Keep the value when there were no errors; otherwise return the errors sorted by place.
    pub fn into_result<T>(mut self, value: T) -> Result<T, Errors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.sort();
            Err(self)
        }
    }

    /// Sort by file, line and column so reports are deterministic; drop exact repeats.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| (&a.location, &a.message).cmp(&(&b.location, &b.message)));
        self.0.dedup();
    }

    /// Split into (warnings, errors), keeping the order of each.
    pub fn split_warnings(self) -> (Errors, Errors) {
        let (warnings, errors) = self.0.into_iter().partition(Error::is_warning);
        (Errors(warnings), Errors(errors))
    }

    /// The same problems as errors (for `--deny-warnings`).
    pub fn denied(self) -> Errors {
        Errors(self.0.into_iter().map(|e| Error { severity: Severity::Error, ..e }).collect())
    }

    /// Keep the `Ok` value of a result, recording its error.
    pub fn take<T>(&mut self, result: Result<T, Error>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.push(error);
                None
            }
        }
    }

    /// Keep the `Ok` value of a multi-error result, recording its errors.
    pub fn take_all<T>(&mut self, result: Result<T, Errors>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(errors) => {
                self.extend(errors);
                None
            }
        }
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Self {
        Errors(vec![error])
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// Suggestions are only looked for among this many candidates at most: each suggestion
/// compares the word with every candidate, and a file with 100,000 wrong references to a
/// list of 100,000 names must not take 10^10 comparisons (issue 8).
pub const SUGGEST_AMONG: usize = 1_000;

/// Words and candidates longer than this many bytes get no suggestion (the edit distance is
/// quadratic in the length, and nobody misspells a 64-character id into a close one).
const SUGGEST_LENGTH: usize = 64;

/// The closest of `candidates` to a misspelt `word`, if any is close enough to suggest.
///
/// `None` without looking when there are more than [`SUGGEST_AMONG`] candidates or the word
/// is long, so that the cost of one suggestion is bounded.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > SUGGEST_LENGTH {
        return None;
    }
    let candidates = candidates.into_iter();
    if candidates.size_hint().0 > SUGGEST_AMONG {
        return None;
    }
    let candidates: Vec<&str> = candidates.take(SUGGEST_AMONG + 1).collect();
    if candidates.len() > SUGGEST_AMONG {
        return None;
    }
    let close_edits = (word.chars().count() / 4).max(1);
    candidates
        .into_iter()
        .filter(|c| !c.is_empty() && c.len() <= SUGGEST_LENGTH)
        .map(|c| {
            let edits = strsim::levenshtein(word, c);
            let score = strsim::jaro_winkler(word, c) + if edits <= close_edits { 1.0 } else { 0.0 };
            (score, c)
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_a_compiler_message() {
        let e = Error::new(ErrorKind::Value, "value must be a number, found \"4,2\"")
            .at_line("content/indicators/x.yaml", 14, 9)
            .help("use a dot for decimals, e.g. value: 4.2");
        assert_eq!(
            e.to_string(),
            "content/indicators/x.yaml:14:9: error: value must be a number, found \"4,2\"\n  help: use a dot for decimals, e.g. value: 4.2"
        );
    }

    #[test]
    fn suggests_the_closest_field() {
        assert_eq!(did_you_mean("tittle", ["title", "date", "tags"]), Some("title"));
        assert_eq!(did_you_mean("zzz", ["title", "date"]), None);
    }

    #[test]
    fn prints_the_first_200_errors_and_counts_the_rest_issue_8() {
        let errors = Errors((0..500).map(|i| Error::new(ErrorKind::Value, format!("e{i}"))).collect());
        let text = errors.for_people();
        assert_eq!(text.matches("error: e").count(), 200);
        assert!(text.contains("error: e199\n"));
        assert!(!text.contains("error: e200\n"));
        assert!(text.ends_with("and 300 more errors\n\n"), "{text}");
        let one_more = Errors((0..201).map(|i| Error::new(ErrorKind::Value, format!("e{i}"))).collect());
        assert!(one_more.for_people().ends_with("and 1 more error\n\n"));
        let few = Errors(vec![Error::new(ErrorKind::Value, "x")]);
        assert_eq!(few.for_people(), "error: x\n\n");
    }

    #[test]
    fn suggestions_have_a_bounded_cost_issue_8() {
        let many: Vec<String> = (0..SUGGEST_AMONG + 1).map(|i| format!("unit-{i}")).collect();
        assert_eq!(did_you_mean("unit-1x", many.iter().map(String::as_str)), None);
        assert_eq!(did_you_mean("unit-1x", many[..10].iter().map(String::as_str)), Some("unit-1"));
        let long = "a".repeat(1_000_000);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
    }

    #[test]
    fn sorts_errors_by_place() {
        let mut errors = Errors::new();
        errors.push(Error::new(ErrorKind::Value, "b").at_line("b.md", 1, 1));
        errors.push(Error::new(ErrorKind::Value, "a").at_line("a.md", 9, 1));
        errors.push(Error::new(ErrorKind::Value, "a").at_line("a.md", 2, 1));
        let sorted = errors.into_result(()).unwrap_err();
        let lines: Vec<_> = sorted.0.iter().map(|e| e.location.clone().unwrap().line).collect();
        assert_eq!(lines, [2, 9, 1]);
    }
}
