//! A check's result as text: for people, for GitHub Actions, or as one JSON document.
//!
//! People and GitHub annotations read the messages in the chosen language. JSON is for
//! programs and people alike: `message` and `help` are in the chosen language, and
//! `message_en` and `help_en` keep the English text, stable for scripts that match on it.

use serde::Serialize;

use super::CheckReport;
use crate::error::{Error, PRINTED_ERRORS};
use crate::locale::Lang;
use crate::messages::{for_people, translate};

/// How to print a check's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Compiler-style messages and a closing count.
    #[default]
    Human,
    /// One `::error …::message` (or `::warning …`) workflow command per problem, shown on the pull request.
    Github,
    /// `{"ok": …, "count": N, "errors": […], "warnings": […], "pages": N}`, with every error
    /// (not only the first 200); each entry has a `severity`.
    Json,
}

/// The report as the text to print (ends with a newline), with messages in `lang`.
pub fn format_report(report: &CheckReport, format: Format, lang: Lang) -> String {
    match format {
        Format::Human => human(report, lang),
        Format::Github => github(report, lang),
        Format::Json => json(report, lang),
    }
}

fn human(report: &CheckReport, lang: Lang) -> String {
    let mut out = for_people(&report.errors, lang);
    out.push_str(&for_people(&report.warnings, lang));
    for note in &report.notes {
        out.push_str(&translate(note, lang));
        out.push('\n');
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let line = match (report.errors.len(), report.warnings.len()) {
        (0, 0) => format!("Checked {} pages: no problems found", report.pages),
        (0, w) => format!("Checked {} pages: {w} warning{}", report.pages, plural(w)),
        (n, 0) => format!("{n} error{}; nothing was written", plural(n)),
        (n, w) => format!("{n} error{}, {w} warning{}; nothing was written", plural(n), plural(w)),
    };
    out.push_str(&translate(&line, lang));
    out.push('\n');
    out
}

/// See "Workflow commands for GitHub Actions": `::error file=F,line=L,col=C::message`.
fn github(report: &CheckReport, lang: Lang) -> String {
    let mut out = String::new();
    for e in report.errors.0.iter().take(PRINTED_ERRORS).chain(report.warnings.0.iter().take(PRINTED_ERRORS))
    {
        let mut message = translate(&e.message, lang);
        if let Some(help) = &e.help {
            message.push_str(&format!("\n{}: {}", translate("help", lang), translate(help, lang)));
        }
        let mut props = Vec::new();
        if let Some(l) = &e.location {
            props.push(format!("file={}", escape_property(&l.path)));
            if l.line > 0 {
                props.push(format!("line={}", l.line));
                if l.column > 0 {
                    props.push(format!("col={}", l.column));
                }
            }
        }
        let props = if props.is_empty() { String::new() } else { format!(" {}", props.join(",")) };
        out.push_str(&format!("::{}{props}::{}\n", e.severity.name(), escape_data(&message)));
    }
    if let Some(more) = report.errors.len().checked_sub(PRINTED_ERRORS).filter(|&n| n > 0) {
        let message = format!(
            "{}\n{}: {}",
            translate(&format!("and {more} more errors"), lang),
            translate("help", lang),
            translate("gazette check --format json lists them all", lang)
        );
        out.push_str(&format!("::error::{}\n", escape_data(&message)));
    }
    out
}

/// Message text: `%`, CR and LF are written as `%25`, `%0D`, `%0A`.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Property values also escape `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    ok: bool,
    /// How many errors there are (all of them are listed, unlike the human report).
    count: usize,
    errors: Vec<JsonError<'a>>,
    warnings: Vec<JsonError<'a>>,
    pages: usize,
}

#[derive(Serialize)]
struct JsonError<'a> {
    severity: &'static str,
    kind: &'static str,
    message: String,
    message_en: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<String>,
    help_en: Option<&'a str>,
}

fn json(report: &CheckReport, lang: Lang) -> String {
    let errors = report.errors.0.iter().map(|e| json_error(e, lang)).collect();
    let warnings = report.warnings.0.iter().map(|e| json_error(e, lang)).collect();
    let doc =
        JsonReport { ok: report.ok(), count: report.errors.len(), errors, warnings, pages: report.pages };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{\"ok\": false}".into());
    text.push('\n');
    text
}

fn json_error(e: &Error, lang: Lang) -> JsonError<'_> {
    let location = e.location.as_ref();
    JsonError {
        severity: e.severity.name(),
        kind: e.kind.name(),
        message: translate(&e.message, lang),
        message_en: &e.message,
        file: location.map(|l| l.path.as_str()),
        line: location.map(|l| l.line).filter(|&n| n > 0),
        column: location.map(|l| l.column).filter(|&n| n > 0),
        help: e.help.as_deref().map(|h| translate(h, lang)),
        help_en: e.help.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorKind, Errors};

    fn report() -> CheckReport {
        let mut errors = Errors::new();
        errors.push(
            Error::new(ErrorKind::Reference, "100% broken\nreally")
                .at_line("content/news/a,b:c.md", 3, 7)
                .help("fix it"),
        );
        errors.push(Error::new(ErrorKind::Io, "no site"));
        CheckReport { errors, pages: 2, warnings: Errors::new(), notes: Vec::new() }
    }

    #[test]
    fn github_commands_escape_data_and_properties() {
        let text = format_report(&report(), Format::Github, Lang::En);
        assert_eq!(
            text,
            "::error file=content/news/a%2Cb%3Ac.md,line=3,col=7::100%25 broken%0Areally%0Ahelp: fix it\n::error::no site\n"
        );
    }

    fn many(n: usize) -> CheckReport {
        let errors = Errors((0..n).map(|i| Error::new(ErrorKind::Value, format!("e{i}"))).collect());
        CheckReport { errors, warnings: crate::error::Errors::new(), pages: 1, notes: Vec::new() }
    }

    #[test]
    fn people_and_github_see_200_errors_json_sees_all_issue_8() {
        let report = many(500);
        let human = format_report(&report, Format::Human, Lang::En);
        assert_eq!(human.matches("error: e").count(), 200);
        assert!(human.ends_with("and 300 more errors\n\n500 errors; nothing was written\n"), "{human}");
        let github = format_report(&report, Format::Github, Lang::En);
        assert_eq!(github.lines().count(), 201);
        assert!(
            github.ends_with(
                "::error::and 300 more errors%0Ahelp: gazette check --format json lists them all\n"
            )
        );
        let value: serde_json::Value =
            serde_json::from_str(&format_report(&report, Format::Json, Lang::En)).unwrap();
        assert_eq!(value["count"], 500);
        assert_eq!(value["errors"].as_array().unwrap().len(), 500);
    }

    #[test]
    fn json_has_nulls_for_missing_parts() {
        let value: serde_json::Value =
            serde_json::from_str(&format_report(&report(), Format::Json, Lang::En)).unwrap();
        assert_eq!(value["ok"], false);
        assert_eq!(value["pages"], 2);
        assert_eq!(value["errors"][0]["line"], 3);
        assert_eq!(value["errors"][1]["file"], serde_json::Value::Null);
        assert_eq!(value["errors"][1]["kind"], "io");
    }
}
