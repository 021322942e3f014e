//! Test support: a strict well-formedness check for the SVG the charts write.
//!
//! Checks XML well-formedness (one root, balanced tags, quoted attributes, known entities,
//! no duplicate attributes) and that every element and attribute is one we mean to publish,
//! so nothing reaches a page that the Nu HTML checker would call unknown.

/// Elements we write, with the attributes each may carry.
const ALLOWED: &[(&str, &[&str])] = &[
    ("svg", &["xmlns", "viewBox", "role", "aria-labelledby", "font-family"]),
    ("title", &["id"]),
    ("desc", &["id"]),
    ("rect", &["x", "y", "width", "height", "fill"]),
    ("polyline", &["fill", "stroke", "stroke-width", "points", "stroke-linejoin", "stroke-linecap"]),
    ("polygon", &["fill", "points"]),
    ("circle", &["cx", "cy", "r", "fill"]),
    ("text", &["x", "y", "dy", "text-anchor", "font-size", "fill", "font-weight"]),
];

/// Elements whose content is text.
const TEXT_ELEMENTS: [&str; 3] = ["title", "desc", "text"];

/// `Ok` when `svg` is a well-formed document of known elements and attributes.
pub(super) fn check_wellformed(svg: &str) -> Result<(), String> {
    check_wellformed_with(svg, &[])
}

/// Like [`check_wellformed`], also allowing the elements of `extra` (the maps of issue 16).
pub(crate) fn check_wellformed_with(svg: &str, extra: &[(&str, &[&str])]) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    let mut roots = 0;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            check_text(rest, &stack)?;
            break;
        };
        check_text(&rest[..open], &stack)?;
        let close = rest[open..].find('>').ok_or("unclosed tag")? + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            if stack.pop() != Some(name) {
                return Err(format!("`</{name}>` closes nothing open"));
            }
            continue;
        }
        let (tag, self_closing) = tag.strip_suffix('/').map_or((tag, false), |t| (t, true));
        let name = check_tag(tag, extra)?;
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name);
        }
    }
    match (roots, stack.last()) {
        (1, None) => Ok(()),
        (_, Some(open)) => Err(format!("`<{open}>` is never closed")),
        (n, None) => Err(format!("{n} root elements")),
    }
}

fn check_text(text: &str, stack: &[&str]) -> Result<(), String> {
    if text.trim().is_empty() {
        return Ok(());
    }
    match stack.last() {
        Some(parent) if TEXT_ELEMENTS.contains(parent) => check_entities(text),
        _ => Err(format!("stray text `{}`", text.trim())),
    }
}

fn check_entities(text: &str) -> Result<(), String> {
    for (i, _) in text.match_indices('&') {
        let entity = text[i..].split_once(';').map(|(e, _)| e).ok_or("unterminated `&`")?;
        let known = ["&amp", "&lt", "&gt", "&quot", "&apos"].contains(&entity)
            || entity
                .strip_prefix("&#")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !known {
            return Err(format!("unknown entity `{entity};`"));
        }
    }
    if text.contains('<') { Err("`<` in text".into()) } else { Ok(()) }
}

/// Check `name a="v" …` and return the name.
fn check_tag<'a>(tag: &'a str, extra: &[(&str, &[&str])]) -> Result<&'a str, String> {
    let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
    let allowed = extra.iter().chain(ALLOWED).find(|(n, _)| *n == name).map(|(_, a)| *a);
    let allowed = allowed.ok_or_else(|| format!("unexpected element `<{name}>`"))?;
    let mut seen: Vec<&str> = Vec::new();
    while !rest.trim().is_empty() {
        let (key, after) =
            rest.trim_start().split_once("=\"").ok_or_else(|| format!("bad attribute in `<{tag}>`"))?;
        let (value, after) = after.split_once('"').ok_or_else(|| format!("unquoted value in `<{tag}>`"))?;
        if !allowed.contains(&key) {
            return Err(format!("unexpected attribute `{key}` on `<{name}>`"));
        }
        if seen.contains(&key) {
            return Err(format!("duplicate attribute `{key}` on `<{name}>`"));
        }
        seen.push(key);
        check_entities(value)?;
        rest = after;
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_small_document() {
        let svg = "<svg xmlns=\"x\"><title id=\"a\">A &amp; B</title><rect x=\"1\"/></svg>\n";
        assert_eq!(check_wellformed(svg), Ok(()));
    }

    #[test]
    fn rejects_broken_or_unknown_markup() {
        assert!(check_wellformed("<svg><rect x=\"1\"></svg>").is_err());
        assert!(check_wellformed("<svg><title>a & b</title></svg>").is_err());
        assert!(check_wellformed("<svg><rect opacity=\"1\"/></svg>").is_err());
        assert!(check_wellformed("<svg><rect x=\"1\" x=\"2\"/></svg>").is_err());
        assert!(check_wellformed("<svg><g/></svg>").is_err());
        assert!(check_wellformed("<svg></svg><svg></svg>").is_err());
        assert!(check_wellformed("<svg>loose</svg>").is_err());
    }
}
