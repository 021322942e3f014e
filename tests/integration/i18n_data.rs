//! Issue 11: the statistics in English from the same YAML: `en:` texts parsed with the same
//! rigour as the rest, `localize` with visible fallbacks and their warnings, and charts and
//! sentences in English (Vietnamese output unchanged: the existing snapshots).

use gazette::locale::Lang;
use gazette::model::Site;
use gazette::model::localize::{TextOf, localize};
use gazette::render::data::words::Words;
use gazette::render::i18n::Strings;

use crate::harness::SiteTest;

/// `ho-ngheo` of the `full` fixture with English texts for some fields (not `source`,
/// `methodology` nor the revisions), and its first disaggregation-free English unit label.
const HO_NGHEO_EN: &str = "en:
  title: Poor household rate
  short_title: Poor households
  description: Share of households below the multidimensional poverty line.
  notes: Illustrative figures.
";

fn full_with_english() -> SiteTest {
    let site = SiteTest::from_fixture("full");
    let path = "content/indicators/ho-ngheo.yaml";
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    site.write(path, &format!("{text}{HO_NGHEO_EN}"));
    let geo = std::fs::read_to_string(site.root.join("content/geo.yaml")).unwrap();
    site.write(
        "content/geo.yaml",
        &geo.replacen("name: Thử Nghiệm", "name: Thử Nghiệm\n    en: {note: x}", 1),
    );
    site
}

fn compiled(site: &SiteTest) -> Site {
    gazette::site::compile(&site.options()).unwrap_or_else(|e| panic!("{e}")).site().clone()
}

/// The site as its English edition: data localized, language English.
fn english(site: &Site) -> (Site, Vec<gazette::Error>) {
    let (data, warnings) = localize(&site.data, Lang::En);
    let mut english = site.clone();
    english.data = data;
    english.config.lang = Lang::En;
    (english, warnings)
}

fn english_strings(site: &SiteTest) -> Strings {
    let theme = gazette::site::load::load_theme(&site.root, "default").unwrap();
    Strings::load(&theme.i18n, Lang::En).unwrap()
}

#[test]
fn issue_11_english_texts_are_read_from_en_mappings() {
    let site = compiled(&full_with_english());
    let ind = &site.data.indicators[site.data.indicator("ho-ngheo").unwrap()].indicator;
    assert_eq!(ind.en.title.as_deref(), Some("Poor household rate"));
    assert_eq!(ind.en.short_title.as_deref(), Some("Poor households"));
    // the Vietnamese stays the text of the site's first language
    assert_eq!(ind.title, "Tỷ lệ hộ nghèo");
}

#[test]
fn issue_11_a_misspelt_english_field_is_refused_with_its_line_and_a_suggestion() {
    let site = SiteTest::from_fixture("full");
    let path = "content/indicators/ho-ngheo.yaml";
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    site.write(path, &format!("{text}en:\n  titel: Poor household rate\n"));
    let Err(errors) = site.build() else { panic!("the build should fail") };
    let both = format!("{errors}\n{}", gazette::messages::for_people(&errors, Lang::Vi));
    insta::assert_snapshot!("i18n_misspelt_en_field", both);
}

#[test]
fn issue_11_english_texts_must_be_a_mapping_of_texts() {
    let site = SiteTest::from_fixture("full");
    let path = "content/programmes/nq-01.yaml";
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    site.write(path, &text.replacen("title:", "en: [Resolution]\ntitle:", 1));
    let errors = site.errors();
    assert!(errors.contains("content/programmes/nq-01.yaml:"), "{errors}");
    assert!(errors.contains("`en`"), "{errors}");
}

#[test]
fn issue_11_localize_replaces_the_texts_and_marks_each_fallback() {
    let site = compiled(&full_with_english());
    let (en, _) = english(&site);
    let i = en.data.indicator("ho-ngheo").unwrap();
    let ind = &en.data.indicators[i].indicator;
    assert_eq!(ind.title, "Poor household rate");
    assert_eq!(ind.description, "Share of households below the multidimensional poverty line.");
    assert!(en.data.indicators[i].notes_html.contains("Illustrative figures."));
    let item = TextOf::Indicator(i);
    assert_eq!(en.data.fallbacks.lang_of(item, "title"), None);
    // no English source: the Vietnamese is kept and marked for `<span lang="vi">`
    assert_eq!(ind.source, "Sở Nông nghiệp và Môi trường");
    assert_eq!(en.data.fallbacks.lang_code(item, "source"), Some("vi"));
    assert_eq!(
        en.data.fallbacks.fields(item),
        ["source", "methodology", "revisions.2025-12-20.note", "revisions.2025-03-01.note"]
    );
    // units: the type word is translated by gazette, the name is a proper name and kept
    let root = en.data.geo.root.unwrap();
    assert_eq!(en.data.geo.units[root].full_name(), "Thử Nghiệm Province");
    assert_eq!(en.data.fallbacks.lang_of(TextOf::Unit(root), "note"), None);
    assert_eq!(en.data.lang, Lang::En);
}

