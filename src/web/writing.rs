//! The Write view in the browser: `TextTrainer` learns a corpus (in the page's worker),
//! `WritingDesk` writes with the model it hands back (on the page), one character at a time.

use wasm_bindgen::prelude::*;

use super::canvas::draw;
use super::{chart_request, count, fail, from_js, from_js_required, string, to_js, DrawStyle};
use rnn_playground::error::{Expected, RnnError};
use rnn_playground::figures::writing::{figure, WritingFigure};
use rnn_playground::settings::limits::Int;
use rnn_playground::settings::Choices;
use rnn_playground::writing::desk::Desk;
use rnn_playground::writing::{CharModel, TextConfig, TextHistory, WritingSession};

/// A pasted text as training will split it: its characters, distinct characters and where
/// writing begins; or the error training on it would give first (the page's check before
/// Train is the engine's own).
#[wasm_bindgen(js_name = textFacts, unchecked_return_type = "TextFacts")]
pub fn text_facts(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsValue> {
    to_js(&rnn_playground::writing::characters::facts(&string(&text, "corpus")?).map_err(fail)?)
}

/// A character model learning a text.
#[wasm_bindgen]
pub struct TextTrainer {
    session: WritingSession,
}

#[wasm_bindgen]
impl TextTrainer {
    /// The text split into characters (the last tenth held out) and a fresh network.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<TextConfig> | undefined")] config: JsValue,
    ) -> Result<TextTrainer, JsValue> {
        let text = string(&text, "corpus")?;
        let config: TextConfig = from_js(config, "config")?;
        Ok(TextTrainer { session: WritingSession::new(&text, config).map_err(fail)? })
    }

    /// `n` more updates; returns the progress.
    #[wasm_bindgen(unchecked_return_type = "TextProgress")]
    pub fn train(&mut self, n: f64) -> Result<JsValue, JsValue> {
        let n = count(n, "n", Int::new(1, 100_000))?;
        to_js(&self.session.train(n).map_err(fail)?)
    }

    /// Updates done.
    pub fn updates(&self) -> usize {
        self.session.progress.updates
    }

    /// Measures the held-out loss now (nats per character) and keeps it in the history.
    pub fn evaluate(&mut self) -> f32 {
        self.session.evaluate()
    }

    /// The losses so far and the references.
    #[wasm_bindgen(unchecked_return_type = "TextHistory")]
    pub fn history(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.history)
    }

    /// Characters of the corpus and of its vocabulary.
    #[wasm_bindgen(js_name = corpusSize)]
    pub fn corpus_size(&self) -> Vec<u32> {
        vec![self.session.corpus.ids.len() as u32, self.session.corpus.vocabulary.len() as u32]
    }

    /// `length` characters after `seedText` at `temperature`, drawn from `seed`.
    pub fn sample(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] seed_text: JsValue,
        length: f64,
        temperature: f64,
        seed: f64,
    ) -> Result<String, JsValue> {
        let seed_text = string(&seed_text, "seed text")?;
        let length = count(length, "length", rnn_playground::settings::limits::SAMPLE_CHARS)?;
        let seed = count(seed, "seed", rnn_playground::settings::limits::SEED)? as u64;
        self.session.write(&seed_text, length, temperature, seed).map_err(fail)
    }

    /// The model file of the network now, with its vocabulary.
    #[wasm_bindgen(js_name = modelFile)]
    pub fn model_file(&self) -> String {
        self.session.model_file()
    }

    /// The weights now (what the worker hands to the page: no text to write and parse).
    pub fn params(&self) -> Vec<f32> {
        self.session.model().params.clone()
    }

    /// The characters, in the order of the network's inputs and outputs.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn vocabulary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.corpus.vocabulary)
    }
}

/// The page's side of the Write view: the model training handed back, the pen writing
/// with it, and the charts.
#[wasm_bindgen]
pub struct WritingDesk {
    desk: Desk,
}

impl Default for WritingDesk {
    fn default() -> Self {
        WritingDesk::new()
    }
}

#[wasm_bindgen]
impl WritingDesk {
    #[wasm_bindgen(constructor)]
    pub fn new() -> WritingDesk {
        WritingDesk { desk: Desk::new() }
    }

