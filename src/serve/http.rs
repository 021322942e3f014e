//! A small HTTP/1.1 file server on `std::net`, one thread per connection, for local preview.
//!
//! GET and HEAD only; `Connection: close` after each response. Folders answer with their
//! `index.html` (a folder address without its trailing `/` is redirected to it), unknown
//! addresses with the site's `404.html` and status 404. Paths with `..` are refused. One
//! special address, `/__gazette/version?since=N`, answers with the build version as soon as it
//! differs from `N` (or after 20 s): the reload script waits on it.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use super::Shared;
use super::inject::{NO_OUTPUT_PAGE, inject};
use crate::error::Error;

/// How long a version request waits for a new build before answering with the same number.
const LONG_POLL: Duration = Duration::from_secs(20);
/// Longest request head accepted.
const MAX_HEAD: usize = 16 * 1024;

/// The accepting thread.
pub(super) struct Http {
    thread: JoinHandle<()>,
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
}

impl Http {
    /// Stop accepting and wait for the accepting thread.
    pub(super) fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        // wake the blocking accept with a connection of our own
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        let _ = self.thread.join();
    }
}

/// Serve `shared.dir` on `listener` from a new thread.
pub(super) fn spawn(listener: TcpListener, shared: Arc<Shared>) -> Result<Http, Error> {
    let addr = listener.local_addr().map_err(|e| Error::io(Path::new("127.0.0.1"), "listen on", &e))?;
    let stopping = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stopping);
    let thread = std::thread::Builder::new()
        .name("gazette-http".into())
        .spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let shared = Arc::clone(&shared);
                let _ = std::thread::Builder::new().name("gazette-conn".into()).spawn(move || {
                    let _ = handle(stream, &shared);
                });
            }
        })
        .map_err(|e| Error::io(Path::new("gazette-http"), "start the thread", &e))?;
    Ok(Http { thread, addr, stopping })
}

/// A response before it is written.
struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Response {
    fn text(status: &'static str, body: &str) -> Response {
        Response { status, content_type: "text/plain; charset=utf-8", body: body.into(), location: None }
    }
}

fn handle(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(&stream);
    let Some((method, target)) = read_head(&mut reader)? else { return Ok(()) };
    let response = match method.as_str() {
        "GET" | "HEAD" => route(&target, shared),
        _ => Response::text("405 Method Not Allowed", "only GET and HEAD are served\n"),
    };
    write_response(&stream, &response, method == "HEAD")
}

/// The method and target of the request line; the headers are read and ignored.
fn read_head(reader: &mut impl BufRead) -> std::io::Result<Option<(String, String)>> {
    let mut line = String::new();
    let mut total = reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else { return Ok(None) };
    let (method, target) = (method.to_string(), target.to_string());
    loop {
        let mut header = String::new();
        let n = reader.read_line(&mut header)?;
        total += n;
        if n == 0 || header.trim().is_empty() || total > MAX_HEAD {
            break;
        }
    }
    Ok(Some((method, target)))
}

fn route(target: &str, shared: &Shared) -> Response {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = path.split('#').next().unwrap_or("");
    if path == "/__gazette/version" {
        return version(query, shared);
    }
    let Some(segments) = decode_path(path) else {
        return Response::text("400 Bad Request", "this address is not allowed\n");
    };
    let file = segments.iter().fold(shared.dir.clone(), |p, s| p.join(s));
    if file.is_dir() {
        if !path.ends_with('/') {
            let location = if query.is_empty() { format!("{path}/") } else { format!("{path}/?{query}") };
            let mut r = Response::text("301 Moved Permanently", "moved\n");
            r.location = Some(location);
            return r;
        }
        return serve_file(&file.join("index.html"), "200 OK", shared).unwrap_or_else(|| not_found(shared));
    }
    serve_file(&file, "200 OK", shared).unwrap_or_else(|| not_found(shared))
}

/// Answer with the build version once it differs from `since` (or after a while).
fn version(query: &str, shared: &Shared) -> Response {
    let since = query.split('&').find_map(|kv| kv.strip_prefix("since=")).and_then(|v| v.parse::<u64>().ok());
    let mut status = shared.status();
    if let Some(since) = since {
        let deadline = std::time::Instant::now() + LONG_POLL;
        while status.version == since && !status.stopping {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            status = shared.changed.wait_timeout(status, left).map_or_else(|e| e.into_inner().0, |(s, _)| s);
        }
    }
    Response::text("200 OK", &status.version.to_string())
}

fn not_found(shared: &Shared) -> Response {
    serve_file(&shared.dir.join("404.html"), "404 Not Found", shared).unwrap_or_else(|| {
        let (version, errors) = snapshot(shared);
        Response {
            status: "404 Not Found",
            content_type: "text/html; charset=utf-8",
            body: inject(NO_OUTPUT_PAGE.as_bytes(), version, &errors),
            location: None,
        }
    })
}

/// The file at `path` with `status`, HTML with the reload script; `None` if it is not a file.
fn serve_file(path: &PathBuf, status: &'static str, shared: &Shared) -> Option<Response> {
    let bytes = std::fs::read(path).ok()?;
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") {
        let (version, errors) = snapshot(shared);
        inject(&bytes, version, &errors)
    } else {
        bytes
    };
    Some(Response { status, content_type, body, location: None })
}

fn snapshot(shared: &Shared) -> (u64, Vec<String>) {
    let status = shared.status();
    (status.version, status.errors.clone())
}

fn write_response(mut stream: &TcpStream, r: &Response, head_only: bool) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        r.status,
        r.content_type,
        r.body.len()
    );
    if let Some(location) = &r.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// The segments of a URL path, percent-decoded; `None` when one would leave the folder.
fn decode_path(path: &str) -> Option<Vec<String>> {
    if !path.starts_with('/') {
        return None;
    }
    let mut segments = Vec::new();
    for raw in path.split('/') {
        let segment = percent_decode(raw)?;
        match segment.as_str() {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0', ':']) => return None,
            _ => segments.push(segment),
        }
    }
    Some(segments)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file name's extension.
fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        assert_eq!(decode_path("/news/a/"), Some(vec!["news".to_string(), "a".to_string()]));
        assert_eq!(decode_path("/tags/y%20t%E1%BA%BF/"), Some(vec!["tags".into(), "y tế".into()]));
        assert_eq!(decode_path("/../etc/passwd"), None);
        assert_eq!(decode_path("/a/%2e%2e/%2e%2e/etc"), None);
        assert_eq!(decode_path("/a%5c..%5cb"), None);
        assert_eq!(decode_path("/%zz"), None);
        assert_eq!(decode_path("relative"), None);
    }

    #[test]
    fn knows_the_types_the_site_uses() {
        assert_eq!(content_type(Path::new("a/index.html")), "text/html; charset=utf-8");
        assert_eq!(content_type(Path::new("chart.SVG")), "image/svg+xml");
        assert_eq!(content_type(Path::new("data/x.csv")), "text/csv; charset=utf-8");
        assert_eq!(content_type(Path::new("font.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("blob")), "application/octet-stream");
    }
}