#[test]
fn issue_11_localize_warns_once_per_item_listing_the_missing_fields() {
    let site = compiled(&full_with_english());
    let (en, warnings) = english(&site);
    assert!(warnings.iter().all(|w| w.is_warning()));
    let items: Vec<_> = en.data.fallbacks.items().collect();
    assert_eq!(warnings.len(), items.len());
    let ho_ngheo = warnings.iter().find(|w| w.message.contains("`ho-ngheo`")).unwrap();
    assert_eq!(
        ho_ngheo.message,
        "the indicator `ho-ngheo` has no English text for `source`, `methodology`, \
         `revisions.2025-12-20.note`, `revisions.2025-03-01.note`; the page shows the original, marked as such"
    );
    assert_eq!(ho_ngheo.location.as_ref().unwrap().path, "content/indicators/ho-ngheo.yaml");
    let vi = gazette::messages::display(ho_ngheo, Lang::Vi);
    assert!(vi.contains("chỉ tiêu `ho-ngheo` chưa có văn bản tiếng Anh cho `source`"), "{vi}");
    assert!(vi.contains("hãy thêm bản dịch trong mục `en:`"), "{vi}");
}

#[test]
fn issue_11_the_first_language_is_unchanged_and_warns_about_nothing() {
    let site = compiled(&full_with_english());
    let (vi, warnings) = localize(&site.data, Lang::Vi);
    assert!(warnings.is_empty());
    assert!(vi.fallbacks.is_empty());
    let i = vi.indicator("ho-ngheo").unwrap();
    assert_eq!(vi.indicators[i].indicator.title, "Tỷ lệ hộ nghèo");
    assert_eq!(vi.geo.units[vi.geo.root.unwrap()].full_name(), "tỉnh Thử Nghiệm");
}

#[test]
fn issue_11_a_chart_of_the_english_edition_has_english_words_and_numbers() {
    let test = full_with_english();
    let site = compiled(&test);
    let (en, _) = english(&site);
    let strings = english_strings(&test);
    let w = Words { strings: &strings, lang: Lang::En };
    let i = en.data.indicator("ho-ngheo").unwrap();
    let home = en.data.indicators[i].headline.unwrap();
    let chart = gazette::render::data::charts::trend(&w, &en, i, home, "ho-ngheo-trend").unwrap();
    assert!(chart.svg_html.contains("Target"), "{}", chart.svg_html);
    assert!(!chart.svg_html.contains("Mục tiêu"));
    assert!(chart.svg_html.contains("18.0"), "{}", chart.svg_html);
    assert!(!chart.svg_html.contains("18,0"));
    insta::assert_snapshot!("i18n_english_trend_chart", chart.svg_html);
    assert_eq!(chart.table.rows[0][1], "30.0\u{a0}%");
}

#[test]
fn issue_11_the_sentence_of_the_english_edition_names_the_indicator_and_unit_in_english() {
    let test = full_with_english();
    let site = compiled(&test);
    let (en, _) = english(&site);
    let strings = english_strings(&test);
    let w = Words { strings: &strings, lang: Lang::En };
    let i = en.data.indicator("ho-ngheo").unwrap();
    let entry = &en.data.indicators[i];
    let home = entry.headline.unwrap();
    let points = &entry.indicator.total(home).unwrap().points;
    let sentence = w.sentence(&entry.indicator, &en.data.geo.units[home], points, Some(2021), None).unwrap();
    assert_eq!(
        sentence,
        "In 2025, the poor household rate of Thử Nghiệm Province was 18.0\u{a0}%, down 3.0\u{a0}percentage \
         points on 2024; an average fall of 3.0\u{a0}percentage points a year since 2021."
    );
    let p = 0;
    let target = &en.data.programmes[p].programme.targets[0];
    let phrase = w.target_phrase(target, &en.data.indicators[target.indicator].indicator);
    assert_eq!(phrase, "a fall of ≥ 3\u{a0}percentage points a year");
}

#[test]
fn issue_11_the_sample_site_has_every_statistics_text_in_english() {
    let opts = gazette::site::BuildOptions {
        root: std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        output: std::env::temp_dir().join("gazette-i18n-unused"),
        base_url: None,
        drafts: false,
    };
    let site = gazette::site::compile(&opts).unwrap_or_else(|e| panic!("{e}")).site().clone();
    let (en, warnings) = localize(&site.data, Lang::En);
    let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{}", shown.join("\n"));
    let i = en.indicator("ho-ngheo").unwrap();
    assert_eq!(en.indicators[i].indicator.title, "Poor household rate (multidimensional poverty standard)");
    assert_eq!(en.themes[0].name, "Poverty reduction");
    assert!(en.programmes[0].summary_html.contains("Resolution of the Provincial People"));
}

