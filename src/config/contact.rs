//! How to reach the agency (`contact:`) and the other state portals it links to (`portals:`):
//! one place in `site.yaml` that the footer and the contact page both render (issue 12).

use serde::Deserialize;

use crate::error::Errors;
use crate::url::{Accept, UrlField, check_url};

const PORTAL_URL: UrlField =
    UrlField { name: "portal url", example: "url: https://chinhphu.vn/", accept: Accept::WebAddress };

/// The agency's contact details, shown in the footer of every page and by the `contact()`
/// shortcode (so the footer and the contact page can never disagree).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// Telephone number as written, e.g. "0200 3 800 000".
    #[serde(default)]
    pub phone: Option<String>,
    /// Hotline for citizens' reports, as written.
    #[serde(default)]
    pub hotline: Option<String>,
    /// Fax number as written.
    #[serde(default)]
    pub fax: Option<String>,
    /// Contact e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Office hours, e.g. "Thứ Hai – thứ Sáu, 7 giờ 30 – 17 giờ".
    #[serde(default)]
    pub hours: Option<String>,
}

impl Contact {
    /// These details with each field `other` gives in its place (an edition's translation).
    pub fn translated(self, other: Contact) -> Contact {
        Contact {
            address: other.address.or(self.address),
            phone: other.phone.or(self.phone),
            hotline: other.hotline.or(self.hotline),
            fax: other.fax.or(self.fax),
            email: other.email.or(self.email),
            hours: other.hours.or(self.hours),
        }
    }
}

/// A link to another state portal as written in `site.yaml`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPortal {
    /// Name shown, e.g. "Cổng thông tin điện tử Chính phủ".
    name: String,
    /// Its web address (https://…).
    url: String,
}

/// A link to another state portal, its address checked.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Portal {
    /// Name shown.
    pub name: String,
    /// Web address (`https://…` or `http://…`).
    pub url: String,
}

/// Check every portal's address; a bad one is reported at its line and left out.
pub(super) fn resolve_portals(
    raw: Vec<RawPortal>,
    at: &dyn Fn(&[&str]) -> crate::Location,
    errors: &mut Errors,
) -> Vec<Portal> {
    raw.into_iter()
        .enumerate()
        .filter_map(|(i, p)| match check_url(&p.url, &PORTAL_URL) {
            Ok(_) => Some(Portal { name: p.name, url: p.url }),
            Err(e) => {
                errors.push(e.at(at(&["portals", &i.to_string(), "url"])));
                None
            }
        })
        .collect()
}
