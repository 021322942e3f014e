//! What `gazette serve` adds to HTML responses, and only to them: the live-reload script and,
//! while the last build failed, an overlay listing its errors. Files on disk never hold them,
//! so nothing of this reaches `gazette build` output.

use std::fmt::Write as _;

/// Id of the error overlay element (tests look for it).
pub(super) const OVERLAY_ID: &str = "gazette-errors";

/// A page for addresses that have no file while there is no output at all (a first build that
/// failed); the overlay tells why.
pub(super) const NO_OUTPUT_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\
<title>gazette serve</title></head><body><h1>Chưa có trang nào (no page yet)</h1>\
<p>The site has not been built yet. Fix the errors below and save: this page reloads by itself.</p>\
</body></html>\n";

/// `html` with the reload script (waiting for a version after `version`) and, when `errors`
/// is not empty, the overlay, inserted before the last `</body>` (or at the end).
pub(super) fn inject(html: &[u8], version: u64, errors: &[String]) -> Vec<u8> {
    let mut extra = String::with_capacity(1024);
    if !errors.is_empty() {
        extra.push_str(&overlay(errors));
    }
    extra.push_str(&reload_script(version));
    let at = find_body_end(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The script: ask the server for the next version (it answers when a build finishes, or after
/// a while with the same number), reload when it differs; retry each second while it is away.
fn reload_script(version: u64) -> String {
    format!(
        "<script>/* gazette serve: live reload */(function(){{var v=\"{version}\";\
function poll(){{fetch(\"/__gazette/version?since=\"+v,{{cache:\"no-store\"}})\
.then(function(r){{return r.text()}})\
.then(function(t){{if(t!==v){{location.reload()}}else{{poll()}}}},\
function(){{setTimeout(poll,1000)}})}}poll()}})();</script>"
    )
}

/// A fixed panel over the page listing the errors, escaped.
fn overlay(errors: &[String]) -> String {
    let mut html = format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
overflow:auto;margin:0;padding:2rem;background:rgba(24,24,27,.96);color:#fafafa;\
font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left\">\
<p style=\"margin:0 0 1rem;font-weight:bold;color:#fca5a5\">gazette: the build failed \
({n} error{s}). The page below is from the last good build. Save the fixed file and this \
page reloads.</p>",
        n = errors.len(),
        s = if errors.len() == 1 { "" } else { "s" },
    );
    for error in errors {
        let _ = write!(html, "<pre style=\"white-space:pre-wrap;margin:0 0 1rem\">{}</pre>", escape(error));
    }
    html.push_str("</div>");
    html
}

fn escape(text: &str) -> String {
    crate::escape::escape_markup(text)
}

/// Byte offset of the last `</body` (any case).
fn find_body_end(html: &[u8]) -> Option<usize> {
    const END: &[u8] = b"</body";
    (0..=html.len().checked_sub(END.len())?).rev().find(|&i| html[i..i + END.len()].eq_ignore_ascii_case(END))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goes_before_the_closing_body_tag() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></BODY></html>", 3, &[])).unwrap();
        assert!(out.starts_with("<html><body><p>x</p><script>"), "{out}");
        assert!(out.ends_with("</script></BODY></html>"), "{out}");
        assert!(out.contains("var v=\"3\""));
        assert!(!out.contains(OVERLAY_ID));
    }

    #[test]
    fn escapes_errors_in_the_overlay() {
        let errors = ["a.md:1:1: error: <script>alert(1)</script> & co".to_string()];
        let out = String::from_utf8(inject(b"no body", 1, &errors)).unwrap();
        assert!(out.starts_with("no body<div id=\"gazette-errors\""), "{out}");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(!out.contains("<script>alert"));
    }
}
