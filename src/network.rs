//! The unrolled network: the loop over time steps, forward.
//!
//! Buffers are time-major ([T][B][·]): the B rows of one step sit together, so a step is
//! one matrix product over the batch, and the input projection and the output layer are
//! each one product over all T·B rows. All buffers live in a [`Workspace`] that is reused
//! between calls, so nothing is allocated inside the time loop.

use crate::cell::{self, Step, Weights};
use crate::linalg::{gemm_acc, View};
use crate::model::{CellKind, Model, OutputKind, Spec};

/// The inputs x_1..x_T of a batch of B sequences.
#[derive(Debug, Clone, Copy)]
pub enum Inputs<'a> {
    /// Real vectors, [T][B][I] time-major.
    Dense(&'a [f32]),
    /// Token ids, [T][B]: x_t is the one-hot vector of the id, so x_t W is row `id` of W.
    OneHot(&'a [u32]),
}

impl Inputs<'_> {
    /// Number of (step, sequence) rows.
    pub fn rows(&self, input_size: usize) -> usize {
        match self {
            Inputs::Dense(x) => x.len() / input_size,
            Inputs::OneHot(ids) => ids.len(),
        }
    }
}

/// Everything a forward pass computes and a backward pass needs, for T steps of B sequences.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// T, B, U, k·U, O of the current contents.
    pub steps: usize,
    pub batch: usize,
    units: usize,
    ku: usize,
    outputs_len: usize,
    /// Per step: the pre-activation (simple RNN) or the gate activations [T][B][k·U].
    pub z: Vec<f32>,
    /// h_0..h_T [T+1][B][U]; slot 0 is the initial state.
    pub h: Vec<f32>,
    /// c_0..c_T [T+1][B][U] (LSTM only; empty otherwise).
    pub c: Vec<f32>,
    /// What the backward step needs besides the gates [T][B][U] (see [`cell::Step::aux`]).
    pub aux: Vec<f32>,
    /// y_t = h_t W_hy + b_y before the softmax [T][B][O].
    pub logits: Vec<f32>,
    /// The outputs after softmax or identity [T][B][O].
    pub outputs: Vec<f32>,
    pub(crate) scratch: Vec<f32>,
    // Backward buffers (filled by `bptt`).
    /// dL/dy_t (logits) [T][B][O].
    pub d_logits: Vec<f32>,
    /// dL/dh_t through the output at t only [T][B][U].
    pub(crate) dh_out: Vec<f32>,
    /// dL/d(x_t W + b) for every step [T][B][k·U].
    pub dzx: Vec<f32>,
    pub(crate) dzrec: Vec<f32>,
    /// dL/dh_t for every step, total (through the output and all later steps) [T][B][U].
    pub dh: Vec<f32>,
    pub(crate) dh_next: Vec<f32>,
    pub(crate) dc: Vec<f32>,
    pub(crate) recurrent_t: Vec<f32>,
    pub(crate) dense_t: Vec<f32>,
    /// ‖dL/dh_t‖ for every step [T] (over the whole batch).
    pub dh_norms: Vec<f32>,
}

impl Workspace {
    /// An upper bound of the numbers a forward and backward pass keeps for one step of
    /// one sequence (inputs, gates, states, outputs and their gradients), for the memory
    /// budget ([`crate::settings::limits::check_workspace`]).
    pub fn floats_per_step(spec: &crate::model::Spec) -> u64 {
        let (i, u, o) = (spec.input_size as u64, spec.units as u64, spec.output_size as u64);
        let ku = spec.cell.gates() as u64 * u;
        2 * i + 4 * ku + 6 * u + 4 * o
    }
}

fn fit(v: &mut Vec<f32>, len: usize) {
    if v.len() != len {
        v.resize(len, 0.0);
    }
}

impl Workspace {
    /// An empty workspace; buffers grow on first use.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sizes every buffer for T steps of B sequences of this network.
    pub fn prepare(&mut self, spec: &Spec, steps: usize, batch: usize) {
        let (u, o) = (spec.units, spec.output_size);
        let ku = spec.cell.gates() * u;
        self.steps = steps;
        self.batch = batch;
        self.units = u;
        self.ku = ku;
        self.outputs_len = o;
        let rows = steps * batch;
        fit(&mut self.z, rows * ku);
        fit(&mut self.h, (steps + 1) * batch * u);
        let lstm = spec.cell == CellKind::Lstm;
        fit(&mut self.c, if lstm { (steps + 1) * batch * u } else { 0 });
        fit(&mut self.aux, rows * u);
        fit(&mut self.logits, rows * o);
        fit(&mut self.outputs, rows * o);
        fit(&mut self.scratch, batch * ku);
        fit(&mut self.d_logits, rows * o);
        fit(&mut self.dh_out, rows * u);
        fit(&mut self.dzx, rows * ku);
        fit(&mut self.dzrec, if cell::has_separate_recurrent_grad(spec.cell) { rows * ku } else { 0 });
        fit(&mut self.dh, rows * u);
        fit(&mut self.dh_next, batch * u);
        fit(&mut self.dc, if lstm { batch * u } else { 0 });
        fit(&mut self.recurrent_t, ku * u);
        fit(&mut self.dense_t, o * u);
        fit(&mut self.dh_norms, steps);
    }

    /// h_t of every step, without h_0: [T][B][U].
    pub fn hidden(&self) -> &[f32] {
        &self.h[self.batch * self.units..]
    }

