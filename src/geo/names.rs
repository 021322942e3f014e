//! Units found by the names officers type ("Xã Bản Vược" for `ban-vuoc`): compared without
//! diacritics (đ as d), case, spacing or the type word, and among namesakes the unit that
//! existed in the figure's year (issue 14).

use std::collections::HashMap;

use super::Geo;
use crate::error::{Error, ErrorKind};

/// Type words that may precede a unit's name, longest first, without diacritics.
const TYPE_WORDS: [&str; 9] =
    ["thanh pho", "thi tran", "thi xa", "phuong", "huyen", "quan", "tinh", "xa", "tp."];

/// A name as compared: ASCII letters and digits, lower case, single spaces, no type word.
pub fn fold_name(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let words: Vec<&str> =
        ascii.split(|c: char| !c.is_ascii_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
    let mut text = words.join(" ");
    for word in TYPE_WORDS {
        if let Some(rest) = text.strip_prefix(word).and_then(|r| r.strip_prefix(' ')) {
            text = rest.to_string();
            break;
        }
    }
    text.replace('.', "")
}

/// Units by folded name (and folded id, `ban-vuoc` → `ban vuoc`).
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    by_name: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    /// The index of every unit of `geo`.
    pub fn new(geo: &Geo) -> NameIndex {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, unit) in geo.units.iter().enumerate() {
            for key in [fold_name(&unit.name), fold_name(&unit.id)] {
                let units = by_name.entry(key).or_default();
                if !units.contains(&i) {
                    units.push(i);
                }
            }
        }
        NameIndex { by_name }
    }

    /// The unit named `name` that existed in `year`, or the error listing the closest names
    /// (none matches) or the namesakes (several do).
    pub fn find(&self, geo: &Geo, name: &str, year: i32) -> Result<usize, Error> {
        let key = fold_name(name);
        let found = self.by_name.get(&key).map_or(&[][..], Vec::as_slice);
        let living: Vec<usize> = found.iter().copied().filter(|&u| geo.units[u].existed_in(year)).collect();
        match (found, living.as_slice()) {
            ([one], _) | (_, [one]) => Ok(*one),
            ([], _) => {
                Err(Error::new(ErrorKind::Reference, format!("no unit is named “{name}”")).help(format!(
                    "closest names: {}; or write the unit's id from content/geo.yaml",
                    self.closest(geo, &key)
                )))
            }
            (several, _) => {
                let names: Vec<String> = several
                    .iter()
                    .take(5)
                    .map(|&u| format!("{} (`{}`)", geo.units[u].full_name(), geo.units[u].id))
                    .collect();
                Err(Error::new(ErrorKind::Reference, format!("“{name}” names several units in {year}"))
                    .help(format!("write the id of the one meant: {}", names.join(", "))))
            }
        }
    }

    /// The three names nearest to a folded key, as `xã Bản Vược (`ban-vuoc`)`.
    fn closest(&self, geo: &Geo, key: &str) -> String {
        let mut scored: Vec<(usize, &str, usize)> = self
            .by_name
            .iter()
            .flat_map(|(k, units)| units.iter().map(move |&u| (strsim::levenshtein(key, k), k.as_str(), u)))
            .collect();
        scored.sort_unstable();
        let mut shown: Vec<usize> = Vec::new();
        for (_, _, u) in scored {
            if !shown.contains(&u) {
                shown.push(u);
            }
            if shown.len() == 3 {
                break;
            }
        }
        let names: Vec<String> =
            shown.iter().map(|&u| format!("{} (`{}`)", geo.units[u].full_name(), geo.units[u].id)).collect();
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_folded_without_diacritics_case_or_type_word_issue_14() {
        assert_eq!(fold_name("Xã Bản Vược"), "ban vuoc");
        assert_eq!(fold_name("ban-vuoc"), "ban vuoc");
        assert_eq!(fold_name("  PHƯỜNG  Đồng Tâm "), "dong tam");
        assert_eq!(fold_name("Thị trấn Bát Xát"), "bat xat");
        assert_eq!(fold_name("TP. Lào Cai"), "lao cai");
        assert_eq!(fold_name("Xã"), "xa");
    }

    fn geo() -> Geo {
        let text = "units:\n  - id: tinh\n    name: Thử\n    type: tỉnh\n\
            - id: ban-vuoc-cu\n    name: Bản Vược\n    type: xã\n    parent: tinh\n    until: 2025-06-30\n\
            - id: ban-vuoc\n    name: Bản Vược\n    type: xã\n    parent: tinh\n    from: 2025-07-01\n\
            - id: ta-lung\n    name: Tà Lùng\n    type: xã\n    parent: tinh\n";
        // the line continuations drop the indentation of each `- id:`: put it back
        let text = text.replace("\n- ", "\n  - ");
        super::super::parse_geo(&crate::source::SourceFile::new("content/geo.yaml", &text)).unwrap()
    }

    #[test]
    fn a_name_finds_the_unit_of_its_year_and_namesakes_are_listed_issue_14() {
        let geo = geo();
        let index = NameIndex::new(&geo);
        let id = |u: usize| geo.units[u].id.as_str();
        assert_eq!(id(index.find(&geo, "Xã Bản Vược", 2020).unwrap()), "ban-vuoc-cu");
        assert_eq!(id(index.find(&geo, "XA BAN VUOC", 2026).unwrap()), "ban-vuoc");
        assert_eq!(id(index.find(&geo, "ta-lung", 2020).unwrap()), "ta-lung");
        let e = index.find(&geo, "Bản Vược", 2025).unwrap_err();
        assert_eq!(e.message, "“Bản Vược” names several units in 2025");
        assert!(e.help.unwrap().contains("xã Bản Vược (`ban-vuoc-cu`), xã Bản Vược (`ban-vuoc`)"));
        let e = index.find(&geo, "Xã Tà Lung Mới", 2020).unwrap_err();
        assert!(e.help.unwrap().starts_with("closest names: xã Tà Lùng (`ta-lung`)"));
    }
}
