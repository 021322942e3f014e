//! Maps (issue 16): the sample site's boundaries, maps on pages, the `map` shortcode, the
//! check's warnings, and the size budgets of a provincial and a national map.

use std::io::Write as _;
use std::path::Path;

use gazette::chart::ChartMeta;
use gazette::geo::parse_geo;
use gazette::locale::Lang;
use gazette::map::atlas::ring_tenths;
use gazette::map::classes::{BLUES, palette, quantile_classes};
use gazette::map::{Atlas, MapClass, MapSpec, MapUnit, build_atlas, parse_boundaries, render_map};
use gazette::source::SourceFile;

use crate::harness::SiteTest;

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

fn gzip_len(text: &str) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text.as_bytes()).unwrap();
    e.finish().unwrap().len()
}

/// The sample's geography and atlas.
fn sample_atlas() -> (gazette::geo::Geo, Atlas) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let geo = parse_geo(&SourceFile::new(
        "content/geo.yaml",
        &std::fs::read_to_string(root.join("geo.yaml")).unwrap(),
    ))
    .unwrap();
    let text = std::fs::read_to_string(root.join("boundaries.geojson")).unwrap();
    let b = parse_boundaries("content/boundaries.geojson", &text, &geo).unwrap();
    let atlas = build_atlas(&b, geo.units.len(), false).unwrap();
    (geo, atlas)
}

/// An undirected edge, in tenths of a viewBox unit.
type Edge = ((i64, i64), (i64, i64));

/// Twice the area and the undirected edges of a unit's simplified rings, in tenths.
fn area_and_edges(atlas: &Atlas, unit: usize) -> (i128, Vec<Edge>) {
    let s = atlas.units.iter().position(|&u| u == unit).unwrap();
    let (mut area, mut edges) = (0i128, Vec::new());
    for ring in atlas.topology.shapes[s].iter().flatten() {
        let r = ring_tenths(ring, &atlas.arcs);
        let n = r.len();
        for i in 0..n {
            let (p, q) = (r[i], r[(i + 1) % n]);
            area += i128::from(p.0) * i128::from(q.1) - i128::from(q.0) * i128::from(p.1);
            edges.push(if p < q { (p, q) } else { (q, p) });
        }
    }
    edges.sort_unstable();
    (area, edges)
}

// issue 16: in the sample, each new commune is the union of the old ones merged into it,
// after simplification: same area, and its edges are theirs less the borders between them
#[test]
fn each_merged_commune_of_the_sample_is_the_union_of_its_parts() {
    let (geo, atlas) = sample_atlas();
    let mut checked = 0;
    for (u, unit) in geo.units.iter().enumerate() {
        if unit.merged_from.is_empty() || !atlas.has_shape(u) {
            continue;
        }
        let (area, edges) = area_and_edges(&atlas, u);
        let parts: Vec<_> = unit.merged_from.iter().map(|&p| area_and_edges(&atlas, p)).collect();
        assert_eq!(area.abs(), parts.iter().map(|p| p.0.abs()).sum::<i128>(), "{}", unit.id);
        let mut all: Vec<_> = parts.iter().flat_map(|p| p.1.iter().copied()).collect();
        all.sort_unstable();
        let outer: Vec<_> =
            all.iter().copied().filter(|e| all.iter().filter(|f| *f == e).count() == 1).collect();
        assert_eq!(outer, edges, "{}", unit.id);
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} merged communes checked");
}

// issue 16: no gaps between neighbours after simplification — the old communes, the new
// communes and the old districts each cover exactly the same area, to the tenth of a unit
#[test]
fn the_sample_generations_tile_the_same_province_without_gaps() {
    let (geo, atlas) = sample_atlas();
    let total = |keep: &dyn Fn(&gazette::geo::Unit) -> bool| -> i128 {
        (0..geo.units.len())
            .filter(|&u| keep(&geo.units[u]) && atlas.has_shape(u))
            .map(|u| area_and_edges(&atlas, u).0.abs())
            .sum()
    };
    use gazette::geo::Level;
    let old = total(&|u| u.level == Level::Commune && u.until.is_some());
    let new = total(&|u| u.level == Level::Commune && u.until.is_none());
    let districts = total(&|u| u.level == Level::District);
    assert!(old > 0);
    assert_eq!(old, new);
    assert_eq!(old, districts);
}

