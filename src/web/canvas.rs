//! Drawing a chart onto a `<canvas>`.
//!
//! plotters-canvas draws with the canvas's 2D context but measures text with plotters' web
//! font code, which puts a `<span>` with a `style` attribute into the page for every label
//! and reads its size: a forced layout per label (slow on a phone), and an inline style the
//! page's Content-Security-Policy forbids. [`Measured`] is the same backend measuring with
//! the context's `measureText` instead.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::{fail, js_type, DrawStyle};
use crate::charts::svg::render_svg;
use crate::error::RnnError;
use crate::figures::{ChartData, Figure};
use crate::settings::limits::IMAGE_SIDE;

/// A canvas backend whose text is measured by the canvas itself.
pub struct Measured {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

type Result<T> = std::result::Result<T, DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl DrawingBackend for Measured {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    crate::charts::delegate_drawing!();
    /// The text's width as the canvas measures it in the font plotters-canvas draws with;
    /// the height of a line of that size (1.15 em, as a browser lays out normal text).
    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> Result<(u32, u32)> {
        self.context.set_font(&format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str()));
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(text.chars().count() as f64 * style.size() * 0.6);
        Ok((width.ceil() as u32, (style.size() * 1.15).ceil() as u32))
    }
}

/// Draws `figure` on `canvas` (sized in device pixels by the page), presents it, and gives
/// back the chart's table and what it could not draw.
pub fn draw(canvas: JsValue, style: DrawStyle, figure: &Figure) -> std::result::Result<ChartData, JsValue> {
    let canvas: HtmlCanvasElement = canvas
        .dyn_into()
        .map_err(|v: JsValue| fail(RnnError::WrongType { field: "canvas".into(), expected: "a <canvas> element".into(), got: js_type(&v) }))?;
    let no_context = || JsValue::from(js_sys::Error::new("this canvas has no 2D context"));
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or_else(no_context)?;
    let inner = CanvasBackend::with_canvas_object(canvas).ok_or_else(no_context)?;
    let root = Measured { inner, context }.into_drawing_area();
    let drawn = figure.draw(&root, &style.style()).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    root.present().map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    Ok(ChartData { table: figure.table(), drawn })
}

/// The chart `figure` as an SVG document of `width` × `height` pixels: the same document as
/// `rnnp plot -o chart.svg` for the same chart and size ([`crate::charts::svg`]).
pub fn svg(width: f64, height: f64, figure: &Figure) -> std::result::Result<String, JsValue> {
    let width = super::count(width, "width", IMAGE_SIDE)? as u32;
    let height = super::count(height, "height", IMAGE_SIDE)? as u32;
    let (text, _) = render_svg(width, height, |root, style| figure.draw(root, style)).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    Ok(text)
}
