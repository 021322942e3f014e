//! An indicator's table (`table:` or `csv:`, with `sheet:` and `header_row:`) read into its
//! observations: the file found, read into a grid, its layout turned into records, and each
//! record checked like any observation, with errors pointing at the cell (issue 14).

use std::collections::BTreeMap;

use super::Dim;
use super::csv::{dialect, read_csv_as};
use super::observations::{Ctx, Place};
use super::schema::RawIndicator;
use super::table::{Grid, GridCell, Layout, NOTE_NAMES_SHOWN, Record, records};
use super::validate::Tables;
use super::workbook::{is_workbook, read_workbook};
use crate::error::{Error, ErrorKind};
use crate::geo::names::NameIndex;
use crate::source::SourceFile;

/// Read the table an indicator names, if it names one, into `ctx`.
pub(super) fn read_table(file: &SourceFile, raw: &RawIndicator, tables: Tables<'_>, ctx: &mut Ctx<'_>) {
    let (field, name) = match (&raw.table, &raw.csv) {
        (Some(name), _) => ("table", name),
        (None, Some(name)) => ("csv", name),
        (None, None) => return,
    };
    let grid = match load_grid(file, name, raw.sheet.as_deref(), tables) {
        Ok(grid) => grid,
        Err(e) => {
            let e = if e.location.is_none() { e.at(ctx.yaml.locate(&[field])) } else { e };
            ctx.errors.push(e);
            return;
        }
    };
    let mut grid = grid;
    if let Some(row) = raw.header_row {
        grid.start_at(row);
    }
    let layout = match records(&grid) {
        Ok(layout) => layout,
        Err(e) => return ctx.errors.push(e),
    };
    if layout.wide
        && let Some(e) = unknown_column(&grid, &layout, ctx.dims)
    {
        return ctx.errors.push(e);
    }
    for cell in &layout.ignored {
        let (at, name) = (grid.locate(cell.pos), &cell.text);
        ctx.notes.push(format!("{at}: the column “{name}” holds notes or sources and was left aside"));
    }
    layout.records.iter().for_each(|r| add_record(&grid, r, ctx));
}

/// In the wide layout, the first column beside the years that is neither the unit, a note
/// nor one of the indicator's disaggregations, named at its header cell.
fn unknown_column(grid: &Grid, layout: &Layout<'_>, dims: &[Dim]) -> Option<Error> {
    let cell = layout.dims.iter().find(|c| !dims.iter().any(|d| d.id == c.text))?;
    let name = &cell.text;
    let ids = if dims.is_empty() {
        "none: this indicator has no disaggregations".to_string()
    } else {
        dims.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ")
    };
    let notes = NOTE_NAMES_SHOWN;
    Some(
        Error::new(ErrorKind::Schema, format!("the column “{name}” is not a year, the unit column, a note column or a disaggregation"))
            .at(grid.locate(cell.pos))
            .help(format!("beside the years a table may have the unit column (geo, Đơn vị, Địa bàn), note and source columns, left aside ({notes}), and columns named after a disaggregation id ({ids}); rename or delete this column")),
    )
}

/// The named file as a grid: a workbook's sheet, or a CSV in the convention its header shows.
fn load_grid(file: &SourceFile, name: &str, sheet: Option<&str>, tables: Tables<'_>) -> Result<Grid, Error> {
    let dir = file.path.rsplit_once('/').map_or("", |(d, _)| d);
    let wanted = format!("{dir}/{name}");
    let missing = || {
        Error::new(ErrorKind::Io, format!("the table `{wanted}` does not exist"))
            .help("put the file next to this indicator file, or correct the name after `table:` (or `csv:`)")
    };
    if is_workbook(name) {
        let book = tables.workbooks.iter().find(|t| t.path == wanted).ok_or_else(missing)?;
        return read_workbook(&book.path, &book.bytes, sheet);
    }
    let table = tables.csv.iter().find(|t| t.path == wanted).ok_or_else(missing)?;
    let dialect = dialect(&table.text);
    let rows = read_csv_as(&table.text, dialect).map_err(|e| {
        Error::new(ErrorKind::Syntax, e.message).at_line(&table.path, e.line, e.column).help(e.help)
    })?;
    Ok(Grid::of_csv(&table.path, dialect, rows))
}

/// Check one record and keep its figure.
fn add_record(grid: &Grid, r: &Record<'_>, ctx: &mut Ctx<'_>) {
    let year = match grid.number(r.year) {
        Ok(n) if n.fract() == 0.0 => n as i64,
        Ok(_) | Err(_) => {
            ctx.errors.push(
                Error::new(ErrorKind::Value, format!("the year \"{}\" is not a year", r.year.text))
                    .at(grid.locate(r.year.pos))
                    .help("write the year as four digits, e.g. 2024"),
            );
            return;
        }
    };
    let Some(geo) = resolve_unit(grid, r.geo, year, ctx) else { return };
    let value = match grid.number(r.value) {
        Ok(v) => v,
        Err(e) => return ctx.errors.push(e),
    };
    let pairs: BTreeMap<String, String> =
        r.pairs.iter().map(|(d, v)| (d.to_string(), v.to_string())).collect();
    let Some(key) = ctx.breakdown(&pairs, || grid.locate(r.geo.pos)) else { return };
    // the year's cell on the row (long layout), else the value's (wide)
    let same_row = matches!((r.year.pos, r.value.pos), (a, b) if row_of(a) == row_of(b));
    let at = grid.locate(if same_row { r.year.pos } else { r.value.pos });
    ctx.add(geo, key, year, value, Place::Csv(at));
}

fn row_of(pos: super::table::Pos) -> usize {
    match pos {
        super::table::Pos::Line(r, _) | super::table::Pos::Cell(r, _) => r,
    }
}

/// The unit a cell names by id, or else by name among the units of that year.
fn resolve_unit(grid: &Grid, cell: &GridCell, year: i64, ctx: &mut Ctx<'_>) -> Option<usize> {
    let text = cell.text.as_str();
    if let Some(unit) = ctx.geo.find(text) {
        return Some(unit);
    }
    let geo = ctx.geo;
    let index = ctx.names.get_or_insert_with(|| NameIndex::new(geo));
    let found = index.find(geo, text, i32::try_from(year).unwrap_or(0));
    match found {
        Ok(unit) => Some(unit),
        // a name never seen before in this file gets its own message; an id-like text the
        // "unknown geo id" one, with its suggestion
        Err(_) if crate::slug::is_slug(text) => ctx.resolve_geo(text, || grid.locate(cell.pos)),
        Err(e) => {
            let e = ctx.unknown.entry(text.to_string()).or_insert(e).clone();
            ctx.errors.push(e.at(grid.locate(cell.pos)));
            None
        }
    }
}
