//! Line charts: the loss curve, ‖dL/dh_t‖ on a log scale, the gradient flow with its
//! ρ^(T-t) reference, predictions against the truth. One function draws them all.

use plotters::coord::types::RangedCoordf32;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{draw_message, palette, ChartResult, Style};

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// (x, y) points; non-finite y (NaN after an explosion) breaks the line, and on a log
    /// scale so does y ≤ 0.
    pub points: Vec<(f32, f32)>,
    /// Index into the line palette.
    pub color: usize,
    /// Dashed (a reference, not data).
    pub dashed: bool,
    /// Dots at the points.
    pub markers: bool,
}

impl Series {
    /// A solid line through `ys` at x = 0, 1, 2, ...
    pub fn from_values(label: &str, ys: &[f32], color: usize) -> Self {
        Series { label: label.to_string(), points: ys.iter().enumerate().map(|(i, &y)| (i as f32, y)).collect(), color, dashed: false, markers: false }
    }

    /// As a dashed reference line.
    pub fn dashed(mut self) -> Self {
        self.dashed = true;
        self
    }

    /// With dots at the points.
    pub fn with_markers(mut self) -> Self {
        self.markers = true;
        self
    }

    /// Moves the points to x = f(index) (epochs from 1, steps from 1, ...).
    pub fn with_points(mut self, f: impl Fn(usize) -> f32) -> Self {
        for (i, p) in self.points.iter_mut().enumerate() {
            p.0 = f(i);
        }
        self
    }
}

/// What to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineChart {
    pub title: String,
    pub x_desc: String,
    pub y_desc: String,
    pub log_y: bool,
    pub series: Vec<Series>,
    /// Fixed x range; otherwise from the data.
    pub x_range: Option<(f32, f32)>,
    /// Fixed y range; otherwise from the data.
    pub y_range: Option<(f32, f32)>,
    /// Names for the integer x positions (tokens), instead of numbers.
    pub x_names: Vec<String>,
    /// Shown in the middle when there is nothing to draw.
    pub empty_message: String,
}

