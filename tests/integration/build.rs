//! Whole builds: output trees, determinism, overrides, options.

use crate::harness::SiteTest;

#[test]
fn minimal_site_output_tree() {
    let built = SiteTest::from_fixture("minimal").build().unwrap();
    insta::assert_snapshot!(built.tree_text());
}

#[test]
fn two_builds_are_byte_identical() {
    let site = SiteTest::from_fixture("full");
    let first = site.build().unwrap().tree_text();
    let second = site.build().unwrap().tree_text();
    assert!(first.len() > 10_000);
    assert!(first == second, "the second build differs from the first");
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = SiteTest::from_fixture("full");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ item.title }}</h1><p class=\"mine\">Mẫu riêng</p>{% endblock main %}",
    );
    let built = site.build().unwrap();
    assert!(built.read("gioi-thieu/index.html").contains("<p class=\"mine\">Mẫu riêng</p>"));
    // other templates still come from the theme
    assert!(built.read("news/index.html").contains("class=\"card-list\""));
}

#[test]
fn a_theme_folder_of_the_site_is_used() {
    let site = SiteTest::from_fixture("minimal");
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    for entry in
        walkdir::WalkDir::new(&theme).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file())
    {
        let rel = entry.path().strip_prefix(&theme).unwrap().to_string_lossy().replace('\\', "/");
        let mut text = std::fs::read_to_string(entry.path()).unwrap();
        if rel == "templates/404.html" {
            text = text
                .replace("{{ t.not_found_title }}</h1>", "{{ t.not_found_title }} (giao diện riêng)</h1>");
        }
        site.write(&format!("themes/rieng/{rel}"), &text);
    }
    site.write("content/site.yaml", "title: x\nbase_url: https://example.gov.vn\ntheme: rieng\n");
    let built = site.build().unwrap();
    assert!(built.read("404.html").contains("Không tìm thấy trang (giao diện riêng)</h1>"));
}

#[test]
fn site_strings_override_the_theme_strings() {
    let site = SiteTest::from_fixture("minimal");
    site.write("i18n/vi.yaml", "other_news: Các tin liên quan\n");
    site.write("content/news/b.md", "---\ntitle: B\ndate: 2025-01-01\n---\nb\n");
    let built = site.build().unwrap();
    assert!(
        built.read("news/xin-chao/index.html").contains("<h2 class=\"box-title\">Các tin liên quan</h2>")
    );
}

#[test]
fn drafts_are_built_only_on_request() {
    let site = SiteTest::from_fixture("full");
    let built = site.build().unwrap();
    assert_eq!(built.report.news, 6);
    assert!(!built.exists("news/ban-nhap/index.html"));
    assert!(!built.read("sitemap.xml").contains("ban-nhap"));
    let mut opts = site.options();
    opts.drafts = true;
    let built = site.build_with(opts).unwrap();
    assert!(built.exists("news/ban-nhap/index.html"));
}

#[test]
fn a_base_url_with_a_path_prefixes_every_internal_link() {
    let site = SiteTest::from_fixture("full");
    let mut opts = site.options();
    opts.base_url = Some("https://org.github.io/cong/".into());
    let built = site.build_with(opts).unwrap();
    let article = built.read("news/tong-ket-giam-ngheo/index.html");
    assert!(article.contains("href=\"/cong/news/khoi-cong-cau-treo/\""), "markdown links get the prefix");
    assert!(article.contains("href=\"/cong/assets/site.css\""));
    assert!(
        article.contains(
            "<link rel=\"canonical\" href=\"https://org.github.io/cong/news/tong-ket-giam-ngheo/\">"
        )
    );
    assert!(!article.contains("href=\"/news/"), "no link may miss the prefix");
    assert!(built.read("robots.txt").contains("Sitemap: https://org.github.io/cong/sitemap.xml"));
}

#[test]
fn static_files_of_site_and_theme_are_copied() {
    let site = SiteTest::from_fixture("full");
    site.write("static/favicon.ico", "icon");
    site.write("static/assets/site.css", "/* the site's own stylesheet */");
    let built = site.build().unwrap();
    assert_eq!(built.read("favicon.ico"), "icon");
    assert_eq!(built.read("assets/site.css"), "/* the site's own stylesheet */");
    assert!(built.exists("assets/favicon.svg"));
    assert!(built.exists("media/cau-treo.svg"));
}
