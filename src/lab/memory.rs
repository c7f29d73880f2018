//! Which cell remembers? The remember-the-first-token task at growing lengths, for the
//! simple RNN, the LSTM and the GRU, each trained for the same number of updates.

use serde::{Deserialize, Serialize};

use super::explode::last_step_accuracy;
use super::LabConfig;
use crate::activation::Activation;
use crate::data::memory::MemoryTask;
use crate::error::{Result, RnnError};
use crate::loss::{LossAt, Targets};
use crate::model::{CellKind, OutputKind, Spec};
use crate::network::{forward, Initial, Inputs, Workspace};
use crate::rng::Rng;
use crate::settings::limits::{check_workspace, BATCH, LAB_UNITS, LEARNING_RATE, RACE_LENGTH, RACE_LENGTHS, RACE_SYMBOLS, RACE_TEST, RACE_UPDATES};
use crate::settings::{CellName, Choices};
use crate::train::{Clip, OptimizerConfig, TrainConfig, Trainer};

/// Settings of the comparison. Limits: [`crate::settings::limits`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct MemoryConfig {
    /// Task lengths to compare ([`RACE_LENGTH`] each, [`RACE_LENGTHS`] of them).
    pub lengths: Vec<u64>,
    pub cells: Vec<CellName>,
    /// Updates per (cell, length) run ([`RACE_UPDATES`]).
    pub updates: u64,
    pub batch_size: u64,
    pub symbols: u64,
    pub units: u64,
    pub learning_rate: f64,
    /// Sequences in the accuracy test ([`RACE_TEST`]).
    pub test_size: u64,
}

impl Default for MemoryConfig {
    fn default() -> Self {
        MemoryConfig {
            lengths: vec![5, 10, 20, 50],
            cells: CellName::ALL.to_vec(),
            updates: 600,
            batch_size: 32,
            symbols: 4,
            units: 32,
            // Small enough that a simple RNN cannot grow W_hh in a few updates until its
            // state holds the token by brute force (at 0.03 it does, and every cell
            // scores 1.00 at length 50), large enough for the LSTM to learn in 600.
            learning_rate: 0.01,
            test_size: 256,
        }
    }
}

impl MemoryConfig {
    /// Checks every setting against its limit, and the test batch against the memory budget.
    pub fn validate(&self) -> Result<()> {
        RACE_LENGTHS.check("lengths", self.lengths.len() as u64)?;
        for (i, &l) in self.lengths.iter().enumerate() {
            RACE_LENGTH.check(&format!("lengths[{i}]"), l)?;
        }
        if self.cells.is_empty() {
            return Err(RnnError::Empty { field: "cells".into() });
        }
        RACE_UPDATES.check("updates", self.updates)?;
        BATCH.check("batchSize", self.batch_size)?;
        RACE_SYMBOLS.check("symbols", self.symbols)?;
        LAB_UNITS.check("units", self.units)?;
        LEARNING_RATE.check("learningRate", self.learning_rate)?;
        RACE_TEST.check("testSize", self.test_size)?;
        // The largest pass: the bigger of a training batch and the test batch, at the
        // longest length, for each cell.
        let longest = self.lengths.iter().copied().max().unwrap_or(2);
        let task = MemoryTask::new(self.symbols as usize, 4, longest as usize)?;
        for &cell in &self.cells {
            let spec = Spec {
                cell: CellKind::from_name(cell, Activation::Tanh, true),
                input_size: task.vocabulary_size(),
                units: self.units as usize,
                output_size: self.symbols as usize,
                output: OutputKind::Softmax,
            };
            check_workspace("the memory comparison", self.batch_size.max(self.test_size), longest, Workspace::floats_per_step(&spec))?;
        }
        Ok(())
    }
}

/// The accuracy of one cell at one length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct MemoryResult {
    pub cell: CellName,
    pub length: usize,
    pub accuracy: f32,
}

/// The comparison as the page shows it (small enough to pass from a worker).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct RaceView {
    pub config: MemoryConfig,
    pub results: Vec<MemoryResult>,
    /// Updates done and to do in all.
    pub progress: u64,
    pub total: u64,
    pub done: bool,
}

/// The comparison in progress: one (cell, length) pair trains at a time.
#[derive(Debug, Clone)]
pub struct MemoryRace {
    pub config: MemoryConfig,
    lab: LabConfig,
    jobs: Vec<(CellName, usize)>,
    current: Option<(Trainer, MemoryTask, Rng, u64)>,
    pub results: Vec<MemoryResult>,
}

impl MemoryRace {
    /// Plans the runs. Each network is the lab's: its ρ, activation, seed and LSTM forget
    /// bias, with `units` hidden units.
    pub fn new(lab: &LabConfig, config: MemoryConfig) -> Result<Self> {
        config.validate()?;
        let mut jobs = vec![];
        for &length in &config.lengths {
            MemoryTask::new(config.symbols as usize, 4, length as usize)?;
            for &cell in &config.cells {
                jobs.push((cell, length as usize));
            }
        }
        jobs.reverse();
        Ok(MemoryRace { lab: LabConfig { units: config.units, ..lab.clone() }, config, jobs, current: None, results: vec![] })
    }

    /// Total updates of the whole race, and those done.
    pub fn progress(&self) -> (u64, u64) {
        let per = self.config.updates;
        let total = per * (self.results.len() + self.jobs.len() + usize::from(self.current.is_some())) as u64;
        let done = per * self.results.len() as u64 + self.current.as_ref().map_or(0, |c| c.3);
        (done, total)
    }

