//! Numbers as officers type them: a Vietnamese thousands dot (`181.603` households) reads as a
//! decimal number in YAML, and `.nan`/`.inf` read as numbers at all. The errors for both, shared
//! by every file that holds counts (issue 9). And figures written as text (a CSV cell, a
//! workbook cell typed as text): one rule for every table, the rule of YAML values (issue 14).

use crate::error::{Error, ErrorKind};

/// How a table writes decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimal {
    /// `12.5`: YAML values, CSV UTF-8 with `,` between cells, workbook cells typed as text.
    Dot,
    /// `12,5`: a CSV exported by Excel with Vietnamese settings (`;` between cells).
    Comma,
}

/// A figure written as text: the number, or the error naming the figure meant. A dot (or in
/// a `;` table, a comma) for decimals; no thousands separator, no % sign, no `nan`/`inf`:
/// `"11,24%"` is refused with "write 11.24", `"1,234"` as ambiguous (issue 14).
pub fn figure_text(text: &str, decimal: Decimal) -> Result<f64, Error> {
    let t = text.trim();
    let plain = match decimal {
        Decimal::Dot => Some(t.to_string()),
        Decimal::Comma if !t.contains('.') && t.matches(',').count() <= 1 => Some(t.replace(',', ".")),
        Decimal::Comma => None,
    };
    if let Some(n) = plain.as_deref().and_then(plain_number) {
        return Ok(n);
    }
    let error = match meant(t, decimal) {
        // in the table's own convention: a `;` table is told to write 40,1
        Some(Meant::One(m)) if decimal == Decimal::Comma => {
            let m = m.replace('.', ",");
            Error::new(ErrorKind::Value, format!("\"{t}\" is not a number; write {m}"))
                .help("this table writes decimals with a comma: no dot, no % sign, no thousands separator")
        }
        Some(Meant::One(m)) => Error::new(ErrorKind::Value, format!("\"{t}\" is not a number; write {m}"))
            .help("figures take a dot for decimals and no % sign or thousands separator, as in YAML values"),
        Some(Meant::Either(a, b)) => Error::new(
            ErrorKind::Value,
            format!("\"{t}\" is not a number: the comma may be a decimal comma or a thousands separator"),
        )
        .help(format!("write {a} if it is a decimal comma, or {b} if it separates thousands")),
        None => Error::new(ErrorKind::Value, format!("\"{t}\" is not a number")).help(
            "write a plain number with a dot for decimals, e.g. 12.5 (no % sign, no thousands separator)",
        ),
    };
    Err(error)
}

/// The number a plain figure (`-12.5`, `2024`, `1e3`) stands for; `None` for anything else,
/// including `nan` and `inf`, which Rust's parser would take.
fn plain_number(t: &str) -> Option<f64> {
    let digits = t.bytes().any(|b| b.is_ascii_digit());
    let shape = t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    (digits && shape).then(|| t.parse::<f64>().ok()).flatten().filter(|n| n.is_finite())
}

/// What a figure that is not plain was meant to be.
#[derive(Debug, PartialEq)]
pub enum Meant {
    /// Only one reading: `11,24%` → `11.24`, `1.234.567` → `1234567`.
    One(String),
    /// A comma before three digits: a decimal comma (first) or a thousands separator (second).
    Either(String, String),
}

/// The plain figure meant by `text` (a decimal comma, thousands separators, a % sign, spaces
/// between digits), or `None` when there is no figure to see in it.
pub fn meant(text: &str, decimal: Decimal) -> Option<Meant> {
    let t: String = text.trim().trim_end_matches('%').chars().filter(|c| !c.is_whitespace()).collect();
    let (dots, commas) = (t.matches('.').count(), t.matches(',').count());
    let one = |s: String| plain_number(&s).is_some().then_some(Meant::One(s));
    let (last_dot, last_comma) = (t.rfind('.'), t.rfind(','));
    match (dots, commas) {
        (0, 1) if decimal == Decimal::Dot && t.len() - t.rfind(',')? == 4 => {
            let (a, b) = (t.replace(',', "."), t.replace(',', ""));
            plain_number(&a).map(|_| Meant::Either(a, b))
        }
        (_, 0) | (0, _) if dots + commas > 1 => one(t.replace(['.', ','], "")),
        (0, 1) | (1, 0) => one(t.replace(',', ".")),
        // both: the last one is the decimal separator
        _ if last_comma > last_dot => one(t.replace('.', "").replace(',', ".")),
        _ => one(t.replace(',', "")),
    }
}

