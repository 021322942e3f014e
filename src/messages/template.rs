//! Message templates with named holes: parsing, matching a message, filling in.
//!
//! A template is text with holes written `{name}` (letters, digits, `_`); `{{` and `}}` stand
//! for a literal brace, and a brace that opens no valid hole is literal too, so help texts
//! such as `condition: {comparator: ">=", value: 2}` can be written as they are.

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text compared exactly.
    Literal(String),
    /// A named hole that matches any text (the shortest that lets the rest match).
    Hole(String),
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Literals and holes in order; two literals are never adjacent.
    pub segments: Vec<Segment>,
}

impl Template {
    /// Parse a template (never fails: anything that is not a hole is literal text).
    pub fn parse(text: &str) -> Template {
        let mut segments = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("{{") || rest.starts_with("}}") {
                literal.push(c);
                rest = &rest[2..];
                continue;
            }
            if let Some(name) = hole_at(rest) {
                if !literal.is_empty() {
                    segments.push(Segment::Literal(std::mem::take(&mut literal)));
                }
                segments.push(Segment::Hole(name.to_string()));
                rest = &rest[name.len() + 2..];
                continue;
            }
            literal.push(c);
            rest = &rest[c.len_utf8()..];
        }
        if !literal.is_empty() {
            segments.push(Segment::Literal(literal));
        }
        Template { segments }
    }

    /// The names of the holes, in order.
    pub fn holes(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Hole(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
    }

    /// The holes written between backticks (`` `{id}` ``): code, ids and paths, never translated.
    pub fn code_holes(&self) -> Vec<&str> {
        let ends_tick = |s: Option<&Segment>, at_end: bool| match s {
            Some(Segment::Literal(t)) => {
                if at_end {
                    t.ends_with('`')
                } else {
                    t.starts_with('`')
                }
            }
            _ => false,
        };
        (0..self.segments.len())
            .filter_map(|i| match &self.segments[i] {
                Segment::Hole(name) => {
                    let before = i.checked_sub(1).and_then(|j| self.segments.get(j));
                    (ends_tick(before, true) && ends_tick(self.segments.get(i + 1), false))
                        .then_some(name.as_str())
                }
                Segment::Literal(_) => None,
            })
            .collect()
    }

    /// How many characters of literal text the template has (more is more specific).
    pub fn literal_len(&self) -> usize {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Literal(text) => text.chars().count(),
                Segment::Hole(_) => 0,
            })
            .sum()
    }

    /// Match the whole of `text`; on success, the value of each hole by name, in order.
    pub fn matches<'t>(&self, text: &'t str) -> Option<Vec<(&str, &'t str)>> {
        // cheap rejections first: most templates start or end otherwise, or lack a literal
        if let Some(Segment::Literal(first)) = self.segments.first()
            && !text.starts_with(first.as_str())
        {
            return None;
        }
        if let Some(Segment::Literal(last)) = self.segments.last()
            && !text.ends_with(last.as_str())
        {
            return None;
        }
        let literals_present = self.segments.iter().all(|s| match s {
            Segment::Literal(literal) => text.contains(literal.as_str()),
            Segment::Hole(_) => true,
        });
        if !literals_present {
            return None;
        }
        let mut values = Vec::new();
        match_from(&self.segments, text, &mut values).then_some(values)
    }

    /// The template with each hole replaced by `fill(name)`.
    pub fn fill(&self, mut fill: impl FnMut(&str) -> String) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Literal(text) => out.push_str(text),
                Segment::Hole(name) => out.push_str(&fill(name)),
            }
        }
        out
    }

    /// The template with every hole written `{}`: two templates that agree here say the
    /// same thing with the same number of holes, whatever the holes are named.
    pub fn shape(&self) -> String {
        self.fill(|_| "{}".to_string())
    }
}

/// The name of the hole `{name}` that `text` starts with, if it starts with one.
fn hole_at(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('{')?;
    let end = inner.find('}')?;
    let name = &inner[..end];
    let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then_some(name)
}

/// Backtracking match, anchored at both ends; each hole takes the shortest text that works.
fn match_from<'s, 't>(segments: &'s [Segment], text: &'t str, values: &mut Vec<(&'s str, &'t str)>) -> bool {
    let Some((first, rest)) = segments.split_first() else {
        return text.is_empty();
    };
    match first {
        Segment::Literal(literal) => {
            text.strip_prefix(literal.as_str()).is_some_and(|after| match_from(rest, after, values))
        }
        Segment::Hole(name) => {
            if rest.is_empty() {
                values.push((name, text));
                return true;
            }
            let ends = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
            for end in ends {
                values.push((name, &text[..end]));
                if match_from(rest, &text[end..], values) {
                    return true;
                }
                values.pop();
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_holes_and_literal_braces() {
        let t = Template::parse("a {x}{{y}} {comparator: 2} {}");
        assert_eq!(
            t.segments,
            vec![
                Segment::Literal("a ".into()),
                Segment::Hole("x".into()),
                Segment::Literal("{y} {comparator: 2} {}".into()),
            ]
        );
    }

    #[test]
    fn holes_take_the_shortest_text_and_literals_anchor_both_ends() {
        let t = Template::parse("unknown field `{field}`{within} of {what}");
        let values = t.matches("unknown field `tittle` in `a` of front matter").unwrap();
        assert_eq!(values, vec![("field", "tittle"), ("within", " in `a`"), ("what", "front matter")]);
        assert!(
            t.matches("unknown field `x` of").is_none() || t.matches("xunknown field `x` of y").is_none()
        );
        assert!(t.matches("an unknown field `x` of y").is_none());
    }

    #[test]
    fn a_hole_may_be_empty() {
        let t = Template::parse("{n} error{s}; {path} was not changed");
        assert_eq!(t.matches("1 error; public was not changed").unwrap()[1], ("s", ""));
        assert_eq!(t.matches("3 errors; public was not changed").unwrap()[1], ("s", "s"));
    }

    #[test]
    fn holes_between_backticks_are_code() {
        assert_eq!(Template::parse("did you mean `{best}`? {what} `{a}{b}`").code_holes(), ["best"]);
    }

    #[test]
    fn the_shape_ignores_hole_names() {
        assert_eq!(Template::parse("a `{x}` b {y}").shape(), Template::parse("a `{}` b {}").shape());
    }
}
