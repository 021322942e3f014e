//! The news portal: every page kind, feeds, sitemap, slugs, taxonomies, pagination.

use crate::harness::{Built, SiteTest, main_of};

fn full() -> Built {
    SiteTest::from_fixture("full").build().unwrap()
}

#[test]
fn page_kinds_render_as_expected() {
    let built = full();
    for (name, file) in [
        ("home", "index.html"),
        ("news_list_page_1", "news/index.html"),
        ("news_list_page_2", "news/page/2/index.html"),
        ("article", "news/tong-ket-giam-ngheo/index.html"),
        ("article_with_image", "news/khoi-cong-cau-treo/index.html"),
        ("static_page", "gioi-thieu/index.html"),
        ("categories_index", "categories/index.html"),
        ("tags_index", "tags/index.html"),
        ("category_page", "categories/giam-ngheo/index.html"),
        ("tag_page", "tags/hoc-sinh-ban-tru/index.html"),
        ("not_found", "404.html"),
    ] {
        insta::assert_snapshot!(format!("page_{name}"), main_of(&built.read(file)));
    }
    insta::assert_snapshot!("page_article_whole", built.read("news/tong-ket-giam-ngheo/index.html"));
    insta::assert_snapshot!("alias_redirect", built.read("tin-tuc/khoi-cong-cau-treo.html"));
}

