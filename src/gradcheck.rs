//! Checking BPTT against finite differences, on the network as it is now.
//!
//! For every weight w: n = (L(w + ε) - L(w - ε)) / 2ε, compared with the BPTT gradient a
//! by the relative error |a - n| / (|a| + |n|) (as recurrentjs's `gradCheck`). The forward
//! pass is float32, so a difference quotient carries about 1e-7·L/ε of rounding noise;
//! entries whose gradient is below `floor` are counted but not judged.

use serde::Serialize;

use crate::bptt;
use crate::loss::{loss_and_grad, LossAt, LossKind, OwnedTargets, Targets};
use crate::model::{CellKind, Model};
use crate::network::{forward, Initial, Inputs, Workspace};

/// The outcome of a gradient check (so far).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct GradCheck {
    /// The largest relative error among the judged weights; `None` when no weight had a
    /// gradient large enough to judge.
    pub worst_relative_error: Option<f64>,
    /// Which weight, as "recurrent_kernel[2][5]".
    pub worst_weight: Option<String>,
    /// Its BPTT gradient and its difference quotient.
    pub analytic: f64,
    pub numeric: f64,
    /// Weights judged (gradient above the floor), weights looked at, weights to look at,
    /// and weights in all.
    pub judged: usize,
    pub checked: usize,
    pub planned: usize,
    pub total: usize,
    /// The floor below which a gradient is too small to judge in float32.
    pub floor: f64,
}

/// The step ε and the floor below which a gradient is too small to judge in float32.
pub const EPSILON: f32 = 2e-2;
pub const FLOOR: f64 = 1e-3;

/// Inputs owned by a check in progress (time-major, as [`Inputs`]).
#[derive(Debug, Clone, PartialEq)]
pub enum OwnedInputs {
    Dense(Vec<f32>),
    OneHot(Vec<u32>),
}

impl OwnedInputs {
    fn borrow(&self) -> Inputs<'_> {
        match self {
            OwnedInputs::Dense(x) => Inputs::Dense(x),
            OwnedInputs::OneHot(ids) => Inputs::OneHot(ids),
        }
    }

    fn of(inputs: Inputs) -> Self {
        match inputs {
            Inputs::Dense(x) => OwnedInputs::Dense(x.to_vec()),
            Inputs::OneHot(ids) => OwnedInputs::OneHot(ids.to_vec()),
        }
    }
}

/// Everything a pass needs besides the weights.
#[derive(Debug, Clone)]
struct Problem {
    inputs: OwnedInputs,
    targets: OwnedTargets,
    kind: LossKind,
    at: LossAt,
    steps: usize,
    batch: usize,
}

impl Problem {
    fn loss(&self, model: &Model, ws: &mut Workspace) -> f64 {
        forward(model, self.inputs.borrow(), self.steps, self.batch, Initial::Zero, ws);
        loss_and_grad(self.kind, self.at, model.spec.output, self.targets.as_targets(), self.steps, self.batch, &ws.logits, &ws.outputs, &mut ws.d_logits)
    }
}

/// A gradient check in progress, a few weights at a time (each costs four forward passes;
/// the page runs it in slices so it never freezes).
#[derive(Debug, Clone)]
pub struct GradCheckRun {
    probe: Model,
    problem: Problem,
    analytic: Vec<f32>,
    stride: usize,
    next: usize,
    ws: Workspace,
    pub report: GradCheck,
}

impl GradCheckRun {
    /// Plans a check of every weight, or of `max_weights` spread evenly over the buffer.
    #[allow(clippy::too_many_arguments)]
    pub fn new(model: &Model, inputs: Inputs, targets: Targets, kind: LossKind, at: LossAt, steps: usize, batch: usize, max_weights: usize) -> Self {
        let targets = match targets {
            Targets::Values(v) => OwnedTargets::Values(v.to_vec()),
            Targets::Classes(c) => OwnedTargets::Classes(c.to_vec()),
        };
        let problem = Problem { inputs: OwnedInputs::of(inputs), targets, kind, at, steps, batch };
        let mut ws = Workspace::new();
        problem.loss(model, &mut ws);
        let mut analytic = vec![0.0; model.layout.len];
        bptt::backward(model, problem.inputs.borrow(), &mut ws, &mut analytic);
        let len = model.layout.len;
        let stride = len.div_ceil(max_weights.max(1)).max(1);
        let report = GradCheck {
            worst_relative_error: None,
            worst_weight: None,
            analytic: 0.0,
            numeric: 0.0,
            judged: 0,
            checked: 0,
            planned: len.div_ceil(stride),
            total: len,
            floor: FLOOR,
        };
        GradCheckRun { probe: model.clone(), problem, analytic, stride, next: 0, ws, report }
    }

    /// Whether every planned weight has been looked at.
    pub fn done(&self) -> bool {
        self.next >= self.probe.layout.len
    }

