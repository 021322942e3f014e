//! `gazette serve`: run the preview server, print what it does, stop on Ctrl-C.

use super::output::{err_line, out_line};
use std::path::PathBuf;

use crate::serve::{Event, ServeOptions, Server};

/// Run `gazette serve`; returns the exit code when stopped.
pub(super) fn run(root: PathBuf, port: u16, open: bool, drafts: bool) -> i32 {
    let server = match Server::bind(&ServeOptions { root, port, drafts }) {
        Ok(server) => server,
        Err(e) => {
            err_line!("{e}");
            return 1;
        }
    };
    let stopper = server.stopper();
    if let Err(e) = ctrlc::set_handler(move || stopper.stop()) {
        err_line!("warning: cannot catch Ctrl-C ({e}); the preview folder may stay behind");
    }
    let url = server.url().to_string();
    let result = server.run(&mut |event| {
        show(&event);
        if open && matches!(event, Event::Listening { .. }) {
            open_browser(&url);
        }
    });
    match result {
        Ok(()) => {
            out_line!("Stopped.");
            0
        }
        Err(e) => {
            err_line!("{e}");
            1
        }
    }
}

fn show(event: &Event<'_>) {
    match event {
        Event::Listening { url, output } => {
            out_line!("Serving the site at {url} (built into {}); press Ctrl-C to stop", output.display());
        }
        Event::Built { rebuild, build, since_change: None, .. } => {
            let r = &rebuild.report;
            out_line!("Built {} pages from {} news items in {} ms", r.pages, r.news, build.as_millis());
        }
        Event::Built { rebuild, build, since_change: Some(total), changed } => {
            out_line!(
                "{}: rebuilt in {} ms (build {} ms; {} parsed, {} rendered, {} written, {} removed)",
                describe(changed),
                total.as_millis(),
                build.as_millis(),
                rebuild.parsed,
                rebuild.rendered,
                rebuild.written,
                rebuild.removed
            );
        }
        Event::Failed { errors, changed } => {
            super::output::write_stderr(&errors.for_people());
            let n = errors.len();
            let what = if changed.is_empty() { "the site".to_string() } else { describe(changed) };
            err_line!(
                "{what}: {n} error{}; still serving the last good build, the browser shows the errors",
                if n == 1 { "" } else { "s" }
            );
        }
    }
}

fn describe(changed: &[PathBuf]) -> String {
    match changed {
        [] => "change".into(),
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
    }
}

/// Open `url` in the default browser; failure is not an error (the URL is printed anyway).
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let _ = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
