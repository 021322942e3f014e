//! `gazette new DIR`: write a site skeleton and say what to do next.

use super::output::{err_line, out_line};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::scaffold::create_site;

/// Run `gazette new`; returns the exit code.
pub(super) fn run(dir: &Path) -> i32 {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    match create_site(dir, civil_date(days as i64)) {
        Ok(files) => {
            out_line!("Created a new site in {} ({} files).", dir.display(), files.len());
            out_line!("Next: cd {} && gazette serve   (then open http://127.0.0.1:1111/)", dir.display());
            out_line!("Read README.md there: it explains to the editors how to add news and figures.");
            0
        }
        Err(e) => {
            err_line!("{e}");
            1
        }
    }
}

/// (year, month, day) of a count of days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn converts_days_to_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(19_782), (2024, 2, 29));
        assert_eq!(civil_date(20_454), (2026, 1, 1));
    }
}
