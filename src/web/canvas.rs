//! Drawing a chart onto a `<canvas>`.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::charts::{ChartResult, Style};

/// Draws with `draw` on `canvas` (sized in device pixels by the page) and presents it.
pub fn draw_on(canvas: HtmlCanvasElement, scale: f32, draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>, &Style) -> ChartResult) -> Result<(), JsError> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("this canvas has no 2D context"))?;
    let root = backend.into_drawing_area();
    let style = Style { scale: if scale.is_finite() && scale > 0.0 { scale } else { 1.0 } };
    draw(&root, &style).map_err(|e| JsError::new(&e.to_string()))?;
    root.present().map_err(|e| JsError::new(&e.to_string()))
}
