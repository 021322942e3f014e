//! Issue 8, file system safety of a build: nothing is written outside the output folder, two
//! builds into one output take turns, a build killed at any step of the swap leaves a
//! complete output, and symbolic links are followed only inside the site folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

fn gazette(site: &SiteTest) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazette"));
    cmd.args(["build", "--quiet", "--root"]).arg(&site.root);
    cmd.env_remove("GAZETTE_TEST_CRASH_AT").env_remove("GAZETTE_TEST_SWAP");
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap()
}

/// Every file under `dir` (relative path → bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The names next to the site's output (`public`, `public.gazette-lock`, leftovers).
fn siblings(site: &SiteTest) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("public"))
        .collect();
    names.sort();
    names
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// ---- item 1: nothing written outside the output folder ----

#[test]
fn a_static_file_named_with_backslashes_is_refused_and_nothing_is_written_outside_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    // on the old code these landed in content/news/ and over content/site.yaml
    site.write("static/x\\..\\..\\content\\news\\pwned.md", "---\ntitle: x\ndate: 2025-01-01\n---\n");
    site.write("content/media/a\\..\\..\\..\\content\\site.yaml", "title: pwned\n");
    let before = tree(&site.root.join("content"));
    let err = site.errors();
    assert!(err.contains("static/x\\..\\..\\content\\news\\pwned.md: error: the file name"), "{err}");
    assert!(err.contains("help: rename it to `x-..-..-content-news-pwned.md`"), "{err}");
    assert!(err.contains("content/media/a\\..\\..\\..\\content\\site.yaml: error:"), "{err}");
    assert_eq!(tree(&site.root.join("content")), before, "content/ untouched");
    assert!(!site.root.join("public").exists());
    assert!(!site.root.parent().unwrap().join("content").exists());
}

#[test]
fn file_names_with_dot_dot_parts_or_control_characters_are_refused_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    site.write("static/css/a\\..\\..\\x.css", "a{}");
    site.write("static/bad\u{1b}[2Jname.css", "a{}");
    let err = site.errors();
    assert!(err.contains("static/css/a\\..\\..\\x.css: error: the file name `a\\..\\..\\x.css`"), "{err}");
    assert!(err.contains("static/bad\\u{1b}[2Jname.css: error:"), "{err}");
    assert!(err.contains("control character"), "{err}");
    assert!(!err.contains('\u{1b}'), "the raw escape never reaches the terminal: {err}");
    assert!(!site.root.join("x.css").exists());
}

#[test]
fn aliases_that_name_the_folder_itself_or_hold_control_characters_are_refused_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    site.write(
        "content/pages/gioi-thieu.md",
        "---\ntitle: Giới thiệu\naliases: [\"/.\", \"/a//b\", \"/x\\x01y\"]\n---\nA.\n",
    );
    let err = site.errors();
    for alias in ["`/.`", "`/a//b`", "`/x\u{1}y`"] {
        assert!(err.contains(&format!("error: alias {alias} is not a site path")), "{alias}: {err}");
    }
}

#[test]
fn the_writer_refuses_a_page_path_that_leaves_the_output_folder_issue_8() {
    // the last line of defence, for paths that no parser saw
    let site = SiteTest::from_fixture("minimal");
    let opts = site.options();
    let output = gazette::site::write::Output::create(&opts.output, &opts.root).unwrap();
    let err = output.write("../content/site.yaml", b"pwned").unwrap_err();
    assert!(
        err.to_string().contains("refused to write `../content/site.yaml` outside the output folder"),
        "{err}"
    );
    assert!(std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap().contains("title"));
}

// ---- item 3: one build at a time ----

#[test]
fn a_second_build_waits_for_the_lock_and_says_so_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let lock_path = site.root.join("public.gazette-lock");
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    let mut child = gazette(&site).stderr(Stdio::piped()).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(child.try_wait().unwrap().is_none(), "the build waits while another holds the output");
    assert!(!site.root.join("public").exists());
    lock.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("waiting for another build of"), "{}", stderr(&out));
    assert!(site.root.join("public/index.html").exists());
}

