//! Charts as PNG or SVG files, for slides and exams (command line only).
//!
//! A PNG draws its text with a font file: one is bundled (Liberation Sans, SIL Open Font License,
//! `assets/fonts/`), so the pictures look the same on every machine.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{ChartError, ChartResult, Style};

static FONT: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");

fn register_font() -> Result<(), ChartError> {
    static DONE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let ok = *DONE.get_or_init(|| plotters::style::register_font("sans-serif", FontStyle::Normal, FONT).is_ok());
    if ok {
        Ok(())
    } else {
        Err(ChartError("the bundled font could not be loaded".into()))
    }
}

/// Draws with `draw` into a PNG or an SVG file, chosen by the extension of `path`.
pub fn render_to_file(path: &Path, width: u32, height: u32, draw: impl Fn(&dyn AnyArea, &Style) -> ChartResult) -> ChartResult {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => {
            let (text, drawn) = render_to_svg(width, height, draw)?;
            std::fs::write(path, text).map_err(|e| ChartError(format!("{}: {e}", path.display())))?;
            Ok(drawn)
        }
        Some("png") => {
            // The PNG draws its text with the bundled font.
            register_font()?;
            let root = BitMapBackend::new(path, (width, height)).into_drawing_area();
            let drawn = draw(&PngArea(&root), &Style::default())?;
            root.present()?;
            Ok(drawn)
        }
        _ => Err(ChartError(format!("{}: the file name must end in .png or .svg", path.display()))),
    }
}

/// Draws with `draw` into an SVG document in memory: the same document the page exports
/// ([`super::svg`]).
pub fn render_to_svg(width: u32, height: u32, draw: impl Fn(&dyn AnyArea, &Style) -> ChartResult) -> Result<(String, super::Drawn), ChartError> {
    super::svg::render_svg(width, height, |root, style| draw(&SvgArea(root), style))
}

/// A drawing area of either file backend, so one closure can draw to both.
pub trait AnyArea {
    /// Draws a line chart.
    fn line(&self, chart: &super::LineChart, style: &Style) -> ChartResult;
    /// Draws the complex-plane spectrum.
    fn spectrum(&self, chart: &super::SpectrumChart, style: &Style) -> ChartResult;
    /// Draws a heatmap.
    fn heatmap(&self, chart: &super::HeatmapChart, style: &Style) -> ChartResult;
}

struct SvgArea<'a, 'b>(&'a DrawingArea<super::svg::MetricSvg<'b>, Shift>);
struct PngArea<'a, 'b>(&'a DrawingArea<BitMapBackend<'b>, Shift>);

macro_rules! any_area {
    ($t:ident) => {
        impl AnyArea for $t<'_, '_> {
            fn line(&self, chart: &super::LineChart, style: &Style) -> ChartResult {
                super::draw_line_chart(self.0, chart, style)
            }
            fn spectrum(&self, chart: &super::SpectrumChart, style: &Style) -> ChartResult {
                super::draw_spectrum(self.0, chart, style)
            }
            fn heatmap(&self, chart: &super::HeatmapChart, style: &Style) -> ChartResult {
                super::draw_heatmap(self.0, chart, style)
            }
        }
    };
}
any_area!(SvgArea);
any_area!(PngArea);
