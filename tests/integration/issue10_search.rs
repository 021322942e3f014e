//! Issue 10: the search box on every page, the results page and the index files.

use crate::harness::SiteTest;

#[test]
fn every_html_page_has_the_search_form_and_the_index_is_written() {
    let built = SiteTest::from_fixture("full").build().unwrap();
    let pages: Vec<String> = built.files().into_iter().filter(|f| f.ends_with(".html")).collect();
    let redirects = |html: &str| html.contains("http-equiv=\"refresh\"");
    // the web editor's page (admin/, issue 13) is the CMS's own application, not a page of the site
    for page in pages.iter().filter(|p| !p.starts_with("admin/") && !redirects(&built.read(p))) {
        let html = built.read(page);
        assert!(
            html.contains("<form class=\"site-search\" role=\"search\" action=\"/search/\" method=\"get\""),
            "{page} has no search form"
        );
        assert!(html.contains("name=\"q\""), "{page}");
    }
    assert!(pages.contains(&"404.html".to_string()));
    let results = built.read("search/index.html");
    assert!(
        results.contains("aria-live=\"polite\"")
            && results.contains("<script defer src=\"/assets/search.js\">")
    );
    assert!(results.contains("<meta name=\"robots\" content=\"noindex\">"));
    let manifest: serde_json::Value = serde_json::from_str(&built.read("search/index.json")).unwrap();
    assert_eq!(manifest["lang"], "vi");
    assert!(manifest["docs"].as_u64().unwrap() > 3);
    assert!(built.exists("search/t/0.bin") && built.exists("search/d/0.json"));
    assert!(built.exists("assets/search.js"));
    assert!(!built.read("sitemap.xml").contains("/search/"), "the results page is not in the sitemap");
}

#[test]
fn search_enabled_false_leaves_out_the_box_the_page_and_the_index() {
    let site = SiteTest::from_fixture("full");
    let config = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{config}\nsearch:\n  enabled: false\n"));
    let built = site.build().unwrap();
    assert!(!built.exists("search/index.html") && !built.exists("search/index.json"));
    assert!(!built.read("index.html").contains("role=\"search\""));
}

#[test]
fn the_web_search_of_site_yaml_is_offered_without_javascript_escaped() {
    let site = SiteTest::from_fixture("full");
    let config = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &format!("{config}\nsearch:\n  web: https://www.google.com/search?as_sitesearch=a.vn&x='y'\n"),
    );
    let html = site.build().unwrap().read("search/index.html");
    assert!(html.contains("action=\"https://www.google.com/search\""), "{html}");
    assert!(html.contains("name=\"as_sitesearch\" value=\"a.vn\""));
    assert!(html.contains("value=\"&#x27;y&#x27;\"") || html.contains("value=\"&#39;y&#39;\""), "{html}");
}

#[test]
fn a_web_search_that_is_not_a_web_address_is_refused_with_its_place() {
    let site = SiteTest::from_fixture("full");
    let config = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{config}\nsearch:\n  web: javascript:alert(1)\n"));
    let errors = site.errors();
    assert!(errors.contains("search web") && errors.contains("site.yaml"), "{errors}");
}
