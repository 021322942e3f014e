//! Classed colours: quantile classes of the values shown, a single-hue sequential palette
//! (ColorBrewer Blues, safe for every colour vision and in grey-scale) in which worse is
//! darker, and legend ranges in the site's number format (`10,5–12,3 %`).

use plotters::style::RGBColor;

use crate::chart::NumberStyle;
use crate::locale::{Lang, format_number};

/// ColorBrewer Blues, light to dark.
pub const BLUES: [RGBColor; 5] = [
    RGBColor(0xde, 0xeb, 0xf7),
    RGBColor(0x9e, 0xca, 0xe1),
    RGBColor(0x42, 0x92, 0xc6),
    RGBColor(0x21, 0x71, 0xb5),
    RGBColor(0x08, 0x45, 0x94),
];

/// How many classes a map has at most.
pub const CLASSES: usize = 5;

/// Quantile classes of `values` (non-finite ones ignored): up to `k` ranges `(low, high)`,
/// ascending, equal values always in one class.
pub fn quantile_classes(values: &[f64], k: usize) -> Vec<(f64, f64)> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let mut classes = Vec::new();
    let mut start = 0;
    for c in 0..k {
        let mut end = ((c + 1) * n) / k;
        if end <= start {
            continue;
        }
        while end < n && v[end] == v[end - 1] {
            end += 1;
        }
        classes.push((v[start], v[end - 1]));
        start = end;
        if start >= n {
            break;
        }
    }
    classes
}

/// The class of a value: the first whose upper end is not below it.
pub fn class_of(classes: &[(f64, f64)], value: f64) -> Option<usize> {
    if !value.is_finite() || classes.is_empty() {
        return None;
    }
    Some(classes.iter().position(|c| value <= c.1).unwrap_or(classes.len() - 1))
}

/// `count` colours from light to dark for ascending classes, reversed when higher values
/// are better (so the worst class is always the darkest).
pub fn palette(count: usize, higher_is_better: bool) -> Vec<RGBColor> {
    let mut colours: Vec<RGBColor> = match count {
        0 => Vec::new(),
        1 => vec![BLUES[2]],
        2 => vec![BLUES[1], BLUES[4]],
        3 => vec![BLUES[0], BLUES[2], BLUES[4]],
        4 => vec![BLUES[0], BLUES[1], BLUES[3], BLUES[4]],
        _ => BLUES.to_vec(),
    };
    if higher_is_better {
        colours.reverse();
    }
    colours
}

/// `10,5–12,3 %`, or `12,3 %` for a class of one value.
pub fn range_label((low, high): (f64, f64), number: &NumberStyle, lang: Lang) -> String {
    let (a, b) = (format_number(low, number.decimals, lang), format_number(high, number.decimals, lang));
    if a == b { format!("{a}{}", number.unit_suffix) } else { format!("{a}–{b}{}", number.unit_suffix) }
}

/// `#08519c`.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_split_ranked_values_and_keep_ties_together() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(quantile_classes(&v, 5), [(1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (7.0, 8.0), (9.0, 10.0)]);
        assert_eq!(quantile_classes(&[1.0, 1.0, 1.0, 2.0], 2), [(1.0, 1.0), (2.0, 2.0)]);
        assert_eq!(class_of(&[(1.0, 2.0), (3.0, 4.0)], 2.5), Some(1));
        assert_eq!(class_of(&[(1.0, 2.0)], f64::NAN), None);
    }

    // issue 16: worse is darker, whichever way the indicator points
    #[test]
    fn the_worst_class_is_the_darkest_in_either_direction() {
        assert_eq!(palette(5, false)[4], BLUES[4]);
        assert_eq!(palette(5, true)[0], BLUES[4]);
    }

    #[test]
    fn ranges_use_the_vietnamese_decimal_comma() {
        let style = NumberStyle { decimals: 1, unit_suffix: "\u{a0}%".into() };
        assert_eq!(range_label((10.5, 12.3), &style, Lang::Vi), "10,5–12,3\u{a0}%");
        assert_eq!(range_label((10.5, 10.5), &style, Lang::Vi), "10,5\u{a0}%");
    }
}