// issue 16: the sample's indicator page has its map, with earlier years, beside its table
#[test]
fn the_indicator_page_shows_an_accessible_map_of_the_latest_year() {
    let built = sample().build().unwrap();
    let html = built.read("indicators/ho-ngheo/index.html");
    let start = html.find("<figure class=\"map\"").expect("a map figure");
    let figure = &html[start..start + html[start..].find("</figure>\n").unwrap()];
    assert!(
        figure.contains("<figcaption>Hộ nghèo theo xã, phường, thị trấn, năm 2025</figcaption>"),
        "{}",
        &figure[..300]
    );
    assert!(figure.contains("role=\"group\" aria-labelledby=\"c-ho-ngheo-map-title"), "the map of links");
    // a small multiple is a file of its own shown as an image (issue 16, output size)
    assert!(
        figure.contains(
            "<img src=\"/charts/ho-ngheo/map-2024.svg\" alt=\"Hộ nghèo theo xã, phường, thị trấn, năm 2024. "
        ),
        "a small multiple"
    );
    assert!(figure.contains("Cao nhất: ") && figure.contains("; thấp nhất: "));
    assert!(figure.contains("<a href=\"/geo/"));
    assert!(figure.contains("<details class=\"chart-data map-data\">"));
    assert!(figure.contains("<p class=\"map-year\">2024</p>"));
    assert_eq!(figure.matches("<svg").count(), 1, "only the map of links is inline");
    assert_eq!(figure.matches("<img ").count(), 3);
    // the worst class is the darkest: poverty is lower-is-better, so the top range is darkest
    assert!(figure.contains(&format!("fill=\"#{:02X}{:02X}{:02X}\"", BLUES[4].0, BLUES[4].1, BLUES[4].2)));
    let profile = built.read("geo/ta-lung/index.html");
    assert!(profile.contains("<figure class=\"map map-locator\">"), "a locator map on the profile");
}

// issue 16: the map shortcode draws in news, and is checked like the other shortcodes
#[test]
fn the_map_shortcode_draws_a_map_and_rejects_a_year_without_figures() {
    let site = sample();
    let news = "---\ntitle: Bản đồ hộ nghèo\ndate: 2026-01-05\n---\n\nBản đồ:\n\n{{ map(indicator=\"ho-ngheo\", year=2024) }}\n";
    site.write("content/news/2026/ban-do.md", news);
    let built = site.build().unwrap();
    let page = built.files().into_iter().find(|f| f.contains("ban-do") && f.ends_with(".html")).unwrap();
    let html = built.read(&page);
    assert!(html.contains("<figcaption>Hộ nghèo theo xã, phường, thị trấn, năm 2024</figcaption>"));
    assert!(html.contains("id=\"c-sc0-map-title\""));
    site.write("content/news/2026/ban-do.md", &news.replace("2024", "1999"));
    assert!(site.errors().contains("has no figures for the year 1999"));
    site.write("content/news/2026/ban-do.md", &news.replace("year=2024", "geo=\"ta-lung\""));
    assert!(site.errors().contains("the shortcode `map` has no argument `geo`"));
    std::fs::remove_file(site.root.join("content/boundaries.geojson")).unwrap();
    site.write("content/news/2026/ban-do.md", news);
    assert!(site.errors().contains("the shortcode `map` needs content/boundaries.geojson"));
}

// issue 16: a unit with figures but no shape for its period is a warning of `check`
#[test]
fn check_warns_of_a_unit_with_figures_and_no_shape() {
    let site = sample();
    let path = site.root.join("content/boundaries.geojson");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("\"id\":\"ta-lung\"")).collect();
    std::fs::write(&path, kept.join("\n").replace(",\n]", "\n]")).unwrap();
    let (_, warnings) = gazette::site::build_with_warnings(&site.options(), false, &|_| {}).unwrap();
    let text = warnings.to_string();
    assert!(text.contains("`ta-lung` has figures but no shape in content/boundaries.geojson"), "{text}");
}

/// A spec drawing every shaped unit of `units` with quantile classes of made-up values.
fn spec_of(atlas: &Atlas, names: &[(usize, String)]) -> MapSpec {
    let values: Vec<f64> = (0..names.len()).map(|k| (k * 37 % 101) as f64 / 2.0).collect();
    let ranges = quantile_classes(&values, 5);
    let colours = palette(ranges.len(), false);
    MapSpec {
        meta: ChartMeta {
            id: "c-budget".into(),
            title: "Ngân sách".into(),
            desc: "Cao nhất …; thấp nhất ….".into(),
            lang: Lang::Vi,
        },
        classes: ranges
            .iter()
            .zip(colours)
            .map(|(r, colour)| MapClass { label: format!("{}–{} %", r.0, r.1), colour })
            .collect(),
        units: names
            .iter()
            .zip(&values)
            .filter(|((u, _), _)| atlas.has_shape(*u))
            .map(|((u, name), v)| MapUnit {
                unit: *u,
                class: gazette::map::classes::class_of(&ranges, *v),
                title: format!("Xã {name}: {v},0 % (2024)"),
                url: Some(format!("/geo/{name}/")),
            })
            .collect(),
        no_data: "Chưa có số liệu".into(),
        legend: true,
    }
}

// issue 16, budget: a 150-commune map is at most 40 KB gzipped (the sample's old communes)
#[test]
fn a_150_commune_map_fits_in_40_kb_gzipped() {
    let (geo, atlas) = sample_atlas();
    let names: Vec<(usize, String)> = (0..geo.units.len())
        .filter(|&u| geo.units[u].level == gazette::geo::Level::Commune && geo.units[u].until.is_some())
        .map(|u| (u, geo.units[u].id.clone()))
        .collect();
    assert_eq!(names.len(), 150);
    let svg = render_map(&atlas, &spec_of(&atlas, &names)).unwrap().into_string();
    let size = gzip_len(&svg);
    println!("150-commune map: {} bytes, {size} bytes gzipped", svg.len());
    assert!(size <= 40 * 1024, "{size} bytes gzipped");
}

