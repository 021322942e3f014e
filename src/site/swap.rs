//! Replacing an output folder safely: one build at a time, a temporary folder per build, an
//! atomic swap, and the recovery of a swap that a crash interrupted.
//!
//! For an output `public`, these live next to it, in the same folder (so renames are atomic):
//! - `public.gazette-lock`: a lock file. A build holds an exclusive lock on it (`flock`) from
//!   start to end; a second build into the same output waits until the first has finished
//!   (and says so). The lock goes with the process, even on `kill -9`. The file stays.
//! - `public.gazette-tmp-<pid>`: the folder this build writes into. The marker file
//!   (`.gazette-output`) is written into it last, so a folder with the marker is complete.
//! - `public.gazette-old`: the previous output during the fallback swap (below) only.
//!
//! The swap: on Linux `renameat2(RENAME_EXCHANGE)` exchanges the new folder and `public` in
//! one step, then the old output (now under the temporary name) is removed. Elsewhere, or on a
//! file system without it, two renames: `public` → `public.gazette-old`, temporary → `public`.
//! A crash between them leaves no `public` but a complete `public.gazette-old`, which the next
//! build puts back first ([`recover`]), before anything else and whether or not it succeeds.
//! So at every instant the old or the new complete output is at `public` or restorable, and
//! an old output is removed only once the new one is in place.
//!
//! Test-only switches, read from the environment (harmless: they only make a build stop or
//! take the portable path): `GAZETTE_TEST_CRASH_AT=<point>` aborts the process at a named point
//! of the swap (`after-temp-written`, `after-move-aside`, `after-exchange`,
//! `before-remove-old`), and `GAZETTE_TEST_SWAP=rename` uses the two-rename swap on Linux.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// An exclusive lock on an output folder, released when dropped (or when the process ends).
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// Lock the output `target` for this build; if another build holds it, call `on_wait` with
/// the lock file's path once, then wait for it.
pub fn lock_output(target: &Path, on_wait: &dyn Fn(&Path)) -> Result<OutputLock, Error> {
    let path = sibling(target, "gazette-lock");
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", &e))?;
    }
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, "create the lock file", &e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            on_wait(&path);
            file.lock().map_err(|e| lock_error(&path, &e))?;
        }
        Err(TryLockError::Error(e)) => return Err(lock_error(&path, &e)),
    }
    Ok(OutputLock { _file: file })
}

fn lock_error(path: &Path, e: &std::io::Error) -> Error {
    Error::io(path, "lock", e).help(
        "put the output on a file system that supports file locks (a local disk), e.g. --output /tmp/public",
    )
}

/// With the lock held: put back an output that an interrupted swap left aside, and remove the
/// temporary folders of builds that died. Never removes the last complete output.
pub fn recover(target: &Path, marker: &str) -> Result<(), Error> {
    let old = sibling(target, "gazette-old");
    if old.is_dir() {
        if !target.join(marker).is_file() && old.join(marker).is_file() {
            // no complete output at `target`: at most an empty folder (the caller refused others)
            let _ = std::fs::remove_dir(target);
            std::fs::rename(&old, target)
                .map_err(|e| Error::io(&old, "restore the previous output from", &e))?;
        } else {
            remove_folder(&old)?;
        }
    }
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else { return Ok(()) };
    let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
    let prefix = format!("{}.gazette-tmp", name.to_string_lossy());
    let Ok(listing) = std::fs::read_dir(parent) else { return Ok(()) };
    for entry in listing.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            remove_folder(&entry.path())?;
        }
    }
    Ok(())
}

fn remove_folder(path: &Path) -> Result<(), Error> {
    std::fs::remove_dir_all(path).map_err(|e| Error::io(path, "remove the leftover folder", &e))
}

/// The folder name for this build's output, next to `target`. The process id tells live
/// builds apart; within one process, builds into one output run one at a time under the lock,
/// and each leaves no folder under this name behind (or [`recover`] removes it first).
pub fn temp_name(target: &Path) -> PathBuf {
    sibling(target, &format!("gazette-tmp-{}", std::process::id()))
}

/// Put the complete folder `temp` at `target`. Returns the folder now holding the previous
/// output (to remove), if there was one. On error, `target` is as it was.
pub fn swap_into_place(temp: &Path, target: &Path) -> Result<Option<PathBuf>, Error> {
    if !target.exists() {
        std::fs::rename(temp, target).map_err(|e| Error::io(temp, "move into place", &e))?;
        crash_point("after-exchange");
        return Ok(None);
    }
    if std::env::var_os("GAZETTE_TEST_SWAP").is_none_or(|v| v != "rename") && exchange(temp, target) {
        crash_point("after-exchange");
        return Ok(Some(temp.to_path_buf()));
    }
    let old = sibling(target, "gazette-old");
    std::fs::rename(target, &old).map_err(|e| Error::io(target, "move aside", &e))?;
    crash_point("after-move-aside");
    if let Err(e) = std::fs::rename(temp, target) {
        // put the previous output back now rather than leave it to the next build's recovery
        let _ = std::fs::rename(&old, target);
        return Err(Error::io(temp, "move into place", &e));
    }
    crash_point("after-exchange");
    Ok(Some(old))
}

/// Exchange two folders atomically; false if the system or file system cannot (then nothing
/// has changed and the caller falls back to two renames).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (CString::new(a.as_os_str().as_bytes()), CString::new(b.as_os_str().as_bytes()))
    else {
        return false;
    };
    // SAFETY: both arguments are valid NUL-terminated strings that outlive the call;
    // AT_FDCWD makes relative paths resolve as std's own file functions do.
    let rc = unsafe {
        libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE)
    };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

/// Test-only: abort the process here if `GAZETTE_TEST_CRASH_AT` names this point, to prove
/// that a build killed at any step leaves a complete output (see the module docs).
pub fn crash_point(point: &str) {
    if std::env::var_os("GAZETTE_TEST_CRASH_AT").is_some_and(|v| v == point) {
        std::process::abort();
    }
}

/// `public` → `public.<suffix>` in the same parent folder (same file system, so rename is atomic).
pub fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name =
        target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    target.with_file_name(format!("{name}.{suffix}"))
}
