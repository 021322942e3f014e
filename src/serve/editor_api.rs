//! The editor's local API (issue 13): `POST /api/v1`, answered the way Decap CMS's
//! `decap-server` answers in its local-files mode, so `/admin/` edits this site's files in
//! `gazette serve` without any account; the watcher then rebuilds the preview.
//!
//! A server that writes files is a new way in, so: only requests from a page of this server
//! (`Origin` is `http://127.0.0.1:PORT` or `http://localhost:PORT`, and the `Host` check of
//! `request`), only `application/json` bodies (a form on another site cannot send one without
//! a CORS preflight, which is never answered), bodies of at most [`MAX_BODY`] bytes read by
//! `Content-Length` within a deadline, and only plain paths inside `content/` (the rule of
//! `site::out_path`, no hidden names), of known file kinds, never through a symbolic link
//! leading out of `content/`.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::base64;
use super::route::Response;
use crate::site::out_path::path_problem;

/// Largest request body: a picture of about 12 MB, as base64 in JSON.
pub(super) const MAX_BODY: usize = 16 << 20;
/// File kinds the editor may write under `content/`.
const WRITABLE: &[&str] = &["md", "yaml", "yml", "csv", "jpg", "jpeg", "png", "webp", "gif", "svg", "pdf"];
/// Deepest folder listing asked for (news sit one level down, in year folders).
const MAX_DEPTH: u64 = 8;

/// Why a request is refused before its body is read, if it is: `(status, message)`.
pub(super) fn refuse_head(
    content_type: Option<&str>,
    origin: Option<&str>,
    port: u16,
) -> Option<(&'static str, &'static str)> {
    let same = [format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}")];
    if !origin.is_some_and(|o| same.iter().any(|s| s == o)) {
        return Some(("403 Forbidden", "only pages of this server may use the editor API"));
    }
    let media = content_type.unwrap_or("").split(';').next().unwrap_or("").trim();
    if !media.eq_ignore_ascii_case("application/json") {
        return Some(("415 Unsupported Media Type", "send application/json"));
    }
    None
}

/// The answer to one request body, for the site at `root`.
pub(super) fn answer(body: &[u8], root: &Path) -> Response {
    let request: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(_) => return error("400 Bad Request", "the body is not JSON"),
    };
    let params = &request["params"];
    let result = match request["action"].as_str().unwrap_or("") {
        "info" => Ok(json!({ "repo": repo_name(root), "publish_modes": ["simple"], "type": "local_fs" })),
        "entriesByFolder" => entries_by_folder(root, params),
        "entriesByFiles" => Ok(Value::Array(
            params["files"].as_array().into_iter().flatten().map(|f| entry(root, &f["path"])).collect(),
        )),
        "getEntry" => Ok(entry(root, &params["path"])),
        "persistEntry" => persist_entry(root, params),
        "getMedia" => media_list(root, params),
        "getMediaFile" => media_file(root, &params["path"]),
        "persistMedia" => {
            persist_asset(root, &params["asset"]).and_then(|()| media_file(root, &params["asset"]["path"]))
        }
        "deleteFile" => delete(root, &params["path"]).map(|()| json!({ "message": "deleted" })),
        "deleteFiles" => params["paths"]
            .as_array()
            .into_iter()
            .flatten()
            .try_for_each(|p| delete(root, p))
            .map(|()| json!({ "message": "deleted" })),
        "getDeployPreview" => Ok(Value::Null),
        _ => return error("422 Unprocessable Content", "unknown action"),
    };
    match result {
        Ok(value) => json_response("200 OK", &value),
        Err(message) => error("400 Bad Request", &message),
    }
}

fn repo_name(root: &Path) -> String {
    root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into())
}

fn json_response(status: &'static str, value: &Value) -> Response {
    Response {
        status,
        content_type: "application/json",
        body: serde_json::to_vec(value).unwrap_or_default(),
        location: None,
    }
}

fn error(status: &'static str, message: &str) -> Response {
    json_response(status, &json!({ "error": message }))
}

/// The checked absolute path of `rel` (`content/…`), or why it is refused. `write`: the
/// path will be written, so its kind must be one the site reads, and it must not be a link.
fn content_path(root: &Path, rel: &Value, write: bool) -> Result<PathBuf, String> {
    let rel = rel.as_str().ok_or("a path is missing")?;
    if let Some(problem) = path_problem(rel) {
        return Err(format!("refused the path `{}`: {problem}", rel.escape_debug()));
    }
    let mut parts = rel.split('/');
    if parts.next() != Some("content") || rel.split('/').any(|p| p.starts_with('.')) {
        return Err(format!(
            "refused the path `{rel}`: the editor works only inside content/, without hidden names"
        ));
    }
    let ext = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if write && !WRITABLE.contains(&ext.as_str()) {
        return Err(format!("refused the path `{rel}`: the editor writes only {}", WRITABLE.join(", ")));
    }
    let content =
        std::fs::canonicalize(root.join("content")).map_err(|_| "the site has no content/ folder")?;
    let full = root.join(rel);
    // the deepest part that exists must be inside content/ once links are followed
    let mut existing = full.as_path();
    while std::fs::symlink_metadata(existing).is_err() {
        existing = existing.parent().ok_or("no such folder")?;
    }
    let real = std::fs::canonicalize(existing).map_err(|_| format!("refused the path `{rel}`"))?;
    let is_link = std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink());
    if !real.starts_with(&content) || (write && is_link) {
        return Err(format!("refused the path `{rel}`: it leads out of content/"));
    }
    Ok(full)
}

