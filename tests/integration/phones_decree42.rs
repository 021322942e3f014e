//! Issue 12 (phones, print and Decree 42): the site map for people, contact details from one
//! place in site.yaml, links to other state portals, and the order of "Tin khác".

use crate::harness::{SiteTest, main_of};

fn news(slug: &str, date: &str, category: &str, tags: &str) -> (String, String) {
    (
        format!("content/news/{date}-{slug}.md"),
        format!(
            "---\ntitle: Tin {slug}\ndate: {date}\ncategory: {category}\ntags: [{tags}]\n---\nNội dung {slug}.\n"
        ),
    )
}

const CONTACT: &str = "contact:\n  address: Số 8 đường 19/5 & <phố>\n  phone: 0200 381 0101\n  hotline: 0200 381 0000\n  email: vanphong@soncao.example\n";

/// The `<dl class="contact">` element of a piece of HTML.
fn contact_list(html: &str) -> &str {
    let start = html.find("<dl class=\"contact\">").expect("a contact list");
    let end = start + html[start..].find("</dl>").unwrap() + "</dl>".len();
    &html[start..end]
}

#[test]
fn site_map_lists_the_menu_news_sections_categories_pages_and_statistics() {
    // issue 12: Decree 42 asks for a site map for people
    let built = SiteTest::from_fixture("full").build().unwrap();
    let html = built.read("so-do-cong/index.html");
    let main = main_of(&html);
    assert!(main.contains("<h1>Sơ đồ cổng</h1>"), "{main}");
    for link in [
        "href=\"/news/\"",
        "href=\"/gioi-thieu/\"",
        "href=\"https://chinhphu.vn/\"",
        "href=\"/categories/giam-ngheo/\"",
        "href=\"/lien-he/\"",
        "href=\"/indicators/\"",
        "href=\"/indicators/ho-ngheo/\"",
        "href=\"/geo/\"",
        "href=\"/data/\"",
    ] {
        assert!(main.contains(link), "the site map lacks {link}: {main}");
    }
    assert!(built.read("sitemap.xml").contains("/so-do-cong/</loc>"));
    assert!(html.contains("href=\"/so-do-cong/\""), "the footer links the site map");
}

#[test]
fn site_map_of_a_site_without_statistics_has_no_statistics_section() {
    let site = SiteTest::with_config("menu:\n  - name: Tin tức\n    url: /news/\n");
    let (path, text) = news("a", "2025-01-02", "Thông báo", "x");
    site.write(&path, &text);
    let built = site.build().unwrap();
    let main = main_of(&built.read("so-do-cong/index.html")).to_string();
    assert!(main.contains("href=\"/categories/thong-bao/\""), "{main}");
    assert!(!main.contains("href=\"/indicators/\""), "{main}");
}

#[test]
fn footer_and_contact_page_show_the_same_contact_details_from_site_yaml() {
    // issue 12: the footer and the contact page gave different addresses, phones and e-mails
    let site = SiteTest::with_config(CONTACT);
    site.write("content/pages/lien-he.md", "---\ntitle: Liên hệ\n---\n## Văn phòng\n\n{{ contact() }}\n");
    let built = site.build().unwrap();
    let html = built.read("lien-he/index.html");
    let footer = &html[html.find("<footer class=\"site-footer\"").unwrap()..];
    let in_page = contact_list(main_of(&html));
    assert_eq!(in_page, contact_list(footer));
    assert!(in_page.contains("Số 8 đường 19/5 &amp; &lt;phố&gt;"), "{in_page}");
    assert!(in_page.contains("href=\"tel:02003810101\""), "{in_page}");
    assert!(in_page.contains("href=\"mailto:vanphong@soncao.example\""), "{in_page}");
    assert!(in_page.contains("0200 381 0000"), "the hotline: {in_page}");
    let home = built.read("index.html");
    assert_eq!(contact_list(&home[home.find("<footer").unwrap()..]), in_page);
}

#[test]
fn contact_shortcode_takes_no_arguments() {
    let site = SiteTest::with_config(CONTACT);
    site.write("content/pages/lien-he.md", "---\ntitle: Liên hệ\n---\n{{ contact(office=\"so-y-te\") }}\n");
    let errors = site.errors();
    assert!(errors.contains("the shortcode `contact` has no argument `office`"), "{errors}");
    assert!(errors.contains("content/pages/lien-he.md:4"), "{errors}");
}

#[test]
fn portals_are_listed_in_the_footer_with_names_escaped() {
    let site = SiteTest::with_config(
        "portals:\n  - name: Cổng <Chính phủ> & \"dân\"\n    url: https://chinhphu.vn/?a=1&b=2\n",
    );
    let built = site.build().unwrap();
    let html = built.read("404.html");
    let footer = &html[html.find("<footer").unwrap()..];
    assert!(
        footer.contains(
            "<a href=\"https://chinhphu.vn/?a=1&amp;b=2\">Cổng &lt;Chính phủ&gt; &amp; &quot;dân&quot;</a>"
        ),
        "{footer}"
    );
}

#[test]
fn a_portal_address_that_is_not_a_web_address_is_an_error_at_its_line() {
    let site = SiteTest::with_config(
        "portals:\n  - name: Chính phủ\n    url: https://chinhphu.vn/\n  - name: Lừa\n    url: javascript:alert(1)\n",
    );
    let errors = site.errors();
    assert!(errors.contains("content/site.yaml:7"), "{errors}");
    assert!(errors.contains("portal url"), "{errors}");
}

#[test]
fn other_news_prefers_items_sharing_a_category_or_tag_then_the_newest_in_date_order() {
    // issue 12: "Tin khác" was not in date order; related items first, then the newest
    let site = SiteTest::with_config("other_news: 3\n");
    for (slug, date, category, tags) in [
        ("moi-nhat", "2025-06-01", "Y tế", "khac"),
        ("cung-the", "2025-05-01", "Giáo dục", "truong"),
        ("moi-nhi", "2025-04-01", "Y tế", "khac"),
        ("cung-chuyen-muc", "2025-02-01", "Giáo dục", "khac"),
        ("dang-xem", "2025-03-01", "Giáo dục", "truong"),
        ("cu", "2025-01-01", "Y tế", "khac"),
    ] {
        let (path, text) = news(slug, date, category, tags);
        site.write(&path, &text);
    }
    let built = site.build().unwrap();
    let html = built.read("news/dang-xem/index.html");
    let start = html.find("class=\"other-news").unwrap();
    let section = &html[start..start + html[start..].find("</ul>").unwrap()];
    let links: Vec<&str> =
        section.split("<li><a href=\"/news/").skip(1).map(|s| &s[..s.find('/').unwrap()]).collect();
    // both items sharing "Giáo dục" are chosen, then the newest other item; newest first
    assert_eq!(links, ["moi-nhat", "cung-the", "cung-chuyen-muc"], "{section}");
}

#[test]
fn indicator_data_table_puts_the_latest_year_first() {
    // issue 12: on a phone the latest years were pushed off-screen
    let built = SiteTest::from_fixture("full").build().unwrap();
    let html = built.read("indicators/ho-ngheo/index.html");
    let start = html.find("<section class=\"data-table\">").unwrap();
    let head = &html[start..start + html[start..].find("</thead>").unwrap()];
    let years: Vec<i32> = head
        .split("<th scope=\"col\">")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].parse().unwrap())
        .collect();
    assert!(years.len() >= 2, "{head}");
    assert!(years.windows(2).all(|w| w[0] > w[1]), "newest first: {years:?}");
}
