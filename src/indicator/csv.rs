//! Indicator tables: comma-separated text read with the `csv` crate (quoted cells, quotes
//! doubled inside them, cells across lines), header row first; every cell keeps its line and
//! column so errors point into the file.
//!
//! An Excel export with Vietnamese settings separates cells with `;` and writes decimal commas;
//! it is refused with a message naming the separator rather than read cell by cell into a
//! screenful of "not a number" errors (issue 9).

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

/// Split `text` into rows of cells. Blank lines are skipped.
pub fn read_csv(text: &str) -> Result<Vec<Vec<Cell>>, CsvError> {
    if let Some(error) = semicolon_export(text).or_else(|| unclosed_quote(text)) {
        return Err(error);
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
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
        let starts = field_starts(&text[position.byte() as usize..], position.line() as usize);
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
fn field_starts(text: &str, first_line: usize) -> Vec<(usize, usize)> {
    // the reader's position is where it began to read, before the empty lines it skipped
    let body = text.trim_start_matches('\n');
    let (mut line, mut column) = (first_line + text.len() - body.len(), 1);
    let text = body;
    let mut starts = vec![(line, column)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push((line, column + 1)),
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
fn unclosed_quote(text: &str) -> Option<CsvError> {
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
        cell_start = open.is_none() && matches!(c, ',' | '\n');
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

/// The error for a header separated by `;` instead of `,`.
fn semicolon_export(text: &str) -> Option<CsvError> {
    let (n, header) = text.lines().enumerate().find(|(_, l)| !l.trim().is_empty())?;
    let column = header.find(';')?;
    if header.contains(',') {
        return None;
    }
    Some(CsvError {
        message: "the cells are separated by `;` (an Excel export with Vietnamese settings), not by `,`".into(),
        help: "save the sheet as “CSV UTF-8 (Comma delimited)” with a dot as the decimal symbol, or replace each `;` with `,` and each decimal comma with a dot, e.g. xa-a,2024,12.5".into(),
        line: n + 1,
        column: header[..column].chars().count() + 1,
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
    fn names_the_semicolon_of_an_excel_export_issue_9() {
        let err = read_csv("geo;year;value\nxa-a;2024;12,5\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 4));
        assert!(err.message.contains("separated by `;`"), "{}", err.message);
        assert!(read_csv("geo,note\nxa-a,\"a; b\"\n").is_ok());
        assert!(read_csv("a,b\n\"x\"\",\",1\n").is_ok());
    }
}
