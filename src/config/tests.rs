//! Tests of the `config` room.

use super::*;

fn parse(text: &str) -> Result<Config, Errors> {
    parse_config(&SourceFile::new("content/site.yaml", text), None)
}

#[test]
fn applies_defaults() {
    let c = parse("title: Cổng\nbase_url: https://example.gov.vn/\n").unwrap();
    assert_eq!(c.base_url, "https://example.gov.vn");
    assert_eq!(c.base_path, "");
    assert_eq!(c.lang, Lang::Vi);
    assert_eq!(c.tz_offset, 420);
    assert_eq!(c.per_page, 10);
    assert_eq!(c.url("/news/"), "/news/");
}

#[test]
fn keeps_a_base_path() {
    let c = parse("title: x\nbase_url: https://org.github.io/portal/\n").unwrap();
    assert_eq!(c.base_path, "/portal");
    assert_eq!(c.url("/news/"), "/portal/news/");
    assert_eq!(c.absolute("/news/"), "https://org.github.io/portal/news/");
}

#[test]
fn reports_every_bad_value_at_once() {
    let errors = parse("title: x\nbase_url: example.gov.vn\nlanguage: fr\nper_page: 0\n").unwrap_err();
    let messages: Vec<_> =
        errors.0.iter().map(|e| (e.location.clone().unwrap().line, e.message.clone())).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert_eq!(messages[0].0, 2);
    assert!(messages[0].1.contains("must start with https://"));
    assert!(messages[1].1.contains("language `fr`"));
    assert!(messages[2].1.contains("per_page must be between 1 and 200"));
}

#[test]
fn unknown_key_is_an_error_with_suggestion() {
    let errors = parse("title: x\nbase_url: https://a.vn\nper_pgae: 5\n").unwrap_err();
    assert_eq!(errors.0[0].help.as_deref().map(|h| h.starts_with("did you mean `per_page`?")), Some(true));
}

#[test]
fn reads_utc_offsets() {
    assert_eq!(parse_offset("+07:00"), Some(420));
    assert_eq!(parse_offset("-0530"), Some(-330));
    assert_eq!(parse_offset("7"), None);
}

#[test]
fn a_menu_link_to_another_host_is_not_a_site_path_issue_8() {
    let c = parse(
        "title: x\nbase_url: https://example.gov.vn/portal\nmenu:\n  - {name: a, url: //evil.example/x}\n  - {name: b, url: /news/}\n  - {name: c, url: \"tel:+84123\"}\n",
    )
    .unwrap();
    let internal: Vec<bool> = c.menu.iter().map(|m| m.internal).collect();
    assert_eq!(internal, [false, true, false]);
}

#[test]
fn a_script_licence_url_is_an_error_at_its_line_issue_8() {
    let text =
        "title: x\nbase_url: https://example.gov.vn\ndata:\n  licence_url: \"  JaVaScRiPt:alert(1)\"\n";
    let errors = parse(text).unwrap_err();
    let e = &errors.0[0];
    assert_eq!(e.location.as_ref().map(|l| (l.line, l.column)), Some((4, 16)), "{e}");
    assert!(e.message.starts_with("licence_url `  JaVaScRiPt:alert(1)`"), "{e}");
    assert!(parse("title: x\nbase_url: https://example.gov.vn\ndata:\n  licence_url: https://creativecommons.org/licenses/by/4.0/\n").is_ok());
}
