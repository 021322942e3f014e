//! Indicator tables: comma-separated text read with the `csv` crate (quoted cells, quotes
//! doubled inside them, cells across lines), header row first; every cell keeps its line and
//! column so errors point into the file.
//!
//! An Excel export with Vietnamese settings separates cells with `;` and writes decimal commas:
//! the header line tells which convention a file follows, and its figures are read by that
//! convention (issue 14; issue 9 refused such files).

use crate::source::numbers::Decimal;

/// How a CSV file separates cells and writes decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// `,` or `;`.
    pub separator: u8,
    /// `.` with `,` between cells, `,` with `;`.
    pub decimal: Decimal,
}

impl Dialect {
    /// The convention in words, for `gazette check`.
    pub fn describe(self) -> &'static str {
        match self.decimal {
            Decimal::Dot => "cells separated by `,`, decimals with a dot",
            Decimal::Comma => "cells separated by `;`, decimals with a comma (Excel, Vietnamese settings)",
        }
    }
}

/// The convention of a file: `;` between cells when its first line has more `;` than `,`
/// outside quotes.
pub fn dialect(text: &str) -> Dialect {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (mut quoted, mut commas, mut semicolons) = (false, 0, 0);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        Dialect { separator: b';', decimal: Decimal::Comma }
    } else {
        Dialect { separator: b',', decimal: Decimal::Dot }
    }
}

/// One cell with its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, quotes removed, spaces around it trimmed.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
}

/// A problem with the file as a whole, at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub help: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// Split `text` into rows of cells, in the convention its first line shows. Blank lines are
/// skipped.
pub fn read_csv(text: &str) -> Result<Vec<Vec<Cell>>, CsvError> {
    read_csv_as(text, dialect(text))
}

/// Split `text` into rows of cells separated as `dialect` says. Blank lines are skipped.
pub fn read_csv_as(text: &str, dialect: Dialect) -> Result<Vec<Vec<Cell>>, CsvError> {
    let separator = dialect.separator;
    if let Some(error) = unclosed_quote(text, separator) {
        return Err(error);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // with flexible rows and UTF-8 text this is not expected; say where it stopped
                return Err(CsvError {
                    message: format!("the table cannot be read: {e}"),
                    help: "save it again as “CSV UTF-8 (Comma delimited)”".into(),
                    line: e.position().map_or(1, |p| p.line() as usize),
                    column: 1,
                });
            }
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(position) = record.position() else { continue };
        let starts = field_starts(&text[position.byte() as usize..], position.line() as usize, separator);
        let row = record
            .iter()
            .zip(starts)
            .map(|(cell, (line, column))| Cell { text: cell.trim().to_string(), line, column })
            .collect();
        rows.push(row);
    }
    Ok(rows)
}

/// (line, column) where each cell of the record starting at `text` begins.
fn field_starts(text: &str, first_line: usize, separator: u8) -> Vec<(usize, usize)> {
    let separator = char::from(separator);
    // the reader's position is where it began to read, before the empty lines it skipped
    let body = text.trim_start_matches('\n');
    let (mut line, mut column) = (first_line + text.len() - body.len(), 1);
    let text = body;
    let mut starts = vec![(line, column)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == separator && !quoted => starts.push((line, column + 1)),
            '\n' if !quoted => break,
            '\n' => {
                line += 1;
                column = 0;
            }
            _ => {}
        }
        column += 1;
    }
    starts
}

/// The first quote that opens a cell and is never closed (the csv crate would read the rest
/// of the file into that cell).
fn unclosed_quote(text: &str, separator: u8) -> Option<CsvError> {
    let separator = char::from(separator);
    let (mut line, mut column) = (1, 1);
    let mut open: Option<(usize, usize)> = None;
    let mut cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // a doubled quote inside a quoted cell is a quote character
            '"' if open.is_some() && chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
            }
            '"' if open.is_some() => open = None,
            '"' if cell_start => open = Some((line, column)),
            _ => {}
        }
        cell_start = open.is_none() && (c == separator || c == '\n');
        if c == '\n' {
            line += 1;
            column = 0;
        }
        column += 1;
    }
    open.map(|(line, column)| CsvError {
        message: "a quoted cell is not closed".into(),
        help: "add the closing quote at the end of the cell, e.g. \"Pa Cheo, Bát Xát\"".into(),
        line,
        column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_and_quoted_cells_with_positions() {
        let rows = read_csv("geo,year,value\nta-lung,2019,61.2\n\n\"pa, cheo\",2020,\"5\"\"\"\n").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][2], Cell { text: "61.2".into(), line: 2, column: 14 });
        assert_eq!(rows[2][0].text, "pa, cheo");
        assert_eq!(rows[2][2].text, "5\"");
        assert_eq!(rows[2][1].line, 4);
        assert_eq!(rows[2][1].column, 12);
    }

    #[test]
    fn reads_a_quoted_cell_across_lines_issue_9() {
        let rows = read_csv("geo,note,value\nxa-a,\"dòng một\ndòng hai\",12.5\nxa-b,,3\n").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][1].text, "dòng một\ndòng hai");
        assert_eq!(rows[1][2], Cell { text: "12.5".into(), line: 3, column: 11 });
        assert_eq!((rows[2][0].line, rows[2][2].text.as_str()), (4, "3"));
    }

    #[test]
    fn reports_unclosed_quotes() {
        let err = read_csv("a,b\n\"x,1\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
    }

    #[test]
    fn reads_the_semicolons_of_an_excel_export_with_vietnamese_settings_issue_14() {
        let text = "geo;year;value\nxa-a;2024;\"12,5\"\nxa-b;2024;3,25\n";
        assert_eq!(dialect(text), Dialect { separator: b';', decimal: Decimal::Comma });
        let rows = read_csv(text).unwrap();
        assert_eq!(rows[1][2], Cell { text: "12,5".into(), line: 2, column: 11 });
        assert_eq!(rows[2][2], Cell { text: "3,25".into(), line: 3, column: 11 });
        assert_eq!(dialect("geo,note\nxa-a,\"a; b\"\n").separator, b',');
        assert_eq!(dialect("geo,\"a;b;c\"\n").separator, b',');
        assert!(read_csv("a,b\n\"x\"\",\",1\n").is_ok());
    }
}
