//! Issue 14, security: a workbook's content is untrusted. A sheet whose cells are spread far
//! wider than they are filled (only A1 and XFD1048576) is refused quickly, with a message
//! naming the file, the sheet, its far corners and the fix, in `.xlsx`, `.ods` and `.xls`
//! alike; a zip whose members unpack to far more than its size is refused unread. The
//! `.ods` and `.xls` files are written here, byte by byte, as small as their readers take.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use gazette::indicator::workbook::read_workbook;
use gazette::locale::Lang;
use gazette::messages::display_all;

use crate::harness::{SiteTest, sites_dir};
use crate::tables_excel::C;

/// The full fixture with `ho-ngheo` reading its commune figures from the workbook `name`.
fn full_with_workbook(name: &str, bytes: &[u8]) -> SiteTest {
    let site = SiteTest::from_fixture("full");
    let yaml = site.root.join("content/indicators/ho-ngheo.yaml");
    let text =
        std::fs::read_to_string(&yaml).unwrap().replace("csv: ho-ngheo-xa.csv", &format!("table: {name}"));
    std::fs::write(&yaml, text).unwrap();
    std::fs::remove_file(site.root.join("content/indicators/ho-ngheo-xa.csv")).unwrap();
    std::fs::write(site.root.join("content/indicators").join(name), bytes).unwrap();
    site
}

/// The commune table of the full fixture: (geo, year, value) rows under geo,year,value.
fn commune_rows() -> Vec<(String, f64, f64)> {
    let csv = std::fs::read_to_string(sites_dir().join("full/content/indicators/ho-ngheo-xa.csv")).unwrap();
    csv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[1].parse().unwrap(), f[2].parse().unwrap())
        })
        .collect()
}

/// Read `bytes` as a workbook, timed; the error's text.
fn refused(name: &str, bytes: &[u8]) -> String {
    let started = Instant::now();
    let e = read_workbook(name, bytes, None).expect_err("the workbook should be refused");
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    format!("{e}\n{}", e.help.clone().unwrap_or_default())
}

// ── .xlsx ───────────────────────────────────────────────────────────────────────────────

#[test]
fn an_xlsx_with_only_a1_and_xfd1048576_is_refused_quickly_naming_both_cells_issue_14() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "geo").unwrap();
    ws.write_number(1_048_575, 16_383, 1.0).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert!(bytes.len() < 10_000);
    let text = refused("ho-ngheo-xa.xlsx", &bytes);
    assert!(text.starts_with("ho-ngheo-xa.xlsx: Sheet1!XFD1048576: error: the sheet `Sheet1` spans A1 to XFD1048576, 17179869184 cells, but only 2 are filled; a table's cells are expected to lie together"), "{text}");
    assert!(text.contains("delete the stray cell at XFD1048576"), "{text}");
    let errors = full_with_workbook("ho-ngheo-xa.xlsx", &bytes).build().err().unwrap();
    let vi = display_all(&errors, Lang::Vi);
    assert!(vi.contains("trang `Sheet1` trải từ A1 đến XFD1048576"), "{vi}");
    assert!(vi.contains("hãy xoá ô lạc ở XFD1048576"), "{vi}");
    assert!(
        display_all(&errors, Lang::En).contains("content/indicators/ho-ngheo-xa.xlsx: Sheet1!XFD1048576")
    );
}

#[test]
fn a_note_far_from_a_small_table_is_still_read_issue_14() {
    let from_csv = SiteTest::from_fixture("full").build().unwrap().read("data/ho-ngheo.csv");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, t) in ["geo", "year", "value"].iter().enumerate() {
        ws.write_string(0, c as u16, *t).unwrap();
    }
    for (r, (g, y, v)) in commune_rows().iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, g).unwrap();
        ws.write_number(r, 1, *y).unwrap();
        ws.write_number(r, 2, *v).unwrap();
    }
    // a note at Z400: the sheet spans 26 × 400 cells for about 100 filled, within bounds
    ws.write_string(399, 25, "Ghi chú: số liệu sơ bộ").unwrap();
    let built = full_with_workbook("ho-ngheo-xa.xlsx", &book.save_to_buffer().unwrap()).build();
    assert_eq!(built.unwrap_or_else(|e| panic!("{e}")).read("data/ho-ngheo.csv"), from_csv);
}

/// A zip archive of `members`, each (name, bytes), deflated.
fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        z.start_file(*name, if *name == "mimetype" { stored } else { deflated }).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn an_xlsx_whose_sheet_unpacks_to_far_more_than_its_size_is_refused_unread_issue_14() {
    // 64 MiB of zeros deflate to about 64 kB: a ratio of 1,000
    let sheet = vec![b'0'; 64 << 20];
    let bytes = zip_of(&[("xl/workbook.xml", b"<workbook/>"), ("xl/worksheets/sheet1.xml", &sheet)]);
    assert!(bytes.len() < 200_000, "{}", bytes.len());
    let text = refused("a.xlsx", &bytes);
    assert!(text.contains("a.xlsx: error: the workbook's "), "{text}");
    assert!(text.contains(" bytes unpack to 67108875 bytes, more than the "), "{text}");
}

