//! Watching the site's source folders for saves (the `notify` crate).
//!
//! Watched: `content/`, `themes/`, `templates/`, `static/` and `i18n/` under the site root,
//! recursively, plus the root itself (not recursively) so that one of those folders created
//! later is picked up, and one deleted and re-created is watched again. Reads (our own build
//! reads every file) and editors' hidden swap and backup files are ignored, so a build never
//! triggers another.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Instant;

use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::Message;
use crate::error::{Error, ErrorKind};

/// The folders under the site root whose files make up the site.
pub(super) const WATCHED: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

/// A running watcher; changes arrive on the channel given to [`watch`] until it is dropped.
pub(super) struct Watch {
    watcher: RecommendedWatcher,
    root: PathBuf,
    /// The folders watched, each with the identity it had when its watch was made.
    watched: Vec<(PathBuf, Option<FolderId>)>,
}

impl Watch {
    /// Bring the watches up to date after `changed` (paths relative to the root): a source
    /// folder that is gone is dropped, and one that was itself created, removed or renamed is
    /// watched afresh. Its old watch died with the folder it was made on (inotify watches a
    /// folder, not a name), so a folder deleted and copied back would otherwise go unwatched
    /// until restart (issue 8).
    pub(super) fn refresh(&mut self, changed: &[PathBuf]) -> Result<(), Error> {
        for name in WATCHED {
            let dir = self.root.join(name);
            let id = folder_id(&dir);
            let touched = changed.iter().any(|p| p.as_path() == Path::new(name));
            // a changed identity catches a re-creation whose events were missed
            let stale = |&(ref d, was): &(PathBuf, Option<FolderId>)| d == &dir && (touched || was != id);
            if self.watched.iter().any(stale) {
                // the watch may already be gone with its folder: nothing to undo then
                let _ = self.watcher.unwatch(&dir);
                self.watched.retain(|(d, _)| d != &dir);
            }
            if id.is_some() && !self.watched.iter().any(|(d, _)| d == &dir) {
                self.watcher.watch(&dir, RecursiveMode::Recursive).map_err(|e| watch_error(&dir, &e))?;
                self.watched.push((dir, id));
            }
        }
        Ok(())
    }
}

/// What tells one folder from another created later under the same name.
type FolderId = (u64, u64);

/// The identity of the folder at `dir` (device and inode on Unix); `None` if it is not a folder.
fn folder_id(dir: &Path) -> Option<FolderId> {
    let meta = std::fs::metadata(dir).ok().filter(std::fs::Metadata::is_dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// Start watching `root`; changes arrive on `sender`.
pub(super) fn watch(root: &Path, sender: Sender<Message>) -> Result<Watch, Error> {
    let watch_root = root.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let Ok(event) = result else { return };
        let paths: Vec<PathBuf> = event
            .paths
            .iter()
            .filter(|p| is_source(&watch_root, p))
            .filter_map(|p| p.strip_prefix(&watch_root).ok().map(Path::to_path_buf))
            .collect();
        if is_change(&event.kind) && !paths.is_empty() {
            let _ = sender.send(Message::Changed(Instant::now(), paths));
        }
    })
    .map_err(|e| watch_error(root, &e))?;
    watcher.watch(root, RecursiveMode::NonRecursive).map_err(|e| watch_error(root, &e))?;
    let mut watch = Watch { watcher, root: root.to_path_buf(), watched: Vec::new() };
    watch.refresh(&[])?;
    Ok(watch)
}

/// Whether an event kind means the file's content, name or existence changed.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(ModifyKind::Metadata(m)) => !matches!(m, MetadataKind::AccessTime),
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Other => false,
    }
}

/// Whether `path` is a source of the site: inside a watched folder (or one of those folders
/// itself, when created or removed) and not a hidden or backup file.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(top) = parts.next() else { return false };
    if !WATCHED.contains(&top.as_ref()) {
        return false;
    }
    let hidden = |name: &str| name.starts_with('.') || name.ends_with('~') || name.starts_with('#');
    !parts.any(|p| hidden(&p) || p.ends_with(".swp") || p == "4913")
}

fn watch_error(path: &Path, e: &notify::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot watch `{}` for changes: {e}", path.display()))
        .help("on Linux, raise the limit of watched folders: sysctl fs.inotify.max_user_watches=524288")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_sources_count() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/news/a.md")));
        assert!(is_source(root, Path::new("/site/templates")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/content/news/.a.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/news/a.md~")));
        assert!(!is_source(root, Path::new("/elsewhere/content/a.md")));
    }

    #[test]
    fn reads_are_not_changes() {
        use notify::event::{AccessKind, CreateKind};
        assert!(!is_change(&EventKind::Access(AccessKind::Any)));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(!is_change(&EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))));
    }

    #[test]
    fn a_source_folder_re_created_is_watched_again_issue_8() {
        let root = std::env::temp_dir().join(format!("gazette-watch-{}", std::process::id()));
        std::fs::create_dir_all(root.join("content")).unwrap();
        let root = std::fs::canonicalize(&root).unwrap();
        let (send, receive) = std::sync::mpsc::channel();
        let mut watch = watch(&root, send).unwrap();
        // renamed away rather than deleted, so the new folder cannot reuse its inode
        std::fs::rename(root.join("content"), root.join("old")).unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        watch.refresh(&[]).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(100));
        while receive.try_recv().is_ok() {}
        std::fs::write(root.join("content/a.md"), "x").unwrap();
        let seen = receive.recv_timeout(std::time::Duration::from_secs(10));
        std::fs::remove_dir_all(&root).unwrap();
        let Ok(Message::Changed(_, paths)) = seen else { panic!("no change seen: {seen:?}") };
        assert!(paths.contains(&PathBuf::from("content/a.md")), "{paths:?}");
    }
}
