//! An indicator's table as a grid of located cells, whatever file it came from (a CSV in
//! either convention, a workbook sheet), and its layout: long (geo, year, value per row) or
//! wide (units in rows, years in columns), turned into one record per figure (issue 14).

use super::csv::{Cell, Dialect};
use crate::error::{Error, ErrorKind, Location};
use crate::source::numbers::{Decimal, figure_text};

/// Where a cell is: a line and column of a CSV file, or a row and column of a sheet (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// Line and column (characters) of a text file.
    Line(usize, usize),
    /// Row and column of a sheet.
    Cell(usize, usize),
}

/// One cell: its text, and its number when the workbook typed it as a number.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    /// The text, trimmed (a number typed as a number is written here as read).
    pub text: String,
    /// The number, when the cell holds one typed as a number.
    pub number: Option<f64>,
    /// Where the cell is.
    pub pos: Pos,
}

impl GridCell {
    /// A cell of a CSV file.
    pub fn of_csv(cell: Cell) -> GridCell {
        GridCell { text: cell.text, number: None, pos: Pos::Line(cell.line, cell.column) }
    }

    fn row(&self) -> usize {
        match self.pos {
            Pos::Line(row, _) | Pos::Cell(row, _) => row,
        }
    }
}

/// A whole table: rows of cells (blank rows left out), where they came from, and how the
/// figures written as text are to be read.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The file, relative to the site root.
    pub path: String,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// How decimals are written in cells typed as text.
    pub decimal: Decimal,
    /// The rows, in order.
    pub rows: Vec<Vec<GridCell>>,
}

impl Grid {
    /// A CSV file's rows read in `dialect`.
    pub fn of_csv(path: &str, dialect: Dialect, rows: Vec<Vec<Cell>>) -> Grid {
        let rows = rows.into_iter().map(|r| r.into_iter().map(GridCell::of_csv).collect()).collect();
        Grid { path: path.to_string(), sheet: None, decimal: dialect.decimal, rows }
    }

    /// Where a cell is, as errors show it: `path:14:3` or `path: Sheet1!C14`.
    pub fn locate(&self, pos: Pos) -> Location {
        match pos {
            Pos::Line(line, column) => Location::at(&self.path, line, column),
            Pos::Cell(row, column) => {
                Location::cell(&self.path, self.sheet.as_deref().unwrap_or(""), row, column)
            }
        }
    }

    /// The number in a cell: taken as it is when typed as a number, read by the rules of YAML
    /// values when written as text.
    pub fn number(&self, cell: &GridCell) -> Result<f64, Error> {
        match cell.number {
            Some(n) => Ok(n),
            None => figure_text(&cell.text, self.decimal).map_err(|e| e.at(self.locate(cell.pos))),
        }
    }

    /// Drop the rows above the header row (1-based line or row number), titles for people.
    pub fn start_at(&mut self, header_row: usize) {
        self.rows.retain(|r| r.first().is_some_and(|c| c.row() >= header_row));
    }
}

/// One figure of a table: the cells naming its unit, year and value, and its breakdown.
#[derive(Debug, Clone)]
pub struct Record<'g> {
    /// The unit's id or name.
    pub geo: &'g GridCell,
    /// The year (a cell of the row, or the column's header).
    pub year: &'g GridCell,
    /// The value.
    pub value: &'g GridCell,
    /// (disaggregation id, value id), from the other named columns.
    pub pairs: Vec<(&'g str, &'g str)>,
}

/// The column headers that name each part, in English or Vietnamese, compared without
/// diacritics or case.
const GEO_NAMES: [&str; 6] = ["geo", "don vi", "dia ban", "don vi hanh chinh", "geocode", "ma don vi"];
const YEAR_NAMES: [&str; 2] = ["year", "nam"];
const VALUE_NAMES: [&str; 3] = ["value", "gia tri", "so lieu"];
/// Columns of notes and sources beside the figures, left aside (and said so by `check`).
pub const NOTE_NAMES: [&str; 8] =
    ["ghi chu", "chu thich", "nguon", "nguon so lieu", "note", "notes", "source", "sources"];

