//! `visits:` of site.yaml (issue 15): where the "Thống kê truy cập" box and the "Lượt xem"
//! lines read their figures, and the address of each figure.
//!
//! `log` (the default) reads `stats/visits.json`, written by `gazette visits` from the site's
//! own access log. `goatcounter` and `matomo` read the public counters of a GoatCounter or
//! Matomo the body already runs; `off` shows nothing. Every address is built here, escaped
//! for a URL, so the browser script only fetches what it is given and reads one field.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::url::{Accept, UrlField, check_url};

const PROVIDER_URL: UrlField =
    UrlField { name: "visits url", example: "url: https://thongke.sonca.gov.vn", accept: Accept::WebAddress };

/// `visits:` as written.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVisits {
    /// Where the figures come from: log (default), goatcounter, matomo or off.
    #[serde(default)]
    provider: Option<Provider>,
    /// Address of the GoatCounter or Matomo site, e.g. https://thongke.sonca.gov.vn.
    #[serde(default)]
    url: Option<String>,
    /// Matomo's id of this site (idSite).
    #[serde(default)]
    site_id: Option<u32>,
}

/// Where visit figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// `stats/visits.json` from the site's own access log (`gazette visits`).
    #[default]
    Log,
    /// GoatCounter's public counter (`/counter/TOTAL.json`, `/counter/<path>.json`).
    Goatcounter,
    /// Matomo's Reporting API with anonymous view access.
    Matomo,
    /// No visit figures.
    Off,
}

/// The resolved `visits:` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitsConfig {
    /// Where the figures come from.
    pub provider: Provider,
    /// Address of the provider without a trailing slash (GoatCounter, Matomo).
    pub url: String,
    /// Matomo's idSite.
    pub site_id: u32,
}

/// One figure the browser fetches: the address, and the field of the JSON answer to read
/// (a path of keys, array indices as numbers in text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// `online`, `today`, `week`, `total` or `views`.
    pub key: &'static str,
    /// The address to fetch.
    pub src: String,
    /// The field to read, as a JSON array (`["views","/news/a/"]`), for a `data-` attribute.
    pub field: String,
    /// Whether the answer carries `generated` and is refused when older than 2 hours.
    pub dated: bool,
}

/// Resolves `visits:`; errors name the field and say what to write.
pub(super) fn resolve_visits(
    raw: Option<RawVisits>,
    at: &dyn Fn(&[&str]) -> crate::Location,
) -> Result<VisitsConfig, Error> {
    let raw = raw.unwrap_or_default();
    let provider = raw.provider.unwrap_or_default();
    let needs_url = matches!(provider, Provider::Goatcounter | Provider::Matomo);
    let url = match (needs_url, raw.url) {
        (false, _) => String::new(),
        (true, None) => {
            return Err(Error::new(ErrorKind::Schema, "visits: this provider needs `url`")
                .at(at(&["visits"]))
                .help("write the address of the statistics site, e.g. url: https://thongke.sonca.gov.vn"));
        }
        (true, Some(u)) => {
            check_url(&u, &PROVIDER_URL).map_err(|e| e.at(at(&["visits", "url"])))?;
            if !u.starts_with("https://") || u.contains(['?', '#']) {
                return Err(Error::new(
                    ErrorKind::Value,
                    format!("visits url `{u}` is not an https:// address without ? or #"),
                )
                .at(at(&["visits", "url"]))
                .help("write the full address, e.g. url: https://thongke.sonca.gov.vn"));
            }
            u.trim_end_matches('/').to_string()
        }
    };
    let site_id = match (provider, raw.site_id) {
        (Provider::Matomo, None) => {
            return Err(Error::new(ErrorKind::Schema, "visits: matomo needs `site_id`")
                .at(at(&["visits"]))
                .help("write Matomo's id of this site, e.g. site_id: 3"));
        }
        (_, id) => id.unwrap_or(0),
    };
    Ok(VisitsConfig { provider, url, site_id })
}

fn field(keys: &[&str]) -> String {
    serde_json::to_string(keys).unwrap_or_default()
}

/// Matomo's Reporting API address for `method` and extra query pairs (values escaped).
fn matomo(v: &VisitsConfig, method: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = format!("{}/index.php?module=API&format=JSON&idSite={}&method={method}", v.url, v.site_id);
    for (k, value) in pairs {
        url.push_str(&format!("&{k}={}", encode_component(value)));
    }
    url
}

/// Matomo's date range for all-time figures.
const ALL_TIME: [(&str, &str); 2] = [("period", "range"), ("date", "2000-01-01,today")];

/// The figures of the site-wide box; `stats_url` is the site's own `stats/visits.json`.
pub fn site_figures(v: &VisitsConfig, stats_url: &str) -> Vec<Figure> {
    let fig = |key, src: String, keys: &[&str], dated| Figure { key, src, field: field(keys), dated };
    match v.provider {
        Provider::Off => Vec::new(),
        Provider::Log => ["online", "today", "week", "total"]
            .into_iter()
            .map(|k| fig(k, stats_url.to_string(), &[k], true))
            .collect(),
        Provider::Goatcounter => {
            vec![fig("total", format!("{}/counter/TOTAL.json", v.url), &["count"], false)]
        }
        Provider::Matomo => vec![
            fig("online", matomo(v, "Live.getCounters", &[("lastMinutes", "5")]), &["0", "visitors"], false),
            fig(
                "today",
                matomo(v, "VisitsSummary.get", &[("period", "day"), ("date", "today")]),
                &["nb_visits"],
                false,
            ),
            fig(
                "week",
                matomo(v, "VisitsSummary.get", &[("period", "week"), ("date", "today")]),
                &["nb_visits"],
                false,
            ),
            fig("total", matomo(v, "VisitsSummary.get", &ALL_TIME), &["nb_visits"], false),
        ],
    }
}

