//! `editing:` in site.yaml (issue 13): whether the built site has the web editor at `/admin/`,
//! which git host it logs in to, and where the editor's script comes from.

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Errors};
use crate::url::{Accept, UrlField, check_url};

const BASE_URL: UrlField = UrlField {
    name: "editing base_url",
    example: "base_url: https://git.sonca.gov.vn",
    accept: Accept::WebAddress,
};
const SCRIPT_URL: UrlField = UrlField {
    name: "editing script",
    example: "script: https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js",
    accept: Accept::WebAddress,
};

/// `editing:` as written: `false` turns the editor off, a mapping configures it.
#[derive(Debug, schemars::JsonSchema)]
#[serde(untagged)]
pub(super) enum RawEditing {
    /// `editing: false` (no `/admin/`) or `editing: true` (the default).
    Switch(bool),
    /// The editor's settings.
    Settings(RawEditingSettings),
}

// By hand rather than `untagged`: a typo inside the mapping keeps serde's own message
// ("unknown field `backnd`, expected one of …") and its line, instead of "did not match any
// variant".
impl<'de> Deserialize<'de> for RawEditing {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawEditing, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawEditing;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("false, true, or a mapping such as {backend: gitlab, repo: owner/name}")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<RawEditing, E> {
                Ok(RawEditing::Switch(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawEditing, A::Error> {
                let settings = serde::de::value::MapAccessDeserializer::new(map);
                RawEditingSettings::deserialize(settings).map(RawEditing::Settings)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The web editor's settings as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEditingSettings {
    /// false: no /admin/ in the built site (default true).
    #[serde(default)]
    enabled: Option<bool>,
    /// Git host staff log in to: github, gitlab, gitea or forgejo. Without it the editor works
    /// only locally, in `gazette serve`.
    #[serde(default)]
    backend: Option<Backend>,
    /// Repository of the site, `owner/name` (GitLab: `group/project`).
    #[serde(default)]
    repo: Option<String>,
    /// Branch edits are saved to (default main).
    #[serde(default)]
    branch: Option<String>,
    /// Address of a self-hosted GitLab, Gitea or Forgejo, e.g. https://git.sonca.gov.vn.
    #[serde(default)]
    base_url: Option<String>,
    /// Client id of the OAuth application (GitLab, Gitea and Forgejo).
    #[serde(default)]
    app_id: Option<String>,
    /// true: every edit is a pull request reviewed before it is published (GitHub, GitLab).
    #[serde(default)]
    review: bool,
    /// Web address of the editor script instead of the copy in static/admin/.
    #[serde(default)]
    script: Option<String>,
    /// Subresource-integrity hash of `script`, e.g. sha384-….
    #[serde(default)]
    integrity: Option<String>,
}

/// The git hosts the editor can log in to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// github.com (or GitHub Enterprise through `base_url`).
    Github,
    /// gitlab.com or a self-hosted GitLab.
    Gitlab,
    /// A self-hosted Gitea.
    Gitea,
    /// A self-hosted Forgejo (Codeberg included).
    Forgejo,
}

impl Backend {
    /// The backend's name in the editor's configuration.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Github => "github",
            Backend::Gitlab => "gitlab",
            Backend::Gitea => "gitea",
            Backend::Forgejo => "forgejo",
        }
    }

    /// Whether the editor can hold edits for review as pull (merge) requests on this host.
    pub fn supports_review(self) -> bool {
        matches!(self, Backend::Github | Backend::Gitlab)
    }
}

/// A git host to log in to, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// Which host.
    pub backend: Backend,
    /// `owner/name`.
    pub repo: String,
    /// Branch edits are saved to.
    pub branch: String,
    /// Address of a self-hosted server, without a trailing `/`.
    pub base_url: Option<String>,
    /// OAuth client id.
    pub app_id: Option<String>,
    /// Edits are pull requests reviewed before publishing.
    pub review: bool,
}

/// The web editor, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    /// Whether `/admin/` is built.
    pub enabled: bool,
    /// The git host, if any (without one the editor works only in `gazette serve`).
    pub remote: Option<Remote>,
    /// A script address and its integrity hash, instead of the copy in `static/admin/`.
    pub script: Option<(String, String)>,
}

impl Default for Editing {
    fn default() -> Editing {
        Editing { enabled: true, remote: None, script: None }
    }
}

/// Resolve `editing:`; problems go to `errors`, located by `at`.
pub(super) fn resolve_editing(
    raw: Option<RawEditing>,
    at: &dyn Fn(&[&str]) -> crate::Location,
    errors: &mut Errors,
) -> Editing {
    let raw = match raw {
        None => return Editing::default(),
        Some(RawEditing::Switch(enabled)) => return Editing { enabled, ..Editing::default() },
        Some(RawEditing::Settings(raw)) => raw,
    };
    let mut fail = |field: &str, e: Error| errors.push(e.at(at(&["editing", field])));
    let remote = raw.backend.and_then(|backend| {
        let repo = raw.repo.clone().unwrap_or_default();
        let parts: Vec<&str> = repo.split('/').collect();
        if parts.len() < 2 || parts.iter().any(|p| p.is_empty() || p.starts_with('.')) {
            fail(
                "repo",
                Error::new(ErrorKind::Value, format!("editing repo `{repo}` is not `owner/name`"))
                    .help("write the repository of this site, e.g. repo: so-tttt/cong-thong-tin"),
            );
            return None;
        }
        if backend != Backend::Github && backend != Backend::Gitlab && raw.base_url.is_none() {
            fail(
                "backend",
                Error::new(ErrorKind::Value, format!("the {} backend needs base_url", backend.name()))
                    .help("write the address of your server, e.g. base_url: https://git.sonca.gov.vn"),
            );
        }
        if raw.review && !backend.supports_review() {
            fail(
                "review",
                Error::new(ErrorKind::Value, format!("the {} backend cannot hold edits for review", backend.name()))
                    .help("remove review: true, or use GitHub or GitLab; `gazette check` in CI still checks every push"),
            );
        }
        Some(Remote {
            backend,
            repo,
            branch: raw.branch.clone().unwrap_or_else(|| "main".into()),
            base_url: raw.base_url.as_deref().map(|u| u.trim_end_matches('/').to_string()),
            app_id: raw.app_id.clone(),
            review: raw.review,
        })
    });
    if let Some(url) = &raw.base_url
        && let Err(e) = check_url(url, &BASE_URL)
    {
        fail("base_url", e);
    }
    let script = match (raw.script, raw.integrity) {
        (None, None) => None,
        (Some(src), Some(integrity)) if is_integrity(&integrity) => {
            if let Err(e) = check_url(&src, &SCRIPT_URL) {
                fail("script", e);
            }
            Some((src, integrity))
        }
        _ => {
            fail(
                "integrity",
                Error::new(
                    ErrorKind::Value,
                    "editing script needs its integrity hash (sha256-, sha384- or sha512-)",
                )
                .help("write both, e.g. script: https://…/decap-cms.js and integrity: sha384-…"),
            );
            None
        }
    };
    Editing { enabled: raw.enabled.unwrap_or(true), remote, script }
}

/// Whether `text` is a subresource-integrity value such as `sha384-<base64>`.
fn is_integrity(text: &str) -> bool {
    ["sha256-", "sha384-", "sha512-"].iter().any(|p| {
        text.strip_prefix(p).is_some_and(|b64| {
            !b64.is_empty() && b64.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        })
    })
}