#[test]
fn issue_11_views_name_the_fallen_back_texts_for_a_lang_attribute() {
    let test = full_with_english();
    let site = compiled(&test);
    let (en, _) = english(&site);
    let strings = english_strings(&test);
    let w = Words { strings: &strings, lang: Lang::En };
    let i = en.data.indicator("ho-ngheo").unwrap();
    let view = serde_json::to_value(gazette::render::data::indicator::view(&w, &en, i)).unwrap();
    assert_eq!(view["fallback"]["source"], "vi");
    assert_eq!(view["fallback"]["revisions.2025-03-01.note"], "vi");
    assert!(view["fallback"]["title"].is_null());
    assert_eq!(view["title"], "Poor household rate");
    // dates of the English edition are written the English way
    assert_eq!(view["updated"], "20 December 2025");
    // the Vietnamese edition has nothing to mark
    let strings_vi = {
        let theme = gazette::site::load::load_theme(&test.root, "default").unwrap();
        Strings::load(&theme.i18n, Lang::Vi).unwrap()
    };
    let w = Words { strings: &strings_vi, lang: Lang::Vi };
    let view = serde_json::to_value(gazette::render::data::indicator::view(&w, &site, i)).unwrap();
    assert_eq!(view["fallback"], serde_json::json!({}));
    assert_eq!(view["updated"], "20/12/2025");
}

#[test]
fn issue_11_editions_localize_every_language_after_the_first_and_gather_the_warnings() {
    let site = compiled(&full_with_english());
    let (editions, warnings) = gazette::model::localize::editions(&site.data, &[Lang::Vi, Lang::En]);
    assert_eq!(editions.len(), 1);
    assert_eq!(editions[0].0, Lang::En);
    assert_eq!(editions[0].1.lang, Lang::En);
    assert_eq!(warnings.len(), localize(&site.data, Lang::En).1.len());
    assert!(gazette::model::localize::editions(&site.data, &[Lang::Vi]).1.is_empty());
}

/// The sample site's English edition of one page, as the build renders it (edition 1).
fn sample_english_page(kind: &gazette::model::PageKind) -> String {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let opts = gazette::site::BuildOptions {
        root,
        output: std::env::temp_dir().join("gazette-i18n-unused"),
        base_url: None,
        drafts: false,
    };
    let compiled = gazette::site::compile(&opts).unwrap_or_else(|e| panic!("{e}"));
    let page = compiled.plan.iter().find(|p| &p.kind == kind && p.edition == 1).unwrap();
    String::from_utf8(compiled.render(page).unwrap()).unwrap()
}

#[test]
fn issue_11_the_english_indicator_page_of_the_sample_is_in_english() {
    let i = {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let opts = gazette::site::BuildOptions {
            root,
            output: std::env::temp_dir().join("gazette-i18n-unused"),
            base_url: None,
            drafts: false,
        };
        gazette::site::compile(&opts).unwrap().site().data.indicator("ho-ngheo").unwrap()
    };
    let html = sample_english_page(&gazette::model::PageKind::Indicator(i));
    let main = crate::harness::main_of(&html);
    assert!(main.contains("Poor household rate (multidimensional poverty standard)"), "{main}");
    assert!(main.contains("Department of Agriculture and Environment of Sơn Cao Province"));
    assert!(
        main.contains(
            "In 2025, the poor household rate (multidimensional poverty standard) of Sơn Cao Province was"
        ),
        "{main}"
    );
    assert!(main.contains("20 December 2025"), "{main}");
    assert!(!main.contains("Tỷ lệ hộ nghèo"), "{main}");
    assert!(!main.contains("Sở Nông nghiệp"), "{main}");
    if std::env::var("I18N_DUMP").is_ok() {
        std::fs::write("/tmp/i18n-en.html", main).unwrap();
    }
}

#[test]
fn issue_11_a_text_without_translation_shows_in_the_original_language_marked_with_lang() {
    // the `full` fixture's English for ho-ngheo has a title but no source: the English edition
    // shows the Vietnamese source, and says so to screen readers (lang="vi"), title untouched
    let site = full_with_english();
    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{yaml}languages: [vi, en]\n"));
    let built = site.build().unwrap_or_else(|e| panic!("{e}"));
    let html = built.read("en/indicators/ho-ngheo/index.html");
    assert!(html.contains("<h1>Poor household rate</h1>"), "{html}");
    let source = html.split("<dd lang=\"vi\">").nth(1).expect("the untranslated source is marked lang=vi");
    assert!(!source.starts_with("Poor"), "{source}");
    // the Vietnamese edition marks nothing
    let vi = built.read("indicators/ho-ngheo/index.html");
    assert!(!vi.contains("<dd lang=\"vi\">"), "nothing is marked in the first language's own edition");
}
