//! Writing: a character model of a corpus (the Tang poems, the sonnets, a student's own
//! text), trained on windows of the text, then sampled one character at a time. This is the
//! session a "Write" view and `rnnp train text` / `rnnp write` share.
//!
//! The corpus is split into characters (grapheme clusters: an emoji or an accented letter
//! is one), the vocabulary is every character it uses, the last tenth is held out. Training
//! sees windows of `seq_len + 1` characters: the network reads `seq_len` and predicts each
//! next one (cross-entropy, Adam, gradient clipping by global norm), from h_0 = 0 in every
//! window, so each window is one truncated stretch of backpropagation through time.
//! Sampling carries the state from character to character.

pub mod characters;
pub mod desk;

use serde::{Deserialize, Serialize};

use crate::data::text::Tokenize;
use crate::error::{Counted, Expected, ModelUse, Result, RnnError};
use crate::format::model_file::ModelFile;
use crate::init::{init_model, InitConfig};
use crate::loss::LossAt;
use crate::model::{CellKind, Model, OutputKind, Spec};
use crate::network::{forward, Initial, Inputs, Workspace};
use crate::rng::Rng;
use crate::settings::CellName;
use crate::train::{Clip, Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};
use characters::{characters, check_character, check_vocabulary};

pub use crate::settings::limits::{
    CHAR_BYTES, CORPUS_CHARS, HELD_OUT_WINDOWS, SAMPLE_CHARS, SEED_TEXT_CHARS, TEMPERATURE, TEXT_BATCH, TEXT_SEQ_LEN, TEXT_UNITS, TEXT_WEIGHTS, VOCABULARY,
};

/// The settings of a character model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct TextConfig {
    /// The recurrent cell. Default: `lstm`.
    pub cell: CellName,
    /// U ([`TEXT_UNITS`]). Default: `128`.
    pub units: u64,
    /// Characters per training window, the truncation of BPTT ([`TEXT_SEQ_LEN`]). Default: `48`.
    pub seq_len: u64,
    /// Windows per update ([`TEXT_BATCH`]). Default: `16`.
    pub batch_size: u64,
    /// Adam's η ([`crate::settings::limits::LEARNING_RATE`]). Default: `0.005`.
    pub learning_rate: f64,
    /// Gradients longer than this are scaled down to it, by their global norm
    /// ([`crate::settings::limits::CLIP_THRESHOLD`]). Default: `5`.
    pub clip_threshold: f64,
    /// The seed of the first weights and of the order of the windows. Default: `1`.
    pub seed: u64,
}

impl Default for TextConfig {
    fn default() -> Self {
        TextConfig { cell: CellName::Lstm, units: 128, seq_len: 48, batch_size: 16, learning_rate: 0.005, clip_threshold: 5.0, seed: 1 }
    }
}

impl TextConfig {
    /// Checks every setting against its limit.
    pub fn validate(&self) -> Result<()> {
        TEXT_UNITS.check("units", self.units)?;
        TEXT_SEQ_LEN.check("seqLen", self.seq_len)?;
        TEXT_BATCH.check("batchSize", self.batch_size)?;
        crate::settings::limits::LEARNING_RATE.check("learningRate", self.learning_rate)?;
        crate::settings::limits::CLIP_THRESHOLD.check("clipThreshold", self.clip_threshold)?;
        crate::settings::limits::SEED.check("seed", self.seed)?;
        Ok(())
    }
}

/// A text as character ids, with its vocabulary (most frequent first).
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub vocabulary: Vec<String>,
    pub ids: Vec<u32>,
}

