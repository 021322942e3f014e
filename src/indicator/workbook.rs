//! Workbooks (`.xlsx`, `.xls`, `.ods`) read with `calamine` into a [`Grid`]: one sheet (the
//! first, or the one named), merged cells filled with their value, numbers typed as numbers
//! taken as the workbook shows them, and only the filled cells kept (issue 14).

use std::io::Cursor;

use calamine::{Data, DataRef, Ods, Range, Reader, Xls, Xlsx};

use super::ods_scan::scan_ods;
use super::sheet_bounds::{MAX_AREA, Reading, Shape, check_book, check_sheet, check_unzipped};
use super::table::{Grid, GridCell, Pos};
use super::xls_scan::scan_xls;
use crate::error::{Error, ErrorKind, Location};
use crate::source::numbers::Decimal;

/// The most bytes of text the cells of a sheet may hold together.
const MAX_TEXT: u64 = 64 << 20;

/// Whether a table name is a workbook's.
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"].iter().any(|ext| lower.ends_with(ext))
}

/// Read `sheet` (or the first sheet) of the workbook `bytes` found at `path`. The format is
/// told from the content, and each is measured before a grid is built: a sheet spanning far
/// more cells than it fills is refused (see `sheet_bounds`).
pub fn read_workbook(path: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Grid, Error> {
    let (name, cells, merged) = guarded(path, || {
        if bytes.starts_with(b"PK") {
            check_unzipped(path, bytes)?;
            if is_ods(bytes) { read_ods(path, bytes, sheet) } else { read_xlsx(path, bytes, sheet) }
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            read_xls(path, bytes, sheet)
        } else {
            Err(unreadable(path, "not an .xlsx, .xls or .ods file"))
        }
    })?;
    let rows = grid_rows(cells, &merged);
    Ok(Grid { path: path.to_string(), sheet: Some(name), decimal: Decimal::Dot, rows })
}

/// Run a reader of untrusted bytes: a panic inside it (calamine has not been audited against
/// every malformed record) becomes an error naming the file instead of ending the build. The
/// release profile unwinds (`panic = "unwind"` in Cargo.toml) so that this can catch it.
fn guarded<T>(path: &str, read: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(unreadable(path, "its reader failed on a damaged or unusual record")))
}

/// A sheet's name, its filled cells at their 0-based (row, column), and its merged regions.
type Sheet = (String, Vec<Placed>, Vec<Region>);
type Placed = ((u32, u32), GridCell);

fn unreadable(path: &str, e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Syntax, format!("the workbook cannot be read: {e}"))
        .at(Location::file(path))
        .help("save it again from Excel or LibreOffice as .xlsx")
}

fn is_ods(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| {
        z.index_for_name("content.xml").is_some() && z.index_for_name("xl/workbook.xml").is_none()
    })
}

/// The sheet asked for, or the first.
fn choose_sheet(path: &str, names: &[String], sheet: Option<&str>) -> Result<String, Error> {
    match sheet {
        Some(s) if names.iter().any(|n| n == s) => Ok(s.to_string()),
        Some(s) => Err(Error::new(ErrorKind::Reference, format!("the workbook has no sheet `{s}`"))
            .at(Location::file(path))
            .help(format!("use one of: {}", names.join(", ")))),
        None => names.first().cloned().ok_or_else(|| {
            Error::new(ErrorKind::Value, "the workbook has no sheet").at(Location::file(path))
        }),
    }
}

/// An `.xlsx` sheet streamed cell by cell: only filled cells are kept, and the sheet is
/// refused when they are spread too far (calamine's `worksheet_range` would build the grid
/// spanning them whatever its size).
fn read_xlsx(path: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, Error> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(path, e))?;
    let name = choose_sheet(path, &book.sheet_names(), sheet)?;
    let unreadable_sheet = |e: calamine::XlsxError| {
        Error::new(ErrorKind::Syntax, format!("the sheet `{name}` cannot be read: {e}"))
            .at(Location::file(path))
            .help("save it again from Excel or LibreOffice as .xlsx")
    };
    let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable_sheet)?;
    let (mut shape, mut cells, mut text) = (Shape::default(), Vec::new(), 0u64);
    while let Some(c) = reader.next_cell().map_err(unreadable_sheet)? {
        let (row, column) = c.get_position();
        let placed = cell_ref(c.get_value(), row as usize + 1, column as usize + 1);
        if placed.text.is_empty() {
            continue;
        }
        text = text.saturating_add(placed.text.len() as u64);
        if text > MAX_TEXT {
            return Err(too_much_text(path, &name));
        }
        shape.add((row, column), (row, column));
        // past the cap the sheet is refused whatever its span: stop collecting now
        if shape.filled > MAX_AREA {
            check_sheet(path, &name, &shape, Reading::OneSheet)?;
        }
        cells.push(((row, column), placed));
    }
    drop(reader);
    check_sheet(path, &name, &shape, Reading::OneSheet)?;
    let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    Ok((name, cells, merged.into_iter().map(|d| (d.start, d.end)).collect()))
}

