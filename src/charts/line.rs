//! Line charts: the loss curve, ‖dL/dh_t‖ on a log scale, the gradient flow with its
//! ρ^(T-t) reference, predictions against the truth. One function draws them all.

use plotters::coord::types::RangedCoordf32;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::axis::{drawable, padded, tick_count, LINEAR_LIMIT, LOG_LIMIT};
use super::legend::{self, Entry};
use super::table::{Cell, Table};
use super::{draw_message, palette, title, truncate, ChartResult, Drawn, Style};

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// (x, y) points, in f64 so a reference like ρ^(T-t) may pass float32's range. A point
    /// that cannot be drawn breaks the line and is marked at the edge.
    pub points: Vec<(f64, f64)>,
    /// Index into the line palette.
    pub color: usize,
    /// Dashed (a reference, not data).
    pub dashed: bool,
    /// Dots at the points.
    pub markers: bool,
    /// A column of the chart's data table (references drawn as two points are not).
    pub in_table: bool,
    /// Drawn thin and grey (another series is highlighted).
    pub faded: bool,
}

impl Series {
    /// A solid line through `ys` at x = 1, 2, 3, ... (epochs, steps).
    pub fn from_values<T: Copy + Into<f64>>(label: &str, ys: &[T]) -> Self {
        Series {
            label: label.to_string(),
            points: ys.iter().enumerate().map(|(i, &y)| (i as f64 + 1.0, y.into())).collect(),
            color: 0,
            dashed: false,
            markers: false,
            in_table: true,
            faded: false,
        }
    }

    /// A horizontal reference line at `y` from `x0` to `x1` (not in the table).
    pub fn level(label: &str, y: f64, x0: f64, x1: f64, color: usize) -> Self {
        Series { label: label.to_string(), points: vec![(x0, y), (x1, y)], color, dashed: true, markers: false, in_table: false, faded: false }
    }

    pub fn color(mut self, color: usize) -> Self {
        self.color = color;
        self
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
    pub x_range: Option<(f64, f64)>,
    /// Fixed y range (on a log scale, of the values, not their logarithms); otherwise from
    /// the data. Points outside are marked at the edge.
    pub y_range: Option<(f64, f64)>,
    /// On a log axis, its lowest value: a smaller value, or 0, is drawn on it as part of the
    /// line (a loss float32 rounds to 0 still belongs to the curve), not marked off the axis.
    pub y_floor: Option<f64>,
    /// Names for the integer x positions (tokens), instead of numbers.
    pub x_names: Vec<String>,
    /// Shown in the middle when there is nothing to draw.
    pub empty_message: String,
}

impl LineChart {
    /// A chart with its texts and nothing else set (the rest by struct update).
    pub fn new(title: &str, x_desc: &str, y_desc: &str, empty_message: &str) -> Self {
        LineChart { title: title.into(), x_desc: x_desc.into(), y_desc: y_desc.into(), empty_message: empty_message.into(), ..Default::default() }
    }

    /// The data table: one row per x, one column per series in the table.
    pub fn table(&self) -> Table {
        let in_table: Vec<&Series> = self.series.iter().filter(|s| s.in_table).collect();
        let mut xs: Vec<f64> = in_table.iter().flat_map(|s| s.points.iter().map(|p| p.0)).filter(|x| x.is_finite()).collect();
        crate::linalg::sort_small(&mut xs, |a, b| a < b);
        xs.dedup();
        let mut columns = vec![self.x_desc.clone()];
        columns.extend(in_table.iter().map(|s| if s.label.is_empty() { self.y_desc.clone() } else { s.label.clone() }));
        let rows = xs
            .iter()
            .map(|&x| {
                let mut row = vec![self.x_cell(x)];
                for s in &in_table {
                    row.push(s.points.iter().find(|p| p.0 == x).map_or(Cell::Empty(()), |p| Cell::Number(p.1)));
                }
                row
            })
            .collect();
        Table { columns, rows }
    }

