//! Bounds on what a workbook may make gazette allocate (issue 14). Its content is untrusted:
//! a 6 kB `.xlsx` naming only A1 and XFD1048576 spans 17 billion cells, and a grid of that
//! size must be refused with a message, never built. Two rules: a sheet's cells lie close
//! together, and a zipped workbook unpacks to at most a bounded multiple of its size.

use std::io::Cursor;

use crate::error::{Error, ErrorKind, Location, cell_name};

/// The most cells a sheet may span (or all the sheets of an `.xls` or `.ods` file together,
/// which calamine reads whole), however full it is.
pub const MAX_AREA: u64 = 10_000_000;
/// A sheet spanning up to this many cells is read however few of them are filled: a title
/// or a note far from a small table is normal.
pub const FREE_AREA: u64 = 250_000;
/// Beyond `FREE_AREA`, a sheet may span at most this many cells per filled cell.
pub const MAX_SPREAD: u64 = 20;
/// A zipped workbook (`.xlsx`, `.ods`) may unpack to at most this many times its size…
pub const MAX_UNZIP_RATIO: u64 = 100;
/// … and to no more than this many bytes, whatever its size.
pub const MAX_UNZIPPED: u64 = 512 << 20;
/// A small zipped workbook may unpack to this many bytes whatever its ratio.
const FREE_UNZIPPED: u64 = 16 << 20;

/// The first and last (row, column) of a block of cells, 0-based.
pub type Span = ((u32, u32), (u32, u32));

/// Where a sheet's filled cells lie (0-based rows and columns), how many there are, and
/// what reading them costs when that is more than the area they span.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// The first and last (row, column) of the filled cells, when there are any.
    pub span: Option<Span>,
    /// Filled cells as written in the file (a cell repeated by an `.ods` attribute counts once).
    pub filled: u64,
    /// Cells the reader builds besides the span (an `.ods` row is built from column A).
    pub cost: u64,
}

impl Shape {
    /// Count one filled cell written in the file, covering `first` to `last` (a repeated
    /// `.ods` cell covers several).
    pub fn add(&mut self, first: (u32, u32), last: (u32, u32)) {
        self.filled += 1;
        self.cover(first, last);
    }

    /// Widen the span to `first`..`last` without filling a cell (an `.xls` sheet's declared
    /// dimensions, for which calamine reserves room).
    pub fn cover(&mut self, first: (u32, u32), last: (u32, u32)) {
        self.span = Some(match self.span {
            None => (first, last),
            Some((a, b)) => ((a.0.min(first.0), a.1.min(first.1)), (b.0.max(last.0), b.1.max(last.1))),
        });
    }

    /// The cells the sheet spans, or what reading it costs if more.
    pub fn area(&self) -> u64 {
        let span = self.span.map_or(0, |((r0, c0), (r1, c1))| {
            (u64::from(r1) - u64::from(r0) + 1) * (u64::from(c1) - u64::from(c0) + 1)
        });
        span.max(self.cost)
    }
}

/// How a workbook is read: one sheet streamed (`.xlsx`), or every sheet at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Only the sheet asked for is read.
    OneSheet,
    /// Every sheet is read when the file is opened (`.xls`, `.ods`).
    Whole,
}

/// Refuse a sheet whose cells are spread far wider than they are filled, naming its far
/// corners; a sheet within bounds passes.
pub fn check_sheet(path: &str, sheet: &str, shape: &Shape, reading: Reading) -> Result<(), Error> {
    let (area, filled) = (shape.area(), shape.filled);
    if area <= FREE_AREA || (area <= MAX_AREA && area <= MAX_SPREAD.saturating_mul(filled)) {
        return Ok(());
    }
    let ((r0, c0), (r1, c1)) = shape.span.unwrap_or(((0, 0), (0, 0)));
    let first = cell_name(r0 as usize + 1, c0 as usize + 1);
    let last = cell_name(r1 as usize + 1, c1 as usize + 1);
    let expected = format!(
        "a table's cells are expected to lie together: at most {MAX_SPREAD} cells spanned per filled cell, and never more than {MAX_AREA} cells"
    );
    let help = match reading {
        Reading::OneSheet => format!(
            "delete the stray cell at {last} (clear its contents and formatting), or move the table to a sheet of its own and give `sheet:`"
        ),
        Reading::Whole => format!(
            "delete the stray cell at {last} (clear its contents and formatting): every sheet of an .xls or .ods file is read, so each must be tidy; or save the workbook as .xlsx and give `sheet:`"
        ),
    };
    Err(Error::new(
        ErrorKind::Value,
        format!("the sheet `{sheet}` spans {first} to {last}, {area} cells, but only {filled} are filled; {expected}"),
    )
    .at(Location::cell(path, sheet, r1 as usize + 1, c1 as usize + 1))
    .help(help))
}

