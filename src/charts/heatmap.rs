//! The hidden state over time as a units-by-steps heatmap, with its colour scale.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::table::{Cell, Table};
use super::{draw_message, palette, title, truncate, ChartResult, Drawn, Style};

/// The hidden states h_1..h_t of one sequence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeatmapChart {
    pub title: String,
    /// U.
    pub units: usize,
    /// Tokens of the whole sentence (the columns), so the axis does not jump as t grows.
    pub tokens: Vec<String>,
    /// h_1..h_t taken so far, [t][U].
    pub values: Vec<f32>,
    /// Colour scale: values from -range to range (1 for tanh).
    pub range: f32,
    /// The unit axis, the step column's name, the message before the first step.
    pub unit_label: String,
    pub step_label: String,
    pub empty_message: String,
}

impl HeatmapChart {
    /// Steps shown so far.
    pub fn steps(&self) -> usize {
        self.values.len() / self.units.max(1)
    }

    /// One row per step: the step, its token, then h_t's units.
    pub fn table(&self) -> Table {
        let u = self.units.max(1);
        let mut columns = vec![self.step_label.clone(), String::new()];
        columns.extend((1..=u).map(|j| format!("h{j}")));
        let rows = (0..self.steps())
            .map(|t| {
                let mut row = vec![Cell::Number(t as f64 + 1.0), Cell::Text(self.tokens.get(t).cloned().unwrap_or_default())];
                row.extend(self.values[t * u..(t + 1) * u].iter().map(|&v| Cell::Number(v as f64)));
                row
            })
            .collect();
        Table { columns, rows }
    }
}

/// Draws the heatmap: one column per token, one row per unit (unit 1 at the bottom), and
/// a vertical colour bar from −range to +range at the right.
pub fn draw_heatmap<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &HeatmapChart, style: &Style) -> ChartResult
where
    DB::ErrorType: 'static,
{
    let u = chart.units.max(1);
    let shown = chart.steps();
    if shown == 0 {
        return draw_message(area, &chart.title, &chart.empty_message, style);
    }
    area.fill(&WHITE)?;
    let (w, _) = area.dim_in_pixel();
    let bar_w = style.tx(58.0).min(w / 4);
    let (left, bar) = area.split_horizontally(w - bar_w);
    let left = title::titled(&left, &chart.title, style)?;
    let cols = chart.tokens.len().max(shown);
    let range = if chart.range.is_finite() && chart.range > 0.0 { chart.range } else { 1.0 };
    let (lw, lh) = left.dim_in_pixel();
    // A label every `x_every` columns, as many as fit (60 tokens on a phone would overlap),
    // each cut to what its share of the width can show.
    let x_every = cols.div_ceil((lw / style.tx(26.0)).max(1) as usize).max(1);
    let name_chars = ((lw as f32 * x_every as f32 / cols as f32) / (11.0 * style.scale * style.text)).floor().max(2.0) as usize;
    let tokens: Vec<String> = chart.tokens.iter().map(|t| truncate(t, name_chars)).collect();
    let mut c = ChartBuilder::on(&left)
        .margin(style.px(8.0))
        .x_label_area_size(style.tx(22.0))
        // Room for the widest unit number (about 7 px a digit) beside the axis's name.
        .y_label_area_size(style.tx((24.0 + 7.0 * u.to_string().len() as f32).max(34.0)))
        .build_cartesian_2d(-0.5f32..cols as f32 - 0.5, 0.5f32..u as f32 + 0.5)?;
    // Ticks at the centres of the columns and rows: x = token index, y = unit number.
    let y_every = u.div_ceil((lh / style.tx(16.0)).max(1) as usize).max(1);
    let x_names = |x: &f32| {
        let i = x.round();
        if (x - i).abs() < 1e-3 && i >= 0.0 && (i as usize) < tokens.len() && (i as usize) % x_every == 0 {
            tokens[i as usize].clone()
        } else {
            String::new()
        }
    };
    let y_numbers = |y: &f32| {
        let j = y.round();
        if (y - j).abs() < 1e-3 && j >= 1.0 && (j as usize) <= u && ((j as usize) - 1) % y_every == 0 {
            format!("{}", j as usize)
        } else {
            String::new()
        }
    };
    let mut mesh = c.configure_mesh();
    mesh.disable_mesh()
        .label_style(style.text_font())
        .x_labels(cols * 2 + 1)
        .y_labels(u * 2 + 1)
        .x_label_formatter(&x_names)
        .y_label_formatter(&y_numbers)
        .y_desc(&chart.unit_label)
        .axis_desc_style(style.text_font());
    // A tick at every row of more than 32 units would be a solid bar: the numbers alone then.
    if u > 32 {
        mesh.set_tick_mark_size(LabelAreaPosition::Left, 0);
    }
    if cols > 24 {
        mesh.set_tick_mark_size(LabelAreaPosition::Bottom, 0);
    }
    mesh.draw()?;
    c.draw_series((0..shown).flat_map(|t| {
        (0..u).map(move |j| {
            let v = chart.values[t * u + j];
            let (x0, x1) = (t as f32 - 0.5, t as f32 + 0.5);
            Rectangle::new([(x0, j as f32 + 0.5), (x1, j as f32 + 1.5)], palette::diverging(v, range).filled())
        })
    }))?;
    draw_colour_bar(&bar, range, style)?;
    Ok(Drawn::default())
}

