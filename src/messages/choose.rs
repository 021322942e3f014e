//! Which language messages are shown in: `--lang`, else the locale of the environment, else
//! the site's `language:`, else Vietnamese.
//!
//! The environment counts only when it names Vietnamese or English (`vi_VN.UTF-8`,
//! `en_GB.UTF-8`): `C`, `C.UTF-8` and `POSIX`, the defaults of CI runners and containers,
//! say nothing about the reader, so there the site's language decides.

use crate::locale::Lang;

/// The language for messages, from the highest authority that has an opinion.
///
/// `env` reads an environment variable (`std::env::var` in the CLI; a map in tests);
/// `site_yaml` is the text of `content/site.yaml` when it could be read.
pub fn choose_lang(
    flag: Option<Lang>,
    env: impl Fn(&str) -> Option<String>,
    site_yaml: Option<&str>,
) -> Lang {
    flag.or_else(|| env_lang(env)).or_else(|| site_yaml.and_then(site_yaml_lang)).unwrap_or(Lang::Vi)
}

/// The language the locale variables name: the first set one of `LC_ALL`, `LC_MESSAGES` and
/// `LANG` (POSIX order) decides; `None` unless it is a Vietnamese or English locale.
pub fn env_lang(env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let value =
        ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| env(name).filter(|v| !v.is_empty()))?;
    let code = value.split(['.', '@']).next().unwrap_or("");
    Lang::from_code(code)
}

/// The `language:` of a site.yaml text, read from its own line so that it is known even when
/// the rest of the file does not parse.
pub fn site_yaml_lang(text: &str) -> Option<Lang> {
    let line = text.lines().find_map(|l| l.strip_prefix("language:"))?;
    let value = line.split(" #").next().unwrap_or("").trim().trim_matches(['"', '\'']);
    Lang::from_code(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_flag_wins_then_the_locale_then_the_site() {
        let vi_site = Some("title: X\nlanguage: vi\n");
        let en_site = Some("language: \"en\" # English\n");
        assert_eq!(choose_lang(Some(Lang::En), env(&[("LANG", "vi_VN.UTF-8")]), vi_site), Lang::En);
        assert_eq!(choose_lang(None, env(&[("LANG", "vi_VN.UTF-8")]), en_site), Lang::Vi);
        assert_eq!(choose_lang(None, env(&[("LANG", "en_US.UTF-8")]), vi_site), Lang::En);
        assert_eq!(choose_lang(None, env(&[("LANG", "C.UTF-8")]), en_site), Lang::En);
        assert_eq!(choose_lang(None, env(&[]), None), Lang::Vi);
    }

    #[test]
    fn lc_all_comes_before_lang() {
        let vars = [("LC_ALL", "vi_VN"), ("LANG", "en_US.UTF-8")];
        assert_eq!(env_lang(env(&vars)), Some(Lang::Vi));
        assert_eq!(env_lang(env(&[("LC_ALL", ""), ("LANG", "en")])), Some(Lang::En));
        assert_eq!(env_lang(env(&[("LANG", "POSIX")])), None);
    }

    #[test]
    fn the_site_language_is_read_from_a_file_that_does_not_parse() {
        assert_eq!(site_yaml_lang("title: \"broken\nlanguage: en\n  - x: :"), Some(Lang::En));
        assert_eq!(site_yaml_lang("menu:\n  language: en\n"), None);
    }
}
