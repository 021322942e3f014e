//! News items and static pages: front matter + Markdown → typed, rendered content.
//!
//! This room knows nothing of templates, themes or the URLs of other items: it checks each
//! file on its own (fields, dates, slugs) and leaves cross-item checks (duplicate slugs,
//! unknown `related` slugs, broken links) to the site stage.

pub mod edition;
pub mod front_matter;
pub mod markdown;
pub mod shortcode;

use crate::date::DateTime;
use crate::error::{Error, ErrorKind, Errors};
use crate::slug::slugify;
use crate::source::SourceFile;
use crate::url::{Accept, UrlField, check_url};
use front_matter::{FrontMatter, Split, parse_front_matter, yaml_of};
use markdown::{Body, MarkdownOptions, render_markdown};

/// Whether a Markdown file is a news item or a static page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// `content/news/**.md`
    News,
    /// `content/pages/**.md`
    Page,
}

/// A news item or static page, parsed and rendered.
#[derive(Debug, Clone)]
pub struct Item {
    /// News or page.
    pub kind: ContentKind,
    /// Source path relative to the site root.
    pub path: String,
    /// Where the front matter stands, to locate fields in later error messages.
    pub split: Split,
    /// URL slug.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Publication date (news always has one).
    pub date: Option<DateTime>,
    /// Writer.
    pub author: Option<String>,
    /// Category as written.
    pub category: Option<String>,
    /// Tags as written.
    pub tags: Vec<String>,
    /// Summary as written.
    pub summary: Option<String>,
    /// Picture path or URL.
    pub image: Option<String>,
    /// Text alternative of the picture.
    pub image_alt: Option<String>,
    /// Not published unless drafts are requested.
    pub draft: bool,
    /// Old site paths that redirect here.
    pub aliases: Vec<String>,
    /// Slugs of related news, in the editor's order.
    pub related: Vec<String>,
    /// The rendered text.
    pub body: Body,
}

/// Fields allowed on static pages (news may use all).
const PAGE_FIELDS: [&str; 6] = ["title", "summary", "slug", "draft", "aliases", "image"];

/// Parse one Markdown file into an item, collecting every problem it has on its own.
pub fn parse_item(
    file: &SourceFile,
    kind: ContentKind,
    slug_from_title: bool,
    md: &MarkdownOptions<'_>,
) -> Result<Item, Errors> {
    let (fm, split) = parse_front_matter(file)?;
    let yaml = yaml_of(file, &split);
    let mut errors = Errors::new();

    if kind == ContentKind::Page {
        check_page_fields(&fm, &yaml, &mut errors);
    }
    let title = fm.title.clone().unwrap_or_default();
    if fm.title.is_none() {
        errors.push(
            Error::new(ErrorKind::Schema, "missing field `title`")
                .at(yaml.location(1, 1))
                .help("add a line `title: …` with the headline"),
        );
    }
    let date = item_date(&fm, kind, &yaml, &mut errors);
    let slug = item_slug(file, &fm, slug_from_title, &yaml, &mut errors);
    check_image(&fm, kind, &yaml, &mut errors);
    check_aliases(&fm.aliases, &yaml, &mut errors);
    let body = errors.take_all(render_markdown(file, split.body_start, md));
    let item = Item {
        kind,
        path: file.path.clone(),
        split,
        slug,
        title,
        date,
        author: fm.author,
        category: fm.category,
        tags: fm.tags,
        summary: fm.summary,
        image: fm.image,
        image_alt: fm.image_alt,
        draft: fm.draft,
        aliases: fm.aliases,
        related: fm.related,
        body: body.unwrap_or_default(),
    };
    errors.into_result(item)
}

