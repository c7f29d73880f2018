//! Charts, drawn with plotters on any `DrawingBackend`: a `<canvas>` in the browser
//! (plotters-canvas) or a PNG / SVG file from the command line. Each chart is one function
//! `draw(area, data, style)`; the caller picks the backend and calls `present()`.

pub mod heatmap;
pub mod line;
pub mod palette;
pub mod spectrum;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use heatmap::{draw_hidden, HiddenChart};
pub use line::{draw_line_chart, LineChart, Series};
pub use spectrum::{draw_spectral_view, draw_spectrum, SpectrumChart};

/// Sizes that scale with the device: `scale` is the canvas's device-pixel ratio (2 on a
/// retina laptop), so text is the same size to the eye everywhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub scale: f32,
}

impl Default for Style {
    fn default() -> Self {
        Style { scale: 1.0 }
    }
}

impl Style {
    /// A length in device pixels.
    pub fn px(&self, css_pixels: f32) -> u32 {
        (css_pixels * self.scale).round().max(1.0) as u32
    }

    /// The font for labels and ticks.
    pub fn font(&self, css_pixels: f32) -> TextStyle<'static> {
        ("sans-serif", css_pixels as f64 * self.scale as f64).into_font().color(&palette::TEXT)
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

/// Result of drawing.
pub type ChartResult = Result<(), ChartError>;

/// Clears an area and writes a centred message (for charts with nothing to show yet).
pub fn draw_message<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, title: &str, message: &str, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    area.draw(&Text::new(title.to_string(), (style.px(8.0) as i32, style.px(6.0) as i32), style.font(14.0)))?;
    let font = style
        .font(13.0)
        .color(&palette::MUTED)
        .pos(plotters::style::text_anchor::Pos::new(plotters::style::text_anchor::HPos::Center, plotters::style::text_anchor::VPos::Center));
    area.draw(&Text::new(message.to_string(), (w as i32 / 2, h as i32 / 2), font))?;
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
pub mod files;
