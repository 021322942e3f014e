//! Tests of the map room (issue 16): shared borders stay shared, merged units are the union
//! of their parts, bad geometry is named, and maps draw as accessible SVG.

use super::atlas::ring_tenths;
use super::*;
use crate::chart::ChartMeta;
use crate::geo::{Geo, parse_geo};
use crate::locale::Lang;
use crate::source::SourceFile;

const GEO: &str = "units:
  - {id: tn, name: Thử, type: tỉnh}
  - {id: h1, name: Một, type: huyện, parent: tn, until: 2025-06-30}
  - {id: a, name: A, type: xã, parent: h1, until: 2025-06-30, merged_into: ab}
  - {id: b, name: B, type: xã, parent: h1, until: 2025-06-30, merged_into: ab}
  - {id: c, name: C, type: xã, parent: h1, until: 2025-06-30, merged_into: cd}
  - {id: d, name: D, type: xã, parent: h1, until: 2025-06-30, merged_into: cd}
  - {id: ab, name: AB, type: xã, parent: tn, from: 2025-07-01}
  - {id: cd, name: CD, type: xã, parent: tn, from: 2025-07-01}
";

pub(crate) fn geo() -> Geo {
    parse_geo(&SourceFile::new("content/geo.yaml", GEO)).unwrap()
}

/// A wiggle that is zero at both ends and the middle, with some noise to simplify away.
fn wiggle(k: usize) -> f64 {
    if k.is_multiple_of(20) {
        0.0
    } else {
        0.03 * (k as f64 * std::f64::consts::PI / 10.0).sin() + 0.0004 * ((k * 7 % 3) as f64 - 1.0)
    }
}

fn straight(a: (f64, f64), b: (f64, f64)) -> Vec<(f64, f64)> {
    (0..=10).map(|k| (a.0 + (b.0 - a.0) * k as f64 / 10.0, a.1 + (b.1 - a.1) * k as f64 / 10.0)).collect()
}

fn rev(mut v: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    v.reverse();
    v
}

/// Four old communes in a square province and the two new ones made of them.
fn rings() -> Vec<(&'static str, Vec<(f64, f64)>)> {
    let h = |k0: usize, k1: usize| (k0..=k1).map(|k| (k as f64 / 40.0, 0.5 + wiggle(k))).collect::<Vec<_>>();
    let v = |k0: usize, k1: usize| (k0..=k1).map(|k| (0.5 + wiggle(k), k as f64 / 40.0)).collect::<Vec<_>>();
    let (h_left, h_right, v_bottom, v_top) = (h(0, 20), h(20, 40), v(0, 20), v(20, 40));
    let (top_left, top_right) = (straight((0.0, 1.0), (0.5, 1.0)), straight((0.5, 1.0), (1.0, 1.0)));
    let (bottom_left, bottom_right) = (straight((0.0, 0.0), (0.5, 0.0)), straight((0.5, 0.0), (1.0, 0.0)));
    let (left_bottom, left_top) = (straight((0.0, 0.0), (0.0, 0.5)), straight((0.0, 0.5), (0.0, 1.0)));
    let (right_bottom, right_top) = (straight((1.0, 0.0), (1.0, 0.5)), straight((1.0, 0.5), (1.0, 1.0)));
    let join = |parts: Vec<Vec<(f64, f64)>>| {
        let mut out: Vec<(f64, f64)> = Vec::new();
        for p in parts {
            for q in p {
                if out.last() != Some(&q) {
                    out.push(q);
                }
            }
        }
        out.pop();
        out
    };
    vec![
        ("a", join(vec![h_left.clone(), v_top.clone(), rev(top_left.clone()), rev(left_top.clone())])),
        ("b", join(vec![h_right.clone(), right_top.clone(), rev(top_right.clone()), rev(v_top.clone())])),
        (
            "c",
            join(vec![left_bottom.clone(), h_left.clone(), rev(v_bottom.clone()), rev(bottom_left.clone())]),
        ),
        (
            "d",
            join(vec![
                bottom_right.clone(),
                right_bottom.clone(),
                rev(h_right.clone()),
                rev(v_bottom.clone()),
            ]),
        ),
        (
            "ab",
            join(vec![
                h_left.clone(),
                h_right.clone(),
                right_top,
                rev(top_right),
                rev(top_left),
                rev(left_top),
            ]),
        ),
        (
            "cd",
            join(vec![left_bottom, h_left, h_right, rev(right_bottom), rev(bottom_right), rev(bottom_left)]),
        ),
    ]
}

pub(crate) fn geojson() -> String {
    let features: Vec<String> = rings()
        .into_iter()
        .map(|(id, ring)| {
            let pos: Vec<String> = ring.iter().chain(ring.first()).map(|(x, y)| format!("[{},{}]", 105.0 + x, 21.0 + y)).collect();
            format!(
                "{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{id}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}",
                pos.join(",")
            )
        })
        .collect();
    format!("{{\"type\":\"FeatureCollection\",\"features\":[{}]}}", features.join(",\n"))
}