/// The whole number a thousands dot stands for: `181.603` → `181603`, `1.234.567` never reaches
/// here (it is text). `None` unless the value has exactly three decimals, the dot's shape.
pub fn thousands_dot(value: f64) -> Option<String> {
    let text = format!("{value}");
    let (whole, decimals) = text.split_once('.')?;
    (decimals.len() == 3 && !whole.is_empty()).then(|| format!("{whole}{decimals}").replace('-', ""))
}

/// The error for a value that is not a finite number (`.nan`, `.inf`), or `None`.
pub fn not_finite(what: &str, value: f64) -> Option<Error> {
    let word = if value.is_nan() {
        "is not a number"
    } else if value.is_infinite() {
        "is infinite, which is not a figure"
    } else {
        return None;
    };
    Some(
        Error::new(ErrorKind::Value, format!("{what} {word}"))
            .help("write the figure as a plain number, e.g. 12.5, or leave it out when there is none"),
    )
}

/// The error for a count (households, population, a `count` indicator) with decimals, or `None`.
pub fn not_whole(what: &str, value: f64) -> Option<Error> {
    if value.fract() == 0.0 || !value.is_finite() {
        return None;
    }
    let help = match thousands_dot(value) {
        Some(whole) => format!(
            "did you mean {whole}? A dot is the decimal separator here; write whole numbers without separators"
        ),
        None => "a count has no decimals: write a whole number without separators, e.g. 20411".to_string(),
    };
    Some(Error::new(ErrorKind::Value, format!("{what} must be a whole number, found {value}")).help(help))
}

/// The error for a negative count or area, or `None`.
pub fn negative(what: &str, value: f64) -> Option<Error> {
    (value < 0.0).then(|| {
        Error::new(ErrorKind::Value, format!("{what} cannot be negative, found {value}"))
            .help("write the figure without a minus sign")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_thousands_dot_as_the_whole_number_meant_issue_9() {
        assert_eq!(thousands_dot(181.603).as_deref(), Some("181603"));
        assert_eq!(thousands_dot(20.411).as_deref(), Some("20411"));
        assert_eq!(thousands_dot(20.41), None);
        assert_eq!(thousands_dot(20.0), None);
        let e = not_whole("households", 181.603).unwrap();
        assert_eq!(e.message, "households must be a whole number, found 181.603");
        assert!(e.help.unwrap().starts_with("did you mean 181603?"));
        assert!(not_whole("households", 181_603.0).is_none());
    }

    #[test]
    fn figures_written_as_text_follow_the_rules_of_yaml_values_issue_14() {
        assert_eq!(figure_text(" 12.5 ", Decimal::Dot).unwrap(), 12.5);
        assert_eq!(figure_text("12,5", Decimal::Comma).unwrap(), 12.5);
        let e = figure_text("11,24%", Decimal::Dot).unwrap_err();
        assert_eq!(e.message, "\"11,24%\" is not a number; write 11.24");
        assert_eq!(
            figure_text("1.234.567", Decimal::Dot).unwrap_err().message,
            "\"1.234.567\" is not a number; write 1234567"
        );
        assert_eq!(
            figure_text("1.234,5", Decimal::Comma).unwrap_err().message,
            "\"1.234,5\" is not a number; write 1234,5"
        );
        let e = figure_text("1,234", Decimal::Dot).unwrap_err();
        assert_eq!(
            e.help.as_deref(),
            Some("write 1.234 if it is a decimal comma, or 1234 if it separates thousands")
        );
        assert!(figure_text("nan", Decimal::Dot).is_err());
        assert!(figure_text("inf", Decimal::Dot).is_err());
        assert!(figure_text("", Decimal::Dot).is_err());
        assert_eq!(meant("không có", Decimal::Dot), None);
    }

    #[test]
    fn names_nan_and_infinity_and_negatives_issue_9() {
        assert_eq!(not_finite("the value", f64::NAN).unwrap().message, "the value is not a number");
        assert!(not_finite("the value", f64::INFINITY).unwrap().message.contains("infinite"));
        assert!(not_finite("the value", 1.5).is_none());
        assert!(negative("area_km2", -3.0).unwrap().message.contains("cannot be negative"));
        assert!(negative("area_km2", 0.0).is_none());
    }
}
