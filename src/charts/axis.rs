//! Axis ranges that can always be drawn.
//!
//! plotters computes tick positions in the coordinate type (f32 here); an infinite or NaN
//! range, or one whose ends are equal in f32, makes that loop run forever. So every range
//! is computed in f64 from the finite data, clamped to [`LINEAR_LIMIT`] (or, on a log
//! scale, to decades float32 and a little more can show), and widened until its ends
//! differ in f32.

/// The largest magnitude of a linear axis end (f32 reaches 3.4e38; the ticks need room).
pub const LINEAR_LIMIT: f64 = 1e37;
/// The decades a log axis may span: 10^-330 … 10^330 (f64's whole range).
pub const LOG_LIMIT: f64 = 330.0;

/// A drawable range: finite f32 ends with `lo < hi`.
pub fn drawable(lo: f64, hi: f64, limit: f64) -> (f32, f32) {
    let clamp = |v: f64| {
        if v.is_finite() {
            v.clamp(-limit, limit)
        } else if v > 0.0 {
            limit
        } else {
            -limit
        }
    };
    let (mut lo, mut hi) = (clamp(lo), clamp(hi));
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    let centre = 0.5 * (lo + hi);
    let min_span = (centre.abs() * 1e-5).max(1e-30);
    if hi - lo < min_span {
        lo = centre - min_span;
        hi = centre + min_span;
    }
    let (a, b) = (lo as f32, hi as f32);
    if a < b && a.is_finite() && b.is_finite() {
        (a, b)
    } else {
        (-1.0, 1.0)
    }
}

/// The range of the finite `values`, padded by 8% (a constant gets ±1e-3 of itself), or
/// `None` if none is finite.
pub fn padded(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) = values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if lo > hi {
        return None;
    }
    let pad = ((hi - lo) * 0.08).max(1e-3 * hi.abs().max(lo.abs()).max(1e-3));
    Some((lo - pad, hi + pad))
}

/// How many tick labels fit along `pixels`, one every `spacing` pixels, within [lo, hi].
pub fn tick_count(pixels: u32, spacing: u32, lo: usize, hi: usize) -> usize {
    ((pixels / spacing.max(1)) as usize).clamp(lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_range_becomes_drawable() {
        for (lo, hi) in [(f64::NAN, 1.0), (0.0, f64::INFINITY), (1e300, 1e300), (3.0, 3.0), (5.0, -5.0), (f64::NEG_INFINITY, f64::NAN), (1e30, 1e30 + 1.0)] {
            let (a, b) = drawable(lo, hi, LINEAR_LIMIT);
            assert!(a.is_finite() && b.is_finite() && a < b, "{lo}..{hi} gave {a}..{b}");
        }
    }

    #[test]
    fn padding_ignores_what_is_not_finite() {
        assert_eq!(padded([f64::NAN, f64::INFINITY].into_iter()), None);
        let (lo, hi) = padded([1.0, 2.0, f64::NAN].into_iter()).unwrap();
        assert!(lo < 1.0 && hi > 2.0);
    }
}
