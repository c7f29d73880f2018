//! The sentence view's model: a network, the sentence it reads, a stepper and a trainer,
//! built from the page's controls. Everything the view shows comes from here; the browser
//! binding only converts.

use serde::{Deserialize, Serialize};

use crate::charts::{HiddenChart, LineChart, Series};
use crate::data::text::{Sentence, Tokenize, SEED_SENTENCE};
use crate::error::{Result, RnnError};
use crate::gradcheck::{self, GradCheck};
use crate::init::{init_model, InitConfig};
use crate::loss::{argmax, LossAt, LossKind, Targets};
use crate::model::{CellKind, OutputKind, Spec};
use crate::network::Inputs;
use crate::stepper::Stepper;
use crate::train::{Clip, Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};

/// The controls of the sentence view, with their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentenceConfig {
    pub text: String,
    pub tokenize: Tokenize,
    /// "simple_rnn", "lstm" or "gru".
    pub cell: String,
    /// Simple RNN only: "tanh", "relu", "sigmoid" or "linear".
    pub activation: String,
    pub units: usize,
    /// "adam" or "sgd".
    pub optimizer: String,
    pub learning_rate: f32,
    /// "none", "value" (element-wise) or "norm" (global norm).
    pub clip: String,
    pub clip_threshold: f32,
    pub seed: u64,
}

impl Default for SentenceConfig {
    fn default() -> Self {
        SentenceConfig {
            text: SEED_SENTENCE.to_string(),
            tokenize: Tokenize::Words,
            cell: "simple_rnn".into(),
            activation: "tanh".into(),
            units: 8,
            optimizer: "adam".into(),
            learning_rate: 0.01,
            clip: "norm".into(),
            clip_threshold: 5.0,
            seed: 42,
        }
    }
}

/// At most this many weights are checked against finite differences (spread over all).
pub const GRADCHECK_WEIGHTS: usize = 1500;

/// Largest hidden size the page offers.
pub const MAX_UNITS: usize = 64;

impl SentenceConfig {
    /// The network shape for a vocabulary of `v` tokens.
    pub fn spec(&self, v: usize) -> Result<Spec> {
        if self.units == 0 || self.units > MAX_UNITS {
            return Err(RnnError::invalid("units", self.units, format!("must be between 1 and {MAX_UNITS}")));
        }
        let activation = if self.cell == "simple_rnn" { Some(self.activation.as_str()) } else { None };
        let cell = CellKind::from_parts(&self.cell, activation, Some(true))?;
        Ok(Spec { cell, input_size: v, units: self.units, output_size: v, output: OutputKind::Softmax })
    }

    /// The optimiser and clipping.
    pub fn train_config(&self) -> Result<TrainConfig> {
        let optimizer = match self.optimizer.as_str() {
            "adam" => OptimizerConfig::adam(self.learning_rate),
            "sgd" => OptimizerConfig::sgd(self.learning_rate, 0.9),
            other => return Err(RnnError::invalid("optimizer", format!("{other:?}"), "expected \"adam\" or \"sgd\"")),
        };
        let clip = match self.clip.as_str() {
            "none" => Clip::None,
            "value" => Clip::Value(self.clip_threshold),
            "norm" => Clip::GlobalNorm(self.clip_threshold),
            other => return Err(RnnError::invalid("clip", format!("{other:?}"), "expected \"none\", \"value\" or \"norm\"")),
        };
        let config = TrainConfig { optimizer, clip, batch_size: 1, shuffle: false, seed: self.seed, ..Default::default() };
        config.validate()?;
        Ok(config)
    }
}

/// What a slice of training did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainReport {
    /// Epochs (passes over the sentence) done in all.
    pub epochs: usize,
    /// The loss of the last epoch.
    pub loss: f32,
    /// ‖g‖ before clipping at the last update.
    pub grad_norm: f32,
    /// Whether the last update was clipped.
    pub clipped: bool,
    /// The message if training stopped because the numbers blew up.
    pub diverged: Option<String>,
}

/// One row of the prediction table: after reading `token`, the network's best guess.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prediction {
    pub token: String,
    pub expected: String,
    pub predicted: String,
    /// p(predicted).
    pub probability: f32,
    /// p(expected).
    pub expected_probability: f32,
}

