//! Issue 15: `gazette visits` turns nginx access logs into `stats/visits.json`, with counts
//! kept across log rotations, crawlers and health checks left out, and nothing that
//! identifies a person written anywhere.

use std::path::Path;
use std::process::Command;

use gazette::visits::{VisitsOptions, local_time, update_visits, write_atomic};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const PHONE: &str = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";

/// A `combined` line at `when` (`30/Nov/2026:10:00:00`, +07:00).
fn line(ip: &str, when: &str, path: &str, status: u16, ua: &str) -> String {
    format!("{ip} - - [{when} +0700] \"GET {path} HTTP/1.1\" {status} 512 \"-\" \"{ua}\"\n")
}

/// 2026-11-30 (a Monday) 12:00 in Hà Nội.
fn noon() -> i64 {
    gazette::visits::parse::parse_time("30/Nov/2026:12:00:00 +0700").unwrap()
}

fn options(dir: &Path, logs: &[&str], now: i64) -> VisitsOptions {
    VisitsOptions {
        logs: logs.iter().map(|l| dir.join(l)).collect(),
        output: dir.join("public/stats/visits.json"),
        state: dir.join("state/visits-state.json"),
        now,
        tz_offset: 7 * 60,
    }
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn sample_log() -> String {
    [
        line("198.51.100.1", "29/Nov/2026:09:00:00", "/", 200, FIREFOX),
        line("198.51.100.1", "30/Nov/2026:09:00:00", "/", 200, FIREFOX),
        line("198.51.100.1", "30/Nov/2026:09:00:05", "/news/a/", 200, FIREFOX),
        line("198.51.100.1", "30/Nov/2026:09:00:05", "/assets/site.css", 200, FIREFOX),
        line("198.51.100.2", "30/Nov/2026:11:57:00", "/news/a/index.html", 200, PHONE),
        line(
            "198.51.100.3",
            "30/Nov/2026:11:58:00",
            "/news/a/",
            200,
            "Mozilla/5.0 (compatible; Googlebot/2.1)",
        ),
        line("198.51.100.4", "30/Nov/2026:11:58:00", "/healthz", 200, FIREFOX),
        line("127.0.0.1", "30/Nov/2026:11:58:00", "/", 200, "kube-probe/1.29"),
        line("198.51.100.5", "30/Nov/2026:11:59:00", "/khong-co/", 404, FIREFOX),
        "this line is not a log line\n".to_string(),
    ]
    .concat()
}

#[test]
fn counts_views_and_visitors_but_not_crawlers_health_checks_or_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("access.log"), sample_log()).unwrap();
    let report = update_visits(&options(dir.path(), &["access.log"], noon())).unwrap();
    assert_eq!((report.lines, report.malformed, report.views), (10, 1, 4));
    let json = read_json(&dir.path().join("public/stats/visits.json"));
    assert_eq!(json["generated"], "2026-11-30T12:00:00+07:00");
    assert_eq!(json["today"], 2, "two people today: {json}");
    assert_eq!(json["week"], 2, "Monday is the week's first day: {json}");
    assert_eq!(json["total"], 3, "{json}");
    assert_eq!(json["online"], 1, "only the phone viewed a page in the last 5 minutes: {json}");
    assert_eq!(json["views"]["/news/a/"], 2, "{json}");
    assert_eq!(json["views"]["/"], 2, "{json}");
    assert_eq!(json["views"].as_object().unwrap().len(), 2, "no CSS, 404 or health check: {json}");
}

#[test]
fn nothing_that_identifies_a_person_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("access.log"), sample_log()).unwrap();
    let o = options(dir.path(), &["access.log"], noon());
    update_visits(&o).unwrap();
    for file in [&o.output, &o.state] {
        let text = std::fs::read_to_string(file).unwrap();
        for secret in ["198.51.100", "127.0.0.1", "Mozilla", "Firefox", "Android"] {
            assert!(!text.contains(secret), "{} holds {secret}: {text}", file.display());
        }
    }
}

#[test]
fn running_twice_on_the_same_log_does_not_double_count() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("access.log"), sample_log()).unwrap();
    let o = options(dir.path(), &["access.log"], noon());
    update_visits(&o).unwrap();
    let first = std::fs::read_to_string(&o.output).unwrap();
    let state = std::fs::read_to_string(&o.state).unwrap();
    update_visits(&o).unwrap();
    assert_eq!(std::fs::read_to_string(&o.output).unwrap(), first);
    assert_eq!(std::fs::read_to_string(&o.state).unwrap(), state);
}