/// Check every sheet of a workbook read whole, and their total.
pub fn check_book(path: &str, sheets: &[(String, Shape)]) -> Result<(), Error> {
    for (name, shape) in sheets {
        check_sheet(path, name, shape, Reading::Whole)?;
    }
    let total = sheets.iter().fold(0u64, |sum, (_, s)| sum.saturating_add(s.area()));
    if total > MAX_AREA {
        let n = sheets.len();
        return Err(Error::new(
            ErrorKind::Value,
            format!("the {n} sheets of the workbook span {total} cells together, more than the {MAX_AREA} gazette reads"),
        )
        .at(Location::file(path))
        .help("keep the table in a workbook of its own, or save it as .xlsx (whose sheets are read one at a time)"));
    }
    Ok(())
}

/// Refuse a zipped workbook whose members unpack to far more than its size (a zip bomb).
/// The `zip` crate stops reading a member at its declared size, so the declared sizes bound
/// what calamine can unpack.
pub fn check_unzipped(path: &str, bytes: &[u8]) -> Result<(), Error> {
    // not a zip archive: calamine says so when it opens the file
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let declared = (0..archive.len())
        .filter_map(|i| archive.by_index_data(i).ok().map(|e| e.size()))
        .fold(0u64, u64::saturating_add);
    let allowed = (bytes.len() as u64).saturating_mul(MAX_UNZIP_RATIO).clamp(FREE_UNZIPPED, MAX_UNZIPPED);
    if declared <= allowed {
        return Ok(());
    }
    let size = bytes.len();
    Err(Error::new(
        ErrorKind::Value,
        format!("the workbook's {size} bytes unpack to {declared} bytes, more than the {allowed} gazette reads"),
    )
    .at(Location::file(path))
    .help("save the workbook again from Excel or LibreOffice; if it is that large, keep only the indicator's table in it"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(cells: &[(u32, u32)]) -> Shape {
        let mut s = Shape::default();
        cells.iter().for_each(|&c| s.add(c, c));
        s
    }

    #[test]
    fn a_small_sheet_passes_however_empty_issue_14() {
        assert!(check_sheet("a.xlsx", "S", &shape(&[(0, 0), (999, 99)]), Reading::OneSheet).is_ok());
    }

    #[test]
    fn a_stray_far_cell_is_refused_with_both_corners_issue_14() {
        let e = check_sheet("a.xlsx", "Sheet1", &shape(&[(0, 0), (1_048_575, 16_383)]), Reading::OneSheet)
            .unwrap_err();
        assert!(
            e.message.starts_with(
                "the sheet `Sheet1` spans A1 to XFD1048576, 17179869184 cells, but only 2 are filled"
            ),
            "{}",
            e.message
        );
        assert_eq!(e.location.unwrap().to_string(), "a.xlsx: Sheet1!XFD1048576");
        assert!(e.help.unwrap().starts_with("delete the stray cell at XFD1048576"));
    }

    #[test]
    fn a_full_sheet_over_the_cap_is_refused_and_the_books_total_is_bounded_issue_14() {
        let mut full = shape(&[(0, 0), (3_999, 2_999)]);
        full.filled = 12_000_000;
        assert!(check_sheet("a.ods", "S", &full, Reading::Whole).is_err());
        let mut half = shape(&[(0, 0), (2_999, 1_999)]);
        half.filled = 6_000_000;
        assert!(check_book("a.ods", &[("A".into(), half)]).is_ok());
        let e = check_book("a.ods", &[("A".into(), half), ("B".into(), half)]).unwrap_err();
        assert!(e.message.starts_with("the 2 sheets of the workbook span 12000000 cells"), "{}", e.message);
    }
}
