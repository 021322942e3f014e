//! Hand-computed cases for each target kind and each status.

use super::*;
use crate::goal::{Scope, ScopeKind};

fn target(kind: TargetKind, comparator: Comparator, value: f64) -> Target {
    Target {
        id: "t".into(),
        title: "t".into(),
        indicator: 0,
        breakdown: Vec::new(),
        scope: Scope { kind: ScopeKind::One, units: vec![0], label: None, label_en: None },
        kind,
        comparator,
        value,
        condition: None,
        baseline_year: 2021,
        target_year: 2025,
        en: Default::default(),
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn level_target_on_track_at_risk_off_track() {
    // enrolment 0–2 years ≥ 30 by 2025 from 23.4 in 2021: needed pace (30 − 23.4)/4 = 1.65 a year
    let t = target(TargetKind::Level, Comparator::AtLeast, 30.0);
    // 2024: 28.9 → pace (28.9 − 23.4)/3 = 1.8333, ratio 1.111 → on track
    let a = assess(&t, &[(2021, 23.4), (2024, 28.9)]);
    assert_eq!(a.status, Status::OnTrack);
    assert!(close(a.ratio, (5.5 / 3.0) / 1.65));
    assert!(close(Some(a.distance), 5.5 / 6.6));
    // 2024: 26.0 → pace 0.8667, ratio 0.525 → at risk
    assert_eq!(assess(&t, &[(2021, 23.4), (2024, 26.0)]).status, Status::AtRisk);
    // 2024: 24.0 → ratio 0.121 → off track; falling → off track
    assert_eq!(assess(&t, &[(2021, 23.4), (2024, 24.0)]).status, Status::OffTrack);
    assert_eq!(assess(&t, &[(2021, 23.4), (2024, 22.0)]).status, Status::OffTrack);
}

#[test]
fn level_target_met_early_is_achieved_and_missed_at_the_end_is_off_track() {
    let t = target(TargetKind::Level, Comparator::AtLeast, 99.0);
    let a = assess(&t, &[(2021, 98.1), (2024, 99.2)]);
    assert_eq!((a.status, a.final_result), (Status::Achieved, false));
    let a = assess(&t, &[(2021, 98.1), (2024, 98.9), (2025, 98.95)]);
    assert_eq!((a.status, a.final_result), (Status::OffTrack, true));
    // a lower-is-better level: stunting ≤ 22 from 26 in 2021; 2024 at 22.8: pace 1.0667 vs needed 1.0
    let t = target(TargetKind::Level, Comparator::AtMost, 22.0);
    let a = assess(&t, &[(2021, 26.0), (2024, 22.8)]);
    assert_eq!(a.status, Status::OnTrack);
    assert!(close(a.ratio, (3.2 / 3.0) / 1.0));
}

#[test]
fn annual_decrease_compares_the_average_fall_with_the_target() {
    // poor household rate: ≥ 9 points a year from 2021
    let t = target(TargetKind::AnnualDecrease, Comparator::AtLeast, 9.0);
    // 2021 55.0 → 2025 18.24: (55 − 18.24)/4 = 9.19 → achieved (final)
    let a = assess(&t, &[(2021, 55.0), (2023, 40.0), (2025, 18.24)]);
    assert_eq!((a.status, a.final_result), (Status::Achieved, true));
    assert!(close(a.measured, 9.19));
    // only 2024 known: (55 − 27.4)/3 = 9.2 → on track
    assert_eq!(assess(&t, &[(2021, 55.0), (2024, 27.4)]).status, Status::OnTrack);
    // 2024 at 40: 5 a year → ratio 0.556 → at risk
    let a = assess(&t, &[(2021, 55.0), (2024, 40.0)]);
    assert_eq!(a.status, Status::AtRisk);
    assert!(close(a.ratio, 5.0 / 9.0));
    // 2025 at 18.6: 9.1 < 9.6 → missed → off track
    let t = target(TargetKind::AnnualDecrease, Comparator::AtLeast, 9.6);
    assert_eq!(assess(&t, &[(2021, 55.0), (2025, 18.6)]).status, Status::OffTrack);
}

#[test]
fn annual_targets_report_distance_and_pace_apart() {
    // issue 9: ≥ 9 points a year from 55.0 (2021) to 2025 is a way of 36 points; 2022 at 45.0
    // has covered 10 of them (distance 10/36) at 10 points a year (pace 10/9)
    let t = target(TargetKind::AnnualDecrease, Comparator::AtLeast, 9.0);
    let a = assess(&t, &[(2021, 55.0), (2022, 45.0)]);
    assert_eq!(a.status, Status::OnTrack);
    assert!(close(a.ratio, 10.0 / 9.0));
    assert!(close(Some(a.distance), 10.0 / 36.0), "{}", a.distance);
}

#[test]
fn annual_increase_mirrors_decrease() {
    let t = target(TargetKind::AnnualIncrease, Comparator::AtLeast, 2.0);
    // (84.5 − 80)/2 = 2.25 a year → on track; 1 a year → ratio 0.5 → at risk; 0.5 → off track
    let a = assess(&t, &[(2021, 80.0), (2023, 84.5)]);
    assert_eq!(a.status, Status::OnTrack);
    assert!(close(a.measured, 2.25));
    assert_eq!(assess(&t, &[(2021, 80.0), (2023, 82.0)]).status, Status::AtRisk);
    assert_eq!(assess(&t, &[(2021, 80.0), (2023, 81.0)]).status, Status::OffTrack);
}

#[test]
fn share_targets_judge_the_share_series_like_a_level() {
    // 100 % of communes meeting the standard; 78 % in 2021, 95.9 % in 2025 → missed
    let t = target(TargetKind::Share, Comparator::AtLeast, 100.0);
    let a = assess(&t, &[(2021, 78.0), (2025, 95.9)]);
    assert_eq!((a.status, a.final_result), (Status::OffTrack, true));
    assert!(close(Some(a.distance), 17.9 / 22.0));
    let per_unit = vec![
        vec![(2021, 1.0, 0), (2022, 1.0, 0)],
        vec![(2021, 0.0, 1), (2022, 1.0, 1)],
        vec![(2021, 0.0, 2)],
    ];
    let s = share_series(&per_unit, Comparator::Equal, 1.0);
    assert_eq!(s.len(), 2);
    assert!((s[0].1 - 100.0 / 3.0).abs() < 1e-9);
    assert!((s[1].1 - 100.0).abs() < 1e-9, "2022: two of the two units with a value");
}

#[test]
fn not_enough_data_without_baseline_or_later_value() {
    let t = target(TargetKind::Level, Comparator::AtLeast, 30.0);
    assert_eq!(assess(&t, &[(2022, 25.0), (2024, 28.0)]).status, Status::NotEnoughData);
    assert_eq!(assess(&t, &[(2019, 20.0), (2021, 23.4)]).status, Status::NotEnoughData);
    assert_eq!(assess(&t, &[]).status, Status::NotEnoughData);
}

#[test]
fn values_after_the_target_year_are_ignored() {
    let t = target(TargetKind::Level, Comparator::AtLeast, 30.0);
    let a = assess(&t, &[(2021, 20.0), (2025, 29.0), (2026, 31.0)]);
    assert_eq!(a.latest, Some((2025, 29.0)));
    assert_eq!(a.status, Status::OffTrack);
}

#[test]
fn the_mean_uses_years_where_every_unit_has_a_value() {
    let per_unit = vec![vec![(2021, 50.0, 0), (2022, 40.0, 0)], vec![(2021, 60.0, 1)]];
    assert_eq!(mean_series(&per_unit), [(2021, 55.0)]);
}

#[test]
fn merged_units_are_followed_by_their_successor() {
    use crate::geo::parse_geo;
    use crate::source::SourceFile;
    let geo = parse_geo(&SourceFile::new(
        "g.yaml",
        "units:\n  - {id: sc, name: S, type: tỉnh}\n  - {id: a, name: A, type: xã, parent: sc, until: 2025-06-30, merged_into: b}\n  - {id: b, name: B, type: xã, parent: sc, from: 2025-07-01}\n",
    ))
    .unwrap();
    let ind = crate::indicator::Indicator::for_tests(
        crate::indicator::UnitKind::Percent,
        vec![
            crate::indicator::Series { geo: 1, breakdown: vec![], points: vec![(2021, 60.0), (2024, 35.0)] },
            crate::indicator::Series { geo: 2, breakdown: vec![], points: vec![(2025, 20.0)] },
        ],
    );
    let s = followed_series(&ind, &geo, 1, &[]);
    assert_eq!(s, [(2021, 60.0, 1), (2024, 35.0, 1), (2025, 20.0, 2)]);
    let mut t = target(TargetKind::AnnualDecrease, Comparator::AtLeast, 9.6);
    t.scope = Scope { kind: ScopeKind::List, units: vec![1], label: None, label_en: None };
    let p = evaluate(&t, &ind, &geo);
    // (60 − 20)/4 = 10 ≥ 9.6 → achieved, measured through the successor
    assert_eq!(p.overall.status, Status::Achieved);
    assert_eq!(p.units[0].followed, Some(2));
}

#[test]
fn falling_back_below_an_already_met_target_is_off_track_with_no_progress() {
    let t = target(TargetKind::Level, Comparator::AtLeast, 99.0);
    let a = assess(&t, &[(2021, 99.5), (2023, 98.0)]);
    assert_eq!(a.status, Status::OffTrack);
    assert_eq!(a.distance, 0.0);
}
