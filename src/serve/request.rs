//! Reading a request head within bounds (issue 8): the request line, the header lines and
//! their count are limited while they are read, never after, and the whole head must arrive
//! within [`HEAD_TIME`]. Only requests naming this server by its loopback address or
//! `localhost` (and its port) in `Host` are answered, so a page on another site cannot reach
//! the preview through a name that resolves to 127.0.0.1 (DNS rebinding).

use std::io::{BufRead, Read};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Longest request line, CRLF included; longer ones are answered 414.
pub(super) const MAX_LINE: usize = 8 * 1024;
/// Most bytes of header lines in one request; more is answered 431.
const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Most header lines in one request; more is answered 431.
const MAX_HEADERS: usize = 100;
/// Time allowed for the whole head to arrive (a slow client holds a connection no longer).
pub(super) const HEAD_TIME: Duration = Duration::from_secs(10);

/// A request the server will answer.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Request {
    /// `GET`, `HEAD`, …
    pub(super) method: String,
    /// The target as sent, e.g. `/news/a/?x=1` (still percent-encoded).
    pub(super) target: String,
    /// The header fields the editor's API looks at (issue 13).
    pub(super) fields: Fields,
}

/// The header fields kept from a request; the others are read and dropped.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Fields {
    /// `Host`.
    pub(super) host: Option<String>,
    /// `Content-Type`.
    pub(super) content_type: Option<String>,
    /// `Content-Length`, as sent.
    pub(super) content_length: Option<String>,
    /// `Origin`.
    pub(super) origin: Option<String>,
    /// Whether a `Transfer-Encoding` was sent (bodies are read by length only).
    pub(super) transfer_encoding: bool,
}

/// What reading a head gave.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Head {
    /// A well-formed request for this server.
    Request(Request),
    /// A request refused with this status line, e.g. `"414 URI Too Long"`.
    Refused(&'static str),
    /// The client went away before sending a whole head.
    Closed,
}

/// Read one request head from `reader` for a server listening on `port`.
pub(super) fn read_head(reader: &mut impl BufRead, port: u16) -> std::io::Result<Head> {
    let line = match read_line(reader, MAX_LINE)? {
        Line::Full(line) => line,
        Line::TooLong => return Ok(Head::Refused("414 URI Too Long")),
        Line::Eof => return Ok(Head::Closed),
    };
    let (request, http11) = match parse_request_line(&line) {
        Ok(parsed) => parsed,
        Err(status) => return Ok(Head::Refused(status)),
    };
    let fields = match read_fields(reader)? {
        Ok(Some(fields)) => fields,
        Ok(None) => return Ok(Head::Closed),
        Err(status) => return Ok(Head::Refused(status)),
    };
    Ok(match &fields.host {
        None if http11 => Head::Refused("400 Bad Request"),
        Some(host) if !is_local_host(host, port) => Head::Refused("421 Misdirected Request"),
        _ => Head::Request(Request { fields, ..request }),
    })
}

/// The request and whether it is HTTP/1.1, or the status refusing it.
fn parse_request_line(line: &[u8]) -> Result<(Request, bool), &'static str> {
    let line = std::str::from_utf8(line).map_err(|_| "400 Bad Request")?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("400 Bad Request");
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err("400 Bad Request");
    }
    // origin form only: a path from the root, printable ASCII (browsers percent-encode the rest)
    if !target.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("400 Bad Request");
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err("505 HTTP Version Not Supported"),
    };
    Ok((
        Request { method: method.to_string(), target: target.to_string(), fields: Fields::default() },
        http11,
    ))
}

/// What the header lines gave: `Ok(Some(fields))`, `Ok(None)` when the client went away,
/// `Err(status)` for a head refused.
type Headers = Result<Option<Fields>, &'static str>;