    /// Writes with the model of a model file (the Write view's, or `rnnp train text
    /// --save`'s) from now on; returns its cell, units and vocabulary size.
    #[wasm_bindgen(js_name = useModel, unchecked_return_type = "{cell: string, units: number, vocabulary: number, start: string | null}")]
    pub fn use_model(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsValue> {
        let model = CharModel::from_text(&string(&text, "model")?).map_err(fail)?;
        self.install(model)
    }

    fn install(&mut self, model: CharModel) -> Result<JsValue, JsValue> {
        let spec = model.model.spec;
        let vocabulary = model.vocabulary.len();
        self.desk.use_model(model);
        // `start`: what to begin writing with when no seed text is given.
        let summary = serde_json::json!({"cell": spec.cell.name().name(), "units": spec.units, "vocabulary": vocabulary, "start": self.desk.usual_start()});
        to_js(&summary)
    }

    /// Writes with the network of `config` with weights `params` and `vocabulary` (what
    /// training hands back, or what the browser kept); returns as `useModel` does.
    #[wasm_bindgen(js_name = useWeights, unchecked_return_type = "{cell: string, units: number, vocabulary: number, start: string | null}")]
    pub fn use_weights(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Partial<TextConfig>")] config: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] vocabulary: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] params: JsValue,
    ) -> Result<JsValue, JsValue> {
        let config: TextConfig = from_js_required(config, "config")?;
        let vocabulary: Vec<String> =
            serde_wasm_bindgen::from_value(vocabulary.clone()).map_err(|_| super::wrong("vocabulary", Expected::CharacterList, &vocabulary))?;
        let params = super::floats(params, "params")?;
        self.install(CharModel::from_parts(&config, vocabulary, params).map_err(fail)?)
    }

    /// The model file of the model on the desk (to download).
    #[wasm_bindgen(js_name = modelFile)]
    pub fn model_file(&self) -> Result<String, JsValue> {
        let model = self.desk.model.as_ref().ok_or_else(|| fail(RnnError::Missing { field: "model".into() }))?;
        Ok(model.model_file())
    }

    /// Whether a model is there to write with.
    #[wasm_bindgen(js_name = hasModel)]
    pub fn has_model(&self) -> bool {
        self.desk.model.is_some()
    }

    /// Shows the loss history of training (for the loss chart).
    #[wasm_bindgen(js_name = showHistory)]
    pub fn show_history(&mut self, #[wasm_bindgen(unchecked_param_type = "TextHistory")] history: JsValue) -> Result<(), JsValue> {
        self.desk.history = from_js_required::<TextHistory>(history, "history")?;
        Ok(())
    }

    /// The pen reads `seedText`; the draws after it come from `seed`.
    #[wasm_bindgen(unchecked_return_type = "WriteStep")]
    pub fn begin(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] seed_text: JsValue, seed: f64) -> Result<JsValue, JsValue> {
        let seed = count(seed, "seed", rnn_playground::settings::limits::SEED)? as u64;
        to_js(&self.desk.begin(&string(&seed_text, "seed text")?, seed).map_err(fail)?)
    }

    /// Draws and reads the next character at `temperature`.
    #[wasm_bindgen(unchecked_return_type = "WriteStep")]
    pub fn step(&mut self, temperature: f64) -> Result<JsValue, JsValue> {
        to_js(&self.desk.step(temperature).map_err(fail)?)
    }

    /// The last step's distribution at another temperature.
    #[wasm_bindgen(unchecked_return_type = "WriteStep")]
    pub fn retemper(&mut self, temperature: f64) -> Result<JsValue, JsValue> {
        to_js(&self.desk.retemper(temperature).map_err(fail)?)
    }

    /// `count` whole pieces (poems), each begun after `end` and `seedText`.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn poems(
        &self,
        count_: f64,
        #[wasm_bindgen(unchecked_param_type = "string")] seed_text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] end: JsValue,
        temperature: f64,
        seed: f64,
    ) -> Result<JsValue, JsValue> {
        let n = count(count_, "count", rnn_playground::settings::limits::POEMS)? as u64;
        let seed = count(seed, "seed", rnn_playground::settings::limits::SEED)? as u64;
        to_js(&self.desk.poems(n, &string(&seed_text, "seed text")?, &string(&end, "end")?, temperature, seed).map_err(fail)?)
    }

    /// One whole piece, begun after `end` and `seedText`, drawn from `seed` (piece k of
    /// `poems(…, seed)` is `poem(…, seed + k)`).
    pub fn poem(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] seed_text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] end: JsValue,
        temperature: f64,
        seed: f64,
    ) -> Result<String, JsValue> {
        let seed = count(seed, "seed", rnn_playground::settings::limits::SEED)? as u64;
        self.desk.poem(&string(&seed_text, "seed text")?, &string(&end, "end")?, temperature, seed).map_err(fail)
    }

    /// Draws a chart of the view on a canvas; returns its data table.
    #[wasm_bindgen(unchecked_return_type = "ChartData")]
    pub fn draw(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<DrawStyle>")] style: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WritingFigure")] which: JsValue,
    ) -> Result<JsValue, JsValue> {
        let which = chart_request(which, WritingFigure::read)?;
        let style: DrawStyle = from_js(style, "style")?;
        to_js(&draw(canvas, style, &figure(&self.desk, &which))?)
    }

    /// A chart as an SVG document of `width` × `height` pixels.
    #[wasm_bindgen(js_name = drawSvg)]
    pub fn draw_svg(&self, width: f64, height: f64, #[wasm_bindgen(unchecked_param_type = "WritingFigure")] which: JsValue) -> Result<String, JsValue> {
        let which = chart_request(which, WritingFigure::read)?;
        super::canvas::svg(width, height, &figure(&self.desk, &which))
    }
}