impl Corpus {
    /// Splits `text` into characters. An empty text, a text of one repeated character, or
    /// one larger than the limits is an error that says which.
    pub fn new(text: &str) -> Result<Corpus> {
        // Counted before anything is kept: a text of 60 million characters is refused
        // without a list of 60 million.
        // One pass, and never a list longer than the limit: a text of 60 million characters
        // is counted to the end (for the message) without being kept.
        let max = CORPUS_CHARS.max as usize;
        let mut rest = characters(text);
        let chars: Vec<&str> = rest.by_ref().take(max + 1).collect();
        let n = if chars.len() > max { chars.len() + rest.count() } else { chars.len() };
        CORPUS_CHARS.check_length("corpus", n as u64, Counted::Characters)?;
        if let Some(c) = chars.iter().find(|c| c.len() as u64 > CHAR_BYTES.max) {
            check_character("character", c)?;
        }
        let mut counts: std::collections::HashMap<&str, (usize, usize)> = std::collections::HashMap::new();
        for (i, c) in chars.iter().enumerate() {
            counts.entry(c).or_insert((0, i)).0 += 1;
        }
        VOCABULARY.check("vocabulary", counts.len() as u64)?;
        let mut vocabulary: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
        // Most frequent first; ties in order of first appearance (the same order everywhere:
        // the order is total, so the unstable sort, smaller in the page's download, gives it).
        vocabulary.sort_unstable_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
        let index: std::collections::HashMap<&str, u32> = vocabulary.iter().enumerate().map(|(i, (c, _))| (*c, i as u32)).collect();
        Ok(Corpus { vocabulary: vocabulary.iter().map(|(c, _)| c.to_string()).collect(), ids: chars.iter().map(|c| index[c]).collect() })
    }

    /// The ids of `text`'s characters; a character the corpus never used is an error.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>> {
        encode(&self.vocabulary, text)
    }
}

/// The ids of `text`'s characters in `vocabulary`; a character not in it is an error.
fn encode(vocabulary: &[String], text: &str) -> Result<Vec<u32>> {
    characters(text)
        .map(|c| {
            vocabulary.iter().position(|v| v == c).map(|i| i as u32).ok_or_else(|| RnnError::NotOneOf {
                field: "seed text".into(),
                value: c.to_string(),
                allowed: vec![format!("the {} characters of the corpus", vocabulary.len())],
            })
        })
        .collect()
}

/// A character model's weights against [`TEXT_WEIGHTS`] (what a model file of 64 MB holds).
fn check_text_weights(weights: u64) -> Result<()> {
    if weights > TEXT_WEIGHTS {
        return Err(RnnError::TooBig { field: "model".into(), needed: weights, max: TEXT_WEIGHTS });
    }
    Ok(())
}

/// Where training is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextProgress {
    pub updates: usize,
    /// Mean loss per character of the last update (nats).
    pub loss: f32,
    pub epoch: usize,
    /// Characters read in training so far.
    pub characters: usize,
}

/// The state of the network while it writes: h and c after the last character, and the
/// buffers of its one-step forward pass (kept: a character is read at every step).
#[derive(Debug, Clone)]
pub struct Pen {
    h: Vec<f32>,
    c: Vec<f32>,
    /// p over the vocabulary for the next character.
    pub probs: Vec<f32>,
    ws: Workspace,
}

impl Pen {
    /// h after the last character read.
    pub fn h(&self) -> &[f32] {
        &self.h
    }

    /// c after the last character read (LSTM; empty otherwise).
    pub fn c(&self) -> &[f32] {
        &self.c
    }

    /// The gate activations of the last character read, [k·U] in the cell's gate order
    /// (LSTM: i, f, g, o; GRU: z, r, h̃; simple RNN: the pre-activation).
    pub fn gates(&self) -> &[f32] {
        &self.ws.z
    }
}

/// The temperature a sample is drawn at unless another is asked for.
pub const TEMPERATURE_DEFAULT: f64 = 0.8;
/// The seed of a sample's draws unless another is asked for.
pub const SAMPLE_SEED_DEFAULT: u64 = 1;
/// Updates of one training run in the page unless another number is asked for.
pub const PAGE_UPDATES_DEFAULT: u64 = 600;