/// The note and source column names as shown in messages.
pub const NOTE_NAMES_SHOWN: &str = "Ghi chú, Chú thích, Nguồn, Nguồn số liệu, Note, Source";

/// What a table's layout gives: its records, and the header cells of the columns beside them.
#[derive(Debug, Clone, Default)]
pub struct Layout<'g> {
    /// One record per figure.
    pub records: Vec<Record<'g>>,
    /// Whether units are in rows and years in columns.
    pub wide: bool,
    /// The header cells of the note and source columns, left aside.
    pub ignored: Vec<&'g GridCell>,
    /// The header cells of the other columns, read as disaggregations.
    pub dims: Vec<&'g GridCell>,
}

fn folded(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_year(cell: &GridCell) -> bool {
    let n = cell.number.or_else(|| (cell.text.len() == 4).then(|| cell.text.parse::<f64>().ok()).flatten());
    n.is_some_and(|n| n.fract() == 0.0 && super::validate::YEARS.contains(&(n as i64)))
}

fn is_note(cell: &GridCell) -> bool {
    NOTE_NAMES.contains(&folded(&cell.text).as_str())
}

/// The records of a grid whose first row names the columns: long when it names geo, year and
/// value; wide when years head some columns (on the first row, or on the second under a
/// merged "Năm"). Note and source columns are left aside.
pub fn records(grid: &Grid) -> Result<Layout<'_>, Error> {
    let Some((header, body)) = grid.rows.split_first() else { return Ok(Layout::default()) };
    let names: Vec<String> = header.iter().map(|c| folded(&c.text)).collect();
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    if let (Some(g), Some(y), Some(v)) = (find(&GEO_NAMES), find(&YEAR_NAMES), find(&VALUE_NAMES)) {
        return Ok(long(header, body, [g, y, v]));
    }
    if header.iter().any(is_year) {
        return Ok(wide(header, header, body, find(&GEO_NAMES)));
    }
    match body.split_first() {
        Some((years, body)) if years.iter().any(is_year) => Ok(wide(header, years, body, find(&GEO_NAMES))),
        _ => Err(Error::new(ErrorKind::Schema, "the first row must name the columns geo, year and value, or hold years")
            .at(header.first().map_or_else(|| Location::file(&grid.path), |c| grid.locate(c.pos)))
            .help("write the header as: geo,year,value (then one column per disaggregation id), or put the units in rows and the years in columns: geo,2023,2024")),
    }
}

fn long<'g>(header: &'g [GridCell], body: &'g [Vec<GridCell>], [g, y, v]: [usize; 3]) -> Layout<'g> {
    let others = (0..header.len()).filter(|i| ![g, y, v].contains(i));
    let (ignored, dims): (Vec<usize>, Vec<usize>) = others.partition(|&i| is_note(&header[i]));
    let records = body
        .iter()
        .filter_map(|row| {
            let (geo, year, value) = (row.get(g)?, row.get(y)?, row.get(v)?);
            (!value.text.is_empty() && !geo.text.is_empty()).then(|| Record {
                geo,
                year,
                value,
                pairs: pairs(header, row, &dims),
            })
        })
        .collect();
    let cells = |columns: Vec<usize>| columns.into_iter().map(|i| &header[i]).collect();
    Layout { records, wide: false, ignored: cells(ignored), dims: cells(dims) }
}

