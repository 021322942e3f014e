//! `gazette serve`: a local preview that rebuilds on every save and reloads the browser.
//!
//! ```text
//! watch (notify) ──changes──▶ serve loop ──rebuild──▶ temp folder ◀──files── http (127.0.0.1)
//!                                 │                                            ▲
//!                                 └────── Status { version, errors } ──────────┘
//! ```
//! The site is built into its own folder under the system temporary folder (never `public/`),
//! with `base_url` set to the local address. Each rebuild (see `site::incremental`) bumps a
//! version number; pages served here carry a small script that waits for the next version and
//! reloads the tab. While the last build failed, every page also carries an overlay listing
//! the errors. All state lives in the one [`Server`] value; the library prints nothing and
//! reports what happens as [`Event`]s.

mod base64;
mod editor_api;
mod http;
mod inject;
mod request;
mod route;
mod watch;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::error::{Error, Errors};
use crate::site::BuildOptions;
use crate::site::incremental::{Incremental, Rebuild, rebuild};

/// Events are coalesced until this long passes without a new one (editors save in bursts).
const QUIET: Duration = Duration::from_millis(40);
/// …but a rebuild starts at most this long after the first event of a burst.
const MAX_WAIT: Duration = Duration::from_millis(100);

/// What to serve and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Include items marked `draft: true`.
    pub drafts: bool,
}

/// Something the server did, for the command line to show.
#[derive(Debug)]
pub enum Event<'a> {
    /// The first build is done (or failed) and pages are served at `url`.
    Listening {
        /// `http://127.0.0.1:<port>/`.
        url: &'a str,
        /// The folder the preview is built into.
        output: &'a Path,
    },
    /// A build succeeded.
    Built {
        /// What it did.
        rebuild: &'a Rebuild,
        /// Time the build itself took.
        build: Duration,
        /// Time from the first change event to the rebuilt output being in place
        /// (`None` for the first build).
        since_change: Option<Duration>,
        /// Files whose change started it, relative to the site root.
        changed: &'a [PathBuf],
    },
    /// A build failed; the previous output is still served, with the errors as an overlay.
    Failed {
        /// Why.
        errors: &'a Errors,
        /// Files whose change started it, relative to the site root.
        changed: &'a [PathBuf],
    },
}

/// A message to the serve loop.
#[derive(Debug)]
enum Message {
    /// Files changed, seen at this instant.
    Changed(Instant, Vec<PathBuf>),
    /// Stop serving.
    Stop,
}

/// Stops a running [`Server`] from another thread (a Ctrl-C handler, a test).
#[derive(Debug, Clone)]
pub struct Stopper(Sender<Message>);

impl Stopper {
    /// Ask the server to stop; it finishes the request in hand, removes its folder and returns.
    pub fn stop(&self) {
        let _ = self.0.send(Message::Stop);
    }
}

/// The state pages are served from, shared with the HTTP threads.
#[derive(Debug)]
struct Shared {
    dir: PathBuf,
    /// The site folder, which the editor's API writes into (inside `content/` only).
    root: PathBuf,
    status: Mutex<Status>,
    changed: Condvar,
}

/// What the last build left.
#[derive(Debug, Default)]
struct Status {
    /// Bumped by every build, failed or not.
    version: u64,
    /// Errors of the last build, as text; empty when it succeeded.
    errors: Vec<String>,
    /// Set when the server stops, to release waiting requests.
    stopping: bool,
}

impl Shared {
    fn status(&self) -> MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn publish(&self, errors: Vec<String>) {
        let mut status = self.status();
        status.version += 1;
        status.errors = errors;
        self.changed.notify_all();
    }
}

/// A bound, not yet running preview server.
#[derive(Debug)]
pub struct Server {
    opts: BuildOptions,
    listener: TcpListener,
    url: String,
    messages: (Sender<Message>, Receiver<Message>),
}

