//! Drawing a chart onto a `<canvas>`.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::{fail, js_type, DrawStyle};
use crate::error::RnnError;
use crate::figures::{ChartData, Figure};

/// Draws `figure` on `canvas` (sized in device pixels by the page), presents it, and gives
/// back the chart's table and what it could not draw.
pub fn draw(canvas: JsValue, style: DrawStyle, figure: &Figure) -> Result<ChartData, JsValue> {
    let canvas: HtmlCanvasElement = canvas
        .dyn_into()
        .map_err(|v: JsValue| fail(RnnError::WrongType { field: "canvas".into(), expected: "a <canvas> element".into(), got: js_type(&v) }))?;
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsValue::from(js_sys::Error::new("this canvas has no 2D context")))?;
    let root = backend.into_drawing_area();
    let drawn = figure.draw(&root, &style.style()).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    root.present().map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    Ok(ChartData { table: figure.table(), drawn })
}
