//! The eigenvalues of W_hh in the complex plane, with the unit circle (ρ = 1: the edge
//! between vanishing and exploding for a linear recurrence) and the 1/γ circle (the
//! non-linear bound of Pascanu et al.: with σ_max < 1/γ gradients must vanish).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axis::tick_count;
use super::legend::{self, Entry};
use super::table::{Cell, Table};
use super::{palette, title, ChartResult, Drawn, Style};
use crate::spectral::Complex;

/// The unit circle's colour: used by nothing else, so a test can find it in the pixels.
pub const UNIT_CIRCLE: RGBColor = RGBColor(0, 0, 0);

/// What the spectrum chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpectrumChart {
    pub title: String,
    pub eigenvalues: Vec<Complex>,
    /// 1/γ: 1 for tanh, 4 for the sigmoid.
    pub inverse_gamma: f64,
    /// ρ and σ_max, drawn as circles too.
    pub spectral_radius: f64,
    pub sigma_max: f64,
    /// Legend texts.
    pub eigenvalues_label: String,
    pub unit_label: String,
    pub inverse_gamma_label: String,
    pub radius_label: String,
    pub sigma_label: String,
}

impl SpectrumChart {
    /// One row per eigenvalue: its number, Re, Im and |λ|.
    pub fn table(&self) -> Table {
        Table {
            columns: vec!["λ".into(), "Re λ".into(), "Im λ".into(), "|λ|".into()],
            rows: self
                .eigenvalues
                .iter()
                .enumerate()
                .map(|(i, l)| vec![Cell::Number(i as f64 + 1.0), Cell::Number(l.re), Cell::Number(l.im), Cell::Number(l.abs())])
                .collect(),
        }
    }
}

/// Draws the complex plane, square (a circle must look round on every screen), with the
/// legend in a strip under it.
pub fn draw_spectrum<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &SpectrumChart, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let finite = |r: f64| r.is_finite() && r > 0.0;
    let extent = chart
        .eigenvalues
        .iter()
        .map(|l| l.re.abs().max(l.im.abs()))
        .filter(|v| v.is_finite())
        .fold(1.0f64, f64::max)
        .max(if finite(chart.spectral_radius) { chart.spectral_radius } else { 0.0 })
        .max(if finite(chart.sigma_max) { chart.sigma_max.min(chart.spectral_radius * 3.0 + 1.0) } else { 0.0 })
        .max(chart.inverse_gamma.min(4.5))
        .min(1e6)
        * 1.1;
    // f32 coordinates, as every other chart: one kind of chart to compile.
    let extent = extent as f32;
    let circles = [
        (1.0, UNIT_CIRCLE, false, &chart.unit_label),
        (chart.inverse_gamma, palette::line(2), true, &chart.inverse_gamma_label),
        (chart.spectral_radius, palette::line(1), false, &chart.radius_label),
        (chart.sigma_max, palette::line(5), true, &chart.sigma_label),
    ];
    let shown: Vec<_> = circles.iter().filter(|(r, ..)| finite(*r) && *r <= extent as f64 * 1.5).collect();
    let mut entries: Vec<Entry> = vec![Entry { label: chart.eigenvalues_label.clone(), color: palette::line(0), dashed: false, dot: true }];
    // The unit circle's swatch in the text colour: pure black is the circle's alone.
    let swatch = |c: &RGBColor| if *c == UNIT_CIRCLE { palette::TEXT } else { *c };
    entries.extend(shown.iter().map(|(_, color, dashed, label)| Entry { label: label.to_string(), color: swatch(color), dashed: *dashed, dot: false }));
    let (plot, strip) = legend::split(area, &entries, style)?;
    let plot = title::titled(&plot, &chart.title, style)?;

    // Make the plotting box square: the label areas are fixed, so size the area around them.
    let (m, xl, yl) = (style.px(8.0), style.tx(36.0), style.tx(44.0));
    let (w, h) = plot.dim_in_pixel();
    let side = w.saturating_sub(yl + 2 * m).min(h.saturating_sub(xl + 2 * m)).max(10);
    let (used_w, used_h) = (side + yl + 2 * m, side + xl + 2 * m);
    let dx = w.saturating_sub(used_w) / 2;
    let square = plot.margin(0, h.saturating_sub(used_h), dx, w.saturating_sub(used_w) - dx);
    let ticks = tick_count(side, style.tx(52.0), 3, 9);
    let mut c = ChartBuilder::on(&square).margin(m).x_label_area_size(xl).y_label_area_size(yl).build_cartesian_2d(-extent..extent, -extent..extent)?;
    c.configure_mesh()
        .label_style(style.text_font())
        .light_line_style(palette::GRID.mix(0.5))
        .bold_line_style(palette::GRID)
        .x_labels(ticks)
        .y_labels(ticks)
        .x_desc("Re λ")
        .y_desc("Im λ")
        .axis_desc_style(style.text_font())
        .draw()?;
    let circle = |r: f64| -> Vec<(f32, f32)> {
        (0..=180).map(|i| (i as f64 / 180.0) * std::f64::consts::TAU).map(|a| ((r * libm::cos(a)) as f32, (r * libm::sin(a)) as f32)).collect()
    };
    let width = style.px(2.0);
    for (r, color, dashed, _) in shown {
        let line_style = color.stroke_width(width);
        if *dashed {
            c.draw_series(DashedLineSeries::new(circle(*r), style.px(5.0), style.px(4.0), line_style))?;
        } else {
            c.draw_series(LineSeries::new(circle(*r), line_style))?;
        }
    }
    let dot = palette::line(0);
    let mut drawn = Drawn::default();
    let inside = |l: &Complex| l.re.is_finite() && l.im.is_finite() && l.re.abs() <= extent as f64 && l.im.abs() <= extent as f64;
    drawn.above = chart.eigenvalues.iter().filter(|l| !inside(l)).count();
    c.draw_series(chart.eigenvalues.iter().filter(|l| inside(l)).map(|l| Circle::new((l.re as f32, l.im as f32), style.px(3.5), dot.filled())))?;
    if let Some((strip, rows)) = strip {
        legend::draw(&strip, &rows, &entries, style)?;
    }
    Ok(drawn)
}
