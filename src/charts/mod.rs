//! Charts, drawn with plotters on any `DrawingBackend`: a `<canvas>` in the browser
//! (plotters-canvas) or a PNG / SVG file from the command line. Each chart is one function
//! `draw(area, data, style)`; the caller picks the backend and calls `present()`.
//!
//! Every chart accepts any numbers: axes are computed in f64 and clamped to what float32
//! can draw ([`axis`]), and a point that cannot be drawn (NaN, an overflow, zero on a log
//! scale, outside a fixed axis) is marked at the edge and counted in [`Drawn`], so the
//! page's caption can say so. Each chart also gives the [`Table`] of what it drew.

pub mod axis;
pub mod heatmap;
pub mod legend;
pub mod line;
mod metrics_table;
pub mod palette;
pub mod spectrum;
pub mod svg;
pub mod table;
pub mod title;

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

pub use heatmap::{draw_heatmap, HeatmapChart};
pub use line::{draw_line_chart, LineChart, Series};
pub use spectrum::{draw_spectrum, SpectrumChart};
pub use table::Table;

/// Sizes that scale with the device: `scale` is the canvas's device-pixel ratio (2 on a
/// retina laptop), so text is the same size to the eye everywhere; `text` enlarges the
/// type (1.5 in presenter mode).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub scale: f32,
    pub text: f32,
}

impl Default for Style {
    fn default() -> Self {
        Style { scale: 1.0, text: 1.0 }
    }
}

/// The charts' two text sizes, in CSS pixels. Two on purpose: on a page, each size (at each
/// device pixel ratio) is a font "strike" set up on first use, and Chromium on Linux asks its
/// browser process for each strike's settings with a synchronous message that the page
/// waits for while it draws (the page's stylesheet keeps few sizes for the same reason).
const TITLE_PX: f32 = 13.0;
const TEXT_PX: f32 = 11.0;

impl Style {
    /// A length in device pixels.
    pub fn px(&self, css_pixels: f32) -> u32 {
        (css_pixels * self.scale).round().max(1.0) as u32
    }

    /// A length in device pixels that grows with the type.
    pub fn tx(&self, css_pixels: f32) -> u32 {
        (css_pixels * self.scale * self.text).round().max(1.0) as u32
    }

    /// The font of titles and of an empty chart's message.
    pub fn title_font(&self) -> TextStyle<'static> {
        self.font(TITLE_PX)
    }

    /// The font of everything else: ticks, axis names, legends, the colour bar.
    pub fn text_font(&self) -> TextStyle<'static> {
        self.font(TEXT_PX)
    }

    fn font(&self, css_pixels: f32) -> TextStyle<'static> {
        // The family as plotters' own variant: naming it by a string would parse it with
        // `to_lowercase`, which brings Unicode's case tables into the page's download.
        (FontFamily::SansSerif, css_pixels as f64 * self.scale as f64 * self.text as f64).into_font().color(&palette::TEXT)
    }
}

/// A drawing failure, as text (the backends' error types differ).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not draw the chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// What a chart could not draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Drawn {
    /// Points above the axis, infinite or not a number (marked ▲ at the top edge).
    pub above: usize,
    /// Points below the axis, or zero or negative on a log scale (marked × at the bottom).
    pub below: usize,
}

impl Drawn {
    /// All points not drawn where they are.
    pub fn hidden(&self) -> usize {
        self.above + self.below
    }
}

/// Result of drawing.
pub type ChartResult = Result<Drawn, ChartError>;

/// Clears an area and writes a centred message (for charts with nothing to show yet).
pub fn draw_message<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, title: &str, message: &str, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    title::draw_left(area, title, style)?;
    let font = style
        .title_font()
        .color(&palette::MUTED)
        .pos(plotters::style::text_anchor::Pos::new(plotters::style::text_anchor::HPos::Center, plotters::style::text_anchor::VPos::Center));
    area.draw(&Text::new(message.to_string(), (w as i32 / 2, h as i32 / 2), font))?;
    Ok(Drawn::default())
}

/// `s` cut to `max` characters with an ellipsis (long tokens on axes and in legends).
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The methods of a `DrawingBackend` that pass straight to `self.inner`: a wrapper backend
/// ([`svg::MetricSvg`], the page's canvas) changes only how it measures text, and writes
/// `estimate_text_size` itself (and `draw_text`, with `delegate_drawing!(shapes)`). The
/// expanding module names `Result` and the backend types.
/// Exported for the binding's canvas (src/web), a crate of its own.
#[doc(hidden)]
#[macro_export]
macro_rules! delegate_drawing {
    () => {
        $crate::delegate_drawing!(shapes);
        fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> Result<()> {
            self.inner.draw_text(text, style, pos)
        }
    };
    // Everything but text: the page's canvas draws text in the page's font.
    (shapes) => {
        fn get_size(&self) -> (u32, u32) {
            self.inner.get_size()
        }
        fn ensure_prepared(&mut self) -> Result<()> {
            self.inner.ensure_prepared()
        }
        fn present(&mut self) -> Result<()> {
            self.inner.present()
        }
        fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<()> {
            self.inner.draw_pixel(point, color)
        }
        fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<()> {
            self.inner.draw_line(from, to, style)
        }
        fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result<()> {
            self.inner.draw_rect(upper_left, bottom_right, style, fill)
        }
        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<()> {
            self.inner.draw_path(path, style)
        }
        fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<()> {
            self.inner.draw_circle(center, radius, style, fill)
        }
        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<()> {
            self.inner.fill_polygon(vert, style)
        }
    };
}
pub use delegate_drawing;

#[cfg(not(target_arch = "wasm32"))]
pub mod files;

/// The table of advances (made by scripts/fonts/make_metrics.py) is the font's: each
/// character's advance, the units per em and the missing glyph's advance, read again from
/// the bundled font file.
#[cfg(test)]
mod metrics_are_the_fonts {
    use super::metrics_table::{ADVANCES, NOTDEF, UNITS_PER_EM};

    #[test]
    fn every_advance_is_the_fonts() {
        let data = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/LiberationSans-Regular.ttf")).unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        assert_eq!(face.units_per_em(), UNITS_PER_EM);
        assert_eq!(face.glyph_hor_advance(ttf_parser::GlyphId(0)), Some(NOTDEF));
        assert!(ADVANCES.windows(2).all(|w| w[0].0 < w[1].0), "sorted by code point");
        for &(cp, advance) in &ADVANCES {
            let glyph = face.glyph_index(char::from_u32(cp).unwrap()).unwrap_or_else(|| panic!("U+{cp:04X} is not in the font"));
            assert_eq!(face.glyph_hor_advance(glyph), Some(advance), "U+{cp:04X}");
        }
    }
}
