//! Training under explosion: the remember-the-first-token task with a long sequence,
//! recording at every update the global gradient norm before clipping, the loss and what
//! clipping did. With a large ρ and no clipping the numbers overflow and training stops
//! with a message (the page shows it); with clipping it keeps going.

use serde::{Deserialize, Serialize};

use super::LabConfig;
use crate::data::memory::{MemoryBatch, MemoryTask};
use crate::error::{Result, RnnError};
use crate::loss::{argmax, LossAt, Targets};
use crate::model::OutputKind;
use crate::network::{Initial, Inputs};
use crate::rng::Rng;
use crate::settings::limits::{BATCH, CLIP_THRESHOLD, EXPLODE_UPDATES, LEARNING_RATE, RACE_SYMBOLS, TASK_STEPS};
use crate::settings::ClipMode;
use crate::train::{Clip, OptimizerConfig, TrainConfig, Trainer};

/// Settings of a run, besides the lab's. Limits: [`crate::settings::limits`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ExplodeConfig {
    /// Gradient clipping before each update. Default: `none`.
    pub clip: ClipMode,
    /// c of the clipping ([`CLIP_THRESHOLD`]). Default: `1`.
    pub clip_threshold: f64,
    /// T of the task: how far back the first token lies ([`TASK_STEPS`]). Default: `10`.
    pub length: u64,
    /// Updates of the run ([`EXPLODE_UPDATES`]). Default: `300`.
    pub updates: u64,
    /// Sequences per update ([`BATCH`]). Default: `32`.
    pub batch_size: u64,
    /// K symbols to remember (chance is 1/K; [`RACE_SYMBOLS`]). Default: `4`.
    pub symbols: u64,
    /// η of SGD with momentum ([`LEARNING_RATE`]). Default: `0.1`.
    pub learning_rate: f64,
    /// μ of SGD with momentum. Default: `0.9`.
    pub momentum: f64,
}

impl Default for ExplodeConfig {
    fn default() -> Self {
        // SGD with momentum, the setting of Pascanu et al.: Adam divides each step by a
        // running gradient size, which hides part of an explosion from the weights.
        ExplodeConfig { clip: ClipMode::None, clip_threshold: 1.0, length: 10, updates: 300, batch_size: 32, symbols: 4, learning_rate: 0.1, momentum: 0.9 }
    }
}

impl ExplodeConfig {
    /// Checks every setting against its limit.
    pub fn validate(&self) -> Result<()> {
        CLIP_THRESHOLD.check("clipThreshold", self.clip_threshold)?;
        TASK_STEPS.check("length", self.length)?;
        EXPLODE_UPDATES.check("updates", self.updates)?;
        BATCH.check("batchSize", self.batch_size)?;
        RACE_SYMBOLS.check("symbols", self.symbols)?;
        LEARNING_RATE.check("learningRate", self.learning_rate)?;
        Ok(())
    }

    /// The clipping step.
    pub fn clip(&self) -> Clip {
        self.clip.with_threshold(self.clip_threshold as f32)
    }

    /// The optimiser.
    pub fn optimizer(&self) -> OptimizerConfig {
        OptimizerConfig::sgd(self.learning_rate as f32, self.momentum as f32)
    }
}

/// What one update did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct UpdateRecord {
    pub update: usize,
    pub loss: f32,
    /// ‖g‖ before clipping.
    pub grad_norm: f32,
    pub clipped: bool,
    /// Angle between the raw and the clipped gradient, degrees.
    pub angle_degrees: f32,
    /// Fraction of the batch whose first token was named correctly at the end.
    pub accuracy: f32,
}

/// A run as the page shows it: everything the chart and the status line need, small
/// enough to pass from a worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ExplodeView {
    pub config: ExplodeConfig,
    pub records: Vec<UpdateRecord>,
    /// Why the run stopped early (shown by the page; not read back from it).
    #[serde(skip_deserializing)]
    pub stopped: Option<RnnError>,
    /// Updates that clipping changed.
    pub clipped: usize,
    pub done: bool,
}

/// A run in progress.
#[derive(Debug, Clone)]
pub struct ExplodeRun {
    pub config: ExplodeConfig,
    trainer: Trainer,
    task: MemoryTask,
    rng: Rng,
    batch: MemoryBatch,
    pub records: Vec<UpdateRecord>,
    /// Why training stopped early (the overflow).
    pub stopped: Option<RnnError>,
}

