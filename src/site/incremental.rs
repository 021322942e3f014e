//! Rebuilds for `gazette serve`: the same stages as `build`, made fast for one saved file.
//!
//! Measured on the 10,000-news benchmark corpus, a whole build spends most of its time parsing
//! Markdown, then rendering, then writing 200 MB and swapping folders. A rebuild here
//! 1. takes unchanged news and pages from an [`ItemCache`] (keyed by their whole text),
//! 2. renders every page as `build` does, but keeps only the files whose bytes differ from
//!    what it wrote last time (compared by a 64-bit hash), and
//! 3. writes those into the serve folder in place, removing files no longer produced.
//!
//! Every page is still rendered, so no dependency between pages has to be tracked: the output
//! is byte for byte what `build` would write. Nothing is written when any stage fails.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use crate::error::{Error, Errors};
use crate::site::cache::ItemCache;
use crate::site::load::{Asset, AssetOrigin};
use crate::site::write::InPlace;
use crate::site::{BuildOptions, BuildReport, Compiled, compile_with};

/// What the serve loop keeps from one rebuild to the next.
#[derive(Debug, Default)]
pub struct Incremental {
    items: ItemCache,
    /// Output file → hash of what was written there.
    written: HashMap<String, u64>,
}

/// What one rebuild did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rebuild {
    /// What the site holds (as `build` reports it; `files` counts every output file).
    pub report: BuildReport,
    /// News and pages parsed afresh (the rest came from the cache).
    pub parsed: usize,
    /// Files written because they are new or changed.
    pub written: usize,
    /// Files removed because the site no longer produces them.
    pub removed: usize,
}

impl Incremental {
    /// Nothing built yet: the first rebuild parses and writes everything.
    pub fn new() -> Incremental {
        Incremental::default()
    }
}

/// Build the site into `opts.output`, updating only what changed since the last call.
pub fn rebuild(opts: &BuildOptions, state: &mut Incremental) -> Result<Rebuild, Errors> {
    let compiled = compile_with(opts, Some(&state.items))?;
    let parsed = state.items.parsed();
    let (hashes, changed) = render_changed(&compiled, &state.written)?;
    let assets: Vec<(&Asset, u64)> = compiled.assets.iter().map(|a| (a, asset_stamp(a))).collect();
    let out = InPlace::open(&opts.output)?;
    let old = std::mem::take(&mut state.written);
    let mut errors = Errors::new();
    let page_errors: Vec<Error> =
        changed.par_iter().filter_map(|(file, bytes)| out.write(file, bytes).err()).collect();
    let assets_changed: Vec<&Asset> =
        assets.iter().filter(|(a, stamp)| old.get(&a.out_path) != Some(stamp)).map(|(a, _)| *a).collect();
    let asset_errors: Vec<Error> = assets_changed.par_iter().filter_map(|a| out.copy(a).err()).collect();
    errors.extend(Errors(page_errors));
    errors.extend(Errors(asset_errors));
    let mut written: HashMap<String, u64> = hashes;
    written.extend(assets.iter().map(|(a, stamp)| (a.out_path.clone(), *stamp)));
    let mut removed = 0;
    for file in old.keys().filter(|f| !written.contains_key(*f)) {
        removed += 1;
        errors.take(out.remove(file));
    }
    // on a write error the folder's state is unknown: the next rebuild writes everything
    state.written = if errors.is_empty() { written } else { HashMap::new() };
    let files = state.written.len();
    let report = BuildReport::of_plan(&compiled, files, 0);
    errors.into_result(Rebuild { report, parsed, written: changed.len() + assets_changed.len(), removed })
}

type Rendered = (HashMap<String, u64>, Vec<(String, Vec<u8>)>);
/// A page's hash, and its bytes when they changed.
type PageResult = Result<(u64, Option<Vec<u8>>), Error>;

/// Render every page; return the hash of each and the bytes of those that changed.
fn render_changed(compiled: &Compiled, written: &HashMap<String, u64>) -> Result<Rendered, Errors> {
    let Compiled { site, plan, renderer, .. } = compiled;
    let results: Vec<PageResult> = plan
        .par_iter()
        .map(|page| {
            let bytes = renderer.render(site, plan, page)?;
            let hash = hash_of(&bytes);
            let changed = written.get(&page.file) != Some(&hash);
            Ok((hash, changed.then_some(bytes)))
        })
        .collect();
    let mut errors = Errors::new();
    let mut hashes = HashMap::with_capacity(plan.len());
    let mut changed = Vec::new();
    for (page, result) in plan.iter().zip(results) {
        if let Some((hash, bytes)) = errors.take(result) {
            hashes.insert(page.file.clone(), hash);
            changed.extend(bytes.map(|b| (page.file.clone(), b)));
        }
    }
    errors.into_result((hashes, changed))
}

fn hash_of(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// A cheap fingerprint of an asset: size and modification time on disk, the bytes if built in.
fn asset_stamp(asset: &Asset) -> u64 {
    let mut hasher = DefaultHasher::new();
    match &asset.origin {
        AssetOrigin::Embedded(bytes) => bytes.hash(&mut hasher),
        AssetOrigin::Disk(path) => {
            path.hash(&mut hasher);
            if let Ok(meta) = std::fs::metadata(path) {
                meta.len().hash(&mut hasher);
                meta.modified().ok().hash(&mut hasher);
            }
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &std::path::Path, body: &str) -> BuildOptions {
        let write = |rel: &str, text: &str| {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("content/site.yaml", "title: Thử\nbase_url: https://example.gov.vn\n");
        write("content/news/2025-01-02-a.md", &format!("---\ntitle: A\ndate: 2025-01-02\n---\n{body}\n"));
        write("content/news/2025-01-03-b.md", "---\ntitle: B\ndate: 2025-01-03\n---\nB.\n");
        BuildOptions { root: dir.to_path_buf(), output: dir.join("out"), base_url: None, drafts: false }
    }

    #[test]
    fn writes_only_what_changed_and_matches_a_full_build() {
        let dir = tempfile::tempdir().unwrap();
        let opts = site(dir.path(), "Một.");
        let mut state = Incremental::new();
        let first = rebuild(&opts, &mut state).unwrap();
        assert_eq!((first.parsed, first.written), (2, first.report.files));
        let again = rebuild(&opts, &mut state).unwrap();
        assert_eq!((again.parsed, again.written, again.removed), (0, 0, 0));
        site(dir.path(), "Hai.");
        let edit = rebuild(&opts, &mut state).unwrap();
        assert_eq!(edit.parsed, 1);
        assert!(edit.written >= 1 && edit.written < first.written, "{edit:?}");
        let full = BuildOptions { output: dir.path().join("full"), ..opts.clone() };
        crate::site::build(&full).unwrap();
        for entry in walkdir::WalkDir::new(&full.output).into_iter().filter_map(Result::ok) {
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(&full.output).unwrap();
                let ours = std::fs::read(opts.output.join(rel)).unwrap();
                assert_eq!(ours, std::fs::read(entry.path()).unwrap(), "{}", rel.display());
            }
        }
    }

    #[test]
    fn removes_files_no_longer_produced() {
        let dir = tempfile::tempdir().unwrap();
        let opts = site(dir.path(), "Một.");
        let mut state = Incremental::new();
        rebuild(&opts, &mut state).unwrap();
        assert!(opts.output.join("news/b/index.html").exists());
        std::fs::remove_file(dir.path().join("content/news/2025-01-03-b.md")).unwrap();
        let after = rebuild(&opts, &mut state).unwrap();
        assert!(after.removed >= 1);
        assert!(!opts.output.join("news/b/index.html").exists());
    }
}
