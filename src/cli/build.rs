//! `gazette build`: build, show progress while rendering, print a summary.

use super::output::{err_line, out_line};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::site::{BuildEvent, BuildOptions, BuildReport, Progress, build_with_events};

/// Progress is shown only for builds that take longer than this.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Run `gazette build`; returns the exit code.
pub(super) fn run(
    root: PathBuf,
    output: Option<PathBuf>,
    base_url: Option<String>,
    drafts: bool,
    quiet: bool,
) -> i32 {
    let output = output.unwrap_or_else(|| root.join("public"));
    let opts = BuildOptions { root, output, base_url, drafts };
    let started = Instant::now();
    let shown = Shown::new(started, quiet);
    let result = build_with_events(&opts, &|event| match event {
        // shown even with --quiet: a build that waits without a word looks hung
        BuildEvent::Waiting { lock } => {
            err_line!(
                "waiting for another build of `{}` to finish (it holds `{}`)",
                opts.output.display(),
                lock.display()
            );
        }
        BuildEvent::Rendering(p) => shown.update(p),
    });
    shown.finish();
    match result {
        Ok(report) => {
            if !quiet {
                out_line!("{}", summary(&report, started.elapsed(), &opts.output.display().to_string()));
            }
            0
        }
        Err(errors) => {
            super::print_errors(&errors, &opts.output);
            1
        }
    }
}

/// The closing line: what was built, how big, how long, where.
pub(super) fn summary(report: &BuildReport, took: Duration, output: &str) -> String {
    format!(
        "Built {} pages from {} news items: {} charts, {} data files, {} files in all, {:.1} MB in {} ms → {}",
        report.pages,
        report.news,
        report.charts,
        report.data_files,
        report.files,
        report.bytes as f64 / 1e6,
        took.as_millis(),
        output
    )
}

/// Rendering progress: a bar on a terminal, a line every few seconds otherwise, nothing when
/// quiet; in every case only once the build has taken over [`SHOW_AFTER`].
struct Shown {
    started: Instant,
    quiet: bool,
    bar: Option<ProgressBar>,
    last_line: Mutex<Option<Instant>>,
}

impl Shown {
    fn new(started: Instant, quiet: bool) -> Shown {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::hidden();
            if let Ok(style) =
                ProgressStyle::with_template("Rendering {bar:40} {pos}/{len} files, {eta} left")
            {
                bar.set_style(style);
            }
            bar
        });
        Shown { started, quiet, bar, last_line: Mutex::new(None) }
    }

    fn update(&self, p: Progress) {
        if self.quiet || self.started.elapsed() < SHOW_AFTER {
            return;
        }
        match &self.bar {
            Some(bar) => {
                if bar.is_hidden() {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                }
                bar.set_length(p.total as u64);
                bar.set_position(p.done as u64);
            }
            None => {
                let Ok(mut last) = self.last_line.lock() else { return };
                if last.is_none_or(|t| t.elapsed() >= Duration::from_secs(2)) || p.done == p.total {
                    *last = Some(Instant::now());
                    err_line!(
                        "rendered {} of {} files ({} ms)",
                        p.done,
                        p.total,
                        self.started.elapsed().as_millis()
                    );
                }
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