/// `header` names the columns that are not years; `years` holds the years (the same row, or
/// the one under a merged "Năm").
fn wide<'g>(
    header: &'g [GridCell],
    years: &'g [GridCell],
    body: &'g [Vec<GridCell>],
    geo: Option<usize>,
) -> Layout<'g> {
    let year_columns: Vec<usize> = (0..years.len()).filter(|&i| is_year(&years[i])).collect();
    let geo = geo.unwrap_or_else(|| (0..header.len()).find(|i| !year_columns.contains(i)).unwrap_or(0));
    let others =
        (0..header.len()).filter(|i| *i != geo && !year_columns.contains(i) && !header[*i].text.is_empty());
    let (ignored, dims): (Vec<usize>, Vec<usize>) = others.partition(|&i| is_note(&header[i]));
    let mut out = Vec::new();
    for row in body {
        let Some(unit) = row.get(geo).filter(|c| !c.text.is_empty()) else { continue };
        for &c in &year_columns {
            if let Some(value) = row.get(c).filter(|v| !v.text.is_empty()) {
                out.push(Record { geo: unit, year: &years[c], value, pairs: pairs(header, row, &dims) });
            }
        }
    }
    let cells = |columns: Vec<usize>| columns.into_iter().map(|i| &header[i]).collect();
    Layout { records: out, wide: true, ignored: cells(ignored), dims: cells(dims) }
}

fn pairs<'g>(header: &'g [GridCell], row: &'g [GridCell], dims: &[usize]) -> Vec<(&'g str, &'g str)> {
    // only the columns this row has: a header of a million columns must not make every short
    // row cost a million steps (issue 8)
    dims.iter()
        .take_while(|&&i| i < row.len())
        .filter(|&&i| !row[i].text.is_empty())
        .map(|&i| (header[i].text.as_str(), row[i].text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, t)| GridCell {
                        text: t.to_string(),
                        number: None,
                        pos: Pos::Cell(r + 1, c + 1),
                    })
                    .collect()
            })
            .collect();
        Grid { path: "t.xlsx".into(), sheet: Some("Sheet1".into()), decimal: Decimal::Dot, rows }
    }

    #[test]
    fn reads_the_long_layout_with_vietnamese_headers_issue_14() {
        let g = grid(&[&["Đơn vị", "Năm", "Giá trị", "sex"], &["xa-a", "2024", "12.5", "f"]]);
        let r = records(&g).unwrap().records;
        assert_eq!(
            (r[0].geo.text.as_str(), r[0].year.text.as_str(), r[0].value.text.as_str()),
            ("xa-a", "2024", "12.5")
        );
        assert_eq!(r[0].pairs, vec![("sex", "f")]);
    }

    #[test]
    fn reads_the_wide_layout_under_a_merged_year_header_issue_14() {
        let g = grid(&[
            &["Đơn vị", "Năm", "Năm"],
            &["", "2023", "2024"],
            &["Xã A", "1", ""],
            &["Xã B", "2", "3"],
        ]);
        let r = records(&g).unwrap().records;
        let got: Vec<(&str, &str, &str)> =
            r.iter().map(|r| (r.geo.text.as_str(), r.year.text.as_str(), r.value.text.as_str())).collect();
        assert_eq!(got, vec![("Xã A", "2023", "1"), ("Xã B", "2023", "2"), ("Xã B", "2024", "3")]);
        assert_eq!(g.locate(r[2].value.pos).to_string(), "t.xlsx: Sheet1!C4");
    }

    #[test]
    fn note_and_source_columns_are_left_aside_in_both_layouts_issue_14() {
        let wide = grid(&[&["Đơn vị", "2023", "Ghi chú", "Giới tính"], &["Xã A", "1", "sơ bộ", "nu"]]);
        let layout = records(&wide).unwrap();
        assert!(layout.wide);
        assert_eq!(layout.ignored.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Ghi chú"]);
        assert_eq!(layout.dims.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Giới tính"]);
        assert_eq!(layout.records[0].pairs, vec![("Giới tính", "nu")]);
        let long = grid(&[&["geo", "year", "value", "NGUỒN"], &["xa-a", "2024", "1", "Cục Thống kê"]]);
        let layout = records(&long).unwrap();
        assert_eq!(layout.ignored.len(), 1);
        assert!(layout.records[0].pairs.is_empty());
    }

    #[test]
    fn a_header_without_geo_year_and_value_nor_years_is_refused_issue_14() {
        let e = records(&grid(&[&["a", "b"], &["x", "y"]])).unwrap_err();
        assert!(e.message.starts_with("the first row must name"), "{}", e.message);
    }
}