fn atlas() -> (Geo, Atlas) {
    let geo = geo();
    let b = parse_boundaries("content/boundaries.geojson", &geojson(), &geo).unwrap();
    let atlas = build_atlas(&b, geo.units.len(), false).unwrap();
    (geo, atlas)
}

/// Simplified outer ring of a unit, in tenths.
fn ring_of(atlas: &Atlas, geo: &Geo, id: &str) -> Vec<(i64, i64)> {
    let s = atlas.units.iter().position(|&u| u == geo.find(id).unwrap()).unwrap();
    ring_tenths(&atlas.topology.shapes[s][0][0], &atlas.arcs)
}

fn area2(ring: &[(i64, i64)]) -> i128 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            i128::from(ring[i].0) * i128::from(ring[(i + 1) % n].1)
                - i128::from(ring[(i + 1) % n].0) * i128::from(ring[i].1)
        })
        .sum::<i128>()
        .abs()
}

fn edges(ring: &[(i64, i64)]) -> Vec<((i64, i64), (i64, i64))> {
    let n = ring.len();
    let mut e: Vec<_> = (0..n)
        .map(|i| (ring[i], ring[(i + 1) % n]))
        .map(|(p, q)| if p < q { (p, q) } else { (q, p) })
        .collect();
    e.sort_unstable();
    e
}

// issue 16: simplification leaves no gap between neighbours — each shared border is one
// arc, and the simplified old units tile exactly the area of the simplified new ones
#[test]
fn simplification_leaves_no_gaps_between_neighbours() {
    let (geo, atlas) = atlas();
    let raw: usize = atlas.topology.arcs.iter().map(Vec::len).sum();
    let kept: usize = atlas.arcs.iter().map(Vec::len).sum();
    assert!(kept < raw, "nothing was simplified: {kept} of {raw}");
    let [a, b, c, d] = ["a", "b", "c", "d"].map(|id| edges(&ring_of(&atlas, &geo, id)));
    // the a|b border: every edge of `a` on it is an edge of `b` too, after simplification
    let shared_ab: Vec<_> = a.iter().filter(|e| b.contains(e)).collect();
    let shared_cd: Vec<_> = c.iter().filter(|e| d.contains(e)).collect();
    assert!(shared_ab.len() >= 2 && shared_cd.len() >= 2, "{shared_ab:?} {shared_cd:?}");
    let old: i128 = ["a", "b", "c", "d"].iter().map(|id| area2(&ring_of(&atlas, &geo, id))).sum();
    let new: i128 = ["ab", "cd"].iter().map(|id| area2(&ring_of(&atlas, &geo, id))).sum();
    assert_eq!(old, new, "old and new units cover different areas: a gap or an overlap");
}

// issue 16: a merged unit's shape is the union of its parts: same area, and its edges are
// the parts' edges less the border between them
#[test]
fn a_merged_unit_is_the_union_of_its_parts() {
    let (geo, atlas) = atlas();
    let [a, b, ab] = ["a", "b", "ab"].map(|id| ring_of(&atlas, &geo, id));
    assert_eq!(area2(&a) + area2(&b), area2(&ab));
    let (ea, eb) = (edges(&a), edges(&b));
    let mut outer: Vec<_> =
        ea.iter().chain(&eb).filter(|e| !(ea.contains(e) && eb.contains(e))).copied().collect();
    outer.sort_unstable();
    assert_eq!(outer, edges(&ab));
}

fn old_spec(values: [Option<f64>; 4]) -> MapSpec {
    let ranges = classes::quantile_classes(&values.iter().flatten().copied().collect::<Vec<_>>(), 5);
    let colours = classes::palette(ranges.len(), false);
    let style = crate::chart::NumberStyle { decimals: 1, unit_suffix: "\u{a0}%".into() };
    let geo = geo();
    MapSpec {
        meta: ChartMeta {
            id: "c-ho-ngheo-map".into(),
            title: "Tỷ lệ hộ nghèo theo xã, 2024".into(),
            desc: "Cao nhất: xã D (40,0 %); thấp nhất: xã A (10,0 %).".into(),
            lang: Lang::Vi,
        },
        classes: ranges
            .iter()
            .zip(colours)
            .map(|(&r, colour)| MapClass { label: classes::range_label(r, &style, Lang::Vi), colour })
            .collect(),
        units: ["a", "b", "c", "d"]
            .iter()
            .zip(values)
            .map(|(id, v)| MapUnit {
                unit: geo.find(id).unwrap(),
                class: v.and_then(|v| classes::class_of(&ranges, v)),
                title: format!(
                    "Xã {}: {} (2024)",
                    id.to_uppercase(),
                    v.map_or("không có số liệu".into(), |v| classes::range_label(
                        (v, v),
                        &style,
                        Lang::Vi
                    ))
                ),
                url: Some(format!("/geo/{id}/")),
            })
            .collect(),
        no_data: "Không có số liệu".into(),
        legend: true,
    }
}

const MAP_ELEMENTS: &[(&str, &[&str])] = &[
    ("defs", &[]),
    ("pattern", &["id", "width", "height", "patternUnits", "patternTransform"]),
    ("g", &["fill-rule", "stroke", "stroke-width", "stroke-linejoin"]),
    ("a", &["href"]),
    ("path", &["d", "fill"]),
    ("rect", &["x", "y", "width", "height", "fill", "stroke"]),
];