#[test]
fn two_builds_started_at_once_both_succeed_with_a_complete_output_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    site.write("static/css/extra.css", "a{}");
    for n in 0..12 {
        site.write(
            &format!("content/news/2025-01-{:02}-tin-{n}.md", n + 1),
            "---\ntitle: Tin\ndate: 2025-01-01\n---\nA.\n",
        );
    }
    let reference = site.root.join("reference");
    let out = run(gazette(&site).arg("--output").arg(&reference));
    assert!(out.status.success(), "{}", stderr(&out));
    for _ in 0..3 {
        let children: Vec<_> =
            (0..2).map(|_| gazette(&site).stderr(Stdio::piped()).spawn().unwrap()).collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
        }
        assert_eq!(tree(&site.root.join("public")), tree(&reference));
        assert_eq!(siblings(&site), ["public", "public.gazette-lock"]);
    }
}

// ---- item 4: crash-safe swap ----

/// A site built once (output A), then changed (a build would give output B).
fn site_with_two_versions() -> (SiteTest, BTreeMap<String, Vec<u8>>) {
    let site = SiteTest::from_fixture("minimal");
    let out = run(&mut gazette(&site));
    assert!(out.status.success(), "{}", stderr(&out));
    let a = tree(&site.root.join("public"));
    site.write("content/news/2025-04-01-moi.md", "---\ntitle: Mới\ndate: 2025-04-01\n---\nB.\n");
    (site, a)
}

fn crash_at(point: &str, swap: &str) {
    let (site, a) = site_with_two_versions();
    let b_dir = site.root.join("reference-b");
    assert!(run(gazette(&site).arg("--output").arg(&b_dir)).status.success());
    let b = tree(&b_dir);
    let out = run(gazette(&site).env("GAZETTE_TEST_CRASH_AT", point).env("GAZETTE_TEST_SWAP", swap));
    assert!(!out.status.success(), "{point}/{swap}: the build was stopped");
    assert_eq!(out.status.code(), None, "{point}/{swap}: killed by a signal");
    let public = site.root.join("public");
    let aside = site.root.join("public.gazette-old");
    let now = tree(&public);
    if public.exists() {
        assert!(now == a || now == b, "{point}/{swap}: public/ is old or new, complete");
    } else {
        assert_eq!(tree(&aside), a, "{point}/{swap}: the old output is restorable");
    }
    // a next build that fails still puts the last complete output back first
    site.write("content/news/hong.md", "---\ntitle: Hỏng\ndate: 2025-02-30\n---\n");
    let failed = run(&mut gazette(&site));
    assert_eq!(failed.status.code(), Some(1), "{point}/{swap}");
    let after_failure = tree(&public);
    assert!(after_failure == a || after_failure == b, "{point}/{swap}: {:?}", siblings(&site));
    std::fs::remove_file(site.root.join("content/news/hong.md")).unwrap();
    let good = run(&mut gazette(&site));
    assert!(good.status.success(), "{point}/{swap}: {}", stderr(&good));
    assert_eq!(tree(&public), b, "{point}/{swap}");
    assert_eq!(siblings(&site), ["public", "public.gazette-lock"], "{point}/{swap}: no leftovers");
}

#[test]
fn a_build_killed_at_any_step_of_the_exchange_leaves_a_complete_output_issue_8() {
    for point in ["after-temp-written", "after-exchange", "before-remove-old"] {
        crash_at(point, "exchange");
    }
}

#[test]
fn a_build_killed_at_any_step_of_the_two_rename_swap_leaves_a_restorable_output_issue_8() {
    for point in ["after-temp-written", "after-move-aside", "after-exchange", "before-remove-old"] {
        crash_at(point, "rename");
    }
}

#[test]
fn a_first_build_killed_before_its_swap_leaves_nothing_and_the_next_succeeds_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let out = run(gazette(&site).env("GAZETTE_TEST_CRASH_AT", "after-temp-written"));
    assert_eq!(out.status.code(), None);
    assert!(!site.root.join("public").exists(), "never an incomplete public/");
    assert!(run(&mut gazette(&site)).status.success());
    assert_eq!(siblings(&site), ["public", "public.gazette-lock"]);
}

// ---- item 7: symbolic links ----

/// A file outside the site holding a secret, and the site folder.
fn secret_outside(site: &SiteTest) -> PathBuf {
    let secret = site.root.parent().unwrap().join("secret.txt");
    std::fs::write(&secret, "root:SECRET-PASSWORD-42:0:0\nnot: [yaml\n").unwrap();
    secret
}

