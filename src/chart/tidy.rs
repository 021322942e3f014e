//! Tidy plotters' SVG output into the elements we publish.
//!
//! plotters-svg 0.3 writes one element per line: `<tag a="v" …/>`, or `<text …>`, the escaped
//! text on the next line and `</text>`, all inside an `<svg width height viewBox xmlns>` root.
//! This pass reads exactly that shape (anything else is an error, so a plotters upgrade that
//! changes it fails the tests instead of slipping through) and rewrites each element:
//! - the root is dropped: [`write_document`](super::svg::write_document) writes an accessible one;
//! - `opacity="1"` (plotters writes it everywhere) and the per-text `font-family` go (the root
//!   carries the font stack);
//! - `font-size` is rounded (plotters divides the requested size by 1.24);
//! - text content moves onto the tag's line, so no whitespace surrounds a label;
//! - polylines get round joins and caps, which keeps dashes and bends clean.

use super::svg::coord;

/// One element as plotters wrote it; values stay escaped as they were.
struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
    self_closing: bool,
}

/// Rewrite plotters' document into body lines for `write_document`.
pub(crate) fn tidy_plotters_svg(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut lines = raw.lines();
    while let Some(line) = lines.next() {
        if line == "</svg>" {
            continue;
        }
        let tag = parse_tag(line).ok_or_else(|| format!("unexpected plotters output `{line}`"))?;
        if tag.name == "svg" {
            continue;
        }
        write_tag(&mut out, &tag);
        if tag.self_closing {
            out.push_str("/>\n");
            continue;
        }
        let text = lines.next().unwrap_or_default();
        if lines.next() != Some("</text>") || tag.name != "text" {
            return Err(format!("unexpected plotters output after `{line}`"));
        }
        out.push('>');
        out.push_str(text);
        out.push_str("</text>\n");
    }
    Ok(out)
}

fn write_tag(out: &mut String, tag: &Tag<'_>) {
    out.push('<');
    out.push_str(tag.name);
    let shape_without_stroke = tag.attrs.contains(&("stroke", "none"));
    for &(key, value) in &tag.attrs {
        let value = match key {
            "opacity" if value == "1" => continue,
            "font-family" => continue,
            "stroke" | "stroke-width" if shape_without_stroke => continue,
            "font-size" => value.parse::<f64>().map(coord).unwrap_or_else(|_| value.to_string()),
            "points" => value.trim_end().to_string(),
            _ => value.to_string(),
        };
        push_attr(out, key, &value);
    }
    if tag.name == "polyline" {
        push_attr(out, "stroke-linejoin", "round");
        push_attr(out, "stroke-linecap", "round");
    }
}

fn push_attr(out: &mut String, key: &str, value: &str) {
    out.push(' ');
    out.push_str(key);
    out.push_str("=\"");
    out.push_str(value);
    out.push('"');
}

/// Read `<name a="v" b="w"/>` or `<name a="v">`; values contain no `"` (plotters escapes it).
fn parse_tag(line: &str) -> Option<Tag<'_>> {
    let (rest, self_closing) = match line.strip_suffix("/>") {
        Some(rest) => (rest, true),
        None => (line.strip_suffix('>')?, false),
    };
    let rest = rest.strip_prefix('<')?;
    let (name, mut rest) = rest.split_once(' ').unwrap_or((rest, ""));
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut attrs = Vec::new();
    while !rest.is_empty() {
        let (key, after) = rest.split_once("=\"")?;
        let (value, after) = after.split_once('"')?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return None;
        }
        attrs.push((key, value));
        rest = after.strip_prefix(' ').unwrap_or(after);
    }
    Some(Tag { name, attrs, self_closing })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW: &str = r##"<svg width="200" height="100" viewBox="0 0 200 100" xmlns="http://www.w3.org/2000/svg">
<rect x="0" y="0" width="200" height="100" opacity="1" fill="#FFFFFF" stroke="none"/>
<polyline fill="none" opacity="1" stroke="#0072B2" stroke-width="3" points="0,0 10,10 "/>
<text x="50" y="50" dy="0.5ex" text-anchor="end" font-family="sans-serif" font-size="16.000000000000004" opacity="1" fill="#000000" font-weight="bold">
Tà Lùng &lt;&amp;&gt;
</text>
<circle cx="30" cy="30" r="4" opacity="1" fill="#FF0000" stroke="none" stroke-width="1"/>
</svg>
"##;

    #[test]
    fn rewrites_plotters_elements_into_clean_ones() {
        let body = tidy_plotters_svg(RAW).unwrap();
        assert_eq!(
            body,
            "<rect x=\"0\" y=\"0\" width=\"200\" height=\"100\" fill=\"#FFFFFF\"/>\n\
             <polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"3\" points=\"0,0 10,10\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n\
             <text x=\"50\" y=\"50\" dy=\"0.5ex\" text-anchor=\"end\" font-size=\"16\" fill=\"#000000\" font-weight=\"bold\">Tà Lùng &lt;&amp;&gt;</text>\n\
             <circle cx=\"30\" cy=\"30\" r=\"4\" fill=\"#FF0000\"/>\n"
        );
    }

    #[test]
    fn refuses_output_of_an_unknown_shape() {
        assert!(tidy_plotters_svg("<g>\n<rect/>\n</g>\n").is_err());
        assert!(tidy_plotters_svg("plain text\n").is_err());
        assert!(tidy_plotters_svg("<rect x=1/>\n").is_err());
    }
}