    pub fn done(&self) -> bool {
        self.jobs.is_empty() && self.current.is_none()
    }

    /// The comparison as the page shows it.
    pub fn view(&self) -> RaceView {
        let (progress, total) = self.progress();
        RaceView { config: self.config.clone(), results: self.results.clone(), progress, total, done: self.done() }
    }

    /// Up to `n` more updates (across runs).
    pub fn step(&mut self, mut n: usize) -> Result<()> {
        while n > 0 && !self.done() {
            if self.current.is_none() {
                let (cell, length) = self.jobs.pop().expect("a job is left");
                let lab = self.lab.with_cell(cell);
                let task = MemoryTask::new(self.config.symbols as usize, 4, length)?;
                let spec_model = lab.model(task.vocabulary_size(), self.config.symbols as usize, OutputKind::Softmax)?;
                let config = TrainConfig {
                    optimizer: OptimizerConfig::adam(self.config.learning_rate as f32),
                    clip: Clip::GlobalNorm(5.0),
                    batch_size: self.config.batch_size as usize,
                    loss_at: LossAt::LastStep,
                    ..Default::default()
                };
                self.current = Some((Trainer::new(spec_model, config)?, task, Rng::new(self.lab.seed.wrapping_add(length as u64)), 0));
            }
            let (trainer, task, rng, done) = self.current.as_mut().expect("a run is active");
            let batch = task.batch(self.config.batch_size as usize, rng);
            // A run that blows up stops where it is and is scored as it is.
            if trainer.update(Inputs::OneHot(&batch.inputs), Targets::Classes(&batch.targets), batch.length, batch.batch, Initial::Zero).is_err() {
                *done = self.config.updates;
            } else {
                *done += 1;
            }
            n -= 1;
            if *done >= self.config.updates {
                let (trainer, task, _, _) = self.current.take().expect("a run is active");
                let accuracy = test_accuracy(&trainer, &task, self.config.test_size as usize, self.lab.seed);
                self.results.push(MemoryResult { cell: trainer.model.spec.cell.name(), length: task.length, accuracy });
            }
        }
        Ok(())
    }
}

/// Accuracy on fresh sequences.
fn test_accuracy(trainer: &Trainer, task: &MemoryTask, size: usize, seed: u64) -> f32 {
    let mut rng = Rng::new(seed ^ 0x7E57);
    let batch = task.batch(size, &mut rng);
    let mut ws = Workspace::new();
    forward(&trainer.model, Inputs::OneHot(&batch.inputs), batch.length, size, Initial::Zero, &mut ws);
    let o = trainer.model.spec.output_size;
    let t = batch.length;
    last_step_accuracy(&ws.outputs[(t - 1) * size * o..], &batch.targets[(t - 1) * size..], o)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lesson's chapter 7 (ρ = 0.5, tanh, b_f = 5), for several seeds: the LSTM
    /// remembers at every length; at length 50 the simple RNN (its gradient back to the
    /// first step shrinks like 0.5^49) and the GRU (z ≈ 0.5 at the start) are near chance
    /// (0.25) after the same 600 updates.
    #[test]
    fn the_lstm_falls_last_at_the_lessons_settings() {
        let config = MemoryConfig { lengths: vec![10, 20, 50], ..Default::default() };
        for seed in 1..=3 {
            let lab = LabConfig { activation: crate::activation::Activation::Tanh, radius: 0.5, forget_bias: 5.0, seed, ..Default::default() };
            let mut race = MemoryRace::new(&lab, config.clone()).unwrap();
            race.step(usize::MAX).unwrap();
            let acc = |c: CellName, l: usize| race.results.iter().find(|r| r.cell == c && r.length == l).unwrap().accuracy;
            let row = |c: CellName| [10, 20, 50].map(|l| acc(c, l));
            let (rnn, lstm, gru) = (row(CellName::SimpleRnn), row(CellName::Lstm), row(CellName::Gru));
            println!("seed {seed}, lengths 10/20/50: simple RNN {rnn:?}, LSTM {lstm:?}, GRU {gru:?}");
            assert!(lstm.iter().all(|&a| a > 0.95), "seed {seed}: LSTM {lstm:?}");
            assert!(rnn[2] < 0.6 && gru[2] < 0.6, "seed {seed}: at 50 simple {rnn:?} GRU {gru:?}");
            let sum = |r: [f32; 3]| r.iter().sum::<f32>();
            assert!(sum(rnn) < sum(lstm) && sum(gru) < sum(lstm), "seed {seed}: simple {rnn:?} GRU {gru:?} LSTM {lstm:?}");
        }
    }

    /// With its forget gate starting near 1 (b_f = 5, f = 0.993) the LSTM carries the
    /// token too; with b_f = 1 (f = 0.73, and 0.73^49 ≈ 2e-7) it has not learned yet.
    #[test]
    fn lstm_needs_its_forget_gate_open() {
        let config = MemoryConfig { lengths: vec![50], cells: vec![CellName::Lstm], ..Default::default() };
        let accuracy = |forget_bias: f64| {
            let lab = LabConfig { radius: 0.5, forget_bias, ..Default::default() };
            let mut race = MemoryRace::new(&lab, config.clone()).unwrap();
            race.step(usize::MAX).unwrap();
            race.results[0].accuracy
        };
        let (closed, open) = (accuracy(1.0), accuracy(5.0));
        println!("LSTM at length 50: b_f = 1 → {closed:.3}, b_f = 5 → {open:.3}");
        assert!(open > 0.9 && closed < 0.5, "b_f 1: {closed}, b_f 5: {open}");
    }
}
