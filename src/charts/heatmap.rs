//! The hidden state over time: a units-by-steps heatmap (left) and each unit's trajectory
//! (right), for the steps taken so far.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::line::{draw_line_chart, LineChart, Series};
use super::{draw_message, palette, ChartResult, Style};

/// The hidden states h_1..h_t of one sequence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HiddenChart {
    pub title: String,
    /// U.
    pub units: usize,
    /// Tokens of the whole sentence (the columns), so the axis does not jump as t grows.
    pub tokens: Vec<String>,
    /// h_1..h_t taken so far, [t][U].
    pub hidden: Vec<f32>,
    /// Colour scale: values from -range to range (1 for tanh).
    pub range: f32,
    /// Axis and message texts: [unit, step, trajectories title, empty message].
    pub labels: [String; 4],
}

/// Draws the heatmap and the trajectories side by side.
pub fn draw_hidden<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &HiddenChart, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    let u = chart.units.max(1);
    let shown = chart.hidden.len() / u;
    if shown == 0 {
        return draw_message(area, &chart.title, &chart.labels[3], style);
    }
    area.fill(&WHITE)?;
    let (w, _) = area.dim_in_pixel();
    let (left, right) = area.split_horizontally(w * 11 / 20);
    let cols = chart.tokens.len().max(shown);
    let mut c = ChartBuilder::on(&left)
        .margin(style.px(8.0))
        .caption(&chart.title, style.font(14.0))
        .x_label_area_size(style.px(22.0))
        .y_label_area_size(style.px(34.0))
        .build_cartesian_2d((0..cols as i32 - 1).into_segmented(), 0f32..u as f32)?;
    let tokens = chart.tokens.clone();
    c.configure_mesh()
        .disable_mesh()
        .label_style(style.font(11.0))
        .x_labels(cols.min(24))
        .y_labels(u.min(8))
        .x_label_formatter(&|x: &SegmentValue<i32>| match x {
            SegmentValue::CenterOf(i) if *i >= 0 && (*i as usize) < tokens.len() => tokens[*i as usize].clone(),
            _ => String::new(),
        })
        .y_label_formatter(&|y: &f32| if y.fract().abs() < 1e-3 && (*y as usize) < u { format!("{}", *y as usize + 1) } else { String::new() })
        .y_desc(&chart.labels[0])
        .draw()?;
    let range = if chart.range > 0.0 { chart.range } else { 1.0 };
    c.draw_series((0..shown).flat_map(|t| {
        (0..u).map(move |j| {
            let v = chart.hidden[t * u + j];
            let (x0, x1) = (SegmentValue::Exact(t as i32), SegmentValue::Exact(t as i32 + 1));
            Rectangle::new([(x0, j as f32), (x1, j as f32 + 1.0)], palette::diverging(v, range).filled())
        })
    }))?;
    // The trajectories share the step axis with the heatmap.
    let series: Vec<Series> = (0..u)
        .map(|j| {
            let pts = (0..shown).map(|t| (t as f32, chart.hidden[t * u + j])).collect();
            Series { label: String::new(), points: pts, color: j, dashed: false, markers: shown < 12 }
        })
        .collect();
    let lines = LineChart {
        title: chart.labels[2].clone(),
        series,
        x_range: Some((-0.5, cols as f32 - 0.5)),
        y_range: Some((-range * 1.05, range * 1.05)),
        x_names: chart.tokens.clone(),
        ..Default::default()
    };
    draw_line_chart(&right, &lines, style)
}
