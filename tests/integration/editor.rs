//! Issue 13: the web editor. `/admin/` in built sites (and not with `editing: false`), and the
//! local API `gazette serve` answers for it on `POST /api/v1`, driven over raw TCP on
//! 127.0.0.1: an entry persisted lands inside content/, and a path leading out, a body too
//! large, a foreign `Origin` and a non-JSON body are refused.

use std::io::{Read, Write};
use std::net::TcpStream;

use crate::harness::SiteTest;
use crate::serve::{DEADLINE, Served};

/// POST `body` to `/api/v1` with `origin` and `content_type`: (status, body).
fn post(addr: &str, origin: Option<&str>, content_type: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    let origin = origin.map(|o| format!("Origin: {o}\r\n")).unwrap_or_default();
    let head = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {addr}\r\n{origin}Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0), body.to_string())
}

/// POST as the editor page would: same origin, JSON.
fn api(server: &Served, body: &serde_json::Value) -> (u16, serde_json::Value) {
    let origin = format!("http://{}", server.addr);
    let (status, text) = post(&server.addr, Some(&origin), "application/json", &body.to_string());
    (status, serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
}

#[test]
fn built_sites_have_the_editor_unless_editing_is_false_issue_13() {
    let site = SiteTest::from_fixture("minimal");
    let built = site.build().unwrap();
    let page = built.read("admin/index.html");
    assert!(page.contains("<html lang=\"vi\">") && page.contains("rel=\"cms-config-url\""), "{page}");
    assert!(page.contains("npm pack decap-cms@3.16.3"), "without the script the page says how to fetch it");
    let config = built.read("admin/config.yml");
    assert!(config.contains("\"folder\": \"content/news\"") && config.contains("\"name\": \"proxy\""));

    site.write("static/admin/decap-cms.js", "// stand-in");
    let page = site.build().unwrap().read("admin/index.html");
    assert!(page.contains("<script src=\"decap-cms.js\" integrity=\"sha384-"), "{page}");

    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{yaml}\nediting: false\n"));
    assert!(!site.build().unwrap().exists("admin/index.html"));
    site.write("content/site.yaml", &format!("{yaml}\nediting: {{enabled: false}}\n"));
    assert!(!site.build().unwrap().exists("admin/config.yml"));
}

#[test]
fn the_git_host_of_site_yaml_is_the_login_and_review_needs_a_host_that_has_it_issue_13() {
    let site = SiteTest::from_fixture("minimal");
    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &format!("{yaml}\nediting: {{backend: gitlab, repo: so-tttt/cong, app_id: abc, review: true}}\n"),
    );
    let config = site.build().unwrap().read("admin/config.yml");
    for part in [
        "\"name\": \"gitlab\"",
        "\"auth_type\": \"pkce\"",
        "\"editorial_workflow\"",
        "\"repo\": \"so-tttt/cong\"",
    ] {
        assert!(config.contains(part), "{part} in\n{config}");
    }
    site.write(
        "content/site.yaml",
        &format!("{yaml}\nediting: {{backend: gitea, repo: a/b, review: true}}\n"),
    );
    let errors = site.errors();
    assert!(errors.contains("the gitea backend needs base_url"), "{errors}");
    site.write("content/site.yaml", &format!("{yaml}\nediting: {{backnd: github}}\n"));
    let typo = site.errors();
    assert!(typo.contains("unknown field `backnd`") && typo.contains("did you mean `backend`?"), "{typo}");
    assert!(errors.contains("the gitea backend cannot hold edits for review"), "{errors}");
}

#[test]
fn serve_persists_an_entry_inside_content_issue_13() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);
    let (status, info) = api(&server, &serde_json::json!({ "action": "info" }));
    assert_eq!((status, info["type"].as_str()), (200, Some("local_fs")));
    let raw = "---\ntitle: \"Tin mới từ trình biên tập\"\ndate: 2026-11-30\n---\nNội dung.\n";
    let persist = serde_json::json!({ "action": "persistEntry", "params": {
        "dataFiles": [{ "path": "content/news/2026/2026-11-30-tin-moi.md", "raw": raw, "slug": "tin-moi" }],
        "assets": [{ "path": "content/media/x.png", "content": "iVBORw0KGgo=", "encoding": "base64" }],
    }});
    assert_eq!(api(&server, &persist).0, 200);
    assert_eq!(
        std::fs::read_to_string(site.root.join("content/news/2026/2026-11-30-tin-moi.md")).unwrap(),
        raw
    );
    assert_eq!(std::fs::read(site.root.join("content/media/x.png")).unwrap(), b"\x89PNG\r\n\x1a\n");
    // the watcher rebuilds: the new item gets its page
    server.wait_for("/news/tin-moi/", |status, body| {
        status == 200 && body.contains("Tin mới từ trình biên tập")
    });
    let listed = api(
        &server,
        &serde_json::json!({ "action": "entriesByFolder",
        "params": { "folder": "content/news", "extension": "md", "depth": 2 } }),
    )
    .1;
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["file"]["path"] == "content/news/2026/2026-11-30-tin-moi.md")
    );
}

