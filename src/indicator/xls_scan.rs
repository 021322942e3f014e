//! A first pass over an `.xls` file's records, before calamine reads it (issue 14). When it
//! opens the file calamine builds every sheet: it reserves the cells the sheet's DIMENSIONS
//! record declares, then a grid spanning the sheet's cell records. This pass measures both,
//! and refuses records calamine would index past their end or subtract below zero on. The
//! records are those of the stream calamine reads (see `xls_container`).

use super::sheet_bounds::{Shape, Span};
use super::xls_container::{Failure, workbook_stream};

/// Records that hold one cell, at (row, column) in their first four bytes.
const ONE_CELL: [u16; 5] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E];
/// A formula, at (row, column) in its first four bytes…
const FORMULA: u16 = 0x0006;
/// … and the text it gives, which calamine places at the last formula's cell (A1 before any).
const STRING: u16 = 0x0207;
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MUL_RK: u16 = 0x00BD;
const SST: u16 = 0x00FC;
const CONTINUE: u16 = 0x003C;
const LABEL_SST: u16 = 0x00FD;

/// What the first pass found: each sheet's name and shape, and the bytes of text calamine
/// will copy into cells that point at the shared strings.
pub(super) struct XlsScan {
    /// Each sheet's name and shape.
    pub(super) sheets: Vec<(String, Shape)>,
    /// Bytes of shared text the cells copy (at most 3 per character), all sheets together.
    pub(super) shared_text: u64,
}

/// Measure an `.xls` file; an error (in the container's words) when it cannot be read or
/// holds a record calamine would fail on.
pub(super) fn scan_xls(bytes: &[u8]) -> Result<XlsScan, String> {
    let stream = workbook_stream(bytes).map_err(Failure::reason)?;
    let mut scanned = 0usize;
    let mut sheets = Vec::new();
    let (bound, strings) = globals(&stream)?;
    let mut shared_text = 0u64;
    for (pos, name) in bound {
        let sheet = stream.get(pos..).ok_or("a sheet starts past the end of the workbook")?;
        let (shape, length) = scan_sheet(sheet, &strings, &mut shared_text)?;
        // sheets that share their records would be read again and again
        scanned = scanned.saturating_add(length);
        if scanned > stream.len() {
            return Err("sheets overlap".to_string());
        }
        sheets.push((name, shape));
    }
    Ok(XlsScan { sheets, shared_text })
}

/// The records of a stream: (type, data), until the stream ends or a record runs past it.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16::from_le_bytes([*rest.first()?, *rest.get(1)?]);
        let len = usize::from(u16::from_le_bytes([*rest.get(2)?, *rest.get(3)?]));
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([*data.get(at)?, *data.get(at + 1)?, *data.get(at + 2)?, *data.get(at + 3)?]))
}

/// Where a sheet's records start in the stream, and its name.
type BoundSheet = (usize, String);

/// The sheets the workbook globals list (where each starts, and its name), and the length in
/// characters of each shared string.
fn globals(stream: &[u8]) -> Result<(Vec<BoundSheet>, Vec<u16>), String> {
    let mut sheets = Vec::new();
    let mut strings = Vec::new();
    let mut all = records(stream).peekable();
    while let Some((typ, data)) = all.next() {
        match typ {
            EOF => break,
            SST => {
                let mut parts = vec![data.get(8..).unwrap_or_default()];
                while let Some((_, more)) = all.next_if(|(t, _)| *t == CONTINUE) {
                    parts.push(more);
                }
                strings = shared_string_lengths(&parts);
            }
            BOUND_SHEET if data.len() < 8 => return Err("a sheet record is too short".to_string()),
            BOUND_SHEET => {
                let pos = u32_at(data, 0).unwrap_or(u32::MAX) as usize;
                let n = sheets.len() + 1;
                sheets.push((pos, sheet_name(&data[6..]).unwrap_or_else(|| format!("#{n}"))));
            }
            _ => {}
        }
    }
    Ok((sheets, strings))
}

/// The character count of each string of a shared string table split over `parts` (the SST
/// record and its Continue records). Each string: its length, flags, then optional run and
/// extension sizes, its characters (one or two bytes each; a Continue record starting inside
/// them opens with a new flags byte), then the runs and the extension. Stops where the
/// table runs short, as calamine does.
fn shared_string_lengths(parts: &[&[u8]]) -> Vec<u16> {
    let mut at = Parts { parts, part: 0, offset: 0 };
    let mut lengths = Vec::new();
    loop {
        // as calamine reads it: at a string's start a spent part gives way to the next, and an
        // empty next part is an empty string (every later index then names the next string)
        if at.spent() {
            if !at.next_part() {
                break;
            }
            if at.spent() {
                lengths.push(0);
                continue;
            }
        }
        let Some(cch) = at.u16() else { break };
        let Some(flags) = at.byte() else { break };
        let runs = if flags & 0x08 != 0 { at.u16().map_or(0, usize::from) } else { 0 };
        let ext = if flags & 0x04 != 0 { at.u32().map_or(0, |n| n as usize) } else { 0 };
        if !at.chars(usize::from(cch), flags & 1 != 0) || !at.skip(4 * runs + ext) {
            break;
        }
        lengths.push(cch);
    }
    lengths
}

