//! Front matter: split the YAML block from the Markdown body, then deserialize it.
//!
//! Splitting comes first and deserializing second (as in Zola), so a missing `---` gets its
//! own message telling the editor how to start the file.

use serde::{Deserialize, Deserializer};

use crate::error::{Error, ErrorKind};
use crate::source::flat::{FlatValue, parse_flat};
use crate::source::{SourceFile, YamlText};

/// The front matter fields of a news item or page, as written.
#[derive(Debug, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Headline (required).
    #[serde(default, deserialize_with = "text")]
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD` or with time (required for news).
    #[serde(default, deserialize_with = "text")]
    pub date: Option<String>,
    /// Writer, shown at the end of the article.
    #[serde(default, deserialize_with = "text")]
    pub author: Option<String>,
    /// One category.
    #[serde(default, deserialize_with = "text")]
    pub category: Option<String>,
    /// Tags: a list, or one tag as text.
    #[serde(default, deserialize_with = "text_list")]
    pub tags: Vec<String>,
    /// One or two sentences for lists, feeds and the page description.
    #[serde(default, deserialize_with = "text")]
    pub summary: Option<String>,
    /// Picture shown with the item (site path or absolute URL).
    #[serde(default, deserialize_with = "text")]
    pub image: Option<String>,
    /// Text alternative of the picture.
    #[serde(default, deserialize_with = "text")]
    pub image_alt: Option<String>,
    /// URL slug overriding the one derived from the file name.
    #[serde(default, deserialize_with = "text")]
    pub slug: Option<String>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Old URLs that must keep working (redirect pages).
    #[serde(default, deserialize_with = "text_list")]
    pub aliases: Vec<String>,
    /// Slugs of news items shown first in "other news".
    #[serde(default, deserialize_with = "text_list")]
    pub related: Vec<String>,
}

/// Where the front matter and the body are in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML text (between the `---` lines).
    pub yaml: (usize, usize),
    /// 1-based line of the file on which the YAML starts.
    pub yaml_first_line: usize,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// Find the `---` fences. The file must start with `---` on its own line.
pub fn split_front_matter(file: &SourceFile) -> Result<Split, Error> {
    let text = &file.text;
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(Error::new(ErrorKind::Syntax, "the file does not start with front matter")
            .at_line(&file.path, 1, 1)
            .help("begin the file with a line `---`, then lines such as `title: …` and `date: 2025-03-12`, then a closing line `---`, then the text"));
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: (yaml_start, offset),
                yaml_first_line: 2,
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(Error::new(ErrorKind::Syntax, "the front matter is not closed")
        .at_line(&file.path, 1, 1)
        .help("add a line `---` after the last front matter field, before the text"))
}

/// Split and deserialize; also returns the split so callers can locate fields later.
pub fn parse_front_matter(file: &SourceFile) -> Result<(FrontMatter, Split), Error> {
    let split = split_front_matter(file)?;
    let yaml = yaml_of(file, &split);
    if let Some(fm) = from_flat(yaml.text) {
        return Ok((fm, split));
    }
    let fm: FrontMatter = yaml.parse("front matter")?;
    Ok((fm, split))
}

/// The fast path: front matter of the simple shape (see `source::flat`), mapped field by field
/// exactly as serde would; `None` as soon as anything differs, so serde decides (and reports).
///
/// It still pays (issue 9, `measure_front_matter_paths` under callgrind, debug build): about
/// 0.21 M instructions per typical news item here against 0.53 M through `YamlText::parse`
/// (0.16 M in yaml_serde, 0.35 M in the repeated-key pass), and it refuses repeated keys itself.
fn from_flat(text: &str) -> Option<FrontMatter> {
    let mut fm = FrontMatter::default();
    let non_empty = |t: &str| Some(t.to_string()).filter(|t| !t.trim().is_empty());
    let list = |v: &FlatValue| -> Option<Vec<String>> {
        let items: Vec<String> = match v {
            FlatValue::Text(t) => vec![t.clone()],
            FlatValue::List(items) => items.clone(),
            FlatValue::Bool(_) => return None,
        };
        Some(items.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
    };
    for (key, value) in parse_flat(text)? {
        match (key, &value) {
            ("draft", FlatValue::Bool(b)) => fm.draft = *b,
            ("tags", v) => fm.tags = list(v)?,
            ("aliases", v) => fm.aliases = list(v)?,
            ("related", v) => fm.related = list(v)?,
            (field, FlatValue::Text(t)) => {
                let slot = match field {
                    "title" => &mut fm.title,
                    "date" => &mut fm.date,
                    "author" => &mut fm.author,
                    "category" => &mut fm.category,
                    "summary" => &mut fm.summary,
                    "image" => &mut fm.image,
                    "image_alt" => &mut fm.image_alt,
                    "slug" => &mut fm.slug,
                    _ => return None,
                };
                *slot = non_empty(t);
            }
            _ => return None,
        }
    }
    Some(fm)
}

/// The front matter of `file` as a YAML snippet, for locating fields in error messages.
pub fn yaml_of<'a>(file: &'a SourceFile, split: &Split) -> YamlText<'a> {
    YamlText {
        path: &file.path,
        text: &file.text[split.yaml.0..split.yaml.1],
        first_line: split.yaml_first_line,
    }
}

/// Text that an editor may have typed as a number or a boolean (e.g. `title: 2025`).
fn text<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Scalar>::deserialize(de)?.map(Scalar::into_string).filter(|s| !s.trim().is_empty()))
}

/// A list of texts, or a single text meaning a one-item list.
fn text_list<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged, expecting = "a list of texts, e.g. [giảm nghèo, y tế]")]
    enum OneOrMany {
        One(Scalar),
        Many(Vec<Scalar>),
    }
    Ok(match Option::<OneOrMany>::deserialize(de)? {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s.into_string()],
        Some(OneOrMany::Many(v)) => v.into_iter().map(Scalar::into_string).collect(),
    }
    .into_iter()
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
    .collect())
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "text")]
enum Scalar {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Scalar {
    fn into_string(self) -> String {
        match self {
            Scalar::Text(s) => s,
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Bool(b) => b.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("content/news/a.md", text)
    }

    #[test]
    fn splits_and_parses() {
        let f = file("---\ntitle: Tin\ndate: 2025-01-02\ntags: giảm nghèo\n---\n# Body\n");
        let (fm, split) = parse_front_matter(&f).unwrap();
        assert_eq!(fm.title.as_deref(), Some("Tin"));
        assert_eq!(fm.tags, ["giảm nghèo"]);
        assert_eq!(&f.text[split.body_start..], "# Body\n");
    }

    #[test]
    fn numbers_are_accepted_as_text() {
        let f = file("---\ntitle: 2025\ntags: [2024, y tế]\n---\n");
        let (fm, _) = parse_front_matter(&f).unwrap();
        assert_eq!(fm.title.as_deref(), Some("2025"));
        assert_eq!(fm.tags, ["2024", "y tế"]);
    }

    #[test]
    fn missing_fence_says_how_to_start() {
        let err = parse_front_matter(&file("title: x\n")).unwrap_err();
        assert!(err.help.unwrap().starts_with("begin the file with a line `---`"));
        let err = parse_front_matter(&file("---\ntitle: x\n")).unwrap_err();
        assert_eq!(err.message, "the front matter is not closed");
    }

    #[test]
    fn errors_point_into_the_markdown_file() {
        let err = parse_front_matter(&file("---\ntitle: x\ntittle: y\n---\n")).unwrap_err();
        assert_eq!(err.location.unwrap().line, 3);
    }

    /// Not a check: a fixed workload to count instructions of both paths (issue 9, item 11):
    /// `valgrind --tool=callgrind <test binary> measure_front_matter_paths --ignored`, then
    /// compare the inclusive costs of `from_flat` and `YamlText::parse` in callgrind_annotate.
    #[test]
    #[ignore = "a measurement to run under callgrind"]
    fn measure_front_matter_paths() {
        let text = "title: \"Sơn Cao: khởi công cầu treo Tà Lùng\"\ndate: 2024-11-02\nauthor: Ban biên tập\n\
                    category: Giao thông\ntags: [cầu treo, Tà Lùng, nông thôn mới]\n\
                    summary: Cây cầu nối hai bản, dài 120 m, dự kiến xong trong năm 2025.\n";
        let yaml = YamlText { path: "a.md", text, first_line: 2 };
        for _ in 0..1000 {
            assert!(std::hint::black_box(from_flat(std::hint::black_box(text))).is_some());
        }
        for _ in 0..1000 {
            assert!(std::hint::black_box(yaml.parse::<FrontMatter>("front matter")).is_ok());
        }
    }

    /// Front matter lines built from the pieces editors type, to compare both parsers.
    fn front_matter_line() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "title", "date", "author", "category", "tags", "summary", "slug", "draft", "related", "image",
        ]);
        let value = prop::sample::select(vec![
            "Giảm nghèo",
            "\"Sơn Cao: khởi công\"",
            "'Tà Lùng ''mới'''",
            "2025-03-12",
            "2025-03-12 08:30",
            "true",
            "false",
            "[a, \"b c\", 'd']",
            "[]",
            "x # note",
            "\"\"",
            "2025",
            "1.50",
            "null",
            "~",
            "yes",
            "\"a \\\" b\"",
            "-1",
            "a:b",
        ]);
        (key, value).prop_map(|(k, v)| format!("{k}: {v}"))
    }

    proptest! {
        #[test]
        fn the_fast_path_agrees_with_serde_yaml(lines in prop::collection::vec(front_matter_line(), 1..6)) {
            let text = format!("{}\n", lines.join("\n"));
            if let Some(fast) = from_flat(&text) {
                let slow: Result<FrontMatter, _> = YamlText { path: "a.md", text: &text, first_line: 1 }.parse("front matter");
                prop_assert_eq!(Some(fast), slow.ok(), "{}", text);
            }
        }

        #[test]
        fn splitting_never_panics(text in "\\PC{0,200}") {
            let _ = parse_front_matter(&file(&text));
            let _ = parse_front_matter(&file(&format!("---\n{text}\n---\n")));
        }
    }
}
