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

/// The ten communes with the highest poor-household rate in 2024, one highlighted.
pub(super) fn poorest_communes_bars() -> BarChart {
    let bar = |label: &str, value: f64, highlight: bool| Bar { label: label.into(), value, highlight };
    BarChart {
        meta: meta(
            "ho-ngheo-xa-2024-bars",
            "10 xã có tỷ lệ hộ nghèo cao nhất tỉnh Sơn Cao năm 2024 (%)",
            "Xã Tà Lùng có tỷ lệ hộ nghèo cao nhất (61,2 %), gấp hơn bốn lần mức toàn tỉnh (14,9 %).",
        ),
        number: percent(1),
        bars: vec![
            bar("Xã Tà Lùng (huyện Mường Tùng)", 61.2, true),
            bar("Xã Pa Cheo (huyện Mường Tùng)", 57.9, false),
            bar("Xã Nậm Khao (huyện Nậm Xe)", 55.4, false),
            bar("Xã Sín Thàng (huyện Sìn Chải)", 52.8, false),
            bar("Xã Hồ Pa (huyện Pa Há)", 49.35, false),
            bar("Xã Lả Nhì (huyện Khao Lăng)", 47.1, false),
            bar("Xã Mù Sang (huyện Mù Sang)", 44.6, false),
            bar("Xã Thèn Phàng (huyện Than Hà)", 41.0, false),
            bar("Xã Phìn Hồ", 38.75, false),
            bar("Xã Nậm Chà", 36.2, false),
        ],
        reference: Some(("Toàn tỉnh".into(), 14.92)),
    }
}

/// Enrolment by age group in two years against the resolution's targets.
pub(super) fn enrolment_grouped() -> GroupedBarChart {
    let group = |label: &str, a: f64, b: f64, target: f64| BarGroup {
        label: label.into(),
        values: vec![Some(a), Some(b)],
        target: Some(target),
    };
    GroupedBarChart {
        meta: meta(
            "tre-den-truong-nhom-tuoi",
            "Tỷ lệ trẻ em đến trường theo nhóm tuổi, 2024 và 2025 (%)",
            "Năm 2025, nhóm 0–2 tuổi đạt 31,2 % (mục tiêu 30 %); nhóm 3–5 tuổi đạt 98,1 %, chưa đạt mục tiêu 98,6 %.",
        ),
        number: percent(1),
        groups: vec![
            group("0–2 tuổi", 27.4, 31.2, 30.0),
            group("3–5 tuổi", 96.8, 98.1, 98.6),
            group("4–5 tuổi", 98.2, 99.1, 99.0),
            group("6–14 tuổi", 98.9, 99.3, 99.0),
        ],
        series_labels: vec!["2024".into(), "2025".into()],
    }
}

/// The province's poor-household rate on a key-figure card.
pub(super) fn poor_households_sparkline() -> Sparkline {
    Sparkline {
        meta: meta(
            "ho-ngheo-spark",
            "Hộ nghèo 2019–2025",
            "Giảm đều từ 25,12 % năm 2019 xuống 9,60 % năm 2025.",
        ),
        points: poor_households_line().series[0].points.clone(),
        highlight_last: true,
    }
}

/// How far the province has come towards its 2025 poverty target.
pub(super) fn poverty_progress() -> ProgressBar {
    ProgressBar {
        meta: meta(
            "ho-ngheo-tien-do",
            "Tiến độ giảm tỷ lệ hộ nghèo so với mục tiêu 2025",
            "Đã đạt 85 % quãng đường từ mức năm gốc 2021 (19,84 %) đến mục tiêu năm 2025 (7,84 %).",
        ),
        fraction: 0.853,
        label: "Giảm tỷ lệ hộ nghèo bình quân ≥ 3 điểm %/năm (2021–2025)".into(),
    }
}
