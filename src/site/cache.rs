//! What `gazette serve` keeps between rebuilds: parsed news and pages, keyed by their text.
//!
//! Parsing Markdown is the costliest stage on a large site, and a save changes one file.
//! An entry is reused only when the file's path, kind and whole text are the same as last time
//! and the settings that shape parsing (slug source, Markdown options) have not changed, so a
//! cached build gives exactly what a fresh one would: the stage stays a pure function, merely
//! memoised. This is the only cache of the build; `gazette build` and `check` do not use it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::content::{ContentKind, Item};
use crate::error::Errors;
use crate::source::SourceFile;

/// Parsed items from earlier builds, safe to share between the parsing threads.
#[derive(Debug, Default)]
pub struct ItemCache {
    inner: Mutex<Entries>,
    parsed: AtomicUsize,
}

#[derive(Debug, Default)]
struct Entries {
    settings: String,
    build: u64,
    items: HashMap<String, Entry>,
}

#[derive(Debug)]
struct Entry {
    kind: ContentKind,
    text: String,
    /// The build that parsed this text.
    parsed_in: u64,
    /// The last build that used it.
    used_in: u64,
    result: Arc<Result<Item, Errors>>,
}

impl ItemCache {
    /// An empty cache.
    pub fn new() -> ItemCache {
        ItemCache::default()
    }

    /// Begin a build whose parse settings are described by `settings`; a change drops every entry.
    pub fn start(&self, settings: &str) {
        let mut entries = self.lock();
        if entries.settings != settings {
            entries.items.clear();
            entries.settings = settings.to_string();
        }
        entries.build += 1;
        self.parsed.store(0, Ordering::Relaxed);
    }

    /// The cached result for `file` if its text is unchanged, else `parse()` (remembered).
    pub fn get_or_parse(
        &self,
        file: &SourceFile,
        kind: ContentKind,
        parse: impl FnOnce() -> Result<Item, Errors>,
    ) -> Result<Item, Errors> {
        let hit = {
            let mut entries = self.lock();
            let build = entries.build;
            entries.items.get_mut(&file.path).filter(|e| e.kind == kind && e.text == file.text).map(|e| {
                e.used_in = build;
                Arc::clone(&e.result)
            })
        };
        if let Some(result) = hit {
            return (*result).clone();
        }
        let result = parse();
        self.parsed.fetch_add(1, Ordering::Relaxed);
        let mut entries = self.lock();
        let build = entries.build;
        let result_arc = Arc::new(result.clone());
        let entry =
            Entry { kind, text: file.text.clone(), parsed_in: build, used_in: build, result: result_arc };
        entries.items.insert(file.path.clone(), entry);
        result
    }

    /// End a build: forget files that are gone.
    pub fn finish(&self) {
        let mut entries = self.lock();
        let build = entries.build;
        entries.items.retain(|_, e| e.used_in == build);
    }

    /// How many files the last build had to parse (the others came from the cache).
    pub fn parsed(&self) -> usize {
        self.parsed.load(Ordering::Relaxed)
    }

    /// The number of the current (or last) build; 0 before the first.
    pub fn build(&self) -> u64 {
        self.lock().build
    }

    /// Whether the text at `path` was parsed by a build after `build` (or is unknown): its page
    /// must be rendered again.
    pub fn parsed_after(&self, path: &str, build: u64) -> bool {
        self.lock().items.get(path).is_none_or(|e| e.parsed_in > build)
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        // a panic while holding the lock cannot leave an entry half-written, so go on
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, ErrorKind};

    fn fail(msg: &str) -> Result<Item, Errors> {
        Err(Error::new(ErrorKind::Value, msg).into())
    }

    fn said(result: Result<Item, Errors>) -> String {
        result.err().map(|e| e.0[0].message.clone()).unwrap_or_default()
    }

    #[test]
    fn reuses_an_entry_only_for_the_same_text_and_settings() {
        let cache = ItemCache::new();
        let a = SourceFile::new("content/news/a.md", "one");
        cache.start("s1");
        assert_eq!(said(cache.get_or_parse(&a, ContentKind::News, || fail("first"))), "first");
        cache.finish();
        cache.start("s1");
        assert_eq!(said(cache.get_or_parse(&a, ContentKind::News, || fail("second"))), "first");
        assert_eq!(cache.parsed(), 0);
        let changed = SourceFile::new("content/news/a.md", "two");
        assert_eq!(said(cache.get_or_parse(&changed, ContentKind::News, || fail("third"))), "third");
        assert_eq!(cache.parsed(), 1);
        assert!(cache.parsed_after("content/news/a.md", 1));
        assert!(!cache.parsed_after("content/news/a.md", 2));
        cache.finish();
        cache.start("s2");
        assert_eq!(said(cache.get_or_parse(&changed, ContentKind::News, || fail("fourth"))), "fourth");
    }

    #[test]
    fn forgets_files_that_are_gone() {
        let cache = ItemCache::new();
        let a = SourceFile::new("content/pages/a.md", "x");
        cache.start("s");
        let _ = cache.get_or_parse(&a, ContentKind::Page, || fail("a"));
        cache.finish();
        cache.start("s");
        cache.finish();
        cache.start("s");
        assert_eq!(said(cache.get_or_parse(&a, ContentKind::Page, || fail("again"))), "again");
    }
}
