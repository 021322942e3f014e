//! Markdown → HTML by rewriting pulldown-cmark's event stream (never a regex over HTML).
//!
//! The adaptors, in order: merge text (keeping source offsets), give headings ids, prefix
//! site links with the base path and record them for link checking, neutralise `javascript:`
//! URLs, wrap tables for horizontal scrolling, and cut shortcodes out of the text into
//! placeholders that the render stage fills in. Raw HTML is sanitised unless the site opts in.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

use super::shortcode::{Shortcode, ShortcodeKind, find_open, parse_shortcode};
use crate::error::{Error, ErrorKind, Errors, Location};
use crate::slug::slugify;
use crate::source::SourceFile;

mod nesting;

/// Start and end marks of a shortcode placeholder in rendered HTML (private-use characters).
pub const PLACEHOLDER_OPEN: char = '\u{E000}';
/// See [`PLACEHOLDER_OPEN`].
pub const PLACEHOLDER_CLOSE: char = '\u{E001}';

/// The Markdown extensions every text is read with.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// How to render: settings that come from the site, not from the text.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownOptions<'a> {
    /// Keep raw HTML as written (otherwise it is sanitised).
    pub allow_raw_html: bool,
    /// Path prefix of the site (`""` or `/portal`) for links written as `/news/…`.
    pub base_path: &'a str,
    /// Element ids the theme uses, which headings must not take.
    pub reserved_ids: &'a [&'a str],
    /// Interface words the HTML needs (accessible names).
    pub labels: MarkdownLabels<'a>,
    /// Whether `{{ … }}` shortcodes are read (news and pages) or left as text (data notes).
    pub shortcodes: bool,
}

/// Accessible names written into the HTML of a text, in the site's language.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownLabels<'a> {
    /// Name of the scrollable region around tables.
    pub table: &'a str,
    /// Name of a ticked task-list box.
    pub task_done: &'a str,
    /// Name of an unticked task-list box.
    pub task_open: &'a str,
}

/// A link or image source written in the text, for link checking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written (site path `/news/x/`, relative `../x/`, or `#anchor`).
    pub target: String,
    /// Byte offset in the source file.
    pub offset: usize,
}

/// A rendered Markdown text.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The HTML, with shortcode placeholders `\u{E000}n\u{E001}` (n = index in `shortcodes`).
    pub html: String,
    /// Number of words, for reading time.
    pub words: usize,
    /// Internal links and images (not external URLs), for link checking.
    pub links: Vec<Link>,
    /// Shortcodes, in order of appearance.
    pub shortcodes: Vec<Shortcode>,
    /// Plain text of the first paragraph, for descriptions.
    pub first_paragraph: String,
}