    /// c_t of every step, without c_0: [T][B][U] (LSTM; empty otherwise).
    pub fn cell_state(&self) -> &[f32] {
        if self.c.is_empty() {
            &[]
        } else {
            &self.c[self.batch * self.units..]
        }
    }

    /// The state after the last step: (h_T, c_T), [B][U] each (c empty unless LSTM).
    pub fn final_state(&self) -> (&[f32], &[f32]) {
        let bu = self.batch * self.units;
        let h = &self.h[self.steps * bu..(self.steps + 1) * bu];
        let c = if self.c.is_empty() { &[][..] } else { &self.c[self.steps * bu..(self.steps + 1) * bu] };
        (h, c)
    }
}

/// The initial state of a forward pass.
#[derive(Debug, Clone, Copy, Default)]
pub enum Initial<'a> {
    /// h_0 = 0 (and c_0 = 0).
    #[default]
    Zero,
    /// h_0 and c_0 given, [B][U] each (c empty unless LSTM), as when truncated BPTT
    /// carries the state from one window to the next.
    State(&'a [f32], &'a [f32]),
}

/// Runs the network over T steps of B sequences and fills `ws`:
///
/// ```text
/// for t = 1..T:  h_t = cell(x_t, h_{t-1})
/// y_t = h_t W_hy + b_y,  outputs_t = softmax(y_t) or y_t
/// ```
pub fn forward(model: &Model, inputs: Inputs, steps: usize, batch: usize, initial: Initial, ws: &mut Workspace) {
    let spec = model.spec;
    let (i, u) = (spec.input_size, spec.units);
    let ku = spec.cell.gates() * u;
    let rows = steps * batch;
    assert_eq!(inputs.rows(i), rows, "forward: inputs do not match T×B");
    ws.prepare(&spec, steps, batch);

    input_projection(model, inputs, rows, &mut ws.z);

    let bu = batch * u;
    match initial {
        Initial::Zero => {
            ws.h[..bu].fill(0.0);
            if !ws.c.is_empty() {
                ws.c[..bu].fill(0.0);
            }
        }
        Initial::State(h0, c0) => {
            ws.h[..bu].copy_from_slice(h0);
            if !ws.c.is_empty() {
                ws.c[..bu].copy_from_slice(c0);
            }
        }
    }

    let w = Weights::of(model, &[]);
    let lstm = !ws.c.is_empty();
    for t in 0..steps {
        let (h_before, h_after) = ws.h.split_at_mut((t + 1) * bu);
        let (c_prev, c): (&[f32], &mut [f32]) = if lstm {
            let (before, after) = ws.c.split_at_mut((t + 1) * bu);
            (&before[t * bu..], &mut after[..bu])
        } else {
            (&[], &mut [])
        };
        let step = Step {
            h_prev: &h_before[t * bu..],
            c_prev,
            z: &mut ws.z[t * batch * ku..(t + 1) * batch * ku],
            h: &mut h_after[..bu],
            c,
            aux: &mut ws.aux[t * bu..(t + 1) * bu],
        };
        cell::forward_step(spec.cell, &w, step, &mut ws.scratch);
    }

    output_layer(model, rows, &ws.h[bu..], &mut ws.logits, &mut ws.outputs);
}

/// x_t W + b for every row at once (b is the input bias row).
pub(crate) fn input_projection(model: &Model, inputs: Inputs, rows: usize, z: &mut [f32]) {
    let i = model.spec.input_size;
    let ku = model.spec.cell.gates() * model.spec.units;
    let kernel = model.kernel();
    let b_in = &model.bias()[..ku];
    match inputs {
        Inputs::Dense(x) => {
            for row in z.chunks_exact_mut(ku) {
                row.copy_from_slice(b_in);
            }
            gemm_acc(rows, ku, i, View::rows(x, i), kernel, ku, z, ku);
        }
        Inputs::OneHot(ids) => {
            // A one-hot x_t picks one row of W; the sum b + W[id] is what the product gives.
            for (row, &id) in z.chunks_exact_mut(ku).zip(ids) {
                let w_row = &kernel[id as usize * ku..(id as usize + 1) * ku];
                for ((zv, &bv), &wv) in row.iter_mut().zip(b_in).zip(w_row) {
                    *zv = bv + wv;
                }
            }
        }
    }
}

/// y_t = h_t W_hy + b_y for every row, then softmax or identity.
pub(crate) fn output_layer(model: &Model, rows: usize, hidden: &[f32], logits: &mut [f32], outputs: &mut [f32]) {
    let (u, o) = (model.spec.units, model.spec.output_size);
    for row in logits.chunks_exact_mut(o) {
        row.copy_from_slice(model.dense_bias());
    }
    gemm_acc(rows, o, u, View::rows(hidden, u), model.dense_kernel(), o, logits, o);
    match model.spec.output {
        OutputKind::Linear => outputs.copy_from_slice(logits),
        OutputKind::Softmax => {
            for (p, y) in outputs.chunks_exact_mut(o).zip(logits.chunks_exact(o)) {
                softmax(y, p);
            }
        }
    }
}

/// p = softmax(y), with the maximum subtracted first so exp cannot overflow.
pub fn softmax(y: &[f32], p: &mut [f32]) {
    let max = y.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0f32;
    for (pv, &yv) in p.iter_mut().zip(y) {
        *pv = libm::expf(yv - max);
        sum += *pv;
    }
    for pv in p.iter_mut() {
        *pv /= sum;
    }
}
