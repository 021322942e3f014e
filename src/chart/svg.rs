//! The `Svg` value and the accessible `<svg>` document every chart is wrapped in.

use std::fmt::Write as _;

use super::meta::ChartMeta;
use super::style::FONT_STACK;

/// A finished chart: trusted SVG markup, ready to inline into a page without escaping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Svg(String);

impl Svg {
    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Markup this crate wrote and escaped itself (the maps of issue 16).
    pub(crate) fn from_trusted(markup: String) -> Svg {
        Svg(markup)
    }

    /// The markup, as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Escape text for XML content and double-quoted attribute values (also valid HTML5).
pub(crate) fn escape_xml(text: &str) -> String {
    crate::escape::escape_markup(text)
}

/// A viewBox coordinate with at most one decimal and no trailing `.0`.
pub(crate) fn coord(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = format!("{rounded:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    if text == "-0" { "0".to_string() } else { text.to_string() }
}

/// Wrap drawn elements (`body`, one element a line) into the accessible document.
///
/// No `width`/`height`: the page's CSS sizes the chart, and the viewBox keeps proportions.
pub(crate) fn write_document(meta: &ChartMeta, (width, height): (u32, u32), body: &str) -> Svg {
    let id = escape_xml(&meta.id);
    let mut out = String::with_capacity(body.len() + 512);
    // writing into a String cannot fail
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape_xml(FONT_STACK),
        escape_xml(&meta.title.split_whitespace().collect::<Vec<_>>().join(" ")),
        escape_xml(meta.desc.trim()),
    );
    out.push_str(body);
    out.push_str("</svg>\n");
    Svg(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    #[test]
    fn escapes_markup_characters_and_keeps_vietnamese() {
        assert_eq!(
            escape_xml("Tỷ lệ < 5 % & ≥ 2 \"x\" 'y'"),
            "Tỷ lệ &lt; 5 % &amp; ≥ 2 &quot;x&quot; &#39;y&#39;"
        );
        assert_eq!(escape_xml("a\u{7}b"), "ab");
    }

    #[test]
    fn coordinates_have_at_most_one_decimal() {
        assert_eq!(coord(12.0), "12");
        assert_eq!(coord(12.345), "12.3");
        assert_eq!(coord(-0.01), "0");
    }

    #[test]
    fn the_document_names_itself_by_title_and_desc() {
        let meta = ChartMeta {
            id: "ho-ngheo-line".into(),
            title: "Hộ nghèo < 5 %".into(),
            desc: "A & B".into(),
            lang: Lang::Vi,
        };
        let svg = write_document(&meta, (480, 300), "<rect/>\n");
        let text = svg.as_str();
        assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 300\" role=\"img\" aria-labelledby=\"ho-ngheo-line-title ho-ngheo-line-desc\""));
        assert!(text.contains("<title id=\"ho-ngheo-line-title\">Hộ nghèo &lt; 5 %</title>\n<desc id=\"ho-ngheo-line-desc\">A &amp; B</desc>\n<rect/>\n</svg>\n"));
        assert!(!text.contains("width="));
    }
}
