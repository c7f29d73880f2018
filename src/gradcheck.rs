//! Checking BPTT against finite differences, on the network as it is now.
//!
//! For every weight w: n = (L(w + ε) - L(w - ε)) / 2ε, compared with the BPTT gradient a
//! by the relative error |a - n| / (|a| + |n|) (as recurrentjs's `gradCheck`). The forward
//! pass is float32, so a difference quotient carries about 1e-7·L/ε of rounding noise;
//! entries whose gradient is below `floor` are counted but not judged.

use serde::Serialize;

use crate::bptt;
use crate::loss::{loss_and_grad_f64, LossAt, LossKind, Targets};
use crate::model::Model;
use crate::network::{forward, Initial, Inputs, Workspace};

/// The outcome of a gradient check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradCheck {
    /// The largest relative error among the judged weights.
    pub worst_relative_error: f64,
    /// Which weight, as "recurrent_kernel[2][5]".
    pub worst_weight: String,
    /// Its BPTT gradient and its difference quotient.
    pub analytic: f64,
    pub numeric: f64,
    /// Weights judged (gradient above the floor), weights looked at, and weights in all.
    pub judged: usize,
    pub checked: usize,
    pub total: usize,
}

/// The step ε and the floor below which a gradient is too small to judge in float32.
pub const EPSILON: f32 = 2e-2;
pub const FLOOR: f64 = 1e-3;

#[allow(clippy::too_many_arguments)]
fn loss_of(model: &Model, inputs: Inputs, targets: Targets, kind: LossKind, at: LossAt, steps: usize, batch: usize, ws: &mut Workspace) -> f64 {
    forward(model, inputs, steps, batch, Initial::Zero, ws);
    loss_and_grad_f64(kind, at, model.spec.output, targets, steps, batch, &ws.logits, &ws.outputs, &mut ws.d_logits)
}

/// Compares BPTT gradients with central differences: every weight, or `max_weights` of
/// them spread evenly over the buffer (each costs four forward passes, and a page must not
/// freeze on a large network).
#[allow(clippy::too_many_arguments)]
pub fn check(model: &Model, inputs: Inputs, targets: Targets, kind: LossKind, at: LossAt, steps: usize, batch: usize, max_weights: usize) -> GradCheck {
    let mut ws = Workspace::new();
    loss_of(model, inputs, targets, kind, at, steps, batch, &mut ws);
    let mut analytic = vec![0.0; model.layout.len];
    bptt::backward(model, inputs, &mut ws, &mut analytic);
    let mut probe = model.clone();
    let mut report =
        GradCheck { worst_relative_error: 0.0, worst_weight: String::new(), analytic: 0.0, numeric: 0.0, judged: 0, checked: 0, total: model.layout.len };
    let len = model.layout.len;
    let stride = len.div_ceil(max_weights.max(1)).max(1);
    for i in (0..len).step_by(stride) {
        report.checked += 1;
        let w = model.params[i];
        let mut quotient = |eps: f32| {
            probe.params[i] = w + eps;
            let up = loss_of(&probe, inputs, targets, kind, at, steps, batch, &mut ws);
            probe.params[i] = w - eps;
            let down = loss_of(&probe, inputs, targets, kind, at, steps, batch, &mut ws);
            probe.params[i] = w;
            // The step actually taken in f32 (w ± ε is rounded).
            (up - down) / ((w + eps) as f64 - (w - eps) as f64)
        };
        // Richardson extrapolation cancels the ε² error term of the central difference,
        // so ε can be large enough for float32 rounding to stay small.
        let n = (4.0 * quotient(EPSILON) - quotient(2.0 * EPSILON)) / 3.0;
        let a = analytic[i] as f64;
        if a.abs().max(n.abs()) < FLOOR {
            continue;
        }
        report.judged += 1;
        let rel = (a - n).abs() / (a.abs() + n.abs());
        if rel >= report.worst_relative_error {
            report = GradCheck { worst_relative_error: rel, worst_weight: weight_name(model, i), analytic: a, numeric: n, ..report };
        }
    }
    report
}

/// "kernel[0][3]" for a flat index.
pub fn weight_name(model: &Model, index: usize) -> String {
    for t in model.layout.tensors() {
        if t.range.contains(&index) {
            let k = index - t.range.start;
            return match t.shape.as_slice() {
                [_, cols] => format!("{}[{}][{}]", t.name, k / cols, k % cols),
                _ => format!("{}[{k}]", t.name),
            };
        }
    }
    format!("#{index}")
}
