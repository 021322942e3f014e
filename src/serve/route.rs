//! From a request target to a response: the version address the reload script waits on, or a
//! file of the served folder.
//!
//! A path is percent-decoded first, whole, and only then split and checked (issue 8): `..`,
//! `.`, empty segments (`//`), NUL, control characters, `\` and `:` are refused with 400, as
//! are bad or non-UTF-8 percent sequences (overlong forms included). The file found is then
//! resolved with `canonicalize` and must lie inside the canonical served folder, so a symbolic
//! link leading out of it is answered 404 like a missing file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Shared;
use super::inject::{NO_OUTPUT_PAGE, inject};

/// How long a version request waits for a new build before answering with the same number.
const LONG_POLL: Duration = Duration::from_secs(20);

/// A response before it is written.
pub(super) struct Response {
    /// Status line after `HTTP/1.1`, e.g. `"200 OK"`.
    pub(super) status: &'static str,
    pub(super) content_type: &'static str,
    pub(super) body: Vec<u8>,
    /// Where a redirect leads.
    pub(super) location: Option<String>,
}

impl Response {
    /// A plain-text response.
    pub(super) fn text(status: &'static str, body: &str) -> Response {
        Response { status, content_type: "text/plain; charset=utf-8", body: body.into(), location: None }
    }
}

/// The response to a GET (or HEAD) of `target`.
pub(super) fn route(target: &str, shared: &Shared) -> Response {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path == "/__gazette/version" {
        return version(query, shared);
    }
    let Some(segments) = decode_path(path) else {
        return Response::text("400 Bad Request", "this address is not allowed\n");
    };
    let Some(file) = resolve(&shared.dir, &segments) else { return not_found(shared) };
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
        let deadline = Instant::now() + LONG_POLL;
        while status.version == since && !status.stopping {
            let left = deadline.saturating_duration_since(Instant::now());
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

/// The file at `path` with `status`, HTML with the reload script; `None` if it is not a file
/// inside the served folder.
fn serve_file(path: &Path, status: &'static str, shared: &Shared) -> Option<Response> {
    let path = contained(&shared.dir, path)?;
    let bytes = std::fs::read(&path).ok()?;
    let content_type = content_type(&path);
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

/// The canonical path of `segments` under `dir`, if it exists and lies inside `dir`.
fn resolve(dir: &Path, segments: &[String]) -> Option<PathBuf> {
    contained(dir, &segments.iter().fold(dir.to_path_buf(), |p, s| p.join(s)))
}

/// The canonical form of `path` if it exists and lies inside the canonical `dir`: symbolic
/// links are followed first, so one leading out of `dir` is refused.
fn contained(dir: &Path, path: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).ok()?;
    let path = std::fs::canonicalize(path).ok()?;
    path.starts_with(&dir).then_some(path)
}

/// The segments of a URL path, decoded; `None` when the path is not a plain path inside the
/// folder. A trailing `/` (a folder address) is allowed; other empty segments are not.
fn decode_path(path: &str) -> Option<Vec<String>> {
    let decoded = percent_decode(path)?;
    let rest = decoded.strip_prefix('/')?;
    if decoded.contains(['\\', ':']) || decoded.chars().any(char::is_control) {
        return None;
    }
    let mut segments = Vec::new();
    let mut parts = rest.split('/').peekable();
    while let Some(segment) = parts.next() {
        match segment {
            "" if parts.peek().is_none() => {}
            "" | "." | ".." => return None,
            _ => segments.push(segment.to_string()),
        }
    }
    Some(segments)
}

/// `text` with every `%XX` decoded; `None` for a malformed sequence or bytes that are not UTF-8
/// (which covers overlong encodings such as `%c0%ae`).
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
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
        "yml" | "yaml" => "text/yaml; charset=utf-8",
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
    fn decodes_plain_paths() {
        assert_eq!(decode_path("/"), Some(vec![]));
        assert_eq!(decode_path("/news/a/"), Some(vec!["news".to_string(), "a".to_string()]));
        assert_eq!(decode_path("/tags/y%20t%E1%BA%BF/"), Some(vec!["tags".into(), "y tế".into()]));
        assert_eq!(decode_path("/a%2fb"), Some(vec!["a".into(), "b".into()]), "decoded, then split");
    }

    #[test]
    fn refuses_paths_that_leave_the_folder_issue_8() {
        for path in [
            "/../etc/passwd",
            "/..%2f..%2fetc/passwd",
            "/%2e%2e/",
            "/a/%2e%2e/%2e%2e/etc",
            "/a/%2E%2E%2Fb",
            "/a%00b",
            "/a\\..\\b",
            "/..%5c..%5cetc",
            "/a%5c..%5cb",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/a//b",
            "/./a",
            "/c:/windows",
            "/%c0%ae%c0%ae/etc",
            "/%e0%80%ae",
            "/%ff",
            "/%zz",
            "/%+1",
            "/%2",
            "/a%0a",
            "relative",
            "",
        ] {
            assert_eq!(decode_path(path), None, "{path}");
        }
    }

    #[test]
    fn a_link_out_of_the_folder_is_not_served_issue_8() {
        let tmp = std::env::temp_dir().join(format!("gazette-route-{}", std::process::id()));
        let served = tmp.join("served");
        std::fs::create_dir_all(served.join("sub")).unwrap();
        std::fs::write(tmp.join("secret.txt"), "secret").unwrap();
        std::fs::write(served.join("sub/page.html"), "page").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.join("secret.txt"), served.join("leak.txt")).unwrap();
            std::os::unix::fs::symlink(&tmp, served.join("up")).unwrap();
            std::os::unix::fs::symlink(served.join("sub/page.html"), served.join("inside.html")).unwrap();
            assert_eq!(resolve(&served, &["leak.txt".into()]), None);
            assert_eq!(resolve(&served, &["up".into(), "secret.txt".into()]), None);
            assert!(resolve(&served, &["inside.html".into()]).is_some(), "links inside are fine");
        }
        assert!(resolve(&served, &["sub".into(), "page.html".into()]).is_some());
        assert_eq!(resolve(&served, &["missing".into()]), None);
        std::fs::remove_dir_all(&tmp).unwrap();
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
