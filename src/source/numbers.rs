//! Numbers as officers type them: a Vietnamese thousands dot (`181.603` households) reads as a
//! decimal number in YAML, and `.nan`/`.inf` read as numbers at all. The errors for both, shared
//! by every file that holds counts (issue 9).

use crate::error::{Error, ErrorKind};

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
    fn names_nan_and_infinity_and_negatives_issue_9() {
        assert_eq!(not_finite("the value", f64::NAN).unwrap().message, "the value is not a number");
        assert!(not_finite("the value", f64::INFINITY).unwrap().message.contains("infinite"));
        assert!(not_finite("the value", 1.5).is_none());
        assert!(negative("area_km2", -3.0).unwrap().message.contains("cannot be negative"));
        assert!(negative("area_km2", 0.0).is_none());
    }
}
