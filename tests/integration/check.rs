//! `gazette check`: golden reports in the three formats, on fixtures with known mistakes.

use std::process::{Command, Output};

use crate::harness::SiteTest;

fn check(site: &SiteTest, format: &str) -> Output {
    // these tests read the English messages (issue 9: a site without `language:` is Vietnamese)
    Command::new(env!("CARGO_BIN_EXE_gazette"))
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["check", "--format", format, "--root"])
        .arg(&site.root)
        .output()
        .unwrap()
}

/// Stdout and stderr of a run, as one snapshot text.
fn transcript(out: &Output) -> String {
    format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Rendered-output mistakes: a broken anchor (same page and other page), a broken link in raw
/// HTML (quoted and unquoted), a missing image in raw HTML and one in a template override.
#[test]
fn reports_broken_links_images_and_anchors_in_each_format() {
    for format in ["human", "github", "json"] {
        let site = SiteTest::from_fixture("check/links");
        let out = check(&site, format);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(!site.root.join("public").exists(), "check writes nothing");
        insta::assert_snapshot!(format!("links_{format}"), transcript(&out));
    }
}

/// A content error stops the check before rendering, as it stops a build.
#[test]
fn reports_content_errors_in_each_format() {
    for format in ["human", "github", "json"] {
        let site = SiteTest::from_fixture("check/content");
        let out = check(&site, format);
        assert_eq!(out.status.code(), Some(1), "{format}");
        insta::assert_snapshot!(format!("content_{format}"), transcript(&out));
    }
}

#[test]
fn a_clean_site_passes_with_exit_zero() {
    let site = SiteTest::from_fixture("full");
    let out = check(&site, "json");
    assert!(out.status.success(), "{}", transcript(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert!(report["pages"].as_u64().unwrap() > 5);
    assert!(!site.root.join("public").exists());
}

#[test]
fn a_template_link_on_every_page_is_reported_once() {
    let site = SiteTest::with_config("");
    for i in 1..=6 {
        site.write(
            &format!("content/news/2025-01-0{i}-tin-{i}.md"),
            &format!("---\ntitle: Tin {i}\ndate: 2025-01-0{i}\n---\nX.\n"),
        );
    }
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
    let base = std::fs::read_to_string(theme).unwrap();
    let broken = base.replacen("</body>", "<a href=\"{{ site.home_url }}khong-co/\">x</a></body>", 1);
    site.write("templates/base.html", &broken);
    let out = check(&site, "human");
    let text = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("`/khong-co/`")).collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(lines[0].contains("other pages"), "{text}");
}

#[test]
fn under_a_base_path_raw_links_without_it_leave_the_site() {
    let site = SiteTest::from_fixture("check/links");
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["check", "--base-url", "https://example.org/portal/", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("khai-truong.md:8:67: error: the link `/gioi-thieu/` leaves the site: it does not start with `/portal/`"),
        "{text}"
    );
    assert!(
        text.contains("bao-cao.md:10:28: error: the link `/portal/news/khai-truong/#muc-khong-co`"),
        "{text}"
    );
}
