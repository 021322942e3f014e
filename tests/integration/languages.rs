//! Issue 11: one site in two editions (Vietnamese at `/`, English under `/en/`), on routes
//! decided in one place.

use gazette::model::PageKind;
use gazette::site::{BuildOptions, compile};

use crate::harness::{Built, SiteTest};

/// The `full` fixture with `languages: [vi, en]`, an English about page, one news item in
/// both languages and one in English only.
fn bilingual() -> SiteTest {
    let t = SiteTest::from_fixture("full");
    let config = std::fs::read_to_string(t.root.join("content/site.yaml")).unwrap();
    t.write("content/site.yaml", &format!("{config}languages: [vi, en]\n"));
    t.write("content/pages/gioi-thieu.en.md", "---\ntitle: About\n---\nThe provincial portal, in English.\n");
    t.write(
        "content/news/2025/2025-01-15-nuoi-bo-sinh-san.en.md",
        "---\ntitle: \"Poverty reduction: breeding cattle\"\ndate: 2025-01-15T09:00:00+07:00\ncategory: poverty reduction\n---\nBreeding cattle helps **36 households** out of poverty.\n",
    );
    t.write(
        "content/news/2025/2025-02-10-investors.en.md",
        "---\ntitle: \"A note for investors\"\ndate: 2025-02-10\n---\nOnly in English.\n",
    );
    t
}

fn built() -> Built {
    bilingual().build().unwrap()
}

/// The `href` of the first `<link rel="alternate" hreflang="{lang}" …>` of a page.
fn hreflang(html: &str, lang: &str) -> Option<String> {
    let needle = format!("hreflang=\"{lang}\" href=\"");
    let start = html.find(&needle)? + needle.len();
    Some(html[start..start + html[start..].find('"')?].to_string())
}

/// The switcher link of language `lang` in a page.
fn switcher(html: &str, lang: &str) -> String {
    let list = &html[html.find("class=\"nav-list lang-switch\"").expect("a language switcher")..];
    let needle = format!("hreflang=\"{lang}\" lang=\"{lang}\"");
    let at = list.find(&needle).expect("a link to the language");
    let href = list[..at].rfind("href=\"").unwrap() + 6;
    list[href..href + list[href..].find('"').unwrap()].to_string()
}

#[test]
fn every_page_kind_of_every_edition_has_its_own_file_and_no_two_pages_share_one_issue_11() {
    let t = bilingual();
    let opts = BuildOptions { output: t.root.join("public"), ..t.options() };
    let compiled = compile(&opts).unwrap();
    let mut files = std::collections::HashSet::new();
    for page in &compiled.plan {
        assert!(files.insert(page.file.clone()), "two pages write {}", page.file);
    }
    // every HTML kind of the first edition has its English counterpart under /en/
    // (redirects follow the items' `aliases:`, which the English items do not have)
    for page in compiled
        .plan
        .iter()
        .filter(|p| p.edition == 0 && p.kind.per_edition())
        .filter(|p| !matches!(p.kind, PageKind::Alias { .. }))
    {
        let en = compiled
            .plan
            .iter()
            .any(|p| p.edition == 1 && std::mem::discriminant(&p.kind) == std::mem::discriminant(&page.kind));
        assert!(en, "no English page of the kind of {}", page.path);
    }
    assert!(compiled.plan.iter().filter(|p| p.edition == 1).all(|p| p.path.starts_with("/en/")));
    // files that are not pages for readers exist once
    assert!(compiled.plan.iter().filter(|p| !p.kind.per_edition()).all(|p| p.edition == 0));
}