/// A synthetic national geography: `n` communes on a jittered grid over Vietnam's mainland
/// box, each border with `per_edge` positions (about what a 1:50,000 source has).
fn national(n: usize, per_edge: usize) -> (gazette::geo::Geo, String) {
    let cols = (n as f64).sqrt().ceil() as usize;
    let rows = n.div_ceil(cols);
    let mut yaml = String::from(
        "units:\n  - {id: vn-p, name: Một, type: tỉnh}\n  - {id: vn-q, name: Hai, type: tỉnh}\n",
    );
    let (x0, y0, w, h) = (102.2, 8.6, 7.2, 14.8);
    let corner = |i: usize, j: usize| {
        let jx = ((i * 7919 + j * 104729) % 1000) as f64 / 1000.0 - 0.5;
        let jy = ((i * 15485863 + j * 3571) % 1000) as f64 / 1000.0 - 0.5;
        let (interior_x, interior_y) = (i > 0 && i < cols, j > 0 && j < rows);
        (
            x0 + (i as f64 + if interior_x { jx * 0.4 } else { 0.0 }) * w / cols as f64,
            y0 + (j as f64 + if interior_y { jy * 0.4 } else { 0.0 }) * h / rows as f64,
        )
    };
    // a border between two corners, wiggling by a function of its ends (same from both sides)
    let edge = |a: (usize, usize), b: (usize, usize)| -> Vec<(f64, f64)> {
        let (lo, hi, rev) = if a <= b { (a, b, false) } else { (b, a, true) };
        let (p, q) = (corner(lo.0, lo.1), corner(hi.0, hi.1));
        let straight =
            lo.0 == hi.0 && (lo.0 == 0 || lo.0 == cols) || lo.1 == hi.1 && (lo.1 == 0 || lo.1 == rows);
        let mut pts: Vec<(f64, f64)> = (0..per_edge)
            .map(|k| {
                let t = k as f64 / per_edge as f64;
                let amp = if straight || k == 0 {
                    0.0
                } else {
                    0.08 * (t * std::f64::consts::PI).sin() * ((k * 31 + lo.0 * 7 + lo.1 * 13) % 17) as f64
                        / 17.0
                };
                let (dx, dy) = (q.0 - p.0, q.1 - p.1);
                ((p.0 + dx * t - dy * amp * 0.3), (p.1 + dy * t + dx * amp * 0.3))
            })
            .collect();
        pts.push(q);
        if rev {
            pts.reverse();
        }
        pts.pop();
        pts
    };
    let mut features = Vec::new();
    for k in 0..n {
        let (i, j) = (k % cols, k / cols);
        let province = if j < rows / 2 { "vn-p" } else { "vn-q" };
        yaml.push_str(&format!("  - {{id: x{k}, name: Xã {k}, type: xã, parent: {province}}}\n"));
        let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
        let mut ring: Vec<(f64, f64)> = Vec::new();
        for c in 0..4 {
            ring.extend(edge(corners[c], corners[(c + 1) % 4]));
        }
        ring.push(ring[0]);
        let pos: Vec<String> = ring.iter().map(|(x, y)| format!("[{x:.6},{y:.6}]")).collect();
        features.push(format!("{{\"type\":\"Feature\",\"properties\":{{\"id\":\"x{k}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}", pos.join(",")));
    }
    let geo = parse_geo(&SourceFile::new("content/geo.yaml", &yaml)).unwrap();
    (geo, format!("{{\"type\":\"FeatureCollection\",\"features\":[{}]}}", features.join(",\n")))
}

// issue 16, budget: a 3,300-commune national map is at most 250 KB gzipped, and a national
// frame shows Hoàng Sa and Trường Sa
#[test]
fn a_3300_commune_national_map_fits_in_250_kb_gzipped_and_shows_the_archipelagos() {
    let (geo, text) = national(3300, 40);
    let b = parse_boundaries("content/boundaries.geojson", &text, &geo).unwrap();
    let positions: usize = b.shapes.iter().flat_map(|s| s.polygons.iter().flatten()).map(Vec::len).sum();
    assert!(positions > 400_000, "{positions} positions");
    let atlas = build_atlas(&b, geo.units.len(), true).unwrap();
    assert!(atlas.national);
    let names: Vec<(usize, String)> =
        (0..geo.units.len()).filter(|&u| atlas.has_shape(u)).map(|u| (u, geo.units[u].id.clone())).collect();
    let svg = render_map(&atlas, &spec_of(&atlas, &names)).unwrap().into_string();
    let size = gzip_len(&svg);
    println!(
        "national map: {} communes, {positions} positions in, {} bytes, {size} bytes gzipped",
        names.len(),
        svg.len()
    );
    assert!(size <= 250 * 1024, "{size} bytes gzipped");
    assert!(svg.contains(">Quần đảo Hoàng Sa</text>") && svg.contains(">Quần đảo Trường Sa</text>"));
}