/// A position in a byte stream split into parts.
struct Parts<'a> {
    parts: &'a [&'a [u8]],
    part: usize,
    offset: usize,
}

impl Parts<'_> {
    /// Whether the current part has no byte left.
    fn spent(&self) -> bool {
        self.parts.get(self.part).is_none_or(|p| self.offset >= p.len())
    }

    /// Move to the start of the next part, if there is one.
    fn next_part(&mut self) -> bool {
        if self.part + 1 >= self.parts.len() {
            return false;
        }
        (self.part, self.offset) = (self.part + 1, 0);
        true
    }

    fn byte(&mut self) -> Option<u8> {
        while self.offset >= self.parts.get(self.part)?.len() {
            (self.part, self.offset) = (self.part + 1, 0);
        }
        self.offset += 1;
        Some(self.parts[self.part][self.offset - 1])
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([self.byte()?, self.byte()?, self.byte()?, self.byte()?]))
    }

    fn skip(&mut self, mut n: usize) -> bool {
        while n > 0 {
            let Some(part) = self.parts.get(self.part) else { return false };
            let k = n.min(part.len() - self.offset.min(part.len()));
            (self.offset, n) = (self.offset + k, n - k);
            if n > 0 {
                (self.part, self.offset) = (self.part + 1, 0);
            }
        }
        true
    }

    /// Skip `n` characters, a new flags byte at the start of each further part.
    fn chars(&mut self, mut n: usize, mut wide: bool) -> bool {
        while n > 0 {
            let Some(part) = self.parts.get(self.part) else { return false };
            let width = if wide { 2 } else { 1 };
            let k = n.min((part.len() - self.offset.min(part.len())) / width);
            (self.offset, n) = (self.offset + k * width, n - k);
            if n > 0 {
                (self.part, self.offset) = (self.part + 1, 0);
                let Some(flags) = self.byte() else { return false };
                wide = flags & 1 != 0;
            }
        }
        true
    }
}

/// A BIFF8 short string: length, flags, then Latin-1 or UTF-16 characters.
fn sheet_name(data: &[u8]) -> Option<String> {
    let (&cch, &flags) = (data.first()?, data.get(1)?);
    let chars = &data[2..];
    if flags & 1 == 0 {
        Some(chars.iter().take(usize::from(cch)).map(|&b| char::from(b)).collect())
    } else {
        let units: Vec<u16> =
            chars.chunks_exact(2).take(usize::from(cch)).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
        Some(String::from_utf16_lossy(&units))
    }
}

/// One sheet's shape, read as calamine reads it (nested substreams such as charts skipped),
/// and the bytes read; the shared text its cells copy is added to `text`.
fn scan_sheet(sheet: &[u8], strings: &[u16], text: &mut u64) -> Result<(Shape, usize), String> {
    let (mut shape, mut depth, mut seen_bof, mut length) = (Shape::default(), 0usize, false, 0usize);
    let mut formula_at = (0, 0);
    for (typ, data) in records(sheet) {
        length += 4 + data.len();
        if depth > 0 {
            match typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => {
                if let Some((first, last)) = declared(data)? {
                    shape.cover(first, last);
                }
            }
            MUL_RK => mul_rk(data, &mut shape)?,
            LABEL_SST => {
                let chars = u32_at(data, 6).and_then(|i| strings.get(i as usize)).copied().unwrap_or(0);
                *text = text.saturating_add(3 * u64::from(chars));
                position(data).into_iter().for_each(|at| shape.add(at, at));
            }
            FORMULA => {
                if let Some(at) = position(data) {
                    formula_at = at;
                    shape.add(at, at);
                }
            }
            STRING => shape.add(formula_at, formula_at),
            t if ONE_CELL.contains(&t) => position(data).into_iter().for_each(|at| shape.add(at, at)),
            _ => {}
        }
    }
    Ok((shape, length))
}

/// The (row, column) a cell record's first four bytes give.
fn position(data: &[u8]) -> Option<(u32, u32)> {
    Some((u16_at(data, 0)?.into(), u16_at(data, 2)?.into()))
}

/// The cells of a MulRk record (one row, a run of columns), refusing one whose length does
/// not match its columns as calamine does; the count is taken in `usize`, as calamine's is.
fn mul_rk(data: &[u8], shape: &mut Shape) -> Result<(), String> {
    let (row, first) = (u16_at(data, 0), u16_at(data, 2));
    let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
    let (Some(row), Some(first), Some(last)) = (row, first, last) else { return Ok(()) };
    if last < first || data.len() != 6 + 6 * (usize::from(last - first) + 1) {
        return Err("a MulRk record is malformed".to_string());
    }
    (first..=last).for_each(|c| shape.add((row.into(), c.into()), (row.into(), c.into())));
    Ok(())
}

