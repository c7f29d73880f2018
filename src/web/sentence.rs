//! The sentence view in the browser: one `Playground` object owns the network, the
//! stepper and the trainer.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::canvas::draw_on;
use super::{from_js, js_error, to_js};
use crate::charts::{draw_hidden, draw_line_chart};
use crate::format::model_file::model_to_json;
use crate::session::{SentenceConfig, SentenceSession};

/// A network reading a sentence, built from the page's controls.
#[wasm_bindgen]
pub struct Playground {
    session: SentenceSession,
}

pub(crate) fn labels<const N: usize>(value: JsValue) -> Result<[String; N], JsError> {
    let list: Vec<String> = serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("chart labels: {e}")))?;
    list.try_into().map_err(|_| JsError::new(&format!("chart labels: expected {N} strings")))
}

#[wasm_bindgen]
impl Playground {
    /// Builds the network from a settings object (missing fields take their defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Playground, JsError> {
        let config: SentenceConfig = from_js(config)?;
        Ok(Playground { session: SentenceSession::new(config).map_err(js_error)? })
    }

    /// The default settings.
    #[wasm_bindgen(js_name = defaultConfig)]
    pub fn default_config() -> Result<JsValue, JsError> {
        to_js(&SentenceConfig::default())
    }

    /// The settings in use.
    pub fn config(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.config)
    }

    /// Tokens, vocabulary, sizes and ln V.
    pub fn info(&self) -> Result<JsValue, JsError> {
        let s = &self.session;
        let spec = s.stepper.model.spec;
        to_js(&serde_json::json!({
            "tokens": s.stepper.sentence.tokens,
            "vocabulary": s.stepper.sentence.vocabulary.tokens,
            "inputs": s.stepper.sentence.inputs,
            "targets": s.stepper.sentence.targets,
            "cell": spec.cell.name(),
            "gates": spec.cell.gate_names(),
            "units": spec.units,
            "weights": s.stepper.model.layout.len,
            "uniformLoss": s.uniform_loss(),
        }))
    }

    /// Reads the next token; returns its step record, or null at the end.
    pub fn step(&mut self) -> Result<JsValue, JsError> {
        match self.session.stepper.step() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// Undoes the last step (backward first). Returns false at the start.
    #[wasm_bindgen(js_name = stepBack)]
    pub fn step_back(&mut self) -> bool {
        self.session.stepper.step_back()
    }

    /// Back to t = 0.
    pub fn reset(&mut self) {
        self.session.stepper.reset();
    }

    /// Walks the gradient back one token; null if the sentence is not read yet or done.
    #[wasm_bindgen(js_name = bpttStep)]
    pub fn bptt_step(&mut self) -> Result<JsValue, JsError> {
        match self.session.stepper.bptt_step() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// Steps read so far, and steps walked back.
    pub fn position(&self) -> Result<JsValue, JsError> {
        let st = &self.session.stepper;
        to_js(&serde_json::json!({ "forward": st.forward.len(), "backward": st.backward.len(), "length": st.len(), "loss": st.loss() }))
    }

    /// The record of the last step read, or null.
    pub fn current(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.stepper.forward.last())
    }

    /// The record of the last step walked back, or null.
    #[wasm_bindgen(js_name = lastBack)]
    pub fn last_back(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.stepper.backward.last())
    }

    /// h_t of every step read so far, [t][U] (for the data table).
    #[wasm_bindgen(js_name = hiddenStates)]
    pub fn hidden_states(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.stepper.forward.iter().map(|r| &r.h).collect::<Vec<_>>())
    }

    /// (t, ‖dL/dh_t‖) of every step walked back so far.
    #[wasm_bindgen(js_name = backNorms)]
    pub fn back_norms(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.stepper.backward.iter().map(|b| (b.t, b.dh_norm)).collect::<Vec<_>>())
    }

    /// Trains for `epochs` passes over the sentence.
    pub fn train(&mut self, epochs: u32) -> Result<JsValue, JsError> {
        to_js(&self.session.train(epochs as usize))
    }

    /// Loss per epoch so far.
    pub fn losses(&self) -> Vec<f32> {
        self.session.losses.clone()
    }

    /// The loss of the whole sentence with the current weights.
    #[wasm_bindgen(js_name = sentenceLoss)]
    pub fn sentence_loss(&self) -> f32 {
        self.session.sentence_loss()
    }

    /// The prediction after every token.
    pub fn predictions(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.predictions())
    }

    /// BPTT against finite differences.
    pub fn gradcheck(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.gradcheck())
    }

    /// The model file of the current weights.
    #[wasm_bindgen(js_name = modelJson)]
    pub fn model_json(&self) -> String {
        model_to_json(self.session.model())
    }

    /// Draws the hidden-state chart. Labels: [title, unit, step, trajectories, empty].
    #[wasm_bindgen(js_name = drawHidden)]
    pub fn draw_hidden(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue) -> Result<(), JsError> {
        let chart = self.session.hidden_chart(labels(labels_js)?);
        draw_on(canvas, scale, |area, style| draw_hidden(area, &chart, style))
    }

    /// Draws the loss curve. Labels: [title, x, y, ln V legend, empty].
    #[wasm_bindgen(js_name = drawLoss)]
    pub fn draw_loss(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue) -> Result<(), JsError> {
        let chart = self.session.loss_chart(labels(labels_js)?);
        draw_on(canvas, scale, |area, style| draw_line_chart(area, &chart, style))
    }

    /// Draws ‖dL/dh_t‖ per token. Labels: [title, y, legend, empty].
    #[wasm_bindgen(js_name = drawGrad)]
    pub fn draw_grad(&self, canvas: HtmlCanvasElement, scale: f32, labels_js: JsValue) -> Result<(), JsError> {
        let chart = self.session.grad_chart(labels(labels_js)?);
        draw_on(canvas, scale, |area, style| draw_line_chart(area, &chart, style))
    }
}
