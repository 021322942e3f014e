//! The only writer: output goes to a temporary folder next to the target, which replaces the
//! target only when the whole build succeeded. A failed build leaves the previous output as it was.
//!
//! Every path written is checked first ([`check_output_path`]): a path that would leave the
//! output folder is an error, never a write. Locking, the swap and crash recovery: `site::swap`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use crate::error::{Error, ErrorKind};
use crate::site::load::{Asset, AssetOrigin};
use crate::site::out_path::check_output_path;
use crate::site::swap::{self, OutputLock, sibling};

/// A build's output folder being filled; holds the output's lock until committed or dropped.
#[derive(Debug)]
pub struct Output {
    target: PathBuf,
    temp: PathBuf,
    files: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
    _lock: OutputLock,
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WriteStats {
    /// Number of files.
    pub files: usize,
    /// Total bytes.
    pub bytes: u64,
}

/// A file in every output folder, so a later build knows it may replace that folder whole.
/// In a build's temporary folder it is written last, so it also means "complete".
pub const MARKER: &str = ".gazette-output";
const MARKER_TEXT: &str = "Written by gazette: each build replaces this folder whole.\n";

impl Output {
    /// Start an output that will replace `target` (for the site at `root`), waiting silently
    /// while another build holds it. See [`Output::create_waiting`].
    pub fn create(target: &Path, root: &Path) -> Result<Output, Error> {
        Output::create_waiting(target, root, &|_| {})
    }

    /// Start an output that will replace `target` (for the site at `root`). Refuses a target
    /// that holds the site's own files, or an existing folder that no gazette build wrote (it
    /// would be deleted). Then locks the output (calling `on_wait` with the lock file if another
    /// build holds it, and waiting), puts back an output that a crashed swap left aside, and
    /// clears leftovers of dead builds.
    pub fn create_waiting(target: &Path, root: &Path, on_wait: &dyn Fn(&Path)) -> Result<Output, Error> {
        check_target(target, root)?;
        let lock = swap::lock_output(target, on_wait)?;
        swap::recover(target, MARKER)?;
        if target.exists() && !target.is_dir() {
            return Err(Error::new(
                ErrorKind::Io,
                format!("the output `{}` exists and is not a folder", target.display()),
            )
            .help("remove that file or choose another folder with --output"));
        }
        let temp = swap::temp_name(target);
        // never reuse a folder: `recover` removed every leftover under the lock
        std::fs::create_dir(&temp).map_err(|e| Error::io(&temp, "create", &e))?;
        Ok(Output {
            target: target.to_path_buf(),
            temp,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
            _lock: lock,
        })
    }

    /// Create, once and in order, every folder the given files need (so that writing them
    /// in parallel costs one system call less per file).
    pub fn create_folders<'a>(&self, files: impl IntoIterator<Item = &'a str>) -> Result<(), Error> {
        let mut folders: Vec<&str> =
            files.into_iter().filter_map(|f| f.rsplit_once('/').map(|(d, _)| d)).collect();
        folders.sort_unstable();
        folders.dedup();
        for folder in folders {
            check_output_path(folder)?;
            let path = self.temp.join(folder);
            std::fs::create_dir_all(&path).map_err(|e| Error::io(&path, "create", &e))?;
        }
        Ok(())
    }

