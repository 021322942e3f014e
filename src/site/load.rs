//! The only reader: every source file is read here, once, in a sorted order.
//!
//! Text files become [`SourceFile`]s (BOM stripped, LF line endings); static files are only
//! listed here and copied byte for byte by `site::write`. Reading runs in parallel.
//!
//! Symbolic links: one policy for every file and folder read (content, media, CSV and data
//! files, static files, themes, templates, i18n), in `Tree::check_link`. A link is followed only
//! when its target, fully resolved, lies inside the site folder; a link leading outside is an
//! error naming the link, and no file behind it is read (the names in a folder behind it may
//! be listed while walking, never shown). Folders that are links are walked under the same
//! rule; a link loop is an error.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::render::template::TemplateSource;
use crate::site::out_path::output_path_of;
use crate::source::{BinaryFile, SourceFile};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// Everything under `content/`, plus the site's static files.
#[derive(Debug, Clone)]
pub struct SiteSource {
    /// The site root folder.
    pub root: PathBuf,
    /// `content/site.yaml`.
    pub config: SourceFile,
    /// `content/news/**/*.md`, sorted by path.
    pub news: Vec<SourceFile>,
    /// `content/pages/**/*.md`, sorted by path.
    pub pages: Vec<SourceFile>,
    /// `content/geo.yaml`, if present.
    pub geo: Option<SourceFile>,
    /// `content/boundaries.geojson`, if present (the shapes maps are drawn from; issue 16).
    pub boundaries: Option<SourceFile>,
    /// `content/indicators/*.yaml`, sorted.
    pub indicators: Vec<SourceFile>,
    /// `content/indicators/**/*.csv`, sorted (tables referenced by indicators).
    pub tables: Vec<SourceFile>,
    /// `content/indicators/**/*.{xlsx,xlsm,xls,ods}`, sorted (workbooks referenced by indicators).
    pub workbooks: Vec<BinaryFile>,
    /// `content/programmes/*.yaml`, sorted.
    pub programmes: Vec<SourceFile>,
    /// `static/**` and `content/media/**`, to copy.
    pub assets: Vec<Asset>,
}

/// A theme: templates, UI strings and static files, from disk or built in.
#[derive(Debug, Clone)]
pub struct ThemeSource {
    /// Theme name from `site.yaml`.
    pub name: String,
    /// Templates by name (`article.html`, `partials/pager.html`), site overrides applied.
    pub templates: Vec<TemplateSource>,
    /// `i18n/<lang>.yaml` files of the theme, then of the site (site wins).
    pub i18n: Vec<SourceFile>,
    /// Theme static files.
    pub assets: Vec<Asset>,
}

/// A file copied unchanged into the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path inside the output folder, with `/` (e.g. `media/cau-treo.svg`).
    pub out_path: String,
    /// Where the bytes come from.
    pub origin: AssetOrigin,
}

