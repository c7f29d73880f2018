//! A data set of N sequences of T steps, and gathering mini-batches from it.
//!
//! Sequences are stored sample-major ([N][T][·], as Keras's x_train), and a mini-batch is
//! copied out time-major ([T][B][·]), the layout the network's matrix products want.

use crate::error::{NonFinite, Result, RnnError};

/// The inputs of every sequence.
#[derive(Debug, Clone, PartialEq)]
pub enum SeqInputs {
    /// Real vectors [N][T][I].
    Dense { features: usize, data: Vec<f32> },
    /// Token ids [N][T] (one-hot inputs of size V).
    Tokens(Vec<u32>),
}

/// The targets of every sequence.
#[derive(Debug, Clone, PartialEq)]
pub enum SeqTargets {
    /// [N][T][O] values.
    Values { outputs: usize, data: Vec<f32> },
    /// [N][T] class ids.
    Classes(Vec<u32>),
}

/// N sequences of T steps with their targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub sequences: usize,
    pub length: usize,
    pub inputs: SeqInputs,
    pub targets: SeqTargets,
}

impl Dataset {
    /// Checks that the buffers have N·T rows.
    pub fn new(sequences: usize, length: usize, inputs: SeqInputs, targets: SeqTargets) -> Result<Self> {
        if sequences == 0 {
            return Err(RnnError::Empty { field: "x".into() });
        }
        if length == 0 {
            return Err(RnnError::Empty { field: "x".into() });
        }
        let rows = sequences * length;
        let (in_len, in_expected) = match &inputs {
            SeqInputs::Dense { features, data } => (data.len(), rows * features),
            SeqInputs::Tokens(ids) => (ids.len(), rows),
        };
        if in_len != in_expected {
            return Err(RnnError::shape("x", format!("[{in_expected}]"), format!("[{in_len}]")));
        }
        let (out_len, out_expected) = match &targets {
            SeqTargets::Values { outputs, data } => (data.len(), rows * outputs),
            SeqTargets::Classes(ids) => (ids.len(), rows),
        };
        if out_len != out_expected {
            return Err(RnnError::shape("y", format!("[{out_expected}]"), format!("[{out_len}]")));
        }
        for (field, data) in [
            (
                "x",
                match &inputs {
                    SeqInputs::Dense { data, .. } => &data[..],
                    _ => &[][..],
                },
            ),
            (
                "y",
                match &targets {
                    SeqTargets::Values { data, .. } => &data[..],
                    _ => &[][..],
                },
            ),
        ] {
            if let Some((i, &v)) = data.iter().enumerate().find(|(_, v)| !v.is_finite()) {
                return Err(RnnError::NotFinite { field: field.into(), at: format!("number {i}"), value: NonFinite::of(v as f64).expect("not finite") });
            }
        }
        Ok(Dataset { sequences, length, inputs, targets })
    }
}

/// Time-major buffers of one mini-batch, reused from batch to batch.
#[derive(Debug, Clone, Default)]
pub struct BatchBuffers {
    pub steps: usize,
    pub batch: usize,
    pub x: Vec<f32>,
    pub ids: Vec<u32>,
    pub y: Vec<f32>,
    pub classes: Vec<u32>,
}

impl BatchBuffers {
    /// Copies sequences `picks` of `data`, steps `from..to`, into time-major buffers.
    pub fn gather(&mut self, data: &Dataset, picks: &[usize], from: usize, to: usize) {
        self.steps = to - from;
        self.batch = picks.len();
        let window = Window { length: data.length, picks, from, steps: to - from };
        match &data.inputs {
            SeqInputs::Dense { features, data: x } => window.copy(x, *features, &mut self.x),
            SeqInputs::Tokens(ids) => window.copy(ids, 1, &mut self.ids),
        }
        match &data.targets {
            SeqTargets::Values { outputs, data: y } => window.copy(y, *outputs, &mut self.y),
            SeqTargets::Classes(ids) => window.copy(ids, 1, &mut self.classes),
        }
    }
}

/// Which sequences and steps a batch takes.
struct Window<'a> {
    /// T of the data set.
    length: usize,
    picks: &'a [usize],
    from: usize,
    steps: usize,
}

impl Window<'_> {
    /// Rows of `width` values from sample-major `src` ([N][T][width]) to time-major `dst`
    /// ([steps][B][width]).
    fn copy<T: Copy + Default>(&self, src: &[T], width: usize, dst: &mut Vec<T>) {
        let batch = self.picks.len();
        dst.resize(self.steps * batch * width, T::default());
        for (b, &n) in self.picks.iter().enumerate() {
            for t in 0..self.steps {
                let s = (n * self.length + self.from + t) * width;
                let d = (t * batch + b) * width;
                dst[d..d + width].copy_from_slice(&src[s..s + width]);
            }
        }
    }
}