/// The "Lượt xem" figure of one page: `path` is its site-internal URL (`/news/a/`, with the
/// base path), `absolute` its full address (Matomo records pages by full address).
pub fn page_figure(v: &VisitsConfig, stats_url: &str, path: &str, absolute: &str) -> Option<Figure> {
    let (src, keys) = match v.provider {
        Provider::Off => return None,
        Provider::Log => (stats_url.to_string(), vec!["views", path]),
        Provider::Goatcounter => {
            (format!("{}/counter/{}.json", v.url, encode_component(path)), vec!["count"])
        }
        Provider::Matomo => {
            let mut pairs = vec![("pageUrl", absolute)];
            pairs.extend(ALL_TIME);
            (matomo(v, "Actions.getPageUrl", &pairs), vec!["0", "nb_hits"])
        }
    };
    Some(Figure { key: "views", src, field: field(&keys), dated: v.provider == Provider::Log })
}

/// Percent-encodes everything but RFC 3986's unreserved characters (`encodeURIComponent`
/// without its `!'()*`), so a value can stand in a path segment or a query.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    // issue 15: the addresses of each provider, built and escaped without any request
    use super::*;
    use crate::config::parse_config;
    use crate::source::SourceFile;

    fn visits(yaml: &str) -> Result<VisitsConfig, crate::Errors> {
        let text = format!("title: x\nbase_url: https://a.vn\nvisits:\n{yaml}");
        parse_config(&SourceFile::new("content/site.yaml", &text), None).map(|c| c.visits)
    }

    #[test]
    fn the_log_provider_reads_the_sites_own_file() {
        let v = visits("  provider: log\n").unwrap();
        let box_figures = site_figures(&v, "/portal/stats/visits.json");
        let keys: Vec<_> = box_figures.iter().map(|f| (f.key, f.field.as_str(), f.dated)).collect();
        assert_eq!(
            keys,
            [
                ("online", r#"["online"]"#, true),
                ("today", r#"["today"]"#, true),
                ("week", r#"["week"]"#, true),
                ("total", r#"["total"]"#, true)
            ]
        );
        let page = page_figure(
            &v,
            "/portal/stats/visits.json",
            "/portal/news/a\"b/",
            "https://a.vn/portal/news/a\"b/",
        )
        .unwrap();
        assert_eq!(page.src, "/portal/stats/visits.json");
        assert_eq!(page.field, r#"["views","/portal/news/a\"b/"]"#);
    }

    #[test]
    fn goatcounter_addresses_escape_the_path() {
        let v = visits("  provider: goatcounter\n  url: https://thongke.sonca.gov.vn/\n").unwrap();
        let figures = site_figures(&v, "/stats/visits.json");
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].src, "https://thongke.sonca.gov.vn/counter/TOTAL.json");
        let page = page_figure(&v, "", "/news/lũ quét?&/", "").unwrap();
        assert_eq!(
            page.src,
            "https://thongke.sonca.gov.vn/counter/%2Fnews%2Fl%C5%A9%20qu%C3%A9t%3F%26%2F.json"
        );
        assert_eq!(page.field, r#"["count"]"#);
        assert!(!page.dated);
    }

    #[test]
    fn matomo_addresses_use_the_reporting_api_and_escape_the_page_address() {
        let v = visits("  provider: matomo\n  url: https://matomo.sonca.gov.vn\n  site_id: 3\n").unwrap();
        let figures = site_figures(&v, "");
        assert_eq!(
            figures[0].src,
            "https://matomo.sonca.gov.vn/index.php?module=API&format=JSON&idSite=3&method=Live.getCounters&lastMinutes=5"
        );
        assert_eq!(figures[0].field, r#"["0","visitors"]"#);
        assert!(figures[3].src.ends_with("method=VisitsSummary.get&period=range&date=2000-01-01%2Ctoday"));
        let page = page_figure(&v, "", "/news/a/", "https://a.vn/news/a/?x=1&y=2").unwrap();
        assert!(
            page.src.contains("method=Actions.getPageUrl&pageUrl=https%3A%2F%2Fa.vn%2Fnews%2Fa%2F%3Fx%3D1%26y%3D2&period=range"),
            "{}",
            page.src
        );
    }

    #[test]
    fn off_shows_nothing_and_mistakes_say_what_to_write() {
        let v = visits("  provider: off\n").unwrap();
        assert!(site_figures(&v, "/s.json").is_empty() && page_figure(&v, "/s.json", "/", "/").is_none());
        let e = visits("  provider: matomo\n  url: https://m.vn\n").unwrap_err();
        assert!(e.0[0].message.contains("site_id"), "{}", e.0[0]);
        let e = visits("  provider: goatcounter\n").unwrap_err();
        assert!(e.0[0].help.as_deref().unwrap_or("").contains("url: https://"), "{}", e.0[0]);
        let e = visits("  provider: goatcounter\n  url: http://gc.vn\n").unwrap_err();
        assert!(e.0[0].message.contains("https://"), "{}", e.0[0]);
        assert!(visits("  provider: plausible\n").is_err());
    }
}
