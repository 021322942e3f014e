//! Figures and sentences in the site's language: values with their unit, changes, target
//! phrases, statuses, and the sentence that says an indicator's message in words.
//!
//! Every word comes from the theme's i18n strings (`i18n/<lang>.yaml`), so an English site
//! gets English sentences; numbers go through `locale`.

use crate::date::Date;
use crate::geo::Unit;
use crate::goal::progress::Status;
use crate::goal::{Target, TargetKind};
use crate::indicator::stats::{Latest, average_annual_change, latest};
use crate::indicator::{Indicator, UnitKind};
use crate::locale::{Lang, format_date, format_number, format_percent, format_trimmed, typed_decimals};
use crate::render::i18n::{Strings, fill};

/// Formats figures and phrases for one site.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    /// Interface strings.
    pub strings: &'a Strings,
    /// Number format.
    pub lang: Lang,
}

impl<'a> Words<'a> {
    /// A string from the theme.
    pub fn t(&self, key: &'a str) -> &'a str {
        self.strings.get(key)
    }

    /// The unit label: `%`, `điểm phần trăm`, `hộ`, `ngày/tuần`, …
    pub fn unit_label(&self, ind: &'a Indicator) -> &'a str {
        if let Some(label) = &ind.unit_label {
            return label;
        }
        self.t(match ind.unit {
            UnitKind::Percent => "unit_percent",
            UnitKind::Points => "unit_points",
            UnitKind::Vnd => "unit_vnd",
            UnitKind::MillionVnd => "unit_million_vnd",
            UnitKind::DaysPerWeek => "unit_days_per_week",
            UnitKind::Per1000 => "unit_per_1000",
            UnitKind::Km => "unit_km",
            UnitKind::Count | UnitKind::Boolean | UnitKind::Ratio | UnitKind::Custom => "unit_none",
        })
    }

    /// The suffix after a number: ` %` (no-break space), ` ngày/tuần`, or nothing.
    pub fn unit_suffix(&self, ind: &'a Indicator) -> String {
        let label = self.unit_label(ind);
        if label.is_empty() { String::new() } else { format!("\u{a0}{label}") }
    }

    /// A figure as typed in the data, with its unit: `17,30 %`, `2,6 ngày/tuần`, `Đạt`.
    ///
    /// Shown with the indicator's `decimals` or the decimals the value was typed with,
    /// whichever is more, so no typed digit is rounded away (issue 9: `6.364,25`, not `6.364,2`).
    pub fn value(&self, ind: &Indicator, value: f64) -> String {
        if ind.unit == UnitKind::Boolean {
            return self.t(if value >= 0.5 { "boolean_yes" } else { "boolean_no" }).to_string();
        }
        format!("{}{}", self.number(ind, value), self.unit_suffix(ind))
    }

    /// A computed figure (a mean of units) with its unit, rounded to the indicator's `decimals`.
    pub fn rounded(&self, ind: &Indicator, value: f64) -> String {
        if ind.unit == UnitKind::Boolean {
            return self.value(ind, value);
        }
        format!("{}{}", format_number(value, ind.decimals, self.lang), self.unit_suffix(ind))
    }

    /// A share in per cent with one decimal: `95,9 %`.
    pub fn percent(&self, value: f64) -> String {
        format_percent(value, 1, self.lang)
    }

    /// A date: `12/03/2025`, in English `12 March 2025`.
    pub fn date(&self, date: Date) -> String {
        format_date(date, self.lang)
    }

    /// A typed number alone, with the indicator's decimals or more (see [`Words::value`]).
    pub fn number(&self, ind: &Indicator, value: f64) -> String {
        format_number(value, ind.decimals.max(typed_decimals(value)), self.lang)
    }

    /// A change with the word for its direction: `tăng 1,24 điểm phần trăm`,
    /// `giảm 7,69 điểm phần trăm`, `không đổi` (judged on the change as written).
    pub fn signed_change(&self, ind: &Indicator, delta: f64) -> String {
        let key = match direction_key(delta, change_decimals(ind), "sentence_change") {
            "sentence_change_down" => "change_down",
            "sentence_change_up" => "change_up",
            _ => return self.t("change_none").to_string(),
        };
        fill(self.t(key), &[("change", &self.change(ind, delta))])
    }

    /// "Tỉnh X: từ 12,0 % năm 2021 đến 9,9 % năm 2024.", or "Tỉnh X: 9,94 % năm 2024." when
    /// the series is one year (issue 9); `first` and `last` are (year, formatted value).
    pub fn series_desc(&self, name: &str, first: (i32, &str), last: (i32, &str)) -> String {
        if first.0 == last.0 {
            return fill(
                self.t("chart_series_desc_one"),
                &[("name", name), ("last", last.1), ("last_year", &last.0.to_string())],
            );
        }
        fill(
            self.t("chart_series_desc"),
            &[
                ("name", name),
                ("first", first.1),
                ("first_year", &first.0.to_string()),
                ("last", last.1),
                ("last_year", &last.0.to_string()),
            ],
        )
    }

    /// A span of years: `2019–2024`, or `năm 2024` when it is one year (issue 9).
    pub fn years(&self, from: i32, to: i32) -> String {
        if from == to {
            fill(self.t("span_one_year"), &[("year", &to.to_string())])
        } else {
            fill(self.t("span_years"), &[("from", &from.to_string()), ("to", &to.to_string())])
        }
    }

    /// The size of a change with its unit (percent changes are in points): `4,1 điểm phần trăm`.
    pub fn change(&self, ind: &Indicator, delta: f64) -> String {
        format!("{}{}", format_number(delta.abs(), change_decimals(ind), self.lang), self.change_unit(ind))
    }

    fn change_unit(&self, ind: &'a Indicator) -> String {
        match ind.unit {
            UnitKind::Percent => format!("\u{a0}{}", self.t("unit_points")),
            _ => self.unit_suffix(ind),
        }
    }

    /// A number written in a plan (a target value): no trailing zeros, `≥ 9,6`, `3`.
    fn plan_number(&self, ind: &Indicator, value: f64) -> String {
        format_trimmed(value, ind.decimals.max(2), self.lang)
    }

    /// The status label; a missed target whose year has passed reads "not achieved".
    pub fn status(&self, status: Status, final_result: bool) -> &'a str {
        match status {
            Status::OffTrack if final_result => self.t("status_not_achieved"),
            s => self.t(match s {
                Status::Achieved => "status_achieved",
                Status::OnTrack => "status_on_track",
                Status::AtRisk => "status_at_risk",
                Status::OffTrack => "status_off_track",
                Status::NotEnoughData => "status_not_enough_data",
                Status::NotComparable => "status_not_comparable",
            }),
        }
    }

    /// What the target asks, in words: `≥ 30 %`, `giảm ≥ 9 điểm phần trăm mỗi năm`.
    pub fn target_phrase(&self, target: &Target, ind: &Indicator) -> String {
        let cmp = target.comparator.symbol();
        match target.kind {
            TargetKind::Level if ind.unit == UnitKind::Boolean => {
                format!("{cmp} {}", self.value(ind, target.value))
            }
            TargetKind::Level => {
                format!("{cmp} {}{}", self.plan_number(ind, target.value), self.unit_suffix(ind))
            }
            TargetKind::AnnualDecrease | TargetKind::AnnualIncrease => {
                let key = if target.kind == TargetKind::AnnualDecrease {
                    "target_annual_decrease"
                } else {
                    "target_annual_increase"
                };
                let value = format!("{}{}", self.plan_number(ind, target.value), self.change_unit(ind));
                fill(self.t(key), &[("cmp", cmp), ("value", &value)])
            }
            TargetKind::Share if ind.unit == UnitKind::Boolean => fill(
                self.t("target_share_met"),
                &[("cmp", cmp), ("value", &format_number(target.value, 0, self.lang))],
            ),
            TargetKind::Share => {
                let condition = target
                    .condition
                    .map(|(c, v)| {
                        if ind.unit == UnitKind::Boolean {
                            format!("{} {}", c.symbol(), self.value(ind, v))
                        } else {
                            format!("{} {}{}", c.symbol(), self.plan_number(ind, v), self.unit_suffix(ind))
                        }
                    })
                    .unwrap_or_default();
                fill(
                    self.t("target_share"),
                    &[
                        ("cmp", cmp),
                        ("value", &format_number(target.value, 0, self.lang)),
                        ("condition", &condition),
                    ],
                )
            }
        }
    }

    /// The latest value, its change and the average change since `base_year`, in one sentence,
    /// with the target phrase when one is given, e.g. "Năm 2024, tỷ lệ hộ nghèo của tỉnh Sơn Cao
    /// là 17,30 %, giảm 3,3 điểm phần trăm so với năm 2023; bình quân giảm 3,2 điểm phần trăm
    /// mỗi năm từ năm 2021."
    pub fn sentence(
        &self,
        ind: &Indicator,
        unit: &Unit,
        points: &[(i32, f64)],
        base_year: Option<i32>,
        target: Option<(&str, &str)>,
    ) -> Option<String> {
        let last: Latest = latest(points, None)?;
        let name = lower_first(&ind.title);
        let mut out = fill(
            self.t("sentence_latest"),
            &[
                ("year", &last.year.to_string()),
                ("indicator", &name),
                ("geo", &unit.full_name()),
                ("value", &self.value(ind, last.value)),
            ],
        );
        if let (Some(delta), Some((prev, _))) = (last.change(), last.previous) {
            let key = direction_key(delta, change_decimals(ind), "sentence_change");
            out.push_str(", ");
            out.push_str(&fill(
                self.t(key),
                &[("change", &self.change(ind, delta)), ("prev_year", &prev.to_string())],
            ));
        }
        let base = base_year.or_else(|| points.first().map(|p| p.0)).filter(|b| *b < last.year);
        if let Some((avg, _)) = base.and_then(|b| average_annual_change(points, b, None)) {
            let key = direction_key(avg, change_decimals(ind), "sentence_average");
            out.push_str("; ");
            out.push_str(&fill(
                self.t(key),
                &[("change", &self.change(ind, avg)), ("base_year", &base.unwrap_or_default().to_string())],
            ));
        }
        if let Some((verdict, phrase)) = target {
            out.push_str(", ");
            out.push_str(&fill(self.t(verdict), &[("target", phrase)]));
        }
        out.push('.');
        Some(out)
    }
}

/// Decimals of a change: at least one for rates (changes are small), else the indicator's.
pub fn change_decimals(ind: &Indicator) -> usize {
    match ind.unit {
        UnitKind::Percent | UnitKind::Points | UnitKind::DaysPerWeek | UnitKind::Per1000 => {
            ind.decimals.max(1)
        }
        _ => ind.decimals,
    }
}

/// `…_down`, `…_up` or `…_same` for a change, judged on the change as it is written (a
/// change that rounds to zero reads "unchanged").
fn direction_key(delta: f64, decimals: usize, prefix: &str) -> &'static str {
    let scale = 10f64.powi(decimals.min(9) as i32);
    let delta = (delta * scale).round() / scale;
    match (prefix, delta) {
        ("sentence_change", d) if d < -1e-9 => "sentence_change_down",
        ("sentence_change", d) if d > 1e-9 => "sentence_change_up",
        ("sentence_change", _) => "sentence_change_same",
        (_, d) if d < -1e-9 => "sentence_average_down",
        (_, d) if d > 1e-9 => "sentence_average_up",
        _ => "sentence_average_same",
    }
}

/// "Tỷ lệ hộ nghèo" → "tỷ lệ hộ nghèo" (keeps acronyms such as "BHYT" as they are).
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_only_the_first_letter_of_words() {
        assert_eq!(lower_first("Tỷ lệ hộ nghèo"), "tỷ lệ hộ nghèo");
        assert_eq!(lower_first("BHYT toàn dân"), "BHYT toàn dân");
    }
}
