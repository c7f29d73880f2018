//! Training: mini-batches, the optimiser, clipping, full or truncated BPTT, and a stop
//! with a clear message when the numbers blow up.
//!
//! One update:
//! ```text
//! forward → loss → BPTT → clip (report ‖g‖) → check finite → optimiser step → check finite
//! ```
//! If the loss, the gradient or the new weights are not finite, the update is undone and
//! [`RnnError::Diverged`] says which number broke; the weights stay the last good ones.

pub mod clip;
pub mod dataset;
pub mod optim;

use serde::{Deserialize, Serialize};

pub use clip::{clip, Clip, ClipReport};
pub use dataset::{BatchBuffers, Dataset, SeqInputs, SeqTargets};
pub use optim::{Optimizer, OptimizerConfig};

use crate::bptt;
use crate::error::{NonFinite, Quantity, Result, RnnError};

/// The kind of a number already known not to be finite.
fn non_finite(x: f32) -> NonFinite {
    NonFinite::of(x as f64).unwrap_or(NonFinite::Nan)
}
use crate::loss::{check_pairing, loss_and_grad, LossAt, LossKind, Targets};
use crate::model::Model;
use crate::network::{forward, Initial, Inputs, Workspace};
use crate::rng::Rng;

/// Token ids must be rows of W_xh and class ids outputs of the model.
fn check_ids(model: &Model, inputs: Inputs, targets: Targets) -> Result<()> {
    if let Inputs::OneHot(ids) = inputs {
        if let Some((i, &id)) = ids.iter().enumerate().find(|(_, &id)| id as usize >= model.spec.input_size) {
            return Err(RnnError::TokenOutOfRange { field: "x".into(), step: i, id: id as u64, size: model.spec.input_size });
        }
    }
    if let Targets::Classes(ids) = targets {
        if let Some((i, &id)) = ids.iter().enumerate().find(|(_, &id)| id as usize >= model.spec.output_size) {
            return Err(RnnError::ClassOutOfRange { field: "y".into(), step: i, class: id as i64, classes: model.spec.output_size });
        }
    }
    Ok(())
}

/// How far back gradients flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", content = "steps", rename_all = "snake_case")]
pub enum Bptt {
    /// Through the whole sequence.
    #[default]
    Full,
    /// Truncated BPTT(k, k) (Williams and Peng 1990): the sequence is cut into windows of k
    /// steps; the hidden state is carried from one window to the next, the gradient is not,
    /// and the weights are updated after every window.
    Truncated(usize),
}

/// Settings of a training run. Defaults: Adam with Keras's settings, no clipping,
/// batches of 32, full BPTT, shuffled every epoch.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrainConfig {
    pub optimizer: OptimizerConfig,
    pub clip: Clip,
    pub batch_size: usize,
    pub bptt: Bptt,
    pub loss_at: LossAt,
    pub shuffle: bool,
    /// Seed of the shuffling.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            optimizer: OptimizerConfig::default(),
            clip: Clip::None,
            batch_size: 32,
            bptt: Bptt::Full,
            loss_at: LossAt::EveryStep,
            shuffle: true,
            seed: 1,
        }
    }
}

impl TrainConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<()> {
        self.optimizer.validate()?;
        self.clip.validate()?;
        if self.batch_size == 0 || self.batch_size > 65_536 {
            return Err(RnnError::range("batch_size", self.batch_size, 1.0, 65536.0));
        }
        if let Bptt::Truncated(k) = self.bptt {
            if k == 0 {
                return Err(RnnError::range("bptt", k, 1.0, 1e9));
            }
            if self.loss_at == LossAt::LastStep {
                return Err(RnnError::conflict("bptt", "truncated", "loss_at", "last_step"));
            }
        }
        Ok(())
    }
}

/// What one update did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct UpdateReport {
    /// The batch loss before the update.
    pub loss: f32,
    /// The clipping report, with ‖g‖ before clipping.
    pub clip: ClipReport,
}

/// A model being trained, with its optimiser and every buffer it needs.
#[derive(Debug, Clone)]
pub struct Trainer {
    pub model: Model,
    pub config: TrainConfig,
    pub optimizer: Optimizer,
    /// The forward/backward buffers of the last batch.
    pub ws: Workspace,
    /// dLoss/dweights of the last update, after clipping.
    pub grads: Vec<f32>,
    backup: Vec<f32>,
    optimizer_backup: Optimizer,
    batch: BatchBuffers,
    carry_h: Vec<f32>,
    carry_c: Vec<f32>,
    rng: Rng,
    order: Vec<usize>,
    cursor: usize,
    epoch_loss: f64,
    epoch_seen: usize,
    /// Updates done so far.
    pub updates: usize,
    /// Epochs finished so far.
    pub epochs: usize,
    /// Mean loss of every finished epoch (Keras's `history.history['loss']`).
    pub history: Vec<f32>,
}

impl Trainer {
    /// A trainer for `model`; checks the settings.
    pub fn new(model: Model, config: TrainConfig) -> Result<Self> {
        config.validate()?;
        let len = model.layout.len;
        Ok(Trainer {
            optimizer: Optimizer::new(config.optimizer, len)?,
            optimizer_backup: Optimizer::new(config.optimizer, len)?,
            model,
            config,
            ws: Workspace::new(),
            grads: vec![0.0; len],
            backup: vec![0.0; len],
            batch: BatchBuffers::default(),
            carry_h: vec![],
            carry_c: vec![],
            rng: Rng::new(config.seed),
            order: vec![],
            cursor: 0,
            epoch_loss: 0.0,
            epoch_seen: 0,
            updates: 0,
            epochs: 0,
            history: vec![],
        })
    }

