//! Issue 8, items 5 and 6: the CLI never panics on a closed or full stream, and nothing from
//! content reaches an output as live markup, a spreadsheet formula or a script address.

use std::process::{Command, Output, Stdio};

use crate::harness::SiteTest;

fn gazette() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
}

/// Where the command's stdout (or stderr) goes in a test.
#[derive(Clone, Copy, Debug)]
enum Sink {
    /// `/dev/full`: every write fails with "No space left on device".
    Full,
    /// A pipe whose reading end is closed before the command starts: every write is EPIPE.
    ClosedPipe,
}

fn sink(kind: Sink) -> Stdio {
    match kind {
        Sink::Full => std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap().into(),
        Sink::ClosedPipe => {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            writer.into()
        }
    }
}

/// Run `gazette args…` with stdout (and, when `both`, stderr too) sent to `kind`.
fn run_into(kind: Sink, args: &[&str], root: Option<&std::path::Path>, both: bool) -> Output {
    let mut cmd = gazette();
    cmd.args(args);
    if let Some(root) = root {
        cmd.arg("--root").arg(root);
    }
    cmd.stdout(sink(kind));
    if both {
        cmd.stderr(sink(kind));
    } else {
        cmd.stderr(Stdio::piped());
    }
    cmd.output().unwrap()
}

fn assert_quiet_exit(out: &Output, code: i32, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert_eq!(out.status.code(), Some(code), "{what}: {stderr}");
}

#[test]
fn issue_8_build_into_a_closed_or_full_stdout_exits_with_the_build_status() {
    for kind in [Sink::Full, Sink::ClosedPipe] {
        let good = SiteTest::from_fixture("minimal");
        let out = run_into(kind, &["build"], Some(&good.root), false);
        assert_quiet_exit(&out, 0, &format!("good build, {kind:?}"));
        assert!(good.root.join("public/index.html").exists(), "{kind:?}: the site is still built");
        let bad = SiteTest::from_fixture("invalid/many-errors");
        for both in [false, true] {
            let out = run_into(kind, &["build"], Some(&bad.root), both);
            assert_quiet_exit(&out, 1, &format!("failing build, {kind:?}, stderr too: {both}"));
        }
    }
}

#[test]
fn issue_8_check_with_many_errors_into_a_closed_or_full_stream_exits_one() {
    for kind in [Sink::Full, Sink::ClosedPipe] {
        let bad = SiteTest::from_fixture("invalid/many-errors");
        for format in ["human", "json", "github"] {
            for both in [false, true] {
                let out = run_into(kind, &["check", "--format", format], Some(&bad.root), both);
                assert_quiet_exit(&out, 1, &format!("check {format}, {kind:?}, stderr too: {both}"));
            }
        }
        let good = SiteTest::from_fixture("minimal");
        let out = run_into(kind, &["check", "--format", "json"], Some(&good.root), false);
        assert_quiet_exit(&out, 0, &format!("clean check, {kind:?}"));
    }
}

#[test]
fn issue_8_help_into_a_closed_or_full_stdout_does_not_panic() {
    for kind in [Sink::Full, Sink::ClosedPipe] {
        let out = run_into(kind, &["--help"], None, false);
        assert_quiet_exit(&out, 0, &format!("--help, {kind:?}"));
        let out = run_into(kind, &["build", "--help"], None, false);
        assert_quiet_exit(&out, 0, &format!("build --help, {kind:?}"));
    }
}

const MARKUP: &str = "<script>alert(1)</script> & <b>x</b>";

