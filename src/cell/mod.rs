//! Recurrent cells: one time step forward and one time step back, for a batch of B
//! sequences at once. Cells know nothing about time; the loop over steps is in
//! [`crate::network`] (forward) and [`crate::bptt`] (backward).
//!
//! Each step's input projection x_t W + b is computed for all steps before the loop
//! (it does not depend on h), so a step only multiplies by the recurrent kernel U.

pub mod gru;
pub mod lstm;
pub mod simple;

use crate::linalg::{add_column_sums, gemm_acc, View};
use crate::model::{CellKind, Model};

/// Row `r` of a buffer of rows `width` wide (a sequence of a batch, a step of a sequence).
#[inline]
pub fn row(v: &[f32], r: usize, width: usize) -> &[f32] {
    &v[r * width..(r + 1) * width]
}

/// Row `r` of a buffer of rows `width` wide, to write.
#[inline]
pub fn row_mut(v: &mut [f32], r: usize, width: usize) -> &mut [f32] {
    &mut v[r * width..(r + 1) * width]
}

/// A row of k·U gate values cut into its k gate blocks, U wide each, in kernel order
/// (LSTM: i, f, c, o; GRU: z, r, h), so a cell names its gates instead of its offsets.
#[inline]
pub fn gates<const K: usize>(row: &[f32], u: usize) -> [&[f32]; K] {
    let mut blocks = row.chunks_exact(u);
    std::array::from_fn(|_| blocks.next().expect("a row holds K blocks of U"))
}

/// As [`gates`], to write.
#[inline]
pub fn gates_mut<const K: usize>(row: &mut [f32], u: usize) -> [&mut [f32]; K] {
    let mut blocks = row.chunks_exact_mut(u);
    std::array::from_fn(|_| blocks.next().expect("a row holds K blocks of U"))
}

/// The recurrent weights a step needs.
#[derive(Clone, Copy)]
pub struct Weights<'a> {
    /// U, the number of hidden units.
    pub units: usize,
    /// U as Keras stores it: recurrent_kernel [U×kU].
    pub recurrent: &'a [f32],
    /// Uᵀ [kU×U], so that dh_{t-1} = da Uᵀ is a row-major product (backward only).
    pub recurrent_t: &'a [f32],
    /// b_rec [3U] of the GRU with reset_after; empty otherwise.
    pub recurrent_bias: &'a [f32],
}

impl<'a> Weights<'a> {
    /// The recurrent weights of `model`; `recurrent_t` is Uᵀ for a backward step (empty
    /// for a forward one).
    pub fn of(model: &'a Model, recurrent_t: &'a [f32]) -> Self {
        let ku = model.spec.cell.gates() * model.spec.units;
        let recurrent_bias = if has_separate_recurrent_grad(model.spec.cell) { &model.bias()[ku..2 * ku] } else { &[] };
        Weights { units: model.spec.units, recurrent: model.recurrent_kernel(), recurrent_t, recurrent_bias }
    }
}

/// The buffers one forward step reads and writes (B rows each).
pub struct Step<'a> {
    /// h_{t-1} [B×U].
    pub h_prev: &'a [f32],
    /// c_{t-1} [B×U] (LSTM; empty otherwise).
    pub c_prev: &'a [f32],
    /// In: x_t W + b [B×kU]. Out: the pre-activation (simple RNN) or the gate activations.
    pub z: &'a mut [f32],
    /// Out: h_t [B×U].
    pub h: &'a mut [f32],
    /// Out: c_t [B×U] (LSTM).
    pub c: &'a mut [f32],
    /// Out: what the backward step needs besides the gates [B×U] (LSTM tanh c_t; GRU ĥ_h or r⊙h).
    pub aux: &'a mut [f32],
}

/// What the forward step kept, read by the backward step.
#[derive(Clone, Copy)]
pub struct Saved<'a> {
    pub h_prev: &'a [f32],
    pub c_prev: &'a [f32],
    pub z: &'a [f32],
    pub h: &'a [f32],
    pub aux: &'a [f32],
}

/// The gradients one backward step reads and writes.
pub struct StepGrads<'a> {
    /// In: dL/dh_t [B×U], through the output at t and every later step.
    pub dh: &'a [f32],
    /// In: dL/dc_t; out: dL/dc_{t-1} [B×U] (LSTM).
    pub dc: &'a mut [f32],
    /// Out: dL/d(x_t W + b) [B×kU], the gradient of the input-side pre-activations.
    pub dzx: &'a mut [f32],
    /// Out: dL/d(h_{t-1} U + b_rec) [B×kU] (GRU reset_after only).
    pub dzrec: &'a mut [f32],
    /// Out: dL/dh_{t-1} [B×U] (the part through this step).
    pub dh_prev: &'a mut [f32],
    /// Work space [B×kU].
    pub scratch: &'a mut [f32],
}

