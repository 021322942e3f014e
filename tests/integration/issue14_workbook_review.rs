//! Issue 14 review: where the first pass over an `.ods` and calamine had read the same
//! `content.xml` differently, so that the bound did not protect: each file here was read
//! whole by calamine (millions of cells or 100 MB of text from a few hundred bytes) and is
//! now refused with a message naming the file.

use std::time::{Duration, Instant};

use gazette::indicator::workbook::read_workbook;

use crate::issue14_workbook_bounds::ods;

/// Read `bytes` as a workbook, timed; the error's text.
fn refused(name: &str, bytes: &[u8]) -> String {
    let started = Instant::now();
    let e = read_workbook(name, bytes, None).expect_err("the workbook should be refused");
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    format!("{e}\n{}", e.help.clone().unwrap_or_default())
}

/// A row of one number cell repeated over 16,384 columns, repeated `rows` times.
fn ods_full_rows(rows: u32) -> String {
    format!(
        r#"<table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#
    )
}

#[test]
fn an_ods_sheet_inside_a_table_without_a_name_is_measured_from_its_own_first_row_issue_14() {
    // calamine reads only named tables, but sees a named table inside an unnamed one as a
    // sheet starting at row 1; the pass had counted its rows after the outer table's million
    let rows = format!(
        r#"</table:table><table:table><table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row><table:table table:name="Big">{}</table:table>"#,
        ods_full_rows(200)
    );
    let text = refused("a.ods", &ods(&rows));
    assert!(
        text.contains("the sheet `Big` spans A1 to XFD200, 3276800 cells, but only 1 are filled"),
        "{text}"
    );
}

#[test]
fn an_ods_text_cell_holding_table_rows_is_refused_as_calamine_would_read_them_as_the_sheets_issue_14() {
    // calamine reads a text cell's content up to the first end of any cell: the rows after a
    // cell nested in it become rows of the sheet, which the pass had skipped as content
    let rows = format!(
        r#"<table:table-row><table:table-cell office:value-type="string"><table:table-row><table:table-cell/></table:table-row>{}</table:table-cell></table:table-row>"#,
        ods_full_rows(200)
    );
    let text = refused("a.ods", &ods(&rows));
    assert!(text.starts_with("a.ods: error: the workbook cannot be read: "), "{text}");
    assert!(text.contains("a cell holds table elements"), "{text}");
}

#[test]
fn an_ods_space_run_of_a_hundred_million_is_counted_as_text_issue_14() {
    // `<text:s text:c="N"/>` is N spaces to calamine: 30 bytes that become 100 MB
    let rows = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="100000000"/>b</text:p></table:table-cell></table:table-row>"#;
    let text = refused("a.ods", &ods(rows));
    assert!(text.contains("the cells of the workbook hold more than 67108864 bytes of text"), "{text}");
}

#[test]
fn an_ods_long_date_or_formula_attribute_repeated_is_counted_as_text_issue_14() {
    // calamine copies a date-value, time-value or formula attribute into every repeated cell
    let long = "1".repeat(10_000);
    for attribute in [
        format!(r#"office:value-type="date" office:date-value="{long}""#),
        format!(r#"office:value-type="float" office:value="1" table:formula="of:={long}""#),
    ] {
        let rows = format!(
            r#"<table:table-row table:number-rows-repeated="100"><table:table-cell {attribute} table:number-columns-repeated="100"/></table:table-row>"#
        );
        let text = refused("a.ods", &ods(&rows));
        assert!(text.contains("the cells of the workbook hold more than 67108864 bytes of text"), "{text}");
    }
}

#[test]
fn ods_repeat_counts_written_with_character_references_are_read_as_calamine_reads_them_issue_14() {
    // calamine unescapes `&#50;00` to 200 rows (and a space run's `text:c` likewise); the
    // pass read the raw text, found no number, and counted 1
    let rows = r#"<table:table-row table:number-rows-repeated="&#50;00"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
    let text = refused("a.ods", &ods(rows));
    assert!(
        text.contains("the sheet `Sheet1` spans A1 to XFD200, 3276800 cells, but only 1 are filled"),
        "{text}"
    );
    let spaces = r#"<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="&#49;00000000"/></text:p></table:table-cell></table:table-row>"#;
    let text = refused("a.ods", &ods(spaces));
    assert!(text.contains("the cells of the workbook hold more than 67108864 bytes of text"), "{text}");
}
