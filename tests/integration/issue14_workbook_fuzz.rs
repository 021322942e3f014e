//! Issue 14 review: a workbook's bytes are untrusted. Small valid `.xlsx`, `.xls` and `.ods`
//! files, with a few bytes changed and perhaps cut short, are read to an answer (the grid or
//! an error) without a panic escaping and within a bounded time.

use std::time::{Duration, Instant};

use gazette::indicator::workbook::read_workbook;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::issue14_workbook_bounds::{ods, ods_number, ods_text, record, xls_file};
use crate::tables_excel::{C, xlsx};

/// A small `.xls`: shared strings, declared dimensions, text from the shared strings, a MulRk
/// run, a number, and a formula with its text result.
fn xls_fixture() -> Vec<u8> {
    let strings: &[u8] =
        &[2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, b'g', b'e', b'o', 4, 0, 0, b'y', b'e', b'a', b'r'];
    let sst = record(0x00FC, strings);
    let body = [
        record(0x0200, &[0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0]),
        record(0x00FD, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        record(0x00FD, &[0, 0, 1, 0, 0, 0, 1, 0, 0, 0]),
        record(0x00BD, &[1, 0, 0, 0, 0, 0, 0x0A, 0, 0, 0, 0, 0, 0x12, 0, 0, 0, 1, 0]),
        record(0x0203, &[1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F]),
        record(0x0006, &[[2, 0, 0, 0, 0, 0].as_slice(), &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF], &[0; 8]].concat()),
        record(0x0207, &[1, 0, 0, b'x']),
    ]
    .concat();
    xls_file(&sst, &body)
}

/// The rows of a small `.ods` sheet: text, numbers, repeats, a space run and a merged cell.
fn ods_rows() -> String {
    format!(
        r#"<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="2">{}<table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>a<text:s text:c="3"/>b</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="float" office:value="2"/><table:covered-table-cell/></table:table-row>"#,
        ods_text("geo"),
        ods_text("year"),
        ods_number(1.5)
    )
}

fn xlsx_fixture() -> Vec<u8> {
    let rows = vec![vec![C::T("geo"), C::T("year")], vec![C::T("Xã A"), C::N(2023.0)]];
    xlsx("Sheet1", &rows, &[((2, 0, 2, 1), "note")])
}

/// `bytes` with `changes` made and perhaps cut at `cut`.
fn mutated(mut bytes: Vec<u8>, changes: &[(Index, u8)], cut: Option<Index>) -> Vec<u8> {
    for (at, b) in changes {
        let i = at.index(bytes.len());
        bytes[i] = *b;
    }
    if let Some(at) = cut {
        bytes.truncate(at.index(bytes.len()));
    }
    bytes
}

/// Read `bytes` as the workbook `name`: an answer, in bounded time (a panic inside would fail).
fn answers_in_time(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let _ = read_workbook(name, bytes, None);
    prop_assert!(started.elapsed() < Duration::from_secs(3), "{name}: took {:?}", started.elapsed());
    Ok(())
}

fn changes() -> impl Strategy<Value = Vec<(Index, u8)>> {
    prop::collection::vec((any::<Index>(), any::<u8>()), 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_changed_xls_is_answered_in_time_issue_14(changes in changes(), cut in prop::option::weighted(0.2, any::<Index>())) {
        answers_in_time("a.xls", &mutated(xls_fixture(), &changes, cut))?;
    }

    #[test]
    fn a_changed_xlsx_is_answered_in_time_issue_14(changes in changes(), cut in prop::option::weighted(0.2, any::<Index>())) {
        answers_in_time("a.xlsx", &mutated(xlsx_fixture(), &changes, cut))?;
    }

    #[test]
    fn an_ods_with_changed_bytes_or_changed_xml_is_answered_in_time_issue_14(changes in changes(), cut in prop::option::weighted(0.2, any::<Index>()), in_xml in any::<bool>()) {
        let bytes = if in_xml {
            let xml = mutated(ods_rows().into_bytes(), &changes, cut);
            ods(&String::from_utf8_lossy(&xml))
        } else {
            mutated(ods(&ods_rows()), &changes, cut)
        };
        answers_in_time("a.ods", &bytes)?;
    }
}

#[test]
fn the_fixtures_are_read_before_being_changed_issue_14() {
    // the properties above start from files that read, or they would test only refusals
    for (name, bytes) in [("a.xls", xls_fixture()), ("a.xlsx", xlsx_fixture()), ("a.ods", ods(&ods_rows()))] {
        let grid = read_workbook(name, &bytes, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(grid.rows.len() >= 2, "{name}: {:?}", grid.rows.len());
    }
}
