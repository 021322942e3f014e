//! A small, forgiving scanner for the attributes of rendered HTML: enough to find links,
//! image sources and element ids, never a full parser.
//!
//! Our templates write well-formed HTML, but raw HTML in Markdown can be anything: unquoted or
//! unterminated values, stray `<`, attributes without values. The scanner never fails and never
//! panics; on nonsense it finds fewer attributes. Comments, `<script>` and `<style>` contents
//! and declarations (`<!DOCTYPE …>`) are skipped.

/// One attribute of a start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr<'a> {
    /// Name of the element, lower case (`a`, `img`).
    pub tag: String,
    /// Name of the attribute, lower case (`href`).
    pub name: String,
    /// The value as written between the quotes (entities not decoded).
    pub raw: &'a str,
    /// The value with character references decoded.
    pub value: String,
}

/// Every attribute of every start tag in `html`, in document order.
pub fn attributes(html: &str) -> Vec<Attr<'_>> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = find(bytes, i, b"<") {
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") || rest.starts_with(b"</") {
            i = find(bytes, lt + 1, b">").map_or(bytes.len(), |e| e + 1);
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let (tag, end) = start_tag(html, lt + 1, &mut out);
            i = end;
            if tag == "script" || tag == "style" {
                let close = format!("</{tag}");
                i = find_ignore_case(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
            }
        } else {
            i = lt + 1;
        }
    }
    out
}

/// Scan a start tag from just after its `<`; push its attributes; return its name and the
/// offset after its `>`.
fn start_tag<'a>(html: &'a str, from: usize, out: &mut Vec<Attr<'a>>) -> (String, usize) {
    let bytes = html.as_bytes();
    let name_end = scan_while(bytes, from, |b| !b.is_ascii_whitespace() && b != b'>' && b != b'/');
    let tag = html.get(from..name_end).unwrap_or("").to_ascii_lowercase();
    let mut i = name_end;
    loop {
        i = scan_while(bytes, i, |b| b.is_ascii_whitespace() || b == b'/');
        match bytes.get(i) {
            None => return (tag, i),
            Some(b'>') => return (tag, i + 1),
            Some(_) => {}
        }
        let name_start = i;
        i = scan_while(bytes, i + 1, |b| !b.is_ascii_whitespace() && !matches!(b, b'>' | b'/' | b'='));
        let name = html.get(name_start..i).unwrap_or("").to_ascii_lowercase();
        let after_space = scan_while(bytes, i, |b| b.is_ascii_whitespace());
        if bytes.get(after_space) != Some(&b'=') {
            continue; // an attribute without a value
        }
        let value_start = scan_while(bytes, after_space + 1, |b| b.is_ascii_whitespace());
        let (raw, next) = match bytes.get(value_start) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = find(bytes, value_start + 1, &[q]).unwrap_or(bytes.len());
                (html.get(value_start + 1..end).unwrap_or(""), (end + 1).min(bytes.len()))
            }
            _ => {
                let end = scan_while(bytes, value_start, |b| !b.is_ascii_whitespace() && b != b'>');
                (html.get(value_start..end).unwrap_or(""), end)
            }
        };
        i = next;
        out.push(Attr { tag: tag.clone(), name, raw, value: decode_entities(raw) });
    }
}

/// The URLs of a `srcset` value (`a.jpg 1x, b.jpg 2x` → `a.jpg`, `b.jpg`).
pub fn srcset_urls(value: &str) -> Vec<&str> {
    value.split(',').filter_map(|candidate| candidate.split_whitespace().next()).collect()
}

/// Decode `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references; leave
/// anything else as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let c = match &rest[1..semi] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                n => numeric(n),
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn numeric(reference: &str) -> Option<char> {
    let digits = reference.strip_prefix('#')?;
    let code = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    char::from_u32(code)
}

fn scan_while(bytes: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && keep(bytes[i]) {
        i += 1;
    }
    i
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    hay.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(html: &str) -> Vec<(String, String, String)> {
        attributes(html).into_iter().map(|a| (a.tag, a.name, a.value)).collect()
    }

    fn triple(tag: &str, name: &str, value: &str) -> (String, String, String) {
        (tag.into(), name.into(), value.into())
    }

    #[test]
    fn reads_quoted_unquoted_and_bare_attributes() {
        let got = pairs("<A HREF=/x/ class='c d' hidden data-x=\"1\"><img src=\"a&amp;b.png\" alt=\"\">");
        assert_eq!(
            got,
            [
                triple("a", "href", "/x/"),
                triple("a", "class", "c d"),
                triple("a", "data-x", "1"),
                triple("img", "src", "a&b.png"),
                triple("img", "alt", ""),
            ]
        );
    }

    #[test]
    fn skips_comments_scripts_and_declarations() {
        let html = "<!DOCTYPE html><!-- <a href=\"/no/\"> --><script>if (a<b) { x = '<a href=/no/>' }</script>\
                    <style>a[href='/no/']{}</style></p><a href=\"/yes/\">";
        assert_eq!(pairs(html), [triple("a", "href", "/yes/")]);
    }

    #[test]
    fn survives_broken_markup() {
        for html in [
            "<a href=\"/x",
            "<a href=",
            "<",
            "<a",
            "<img src='a.png' <p>",
            "<a href=\"é\u{1F600}",
            "&#xZZ;<b",
        ] {
            let _ = attributes(html);
        }
        assert_eq!(pairs("<a href=\"/x")[0].2, "/x");
    }

    #[test]
    fn decodes_character_references() {
        assert_eq!(decode_entities("&#x2F;news&#47;a &amp; b &bogus; &"), "/news/a & b &bogus; &");
    }

    #[test]
    fn splits_srcset() {
        assert_eq!(srcset_urls("/a.jpg 1x, /b.jpg 2x,/c.jpg"), ["/a.jpg", "/b.jpg", "/c.jpg"]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(html in ".{0,200}") {
            let _ = attributes(&html);
            let _ = decode_entities(&html);
        }
    }
}
