//! The only way the CLI writes to stdout and stderr: no panic when a stream is closed or full.
//!
//! `println!` panics ("failed printing to stdout") when the reader of a pipe has gone
//! (`gazette build | head -0`) or the disk behind a redirect is full (issue 8). Rust ignores
//! SIGPIPE, so such writes return an error; these functions swallow it, and the command goes on
//! to exit with the status of its work (0 built, 1 failed): a lost message never turns a good
//! build into a crash, nor a failed one into a success.

use std::io::{ErrorKind, Write};

/// Write `text` to stdout; returns whether it was written. On an error other than a closed
/// pipe, one note goes to stderr (if that still works).
pub(super) fn write_stdout(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) => {
            if e.kind() != ErrorKind::BrokenPipe {
                write_stderr(&format!("gazette: cannot write to stdout: {e}\n"));
            }
            false
        }
    }
}

/// Write `text` to stderr; returns whether it was written (a closed or full stderr is ignored).
pub(super) fn write_stderr(text: &str) -> bool {
    let mut err = std::io::stderr().lock();
    err.write_all(text.as_bytes()).and_then(|()| err.flush()).is_ok()
}

/// `println!` that never panics: write one line to stdout.
macro_rules! out_line {
    ($($arg:tt)*) => {
        $crate::cli::output::write_stdout(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` that never panics: write one line to stderr.
macro_rules! err_line {
    ($($arg:tt)*) => {
        $crate::cli::output::write_stderr(&format!("{}\n", format_args!($($arg)*)))
    };
}

pub(super) use {err_line, out_line};
