//! Backpropagation through time: one reverse loop over the steps that carries dh_next
//! (and dc_next for the LSTM), as in Karpathy's min-char-rnn.
//!
//! ```text
//! dh_next = 0
//! for t = T..1:
//!     dh_t = W_hyᵀ dL/dy_t + dh_next        everything that h_t influenced: its output, and step t+1
//!     ‖dh_t‖ is recorded                    (this norm is what vanishes or explodes)
//!     da_t, dh_next = cell.backward(dh_t)   δ_t = dh_t ⊙ f'(·);  dh_{t-1} = δ_t W_hh
//! then, for all steps at once:
//!     dW_xh = Σ_t x_tᵀ da_t,  dW_hh = Σ_t h_{t-1}ᵀ da_t,  db_h = Σ_t da_t
//! ```
//!
//! The weight gradients are left outside the loop: they are sums over t, so one matrix
//! product over all T·B rows does them faster than T small ones.

use crate::cell::{self, row, row_mut, Saved, StepGrads, Weights};
use crate::linalg::{add_column_sums, gemm_acc, norm, transpose, View};
use crate::model::{CellKind, Model};
use crate::network::{Inputs, Workspace};

/// Adds dL/dweights to `grads` (laid out like `model.params`) and fills `ws.dh` and
/// `ws.dh_norms`. `ws` must hold a forward pass and `ws.d_logits` the loss gradient.
pub fn backward(model: &Model, inputs: Inputs, ws: &mut Workspace, grads: &mut [f32]) {
    let spec = model.spec;
    let (u, o) = (spec.units, spec.output_size);
    let ku = spec.cell.gates() * u;
    let (steps, batch) = (ws.steps, ws.batch);
    let rows = steps * batch;
    let bu = batch * u;
    let layout = &model.layout;
    assert_eq!(grads.len(), layout.len);

    // The output layer, all rows at once: dW_hy += Hᵀ dY, db_y += Σ dY, dH_out = dY W_hyᵀ.
    let hidden = &ws.h[bu..];
    gemm_acc(u, o, rows, View::transposed(hidden, u), &ws.d_logits, o, &mut grads[layout.dense_kernel.clone()], o);
    add_column_sums(rows, o, &ws.d_logits, &mut grads[layout.dense_bias.clone()]);
    transpose(u, o, model.dense_kernel(), &mut ws.dense_t);
    ws.dh_out.fill(0.0);
    gemm_acc(rows, u, o, View::rows(&ws.d_logits, o), &ws.dense_t, u, &mut ws.dh_out, u);

    // The reverse loop.
    transpose(u, ku, model.recurrent_kernel(), &mut ws.recurrent_t);
    let w = Weights::of(model, &ws.recurrent_t);
    let lstm = spec.cell == CellKind::Lstm;
    ws.dh_next.fill(0.0);
    ws.dc.fill(0.0);
    // Each buffer holds one block per step: B·U numbers (states) or B·kU (gates).
    let bku = batch * ku;
    for t in (0..steps).rev() {
        let dh = row_mut(&mut ws.dh, t, bu);
        for ((d, &out), &next) in dh.iter_mut().zip(row(&ws.dh_out, t, bu)).zip(&ws.dh_next) {
            *d = out + next;
        }
        ws.dh_norms[t] = norm(dh) as f32;
        // h and c hold h_0..h_T: step t reads block t (h_{t-1}) and writes block t + 1.
        let saved = Saved {
            h_prev: row(&ws.h, t, bu),
            c_prev: if lstm { row(&ws.c, t, bu) } else { &[] },
            z: row(&ws.z, t, bku),
            h: row(&ws.h, t + 1, bu),
            aux: row(&ws.aux, t, bu),
        };
        let dzrec: &mut [f32] = if ws.dzrec.is_empty() { &mut [] } else { row_mut(&mut ws.dzrec, t, bku) };
        let g = StepGrads { dh, dc: &mut ws.dc, dzx: row_mut(&mut ws.dzx, t, bku), dzrec, dh_prev: &mut ws.dh_next, scratch: &mut ws.scratch };
        cell::backward_step(spec.cell, &w, saved, g);
    }

    // The weight gradients, all rows at once.
    let ku_bias = layout.bias.start..layout.bias.start + ku;
    add_column_sums(rows, ku, &ws.dzx, &mut grads[ku_bias]);
    let d_kernel = &mut grads[layout.kernel.clone()];
    match inputs {
        Inputs::Dense(x) => {
            gemm_acc(spec.input_size, ku, rows, View::transposed(x, spec.input_size), &ws.dzx, ku, d_kernel, ku);
        }
        Inputs::OneHot(ids) => {
            // x_tᵀ da_t is da_t placed in row `id`: a scatter-add.
            for (&id, da) in ids.iter().zip(ws.dzx.chunks_exact(ku)) {
                let row = &mut d_kernel[id as usize * ku..(id as usize + 1) * ku];
                for (g, &d) in row.iter_mut().zip(da) {
                    *g += d;
                }
            }
        }
    }
    let (d_rec, d_rec_bias) = split_recurrent(grads, model, ku);
    cell::recurrent_grads(spec.cell, u, rows, &ws.h[..rows * u], &ws.aux, &ws.dzx, &ws.dzrec, d_rec, d_rec_bias);
}

/// The recurrent kernel's gradient and the recurrent bias row's (GRU reset_after; else empty).
fn split_recurrent<'g>(grads: &'g mut [f32], model: &Model, ku: usize) -> (&'g mut [f32], &'g mut [f32]) {
    let layout = &model.layout;
    // recurrent_kernel comes right before bias in the layout.
    let (left, right) = grads.split_at_mut(layout.bias.start);
    let d_rec = &mut left[layout.recurrent_kernel.clone()];
    let d_rec_bias: &mut [f32] = if cell::has_separate_recurrent_grad(model.spec.cell) { &mut right[ku..2 * ku] } else { &mut [] };
    (d_rec, d_rec_bias)
}
