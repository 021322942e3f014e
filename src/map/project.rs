//! The projection: equirectangular, with longitudes scaled by the cosine of the middle
//! latitude, fitted into a viewBox. Within a province (or Vietnam's 15 degrees of latitude)
//! this keeps shapes and areas within a few per cent, and it is linear, so a shared border
//! projects to the same line on both sides. A national frame always takes in the Hoàng Sa
//! and Trường Sa archipelagos.

/// Longitude/latitude box of the Hoàng Sa archipelago (đặc khu Hoàng Sa, Đà Nẵng).
pub const HOANG_SA: (f64, f64, f64, f64) = (111.2, 15.7, 112.9, 17.1);
/// Longitude/latitude box of the Trường Sa archipelago (đặc khu Trường Sa, Khánh Hòa).
pub const TRUONG_SA: (f64, f64, f64, f64) = (111.5, 6.5, 117.8, 11.5);

/// Space around the shapes, in viewBox units.
const PAD: f64 = 4.0;

/// A fitted projection: longitude/latitude to viewBox units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    min_lon: f64,
    max_lat: f64,
    kx: f64,
    scale: f64,
    /// Width of the drawing, in viewBox units.
    pub width: u32,
    /// Height of the drawing, in viewBox units.
    pub height: u32,
}

impl Frame {
    /// Fit the box `(min_lon, min_lat, max_lon, max_lat)` into `width` units, at most
    /// `max_height` units tall.
    pub fn fit(
        (min_lon, min_lat, max_lon, max_lat): (f64, f64, f64, f64),
        width: u32,
        max_height: u32,
    ) -> Frame {
        let kx = ((min_lat + max_lat) / 2.0).to_radians().cos().max(0.1);
        let span_x = ((max_lon - min_lon) * kx).max(1e-9);
        let span_y = (max_lat - min_lat).max(1e-9);
        let inner_w = f64::from(width) - 2.0 * PAD;
        let inner_h = f64::from(max_height) - 2.0 * PAD;
        let scale = (inner_w / span_x).min(inner_h / span_y);
        let height = (span_y * scale + 2.0 * PAD).ceil() as u32;
        let shift = (inner_w - span_x * scale) / 2.0 / scale / kx;
        Frame { min_lon: min_lon - shift, max_lat, kx, scale, width, height }
    }

    /// The viewBox position of a longitude/latitude.
    pub fn project(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        ((lon - self.min_lon) * self.kx * self.scale + PAD, (self.max_lat - lat) * self.scale + PAD)
    }
}

/// The box of some positions, widened to take in the archipelagos on a national frame.
pub fn bounds(points: impl Iterator<Item = (f64, f64)>, national: bool) -> Option<(f64, f64, f64, f64)> {
    let mut b: Option<(f64, f64, f64, f64)> = None;
    for (x, y) in points {
        b = Some(match b {
            None => (x, y, x, y),
            Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        });
    }
    if national {
        for (ax0, ay0, ax1, ay1) in [HOANG_SA, TRUONG_SA] {
            let (x0, y0, x1, y1) = b.unwrap_or((ax0, ay0, ax1, ay1));
            b = Some((x0.min(ax0), y0.min(ay0), x1.max(ax1), y1.max(ay1)));
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_keeps_the_box_inside_the_view_box() {
        let f = Frame::fit((105.0, 21.0, 106.0, 22.0), 400, 600);
        let (x0, y0) = f.project((105.0, 22.0));
        let (x1, y1) = f.project((106.0, 21.0));
        assert!(
            x0 >= 3.9 && y0 >= 3.9 && x1 <= 396.1 && y1 <= f64::from(f.height) - 3.9,
            "{x0} {y0} {x1} {y1}"
        );
        // a degree of longitude is shorter than a degree of latitude at 21.5° N
        assert!((x1 - x0) < (y1 - y0));
    }

    // issue 16: a national map always takes in Hoàng Sa and Trường Sa
    #[test]
    fn a_national_frame_takes_in_both_archipelagos() {
        let mainland = [(102.1, 8.6), (109.5, 23.4)];
        let b = bounds(mainland.into_iter(), true).unwrap();
        let f = Frame::fit(b, 400, 800);
        for (x0, y0, x1, y1) in [HOANG_SA, TRUONG_SA] {
            for p in [(x0, y0), (x1, y1)] {
                let (x, y) = f.project(p);
                assert!(
                    (0.0..=400.0).contains(&x) && (0.0..=f64::from(f.height)).contains(&y),
                    "{p:?} → {x},{y}"
                );
            }
        }
        assert_eq!(bounds(mainland.into_iter(), false), Some((102.1, 8.6, 109.5, 23.4)));
    }
}
