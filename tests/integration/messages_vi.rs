//! Issue 9, item 10: messages in Vietnamese. Errors, help and the CLI's lines follow the
//! site's language, `--lang` and `LANG` override it, in the human, GitHub and JSON formats;
//! and every message the code writes has a catalogue entry.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gazette::locale::Lang;
use gazette::messages::{catalogue, display_all};

use crate::harness::SiteTest;

/// The binary with no locale of its own: only what a test sets counts.
fn gazette() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
    command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    command
}

fn run(command: &mut Command) -> (Output, String, String) {
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    (out, stdout, stderr)
}

/// One Vietnamese snapshot per fixture in `tests/sites/invalid/`, beside the English ones of
/// `errors.rs`.
#[test]
fn each_invalid_site_reports_its_mistake_in_vietnamese() {
    insta::glob!("../sites/invalid", "*/content", |content| {
        let case = content.parent().unwrap().file_name().unwrap().to_string_lossy().to_string();
        let site = SiteTest::from_fixture(&format!("invalid/{case}"));
        let errors = site.build().err().unwrap_or_else(|| panic!("{case} should fail"));
        insta::assert_snapshot!(format!("vi_{case}"), display_all(&errors, Lang::Vi));
    });
}

#[test]
fn build_with_lang_vi_prints_loi_and_goi_y() {
    let site = SiteTest::from_fixture("invalid/bad-date");
    let (out, _, stderr) = run(gazette().args(["build", "--lang", "vi", "--root"]).arg(&site.root));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("content/news/a.md:3:7: lỗi: `31/02/2024` không phải là ngày hợp lệ"),
        "{stderr}"
    );
    assert!(stderr.contains("\n  gợi ý: hãy viết ngày theo dạng"), "{stderr}");
    assert!(stderr.trim_end().ends_with("không bị thay đổi"), "{stderr}");
    assert!(stderr.contains("1 lỗi; thư mục "), "{stderr}");
}

#[test]
fn lang_vi_in_the_environment_gives_vietnamese() {
    let site = SiteTest::from_fixture("invalid/bad-date");
    site.write("content/site.yaml", &with_language(&site.root, "en"));
    let (_, _, stderr) = run(gazette().env("LANG", "vi_VN.UTF-8").args(["build", "--root"]).arg(&site.root));
    assert!(stderr.contains(": lỗi: ") && stderr.contains("gợi ý: "), "{stderr}");
}

#[test]
fn lang_en_on_the_command_line_overrides_a_vietnamese_site_and_locale() {
    let site = SiteTest::from_fixture("invalid/bad-date");
    site.write("content/site.yaml", &with_language(&site.root, "vi"));
    let (_, _, stderr) =
        run(gazette().env("LANG", "vi_VN.UTF-8").args(["build", "--lang", "en", "--root"]).arg(&site.root));
    assert!(stderr.contains(": error: `31/02/2024` is not a date"), "{stderr}");
    assert!(stderr.contains("1 error; "), "{stderr}");
}

#[test]
fn without_flag_or_locale_the_site_language_decides() {
    let site = SiteTest::from_fixture("invalid/bad-date");
    let (_, _, stderr) = run(gazette().args(["build", "--root"]).arg(&site.root));
    assert!(stderr.contains(": lỗi: "), "a site without `language:` is Vietnamese: {stderr}");
    site.write("content/site.yaml", &with_language(&site.root, "en"));
    let (_, _, stderr) = run(gazette().args(["build", "--root"]).arg(&site.root));
    assert!(stderr.contains(": error: "), "language: en: {stderr}");
}

#[test]
fn a_site_yaml_that_does_not_parse_still_gives_its_language() {
    let site = SiteTest::from_fixture("invalid/bad-site-yaml");
    site.write("content/site.yaml", &with_language(&site.root, "en"));
    let (_, _, stderr) = run(gazette().args(["build", "--root"]).arg(&site.root));
    assert!(stderr.contains(": error: unknown field"), "{stderr}");
}

#[test]
fn check_format_github_annotates_in_vietnamese() {
    let site = SiteTest::from_fixture("invalid/bad-date");
    let (out, stdout, _) =
        run(gazette().args(["check", "--format", "github", "--lang", "vi", "--root"]).arg(&site.root));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.starts_with("::error file=content/news/a.md,line=3,col=7::`31/02/2024` không phải là ngày hợp lệ%0Agợi ý: hãy viết ngày"),
        "{stdout}"
    );
}

#[test]
fn check_human_and_json_follow_the_language_and_json_keeps_the_english() {
    let site = SiteTest::from_fixture("invalid/bad-date");
    let (_, _, stderr) = run(gazette().args(["check", "--lang", "vi", "--root"]).arg(&site.root));
    assert!(
        stderr.contains(": lỗi: ") && stderr.trim_end().ends_with("1 lỗi; không ghi tệp nào"),
        "{stderr}"
    );
    let (_, stdout, _) =
        run(gazette().args(["check", "--format", "json", "--lang", "vi", "--root"]).arg(&site.root));
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let e = &doc["errors"][0];
    assert_eq!(e["message_en"], "`31/02/2024` is not a date");
    assert_eq!(e["message"], "`31/02/2024` không phải là ngày hợp lệ");
    assert!(e["help"].as_str().unwrap().starts_with("hãy viết ngày"), "{e}");
    assert!(e["help_en"].as_str().unwrap().starts_with("write the date"), "{e}");
}

