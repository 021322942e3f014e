//! Issue 14: how long reading a 100,000-row workbook takes (target ≤ 2 s on 2 cores).
//!
//! `cargo bench --bench workbook` writes an `.xlsx` of 1,000 communes × 100 years in the long
//! layout (geo by name, year, value) with `rust_xlsxwriter`, then times the indicator's read:
//! unzip and parse the sheet (calamine), lay it out, match every name to its unit, check every
//! figure. Prints the median of 5 runs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, missing_docs)]

use std::time::Instant;

use gazette::geo::parse_geo;
use gazette::indicator::validate::{Tables, parse_indicator_with_warnings};
use gazette::source::{BinaryFile, SourceFile};

const UNITS: usize = 1_000;
const YEARS: std::ops::Range<i32> = 2000..2100;

fn main() {
    let mut geo = String::from("units:\n  - id: tinh\n    name: Thử Nghiệm\n    type: tỉnh\n");
    for u in 0..UNITS {
        geo.push_str(&format!("  - id: xa-{u}\n    name: Xã Số {u}\n    type: xã\n    parent: tinh\n"));
    }
    let geo = parse_geo(&SourceFile::new("content/geo.yaml", &geo)).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["Đơn vị", "Năm", "Giá trị"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let mut row = 1;
    for u in 0..UNITS {
        for y in YEARS {
            ws.write_string(row, 0, format!("xã Số {u}")).unwrap();
            ws.write_number(row, 1, f64::from(y)).unwrap();
            ws.write_number(row, 2, (u * 7 % 1000) as f64 / 10.0 + 0.01).unwrap();
            row += 1;
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let yaml = "title: Thử\ntheme: t\nunit: percent\ndirection: lower\nsource: Sở\nupdated: 2025-01-01\ntable: x.xlsx\n";
    let file = SourceFile::new("content/indicators/x.yaml", yaml);
    let workbooks = [BinaryFile { path: "content/indicators/x.xlsx".into(), bytes }];
    let themes = ["t".to_string()];
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let (indicator, _) =
            parse_indicator_with_warnings(&file, Tables { csv: &[], workbooks: &workbooks }, &geo, &themes)
                .unwrap();
        times.push(start.elapsed().as_secs_f64());
        assert_eq!(indicator.series.iter().map(|s| s.points.len()).sum::<usize>(), row as usize - 1);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} rows, {} KiB workbook: median {:.3} s (min {:.3}, max {:.3})",
        row - 1,
        workbooks[0].bytes.len() / 1024,
        times[2],
        times[0],
        times[4]
    );
}
