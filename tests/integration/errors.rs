//! Every class of user mistake gives a located message with a hint, and writes nothing.

use crate::harness::{SiteTest, sites_dir};

/// One snapshot of the exact error text per fixture in `tests/sites/invalid/`.
#[test]
fn each_invalid_site_reports_its_mistake() {
    insta::glob!("../sites/invalid", "*/content", |content| {
        let case = content.parent().unwrap().file_name().unwrap().to_string_lossy().to_string();
        let site = SiteTest::from_fixture(&format!("invalid/{case}"));
        let text = site.errors();
        assert!(!site.root.join("public").exists(), "{case}: nothing may be written");
        insta::assert_snapshot!(case.clone(), text);
    });
}

#[test]
fn every_invalid_fixture_is_listed_by_the_glob() {
    let n = std::fs::read_dir(sites_dir().join("invalid")).unwrap().count();
    assert!(n >= 20, "only {n} invalid fixtures");
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = SiteTest::from_fixture("minimal");
    let built = site.build().unwrap();
    let before = built.tree_text();
    site.write("content/news/hong.md", "---\ntitle: Hỏng\ndate: 2025-02-30\n---\n");
    let err = site.errors();
    assert!(err.contains("content/news/hong.md:3:7: error: `2025-02-30` is not a date"), "{err}");
    assert_eq!(built.tree_text(), before);
    assert!(!site.root.join("public.gazette-tmp").exists());
}

#[test]
fn errors_are_sorted_by_file_and_line() {
    let site = SiteTest::from_fixture("invalid/many-errors");
    let text = site.errors();
    let a = text.find("content/news/a.md").unwrap();
    let b = text.find("content/news/b.md").unwrap();
    let c = text.find("content/pages/c.md").unwrap();
    assert!(a < b && b < c, "{text}");
}
