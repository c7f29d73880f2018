//! What a network is: its shape ([`Spec`]) and its weights, all in one flat buffer
//! with named ranges ([`Layout`]).
//!
//! One buffer means the optimiser, the clipping, the norms and the hand-off to JavaScript
//! are each one loop over one slice; the names keep "‖∇W_hh‖" readable.
//! The weights are exactly Keras's `get_weights()` arrays of the recurrent layer and of the
//! `Dense` layer after it, row-major:
//!
//! | name               | shape                      | in the seed's notation |
//! |--------------------|----------------------------|------------------------|
//! | `kernel`           | [I][k·U]                   | W_xhᵀ                  |
//! | `recurrent_kernel` | [U][k·U]                   | W_hhᵀ                  |
//! | `bias`             | [k·U] (GRU reset_after: [2][3U]) | b_h              |
//! | `dense_kernel`     | [U][O]                     | W_hyᵀ                  |
//! | `dense_bias`       | [O]                        | b_y                    |
//!
//! k is the number of gates: 1 for the simple RNN, 4 for the LSTM (i, f, c, o),
//! 3 for the GRU (z, r, h). Keras multiplies row vectors from the left (h·W), so its
//! matrices are the transposes of the seed's column-vector W; the numbers are the same.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::error::Result;
use crate::settings::limits::{check_weights, MODEL_SIZE};
use crate::settings::CellName;

/// The recurrent cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// h_t = f(x_t W + h_{t-1} U + b).
    SimpleRnn { activation: Activation },
    /// Keras LSTM, gates i, f, c, o; sigmoid gates, tanh, no peepholes.
    Lstm,
    /// Keras GRU, gates z, r, h. `reset_after = true` is TF2 Keras's default (two bias
    /// rows, the reset gate applied after the recurrent product); `false` is the original
    /// Cho et al. form and the only one TensorFlow.js has.
    Gru { reset_after: bool },
}

impl CellKind {
    /// k, the number of gate blocks side by side in the kernels.
    pub fn gates(self) -> usize {
        match self {
            CellKind::SimpleRnn { .. } => 1,
            CellKind::Lstm => 4,
            CellKind::Gru { .. } => 3,
        }
    }

    /// The name of the cell (without its activation or GRU variant).
    pub fn name(self) -> CellName {
        match self {
            CellKind::SimpleRnn { .. } => CellName::SimpleRnn,
            CellKind::Lstm => CellName::Lstm,
            CellKind::Gru { .. } => CellName::Gru,
        }
    }

    /// Names of the gate blocks, in kernel order.
    pub fn gate_names(self) -> &'static [&'static str] {
        match self {
            CellKind::SimpleRnn { .. } => &["z"],
            CellKind::Lstm => &["i", "f", "c", "o"],
            CellKind::Gru { .. } => &["z", "r", "h"],
        }
    }

    /// The cell of a name; the activation is the simple RNN's f, `reset_after` the GRU's
    /// variant (each ignored by the other cells).
    pub fn from_name(cell: CellName, activation: Activation, reset_after: bool) -> Self {
        match cell {
            CellName::SimpleRnn => CellKind::SimpleRnn { activation },
            CellName::Lstm => CellKind::Lstm,
            CellName::Gru => CellKind::Gru { reset_after },
        }
    }

    /// The block of the recurrent kernel that feeds the candidate state: the one whose
    /// spectrum and gradient the page shows (z for the simple RNN, c for the LSTM, h for
    /// the GRU).
    pub fn candidate_gate(self) -> usize {
        match self {
            CellKind::SimpleRnn { .. } => 0,
            CellKind::Lstm | CellKind::Gru { .. } => 2,
        }
    }
}

/// What follows the dense layer y_t = h_t W_hy + b_y.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputKind {
    /// p_t = softmax(y_t): a probability for every token.
    Softmax,
    /// y_t as it is: a regression output.
    Linear,
}

/// The shape of a network: one recurrent layer and one dense layer on every step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub cell: CellKind,
    /// I, the length of x_t.
    pub input_size: usize,
    /// U, the length of h_t.
    pub units: usize,
    /// O, the length of y_t.
    pub output_size: usize,
    pub output: OutputKind,
}

impl Spec {
    /// Checks every size against [`MODEL_SIZE`] and the weight count against the budget,
    /// before anything is allocated.
    pub fn validate(&self) -> Result<()> {
        for (field, value) in [("input_size", self.input_size), ("units", self.units), ("output_size", self.output_size)] {
            MODEL_SIZE.check(field, value as u64)?;
        }
        check_weights("the network", self.weight_count())
    }

    /// How many weights a network of this shape has (in u64: no accepted size wraps).
    pub fn weight_count(&self) -> u64 {
        let (i, u, o) = (self.input_size as u64, self.units as u64, self.output_size as u64);
        let ku = self.cell.gates() as u64 * u;
        let bias_rows = if matches!(self.cell, CellKind::Gru { reset_after: true }) { 2 } else { 1 };
        i * ku + u * ku + bias_rows * ku + u * o + o
    }

    /// Where each weight lives in the flat buffer.
    pub fn layout(&self) -> Layout {
        Layout::new(self)
    }
}

/// A named tensor of the flat buffer: where it is and its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tensor {
    pub name: &'static str,
    pub range: Range<usize>,
    /// [rows, cols], or [len] for a vector.
    pub shape: Vec<usize>,
}