// ── .ods ────────────────────────────────────────────────────────────────────────────────

/// An `.ods` file with one sheet `Sheet1` holding `rows` (the XML of its rows).
pub(crate) fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

pub(crate) fn ods_text(t: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#)
}

pub(crate) fn ods_number(n: f64) -> String {
    format!(
        r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
    )
}

#[test]
fn an_ods_table_gives_the_figures_of_the_csv_issue_14() {
    let from_csv = SiteTest::from_fixture("full").build().unwrap().read("data/ho-ngheo.csv");
    let header: String = ["geo", "year", "value"].iter().map(|t| ods_text(t)).collect();
    let mut rows = format!("<table:table-row>{header}</table:table-row>");
    for (g, y, v) in commune_rows() {
        rows +=
            &format!("<table:table-row>{}{}{}</table:table-row>", ods_text(&g), ods_number(y), ods_number(v));
    }
    let built = full_with_workbook("ho-ngheo-xa.ods", &ods(&rows)).build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(built.read("data/ho-ngheo.csv"), from_csv);
}

#[test]
fn an_ods_with_only_a1_and_xfd1048576_is_refused_quickly_issue_14() {
    let rows = format!(
        r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/>{}</table:table-row>"#,
        ods_text("geo"),
        ods_number(1.0)
    );
    let bytes = ods(&rows);
    assert!(bytes.len() < 2_000, "{}", bytes.len());
    let text = refused("a.ods", &bytes);
    assert!(text.starts_with("a.ods: Sheet1!XFD1048576: error: the sheet `Sheet1` spans A1 to XFD1048576, 17179869184 cells, but only 2 are filled"), "{text}");
    assert!(text.contains("every sheet of an .xls or .ods file is read"), "{text}");
}

#[test]
fn an_ods_row_repeated_to_fill_a_huge_grid_is_refused_issue_14() {
    // one filled row, repeated: few bytes, but 6,000 × 16,384 cells once written out
    let rows = r#"<table:table-row table:number-rows-repeated="6000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
    let text = refused("a.ods", &ods(rows));
    assert!(text.contains("98304000 cells, but only 1 are filled"), "{text}");
}

#[test]
fn ods_rows_past_the_last_row_are_still_counted_issue_14() {
    // a million rows in one element, then rows calamine builds from column A to XFD though
    // they lie past its last row: 2,000 × 16,384 cells from a few kB
    let far = format!(
        r#"<table:table-row><table:table-cell table:number-columns-repeated="16383"/>{}</table:table-row>"#,
        ods_number(1.0)
    );
    let rows = format!(
        r#"<table:table-row table:number-rows-repeated="1048576">{}</table:table-row>{}"#,
        ods_number(1.0),
        far.repeat(2_000)
    );
    let text = refused("a.ods", &ods(&rows));
    assert!(
        text.contains("the sheet `Sheet1` spans A1 to XFD1048576, 17179869184 cells, but only 1 are filled"),
        "{text}"
    );
}

// ── .xls ────────────────────────────────────────────────────────────────────────────────

/// One BIFF8 record.
pub(crate) fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut r = typ.to_le_bytes().to_vec();
    r.extend((data.len() as u16).to_le_bytes());
    r.extend(data);
    r
}

/// A BIFF8 cell: text (a Label, UTF-16) or a number.
fn xls_cell(row: u16, column: u16, cell: &C<'_>) -> Vec<u8> {
    let mut d = [row.to_le_bytes(), column.to_le_bytes(), [0, 0]].concat();
    match cell {
        C::T(t) => {
            let units: Vec<u16> = t.encode_utf16().collect();
            d.extend((units.len() as u16).to_le_bytes());
            d.push(1);
            units.iter().for_each(|u| d.extend(u.to_le_bytes()));
            record(0x0204, &d)
        }
        C::N(n) => {
            d.extend(n.to_le_bytes());
            record(0x0203, &d)
        }
    }
}