    fn x_cell(&self, x: f64) -> Cell {
        let i = x.round();
        if !self.x_names.is_empty() && (x - i).abs() < 1e-9 && i >= 0.0 && (i as usize) < self.x_names.len() {
            Cell::Text(self.x_names[i as usize].clone())
        } else {
            Cell::Number(x)
        }
    }
}

/// A series split into what can be drawn (runs of consecutive drawable points, in plot
/// coordinates) and what cannot (x positions marked at the top or the bottom edge).
struct Placed {
    runs: Vec<Vec<(f64, f64)>>,
    above: Vec<f64>,
    below: Vec<f64>,
}

/// Places the points of `s` on the y axis (log10 on a log scale); `window` is the y range
/// in plot coordinates (points outside go to the edges), or none yet; `floor` (log10) is the
/// lowest a value is drawn, smaller ones (and 0) are drawn at it.
fn place(s: &Series, log: bool, window: Option<(f64, f64)>, floor: Option<f64>) -> Placed {
    let mut out = Placed { runs: vec![], above: vec![], below: vec![] };
    let mut run = vec![];
    for &(x, y) in &s.points {
        if !x.is_finite() {
            continue;
        }
        let v = if log {
            if y.is_nan() || y == f64::INFINITY {
                None
            } else {
                let v = if y > 0.0 { libm::log10(y) } else { f64::NEG_INFINITY };
                Some(floor.map_or(v, |f| v.max(f)))
            }
        } else if y.is_finite() {
            Some(y)
        } else if y == f64::NEG_INFINITY {
            Some(f64::NEG_INFINITY)
        } else {
            None
        };
        let (lo, hi) = window.unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
        match v {
            Some(v) if v.is_finite() && v >= lo && v <= hi => {
                run.push((x, v));
                continue;
            }
            Some(v) if v < lo || v == f64::NEG_INFINITY => out.below.push(x),
            _ => out.above.push(x),
        }
        if !run.is_empty() {
            out.runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        out.runs.push(run);
    }
    out
}

/// The y range in plot coordinates: the fixed one, or the data's, padded.
fn y_window(chart: &LineChart) -> Option<(f64, f64)> {
    if let Some((lo, hi)) = chart.y_range {
        return Some(if chart.log_y { (libm::log10(lo.max(1e-300)), libm::log10(hi.max(1e-300))) } else { (lo, hi) });
    }
    let floor = log_floor(chart);
    let values = chart.series.iter().flat_map(|s| place(s, chart.log_y, None, floor).runs.into_iter().flatten().map(|p| p.1)).collect::<Vec<_>>();
    if chart.log_y {
        let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
        if lo > hi {
            return None;
        }
        // A factor 2 (3 for less than a decade) of room at each end, as a log axis wants;
        // none below a floor, which is the axis's end.
        let pad = if hi - lo < 1.0 { libm::log10(3.0) } else { libm::log10(2.0) };
        let bottom = floor.map_or(lo - pad, |f| (lo - pad).max(f));
        Some((bottom.max(-LOG_LIMIT), (hi + pad).min(LOG_LIMIT)))
    } else {
        padded(values.into_iter())
    }
}

/// The floor in plot coordinates, on a log axis.
fn log_floor(chart: &LineChart) -> Option<f64> {
    chart.y_floor.filter(|f| chart.log_y && *f > 0.0).map(libm::log10)
}

/// Draws a line chart filling `area`.
pub fn draw_line_chart<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &LineChart, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    let has_points = chart.series.iter().any(|s| s.points.iter().any(|p| p.0.is_finite()));
    if !has_points {
        return draw_message(area, &chart.title, &chart.empty_message, style);
    }
    let window = y_window(chart);
    let placed: Vec<Placed> = chart.series.iter().map(|s| place(s, chart.log_y, window, log_floor(chart))).collect();
    let xs = || placed.iter().flat_map(|p| p.runs.iter().flatten().map(|q| q.0).chain(p.above.iter().copied()).chain(p.below.iter().copied()));
    let (x0, x1) = chart.x_range.unwrap_or_else(|| {
        let (lo, hi) = xs().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
        if hi > lo {
            (lo, hi)
        } else {
            (lo - 1.0, lo + 1.0)
        }
    });
    let (xa, xb) = drawable(x0, x1, LINEAR_LIMIT);
    let (wa, wb) = window.unwrap_or((0.0, 1.0));
    let (ya, yb) = drawable(wa, wb, if chart.log_y { LOG_LIMIT } else { LINEAR_LIMIT });

    area.fill(&WHITE)?;
    let entries: Vec<Entry> = legend_entries(chart);
    let (plot, strip) = legend::split(area, &entries, style)?;
    let plot = title::titled(&plot, &chart.title, style)?;
    let (w, h) = plot.dim_in_pixel();
    let mut builder = ChartBuilder::on(&plot);
    builder
        .margin(style.px(8.0))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.tx(if chart.x_desc.is_empty() { 22.0 } else { 36.0 }))
        .y_label_area_size(style.tx(if chart.log_y { 58.0 } else { 52.0 }));
    let x_labels = if chart.x_names.is_empty() { tick_count(w, style.tx(64.0), 2, 10) } else { tick_count(w, style.tx(26.0), 1, chart.x_names.len().min(24)) };
    // Long tokens are cut to what one label's share of the width can show.
    let name_chars = ((w as f32 / x_labels.max(1) as f32) / (11.0 * style.scale * style.text)).floor().max(2.0) as usize;
    let names: Vec<String> = chart.x_names.iter().map(|n| truncate(n, name_chars)).collect();
    // Time steps, epochs and updates are whole numbers: their axis is labelled at whole
    // numbers only (with T = 2, not at 1.20, 1.40, …).
    let whole_x = chart.series.iter().flat_map(|s| &s.points).all(|p| p.0.fract() == 0.0);
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
        } else if whole_x {
            String::new() // a time step or an epoch between two whole ones is no place
        } else {
            format!("{x:.2}")
        }
    };
    let log = chart.log_y;
    let y_labels = if log { ((yb - ya).ceil() as usize + 1).clamp(3, 9).min(tick_count(h, style.tx(28.0), 3, 9)) } else { tick_count(h, style.tx(36.0), 3, 8) };
    let span = (yb - ya) as f64;
    let mut c = builder.build_cartesian_2d(xa..xb, ya..yb)?;
    c.configure_mesh()
        .x_desc(&chart.x_desc)
        .y_desc(&chart.y_desc)
        .label_style(style.text_font())
        .axis_desc_style(style.text_font())
        .light_line_style(palette::GRID.mix(0.6))
        .bold_line_style(palette::GRID)
        .x_labels(x_labels)
        .x_label_formatter(&x_formatter)
        .y_labels(y_labels)
        .y_label_formatter(&|y: &f32| {
            if log {
                format_tick(libm::pow(10.0, *y as f64))
            } else {
                format_tick(if (*y as f64).abs() < 1e-6 * span { 0.0 } else { *y as f64 })
            }
        })
        .draw()?;
    let drawn = draw_series_on(&mut c, chart, &placed, (ya, yb), style)?;
    if let Some((strip, rows)) = strip {
        legend::draw(&strip, &rows, &entries, style)?;
    }
    Ok(drawn)
}