    /// Looks at up to `n` more weights; returns the report so far.
    pub fn step(&mut self, n: usize) -> &GradCheck {
        for _ in 0..n {
            if self.done() {
                break;
            }
            let i = self.next;
            self.next += self.stride;
            self.report.checked += 1;
            let w = self.probe.params[i];
            let (probe, problem, ws) = (&mut self.probe, &self.problem, &mut self.ws);
            let mut quotient = |eps: f32| {
                probe.params[i] = w + eps;
                let up = problem.loss(probe, ws);
                probe.params[i] = w - eps;
                let down = problem.loss(probe, ws);
                probe.params[i] = w;
                // The step actually taken in f32 (w ± ε is rounded).
                (up - down) / ((w + eps) as f64 - (w - eps) as f64)
            };
            // Richardson extrapolation cancels the ε² error term of the central difference,
            // so ε can be large enough for float32 rounding to stay small.
            let numeric = (4.0 * quotient(EPSILON) - quotient(2.0 * EPSILON)) / 3.0;
            let a = self.analytic[i] as f64;
            if a.abs().max(numeric.abs()) < FLOOR {
                continue;
            }
            self.report.judged += 1;
            let rel = (a - numeric).abs() / (a.abs() + numeric.abs());
            if self.report.worst_relative_error.is_none_or(|worst| rel >= worst) {
                self.report.worst_relative_error = Some(rel);
                self.report.worst_weight = Some(weight_name(&self.probe, i));
                self.report.analytic = a;
                self.report.numeric = numeric;
            }
        }
        &self.report
    }
}

/// Compares BPTT gradients with central differences: every weight, or `max_weights` of
/// them spread evenly over the buffer.
#[allow(clippy::too_many_arguments)]
pub fn check(model: &Model, inputs: Inputs, targets: Targets, kind: LossKind, at: LossAt, steps: usize, batch: usize, max_weights: usize) -> GradCheck {
    let mut run = GradCheckRun::new(model, inputs, targets, kind, at, steps, batch, max_weights);
    run.step(usize::MAX).clone()
}

/// The weight at a flat index in the page's notation, with its place in the Keras file:
/// "W_hy[2][0] (dense_kernel[0][2])". Keras stores the transposes of the column-vector
/// matrices the page writes, so the indices swap; a gated cell's blocks are its gates'
/// matrices (W_f, U_f, b_f for the LSTM's forget gate).
pub fn weight_name(model: &Model, index: usize) -> String {
    let spec = &model.spec;
    let gates: &[&str] = match spec.cell {
        CellKind::SimpleRnn { .. } => &[""],
        CellKind::Lstm => &["i", "f", "c", "o"],
        CellKind::Gru { .. } => &["z", "r", "h"],
    };
    let simple = gates.len() == 1;
    for t in model.layout.tensors() {
        if !t.range.contains(&index) {
            continue;
        }
        let k = index - t.range.start;
        let (row, col, keras) = match t.shape.as_slice() {
            [_, cols] => (k / cols, k % cols, format!("{}[{}][{}]", t.name, k / cols, k % cols)),
            _ => (0, k, format!("{}[{k}]", t.name)),
        };
        let u = spec.units;
        let gate = gates[(col / u).min(gates.len() - 1)];
        let (j, sub) = (col % u, gate);
        let page = match t.name {
            "kernel" if simple => format!("W_xh[{j}][{row}]"),
            "kernel" => format!("W_{sub}[{j}][{row}]"),
            "recurrent_kernel" if simple => format!("W_hh[{j}][{row}]"),
            "recurrent_kernel" => format!("U_{sub}[{j}][{row}]"),
            "bias" if simple => format!("b_h[{j}]"),
            "bias" if row == 1 => format!("b_r{sub}[{j}]"), // the GRU's recurrent bias row
            "bias" => format!("b_{sub}[{j}]"),
            "dense_kernel" => format!("W_hy[{col}][{row}]"),
            _ => format!("b_y[{k}]"),
        };
        return format!("{page} ({keras})");
    }
    format!("#{index}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::model::{OutputKind, Spec};

    fn name(cell: CellKind, index: usize) -> String {
        // I = 3, U = 4, O = 2.
        let model = Model::zeros(Spec { cell, input_size: 3, units: 4, output_size: 2, output: OutputKind::Linear }).unwrap();
        weight_name(&model, index)
    }

    #[test]
    fn a_weight_is_named_as_the_page_writes_it_and_as_keras_stores_it() {
        let simple = CellKind::SimpleRnn { activation: Activation::Tanh };
        // kernel [3][4]: index 6 is row 1, column 2, so W_xh[2][1].
        assert_eq!(name(simple, 6), "W_xh[2][1] (kernel[1][2])");
        assert_eq!(name(simple, 12 + 5), "W_hh[1][1] (recurrent_kernel[1][1])");
        assert_eq!(name(simple, 28 + 3), "b_h[3] (bias[3])");
        // dense_kernel [4][2] after bias [4]: its index 3 is row 1, column 1.
        assert_eq!(name(simple, 32 + 3), "W_hy[1][1] (dense_kernel[1][1])");
        assert_eq!(name(simple, 40 + 1), "b_y[1] (dense_bias[1])");
        // The LSTM's kernel [3][16] holds the gates i, f, c, o side by side.
        assert_eq!(name(CellKind::Lstm, 5), "W_f[1][0] (kernel[0][5])");
        assert_eq!(name(CellKind::Lstm, 48 + 16 + 15), "U_o[3][1] (recurrent_kernel[1][15])");
        // The GRU's bias [2][12]: the second row is the recurrent bias.
        let gru = CellKind::Gru { reset_after: true };
        assert_eq!(name(gru, 36 + 48 + 12 + 9), "b_rh[1] (bias[1][9])");
    }
}