    /// Write one file at `rel` (a path with `/`, no leading slash). Safe to call in parallel.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        check_output_path(rel)?;
        write_file(&self.temp.join(rel), bytes)?;
        self.count(bytes.len() as u64);
        Ok(())
    }

    /// Copy a static file to its place.
    pub fn copy(&self, asset: &Asset) -> Result<(), Error> {
        check_output_path(&asset.out_path)?;
        let n = copy_asset(asset, &self.temp.join(&asset.out_path))?;
        self.count(n);
        Ok(())
    }

    fn count(&self, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Mark the finished output complete and swap it into place (atomically where the system
    /// allows); then remove the previous output.
    pub fn commit(mut self) -> Result<WriteStats, Error> {
        let marker = self.temp.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| Error::io(&marker, "write", &e))?;
        swap::crash_point("after-temp-written");
        let old = swap::swap_into_place(&self.temp, &self.target)?;
        self.committed = true;
        swap::crash_point("before-remove-old");
        if let Some(old) = old {
            // the new output is in place: a folder left here by a failure is removed by the next build
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(WriteStats {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.committed {
            // a failed build: throw the half-written folder away, keep the previous output
            let _ = std::fs::remove_dir_all(&self.temp);
        }
    }
}

/// An output folder updated file by file, for `gazette serve`: its own folder, which no one
/// else publishes, so it is never swapped. Each file is written to a temporary name and renamed
/// over the old one, so a reader sees either the old or the new file, never half of one.
#[derive(Debug)]
pub struct InPlace {
    dir: PathBuf,
}

impl InPlace {
    /// Use (and create if needed) the folder `dir`.
    pub fn open(dir: &Path) -> Result<InPlace, Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create", &e))?;
        let marker = dir.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| Error::io(&marker, "write", &e))?;
        Ok(InPlace { dir: dir.to_path_buf() })
    }

    /// Replace the file at `rel` with `bytes`.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let (path, temp) = self.paths(rel)?;
        write_file(&temp, bytes)?;
        std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, "replace", &e))
    }

    /// Replace the file of a static asset.
    pub fn copy(&self, asset: &Asset) -> Result<(), Error> {
        let (path, temp) = self.paths(&asset.out_path)?;
        copy_asset(asset, &temp)?;
        std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, "replace", &e))
    }

    /// Remove the file at `rel` (already gone is fine).
    pub fn remove(&self, rel: &str) -> Result<(), Error> {
        check_output_path(rel)?;
        let path = self.dir.join(rel);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&path, "remove", &e)),
            _ => Ok(()),
        }
    }

    fn paths(&self, rel: &str) -> Result<(PathBuf, PathBuf), Error> {
        check_output_path(rel)?;
        let path = self.dir.join(rel);
        let temp = sibling(&path, "gazette-tmp");
        Ok((path, temp))
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Err(first) = std::fs::write(path, bytes) {
        // the folder was not created in advance (see `Output::create_folders`): create it, retry
        let parent = path.parent().ok_or_else(|| Error::io(path, "write", &first))?;
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", &e))?;
        std::fs::write(path, bytes).map_err(|e| Error::io(path, "write", &e))?;
    }
    Ok(())
}

/// Copy an asset to `path`; returns the number of bytes.
fn copy_asset(asset: &Asset, path: &Path) -> Result<u64, Error> {
    match &asset.origin {
        AssetOrigin::Embedded(bytes) => write_file(path, bytes).map(|()| bytes.len() as u64),
        AssetOrigin::Disk(from) => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", &e))?;
            }
            std::fs::copy(from, path).map_err(|e| Error::io(from, "copy", &e))
        }
    }
}

/// The target must not be (or contain) the site's folder or one of its source folders, and an
/// existing non-empty target must carry the marker of an earlier build.
fn check_target(target: &Path, root: &Path) -> Result<(), Error> {
    let absolute =
        |p: &Path| std::path::absolute(p).map(|a| normalise(&a)).unwrap_or_else(|_| p.to_path_buf());
    let (target_abs, root_abs) = (absolute(target), absolute(root));
    let sources = ["content", "static", "themes", "templates", "i18n"];
    let clashes =
        root_abs.starts_with(&target_abs) || sources.iter().any(|s| target_abs.starts_with(root_abs.join(s)));
    if clashes {
        return Err(Error::new(
            ErrorKind::Usage,
            format!("the output `{}` would replace the site's own files", target.display()),
        )
        .help("write the site to a folder of its own, e.g. --output public"));
    }
    let foreign = target.is_dir()
        && !target.join(MARKER).exists()
        && std::fs::read_dir(target).map(|mut d| d.next().is_some()).unwrap_or(false);
    if foreign {
        return Err(Error::new(
            ErrorKind::Usage,
            format!("the output folder `{}` exists and was not written by gazette", target.display()),
        )
        .help("each build replaces the output folder whole: delete it first, or choose a new or empty folder with --output"));
    }
    Ok(())
}

