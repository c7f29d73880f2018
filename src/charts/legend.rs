//! A legend drawn in its own strip under the plot, so it never covers the data (the ends
//! of the lines at t = T are where students look).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{palette, truncate, ChartError, Style};

/// One legend entry: its text, colour, and how the swatch looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub label: String,
    pub color: RGBColor,
    pub dashed: bool,
    /// A dot instead of a line (eigenvalues, markers only).
    pub dot: bool,
}

const SWATCH: f32 = 18.0;
const GAP: f32 = 14.0;
const ROW: f32 = 17.0;

/// The plot area, and the legend's strip with its rows of entries (by index), if any.
pub type Split<DB> = (DrawingArea<DB, Shift>, Option<(DrawingArea<DB, Shift>, Vec<Vec<usize>>)>);

/// Splits `area` into the plot (top) and the legend strip (bottom) for `entries`, packing
/// them in rows that fit the width. With no entries the whole area is the plot.
pub fn split<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, entries: &[Entry], style: &Style) -> Result<Split<DB>, ChartError>
where
    DB::ErrorType: 'static,
{
    if entries.is_empty() {
        return Ok((area.clone(), None));
    }
    let (w, h) = area.dim_in_pixel();
    let font = style.text_font();
    let usable = w.saturating_sub(style.px(16.0)).max(1);
    let mut rows: Vec<Vec<usize>> = vec![vec![]];
    let mut used = 0u32;
    for (i, e) in entries.iter().enumerate() {
        let (tw, _) = area.estimate_text_size(&truncate(&e.label, 40), &font)?;
        let width = style.tx(SWATCH) + style.px(4.0) + tw + style.px(GAP);
        if used > 0 && used + width > usable {
            rows.push(vec![]);
            used = 0;
        }
        rows.last_mut().expect("a row").push(i);
        used += width;
    }
    let strip = (rows.len() as f32 * ROW) as u32;
    let strip = (strip as f32 * style.scale * style.text) as u32 + style.px(4.0);
    if strip >= h / 2 {
        // Too many entries for the space: the data matters more than the legend.
        return Ok((area.clone(), None));
    }
    let (plot, legend) = area.split_vertically(h - strip);
    Ok((plot, Some((legend, rows))))
}

/// Draws the entries, row by row, into the strip `split` made.
pub fn draw<DB: DrawingBackend>(strip: &DrawingArea<DB, Shift>, rows: &[Vec<usize>], entries: &[Entry], style: &Style) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let font = style.text_font();
    let row_h = (ROW * style.scale * style.text) as i32;
    for (r, row) in rows.iter().enumerate() {
        let mut x = style.px(8.0) as i32;
        let y = r as i32 * row_h + row_h / 2;
        for &i in row {
            let e = &entries[i];
            let sw = style.tx(SWATCH) as i32;
            let stroke = e.color.stroke_width(style.px(2.0));
            if e.dot {
                strip.draw(&Circle::new((x + sw / 2, y), style.px(3.5), e.color.filled()))?;
            } else if e.dashed {
                strip.draw(&PathElement::new(vec![(x, y), (x + sw / 3, y)], stroke))?;
                strip.draw(&PathElement::new(vec![(x + 2 * sw / 3, y), (x + sw, y)], stroke))?;
            } else {
                strip.draw(&PathElement::new(vec![(x, y), (x + sw, y)], stroke))?;
            }
            let label = truncate(&e.label, 40);
            let (tw, th) = strip.estimate_text_size(&label, &font)?;
            strip.draw(&Text::new(label, (x + sw + style.px(4.0) as i32, y - th as i32 / 2), font.clone().color(&palette::TEXT)))?;
            x += sw + style.px(4.0) as i32 + tw as i32 + style.px(GAP) as i32;
        }
    }
    Ok(())
}