/// The Write view's session.
#[derive(Debug, Clone)]
pub struct WritingSession {
    pub config: TextConfig,
    pub corpus: Corpus,
    trainer: Trainer,
    train: Dataset,
    /// Held-out windows [N][T] of inputs and targets.
    held_out: (Vec<u32>, Vec<u32>, usize),
    pub progress: TextProgress,
    /// The loss of every update, and the held-out loss where it was measured.
    pub history: TextHistory,
}

/// What training has been: the loss per character of every update, the held-out loss at
/// the updates where it was measured, and the two references (all in nats per character).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TextHistory {
    pub losses: Vec<f32>,
    /// (update, held-out loss).
    pub held_out: Vec<(usize, f32)>,
    /// The untrained network's loss: every character equally likely, ln V.
    pub uniform: f32,
    /// Each character with its frequency, ignoring context.
    pub unigram: f32,
}

impl WritingSession {
    /// The corpus split (the last tenth held out) and a fresh network from the seed.
    pub fn new(text: &str, config: TextConfig) -> Result<Self> {
        config.validate()?;
        let corpus = Corpus::new(text)?;
        let t = config.seq_len as usize;
        let split = corpus.ids.len() * 9 / 10;
        let windows = |ids: &[u32]| -> (Vec<u32>, Vec<u32>, usize) {
            let n = ids.len().saturating_sub(1) / t;
            let (mut x, mut y) = (Vec::with_capacity(n * t), Vec::with_capacity(n * t));
            for w in 0..n {
                x.extend_from_slice(&ids[w * t..(w + 1) * t]);
                y.extend_from_slice(&ids[w * t + 1..(w + 1) * t + 1]);
            }
            (x, y, n)
        };
        let (x, y, n) = windows(&corpus.ids[..split]);
        // At most HELD_OUT_WINDOWS windows from the start of the held-out tenth: enough
        // for a steady estimate, and quick (the worker hears Pause only between checks).
        let rest = &corpus.ids[split..];
        let held_out = windows(&rest[..rest.len().min(HELD_OUT_WINDOWS * t + 1)]);
        if n == 0 || held_out.2 == 0 {
            // Too short for one training window and one held out.
            return Err(RnnError::range("corpus", corpus.ids.len(), (20 * (t + 1)) as f64, CORPUS_CHARS.max as f64));
        }
        let v = corpus.vocabulary.len();
        let spec = char_spec(&config, v)?;
        crate::settings::limits::check_workspace("a training batch", config.batch_size, config.seq_len, Workspace::floats_per_step(&spec))?;
        let (u, ku) = (spec.units as u64, (spec.cell.gates() * spec.units) as u64);
        check_text_weights(v as u64 * ku + u * ku + 2 * ku + u * v as u64 + v as u64)?;
        let model = init_model(spec, &InitConfig { seed: config.seed, ..Default::default() })?;
        let train_config = TrainConfig {
            optimizer: OptimizerConfig::adam(config.learning_rate as f32),
            clip: Clip::GlobalNorm(config.clip_threshold as f32),
            batch_size: config.batch_size as usize,
            loss_at: LossAt::EveryStep,
            shuffle: true,
            seed: config.seed,
            ..Default::default()
        };
        let trainer = Trainer::new(model, train_config)?;
        let train = Dataset::new(n, t, SeqInputs::Tokens(x), SeqTargets::Classes(y))?;
        let progress = TextProgress { updates: 0, loss: f32::NAN, epoch: 0, characters: 0 };
        let mut session = WritingSession { config, corpus, trainer, train, held_out, progress, history: TextHistory::default() };
        session.history.uniform = libm::logf(v as f32);
        session.history.unigram = session.unigram_loss();
        Ok(session)
    }

    /// The network now.
    pub fn model(&self) -> &Model {
        &self.trainer.model
    }

    /// `n` more updates.
    pub fn train(&mut self, n: usize) -> Result<TextProgress> {
        for _ in 0..n {
            let (report, epoch_end) = self.trainer.train_batch(&self.train)?;
            self.progress.updates += 1;
            self.progress.loss = report.loss;
            self.history.losses.push(report.loss);
            self.progress.characters += self.config.batch_size as usize * self.config.seq_len as usize;
            if epoch_end.is_some() {
                self.progress.epoch += 1;
            }
        }
        Ok(self.progress)
    }