/// The sentence view's state.
#[derive(Debug, Clone)]
pub struct SentenceSession {
    pub config: SentenceConfig,
    pub stepper: Stepper,
    trainer: Trainer,
    dataset: Dataset,
    /// Loss per epoch of training so far.
    pub losses: Vec<f32>,
    /// The loss of the whole sentence with the current weights (kept: every render shows it).
    sentence_loss: f32,
}

impl SentenceSession {
    /// Builds the sentence, the vocabulary and a freshly initialised network.
    pub fn new(config: SentenceConfig) -> Result<Self> {
        let sentence = Sentence::new(&config.text, config.tokenize)?;
        let v = sentence.vocabulary.len();
        let spec = config.spec(v)?;
        let model = init_model(spec, &InitConfig { seed: config.seed, ..Default::default() })?;
        let train_config = config.train_config()?;
        let dataset = Dataset::new(1, sentence.len(), SeqInputs::Tokens(sentence.inputs.clone()), SeqTargets::Classes(sentence.targets.clone()))?;
        let trainer = Trainer::new(model.clone(), train_config)?;
        let stepper = Stepper::new(model, sentence);
        let sentence_loss = whole_sentence_loss(&stepper);
        Ok(SentenceSession { config, stepper, trainer, dataset, losses: vec![], sentence_loss })
    }

    /// ln V: the loss of a network that knows nothing and spreads its bets evenly.
    pub fn uniform_loss(&self) -> f32 {
        (self.stepper.sentence.vocabulary.len() as f32).ln()
    }

    /// The loss over the whole sentence with the current weights.
    pub fn sentence_loss(&self) -> f32 {
        self.sentence_loss
    }

    /// Trains for `epochs` passes over the sentence (one update each), then restarts
    /// stepping with the new weights. Stops early, keeping the last good weights, if the
    /// numbers blow up.
    pub fn train(&mut self, epochs: usize) -> TrainReport {
        let mut report = TrainReport { epochs: self.losses.len(), loss: f32::NAN, grad_norm: 0.0, clipped: false, diverged: None };
        for _ in 0..epochs {
            match self.trainer.train_batch(&self.dataset) {
                Ok((update, epoch_loss)) => {
                    report.grad_norm = update.clip.norm_before;
                    report.clipped = update.clip.clipped;
                    if let Some(loss) = epoch_loss {
                        self.losses.push(loss);
                        report.loss = loss;
                    }
                }
                Err(e) => {
                    report.diverged = Some(e.to_string());
                    break;
                }
            }
        }
        report.epochs = self.losses.len();
        self.stepper.set_params(&self.trainer.model.params);
        self.sentence_loss = whole_sentence_loss(&self.stepper);
        report
    }

    /// After each token, the most likely next token and its probability.
    pub fn predictions(&self) -> Vec<Prediction> {
        let mut probe = self.stepper.clone();
        probe.reset();
        let vocab = &probe.sentence.vocabulary.clone();
        let mut rows = vec![];
        while let Some(r) = probe.step() {
            let best = argmax(&r.probs);
            rows.push(Prediction {
                token: vocab.token(r.input).to_string(),
                expected: vocab.token(r.target).to_string(),
                predicted: vocab.token(best as u32).to_string(),
                probability: r.probs[best],
                expected_probability: r.probs[r.target as usize],
            });
        }
        rows
    }

    /// BPTT against finite differences for the current weights.
    pub fn gradcheck(&self) -> GradCheck {
        let s = &self.stepper.sentence;
        gradcheck::check(
            &self.stepper.model,
            Inputs::OneHot(&s.inputs),
            Targets::Classes(&s.targets),
            LossKind::CrossEntropy,
            LossAt::EveryStep,
            s.len(),
            1,
            GRADCHECK_WEIGHTS,
        )
    }

    /// The hidden-state chart of the steps taken so far.
    pub fn hidden_chart(&self, labels: [String; 5]) -> HiddenChart {
        let [title, unit, step, trajectories, empty] = labels;
        let range = match self.stepper.model.spec.cell {
            CellKind::SimpleRnn { activation } => match activation {
                crate::activation::Activation::Tanh | crate::activation::Activation::Sigmoid => 1.0,
                _ => self.stepper.forward.iter().flat_map(|r| r.h.iter()).fold(1e-3f32, |m, v| m.max(v.abs())),
            },
            _ => 1.0,
        };
        HiddenChart {
            title,
            units: self.stepper.model.spec.units,
            tokens: self.stepper.sentence.tokens.clone(),
            hidden: self.stepper.forward.iter().flat_map(|r| r.h.iter().copied()).collect(),
            range,
            labels: [unit, step, trajectories, empty],
        }
    }

