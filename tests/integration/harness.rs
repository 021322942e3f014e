//! Test harness: copy a fixture site to a temporary folder, build it, read the output.

use std::path::{Path, PathBuf};

use gazette::Errors;
use gazette::site::{BuildOptions, BuildReport, build};

/// The folder holding the fixture sites.
pub fn sites_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites")
}

/// A site in a temporary folder.
pub struct SiteTest {
    dir: std::rc::Rc<tempfile::TempDir>,
    pub root: PathBuf,
}

impl SiteTest {
    /// A copy of `tests/sites/<name>`.
    pub fn from_fixture(name: &str) -> SiteTest {
        let t = SiteTest::blank();
        copy_dir(&sites_dir().join(name), &t.root);
        t
    }

    /// A site with only `content/site.yaml` (title, base_url and `extra` lines).
    pub fn with_config(extra: &str) -> SiteTest {
        let t = SiteTest::blank();
        t.write(
            "content/site.yaml",
            &format!("title: Thử nghiệm\nbase_url: https://example.gov.vn\n{extra}"),
        );
        t
    }

    fn blank() -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        SiteTest { dir: std::rc::Rc::new(dir), root }
    }

    /// Write a file of the site.
    pub fn write(&self, rel: &str, text: &str) -> &SiteTest {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            output: self.root.join("public"),
            base_url: None,
            drafts: false,
        }
    }

    /// Build into `<root>/public`.
    pub fn build(&self) -> Result<Built, Errors> {
        self.build_with(self.options())
    }

    pub fn build_with(&self, opts: BuildOptions) -> Result<Built, Errors> {
        let report = build(&opts)?;
        Ok(Built { out: opts.output, report, _dir: self.dir.clone() })
    }

    /// Build and expect failure; the errors as text.
    pub fn errors(&self) -> String {
        match self.build() {
            Ok(_) => panic!("the build of {} should have failed", self.root.display()),
            Err(errors) => errors.to_string(),
        }
    }
}

/// A finished build.
pub struct Built {
    pub out: PathBuf,
    pub report: BuildReport,
    /// Keeps the temporary folder alive while the output is read.
    _dir: std::rc::Rc<tempfile::TempDir>,
}

impl Built {
    /// Text of an output file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out.join(rel).exists()
    }

    /// Every output file, sorted, with `/`.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(&self.out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&self.out).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        files.sort();
        files
    }

    /// All text files as one document with `==== path ====` headers (binary files by size).
    pub fn tree_text(&self) -> String {
        let mut out = String::new();
        for f in self.files() {
            let bytes = std::fs::read(self.out.join(&f)).unwrap();
            out.push_str(&format!("==== {f} ====\n"));
            match String::from_utf8(bytes) {
                Ok(text) if !f.ends_with(".css") => out.push_str(&text),
                Ok(text) => out.push_str(&format!("({} bytes of CSS)\n", text.len())),
                Err(e) => out.push_str(&format!("({} bytes)\n", e.as_bytes().len())),
            }
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
        out
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The `<main>` element of a page (the part templates fill per page), for focused snapshots.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    &html[start..end]
}

/// The gazette binary with its messages in English, whatever the machine's locale (messages
/// follow `LANG` and the site's language; these tests read the English text).
pub fn gazette_en() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"));
    command.env("LANG", "en_US.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    command
}
