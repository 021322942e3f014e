//! Issue 10: the results of each edition show dates as the rest of that edition does.

use crate::harness::{Built, SiteTest};

/// The `full` fixture in two editions (Vietnamese at `/`, English under `/en/`).
fn bilingual() -> Built {
    let t = SiteTest::from_fixture("full");
    let config = std::fs::read_to_string(t.root.join("content/site.yaml")).unwrap();
    t.write("content/site.yaml", &format!("{config}languages: [vi, en]\n"));
    t.build().unwrap()
}

/// The dates shown for the documents of one kind (`i`, `r` …) in an edition's index chunks.
fn dates(built: &Built, base: &str, kind: &str) -> Vec<String> {
    let mut out = Vec::new();
    for file in built.files().into_iter().filter(|f| f.starts_with(&format!("{base}d/"))) {
        let chunk: serde_json::Value = serde_json::from_str(&built.read(&file)).unwrap();
        for doc in chunk.as_array().unwrap().iter().filter(|d| d["k"] == kind) {
            out.push(doc["d"].as_str().unwrap().to_string());
        }
    }
    out.sort();
    out
}

#[test]
fn english_results_show_indicator_and_programme_dates_as_the_english_edition_does() {
    // issue 10: the English index wrote every date as dd/mm/yyyy
    let built = bilingual();
    let en_indicators = dates(&built, "en/search/", "i");
    assert!(en_indicators.contains(&"20 December 2025".to_string()), "{en_indicators:?}");
    assert!(en_indicators.iter().all(|d| !d.contains('/')), "{en_indicators:?}");
    assert_eq!(dates(&built, "en/search/", "r"), vec!["15 June 2021".to_string()]);
    // the Vietnamese edition keeps its own form
    assert!(dates(&built, "search/", "i").contains(&"20/12/2025".to_string()));
    assert_eq!(dates(&built, "search/", "r"), vec!["15/06/2021".to_string()]);
}
