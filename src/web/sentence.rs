//! The sentence view in the browser (and in its training worker): one `Playground` object
//! owns the network, the stepper and the trainer.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::canvas::draw;
use super::{chart_request, count, fail, floats, from_js, to_js};
use rnn_playground::error::RnnError;
use rnn_playground::figures::sentence::{figure, SentenceFigure};
use rnn_playground::format::model_file::model_to_json;
use rnn_playground::gradcheck::GradCheckRun;
use rnn_playground::session::{SentenceConfig, SentenceSession};
use rnn_playground::settings::limits::{Int, SENTENCE_EPOCHS};

/// A network reading a sentence, built from the page's controls.
#[wasm_bindgen]
pub struct Playground {
    session: SentenceSession,
    gradcheck: Option<GradCheckRun>,
}

/// Where the stepper is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Position {
    /// Steps read so far, steps walked back, and the sentence's length.
    pub forward: usize,
    pub backward: usize,
    pub length: usize,
    /// Mean loss per token over the steps read (none before the first).
    pub loss: Option<f32>,
}

#[wasm_bindgen]
impl Playground {
    /// Builds the network from the settings (missing fields take their defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "Partial<SentenceConfig> | undefined")] config: JsValue) -> Result<Playground, JsValue> {
        let config: SentenceConfig = from_js(config, "config")?;
        Ok(Playground { session: SentenceSession::new(config).map_err(fail)?, gradcheck: None })
    }

    /// The network of a model file (or of a plain list of Keras's `get_weights()` arrays,
    /// for the network of `base`), with the settings it brings on top of `base`'s. A file
    /// that does not fit is an error naming the field; nothing else changes.
    #[wasm_bindgen(js_name = fromModelFile)]
    pub fn from_model_file(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<SentenceConfig> | undefined")] base: JsValue,
    ) -> Result<Playground, JsValue> {
        let text = super::string(&text, "model file")?;
        let base: SentenceConfig = from_js(base, "config")?;
        Ok(Playground { session: SentenceSession::from_model_text(&text, base).map_err(fail)?, gradcheck: None })
    }

    /// The settings of this network (after `fromModelFile`, those the file brought).
    #[wasm_bindgen(unchecked_return_type = "SentenceConfig")]
    pub fn config(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.config)
    }

    /// Tokens, vocabulary, end marker, sizes and ln V.
    #[wasm_bindgen(unchecked_return_type = "SentenceInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.info())
    }

    /// Reads the next token; returns its step record, or null at the end.
    #[wasm_bindgen(unchecked_return_type = "StepRecord | null")]
    pub fn step(&mut self) -> Result<JsValue, JsValue> {
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

    /// Back to the first token (the weights stay).
    pub fn reset(&mut self) {
        self.session.stepper.reset();
    }

    /// New weights from the seed: training so far is forgotten.
    pub fn reinit(&mut self) {
        self.session.reinit();
        self.gradcheck = None;
    }

    /// Goes to a moment: `forward` tokens read, then `backward` steps walked back (a link's
    /// `pos` and `back`). Values past the sentence are refused.
    #[wasm_bindgen(js_name = goTo, unchecked_return_type = "Position")]
    pub fn go_to(&mut self, forward: f64, backward: f64) -> Result<JsValue, JsValue> {
        let len = self.session.stepper.len() as u64;
        let forward = count(forward, "pos", Int::new(0, len))?;
        let backward = count(backward, "back", Int::new(0, if forward as u64 == len { len } else { 0 }))?;
        let st = &mut self.session.stepper;
        st.reset();
        for _ in 0..forward {
            st.step();
        }
        for _ in 0..backward {
            st.bptt_step();
        }
        self.position()
    }

    /// Walks the gradient back one token; null if the sentence is not read yet or done.
    #[wasm_bindgen(js_name = bpttStep, unchecked_return_type = "BackRecord | null")]
    pub fn bptt_step(&mut self) -> Result<JsValue, JsValue> {
        match self.session.stepper.bptt_step() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// Steps read so far, steps walked back, the length and the loss so far.
    #[wasm_bindgen(unchecked_return_type = "Position")]
    pub fn position(&self) -> Result<JsValue, JsValue> {
        let st = &self.session.stepper;
        to_js(&Position { forward: st.forward.len(), backward: st.backward.len(), length: st.len(), loss: st.loss() })
    }

    /// The record of the last step read, or null.
    #[wasm_bindgen(unchecked_return_type = "StepRecord | null")]
    pub fn current(&self) -> Result<JsValue, JsValue> {
        match self.session.stepper.forward.last() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// The record of the last step walked back, or null.
    #[wasm_bindgen(js_name = lastBack, unchecked_return_type = "BackRecord | null")]
    pub fn last_back(&self) -> Result<JsValue, JsValue> {
        match self.session.stepper.backward.last() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// Trains for `epochs` passes over the sentence (1 to 5000).
    #[wasm_bindgen(unchecked_return_type = "TrainReport")]
    pub fn train(&mut self, epochs: f64) -> Result<JsValue, JsValue> {
        let epochs = count(epochs, "epochs", SENTENCE_EPOCHS)?;
        self.gradcheck = None;
        to_js(&self.session.train(epochs))
    }

    /// Loss per epoch so far.
    pub fn losses(&self) -> Vec<f32> {
        self.session.losses.clone()
    }

    /// The weights now, in the model file's order (what a worker hands to the page).
    pub fn params(&self) -> Vec<f32> {
        self.session.params().to_vec()
    }

    /// Takes the weights and losses of training done in a worker with the same settings.
    pub fn adopt(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] losses: JsValue,
    ) -> Result<(), JsValue> {
        let (params, losses) = (floats(params, "params")?, floats(losses, "losses")?);
        self.gradcheck = None;
        self.session.adopt(&params, losses).map_err(fail)
    }

    /// The loss of the whole sentence with the current weights.
    #[wasm_bindgen(js_name = sentenceLoss)]
    pub fn sentence_loss(&self) -> f32 {
        self.session.sentence_loss()
    }

    /// The prediction after every token.
    #[wasm_bindgen(unchecked_return_type = "Prediction[]")]
    pub fn predictions(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.predictions())
    }

    /// Starts a gradient check of the current weights (BPTT against finite differences).
    #[wasm_bindgen(js_name = startGradcheck, unchecked_return_type = "GradCheck")]
    pub fn start_gradcheck(&mut self) -> Result<JsValue, JsValue> {
        let run = self.session.gradcheck();
        let report = to_js(&run.report);
        self.gradcheck = Some(run);
        report
    }

    /// Checks up to `n` more weights (1 to 2000); returns the report so far.
    #[wasm_bindgen(js_name = gradcheckStep, unchecked_return_type = "GradCheck")]
    pub fn gradcheck_step(&mut self, n: f64) -> Result<JsValue, JsValue> {
        let n = count(n, "n", Int::new(1, 2000))?;
        let run = self.gradcheck.as_mut().ok_or_else(|| fail(RnnError::NotStarted { what: "gradcheck".into() }))?;
        to_js(run.step(n))
    }

    /// The model file of the current weights.
    #[wasm_bindgen(js_name = modelJson)]
    pub fn model_json(&self) -> String {
        model_to_json(self.session.model())
    }

    /// The model file to download: the weights with the sentence's tokens and vocabulary.
    #[wasm_bindgen(js_name = modelFile)]
    pub fn model_file(&self) -> String {
        self.session.model_file()
    }

    /// The code of this configuration trained for `epochs`: `keras` (build and train it in
    /// Keras), and what loads a downloaded model file called `file` in Python (`python`) and
    /// TensorFlow.js (`tfjs`).
    #[wasm_bindgen(unchecked_return_type = "{keras: string, python: string, tfjs: string}")]
    pub fn code(&self, file: String, epochs: f64) -> Result<JsValue, JsValue> {
        let info = self.session.info();
        let c = &SentenceConfig { epochs: count(epochs, "epochs", SENTENCE_EPOCHS)? as u64, ..self.session.config.clone() };
        to_js(&serde_json::json!({
            "keras": rnn_playground::codegen::sentence_keras(c, &info.tokens, &info.vocabulary, info.end_id),
            "python": rnn_playground::codegen::sentence_load_python(c, &file),
            "tfjs": rnn_playground::codegen::sentence_load_tfjs(c, &file),
        }))
    }

    /// Draws a chart of the view on a canvas; returns its data table and what it could not
    /// draw.
    #[wasm_bindgen(unchecked_return_type = "ChartData")]
    pub fn draw(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<DrawStyle>")] style: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SentenceFigure")] which: JsValue,
    ) -> Result<JsValue, JsValue> {
        let which = chart_request(which, SentenceFigure::read)?;
        let data = draw(canvas, from_js(style, "style")?, &figure(&self.session, &which))?;
        to_js(&data)
    }

    /// A chart of the view as an SVG document of `width` × `height` pixels (the same as
    /// `rnnp plot`'s for the same chart and size).
    #[wasm_bindgen(js_name = drawSvg)]
    pub fn draw_svg(&self, width: f64, height: f64, #[wasm_bindgen(unchecked_param_type = "SentenceFigure")] which: JsValue) -> Result<String, JsValue> {
        let which = chart_request(which, SentenceFigure::read)?;
        super::canvas::svg(width, height, &figure(&self.session, &which))
    }
}
