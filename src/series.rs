//! The sine-series view's model: the seed's Keras program (SimpleRNN(50, return_sequences)
//! then Dense(1), mean squared error, Adam, fit for 20 epochs with batches of 32, predict)
//! on generated sine waves, trained a batch at a time so the page can show it live.

use serde::{Deserialize, Serialize};

use crate::charts::{LineChart, Series};
use crate::data::sine::{generate, SineConfig, SineData};
use crate::error::{Result, RnnError};
use crate::keras::{Layer, Loss, Sequences, Sequential};
use crate::train::{Dataset, OptimizerConfig, Trainer};

/// The view's controls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeriesConfig {
    /// Training sequences (the test set is extra).
    pub sequences: usize,
    pub length: usize,
    /// Standard deviation of the noise on the inputs.
    pub noise: f32,
    pub seed: u64,
    pub epochs: usize,
    pub batch_size: usize,
    pub units: usize,
    pub learning_rate: f32,
}

impl Default for SeriesConfig {
    fn default() -> Self {
        SeriesConfig { sequences: 1024, length: 50, noise: 0.0, seed: 7, epochs: 20, batch_size: 32, units: 50, learning_rate: 0.001 }
    }
}

/// Sequences held out for `predict`.
pub const TEST_SEQUENCES: usize = 64;

/// What training has done so far.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub stopped: Option<String>,
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
    stopped: Option<String>,
}

impl SeriesSession {
    /// Generates the data and builds the model as the seed's program does.
    pub fn new(config: SeriesConfig) -> Result<Self> {
        if !(1..=256).contains(&config.units) {
            return Err(RnnError::invalid("units", config.units, "must be between 1 and 256"));
        }
        if !(1..=200).contains(&config.epochs) {
            return Err(RnnError::invalid("epochs", config.epochs, "must be between 1 and 200"));
        }
        if config.sequences > 20_000 || config.length > 500 {
            return Err(RnnError::invalid(
                "sequences × length",
                format!("{} × {}", config.sequences, config.length),
                "at most 20000 sequences of at most 500 steps fit in the page",
            ));
        }
        let all = generate(&SineConfig {
            sequences: config.sequences + TEST_SEQUENCES,
            length: config.length,
            noise: config.noise,
            seed: config.seed,
            ..Default::default()
        })?;
        let (train, test) = all.split(TEST_SEQUENCES);
        let mut model = Sequential::with_seed(vec![Layer::simple_rnn(config.units).return_sequences(true).input_shape(None, 1), Layer::dense(1)], config.seed)?;
        model.compile(Loss::MeanSquaredError, OptimizerConfig::adam(config.learning_rate))?;
        let x = Sequences::new(train.sequences, train.length, 1, train.x.clone())?;
        let y = Sequences::new(train.sequences, train.length, 1, train.y.clone())?;
        let trainer = model.trainer(&x, &y, config.batch_size)?;
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
        self.stopped.is_some() || self.trainer.history.len() >= self.config.epochs
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
                Err(e) => self.stopped = Some(e.to_string()),
            }
        }
        self.progress()
    }

    /// Where training is.
    pub fn progress(&self) -> SeriesProgress {
        SeriesProgress {
            epoch: self.trainer.history.len(),
            epochs: self.config.epochs,
            batch: self.batch,
            batches_per_epoch: self.batches_per_epoch(),
            history: self.trainer.history.clone(),
            baseline: self.train.baseline_mse(),
            test_mse: self.prediction.as_ref().map(|p| mse(&p.data, &self.test.y)),
            done: self.done(),
            stopped: self.stopped.clone(),
        }
    }

    /// Loss per epoch with the predict-the-mean baseline dashed. Labels: [title, x, y,
    /// loss, baseline, empty].
    pub fn loss_chart(&self, labels: [String; 6]) -> LineChart {
        let [title, x_desc, y_desc, loss, baseline, empty] = labels;
        let h = &self.trainer.history;
        let mut series = vec![];
        if !h.is_empty() {
            let b = self.train.baseline_mse();
            series.push(Series::from_values(&loss, h, 0).with_points(|i| i as f32 + 1.0).with_markers());
            series.push(Series { label: baseline, points: vec![(1.0, b), (self.config.epochs as f32, b)], color: 1, dashed: true, markers: false });
        }
        LineChart {
            title,
            x_desc,
            y_desc,
            log_y: true,
            series,
            x_range: Some((1.0, self.config.epochs.max(2) as f32)),
            empty_message: empty,
            ..Default::default()
        }
    }

    /// Truth and prediction for the first `count` test sequences. Labels: [title, x, y,
    /// truth, prediction, empty].
    pub fn prediction_chart(&self, labels: [String; 6], count: usize) -> LineChart {
        let [title, x_desc, y_desc, truth, predicted, empty] = labels;
        let t = self.config.length;
        let mut series = vec![];
        if let Some(p) = &self.prediction {
            for s in 0..count.min(self.test.sequences) {
                let suffix = if count > 1 { format!(" {}", s + 1) } else { String::new() };
                series.push(Series::from_values(&format!("{truth}{suffix}"), &self.test.y[s * t..(s + 1) * t], 2 * s).with_points(|i| i as f32 + 1.0));
                series.push(
                    Series::from_values(&format!("{predicted}{suffix}"), &p.data[s * t..(s + 1) * t], 2 * s + 1).with_points(|i| i as f32 + 1.0).dashed(),
                );
            }
        }
        LineChart { title, x_desc, y_desc, series, y_range: Some((-1.3, 1.3)), empty_message: empty, ..Default::default() }
    }

    /// The test sequences' truth and prediction, [N][T] each, for the data table.
    pub fn test_values(&self) -> (&[f32], Option<&[f32]>) {
        (&self.test.y, self.prediction.as_ref().map(|p| &p.data[..]))
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
