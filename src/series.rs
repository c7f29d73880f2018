//! The sine-series view's model: the seed's Keras program (SimpleRNN(50, return_sequences)
//! then Dense(1), mean squared error, Adam, fit for 20 epochs with batches of 32, predict)
//! on generated sine waves, trained a batch at a time so the page can show it live.

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::data::sine::{generate, SineConfig, SineData};
use crate::error::{Result, RnnError};
use crate::keras::{Layer, Loss, Sequences, Sequential};
use crate::model::{CellKind, OutputKind, Spec};
use crate::network::Workspace;
use crate::settings::limits::{check_workspace, BATCH, LEARNING_RATE, SEED, SERIES_EPOCHS, SERIES_LENGTH, SERIES_NOISE, SERIES_SEQUENCES, SERIES_UNITS};
use crate::train::{Dataset, OptimizerConfig, Trainer};

/// The view's controls (the page shows the data's; the model's are the seed's program).
/// Limits: [`crate::settings::limits`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SeriesConfig {
    /// Training sequences, the test set extra ([`SERIES_SEQUENCES`]). Default: `1024`.
    pub sequences: u64,
    /// Steps per sequence ([`SERIES_LENGTH`]). Default: `50`.
    pub length: u64,
    /// Standard deviation of the noise on the inputs ([`SERIES_NOISE`]). Default: `0`.
    pub noise: f64,
    /// The seed of the data, the weights and the shuffling ([`SEED`]). Default: `7`.
    pub seed: u64,
    /// Passes over the sequences ([`SERIES_EPOCHS`]). Default: `20`.
    pub epochs: u64,
    /// Sequences per update ([`BATCH`]). Default: `32`.
    pub batch_size: u64,
    /// U of the SimpleRNN ([`SERIES_UNITS`]). Default: `50`.
    pub units: u64,
    /// Adam's η ([`LEARNING_RATE`]; Keras's default is 0.001). Default: `0.001`.
    pub learning_rate: f64,
}

impl Default for SeriesConfig {
    fn default() -> Self {
        SeriesConfig { sequences: 1024, length: 50, noise: 0.0, seed: 7, epochs: 20, batch_size: 32, units: 50, learning_rate: 0.001 }
    }
}

impl SeriesConfig {
    /// Checks every setting against its limit, and a batch against the memory budget.
    pub fn validate(&self) -> Result<()> {
        SERIES_SEQUENCES.check("sequences", self.sequences)?;
        SERIES_LENGTH.check("length", self.length)?;
        SERIES_NOISE.check("noise", self.noise)?;
        SEED.check("seed", self.seed)?;
        SERIES_EPOCHS.check("epochs", self.epochs)?;
        BATCH.check("batchSize", self.batch_size)?;
        SERIES_UNITS.check("units", self.units)?;
        LEARNING_RATE.check("learningRate", self.learning_rate)?;
        let spec = Spec {
            cell: CellKind::SimpleRnn { activation: Activation::Tanh },
            input_size: 1,
            units: self.units as usize,
            output_size: 1,
            output: OutputKind::Linear,
        };
        check_workspace("a batch", self.batch_size.max(TEST_SEQUENCES as u64), self.length, Workspace::floats_per_step(&spec))
    }
}

/// Sequences held out for `predict`.
pub const TEST_SEQUENCES: usize = 64;

/// What training has done so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SeriesProgress {
    pub epoch: usize,
    pub epochs: usize,
    pub batch: usize,
    pub batches_per_epoch: usize,
    /// Loss per finished epoch (Keras's history).
    pub history: Vec<f32>,
    /// Mean squared error of always predicting the mean of the training targets.
    pub baseline: f32,
    /// Mean squared error of `predict` on the test sequences (after the last epoch).
    pub test_mse: Option<f32>,
    pub done: bool,
    /// Why training stopped early (shown by the page; not read back from it).
    #[serde(skip_deserializing)]
    pub stopped: Option<RnnError>,
}

/// The view's state.
#[derive(Debug, Clone)]
pub struct SeriesSession {
    pub config: SeriesConfig,
    model: Sequential,
    trainer: Trainer,
    data: Dataset,
    train: SineData,
    test: SineData,
    test_x: Sequences,
    prediction: Option<Sequences>,
    batch: usize,
    stopped: Option<RnnError>,
}

impl SeriesSession {
    /// Generates the data and builds the model as the seed's program does.
    pub fn new(config: SeriesConfig) -> Result<Self> {
        config.validate()?;
        let all = generate(&SineConfig {
            sequences: config.sequences as usize + TEST_SEQUENCES,
            length: config.length as usize,
            noise: config.noise as f32,
            seed: config.seed,
            ..Default::default()
        })?;
        let (train, test) = all.split(TEST_SEQUENCES);
        let mut model =
            Sequential::with_seed(vec![Layer::simple_rnn(config.units as usize).return_sequences(true).input_shape(None, 1), Layer::dense(1)], config.seed)?;
        model.compile(Loss::MeanSquaredError, OptimizerConfig::adam(config.learning_rate as f32))?;
        let x = Sequences::new(train.sequences, train.length, 1, train.x.clone())?;
        let y = Sequences::new(train.sequences, train.length, 1, train.y.clone())?;
        let trainer = model.trainer(&x, &y, config.batch_size as usize)?;
        let data = model.dataset(&x, &y)?;
        let test_x = Sequences::new(test.sequences, test.length, 1, test.x.clone())?;
        Ok(SeriesSession { config, model, trainer, data, train, test, test_x, prediction: None, batch: 0, stopped: None })
    }

