//! The GRU cell (Cho et al. 2014) as Keras computes it: gate order z, r, h, logistic-sigmoid
//! gates, tanh candidate, and h_t = z ⊙ h_{t-1} + (1 - z) ⊙ h̃ (Keras keeps the old state
//! where z is 1).
//!
//! Two variants differ in where the reset gate r acts:
//!
//! ```text
//! reset_after = true (TF2 Keras default; bias has two rows b_in, b_rec):
//!   x̂ = x_t W + b_in,   ĥ = h_{t-1} U + b_rec           (both [B×3U], blocks z, r, h)
//!   z = σ(x̂_z + ĥ_z),  r = σ(x̂_r + ĥ_r)
//!   h̃ = tanh(x̂_h + r ⊙ ĥ_h)
//!
//! reset_after = false (Cho et al.; TensorFlow.js; one bias row b):
//!   x̂ = x_t W + b
//!   z = σ(x̂_z + h_{t-1} U_z),  r = σ(x̂_r + h_{t-1} U_r)
//!   h̃ = tanh(x̂_h + (r ⊙ h_{t-1}) U_h)
//!
//! both:  h_t = z ⊙ h_{t-1} + (1 - z) ⊙ h̃
//! ```
//!
//! Backward, given dh_t:
//!
//! ```text
//! dh̃ = dh_t ⊙ (1 - z),  dz = dh_t ⊙ (h_{t-1} - h̃)
//! da_h = dh̃ ⊙ (1 - h̃²),  da_z = dz ⊙ z(1 - z)
//! after:  dr = da_h ⊙ ĥ_h;              the recurrent side sees [da_z, da_r, da_h ⊙ r]
//!         dh_{t-1} = dh_t ⊙ z + [da_z, da_r, da_h ⊙ r] Uᵀ
//! before: d(r⊙h) = da_h U_hᵀ,  dr = d(r⊙h) ⊙ h_{t-1}
//!         dh_{t-1} = dh_t ⊙ z + d(r⊙h) ⊙ r + [da_z, da_r] [U_z, U_r]ᵀ
//! da_r = dr ⊙ r(1 - r)
//! ```

use super::{gates, gates_mut, row, row_mut, Saved, Step, StepGrads, Weights};
use crate::activation::sigmoid;
use crate::linalg::{gemm_acc, View};

/// One step forward. On entry `step.z` holds x̂ = x_t W + b_in; on exit the gates [z, r, h̃].
/// `step.aux` keeps ĥ_h (reset_after) or r ⊙ h_{t-1} (reset_before) for the backward step.
/// `scratch` is [B×3U].
pub fn forward_step(reset_after: bool, w: &Weights, step: Step, scratch: &mut [f32]) {
    let u = w.units;
    let ku = 3 * u;
    let b = step.h_prev.len() / u;
    if reset_after {
        // ĥ = h_{t-1} U + b_rec
        let rec = &mut scratch[..b * ku];
        for r in rec.chunks_exact_mut(ku) {
            r.copy_from_slice(w.recurrent_bias);
        }
        gemm_acc(b, ku, u, View::rows(step.h_prev, u), w.recurrent, ku, rec, ku);
        for r in 0..b {
            let [z, rr, hh] = gates_mut::<3>(row_mut(step.z, r, ku), u);
            let [rec_z, rec_r, rec_h] = gates::<3>(row(rec, r, ku), u);
            let hp = row(step.h_prev, r, u);
            let kept_rec_h = row_mut(step.aux, r, u);
            let h = row_mut(step.h, r, u);
            for j in 0..u {
                z[j] = sigmoid(z[j] + rec_z[j]);
                rr[j] = sigmoid(rr[j] + rec_r[j]);
                hh[j] = crate::activation::tanh(hh[j] + rr[j] * rec_h[j]);
                kept_rec_h[j] = rec_h[j];
                h[j] = z[j] * hp[j] + (1.0 - z[j]) * hh[j];
            }
        }
    } else {
        // z and r first: x̂_{z,r} += h_{t-1} [U_z, U_r]
        gemm_acc(b, 2 * u, u, View::rows(step.h_prev, u), w.recurrent, ku, step.z, ku);
        for r in 0..b {
            let [z, rr, _] = gates_mut::<3>(row_mut(step.z, r, ku), u);
            let hp = row(step.h_prev, r, u);
            let rh = row_mut(step.aux, r, u);
            for j in 0..u {
                z[j] = sigmoid(z[j]);
                rr[j] = sigmoid(rr[j]);
                rh[j] = rr[j] * hp[j];
            }
        }
        // then the candidate: x̂_h += (r ⊙ h_{t-1}) U_h
        gemm_acc(b, u, u, View::rows(step.aux, u), &w.recurrent[2 * u..], ku, &mut step.z[2 * u..], ku);
        for r in 0..b {
            let [z, _, hh] = gates_mut::<3>(row_mut(step.z, r, ku), u);
            let hp = row(step.h_prev, r, u);
            let h = row_mut(step.h, r, u);
            for j in 0..u {
                hh[j] = crate::activation::tanh(hh[j]);
                h[j] = z[j] * hp[j] + (1.0 - z[j]) * hh[j];
            }
        }
    }
}

