//! Gradient flow along one long sequence, with the loss at the last step only.

use serde::Serialize;

use super::{LabConfig, INPUT_SIZE};
use crate::activation::Activation;
use crate::bptt;
use crate::cell::{self, Saved, StepGrads, Weights};
use crate::error::Result;
use crate::linalg::transpose;
use crate::loss::{loss_and_grad, LossAt, LossKind, Targets};
use crate::model::{CellKind, Model, OutputKind};
use crate::network::{forward, Initial, Inputs, Workspace};
use crate::rng::Rng;
use crate::settings::{CellName, Choices};
use crate::spectral::{self, Complex};

/// What one gradient-flow experiment measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Flow {
    pub cell: CellName,
    /// ‖dL/dh_t‖ for t = 1..T (NaN or inf once the numbers overflow).
    pub norms: Vec<f32>,
    /// ‖dL/dh_T‖ · ρ^(T-t): the prediction of the linear theory (f64: it may pass
    /// float32's range, 3.4e38, long before the measured norms do).
    pub reference: Vec<f64>,
    /// ρ^(T−1): the factor the linear theory predicts from the last step to the first.
    pub predicted_last_to_first: f64,
    /// ‖dL/dh_1‖ / ‖dL/dh_T‖.
    pub last_to_first: f64,
    /// The average factor per step back, (‖dL/dh_t‖ / ‖dL/dh_T‖)^(1/(T-t)) from the earliest
    /// t whose norm float32 still holds as a normal number (t = 1 unless it underflowed:
    /// with ρ = 0.1 and T = 50, ‖dL/dh_1‖ would be about 1e-49).
    pub ratio_per_step: f64,
    /// T − t of that average: T − 1, or fewer steps when the norms underflowed.
    pub ratio_steps: usize,
    /// ‖dL/dh_{T-1}‖ / ‖dL/dh_T‖ and the next few: what a student can check by hand.
    pub first_ratios: Vec<f64>,
    /// Some number overflowed (inf or NaN).
    pub overflow: bool,
    /// ρ and σ_max of the W_hh block shown, and its eigenvalues.
    pub radius: f64,
    pub sigma_max: f64,
    pub eigenvalues: Vec<Complex>,
    /// Which gate block the spectrum is of (z for the simple RNN, c for the LSTM, h for the GRU).
    pub gate: &'static str,
    /// γ, the bound of |f'|, and 1/γ.
    pub gamma: f64,
    /// ‖∂h_t/∂h_{t-1}‖₂ for t = 1..T (empty unless asked for).
    pub jacobian_norms: Vec<f32>,
}

/// The inputs and the last-step target of the experiment (seeded).
fn sequence(config: &LabConfig) -> (Vec<f32>, Vec<f32>) {
    let mut rng = Rng::new(config.seed.wrapping_mul(31).wrapping_add(17));
    let t = config.steps();
    let x = (0..t * INPUT_SIZE).map(|_| rng.uniform(-1.0, 1.0)).collect();
    let mut y = vec![0.0; t];
    y[t - 1] = rng.uniform(-1.0, 1.0);
    (x, y)
}

/// Runs the experiment: forward over T steps, loss (mse) at the last step, BPTT.
pub fn flow(config: &LabConfig, with_jacobians: bool) -> Result<Flow> {
    let model = config.model(INPUT_SIZE, 1, OutputKind::Linear)?;
    let t = config.steps();
    let (x, y) = sequence(config);
    let mut ws = Workspace::new();
    forward(&model, Inputs::Dense(&x), t, 1, Initial::Zero, &mut ws);
    loss_and_grad(LossKind::Mse, LossAt::LastStep, OutputKind::Linear, Targets::Values(&y), t, 1, &ws.logits, &ws.outputs, &mut ws.d_logits);
    let mut grads = vec![0.0; model.layout.len];
    bptt::backward(&model, Inputs::Dense(&x), &mut ws, &mut grads);
    let norms = ws.dh_norms.clone();

    let last = norms[t - 1] as f64;
    // The radius the network was scaled to (float32, as the engine computes).
    let rho = config.radius as f32 as f64;
    let reference = (0..t).map(|s| last * rho.powi((t - 1 - s) as i32)).collect();
    let last_to_first = norms[0] as f64 / last;
    // The unbroken stretch of norms float32 holds, back from T: before it they fell below its
    // smallest normal number, or (ρ > 1) overflowed.
    let earliest = (0..t).rev().take_while(|&s| norms[s].is_normal()).last().unwrap_or(t - 1);
    let ratio_steps = t - 1 - earliest;
    let ratio_per_step = if ratio_steps > 0 { libm::pow(norms[earliest] as f64 / last, 1.0 / ratio_steps as f64) } else { 1.0 };
    let first_ratios = (1..t.min(6)).map(|k| norms[t - 1 - k] as f64 / norms[t - k] as f64).collect();
    let overflow = norms.iter().any(|n| !n.is_finite()) || ws.h.iter().any(|v| !v.is_finite());

    let gate = model.spec.cell.candidate_gate();
    let gate_name = model.spec.cell.gate_names()[gate];
    let w = model.w_hh(gate);
    let u = model.spec.units;
    let eigenvalues = spectral::eigenvalues(u, &w).unwrap_or_default();
    let gamma = match model.spec.cell {
        CellKind::SimpleRnn { activation } => activation.derivative_bound() as f64,
        _ => 1.0,
    };
    Ok(Flow {
        cell: config.cell,
        norms,
        reference,
        predicted_last_to_first: rho.powi(t as i32 - 1),
        last_to_first,
        ratio_per_step,
        ratio_steps,
        first_ratios,
        overflow,
        radius: eigenvalues.first().map_or(0.0, |l| l.abs()),
        sigma_max: spectral::largest_singular_value(u, u, &w),
        eigenvalues,
        gate: gate_name,
        gamma,
        jacobian_norms: if with_jacobians { jacobian_norms(&model, &ws) } else { vec![] },
    })
}