/// `a/./b/../c` → `a/c`, without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_target_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();
        std::fs::write(target.join(MARKER), "").unwrap();
        {
            let out = Output::create(&target, dir.path()).unwrap();
            out.write("news/a/index.html", b"new").unwrap();
            // dropped without commit: a failed build
        }
        assert!(target.join("old.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "public and its lock file only");
        let out = Output::create(&target, dir.path()).unwrap();
        out.write("news/a/index.html", b"new").unwrap();
        let stats = out.commit().unwrap();
        assert_eq!(stats, WriteStats { files: 1, bytes: 3 });
        assert!(!target.join("old.html").exists());
        assert!(target.join(MARKER).exists());
        assert_eq!(std::fs::read_to_string(target.join("news/a/index.html")).unwrap(), "new");
    }
}

#[cfg(test)]
mod safety_tests {
    use super::*;

    #[test]
    fn never_replaces_the_sources_or_a_foreign_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        for bad in [root.clone(), root.join("content"), root.join("content/x"), dir.path().to_path_buf()] {
            let err = Output::create(&bad, &root).unwrap_err();
            assert!(err.message.contains("would replace the site's own files"), "{bad:?}: {err}");
        }
        let mine = root.join("documents");
        std::fs::create_dir_all(&mine).unwrap();
        std::fs::write(mine.join("thu.docx"), "x").unwrap();
        let err = Output::create(&mine, &root).unwrap_err();
        assert!(err.message.contains("was not written by gazette"));
        assert!(mine.join("thu.docx").exists());
        assert!(Output::create(&root.join("public"), &root).is_ok());
    }

    #[test]
    fn the_writer_refuses_every_path_that_leaves_its_folder_issue_8() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let target = root.join("public");
        std::fs::create_dir_all(root.join("content")).unwrap();
        let out = Output::create(&target, &root).unwrap();
        let asset = |p: &str| Asset { out_path: p.to_string(), origin: AssetOrigin::Embedded(b"x") };
        let serve = InPlace::open(&dir.path().join("serve")).unwrap();
        for bad in ["../x", "/abs", "a/../../b", "a\\b", "..\\x", "a\0b", "", ".", "a//b", "x/"] {
            let refused = |r: Result<(), Error>| r.unwrap_err().message.contains("refused to write");
            assert!(refused(out.write(bad, b"x")), "{bad:?}");
            assert!(refused(out.copy(&asset(bad))), "{bad:?}");
            assert!(refused(out.create_folders([format!("{bad}/f").as_str()])), "{bad:?}");
            assert!(refused(serve.write(bad, b"x")), "{bad:?}");
            assert!(refused(serve.copy(&asset(bad))), "{bad:?}");
            assert!(refused(serve.remove(bad)), "{bad:?}");
        }
        out.write("ok/index.html", b"x").unwrap();
        out.commit().unwrap();
        let mut names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, ["serve", "site"], "nothing written next to the site");
        assert_eq!(std::fs::read_dir(dir.path().join("serve")).unwrap().count(), 1, "the marker only");
        let mut site: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().file_name()).collect();
        site.sort();
        assert_eq!(site, ["content", "public", "public.gazette-lock"]);
    }

    #[test]
    fn a_swap_interrupted_between_its_renames_is_undone_by_the_next_build_issue_8() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let aside = dir.path().join("public.gazette-old");
        std::fs::create_dir_all(&aside).unwrap();
        std::fs::write(aside.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(aside.join("index.html"), "last good").unwrap();
        std::fs::create_dir_all(dir.path().join("public.gazette-tmp-1")).unwrap();
        drop(Output::create(&target, &dir.path().join("site")).unwrap());
        assert_eq!(std::fs::read_to_string(target.join("index.html")).unwrap(), "last good");
        assert!(!aside.exists());
        // an empty folder made at the output's place meanwhile does not cost the last good copy
        std::fs::rename(&target, &aside).unwrap();
        std::fs::create_dir(&target).unwrap();
        drop(Output::create(&target, &dir.path().join("site")).unwrap());
        assert_eq!(std::fs::read_to_string(target.join("index.html")).unwrap(), "last good");
        assert!(!dir.path().join("public.gazette-tmp-1").exists(), "a dead build's folder is removed");
    }
}