/// The check reports of both fixtures of `check.rs`, in Vietnamese, for people and for GitHub.
#[test]
fn check_reports_in_vietnamese_for_people_and_for_github() {
    for fixture in ["links", "content"] {
        for format in ["human", "github"] {
            let site = SiteTest::from_fixture(&format!("check/{fixture}"));
            let (out, stdout, stderr) =
                run(gazette().args(["check", "--lang", "vi", "--format", format, "--root"]).arg(&site.root));
            assert_eq!(out.status.code(), Some(1));
            let text = format!("--- stdout\n{stdout}--- stderr\n{stderr}");
            insta::assert_snapshot!(format!("vi_check_{fixture}_{format}"), text);
        }
    }
}

#[test]
fn the_build_summary_is_in_vietnamese() {
    let site = SiteTest::from_fixture("minimal");
    let (out, stdout, _) = run(gazette().args(["build", "--root"]).arg(&site.root));
    assert!(out.status.success());
    assert!(stdout.starts_with("Đã tạo 11 trang từ 1 tin bài: "), "{stdout}");
}

/// The fixture's site.yaml with a `language:` line in place of any it had.
fn with_language(root: &Path, code: &str) -> String {
    let text = std::fs::read_to_string(root.join("content/site.yaml")).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("language:")).collect();
    format!("language: {code}\n{}\n", kept.join("\n"))
}

// ── coverage: every message of the code has a Vietnamese entry ───────────────────────────

/// Literals that look like messages but are not shown to anyone as such: libyaml phrases
/// that are matched, not printed; SVG self-checks; page text (in the site's own language);
/// HTTP bodies. A message that only passes another one on needs no entry either.
const NOT_MESSAGES: &[&str] = &[
    "while scanning a quoted scalar",
    "mapping values are not allowed",
    "found character that cannot start any token",
    "did not find expected",
    "while parsing",
    "while scanning",
    // written when stdout itself fails, before any language is known
    "gazette: cannot write to stdout: {}\n",
];

/// Source files whose literals are page text, HTTP or internal checks, not messages.
const NOT_MESSAGE_FILES: &[&str] = &[
    "src/chart/samples.rs",
    "src/chart/wellformed.rs",
    "src/chart/tidy.rs",
    "src/render/data/words.rs",
    "src/render/feed.rs",
    "src/serve/http.rs",
];