/// Entries of a feed as a real reader sees them: Python's `feedparser` (CI installs it).
fn feedparser_entries(feed: &std::path::Path) -> Vec<serde_json::Value> {
    let script = "import feedparser, json, sys\n\
        d = feedparser.parse(sys.argv[1])\n\
        print(json.dumps([{k: e.get(k) for k in ('title', 'title_detail', 'summary', 'summary_detail')} for e in d.entries]))";
    let out = Command::new("python3").args(["-c", script]).arg(feed).output().expect("python3 runs");
    assert!(
        out.status.success(),
        "feedparser failed (install it: python3 -m pip install feedparser): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What a reader shows for a parsed field: HTML values are decoded as HTML would be.
fn shown_text(field: &serde_json::Value, detail: &serde_json::Value) -> (String, bool) {
    let value = field.as_str().unwrap_or_default().to_string();
    let is_html = detail["type"].as_str() == Some("text/html");
    if is_html {
        assert!(!value.contains('<'), "markup came out of the feed as markup: {value}");
        let text = value.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        (text, true)
    } else {
        (value, false)
    }
}

#[test]
fn issue_8_feed_readers_show_markup_in_titles_and_summaries_as_text() {
    let site = SiteTest::from_fixture("full");
    site.write(
        "content/news/2025/2025-12-30-markup.md",
        &format!("---\ntitle: \"{MARKUP}\"\ndate: 2025-12-30\nsummary: \"{MARKUP}\"\n---\nBody.\n"),
    );
    let indicator = site.root.join("content/indicators/ho-ngheo.yaml");
    let yaml = std::fs::read_to_string(&indicator).unwrap();
    let yaml = yaml.replace("note: Bổ sung số liệu năm 2025.", &format!("note: \"{MARKUP}\""));
    std::fs::write(&indicator, yaml).unwrap();
    let built = site.build().unwrap();

    let rss = feedparser_entries(&built.out.join("rss.xml"));
    let entry = rss.iter().find(|e| e["title"].as_str().unwrap_or_default().contains("script")).unwrap();
    for (field, detail) in [("title", "title_detail"), ("summary", "summary_detail")] {
        let (text, html) = shown_text(&entry[field], &entry[detail]);
        assert!(html, "RSS {field} is read as HTML, so it must arrive escaped: {entry}");
        assert_eq!(text, MARKUP, "RSS {field}: {entry}");
    }

    let atom = feedparser_entries(&built.out.join("data/revisions.xml"));
    let entry = atom.iter().find(|e| e["summary"].as_str().unwrap_or_default().contains("script")).unwrap();
    assert_eq!(entry["summary_detail"]["type"], "text/plain", "{entry}");
    assert_eq!(entry["summary"], MARKUP, "{entry}");
    assert_eq!(entry["title_detail"]["type"], "text/plain", "{entry}");
}

#[test]
fn issue_8_open_data_csv_cells_never_start_a_formula() {
    let site = SiteTest::from_fixture("full");
    let edit = |rel: &str, from: &str, to: &str| {
        let path = site.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} holds {from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    };
    // a unit's full name starts with its type (a fixed word), so the value is the way in
    edit("content/geo.yaml", "name: Thử Nghiệm", "name: '=HYPERLINK(\"http://evil.example\")'");
    edit("content/indicators/tre-den-truong.yaml", "\"0-2\"", "\"@SUM(1)\"");
    edit("content/programmes/nq-01.yaml", "age: \"0-2\"", "age: \"@SUM(1)\"");
    let built = site.build().unwrap();
    let csv = built.read("data/tre-den-truong.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}indicator,geo,geo_name,level,year,age,value,unit", "{csv}");
    assert!(
        csv.contains("tre-den-truong,tn,\"tỉnh =HYPERLINK(\"\"http://evil.example\"\")\",province,2021,\"'@SUM(1)\",20,percent"),
        "{csv}"
    );
    for line in &lines[1..] {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell} in {line}");
        }
    }
}

#[test]
fn issue_8_a_menu_link_to_another_host_is_written_unchanged_and_not_checked_as_a_site_path() {
    let site = SiteTest::from_fixture("minimal");
    let config = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    let config: String = config
        .lines()
        .map(|l| if l.starts_with("base_url:") { "base_url: https://example.gov.vn/portal" } else { l })
        .map(|l| format!("{l}\n"))
        .collect();
    let menu = "menu:\n  - {name: Ngoài, url: //evil.example/x}\n  - {name: Thư, url: \"mailto:a@example.gov.vn\"}\n";
    site.write("content/site.yaml", &format!("{config}{menu}"));
    let built = site.build().unwrap();
    let home = built.read("index.html");
    assert!(home.contains("<a href=\"//evil.example/x\">Ngoài</a>"), "{home}");
    assert!(home.contains("<a href=\"mailto:a@example.gov.vn\">Thư</a>"), "{home}");
    assert!(!home.contains("/portal//evil.example"), "{home}");
    let out = gazette().args(["check", "--root"]).arg(&site.root).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn issue_8_markdown_links_never_get_a_script_address() {
    let site = SiteTest::from_fixture("minimal");
    site.write(
        "content/news/2025-03-13-lien-ket.md",
        "---\ntitle: Liên kết\ndate: 2025-03-13\n---\n\
         [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java&#09;script:alert(1)) \
         [d](vbscript:msgbox(1)) [e](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(1)> \
         [f](&#106;avascript:alert(1)) ![g](javascript:alert(1))\n",
    );
    let built = site.build().unwrap();
    let html = built.read("news/lien-ket/index.html");
    let lower = html.to_ascii_lowercase();
    for scheme in ["javascript:", "vbscript:", "data:text", "java\tscript", "java&#9;script", "&#106;"] {
        let in_href = lower.split("href=\"").skip(1).chain(lower.split("src=\"").skip(1)).any(|rest| {
            let value = &rest[..rest.find('"').unwrap_or(rest.len())];
            value.contains(scheme)
        });
        assert!(!in_href, "{scheme} reached an address: {html}");
    }
}
