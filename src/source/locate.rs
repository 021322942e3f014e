//! Where a value stands in YAML text: one pass over the parser events records every node
//! by its path, so an error path that locates many values (100,000 duplicate observations)
//! reads the text once, not once per error (issue 8).

use std::cell::OnceCell;
use std::collections::HashMap;

use super::YamlText;
use crate::error::Location;

/// Finds where a value stands in YAML text, by replaying parser events.
pub struct YamlLocator;

impl YamlLocator {
    /// 1-based (line, column) of the node at `path` (mapping keys and sequence indices);
    /// for a mapping key, the position of the value. `None` if not found or not parseable.
    ///
    /// Reads the whole text; to locate many values of one text, use [`YamlIndex`].
    pub fn find(text: &str, path: &[&str]) -> Option<(usize, usize)> {
        YamlIndex::build(text).find(path)
    }
}

/// Every node of a YAML text, by the path of keys and indices that leads to it.
///
/// Built in one pass (linear in the text), then each look-up costs one hash probe per path
/// segment. Up to a syntax error, nodes before it are indexed; where a path is given twice
/// (a duplicate key), the first wins.
#[derive(Debug, Default)]
pub struct YamlIndex {
    /// Position of the first document's root node.
    root: Option<(usize, usize)>,
    /// (parent container id, key or index) → the node.
    nodes: HashMap<(usize, Box<str>), Node>,
}

/// A node of the index: its container id when it is a list or mapping, and its position.
type Node = (Option<usize>, (usize, usize));

struct Frame {
    id: usize,
    is_map: bool,
    expecting_key: bool,
    key: Option<String>,
    index: usize,
}

impl YamlIndex {
    /// Index every node of `text`.
    pub fn build(text: &str) -> YamlIndex {
        use yaml_rust2::parser::{Event, Parser};
        let mut index = YamlIndex::default();
        let mut parser = Parser::new_from_str(text);
        let mut stack: Vec<Frame> = Vec::new();
        let mut next_id = 0;
        while let Ok((event, marker)) = parser.next_token() {
            let here = (marker.line(), marker.col() + 1);
            match event {
                Event::StreamEnd => break,
                Event::Scalar(value, ..) => index.value(&mut stack, Some(value), here),
                Event::Alias(_) => index.value(&mut stack, None, here),
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let id = next_id;
                    next_id += 1;
                    // a container used as a mapping key is not a node anyone looks for
                    if !stack.last().is_some_and(|top| top.is_map && top.expecting_key) {
                        index.record(&stack, Some(id), here);
                    }
                    let is_map = matches!(event, Event::MappingStart(..));
                    stack.push(Frame { id, is_map, expecting_key: true, key: None, index: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    finish_value(&mut stack);
                }
                _ => {}
            }
        }
        index
    }

    /// 1-based (line, column) of the node at `path`; for a mapping key, of its value.
    pub fn find(&self, path: &[&str]) -> Option<(usize, usize)> {
        let Some((last, parents)) = path.split_last() else { return self.root };
        let mut parent = 0;
        for segment in parents {
            parent = self.nodes.get(&(parent, Box::from(*segment)))?.0?;
        }
        self.nodes.get(&(parent, Box::from(*last))).map(|node| node.1)
    }

    /// A scalar or alias arrived: either a mapping key, or a value node.
    fn value(&mut self, stack: &mut [Frame], scalar: Option<String>, here: (usize, usize)) {
        if let Some(top) = stack.last_mut().filter(|top| top.is_map && top.expecting_key) {
            top.key = scalar;
            top.expecting_key = false;
            return;
        }
        self.record(stack, None, here);
        finish_value(stack);
    }

    /// Record a node starting at `here` under the innermost open container.
    fn record(&mut self, stack: &[Frame], id: Option<usize>, here: (usize, usize)) {
        let Some(top) = stack.last() else {
            self.root.get_or_insert(here);
            return;
        };
        let segment: Box<str> = if top.is_map {
            top.key.as_deref().unwrap_or_default().into()
        } else {
            top.index.to_string().into()
        };
        self.nodes.entry((top.id, segment)).or_insert((id, here));
    }
}

fn finish_value(stack: &mut [Frame]) {
    if let Some(top) = stack.last_mut() {
        if top.is_map {
            top.expecting_key = true;
        } else {
            top.index += 1;
        }
    }
}

/// A YAML snippet with an index built on the first look-up, for code that locates many
/// values of one file (each look-up after the first is a few hash probes).
#[derive(Debug)]
pub struct YamlPlaces<'a> {
    /// The snippet.
    pub yaml: YamlText<'a>,
    index: OnceCell<YamlIndex>,
}

impl<'a> YamlPlaces<'a> {
    /// Nothing is read until the first look-up (the success path never pays).
    pub fn new(yaml: YamlText<'a>) -> Self {
        YamlPlaces { yaml, index: OnceCell::new() }
    }

    /// Like [`YamlText::locate`]: the location of a path, or the snippet's start.
    pub fn locate(&self, path: &[&str]) -> Location {
        match self.index.get_or_init(|| YamlIndex::build(self.yaml.text)).find(path) {
            Some((line, column)) => self.yaml.location(line, column),
            None => self.yaml.location(1, 1),
        }
    }
}