#[test]
fn hreflang_alternates_link_the_editions_both_ways_with_x_default_issue_11() {
    let b = built();
    let vi = b.read("gioi-thieu/index.html");
    let en = b.read("en/gioi-thieu/index.html");
    for page in [&vi, &en] {
        assert_eq!(hreflang(page, "vi").as_deref(), Some("https://thu-nghiem.example.gov.vn/gioi-thieu/"));
        assert_eq!(hreflang(page, "en").as_deref(), Some("https://thu-nghiem.example.gov.vn/en/gioi-thieu/"));
        assert_eq!(
            hreflang(page, "x-default").as_deref(),
            Some("https://thu-nghiem.example.gov.vn/gioi-thieu/")
        );
    }
    assert!(vi.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    // an item in one language has no alternates
    assert_eq!(hreflang(&b.read("en/news/investors/index.html"), "vi"), None);
}

#[test]
fn the_sitemap_lists_both_editions_with_their_alternates_issue_11() {
    let sitemap = built().read("sitemap.xml");
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    for (loc, other) in [("/gioi-thieu/", "/en/gioi-thieu/"), ("/en/gioi-thieu/", "/gioi-thieu/")] {
        let start = sitemap.find(&format!("<loc>https://thu-nghiem.example.gov.vn{loc}</loc>")).unwrap();
        let entry = &sitemap[start..start + sitemap[start..].find("</url>").unwrap()];
        assert!(entry.contains(&format!("href=\"https://thu-nghiem.example.gov.vn{other}\"")), "{entry}");
        assert!(
            entry.contains("hreflang=\"x-default\" href=\"https://thu-nghiem.example.gov.vn/gioi-thieu/\""),
            "{entry}"
        );
    }
    assert!(sitemap.contains("<loc>https://thu-nghiem.example.gov.vn/en/news/investors/</loc><lastmod>"));
}

#[test]
fn the_switcher_leads_to_the_translation_or_to_the_nearest_section_issue_11() {
    let b = built();
    let vi = b.read("news/nuoi-bo-sinh-san/index.html");
    assert_eq!(switcher(&vi, "en"), "/en/news/nuoi-bo-sinh-san/");
    let en = b.read("en/news/nuoi-bo-sinh-san/index.html");
    assert_eq!(switcher(&en, "vi"), "/news/nuoi-bo-sinh-san/");
    // no English edition of this item: the English news list, said so to screen readers
    let only_vi = b.read("news/tong-ket-giam-ngheo/index.html");
    assert_eq!(switcher(&only_vi, "en"), "/en/news/");
    assert!(
        only_vi.contains(
            "<span class=\"sr-only\"> (this page has no translation; goes to the nearest section)</span>"
        ) || only_vi.contains("sr-only\"> (trang này chưa có bản dịch")
    );
    // a page without translation goes to the other edition's home
    assert_eq!(switcher(&b.read("lien-he/index.html"), "en"), "/en/");
    // statistics pages exist in both editions
    assert_eq!(switcher(&b.read("indicators/ho-ngheo/index.html"), "en"), "/en/indicators/ho-ngheo/");
}

#[test]
fn an_item_in_one_language_is_listed_only_in_its_edition_issue_11() {
    let b = built();
    for file in ["en/index.html", "en/news/index.html", "en/rss.xml"] {
        assert!(b.read(file).contains("/en/news/investors/"), "{file}");
    }
    for file in ["index.html", "news/index.html", "rss.xml", "categories/index.html"] {
        let text = b.read(file);
        assert!(!text.contains("investors"), "{file}");
        assert!(!text.contains("Breeding cattle"), "{file}");
    }
    assert!(!b.read("en/news/index.html").contains("tong-ket-giam-ngheo"));
    assert!(b.exists("en/categories/poverty-reduction/index.html"));
    assert!(!b.exists("en/categories/giam-ngheo/index.html"));
}

#[test]
fn each_edition_has_its_own_feed_in_its_language_issue_11() {
    let b = built();
    let en = b.read("en/rss.xml");
    assert!(en.contains("<language>en</language>"));
    assert!(en.contains("<atom:link href=\"https://thu-nghiem.example.gov.vn/en/rss.xml\""));
    assert!(en.contains("<title>A note for investors</title>"));
    let vi = b.read("rss.xml");
    assert!(vi.contains("<language>vi</language>") && !vi.contains("investors"));
    assert!(b.exists("en/categories/poverty-reduction/rss.xml"));
    // data files and charts are shared, not copied per edition
    assert!(!b.exists("en/data/ho-ngheo.csv") && b.exists("data/ho-ngheo.csv"));
    assert!(!b.exists("en/sitemap.xml") && !b.exists("en/schemas/site.json"));
}

#[test]
fn a_file_in_a_language_the_site_does_not_publish_is_an_error_issue_11() {
    let t = SiteTest::from_fixture("minimal");
    t.write("content/pages/about.en.md", "---\ntitle: About\n---\nText.\n");
    let errors = t.errors();
    assert!(errors.contains("content/pages/about.en.md"), "{errors}");
    assert!(errors.contains("add `en` to `languages:`"), "{errors}");
}

#[test]
fn a_single_language_site_has_no_switcher_nor_alternates_issue_11() {
    let b = SiteTest::from_fixture("full").build().unwrap();
    let home = b.read("index.html");
    assert!(!home.contains("hreflang=") && !home.contains("lang-switch"));
    assert!(!b.read("sitemap.xml").contains("xhtml"));
    assert!(!b.exists("en/index.html"));
}

#[test]
fn the_two_edition_sample_checks_clean_every_link_of_both_editions_resolves_issue_11() {
    // every address a template writes in the English edition must exist: a theme file linked
    // as `{{ site.home_url }}assets/…` once led to /en/assets/… on 250 pages
    let opts = gazette::site::BuildOptions {
        root: std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        output: std::env::temp_dir().join("gazette-languages-unused"),
        base_url: None,
        drafts: false,
    };
    let report = gazette::check::check_site(&opts);
    assert!(report.errors.is_empty(), "{}", report.errors);
    assert!(report.warnings.is_empty(), "{}", report.warnings);
    assert!(report.pages > 500, "both editions were checked: {} pages", report.pages);
}

#[test]
fn the_english_home_item_of_the_menu_is_current_only_on_the_english_home_page_issue_11() {
    let built = built();
    let menu = |html: &str| {
        html.split("<ul class=\"nav-list menu-list\"")
            .nth(1)
            .unwrap_or("")
            .split("</ul>")
            .next()
            .unwrap_or("")
            .to_string()
    };
    let home = menu(&built.read("en/index.html"));
    assert_eq!(home.matches("aria-current=\"page\"").count(), 1, "{home}");
    // a page under /en/ is not "home": only its own section may be marked
    let news = menu(&built.read("en/news/index.html"));
    assert!(!news.contains("href=\"/en/\" aria-current"), "{news}");
}

#[test]
fn the_english_edition_shows_the_contact_details_translated_in_site_yaml_and_shares_the_rest_issue_11() {
    // issue 11 follow-up: the office hours were shown in Vietnamese on every English page
    let t = bilingual();
    let config = std::fs::read_to_string(t.root.join("content/site.yaml")).unwrap();
    let config = config.replace("contact:\n", "contact:\n  hours: Sáng 7 giờ 30 – 11 giờ 30\n");
    t.write(
        "content/site.yaml",
        &format!("{config}translations:\n  en:\n    contact:\n      hours: Monday to Friday, 7:30–11:30\n"),
    );
    let b = t.build().unwrap();
    let en = b.read("en/index.html");
    assert!(en.contains("Monday to Friday, 7:30–11:30"), "English hours in the English footer");
    assert!(!en.contains("Sáng 7 giờ 30"), "no Vietnamese hours in the English edition");
    assert!(
        en.contains("Số 1 đường Trung tâm") && en.contains("0200 3 800 000"),
        "untranslated fields are shared"
    );
    let vi = b.read("index.html");
    assert!(vi.contains("Sáng 7 giờ 30") && !vi.contains("Monday"), "the first edition keeps its own");
}