/// `{ data, file: { path, id } }` for a file, with `data: null` when it cannot be read.
fn entry(root: &Path, rel: &Value) -> Value {
    let text = content_path(root, rel, false).ok().and_then(|p| std::fs::read_to_string(p).ok());
    let id = text.as_deref().map(|t| hash_hex(t.as_bytes()));
    json!({ "data": text, "file": { "path": rel, "id": id } })
}

/// A stable identifier of file contents (Decap only compares them).
fn hash_hex(bytes: &[u8]) -> String {
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}", h.finish())
}

fn entries_by_folder(root: &Path, params: &Value) -> Result<Value, String> {
    let ext = params["extension"].as_str().unwrap_or("").trim_start_matches('.');
    let depth = params["depth"].as_u64().unwrap_or(1).min(MAX_DEPTH);
    let files =
        list(root, &params["folder"], depth, &|name| ext.is_empty() || name.ends_with(&format!(".{ext}")))?;
    Ok(Value::Array(files.iter().map(|f| entry(root, &Value::from(f.as_str()))).collect()))
}

/// Files under `folder` (relative paths with `/`, sorted), `depth` levels down.
fn list(root: &Path, folder: &Value, depth: u64, keep: &dyn Fn(&str) -> bool) -> Result<Vec<String>, String> {
    let dir = content_path(root, folder, false)?;
    let base = folder.as_str().unwrap_or("").trim_end_matches('/').to_string();
    let mut out = Vec::new();
    let mut stack = vec![(dir, base, depth)];
    while let Some((dir, rel, depth)) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else { continue };
        for item in read.flatten() {
            let name = item.file_name().to_string_lossy().into_owned();
            let child = format!("{rel}/{name}");
            // followed only where it stays inside content/
            if name.starts_with('.') || content_path(root, &Value::from(child.as_str()), false).is_err() {
                continue;
            }
            let path = item.path();
            if path.is_dir() && depth > 1 {
                stack.push((path, child, depth - 1));
            } else if path.is_file() && keep(&name) {
                out.push(child);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn persist_entry(root: &Path, params: &Value) -> Result<Value, String> {
    let files: Vec<&Value> = match params["dataFiles"].as_array() {
        Some(list) => list.iter().collect(),
        None => vec![&params["entry"]],
    };
    for file in &files {
        let text = file["raw"].as_str().ok_or("an entry has no text")?;
        let target = if file["newPath"].is_string() { &file["newPath"] } else { &file["path"] };
        write(root, target, text.as_bytes())?;
        if file["newPath"].is_string() && file["newPath"] != file["path"] {
            delete(root, &file["path"])?;
        }
    }
    for asset in params["assets"].as_array().into_iter().flatten() {
        persist_asset(root, asset)?;
    }
    Ok(json!({ "message": "entry persisted" }))
}

fn persist_asset(root: &Path, asset: &Value) -> Result<(), String> {
    let content = asset["content"].as_str().ok_or("a file has no content")?;
    let bytes = match asset["encoding"].as_str() {
        Some("base64") => base64::decode(content).ok_or("the file content is not base64")?,
        _ => content.as_bytes().to_vec(),
    };
    write(root, &asset["path"], &bytes)
}

/// Write through a temporary file and a rename, so the watcher never builds half a file.
fn write(root: &Path, rel: &Value, bytes: &[u8]) -> Result<(), String> {
    let path = content_path(root, rel, true)?;
    let fail = |_| format!("cannot write `{}`", rel.as_str().unwrap_or(""));
    let dir = path.parent().ok_or("no folder")?;
    std::fs::create_dir_all(dir).map_err(fail)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.gazette-tmp"));
    std::fs::write(&temp, bytes).map_err(fail)?;
    std::fs::rename(&temp, &path).map_err(fail)
}

fn delete(root: &Path, rel: &Value) -> Result<(), String> {
    let path = content_path(root, rel, true)?;
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) => Err(format!("cannot delete `{}`", rel.as_str().unwrap_or(""))),
    }
}

fn media_list(root: &Path, params: &Value) -> Result<Value, String> {
    let files = list(root, &params["mediaFolder"], 1, &|_| true)?;
    files
        .iter()
        .map(|f| media_file(root, &Value::from(f.as_str())))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

/// `{ id, content (base64), encoding, path, name }` of a media file.
fn media_file(root: &Path, rel: &Value) -> Result<Value, String> {
    let path = content_path(root, rel, false)?;
    let bytes = std::fs::read(&path).map_err(|_| format!("cannot read `{}`", rel.as_str().unwrap_or("")))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(
        json!({ "id": hash_hex(&bytes), "content": base64::encode(&bytes), "encoding": "base64", "path": rel, "name": name }),
    )
}