fn link(target: &Path, at: &Path) {
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[test]
fn a_site_yaml_linked_outside_the_site_is_refused_without_reading_it_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let secret = secret_outside(&site);
    std::fs::remove_file(site.root.join("content/site.yaml")).unwrap();
    link(&secret, &site.root.join("content/site.yaml"));
    let err = site.errors();
    assert!(!err.contains("SECRET"), "{err}");
    assert!(err.contains("content/site.yaml: error: `content/site.yaml` is a symbolic link to a place outside the site folder"), "{err}");
}

#[test]
fn links_outside_the_site_are_refused_everywhere_and_name_the_link_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let secret = secret_outside(&site);
    let outside_dir = site.root.parent().unwrap().join("outside");
    std::fs::create_dir_all(&outside_dir).unwrap();
    std::fs::write(outside_dir.join("leak.md"), "---\ntitle: SECRET\ndate: 2025-01-01\n---\nSECRET\n")
        .unwrap();
    std::fs::write(outside_dir.join("leak.css"), "SECRET").unwrap();
    let links = [
        (&secret, "content/geo.yaml"),
        (&secret, "content/indicators/leak.yaml"),
        (&secret, "content/media/leak.txt"),
        (&secret, "static/leak.txt"),
        (&outside_dir, "content/news/folder"),
        (&outside_dir, "static/folder"),
    ];
    for (target, at) in links {
        link(target, &site.root.join(at));
    }
    let err = site.errors();
    assert!(!err.contains("SECRET"), "{err}");
    for (_, at) in links {
        assert!(
            err.contains(&format!("`{at}` is a symbolic link to a place outside the site folder")),
            "{at}: {err}"
        );
    }
    assert!(!site.root.join("public").exists());
}

#[test]
fn theme_template_and_string_links_outside_the_site_are_refused_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    let secret = secret_outside(&site);
    let theme = site.root.parent().unwrap().join("theme");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::write(theme.join("templates/base.html"), "SECRET").unwrap();
    let config = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{config}theme: mine\n"));
    link(&theme, &site.root.join("themes/mine"));
    link(&secret, &site.root.join("templates/page.html"));
    link(&secret, &site.root.join("i18n/vi.yaml"));
    let err = site.errors();
    assert!(!err.contains("SECRET"), "{err}");
    for at in ["themes/mine", "templates/page.html", "i18n/vi.yaml"] {
        assert!(
            err.contains(&format!("`{at}` is a symbolic link to a place outside the site folder")),
            "{at}: {err}"
        );
    }
}

#[test]
fn links_inside_the_site_are_followed_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    site.write("shared/logo.svg", "<svg/>");
    site.write("shared/news/2025-02-01-chia-se.md", "---\ntitle: Chia sẻ\ndate: 2025-02-01\n---\nA.\n");
    link(Path::new("../../shared/logo.svg"), &site.root.join("static/img/logo.svg"));
    link(&site.root.join("shared/news"), &site.root.join("content/news/shared"));
    let built = site.build().unwrap();
    assert_eq!(built.read("img/logo.svg"), "<svg/>");
    assert!(built.exists("news/chia-se/index.html"));
}

#[test]
fn a_dangling_link_is_an_error_naming_it_and_a_link_loop_is_refused_issue_8() {
    let site = SiteTest::from_fixture("minimal");
    link(Path::new("nowhere.css"), &site.root.join("static/gone.css"));
    link(Path::new(".."), &site.root.join("static/loop"));
    let err = site.errors();
    assert!(err.contains("`static/gone.css` is a symbolic link to nothing"), "{err}");
    assert!(err.contains("static/loop"), "{err}");
}

#[test]
fn a_build_killed_while_holding_the_lock_does_not_block_the_next_issue_8() {
    // the lock goes with its holder's process, even one killed without cleaning up
    let site = SiteTest::from_fixture("minimal");
    let started = Instant::now();
    let mut holder = gazette(&site).env("GAZETTE_TEST_CRASH_AT", "after-temp-written").spawn().unwrap();
    let _ = holder.wait();
    let out = run(&mut gazette(&site));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(60));
}