/// Splits points into runs that can be drawn (finite, and positive on a log scale).
fn runs(points: &[(f32, f32)], log_y: bool) -> Vec<Vec<(f32, f32)>> {
    let mut out = vec![];
    let mut current = vec![];
    for &(x, y) in points {
        if x.is_finite() && y.is_finite() && (!log_y || y > 0.0) {
            current.push((x, y));
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The ranges of the data, padded; on a log scale padded by a factor.
fn data_ranges(chart: &LineChart) -> Option<((f32, f32), (f32, f32))> {
    let pts: Vec<(f32, f32)> = chart.series.iter().flat_map(|s| runs(&s.points, chart.log_y)).flatten().collect();
    if pts.is_empty() {
        return None;
    }
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &(x, y) in &pts {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    if x1 <= x0 {
        x1 = x0 + 1.0;
    }
    let (y0, y1) = if chart.log_y {
        let (lo, hi) = (y0.max(f32::MIN_POSITIVE), y1.max(f32::MIN_POSITIVE));
        if hi / lo < 10.0 {
            (lo / 3.0, hi * 3.0)
        } else {
            (lo / 2.0, hi * 2.0)
        }
    } else {
        let pad = ((y1 - y0) * 0.08).max(1e-3 * y1.abs().max(1e-3));
        (y0 - pad, y1 + pad)
    };
    Some((chart.x_range.unwrap_or((x0, x1)), chart.y_range.unwrap_or((y0, y1))))
}

/// Draws a line chart filling `area`.
pub fn draw_line_chart<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &LineChart, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    let Some(((x0, x1), (y0, y1))) = data_ranges(chart) else {
        return draw_message(area, &chart.title, &chart.empty_message, style);
    };
    area.fill(&WHITE)?;
    let mut builder = ChartBuilder::on(area);
    builder
        .margin(style.px(8.0))
        .margin_right(style.px(16.0))
        .caption(&chart.title, style.font(14.0))
        .x_label_area_size(style.px(if chart.x_desc.is_empty() { 22.0 } else { 36.0 }))
        .y_label_area_size(style.px(if chart.log_y { 58.0 } else { 52.0 }));
    let names = chart.x_names.clone();
    let x_formatter = move |x: &f32| -> String {
        if !names.is_empty() {
            let i = x.round();
            if (x - i).abs() < 1e-3 && i >= 0.0 && (i as usize) < names.len() {
                return names[i as usize].clone();
            }
            return String::new();
        }
        if x.fract().abs() < 1e-6 {
            format!("{x:.0}")
        } else {
            format!("{x:.2}")
        }
    };
    let x_labels = if chart.x_names.is_empty() { 8 } else { chart.x_names.len().min(16) };
    // A log scale is drawn as log10(y) on a linear axis: one kind of chart to compile
    // (which keeps the WebAssembly small) and ticks at whole decades when the range is wide.
    let log = chart.log_y;
    let (ya, yb) = if log { (y0.log10(), y1.log10()) } else { (y0, y1) };
    let y_labels = if log { ((yb - ya).ceil() as usize + 1).clamp(3, 9) } else { 8 };
    let mut c = builder.build_cartesian_2d(x0..x1, ya..yb)?;
    c.configure_mesh()
        .x_desc(&chart.x_desc)
        .y_desc(&chart.y_desc)
        .label_style(style.font(11.0))
        .axis_desc_style(style.font(12.0))
        .light_line_style(palette::GRID.mix(0.6))
        .bold_line_style(palette::GRID)
        .x_labels(x_labels)
        .x_label_formatter(&x_formatter)
        .y_labels(y_labels)
        .y_label_formatter(&|y: &f32| {
            if log {
                format_tick(10f32.powf(*y))
            } else {
                format_tick(if y.abs() < 1e-6 * (yb - ya).abs() { 0.0 } else { *y })
            }
        })
        .draw()?;
    draw_series_on(&mut c, chart, style)?;
    Ok(())
}

/// A tick label with as few digits as the value needs.
fn format_tick(y: f32) -> String {
    let a = y.abs();
    if a == 0.0 {
        "0".into()
    } else if !(1e-2..1e4).contains(&a) {
        format!("{y:.0e}")
    } else if a >= 10.0 {
        format!("{y:.0}")
    } else if a >= 1.0 {
        format!("{y:.1}")
    } else {
        format!("{y:.2}")
    }
}

fn draw_series_on<'a, DB>(c: &mut ChartContext<'a, DB, Cartesian2d<RangedCoordf32, RangedCoordf32>>, chart: &LineChart, style: &Style) -> ChartResult
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
{
    let width = style.px(2.0);
    let mut has_legend = false;
    for s in &chart.series {
        let color = palette::line(s.color);
        let line_style = color.stroke_width(width);
        let mut first = true;
        for mut run in runs(&s.points, chart.log_y) {
            if chart.log_y {
                run.iter_mut().for_each(|p| p.1 = p.1.log10());
            }
            let drawn = if s.dashed {
                c.draw_series(DashedLineSeries::new(run.clone(), style.px(6.0), style.px(4.0), line_style))?
            } else {
                c.draw_series(LineSeries::new(run.clone(), line_style))?
            };
            if first && !s.label.is_empty() {
                has_legend = true;
                let legend_width = style.px(18.0) as i32;
                drawn.label(s.label.clone()).legend(move |(x, y)| PathElement::new(vec![(x, y), (x + legend_width, y)], color.stroke_width(width)));
            }
            first = false;
            if s.markers {
                c.draw_series(run.iter().map(|&p| Circle::new(p, style.px(3.0), color.filled())))?;
            }
        }
    }
    if has_legend {
        c.configure_series_labels()
            .label_font(style.font(11.0))
            .background_style(WHITE.mix(0.85))
            .border_style(palette::GRID)
            .position(SeriesLabelPosition::UpperRight)
            .draw()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_break_at_nan_and_at_zero_on_a_log_scale() {
        let pts = [(0.0, 1.0), (1.0, f32::NAN), (2.0, 2.0), (3.0, 0.0), (4.0, 3.0)];
        assert_eq!(runs(&pts, false).len(), 2);
        assert_eq!(runs(&pts, true).len(), 3);
    }

    #[test]
    fn tick_labels_are_short() {
        assert_eq!(format_tick(0.5), "0.50");
        assert_eq!(format_tick(1.609), "1.6");
        assert_eq!(format_tick(120.0), "120");
        assert_eq!(format_tick(1e-5), "1e-5");
        assert_eq!(format_tick(1e-3), "1e-3");
    }
}
