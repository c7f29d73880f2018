//! Chart specs: what each chart of each view shows, built from a session's state and the
//! texts the page gives in its language (the command line gives English ones). A view asks
//! for a chart by name with its texts; the answer is a [`Figure`], which draws itself on
//! any backend and gives the table of exactly the data it drew.

pub mod lab;
pub mod request;
pub mod sentence;
pub mod series;
pub mod writing;

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

use crate::charts::{draw_heatmap, draw_line_chart, draw_spectrum, ChartResult, Drawn, HeatmapChart, LineChart, SpectrumChart, Style, Table};

/// One chart, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Line(LineChart),
    Heatmap(HeatmapChart),
    Spectrum(SpectrumChart),
}

impl Figure {
    /// Draws the chart filling `area`.
    pub fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, style: &Style) -> ChartResult
    where
        DB::ErrorType: 'static,
    {
        match self {
            Figure::Line(c) => draw_line_chart(area, c, style),
            Figure::Heatmap(c) => draw_heatmap(area, c, style),
            Figure::Spectrum(c) => draw_spectrum(area, c, style),
        }
    }

    /// The numbers the chart shows.
    pub fn table(&self) -> Table {
        match self {
            Figure::Line(c) => c.table(),
            Figure::Heatmap(c) => c.table(),
            Figure::Spectrum(c) => c.table(),
        }
    }

    /// Draws into a PNG or SVG file (command line).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn render(&self, area: &dyn crate::charts::files::AnyArea, style: &Style) -> ChartResult {
        match self {
            Figure::Line(c) => area.line(c, style),
            Figure::Heatmap(c) => area.heatmap(c, style),
            Figure::Spectrum(c) => area.spectrum(c, style),
        }
    }
}

/// What drawing a chart gives the page: its data table and what it could not draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ChartData {
    pub table: Table,
    pub drawn: Drawn,
}
