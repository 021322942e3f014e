//! The observations of an indicator file, in any mix of its three forms (compact series,
//! long list, CSV table), each checked as it is read: the unit exists and existed that year,
//! the value is possible, no observation is given twice.

use std::collections::{BTreeMap, HashMap};

use super::Breakdown;
use super::Dim;
use super::schema::{Figure, RawIndicator, UnitKind};
use super::validate::YEARS;
use crate::error::{Error, ErrorKind, Errors, Location};
use crate::geo::Geo;
use crate::source::YamlPlaces;
use crate::source::numbers::{Decimal, Meant, meant, not_finite, not_whole};

/// Where an observation was written, to locate duplicates and bad values.
#[derive(Debug, Clone)]
pub(super) enum Place {
    Series(usize, i64),
    Observation(usize),
    /// A cell of a table (CSV or workbook).
    Csv(Location),
}

pub(super) struct Ctx<'a> {
    pub(super) yaml: &'a YamlPlaces<'a>,
    pub(super) geo: &'a Geo,
    pub(super) dims: &'a [Dim],
    pub(super) bounds: (f64, f64),
    pub(super) unit: UnitKind,
    pub(super) errors: Errors,
    pub(super) seen: HashMap<(usize, Breakdown, i32), Place>,
    pub(super) values: BTreeMap<(usize, Breakdown), Vec<(i32, f64)>>,
    /// The error for each unknown geo id met so far.
    pub(super) unknown: HashMap<String, Error>,
    /// Units by folded name, built at the first name met in a table.
    pub(super) names: Option<crate::geo::names::NameIndex>,
    /// What reading the table left aside, for `gazette check` (issue 14).
    pub(super) notes: Vec<String>,
}

/// Unknown geo ids of one file that get a "did you mean" hint; later ones get the plain help.
const SUGGESTED_IDS: usize = 200;

impl Ctx<'_> {
    fn locate(&self, place: &Place, field: &str) -> Location {
        match place {
            Place::Series(i, year) => {
                self.yaml.locate(&["series", &i.to_string(), "values", &year.to_string()])
            }
            Place::Observation(i) => self.yaml.locate(&["observations", &i.to_string(), field]),
            Place::Csv(location) => location.clone(),
        }
    }

    pub(super) fn resolve_geo(&mut self, id: &str, at: impl FnOnce() -> Location) -> Option<usize> {
        let found = self.geo.find(id);
        if found.is_none() {
            // one suggestion per distinct id, and only for the first few: a file repeating a
            // wrong id 100,000 times stays linear (issue 8)
            let error = match self.unknown.get(id) {
                Some(error) => error.clone(),
                None => {
                    let error = if self.unknown.len() < SUGGESTED_IDS {
                        self.geo.unknown(id)
                    } else {
                        self.geo.unknown_without_hint(id)
                    };
                    self.unknown.insert(id.to_string(), error.clone());
                    error
                }
            };
            self.errors.push(error.at(at()));
        }
        found
    }

    pub(super) fn breakdown(
        &mut self,
        pairs: &BTreeMap<String, String>,
        at: impl Fn() -> Location,
    ) -> Option<Breakdown> {
        let mut key = vec![None; self.dims.len()];
        for (dim, value) in pairs {
            let Some(d) = self.dims.iter().position(|x| &x.id == dim) else {
                let help = if self.dims.is_empty() {
                    "this indicator has no disaggregations; define them under `disaggregations:` first"
                        .to_string()
                } else {
                    format!("use one of: {}", some_of(self.dims.iter().map(|d| d.id.as_str())))
                };
                self.errors.push(
                    Error::new(ErrorKind::Reference, format!("unknown disaggregation `{dim}`"))
                        .at(at())
                        .help(help),
                );
                return None;
            };
            let Some(v) = self.dims[d].values.iter().position(|x| &x.0 == value) else {
                let known = some_of(self.dims[d].values.iter().map(|x| x.0.as_str()));
                self.errors.push(
                    Error::new(
                        ErrorKind::Reference,
                        format!("`{value}` is not a value of disaggregation `{dim}`"),
                    )
                    .at(at())
                    .help(format!("use one of: {known}")),
                );
                return None;
            };
            key[d] = Some(v as u16);
        }
        Some(key)
    }

    /// Check one observation and keep it.
    pub(super) fn add(&mut self, geo: usize, breakdown: Breakdown, year: i64, value: f64, place: Place) {
        if !YEARS.contains(&year) {
            let e = Error::new(ErrorKind::Value, format!("year {year} is out of range"))
                .at(self.locate(&place, "year"))
                .help(format!("years go from {} to {}", YEARS.start(), YEARS.end()));
            self.errors.push(e);
            return;
        }
        let year = year as i32;
        let unit = &self.geo.units[geo];
        if !unit.existed_in(year) {
            let period = match (unit.from, unit.until) {
                (Some(f), Some(u)) => format!("from {} to {}", f.dmy(), u.dmy()),
                (Some(f), None) => format!("from {}", f.dmy()),
                (None, Some(u)) => format!("until {}", u.dmy()),
                (None, None) => String::new(),
            };
            let help = match unit.merged_into.first() {
                Some(&s) => format!(
                    "give this year's value to `{}`, the unit it was merged into",
                    self.geo.units[s].id
                ),
                None => "check the year and the unit's from:/until: dates in content/geo.yaml".to_string(),
            };
            let e = Error::new(
                ErrorKind::Value,
                format!("`{}` did not exist in {year} (it existed {period})", unit.id),
            )
            .at(self.locate(&place, "year"))
            .help(help);
            self.errors.push(e);
            return;
        }
        let typed = not_finite("the value", value).or_else(|| match self.unit {
            // a count is whole whatever `decimals` says: an average of counts is `custom`
            UnitKind::Count => not_whole("a count", value),
            _ => None,
        });
        if let Some(error) = typed {
            self.errors.push(error.at(self.locate(&place, "value")));
            return;
        }
        if value < self.bounds.0 || value > self.bounds.1 {
            let (message, help) = self.bad_value(value);
            self.errors
                .push(Error::new(ErrorKind::Value, message).at(self.locate(&place, "value")).help(help));
            return;
        }
        if let Some(first) = self.seen.get(&(geo, breakdown.clone(), year)) {
            let first_at = self.locate(first, "year");
            let e = Error::new(
                ErrorKind::Duplicate,
                format!(
                    "the value for `{}` in {year} is given twice (first at {first_at})",
                    self.geo.units[geo].id
                ),
            )
            .at(self.locate(&place, "year"))
            .help("keep one of the two values");
            self.errors.push(e);
            return;
        }
        if let Some(w) = ceased_during(self.geo, geo, year) {
            self.errors.push(w.at(self.locate(&place, "year")));
        }
        self.seen.insert((geo, breakdown.clone(), year), place);
        self.values.entry((geo, breakdown)).or_default().push((year, value));
    }

    fn bad_value(&self, value: f64) -> (String, String) {
        let (lo, hi) = self.bounds;
        let range = match (lo.is_finite(), hi.is_finite()) {
            (true, true) => format!("from {lo} to {hi}"),
            (true, false) => format!("at least {lo}"),
            (false, true) => format!("at most {hi}"),
            (false, false) => "a finite number".to_string(),
        };
        let help = match self.unit {
            UnitKind::Percent => "a percentage is between 0 and 100: write 12.5 for 12,5 %; set min:/max: if this indicator may go beyond".to_string(),
            UnitKind::Boolean => "write 1 for met (đạt) and 0 for not met (chưa đạt)".to_string(),
            _ => format!("check the value, or set min:/max: for this indicator ({range})"),
        };
        (format!("the value {value} is impossible here: it must be {range}"), help)
    }
}