    /// Measures the held-out loss now and keeps it in the history.
    pub fn evaluate(&mut self) -> f32 {
        let loss = self.held_out_loss();
        let at = self.progress.updates;
        self.history.held_out.retain(|&(u, _)| u != at);
        self.history.held_out.push((at, loss));
        loss
    }

    /// Mean cross-entropy per character (nats) on the held-out windows.
    pub fn held_out_loss(&self) -> f32 {
        let (x, y, n) = &self.held_out;
        let t = self.config.seq_len as usize;
        let v = self.corpus.vocabulary.len();
        let mut ws = Workspace::new();
        let mut total = 0.0f64;
        for w in 0..*n {
            forward(self.model(), Inputs::OneHot(&x[w * t..(w + 1) * t]), t, 1, Initial::Zero, &mut ws);
            for s in 0..t {
                // A NaN (a diverged network) stays NaN; a 0 counts as the smallest number.
                let p = ws.outputs[s * v + y[w * t + s] as usize];
                let p = if p.is_nan() { p } else { p.max(f32::MIN_POSITIVE) };
                total -= f64::from(libm::logf(p));
            }
        }
        (total / (*n * t) as f64) as f32
    }

    /// The loss of the best guess that ignores context: each character with its frequency
    /// in the training text (add-one smoothed), on the held-out windows.
    pub fn unigram_loss(&self) -> f32 {
        let v = self.corpus.vocabulary.len();
        let split = self.corpus.ids.len() * 9 / 10;
        let mut counts = vec![1.0f64; v];
        for &id in &self.corpus.ids[..split] {
            counts[id as usize] += 1.0;
        }
        let total: f64 = counts.iter().sum();
        let (_, y, n) = &self.held_out;
        let t = self.config.seq_len as usize;
        let loss: f64 = y[..n * t].iter().map(|&id| -libm::log(counts[id as usize] / total)).sum();
        (loss / (n * t) as f64) as f32
    }

    /// The network and its vocabulary, ready to write.
    pub fn writer(&self) -> Writer<'_> {
        Writer { model: self.model(), vocabulary: &self.corpus.vocabulary }
    }

    /// `length` characters after `seed_text` (see [`Writer::write`]).
    pub fn write(&self, seed_text: &str, length: usize, temperature: f64, seed: u64) -> Result<String> {
        self.writer().write(seed_text, length, temperature, seed)
    }

    /// The model file of the network now, with its vocabulary (`rnnp write` reads it).
    pub fn model_file(&self) -> String {
        char_model_file(self.model(), &self.corpus.vocabulary)
    }
}

/// The network of a character model of `v` characters with these settings.
fn char_spec(config: &TextConfig, v: usize) -> Result<Spec> {
    let cell = CellKind::from_name(config.cell, crate::activation::Activation::Tanh, true);
    let spec = Spec { cell, input_size: v, units: config.units as usize, output_size: v, output: OutputKind::Softmax };
    spec.validate()?;
    Ok(spec)
}

/// A character model read from a model file: the network and its vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct CharModel {
    pub model: Model,
    pub vocabulary: Vec<String>,
}

