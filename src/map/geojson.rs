//! Reading `content/boundaries.geojson`: one feature per geo unit, keyed by `properties.id`.
//!
//! The file is untrusted: it is read in one linear pass, with a cap on features and
//! positions, and every mistake is an error naming the file, the feature and why.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::check::{check_polygon, ring_error};
use crate::error::{Error, ErrorKind, Errors, Location};
use crate::geo::Geo;

/// At most this many features in one file.
pub const MAX_FEATURES: usize = 50_000;
/// At most this many positions in one file (a detailed national file has about two million).
pub const MAX_POSITIONS: usize = 20_000_000;
/// After this many errors in one file, the rest are counted, not described.
const MAX_ERRORS: usize = 50;

/// A ring: longitude/latitude positions, the closing position left out.
pub type Ring = Vec<(f64, f64)>;
/// A polygon: its outer ring, then its holes.
pub type Polygon = Vec<Ring>;

/// The shape of one geo unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// Index of the unit in the geography.
    pub unit: usize,
    /// Its polygons (one for most communes, several for islands).
    pub polygons: Vec<Polygon>,
}

/// Every shape of the boundaries file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Boundaries {
    /// The file, relative to the site root.
    pub path: String,
    /// Shapes in file order.
    pub shapes: Vec<Shape>,
}

impl Boundaries {
    /// The shape of a unit, if the file has one.
    pub fn shape_of(&self, unit: usize) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.unit == unit)
    }
}

#[derive(Deserialize)]
struct RawCollection {
    #[serde(rename = "type")]
    kind: String,
    features: Vec<RawFeature>,
}

#[derive(Deserialize)]
struct RawFeature {
    #[serde(default)]
    properties: Option<HashMap<String, Value>>,
    #[serde(default)]
    geometry: Option<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    coordinates: Value,
}

/// Parse and validate a GeoJSON FeatureCollection of unit boundaries.
pub fn parse_boundaries(path: &str, text: &str, geo: &Geo) -> Result<Boundaries, Errors> {
    let raw: RawCollection = serde_json::from_str(text).map_err(|e| {
        Error::new(ErrorKind::Syntax, format!("not a GeoJSON FeatureCollection: {e}"))
            .at(Location::at(path, e.line(), e.column()))
            .help("write {\"type\": \"FeatureCollection\", \"features\": [...]} with one feature per unit")
    })?;
    if raw.kind != "FeatureCollection" {
        return Err(Error::new(
            ErrorKind::Schema,
            format!("the type is `{}`, not FeatureCollection", raw.kind),
        )
        .at(Location::file(path))
        .help("write {\"type\": \"FeatureCollection\", \"features\": [...]}")
        .into());
    }
    if raw.features.len() > MAX_FEATURES {
        return Err(Error::new(
            ErrorKind::Value,
            format!(
                "{} features is more than the {MAX_FEATURES} a boundaries file may hold",
                raw.features.len()
            ),
        )
        .at(Location::file(path))
        .help("keep one feature per unit of content/geo.yaml")
        .into());
    }
    let mut reader =
        Reader { path, geo, errors: Errors::new(), positions: 0, seen: HashMap::new(), dropped: 0 };
    let shapes: Vec<Shape> =
        raw.features.iter().enumerate().filter_map(|(n, f)| reader.feature(n, f)).collect();
    if reader.dropped > 0 {
        reader.errors.push(
            Error::new(ErrorKind::Value, format!("and {} more mistakes in the boundaries", reader.dropped))
                .at(Location::file(path))
                .help("fix the mistakes above, then check again"),
        );
    }
    reader.errors.into_result(Boundaries { path: path.to_string(), shapes })
}

struct Reader<'a> {
    path: &'a str,
    geo: &'a Geo,
    errors: Errors,
    positions: usize,
    seen: HashMap<usize, usize>,
    dropped: usize,
}