#[test]
fn serve_refuses_paths_out_of_content_issue_13() {
    let site = SiteTest::from_fixture("minimal");
    site.write("secret.txt", "TOP SECRET");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&site.root, site.root.join("content/up")).unwrap();
    let server = Served::start(&site);
    for path in [
        "content/../secret.md",
        "../outside.md",
        "/etc/passwd",
        "content/news/..\\..\\x.md",
        "static/x.md",
        "content/.git/config.md",
        "content/news/x.sh",
        "content/up/leak.md",
        "content//x.md",
    ] {
        let body = serde_json::json!({ "action": "persistEntry",
            "params": { "dataFiles": [{ "path": path, "raw": "x" }], "assets": [] } });
        let (status, answer) = api(&server, &body);
        assert_eq!(status, 400, "{path}: {answer}");
        let read = api(&server, &serde_json::json!({ "action": "getEntry", "params": { "path": path } })).1;
        assert!(read["data"].is_null(), "{path} was read: {read}");
    }
    let read = api(
        &server,
        &serde_json::json!({ "action": "getMediaFile", "params": { "path": "content/up/secret.txt" } }),
    );
    assert_eq!(read.0, 400, "{read:?}");
    assert!(
        !site.root.join("outside.md").exists() && !site.root.parent().unwrap().join("outside.md").exists()
    );
    assert!(!site.root.join("leak.md").exists() && !site.root.join("static/x.md").exists());
}

#[test]
fn serve_refuses_foreign_origins_other_types_and_large_bodies_issue_13() {
    let site = SiteTest::from_fixture("minimal");
    let server = Served::start(&site);
    let body = serde_json::json!({ "action": "persistEntry", "params": {
        "dataFiles": [{ "path": "content/news/evil.md", "raw": "x" }], "assets": [] } })
    .to_string();
    let own = format!("http://{}", server.addr);
    assert_eq!(post(&server.addr, Some("http://evil.example"), "application/json", &body).0, 403);
    assert_eq!(post(&server.addr, None, "application/json", &body).0, 403, "no Origin: not a page of ours");
    assert_eq!(post(&server.addr, Some(&own), "text/plain", &body).0, 415, "a form could send text/plain");
    assert_eq!(post(&server.addr, Some(&own), "application/x-www-form-urlencoded", &body).0, 415);
    // the size is refused from the head alone; nothing of the body is kept
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    let head = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {}\r\nOrigin: {own}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        server.addr,
        64 << 20
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(!site.root.join("content/news/evil.md").exists());
    assert_eq!(post(&server.addr, Some(&own), "application/json", "{not json").0, 400);
}

#[test]
fn check_warns_when_a_site_set_up_for_editing_lacks_the_script_issue_13() {
    let site = SiteTest::from_fixture("minimal");
    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{yaml}\nediting: {{backend: github, repo: so/cong}}\n"));
    let out = crate::harness::gazette_en()
        .args(["check", "--format", "github", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::warning file=static/admin/decap-cms.js::the editor script `static/admin/decap-cms.js` is missing"),
        "{stdout}"
    );
    site.write("static/admin/decap-cms.js", "// stand-in");
    let out = crate::harness::gazette_en()
        .args(["check", "--format", "github", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("::warning"));
}

/// Issue 13: Decap writes every mapping key as text, so a compact series saved through the
/// editor has `"2021": 30.0`; gazette reads the same years and figures from it.
#[test]
fn years_quoted_by_the_editor_read_as_years_issue_13() {
    let site = SiteTest::from_fixture("full");
    let plain = site.build().unwrap().read("indicators/ho-ngheo/index.html");
    let path = site.root.join("content/indicators/ho-ngheo.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let quoted = yaml.replace("{2021: ", "{\"2021\": ").replace(", 2022: ", ", \"2022\": ");
    assert_ne!(quoted, yaml);
    std::fs::write(&path, &quoted).unwrap();
    assert_eq!(site.build().unwrap().read("indicators/ho-ngheo/index.html"), plain);
    std::fs::write(&path, quoted.replacen("\"2021\"", "\"20x1\"", 1)).unwrap();
    let errors = site.errors();
    assert!(
        errors.contains("content/indicators/ho-ngheo.yaml:21:") && errors.contains("whole number"),
        "{errors}"
    );
}