/// Issue 9: each message, help and CLI line written in src/ has a catalogue entry with the
/// same text and the same number of holes. A new message fails here until it is translated
/// (one line in src/messages/vi.rs).
#[test]
fn every_message_of_the_code_has_a_vietnamese_entry() {
    let shapes: BTreeSet<String> = catalogue().iter().map(|e| e.en.shape()).collect();
    let mut missing = BTreeSet::new();
    for file in rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        let rel = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_string_lossy().replace('\\', "/");
        if NOT_MESSAGE_FILES.contains(&rel.as_str()) || rel.starts_with("src/messages/") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for message in scan::messages(&text) {
            if !shapes.contains(&message) && !NOT_MESSAGES.contains(&message.as_str()) {
                missing.insert(format!("{rel}: {message:?}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} messages have no Vietnamese entry:\n{}",
        missing.len(),
        Vec::from_iter(missing).join("\n")
    );
}

#[test]
fn the_scanner_finds_messages_built_in_every_way() {
    let code = r#"
        let help = match x { Some(b) => format!("did you mean `{b}`?"), None => "use one".to_string() };
        Error::new(ErrorKind::Value, format!("bad {} value {{x}}", y)).help("write \
            it so");
        err_line!("{n} lines");
        let s = "not a message at all";
    "#;
    let found = scan::messages(code);
    assert_eq!(found, ["did you mean `{}`?", "use one", "bad {} value {x}", "write it so", "{} lines"]);
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            files.push(path);
        }
    }
    files
}

/// A small scanner over Rust source: string literals where messages are written.
mod scan {
    /// Where a message or help is written: in the call, or in the `let` that prepares it.
    const CALLS: &[&str] =
        &["Error::new(", ".help(", "err_line!(", "out_line!(", "chart_error(", "refuse(", "fail("];
    const LETS: &[&str] = &["let help ", "let message ", "let (message, help) ", "message: "];
    /// Macros whose first literal is a format string (`{}` holes, `{{` braces).
    const FORMATS: &[&str] = &["format!(", "err_line!(", "out_line!("];

    struct Literal {
        start: usize,
        end: usize,
        value: String,
        format: bool,
    }

    /// The messages of `code` (test modules left out), each as a shape: holes as `{}`.
    pub fn messages(code: &str) -> Vec<String> {
        let code = code.split("#[cfg(test)]").next().unwrap_or(code);
        let literals = literals(code);
        let mut found = Vec::new();
        for lit in &literals {
            let after = code[lit.end..].trim_start();
            let converted = [".into()", ".to_string()", ".to_owned()"].iter().any(|s| after.starts_with(s));
            let wanted = lit.format || converted || in_message_span(code, &literals, lit.start);
            let shape = if lit.format { format_shape(&lit.value) } else { lit.value.clone() };
            if wanted && has_words(&shape) && !found.contains(&shape) {
                found.push(shape);
            }
        }
        found
    }

    fn has_words(shape: &str) -> bool {
        let words = shape.replace("{}", "");
        let markup = shape.starts_with('<') || shape.starts_with("{\"");
        !markup
            && words.contains(' ')
            && words.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2)
    }

    /// Whether the literal at `at` lies inside a message call or a `let` that builds one.
    fn in_message_span(code: &str, literals: &[Literal], at: usize) -> bool {
        let opener = |trigger: &str, from: usize| code[..from].rfind(trigger).map(|i| i + trigger.len());
        for trigger in CALLS.iter().chain(LETS) {
            let Some(start) = opener(trigger, at) else { continue };
            let end = span_end(code, literals, start, trigger.ends_with('('), *trigger == "message: ");
            if at < end {
                return true;
            }
        }
        false
    }

    /// The end of a call's arguments (the matching `)`), or of a statement (`;` at depth 0).
    fn span_end(code: &str, literals: &[Literal], start: usize, call: bool, field: bool) -> usize {
        let bytes = code.as_bytes();
        let mut depth: i32 = if call { 1 } else { 0 };
        let mut i = start;
        while i < bytes.len() {
            if let Some(lit) = literals.iter().find(|l| l.start == i) {
                i = lit.end;
                continue;
            }
            match bytes[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth < 0 || (call && depth == 0) {
                        return i;
                    }
                }
                b';' if depth <= 0 => return i,
                b',' if field && depth == 0 => return i,
                _ => {}
            }
            i += 1;
        }
        i
    }

    /// A format string with every `{…}` hole written `{}` and `{{`/`}}` as single braces.
    fn format_shape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    out.push('}');
                }
                '{' => {
                    for d in chars.by_ref() {
                        if d == '}' {
                            break;
                        }
                    }
                    out.push_str("{}");
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Every string literal of `code` (comments and char literals skipped), with its value.
    fn literals(code: &str) -> Vec<Literal> {
        let bytes = code.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let rest = &code[i..];
            if rest.starts_with("//") {
                i += rest.find('\n').unwrap_or(rest.len());
            } else if bytes[i] == b'\'' {
                i += char_literal_len(rest);
            } else if rest.starts_with('r') && is_raw_start(rest) && !is_ident_byte(code, i) {
                let hashes = rest[1..].bytes().take_while(|b| *b == b'#').count();
                let open = 2 + hashes;
                let close = format!("\"{}", "#".repeat(hashes));
                let len = rest[open..].find(&close).unwrap_or(rest.len() - open);
                let value = rest[open..open + len].to_string();
                let end = i + open + len + close.len();
                found.push(Literal { start: i, end, value, format: is_format(code, i) });
                i = end;
            } else if bytes[i] == b'"' {
                let (value, len) = cooked(&rest[1..]);
                found.push(Literal { start: i, end: i + len + 2, value, format: is_format(code, i) });
                i += len + 2;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }

    fn is_raw_start(rest: &str) -> bool {
        let after = rest[1..].trim_start_matches('#');
        after.starts_with('"') && (rest.as_bytes()[1] == b'"' || rest.as_bytes()[1] == b'#')
    }

    fn is_ident_byte(code: &str, i: usize) -> bool {
        i > 0 && (code.as_bytes()[i - 1].is_ascii_alphanumeric() || code.as_bytes()[i - 1] == b'_')
    }

    fn is_format(code: &str, at: usize) -> bool {
        let before = code[..at].trim_end();
        FORMATS.iter().any(|f| before.ends_with(f))
    }

    /// A char literal's length in bytes, or 1 for a lifetime's quote.
    fn char_literal_len(rest: &str) -> usize {
        let mut chars = rest.char_indices().skip(1);
        match chars.next() {
            Some((_, '\\')) => rest[2..].find('\'').map_or(1, |p| p + 3),
            Some((j, c)) if rest[j + c.len_utf8()..].starts_with('\'') => j + c.len_utf8() + 1,
            _ => 1,
        }
    }

    /// The value of a "…" literal's body and the body's length in bytes (to the closing quote).
    fn cooked(body: &str) -> (String, usize) {
        let mut value = String::new();
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return (value, i),
                '\\' => match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, 't')) => value.push('\t'),
                    Some((_, 'r')) => value.push('\r'),
                    Some((_, '0')) => value.push('\0'),
                    Some((_, '\n')) => {
                        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    Some((_, 'u')) => {
                        let mut hex = String::new();
                        for (_, d) in chars.by_ref() {
                            if d == '}' {
                                break;
                            }
                            if d != '{' {
                                hex.push(d);
                            }
                        }
                        value.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                    }
                    Some((_, other)) => value.push(other),
                    None => {}
                },
                _ => value.push(c),
            }
        }
        (value, body.len())
    }
}