impl CharModel {
    /// Reads a model file saved by the Write view or `rnnp train text --save`: a model file
    /// with a `vocabulary` of one character per input (and output) class.
    pub fn from_text(text: &str) -> Result<CharModel> {
        let value = crate::format::json::parse(text)?;
        let model = crate::format::model_file::model_from_value(&value)?;
        // A sentence model has a vocabulary too (of words, with an end marker), and tokens.
        if value.get("tokens").is_some() || value.get("tokenize").is_some_and(|t| t != "chars") {
            return Err(RnnError::WrongModel { found: ModelUse::Sentence, expected: ModelUse::Characters });
        }
        let vocabulary: Vec<String> = match value.get("vocabulary") {
            None => return Err(RnnError::Missing { field: "vocabulary".into() }),
            Some(v) => serde_json::from_value(v.clone()).map_err(|_| RnnError::wrong_type("vocabulary", Expected::CharacterList, v))?,
        };
        check_vocabulary(&vocabulary)?;
        if !matches!(model.spec.output, OutputKind::Softmax) {
            return Err(RnnError::NotOneOf { field: "output".into(), value: "linear".into(), allowed: vec!["softmax".into()] });
        }
        // One input and one output for each character of the vocabulary.
        for (field, size) in [("input_size", model.spec.input_size), ("output_size", model.spec.output_size)] {
            if size != vocabulary.len() {
                return Err(RnnError::shape(field, format!("[{}]", vocabulary.len()), format!("[{size}]")));
            }
        }
        check_text_weights(model.params.len() as u64)?;
        Ok(CharModel { model, vocabulary })
    }

    /// The model of `config`'s network with weights `params` (what training hands back:
    /// no text to parse).
    pub fn from_parts(config: &TextConfig, vocabulary: Vec<String>, params: Vec<f32>) -> Result<CharModel> {
        config.validate()?;
        check_vocabulary(&vocabulary)?;
        // As a model file with a NaN in it is refused (kept in a browser, it came from a file too).
        if let Some(i) = params.iter().position(|p| !p.is_finite()) {
            let value = crate::error::NonFinite::of(params[i] as f64).expect("not finite");
            return Err(RnnError::NotFinite { field: "weights".into(), at: format!("[{i}]"), value });
        }
        check_text_weights(params.len() as u64)?;
        let model = Model::from_params(char_spec(config, vocabulary.len())?, params)?;
        Ok(CharModel { model, vocabulary })
    }

    /// The model file (with the vocabulary), as `rnnp write` reads it.
    pub fn model_file(&self) -> String {
        char_model_file(&self.model, &self.vocabulary)
    }

    pub fn writer(&self) -> Writer<'_> {
        Writer { model: &self.model, vocabulary: &self.vocabulary }
    }
}

/// A character model's file: the network, then how its text was split and its vocabulary.
fn char_model_file(model: &Model, vocabulary: &[String]) -> String {
    #[derive(Serialize)]
    struct Characters<'a> {
        tokenize: Tokenize,
        vocabulary: &'a [String],
    }
    ModelFile::new(model, Characters { tokenize: Tokenize::Chars, vocabulary }).text()
}

/// A network that writes: a character model and its vocabulary (from a session, or from a
/// model file).
#[derive(Debug, Clone, Copy)]
pub struct Writer<'a> {
    pub model: &'a Model,
    pub vocabulary: &'a [String],
}

