//! `gazette serve` under attack (issue 8, items 2 and 9), driven over raw TCP on 127.0.0.1:
//! addresses that try to leave the served folder, a link planted inside it that leads out,
//! an endless request line, foreign `Host` headers, hundreds of idle connections, and a
//! `content/` folder deleted and copied back while serving.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::harness::{SiteTest, sites_dir};
use crate::serve::{DEADLINE, Served};

/// Send `raw` as is and read the answer: (status, body).
fn raw(addr: &str, raw: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    stream.write_all(raw).unwrap();
    read_answer(&mut stream)
}

fn read_answer(stream: &mut TcpStream) -> (u16, String) {
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, body.to_string())
}

/// A field of `/proc/<pid>/status` in kB (or a count), e.g. `VmHWM` or `Threads`.
#[cfg(target_os = "linux")]
fn proc_status(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with(&format!("{field}:"))).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn serve_refuses_addresses_that_leave_its_folder_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);
    let depth = "..%2f".repeat(12);
    for path in [
        format!("/{depth}etc/passwd"),
        "/..%2f..%2fetc/passwd".to_string(),
        "/%2e%2e/".to_string(),
        "/%2e%2e%2f%2e%2e%2fetc/passwd".to_string(),
        "/a%00b".to_string(),
        "/..\\..\\etc\\passwd".to_string(),
        "/..%5c..%5cetc%5cpasswd".to_string(),
        "//etc/passwd".to_string(),
        "/%2fetc/passwd".to_string(),
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd".to_string(),
        "/%zz".to_string(),
    ] {
        let (status, body) = server.get(&path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("root:"), "{path} reached /etc/passwd:\n{body}");
    }
    assert_eq!(server.get("/").0, 200, "the site itself is still served");
}

#[cfg(unix)]
#[test]
fn serve_does_not_follow_a_link_out_of_its_folder_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    site.write("secret.txt", "TOP SECRET");
    let server = Served::start(&site);
    let secret = site.root.join("secret.txt");
    std::os::unix::fs::symlink(&secret, server.output.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(&site.root, server.output.join("up")).unwrap();
    std::os::unix::fs::symlink(server.output.join("index.html"), server.output.join("home.html")).unwrap();
    for path in ["/leak.txt", "/up/secret.txt", "/up/"] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("TOP SECRET"), "{path} served a file outside:\n{body}");
    }
    assert_eq!(server.get("/home.html").0, 200, "a link that stays inside is served");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_request_line_is_refused_without_growing_memory_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);
    let pid = server.child.id();
    assert_eq!(server.get("/").0, 200);
    let before = proc_status(pid, "VmHWM");

    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.set_write_timeout(Some(Duration::from_secs(20))).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    let _ = stream.write_all(b"GET /");
    for _ in 0..64 {
        if stream.write_all(&chunk).is_err() {
            break; // refused and closed: what we want
        }
    }
    std::thread::sleep(Duration::from_millis(300));
    let grown_kib = proc_status(pid, "VmHWM").saturating_sub(before);
    assert!(grown_kib < 20 * 1024, "serve grew by {grown_kib} KiB reading one line");
    drop(stream);

    let long = [b"GET /".as_slice(), &vec![b'a'; 100 * 1024]].concat();
    assert_eq!(raw(&server.addr, &long).0, 414);
    let mut big_header = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Big: ", server.addr).into_bytes();
    big_header.extend(vec![b'a'; 100 * 1024]);
    assert_eq!(raw(&server.addr, &big_header).0, 431);
    assert_eq!(server.get("/").0, 200, "the server goes on");
}

#[test]
fn only_loopback_host_names_are_answered_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);
    let port = server.addr.rsplit(':').next().unwrap();
    let with_host =
        |host: &str| raw(&server.addr, format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
    for evil in ["evil.example".to_string(), format!("evil.example:{port}"), "localhost:1".to_string()] {
        let (status, body) = with_host(&evil);
        assert!(status == 421 || status == 403, "Host: {evil} got {status}");
        assert!(!body.contains("Xin chào"), "Host: {evil} got the site");
    }
    for good in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let (status, body) = with_host(&good);
        assert_eq!(status, 200, "Host: {good}");
        assert!(body.contains("Xin chào Sơn Cao"));
    }
    assert_eq!(raw(&server.addr, b"GET / HTTP/1.1\r\n\r\n").0, 400, "HTTP/1.1 without Host");
}

#[cfg(target_os = "linux")]
#[test]
fn idle_connections_do_not_take_a_thread_each_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);
    let pid = server.child.id();
    let idle: Vec<TcpStream> = (0..320).map(|_| TcpStream::connect(&server.addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(500));
    let threads = proc_status(pid, "Threads");
    assert!(threads < 300, "{threads} threads for 320 idle connections");
    let mut last = idle.last().unwrap().try_clone().unwrap();
    last.set_read_timeout(Some(DEADLINE)).unwrap();
    assert_eq!(read_answer(&mut last).0, 503, "connections over the limit are turned away");
    drop(last);
    drop(idle);
    server.wait_for("/", |s, _| s == 200);
}

/// Copy the folder `from` to `to` (which must not exist).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The build version the server reports now.
fn version(server: &Served) -> u64 {
    server.get("/__gazette/version").1.trim().parse().unwrap()
}

#[test]
fn saves_are_rebuilt_after_content_is_deleted_and_copied_back_issue_8() {
    const ITEM: &str = "content/news/2025-03-12-xin-chao.md";
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);
    let text = std::fs::read_to_string(site.root.join(ITEM)).unwrap();

    let before = version(&server);
    std::fs::remove_dir_all(site.root.join("content")).unwrap();
    let end = Instant::now() + DEADLINE;
    while version(&server) == before {
        assert!(Instant::now() < end, "deleting content/ was not noticed");
        std::thread::sleep(Duration::from_millis(50));
    }
    copy_dir(&sites_dir().join("minimal/content"), &site.root.join("content"));
    server.wait_for("/", |s, body| s == 200 && !body.contains("gazette-errors"));

    site.write(ITEM, &text.replace("title: Xin chào Sơn Cao", "title: Lần lưu thứ nhất"));
    server.wait_for("/news/xin-chao/", |s, body| s == 200 && body.contains("Lần lưu thứ nhất"));
    site.write(ITEM, &text.replace("title: Xin chào Sơn Cao", "title: Lần lưu thứ hai"));
    server.wait_for("/news/xin-chao/", |s, body| s == 200 && body.contains("Lần lưu thứ hai"));
}
