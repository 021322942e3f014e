//! The `gazette` binary: exit codes and what it prints.

use std::process::Command;

use crate::harness::SiteTest;

/// The binary, in English (issue 9: a site without `language:` prints Vietnamese).
fn gazette() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
    command.env("LANG", "en_US.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    command
}

#[test]
fn build_prints_a_summary_and_exits_zero() {
    let site = SiteTest::from_fixture("minimal");
    let out = gazette().args(["build", "--root"]).arg(&site.root).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Built 11 pages from 1 news items: "), "{stdout}");
    assert!(site.root.join("public/index.html").exists());
}

#[test]
fn a_broken_site_exits_non_zero_and_says_nothing_changed() {
    let site = SiteTest::from_fixture("invalid/many-errors");
    let out = gazette().args(["build", "--root"]).arg(&site.root).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3 errors; "), "{stderr}");
    assert!(stderr.trim_end().ends_with("was not changed"), "{stderr}");
}

#[test]
fn output_and_base_url_options_are_honoured() {
    let site = SiteTest::from_fixture("minimal");
    let out_dir = site.root.join("elsewhere");
    let out = gazette()
        .args(["build", "--quiet", "--base-url", "https://staging.example.org/", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "--quiet prints nothing");
    let home = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(home.contains("href=\"https://staging.example.org/\""));
}