    /// Batches per epoch.
    pub fn batches_per_epoch(&self) -> usize {
        self.trainer.batches_per_epoch(&self.data)
    }

    /// Whether all epochs are done (or training stopped).
    pub fn done(&self) -> bool {
        self.stopped.is_some() || self.trainer.history.len() as u64 >= self.config.epochs
    }

    /// Trains up to `n` more batches; predicts the test set after the last epoch.
    pub fn train_batches(&mut self, n: usize) -> SeriesProgress {
        for _ in 0..n {
            if self.done() {
                break;
            }
            match self.trainer.train_batch(&self.data) {
                Ok((_, epoch_end)) => {
                    self.batch = if epoch_end.is_some() { 0 } else { self.batch + 1 };
                    if epoch_end.is_some() && self.done() {
                        self.model.model.params.copy_from_slice(&self.trainer.model.params);
                        self.prediction = self.model.predict(&self.test_x).ok();
                    }
                }
                Err(e) => self.stopped = Some(e),
            }
        }
        self.progress()
    }

    /// Where training is.
    pub fn progress(&self) -> SeriesProgress {
        SeriesProgress {
            epoch: self.trainer.history.len(),
            epochs: self.config.epochs as usize,
            batch: self.batch,
            batches_per_epoch: self.batches_per_epoch(),
            history: self.trainer.history.clone(),
            baseline: self.train.baseline_mse(),
            test_mse: self.prediction.as_ref().map(|p| mse(&p.data, &self.test.y)),
            done: self.done(),
            stopped: self.stopped.clone(),
        }
    }

    /// The test sequences' truth and prediction, [N][T] each, for the data table.
    pub fn test_values(&self) -> (&[f32], Option<&[f32]>) {
        (&self.test.y, self.prediction.as_ref().map(|p| &p.data[..]))
    }

    /// Loss per finished epoch (Keras's history).
    pub fn history(&self) -> &[f32] {
        &self.trainer.history
    }

    /// Mean squared error of always predicting the mean of the training targets.
    pub fn baseline(&self) -> f32 {
        self.train.baseline_mse()
    }

    /// The weights now (the trainer's), for a worker to hand back.
    pub fn params(&self) -> &[f32] {
        &self.trainer.model.params
    }

    /// Whether each epoch visits the sequences in a new order (on by default, as in Keras's
    /// `fit`; off for a run compared with Keras's `shuffle=False` batch by batch).
    pub fn set_shuffle(&mut self, on: bool) {
        self.trainer.config.shuffle = on;
    }

    /// The network now, as in a model file.
    pub fn model(&self) -> &crate::model::Model {
        &self.trainer.model
    }

    /// Shows the loss history of training under way elsewhere (the weights come at the end,
    /// with [`SeriesSession::adopt`]).
    pub fn show_history(&mut self, history: Vec<f32>, batch: usize) {
        self.trainer.history = history;
        self.batch = batch;
    }

    /// Takes the result of training done elsewhere (a worker with the same settings): the
    /// weights, the loss history, the batch reached and why it stopped; predicts the test
    /// set if all epochs are done.
    pub fn adopt(&mut self, params: &[f32], history: Vec<f32>, batch: usize) -> Result<()> {
        if params.len() != self.trainer.model.params.len() {
            return Err(RnnError::shape("weights", format!("[{}]", self.trainer.model.params.len()), format!("[{}]", params.len())));
        }
        self.trainer.model.params.copy_from_slice(params);
        self.trainer.history = history;
        self.batch = batch;
        self.prediction = None;
        if self.trainer.history.len() as u64 >= self.config.epochs {
            self.model.model.params.copy_from_slice(params);
            self.prediction = self.model.predict(&self.test_x).ok();
        }
        Ok(())
    }
}

fn mse(a: &[f32], b: &[f32]) -> f32 {
    (a.iter().zip(b).map(|(x, y)| ((x - y) as f64).powi(2)).sum::<f64>() / a.len().max(1) as f64) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small and short, so the test is quick; the full-size run is in tests/training.rs.
    #[test]
    fn trains_in_slices_and_predicts_at_the_end() {
        let config = SeriesConfig { sequences: 256, length: 20, epochs: 5, learning_rate: 0.01, ..Default::default() };
        let mut s = SeriesSession::new(config).unwrap();
        assert_eq!(s.batches_per_epoch(), 8);
        let mut p = s.train_batches(3);
        assert_eq!((p.epoch, p.batch), (0, 3));
        while !p.done {
            p = s.train_batches(7);
        }
        assert_eq!(p.history.len(), 5);
        let test = p.test_mse.expect("predicted after the last epoch");
        assert!(test < 0.2 * p.baseline, "test mse {test} vs baseline {}", p.baseline);
    }
}
