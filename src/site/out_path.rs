//! Output paths: the rule that keeps every file a build writes inside its output folder.
//!
//! An output path is relative, with `/` between components, and every component is a plain
//! name: not empty, not `.` or `..`, and without `\`, NUL or any other control character
//! (a `\` is an ordinary letter in a Linux file name, but a folder separator on Windows and
//! in URLs that browsers normalise). The rule is checked where a path is made from a file
//! name (`site::load`, naming the source file) and once more by the writer for every file it
//! writes, whatever made the path (pages, aliases, charts, data files, copied files).

use crate::error::{Error, ErrorKind};

/// Why `name` cannot be one component of an output path, or `None` if it is a plain name.
pub fn component_problem(name: &str) -> Option<&'static str> {
    match name {
        "" => Some("it has an empty part (`//`, or `/` at the start or end)"),
        "." | ".." => Some("`.` and `..` would leave the folder"),
        _ if name.contains('\\') => Some("`\\` is a folder separator on Windows and in web addresses"),
        _ if name.contains('\0') => Some("it contains a NUL character"),
        _ if name.chars().any(char::is_control) => Some("it contains a control character"),
        _ if name.contains('/') => Some("`/` cannot be part of a name"),
        _ => None,
    }
}

/// Why the relative output path `rel` would not stay inside the output folder, if it would not.
pub fn path_problem(rel: &str) -> Option<&'static str> {
    if rel.starts_with('/') {
        return Some("it is an absolute path");
    }
    rel.split('/').find_map(component_problem)
}

/// The writer's final check: `rel` is a clean relative path, or an error naming it.
pub fn check_output_path(rel: &str) -> Result<(), Error> {
    match path_problem(rel) {
        None => Ok(()),
        Some(problem) => Err(Error::new(
            ErrorKind::Value,
            format!("refused to write `{}` outside the output folder: {problem}", shown(rel)),
        )
        .help("rename the file, or change the slug or alias that gives this path, to plain names: letters, digits, `-`, `_` and `.` between `/`")),
    }
}

/// `name` as shown in a message: control characters (NUL, escape, newline) written as escapes.
pub fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect()
}

/// A name to suggest instead of a refused file name: each `\` and control character becomes
/// `-`, and a name left with only dots (or nothing) becomes `file`.
pub fn suggest_name(name: &str) -> String {
    let safe: String = name.chars().map(|c| if c == '\\' || c.is_control() { '-' } else { c }).collect();
    let safe = safe.trim_start_matches(['-', '.']).to_string();
    if safe.is_empty() { "file".to_string() } else { safe }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_relative_paths_pass_issue_8() {
        for ok in ["index.html", "news/a/index.html", "media/cầu treo.svg", "a.b/c..d", "..a/b"] {
            assert_eq!(path_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn paths_that_could_leave_the_folder_are_refused_issue_8() {
        for bad in [
            "../x",
            "/abs",
            "a/../../b",
            "a\\b",
            "..\\..\\content\\x",
            "a\0b",
            "a/\u{1b}b",
            "",
            ".",
            "a//b",
            "a/",
            "./a",
            "a/..",
        ] {
            assert!(path_problem(bad).is_some(), "{bad:?}");
            let err = check_output_path(bad).unwrap_err();
            assert!(err.message.contains("refused to write"), "{err}");
            assert!(!err.message.contains('\0'), "NUL shown escaped");
        }
    }

    #[test]
    fn suggested_names_are_plain() {
        assert_eq!(suggest_name("..\\..\\content\\x"), "content-x");
        assert_eq!(suggest_name("a\\b.css"), "a-b.css");
        assert_eq!(suggest_name("tab\there"), "tab-here");
        assert_eq!(suggest_name(".."), "file");
        for name in ["..\\..\\x", "a\0b", "\\", "..."] {
            assert_eq!(component_problem(&suggest_name(name)), None, "{name:?}");
        }
    }
}