/// Where an asset's bytes are.
#[derive(Debug, Clone)]
pub enum AssetOrigin {
    /// A file on disk.
    Disk(PathBuf),
    /// A file of the built-in theme.
    Embedded(&'static [u8]),
}

/// Read `content/` and the site's static files under `root`.
pub fn load_site(root: &Path) -> Result<SiteSource, Errors> {
    let content = root.join("content");
    let config_path = content.join("site.yaml");
    if !config_path.is_file() && !config_path.is_symlink() {
        return Err(Error::new(ErrorKind::Io, format!("no site configuration at `{}`", rel(root, &config_path)))
            .help("run gazette in the site folder (the one holding content/site.yaml), pass --root DIR, or create a site with `gazette new DIR`")
            .into());
    }
    let site = Tree::new(root)?;
    let mut errors = Errors::new();
    let config = errors.take(site.read_file(&config_path));
    let news = errors.take_all(site.read_listed(site.list_files(&content.join("news"), &["md", "markdown"])));
    let pages =
        errors.take_all(site.read_listed(site.list_files(&content.join("pages"), &["md", "markdown"])));
    let geo_path = content.join("geo.yaml");
    let geo = if geo_path.is_file() || geo_path.is_symlink() {
        errors.take(site.read_file(&geo_path))
    } else {
        None
    };
    let boundaries_path = content.join("boundaries.geojson");
    let boundaries = if boundaries_path.is_file() || boundaries_path.is_symlink() {
        errors.take(site.read_file(&boundaries_path))
    } else {
        None
    };
    let indicators_dir = content.join("indicators");
    let indicators = errors.take_all(site.read_listed(site.list_shallow(&indicators_dir, &["yaml", "yml"])));
    let tables = errors.take_all(site.read_listed(site.list_files(&indicators_dir, &["csv"])));
    let workbooks = site.list_files(&indicators_dir, &["xlsx", "xlsm", "xls", "ods"]);
    let workbooks = errors.take_all(workbooks.and_then(|paths| read_all_bytes(root, &paths)));
    let programmes =
        errors.take_all(site.read_listed(site.list_shallow(&content.join("programmes"), &["yaml", "yml"])));
    let mut assets = errors.take_all(site.disk_assets(&root.join("static"), "")).unwrap_or_default();
    assets.extend(errors.take_all(site.disk_assets(&content.join("media"), "media/")).unwrap_or_default());
    let Some(config) = config else { return errors.into_result(()).and_then(|()| Err(Errors::new())) };
    errors.into_result(SiteSource {
        root: root.to_path_buf(),
        config,
        news: news.unwrap_or_default(),
        pages: pages.unwrap_or_default(),
        geo,
        boundaries,
        indicators: indicators.unwrap_or_default(),
        tables: tables.unwrap_or_default(),
        workbooks: workbooks.unwrap_or_default(),
        programmes: programmes.unwrap_or_default(),
        assets,
    })
}

/// Read the theme named `name`: `themes/<name>/` under the root, or the built-in default.
/// Site templates in `templates/` and strings in `i18n/` override the theme's.
pub fn load_theme(root: &Path, name: &str) -> Result<ThemeSource, Errors> {
    let dir = root.join("themes").join(name);
    let mut templates = Vec::new();
    let mut i18n = Vec::new();
    let mut assets = Vec::new();
    let mut errors = Errors::new();
    let site = Tree::new(root)?;
    if dir.is_dir() || dir.is_symlink() {
        let tdir = dir.join("templates");
        for file in errors
            .take_all(site.read_listed(site.list_files(&tdir, &["html", "xml", "txt"])))
            .unwrap_or_default()
        {
            templates.push(TemplateSource { name: name_under(root, &tdir, &file.path), file });
        }
        i18n = errors
            .take_all(site.read_listed(site.list_shallow(&dir.join("i18n"), &["yaml", "yml"])))
            .unwrap_or_default();
        assets = errors.take_all(site.disk_assets(&dir.join("static"), "")).unwrap_or_default();
    } else if name == "default" {
        for (path, bytes) in DEFAULT_THEME {
            let shown = format!("themes/default/{path}");
            if let Some(tname) = path.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(bytes);
                templates
                    .push(TemplateSource { name: tname.to_string(), file: SourceFile::new(shown, &text) });
            } else if path.starts_with("i18n/") {
                i18n.push(SourceFile::new(shown, &String::from_utf8_lossy(bytes)));
            } else if let Some(out) = path.strip_prefix("static/") {
                assets.push(Asset { out_path: out.to_string(), origin: AssetOrigin::Embedded(bytes) });
            }
        }
    } else {
        return Err(Error::new(
            ErrorKind::Io,
            format!("theme `{name}` not found: there is no folder `themes/{name}`"),
        )
        .help(
            "create the folder, or remove `theme:` from content/site.yaml to use the built-in default theme",
        )
        .into());
    }
    // the site's own templates and strings override the theme's, file by file
    let site_tdir = root.join("templates");
    for file in errors
        .take_all(site.read_listed(site.list_files(&site_tdir, &["html", "xml", "txt"])))
        .unwrap_or_default()
    {
        let tname = name_under(root, &site_tdir, &file.path);
        templates.retain(|t| t.name != tname);
        templates.push(TemplateSource { name: tname, file });
    }
    i18n.extend(
        errors
            .take_all(site.read_listed(site.list_shallow(&root.join("i18n"), &["yaml", "yml"])))
            .unwrap_or_default(),
    );
    templates.sort_by(|a, b| a.name.cmp(&b.name));
    errors.into_result(ThemeSource { name: name.to_string(), templates, i18n, assets })
}

/// The site folder, as given (for the paths shown in messages) and fully resolved (for the
/// symlink policy).
struct Tree<'a> {
    root: &'a Path,
    real: PathBuf,
}

