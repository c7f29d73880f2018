//! Charts as PNG or SVG files, for slides and exams (command line only).
//!
//! Text needs a font file (PNG draws with it, SVG measures with it): one is bundled (Liberation Sans, SIL Open Font License,
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
    let style = Style::default();
    // Both backends measure text with the font to lay out the labels.
    register_font()?;
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => {
            let root = SVGBackend::new(path, (width, height)).into_drawing_area();
            let drawn = draw(&SvgArea(&root), &style)?;
            root.present()?;
            Ok(drawn)
        }
        Some("png") => {
            let root = BitMapBackend::new(path, (width, height)).into_drawing_area();
            let drawn = draw(&PngArea(&root), &style)?;
            root.present()?;
            Ok(drawn)
        }
        _ => Err(ChartError(format!("{}: the file name must end in .png or .svg", path.display()))),
    }
}

/// Draws with `draw` into an SVG document in memory.
pub fn render_to_svg(width: u32, height: u32, draw: impl Fn(&dyn AnyArea, &Style) -> ChartResult) -> Result<(String, super::Drawn), ChartError> {
    register_font()?;
    let mut text = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut text, (width, height)).into_drawing_area();
        let drawn = draw(&SvgArea(&root), &Style::default())?;
        root.present()?;
        drawn
    };
    Ok((text, drawn))
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

struct SvgArea<'a, 'b>(&'a DrawingArea<SVGBackend<'b>, Shift>);
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
