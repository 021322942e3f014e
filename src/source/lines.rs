//! Byte offsets to lines and columns in time independent of the offset: marks every ~1 KiB
//! remember the line and column reached there, so an error deep in a 5 MB file (or on a
//! 5 MB line) counts at most ~1 KiB of text, not everything before it (issue 8).

/// Bytes between two marks (a mark is moved forward to the next character start).
const MARK_EVERY: usize = 1024;

/// Line and column of every ~1 KiB of a text, built in one pass.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// (byte offset at a character start, 1-based line, 1-based column) in offset order.
    marks: Vec<(usize, usize, usize)>,
}

impl LineIndex {
    /// Index `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut marks = vec![(0, 1, 1)];
        let (mut line, mut column, mut next) = (1, 1, MARK_EVERY);
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if i >= next && is_char_start(b) {
                marks.push((i, line, column));
                next = i + MARK_EVERY;
            }
            (line, column) = step(b, line, column);
        }
        LineIndex { marks }
    }

    /// 1-based line and column (in characters) of `offset` in `text`, the text this index was
    /// built from; the same answer as [`super::line_col`].
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let m = self.marks.partition_point(|mark| mark.0 <= offset).saturating_sub(1);
        let (start, mut line, mut column) = self.marks.get(m).copied().unwrap_or((0, 1, 1));
        for &b in &text.as_bytes()[start.min(offset)..offset] {
            (line, column) = step(b, line, column);
        }
        (line, column)
    }
}

/// The first byte of a character (not a UTF-8 continuation byte).
fn is_char_start(b: u8) -> bool {
    (b & 0xC0) != 0x80
}

/// Line and column after byte `b`: a new line after `\n`; a column per character start.
fn step(b: u8, line: usize, column: usize) -> (usize, usize) {
    if b == b'\n' {
        (line + 1, 1)
    } else if is_char_start(b) {
        (line, column + 1)
    } else {
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_counting_from_the_start(text in "(đắk|\n|a|🙂| ){0,3000}", cut in 0usize..20_000) {
            let index = LineIndex::new(&text);
            prop_assert_eq!(index.line_col(&text, cut), super::super::line_col(&text, cut));
        }
    }
}
