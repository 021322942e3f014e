//! One escaper for every markup gazette writes by hand (feeds, sitemaps, SVG, attributes):
//! `& < > " '` become entities, and characters XML 1.0 forbids are dropped, so the result is
//! valid in HTML5 text and attributes and in XML. Also the one escaper for text cells of the
//! CSV files gazette writes, which spreadsheets must not run as formulas.

/// Escape `text` for element content and double- or single-quoted attribute values.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // control characters XML 1.0 forbids, and gazette's own placeholder marks
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{7F}' | '\u{E000}' | '\u{E001}' | '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Plain text for an RSS 2.0 `<title>` or `<description>`: readers decode those elements as
/// HTML, so the text is escaped for HTML and then for XML (issue 8), and `<b>` reaches the reader
/// as the five characters `<b>`, never as markup.
pub fn escape_rss_text(text: &str) -> String {
    escape_markup(&escape_markup(text))
}

/// A text cell of a CSV file, quoted when needed, and neutralised as OWASP's "CSV Injection"
/// advises: text starting with `=`, `+`, `-`, `@`, TAB or CR (which a spreadsheet would run as a
/// formula) gets a leading `'` inside a quoted cell (issue 8). Numbers are not text: write them
/// unescaped, so `-3.2` stays a number.
pub fn escape_csv_cell(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(escape_markup("a & <b> \"c\" 'd'\u{1}"), "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;");
        assert_eq!(escape_markup("Tà Lùng\t2025\n"), "Tà Lùng\t2025\n");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_get_a_quote_issue_8() {
        assert_eq!(escape_csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(escape_csv_cell("+1"), "\"'+1\"");
        assert_eq!(escape_csv_cell("-2+3"), "\"'-2+3\"");
        assert_eq!(escape_csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(escape_csv_cell("\tx"), "\"'\tx\"");
        assert_eq!(escape_csv_cell("\rx"), "\"'\rx\"");
        assert_eq!(escape_csv_cell("=a,b"), "\"'=a,b\"");
    }

    #[test]
    fn csv_cells_without_a_formula_are_plain_or_quoted() {
        assert_eq!(escape_csv_cell("xã Tà Lùng"), "xã Tà Lùng");
        assert_eq!(escape_csv_cell("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(escape_csv_cell("0-2"), "0-2");
        assert_eq!(escape_csv_cell("a=b"), "a=b");
        assert_eq!(escape_csv_cell(""), "");
    }

    #[test]
    fn rss_text_is_escaped_for_html_then_for_xml_issue_8() {
        assert_eq!(escape_rss_text("<b>x</b> & y"), "&amp;lt;b&amp;gt;x&amp;lt;/b&amp;gt; &amp;amp; y");
        assert_eq!(escape_rss_text("Tà Lùng"), "Tà Lùng");
    }
}
