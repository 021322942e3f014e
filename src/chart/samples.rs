//! Realistic inputs for the chart tests: the illustrative province of Sơn Cao.

use super::*;
use crate::locale::Lang;

fn meta(id: &str, title: &str, desc: &str) -> ChartMeta {
    ChartMeta { id: id.into(), title: title.into(), desc: desc.into(), lang: Lang::Vi }
}

fn percent(decimals: usize) -> NumberStyle {
    NumberStyle { decimals, unit_suffix: " %".into() }
}

/// Poor-household rate of the province 2019–2025 with the resolution's target path.
pub(super) fn poor_households_line() -> LineChart {
    LineChart {
        meta: meta(
            "ho-ngheo-line",
            "Tỷ lệ hộ nghèo tỉnh Sơn Cao, 2019–2025 (%)",
            "Tỷ lệ hộ nghèo giảm từ 25,12 % năm 2019 xuống 9,60 % năm 2025; mục tiêu năm 2025 là ≤ 7,84 %.",
        ),
        number: percent(2),
        series: vec![LineSeries {
            label: "Sơn Cao".into(),
            points: vec![
                (2019, 25.12),
                (2020, 22.31),
                (2021, 19.84),
                (2022, 17.6),
                (2023, 14.92),
                (2024, 11.87),
                (2025, 9.6),
            ],
        }],
        target: Some(TargetLine {
            label: "Mục tiêu Nghị quyết 25/2021 (giảm ≥ 3 điểm %/năm)".into(),
            points: vec![(2021, 19.84), (2025, 7.84)],
        }),
        baseline_year: Some(2021),
        y_range: None,
    }
}

/// Three series (province and two districts) with a gap and a NaN, for markers and legend.
pub(super) fn districts_line() -> LineChart {
    let series =
        |label: &str, points: &[(i32, f64)]| LineSeries { label: label.into(), points: points.to_vec() };
    LineChart {
        meta: meta(
            "ho-ngheo-huyen-line",
            "Tỷ lệ hộ nghèo: toàn tỉnh, huyện Mường Tùng và huyện Pa Há",
            "Huyện Mường Tùng có tỷ lệ hộ nghèo cao nhất, giảm từ 48,3 % năm 2019 xuống 24,9 % năm 2024.",
        ),
        number: percent(1),
        series: vec![
            series(
                "Toàn tỉnh",
                &[(2019, 25.12), (2020, 22.31), (2021, 19.84), (2022, 17.6), (2023, 14.92), (2024, 11.87)],
            ),
            series(
                "Huyện Mường Tùng",
                &[(2019, 48.3), (2020, 44.1), (2021, 40.2), (2022, 35.6), (2023, 30.1), (2024, 24.9)],
            ),
            series(
                "Huyện Pa Há",
                &[(2019, 38.7), (2020, f64::NAN), (2021, 33.0), (2022, 29.4), (2023, 25.5), (2024, 22.3)],
            ),
        ],
        target: None,
        baseline_year: None,
        y_range: Some((0.0, 60.0)),
    }
}
