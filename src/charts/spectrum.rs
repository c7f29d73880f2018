//! The eigenvalues of W_hh in the complex plane, with the unit circle (ρ = 1: the edge
//! between vanishing and exploding for a linear recurrence) and the 1/γ circle (the
//! non-linear bound of Pascanu et al.: with σ_max < 1/γ gradients must vanish).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{palette, ChartResult, Style};
use crate::spectral::Complex;

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
    /// Legend texts: [eigenvalues, unit circle, 1/γ circle, ρ circle, σ_max circle].
    pub labels: [String; 5],
}

/// Draws the complex plane.
pub fn draw_spectrum<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &SpectrumChart, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let extent = chart
        .eigenvalues
        .iter()
        .map(|l| l.re.abs().max(l.im.abs()))
        .fold(1.0f64, f64::max)
        .max(chart.spectral_radius)
        .max(chart.sigma_max.min(chart.spectral_radius * 3.0 + 1.0))
        .max(chart.inverse_gamma.min(4.5))
        * 1.1;
    // f32 coordinates, as every other chart: one kind of chart to compile.
    let extent = extent as f32;
    let (w, h) = area.dim_in_pixel();
    // Keep the plane square so circles look like circles.
    let side = w.min(h);
    let square = area.margin(0, 0, (w - side) / 2, (w - side) / 2);
    let mut c = ChartBuilder::on(&square)
        .margin(style.px(8.0))
        .caption(&chart.title, style.font(14.0))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(style.px(34.0))
        .build_cartesian_2d(-extent..extent, -extent..extent)?;
    c.configure_mesh()
        .label_style(style.font(11.0))
        .light_line_style(palette::GRID.mix(0.5))
        .bold_line_style(palette::GRID)
        .x_desc("Re λ")
        .y_desc("Im λ")
        .axis_desc_style(style.font(12.0))
        .draw()?;
    let circle = |r: f64| -> Vec<(f32, f32)> {
        (0..=120).map(|i| (i as f64 / 120.0) * std::f64::consts::TAU).map(|a| ((r * a.cos()) as f32, (r * a.sin()) as f32)).collect()
    };
    let width = style.px(2.0);
    let circles = [
        (1.0, palette::TEXT, false, &chart.labels[1]),
        (chart.inverse_gamma, palette::line(2), true, &chart.labels[2]),
        (chart.spectral_radius, palette::line(1), false, &chart.labels[3]),
        (chart.sigma_max, palette::line(5), true, &chart.labels[4]),
    ];
    for (r, color, dashed, label) in circles {
        if !(r.is_finite() && r > 0.0) || r > extent as f64 * 1.5 {
            continue;
        }
        let line_style = color.stroke_width(width);
        let drawn = if dashed {
            c.draw_series(DashedLineSeries::new(circle(r), style.px(5.0), style.px(4.0), line_style))?
        } else {
            c.draw_series(LineSeries::new(circle(r), line_style))?
        };
        let legend_width = style.px(18.0) as i32;
        drawn.label(label.clone()).legend(move |(x, y)| PathElement::new(vec![(x, y), (x + legend_width, y)], color.stroke_width(width)));
    }
    let dot = palette::line(0);
    c.draw_series(chart.eigenvalues.iter().map(|l| Circle::new((l.re as f32, l.im as f32), style.px(3.5), dot.filled())))?
        .label(chart.labels[0].clone())
        .legend(move |(x, y)| Circle::new((x + 8, y), 4, dot.filled()));
    c.configure_series_labels()
        .label_font(style.font(10.0))
        .legend_area_size(style.px(16.0) as i32)
        .margin(style.px(4.0))
        .background_style(WHITE.mix(0.8))
        .border_style(palette::GRID)
        .position(SeriesLabelPosition::LowerRight)
        .draw()?;
    Ok(())
}

/// The spectral view: the complex plane (left) and the step Jacobians' norms (right).
pub fn draw_spectral_view<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spectrum: &SpectrumChart,
    jacobians: &super::LineChart,
    style: &Style,
) -> ChartResult
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (w, _) = area.dim_in_pixel();
    let (_, h) = area.dim_in_pixel();
    let (left, right) = area.split_horizontally(h.min(w * 11 / 20));
    draw_spectrum(&left, spectrum, style)?;
    super::draw_line_chart(&right, jacobians, style)
}
