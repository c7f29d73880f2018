//! The sine-series view in the browser (and in its worker): one `SeriesLab` object owns
//! the data, the model and its training.

use wasm_bindgen::prelude::*;

use super::canvas::draw;
use super::{chart_request, count, fail, from_js, from_js_required, to_js, DrawStyle};
use rnn_playground::figures::series::{figure, SeriesFigure};
use rnn_playground::series::{SeriesConfig, SeriesSession};
use rnn_playground::settings::limits::Int;

/// The seed's Keras example, trained a few batches at a time.
#[wasm_bindgen]
pub struct SeriesLab {
    session: SeriesSession,
}

#[wasm_bindgen]
impl SeriesLab {
    /// Generates the data and builds the model (missing settings take their defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "Partial<SeriesConfig> | undefined")] config: JsValue) -> Result<SeriesLab, JsValue> {
        let config: SeriesConfig = from_js(config, "config")?;
        Ok(SeriesLab { session: SeriesSession::new(config).map_err(fail)? })
    }

    /// Trains up to `n` more batches; returns the progress.
    #[wasm_bindgen(js_name = trainBatches, unchecked_return_type = "SeriesProgress")]
    pub fn train_batches(&mut self, n: f64) -> Result<JsValue, JsValue> {
        let n = count(n, "n", Int::new(1, 100_000))?;
        to_js(&self.session.train_batches(n))
    }

    /// The progress without training.
    #[wasm_bindgen(unchecked_return_type = "SeriesProgress")]
    pub fn progress(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.progress())
    }

    /// The weights now (what a worker hands to the page).
    pub fn params(&self) -> Vec<f32> {
        self.session.params().to_vec()
    }

    /// Takes the state of training done in a worker with the same settings: weights, loss
    /// history, the batch reached within the epoch, and why it stopped (if it did).
    pub fn adopt(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SeriesProgress")] progress: JsValue,
    ) -> Result<(), JsValue> {
        let params = super::floats(params, "params")?;
        let p: rnn_playground::series::SeriesProgress = from_js_required(progress, "progress")?;
        self.session.adopt(&params, p.history, p.batch).map_err(fail)
    }

    /// Shows the loss history of training under way in a worker.
    #[wasm_bindgen(js_name = showProgress)]
    pub fn show_progress(&mut self, #[wasm_bindgen(unchecked_param_type = "SeriesProgress")] progress: JsValue) -> Result<(), JsValue> {
        let p: rnn_playground::series::SeriesProgress = from_js_required(progress, "progress")?;
        self.session.show_history(p.history, p.batch);
        Ok(())
    }

    /// The command line that trains the same model (`rnnp train series …`).
    #[wasm_bindgen(js_name = commandLine)]
    pub fn command_line(&self) -> String {
        rnn_playground::codegen::series_command(&self.session.config)
    }

    /// The seed's Keras program with this configuration.
    #[wasm_bindgen(js_name = kerasCode)]
    pub fn keras_code(&self) -> String {
        rnn_playground::codegen::series_keras(&self.session.config)
    }

    /// The same program in this engine's Rust API.
    #[wasm_bindgen(js_name = rustCode)]
    pub fn rust_code(&self) -> String {
        rnn_playground::codegen::series_rust(&self.session.config)
    }

    /// Draws a chart of the view on a canvas; returns its data table and what it could not
    /// draw.
    #[wasm_bindgen(unchecked_return_type = "ChartData")]
    pub fn draw(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<DrawStyle>")] style: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SeriesFigure")] which: JsValue,
    ) -> Result<JsValue, JsValue> {
        let which = chart_request(which, SeriesFigure::read)?;
        let style: DrawStyle = from_js(style, "style")?;
        to_js(&draw(canvas, style, &figure(&self.session, &which))?)
    }

    /// A chart of the view as an SVG document of `width` × `height` pixels (the same as
    /// `rnnp plot`'s for the same chart and size).
    #[wasm_bindgen(js_name = drawSvg)]
    pub fn draw_svg(&self, width: f64, height: f64, #[wasm_bindgen(unchecked_param_type = "SeriesFigure")] which: JsValue) -> Result<String, JsValue> {
        let which = chart_request(which, SeriesFigure::read)?;
        super::canvas::svg(width, height, &figure(&self.session, &which))
    }
}
