//! Tests of the `markdown` room.

use super::*;

fn render(md: &str) -> Body {
    render_with(md, false, "")
}

fn render_with(md: &str, allow_raw_html: bool, base_path: &str) -> Body {
    let file = SourceFile::new("content/news/a.md", md);
    let opts = MarkdownOptions {
        allow_raw_html,
        base_path,
        reserved_ids: &["main-content"],
        labels: MarkdownLabels { table: "Bảng", task_done: "Xong", task_open: "Chưa xong" },
        shortcodes: true,
    };
    render_markdown(&file, 0, &opts).unwrap()
}

#[test]
fn headings_get_ascii_ids_without_duplicates() {
    let b = render("## Kiến nghị, đề xuất\n\n## Kiến nghị, đề xuất\n\n## Main content\n");
    assert!(b.html.contains("<h2 id=\"kien-nghi-de-xuat\">"), "{}", b.html);
    assert!(b.html.contains("<h2 id=\"kien-nghi-de-xuat-1\">"));
    assert!(b.html.contains("<h2 id=\"main-content-1\">"));
}

#[test]
fn extensions_are_on() {
    let b = render("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n[^1]: chú thích\n\n- [x] xong\n");
    assert!(
        b.html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng\">")
    );
    assert!(b.html.contains("<td style=\"text-align: right\">2</td>"));
    assert!(b.html.contains("<del>x</del>"));
    assert!(b.html.contains("footnote-definition"));
    assert!(
        b.html.contains("<li><input type=\"checkbox\" disabled checked aria-label=\"Xong\"> xong</li>"),
        "{}",
        b.html
    );
}

#[test]
fn raw_html_is_sanitised_unless_allowed() {
    let md = "<script>alert(1)</script>\n\n<p onclick=\"x()\">Chào</p>\n\n[a](javascript:alert(1))\n";
    let b = render(md);
    assert!(!b.html.contains("script"), "{}", b.html);
    assert!(!b.html.contains("onclick"));
    assert!(!b.html.contains("javascript"));
    assert!(b.html.contains("Chào"));
    let b = render_with(md, true, "");
    assert!(b.html.contains("<script>"));
}

#[test]
fn site_links_are_recorded_and_prefixed() {
    let b = render_with("[x](/news/a/) [y](https://chinhphu.vn/) ![z](/media/a.svg)\n", false, "/portal");
    assert!(b.html.contains("href=\"/portal/news/a/\""));
    assert!(b.html.contains("src=\"/portal/media/a.svg\""));
    let targets: Vec<_> = b.links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(targets, ["/news/a/", "/media/a.svg"]);
    assert_eq!(b.links[0].offset, 0);
}

#[test]
fn shortcodes_become_placeholders() {
    let md = "Mở đầu.\n\n{{ chart(indicator=\"ho-ngheo\") }}\n\nTỷ lệ là {{ value(indicator=\"ho-ngheo\") }} năm nay.\n";
    let b = render(md);
    assert_eq!(b.shortcodes.len(), 2);
    assert!(b.shortcodes[0].block);
    assert!(!b.shortcodes[1].block);
    assert_eq!(b.shortcodes[0].offset, md.find("{{").unwrap());
    assert!(b.html.contains("\u{E000}0\u{E001}\n"));
    assert!(b.html.contains("Tỷ lệ là \u{E000}1\u{E001} năm nay."), "{}", b.html);
    assert!(!b.html.contains("<p>\u{E000}0"));
}

#[test]
fn unknown_or_broken_shortcodes_are_errors_with_lines() {
    let file = SourceFile::new("a.md", "x\n\n{{ chrt(indicator=\"a\") }}\n\n{{ chart(indicator=a b) }}\n");
    let opts = MarkdownOptions {
        allow_raw_html: false,
        base_path: "",
        reserved_ids: &[],
        labels: MarkdownLabels::default(),
        shortcodes: true,
    };
    let errors = render_markdown(&file, 0, &opts).unwrap_err();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors.0[0].location.as_ref().unwrap().line, 3);
    assert!(errors.0[0].message.contains("unknown shortcode `chrt`"));
    assert_eq!(errors.0[1].location.as_ref().unwrap().line, 5);
}

#[test]
fn counts_words_and_keeps_the_first_paragraph() {
    let b = render("# Tiêu đề\n\nMột hai ba bốn.\n\nNăm sáu.\n");
    assert_eq!(b.words, 8);
    assert_eq!(b.first_paragraph, "Một hai ba bốn.");
}
