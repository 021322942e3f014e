//! `gazette new`: the skeleton builds and checks at once, and a used folder is refused.

use std::process::Command;

fn gazette() -> Command {
    crate::harness::gazette_en()
}

#[test]
fn a_new_site_builds_and_checks_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("x");
    let out = gazette().arg("new").arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for file in
        ["content/site.yaml", "README.md", ".gitignore", ".github/workflows/gazette.yml", "content/geo.yaml"]
    {
        assert!(dir.join(file).is_file(), "{file}");
    }
    let build = gazette().current_dir(&dir).arg("build").output().unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    assert!(dir.join("public/index.html").is_file());
    assert!(dir.join("public/gioi-thieu/index.html").is_file());
    let check = gazette().current_dir(&dir).arg("check").output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn the_workflow_checks_pull_requests_and_publishes_main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("x");
    assert!(gazette().arg("new").arg(&dir).status().unwrap().success());
    let workflow = std::fs::read_to_string(dir.join(".github/workflows/gazette.yml")).unwrap();
    for needle in [
        "pull_request:",
        "gazette check --format github",
        "branches: [main]",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "--base-url",
        "cargo install --git \"$GAZETTE_REPO\"",
    ] {
        assert!(workflow.contains(needle), "missing {needle}");
    }
    assert!(std::fs::read_to_string(dir.join(".gitignore")).unwrap().contains("/public/"));
}

#[test]
fn refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("giu-lai.txt"), "x").unwrap();
    let out = gazette().arg("new").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not empty"));
    assert_eq!(std::fs::read_to_string(tmp.path().join("giu-lai.txt")).unwrap(), "x");
}