/// The first and last cells a DIMENSIONS record declares (calamine reserves room for the
/// cells between), refusing the records whose last row or column comes before the first.
fn declared(data: &[u8]) -> Result<Option<Span>, String> {
    let (rf, rl, cf, cl) = match data.len() {
        10 => {
            (u16_at(data, 0).map(u32::from), u16_at(data, 2).map(u32::from), u16_at(data, 4), u16_at(data, 6))
        }
        14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
        _ => return Ok(None),
    };
    let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl) else { return Ok(None) };
    // as calamine reads it: a first column past 0xFF or past the last means 0
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    if rl == 0 || cl == 0 {
        return Ok(None);
    }
    if rl - 1 < rf || cl - 1 < cf {
        return Err("a DIMENSIONS record ends before it starts".to_string());
    }
    Ok(Some(((rf, cf.into()), (rl - 1, u32::from(cl) - 1))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_dimensions_are_read_and_inverted_ones_refused_issue_14() {
        let record = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = Vec::new();
            d.extend(rf.to_le_bytes());
            d.extend(rl.to_le_bytes());
            d.extend(cf.to_le_bytes());
            d.extend(cl.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        assert_eq!(declared(&record(0, 65_536, 0, 256)), Ok(Some(((0, 0), (65_535, 255)))));
        assert!(declared(&record(10, 5, 0, 3)).is_err());
        assert!(declared(&record(0, 5, 5, 5)).is_err());
    }

    #[test]
    fn a_malformed_mulrk_is_refused_rather_than_passed_on_issue_14() {
        let mut sheet = Vec::new();
        for (typ, data) in [(BOF, vec![0u8; 16]), (MUL_RK, vec![0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 1, 0])] {
            sheet.extend(u16::to_le_bytes(typ));
            sheet.extend(u16::to_le_bytes(data.len() as u16));
            sheet.extend(data);
        }
        assert_eq!(scan_sheet(&sheet, &[], &mut 0).unwrap_err(), "a MulRk record is malformed");
    }

    fn sheet_of(records: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let mut sheet = Vec::new();
        for (typ, data) in records {
            sheet.extend(u16::to_le_bytes(*typ));
            sheet.extend(u16::to_le_bytes(data.len() as u16));
            sheet.extend(data);
        }
        sheet
    }

    #[test]
    fn a_mulrk_spanning_every_column_in_six_bytes_is_refused_without_overflow_issue_14() {
        // issue 14 review: first column 0 and last 0xFFFF made `last - first + 1` wrap to 0 in
        // release (6 == 6 + 6 * 0 passed) and count 65,536 cells for a 10-byte record
        let sheet = sheet_of(&[(BOF, vec![0; 16]), (MUL_RK, vec![0, 0, 0, 0, 0xFF, 0xFF])]);
        assert_eq!(scan_sheet(&sheet, &[], &mut 0).unwrap_err(), "a MulRk record is malformed");
    }

    #[test]
    fn a_string_record_before_any_formula_counts_cell_a1_as_calamine_places_it_there_issue_14() {
        // issue 14 review: calamine puts a String record (0x0207) at the last formula's cell,
        // A1 before any: with one cell at IV65536 its grid spans the whole sheet
        let far = vec![0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let string = vec![1, 0, 0, b'x'];
        let sheet = sheet_of(&[(BOF, vec![0; 16]), (0x0203, far), (0x0207, string)]);
        let (shape, _) = scan_sheet(&sheet, &[], &mut 0).unwrap();
        assert_eq!(shape.span, Some(((0, 0), (65_535, 255))));
    }

    #[test]
    fn an_empty_continue_record_is_an_empty_shared_string_as_calamine_reads_it_issue_14() {
        // issue 14 review: calamine reads an empty Continue record at a string's start as an
        // empty string, so every later index names the next string; the pass must agree or a
        // cell pointing at a long string is measured as empty
        let first: &[u8] = &[1, 0, 0, b'a'];
        let long: &[u8] = &[3, 0, 0, b'x', b'y', b'z'];
        assert_eq!(shared_string_lengths(&[first, &[], long]), [1, 0, 3]);
        assert_eq!(shared_string_lengths(&[&[], long]), [3]);
    }

    #[test]
    fn shared_strings_are_measured_across_continue_records_issue_14() {
        // "ab" in one byte per character; "xyz" rich (1 run) and split after "x", the rest
        // in two bytes per character; then a string cut short
        let first: &[u8] = &[2, 0, 0, b'a', b'b', 3, 0, 0x08, 1, 0, b'x'];
        let second: &[u8] = &[1, b'y', 0, b'z', 0, 0, 0, 0, 0, 9, 0, 0];
        assert_eq!(shared_string_lengths(&[first, second]), [2, 3]);
    }
}