    /// One update on one time-major batch (T steps of B sequences), starting from
    /// `initial`. Returns the loss before the update and what clipping did.
    pub fn update(&mut self, inputs: Inputs, targets: Targets, steps: usize, batch: usize, initial: Initial) -> Result<UpdateReport> {
        let loss_kind = match targets {
            Targets::Values(_) => LossKind::Mse,
            Targets::Classes(_) => LossKind::CrossEntropy,
        };
        check_pairing(loss_kind, self.model.spec.output)?;
        check_ids(&self.model, inputs, targets)?;
        forward(&self.model, inputs, steps, batch, initial, &mut self.ws);
        let ws = &mut self.ws;
        let loss =
            loss_and_grad(loss_kind, self.config.loss_at, self.model.spec.output, targets, steps, batch, &ws.logits, &ws.outputs, &mut ws.d_logits) as f32;
        let update = self.updates + 1;
        if !loss.is_finite() {
            return Err(RnnError::Diverged { update, what: Quantity::Loss, value: non_finite(loss) });
        }
        self.grads.fill(0.0);
        bptt::backward(&self.model, inputs, &mut self.ws, &mut self.grads);
        let report = clip(&mut self.grads, self.config.clip);
        if !report.norm_before.is_finite() || !report.norm_after.is_finite() {
            return Err(RnnError::Diverged { update, what: Quantity::GradientNorm, value: non_finite(report.norm_before) });
        }
        self.backup.copy_from_slice(&self.model.params);
        self.optimizer_backup.clone_from(&self.optimizer);
        self.optimizer.step(&mut self.model.params, &self.grads);
        if let Some(bad) = self.model.params.iter().copied().find(|w| !w.is_finite()) {
            // Undo the whole update: the weights and the optimiser's momentum and moments.
            self.model.params.copy_from_slice(&self.backup);
            std::mem::swap(&mut self.optimizer, &mut self.optimizer_backup);
            return Err(RnnError::Diverged { update, what: Quantity::Weights, value: non_finite(bad) });
        }
        self.updates = update;
        Ok(UpdateReport { loss, clip: report })
    }

    /// One mini-batch of `data` (reshuffled at each epoch start). Full BPTT is one update;
    /// truncated BPTT one update per window. Returns the epoch's mean loss when this batch
    /// ended an epoch.
    pub fn train_batch(&mut self, data: &Dataset) -> Result<(UpdateReport, Option<f32>)> {
        if self.cursor == 0 {
            self.order = (0..data.sequences).collect();
            if self.config.shuffle {
                self.rng.shuffle(&mut self.order);
            }
            self.epoch_loss = 0.0;
            self.epoch_seen = 0;
        }
        let end = (self.cursor + self.config.batch_size).min(data.sequences);
        let picks: Vec<usize> = self.order[self.cursor..end].to_vec();
        let window = match self.config.bptt {
            Bptt::Full => data.length,
            Bptt::Truncated(k) => k.min(data.length),
        };
        let mut last = UpdateReport::default();
        let mut weighted = 0.0f64;
        let mut from = 0;
        while from < data.length {
            let to = (from + window).min(data.length);
            self.batch.gather(data, &picks, from, to);
            let mut batch = std::mem::take(&mut self.batch);
            let initial_h = std::mem::take(&mut self.carry_h);
            let initial_c = std::mem::take(&mut self.carry_c);
            let initial = if from == 0 { Initial::Zero } else { Initial::State(&initial_h, &initial_c) };
            let inputs = match data.inputs {
                SeqInputs::Dense { .. } => Inputs::Dense(&batch.x),
                SeqInputs::Tokens(_) => Inputs::OneHot(&batch.ids),
            };
            let targets = match data.targets {
                SeqTargets::Values { .. } => Targets::Values(&batch.y),
                SeqTargets::Classes(_) => Targets::Classes(&batch.classes),
            };
            let result = self.update(inputs, targets, to - from, picks.len(), initial);
            let (h, c) = self.ws.final_state();
            self.carry_h = h.to_vec();
            self.carry_c = c.to_vec();
            std::mem::swap(&mut self.batch, &mut batch);
            last = result?;
            weighted += last.loss as f64 * (to - from) as f64;
            from = to;
        }
        let batch_loss = weighted / data.length as f64;
        self.epoch_loss += batch_loss * picks.len() as f64;
        self.epoch_seen += picks.len();
        self.cursor = end;
        last.loss = batch_loss as f32;
        if self.cursor >= data.sequences {
            self.cursor = 0;
            self.epochs += 1;
            let mean = (self.epoch_loss / self.epoch_seen as f64) as f32;
            self.history.push(mean);
            return Ok((last, Some(mean)));
        }
        Ok((last, None))
    }

    /// Trains until the end of the current epoch; returns its mean loss.
    pub fn train_epoch(&mut self, data: &Dataset) -> Result<f32> {
        loop {
            if let (_, Some(mean)) = self.train_batch(data)? {
                return Ok(mean);
            }
        }
    }

    /// Batches per epoch for `data`.
    pub fn batches_per_epoch(&self, data: &Dataset) -> usize {
        data.sequences.div_ceil(self.config.batch_size)
    }
}
