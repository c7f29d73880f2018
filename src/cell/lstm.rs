//! The LSTM cell (Hochreiter and Schmidhuber 1997, with the forget gate of Gers et al.
//! 2000), exactly as Keras computes it: gate order i, f, c, o, logistic-sigmoid gates,
//! tanh for the candidate and the output, no peepholes.
//!
//! Forward, for a batch of B row vectors, a = x_t W + b + h_{t-1} U split in four U-wide blocks:
//!
//! ```text
//! i_t = σ(a_i)     input gate          how much of the candidate to write
//! f_t = σ(a_f)     forget gate         how much of the old cell state to keep
//! g_t = tanh(a_c)  candidate           what to write
//! o_t = σ(a_o)     output gate         how much of the cell to show
//! c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
//! h_t = o_t ⊙ tanh(c_t)
//! ```
//!
//! Backward, given dh_t and dc_t (the cell gradient from step t+1):
//!
//! ```text
//! do   = dh_t ⊙ tanh(c_t)
//! dc   = dc_t + dh_t ⊙ o_t ⊙ (1 - tanh²(c_t))
//! di   = dc ⊙ g_t,   dg = dc ⊙ i_t,   df = dc ⊙ c_{t-1}
//! da   = [di ⊙ i(1-i), df ⊙ f(1-f), dg ⊙ (1-g²), do ⊙ o(1-o)]
//! dc_{t-1} = dc ⊙ f_t                   the "constant error carousel": no matrix, no squashing
//! dh_{t-1} = da Uᵀ
//! ```

use super::{gates, gates_mut, row, row_mut, Saved, Step, StepGrads, Weights};
use crate::activation::sigmoid;
use crate::linalg::{gemm_acc, View};

/// One step forward. On entry `step.z` holds x_t W + b; on exit the gate activations
/// [i, f, g, o]; `step.c` gets c_t and `step.aux` gets tanh(c_t).
pub fn forward_step(w: &Weights, step: Step) {
    let u = w.units;
    let ku = 4 * u;
    let b = step.h_prev.len() / u;
    gemm_acc(b, ku, u, View::rows(step.h_prev, u), w.recurrent, ku, step.z, ku);
    for r in 0..b {
        let [i, f, g, o] = gates_mut::<4>(row_mut(step.z, r, ku), u);
        let c_prev = row(step.c_prev, r, u);
        let c = row_mut(step.c, r, u);
        let tanh_c = row_mut(step.aux, r, u);
        let h = row_mut(step.h, r, u);
        for j in 0..u {
            i[j] = sigmoid(i[j]);
            f[j] = sigmoid(f[j]);
            g[j] = crate::activation::tanh(g[j]);
            o[j] = sigmoid(o[j]);
            c[j] = f[j] * c_prev[j] + i[j] * g[j];
            tanh_c[j] = crate::activation::tanh(c[j]);
            h[j] = o[j] * tanh_c[j];
        }
    }
}

/// One step back. `g.dc` holds dL/dc_t on entry and dL/dc_{t-1} on exit.
pub fn backward_step(w: &Weights, saved: Saved, g: StepGrads) {
    let u = w.units;
    let ku = 4 * u;
    let b = saved.h.len() / u;
    for r in 0..b {
        let [i, f, gg, o] = gates::<4>(row(saved.z, r, ku), u);
        let [da_i, da_f, da_c, da_o] = gates_mut::<4>(row_mut(g.dzx, r, ku), u);
        // What the forward step kept (c_{t-1}, tanh c_t), and the gradients in and out.
        let (c_prev, tanh_c) = (row(saved.c_prev, r, u), row(saved.aux, r, u));
        let (dh, dc_io) = (row(g.dh, r, u), row_mut(g.dc, r, u));
        for j in 0..u {
            let tc = tanh_c[j];
            let d_o = dh[j] * tc;
            let dc = dc_io[j] + dh[j] * o[j] * (1.0 - tc * tc);
            da_i[j] = dc * gg[j] * i[j] * (1.0 - i[j]);
            da_f[j] = dc * c_prev[j] * f[j] * (1.0 - f[j]);
            da_c[j] = dc * i[j] * (1.0 - gg[j] * gg[j]);
            da_o[j] = d_o * o[j] * (1.0 - o[j]);
            dc_io[j] = dc * f[j];
        }
    }
    g.dh_prev.fill(0.0);
    gemm_acc(b, u, ku, View::rows(g.dzx, ku), w.recurrent_t, u, g.dh_prev, u);
}

/// One input, one unit, one step, worked out by hand. U = [0.1, 0.2, 0.3, 0.4] (i, f, c, o),
/// h_{t-1} = 0.5, c_{t-1} = 0.25, x_t W + b = [0, 0.5, -0.5, 1]:
///
/// ```text
/// a = x W + b + h U         = [0.05, 0.6, -0.35, 1.2]
/// i = σ(0.05) = 0.5124974   f = σ(0.6) = 0.6456563   g = tanh(-0.35) = -0.3363755   o = σ(1.2) = 0.7685248
/// c = f·0.25 + i·g          = -0.0109775
/// h = o·tanh c              = -0.0084362
/// ```
///
/// Back with dh = 1 and dc = 0.5: dc' = 0.5 + o(1 - tanh²c) = 1.2684322, so
/// da = [dc'·g·i(1-i), dc'·c_{t-1}·f(1-f), dc'·i(1-g²), tanh c·o(1-o)]
///    = [-0.1066008, 0.0725493, 0.5765139, -0.0019528], dc_{t-1} = dc'·f = 0.8189712 and
/// dh_{t-1} = da·Uᵀ = 0.1760229.
#[cfg(test)]
mod tests {
    use super::super::{close, worked_step};
    use crate::model::CellKind;

    #[test]
    fn one_unit_by_hand() {
        let s = worked_step(CellKind::Lstm, &[0.1, 0.2, 0.3, 0.4], &[], &[0.0, 0.5, -0.5, 1.0], 0.5, 0.25, 0.5);
        close(&s.z, &[0.5124974, 0.6456563, -0.3363755, 0.7685248]);
        close(&[s.c, s.h], &[-0.0109775, -0.0084362]);
        close(&s.dzx, &[-0.1066008, 0.0725493, 0.5765139, -0.0019528]);
        close(&[s.dc, s.dh_prev], &[0.8189712, 0.1760229]);
    }
}
