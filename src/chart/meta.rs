//! What every chart is told besides its data: identity, accessible text, language, number format.

use crate::error::{Error, ErrorKind};
use crate::locale::{Lang, format_number};

/// Identity and accessible description of one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartMeta {
    /// Unique on its page; prefixes element ids (`<id>-title`), e.g. `ho-ngheo-line`.
    ///
    /// ASCII letters, digits, `-` and `_`, starting with a letter.
    pub id: String,
    /// Accessible name, one line (becomes `<title>`).
    pub title: String,
    /// What the chart shows, in words (becomes `<desc>`).
    pub desc: String,
    /// Language of the built-in words and of number formatting.
    pub lang: Lang,
}

/// How values are written on axes and value labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberStyle {
    /// Decimals of value labels (axis labels use as many as their step needs).
    pub decimals: usize,
    /// Appended to every value label, e.g. `" %"`; may be empty.
    pub unit_suffix: String,
}

impl NumberStyle {
    /// A value label: `12,5 %` in Vietnamese.
    pub(crate) fn value(&self, value: f64, lang: Lang) -> String {
        format!("{}{}", format_number(value, self.decimals, lang), self.unit_suffix)
    }

    /// A value label beside an axis: the unit only when it is short, as on the ticks.
    pub(crate) fn value_on_axis(&self, value: f64, lang: Lang) -> String {
        self.tick(value, self.decimals, lang)
    }

    /// A tick label with the decimals of the axis step; the unit only when it is short (`%`).
    pub(crate) fn tick(&self, value: f64, decimals: usize, lang: Lang) -> String {
        let number = format_number(value, decimals, lang);
        if self.unit_on_ticks() { format!("{number}{}", self.unit_suffix) } else { number }
    }

    /// A long unit (`triệu đồng`) is written once above the axis instead of on every tick.
    pub(crate) fn axis_unit(&self) -> Option<&str> {
        let unit = self.unit_suffix.trim();
        (!unit.is_empty() && !self.unit_on_ticks()).then_some(unit)
    }

    fn unit_on_ticks(&self) -> bool {
        self.unit_suffix.trim().chars().count() <= 2
    }
}

/// Words the charts write themselves.
pub(crate) enum Word {
    /// Written under the baseline year (lower case: it follows the year).
    Baseline,
    /// Legend entry of targets.
    Target,
}

/// `word` in `lang`.
pub(crate) fn word(word: Word, lang: Lang) -> &'static str {
    match (word, lang) {
        (Word::Baseline, Lang::Vi) => "năm gốc",
        (Word::Baseline, Lang::En) => "baseline",
        (Word::Target, Lang::Vi) => "Mục tiêu",
        (Word::Target, Lang::En) => "Target",
    }
}

/// A chart error that names the chart.
pub(crate) fn chart_error(meta: &ChartMeta, message: impl AsRef<str>, help: &str) -> Error {
    Error::new(ErrorKind::Chart, format!("chart `{}`: {}", meta.id, message.as_ref())).help(help)
}

/// The error for a chart with nothing to draw; callers avoid it by leaving such charts out.
pub(crate) fn no_data(meta: &ChartMeta) -> Error {
    chart_error(
        meta,
        "there are no finite values to draw",
        "leave the chart out when the indicator has no values for this selection",
    )
}

/// Check that the id can prefix element ids and be listed in `aria-labelledby`.
pub(crate) fn check_meta(meta: &ChartMeta) -> Result<(), Error> {
    let mut chars = meta.id.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if starts_with_letter && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        Ok(())
    } else {
        Err(chart_error(
            meta,
            "the id must start with a letter and use only ASCII letters, digits, `-` and `_`",
            "derive chart ids from slugs, e.g. ho-ngheo-line",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str) -> ChartMeta {
        ChartMeta { id: id.into(), title: String::new(), desc: String::new(), lang: Lang::Vi }
    }

    #[test]
    fn value_labels_use_the_decimal_comma_in_vietnamese() {
        let style = NumberStyle { decimals: 1, unit_suffix: " %".into() };
        assert_eq!(style.value(12.5, Lang::Vi), "12,5 %");
        assert_eq!(style.value(12.5, Lang::En), "12.5 %");
        assert_eq!(style.tick(1000.0, 0, Lang::Vi), "1.000 %");
    }

    #[test]
    fn long_units_go_above_the_axis_not_on_each_tick() {
        let style = NumberStyle { decimals: 0, unit_suffix: " triệu đồng".into() };
        assert_eq!(style.tick(40.0, 0, Lang::Vi), "40");
        assert_eq!(style.value_on_axis(11_870.0, Lang::Vi), "11.870");
        assert_eq!(style.axis_unit(), Some("triệu đồng"));
        let percent = NumberStyle { decimals: 0, unit_suffix: " %".into() };
        assert_eq!(percent.axis_unit(), None);
    }

    #[test]
    fn rejects_ids_that_cannot_prefix_element_ids() {
        assert!(check_meta(&meta("ho-ngheo-line")).is_ok());
        for bad in ["", "1-line", "hộ-nghèo", "a b", "a\"b"] {
            let error = check_meta(&meta(bad)).unwrap_err();
            assert_eq!(error.kind, ErrorKind::Chart);
            assert!(error.message.contains(&format!("`{bad}`")));
        }
    }
}