/// One step back. Writes the input-side pre-activation gradients to `g.dzx`, the
/// recurrent-side ones to `g.dzrec` (reset_after only; they differ in the h block), and
/// dh_{t-1} to `g.dh_prev`.
pub fn backward_step(reset_after: bool, w: &Weights, saved: Saved, g: StepGrads) {
    let u = w.units;
    let ku = 3 * u;
    let b = saved.h.len() / u;
    if reset_after {
        for r in 0..b {
            let [z, rr, hh] = gates::<3>(row(saved.z, r, ku), u);
            let [dx_z, dx_r, dx_h] = gates_mut::<3>(row_mut(g.dzx, r, ku), u);
            let [drec_z, drec_r, drec_h] = gates_mut::<3>(row_mut(g.dzrec, r, ku), u);
            let rec_h = row(saved.aux, r, u);
            let hp = row(saved.h_prev, r, u);
            let dh = row(g.dh, r, u);
            for j in 0..u {
                let da_h = dh[j] * (1.0 - z[j]) * (1.0 - hh[j] * hh[j]);
                let da_z = dh[j] * (hp[j] - hh[j]) * z[j] * (1.0 - z[j]);
                let da_r = da_h * rec_h[j] * rr[j] * (1.0 - rr[j]);
                dx_z[j] = da_z;
                dx_r[j] = da_r;
                dx_h[j] = da_h;
                drec_z[j] = da_z;
                drec_r[j] = da_r;
                drec_h[j] = da_h * rr[j];
            }
        }
        direct_term(u, b, saved, g.dh, g.dh_prev);
        gemm_acc(b, u, ku, View::rows(g.dzrec, ku), w.recurrent_t, u, g.dh_prev, u);
    } else {
        for r in 0..b {
            let [z, _, hh] = gates::<3>(row(saved.z, r, ku), u);
            let [dx_z, _, dx_h] = gates_mut::<3>(row_mut(g.dzx, r, ku), u);
            let hp = row(saved.h_prev, r, u);
            let dh = row(g.dh, r, u);
            for j in 0..u {
                dx_h[j] = dh[j] * (1.0 - z[j]) * (1.0 - hh[j] * hh[j]);
                dx_z[j] = dh[j] * (hp[j] - hh[j]) * z[j] * (1.0 - z[j]);
            }
        }
        // d(r ⊙ h_{t-1}) = da_h U_hᵀ, into scratch
        let drh = &mut g.scratch[..b * u];
        drh.fill(0.0);
        gemm_acc(b, u, u, View::rows(&g.dzx[2 * u..], ku), &w.recurrent_t[2 * u * u..], u, drh, u);
        for r in 0..b {
            let [_, rr, _] = gates::<3>(row(saved.z, r, ku), u);
            let [_, dx_r, _] = gates_mut::<3>(row_mut(g.dzx, r, ku), u);
            let hp = row(saved.h_prev, r, u);
            let d_rh = row(drh, r, u);
            for j in 0..u {
                dx_r[j] = d_rh[j] * hp[j] * rr[j] * (1.0 - rr[j]);
            }
        }
        direct_term(u, b, saved, g.dh, g.dh_prev);
        for r in 0..b {
            let [_, rr, _] = gates::<3>(row(saved.z, r, ku), u);
            let (d_rh, dh_prev) = (row(drh, r, u), row_mut(g.dh_prev, r, u));
            for j in 0..u {
                dh_prev[j] += d_rh[j] * rr[j];
            }
        }
        gemm_acc(b, u, 2 * u, View::rows(g.dzx, ku), w.recurrent_t, u, g.dh_prev, u);
    }
}