/// The first few names of a list, comma-separated, then how many more: help texts of
/// many errors must not each copy a list of 100,000 names (issue 8).
fn some_of<'n>(names: impl ExactSizeIterator<Item = &'n str>) -> String {
    const SHOWN: usize = 20;
    let more = names.len().saturating_sub(SHOWN);
    let shown: Vec<&str> = names.take(SHOWN).collect();
    match more {
        0 => shown.join(", "),
        n => format!("{} and {n} more", shown.join(", ")),
    }
}

pub(super) fn read_series(raw: &RawIndicator, ctx: &mut Ctx<'_>) {
    for (i, s) in raw.series.iter().enumerate() {
        let yaml = ctx.yaml;
        let Some(geo) = ctx.resolve_geo(&s.geo, || yaml.locate(&["series", &i.to_string(), "geo"])) else {
            continue;
        };
        let Some(key) =
            ctx.breakdown(&s.disaggregation, || yaml.locate(&["series", &i.to_string(), "disaggregation"]))
        else {
            continue;
        };
        for (year, value) in &s.values {
            match value {
                Some(Figure::Number(v)) => ctx.add(geo, key.clone(), *year, *v, Place::Series(i, *year)),
                Some(Figure::Text(t)) => {
                    let at = ctx.locate(&Place::Series(i, *year), "");
                    ctx.errors.push(text_figure(&format!("series[{i}].values.{year}"), t).at(at));
                }
                None => ctx.no_value(i, *year),
            }
        }
    }
}