impl Server {
    /// Bind 127.0.0.1 on the port of `opts` and pick the preview's output folder.
    pub fn bind(opts: &ServeOptions) -> Result<Server, Error> {
        let listener = TcpListener::bind(("127.0.0.1", opts.port)).map_err(|e| {
            Error::new(crate::error::ErrorKind::Io, format!("cannot listen on 127.0.0.1:{}: {e}", opts.port))
                .help("choose another port with --port N, or --port 0 for any free one")
        })?;
        let port =
            listener.local_addr().map_err(|e| Error::io(Path::new("127.0.0.1"), "listen on", &e))?.port();
        let url = format!("http://127.0.0.1:{port}/");
        let output = std::env::temp_dir().join(format!("gazette-serve-{}-{port}", std::process::id()));
        // watch events carry absolute paths: compare them with an absolute root
        let root = std::fs::canonicalize(&opts.root)
            .map_err(|e| Error::io(&opts.root, "open the site folder", &e))?;
        let opts = BuildOptions { root, output, base_url: Some(url.clone()), drafts: opts.drafts };
        Ok(Server { opts, listener, url, messages: mpsc::channel() })
    }

    /// The address pages are served at.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A handle that stops [`Server::run`].
    pub fn stopper(&self) -> Stopper {
        Stopper(self.messages.0.clone())
    }

    /// Build, serve and rebuild on changes until stopped; the output folder is removed at the end.
    pub fn run(self, on_event: &mut dyn FnMut(Event<'_>)) -> Result<(), Error> {
        let Server { opts, listener, url, messages: (sender, receiver) } = self;
        clear(&opts.output)?;
        let shared = Arc::new(Shared {
            dir: opts.output.clone(),
            root: opts.root.clone(),
            status: Mutex::default(),
            changed: Condvar::new(),
        });
        let mut state = Incremental::new();
        build_once(&opts, &mut state, &shared, None, &[], on_event);
        let mut watcher = watch::watch(&opts.root, sender)?;
        let http = http::spawn(listener, Arc::clone(&shared))?;
        on_event(Event::Listening { url: &url, output: &opts.output });
        while let Some((first, changed)) = next_batch(&receiver) {
            // re-arm before building: a source folder removed or re-created lost its watch
            let _ = watcher.refresh(&changed); // best effort: a folder we cannot watch is still built
            build_once(&opts, &mut state, &shared, Some(first), &changed, on_event);
        }
        shared.status().stopping = true;
        shared.changed.notify_all();
        http.stop();
        clear(&opts.output)
    }
}

/// Wait for changes and coalesce a burst of them; `None` when asked to stop.
fn next_batch(receiver: &Receiver<Message>) -> Option<(Instant, Vec<PathBuf>)> {
    let (first, mut changed) = match receiver.recv() {
        Ok(Message::Changed(at, paths)) => (at, paths),
        Ok(Message::Stop) | Err(_) => return None,
    };
    loop {
        let left = MAX_WAIT.saturating_sub(first.elapsed());
        match receiver.recv_timeout(QUIET.min(left)) {
            Ok(Message::Changed(_, paths)) => changed.extend(paths),
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => break,
        }
    }
    changed.sort();
    changed.dedup();
    Some((first, changed))
}

/// Rebuild, publish the outcome to the HTTP side and report it.
fn build_once(
    opts: &BuildOptions,
    state: &mut Incremental,
    shared: &Shared,
    first_change: Option<Instant>,
    changed: &[PathBuf],
    on_event: &mut dyn FnMut(Event<'_>),
) {
    let started = Instant::now();
    match rebuild(opts, state) {
        Ok(done) => {
            let build = started.elapsed();
            let since_change = first_change.map(|t| t.elapsed());
            shared.publish(Vec::new());
            on_event(Event::Built { rebuild: &done, build, since_change, changed });
        }
        Err(errors) => {
            shared.publish(errors.0.iter().map(ToString::to_string).collect());
            on_event(Event::Failed { errors: &errors, changed });
        }
    }
}

/// Remove the preview folder (and what an interrupted write left beside it).
fn clear(dir: &Path) -> Result<(), Error> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, "remove", &e))?;
    }
    Ok(())
}
