//! The sine-series view in the browser: one `SeriesLab` object owns the data, the model
//! and its training.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::canvas::draw_on;
use super::sentence::labels;
use super::{from_js, js_error, to_js};
use crate::charts::draw_line_chart;
use crate::series::{SeriesConfig, SeriesSession};

/// The seed's Keras example, trained a few batches at a time.
#[wasm_bindgen]
pub struct SeriesLab {
    session: SeriesSession,
}

#[wasm_bindgen]
impl SeriesLab {
    /// Generates the data and builds the model (missing settings take their defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<SeriesLab, JsError> {
        let config: SeriesConfig = from_js(config)?;
        Ok(SeriesLab { session: SeriesSession::new(config).map_err(js_error)? })
    }

    /// Trains up to `n` more batches; returns the progress.
    #[wasm_bindgen(js_name = trainBatches)]
    pub fn train_batches(&mut self, n: u32) -> Result<JsValue, JsError> {
        to_js(&self.session.train_batches(n as usize))
    }

    /// The progress without training.
    pub fn progress(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.progress())
    }

    /// Labels: [title, x, y, loss, baseline, empty].
    #[wasm_bindgen(js_name = drawLoss)]
    pub fn draw_loss(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue) -> Result<(), JsError> {
        let chart = self.session.loss_chart(labels(labels_js)?);
        draw_on(canvas, scale, |a, s| draw_line_chart(a, &chart, s))
    }

    /// Labels: [title, x, y, truth, prediction, empty]; `count` test sequences.
    #[wasm_bindgen(js_name = drawPrediction)]
    pub fn draw_prediction(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue, count: u32) -> Result<(), JsError> {
        let chart = self.session.prediction_chart(labels(labels_js)?, count as usize);
        draw_on(canvas, scale, |a, s| draw_line_chart(a, &chart, s))
    }

    /// Truth and prediction of the first test sequence (for the data table).
    #[wasm_bindgen(js_name = firstTest)]
    pub fn first_test(&self) -> Result<JsValue, JsError> {
        let t = self.session.config.length;
        let (truth, pred) = self.session.test_values();
        to_js(&serde_json::json!({ "truth": &truth[..t], "prediction": pred.map(|p| &p[..t]) }))
    }
}