/// The step Jacobians' norms of [`flow`] for `config` (its forward pass again, then
/// [`jacobian_norms`]): the same numbers as `flow(config, true).jacobian_norms`.
pub fn step_jacobian_norms(config: &LabConfig) -> Result<Vec<f32>> {
    let model = config.model(INPUT_SIZE, 1, OutputKind::Linear)?;
    let (x, _) = sequence(config);
    let mut ws = Workspace::new();
    forward(&model, Inputs::Dense(&x), config.steps(), 1, Initial::Zero, &mut ws);
    Ok(jacobian_norms(&model, &ws))
}

/// ‖∂h_t/∂h_{t-1}‖₂ for every step of the forward pass in `ws` (one sequence).
///
/// Row i of the Jacobian is dh_{t-1} when the gradient arriving at h_t is the unit vector
/// e_i, so the cell's own backward step computes it (for the LSTM with c_{t-1} held fixed).
pub fn jacobian_norms(model: &Model, ws: &Workspace) -> Vec<f32> {
    let spec = model.spec;
    let u = spec.units;
    let ku = spec.cell.gates() * u;
    let mut recurrent_t = vec![0.0; ku * u];
    transpose(u, ku, model.recurrent_kernel(), &mut recurrent_t);
    let w = Weights::of(model, &recurrent_t);
    let lstm = spec.cell == CellKind::Lstm;
    let (mut jac, mut dh, mut dc) = (vec![0.0; u * u], vec![0.0; u], vec![0.0; if lstm { u } else { 0 }]);
    let (mut dzx, mut dzrec, mut scratch) = (vec![0.0; ku], vec![0.0; if cell::has_separate_recurrent_grad(spec.cell) { ku } else { 0 }], vec![0.0; ku]);
    let mut out = Vec::with_capacity(ws.steps);
    for t in 0..ws.steps {
        let saved = Saved {
            h_prev: &ws.h[t * u..(t + 1) * u],
            c_prev: if lstm { &ws.c[t * u..(t + 1) * u] } else { &[] },
            z: &ws.z[t * ku..(t + 1) * ku],
            h: &ws.h[(t + 1) * u..(t + 2) * u],
            aux: &ws.aux[t * u..(t + 1) * u],
        };
        for i in 0..u {
            dh.fill(0.0);
            dh[i] = 1.0;
            dc.fill(0.0);
            let row = &mut jac[i * u..(i + 1) * u];
            cell::backward_step(
                spec.cell,
                &w,
                saved,
                StepGrads { dh: &dh, dc: &mut dc, dzx: &mut dzx, dzrec: &mut dzrec, dh_prev: row, scratch: &mut scratch },
            );
        }
        out.push(spectral::spectral_norm(u, u, &jac, 40) as f32);
    }
    out
}

/// One cell's flow for the comparison of the simple RNN, the LSTM and the GRU at the same
/// settings (the lab measures them one per call). The simple RNN uses tanh here whatever
/// the lab's activation, because the LSTM and the GRU are built on tanh: the comparison
/// shows what the gates add, not what a linear cell lacks.
pub fn flow_of_cell(config: &LabConfig, cell: CellName) -> Result<Flow> {
    flow(&LabConfig { activation: Activation::Tanh, ..config.clone() }.with_cell(cell), false)
}

