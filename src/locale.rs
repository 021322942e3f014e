//! Numbers and dates as readers of a given language expect them.
//!
//! One function per concern, so every page, chart and sentence formats alike: Vietnamese
//! shows `9,6` and `377.437`, English `9.6` and `377,437`. Data files (CSV, JSON) never go
//! through here: they always use `.` and no grouping.

use crate::date::Date;

/// The language of a site's interface and number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese (the default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Read a language code such as `vi` or `en-GB`; `None` for one we have no format for.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code used in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// (decimal mark, thousands separator).
    fn marks(self) -> (char, char) {
        match self {
            Lang::Vi => (',', '.'),
            Lang::En => ('.', ','),
        }
    }
}

/// Format `value` with exactly `decimals` decimals and grouped thousands.
///
/// Never prints `-0`; non-finite values print as `–`.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let plain = format!("{:.*}", decimals, value.abs());
    let negative = value < 0.0 && plain.bytes().any(|b| b != b'0' && b != b'.');
    let (int_part, frac_part) = plain.split_once('.').unwrap_or((&plain, ""));
    let (decimal, group) = lang.marks();
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    if negative {
        out.push('−');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(decimal);
        out.push_str(frac_part);
    }
    out
}

/// Like [`format_number`] but with an explicit `+` for positive values (for changes).
pub fn format_signed(value: f64, decimals: usize, lang: Lang) -> String {
    let text = format_number(value, decimals, lang);
    if value > 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        format!("+{text}")
    } else {
        text
    }
}

/// Like [`format_number`] with at most `decimals` decimals, trailing zeros dropped (`3`, `9,6`).
pub fn format_trimmed(value: f64, decimals: usize, lang: Lang) -> String {
    let full = format_number(value, decimals, lang);
    let (decimal, _) = lang.marks();
    if !full.contains(decimal) {
        return full;
    }
    full.trim_end_matches('0').trim_end_matches(decimal).to_string()
}

/// How many decimals `value` was typed with: the digits after the point in its shortest
/// round-trip form (`6364.25` → 2, `14.0` → 0), at most 6. A value read from a data file is
/// the number typed, so this is the precision the data have; computed values (means) can
/// have long binary tails and must not be shown this way.
pub fn typed_decimals(value: f64) -> usize {
    if !value.is_finite() {
        return 0;
    }
    let text = format!("{value}");
    text.split_once('.').map_or(0, |(_, frac)| frac.len()).min(6)
}

/// A whole number with thousands grouping, e.g. `377.437`.
pub fn format_count(value: u64, lang: Lang) -> String {
    format_number(value as f64, 0, lang)
}

/// A date as readers of `lang` write it: `12/03/2025` in Vietnamese, `12 March 2025` in English.
pub fn format_date(date: Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Vi => date.dmy(),
        Lang::En => {
            let month = date.month.checked_sub(1).and_then(|m| MONTHS.get(m as usize)).unwrap_or(&"");
            format!("{} {month} {}", date.day, date.year)
        }
    }
}

/// A percentage as a figure with its sign: `11,24 %` in Vietnamese, `11.24 %` in English
/// (a no-break space before the sign in both).
pub fn format_percent(value: f64, decimals: usize, lang: Lang) -> String {
    format!("{}\u{a0}%", format_number(value, decimals, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_uses_comma_decimals_and_dot_groups() {
        assert_eq!(format_number(9.6, 1, Lang::Vi), "9,6");
        assert_eq!(format_number(377_437.0, 0, Lang::Vi), "377.437");
        assert_eq!(format_number(1_234_567.891, 2, Lang::Vi), "1.234.567,89");
        assert_eq!(format_number(98.6, 1, Lang::En), "98.6");
        assert_eq!(format_number(377_437.0, 0, Lang::En), "377,437");
    }

    #[test]
    fn four_digit_counts_are_grouped() {
        // years are printed as plain integers by the templates, never through here
        assert_eq!(format_number(3633.0, 0, Lang::Vi), "3.633");
        assert_eq!(format_number(3633.0, 0, Lang::En), "3,633");
        assert_eq!(format_number(633.0, 0, Lang::Vi), "633");
    }

    #[test]
    fn trimmed_numbers_drop_trailing_zeros() {
        assert_eq!(format_trimmed(3.0, 2, Lang::Vi), "3");
        assert_eq!(format_trimmed(9.6, 2, Lang::Vi), "9,6");
        assert_eq!(format_trimmed(1200.0, 2, Lang::Vi), "1.200");
    }

    #[test]
    fn typed_decimals_are_the_digits_written() {
        // issue 9: an area of 6 364,25 km² has two decimals, not one
        assert_eq!(typed_decimals(6364.25), 2);
        assert_eq!(typed_decimals(9.94), 2);
        assert_eq!(typed_decimals(20411.0), 0);
        assert_eq!(typed_decimals(0.1 + 0.2), 6);
    }

    #[test]
    fn numbers_dates_and_percentages_follow_the_language_issue_11() {
        // issue 11: the English edition writes `11.24 %`, `1,234` and `12 March 2025`
        assert_eq!(format_percent(11.24, 2, Lang::Vi), "11,24\u{a0}%");
        assert_eq!(format_percent(11.24, 2, Lang::En), "11.24\u{a0}%");
        assert_eq!(format_number(1234.0, 0, Lang::Vi), "1.234");
        assert_eq!(format_number(1234.0, 0, Lang::En), "1,234");
        let date = Date { year: 2025, month: 3, day: 12 };
        assert_eq!(format_date(date, Lang::Vi), "12/03/2025");
        assert_eq!(format_date(date, Lang::En), "12 March 2025");
        assert_eq!(format_date(Date { year: 2025, month: 12, day: 1 }, Lang::En), "1 December 2025");
    }

    #[test]
    fn never_prints_negative_zero() {
        assert_eq!(format_number(-0.004, 2, Lang::Vi), "0,00");
        assert_eq!(format_number(-4.1, 1, Lang::Vi), "−4,1");
        assert_eq!(format_signed(4.1, 1, Lang::Vi), "+4,1");
        assert_eq!(format_signed(0.0, 1, Lang::Vi), "0,0");
    }
}
