//! Interface strings of the theme (`i18n/<lang>.yaml`), with the site's own file on top.
//!
//! A strings file is a flat mapping `key: text`. Texts may hold `{name}` placeholders filled
//! by [`fill`]. The theme's file for the site language must exist; a key the site file adds
//! or changes wins.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind, Errors};
use crate::locale::Lang;
use crate::source::{SourceFile, YamlText};

/// The interface strings for one language.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    map: BTreeMap<String, String>,
}

impl Strings {
    /// Read the files named `<lang>.yaml` among `files` (theme first, then site), merged.
    pub fn load(files: &[SourceFile], lang: Lang) -> Result<Strings, Errors> {
        let wanted = format!("{}.yaml", lang.code());
        let mut map = BTreeMap::new();
        let mut found = false;
        let mut errors = Errors::new();
        for file in files.iter().filter(|f| f.path.rsplit('/').next() == Some(wanted.as_str())) {
            found = true;
            if let Some(m) =
                errors.take(YamlText::file(file).parse::<BTreeMap<String, String>>("the strings file"))
            {
                map.extend(m);
            }
        }
        if !found {
            errors.push(
                Error::new(ErrorKind::Io, format!("the theme has no interface strings for `{}`", lang.code()))
                    .help(format!("add i18n/{wanted} to the theme, or set `language:` in content/site.yaml to one the theme has")),
            );
        }
        errors.into_result(Strings { map })
    }

    /// The text for `key`, or the key itself when missing (visible, never a crash).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// All strings, for the templates' `t` variable.
    pub fn map(&self) -> &BTreeMap<String, String> {
        &self.map
    }
}

/// Replace `{name}` placeholders in `text` by values, in one pass (a value that itself
/// contains `{…}` is never filled again). Unknown placeholders stay as written.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end =
            after.find('}').filter(|&e| after[..e].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        match name_end.and_then(|e| values.iter().find(|(n, _)| *n == &after[..e]).map(|(_, v)| (e, v))) {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_strings_override_the_theme() {
        let theme = SourceFile::new("themes/default/i18n/vi.yaml", "a: Một\nb: Hai\n");
        let site = SourceFile::new("i18n/vi.yaml", "b: Hai (sửa)\n");
        let en = SourceFile::new("themes/default/i18n/en.yaml", "a: One\n");
        let s = Strings::load(&[theme, en, site], Lang::Vi).unwrap();
        assert_eq!(s.get("a"), "Một");
        assert_eq!(s.get("b"), "Hai (sửa)");
        assert_eq!(s.get("zzz"), "zzz");
        assert_eq!(fill("{n} phút đọc", &[("n", "3")]), "3 phút đọc");
        assert_eq!(fill("{a} và {b}", &[("a", "{b}"), ("b", "x")]), "{b} và x");
        assert_eq!(fill("{x} {", &[]), "{x} {");
    }
}
