//! A check's result as text: for people, for GitHub Actions, or as one JSON document.
//!
//! People and GitHub annotations read the messages in the chosen language. JSON is for
//! programs and people alike: `message` and `help` are in the chosen language, and
//! `message_en` and `help_en` keep the English text, stable for scripts that match on it.

use serde::Serialize;

use super::CheckReport;
use crate::error::Error;
use crate::locale::Lang;
use crate::messages::{display, translate};

/// How to print a check's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Compiler-style messages and a closing count.
    #[default]
    Human,
    /// One `::error …::message` workflow command per error, shown on the pull request.
    Github,
    /// `{"ok": …, "errors": […], "pages": N}`.
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
    let mut out = String::new();
    for e in &report.errors.0 {
        out.push_str(&format!("{}\n\n", display(e, lang)));
    }
    let n = report.errors.len();
    let line = if n == 0 {
        format!("Checked {} pages: no problems found", report.pages)
    } else {
        format!("{n} error{}; nothing was written", if n == 1 { "" } else { "s" })
    };
    out.push_str(&translate(&line, lang));
    out.push('\n');
    out
}

/// See "Workflow commands for GitHub Actions": `::error file=F,line=L,col=C::message`.
fn github(report: &CheckReport, lang: Lang) -> String {
    let mut out = String::new();
    for e in &report.errors.0 {
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
        out.push_str(&format!("::error{props}::{}\n", escape_data(&message)));
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
    errors: Vec<JsonError<'a>>,
    pages: usize,
}

#[derive(Serialize)]
struct JsonError<'a> {
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
    let doc = JsonReport { ok: report.ok(), errors, pages: report.pages };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{\"ok\": false}".into());
    text.push('\n');
    text
}

fn json_error(e: &Error, lang: Lang) -> JsonError<'_> {
    let location = e.location.as_ref();
    JsonError {
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
        CheckReport { errors, pages: 2 }
    }

    #[test]
    fn github_commands_escape_data_and_properties() {
        let text = format_report(&report(), Format::Github, Lang::En);
        assert_eq!(
            text,
            "::error file=content/news/a%2Cb%3Ac.md,line=3,col=7::100%25 broken%0Areally%0Ahelp: fix it\n::error::no site\n"
        );
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
