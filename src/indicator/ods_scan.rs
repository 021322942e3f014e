//! A first pass over an `.ods` file's `content.xml`, before calamine reads it (issue 14).
//! calamine builds every sheet when it opens the file: each row from column A to its last
//! filled cell, then the grid spanning the filled cells with repeated rows and cells
//! (`table:number-rows-repeated`, `table:number-columns-repeated`) written out. This pass
//! measures both, and the text the repeats copy, streaming and without building anything.

use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::sheet_bounds::Shape;

/// The rows and columns calamine reads at most (it cuts repeats there).
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// Attributes whose text calamine copies into the cell, and into each of its repeats.
const COPIED_ATTRIBUTES: [&str; 4] =
    ["office:string-value", "office:date-value", "office:time-value", "table:formula"];

/// Elements that calamine, reading a text cell's content up to the first end of a cell,
/// would take as closing the cell, its row or its table where the XML does not.
const TABLE_PARTS: [&str; 4] =
    ["table:table-cell", "table:covered-table-cell", "table:table-row", "table:table"];

/// Attributes that give a cell a value (calamine reads the cell as filled).
const VALUE_ATTRIBUTES: [&str; 7] = [
    "office:value-type",
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "table:formula",
];

/// Each sheet's name and shape, and the bytes of text its repeated cells copy; an error
/// (in calamine's or the zip's words) when `content.xml` cannot be read.
pub(super) fn scan_ods(bytes: &[u8]) -> Result<(Vec<(String, Shape)>, u64), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let member = archive.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut reader = Reader::from_reader(BufReader::new(member));
    reader.config_mut().expand_empty_elements = true;
    let (mut buf, mut sheets, mut text) = (Vec::new(), Vec::new(), 0u64);
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            // as calamine reads it: a table without a name is no sheet, but a named table
            // inside it is one, from its own first row
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                let Some(name) = attribute(&e, "table:name") else { continue };
                let shape = scan_table(&mut reader, &mut text)?;
                sheets.push((name, shape));
            }
            Event::Eof => return Ok((sheets, text)),
            _ => {}
        }
    }
}

fn scan_table<R: Read>(reader: &mut Reader<BufReader<R>>, text: &mut u64) -> Result<Shape, String> {
    let (mut buf, mut shape, mut row) = (Vec::new(), Shape::default(), 0u64);
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                let repeats = count(&e, "table:number-rows-repeated").min(MAX_ROWS - row);
                let width = scan_row(reader, (row, repeats), &mut shape, text)?;
                // calamine builds each row as written from column A to its last filled cell
                shape.cost = shape.cost.saturating_add(width);
                row += repeats;
            }
            Event::End(e) if e.name().as_ref() == "table:table" => return Ok(shape),
            Event::Eof => return Err("content.xml ends inside a table".to_string()),
            _ => {}
        }
    }
}

/// Measure one row element (repeated `rows.1` times from row `rows.0`); its width in cells.
fn scan_row<R: Read>(
    reader: &mut Reader<BufReader<R>>,
    (row, repeats): (u64, u64),
    shape: &mut Shape,
    text: &mut u64,
) -> Result<u64, String> {
    let (mut buf, mut column, mut width) = (Vec::new(), 0u64, 0u64);
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e)
                if matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") =>
            {
                let n = count(&e, "table:number-columns-repeated").min(MAX_COLUMNS - column);
                let filled = e.attributes().flatten().any(|a| VALUE_ATTRIBUTES.contains(&a.key.as_ref()));
                // calamine makes text of a cell's content when it is a string or an error
                let content = cell_content(reader)?;
                let reads_content = attribute(&e, "office:value-type").as_deref() == Some("string")
                    || attribute(&e, "calcext:value-type").as_deref() == Some("error");
                let size = copied_text(&e).saturating_add(if reads_content { content } else { 0 });
                if filled && n > 0 {
                    // calamine builds the row's cells even past its last row (repeats cut to 0)
                    width = column + n;
                    *text = text.saturating_add(size.saturating_mul(n.saturating_mul(repeats.max(1))));
                    let last = |from: u64, k: u64| (from + k - 1) as u32;
                    if repeats > 0 {
                        shape.add((row as u32, column as u32), (last(row, repeats), last(column, n)));
                    } else {
                        // named as lying on the last row, where calamine stops
                        let bottom = (MAX_ROWS - 1) as u32;
                        shape.cover((bottom, column as u32), (bottom, last(column, n)));
                    }
                }
                column += n;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => return Ok(width),
            Event::Eof => return Err("content.xml ends inside a row".to_string()),
            _ => {}
        }
    }
}

/// The bytes of the attributes calamine copies from a cell's start tag.
fn copied_text(e: &BytesStart<'_>) -> u64 {
    e.attributes()
        .flatten()
        .filter(|a| COPIED_ATTRIBUTES.contains(&a.key.as_ref()))
        .map(|a| a.value.len() as u64)
        .sum()
}

/// Read a cell's content to its end: the bytes of text calamine may make of it (the content
/// itself, and the spaces each `text:s` stands for). Table elements inside a cell are refused:
/// calamine would read them as the sheet's own (see `TABLE_PARTS`).
fn cell_content<R: Read>(reader: &mut Reader<BufReader<R>>) -> Result<u64, String> {
    let (mut buf, mut depth, mut spaces) = (Vec::new(), 0usize, 0u64);
    let start = reader.buffer_position();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) if TABLE_PARTS.contains(&e.name().as_ref()) => {
                return Err("a cell holds table elements (a table inside a cell)".to_string());
            }
            Event::Start(e) => {
                if e.name().as_ref() == "text:s" {
                    spaces = spaces
                        .saturating_add(attribute(&e, "text:c").and_then(|v| v.parse().ok()).unwrap_or(1));
                }
                depth += 1;
            }
            // the XML is checked well formed: the end at depth 0 is the cell's own
            Event::End(_) if depth == 0 => {
                return Ok(spaces.saturating_add(reader.buffer_position().saturating_sub(start)));
            }
            Event::End(_) => depth -= 1,
            Event::Eof => return Err("content.xml ends inside a cell".to_string()),
            _ => {}
        }
    }
}

/// A repeat count; 1 when absent or not a number (calamine refuses the file then).
fn count(e: &BytesStart<'_>, name: &str) -> u64 {
    attribute(e, name).and_then(|v| v.parse().ok()).unwrap_or(1)
}

/// An attribute's value unescaped, as calamine reads it (`&#50;00` is 200); none when it
/// cannot be unescaped (calamine refuses the file then).
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok().flatten()?;
    Some(quick_xml::escape::unescape(&a.value).ok()?.into_owned())
}
