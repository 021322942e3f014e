//! Tests across chart kinds: snapshots of realistic charts, determinism, well-formed and
//! accessible markup, readable text, and the edge cases every chart must survive.

use super::samples;
use super::wellformed::check_wellformed;
use super::*;
use crate::error::ErrorKind;

/// Every sample chart, rendered.
fn all_samples() -> Vec<(&'static str, Svg)> {
    vec![
        ("line", render_line_chart(&samples::poor_households_line()).unwrap()),
        ("line-3", render_line_chart(&samples::districts_line()).unwrap()),
        ("ranking", render_bar_chart(&samples::poorest_communes_bars()).unwrap()),
        ("grouped", render_grouped_bar_chart(&samples::enrolment_grouped()).unwrap()),
        ("sparkline", render_sparkline(&samples::poor_households_sparkline()).unwrap()),
        ("progress", render_progress_bar(&samples::poverty_progress()).unwrap()),
    ]
}

/// The value of `attr="…"` in the first tag that has it.
fn attr<'a>(svg: &'a str, attr: &str) -> Option<&'a str> {
    let start = svg.find(&format!(" {attr}=\""))? + attr.len() + 3;
    svg[start..].split('"').next()
}

/// The checks every published chart must pass.
fn assert_publishable(name: &str, svg: &Svg) {
    let text = svg.as_str();
    check_wellformed(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let root = text.lines().next().unwrap();
    assert!(
        root.contains(" role=\"img\"") && !root.contains(" width=") && !root.contains(" height="),
        "{name}"
    );
    let id = attr(text, "id").unwrap().strip_suffix("-title").unwrap();
    assert_eq!(attr(root, "aria-labelledby"), Some(format!("{id}-title {id}-desc").as_str()), "{name}");
    let mut lines = text.lines().skip(1);
    assert!(lines.next().unwrap().starts_with(&format!("<title id=\"{id}-title\">")), "{name}");
    assert!(lines.next().unwrap().starts_with(&format!("<desc id=\"{id}-desc\">")), "{name}");
    let view_width: f64 = attr(root, "viewBox").unwrap().split(' ').nth(2).unwrap().parse().unwrap();
    for size in text.match_indices(" font-size=\"").map(|(i, _)| &text[i + 12..]) {
        let size: f64 = size.split('"').next().unwrap().parse().unwrap();
        // the page shows charts about 340 px wide on a 360 px phone
        assert!(size * 340.0 / view_width >= 11.0, "{name}: font-size {size} in a {view_width} wide viewBox");
    }
}

#[test]
fn line_chart_snapshot() {
    let svg = render_line_chart(&samples::poor_households_line()).unwrap();
    insta::assert_snapshot!("line_chart", svg.as_str());
}

#[test]
fn line_chart_with_three_series_snapshot() {
    let svg = render_line_chart(&samples::districts_line()).unwrap();
    insta::assert_snapshot!("line_chart_three_series", svg.as_str());
}

#[test]
fn ranking_snapshot() {
    let svg = render_bar_chart(&samples::poorest_communes_bars()).unwrap();
    insta::assert_snapshot!("ranking_bars", svg.as_str());
}

#[test]
fn grouped_bars_snapshot() {
    let svg = render_grouped_bar_chart(&samples::enrolment_grouped()).unwrap();
    insta::assert_snapshot!("grouped_bars", svg.as_str());
}

#[test]
fn sparkline_snapshot() {
    let svg = render_sparkline(&samples::poor_households_sparkline()).unwrap();
    insta::assert_snapshot!("sparkline", svg.as_str());
}

#[test]
fn progress_bar_snapshot() {
    let svg = render_progress_bar(&samples::poverty_progress()).unwrap();
    insta::assert_snapshot!("progress_bar", svg.as_str());
}

#[test]
fn two_renders_are_byte_identical() {
    assert_eq!(all_samples(), all_samples());
}

#[test]
fn every_chart_is_wellformed_accessible_and_readable_on_a_phone() {
    for (name, svg) in all_samples() {
        assert_publishable(name, &svg);
    }
}

#[test]
fn titles_are_escaped() {
    let mut chart = samples::poor_households_line();
    chart.meta.title = "Tỷ lệ < 5 % & \"đạt\" ≥ 2".into();
    let svg = render_line_chart(&chart).unwrap();
    assert!(svg.as_str().contains(">Tỷ lệ &lt; 5 % &amp; &quot;đạt&quot; ≥ 2</title>"));
    assert_publishable("escaped", &svg);
}

#[test]
fn years_are_plain_and_values_use_the_decimal_comma() {
    let svg = render_line_chart(&samples::poor_households_line()).unwrap().into_string();
    assert!(svg.contains(">2019</text>") && !svg.contains("2.019"));
    assert!(svg.contains(">9,60 %</text>") && svg.contains(">25 %</text>"));
}

fn line(points: &[(i32, f64)]) -> LineChart {
    let mut chart = samples::poor_households_line();
    chart.series = vec![LineSeries { label: "Sơn Cao".into(), points: points.to_vec() }];
    chart.target = None;
    chart
}

#[test]
fn a_line_chart_without_values_is_an_error_naming_the_chart() {
    for points in [vec![], vec![(2020, f64::NAN), (2021, f64::INFINITY)]] {
        let error = render_line_chart(&line(&points)).unwrap_err();
        assert_eq!(error.kind, ErrorKind::Chart);
        assert!(error.message.contains("`ho-ngheo-line`"), "{}", error.message);
    }
}

#[test]
fn line_charts_survive_odd_data() {
    let cases: [&[(i32, f64)]; 5] = [
        &[(2024, 12.5)],
        &[(2019, 40.0), (2020, 40.0), (2021, 40.0)],
        &[(2019, -3.5), (2020, 2.0), (2021, -0.5)],
        &[(2021, 5.0), (2019, f64::NAN), (2020, 7.0)],
        &[(1990, 0.0), (2100, 1e9)],
    ];
    for points in cases {
        let svg = render_line_chart(&line(points)).unwrap();
        assert_publishable("odd line", &svg);
    }
}

#[test]
fn too_many_series_or_an_empty_range_are_errors() {
    let mut chart = samples::districts_line();
    chart.series = vec![chart.series[0].clone(); 7];
    assert!(render_line_chart(&chart).unwrap_err().message.contains("7 series"));
    let mut chart = samples::districts_line();
    chart.y_range = Some((10.0, 10.0));
    assert_eq!(render_line_chart(&chart).unwrap_err().kind, ErrorKind::Chart);
}

#[test]
fn y_range_is_kept_and_widened_to_the_data() {
    let svg = render_line_chart(&samples::districts_line()).unwrap().into_string();
    assert!(svg.contains(">60 %</text>") && svg.contains(">0 %</text>"));
    let mut chart = samples::districts_line();
    chart.y_range = Some((0.0, 40.0));
    assert_publishable("widened", &render_line_chart(&chart).unwrap());
}

#[test]
fn bar_charts_survive_odd_data() {
    let mut chart = samples::poorest_communes_bars();
    chart.bars[1].value = f64::NAN;
    chart.bars[2].value = -12.0;
    chart.bars[3].value = 0.0;
    chart.reference = Some(("Toàn tỉnh".into(), f64::NAN));
    let svg = render_bar_chart(&chart).unwrap();
    assert_publishable("odd bars", &svg);
    assert!(!svg.as_str().contains("57,9"));
    chart.bars.retain(|b| b.value.is_nan());
    assert_eq!(render_bar_chart(&chart).unwrap_err().kind, ErrorKind::Chart);
}

#[test]
fn grouped_bars_write_missing_values_as_a_dash() {
    let mut chart = samples::enrolment_grouped();
    chart.groups[0].values[0] = None;
    chart.groups[1].values[1] = Some(f64::NAN);
    chart.groups[2].target = None;
    let svg = render_grouped_bar_chart(&chart).unwrap();
    assert_publishable("missing", &svg);
    assert_eq!(svg.as_str().matches(">–</text>").count(), 2);
}

#[test]
fn grouped_bars_need_one_value_per_series() {
    let mut chart = samples::enrolment_grouped();
    chart.groups[2].values.push(Some(1.0));
    let error = render_grouped_bar_chart(&chart).unwrap_err();
    assert!(error.message.contains("group `4–5 tuổi` has 3 values for 2 series"), "{}", error.message);
    chart.groups.iter_mut().for_each(|g| g.values = vec![None, None]);
    assert!(render_grouped_bar_chart(&chart).is_err());
    chart.series_labels.clear();
    assert!(render_grouped_bar_chart(&chart).is_err());
}

#[test]
fn sparklines_and_progress_bars_survive_odd_data() {
    let mut spark = samples::poor_households_sparkline();
    for points in [vec![(2024, 3.0)], vec![(2020, 1.0), (2021, 1.0)]] {
        spark.points = points;
        assert_publishable("spark", &render_sparkline(&spark).unwrap());
    }
    spark.points = vec![(2024, f64::NAN)];
    assert_eq!(render_sparkline(&spark).unwrap_err().kind, ErrorKind::Chart);
    let mut progress = samples::poverty_progress();
    for fraction in [-0.5, 0.0, 1.7, f64::INFINITY] {
        progress.fraction = fraction;
        assert_publishable("progress", &render_progress_bar(&progress).unwrap());
    }
    progress.fraction = f64::NAN;
    assert_eq!(render_progress_bar(&progress).unwrap_err().kind, ErrorKind::Chart);
}

#[test]
fn an_id_that_cannot_prefix_element_ids_is_an_error() {
    let mut spark = samples::poor_households_sparkline();
    spark.meta.id = "hộ nghèo".into();
    assert_eq!(render_sparkline(&spark).unwrap_err().kind, ErrorKind::Chart);
}
