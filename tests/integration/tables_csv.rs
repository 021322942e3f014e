//! Issue 14: an indicator's CSV table in either convention (`,` and `.`, or `;` and `,` as
//! Excel writes it with Vietnamese settings), BOM or not, CRLF or not; UTF-16 and Windows-1258
//! files are named as such.

use crate::harness::SiteTest;

/// The full fixture with the commune table replaced by `bytes`.
fn full_with_csv(bytes: &[u8]) -> SiteTest {
    let site = SiteTest::from_fixture("full");
    std::fs::write(site.root.join("content/indicators/ho-ngheo-xa.csv"), bytes).unwrap();
    site
}

/// The fixture's commune table in the Vietnamese convention, with a BOM and CRLF.
fn vietnamese_export() -> Vec<u8> {
    let text =
        std::fs::read_to_string(crate::harness::sites_dir().join("full/content/indicators/ho-ngheo-xa.csv"))
            .unwrap();
    let converted: String =
        text.lines().map(|l| format!("{}\r\n", l.replace(',', ";").replace('.', ","))).collect();
    format!("\u{feff}{converted}").into_bytes()
}

#[test]
fn a_semicolon_export_with_decimal_commas_bom_and_crlf_gives_the_same_figures_issue_14() {
    let from_csv = SiteTest::from_fixture("full").build().unwrap().read("data/ho-ngheo.csv");
    let site = full_with_csv(&vietnamese_export());
    let built = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(built.read("data/ho-ngheo.csv"), from_csv);
}

#[test]
fn a_thousands_dot_in_a_semicolon_export_is_refused_at_its_cell_issue_14() {
    let site = full_with_csv(b"geo;year;value\r\nxa-a1;2021;1.234,5\r\n");
    let errors = site.errors();
    assert!(
        errors.contains(
            "content/indicators/ho-ngheo-xa.csv:2:12: error: \"1.234,5\" is not a number; write 1234,5"
        ),
        "{errors}"
    );
}

#[test]
fn an_ambiguous_comma_in_a_comma_table_is_refused_issue_14() {
    let site = full_with_csv(b"geo,year,value\nxa-a1,2021,\"1,234\"\n");
    let errors = site.errors();
    assert!(errors.contains("the comma may be a decimal comma or a thousands separator"), "{errors}");
    assert!(
        errors.contains("write 1.234 if it is a decimal comma, or 1234 if it separates thousands"),
        "{errors}"
    );
}

#[test]
fn utf16_and_windows_1258_files_are_named_issue_14() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("geo,year,value\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let errors = full_with_csv(&utf16).errors();
    assert!(errors.contains("ho-ngheo-xa.csv: error: the file is UTF-16 text, not UTF-8"), "{errors}");
    assert!(errors.contains("Save As → CSV UTF-8"), "{errors}");
    // "Tà" in Windows-1258: T, a, combining grave accent (0xCC)
    let errors = full_with_csv(b"geo,year,value\nT\x61\xCC,2021,5\n").errors();
    assert!(
        errors.contains("ho-ngheo-xa.csv:2:3: error: the file is not UTF-8 text: it looks like Windows-1258"),
        "{errors}"
    );
}

#[test]
fn check_states_the_convention_each_table_was_read_in_issue_14() {
    let site = full_with_csv(&vietnamese_export());
    let out = crate::harness::gazette_en().args(["check", "--root"]).arg(&site.root).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("content/indicators/ho-ngheo-xa.csv: read as a table with cells separated by `;`, decimals with a comma (Excel, Vietnamese settings)\n"),
        "{stdout}"
    );
}