impl Writer<'_> {
    /// The ids of `text`'s characters; a character the vocabulary lacks is an error.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>> {
        encode(self.vocabulary, text)
    }

    /// A character to start writing with when none is given: the most frequent one that is
    /// not a space or a line break (the vocabulary is most frequent first).
    pub fn usual_start(&self) -> Option<String> {
        self.vocabulary.iter().find(|c| !c.trim().is_empty()).or(self.vocabulary.first()).cloned()
    }

    /// A pen that has read `seed_text` (from h_0 = 0).
    pub fn pen(&self, seed_text: &str) -> Result<Pen> {
        let mut pen = self.blank_pen();
        for id in self.seed_ids(seed_text)? {
            self.read(&mut pen, id);
        }
        Ok(pen)
    }

    /// The ids of a seed text, which must not be empty (nor longer than [`SEED_TEXT_CHARS`]).
    pub fn seed_ids(&self, seed_text: &str) -> Result<Vec<u32>> {
        SEED_TEXT_CHARS.check_length("seed text", characters(seed_text).count() as u64, Counted::Characters)?;
        let ids = self.encode(seed_text)?;
        if ids.is_empty() {
            return Err(RnnError::Empty { field: "seed text".into() });
        }
        Ok(ids)
    }

    /// A pen that has read nothing: h_0 = 0 (and c_0 = 0).
    pub fn blank_pen(&self) -> Pen {
        let u = self.model.spec.units;
        let lstm = matches!(self.model.spec.cell, CellKind::Lstm);
        Pen { h: vec![0.0; u], c: if lstm { vec![0.0; u] } else { vec![] }, probs: vec![], ws: Workspace::new() }
    }

    /// The pen reads character `id`: its state moves on, `probs` is the next character's p.
    pub fn read(&self, pen: &mut Pen, id: u32) {
        let u = self.model.spec.units;
        let ws = &mut pen.ws;
        forward(self.model, Inputs::OneHot(&[id]), 1, 1, Initial::State(&pen.h, &pen.c), ws);
        pen.h.copy_from_slice(&ws.h[u..2 * u]);
        if !pen.c.is_empty() {
            pen.c.copy_from_slice(&ws.c[u..2 * u]);
        }
        pen.probs.clear();
        pen.probs.extend_from_slice(&ws.outputs[..self.vocabulary.len()]);
    }

    /// `length` characters after `seed_text`, drawn at `temperature` with the seeded `rng`:
    /// p_i^(1/T) renormalised; at T ≤ 0.1 the most likely character (the same every time).
    pub fn write(&self, seed_text: &str, length: usize, temperature: f64, seed: u64) -> Result<String> {
        TEMPERATURE.check("temperature", temperature)?;
        SAMPLE_CHARS.check("length", length as u64)?;
        let mut pen = self.pen(seed_text)?;
        let mut rng = Rng::new(seed);
        let mut out = String::new();
        for _ in 0..length {
            finite_probs(&pen.probs)?;
            let id = pick(&pen.probs, temperature, &mut rng);
            out.push_str(&self.vocabulary[id as usize]);
            self.read(&mut pen, id);
        }
        Ok(out)
    }
}

/// Refuses to draw from a distribution with a NaN or an infinity in it (a diverged network),
/// rather than drawing the last character and showing "NaN%".
pub fn finite_probs(probs: &[f32]) -> Result<()> {
    match probs.iter().find(|p| !p.is_finite()) {
        Some(&p) => Err(RnnError::NotFinite {
            field: "next character's probabilities".into(),
            at: String::new(),
            value: crate::error::NonFinite::of(f64::from(p)).unwrap_or(crate::error::NonFinite::Nan),
        }),
        None => Ok(()),
    }
}

/// The distribution a character is drawn from at `temperature`: p_i^(1/T) renormalised;
/// at T ≤ 0.1 all of it on the most likely character (what [`pick`] draws from).
pub fn tempered(probs: &[f32], temperature: f64) -> Vec<f64> {
    if temperature <= 0.1 {
        let best = crate::loss::argmax(probs);
        return (0..probs.len()).map(|i| if i == best { 1.0 } else { 0.0 }).collect();
    }
    let weights: Vec<f64> = probs.iter().map(|&p| libm::pow(f64::from(p.max(0.0)), 1.0 / temperature)).collect();
    let total: f64 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}

/// One character drawn from `probs` at `temperature` (argmax at 0.1 and below).
///
/// The powers are libm's: `f64::powf` is the system's natively and libm's in WebAssembly,
/// which may differ in the last bit and so, rarely, in the character drawn for a seed.
pub fn pick(probs: &[f32], temperature: f64, rng: &mut Rng) -> u32 {
    if temperature <= 0.1 {
        return crate::loss::argmax(probs) as u32;
    }
    let weights: Vec<f64> = probs.iter().map(|&p| libm::pow(f64::from(p.max(0.0)), 1.0 / temperature)).collect();
    let total: f64 = weights.iter().sum();
    let mut r = rng.uniform01_f64() * total;
    for (i, w) in weights.iter().enumerate() {
        r -= w;
        if r < 0.0 {
            return i as u32;
        }
    }
    (probs.len() - 1) as u32
}
