//! Charts as SVG documents, laid out the same on the command line and in the browser.
//!
//! Laying out a chart measures its labels. The command line could measure with the
//! bundled font file and the page with the browser's fonts, but then the same chart would
//! come out a few pixels apart. Both measure here instead, with the advance widths of the
//! bundled Liberation Sans ([`super::metrics_table`]), so `rnnp plot -o chart.svg` and the
//! page's SVG export are the same document for the same settings and size.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use super::metrics_table::{ADVANCES, NOTDEF, UNITS_PER_EM};
use super::{ChartError, Drawn, Style};

/// The width of `text` at `size` pixels in Liberation Sans. A character the font does not
/// have is counted as a browser draws it from another font: a CJK ideograph or a full-width
/// form one em, anything else the font's .notdef advance.
pub fn text_width(text: &str, size: f64) -> f64 {
    let units: u32 = text
        .chars()
        .map(|c| {
            let cp = c as u32;
            match ADVANCES.binary_search_by_key(&cp, |&(k, _)| k) {
                Ok(i) => u32::from(ADVANCES[i].1),
                Err(_) if is_wide(cp) => u32::from(UNITS_PER_EM),
                Err(_) => u32::from(NOTDEF),
            }
        })
        .sum();
    f64::from(units) * size / f64::from(UNITS_PER_EM)
}

/// CJK ideographs, kana, hangul and full-width forms: one em wide.
fn is_wide(cp: u32) -> bool {
    matches!(cp, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF)
}

/// plotters' SVG backend, measuring text with [`text_width`].
pub struct MetricSvg<'a> {
    inner: SVGBackend<'a>,
}

type Result<T> = std::result::Result<T, DrawingErrorKind<<SVGBackend<'static> as DrawingBackend>::ErrorType>>;

impl<'a> MetricSvg<'a> {
    /// A backend writing an SVG document of `size` pixels into `text` (as [`render_svg`] does).
    pub fn with_string(text: &'a mut String, size: (u32, u32)) -> Self {
        MetricSvg { inner: SVGBackend::with_string(text, size) }
    }
}

impl DrawingBackend for MetricSvg<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    crate::charts::delegate_drawing!();
    /// The width from the font's advances; the height of a line of that size (1.15 em, as
    /// the canvas backend counts it).
    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> Result<(u32, u32)> {
        Ok((text_width(text, style.size()).ceil() as u32, (style.size() * 1.15).ceil() as u32))
    }
}

/// Draws with `draw` into an SVG document of `width` × `height` pixels.
pub fn render_svg<F>(width: u32, height: u32, draw: F) -> std::result::Result<(String, Drawn), ChartError>
where
    F: FnOnce(&DrawingArea<MetricSvg<'_>, Shift>, &Style) -> std::result::Result<Drawn, ChartError>,
{
    let mut text = String::new();
    let drawn = {
        let root = MetricSvg::with_string(&mut text, (width, height)).into_drawing_area();
        let drawn = draw(&root, &Style::default())?;
        root.present()?;
        drawn
    };
    Ok((text, drawn))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font_and_wide_characters_are_one_em() {
        // Liberation Sans: "i" is narrow, "W" wide; an ideograph is one em.
        assert!(text_width("i", 100.0) < text_width("W", 100.0));
        assert_eq!(text_width("北京", 20.0), 40.0);
        assert_eq!(text_width("", 20.0), 0.0);
        assert!((text_width("ab", 10.0) - text_width("a", 10.0) - text_width("b", 10.0)).abs() < 1e-9);
    }
}