/// dh_{t-1} = dh_t ⊙ z, the path that skips the matrix (where z is 1, the state is copied).
fn direct_term(u: usize, b: usize, saved: Saved, dh: &[f32], dh_prev: &mut [f32]) {
    for r in 0..b {
        let [z, _, _] = gates::<3>(row(saved.z, r, 3 * u), u);
        let (dh, dh_prev) = (row(dh, r, u), row_mut(dh_prev, r, u));
        for j in 0..u {
            dh_prev[j] = dh[j] * z[j];
        }
    }
}

/// One input, one unit, one step of each variant, worked out by hand. U = [0.3, -0.2, 0.5]
/// (z, r, h), h_{t-1} = 0.6, x̂ = [0.2, 0.4, -0.3], dh = 1.
///
/// ```text
/// reset_after, b_rec = [0.1, 0, -0.1]:
///   ĥ = h U + b_rec = [0.28, -0.12, 0.2]
///   z = σ(0.48) = 0.6177479   r = σ(0.28) = 0.5695462   h̃ = tanh(-0.3 + r·0.2) = -0.1839720
///   h = z·0.6 + (1 - z)·h̃ = 0.3003250
///   da_h = (1 - z)(1 - h̃²) = 0.3693145   da_z = (0.6 - h̃)·z(1 - z) = 0.1851236
///   da_r = da_h·ĥ_h·r(1 - r) = 0.0181085   recurrent side [da_z, da_r, da_h·r] = [.., .., 0.2103417]
///   dh_{t-1} = z + [da_z, da_r, da_h·r]·U = 0.7748341
/// reset_before:
///   z = σ(0.38) = 0.5938731   r = σ(0.28) = 0.5695462   r·h = 0.3417277
///   h̃ = tanh(-0.3 + 0.3417277·0.5) = -0.1284231   h = 0.3041678
///   da_h = 0.3994289   da_z = 0.1756868   d(r·h) = da_h·U_h   da_r = d(r·h)·h·r(1 - r) = 0.0293776
///   dh_{t-1} = z + d(r·h)·r + da_z·U_z + da_r·U_r = 0.7544502
/// ```
#[cfg(test)]
mod tests {
    use super::super::{close, worked_step};
    use crate::model::CellKind;

    const U: [f32; 3] = [0.3, -0.2, 0.5];
    const X: [f32; 3] = [0.2, 0.4, -0.3];

    #[test]
    fn one_unit_by_hand_reset_after() {
        let s = worked_step(CellKind::Gru { reset_after: true }, &U, &[0.1, 0.0, -0.1], &X, 0.6, 0.0, 0.0);
        close(&s.z, &[0.6177479, 0.5695462, -0.1839720]);
        close(&[s.h, s.dh_prev], &[0.3003250, 0.7748341]);
        close(&s.dzx, &[0.1851236, 0.0181085, 0.3693145]);
        close(&s.dzrec, &[0.1851236, 0.0181085, 0.2103417]);
    }

    #[test]
    fn one_unit_by_hand_reset_before() {
        let s = worked_step(CellKind::Gru { reset_after: false }, &U, &[], &X, 0.6, 0.0, 0.0);
        close(&s.z, &[0.5938731, 0.5695462, -0.1284231]);
        close(&[s.h, s.dh_prev], &[0.3041678, 0.7544502]);
        close(&s.dzx, &[0.1756868, 0.0293776, 0.3994289]);
    }
}