/// Read the header lines up to the blank one, within [`MAX_HEADER_BYTES`] and [`MAX_HEADERS`].
fn read_fields(reader: &mut impl BufRead) -> std::io::Result<Headers> {
    let mut fields = Fields::default();
    let mut bytes = 0;
    for _ in 0..=MAX_HEADERS {
        let line = match read_line(reader, MAX_HEADER_BYTES - bytes)? {
            Line::Full(line) => line,
            Line::TooLong => return Ok(Err("431 Request Header Fields Too Large")),
            Line::Eof => return Ok(Ok(None)),
        };
        if line.is_empty() {
            return Ok(Ok(Some(fields)));
        }
        bytes += line.len() + 2;
        // folded lines and lines without a name are not HTTP/1.1 (RFC 9112 §5)
        let Some(colon) = line.iter().position(|&b| b == b':') else { return Ok(Err("400 Bad Request")) };
        if colon == 0 || line[0].is_ascii_whitespace() {
            return Ok(Err("400 Bad Request"));
        }
        let name = &line[..colon];
        let value = std::str::from_utf8(&line[colon + 1..]).map(|v| v.trim().to_string()).ok();
        let slot = match () {
            _ if name.eq_ignore_ascii_case(b"host") => &mut fields.host,
            _ if name.eq_ignore_ascii_case(b"content-type") => &mut fields.content_type,
            _ if name.eq_ignore_ascii_case(b"content-length") => &mut fields.content_length,
            _ if name.eq_ignore_ascii_case(b"origin") => &mut fields.origin,
            _ => {
                fields.transfer_encoding |= name.eq_ignore_ascii_case(b"transfer-encoding");
                continue;
            }
        };
        // a repeated or non-UTF-8 field could mean two things to two readers: refuse it
        match (value, &slot) {
            (Some(value), None) => *slot = Some(value),
            _ => return Ok(Err("400 Bad Request")),
        }
    }
    Ok(Err("431 Request Header Fields Too Large"))
}

/// Whether `host` names this server: the loopback address or `localhost`, with its port
/// (or without one when the port is 80, as browsers send it).
fn is_local_host(host: &str, port: u16) -> bool {
    let (name, host_port) = match host.rsplit_once(':') {
        Some((name, p)) if !name.ends_with(':') => (name, p.parse::<u16>().ok()),
        _ => (host, if port == 80 { Some(80) } else { None }),
    };
    host_port == Some(port)
        && ["127.0.0.1", "localhost", "[::1]"].iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// A line read within a limit.
enum Line {
    /// The line, without its CRLF (or LF).
    Full(Vec<u8>),
    /// No line end within the limit.
    TooLong,
    /// The stream ended first.
    Eof,
}

/// Read up to `limit` bytes (line end included) looking for a line end: the buffer never grows
/// past `limit`, whatever the client sends.
fn read_line(reader: &mut impl BufRead, limit: usize) -> std::io::Result<Line> {
    let mut line = Vec::new();
    reader.take(limit as u64).read_until(b'\n', &mut line)?;
    if line.last() != Some(&b'\n') {
        return Ok(if line.len() >= limit { Line::TooLong } else { Line::Eof });
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Line::Full(line))
}

/// A reader of a socket that gives up at a fixed instant, however slowly the bytes trickle in
/// (a per-read timeout alone lets a client send one byte every few seconds for ever).
pub(super) struct Deadline<'a> {
    stream: &'a TcpStream,
    end: Instant,
}

impl<'a> Deadline<'a> {
    /// Read `stream` until `time` from now.
    pub(super) fn new(stream: &'a TcpStream, time: Duration) -> Deadline<'a> {
        Deadline { stream, end: Instant::now() + time }
    }
}

impl Deadline<'_> {
    /// Give the reader `time` from now (for a body, once the head has arrived).
    pub(super) fn renew(&mut self, time: Duration) {
        self.end = Instant::now() + time;
    }
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head read, without its header fields (compared by `fields_are_kept_issue_13`).
    fn head(raw: &[u8]) -> Head {
        match read_head(&mut std::io::BufReader::new(raw), 8080).unwrap() {
            Head::Request(r) => Head::Request(Request { fields: Fields::default(), ..r }),
            other => other,
        }
    }

