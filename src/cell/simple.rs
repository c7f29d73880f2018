//! The simple (Elman) RNN cell, the seed's formula, one time step forward and back.
//!
//! Forward, for a batch of B row vectors (Keras's h·W convention):
//!
//! ```text
//! z_t = x_t W + b + h_{t-1} U          pre-activation        [B×U]
//! h_t = f(z_t)                          hidden state          [B×U]
//! ```
//!
//! which is h_t = f(W_hh h_{t-1} + W_xh x_t + b_h) with W_hh = Uᵀ, W_xh = Wᵀ.
//!
//! Backward, given dh_t = dL/dh_t (through the output at t and all later steps):
//!
//! ```text
//! dz_t     = dh_t ⊙ f'(z_t)             the error signal δ_t
//! dh_{t-1} = dz_t Uᵀ                    carried to the step before
//! dU      += h_{t-1}ᵀ dz_t,  dW += x_tᵀ dz_t,  db += Σ_batch dz_t   (done for all steps at once)
//! ```

use super::{Saved, Step, StepGrads, Weights};
use crate::activation::Activation;
use crate::linalg::{gemm_acc, View};

/// One step forward. On entry `step.z` holds x_t W + b; on exit the pre-activation z_t.
pub fn forward_step(act: Activation, w: &Weights, step: Step) {
    let u = w.units;
    let b = step.h_prev.len() / u;
    // z_t += h_{t-1} U
    gemm_acc(b, u, u, View::rows(step.h_prev, u), w.recurrent, u, step.z, u);
    for (h, &z) in step.h.iter_mut().zip(step.z.iter()) {
        *h = act.apply(z);
    }
}

/// One step back: dz_t = dh_t ⊙ f'(z_t), dh_{t-1} = dz_t Uᵀ.
pub fn backward_step(act: Activation, w: &Weights, saved: Saved, g: StepGrads) {
    let u = w.units;
    let b = saved.h.len() / u;
    for ((dz, &dh), &h) in g.dzx.iter_mut().zip(g.dh.iter()).zip(saved.h.iter()) {
        *dz = dh * act.derivative_from_output(h);
    }
    g.dh_prev.fill(0.0);
    gemm_acc(b, u, u, View::rows(g.dzx, u), w.recurrent_t, u, g.dh_prev, u);
}

/// One input, one unit, one step, worked out by hand: U = 0.5, h_{t-1} = 0.2 and
/// x_t W + b = 0.3 give z = 0.3 + 0.2·0.5 = 0.4, h = tanh 0.4 = 0.3799490; with dh = 1,
/// dz = 1 - h² = 0.8556388 and dh_{t-1} = dz·U = 0.4278194.
#[cfg(test)]
mod tests {
    use super::super::{close, worked_step};
    use crate::activation::Activation;
    use crate::model::CellKind;

    #[test]
    fn one_unit_by_hand() {
        let s = worked_step(CellKind::SimpleRnn { activation: Activation::Tanh }, &[0.5], &[], &[0.3], 0.2, 0.0, 0.0);
        close(&s.z, &[0.4]);
        close(&[s.h, s.dh_prev], &[0.3799490, 0.4278194]);
        close(&s.dzx, &[0.8556388]);
    }
}