impl<'a> Tree<'a> {
    fn new(root: &'a Path) -> Result<Tree<'a>, Error> {
        let real = std::fs::canonicalize(root).map_err(|e| Error::io(root, "open the site folder", &e))?;
        Ok(Tree { root, real })
    }

    /// The symlink policy (see the module docs), for a file or folder about to be read:
    /// `path` must resolve to a place inside the site folder. Resolving reads no file.
    fn check_link(&self, path: &Path) -> Result<(), Error> {
        let shown = rel(self.root, path);
        let outside = || {
            // name the link itself: the outermost link on the way from the root to `path`
            let link = path
                .ancestors()
                .take_while(|a| a.starts_with(self.root) && *a != self.root)
                .filter(|a| a.is_symlink())
                .last()
                .unwrap_or(path);
            let shown = rel(self.root, link);
            Error::new(
                ErrorKind::Io,
                format!("`{shown}` is a symbolic link to a place outside the site folder; gazette does not follow it"),
            )
            .at(Location::file(shown.clone()))
            .help("replace the link with a copy of what it points to, or make it point inside the site folder")
        };
        match std::fs::canonicalize(path) {
            Ok(real) if real.starts_with(&self.real) => Ok(()),
            Ok(_) => Err(outside()),
            Err(e) if path.is_symlink() => {
                Err(Error::new(ErrorKind::Io, format!("`{shown}` is a symbolic link to nothing ({e})"))
                    .at(Location::file(shown.clone()))
                    .help("remove the link, or make it point to a file inside the site folder"))
            }
            Err(e) => Err(Error::io(Path::new(&shown), "read", &e)),
        }
    }

    /// One file named by the site's layout (`content/site.yaml`), read under the symlink policy.
    fn read_file(&self, path: &Path) -> Result<SourceFile, Error> {
        self.check_link(path)?;
        read_text(self.root, path)
    }

    fn read_listed(&self, listing: Result<Vec<PathBuf>, Errors>) -> Result<Vec<SourceFile>, Errors> {
        match listing {
            Ok(paths) => read_all(self.root, &paths),
            Err(errors) => Err(errors),
        }
    }

    /// Files under `dir` (recursively) with one of `exts`, sorted; hidden files and folders skipped.
    fn list_files(&self, dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>, Errors> {
        self.walk(dir, usize::MAX, exts)
    }

    /// Files directly in `dir` with one of `exts`, sorted.
    fn list_shallow(&self, dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>, Errors> {
        self.walk(dir, 1, exts)
    }

    /// The files of a folder tree, links followed under the symlink policy; a folder that
    /// cannot be listed, or a link that may not be followed, is an error naming it.
    fn entries(&self, dir: &Path, depth: usize) -> Result<Vec<walkdir::DirEntry>, Errors> {
        if !dir.is_dir() && !dir.is_symlink() {
            return Ok(Vec::new());
        }
        self.check_link(dir)?;
        let mut errors = Errors::new();
        let mut found = Vec::new();
        let mut walk = WalkDir::new(dir).follow_links(true).max_depth(depth).sort_by_file_name().into_iter();
        while let Some(next) = walk.next() {
            let entry = match next {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(dir).to_path_buf();
                    // an editor's lock file may be a dangling link: hidden files are skipped anyway
                    if !path.file_name().is_some_and(is_hidden) {
                        errors.push(self.walk_error(&path, err));
                    }
                    continue;
                }
            };
            let refused = entry.depth() > 0
                && (is_hidden(entry.file_name())
                    || (entry.path_is_symlink() && errors.take(self.check_link(entry.path())).is_none()));
            if refused {
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
            } else if entry.file_type().is_file() {
                found.push(entry);
            }
        }
        errors.into_result(found)
    }

    fn walk_error(&self, path: &Path, err: walkdir::Error) -> Error {
        if path.is_symlink()
            && let Err(link) = self.check_link(path)
        {
            return link;
        }
        let io = err.into_io_error().unwrap_or_else(|| std::io::Error::other("a folder loop"));
        Error::io(path, "list", &io)
    }

    fn walk(&self, dir: &Path, depth: usize, exts: &[&str]) -> Result<Vec<PathBuf>, Errors> {
        Ok(self
            .entries(dir, depth)?
            .into_iter()
            .filter(|e| {
                let name = e.file_name().as_encoded_bytes();
                exts.iter().any(|ext| {
                    name.len() > ext.len() + 1
                        && name[name.len() - ext.len() - 1] == b'.'
                        && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
                })
            })
            .map(walkdir::DirEntry::into_path)
            .collect())
    }

    /// The files under `dir` to copy into the output under `prefix`.
    fn disk_assets(&self, dir: &Path, prefix: &str) -> Result<Vec<Asset>, Errors> {
        let mut errors = Errors::new();
        let assets = self
            .entries(dir, usize::MAX)?
            .into_iter()
            .filter_map(|e| {
                let tail = e.path().strip_prefix(dir).unwrap_or(e.path());
                let out_path = errors.take(output_path_of(tail, &rel(self.root, dir)))?;
                Some(Asset {
                    out_path: format!("{prefix}{out_path}"),
                    origin: AssetOrigin::Disk(e.into_path()),
                })
            })
            .collect();
        errors.into_result(assets)
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

fn read_all(root: &Path, paths: &[PathBuf]) -> Result<Vec<SourceFile>, Errors> {
    let results: Vec<Result<SourceFile, Error>> = paths.par_iter().map(|p| read_text(root, p)).collect();
    let mut errors = Errors::new();
    let files = results.into_iter().filter_map(|r| errors.take(r)).collect();
    errors.into_result(files)
}

fn read_all_bytes(root: &Path, paths: &[PathBuf]) -> Result<Vec<BinaryFile>, Errors> {
    let results: Vec<Result<BinaryFile, Error>> = paths
        .par_iter()
        .map(|p| {
            let path = rel(root, p);
            let bytes = std::fs::read(p).map_err(|e| Error::io(Path::new(&path), "read", &e))?;
            Ok(BinaryFile { path, bytes })
        })
        .collect();
    let mut errors = Errors::new();
    let files = results.into_iter().filter_map(|r| errors.take(r)).collect();
    errors.into_result(files)
}

fn read_text(root: &Path, path: &Path) -> Result<SourceFile, Error> {
    let shown = rel(root, path);
    let bytes = std::fs::read(path).map_err(|e| Error::io(Path::new(&shown), "read", &e))?;
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` was just validated as UTF-8 (by simdutf8, several times faster than
        // std's check on Vietnamese text, where most letters take two or three bytes).
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Ok(SourceFile::from_string(shown, text));
    }
    if let Some(error) = other_encoding(&shown, &bytes) {
        return Err(error);
    }
    let offset = std::str::from_utf8(&bytes).err().map_or(0, |e| e.valid_up_to());
    let (line, column) = crate::source::line_col(&String::from_utf8_lossy(&bytes[..offset]), offset);
    if shown.to_ascii_lowercase().ends_with(".csv") {
        return Err(Error::new(
            ErrorKind::Io,
            "the file is not UTF-8 text: it looks like Windows-1258 (Vietnamese ANSI), as Excel's plain “CSV” writes it",
        )
        .at_line(&shown, line, column)
        .help(SAVE_AS_UTF8));
    }
    Err(Error::new(ErrorKind::Io, "the file is not UTF-8 text")
        .at_line(&shown, line, column)
        .help("save the file with the UTF-8 encoding (in Notepad: Save As → Encoding: UTF-8)"))
}

/// The error for a UTF-16 file (Excel's "Unicode Text"), known by its byte-order mark. It is
/// not decoded, nor is a Windows-1258 CSV (Excel's plain "CSV" on a Vietnamese Windows): the
/// code page can only be guessed (Windows-1252 files look the same), and a wrong guess would
/// silently change unit names; saving as CSV UTF-8 is one step (issue 14).
fn other_encoding(shown: &str, bytes: &[u8]) -> Option<Error> {
    (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])).then(|| {
        Error::new(ErrorKind::Io, "the file is UTF-16 text, not UTF-8")
            .at(Location::file(shown))
            .help(SAVE_AS_UTF8)
    })
}

/// The help for a table in another encoding than UTF-8.
const SAVE_AS_UTF8: &str = "save it as UTF-8: in Excel, Save As → CSV UTF-8 (Comma delimited)";

/// Path of `path` relative to the site root, with `/`.
pub fn rel(root: &Path, path: &Path) -> String {
    // string prefix first (walkdir paths start with the root as given): cheaper than components
    let (r, p) = (root.as_os_str().as_encoded_bytes(), path.as_os_str().as_encoded_bytes());
    let tail = match p.strip_prefix(r) {
        Some(rest) if rest.first() == Some(&b'/') || rest.first() == Some(&b'\\') => &rest[1..],
        _ => return path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/"),
    };
    String::from_utf8_lossy(tail).replace('\\', "/")
}

fn name_under(root: &Path, dir: &Path, shown: &str) -> String {
    let prefix = rel(root, dir);
    shown.strip_prefix(&prefix).unwrap_or(shown).trim_start_matches('/').to_string()
}
