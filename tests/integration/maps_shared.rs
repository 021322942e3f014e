//! Maps drawn once and shared (issue 16, output size): each profile shows the locator base of
//! its level and period with `<use>` and draws only its own unit; small multiples are files
//! shown as images; the pages stay small.

use std::path::Path;

use crate::harness::{Built, SiteTest};

/// The repository's sample site (content/ at the root), in a temporary folder.
fn sample() -> SiteTest {
    let site = SiteTest::with_config("");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &site.root.join("content"));
    site
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() { copy(&path, &target) } else { std::fs::copy(&path, &target).map(|_| ()).unwrap() }
    }
}

/// The locator figure of a profile page.
fn locator_figure(html: &str) -> &str {
    let start = html.find("<figure class=\"map map-locator\">").expect("a locator map");
    &html[start..start + html[start..].find("</figure>").unwrap()]
}

/// The site path a locator figure's `<use>` points to (without `#base`).
fn base_of(figure: &str) -> &str {
    let start = figure.find("<use href=\"").expect("a <use> of the shared base") + "<use href=\"".len();
    let end = start + figure[start..].find('"').unwrap();
    figure[start..end].strip_suffix("#base").expect("the base group")
}

/// The output file of a site path, checked to be a file inside the output folder.
fn file_inside(built: &Built, site_path: &str) -> std::path::PathBuf {
    let file = built.out.join(site_path.trim_start_matches('/'));
    let real = file.canonicalize().unwrap_or_else(|e| panic!("{site_path} is not in the output: {e}"));
    assert!(real.starts_with(built.out.canonicalize().unwrap()), "{site_path} leaves the output folder");
    assert!(real.is_file());
    real
}

// issue 16: a profile references the shared locator base, which exists in the output, and
// draws only its own unit over it, with its own accessible name
#[test]
fn a_profile_shows_the_shared_locator_base_and_only_its_own_unit() {
    let built = sample().build().unwrap();
    let html = built.read("geo/ta-lung/index.html");
    let figure = locator_figure(&html);
    assert!(figure.contains("role=\"img\""), "{figure}");
    assert!(figure.contains(">Vị trí của Xã Tà Lùng</title>"), "{figure}");
    assert!(figure.contains("<desc id=\"c-ta-lung-locator-desc\">"));
    assert_eq!(figure.matches("<path ").count(), 1, "only the unit itself is inline");
    let base = base_of(figure);
    assert!(base.starts_with("/maps/locator-commune"), "{base}");
    let text = std::fs::read_to_string(file_inside(&built, base)).unwrap();
    assert!(text.starts_with("<?xml") && text.contains("<g id=\"base\" font-family="), "{}", &text[..400]);
    assert!(text.matches("<path ").count() > 40, "the base draws every unit of the period");
    // the English edition uses the same file (one per build, not per edition)
    let en = built.read("en/geo/ta-lung/index.html");
    assert_eq!(base_of(locator_figure(&en)), base);
    assert!(locator_figure(&en).contains("-locator-title\">Where "), "named in English");
}

// issue 16: every profile's base exists; old and new communes use the base of their own
// period; the locator bases are few (one per level and period), and the pages are small
#[test]
fn locator_bases_are_one_file_per_level_and_period_and_pages_stay_small() {
    let built = sample().build().unwrap();
    let files = built.files();
    let bases: Vec<&String> = files.iter().filter(|f| f.starts_with("maps/locator-")).collect();
    assert!((2..=4).contains(&bases.len()), "{bases:?}");
    let mut used = std::collections::BTreeSet::new();
    for f in
        files.iter().filter(|f| f.starts_with("geo/") && f.ends_with("/index.html") && f != &"geo/index.html")
    {
        let html = built.read(f);
        if html.contains("map-locator") {
            let base = base_of(locator_figure(&html)).to_string();
            file_inside(&built, &base);
            used.insert(base);
            assert!(html.len() < 30_000, "{f} is {} bytes", html.len());
        }
    }
    assert_eq!(used.len(), bases.len(), "every base written is used: {used:?}");
    let old = base_of(locator_figure(&built.read("geo/ban-vai/index.html"))).to_string();
    assert!(old.ends_with("-2025-06-30.svg"), "an old commune is located among the old: {old}");
}

// issue 16: small multiples are files shown as lazy images, and the indicator page is well
// under 100 KB gzipped
#[test]
fn small_multiples_are_files_and_the_indicator_page_is_light() {
    let built = sample().build().unwrap();
    let html = built.read("indicators/ho-ngheo/index.html");
    for year in 2022..=2024 {
        let src = format!("/charts/ho-ngheo/map-{year}.svg");
        assert!(html.contains(&format!("<img src=\"{src}\" alt=\"Hộ nghèo theo")), "{year}");
        let svg = std::fs::read_to_string(file_inside(&built, &src)).unwrap();
        assert!(svg.contains("role=\"img\"") && !svg.contains("<a "), "a small multiple has no links");
    }
    assert!(html.contains("loading=\"lazy\""));
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut e, html.as_bytes()).unwrap();
    let gz = e.finish().unwrap().len();
    assert!(gz < 100_000, "the indicator page is {gz} bytes gzipped");
}
