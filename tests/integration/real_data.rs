//! Issue 9, "Done when": the real-data example site `tests/sites/real-lao-cai/` (Lào Cai's
//! published poverty review of 2023–2024, sources in its README) builds without errors, and its
//! pages show the statuses, ranks, values and sentences computed by hand below.
//!
//! Ranks are asserted as 1 = best for the indicator's direction (here: lowest poverty rate).
//! Sentences are asserted on their stable parts (Vietnamese number format, years, unit names),
//! since the direction words and progress captions are being reworded (issue 9, items 13–16).

use crate::harness::{Built, SiteTest, main_of};

/// No-break space, written between a number and its unit.
const NBSP: char = '\u{a0}';

fn built() -> Built {
    SiteTest::from_fixture("real-lao-cai")
        .build()
        .unwrap_or_else(|e| panic!("the real-data site must build: {e}"))
}

/// The status class (`on_track`, …) of target `id` on the progress dashboard.
fn status_of(progress: &str, id: &str) -> String {
    let at = progress.find(&format!("#{id}\"")).unwrap_or_else(|| panic!("target {id} on /progress/"));
    let row = &progress[at..at + progress[at..].find("</li>").unwrap()];
    let s = row.find("class=\"status status-").unwrap() + "class=\"status status-".len();
    row[s..s + row[s..].find('"').unwrap()].to_string()
}

/// The cells (value, change, rank) of indicator `title` in a unit profile's table.
fn profile_row(profile: &str, indicator: &str, title: &str) -> (String, String, String) {
    let link = format!("<a href=\"/indicators/{indicator}/\">{title}</a></th>");
    let at = profile.find(&link).unwrap_or_else(|| panic!("row {title} in {}", main_of(profile)));
    let row = &profile[at + link.len()..];
    let row = &row[..row.find("</tr>").unwrap()];
    let cells: Vec<String> = row
        .split("<td")
        .skip(1)
        .map(|cell| {
            let text = &cell[cell.find('>').unwrap() + 1..cell.find("</td>").unwrap()];
            text.replace("<small>", "").replace("</small>", "")
        })
        .collect();
    (cells[0].clone(), cells[1].clone(), cells[2].clone())
}

#[test]
fn the_real_lao_cai_site_builds_without_errors() {
    let built = built();
    // 5 indicators, 2 programmes, 6 units, 2 news items, 1 page.
    assert_eq!(built.report.news, 2);
    for page in [
        "indicators/ho-ngheo/index.html",
        "indicators/ho-can-ngheo/index.html",
        "indicators/so-ho-ngheo/index.html",
        "indicators/so-ho-can-ngheo/index.html",
        "indicators/so-ho/index.html",
        "programmes/nq-dai-hoi-xvi/index.html",
        "programmes/giam-ngheo-2021-2025/index.html",
        "geo/lao-cai/index.html",
        "geo/bac-ha/index.html",
        "nguon-so-lieu/index.html",
    ] {
        assert!(built.exists(page), "{page}");
    }
}

#[test]
fn real_lao_cai_targets_get_the_hand_computed_statuses() {
    let progress = built().read("progress/index.html");
    // Province, ≥ 3 points a year (NQ Đại hội XVI), B = 2023, T = 2025, latest L = 2024 < T:
    // (14.94 − 11.24) / (2024 − 2023) = 3.70 ≥ 3 → on track (ratio 3.70 / 3 = 1.23).
    assert_eq!(status_of(&progress, "giam-ngheo-tinh"), "on_track");
    // Bắc Hà, ≥ 6 points a year, B = 2022 (first year typed), L = 2024 < T = 2025:
    // (42.96 − 28.13) / (2024 − 2022) = 14.83 / 2 = 7.415 ≥ 6 → on track.
    assert_eq!(status_of(&progress, "giam-ngheo-bac-ha"), "on_track");
    // Near-poor households, ≥ 2,000 fewer a year from 2023: no 2023 figure → not enough data.
    assert_eq!(status_of(&progress, "giam-can-ngheo"), "not_enough_data");
    // ... and the dashboard says what is missing (the baseline year), not "no data": the
    // 2024 figure exists (18,058 households, Báo Lào Cai)
    assert!(
        progress
            .contains(&format!("<strong>18.058{NBSP}hộ</strong> (2024) · chưa có số liệu năm gốc (2023)")),
        "{progress}"
    );
}

