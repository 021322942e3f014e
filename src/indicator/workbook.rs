//! Workbooks (`.xlsx`, `.xls`, `.ods`) read with `calamine` into a [`Grid`]: one sheet (the
//! first, or the one named), merged cells filled with their value, numbers typed as numbers
//! taken as the workbook shows them (issue 14).

use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto_from_rs};

use super::table::{Grid, GridCell, Pos};
use crate::error::{Error, ErrorKind, Location};
use crate::source::numbers::Decimal;

/// Whether a table name is a workbook's.
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"].iter().any(|ext| lower.ends_with(ext))
}

/// Read `sheet` (or the first sheet) of the workbook `bytes` found at `path`.
pub fn read_workbook(path: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Grid, Error> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::new(ErrorKind::Syntax, format!("the workbook cannot be read: {e}"))
            .at(Location::file(path))
            .help("save it again from Excel or LibreOffice as .xlsx")
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(Error::new(ErrorKind::Reference, format!("the workbook has no sheet `{s}`"))
                .at(Location::file(path))
                .help(format!("use one of: {}", names.join(", "))));
        }
        None => names.first().cloned().ok_or_else(|| {
            Error::new(ErrorKind::Value, "the workbook has no sheet").at(Location::file(path))
        })?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        Error::new(ErrorKind::Syntax, format!("the sheet `{name}` cannot be read: {e}"))
            .at(Location::file(path))
            .help("save it again from Excel or LibreOffice as .xlsx")
    })?;
    let merged = merged_regions(&mut book, &name);
    let rows = grid_rows(&range, &merged);
    Ok(Grid { path: path.to_string(), sheet: Some(name), decimal: Decimal::Dot, rows })
}

/// A merged region: ((first row, first column), (last row, last column)), 0-based.
type Region = ((u32, u32), (u32, u32));

/// The merged regions of a sheet; none for formats calamine does not report them for.
fn merged_regions(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Region> {
    let regions = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    regions.into_iter().map(|d| (d.start, d.end)).collect()
}

/// The non-blank rows of a sheet, with merged cells given the value of their first cell.
fn grid_rows(range: &Range<Data>, merged: &[Region]) -> Vec<Vec<GridCell>> {
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<GridCell>> = range
        .rows()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, data)| cell(data, top as usize + r + 1, left as usize + c + 1))
                .collect()
        })
        .collect();
    // regions are clamped to the sheet, and all of them together fill at most as many cells
    // as the sheet has: a workbook declaring huge or countless regions stays linear
    let mut budget: usize = rows.iter().map(Vec::len).sum();
    for &((r0, c0), (r1, c1)) in merged {
        let at = |r: u32, c: u32| Some(((r.checked_sub(top)?) as usize, (c.checked_sub(left)?) as usize));
        let Some((fr, fc)) = at(r0, c0) else { continue };
        let Some(first) = rows.get(fr).and_then(|row| row.get(fc)).cloned() else { continue };
        let last_row = (r1.saturating_sub(top) as usize).min(rows.len().saturating_sub(1));
        for row in rows.iter_mut().take(last_row + 1).skip(fr) {
            let last_column = (c1.saturating_sub(left) as usize).min(row.len().saturating_sub(1));
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
fn finish(mut rows: Vec<Vec<GridCell>>) -> Vec<Vec<GridCell>> {
    rows.retain(|row| row.iter().any(|c| !c.text.is_empty()));
    rows
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
        let mut range = Range::new((0, 0), (1, 2));
        range.set_value((0, 1), Data::String("Năm".into()));
        range.set_value((1, 1), Data::Float(2023.0));
        // a region reaching to the last row and column of Excel: only the sheet is filled
        let rows = grid_rows(&range, &[((0, 1), (0, 16_383)), ((0, 0), (1_048_575, 0))]);
        let texts: Vec<Vec<&str>> =
            rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(texts, vec![vec!["", "Năm", "Năm"], vec!["", "2023", ""]]);
        assert_eq!(rows[0][2].pos, Pos::Cell(1, 3));
    }

    #[test]
    fn only_workbook_names_are_workbooks_issue_14() {
        assert!(is_workbook("ho-ngheo.XLSX") && is_workbook("a.ods") && is_workbook("a.xls"));
        assert!(!is_workbook("a.csv"));
    }
}
