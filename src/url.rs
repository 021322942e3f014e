//! Addresses written by editors (site.yaml, front matter, data files): one check, used where
//! each field is parsed, so only http, https, mailto, tel and site paths reach a page.
//!
//! Issue 8: `licence_url: javascript:alert(1)` reached an `href`. Browsers read schemes
//! case-insensitively and drop leading spaces, control characters, tabs and newlines inside an
//! address, and read `\` as `/`; so an address holding any of them is refused outright rather
//! than cleaned. `//host/…` is another host (the page's scheme), never a site path.

use crate::error::{Error, ErrorKind};

/// What an accepted address points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// `https://host/…` or `http://host/…`.
    Web,
    /// `//host/…`: another host, reached with the page's own scheme.
    OtherHost,
    /// `mailto:…`.
    Mail,
    /// `tel:…`.
    Phone,
    /// `/path` from the site root: the only kind that gets the base path.
    SitePath,
}

impl UrlKind {
    /// Whether the address leads inside the site (and so gets the base path and is checked).
    pub fn is_site_path(self) -> bool {
        self == UrlKind::SitePath
    }
}

/// Which addresses a field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Only `https://…` and `http://…` (sources, official texts).
    WebAddress,
    /// Web addresses, `//host/…`, `mailto:`, `tel:` and site paths (menus, images, licences).
    Link,
}

/// A field holding an address: how errors name it and what they suggest.
#[derive(Debug, Clone, Copy)]
pub struct UrlField {
    /// How a message names the field, e.g. "menu url".
    pub name: &'static str,
    /// A line the editor could write, e.g. "url: /news/".
    pub example: &'static str,
    /// Which addresses it accepts.
    pub accept: Accept,
}

/// Check an address written in `field`: its kind, or an error (without a location: the caller
/// knows where the field is) whose help says what to write.
pub fn check_url(text: &str, field: &UrlField) -> Result<UrlKind, Error> {
    let refuse = |message: String, help: String| Err(Error::new(ErrorKind::Value, message).help(help));
    let shown = text.escape_debug();
    let name = field.name;
    if text.chars().any(|c| c.is_control() || c.is_whitespace() || "\"<>\\`".contains(c)) || text.is_empty() {
        return refuse(
            format!("{name} `{shown}` is empty or holds a space, a control character or one of \" < > \\ `"),
            "write the address alone on the line, without spaces (encode them as %20)".into(),
        );
    }
    let kind = match scheme(text) {
        Some(s) if s == "http" || s == "https" => {
            let host = text[s.len() + 1..].strip_prefix("//").map(host_of).unwrap_or_default();
            if host.is_empty() {
                return refuse(
                    format!("{name} `{shown}` has no host name"),
                    "write the full address, e.g. https://thongke.gov.vn/".into(),
                );
            }
            UrlKind::Web
        }
        Some(s) if (s == "mailto" || s == "tel") && text.len() > s.len() + 1 => {
            if s == "mailto" {
                UrlKind::Mail
            } else {
                UrlKind::Phone
            }
        }
        Some(s) => {
            let help = match field.accept {
                Accept::WebAddress => allowed_help(field),
                Accept::Link => format!(
                    "write an https:// or http:// address, a mailto: or tel: address, or a site path, e.g. {}",
                    field.example
                ),
            };
            return refuse(format!("{name} `{shown}`: `{s}:` addresses are not allowed"), help);
        }
        None if text.starts_with("//") && !host_of(&text[2..]).is_empty() => UrlKind::OtherHost,
        None if text.starts_with('/') && !text.starts_with("//") => UrlKind::SitePath,
        None => {
            let message = match field.accept {
                Accept::WebAddress => format!("{name} `{shown}` is not a web address"),
                Accept::Link => format!("{name} `{shown}` is neither a site path nor a web address"),
            };
            return refuse(message, allowed_help(field));
        }
    };
    match (field.accept, kind) {
        (Accept::Link, _) | (Accept::WebAddress, UrlKind::Web) => Ok(kind),
        (Accept::WebAddress, _) => {
            refuse(format!("{name} `{shown}` is not a web address"), allowed_help(field))
        }
    }
}

fn allowed_help(field: &UrlField) -> String {
    match field.accept {
        Accept::WebAddress => "write the full address, starting with https:// or http://".into(),
        Accept::Link => {
            format!("start site paths with `/`, e.g. {}, or give a full https:// address", field.example)
        }
    }
}

/// The scheme of `text` in lower case (`JaVaScRiPt:x` → `javascript`), if it has one: letters,
/// digits, `+ - .` after a first letter, then `:` before any `/ ? #` (the WHATWG URL rule).
fn scheme(text: &str) -> Option<String> {
    let end = text.find([':', '/', '?', '#'])?;
    let s = &text[..end];
    let valid = text[end..].starts_with(':')
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| s.to_ascii_lowercase())
}

/// The host part after `//`: up to the first `/ ? #`.
fn host_of(rest: &str) -> &str {
    &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: UrlField =
        UrlField { name: "licence_url", example: "licence_url: /giay-phep/", accept: Accept::Link };
    const WEB: UrlField = UrlField { name: "source_url", example: "", accept: Accept::WebAddress };

    #[test]
    fn accepts_web_mail_phone_other_hosts_and_site_paths() {
        assert_eq!(check_url("https://chinhphu.vn/", &LINK).unwrap(), UrlKind::Web);
        assert_eq!(check_url("HTTP://chinhphu.vn", &LINK).unwrap(), UrlKind::Web);
        assert_eq!(check_url("mailto:a@b.vn", &LINK).unwrap(), UrlKind::Mail);
        assert_eq!(check_url("tel:+84123", &LINK).unwrap(), UrlKind::Phone);
        assert_eq!(check_url("//evil.example/x", &LINK).unwrap(), UrlKind::OtherHost);
        assert_eq!(check_url("/tin-tuc/?a=b#c", &LINK).unwrap(), UrlKind::SitePath);
        assert_eq!(check_url("https://thongke.gov.vn/a", &WEB).unwrap(), UrlKind::Web);
        assert!(!UrlKind::OtherHost.is_site_path());
    }

    #[test]
    fn refuses_script_and_data_addresses_in_any_disguise_issue_8() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "/\\evil.example",
            "https:evil.example",
            "https://",
            "//",
            "mailto:",
            "",
        ] {
            let err = check_url(bad, &LINK).unwrap_err();
            assert!(err.message.starts_with("licence_url `"), "{bad:?}: {}", err.message);
            assert!(err.help.is_some(), "{bad:?}");
        }
        let err = check_url("JaVaScRiPt:alert(1)", &LINK).unwrap_err();
        assert_eq!(err.message, "licence_url `JaVaScRiPt:alert(1)`: `javascript:` addresses are not allowed");
    }

    #[test]
    fn relative_addresses_and_non_web_kinds_are_refused_where_a_field_needs_more() {
        let err = check_url("news", &LINK).unwrap_err();
        assert_eq!(err.message, "licence_url `news` is neither a site path nor a web address");
        for bad in ["/nguon/", "//thongke.gov.vn/", "mailto:a@b.vn", "thongke.gov.vn"] {
            let err = check_url(bad, &WEB).unwrap_err();
            assert!(err.message.ends_with("is not a web address"), "{bad}: {}", err.message);
        }
    }
}