#[test]
fn real_lao_cai_profiles_rank_districts_with_one_as_the_lowest_poverty_rate() {
    let built = built();
    // Poverty rate 2024 among the five district-level units (lower is better, 1 = best):
    // TP Lào Cai 0.13 → 1, Bát Xát 25.07 → 2, Mường Khương 25.69 → 3, Bắc Hà 28.13 → 4,
    // Si Ma Cai 33.05 → 5; no ties.
    for (unit, rank) in [
        ("tp-lao-cai", "1/5"),
        ("bat-xat", "2/5"),
        ("muong-khuong", "3/5"),
        ("bac-ha", "4/5"),
        ("si-ma-cai", "5/5"),
    ] {
        let profile = built.read(&format!("geo/{unit}/index.html"));
        let (_, _, got) = profile_row(&profile, "ho-ngheo", "Hộ nghèo");
        assert_eq!(got, rank, "rank of {unit}");
    }
}

#[test]
fn real_lao_cai_profiles_show_latest_values_and_changes() {
    let built = built();
    let bac_ha = built.read("geo/bac-ha/index.html");
    // 2024: 28.13; change 28.13 − 33.80 = −5.67.
    assert_eq!(
        profile_row(&bac_ha, "ho-ngheo", "Hộ nghèo"),
        (format!("28,13{NBSP}% (2024)"), "−5,67".into(), "4/5".into())
    );
    // Near-poor rate: Bắc Hà's only figure is 2023's (18.31), so no change.
    assert_eq!(profile_row(&bac_ha, "ho-can-ngheo", "Hộ cận nghèo").0, format!("18,31{NBSP}% (2023)"));
    let si_ma_cai = built.read("geo/si-ma-cai/index.html");
    // 2024: 33.05; change 33.05 − 40.74 = −7.69 (the published fall).
    assert_eq!(profile_row(&si_ma_cai, "ho-ngheo", "Hộ nghèo").1, "−7,69");
    let city = built.read("geo/tp-lao-cai/index.html");
    // Poor households 54 in 2024; change 54 − 289 = −235 (the published fall).
    let (value, change, _) = profile_row(&city, "so-ho-ngheo", "Số hộ nghèo");
    assert_eq!((value, change), (format!("54{NBSP}hộ (2024)"), "−235".to_string()));
    let province = built.read("geo/lao-cai/index.html");
    // Published whole numbers keep every digit, with a dot for thousands.
    assert_eq!(profile_row(&province, "so-ho-ngheo", "Số hộ nghèo").0, format!("20.411{NBSP}hộ (2024)"));
    assert_eq!(profile_row(&province, "so-ho", "Số hộ").0, format!("181.603{NBSP}hộ (2024)"));
    assert_eq!(profile_row(&province, "ho-ngheo", "Hộ nghèo").1, "−3,70");
}