fn too_much_text(path: &str, name: &str) -> Error {
    Error::new(ErrorKind::Value, format!("the sheet `{name}` holds more than {MAX_TEXT} bytes of text"))
        .at(Location::file(path))
        .help("keep only the indicator's table in the workbook: unit names, years and figures")
}

/// An `.xls` or `.ods` workbook whose cells, all sheets together, copy too much text.
fn book_too_much_text(path: &str) -> Error {
    Error::new(ErrorKind::Value, format!("the cells of the workbook hold more than {MAX_TEXT} bytes of text"))
        .at(Location::file(path))
        .help("keep only the indicator's table in the workbook: unit names, years and figures")
}

/// An `.xls` workbook, measured by its records before calamine reads every sheet of it.
fn read_xls(path: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, Error> {
    let scan = scan_xls(bytes).map_err(|e| unreadable(path, e))?;
    check_book(path, &scan.sheets)?;
    if scan.shared_text > MAX_TEXT {
        return Err(book_too_much_text(path));
    }
    let mut book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(|e| unreadable(path, e))?;
    let name = choose_sheet(path, &book.sheet_names(), sheet)?;
    let range = book.worksheet_range(&name).map_err(|e| unreadable(path, e))?;
    let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    Ok((name, placed(&range), merged.into_iter().map(|d| (d.start, d.end)).collect()))
}

/// An `.ods` workbook, measured by a first pass over its XML before calamine reads every
/// sheet of it, repeated rows and cells written out.
fn read_ods(path: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, Error> {
    let (shapes, text) = scan_ods(bytes).map_err(|e| unreadable(path, e))?;
    check_book(path, &shapes)?;
    if text > MAX_TEXT {
        return Err(book_too_much_text(path));
    }
    let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(path, e))?;
    let name = choose_sheet(path, &book.sheet_names(), sheet)?;
    let range = book.worksheet_range(&name).map_err(|e| unreadable(path, e))?;
    Ok((name, placed(&range), Vec::new()))
}

/// The filled cells of a range built by calamine.
fn placed(range: &Range<Data>) -> Vec<Placed> {
    let (top, left) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .map(|(r, c, data)| {
            let (row, column) = (top + r as u32, left + c as u32);
            ((row, column), cell(data, row as usize + 1, column as usize + 1))
        })
        .filter(|(_, c)| !c.text.is_empty())
        .collect()
}

/// A merged region: ((first row, first column), (last row, last column)), 0-based.
type Region = ((u32, u32), (u32, u32));

/// The rows holding filled cells, each as wide as the filled cells span, with merged cells
/// given the value of their first cell.
fn grid_rows(cells: Vec<Placed>, merged: &[Region]) -> Vec<Vec<GridCell>> {
    let Some(left) = cells.iter().map(|((_, c), _)| *c).min() else { return Vec::new() };
    let right = cells.iter().map(|((_, c), _)| *c).max().unwrap_or(left);
    let width = (right - left + 1) as usize;
    let blank = |r: u32, c: u32| GridCell {
        text: String::new(),
        number: None,
        pos: Pos::Cell(r as usize + 1, c as usize + 1),
    };
    // cells come in row order from every reader; sorting is then one pass
    let mut cells = cells;
    cells.sort_by_key(|(at, _)| *at);
    let mut rows: Vec<(u32, Vec<GridCell>)> = Vec::new();
    for ((r, c), cell) in cells {
        if rows.last().is_none_or(|(last, _)| *last != r) {
            rows.push((r, (left..=right).map(|c| blank(r, c)).collect()));
        }
        if let Some((_, row)) = rows.last_mut() {
            row[(c - left) as usize] = cell;
        }
    }
    // regions are clamped to the rows read, and all of them together visit at most as many
    // rows and fill at most as many cells as those rows have: a workbook declaring huge,
    // reversed or countless regions stays linear
    let mut budget = rows.len() * (width + 1);
    for &((r0, c0), (r1, c1)) in merged {
        let Some(fc) = c0.checked_sub(left).map(|c| c as usize) else { continue };
        let Ok(at) = rows.binary_search_by_key(&r0, |(r, _)| *r) else { continue };
        let Some(first) = rows[at].1.get(fc).cloned() else { continue };
        let last_column = (c1.saturating_sub(left) as usize).min(width - 1);
        for (_, row) in rows[at..].iter_mut().take_while(|(r, _)| *r <= r1.max(r0)) {
            // a row visited costs a step even when the region fills none of it
            if budget == 0 {
                return finish(rows);
            }
            budget -= 1;
            for target in row.iter_mut().take(last_column + 1).skip(fc) {
                if budget == 0 {
                    return finish(rows);
                }
                budget -= 1;
                target.text.clone_from(&first.text);
                target.number = first.number;
            }
        }
    }
    finish(rows)
}

/// The rows that hold something.
fn finish(rows: Vec<(u32, Vec<GridCell>)>) -> Vec<Vec<GridCell>> {
    rows.into_iter().map(|(_, row)| row).filter(|row| row.iter().any(|c| !c.text.is_empty())).collect()
}

/// A cell streamed from an `.xlsx` sheet, its text copied once.
fn cell_ref(data: &DataRef<'_>, row: usize, column: usize) -> GridCell {
    match data {
        DataRef::SharedString(s) => {
            GridCell { text: s.trim().to_string(), number: None, pos: Pos::Cell(row, column) }
        }
        DataRef::String(s) => {
            GridCell { text: s.trim().to_string(), number: None, pos: Pos::Cell(row, column) }
        }
        other => cell(&Data::from(other.clone()), row, column),
    }
}

fn cell(data: &Data, row: usize, column: usize) -> GridCell {
    let (text, number) = match data {
        Data::Int(n) => (n.to_string(), Some(*n as f64)),
        Data::Float(f) => {
            let n = as_shown(*f);
            (format!("{n}"), Some(n))
        }
        Data::String(s) => (s.trim().to_string(), None),
        Data::Bool(b) => (if *b { "1" } else { "0" }.to_string(), Some(f64::from(u8::from(*b)))),
        Data::Empty => (String::new(), None),
        // dates, durations and errors (#N/A, #DIV/0!) are not figures: kept as text, refused
        // by the figure rules with the cell named
        other => (other.to_string(), None),
    };
    GridCell { text, number, pos: Pos::Cell(row, column) }
}

/// A number as the workbook shows it: Excel keeps 15 significant digits, and a figure
/// computed in a cell (`=A1*100`) may be stored as 11.239999999999998 for 11.24.
pub fn as_shown(f: f64) -> f64 {
    if !f.is_finite() || f == 0.0 {
        return f;
    }
    format!("{f:.14e}").parse().unwrap_or(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_taken_as_the_workbook_shows_them_issue_14() {
        assert_eq!(as_shown(11.239999999999998), 11.24);
        assert_eq!(as_shown(0.1 + 0.2), 0.3);
        assert_eq!(as_shown(181603.0), 181603.0);
        assert_eq!(as_shown(-2.5e-7), -2.5e-7);
        assert_eq!(format!("{}", as_shown(11.24)), "11.24");
    }

    #[test]
    fn merged_cells_are_filled_within_the_sheet_whatever_the_region_says_issue_14() {
        let at = |r: u32, c: u32, text: &str| {
            (
                (r, c),
                GridCell { text: text.into(), number: None, pos: Pos::Cell(r as usize + 1, c as usize + 1) },
            )
        };
        let cells = vec![at(0, 1, "Năm"), at(1, 0, "Xã A"), at(1, 1, "2023"), at(1, 2, "")];
        // a region reaching to the last row and column of Excel: only the sheet is filled
        let rows = grid_rows(cells, &[((0, 1), (0, 16_383)), ((1, 0), (1_048_575, 0))]);
        let texts: Vec<Vec<&str>> =
            rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(texts, vec![vec!["", "Năm", "Năm"], vec!["Xã A", "2023", ""]]);
        assert_eq!(rows[0][2].pos, Pos::Cell(1, 3));
    }

    #[test]
    fn merged_regions_whose_last_column_comes_first_cost_no_more_than_the_rows_issue_14() {
        // issue 14 review: a region from B1 back to A1048576 filled nothing but walked every
        // row below it, so n such regions over n rows cost n² steps
        let n = 30_000u32;
        let cell = |r: u32, c: u32| {
            (
                (r, c),
                GridCell { text: "1".into(), number: None, pos: Pos::Cell(r as usize + 1, c as usize + 1) },
            )
        };
        let cells: Vec<Placed> = (0..n).flat_map(|r| [cell(r, 0), cell(r, 1)]).collect();
        let merged: Vec<Region> = (0..n).map(|_| ((0, 1), (1_048_575, 0))).collect();
        let started = std::time::Instant::now();
        let rows = grid_rows(cells, &merged);
        assert!(started.elapsed() < std::time::Duration::from_millis(500), "took {:?}", started.elapsed());
        assert_eq!(rows.len(), n as usize);
    }

    #[test]
    fn a_reader_that_panics_gives_an_error_naming_the_file_issue_14() {
        // issue 14: a malformed record that makes calamine panic must not end the build
        let e = guarded::<()>("content/indicators/a.xls", || panic!("index out of bounds")).unwrap_err();
        assert_eq!(e.location.as_ref().map(|l| l.path.as_str()), Some("content/indicators/a.xls"));
        assert!(e.message.contains("cannot be read"), "{e}");
        assert!(e.help.as_deref().unwrap_or("").contains(".xlsx"));
    }

    #[test]
    fn only_workbook_names_are_workbooks_issue_14() {
        assert!(is_workbook("ho-ngheo.XLSX") && is_workbook("a.ods") && is_workbook("a.xls"));
        assert!(!is_workbook("a.csv"));
    }
}
