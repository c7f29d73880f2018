//! The gradient lab in the browser: one `GradientLab` object owns the measurements and the
//! runs of the lab view.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::canvas::draw_on;
use super::sentence::labels;
use super::{from_js, js_error, to_js};
use crate::charts::{draw_line_chart, draw_spectral_view};
use crate::lab::explode::ExplodeConfig;
use crate::lab::memory::MemoryConfig;
use crate::lab::session::LabSession;
use crate::lab::LabConfig;
use crate::train::Clip;

/// The gradient lab.
#[wasm_bindgen]
pub struct GradientLab {
    session: LabSession,
}

#[wasm_bindgen]
impl GradientLab {
    /// Measures the flows for a settings object (missing fields take their defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<GradientLab, JsError> {
        let config: LabConfig = from_js(config)?;
        Ok(GradientLab { session: LabSession::new(config).map_err(js_error)? })
    }

    /// New settings; measures again.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, config: JsValue) -> Result<(), JsError> {
        let config: LabConfig = from_js(config)?;
        self.session.set_config(config).map_err(js_error)
    }

    /// The numbers of the current settings: flow of the selected cell and of all three.
    pub fn view(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.view)
    }

    /// Labels: [title, x, y, measured, reference, empty].
    #[wasm_bindgen(js_name = drawFlow)]
    pub fn draw_flow(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue) -> Result<(), JsError> {
        let chart = self.session.flow_chart(labels(labels_js)?);
        draw_on(canvas, scale, |a, s| draw_line_chart(a, &chart, s))
    }

    /// Labels: [title, x, y, empty]; names: the three cells.
    #[wasm_bindgen(js_name = drawCells)]
    pub fn draw_cells(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue, names: JsValue) -> Result<(), JsError> {
        let chart = self.session.cells_chart(labels(labels_js)?, labels(names)?);
        draw_on(canvas, scale, |a, s| draw_line_chart(a, &chart, s))
    }

    /// Spectrum labels: [title, eigenvalues, unit circle, 1/γ, ρ, σ_max]; Jacobian labels:
    /// [title, x, y, one].
    #[wasm_bindgen(js_name = drawSpectrum)]
    pub fn draw_spectrum(&self, canvas: HtmlCanvasElement, scale: f32, spectrum_labels: JsValue, jacobian_labels: JsValue) -> Result<(), JsError> {
        let spectrum = self.session.spectrum_chart(labels(spectrum_labels)?);
        let jacobians = self.session.jacobian_chart(labels(jacobian_labels)?);
        draw_on(canvas, scale, |a, s| draw_spectral_view(a, &spectrum, &jacobians, s))
    }

    /// Starts a training run on the memory task of `length` steps: clipping "none", "value"
    /// or "norm" at `threshold`, for `updates` updates (the rest as [`ExplodeConfig::default`]).
    #[wasm_bindgen(js_name = startExplode)]
    pub fn start_explode(&mut self, clip_mode: &str, threshold: f32, updates: u32, length: u32) -> Result<(), JsError> {
        let clip = match clip_mode {
            "none" => Clip::None,
            "value" => Clip::Value(threshold),
            "norm" => Clip::GlobalNorm(threshold),
            other => return Err(JsError::new(&format!("unknown clipping {other:?}: expected \"none\", \"value\" or \"norm\""))),
        };
        let config = ExplodeConfig { clip, updates: updates as usize, length: length as usize, ..Default::default() };
        self.session.start_explode(config).map_err(js_error)
    }

    /// Up to `n` more updates of the run; returns its state.
    #[wasm_bindgen(js_name = explodeStep)]
    pub fn explode_step(&mut self, n: u32) -> Result<JsValue, JsError> {
        let run = self.session.explode.as_mut().ok_or_else(|| JsError::new("no training run has been started"))?;
        run.step(n as usize);
        to_js(&serde_json::json!({
            "done": run.done(),
            "updates": run.records.len(),
            "total": run.config.updates,
            "last": run.records.last(),
            "stopped": run.stopped,
            "clipped": run.clipped_count(),
        }))
    }

    /// Every update of the run so far.
    #[wasm_bindgen(js_name = explodeRecords)]
    pub fn explode_records(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.explode.as_ref().map(|r| &r.records))
    }

    /// Labels: [title, x, y, norm, loss, threshold, empty].
    #[wasm_bindgen(js_name = drawExplode)]
    pub fn draw_explode(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue) -> Result<(), JsError> {
        let threshold = self.session.explode.as_ref().and_then(|r| match r.config.clip {
            Clip::GlobalNorm(c) => Some(c),
            _ => None,
        });
        let chart = self.session.explode_chart(labels(labels_js)?, threshold);
        draw_on(canvas, scale, |a, s| draw_line_chart(a, &chart, s))
    }

    /// Starts the memory comparison.
    #[wasm_bindgen(js_name = startRace)]
    pub fn start_race(&mut self, config: JsValue) -> Result<(), JsError> {
        let config: MemoryConfig = from_js(config)?;
        self.session.start_race(config).map_err(js_error)
    }

    /// Up to `n` more updates of the comparison; returns its state.
    #[wasm_bindgen(js_name = raceStep)]
    pub fn race_step(&mut self, n: u32) -> Result<JsValue, JsError> {
        let race = self.session.race.as_mut().ok_or_else(|| JsError::new("the comparison has not been started"))?;
        race.step(n as usize).map_err(js_error)?;
        let (done, total) = race.progress();
        to_js(&serde_json::json!({ "done": race.done(), "progress": done, "total": total, "results": race.results }))
    }

    /// Labels: [title, x, y, chance, empty]; names: the three cells.
    #[wasm_bindgen(js_name = drawRace)]
    pub fn draw_race(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue, names: JsValue) -> Result<(), JsError> {
        let chart = self.session.race_chart(labels(labels_js)?, labels(names)?);
        draw_on(canvas, scale, |a, s| draw_line_chart(a, &chart, s))
    }
}