impl Ctx<'_> {
    /// A year written without a value: a decimal comma inside `{…}` (`{2023: 14,94}` reads as
    /// 2023 → 14 and 94 → nothing), or a forgotten figure. Either way an error (issue 9).
    fn no_value(&mut self, series: usize, year: i64) {
        let mut at = self.locate(&Place::Series(series, year), "");
        let first = self.yaml.yaml.first_line;
        let lines: Vec<&str> = self.yaml.yaml.text.lines().take(at.line.saturating_sub(first) + 1).collect();
        // an empty value is placed where the next token starts: point at the year instead
        let key = format!("{year}:");
        if let Some((n, column)) =
            lines.iter().enumerate().rev().find_map(|(n, l)| l.find(&key).map(|c| (n, c)))
        {
            at = Location::at(&at.path, n + first, lines[n][..column].chars().count() + 1);
        }
        let line = lines.get(at.line.saturating_sub(first)).copied();
        let error = match line.and_then(|l| decimal_comma(l, year)) {
            Some((column, whole)) => Error::new(
                ErrorKind::Value,
                format!("`{whole},{year}` is read as two entries: a comma separates the entries of `{{…}}`"),
            )
            .at(Location::at(&at.path, at.line, column))
            .help(format!("write {whole}.{year} (a dot for decimals)")),
            None if !YEARS.contains(&year) => Error::new(
                ErrorKind::Value,
                format!("year {year} is out of range"),
            )
            .at(at)
            .help(format!("years go from {} to {}", YEARS.start(), YEARS.end())),
            None => Error::new(ErrorKind::Value, format!("year {year} has no value"))
                .at(at)
                .help(format!("write the figure after the colon, e.g. {year}: 12.5, or leave the year out")),
        };
        self.errors.push(error);
    }
}

/// The error for text where a figure belongs (`"30,5"`, `"12 %"`), as the YAML reader would
/// word it, with the number meant as the figure rule of tables names it (issue 14).
fn text_figure(field: &str, text: &str) -> Error {
    let help = match meant(text, Decimal::Dot) {
        Some(Meant::One(m)) => format!("write {m} (a dot for decimals, no quotes)"),
        Some(Meant::Either(a, b)) => {
            format!("write {a} if it is a decimal comma, or {b} if it separates thousands")
        }
        None => "write a plain number with a dot for decimals, e.g. 12.5 (no % sign, no thousands separator)"
            .to_string(),
    };
    Error::new(ErrorKind::Schema, format!("expected a number in `{field}`, found the text \"{text}\""))
        .help(help)
}

/// Where `<digits>,<year>` stands in a line (1-based column of its first digit) and the digits
/// before the comma: the shape of a decimal comma that YAML split in two.
fn decimal_comma(line: &str, year: i64) -> Option<(usize, String)> {
    let after = format!(",{year}");
    let bytes = line.as_bytes();
    line.match_indices(&after).find_map(|(at, _)| {
        let end = at + after.len();
        if bytes.get(end).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let start = bytes[..at].iter().rposition(|b| !b.is_ascii_digit()).map_or(0, |p| p + 1);
        let whole = &line[start..at];
        let before = line[..start].trim_end();
        (!whole.is_empty() && before.ends_with(':'))
            .then(|| (line[..start].chars().count() + 1, whole.to_string()))
    })
}

pub(super) fn read_observations(raw: &RawIndicator, ctx: &mut Ctx<'_>) {
    for (i, o) in raw.observations.iter().enumerate() {
        let yaml = ctx.yaml;
        let Some(geo) = ctx.resolve_geo(&o.geo, || yaml.locate(&["observations", &i.to_string(), "geo"]))
        else {
            continue;
        };
        let Some(key) = ctx.breakdown(&o.disaggregation, || {
            yaml.locate(&["observations", &i.to_string(), "disaggregation"])
        }) else {
            continue;
        };
        match &o.value {
            Figure::Number(v) => ctx.add(geo, key, o.year, *v, Place::Observation(i)),
            Figure::Text(t) => {
                let at = ctx.locate(&Place::Observation(i), "value");
                ctx.errors.push(text_figure(&format!("observations[{i}].value"), t).at(at));
            }
        }
    }
}

/// A warning for a year-end figure of a unit that ceased during that year (issue 9, item 6): a
/// commune merged on 1 July 2025 has no 31 December 2025 figure; its successor has.
fn ceased_during(geo: &Geo, unit: usize, year: i32) -> Option<Error> {
    let u = &geo.units[unit];
    let until = u.until.filter(|d| d.year == year && (d.month, d.day) != (12, 31))?;
    let successor = u.merged_into.first().map(|&s| &geo.units[s]);
    let merged = successor.map(|s| format!(" and was merged into `{}` ({})", s.id, s.full_name()));
    let help = match successor {
        Some(s) => format!(
            "give the {year} figure to `{}`, or keep it here only if it was measured before {}",
            s.id,
            until.dmy()
        ),
        None => format!("check that the {year} figure was measured before {}", until.dmy()),
    };
    Some(
        Error::warning(
            ErrorKind::Value,
            format!(
                "`{}` ceased on {}{}, so a {year} year-end figure cannot be its own",
                u.id,
                until.dmy(),
                merged.unwrap_or_default()
            ),
        )
        .help(help),
    )
}