#[test]
fn all_time_totals_survive_log_rotation() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("access.log"), sample_log()).unwrap();
    update_visits(&options(d, &["access.log.1", "access.log"], noon())).unwrap();
    // logrotate: access.log → access.log.1 (then gone a day later), a new access.log
    std::fs::rename(d.join("access.log"), d.join("access.log.1")).unwrap();
    std::fs::write(
        d.join("access.log"),
        line("203.0.113.9", "30/Nov/2026:12:30:00", "/news/b/", 200, FIREFOX),
    )
    .unwrap();
    let later = noon() + 3600;
    update_visits(&options(d, &["access.log.1", "access.log"], later)).unwrap();
    std::fs::remove_file(d.join("access.log.1")).unwrap();
    let report = update_visits(&options(d, &["access.log.1", "access.log"], later)).unwrap();
    assert_eq!(report.missing, [d.join("access.log.1")]);
    let json = read_json(&d.join("public/stats/visits.json"));
    assert_eq!((json["today"].as_u64(), json["total"].as_u64()), (Some(3), Some(4)), "{json}");
    assert_eq!(json["views"]["/news/a/"], 2, "{json}");
    assert_eq!(json["views"]["/news/b/"], 1, "{json}");
}

#[test]
fn old_days_are_folded_into_the_totals_and_not_counted_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("access.log"), sample_log()).unwrap();
    update_visits(&options(d, &["access.log"], noon())).unwrap();
    // three weeks later the same old log is passed again: its days are folded, not recounted
    let later = noon() + 21 * 86_400;
    update_visits(&options(d, &["access.log"], later)).unwrap();
    update_visits(&options(d, &["access.log"], later)).unwrap();
    let json = read_json(&d.join("public/stats/visits.json"));
    assert_eq!(
        (json["today"].as_u64(), json["week"].as_u64(), json["total"].as_u64()),
        (Some(0), Some(0), Some(3))
    );
    let state = read_json(&d.join("state/visits-state.json"));
    assert_eq!(state["folded_through"], "2026-11-30", "{state}");
    assert_eq!(state["days"].as_object().unwrap().len(), 0, "{state}");
}

#[test]
fn the_public_file_is_replaced_whole_and_no_temporary_file_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stats/visits.json");
    write_atomic(&path, b"{\"a\":1}\n").unwrap();
    write_atomic(&path, b"{\"b\":2}\n").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"b\":2}\n");
    let names: Vec<_> =
        std::fs::read_dir(dir.path().join("stats")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["visits.json"]);
}

#[test]
fn times_are_written_in_the_site_time_zone() {
    assert_eq!(local_time(0, 7 * 60), "1970-01-01T07:00:00+07:00");
    assert_eq!(local_time(-1, 0), "1969-12-31T23:59:59+00:00");
}

#[test]
fn a_broken_state_file_is_an_error_that_names_it_and_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let o = options(dir.path(), &["access.log"], noon());
    std::fs::create_dir_all(o.state.parent().unwrap()).unwrap();
    std::fs::write(&o.state, "{ not json").unwrap();
    let e = update_visits(&o).unwrap_err();
    assert!(e.message.contains("visits-state.json"), "{e}");
    assert!(e.help.unwrap().contains("backup"));
}

fn gazette(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gazette"));
    c.current_dir(dir).env("LANG", "en").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    c
}

#[test]
fn the_command_reports_in_vietnamese_and_refuses_a_published_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("access.log"), sample_log()).unwrap();
    let out = gazette(d)
        .args(["visits", "--lang", "vi", "--log", "access.log", "--now", "2026-11-30T12:00:00+07:00"])
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Đã đếm 4 lượt xem trang trong 10 dòng nhật ký"), "{stdout}");
    assert!(stderr.contains("đã bỏ qua 1/10 dòng"), "{stderr}");
    assert!(d.join("public/stats/visits.json").is_file() && d.join("visits-state.json").is_file());
    let out =
        gazette(d).args(["visits", "--log", "access.log", "--state", "public/state.json"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--state /var/lib/gazette"));
}