/// The `date:` (required for news).
fn item_date(
    fm: &FrontMatter,
    kind: ContentKind,
    yaml: &crate::source::YamlText<'_>,
    errors: &mut Errors,
) -> Option<DateTime> {
    match (&fm.date, kind) {
        (Some(text), _) => match DateTime::parse(text) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(
                Error::new(ErrorKind::Value, e.message)
                    .at(yaml.locate(&["date"]))
                    .help("write the date as YYYY-MM-DD, e.g. date: 2025-03-12 (a time may follow: 2025-03-12 08:30)"),
            );
                None
            }
        },
        (None, ContentKind::News) => {
            errors.push(
                Error::new(ErrorKind::Schema, "missing field `date`")
                    .at(yaml.location(1, 1))
                    .help("add a line such as `date: 2025-03-12` (the publication date, YYYY-MM-DD)"),
            );
            None
        }
        (None, ContentKind::Page) => None,
    }
}

/// `image:` must be a link, and news images need `image_alt:`.
fn check_image(fm: &FrontMatter, kind: ContentKind, yaml: &crate::source::YamlText<'_>, errors: &mut Errors) {
    const IMAGE: UrlField =
        UrlField { name: "image", example: "image: /media/cau-treo.jpg", accept: Accept::Link };
    if let Some(Err(e)) = fm.image.as_deref().map(|i| check_url(i, &IMAGE)) {
        errors.push(e.at(yaml.locate(&["image"])));
    }
    if fm.image.is_some() && fm.image_alt.is_none() && kind == ContentKind::News {
        errors.push(
            Error::new(ErrorKind::Schema, "`image` has no `image_alt`")
                .at(yaml.locate(&["image"]))
                .help("add `image_alt: …` describing the picture for readers who cannot see it"),
        );
    }
}

/// Every alias must be a site path that stays inside the output folder.
fn check_aliases(aliases: &[String], yaml: &crate::source::YamlText<'_>, errors: &mut Errors) {
    for (i, alias) in aliases.iter().enumerate() {
        // issue 8: nothing that could name a file outside the output folder (`.`, `//`, control characters)
        if !alias.starts_with('/')
            || alias.contains("//")
            || alias.contains(['?', '#', '\\'])
            || alias.contains("..")
            || alias.split('/').any(|part| part == ".")
            || alias.chars().any(char::is_control)
        {
            errors.push(
                Error::new(ErrorKind::Value, format!("alias `{alias}` is not a site path"))
                    .at(yaml.locate(&["aliases", &i.to_string()]))
                    .help("write the old address as a path starting with `/`, e.g. /tin-tuc/bai-cu.html"),
            );
        }
    }
}

fn check_page_fields(fm: &FrontMatter, yaml: &crate::source::YamlText<'_>, errors: &mut Errors) {
    let used = [
        ("date", fm.date.is_some()),
        ("author", fm.author.is_some()),
        ("category", fm.category.is_some()),
        ("tags", !fm.tags.is_empty()),
        ("related", !fm.related.is_empty()),
        ("image_alt", fm.image_alt.is_some() && fm.image.is_none()),
    ];
    for (field, present) in used {
        if present {
            errors.push(
                Error::new(ErrorKind::Schema, format!("field `{field}` is for news items, not pages"))
                    .at(yaml.locate(&[field]))
                    .help(format!("pages take only {}", PAGE_FIELDS.map(|f| format!("`{f}`")).join(", "))),
            );
        }
    }
}