fn legend_entries(chart: &LineChart) -> Vec<Entry> {
    let mut entries: Vec<Entry> = vec![];
    for s in chart.series.iter().filter(|s| !s.label.is_empty() && !s.faded) {
        if entries.iter().any(|e| e.label == s.label) {
            continue;
        }
        entries.push(Entry { label: s.label.clone(), color: palette::line(s.color), dashed: s.dashed, dot: false });
    }
    entries
}

/// A tick label with as few digits as the value needs.
pub fn format_tick(y: f64) -> String {
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

fn draw_series_on<'a, DB>(
    c: &mut ChartContext<'a, DB, Cartesian2d<RangedCoordf32, RangedCoordf32>>,
    chart: &LineChart,
    placed: &[Placed],
    (ya, yb): (f32, f32),
    style: &Style,
) -> ChartResult
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
{
    let width = style.px(2.0);
    let mut drawn = Drawn::default();
    // Faded series first, so the highlighted one is drawn on top.
    let order = (0..chart.series.len()).filter(|&i| chart.series[i].faded).chain((0..chart.series.len()).filter(|&i| !chart.series[i].faded));
    for i in order {
        let (s, p) = (&chart.series[i], &placed[i]);
        let color = if s.faded { palette::MUTED.mix(0.35) } else { palette::line(s.color).mix(1.0) };
        let line_style = if s.faded { color.stroke_width(style.px(1.0)) } else { color.stroke_width(width) };
        for run in &p.runs {
            let pts: Vec<(f32, f32)> = run.iter().map(|&(x, y)| (x as f32, y as f32)).collect();
            if s.dashed {
                c.draw_series(DashedLineSeries::new(pts.clone(), style.px(6.0), style.px(4.0), line_style))?;
            } else {
                c.draw_series(LineSeries::new(pts.clone(), line_style))?;
            }
            if s.markers && !s.faded {
                c.draw_series(pts.iter().map(|&q| Circle::new(q, style.px(3.0), color.filled())))?;
            }
        }
        if s.in_table {
            drawn.above += p.above.len();
            drawn.below += p.below.len();
        }
        let mark = palette::line(s.color).filled();
        c.draw_series(p.above.iter().map(|&x| TriangleMarker::new((x as f32, yb), style.px(5.0), mark)))?;
        c.draw_series(p.below.iter().map(|&x| Cross::new((x as f32, ya), style.px(4.0), palette::line(s.color).stroke_width(style.px(2.0)))))?;
    }
    Ok(drawn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(points: &[(f64, f64)]) -> Series {
        Series { points: points.to_vec(), ..Series::from_values::<f64>("", &[]) }
    }

    #[test]
    fn runs_break_at_what_cannot_be_drawn_and_it_is_counted() {
        let s = series(&[(0.0, 1.0), (1.0, f64::NAN), (2.0, 2.0), (3.0, 0.0), (4.0, 3.0)]);
        let lin = place(&s, false, None, None);
        assert_eq!((lin.runs.len(), lin.above.len(), lin.below.len()), (2, 1, 0));
        let log = place(&s, true, None, None);
        assert_eq!((log.runs.len(), log.above.len(), log.below.len()), (3, 1, 1));
        let fixed = place(&s, false, Some((0.0, 2.5)), None);
        assert_eq!(fixed.above, vec![1.0, 4.0]);
    }

    #[test]
    fn below_a_floor_a_value_and_a_zero_are_drawn_on_it() {
        let s = series(&[(1.0, 10.0), (2.0, 0.0), (3.0, 1e-40), (4.0, 1e-3), (5.0, f64::NAN)]);
        let p = place(&s, true, None, Some(-8.0));
        assert_eq!(p.runs, vec![vec![(1.0, 1.0), (2.0, -8.0), (3.0, -8.0), (4.0, -3.0)]]);
        assert_eq!((p.above.len(), p.below.len()), (1, 0));
        let chart = LineChart { log_y: true, y_floor: Some(1e-8), series: vec![s], ..Default::default() };
        assert_eq!(y_window(&chart).map(|w| w.0), Some(-8.0), "the floor is the axis's bottom, with no room below");
    }

    #[test]
    fn tick_labels_are_short() {
        assert_eq!(format_tick(0.5), "0.50");
        assert_eq!(format_tick(1.609), "1.6");
        assert_eq!(format_tick(120.0), "120");
        assert_eq!(format_tick(1e-5), "1e-5");
        assert_eq!(format_tick(1e-3), "1e-3");
        assert_eq!(format_tick(1e50), "1e50");
    }

    #[test]
    fn the_table_has_a_row_per_x_and_a_column_per_series() {
        let chart = LineChart {
            x_desc: "t".into(),
            y_desc: "norm".into(),
            series: vec![
                Series::from_values("measured", &[1.0f32, 2.0]),
                Series::from_values("reference", &[1.0f64, f64::INFINITY]).dashed(),
                Series::level("ln V", 1.6, 1.0, 2.0, 1),
            ],
            ..Default::default()
        };
        let t = chart.table();
        assert_eq!(t.columns, ["t", "measured", "reference"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1][2], Cell::Number(f64::INFINITY));
    }
}
