//! The look shared by every chart: palette, type sizes and a font-free estimate of text width.
//!
//! Text width is estimated here, not by plotters: plotters' font-free path measures text by
//! its UTF-8 byte length, which makes Vietnamese labels (2–3 bytes a letter) look twice as
//! wide as they are. The estimate errs on the wide side so labels never clip.

use plotters::style::RGBColor;

/// Okabe–Ito colours for line series, in the order series get them (black is the target).
pub(crate) const SERIES_COLOURS: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
];

/// Okabe–Ito colours for grouped bars: the first two differ strongly in lightness, so two
/// series (e.g. two years, older lighter) stay apart in grey-scale and for every colour vision.
pub(crate) const BAR_SERIES_COLOURS: [RGBColor; 6] = [
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xD5, 0x5E, 0x00),
];

/// The main data colour (Okabe–Ito blue).
pub(crate) const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// The highlight colour (Okabe–Ito vermillion).
pub(crate) const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Targets and references (Okabe–Ito black, softened a little).
pub(crate) const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Axis labels and secondary text: 9.7:1 on white.
pub(crate) const MUTED_TEXT: RGBColor = RGBColor(0x44, 0x44, 0x44);
/// Light grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xE0, 0xE0, 0xE0);
/// The zero line and baseline rules.
pub(crate) const RULE: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);
/// Empty part of a progress bar.
pub(crate) const TRACK: RGBColor = RGBColor(0xE6, 0xE6, 0xE6);
/// Chart background.
pub(crate) const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// System fonts only: nothing is downloaded and the SVG never embeds a font.
pub(crate) const FONT_STACK: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/// Font size of all chart text, in viewBox units.
///
/// Charts are about 320 px wide on a 360 px phone; with [`CHART_WIDTH`] 400 this renders at
/// 12.8 px, above the 12 px floor the phone tests check (issue 12). The theme caps charts at
/// 480 px, where the text is 19 px.
pub(crate) const FONT_SIZE: f64 = 16.0;
/// Width of the viewBox of full-size charts.
pub(crate) const CHART_WIDTH: u32 = 400;
/// Height of one line of text, in viewBox units.
pub(crate) const LINE_HEIGHT: f64 = FONT_SIZE * 1.25;

/// Estimated width of `text` at font size `size`, for a sans-serif system font.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text.chars().map(char_width).sum();
    em * size * 1.05
}

/// Width of one character in em, from the widths of Arial/Roboto/Segoe UI rounded up.
fn char_width(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.28,
        'í' | 'ì' | 'ỉ' | 'ĩ' | 'ị' | 'Í' | 'Ì' | 'Ỉ' | 'Ĩ' | 'Ị' => 0.30,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.36,
        'm' | 'M' | 'W' => 0.86,
        'w' | '%' | '‰' => 0.78,
        '0'..='9' | '+' | '−' | '–' | '≥' | '≤' | '=' | '<' | '>' => 0.58,
        c if c.is_uppercase() => 0.70,
        c if c.is_lowercase() => 0.57,
        _ => 0.62,
    }
}

/// Break `text` at spaces into lines no wider than `max_width` (a longer word keeps its line).
///
/// A parenthesis is the preferred break: `Xã Tà Lùng (huyện Mường Tùng)` becomes
/// `Xã Tà Lùng` / `(huyện Mường Tùng)` rather than breaking inside the parenthesis.
pub(crate) fn wrap_text(text: &str, max_width: f64, size: f64) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let fits = |line: &str| text_width(line, size) <= max_width;
    if fits(&text) {
        return vec![text];
    }
    if let Some((head, tail)) = text.split_once(" (") {
        let tail = format!("({tail}");
        if fits(head) && fits(&tail) {
            return vec![head.to_string(), tail];
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if current.is_empty() || fits(&candidate) {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_are_measured_per_letter_not_per_byte() {
        let ascii = text_width("Ta Lung", FONT_SIZE);
        let vietnamese = text_width("Tà Lùng", FONT_SIZE);
        assert!((ascii - vietnamese).abs() < 1.0, "{ascii} vs {vietnamese}");
    }

    #[test]
    fn a_year_is_about_two_em_wide() {
        let width = text_width("2019", FONT_SIZE);
        assert!((35.0..42.0).contains(&width), "{width}");
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let lines = wrap_text("Tỷ lệ hộ nghèo của các xã đặc biệt khó khăn", 130.0, FONT_SIZE);
        assert_eq!(lines, ["Tỷ lệ hộ nghèo", "của các xã đặc", "biệt khó khăn"]);
        assert!(lines.iter().all(|l| text_width(l, FONT_SIZE) <= 130.0));
    }

    #[test]
    fn prefers_to_break_before_a_parenthesis() {
        let lines = wrap_text("Xã Tà Lùng (huyện Mường Tùng)", 180.0, FONT_SIZE);
        assert_eq!(lines, ["Xã Tà Lùng", "(huyện Mường Tùng)"]);
    }

    #[test]
    fn a_word_longer_than_the_width_keeps_its_own_line() {
        assert_eq!(wrap_text("Ngheo", 10.0, FONT_SIZE), ["Ngheo"]);
        assert_eq!(wrap_text("", 10.0, FONT_SIZE), [""]);
    }
}
