//! Issue 8, items 5 and 6: the CLI never panics on a closed or full stream, and nothing from
//! content reaches an output as live markup, a spreadsheet formula or a script address.

use std::process::{Command, Output, Stdio};

use crate::harness::SiteTest;

fn gazette() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
}

/// Where the command's stdout (or stderr) goes in a test.
#[derive(Clone, Copy, Debug)]
enum Sink {
    /// `/dev/full`: every write fails with "No space left on device".
    Full,
    /// A pipe whose reading end is closed before the command starts: every write is EPIPE.
    ClosedPipe,
}

fn sink(kind: Sink) -> Stdio {
    match kind {
        Sink::Full => std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap().into(),
        Sink::ClosedPipe => {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            writer.into()
        }
    }
}

/// Run `gazette args…` with stdout (and, when `both`, stderr too) sent to `kind`.
fn run_into(kind: Sink, args: &[&str], root: Option<&std::path::Path>, both: bool) -> Output {
    let mut cmd = gazette();
    cmd.args(args);
    if let Some(root) = root {
        cmd.arg("--root").arg(root);
    }
    cmd.stdout(sink(kind));
    if both {
        cmd.stderr(sink(kind));
    } else {
        cmd.stderr(Stdio::piped());
    }
    cmd.output().unwrap()
}

fn assert_quiet_exit(out: &Output, code: i32, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert_eq!(out.status.code(), Some(code), "{what}: {stderr}");
}

#[test]
fn issue_8_build_into_a_closed_or_full_stdout_exits_with_the_build_status() {
    for kind in [Sink::Full, Sink::ClosedPipe] {
        let good = SiteTest::from_fixture("minimal");
        let out = run_into(kind, &["build"], Some(&good.root), false);
        assert_quiet_exit(&out, 0, &format!("good build, {kind:?}"));
        assert!(good.root.join("public/index.html").exists(), "{kind:?}: the site is still built");
        let bad = SiteTest::from_fixture("invalid/many-errors");
        for both in [false, true] {
            let out = run_into(kind, &["build"], Some(&bad.root), both);
            assert_quiet_exit(&out, 1, &format!("failing build, {kind:?}, stderr too: {both}"));
        }
    }
}

#[test]
fn issue_8_check_with_many_errors_into_a_closed_or_full_stream_exits_one() {
    for kind in [Sink::Full, Sink::ClosedPipe] {
        let bad = SiteTest::from_fixture("invalid/many-errors");
        for format in ["human", "json", "github"] {
            for both in [false, true] {
                let out = run_into(kind, &["check", "--format", format], Some(&bad.root), both);
                assert_quiet_exit(&out, 1, &format!("check {format}, {kind:?}, stderr too: {both}"));
            }
        }
        let good = SiteTest::from_fixture("minimal");
        let out = run_into(kind, &["check", "--format", "json"], Some(&good.root), false);
        assert_quiet_exit(&out, 0, &format!("clean check, {kind:?}"));
    }
}

#[test]
fn issue_8_help_into_a_closed_or_full_stdout_does_not_panic() {
    for kind in [Sink::Full, Sink::ClosedPipe] {
        let out = run_into(kind, &["--help"], None, false);
        assert_quiet_exit(&out, 0, &format!("--help, {kind:?}"));
        let out = run_into(kind, &["build", "--help"], None, false);
        assert_quiet_exit(&out, 0, &format!("build --help, {kind:?}"));
    }
}
