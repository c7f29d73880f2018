//! Drawing a chart onto a `<canvas>`, or as an SVG document for the page's export.
//!
//! plotters-canvas draws with the canvas's 2D context but measures text with plotters' web
//! font code, which puts a `<span>` with a `style` attribute into the page for every label
//! and reads its size: a forced layout per label (slow on a phone), and an inline style the
//! page's Content-Security-Policy forbids. [`Measured`] is the same backend measuring with
//! the context's `measureText` instead.
//!
//! Its labels are in the page's font (`DrawStyle::font`) where a chart asks for sans-serif.
//!
//! Both go through one backend, [`PageBackend`]: every chart's code is generic over its
//! backend, so drawing on two backend types would put each chart into the page's download
//! twice.

use plotters::prelude::*;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily, FontStyle, FontTransform};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::DrawStyle;
use rnn_playground::charts::svg::MetricSvg;
use rnn_playground::charts::Style;
use rnn_playground::error::Expected;
use rnn_playground::figures::{ChartData, Figure};
use rnn_playground::settings::limits::IMAGE_SIDE;

/// A canvas backend whose text is measured by the canvas itself, in the page's font.
pub struct Measured {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The page's font list, used where a chart asks for sans-serif.
    font: Option<String>,
}

type Result<T> = std::result::Result<T, DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

/// A chart's text style with the page's font in place of the generic sans-serif.
struct PageFont<'a, S> {
    style: &'a S,
    font: Option<&'a str>,
}

impl<S: BackendTextStyle> BackendTextStyle for PageFont<'_, S> {
    type FontError = S::FontError;
    fn color(&self) -> BackendColor {
        self.style.color()
    }
    fn size(&self) -> f64 {
        self.style.size()
    }
    fn transform(&self) -> FontTransform {
        self.style.transform()
    }
    fn style(&self) -> FontStyle {
        self.style.style()
    }
    fn anchor(&self) -> Pos {
        self.style.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        match (self.style.family(), self.font) {
            (FontFamily::SansSerif, Some(font)) => FontFamily::Name(font),
            (family, _) => family,
        }
    }
    fn layout_box(&self, text: &str) -> std::result::Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.style.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> std::result::Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> std::result::Result<std::result::Result<(), E>, Self::FontError> {
        self.style.draw(text, pos, draw)
    }
}

impl DrawingBackend for Measured {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    rnn_playground::delegate_drawing!(shapes);
    fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> Result<()> {
        let style = PageFont { style, font: self.font.as_deref() };
        self.inner.draw_text(text, &style, pos)
    }
    /// The text's width as the canvas measures it in the font it is drawn in; the height
    /// of a line of that size (1.15 em, as a browser lays out normal text).
    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> Result<(u32, u32)> {
        let style = PageFont { style, font: self.font.as_deref() };
        self.context.set_font(&format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str()));
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(text.chars().count() as f64 * style.size() * 0.6);
        Ok((width.ceil() as u32, (style.size() * 1.15).ceil() as u32))
    }
}

/// The page's one backend: a canvas, or an SVG document measured as the command line
/// measures it (so the export is the same document as `rnnp plot -o chart.svg`).
pub enum PageBackend<'a> {
    Canvas(Measured),
    Svg(MetricSvg<'a>),
}

/// A backend's failure, as its words (the two backends' error types differ).
#[derive(Debug)]
pub struct BackendError(String);

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

fn words<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<BackendError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(BackendError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! either {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            PageBackend::Canvas($b) => $call.map_err(words),
            PageBackend::Svg($b) => $call.map_err(words),
        }
    };
}

type PageResult<T> = std::result::Result<T, DrawingErrorKind<BackendError>>;

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            PageBackend::Canvas(b) => b.get_size(),
            PageBackend::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> PageResult<()> {
        either!(self, b => b.ensure_prepared())
    }
    fn present(&mut self) -> PageResult<()> {
        either!(self, b => b.present())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> PageResult<()> {
        either!(self, b => b.draw_pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> PageResult<()> {
        either!(self, b => b.draw_line(from, to, style))
    }
    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> PageResult<()> {
        either!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> PageResult<()> {
        either!(self, b => b.draw_path(path, style))
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> PageResult<()> {
        either!(self, b => b.draw_circle(center, radius, style, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> PageResult<()> {
        either!(self, b => b.fill_polygon(vert, style))
    }
    fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> PageResult<()> {
        either!(self, b => b.draw_text(text, style, pos))
    }
    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> PageResult<(u32, u32)> {
        either!(self, b => b.estimate_text_size(text, style))
    }
}

fn thrown(e: impl std::fmt::Display) -> JsValue {
    JsValue::from(js_sys::Error::new(&e.to_string()))
}

/// Draws `figure` on `canvas` (sized in device pixels by the page), presents it, and gives
/// back the chart's table and what it could not draw.
pub fn draw(canvas: JsValue, style: DrawStyle, figure: &Figure) -> std::result::Result<ChartData, JsValue> {
    let canvas: HtmlCanvasElement = canvas.dyn_into().map_err(|v: JsValue| super::wrong("canvas", Expected::Canvas, &v))?;
    let no_context = || JsValue::from(js_sys::Error::new("this canvas has no 2D context"));
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or_else(no_context)?;
    let inner = CanvasBackend::with_canvas_object(canvas).ok_or_else(no_context)?;
    let chart_style = style.style();
    let root = PageBackend::Canvas(Measured { inner, context, font: style.into_font() }).into_drawing_area();
    let drawn = figure.draw(&root, &chart_style).map_err(thrown)?;
    root.present().map_err(thrown)?;
    Ok(ChartData { table: figure.table(), drawn })
}

/// The chart `figure` as an SVG document of `width` × `height` pixels: the same document as
/// `rnnp plot -o chart.svg` for the same chart and size (`charts::svg::render_svg`, whose
/// steps these are).
pub fn svg(width: f64, height: f64, figure: &Figure) -> std::result::Result<String, JsValue> {
    let width = super::count(width, "width", IMAGE_SIDE)? as u32;
    let height = super::count(height, "height", IMAGE_SIDE)? as u32;
    let mut text = String::new();
    {
        let root = PageBackend::Svg(MetricSvg::with_string(&mut text, (width, height))).into_drawing_area();
        figure.draw(&root, &Style::default()).map_err(thrown)?;
        root.present().map_err(thrown)?;
    }
    Ok(text)
}
