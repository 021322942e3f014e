//! Site search without a server (issue 10): documents in, small static files out.
//!
//! A pure room: it knows nothing of the site, only [`Doc`]s, so one call builds the index of
//! one edition (one language) of a site. `fold` is the one definition of a matching syllable;
//! `index` writes the inverted index (folded syllables and syllable pairs, so a phrase ranks
//! above scattered syllables), sharded by ranges of term hashes, and the documents in small
//! chunks; `postings` collects the terms. [`PlannedIndex`] knows its files before it is built.
//! The browser side is `themes/default/static/assets/search.js`.

pub mod fold;
pub mod index;
pub mod postings;
#[cfg(test)]
mod query;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

pub use index::{SearchFile, build_index};

/// Site folder of the results page and of the index files of the site's main edition (an
/// edition in another language would use its own, e.g. `/en/search/`).
pub const SEARCH_PATH: &str = "/search/";

/// The index of one edition, planned but built only when first asked for: its files are
/// known from the number of documents, so pages can be planned at once and the index built on
/// the thread pool while they render.
#[derive(Debug, Clone)]
pub struct PlannedIndex {
    lang: String,
    base: String,
    docs: Vec<Doc>,
    files: OnceLock<Vec<SearchFile>>,
}

impl PlannedIndex {
    /// The index of `docs` in language `lang` under the site folder `base` (as [`build_index`]).
    pub fn new(lang: &str, base: &str, docs: Vec<Doc>) -> PlannedIndex {
        PlannedIndex { lang: lang.to_string(), base: base.to_string(), docs, files: OnceLock::new() }
    }

    /// How many files the index has.
    pub fn len(&self) -> usize {
        index::file_count(self.docs.len())
    }

    /// Whether the index has no files (never: it has at least a manifest and a shard).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Site path of file `i`.
    pub fn path(&self, i: usize) -> String {
        index::file_path(&self.base, self.docs.len(), i)
    }

    /// The files, built on first use (from any thread; the others wait for that one).
    pub fn files(&self) -> &[SearchFile] {
        self.files.get_or_init(|| build_index(&self.lang, &self.base, &self.docs))
    }
}

/// What a search result is, as shown to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// A news item.
    News,
    /// A static page.
    Page,
    /// An indicator.
    Indicator,
    /// A geographic unit.
    Unit,
    /// A programme (plan) with its targets.
    Programme,
}

impl DocKind {
    /// Every kind, in the order the results page offers them as filters.
    pub const ALL: [DocKind; 5] =
        [DocKind::News, DocKind::Page, DocKind::Indicator, DocKind::Unit, DocKind::Programme];

    /// The one-letter code written in the index files.
    pub fn code(self) -> &'static str {
        match self {
            DocKind::News => "n",
            DocKind::Page => "p",
            DocKind::Indicator => "i",
            DocKind::Unit => "g",
            DocKind::Programme => "r",
        }
    }
}

/// One searchable document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// What it is.
    pub kind: DocKind,
    /// Its title (matches here rank above matches in `text`).
    pub title: String,
    /// Its address (a root-relative or absolute URL, written as is).
    pub url: String,
    /// Its date as shown (`30/11/2026`), or empty.
    pub date: String,
    /// Its year, for the year filter.
    pub year: Option<i32>,
    /// The text shown under the title in the results, with the matched words highlighted.
    pub excerpt: String,
    /// Every other field searched (summary, body, tags, names of units …), each apart, so a
    /// phrase never runs from one field into the next.
    pub text: Vec<String>,
}
