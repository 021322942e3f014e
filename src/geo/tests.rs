//! Tests of the `geo` room.

use super::*;

fn geo(text: &str) -> Result<Geo, Errors> {
    parse_geo(&SourceFile::new("content/geo.yaml", text))
}

const TREE: &str = "units:
  - {id: sc, name: Sơn Cao, type: tỉnh}
  - {id: mt, name: Mường Tùng, type: huyện, parent: sc, until: 2025-06-30}
  - {id: tl, name: Tà Lùng, type: xã, parent: mt, until: 2025-06-30, merged_into: tl2}
  - {id: pc, name: Pa Cheo, type: xã, parent: mt, until: 2025-06-30, merged_into: tl2}
  - {id: tl2, name: Tà Lùng, type: xã, parent: sc, from: 2025-07-01}
";

#[test]
fn levels_come_from_types_and_mergers_are_linked() {
    let g = geo(TREE).unwrap();
    let tl = g.find("tl").unwrap();
    let tl2 = g.find("tl2").unwrap();
    assert_eq!(g.units[tl].level, Level::Commune);
    assert_eq!(g.units[g.find("mt").unwrap()].level, Level::District);
    assert_eq!(g.units[tl2].merged_from.len(), 2);
    assert_eq!(g.successor(tl), Some(tl2));
    assert_eq!(g.successor(tl2), None);
    assert_eq!(g.units_of(Level::Commune, 2024, None).len(), 2);
    assert_eq!(g.units_of(Level::Commune, 2026, None), [tl2]);
    assert_eq!(g.units_of(Level::Commune, 2025, None).len(), 3);
    assert!(g.is_under(tl, g.find("sc").unwrap()));
}

#[test]
fn reports_unknown_parents_types_and_duplicates() {
    let errors = geo("units:\n  - {id: sc, name: S, type: tỉnh}\n  - {id: a, name: A, type: làng, parent: sx}\n  - {id: a, name: B, type: xã, parent: sc}\n").unwrap_err();
    let messages: Vec<_> = errors.0.iter().map(|e| e.message.as_str()).collect();
    assert!(messages.contains(&"unknown geo id `sx`"), "{messages:?}");
    assert!(messages.contains(&"`làng` is not a unit type"));
    assert!(messages.contains(&"geo id `a` is used by two units"));
    assert_eq!(
        errors.0.iter().find(|e| e.message.contains("sx")).unwrap().help.as_deref(),
        Some("did you mean `sc`?")
    );
}

fn messages(text: &str) -> Vec<String> {
    geo(text)
        .unwrap_err()
        .0
        .iter()
        .map(|e| format!("{} | {}", e.message, e.help.as_deref().unwrap_or("")))
        .collect()
}

#[test]
fn issue_9_a_new_commune_under_an_abolished_district_is_rejected() {
    let text = "units:
  - {id: sc, name: Sơn Cao, type: tỉnh}
  - {id: mt, name: Mường Tùng, type: huyện, parent: sc, until: 2025-06-30}
  - {id: tl2, name: Tà Lùng, type: xã, parent: mt, from: 2025-07-01}
";
    let errors = geo(text).unwrap_err();
    assert_eq!(errors.len(), 1);
    let e = &errors.0[0];
    assert_eq!(e.message, "`tl2` exists from 01/07/2025, but its parent `mt` existed until 30/06/2025");
    assert_eq!(e.location.as_ref().map(|l| (l.line, l.column)), Some((4, 48)));
    assert!(e.help.as_deref().unwrap().contains("parent: sc (tỉnh Sơn Cao)"), "{e:?}");
}

#[test]
fn issue_9_a_province_under_a_province_is_rejected() {
    let m =
        messages("units:\n  - {id: a, name: A, type: tỉnh}\n  - {id: b, name: B, type: tỉnh, parent: a}\n");
    assert_eq!(
        m,
        [
            "`b` (tỉnh) cannot be under `a` (tỉnh): a parent is a larger unit | a province has no parent: remove `parent:`"
        ]
    );
}

#[test]
fn issue_9_merged_provinces_are_several_roots_over_time() {
    let text = "units:
  - {id: lao-cai-cu, name: Lào Cai, type: tỉnh, until: 2025-06-30, merged_into: lao-cai}
  - {id: yen-bai, name: Yên Bái, type: tỉnh, until: 2025-06-30, merged_into: lao-cai}
  - {id: lao-cai, name: Lào Cai, type: tỉnh, from: 2025-07-01}
  - {id: van-yen, name: Văn Yên, type: huyện, parent: yen-bai, until: 2025-06-30}
  - {id: an-thinh, name: An Thịnh, type: xã, parent: van-yen, until: 2025-06-30, merged_into: dong-cuong}
  - {id: dong-cuong, name: Đông Cuông, type: xã, parent: lao-cai, from: 2025-07-01}
";
    let g = geo(text).unwrap();
    let new = g.find("lao-cai").unwrap();
    assert_eq!(g.roots.len(), 3);
    assert_eq!(g.root, Some(new));
    assert_eq!(g.units[new].merged_from.len(), 2);
    assert_eq!(g.successor(g.find("yen-bai").unwrap()), Some(new));
}

#[test]
fn issue_9_a_national_site_has_no_single_root_and_a_commune_needs_a_parent() {
    let g = geo("units:\n  - {id: a, name: A, type: tỉnh}\n  - {id: b, name: B, type: thành phố}\n").unwrap();
    assert_eq!((g.roots.len(), g.root), (2, None));
    assert_eq!(g.units[1].level, Level::Province);
    let m = messages("units:\n  - {id: a, name: A, type: tỉnh}\n  - {id: b, name: B, type: xã}\n");
    assert_eq!(m.len(), 1);
    assert!(m[0].starts_with("`b` (xã) has no parent; only a province may be without one"), "{m:?}");
}

#[test]
fn issue_9_a_province_merges_only_into_a_province() {
    let m = messages(
        "units:\n  - {id: a, name: A, type: tỉnh, until: 2025-06-30, merged_into: x}\n  - {id: b, name: B, type: tỉnh}\n  - {id: x, name: X, type: xã, parent: b}\n",
    );
    assert_eq!(m.len(), 1);
    assert!(m[0].contains("a merger joins units of one level"), "{m:?}");
}

#[test]
fn issue_11_units_take_english_texts_and_every_type_word_has_an_english_one() {
    let g = geo("units:\n  - {id: sc, name: Sơn Cao, type: tỉnh, en: {note: Illustrative.}}\n").unwrap();
    assert_eq!(g.units[0].en.note.as_deref(), Some("Illustrative."));
    assert_eq!(g.units[0].full_name(), "tỉnh Sơn Cao");
    let mut english = g.units[0].clone();
    english.kind = "province".into();
    english.lang = Lang::En;
    assert_eq!(english.full_name(), "Sơn Cao Province");
    for kind in UNIT_TYPES {
        assert!(type_in_english(kind).is_some(), "{kind}");
    }
    let errors = geo("units:\n  - {id: sc, name: S, type: tỉnh, en: {nmae: X}}\n").unwrap_err();
    assert!(errors.to_string().contains("content/geo.yaml:2:"), "{errors}");
    assert!(errors.to_string().contains("did you mean `name`?"), "{errors}");
}