/// A vertical colour scale from −range (bottom) to +range (top), labelled at both ends
/// and at 0.
pub fn draw_colour_bar<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, range: f32, style: &Style) -> Result<(), super::ChartError>
where
    DB::ErrorType: 'static,
{
    let (_, h) = area.dim_in_pixel();
    let top = style.tx(30.0) as i32;
    let bottom = h as i32 - style.tx(30.0) as i32;
    if bottom <= top + 10 {
        return Ok(());
    }
    let x0 = style.px(6.0) as i32;
    let bw = style.px(12.0) as i32;
    let steps = (bottom - top).max(1);
    for k in 0..steps {
        let v = range * (1.0 - 2.0 * k as f32 / steps as f32);
        area.draw(&Rectangle::new([(x0, top + k), (x0 + bw, top + k + 1)], palette::diverging(v, range).filled()))?;
    }
    area.draw(&Rectangle::new([(x0, top), (x0 + bw, bottom)], palette::MUTED.stroke_width(1)))?;
    let font = style.text_font();
    let label = |v: f32| if v == 0.0 { "0".to_string() } else { super::line::format_tick(v as f64) };
    for (v, y) in [(range, top), (0.0, (top + bottom) / 2), (-range, bottom)] {
        area.draw(&Text::new(label(v), (x0 + bw + style.px(3.0) as i32, y - style.px(6.0) as i32), font.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg::{render_svg, text_width};

    /// The token labels drawn under a heatmap of `n` tokens at a phone's width: (x, text).
    fn labels(n: usize) -> Vec<(f64, String)> {
        let tokens: Vec<String> = (0..n).map(|i| char::from_u32(0x4e00 + i as u32).unwrap().to_string()).collect();
        let chart = HeatmapChart { units: 8, values: vec![0.1; n * 8], tokens: tokens.clone(), range: 1.0, ..Default::default() };
        let (svg, _) = render_svg(356, 240, |area, style| draw_heatmap(area, &chart, style)).unwrap();
        let mut out = vec![];
        for piece in svg.split("<text").skip(1) {
            let body = piece[piece.find('>').unwrap() + 1..piece.find("</text>").unwrap()].trim();
            if tokens.iter().any(|t| t == body) {
                let x = piece.split("x=\"").nth(1).and_then(|s| s.split('"').next()).and_then(|s| s.parse().ok()).unwrap();
                out.push((x, body.to_string()));
            }
        }
        out
    }

    #[test]
    fn token_labels_do_not_overlap_with_sixty_tokens_on_a_phone() {
        let few = labels(4);
        assert_eq!(few.len(), 4, "four tokens are all named");
        let many = labels(60);
        assert!(many.len() >= 5 && many.len() < 30, "{} labels", many.len());
        for pair in many.windows(2) {
            let gap = pair[1].0 - pair[0].0;
            assert!(gap > text_width(&pair[0].1, 12.0), "labels {:?} overlap", pair);
        }
    }
}
