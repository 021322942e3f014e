//! ASCII slugs for URLs and anchors: "Phấn đấu giảm tỷ lệ hộ nghèo" → `phan-dau-giam-ty-le-ho-ngheo`.
//!
//! Also the key under which taxonomy terms are compared, so "Giảm nghèo", "giam ngheo" and
//! "GIẢM NGHÈO" are one term.

/// Fold to ASCII (đ → d, diacritics dropped), lower-case, runs of anything else → one `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
            continue;
        }
        if c.is_ascii() {
            if !out.is_empty() && !dash {
                out.push('-');
                dash = true;
            }
            continue;
        }
        // deunicode maps đ/Đ to d/D and strips Vietnamese tone marks
        for a in deunicode::deunicode_char(c).unwrap_or("-").chars() {
            if a.is_ascii_alphanumeric() {
                out.push(a.to_ascii_lowercase());
                dash = false;
            } else if !out.is_empty() && !dash {
                out.push('-');
                dash = true;
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `text` is already a valid slug (what `slugify` would return for itself).
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_vietnamese_to_ascii() {
        assert_eq!(slugify("Phấn đấu giảm tỷ lệ hộ nghèo"), "phan-dau-giam-ty-le-ho-ngheo");
        assert_eq!(slugify("Đắk Lắk: Đường về  bản!"), "dak-lak-duong-ve-ban");
        assert_eq!(slugify("Giảm nghèo"), slugify("GIAM NGHEO"));
        assert_eq!(slugify("COVID-19 (2021)"), "covid-19-2021");
        assert_eq!(slugify("—"), "");
    }

    proptest! {
        #[test]
        fn slugs_are_idempotent_and_url_safe(text in "\\PC{0,40}") {
            let s = slugify(&text);
            prop_assert_eq!(slugify(&s), s.clone());
            prop_assert!(s.is_empty() || is_slug(&s), "{:?}", s);
        }
    }
}
