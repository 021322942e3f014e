//! `gazette visits`: turn the web server's access logs into `stats/visits.json` (issue 15).

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::output::{err_line, out_line};
use crate::date::DateTime;
use crate::error::{Error, ErrorKind, Errors};
use crate::locale::Lang;
use crate::messages::{display, translate};
use crate::visits::{VisitsOptions, VisitsReport, update_visits};

/// The command line of `gazette visits`, as parsed.
#[derive(Debug, Clone)]
pub(super) struct VisitsArgs {
    pub(super) root: PathBuf,
    pub(super) logs: Vec<PathBuf>,
    pub(super) output: Option<PathBuf>,
    pub(super) state: Option<PathBuf>,
    pub(super) now: Option<String>,
    pub(super) quiet: bool,
}

/// Run `gazette visits`; returns the exit code.
pub(super) fn run(args: VisitsArgs, lang: Lang) -> i32 {
    let result = options(&args).and_then(|o| update_visits(&o).map(|r| (o, r)));
    match result {
        Ok((options, report)) => {
            if !args.quiet {
                print_report(&options, &report, lang);
            }
            0
        }
        Err(e) => {
            err_line!("{}", display(&e, lang).trim_end());
            1
        }
    }
}

fn options(args: &VisitsArgs) -> Result<VisitsOptions, Error> {
    let output = args.output.clone().unwrap_or_else(|| args.root.join("public/stats/visits.json"));
    let state = args.state.clone().unwrap_or_else(|| args.root.join("visits-state.json"));
    let (public, state_at) = (lexical(&args.root.join("public")), lexical(&state));
    let out_dir = lexical(output.parent().unwrap_or(Path::new(".")));
    if state_at.starts_with(&public) || (!out_dir.as_os_str().is_empty() && state_at.starts_with(&out_dir)) {
        return Err(Error::new(
            ErrorKind::Usage,
            format!("the state file `{}` would be published beside the statistics", state.display()),
        )
        .help("keep it outside the published folder, e.g. --state /var/lib/gazette/visits-state.json"));
    }
    let now = match &args.now {
        Some(text) => DateTime::parse(text).map(|t| t.timestamp(0)).map_err(|e| {
            Error::new(ErrorKind::Usage, format!("--now: {}", e.message))
                .help("write a date and time with its offset, e.g. --now 2026-11-30T15:30:00+07:00")
        })?,
        None => SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64),
    };
    Ok(VisitsOptions { logs: args.logs.clone(), output, state, now, tz_offset: site_offset(&args.root)? })
}

/// `path` without its `.` components, so `./public/x` and `public/x` compare equal.
fn lexical(path: &Path) -> PathBuf {
    path.components().filter(|c| *c != std::path::Component::CurDir).collect()
}

/// The site's time zone: `timezone:` of content/site.yaml when the file is there, else +07:00.
fn site_offset(root: &Path) -> Result<i32, Error> {
    let path = root.join("content/site.yaml");
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(7 * 60) };
    let file = crate::source::SourceFile::new("content/site.yaml", &text);
    crate::config::parse_config(&file, None).map(|c| c.tz_offset).map_err(|errors: Errors| {
        errors.0.into_iter().next().unwrap_or_else(|| Error::new(ErrorKind::Schema, "site.yaml"))
    })
}

fn print_report(options: &VisitsOptions, report: &VisitsReport, lang: Lang) {
    for log in &report.missing {
        err_line!("{}", translate(&format!("note: `{}` does not exist yet; skipped", log.display()), lang));
    }
    if report.malformed > 0 {
        let line = format!(
            "warning: skipped {} of {} log lines that are not in nginx's combined format",
            report.malformed, report.lines
        );
        err_line!("{}", translate(&line, lang));
    }
    let t = &report.totals;
    let line = format!(
        "Counted {} page views in {} log lines: online {}, today {}, this week {}, all time {} → {}",
        report.views,
        report.lines,
        report.online,
        t.today,
        t.week,
        t.total,
        options.output.display()
    );
    out_line!("{}", translate(&line, lang));
}
