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
