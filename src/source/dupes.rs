//! Repeated mapping keys. YAML readers keep the last of two equal keys without a word, so a
//! copied line (`2023: 40.74` then `2023: 33.05`) would publish the second figure; this pass
//! over the parser events finds the repeats of every mapping of a file (issue 9).

use std::collections::HashMap;

/// A key written twice in one mapping: the key, where it is first written and where again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Repeat {
    /// The key as written (without quotes).
    pub(super) key: String,
    /// 1-based (line, column) of the first time.
    pub(super) first: (usize, usize),
    /// 1-based (line, column) of the repeat.
    pub(super) again: (usize, usize),
}

enum Frame {
    /// A mapping: the keys seen so far, and whether the next node is a key.
    Map { keys: HashMap<String, (usize, usize)>, expecting_key: bool },
    /// A sequence.
    Seq,
    /// A list or mapping used as a key (never looked into).
    Key,
}

/// Every repeated key of `text`, in the order of the text. Stops quietly at a syntax error
/// (the YAML reader reports it).
pub(super) fn repeated_keys(text: &str) -> Vec<Repeat> {
    use yaml_rust2::parser::{Event, Parser};
    let mut repeats = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Ok((event, marker)) = parser.next_token() {
        let here = (marker.line(), marker.col() + 1);
        match event {
            Event::StreamEnd => break,
            Event::Scalar(value, ..) => scalar(&mut stack, value, here, &mut repeats),
            Event::Alias(_) => scalar(&mut stack, String::new(), here, &mut Vec::new()),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_key = matches!(stack.last(), Some(Frame::Map { expecting_key: true, .. }));
                stack.push(match event {
                    _ if is_key => Frame::Key,
                    Event::MappingStart(..) => Frame::Map { keys: HashMap::new(), expecting_key: true },
                    _ => Frame::Seq,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Key) = stack.pop() {
                    // the container was a key: its value comes next
                    if let Some(Frame::Map { expecting_key, .. }) = stack.last_mut() {
                        *expecting_key = false;
                    }
                } else {
                    value_done(&mut stack);
                }
            }
            _ => {}
        }
    }
    repeats
}

/// A scalar arrived: a key of the innermost mapping (checked against the earlier ones), or a value.
fn scalar(stack: &mut [Frame], value: String, here: (usize, usize), repeats: &mut Vec<Repeat>) {
    match stack.last_mut() {
        Some(Frame::Map { keys, expecting_key }) if *expecting_key => {
            *expecting_key = false;
            // `<<` merges another mapping in; it may be written more than once
            if value == "<<" {
                return;
            }
            if let Some(&first) = keys.get(&value) {
                repeats.push(Repeat { key: value, first, again: here });
            } else {
                keys.insert(value, here);
            }
        }
        Some(Frame::Key) => {}
        _ => value_done(stack),
    }
}

/// A whole value ended: the innermost mapping expects a key next.
fn value_done(stack: &mut [Frame]) {
    if let Some(Frame::Map { expecting_key, .. }) = stack.last_mut() {
        *expecting_key = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(String, usize, usize)> {
        repeated_keys(text).into_iter().map(|r| (r.key, r.first.0, r.again.0)).collect()
    }

    #[test]
    fn finds_a_copied_line_in_a_block_mapping_issue_9() {
        let text = "series:\n  - geo: tn\n    values:\n      2023: 40.74\n      2023: 33.05\n";
        assert_eq!(lines(text), [("2023".to_string(), 4, 5)]);
        let r = &repeated_keys(text)[0];
        assert_eq!((r.first, r.again), ((4, 7), (5, 7)));
    }

    #[test]
    fn finds_repeats_in_flow_mappings_and_at_every_depth_issue_9() {
        let text = "a: 1\nb: {x: 1, x: 2}\nc:\n  - {y: 1}\n  - {y: 2}\na: 3\n";
        assert_eq!(lines(text), [("x".to_string(), 2, 2), ("a".to_string(), 1, 6)]);
    }

    #[test]
    fn equal_keys_of_different_mappings_are_not_repeats_issue_9() {
        let text = "units:\n  - id: a\n    name: A\n  - id: b\n    name: B\nnested:\n  id: c\n";
        assert!(repeated_keys(text).is_empty());
        assert!(repeated_keys("? [a, b]\n: 1\n? [a, b]\n: 2\nk: [1, 1]\n").is_empty());
        assert!(repeated_keys("a: [1\n").is_empty());
    }
}