/// An `.xls` file (a compound file holding a BIFF8 Workbook stream) with one sheet `Sheet1`.
fn xls(cells: &[(u16, u16, C<'_>)]) -> Vec<u8> {
    xls_with(&[], cells)
}

/// The same, with `head` (records such as DIMENSIONS) before the cells.
fn xls_with(head: &[u8], cells: &[(u16, u16, C<'_>)]) -> Vec<u8> {
    let mut body = head.to_vec();
    for (r, c, cell) in cells {
        body.extend(xls_cell(*r, *c, cell));
    }
    xls_file(&[], &body)
}

/// An `.xls` file with `globals` (records such as SST) in the workbook globals and `body` in
/// its one sheet `Sheet1`.
pub(crate) fn xls_file(globals: &[u8], body: &[u8]) -> Vec<u8> {
    let bof = |dt: u16| record(0x0809, &[&[0x00, 0x06], &dt.to_le_bytes()[..], &[0; 12]].concat());
    let name = b"Sheet1";
    let bound_sheet = |pos: u32| {
        record(0x0085, &[&pos.to_le_bytes()[..], &[0, 0, name.len() as u8, 0], &name[..]].concat())
    };
    let globals_len =
        (bof(5).len() + globals.len() + bound_sheet(0).len() + record(0x000A, &[]).len()) as u32;
    let mut stream =
        [bof(5), globals.to_vec(), bound_sheet(globals_len), record(0x000A, &[]), bof(0x10), body.to_vec()]
            .concat();
    stream.extend(record(0x000A, &[]));
    // version 3 (512-byte sectors), as Excel writes .xls files
    let mut file = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook").unwrap().write_all(&stream).unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn an_xls_table_gives_the_figures_of_the_csv_issue_14() {
    let from_csv = SiteTest::from_fixture("full").build().unwrap().read("data/ho-ngheo.csv");
    let rows = commune_rows();
    let mut cells = vec![(0, 0, C::T("geo")), (0, 1, C::T("year")), (0, 2, C::T("value"))];
    for (i, (g, y, v)) in rows.iter().enumerate() {
        let r = i as u16 + 1;
        cells.extend([(r, 0, C::T(g)), (r, 1, C::N(*y)), (r, 2, C::N(*v))]);
    }
    let built = full_with_workbook("ho-ngheo-xa.xls", &xls(&cells)).build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(built.read("data/ho-ngheo.csv"), from_csv);
}

#[test]
fn an_xls_with_only_a1_and_iv65536_is_refused_quickly_issue_14() {
    let bytes = xls(&[(0, 0, C::T("geo")), (65_535, 255, C::N(1.0))]);
    assert!(bytes.len() < 10_000, "{}", bytes.len());
    let text = refused("a.xls", &bytes);
    assert!(text.starts_with("a.xls: Sheet1!IV65536: error: the sheet `Sheet1` spans A1 to IV65536, 16777216 cells, but only 2 are filled"), "{text}");
}

#[test]
fn an_xls_declaring_billions_of_rows_is_refused_before_calamine_reserves_them_issue_14() {
    // DIMENSIONS: rows 0 to 4,294,967,295, columns A to IV; calamine reserves room for them all
    let dimensions =
        record(0x0200, &[&0u32.to_le_bytes()[..], &u32::MAX.to_le_bytes(), &[0, 0, 0, 1, 0, 0]].concat());
    let text = refused("a.xls", &xls_with(&dimensions, &[(0, 0, C::T("geo")), (1, 0, C::N(1.0))]));
    assert!(text.contains("spans A1 to IV4294967295, 1099511627520 cells, but only 2 are filled"), "{text}");
}

#[test]
fn an_xls_whose_cells_all_copy_one_long_shared_string_is_refused_issue_14() {
    // one shared string of 8,000 characters, and 10,000 cells pointing at it: 150 kB of file,
    // 80 MB of text once calamine has copied the string into every cell
    let mut sst = [1u32.to_le_bytes(), 1u32.to_le_bytes()].concat();
    sst.extend(8_000u16.to_le_bytes());
    sst.push(0);
    sst.extend(vec![b'x'; 8_000]);
    let cells: Vec<u8> = (0..10_000u16)
        .flat_map(|r| record(0x00FD, &[&r.to_le_bytes()[..], &[0, 0, 0, 0], &0u32.to_le_bytes()].concat()))
        .collect();
    let bytes = xls_file(&record(0x00FC, &sst), &cells);
    assert!(bytes.len() < 200_000, "{}", bytes.len());
    let text = refused("a.xls", &bytes);
    assert!(
        text.starts_with("a.xls: error: the cells of the workbook hold more than 67108864 bytes of text"),
        "{text}"
    );
}

#[test]
fn an_xls_whose_directory_chain_loops_is_refused_where_calamine_would_read_forever_issue_14() {
    // a compound file header (version 3, 512-byte sectors), a one-sector allocation table in
    // which the directory's sector 1 is followed by sector 1 again, and that sector
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let set = |h: &mut Vec<u8>, at: usize, v: &[u8]| h[at..at + v.len()].copy_from_slice(v);
    set(&mut header, 24, &[0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]);
    set(&mut header, 44, &1u32.to_le_bytes());
    set(&mut header, 48, &1u32.to_le_bytes());
    set(&mut header, 56, &4096u32.to_le_bytes());
    set(&mut header, 60, &0xFFFF_FFFEu32.to_le_bytes());
    set(&mut header, 68, &0xFFFF_FFFEu32.to_le_bytes());
    for i in 0..109 {
        set(&mut header, 76 + 4 * i, &(if i == 0 { 0u32 } else { u32::MAX }).to_le_bytes());
    }
    let mut fat: Vec<u8> = [0xFFFF_FFFDu32, 1].iter().flat_map(|v| v.to_le_bytes()).collect();
    fat.resize(512, 0xFF);
    let bytes = [header, fat, vec![0u8; 512]].concat();
    let text = refused("a.xls", &bytes);
    assert!(
        text.starts_with("a.xls: error: the workbook cannot be read: a chain of sectors loops"),
        "{text}"
    );
}
