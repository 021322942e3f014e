//! Output paths: the rule that keeps every file a build writes inside its output folder.
//!
//! An output path is relative, with `/` between components, and every component is a plain
//! name: not empty, not `.` or `..`, and without `\`, NUL or any other control character
//! (a `\` is an ordinary letter in a Linux file name, but a folder separator on Windows and
//! in URLs that browsers normalise). The rule is checked where a path is made from a file
//! name (`site::load`, naming the source file) and once more by the writer for every file it
//! writes, whatever made the path (pages, aliases, charts, data files, copied files).

use std::path::{Component, Path};

use crate::error::{Error, ErrorKind, Location};

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

/// The output path (with `/`) of a file at `tail` under the folder `dir` (as shown, e.g.
/// `static`), from its validated components: a name that could lead out of the output folder
/// (`a\..\x`, a control character) is an error naming the file, with a name to rename it to.
pub fn output_path_of(tail: &Path, dir: &str) -> Result<String, Error> {
    let location = || Location::file(format!("{dir}/{}", shown(&tail.to_string_lossy())));
    let mut parts = Vec::new();
    for part in tail.components() {
        let Component::Normal(name) = part else {
            return Err(Error::new(ErrorKind::Value, "this file's path cannot be copied into the site")
                .at(location())
                .help("move the file inside the folder"));
        };
        let Some(name) = name.to_str() else {
            return Err(Error::new(ErrorKind::Value, "the file name is not valid UTF-8")
                .at(location())
                .help(format!("rename it to `{}`", suggest_name(&name.to_string_lossy()))));
        };
        if let Some(problem) = component_problem(name) {
            return Err(Error::new(
                ErrorKind::Value,
                format!("the file name `{}` cannot be copied into the site: {problem}", shown(name)),
            )
            .at(location())
            .help(format!("rename it to `{}`", suggest_name(name))));
        }
        parts.push(name);
    }
    Ok(parts.join("/"))
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

    #[test]
    fn output_paths_of_copied_files_come_from_checked_names_issue_8() {
        assert_eq!(output_path_of(Path::new("css/site.css"), "static").unwrap(), "css/site.css");
        let err = output_path_of(Path::new("x\\..\\..\\content\\site.yaml"), "static").unwrap_err();
        assert_eq!(err.location.unwrap().path, "static/x\\..\\..\\content\\site.yaml");
        assert_eq!(err.help.as_deref(), Some("rename it to `x-..-..-content-site.yaml`"));
        assert!(output_path_of(Path::new("../x"), "static").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_is_refused_issue_8() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"a\xffb.css");
        let err = output_path_of(Path::new(name), "static").unwrap_err();
        assert!(err.message.contains("not valid UTF-8"), "{err}");
    }
}
