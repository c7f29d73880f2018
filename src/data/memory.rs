//! A long-dependency task: remember the first token of a sequence and name it at the end.
//!
//! Step 1 shows one of K symbols; steps 2..T show noise symbols; the target at the last
//! step is the first symbol. Only the last step has a loss, so the whole learning signal
//! must flow back T-1 steps: a plain RNN's gradient vanishes on the way, an LSTM's or a
//! GRU's need not (Hochreiter and Schmidhuber 1997, Bengio et al. 1994).

use crate::error::{Result, RnnError};
use crate::rng::Rng;

/// A batch of the task, time-major like every batch: inputs [T][B] token ids, targets [T][B]
/// (only the last step's are used).
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryBatch {
    pub length: usize,
    pub batch: usize,
    pub inputs: Vec<u32>,
    pub targets: Vec<u32>,
}

/// The task's sizes: `symbols` to remember and `noise` distractor tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemoryTask {
    pub symbols: usize,
    pub noise: usize,
    pub length: usize,
}

impl MemoryTask {
    /// Checks the sizes.
    pub fn new(symbols: usize, noise: usize, length: usize) -> Result<Self> {
        if symbols < 2 {
            return Err(RnnError::range("symbols", symbols, 2.0, 1e6));
        }
        if !(2..=1000).contains(&length) {
            return Err(RnnError::range("length", length, 2.0, 1000.0));
        }
        Ok(MemoryTask { symbols, noise, length })
    }

    /// V: the symbols, then the noise tokens.
    pub fn vocabulary_size(&self) -> usize {
        self.symbols + self.noise.max(1)
    }

    /// Draws a batch.
    pub fn batch(&self, batch: usize, rng: &mut Rng) -> MemoryBatch {
        let t = self.length;
        let mut inputs = vec![0u32; t * batch];
        let mut targets = vec![0u32; t * batch];
        for b in 0..batch {
            let first = rng.below(self.symbols) as u32;
            inputs[b] = first;
            for s in 1..t {
                inputs[s * batch + b] = (self.symbols + rng.below(self.noise.max(1))) as u32;
            }
            for s in 0..t {
                targets[s * batch + b] = first;
            }
        }
        MemoryBatch { length: t, batch, inputs, targets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_is_the_first_symbol() {
        let task = MemoryTask::new(4, 3, 10).unwrap();
        let b = task.batch(8, &mut Rng::new(1));
        for s in 0..8 {
            assert!(b.inputs[s] < 4);
            assert_eq!(b.targets[9 * 8 + s], b.inputs[s]);
            for t in 1..10 {
                assert!(b.inputs[t * 8 + s] >= 4 && b.inputs[t * 8 + s] < 7);
            }
        }
    }
}
