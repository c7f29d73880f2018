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

use super::{Saved, Step, StepGrads, Weights};
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
        for row in rec.chunks_exact_mut(ku) {
            row.copy_from_slice(w.recurrent_bias);
        }
        gemm_acc(b, ku, u, View::rows(step.h_prev, u), w.recurrent, ku, rec, ku);
        for r in 0..b {
            let a = &mut step.z[r * ku..(r + 1) * ku];
            let rec = &rec[r * ku..(r + 1) * ku];
            let hp = &step.h_prev[r * u..(r + 1) * u];
            let rec_h = &mut step.aux[r * u..(r + 1) * u];
            let h = &mut step.h[r * u..(r + 1) * u];
            for j in 0..u {
                let z = sigmoid(a[j] + rec[j]);
                let rr = sigmoid(a[u + j] + rec[u + j]);
                let hh = libm::tanhf(a[2 * u + j] + rr * rec[2 * u + j]);
                a[j] = z;
                a[u + j] = rr;
                a[2 * u + j] = hh;
                rec_h[j] = rec[2 * u + j];
                h[j] = z * hp[j] + (1.0 - z) * hh;
            }
        }
    } else {
        // z and r first: x̂_{z,r} += h_{t-1} [U_z, U_r]
        gemm_acc(b, 2 * u, u, View::rows(step.h_prev, u), w.recurrent, ku, step.z, ku);
        for r in 0..b {
            let a = &mut step.z[r * ku..(r + 1) * ku];
            let hp = &step.h_prev[r * u..(r + 1) * u];
            let rh = &mut step.aux[r * u..(r + 1) * u];
            for j in 0..u {
                a[j] = sigmoid(a[j]);
                a[u + j] = sigmoid(a[u + j]);
                rh[j] = a[u + j] * hp[j];
            }
        }
        // then the candidate: x̂_h += (r ⊙ h_{t-1}) U_h
        gemm_acc(b, u, u, View::rows(step.aux, u), &w.recurrent[2 * u..], ku, &mut step.z[2 * u..], ku);
        for r in 0..b {
            let a = &mut step.z[r * ku..(r + 1) * ku];
            let hp = &step.h_prev[r * u..(r + 1) * u];
            let h = &mut step.h[r * u..(r + 1) * u];
            for j in 0..u {
                let hh = libm::tanhf(a[2 * u + j]);
                a[2 * u + j] = hh;
                h[j] = a[j] * hp[j] + (1.0 - a[j]) * hh;
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
            let gates = &saved.z[r * ku..(r + 1) * ku];
            let rec_h = &saved.aux[r * u..(r + 1) * u];
            let hp = &saved.h_prev[r * u..(r + 1) * u];
            let dh = &g.dh[r * u..(r + 1) * u];
            let dzx = &mut g.dzx[r * ku..(r + 1) * ku];
            let dzrec = &mut g.dzrec[r * ku..(r + 1) * ku];
            for j in 0..u {
                let (z, rr, hh) = (gates[j], gates[u + j], gates[2 * u + j]);
                let da_h = dh[j] * (1.0 - z) * (1.0 - hh * hh);
                let da_z = dh[j] * (hp[j] - hh) * z * (1.0 - z);
                let da_r = da_h * rec_h[j] * rr * (1.0 - rr);
                dzx[j] = da_z;
                dzx[u + j] = da_r;
                dzx[2 * u + j] = da_h;
                dzrec[j] = da_z;
                dzrec[u + j] = da_r;
                dzrec[2 * u + j] = da_h * rr;
            }
        }
        direct_term(u, b, saved, g.dh, g.dh_prev);
        gemm_acc(b, u, ku, View::rows(g.dzrec, ku), w.recurrent_t, u, g.dh_prev, u);
    } else {
        for r in 0..b {
            let gates = &saved.z[r * ku..(r + 1) * ku];
            let hp = &saved.h_prev[r * u..(r + 1) * u];
            let dh = &g.dh[r * u..(r + 1) * u];
            let dzx = &mut g.dzx[r * ku..(r + 1) * ku];
            for j in 0..u {
                let (z, hh) = (gates[j], gates[2 * u + j]);
                dzx[2 * u + j] = dh[j] * (1.0 - z) * (1.0 - hh * hh);
                dzx[j] = dh[j] * (hp[j] - hh) * z * (1.0 - z);
            }
        }
        // d(r ⊙ h_{t-1}) = da_h U_hᵀ, into scratch
        let drh = &mut g.scratch[..b * u];
        drh.fill(0.0);
        gemm_acc(b, u, u, View::rows(&g.dzx[2 * u..], ku), &w.recurrent_t[2 * u * u..], u, drh, u);
        for r in 0..b {
            let gates = &saved.z[r * ku..(r + 1) * ku];
            let hp = &saved.h_prev[r * u..(r + 1) * u];
            let dzx = &mut g.dzx[r * ku..(r + 1) * ku];
            for j in 0..u {
                let rr = gates[u + j];
                dzx[u + j] = drh[r * u + j] * hp[j] * rr * (1.0 - rr);
            }
        }
        direct_term(u, b, saved, g.dh, g.dh_prev);
        for r in 0..b {
            for j in 0..u {
                g.dh_prev[r * u + j] += drh[r * u + j] * saved.z[r * ku + u + j];
            }
        }
        gemm_acc(b, u, 2 * u, View::rows(g.dzx, ku), w.recurrent_t, u, g.dh_prev, u);
    }
}

/// dh_{t-1} = dh_t ⊙ z, the path that skips the matrix (where z is 1, the state is copied).
fn direct_term(u: usize, b: usize, saved: Saved, dh: &[f32], dh_prev: &mut [f32]) {
    let ku = 3 * u;
    for r in 0..b {
        for j in 0..u {
            dh_prev[r * u + j] = dh[r * u + j] * saved.z[r * ku + j];
        }
    }
}
