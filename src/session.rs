//! The sentence view's model: a network, the sentence it reads, a stepper and a trainer,
//! built from the page's controls. Everything the view shows comes from here; the browser
//! binding and the command line only convert.

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::data::text::{Sentence, Tokenize, SEED_SENTENCE};
use crate::error::{Result, RnnError};
use crate::gradcheck::GradCheckRun;
use crate::init::{init_model, InitConfig};
use crate::loss::{LossAt, LossKind, Targets};
use crate::model::{CellKind, OutputKind, Spec};
use crate::network::Inputs;
use crate::settings::limits::{CLIP_THRESHOLD, GRADCHECK_WEIGHTS, LEARNING_RATE, MOMENTUM, SEED, SENTENCE_EPOCHS, SENTENCE_UNITS};
use crate::settings::{CellName, ClipMode, OptimizerName};
use crate::stepper::Stepper;
use crate::train::{Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};

mod model_in;

/// The controls of the sentence view, with their defaults. Limits:
/// [`crate::settings::limits`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SentenceConfig {
    /// The sentence to learn ([`crate::settings::limits::SENTENCE_CHARS`]). Default: the seed's, [`SEED_SENTENCE`].
    pub text: String,
    /// Words (split at spaces) or characters. Default: `words`.
    pub tokenize: Tokenize,
    /// The recurrent cell. Default: `simple_rnn`.
    pub cell: CellName,
    /// The simple RNN's f (the LSTM and the GRU use tanh). Default: `tanh`.
    pub activation: Activation,
    /// U, the hidden units ([`SENTENCE_UNITS`]). Default: `8`.
    pub units: u64,
    /// Adam or SGD with momentum. Default: `adam`.
    pub optimizer: OptimizerName,
    /// η ([`LEARNING_RATE`]). Default: `0.01`.
    pub learning_rate: f64,
    /// Gradient clipping before each update. Default: `norm`.
    pub clip: ClipMode,
    /// c of the clipping ([`CLIP_THRESHOLD`]). Default: `5`.
    pub clip_threshold: f64,
    /// The seed of the first weights ([`SEED`]). Default: `42`.
    pub seed: u64,
    /// Epochs one press of Train runs, one update each ([`SENTENCE_EPOCHS`]). Default: `300`.
    pub epochs: u64,
    /// SGD's momentum μ ([`MOMENTUM`]). Default: `0.9`.
    pub momentum: f64,
    /// The GRU's variant: the reset gate after the recurrent product (TF2 Keras's default)
    /// or before it (Cho et al., TensorFlow.js). Default: `true`.
    pub reset_after: bool,
}

impl Default for SentenceConfig {
    fn default() -> Self {
        SentenceConfig {
            text: SEED_SENTENCE.to_string(),
            tokenize: Tokenize::Words,
            cell: CellName::SimpleRnn,
            activation: Activation::Tanh,
            units: 8,
            optimizer: OptimizerName::Adam,
            learning_rate: 0.01,
            clip: ClipMode::Norm,
            clip_threshold: 5.0,
            seed: 42,
            epochs: 300,
            momentum: 0.9,
            reset_after: true,
        }
    }
}

impl SentenceConfig {
    /// Checks every control against its limit.
    pub fn validate(&self) -> Result<()> {
        SENTENCE_UNITS.check("units", self.units)?;
        LEARNING_RATE.check("learningRate", self.learning_rate)?;
        CLIP_THRESHOLD.check("clipThreshold", self.clip_threshold)?;
        SEED.check("seed", self.seed)?;
        SENTENCE_EPOCHS.check("epochs", self.epochs)?;
        MOMENTUM.check("momentum", self.momentum)?;
        Ok(())
    }

    /// The network shape for a vocabulary of `v` tokens.
    pub fn spec(&self, v: usize) -> Spec {
        Spec {
            cell: CellKind::from_name(self.cell, self.activation, self.reset_after),
            input_size: v,
            units: self.units as usize,
            output_size: v,
            output: OutputKind::Softmax,
        }
    }

    /// The optimiser and clipping.
    pub fn train_config(&self) -> TrainConfig {
        let lr = self.learning_rate as f32;
        let optimizer = match self.optimizer {
            OptimizerName::Adam => OptimizerConfig::adam(lr),
            OptimizerName::Sgd => OptimizerConfig::sgd(lr, self.momentum as f32),
        };
        let clip = self.clip.with_threshold(self.clip_threshold as f32);
        TrainConfig { optimizer, clip, batch_size: 1, shuffle: false, seed: self.seed, ..Default::default() }
    }
}