/// Named ranges of the flat weight (and gradient) buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub kernel: Range<usize>,
    pub recurrent_kernel: Range<usize>,
    /// For the GRU with reset_after: the input bias row, then the recurrent bias row.
    pub bias: Range<usize>,
    pub dense_kernel: Range<usize>,
    pub dense_bias: Range<usize>,
    /// Total number of weights.
    pub len: usize,
    tensors: Vec<Tensor>,
}

impl Layout {
    fn new(spec: &Spec) -> Self {
        let (i, u, o) = (spec.input_size, spec.units, spec.output_size);
        let ku = spec.cell.gates() * u;
        let bias_shape = match spec.cell {
            CellKind::Gru { reset_after: true } => vec![2, ku],
            _ => vec![ku],
        };
        let shapes: [(&'static str, Vec<usize>); 5] =
            [("kernel", vec![i, ku]), ("recurrent_kernel", vec![u, ku]), ("bias", bias_shape), ("dense_kernel", vec![u, o]), ("dense_bias", vec![o])];
        let mut start = 0;
        let tensors: Vec<Tensor> = shapes
            .into_iter()
            .map(|(name, shape)| {
                let len: usize = shape.iter().product();
                let t = Tensor { name, range: start..start + len, shape };
                start += len;
                t
            })
            .collect();
        Layout {
            kernel: tensors[0].range.clone(),
            recurrent_kernel: tensors[1].range.clone(),
            bias: tensors[2].range.clone(),
            dense_kernel: tensors[3].range.clone(),
            dense_bias: tensors[4].range.clone(),
            len: start,
            tensors,
        }
    }

    /// The five tensors in file order.
    pub fn tensors(&self) -> &[Tensor] {
        &self.tensors
    }

    /// One tensor by its file name.
    pub fn tensor(&self, name: &str) -> Option<&Tensor> {
        self.tensors.iter().find(|t| t.name == name)
    }
}

/// A network: its shape and its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub spec: Spec,
    pub layout: Layout,
    /// All weights, laid out as [`Layout`] says.
    pub params: Vec<f32>,
}

impl Model {
    /// A network with every weight zero (initialise it with [`crate::init`]).
    pub fn zeros(spec: Spec) -> Result<Self> {
        spec.validate()?;
        let layout = spec.layout();
        let params = vec![0.0; layout.len];
        Ok(Model { spec, layout, params })
    }

    /// A network with the given weights, in [`Layout`] order.
    pub fn from_params(spec: Spec, params: Vec<f32>) -> Result<Self> {
        spec.validate()?;
        let layout = spec.layout();
        if params.len() != layout.len {
            return Err(crate::error::RnnError::shape("weights", format!("[{}]", layout.len), format!("[{}]", params.len())));
        }
        Ok(Model { spec, layout, params })
    }

    pub fn kernel(&self) -> &[f32] {
        &self.params[self.layout.kernel.clone()]
    }
    pub fn recurrent_kernel(&self) -> &[f32] {
        &self.params[self.layout.recurrent_kernel.clone()]
    }
    pub fn bias(&self) -> &[f32] {
        &self.params[self.layout.bias.clone()]
    }
    pub fn dense_kernel(&self) -> &[f32] {
        &self.params[self.layout.dense_kernel.clone()]
    }
    pub fn dense_bias(&self) -> &[f32] {
        &self.params[self.layout.dense_bias.clone()]
    }
    pub fn recurrent_kernel_mut(&mut self) -> &mut [f32] {
        let r = self.layout.recurrent_kernel.clone();
        &mut self.params[r]
    }
    pub fn bias_mut(&mut self) -> &mut [f32] {
        let r = self.layout.bias.clone();
        &mut self.params[r]
    }

    /// W_hh as the page shows it: the U×U block of the recurrent kernel that maps h_{t-1}
    /// into gate `gate`, transposed into the seed's column-vector convention
    /// (W_hh[i][j] = recurrent_kernel[j][gate·U + i]).
    pub fn w_hh(&self, gate: usize) -> Vec<f32> {
        let u = self.spec.units;
        let ku = self.spec.cell.gates() * u;
        let rk = self.recurrent_kernel();
        let mut w = vec![0.0; u * u];
        for i in 0..u {
            for j in 0..u {
                w[i * u + j] = rk[j * ku + gate * u + i];
            }
        }
        w
    }
}

/// The output layers by name.
impl crate::settings::Choices for OutputKind {
    const ALL: &'static [Self] = &[OutputKind::Softmax, OutputKind::Linear];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_of_a_gru_with_two_bias_rows() {
        let spec = Spec { cell: CellKind::Gru { reset_after: true }, input_size: 3, units: 4, output_size: 2, output: OutputKind::Linear };
        let l = spec.layout();
        assert_eq!(l.kernel, 0..36);
        assert_eq!(l.recurrent_kernel, 36..84);
        assert_eq!(l.bias, 84..108);
        assert_eq!(l.dense_kernel, 108..116);
        assert_eq!(l.dense_bias, 116..118);
        assert_eq!(l.tensor("bias").unwrap().shape, vec![2, 12]);
    }

    #[test]
    fn zero_units_is_an_error_naming_the_field() {
        let spec = Spec { cell: CellKind::Lstm, input_size: 3, units: 0, output_size: 2, output: OutputKind::Linear };
        let err = Model::zeros(spec).unwrap_err().to_string();
        assert!(err.contains("units"), "{err}");
    }
}
