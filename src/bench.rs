//! The benchmark workloads, built the same way for the native build, the WebAssembly build
//! and (in `bench/`) TensorFlow.js, so every row of the table measures the same model.
//!
//! - (A) the seed's Keras example: 1024 sine sequences of length 50, SimpleRNN(50) +
//!   Dense(1), mean squared error, Adam, batches of 32;
//! - (B) a character model: vocabulary 64 (one-hot), length 32, batches of 32, 128 units,
//!   softmax over the next character, Adam; simple RNN or LSTM.
//!
//! Timing is the caller's (there is no clock in WebAssembly without the browser).

use serde::Serialize;

use crate::data::sine::{generate, SineConfig};
use crate::error::Result;
use crate::init::{init_model, InitConfig};
use crate::model::{CellKind, OutputKind, Spec};
use crate::rng::Rng;
use crate::train::{Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};

/// A model, its data and its trainer, ready to run batches.
#[derive(Debug, Clone)]
pub struct Workload {
    pub info: WorkloadInfo,
    trainer: Trainer,
    data: Dataset,
}

/// What a workload is, for the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkloadInfo {
    pub name: String,
    pub sequences: usize,
    pub length: usize,
    pub batch_size: usize,
    /// Sequences per batch times steps: the tokens one batch trains on.
    pub tokens_per_batch: usize,
    /// Floating-point operations of one batch, forward and backward (2 per multiply-add,
    /// counting the input product as a dense matrix product even where the engine uses a
    /// one-hot lookup, so every framework is credited with the same work).
    pub flops_per_batch: f64,
    /// The flops this engine actually does: without the input product when the inputs
    /// are one-hot (it looks the row of W_xh up, and adds δ into it going back).
    pub executed_flops_per_batch: f64,
    pub batches_per_epoch: usize,
}

/// Multiply-adds of one sequence step, forward and backward, for a network with input
/// size I, k·U gates and output size O:
///
/// ```text
/// forward:  x W (I·kU) + h U (U·kU) + h W_hy (U·O)
/// backward: dW (I·kU) + dU (U·kU) + dh = δ Uᵀ (U·kU) + dW_hy (U·O) + dh = dy W_hyᵀ (U·O)
/// ```
pub fn macs_per_step(spec: &Spec) -> f64 {
    let (i, u, o) = (spec.input_size as f64, spec.units as f64, spec.output_size as f64);
    let ku = spec.cell.gates() as f64 * u;
    let forward = i * ku + u * ku + u * o;
    let backward = i * ku + 2.0 * u * ku + 2.0 * u * o;
    forward + backward
}

/// [`macs_per_step`] less the input product (forward and backward) for one-hot inputs.
pub fn executed_macs_per_step(spec: &Spec, one_hot: bool) -> f64 {
    let input = if one_hot { 2.0 * spec.input_size as f64 * spec.cell.gates() as f64 * spec.units as f64 } else { 0.0 };
    macs_per_step(spec) - input
}

fn workload(name: &str, spec: Spec, data: Dataset, batch_size: usize) -> Result<Workload> {
    let model = init_model(spec, &InitConfig::default())?;
    let trainer = Trainer::new(model, TrainConfig { optimizer: OptimizerConfig::adam(0.001), batch_size, ..Default::default() })?;
    let tokens_per_batch = batch_size * data.length;
    let info = WorkloadInfo {
        name: name.into(),
        sequences: data.sequences,
        length: data.length,
        batch_size,
        tokens_per_batch,
        flops_per_batch: 2.0 * macs_per_step(&spec) * tokens_per_batch as f64,
        executed_flops_per_batch: 2.0 * executed_macs_per_step(&spec, matches!(data.inputs, SeqInputs::Tokens(_))) * tokens_per_batch as f64,
        batches_per_epoch: data.sequences.div_ceil(batch_size),
    };
    Ok(Workload { info, trainer, data })
}

/// (A): the seed's example.
pub fn seed_example() -> Result<Workload> {
    let sine = generate(&SineConfig { sequences: 1024, length: 50, ..Default::default() })?;
    let spec = Spec { cell: CellKind::SimpleRnn { activation: Default::default() }, input_size: 1, units: 50, output_size: 1, output: OutputKind::Linear };
    let data = Dataset::new(1024, 50, SeqInputs::Dense { features: 1, data: sine.x }, SeqTargets::Values { outputs: 1, data: sine.y })?;
    workload("A: seed example, SimpleRNN(50), T=50, batch 32", spec, data, 32)
}

/// (B): the character model, `lstm` or simple RNN.
pub fn char_model(lstm: bool) -> Result<Workload> {
    let (v, t, n) = (64, 32, 512);
    let ids = char_text(v, n * (t + 1), 5);
    let mut inputs = Vec::with_capacity(n * t);
    let mut targets = Vec::with_capacity(n * t);
    for s in 0..n {
        let seq = &ids[s * (t + 1)..(s + 1) * (t + 1)];
        inputs.extend_from_slice(&seq[..t]);
        targets.extend_from_slice(&seq[1..]);
    }
    let cell = if lstm { CellKind::Lstm } else { CellKind::SimpleRnn { activation: Default::default() } };
    let spec = Spec { cell, input_size: v, units: 128, output_size: v, output: OutputKind::Softmax };
    let data = Dataset::new(n, t, SeqInputs::Tokens(inputs), SeqTargets::Classes(targets))?;
    let name = if lstm { "B: char model, LSTM(128), V=64, T=32, batch 32" } else { "B: char model, SimpleRNN(128), V=64, T=32, batch 32" };
    workload(name, spec, data, 32)
}

/// A seeded stream of `len` character ids in 0..v with some structure (each id tends to
/// follow from the one before), so the model has something to learn.
pub fn char_text(v: usize, len: usize, seed: u64) -> Vec<u32> {
    let mut rng = Rng::new(seed);
    let mut ids = Vec::with_capacity(len);
    let mut prev = 0usize;
    for _ in 0..len {
        let next = if rng.uniform01() < 0.7 { (prev * 7 + 3) % v } else { rng.below(v) };
        ids.push(next as u32);
        prev = next;
    }
    ids
}

impl Workload {
    /// Trains on `n` more batches (epochs roll over); returns the last batch's loss.
    pub fn run_batches(&mut self, n: usize) -> Result<f32> {
        let mut loss = f32::NAN;
        for _ in 0..n {
            loss = self.trainer.train_batch(&self.data)?.0.loss;
        }
        Ok(loss)
    }

    /// The mean loss of each finished epoch.
    pub fn history(&self) -> &[f32] {
        &self.trainer.history
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (A) by hand: one step is 50 + 2500 + 50 forward and 50 + 5000 + 100 backward
    /// multiply-adds = 7750; a batch is 32 × 50 steps × 2 flops each.
    #[test]
    fn flop_count_of_the_seed_example() {
        let w = seed_example().unwrap();
        assert_eq!(w.info.flops_per_batch, 2.0 * 7750.0 * 32.0 * 50.0);
        assert_eq!(w.info.batches_per_epoch, 32);
    }

    #[test]
    fn workloads_train() {
        let mut w = char_model(true).unwrap();
        let first = w.run_batches(1).unwrap();
        let later = w.run_batches(30).unwrap();
        assert!(later < first, "{first} → {later}");
    }
}
