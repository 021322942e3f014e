//! A small CSV reader for indicator tables: comma-separated, optional double quotes, header
//! row; every cell keeps its line and column so errors point into the file.

/// One cell with its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, quotes removed.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
}

/// A syntax problem at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// What is wrong.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// Split `text` into rows of cells. Blank lines are skipped.
pub fn read_csv(text: &str) -> Result<Vec<Vec<Cell>>, CsvError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        rows.push(read_row(line, i + 1)?);
    }
    Ok(rows)
}

fn read_row(line: &str, number: usize) -> Result<Vec<Cell>, CsvError> {
    let mut cells = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    loop {
        let column = i + 1;
        let mut text = String::new();
        if chars.get(i) == Some(&'"') {
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err(CsvError {
                            message: "a quoted cell is not closed".into(),
                            line: number,
                            column,
                        });
                    }
                    Some('"') if chars.get(i + 1) == Some(&'"') => {
                        text.push('"');
                        i += 2;
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some(c) => {
                        text.push(*c);
                        i += 1;
                    }
                }
            }
            if !matches!(chars.get(i), None | Some(',')) {
                return Err(CsvError {
                    message: "text after a closing quote; put the whole cell in quotes".into(),
                    line: number,
                    column: i + 1,
                });
            }
        } else {
            while let Some(c) = chars.get(i).filter(|c| **c != ',') {
                text.push(*c);
                i += 1;
            }
        }
        cells.push(Cell { text: text.trim().to_string(), line: number, column });
        if chars.get(i) == Some(&',') {
            i += 1;
        } else {
            return Ok(cells);
        }
    }
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
    }

    #[test]
    fn reports_unclosed_quotes() {
        let err = read_csv("a,b\n\"x,1\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
    }
}