/// What a slice of training did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TrainReport {
    /// Epochs (passes over the sentence) done in all.
    pub epochs: usize,
    /// The loss of the last epoch.
    pub loss: f32,
    /// ‖g‖ before clipping at the last update.
    pub grad_norm: f32,
    /// Whether the last update was clipped.
    pub clipped: bool,
    /// Why training stopped, if the numbers blew up (the weights from before were kept).
    pub diverged: Option<RnnError>,
}

/// One row of the prediction table: after reading `token`, the network's best guess.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Prediction {
    pub token: String,
    pub expected: String,
    pub predicted: String,
    /// p(predicted).
    pub probability: f32,
    /// p(expected).
    pub expected_probability: f32,
}

/// What the page needs to lay out the view: the tokens and the shape of the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SentenceInfo {
    pub tokens: Vec<String>,
    /// Every token of the vocabulary as shown, the end marker last.
    pub vocabulary: Vec<String>,
    /// The id of the end marker.
    pub end_id: u32,
    pub inputs: Vec<u32>,
    pub targets: Vec<u32>,
    pub cell: CellName,
    pub gates: Vec<&'static str>,
    pub units: usize,
    /// Number of weights.
    pub weights: usize,
    /// ln V, the loss of a network that spreads its bets evenly.
    pub uniform_loss: f32,
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
        config.validate()?;
        let sentence = Sentence::new(&config.text, config.tokenize)?;
        let spec = config.spec(sentence.vocabulary.len());
        let model = init_model(spec, &InitConfig { seed: config.seed, ..Default::default() })?;
        let dataset = Dataset::new(1, sentence.len(), SeqInputs::Tokens(sentence.inputs.clone()), SeqTargets::Classes(sentence.targets.clone()))?;
        let trainer = Trainer::new(model.clone(), config.train_config())?;
        let stepper = Stepper::new(model, sentence);
        let sentence_loss = whole_sentence_loss(&stepper);
        Ok(SentenceSession { config, stepper, trainer, dataset, losses: vec![], sentence_loss })
    }

    /// New weights from the seed: training so far is forgotten.
    pub fn reinit(&mut self) {
        *self = SentenceSession::new(self.config.clone()).expect("the settings in use were accepted before");
    }

    /// What the page lays out.
    pub fn info(&self) -> SentenceInfo {
        let s = &self.stepper.sentence;
        let spec = self.stepper.model.spec;
        SentenceInfo {
            tokens: s.tokens.clone(),
            vocabulary: s.vocabulary.shown(),
            end_id: s.vocabulary.end_id(),
            inputs: s.inputs.clone(),
            targets: s.targets.clone(),
            cell: spec.cell.name(),
            gates: spec.cell.gate_names().to_vec(),
            units: spec.units,
            weights: self.stepper.model.layout.len,
            uniform_loss: self.uniform_loss(),
        }
    }

    /// ln V: the loss of a network that knows nothing and spreads its bets evenly.
    pub fn uniform_loss(&self) -> f32 {
        libm::logf(self.stepper.sentence.vocabulary.len() as f32)
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
                    report.diverged = Some(e);
                    break;
                }
            }
        }
        report.epochs = self.losses.len();
        self.stepper.set_params(&self.trainer.model.params);
        self.sentence_loss = whole_sentence_loss(&self.stepper);
        report
    }

    /// The weights now, in the model file's order (for a worker to hand back).
    pub fn params(&self) -> &[f32] {
        &self.trainer.model.params
    }

    /// Takes the result of training done elsewhere (a worker that owns the optimiser and
    /// started from the same settings): its weights and the losses so far. Stepping
    /// restarts with the new weights.
    pub fn adopt(&mut self, params: &[f32], losses: Vec<f32>) -> Result<()> {
        if params.len() != self.trainer.model.params.len() {
            return Err(RnnError::shape("weights", format!("[{}]", self.trainer.model.params.len()), format!("[{}]", params.len())));
        }
        if let Some(i) = params.iter().position(|w| !w.is_finite()) {
            let value = crate::error::NonFinite::of(params[i] as f64).expect("not finite");
            return Err(RnnError::NotFinite { field: "weights".into(), at: format!("[{i}]"), value });
        }
        self.trainer.model.params.copy_from_slice(params);
        self.losses = losses;
        self.stepper.set_params(params);
        self.sentence_loss = whole_sentence_loss(&self.stepper);
        Ok(())
    }

    /// After each token, the most likely next token and its probability.
    pub fn predictions(&self) -> Vec<Prediction> {
        let mut probe = self.stepper.clone();
        probe.reset();
        let vocab = probe.sentence.vocabulary.clone();
        let mut rows = vec![];
        while let Some(r) = probe.step() {
            rows.push(Prediction {
                token: vocab.token(r.input).to_string(),
                expected: vocab.token(r.target).to_string(),
                predicted: vocab.token(r.best).to_string(),
                probability: r.probs[r.best as usize],
                expected_probability: r.probs[r.target as usize],
            });
        }
        rows
    }

    /// BPTT against finite differences for the current weights, to be run in slices.
    pub fn gradcheck(&self) -> GradCheckRun {
        let s = &self.stepper.sentence;
        GradCheckRun::new(
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

    /// The weights now (after training), as in a model file.
    pub fn model(&self) -> &crate::model::Model {
        &self.stepper.model
    }

    /// The model file of the network now, with what reading it needs: the sentence's tokens,
    /// the vocabulary (the end marker last) and how the text was split. Readers of the
    /// model file take the network and leave these be.
    pub fn model_file(&self) -> String {
        #[derive(serde::Serialize)]
        struct Extra {
            tokenize: Tokenize,
            tokens: Vec<String>,
            vocabulary: Vec<String>,
        }
        let info = self.info();
        let extra = Extra { tokenize: self.config.tokenize, tokens: info.tokens, vocabulary: info.vocabulary };
        crate::format::model_file::ModelFile::new(self.model(), extra).pretty()
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
    use crate::settings::Choices;

    /// The numbers: untrained loss within 0.15 of ln 5; after training the
    /// prediction after 我 is 爱 with probability above 0.9.
    #[test]
    fn default_session_starts_near_ln5_and_learns_the_sentence() {
        let mut s = SentenceSession::new(SentenceConfig::default()).unwrap();
        let ln5 = libm::logf(5.0);
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
        let err = SentenceSession::new(SentenceConfig { units: 0, ..Default::default() }).unwrap_err();
        assert_eq!(err, RnnError::range("units", 0, 1.0, 64.0));
        let err = SentenceSession::new(SentenceConfig { text: " ".into(), ..Default::default() }).unwrap_err();
        assert_eq!(err, RnnError::Empty { field: "text".into() });
    }

    #[test]
    fn the_page_gradient_check_agrees() {
        for cell in CellName::ALL {
            let s = SentenceSession::new(SentenceConfig { cell: *cell, ..Default::default() }).unwrap();
            let mut run = s.gradcheck();
            while !run.done() {
                run.step(7);
            }
            let g = &run.report;
            assert!(g.judged > 20, "{cell:?}: {g:?}");
            assert!(g.worst_relative_error.unwrap() < 1e-2, "{cell:?}: {g:?}");
        }
    }

    /// After long training every gradient is tiny; the check says that nothing
    /// could be judged instead of reporting an error of zero.
    #[test]
    fn a_check_with_nothing_to_judge_says_so() {
        let mut s = SentenceSession::new(SentenceConfig { learning_rate: 0.1, ..Default::default() }).unwrap();
        s.train(3000);
        let mut run = s.gradcheck();
        let g = run.step(usize::MAX).clone();
        assert_eq!(g.judged, 0, "{g:?}");
        assert_eq!(g.worst_relative_error, None);
        assert_eq!(g.worst_weight, None);
    }

    /// Training in a copy (as a worker does) and adopting its weights gives the same
    /// network and losses as training here.
    #[test]
    fn adopting_trained_weights_is_the_same_as_training_here() {
        let mut here = SentenceSession::new(SentenceConfig::default()).unwrap();
        let mut worker = here.clone();
        let mut page = here.clone();
        here.train(40);
        worker.train(25);
        worker.train(15);
        page.adopt(worker.params(), worker.losses.clone()).unwrap();
        assert_eq!(page.model().params, here.model().params);
        assert_eq!(page.losses, here.losses);
        assert_eq!(page.sentence_loss(), here.sentence_loss());
        assert!(page.adopt(&[0.0; 3], vec![]).is_err());
    }

    #[test]
    fn reinit_forgets_training() {
        let fresh = SentenceSession::new(SentenceConfig::default()).unwrap();
        let mut s = fresh.clone();
        s.train(10);
        assert_ne!(s.model().params, fresh.model().params);
        s.reinit();
        assert_eq!(s.model().params, fresh.model().params);
        assert!(s.losses.is_empty());
    }
}
