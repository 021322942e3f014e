//! `gazette new`: the files of a new site that builds at once.
//!
//! The skeleton lives as real files under `src/scaffold/site/` (so it can be read, built and
//! tested as it is) and is embedded here. `@DATE@` in a path or text becomes the creation date.

use std::path::Path;

use crate::error::{Error, ErrorKind};

/// The skeleton: (path inside the new site, text).
const FILES: [(&str, &str); 14] = [
    ("content/site.yaml", include_str!("scaffold/site/content/site.yaml")),
    ("content/news/@DATE@-chao-mung.md", include_str!("scaffold/site/content/news/@DATE@-chao-mung.md")),
    ("content/pages/gioi-thieu.md", include_str!("scaffold/site/content/pages/gioi-thieu.md")),
    ("content/pages/kha-nang-tiep-can.md", include_str!("scaffold/site/content/pages/kha-nang-tiep-can.md")),
    ("content/geo.yaml", include_str!("scaffold/site/content/geo.yaml")),
    ("content/indicators/ho-ngheo.yaml", include_str!("scaffold/site/content/indicators/ho-ngheo.yaml")),
    (
        "content/programmes/giam-ngheo-2021-2025.yaml",
        include_str!("scaffold/site/content/programmes/giam-ngheo-2021-2025.yaml"),
    ),
    ("README.md", include_str!("scaffold/site/README.md")),
    (".gitignore", include_str!("scaffold/site/.gitignore")),
    (".github/workflows/gazette.yml", include_str!("scaffold/site/.github/workflows/gazette.yml")),
    ("static/.gitkeep", ""),
    // the production setup of visit statistics (issue 15)
    ("deploy/nginx.conf", include_str!("scaffold/site/deploy/nginx.conf")),
    ("deploy/gazette-visits.service", include_str!("scaffold/site/deploy/gazette-visits.service")),
    ("deploy/gazette-visits.timer", include_str!("scaffold/site/deploy/gazette-visits.timer")),
];

/// Write a new site into `dir` (created if missing; refused if it holds anything).
/// `date` (year, month, day) dates the welcome news item. Returns the files written.
pub fn create_site(dir: &Path, date: (i32, u32, u32)) -> Result<Vec<String>, Error> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, "read", &e))?;
        if entries.next().is_some() {
            return Err(Error::new(
                ErrorKind::Usage,
                format!(
                    "`{}` is not empty: gazette new writes only into a new or empty folder",
                    dir.display()
                ),
            )
            .help("choose another folder name, e.g. gazette new cong-thong-tin"));
        }
    }
    let day = format!("{:04}-{:02}-{:02}", date.0, date.1, date.2);
    let mut written = Vec::with_capacity(FILES.len());
    for (rel, text) in FILES {
        let rel = rel.replace("@DATE@", &day);
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", &e))?;
        }
        std::fs::write(&path, text.replace("@DATE@", &day)).map_err(|e| Error::io(&path, "write", &e))?;
        written.push(rel);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_folder_that_holds_something() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x"), "").unwrap();
        let e = create_site(dir.path(), (2026, 1, 2)).unwrap_err();
        assert!(e.message.contains("is not empty"), "{e}");
    }

    #[test]
    fn writes_the_nginx_and_timer_files_beside_the_readme() {
        // issue 15: `gazette new` writes the production setup of visit statistics
        let dir = tempfile::tempdir().unwrap();
        let files = create_site(&dir.path().join("s"), (2026, 1, 2)).unwrap();
        for f in ["deploy/nginx.conf", "deploy/gazette-visits.service", "deploy/gazette-visits.timer"] {
            assert!(files.contains(&f.to_string()), "{f}");
        }
        let service = std::fs::read_to_string(dir.path().join("s/deploy/gazette-visits.service")).unwrap();
        assert!(service.contains("ExecStart=/usr/local/bin/gazette visits "));
        let nginx = std::fs::read_to_string(dir.path().join("s/deploy/nginx.conf")).unwrap();
        assert!(nginx.contains("access_log /var/log/nginx/gazette.access.log combined;"));
        // one server block serves the site too: compression and caching are in the same file
        assert!(nginx.contains("gzip on;") && nginx.contains("error_page 404 /404.html;"));
        assert!(!files.contains(&"nginx.conf".to_string()), "no second nginx file to reconcile");
    }

    #[test]
    fn dates_the_welcome_item() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let files = create_site(&site, (2026, 1, 2)).unwrap();
        assert!(files.contains(&"content/news/2026-01-02-chao-mung.md".to_string()));
        let text = std::fs::read_to_string(site.join("content/news/2026-01-02-chao-mung.md")).unwrap();
        assert!(text.contains("date: 2026-01-02\n"));
    }
}