impl Reader<'_> {
    fn push(&mut self, error: Error) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(error.at(Location::file(self.path)));
        } else {
            self.dropped += 1;
        }
    }

    fn feature(&mut self, n: usize, f: &RawFeature) -> Option<Shape> {
        let id = f.properties.as_ref().and_then(|p| p.get("id")).and_then(Value::as_str);
        let Some(id) = id else {
            self.push(
                Error::new(ErrorKind::Schema, format!("feature {n} has no `properties.id`"))
                    .help("give each feature the id of its unit, e.g. \"properties\": {\"id\": \"ta-lung\"}"),
            );
            return None;
        };
        let name = format!("feature {n} (`{id}`)");
        let Some(unit) = self.geo.find(id) else {
            let hint =
                if self.errors.len() < 5 { self.geo.unknown(id) } else { self.geo.unknown_without_hint(id) };
            self.push(Error::new(ErrorKind::Reference, format!("{name}: {}", hint.message)).help(
                hint.help.unwrap_or_else(|| "use the id of a unit listed in content/geo.yaml".to_string()),
            ));
            return None;
        };
        if let Some(first) = self.seen.insert(unit, n) {
            self.push(
                Error::new(ErrorKind::Duplicate, format!("{name}: feature {first} already has this id"))
                    .help("give each unit one feature; put its islands in one MultiPolygon"),
            );
            return None;
        }
        self.check_period(&name, unit, f.properties.as_ref());
        let Some(g) = &f.geometry else {
            self.push(
                Error::new(ErrorKind::Schema, format!("{name} has no geometry"))
                    .help("give it a Polygon or MultiPolygon geometry"),
            );
            return None;
        };
        let polygons = self.geometry(&name, g)?;
        let mut ok = true;
        for (p, polygon) in polygons.iter().enumerate() {
            for problem in check_polygon(polygon) {
                ok = false;
                self.push(ring_error(&name, p, problem));
            }
        }
        ok.then_some(Shape { unit, polygons })
    }

    /// `from`/`until` in a feature's properties, when given, must agree with geo.yaml.
    fn check_period(&mut self, name: &str, unit: usize, props: Option<&HashMap<String, Value>>) {
        let u = &self.geo.units[unit];
        for (field, date) in [("from", u.from), ("until", u.until)] {
            let Some(written) = props.and_then(|p| p.get(field)).and_then(Value::as_str) else { continue };
            let expected = date.map(|d| d.iso()).unwrap_or_default();
            if written != expected {
                self.push(
                    Error::new(
                        ErrorKind::Value,
                        format!("{name}: `{field}` is {written}, but content/geo.yaml says `{expected}`"),
                    )
                    .help("remove the date from the feature or make it agree with content/geo.yaml"),
                );
            }
        }
    }

    fn geometry(&mut self, name: &str, g: &RawGeometry) -> Option<Vec<Polygon>> {
        let polygons = match g.kind.as_str() {
            "Polygon" => vec![&g.coordinates],
            "MultiPolygon" => match g.coordinates.as_array() {
                Some(list) => list.iter().collect(),
                None => vec![&Value::Null],
            },
            other => {
                self.push(
                    Error::new(
                        ErrorKind::Schema,
                        format!("{name} is a {other}, not a Polygon or MultiPolygon"),
                    )
                    .help("draw each unit as a Polygon, or a MultiPolygon when it has islands"),
                );
                return None;
            }
        };
        let mut out = Vec::with_capacity(polygons.len());
        for (p, value) in polygons.into_iter().enumerate() {
            match self.polygon(value) {
                Ok(polygon) => out.push(polygon),
                Err(why) => {
                    self.push(ring_error(name, p, why));
                    return None;
                }
            }
        }
        Some(out)
    }

    fn polygon(&mut self, value: &Value) -> Result<Polygon, String> {
        let rings =
            value.as_array().filter(|r| !r.is_empty()).ok_or("its coordinates are not a list of rings")?;
        rings.iter().map(|r| self.ring(r)).collect()
    }

    fn ring(&mut self, value: &Value) -> Result<Ring, String> {
        let list = value.as_array().ok_or("a ring is not a list of positions")?;
        self.positions += list.len();
        if self.positions > MAX_POSITIONS {
            return Err(format!("the file has more than {MAX_POSITIONS} positions"));
        }
        let mut ring = Vec::with_capacity(list.len());
        for (k, pos) in list.iter().enumerate() {
            let pair = pos
                .as_array()
                .filter(|p| p.len() >= 2)
                .ok_or(format!("position {k} is not [longitude, latitude]"))?;
            let (Some(x), Some(y)) = (pair[0].as_f64(), pair[1].as_f64()) else {
                return Err(format!("position {k} is not [longitude, latitude]"));
            };
            if !x.is_finite() || !y.is_finite() || x.abs() > 180.0 || y.abs() > 90.0 {
                return Err(format!("position {k} ({x}, {y}) is not a finite longitude and latitude"));
            }
            ring.push((x, y));
        }
        if ring.len() < 4 {
            return Err(format!("a ring has {} positions; it needs at least 4", ring.len()));
        }
        if ring.first() != ring.last() {
            return Err("a ring is not closed: its last position differs from its first".to_string());
        }
        while ring.len() > 1 && ring.first() == ring.last() {
            ring.pop();
        }
        Ok(ring)
    }
}
