//! Tests of the `source` room.

use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    title: String,
    count: Option<u32>,
}

#[test]
fn line_col_counts_characters() {
    let text = "ab\nđắk x";
    assert_eq!(line_col(text, 0), (1, 1));
    assert_eq!(line_col(text, 3), (2, 1));
    let x = text.find('x').unwrap();
    assert_eq!(line_col(text, x), (2, 5));
    assert_eq!(line_col(text, 999), (2, 6));
}

#[test]
fn source_file_strips_bom_and_crlf() {
    let f = SourceFile::new("a.md", "\u{feff}a\r\nb\r\n");
    assert_eq!(f.text, "a\nb\n");
}

#[test]
fn unknown_field_suggests_the_closest() {
    let y = YamlText { path: "content/news/a.md", text: "title: x\ntittle: y\n", first_line: 2 };
    let err = y.parse::<Item>("front matter").unwrap_err();
    assert_eq!(err.location, Some(Location::at("content/news/a.md", 3, 1)));
    assert!(err.message.contains("unknown field `tittle`"), "{}", err.message);
    assert!(err.help.unwrap().starts_with("did you mean `title`?"));
}

#[test]
fn wrong_type_says_what_was_expected() {
    let y = YamlText { path: "x.yaml", text: "title: x\ncount: many\n", first_line: 1 };
    let err = y.parse::<Item>("the file").unwrap_err();
    assert!(err.message.starts_with("expected a whole number"), "{}", err.message);
    assert_eq!(err.location.unwrap().line, 2);
}

#[test]
fn locator_finds_nested_values() {
    let text = "a: 1\nseries:\n  - geo: x\n    values: {2019: 3, 2020: 4}\n  - geo: y\n";
    assert_eq!(YamlLocator::find(text, &["a"]), Some((1, 4)));
    assert_eq!(YamlLocator::find(text, &["series", "1", "geo"]), Some((5, 10)));
    assert_eq!(YamlLocator::find(text, &["series", "0", "values", "2020"]), Some((4, 29)));
    assert_eq!(YamlLocator::find(text, &["nope"]), None);
}

#[test]
fn locator_finds_list_items() {
    let text = "tags:\n  - a\n  - b\nrelated: [x, y]\n";
    assert_eq!(YamlLocator::find(text, &["tags", "1"]), Some((3, 5)));
    assert_eq!(YamlLocator::find(text, &["related", "1"]), Some((4, 14)));
}

#[test]
fn the_index_answers_like_the_locator_for_every_path() {
    let text = "a: 1\nseries:\n  - geo: x\n    values: {2019: 3, 2020: 4}\n  - geo: y\na: 2\n";
    let index = YamlIndex::build(text);
    assert!(index.find(&[]).is_some());
    assert_eq!(index.find(&["a"]), Some((1, 4)), "the first of two equal keys");
    assert_eq!(index.find(&["series", "0", "values", "2020"]), Some((4, 29)));
    assert!(index.find(&["series", "1"]).is_some());
    assert_eq!(index.find(&["series", "2"]), None);
    assert_eq!(index.find(&["a", "b"]), None);
}

#[test]
fn locating_100000_duplicates_reads_the_text_once_issue_8() {
    // with a re-read of the text per look-up this takes hours; with the index, seconds
    let text = format!("observations:\n{}", "  - {geo: a, year: 2021, value: 1}\n".repeat(100_000));
    let places = YamlPlaces::new(YamlText { path: "x.yaml", text: &text, first_line: 1 });
    for i in (0..100_000).step_by(7) {
        assert_eq!(places.locate(&["observations", &i.to_string(), "year"]).line, i + 2);
    }
}

#[test]
fn deep_nesting_is_refused_before_the_parser_sees_it_issue_8() {
    let text = format!("title: {}\n", "[".repeat(100_000));
    let y = YamlText { path: "content/news/a.md", text: &text, first_line: 2 };
    let err = y.parse::<Item>("front matter").unwrap_err();
    assert_eq!(err.location, Some(Location::at("content/news/a.md", 2, 208)));
    assert!(err.message.contains("nested more than 200 levels"), "{}", err.message);
}

#[test]
fn nul_characters_in_yaml_are_errors_issue_8() {
    let y = YamlText { path: "x.yaml", text: "title: \"a\\0b\"\n", first_line: 1 };
    let err = y.parse::<Item>("the file").unwrap_err();
    assert_eq!(err.location, Some(Location::at("x.yaml", 1, 10)));
    assert!(err.message.contains("NUL"), "{}", err.message);
    let y = YamlText { path: "x.yaml", text: "title: a\0b\n", first_line: 1 };
    let err = y.parse::<Item>("the file").unwrap_err();
    assert!(err.message.contains("control character"), "{}", err.message);
}