/// The three cells' flows at once (`examples/lab_timing.rs`, and the tests' reference for
/// measuring them one by one).
pub fn flows_for_all_cells(config: &LabConfig) -> Result<Vec<Flow>> {
    CellName::ALL.iter().map(|&c| flow_of_cell(config, c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::RecurrentInit;

    /// The linear RNN with W_hh = ρ·(orthogonal): every step back multiplies the gradient's
    /// norm by exactly ρ, so the ratio of successive norms is ρ (the issue asks for 2%).
    #[test]
    fn linear_rnn_ratio_of_successive_norms_is_rho() {
        for rho in [0.5f32, 0.9, 1.1, 1.5] {
            let f = flow(&LabConfig { radius: rho as f64, seq_len: 50, ..Default::default() }, false).unwrap();
            let n = &f.norms;
            for t in 0..49 {
                let ratio = n[t] as f64 / n[t + 1] as f64;
                assert!((ratio - rho as f64).abs() < 0.02 * rho as f64, "ρ = {rho}, t = {t}: ratio {ratio}");
            }
            assert!((f.ratio_per_step - rho as f64).abs() < 1e-3, "ρ = {rho}: mean {}", f.ratio_per_step);
        }
    }

    /// With ρ = 0.1 the earliest norms fall below float32's smallest number: the average is
    /// over the steps it still holds, not a 0 from the underflow.
    #[test]
    fn the_average_factor_skips_norms_float32_cannot_hold() {
        let f = flow(&LabConfig { radius: 0.1, seq_len: 50, ..Default::default() }, false).unwrap();
        assert!(!f.norms[0].is_normal());
        assert!(f.ratio_steps > 10 && f.ratio_steps < 49, "{}", f.ratio_steps);
        assert!((f.ratio_per_step - 0.1).abs() < 2e-3, "mean {}", f.ratio_per_step);
        let g = flow(&LabConfig { radius: 0.9, seq_len: 50, ..Default::default() }, false).unwrap();
        assert_eq!(g.ratio_steps, 49);
        // ρ = 2.5 over 60 steps: the forward pass holds (2.5^60 ≈ 7e23), the norms overflow
        // some 40 steps back; the average is over the steps before that, not "1.000 over the
        // last 0 steps".
        let h = flow(&LabConfig { radius: 2.5, seq_len: 60, ..Default::default() }, false).unwrap();
        assert!(!h.norms[0].is_finite() && h.norms[59].is_normal(), "{:?}", h.norms);
        assert!(h.ratio_steps > 20 && h.ratio_steps < 59, "{}", h.ratio_steps);
        assert!((h.ratio_per_step - 2.5).abs() < 0.05, "mean {}", h.ratio_per_step);
        // Over 200 steps the forward pass itself overflows: no norm to average at all.
        let all = flow(&LabConfig { radius: 2.5, seq_len: 200, ..Default::default() }, false).unwrap();
        assert!(all.norms.iter().all(|n| n.is_nan()) && all.ratio_steps == 0);
    }

    /// A non-normal W_hh: successive ratios still approach ρ (power iteration), and
    /// σ_max > ρ.
    #[test]
    fn gaussian_w_hh_has_sigma_max_above_rho_and_ratios_approach_rho() {
        let f = flow(&LabConfig { radius: 0.9, seq_len: 200, init: RecurrentInit::Gaussian, ..Default::default() }, false).unwrap();
        assert!(f.sigma_max > 1.3 * f.radius, "σ_max {} ρ {}", f.sigma_max, f.radius);
        assert!((f.radius - 0.9).abs() < 1e-5);
        let tail: Vec<f64> = (0..20).map(|t| f.norms[t] as f64 / f.norms[t + 1] as f64).collect();
        let mean = tail.iter().sum::<f64>() / tail.len() as f64;
        assert!((mean - 0.9).abs() < 0.05, "ratios far back: {tail:?}");
    }

    /// For the linear RNN the step Jacobian is W_hh itself, so its norm is σ_max = ρ.
    #[test]
    fn linear_step_jacobian_is_w_hh() {
        let f = flow(&LabConfig { radius: 1.3, seq_len: 10, ..Default::default() }, true).unwrap();
        for j in &f.jacobian_norms {
            assert!((*j as f64 - 1.3).abs() < 1e-4, "{j}");
        }
        // tanh squashes: |f'| ≤ 1, so the Jacobians are no larger than ‖W_hh‖.
        let f = flow(&LabConfig { radius: 1.3, seq_len: 10, activation: Activation::Tanh, ..Default::default() }, true).unwrap();
        assert!(f.jacobian_norms.iter().all(|&j| (j as f64) <= 1.3 + 1e-4));
    }

    #[test]
    fn every_cell_flows_and_lstm_keeps_more_gradient_than_tanh_rnn() {
        let config = LabConfig { radius: 0.9, seq_len: 100, activation: Activation::Tanh, ..Default::default() };
        let flows = flows_for_all_cells(&config).unwrap();
        assert_eq!(flows.len(), 3);
        assert!(flows.iter().all(|f| !f.overflow));
        assert!(flows[1].last_to_first > flows[0].last_to_first * 1e3, "lstm {} vs rnn {}", flows[1].last_to_first, flows[0].last_to_first);
    }
}
