//! A chart's title on as many lines as its width needs: a projector's larger type or a
//! phone's narrow chart would otherwise cut one long line off at the right edge, and a
//! title read in part is read wrongly.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{truncate, ChartError, Style};

/// At most this many lines: below them the chart itself needs the height.
const MAX_LINES: usize = 3;

/// `title` broken at spaces (inside a word wider than `room`, such as a Chinese title,
/// between characters) into lines that `width` measures at most `room` wide; the last of
/// [`MAX_LINES`] ends in "…" if text is left over. A character wider than `room` alone
/// keeps a line of its own.
pub fn wrap(title: &str, room: u32, width: impl Fn(&str) -> u32) -> Vec<String> {
    let fits = |s: &str| width(s) <= room;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in title.split(' ').filter(|w| !w.is_empty()) {
        let joined = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for ch in word.chars() {
            line.push(ch);
            if !fits(&line) && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, ch.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > MAX_LINES {
        let mut last = lines[MAX_LINES - 1].clone();
        last.push('…');
        while !fits(&last) && last.chars().count() > 1 {
            last = truncate(&last, last.chars().count() - 1);
        }
        lines.truncate(MAX_LINES - 1);
        lines.push(last);
    }
    lines
}

/// The lines of `title` across `area`'s width, less a margin of 8 CSS pixels each side.
pub fn lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, title: &str, style: &Style) -> Vec<String> {
    let font = style.title_font();
    let room = area.dim_in_pixel().0.saturating_sub(2 * style.px(8.0)).max(1);
    wrap(title, room, |s| area.estimate_text_size(s, &font).map_or(0, |(w, _)| w))
}

/// Draws `title` centred at the top of `area` on the lines it needs and returns the area below it.
pub fn titled<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, title: &str, style: &Style) -> Result<DrawingArea<DB, Shift>, ChartError>
where
    DB::ErrorType: 'static,
{
    let mut rest = area.clone();
    for line in lines(area, title, style) {
        rest = rest.titled(&line, style.title_font())?;
    }
    Ok(rest)
}

/// Draws `title` from the top left of `area`, on the lines it needs (an empty chart's title,
/// above its message).
pub fn draw_left<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, title: &str, style: &Style) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let font = style.title_font().pos(Pos::new(HPos::Left, VPos::Top));
    let step = (style.title_font().font.get_size() * 1.3) as i32;
    for (i, line) in lines(area, title, style).into_iter().enumerate() {
        area.draw(&Text::new(line, (style.px(8.0) as i32, style.px(6.0) as i32 + i as i32 * step), font.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 10 wide, a space too.
    fn tens(s: &str) -> u32 {
        10 * s.chars().count() as u32
    }

    #[test]
    fn a_title_that_fits_is_one_line() {
        assert_eq!(wrap("Loss per epoch", 200, tens), vec!["Loss per epoch"]);
    }

    #[test]
    fn a_long_title_breaks_at_spaces_and_no_line_is_wider_than_the_room() {
        let title = "Per update: gradient norm before clipping, and loss (log scale)";
        let lines = wrap(title, 250, tens);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| tens(l) <= 250), "{lines:?}");
        assert_eq!(lines.join(" "), title, "every word kept, in order");
    }

    #[test]
    fn a_title_without_spaces_breaks_between_characters() {
        let title = "每次更新：裁剪前梯度范数与损失（对数坐标）";
        let lines = wrap(title, 100, tens);
        assert_eq!(lines, vec!["每次更新：裁剪前梯度", "范数与损失（对数坐标", "）"]);
    }

    #[test]
    fn more_than_three_lines_end_in_an_ellipsis_within_the_room() {
        let lines = wrap(&"word ".repeat(40), 100, tens);
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines[MAX_LINES - 1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| tens(l) <= 100), "{lines:?}");
    }

    /// Drawn (a chart with points, and one still empty) in a chart 300 pixels wide: the
    /// title is on lines of its own, none cut off.
    #[test]
    fn a_drawn_chart_wraps_its_title_to_its_width() {
        use crate::charts::line::{draw_line_chart, LineChart, Series};
        use crate::charts::svg::{render_svg, text_width};
        let title = "Per update: gradient norm before clipping, and loss (log scale)";
        let mut full = LineChart::new(title, "update", "", "press Train");
        full.series.push(Series::from_values("loss", &[1.0f32, 2.0]));
        for chart in [full, LineChart::new(title, "update", "", "press Train")] {
            let (svg, _) = render_svg(300, 200, |area, style| draw_line_chart(area, &chart, style)).unwrap();
            let texts: Vec<&str> =
                svg.split("<text").skip(1).filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split_once("</text>")).map(|(x, _)| x.trim())).collect();
            let pieces: Vec<&str> = texts.iter().copied().filter(|t| title.contains(t) && t.contains(' ')).collect();
            assert!(pieces.len() >= 2, "{texts:?}");
            assert_eq!(pieces.join(" "), title);
            assert!(pieces.iter().all(|p| text_width(p, 13.0) <= 284.0), "{pieces:?}");
        }
    }

    #[test]
    fn a_character_wider_than_the_room_keeps_a_line_of_its_own() {
        assert_eq!(wrap("ab", 5, tens), vec!["a", "b"]);
        assert_eq!(wrap("", 5, tens), Vec::<String>::new());
    }
}
