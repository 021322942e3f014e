//! Causes a YAML reader names badly, found from the text around its error: a file with
//! nothing in it, and a comma inside `{…}` that splits a value in two (issue 9).

use crate::error::{Error, ErrorKind};

/// Whether the text holds nothing but blank lines and comments.
pub(super) fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// The error for a whole file without content.
pub(super) fn empty_file(what: &str) -> Error {
    Error::new(ErrorKind::Syntax, "the file is empty")
        .help(format!("write the fields of {what} (the README shows an example), or delete the file"))
}

/// The first line up to `last_line` (1-based) indented with a tab: (line, column of the tab).
pub(super) fn tab_indent(text: &str, last_line: usize) -> Option<(usize, usize)> {
    text.lines().take(last_line).enumerate().find_map(|(n, line)| {
        let indent = &line[..line.len() - line.trim_start().len()];
        indent.find('\t').map(|c| (n + 1, indent[..c].chars().count() + 1))
    })
}

/// The error for a tab used to indent.
pub(super) fn tab_error() -> Error {
    Error::new(ErrorKind::Syntax, "a tab character is used for indentation")
        .help("indent with spaces only (replace the tab with spaces, as many as the line above uses)")
}

/// When `field`, refused as an unknown field, follows a comma inside `{…}` on `line` and has
/// no colon of its own, it is the second half of a value: the error naming that cause.
pub(super) fn comma_in_braces(line: &str, field: &str) -> Option<Error> {
    let open = line.find('{')?;
    let (at, _) = line.match_indices(field).find(|(p, _)| {
        *p > open
            && line[..*p].trim_end().ends_with(',')
            && !line[p + field.len()..].trim_start().starts_with(':')
    })?;
    let comma = line[..at].trim_end().len() - 1;
    let colon = line[..comma].rfind(": ")?;
    let key_start = line[..colon].rfind(['{', ',']).map_or(0, |p| p + 1);
    let key = line[key_start..colon].trim();
    let value = line[colon + 2..at + field.len()].trim();
    if key.is_empty() || value.contains('"') {
        return None;
    }
    let dotted = value.replacen(", ", ".", 1).replacen(',', ".", 1);
    if dotted.parse::<f64>().is_ok() {
        return Some(
            Error::new(
                ErrorKind::Syntax,
                format!("`{value}` is read as two entries: a comma separates the entries of `{{…}}`"),
            )
            .help(format!("write {dotted} (a dot for decimals, no thousands separator)")),
        );
    }
    Some(
        Error::new(
            ErrorKind::Syntax,
            format!(
                "the comma in `{value}` splits the value in two: inside `{{…}}` a comma starts a new field"
            ),
        )
        .help(format!("put the value in double quotes: {key}: \"{value}\"")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_inside_braces_is_named_with_the_quotes_to_add_issue_9() {
        let line = "  - {geo: tn, year: 2024, value: 12, note: Sở LĐ, TB&XH}";
        let e = comma_in_braces(line, "TB&XH").unwrap();
        assert!(e.message.starts_with("the comma in `Sở LĐ, TB&XH` splits the value"), "{}", e.message);
        assert_eq!(e.help.as_deref(), Some("put the value in double quotes: note: \"Sở LĐ, TB&XH\""));
        assert!(comma_in_braces("  - {geo: tn, colour: red}", "colour").is_none());
        let e = comma_in_braces("  - {geo: tn, year: 2024, value: 12,5}", "5").unwrap();
        assert_eq!(e.message, "`12,5` is read as two entries: a comma separates the entries of `{…}`");
        assert_eq!(e.help.as_deref(), Some("write 12.5 (a dot for decimals, no thousands separator)"));
        assert!(comma_in_braces("colour, red", "red").is_none());
    }

    #[test]
    fn finds_the_tab_that_indents_a_line_issue_9() {
        assert_eq!(tab_indent("a:\n  b: 1\n \tc: 2\n", 9), Some((3, 2)));
        assert_eq!(tab_indent("a: \"x\ty\"\n", 9), None);
        assert_eq!(tab_indent("a:\n\tb: 1\n", 1), None);
    }

    #[test]
    fn comments_and_blank_lines_are_an_empty_file_issue_9() {
        assert!(is_blank("\n  \n# nothing yet\n"));
        assert!(!is_blank("title: x\n"));
    }
}