/// For the worked steps beside each cell: `got` within 1e-6 of `want`, number by number.
#[cfg(test)]
fn close(got: &[f32], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{got:?} against {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!((*g as f64 - w).abs() < 1e-6, "{got:?} against {want:?}");
    }
}

/// What one step of one unit computed, forward (the gates or the pre-activation, h, c) and
/// back (dzx, dzrec, dc_{t-1}, dh_{t-1}).
#[cfg(test)]
struct Worked {
    z: Vec<f32>,
    h: f32,
    c: f32,
    dzx: Vec<f32>,
    dzrec: Vec<f32>,
    dc: f32,
    dh_prev: f32,
}

/// One step of `cell` with one input and one unit, forward from `h_prev` and `c_prev` with
/// `z_in` = x_t W + b, then back with dh = 1 and dc = `dc` (the worked steps beside each cell).
#[cfg(test)]
fn worked_step(cell: CellKind, recurrent: &[f32], recurrent_bias: &[f32], z_in: &[f32], h_prev: f32, c_prev: f32, dc: f32) -> Worked {
    let w = Weights { units: 1, recurrent, recurrent_t: recurrent, recurrent_bias };
    let (mut z, mut h, mut c, mut aux, mut scratch) = (z_in.to_vec(), [0.0f32], [0.0f32], [0.0f32], vec![0.0f32; z_in.len()]);
    forward_step(cell, &w, Step { h_prev: &[h_prev], c_prev: &[c_prev], z: &mut z, h: &mut h, c: &mut c, aux: &mut aux }, &mut scratch);
    let (mut dzx, mut dzrec, mut dc, mut dh_prev) = (vec![0.0f32; z.len()], vec![0.0f32; z.len()], [dc], [0.0f32]);
    let saved = Saved { h_prev: &[h_prev], c_prev: &[c_prev], z: &z, h: &h, aux: &aux };
    backward_step(cell, &w, saved, StepGrads { dh: &[1.0], dc: &mut dc, dzx: &mut dzx, dzrec: &mut dzrec, dh_prev: &mut dh_prev, scratch: &mut scratch });
    Worked { h: h[0], c: c[0], dzx, dzrec, dc: dc[0], dh_prev: dh_prev[0], z }
}

/// One step forward for any cell.
pub fn forward_step(cell: CellKind, w: &Weights, step: Step, scratch: &mut [f32]) {
    match cell {
        CellKind::SimpleRnn { activation } => simple::forward_step(activation, w, step),
        CellKind::Lstm => lstm::forward_step(w, step),
        CellKind::Gru { reset_after } => gru::forward_step(reset_after, w, step, scratch),
    }
}

/// One step back for any cell.
pub fn backward_step(cell: CellKind, w: &Weights, saved: Saved, g: StepGrads) {
    match cell {
        CellKind::SimpleRnn { activation } => simple::backward_step(activation, w, saved, g),
        CellKind::Lstm => lstm::backward_step(w, saved, g),
        CellKind::Gru { reset_after } => gru::backward_step(reset_after, w, saved, g),
    }
}

/// Whether the recurrent side has its own pre-activation gradient (GRU reset_after).
pub fn has_separate_recurrent_grad(cell: CellKind) -> bool {
    matches!(cell, CellKind::Gru { reset_after: true })
}

/// The gradients of the recurrent kernel (and recurrent bias) from all rows at once
/// (rows = every step of every sequence), after the backward loop:
///
/// ```text
/// dU += H_prevᵀ dA            (simple RNN, LSTM; GRU reset_after with dA = dzrec)
/// dU_{z,r} += H_prevᵀ dA_{z,r},  dU_h += (R ⊙ H_prev)ᵀ dA_h      (GRU reset_before)
/// db_rec += Σ_rows dzrec      (GRU reset_after)
/// ```
#[allow(clippy::too_many_arguments)]
pub fn recurrent_grads(
    cell: CellKind,
    units: usize,
    rows: usize,
    h_prev: &[f32],
    aux: &[f32],
    dzx: &[f32],
    dzrec: &[f32],
    d_recurrent: &mut [f32],
    d_recurrent_bias: &mut [f32],
) {
    let u = units;
    let ku = cell.gates() * u;
    match cell {
        CellKind::SimpleRnn { .. } | CellKind::Lstm => {
            gemm_acc(u, ku, rows, View::transposed(h_prev, u), dzx, ku, d_recurrent, ku);
        }
        CellKind::Gru { reset_after: true } => {
            gemm_acc(u, ku, rows, View::transposed(h_prev, u), dzrec, ku, d_recurrent, ku);
            add_column_sums(rows, ku, dzrec, d_recurrent_bias);
        }
        CellKind::Gru { reset_after: false } => {
            gemm_acc(u, 2 * u, rows, View::transposed(h_prev, u), dzx, ku, d_recurrent, ku);
            gemm_acc(u, u, rows, View::transposed(aux, u), &dzx[2 * u..], ku, &mut d_recurrent[2 * u..], ku);
        }
    }
}
