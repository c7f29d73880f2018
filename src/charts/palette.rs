//! Colours that colour-blind readers can tell apart.
//!
//! Lines use the Okabe–Ito palette (Okabe and Ito 2008); values use ColorBrewer's
//! diverging PuOr scale (orange for negative, white for zero, purple for positive),
//! which stays readable in every common form of colour blindness and in greyscale.

use plotters::style::RGBColor;

/// Okabe–Ito: blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow.
pub const LINES: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
];

/// Text and axes.
pub const TEXT: RGBColor = RGBColor(40, 44, 52);
/// Secondary text, reference lines.
pub const MUTED: RGBColor = RGBColor(120, 124, 132);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(228, 230, 234);

/// PuOr, seven stops from -1 to 1.
const PU_OR: [(u8, u8, u8); 7] = [(179, 88, 6), (241, 163, 64), (254, 224, 182), (247, 247, 247), (216, 218, 235), (153, 142, 195), (84, 39, 136)];

/// The diverging colour of `v` on a scale from `-range` to `range` (clamped).
pub fn diverging(v: f32, range: f32) -> RGBColor {
    if !v.is_finite() {
        return RGBColor(0, 0, 0);
    }
    let x = if range > 0.0 { (v / range).clamp(-1.0, 1.0) } else { 0.0 };
    let pos = (x + 1.0) * 0.5 * (PU_OR.len() - 1) as f32;
    let i = (pos.floor() as usize).min(PU_OR.len() - 2);
    let f = pos - i as f32;
    let mix = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * f).round() as u8;
    let (a, b) = (PU_OR[i], PU_OR[i + 1]);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The line colour of series `i`.
pub fn line(i: usize) -> RGBColor {
    LINES[i % LINES.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_is_white_and_the_ends_are_the_scale_ends() {
        assert_eq!(diverging(0.0, 1.0), RGBColor(247, 247, 247));
        assert_eq!(diverging(-5.0, 1.0), RGBColor(179, 88, 6));
        assert_eq!(diverging(1.0, 1.0), RGBColor(84, 39, 136));
    }
}