    #[test]
    fn fields_are_kept_issue_13() {
        let raw = b"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\ncontent-type: application/json\r\n\
            Content-Length: 12\r\nOrigin: http://127.0.0.1:8080\r\nTransfer-Encoding: chunked\r\n\r\n";
        let Head::Request(r) = read_head(&mut std::io::BufReader::new(&raw[..]), 8080).unwrap() else {
            panic!()
        };
        assert_eq!(r.fields.content_type.as_deref(), Some("application/json"));
        assert_eq!(r.fields.content_length.as_deref(), Some("12"));
        assert_eq!(r.fields.origin.as_deref(), Some("http://127.0.0.1:8080"));
        assert!(r.fields.transfer_encoding);
        let twice =
            b"POST / HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n";
        assert_eq!(head(twice), Head::Refused("400 Bad Request"));
    }

    fn request(target: &str) -> Head {
        Head::Request(Request { method: "GET".into(), target: target.into(), fields: Fields::default() })
    }

    #[test]
    fn reads_a_browser_request() {
        let raw = b"GET /news/?x=1 HTTP/1.1\r\nHost: localhost:8080\r\nAccept: */*\r\n\r\n";
        assert_eq!(head(raw), request("/news/?x=1"));
        assert_eq!(head(b"GET / HTTP/1.0\r\n\r\n"), request("/"), "HTTP/1.0 may omit Host");
        assert_eq!(head(b"GET / HTTP/1.1\nHost: 127.0.0.1:8080\n\n"), request("/"));
        assert_eq!(head(b"GET / HTTP/1.1\r\nhost: [::1]:8080\r\n\r\n"), request("/"));
        assert_eq!(head(b""), Head::Closed);
        assert_eq!(head(b"GET / HTTP/1.1\r\nHost: localhost:8080\r\n"), Head::Closed);
    }

    #[test]
    fn refuses_other_hosts_issue_8() {
        let with = |host: &str| head(format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
        assert_eq!(with("evil.example"), Head::Refused("421 Misdirected Request"));
        assert_eq!(with("evil.example:8080"), Head::Refused("421 Misdirected Request"));
        assert_eq!(with("127.0.0.1:9999"), Head::Refused("421 Misdirected Request"));
        assert_eq!(with("localhost"), Head::Refused("421 Misdirected Request"));
        assert_eq!(with("localhost.evil.example:8080"), Head::Refused("421 Misdirected Request"));
        assert_eq!(head(b"GET / HTTP/1.1\r\n\r\n"), Head::Refused("400 Bad Request"), "HTTP/1.1 needs Host");
        let two = b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nHost: evil.example\r\n\r\n";
        assert_eq!(head(two), Head::Refused("400 Bad Request"));
        assert!(is_local_host("localhost", 80) && is_local_host("LOCALHOST:80", 80));
    }

    #[test]
    fn refuses_malformed_heads() {
        assert_eq!(head(b"GET http://a/ HTTP/1.1\r\n\r\n"), Head::Refused("400 Bad Request"));
        assert_eq!(head(b"GET  / HTTP/1.1\r\n\r\n"), Head::Refused("400 Bad Request"));
        assert_eq!(head(b"GET / HTTP/2\r\n\r\n"), Head::Refused("505 HTTP Version Not Supported"));
        assert_eq!(head(b"GET /\x01 HTTP/1.1\r\n\r\n"), Head::Refused("400 Bad Request"));
        let folded = b"GET / HTTP/1.1\r\nHost: localhost:8080\r\n x\r\n\r\n";
        assert_eq!(head(folded), Head::Refused("400 Bad Request"));
    }

    #[test]
    fn bounds_the_head_while_reading_it_issue_8() {
        let long_line = [b"GET /".as_slice(), &vec![b'a'; 1 << 20]].concat();
        assert_eq!(head(&long_line), Head::Refused("414 URI Too Long"));
        let mut raw = b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nX: ".to_vec();
        raw.extend(vec![b'a'; 1 << 20]);
        assert_eq!(head(&raw), Head::Refused("431 Request Header Fields Too Large"));
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "A: b\r\n".repeat(MAX_HEADERS + 1));
        assert_eq!(head(many.as_bytes()), Head::Refused("431 Request Header Fields Too Large"));
    }

    #[test]
    fn a_line_never_grows_past_its_limit() {
        let mut reader = std::io::BufReader::new(std::io::repeat(b'a'));
        assert!(matches!(read_line(&mut reader, 100).unwrap(), Line::TooLong));
    }
}
