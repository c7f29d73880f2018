//! Losses and their gradient with respect to the logits y_t (before any softmax).

use serde::{Deserialize, Serialize};

use crate::error::{Result, RnnError};
use crate::model::OutputKind;

/// Which loss to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    /// Mean squared error over every counted output: (1/N) Σ (ŷ - y)².
    Mse,
    /// Softmax cross-entropy: (1/N) Σ -ln p_t[y_t], N the number of counted steps.
    CrossEntropy,
}

/// Which steps carry a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LossAt {
    /// Every step predicts its target (Keras `return_sequences=True`).
    #[default]
    EveryStep,
    /// Only the last step counts: the setting of the vanishing-gradient experiments.
    LastStep,
}

/// Targets of a batch, time-major like the inputs.
#[derive(Debug, Clone, Copy)]
pub enum Targets<'a> {
    /// [T][B][O] real values (mse).
    Values(&'a [f32]),
    /// [T][B] class ids (cross-entropy).
    Classes(&'a [u32]),
}

/// Checks that a loss fits the output layer: cross-entropy is defined on probabilities.
pub fn check_pairing(loss: LossKind, output: OutputKind) -> Result<()> {
    if loss == LossKind::CrossEntropy && output != OutputKind::Softmax {
        return Err(RnnError::conflict("loss", "cross_entropy", "output", "linear"));
    }
    Ok(())
}

/// The loss of a batch and dL/dy for every logit (written to `d_logits`, zero where no
/// target counts). `outputs` are after softmax/identity, `logits` before.
///
/// ```text
/// mse:            L = (1/N) Σ (ŷ - y)²,   dL/dŷ = 2 (ŷ - y) / N     N = counted steps · B · O
///   with softmax: dL/dy_k = p_k (dL/dp_k - Σ_j p_j dL/dp_j)
/// cross-entropy:  L = (1/N) Σ -ln p[y],   dL/dy = (p - onehot(y)) / N     N = counted steps · B
/// ```
/// The loss is summed and returned in f64: finite differences need the extra digits (the
/// rounding of a final f32 would be noise in a loss difference); training keeps the f32.
#[allow(clippy::too_many_arguments)]
pub fn loss_and_grad(
    kind: LossKind,
    at: LossAt,
    output: OutputKind,
    targets: Targets,
    steps: usize,
    batch: usize,
    logits: &[f32],
    outputs: &[f32],
    d_logits: &mut [f32],
) -> f64 {
    let o = logits.len() / (steps * batch);
    let first = match at {
        LossAt::EveryStep => 0,
        LossAt::LastStep => steps - 1,
    };
    let counted = steps - first;
    let start = first * batch * o;
    d_logits[..start].fill(0.0);
    let (logits, outputs, d) = (&logits[start..], &outputs[start..], &mut d_logits[start..]);
    match (kind, targets) {
        (LossKind::Mse, Targets::Values(y)) => {
            let y = &y[start..];
            let n = (counted * batch * o) as f32;
            let mut sum = 0.0f64;
            for ((dv, &p), &t) in d.iter_mut().zip(outputs).zip(y) {
                let e = p - t;
                sum += (e as f64) * (e as f64);
                *dv = 2.0 * e / n;
            }
            if output == OutputKind::Softmax {
                for (dr, pr) in d.chunks_exact_mut(o).zip(outputs.chunks_exact(o)) {
                    softmax_backward(pr, dr);
                }
            }
            sum / n as f64
        }
        (LossKind::CrossEntropy, Targets::Classes(ids)) => {
            let ids = &ids[first * batch..];
            let n = (counted * batch) as f32;
            let mut sum = 0.0f64;
            for (((dr, pr), yr), &id) in d.chunks_exact_mut(o).zip(outputs.chunks_exact(o)).zip(logits.chunks_exact(o)).zip(ids) {
                sum -= log_softmax_at(yr, id as usize) as f64;
                for (dv, &p) in dr.iter_mut().zip(pr) {
                    *dv = p / n;
                }
                dr[id as usize] -= 1.0 / n;
            }
            sum / n as f64
        }
        _ => panic!("loss_and_grad: targets do not match the loss kind"),
    }
}

/// The index of the largest value (the first of equals): the predicted class.
pub fn argmax(p: &[f32]) -> usize {
    (0..p.len()).fold(0, |best, i| if p[i] > p[best] { i } else { best })
}

/// ln softmax(y)[k] = y_k - max - ln Σ_j e^(y_j - max), exact even when p_k underflows.
pub fn log_softmax_at(y: &[f32], k: usize) -> f32 {
    let max = y.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = y.iter().map(|&v| libm::expf(v - max)).sum();
    y[k] - max - libm::logf(sum)
}

/// In place, dL/dp → dL/dy through p = softmax(y): dL/dy_k = p_k (dL/dp_k - Σ_j p_j dL/dp_j).
fn softmax_backward(p: &[f32], d: &mut [f32]) {
    let dot: f32 = p.iter().zip(d.iter()).map(|(a, b)| a * b).sum();
    for (dv, &pv) in d.iter_mut().zip(p) {
        *dv = pv * (*dv - dot);
    }
}

/// The losses by name.
impl crate::settings::Choices for LossKind {
    const ALL: &'static [Self] = &[LossKind::Mse, LossKind::CrossEntropy];
}

/// Where the loss is taken, by name.
impl crate::settings::Choices for LossAt {
    const ALL: &'static [Self] = &[LossAt::EveryStep, LossAt::LastStep];
}

/// Targets of one sequence, owned (what a trace request or a gradient check holds).
#[derive(Debug, Clone, PartialEq)]
pub enum OwnedTargets {
    /// [T][O] values.
    Values(Vec<f32>),
    /// [T] class ids.
    Classes(Vec<u32>),
}

impl OwnedTargets {
    /// Borrowed form for the loss.
    pub fn as_targets(&self) -> Targets<'_> {
        match self {
            OwnedTargets::Values(v) => Targets::Values(v),
            OwnedTargets::Classes(c) => Targets::Classes(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two classes, logits [0, 0]: p = [0.5, 0.5], L = ln 2, dL/dy = [0.5 - 1, 0.5] for class 0.
    #[test]
    fn cross_entropy_by_hand() {
        let logits = [0.0, 0.0];
        let outputs = [0.5, 0.5];
        let mut d = [0.0; 2];
        let l = loss_and_grad(LossKind::CrossEntropy, LossAt::EveryStep, OutputKind::Softmax, Targets::Classes(&[0]), 1, 1, &logits, &outputs, &mut d);
        assert!((l - std::f64::consts::LN_2).abs() < 1e-7);
        assert_eq!(d, [-0.5, 0.5]);
    }

    /// Two steps, one output: ŷ = [1, 3], y = [0, 0]: every step L = (1 + 9)/2 = 5;
    /// last step only L = 9, dL/dŷ = [0, 6].
    #[test]
    fn mse_every_and_last_step_by_hand() {
        let out = [1.0, 3.0];
        let mut d = [0.0; 2];
        let l = loss_and_grad(LossKind::Mse, LossAt::EveryStep, OutputKind::Linear, Targets::Values(&[0.0, 0.0]), 2, 1, &out, &out, &mut d);
        assert_eq!(l, 5.0);
        assert_eq!(d, [1.0, 3.0]);
        let l = loss_and_grad(LossKind::Mse, LossAt::LastStep, OutputKind::Linear, Targets::Values(&[0.0, 0.0]), 2, 1, &out, &out, &mut d);
        assert_eq!(l, 9.0);
        assert_eq!(d, [0.0, 6.0]);
    }

    #[test]
    fn cross_entropy_needs_softmax() {
        assert_eq!(
            check_pairing(LossKind::CrossEntropy, OutputKind::Linear).unwrap_err(),
            crate::RnnError::conflict("loss", "cross_entropy", "output", "linear")
        );
        assert!(check_pairing(LossKind::Mse, OutputKind::Softmax).is_ok());
    }
}
