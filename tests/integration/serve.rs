//! `gazette serve`, run as the binary on an ephemeral port and driven over HTTP: pages are
//! served, a save is rebuilt, a broken file shows an overlay while the server goes on, fixing
//! it clears the overlay, and Ctrl-C stops cleanly. Waits poll with generous deadlines.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

/// Generous: a 2-core CI machine may be busy compiling other tests.
pub(crate) const DEADLINE: Duration = Duration::from_secs(60);

/// A running `gazette serve`, killed when dropped.
pub(crate) struct Served {
    pub(crate) child: Child,
    lines: Receiver<String>,
    /// `127.0.0.1:PORT`.
    pub(crate) addr: String,
    /// The folder it builds into.
    pub(crate) output: PathBuf,
}

impl Served {
    /// `gazette serve --root <site>`.
    pub(crate) fn start(site: &SiteTest) -> Served {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
        command.args(["serve", "--port", "0", "--root"]).arg(&site.root);
        Served::spawn(command)
    }

    /// `gazette serve` run inside the site folder (the root is `.`).
    fn start_inside(site: &SiteTest) -> Served {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
        command.args(["serve", "--port", "0"]).current_dir(&site.root);
        Served::spawn(command)
    }

    fn spawn(mut command: Command) -> Served {
        let mut child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut served = Served { child, lines, addr: String::new(), output: PathBuf::new() };
        let line = served.wait_line(|l| l.starts_with("Serving the site at "));
        let url = line.split_whitespace().nth(4).unwrap();
        served.addr = url.trim_start_matches("http://").trim_end_matches('/').to_string();
        let output = line.split("(built into ").nth(1).unwrap().split(')').next().unwrap();
        served.output = PathBuf::from(output);
        served
    }

    /// The first line printed from now on that satisfies `pred`.
    pub(crate) fn wait_line(&self, pred: impl Fn(&str) -> bool) -> String {
        let end = Instant::now() + DEADLINE;
        loop {
            match self.lines.recv_timeout(end.saturating_duration_since(Instant::now())) {
                Ok(line) if pred(&line) => return line,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("gazette serve printed no expected line in time"),
                Err(RecvTimeoutError::Disconnected) => panic!("gazette serve stopped"),
            }
        }
    }

    pub(crate) fn get(&self, path: &str) -> (u16, String) {
        get(&self.addr, path)
    }

    /// Fetch `path` until `pred` holds on (status, body); the last answer.
    pub(crate) fn wait_for(&self, path: &str, pred: impl Fn(u16, &str) -> bool) -> (u16, String) {
        let end = Instant::now() + DEADLINE;
        loop {
            let (status, body) = self.get(path);
            if pred(status, &body) {
                return (status, body);
            }
            assert!(Instant::now() < end, "timed out waiting on {path}; last answer {status}:\n{body}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Ctrl-C, then wait for a clean exit.
    fn interrupt(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
        let end = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < end, "gazette serve did not stop on Ctrl-C");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Served {
    /// Ctrl-C first, so the server removes its folder; kill it if it does not stop in time.
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let end = Instant::now() + Duration::from_secs(10);
        while Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A tiny HTTP/1.1 GET: (status, body).
pub(crate) fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, body.to_string())
}

const ITEM: &str = "content/news/2025-03-12-xin-chao.md";

#[test]
fn serves_rebuilds_shows_errors_and_recovers() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);

    let (status, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("Xin chào Sơn Cao"), "{home}");
    assert!(home.contains("/__gazette/version"), "the reload script is injected");
    assert!(!home.contains("gazette-errors"));
    let (status, missing) = server.get("/khong-co/");
    assert_eq!(status, 404);
    assert!(missing.contains("Không tìm thấy trang"), "the site's 404 page: {missing}");
    assert_eq!(server.get("/../../etc/passwd").0, 400);
    assert_eq!(server.get("/news/xin-chao").0, 301);
    assert_eq!(server.get("/assets/site.css").0, 200);

    let text = std::fs::read_to_string(site.root.join(ITEM)).unwrap();
    site.write(ITEM, &text.replace("title: Xin chào Sơn Cao", "title: Chào buổi sáng"));
    server.wait_for("/news/xin-chao/", |s, body| s == 200 && body.contains("Chào buổi sáng"));
    server.wait_line(|l| l.contains("rebuilt in "));

    site.write(ITEM, &text.replace("date: 2025-03-12", "date: 2025-02-30"));
    // an editor's save may be seen half-written first: wait for the error of the whole file
    let (_, broken) = server.wait_for("/", |s, body| s == 200 && body.contains("2025-02-30"));
    assert!(broken.contains("id=\"gazette-errors\""), "the overlay lists the error: {broken}");
    assert!(broken.contains("Chào buổi sáng"), "the last good build is still served");
    assert_eq!(server.get("/assets/site.css").0, 200, "the server survives a broken file");

    site.write(ITEM, &text);
    let (_, fixed) = server.wait_for("/", |_, body| !body.contains("gazette-errors"));
    assert!(fixed.contains("Xin chào Sơn Cao"));
    assert!(!site.root.join("public").exists(), "serve never writes public/");
}

#[test]
fn the_version_address_answers_when_a_build_finishes() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start_inside(&site);
    let (_, version) = server.get("/__gazette/version");
    let version: u64 = version.trim().parse().unwrap();
    let addr = server.addr.clone();
    let waiting = std::thread::spawn(move || get(&addr, &format!("/__gazette/version?since={version}")));
    std::thread::sleep(Duration::from_millis(200));
    site.write("content/pages/moi.md", "---\ntitle: Trang mới\n---\nMới.\n");
    let (status, next) = waiting.join().unwrap();
    assert_eq!(status, 200);
    assert!(next.trim().parse::<u64>().unwrap() > version);
    server.wait_for("/moi/", |s, _| s == 200);
}

#[test]
fn a_first_build_that_fails_still_serves_its_errors() {
    let site = SiteTest::from_fixture("minimal");
    let text = std::fs::read_to_string(site.root.join(ITEM)).unwrap();
    site.write(ITEM, &text.replace("date: 2025-03-12", "date: 2025-02-30"));
    let server = Served::start(&site);
    let (status, page) = server.get("/");
    assert_eq!(status, 404);
    assert!(page.contains("id=\"gazette-errors\"") && page.contains("2025-02-30"), "{page}");
    site.write(ITEM, &text);
    server.wait_for("/", |s, body| {
        s == 200 && body.contains("Xin chào Sơn Cao") && !body.contains("gazette-errors")
    });
}

#[test]
fn ctrl_c_stops_cleanly_and_removes_the_preview_folder() {
    let site = SiteTest::from_fixture("minimal");
    let mut server = Served::start(&site);
    assert!(server.output.join("index.html").is_file());
    let status = server.interrupt();
    assert!(status.success(), "{status:?}");
    assert!(!server.output.exists(), "{} is left behind", server.output.display());
}

#[test]
fn build_output_never_holds_the_serve_script() {
    let built = SiteTest::from_fixture("minimal").build().unwrap();
    assert!(!built.tree_text().contains("__gazette"));
}