    /// The loss per epoch, with ln V as a dashed reference.
    pub fn loss_chart(&self, labels: [String; 5]) -> LineChart {
        let [title, x_desc, y_desc, reference, empty] = labels;
        let mut series = vec![];
        if !self.losses.is_empty() {
            let n = self.losses.len().max(2) as f32;
            let ln_v = self.uniform_loss();
            series.push(Series::from_values("", &self.losses, 0).with_points(|i| i as f32 + 1.0));
            series.push(Series { label: reference, points: vec![(1.0, ln_v), (n, ln_v)], color: 1, dashed: true, markers: false });
        }
        LineChart {
            title,
            x_desc,
            y_desc,
            series,
            empty_message: empty,
            y_range: self
                .losses
                .first()
                .map(|_| (0.0, self.uniform_loss().max(self.losses.iter().copied().filter(|l| l.is_finite()).fold(0.0, f32::max)) * 1.1)),
            ..Default::default()
        }
    }

    /// ‖dL/dh_t‖ for the steps walked back so far, on a log scale.
    pub fn grad_chart(&self, labels: [String; 4]) -> LineChart {
        let [title, y_desc, series_label, empty] = labels;
        let mut points: Vec<(f32, f32)> = self.stepper.backward.iter().map(|b| (b.t as f32, b.dh_norm)).collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        let series = if points.is_empty() { vec![] } else { vec![Series { label: series_label, points, color: 5, dashed: false, markers: true }] };
        LineChart {
            title,
            y_desc,
            log_y: true,
            series,
            x_range: Some((-0.3, self.stepper.len() as f32 - 0.7)),
            x_names: self.stepper.sentence.tokens.clone(),
            empty_message: empty,
            ..Default::default()
        }
    }

    /// The weights now (after training), as in a model file.
    pub fn model(&self) -> &crate::model::Model {
        &self.stepper.model
    }
}

/// Reads the whole sentence on a copy of `stepper` and returns the mean loss per token.
fn whole_sentence_loss(stepper: &Stepper) -> f32 {
    let mut probe = stepper.clone();
    probe.reset();
    while probe.step().is_some() {}
    probe.loss().expect("a sentence has a token")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers: untrained loss within 0.15 of ln 5; after training the
    /// prediction after 我 is 爱 with probability above 0.9.
    #[test]
    fn default_session_starts_near_ln5_and_learns_the_sentence() {
        let mut s = SentenceSession::new(SentenceConfig::default()).unwrap();
        let ln5 = 5f32.ln();
        let untrained = s.sentence_loss();
        assert!((untrained - ln5).abs() < 0.15, "untrained loss {untrained}, ln 5 = {ln5}");
        let report = s.train(300);
        assert!(report.diverged.is_none());
        let p = s.predictions();
        assert_eq!(p[0].token, "我");
        assert_eq!(p[0].predicted, "爱");
        assert!(p.iter().all(|r| r.expected_probability > 0.9), "{p:?}");
    }

    #[test]
    fn bad_controls_give_clear_errors() {
        let err = SentenceSession::new(SentenceConfig { units: 0, ..Default::default() }).unwrap_err().to_string();
        assert!(err.contains("units"), "{err}");
        let err = SentenceSession::new(SentenceConfig { text: " ".into(), ..Default::default() }).unwrap_err().to_string();
        assert!(err.contains("empty"), "{err}");
        let err = SentenceSession::new(SentenceConfig { cell: "transformer".into(), ..Default::default() }).unwrap_err().to_string();
        assert!(err.contains("transformer"), "{err}");
    }

    #[test]
    fn the_page_gradient_check_agrees() {
        for cell in ["simple_rnn", "lstm", "gru"] {
            let s = SentenceSession::new(SentenceConfig { cell: cell.into(), ..Default::default() }).unwrap();
            let g = s.gradcheck();
            assert!(g.judged > 20, "{cell}: {g:?}");
            assert!(g.worst_relative_error < 1e-2, "{cell}: {g:?}");
        }
    }
}
