//! The gradient lab in the browser (and in its worker): one `GradientLab` object owns the
//! measurements and the runs of the lab view.

use wasm_bindgen::prelude::*;

use super::canvas::draw;
use super::{chart_request, count, fail, from_js, from_js_required, to_js, DrawStyle};
use rnn_playground::figures::lab::{figure, LabFigure};
use rnn_playground::lab::explode::{ExplodeConfig, ExplodeView};
use rnn_playground::lab::memory::{MemoryConfig, RaceView};
use rnn_playground::lab::session::LabSession;
use rnn_playground::lab::LabConfig;

/// The gradient lab.
#[wasm_bindgen]
pub struct GradientLab {
    session: LabSession,
}

#[wasm_bindgen]
impl GradientLab {
    /// Measures the selected cell's flow for the settings (missing fields take their
    /// defaults); `measureMore` measures the rest, a part per call.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "Partial<LabConfig> | undefined")] config: JsValue) -> Result<GradientLab, JsValue> {
        let config: LabConfig = from_js(config, "config")?;
        Ok(GradientLab { session: LabSession::start(config).map_err(fail)? })
    }

    /// Measures the next missing part (the three cells, then the step Jacobians); false
    /// once everything is measured.
    #[wasm_bindgen(js_name = measureMore)]
    pub fn measure_more(&mut self) -> Result<bool, JsValue> {
        self.session.measure_more().map_err(fail)
    }

    /// Which later parts are measured.
    #[wasm_bindgen(unchecked_return_type = "Measured")]
    pub fn measured(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.measured())
    }

    /// New settings; measures the selected cell again (the rest with `measureMore`) and
    /// stops the runs made with the old ones.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, #[wasm_bindgen(unchecked_param_type = "Partial<LabConfig>")] config: JsValue) -> Result<(), JsValue> {
        let config: LabConfig = from_js(config, "config")?;
        self.session.set_config(config).map_err(fail)
    }

    /// The numbers of the current settings: flow of the selected cell and of all three.
    #[wasm_bindgen(unchecked_return_type = "LabView")]
    pub fn view(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.view)
    }

    /// Starts a training run on the remember-the-first-token task.
    #[wasm_bindgen(js_name = startExplode, unchecked_return_type = "ExplodeView")]
    pub fn start_explode(&mut self, #[wasm_bindgen(unchecked_param_type = "Partial<ExplodeConfig> | undefined")] config: JsValue) -> Result<JsValue, JsValue> {
        let config: ExplodeConfig = from_js(config, "config")?;
        to_js(self.session.start_explode(config).map_err(fail)?)
    }

    /// Up to `n` more updates of the run; returns its state.
    #[wasm_bindgen(js_name = explodeStep, unchecked_return_type = "ExplodeView")]
    pub fn explode_step(&mut self, n: f64) -> Result<JsValue, JsValue> {
        let n = count(n, "n", rnn_playground::settings::limits::LAB_CALL_STEPS)?;
        to_js(self.session.explode_step(n).map_err(fail)?)
    }

    /// Shows a run made in a worker.
    #[wasm_bindgen(js_name = showExplode)]
    pub fn show_explode(&mut self, #[wasm_bindgen(unchecked_param_type = "ExplodeView")] view: JsValue) -> Result<(), JsValue> {
        let view: ExplodeView = from_js_required(view, "view")?;
        self.session.show_explode(view);
        Ok(())
    }

    /// Starts the memory comparison.
    #[wasm_bindgen(js_name = startRace, unchecked_return_type = "RaceView")]
    pub fn start_race(&mut self, #[wasm_bindgen(unchecked_param_type = "Partial<MemoryConfig> | undefined")] config: JsValue) -> Result<JsValue, JsValue> {
        let config: MemoryConfig = from_js(config, "config")?;
        to_js(self.session.start_race(config).map_err(fail)?)
    }

    /// Up to `n` more updates of the comparison; returns its state.
    #[wasm_bindgen(js_name = raceStep, unchecked_return_type = "RaceView")]
    pub fn race_step(&mut self, n: f64) -> Result<JsValue, JsValue> {
        let n = count(n, "n", rnn_playground::settings::limits::LAB_CALL_STEPS)?;
        to_js(self.session.race_step(n).map_err(fail)?)
    }

    /// Shows a comparison made in a worker.
    #[wasm_bindgen(js_name = showRace)]
    pub fn show_race(&mut self, #[wasm_bindgen(unchecked_param_type = "RaceView")] view: JsValue) -> Result<(), JsValue> {
        let view: RaceView = from_js_required(view, "view")?;
        self.session.show_race(view);
        Ok(())
    }

    /// Draws a chart of the lab on a canvas; returns its data table and what it could not
    /// draw.
    #[wasm_bindgen(unchecked_return_type = "ChartData")]
    pub fn draw(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<DrawStyle>")] style: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LabFigure")] which: JsValue,
    ) -> Result<JsValue, JsValue> {
        let which = chart_request(which, LabFigure::read)?;
        let style: DrawStyle = from_js(style, "style")?;
        to_js(&draw(canvas, style, &figure(&self.session, &which))?)
    }

    /// A chart of the view as an SVG document of `width` × `height` pixels (the same as
    /// `rnnp plot`'s for the same chart and size).
    #[wasm_bindgen(js_name = drawSvg)]
    pub fn draw_svg(&self, width: f64, height: f64, #[wasm_bindgen(unchecked_param_type = "LabFigure")] which: JsValue) -> Result<String, JsValue> {
        let which = chart_request(which, LabFigure::read)?;
        super::canvas::svg(width, height, &figure(&self.session, &which))
    }
}
