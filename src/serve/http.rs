//! A small HTTP/1.1 file server on `std::net` for local preview, listening on 127.0.0.1 only.
//!
//! GET and HEAD, plus `POST /api/v1` for the editor (see `editor_api`, issue 13); `Connection: close` after each response. Folders answer with their
//! `index.html` (a folder address without its trailing `/` is redirected to it), unknown
//! addresses with the site's `404.html` and status 404 (see `route`). One special address,
//! `/__gazette/version?since=N`, answers with the build version as soon as it differs from `N`
//! (or after 20 s): the reload script waits on it.
//!
//! Bounds (issue 8): the request head is limited while it is read and must arrive within
//! 10 s (see `request`); only `Host: 127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT` is
//! answered; at most [`MAX_CONNECTIONS`] connections are served at once, each on its own
//! thread, and the next ones get a 503 at once instead of a thread.
//!
//! Why a hand-written server and not a crate: `hyper` needs an async runtime (tokio) and
//! dozens of crates for a loopback preview that serves one browser; `tiny_http` is lightly
//! maintained, and with either one the parts this server must get right (decoding a path and
//! keeping it inside the folder, checking `Host`, bounding connections) would still be ours.
//! What is left, reading a bounded head, is about a hundred tested lines in `request.rs`, and
//! a thread per connection keeps the long poll (and so save-to-reload) as fast as it was.

use std::io::{BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use super::Shared;
use super::editor_api;
use super::request::{Deadline, HEAD_TIME, Head, Request, read_head};
use super::route::{Response, route};
use crate::error::Error;

/// Most connections served at once; a long poll holds one per open tab.
pub(super) const MAX_CONNECTIONS: usize = 256;
/// Time allowed for an editor request's body to arrive once its head has.
const BODY_TIME: Duration = Duration::from_secs(30);
/// Most bytes read and dropped after refusing a head, so the client can read the answer.
const LINGER_BYTES: u64 = 1 << 20;

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
        .spawn(move || accept(&listener, &shared, &flag, addr.port()))
        .map_err(|e| Error::io(Path::new("gazette-http"), "start the thread", &e))?;
    Ok(Http { thread, addr, stopping })
}

/// Accept connections until `stopping`, each on its own thread while there are free slots.
fn accept(listener: &TcpListener, shared: &Arc<Shared>, stopping: &AtomicBool, port: u16) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let Some(slot) = Slot::take(&open) else {
            refuse_busy(&stream);
            continue;
        };
        let shared = Arc::clone(shared);
        let _ = std::thread::Builder::new().name("gazette-conn".into()).spawn(move || {
            let _ = handle(&stream, &shared, port);
            drop(slot);
        });
    }
}

/// One of the [`MAX_CONNECTIONS`] places; given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>) -> Option<Slot> {
        let before = open.fetch_add(1, Ordering::SeqCst);
        let slot = Slot(Arc::clone(open));
        (before < MAX_CONNECTIONS).then_some(slot)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answer 503 without waiting for the client (the accepting thread must never block).
fn refuse_busy(stream: &TcpStream) {
    let _ = stream.set_nonblocking(true);
    let mut stream = stream;
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
}

fn handle(stream: &TcpStream, shared: &Shared, port: u16) -> std::io::Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(Deadline::new(stream, HEAD_TIME));
    let request = match read_head(&mut reader, port)? {
        Head::Request(request) => request,
        Head::Refused(status) => {
            write_response(stream, &Response::text(status, "this request is not served\n"), false)?;
            linger(stream);
            return Ok(());
        }
        Head::Closed => return Ok(()),
    };
    let response = match request.method.as_str() {
        "GET" | "HEAD" => route(&request.target, shared),
        "POST" if request.target == "/api/v1" => {
            return editor_post(stream, &mut reader, &request, shared, port);
        }
        _ => Response::text("405 Method Not Allowed", "only GET and HEAD are served\n"),
    };
    write_response(stream, &response, request.method == "HEAD")
}

/// The editor's local API (issue 13): checks of the head, then a body bounded in size and time.
fn editor_post(
    stream: &TcpStream,
    reader: &mut BufReader<Deadline<'_>>,
    request: &Request,
    shared: &Shared,
    port: u16,
) -> std::io::Result<()> {
    let f = &request.fields;
    let refused =
        editor_api::refuse_head(f.content_type.as_deref(), f.origin.as_deref(), port).or_else(|| {
            let length = f.content_length.as_deref().and_then(|l| l.parse::<usize>().ok());
            match length {
                _ if f.transfer_encoding => {
                    Some(("501 Not Implemented", "send the body with Content-Length"))
                }
                None => Some(("411 Length Required", "send the body with Content-Length")),
                Some(n) if n > editor_api::MAX_BODY => {
                    Some(("413 Content Too Large", "the body is too large"))
                }
                Some(_) => None,
            }
        });
    if let Some((status, message)) = refused {
        write_response(stream, &Response::text(status, &format!("{message}\n")), false)?;
        linger(stream);
        return Ok(());
    }
    let length = f.content_length.as_deref().and_then(|l| l.parse::<usize>().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    reader.get_mut().renew(BODY_TIME);
    reader.read_exact(&mut body)?;
    write_response(stream, &editor_api::answer(&body, &shared.root), false)
}

/// After refusing a head: stop writing, then read and drop what the client is still sending
/// (a little, for a second at most), so closing does not reset the connection before the
/// client has read the answer.
fn linger(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let mut rest = Deadline::new(stream, Duration::from_secs(1)).take(LINGER_BYTES);
    let _ = std::io::copy(&mut rest, &mut std::io::sink());
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
