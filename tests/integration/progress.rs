//! Build progress is reported through a callback (the library never prints).

use std::sync::Mutex;

use gazette::site::{Progress, build_with_progress};

use crate::harness::SiteTest;

#[test]
fn progress_starts_at_zero_and_reaches_every_file() {
    let site = SiteTest::from_fixture("full");
    let seen = Mutex::new(Vec::new());
    let report = build_with_progress(&site.options(), &|p: Progress| seen.lock().unwrap().push(p)).unwrap();
    let seen = seen.into_inner().unwrap();
    let total = seen[0].total;
    assert_eq!(seen[0].done, 0);
    assert_eq!(total, report.files);
    assert_eq!(seen.len(), total + 1, "one report per file");
    assert!(seen.iter().any(|p| p.done == total));
}