/// Render the Markdown of `file` from byte `start` on.
pub fn render_markdown(file: &SourceFile, start: usize, opts: &MarkdownOptions<'_>) -> Result<Body, Errors> {
    let text = &file.text[start..];
    let parser = Parser::new_ext(text, markdown_options()).into_offset_iter();
    let events: Vec<(Event<'_>, std::ops::Range<usize>)> = TextMergeWithOffset::new(parser).collect();
    let mut st = State {
        file,
        start,
        opts,
        out: Vec::with_capacity(events.len() + 8),
        body: Body::default(),
        errors: Errors::new(),
        ids: opts.reserved_ids.iter().map(|s| s.to_string()).collect(),
        next_suffix: HashMap::new(),
        raw_html: false,
        paragraph_depth: 0,
        first_paragraph_done: false,
        may_have_shortcodes: opts.shortcodes && text.contains("{{"),
        literal_depth: 0,
    };
    let mut i = 0;
    while i < events.len() {
        i = st.step(&events, i);
    }
    let State { out, mut body, errors, raw_html, .. } = st;
    let mut html = String::with_capacity(text.len() + text.len() / 4);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if html.contains('\0') {
        // raw HTML and code pass NUL through, and the sanitiser would drop it: CommonMark
        // (2.3) wants U+FFFD, and so do HTML parsers (issue 8)
        html = html.replace('\0', "\u{FFFD}");
    }
    let mut errors = errors;
    body.html = if raw_html && !opts.allow_raw_html {
        if nesting::too_deep(&html) {
            errors.push(nesting::too_deep_error(file));
            String::new()
        } else {
            sanitize(&html)
        }
    } else {
        html
    };
    errors.into_result(body)
}

struct State<'a, 'f> {
    file: &'f SourceFile,
    start: usize,
    opts: &'f MarkdownOptions<'f>,
    out: Vec<Event<'a>>,
    body: Body,
    errors: Errors,
    ids: HashSet<String>,
    /// For each wanted heading id, the first suffix not yet tried.
    next_suffix: HashMap<String, usize>,
    raw_html: bool,
    paragraph_depth: usize,
    first_paragraph_done: bool,
    /// Whether the text contains `{{` at all (most do not: skip looking per text event).
    may_have_shortcodes: bool,
    /// Inside a code block or an image's alt text: text there is shown as written.
    literal_depth: usize,
}

impl<'a> State<'a, '_> {
    /// Handle the event at `i`; returns the index of the next event to handle.
    fn step(&mut self, events: &[(Event<'a>, std::ops::Range<usize>)], i: usize) -> usize {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Paragraph) => {
                if let Some(next) = self.block_shortcode(events, i) {
                    return next;
                }
                self.paragraph_depth += 1;
                self.out.push(event.clone());
            }
            Event::End(TagEnd::Paragraph) => {
                self.paragraph_depth = self.paragraph_depth.saturating_sub(1);
                if self.paragraph_depth == 0 && !self.body.first_paragraph.is_empty() {
                    self.first_paragraph_done = true;
                }
                self.out.push(event.clone());
            }
            Event::Start(Tag::Heading { .. }) => return self.heading(events, i),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.link_or_image(event, range.start),
            Event::Start(Tag::Table(_)) => {
                let label = html_attr(self.opts.labels.table);
                let open = format!(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\">\n"
                );
                self.out.push(Event::Html(open.into()));
                self.out.push(event.clone());
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.literal_depth += 1;
                self.out.push(event.clone());
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => {
                self.literal_depth = self.literal_depth.saturating_sub(1);
                self.out.push(event.clone());
            }
            Event::Code(code) => self.out.push(Event::Code(strip_placeholder_marks(code))),
            Event::End(TagEnd::Table) => {
                self.out.push(event.clone());
                self.out.push(Event::Html("</div>\n".into()));
            }
            Event::Text(text) => self.text(text, range.start),
            Event::TaskListMarker(done) => self.task_marker(*done),
            Event::Html(html) => {
                self.raw_html = true;
                self.out.push(Event::Html(strip_placeholder_marks(html)));
            }
            Event::InlineHtml(html) => {
                self.raw_html = true;
                self.out.push(Event::InlineHtml(strip_placeholder_marks(html)));
            }
            _ => self.out.push(event.clone()),
        }
        i + 1
    }

    /// A link or an image, its address resolved (`start`: its offset, for errors).
    fn link_or_image(&mut self, event: &Event<'a>, start: usize) {
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest = self.link(dest_url, start, false);
                let (link_type, title, id) = (*link_type, title.clone(), id.clone());
                self.out.push(Event::Start(Tag::Link { link_type, dest_url: dest, title, id }));
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                self.literal_depth += 1;
                let dest = self.link(dest_url, start, true);
                let (link_type, title, id) = (*link_type, title.clone(), id.clone());
                self.out.push(Event::Start(Tag::Image { link_type, dest_url: dest, title, id }));
            }
            other => self.out.push(other.clone()),
        }
    }

    /// A task list's check box, disabled and labelled.
    fn task_marker(&mut self, done: bool) {
        let (checked, label) =
            if done { (" checked", self.opts.labels.task_done) } else { ("", self.opts.labels.task_open) };
        let html =
            format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{}\"> ", html_attr(label));
        self.out.push(Event::InlineHtml(html.into()));
    }

    /// A paragraph holding nothing but one shortcode becomes a block placeholder.
    fn block_shortcode(&mut self, events: &[(Event<'a>, std::ops::Range<usize>)], i: usize) -> Option<usize> {
        if !self.may_have_shortcodes {
            return None;
        }
        let (Event::Text(text), range) = events.get(i + 1)? else { return None };
        if !matches!(events.get(i + 2), Some((Event::End(TagEnd::Paragraph), _))) {
            return None;
        }
        let trimmed = text.trim();
        if !trimmed.starts_with("{{") {
            return None;
        }
        let (_, _, len) = parse_shortcode(trimmed).ok()?;
        if len != trimmed.len() {
            return None;
        }
        let offset = self.source_offset(range.start, range.end);
        self.push_shortcode(trimmed, offset, true);
        Some(i + 3)
    }

    fn heading(&mut self, events: &[(Event<'a>, std::ops::Range<usize>)], i: usize) -> usize {
        let Event::Start(Tag::Heading { level, id, classes, attrs }) = &events[i].0 else {
            return i + 1;
        };
        let end = events[i..]
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
            .map_or(events.len(), |p| i + p);
        let mut plain = String::new();
        for (e, _) in &events[i + 1..end] {
            if let Event::Text(t) | Event::Code(t) = e {
                plain.push_str(t);
            }
        }
        let wanted = match id {
            Some(id) => id.to_string(),
            None => slugify(&plain),
        };
        let unique = self.unique_id(if wanted.is_empty() { heading_fallback(*level) } else { wanted });
        // `{key=value}` attributes would let a text add event handlers: raw HTML rules apply
        let attrs = if self.opts.allow_raw_html { attrs.clone() } else { Vec::new() };
        self.out.push(Event::Start(Tag::Heading {
            level: *level,
            id: Some(unique.into()),
            classes: classes.clone(),
            attrs,
        }));
        let mut j = i + 1;
        while j < end {
            j = self.step(events, j);
        }
        if end < events.len() {
            self.out.push(events[end].0.clone());
        }
        end + 1
    }

    fn unique_id(&mut self, wanted: String) -> String {
        // start after the last suffix given to this id: ids are never freed, so the smaller
        // ones are taken, and 100,000 equal headings stay linear (issue 8)
        let mut n = self.next_suffix.get(&wanted).copied().unwrap_or(1);
        let mut id = if n == 1 { wanted.clone() } else { format!("{wanted}-{n}") };
        while self.ids.contains(&id) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        self.next_suffix.insert(wanted, n);
        self.ids.insert(id.clone());
        id
    }

    fn link(&mut self, dest: &CowStr<'a>, offset: usize, image: bool) -> CowStr<'a> {
        let trimmed = dest.trim();
        // browsers drop tabs, newlines and control characters from an address before reading
        // its scheme, so `java&#9;script:` is `javascript:` (issue 8)
        let lower: String =
            trimmed.chars().filter(|c| !c.is_ascii_control()).collect::<String>().to_ascii_lowercase();
        let dangerous = lower.starts_with("javascript:")
            || lower.starts_with("vbscript:")
            || (lower.starts_with("data:") && !(image && lower.starts_with("data:image/")));
        if dangerous && !self.opts.allow_raw_html {
            return CowStr::Borrowed("#");
        }
        let is_external = has_scheme(&lower) || lower.starts_with("//");
        if is_external || trimmed.is_empty() {
            return dest.clone();
        }
        self.body.links.push(Link { target: trimmed.to_string(), offset: self.start + offset });
        if trimmed.starts_with('/') && !self.opts.base_path.is_empty() {
            return format!("{}{}", self.opts.base_path, trimmed).into();
        }
        dest.clone()
    }

    fn text(&mut self, text: &CowStr<'a>, range_start: usize) {
        if !self.may_have_shortcodes || self.literal_depth > 0 {
            self.count_words(text);
            self.out.push(Event::Text(strip_placeholder_marks(text)));
            return;
        }
        let mut rest: &str = text;
        let mut consumed = 0;
        while let Some(open) = find_open(rest, 0) {
            let after = &rest[open..];
            let Ok((name, _, len)) = parse_shortcode(after) else {
                if ShortcodeKind::ALL.iter().any(|s| after[2..].trim_start().starts_with(s.name())) {
                    self.report_syntax(after, range_start, consumed + open);
                }
                self.push_text(&rest[..open + 2]);
                consumed += open + 2;
                rest = &rest[open + 2..];
                continue;
            };
            let _ = name;
            if open > 0 {
                self.push_text(&rest[..open]);
            }
            let offset =
                self.source_offset(range_start + consumed + open, range_start + consumed + open + len);
            self.push_shortcode(&after[..len], offset, false);
            consumed += open + len;
            rest = &rest[open + len..];
        }
        if consumed == 0 {
            self.count_words(text);
            self.out.push(Event::Text(strip_placeholder_marks(text)));
        } else if !rest.is_empty() {
            self.push_text(rest);
        }
    }

    /// A piece of user text between shortcodes.
    fn push_text(&mut self, piece: &str) {
        self.count_words(piece);
        let owned: CowStr<'a> = piece.to_string().into();
        self.out.push(Event::Text(strip_placeholder_marks(&owned)));
    }

    fn count_words(&mut self, text: &str) {
        // bytes, not chars: words are separated by ASCII white space in Vietnamese text too
        let mut in_word = false;
        for &b in text.as_bytes() {
            let space = b.is_ascii_whitespace();
            if !space && !in_word {
                self.body.words += 1;
            }
            in_word = !space;
        }
        if self.paragraph_depth > 0 && !self.first_paragraph_done && self.body.first_paragraph.len() < 400 {
            // pulldown-cmark's HTML writer turns NUL into U+FFFD (CommonMark 2.3); this plain
            // text does not pass through it, and feeds descriptions (issue 8)
            self.body.first_paragraph.extend(text.chars().map(|c| if c == '\0' { '\u{FFFD}' } else { c }));
        }
    }

    /// The file offset of a `{{` near `approx` (text events may differ from source by escapes).
    fn source_offset(&self, approx: usize, approx_end: usize) -> usize {
        let text = &self.file.text[self.start..];
        let end = approx_end.min(text.len()).max(approx.min(text.len()));
        let lo = approx.min(text.len());
        let found = text.get(lo..end).and_then(|s| s.find("{{")).map(|i| lo + i);
        self.start + found.unwrap_or(lo)
    }

    fn push_shortcode(&mut self, source: &str, offset: usize, block: bool) {
        let Ok((name, args, _)) = parse_shortcode(source) else { return };
        let Some(kind) = ShortcodeKind::from_name(&name) else {
            let names = ShortcodeKind::ALL.map(|s| format!("`{}`", s.name())).join(", ");
            self.errors.push(
                Error::new(ErrorKind::Reference, format!("unknown shortcode `{name}`"))
                    .at(self.file.location(offset))
                    .help(format!("use one of {names}")),
            );
            return;
        };
        let n = self.body.shortcodes.len();
        let Location { line, column, .. } = self.file.location(offset);
        self.body.shortcodes.push(Shortcode { kind, args, offset, line, column, block });
        let placeholder = format!("{PLACEHOLDER_OPEN}{n}{PLACEHOLDER_CLOSE}");
        if block {
            self.out.push(Event::Html(format!("{placeholder}\n").into()));
        } else {
            self.out.push(Event::InlineHtml(placeholder.into()));
        }
    }

    fn report_syntax(&mut self, after: &str, range_start: usize, at: usize) {
        if let Err(err) = parse_shortcode(after) {
            let offset = self.source_offset(range_start + at, range_start + at + after.len());
            self.errors.push(
                Error::new(ErrorKind::Syntax, format!("this shortcode cannot be read: {}", err.message))
                    .at(self.file.location(offset + err.at.min(after.len())))
                    .help("write it like {{ chart(indicator=\"ho-ngheo\", geo=\"son-cao\") }}"),
            );
        }
    }
}

fn heading_fallback(level: HeadingLevel) -> String {
    format!("muc-{}", level as usize)
}

/// Whether a link starts with a URL scheme (`https:`, `mailto:`, `tel:` …), i.e. is not a site path.
fn has_scheme(link: &str) -> bool {
    let Some(colon) = link.find(':') else { return false };
    let scheme = &link[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
}

/// Remove characters we use as placeholder marks from user text.
fn strip_placeholder_marks<'a>(text: &CowStr<'a>) -> CowStr<'a> {
    // both marks are U+E000/U+E001, encoded as EE 80 80 / EE 80 81: look for the lead byte first
    if text.as_bytes().contains(&0xEE) && text.contains([PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE]) {
        text.replace([PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE], "").into()
    } else {
        text.clone()
    }
}

/// Escape text for a double-quoted HTML attribute.
pub fn html_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Remove scripts, event handlers, `javascript:` URLs and unknown tags from HTML.
fn sanitize(html: &str) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class", "title", "lang"])
        .add_tags(["input", "figure", "figcaption"])
        .add_tag_attributes("input", ["type", "checked", "disabled", "aria-label"])
        .add_tag_attributes("div", ["role", "tabindex", "aria-label"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(std::iter::once("text-align").collect())
        .link_rel(None);
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests;
