//! The search results page (issue 10): a frame the browser fills from the index files.
//!
//! Without JavaScript the page explains so and links the tag, category and statistics
//! indexes, and offers the web search of `site.yaml` (`search.web`) when one is configured.

use serde::Serialize;
use tera::Context;

use crate::model::{PlannedPage, Site};
use crate::render::Renderer;
use crate::render::template::Template;
use crate::render::views::page_meta;
use crate::search::DocKind;

/// What the results page template gets as `search`.
#[derive(Serialize)]
struct SearchView {
    /// URL of the index manifest (`/search/index.json`).
    index_url: String,
    /// URL of the script.
    script_url: String,
    /// Kind filters: the kinds the site has.
    kinds: Vec<KindOption>,
    /// The web search form for readers without JavaScript.
    web: Option<WebSearch>,
    /// URL of the statistics index, when the site has statistics.
    statistics_url: Option<String>,
}

/// One kind filter: its code in the index and its label.
#[derive(Serialize)]
struct KindOption {
    code: &'static str,
    label: String,
}

/// A fixed field of the web search form.
#[derive(Debug, PartialEq, Serialize)]
struct Field {
    name: String,
    value: String,
}

/// A GET form to a web search: its action and the fixed parameters of the configured address.
#[derive(Serialize)]
struct WebSearch {
    action: String,
    fixed: Vec<Field>,
}

/// The template and context of the results page.
pub fn context(r: &Renderer, site: &Site, page: &PlannedPage) -> (Template, Context) {
    let c = &site.config;
    let s = &r.strings;
    let mut ctx = Context::new();
    ctx.insert("page", &page_meta(site, &page.path, "search", s.get("search_title").to_string(), None));
    let has = |kind: DocKind| match kind {
        DocKind::News => !site.news.is_empty(),
        DocKind::Page => !site.pages.is_empty(),
        DocKind::Indicator => !site.data.indicators.is_empty(),
        DocKind::Unit => !site.data.geo.units.is_empty(),
        DocKind::Programme => !site.data.programmes.is_empty(),
    };
    let kinds = DocKind::ALL
        .into_iter()
        .filter(|k| has(*k))
        .map(|k| KindOption {
            code: k.code(),
            label: s.get(&format!("search_kind_{}", k.code())).to_string(),
        })
        .collect();
    let view = SearchView {
        index_url: c.url(&format!("{}index.json", site.routes.search())),
        script_url: c.url(&site.routes.search_script()),
        kinds,
        web: c.search_web.as_deref().map(web_search),
        statistics_url: (!site.data.is_empty()).then(|| c.url("/indicators/")),
    };
    ctx.insert("search", &view);
    (Template::Search, ctx)
}

/// Split `https://host/path?a=b&c=d` into the form action and its fixed parameters
/// (percent-encoding is decoded for `+` and `%20` only; other escapes pass as written).
fn web_search(address: &str) -> WebSearch {
    let (action, query) = address.split_once('?').unwrap_or((address, ""));
    let fixed = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let decode = |t: &str| t.replace('+', " ").replace("%20", " ");
            Field { name: decode(k), value: decode(v) }
        })
        .filter(|f| f.name != "q")
        .collect();
    WebSearch { action: action.to_string(), fixed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_search_address_becomes_an_action_and_fixed_fields() {
        // issue 10: the no-JavaScript fallback submits the words as `q` with the site's fixed fields
        let w = web_search("https://www.google.com/search?as_sitesearch=sonca.gov.vn&q=x");
        assert_eq!(w.action, "https://www.google.com/search");
        assert_eq!(w.fixed, vec![Field { name: "as_sitesearch".into(), value: "sonca.gov.vn".into() }]);
    }
}