#[test]
fn feeds_and_sitemap_use_absolute_urls() {
    let built = full();
    insta::assert_snapshot!("rss", built.read("rss.xml"));
    insta::assert_snapshot!("rss_category", built.read("categories/giam-ngheo/rss.xml"));
    insta::assert_snapshot!("sitemap", built.read("sitemap.xml"));
    assert_eq!(
        built.read("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://thu-nghiem.example.gov.vn/sitemap.xml\n"
    );
    let rss = built.read("rss.xml");
    assert_eq!(rss.matches("<item>").count(), 3, "feed_limit is 3");
    assert!(!rss.contains("ban-nhap"), "drafts stay out of feeds");
}

#[test]
fn every_page_has_lang_canonical_description_and_open_graph() {
    let built = full();
    for file in built
        .files()
        .iter()
        // admin/: the editor page (issue 13) is no page of the site: no canonical, not indexed
        .filter(|f| {
            f.ends_with(".html")
                && !f.starts_with("tin-tuc/")
                && !f.starts_with("admin/")
                && f.as_str() != "gioi-thieu.html"
        })
    {
        let html = built.read(file);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"), "{file}");
        assert!(html.contains("<link rel=\"canonical\" href=\"https://thu-nghiem.example.gov.vn/"), "{file}");
        assert!(html.contains("<meta name=\"description\" content=\""), "{file}");
        assert!(html.contains("<meta property=\"og:title\""), "{file}");
    }
}

#[test]
fn user_text_is_escaped_and_raw_html_sanitised() {
    let built = full();
    let html = built.read("news/hoc-sinh-ban-tru/index.html");
    assert!(html.contains("<h1>Học sinh bán trú &lt;được&gt; hỗ trợ &amp; chăm lo</h1>"), "{html}");
    assert!(!html.contains("<được>"));
    let rss = built.read("rss.xml");
    // issue 8: RSS titles are read as HTML, so the text is escaped for HTML, then for XML
    assert!(rss.contains("<title>Học sinh bán trú &amp;lt;được&amp;gt; hỗ trợ &amp;amp; chăm lo</title>"));
    let article = built.read("news/tong-ket-giam-ngheo/index.html");
    assert!(!article.contains("<script>alert"), "scripts are removed");
    assert!(!article.contains("onclick"), "event handlers are removed");
    assert!(article.contains("Đoạn văn có mã độc."), "the text itself stays");
}

#[test]
fn raw_html_is_kept_when_the_site_opts_in() {
    let site = SiteTest::from_fixture("full");
    let config = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{config}allow_raw_html: true\n"));
    let article = site.build().unwrap().read("news/tong-ket-giam-ngheo/index.html");
    assert!(article.contains("<script>alert(\"x\")</script>"));
}

#[test]
fn terms_differing_in_case_or_diacritics_are_one_term() {
    let built = full();
    // "Giảm nghèo" and "giảm nghèo" → one category; "HỌC SINH BÁN TRÚ" and "Học sinh bán trú" → one tag
    let page = built.read("categories/giam-ngheo/index.html");
    assert!(page.contains("Tổng kết công tác giảm nghèo năm 2024"));
    assert!(page.contains("Giảm nghèo: mô hình nuôi bò sinh sản"));
    let names: Vec<_> = built
        .files()
        .into_iter()
        .filter(|f| f.starts_with("categories/") && f.ends_with("/index.html") && !f.contains("/page/"))
        .collect();
    assert_eq!(
        names,
        [
            "categories/giam-ngheo/index.html",
            "categories/giao-duc/index.html",
            "categories/ha-tang/index.html",
            "categories/index.html",
            "categories/y-te/index.html"
        ]
    );
    assert!(built.exists("tags/hoc-sinh-ban-tru/index.html"));
    assert!(built.exists("tags/chuong-trinh-muc-tieu-quoc-gia/index.html"));
}

#[test]
fn other_news_includes_related_items_and_is_in_date_order() {
    let built = full();
    let html = built.read("news/tong-ket-giam-ngheo/index.html");
    let start = html.find("class=\"other-news").unwrap();
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    let list_start = section.find("<ul class=\"link-list\">").unwrap();
    let other = &section[list_start..list_start + section[list_start..].find("</ul>").unwrap()];
    assert!(other.contains("<li><a href=\"/news/khoi-cong-cau-treo/\""), "{other}");
    assert_eq!(other.matches("<li><a href=\"/news/").count(), 3, "other_news is 3");
    // issue 12: newest first
    let dates: Vec<&str> =
        other.split("<time datetime=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "{other}");
}

#[test]
fn bom_and_crlf_files_are_read() {
    let built = full();
    let html = built.read("news/nuoi-bo-sinh-san/index.html");
    assert!(html.contains("<h1>Giảm nghèo: mô hình nuôi bò sinh sản</h1>"));
    assert!(html.contains("<time datetime=\"2025-01-15T09:00:00+07:00\">15/01/2025 09:00</time>"));
}

/// Pagination edges: 0, 1, exactly per_page and per_page + 1 items.
#[test]
fn pagination_edges() {
    for (n, pages) in [(0, 1), (1, 1), (3, 1), (4, 2)] {
        let site = SiteTest::with_config("per_page: 3\n");
        for i in 0..n {
            site.write(
                &format!("content/news/tin-{i}.md"),
                &format!("---\ntitle: Tin số {i}\ndate: 2025-01-{:02}\ncategory: Y tế\n---\nx\n", i + 1),
            );
        }
        let built = site.build().unwrap();
        let list = built.read("news/index.html");
        assert_eq!(list.matches("<article class=\"card").count(), n.min(3), "{n} items");
        assert_eq!(built.exists("news/page/2/index.html"), pages == 2, "{n} items");
        assert!(!built.exists("news/page/3/index.html"));
        assert_eq!(list.contains("class=\"pager\""), pages > 1, "{n} items: pager only when needed");
        if n == 0 {
            assert!(list.contains("<p>Chưa có tin nào.</p>"));
        }
        if pages == 2 {
            let second = built.read("news/page/2/index.html");
            assert_eq!(second.matches("<article class=\"card").count(), 1);
            assert!(second.contains("rel=\"prev\""));
            assert!(second.contains("<a href=\"/news/page/2/\" aria-current=\"page\">"));
            assert!(built.exists("categories/y-te/page/2/index.html"));
        }
    }
}

#[test]
fn slugs_come_from_file_names_or_titles() {
    let site = SiteTest::with_config("slugs: title\n");
    site.write("content/news/a.md", "---\ntitle: Phấn đấu giảm tỷ lệ hộ nghèo\ndate: 2025-01-01\n---\nx\n");
    site.write("content/news/b.md", "---\ntitle: Khác\nslug: Đường về bản\ndate: 2025-01-01\n---\nx\n");
    let built = site.build().unwrap();
    assert!(built.exists("news/phan-dau-giam-ty-le-ho-ngheo/index.html"));
    assert!(built.exists("news/duong-ve-ban/index.html"));
}
