//! Tests across chart kinds: snapshots of realistic charts.

use super::samples;
use super::*;

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