/// The slug: `slug:` if given, else from the file name (without a `YYYY-MM-DD-` prefix) or title.
fn item_slug(
    file: &SourceFile,
    fm: &FrontMatter,
    from_title: bool,
    yaml: &crate::source::YamlText<'_>,
    errors: &mut Errors,
) -> String {
    if let Some(slug) = &fm.slug {
        let s = slugify(slug);
        if s.is_empty() {
            errors.push(
                Error::new(ErrorKind::Value, format!("slug `{slug}` has no letters or digits"))
                    .at(yaml.locate(&["slug"]))
                    .help("write the slug with letters and digits, e.g. slug: giam-ngheo-2025"),
            );
        }
        return s;
    }
    // `a.en.md` is the English edition of `a.md`: both take the slug `a`
    let stem = edition::strip_language(file_stem(&file.path));
    let from_name = slugify(strip_date_prefix(stem));
    match from_title {
        true => {
            let s = fm.title.as_deref().map(slugify).unwrap_or_default();
            match (s.is_empty(), from_name.is_empty()) {
                (false, _) => s,
                (true, false) => from_name,
                (true, true) => {
                    errors.push(
                        Error::new(ErrorKind::Value, "neither the title nor the file name gives a URL slug")
                            .at_line(&file.path, 1, 1)
                            .help("add `slug: …` with letters or digits"),
                    );
                    String::new()
                }
            }
        }
        false if from_name.is_empty() => {
            errors.push(
                Error::new(ErrorKind::Value, format!("the file name `{stem}` gives an empty URL slug"))
                    .at_line(&file.path, 1, 1)
                    .help("rename the file with letters, e.g. giam-ngheo.md, or add `slug: …`"),
            );
            String::new()
        }
        false => from_name,
    }
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").or_else(|| name.strip_suffix(".markdown")).unwrap_or(name)
}

/// `2025-03-12-tieu-de` → `tieu-de` (Zola's convention); other names unchanged.
fn strip_date_prefix(stem: &str) -> &str {
    let b = stem.as_bytes();
    let is_date = b.len() > 11
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b[10] == b'-' || b[10] == b'_');
    if is_date { &stem[11..] } else { stem }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MD: MarkdownOptions<'static> = MarkdownOptions {
        allow_raw_html: false,
        base_path: "",
        reserved_ids: &[],
        labels: markdown::MarkdownLabels { table: "Bảng", task_done: "Xong", task_open: "Chưa xong" },
        shortcodes: true,
    };

    fn parse(path: &str, text: &str) -> Result<Item, Errors> {
        parse_item(&SourceFile::new(path, text), ContentKind::News, false, &MD)
    }

    #[test]
    fn slug_comes_from_the_file_name_without_date() {
        let item =
            parse("content/news/2025/2025-03-12-Giảm nghèo.md", "---\ntitle: T\ndate: 2025-03-12\n---\nx\n")
                .unwrap();
        assert_eq!(item.slug, "giam-ngheo");
    }

    #[test]
    fn slug_can_come_from_the_title() {
        let file = SourceFile::new(
            "content/news/a.md",
            "---\ntitle: Phấn đấu giảm tỷ lệ hộ nghèo\ndate: 2025-03-12\n---\n",
        );
        let item = parse_item(&file, ContentKind::News, true, &MD).unwrap();
        assert_eq!(item.slug, "phan-dau-giam-ty-le-ho-ngheo");
    }

    #[test]
    fn bad_date_points_at_the_field_with_a_hint() {
        let err = parse("content/news/a.md", "---\ntitle: T\ndate: 31/02/2024\n---\n").unwrap_err();
        let e = &err.0[0];
        assert_eq!(
            e.to_string(),
            "content/news/a.md:3:7: error: `31/02/2024` is not a date\n  help: write the date as YYYY-MM-DD, e.g. date: 2025-03-12 (a time may follow: 2025-03-12 08:30)"
        );
    }

    #[test]
    fn collects_every_problem_of_a_file() {
        let err =
            parse("content/news/a.md", "---\nimage: /media/a.svg\naliases: [old.html]\n---\n").unwrap_err();
        let messages: Vec<_> = err.0.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "missing field `date`",
                "missing field `title`",
                "`image` has no `image_alt`",
                "alias `old.html` is not a site path"
            ]
        );
    }

    #[test]
    fn pages_reject_news_fields() {
        let file = SourceFile::new("content/pages/a.md", "---\ntitle: Giới thiệu\ntags: [x]\n---\n");
        let err = parse_item(&file, ContentKind::Page, false, &MD).unwrap_err();
        assert_eq!(err.0[0].message, "field `tags` is for news items, not pages");
        assert_eq!(err.0[0].location.as_ref().unwrap().line, 3);
    }
}