// issue 16: the map of four communes, one without data, as published
#[test]
fn a_choropleth_of_four_communes_with_one_missing() {
    let (_, atlas) = atlas();
    let svg =
        render_map(&atlas, &old_spec([Some(10.0), Some(20.0), None, Some(40.0)])).unwrap().into_string();
    crate::chart::check_wellformed_with(&svg, MAP_ELEMENTS).unwrap();
    assert!(svg.contains("role=\"group\""), "a map of links is a named group");
    assert!(svg.contains("<a href=\"/geo/a/\"><path d=\"M"));
    assert!(svg.contains("fill=\"url(#c-ho-ngheo-map-nd)\"><title>Xã C: không có số liệu (2024)</title>"));
    assert!(svg.contains(">10,0\u{a0}%</text>") && svg.contains(">Không có số liệu</text>"));
    insta::assert_snapshot!(svg);
}

fn errors_of(text: &str) -> String {
    parse_boundaries("content/boundaries.geojson", text, &geo()).unwrap_err().for_people()
}

// issue 16: each kind of bad geometry is an error naming the file, the feature and why
#[test]
fn invalid_geometry_is_named_by_file_feature_and_reason() {
    let feature = |id: &str, coords: &str| {
        format!(
            "{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{id}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":{coords}}}}}"
        )
    };
    let features = [
        feature("a", "[[[0,0],[1,0],[1,1],[0,1]]]"),
        feature("b", "[[[0,0],[1,1],[1,0],[0,1],[0,0]]]"),
        feature("c", "[[[0,0],[1,95],[1,1],[0,0]]]"),
        feature("d", "[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[5,5],[6,5],[6,6],[5,5]]]"),
        feature("xa-la", "[[[0,0],[1,0],[1,1],[0,0]]]"),
        feature("ab", "[[[0,0],[1,0],[\"x\",1],[0,0]]]"),
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}".to_string(),
    ];
    let text = format!("{{\"type\":\"FeatureCollection\",\"features\":[{}]}}", features.join(","));
    insta::assert_snapshot!(errors_of(&text));
    insta::assert_snapshot!("not_json", errors_of("{\"type\": \"FeatureCollection\", \"features\": [}"));
}

#[test]
fn a_huge_or_hostile_file_is_refused_without_panic() {
    let many = format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[{}]}}",
        vec!["{}"; geojson::MAX_FEATURES + 1].join(",")
    );
    assert!(errors_of(&many).contains("more than the 50000"));
    assert!(errors_of("{\"type\":\"Topology\",\"features\":[]}").contains("not FeatureCollection"));
    assert!(errors_of("[]").contains("not a GeoJSON FeatureCollection"));
}

// issue 16 (output size): a locator base wraps its drawing in one group for `<use>`, and a
// profile's locator is that `<use>` plus its own unit's path, named and described
#[test]
fn a_locator_is_the_shared_base_plus_its_own_unit() {
    let (geo, atlas) = atlas();
    let meta = |id: &str, title: &str| ChartMeta {
        id: id.into(),
        title: title.into(),
        desc: "Bản đồ vị trí.".into(),
        lang: Lang::Vi,
    };
    let units = ["a", "b", "c", "d"]
        .iter()
        .map(|id| MapUnit { unit: geo.find(id).unwrap(), class: Some(0), title: String::new(), url: None })
        .collect();
    let classes = vec![MapClass {
        label: "Các đơn vị khác".into(),
        colour: plotters::style::RGBColor(0xe3, 0xe3, 0xe3),
    }];
    let spec =
        MapSpec {
            meta: meta("c-base", "Bản đồ nền"), classes, units, no_data: String::new(), legend: false
        };
    let base = crate::map::render_base(&atlas, &spec).unwrap().into_string();
    let group = base.find("<g id=\"base\" font-family=").expect("the group for <use>");
    assert!(group < base.find("<path ").unwrap() && base.rfind("</g>\n</svg>").is_some(), "{base}");
    assert_eq!(base.matches("<path ").count(), 4);
    let own = [geo.find("b").unwrap()];
    let locator = crate::map::render_locator(
        &atlas,
        &meta("c-b-locator", "Vị trí của Xã B"),
        "/maps/locator-commune.svg",
        &own,
        classes::BLUES[4],
    )
    .into_string();
    let elements: &[(&str, &[&str])] = &[
        ("use", &["href"]),
        ("g", &["fill", "fill-rule", "stroke", "stroke-width", "stroke-linejoin"]),
        ("path", &["d"]),
    ];
    crate::chart::check_wellformed_with(&locator, elements).unwrap();
    assert!(locator.contains("role=\"img\"") && locator.contains(">Vị trí của Xã B</title>"));
    assert_eq!(locator.matches("<path ").count(), 1, "only its own unit");
    assert!(locator.contains(&format!("<path d=\"{}\"/>", atlas.path(own[0]).unwrap())));
    insta::assert_snapshot!(locator);
}