#[test]
fn real_lao_cai_indicator_pages_say_the_published_figures_in_words() {
    let built = built();
    let html = built.read("indicators/ho-ngheo/index.html");
    let sentence = &html[html.find("<p class=\"sentence\">").unwrap()..];
    let sentence = &sentence[..sentence.find("</p>").unwrap()];
    // Latest 11.24 (2024); change 11.24 − 14.94 = −3.70; average since 2023 = 3.70 / 1.
    for part in [
        format!("Năm 2024, tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều của tỉnh Lào Cai là 11,24{NBSP}%"),
        format!("3,70{NBSP}điểm phần trăm so với năm 2023"),
        format!("3,70{NBSP}điểm phần trăm mỗi năm từ năm 2023"),
        format!("3{NBSP}điểm phần trăm mỗi năm"),
    ] {
        assert!(sentence.contains(&part), "{part:?} in {sentence}");
    }
    // The full data table (2024, 2023, 2022: newest first since issue 12): the typed and the
    // computed figures.
    for row in [
        "Huyện Bắc Hà</th><td>28,13</td><td>33,80</td><td>42,96</td>",
        "Huyện Si Ma Cai</th><td>33,05</td><td>40,74</td><td>–</td>",
        "Thành phố Lào Cai</th><td>0,13</td><td>–</td><td>–</td>",
    ] {
        assert!(html.contains(row), "{row:?} in {}", main_of(&html));
    }
    let near_poor = built.read("indicators/ho-can-ngheo/index.html");
    assert!(near_poor.contains(&format!(
        "<p class=\"sentence\">Năm 2024, tỷ lệ hộ cận nghèo theo chuẩn nghèo đa chiều của tỉnh Lào Cai là 9,94{NBSP}%"
    )));
    let count = built.read("indicators/so-ho-ngheo/index.html");
    assert!(count.contains(&format!(
        "<p class=\"sentence\">Năm 2024, số hộ nghèo theo chuẩn nghèo đa chiều của tỉnh Lào Cai là 20.411{NBSP}hộ"
    )));
}

#[test]
fn real_lao_cai_programme_pages_show_baselines_and_results() {
    let built = built();
    let xvi = built.read("programmes/nq-dai-hoi-xvi/index.html");
    assert!(xvi.contains(&format!("Năm gốc</dt><dd>2023: 14,94{NBSP}%</dd>")), "{}", main_of(&xvi));
    assert!(xvi.contains(&format!("3,70{NBSP}điểm phần trăm mỗi năm")));
    let plan = built.read("programmes/giam-ngheo-2021-2025/index.html");
    assert!(plan.contains(&format!("Năm gốc</dt><dd>2022: 42,96{NBSP}%</dd>")), "{}", main_of(&plan));
    // (42.96 − 28.13) / 2 = 7.415, shown with the indicator's 2 decimals.
    assert!(plan.contains(&format!("7,42{NBSP}điểm phần trăm mỗi năm")));
    assert!(plan.contains(&format!("28,13{NBSP}%")));
    // The near-poor target has no baseline figure, but shows the latest one.
    assert!(plan.contains(&format!("18.058{NBSP}hộ")));
}

#[test]
fn real_lao_cai_open_data_keeps_the_typed_figures() {
    let built = built();
    let rates = built.read("data/ho-ngheo.csv");
    for line in [
        "ho-ngheo,lao-cai,tỉnh Lào Cai,province,2024,11.24,percent\n",
        "ho-ngheo,si-ma-cai,huyện Si Ma Cai,district,2023,40.74,percent\n",
        "ho-ngheo,bac-ha,huyện Bắc Hà,district,2022,42.96,percent\n",
        "ho-ngheo,tp-lao-cai,thành phố Lào Cai,district,2024,0.13,percent\n",
    ] {
        assert!(rates.contains(line), "{line:?} in {rates}");
    }
    let counts = built.read("data/so-ho-ngheo.csv");
    assert!(counts.contains("so-ho-ngheo,lao-cai,tỉnh Lào Cai,province,2024,20411,count\n"), "{counts}");
}

#[test]
fn real_lao_cai_site_passes_gazette_check_without_warnings() {
    let site = SiteTest::from_fixture("real-lao-cai");
    let out = crate::harness::gazette_en().args(["check", "--root"]).arg(&site.root).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{text}");
    // Every figure is for 2022–2024, before the units ended on 30/06/2025: nothing to warn about.
    let lower = text.to_lowercase();
    assert!(!lower.contains("warning") && !lower.contains("cảnh báo"), "{text}");
}