impl ExplodeRun {
    /// A fresh network of the lab's cell, activation and ρ on the task.
    pub fn new(lab: &LabConfig, config: ExplodeConfig) -> Result<Self> {
        config.validate()?;
        let task = MemoryTask::new(config.symbols as usize, 4, config.length as usize)?;
        let model = lab.model(task.vocabulary_size(), config.symbols as usize, OutputKind::Softmax)?;
        let trainer = Trainer::new(
            model,
            TrainConfig {
                optimizer: config.optimizer(),
                clip: config.clip(),
                batch_size: config.batch_size as usize,
                loss_at: LossAt::LastStep,
                ..Default::default()
            },
        )?;
        let mut rng = Rng::new(lab.seed.wrapping_add(1000));
        let batch = task.batch(config.batch_size as usize, &mut rng);
        Ok(ExplodeRun { config, trainer, task, rng, batch, records: vec![], stopped: None })
    }

    /// Whether the run has finished or stopped.
    pub fn done(&self) -> bool {
        self.stopped.is_some() || self.records.len() as u64 >= self.config.updates
    }

    /// Up to `n` more updates.
    pub fn step(&mut self, n: usize) {
        for _ in 0..n {
            if self.done() {
                return;
            }
            self.batch = self.task.batch(self.config.batch_size as usize, &mut self.rng);
            let (t, b) = (self.batch.length, self.batch.batch);
            match self.trainer.update(Inputs::OneHot(&self.batch.inputs), Targets::Classes(&self.batch.targets), t, b, Initial::Zero) {
                Ok(report) => {
                    let accuracy = last_step_accuracy(
                        &self.trainer.ws.outputs[(t - 1) * b * self.config.symbols as usize..],
                        &self.batch.targets[(t - 1) * b..],
                        self.config.symbols as usize,
                    );
                    self.records.push(UpdateRecord {
                        update: self.records.len() + 1,
                        loss: report.loss,
                        grad_norm: report.clip.norm_before,
                        clipped: report.clip.clipped,
                        angle_degrees: report.clip.angle_degrees,
                        accuracy,
                    });
                }
                Err(e) => self.stopped = Some(e),
            }
        }
    }

    /// How many updates clipping changed.
    pub fn clipped_count(&self) -> usize {
        self.records.iter().filter(|r| r.clipped).count()
    }

    /// The run as the page shows it.
    pub fn view(&self) -> ExplodeView {
        ExplodeView { config: self.config, records: self.records.clone(), stopped: self.stopped.clone(), clipped: self.clipped_count(), done: self.done() }
    }
}

/// Fraction of rows whose most likely class is the target.
pub fn last_step_accuracy(probs: &[f32], targets: &[u32], classes: usize) -> f32 {
    let right = targets.iter().zip(probs.chunks_exact(classes)).filter(|(&t, p)| argmax(p) == t as usize).count();
    right as f32 / targets.len().max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(clip: Clip) -> ExplodeRun {
        let lab = LabConfig { radius: 2.0, activation: crate::activation::Activation::Relu, ..Default::default() };
        let (mode, c) = match clip {
            Clip::None => (ClipMode::None, 1.0),
            Clip::Value(c) => (ClipMode::Value, c as f64),
            Clip::GlobalNorm(c) => (ClipMode::Norm, c as f64),
        };
        let mut r = ExplodeRun::new(&lab, ExplodeConfig { clip: mode, clip_threshold: c, ..Default::default() }).unwrap();
        r.step(300);
        r
    }

    fn mean(records: &[UpdateRecord], f: fn(&UpdateRecord) -> f32) -> f32 {
        records.iter().map(f).sum::<f32>() / records.len() as f32
    }

    /// A relu RNN with ρ = 2 on the remember-the-first-token task (T = 10, SGD with
    /// momentum): without clipping the gradient overflows and the run stops with a message,
    /// no panic. With the global norm clipped at 1 the same run finishes, its loss falls
    /// far below ln 4 (guessing) and it names the first token almost always.
    #[test]
    fn rho_two_explodes_without_clipping_and_trains_with_it() {
        let wild = run(Clip::None);
        let stop = wild.stopped.as_ref().expect("the run must stop");
        assert!(matches!(stop, RnnError::Diverged { .. }), "{stop}");
        assert!(wild.records.len() < 300);
        let tamed = run(Clip::GlobalNorm(1.0));
        assert!(tamed.stopped.is_none(), "{:?}", tamed.stopped);
        assert_eq!(tamed.records.len(), 300);
        assert!(tamed.records.iter().any(|r| r.clipped && r.grad_norm > 10.0));
        let first = mean(&tamed.records[..10], |r| r.loss);
        let last = mean(&tamed.records[280..], |r| r.loss);
        assert!(last < 0.5 * first && last < 0.1 * 4f32.ln(), "loss {first} → {last}");
        assert!(mean(&tamed.records[280..], |r| r.accuracy) > 0.9);
        assert!(tamed.records.iter().all(|r| r.angle_degrees < 1e-3), "norm clipping keeps the direction");
    }
}
