//! The network read one token at a time, forward and then backward: what the page's
//! Step, Step back and BPTT step buttons do.
//!
//! It runs the same cell functions as [`crate::network`] and [`crate::bptt`], one step
//! and one sequence at a time, and keeps every intermediate vector for display. Walking
//! all the way back gives exactly the gradient of the batched BPTT (tested below).

use serde::Serialize;

use crate::cell::{self, Saved, Step, StepGrads, Weights};
use crate::data::text::Sentence;
use crate::linalg::{gemm_acc, norm, transpose, View};
use crate::loss::{argmax, log_softmax_at, loss_and_grad, LossAt, LossKind, Targets};
use crate::model::{CellKind, Model};
use crate::network::{input_projection, output_layer, Inputs};

/// One gate's activations at one step, named as the page names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Gate {
    /// i, f, c, o (LSTM) or z, r, h (GRU).
    pub name: &'static str,
    /// [U].
    pub values: Vec<f32>,
}

/// Everything one forward step computed, for a single sequence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct StepRecord {
    /// Step index, 0-based.
    pub t: usize,
    /// The token read (its id).
    pub input: u32,
    /// The token to predict (its id).
    pub target: u32,
    /// h_{t-1} [U].
    pub h_prev: Vec<f32>,
    /// c_{t-1} [U] (LSTM; empty otherwise).
    pub c_prev: Vec<f32>,
    /// Simple RNN: the pre-activation z_t [U]. LSTM/GRU: the gate activations [kU].
    pub z: Vec<f32>,
    /// LSTM/GRU: `z` cut into its gates (empty for the simple RNN).
    pub gates: Vec<Gate>,
    /// What the backward step needs besides the gates [U].
    #[serde(skip)]
    pub aux: Vec<f32>,
    /// h_t [U].
    pub h: Vec<f32>,
    /// c_t [U] (LSTM; empty otherwise).
    pub c: Vec<f32>,
    /// y_t = h_t W_hy + b_y [V].
    pub logits: Vec<f32>,
    /// softmax(y_t) [V].
    pub probs: Vec<f32>,
    /// -ln p_t[target].
    pub loss: f32,
    /// The token the network finds most likely next (its id).
    pub best: u32,
}

/// Everything one backward step computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct BackRecord {
    pub t: usize,
    /// W_hyᵀ dL/dy_t: the gradient reaching h_t from its own output [U].
    pub dh_out: Vec<f32>,
    /// dL/dh_t through step t+1 (zero at the last step) [U].
    pub dh_next: Vec<f32>,
    /// dL/dh_t = dh_out + dh_next [U].
    pub dh: Vec<f32>,
    /// ‖dL/dh_t‖.
    pub dh_norm: f32,
    /// δ_t: the gradient of the pre-activations [kU] (simple RNN: dh ⊙ f'(z_t)).
    pub delta: Vec<f32>,
    /// dL/dh_{t-1} through this step [U].
    pub dh_prev: Vec<f32>,
    /// dL/dc_{t-1} (LSTM; empty otherwise) [U].
    pub dc_prev: Vec<f32>,
    /// The recurrent kernel's gradient summed over steps T..t, Keras layout [U][kU].
    #[serde(skip)]
    pub d_recurrent: Vec<f32>,
    /// The same for the block that feeds the candidate state, as the seed writes W_hh:
    /// row i is unit i of h_t, column j unit j of h_{t-1} ([U][U]).
    #[serde(rename = "dWhh")]
    pub d_w_hh: Vec<Vec<f32>>,
    /// Which gate that block is (z for the simple RNN, c for the LSTM, h for the GRU).
    pub gate: &'static str,
    /// ‖dL/dW_hh‖ summed over steps T..t (Frobenius norm).
    pub d_recurrent_norm: f32,
}

/// A sentence being read by a network, one token at a time.
#[derive(Debug, Clone)]
pub struct Stepper {
    pub model: Model,
    pub sentence: Sentence,
    pub forward: Vec<StepRecord>,
    pub backward: Vec<BackRecord>,
    d_logits: Vec<f32>,
    /// Uᵀ and W_hyᵀ, for the backward steps (made when the weights are set).
    recurrent_t: Vec<f32>,
    dense_t: Vec<f32>,
}

impl Stepper {
    /// A stepper at t = 0. The model's input and output sizes must be the vocabulary size.
    pub fn new(model: Model, sentence: Sentence) -> Self {
        let v = sentence.vocabulary.len();
        assert_eq!(model.spec.input_size, v, "stepper: input size must be V");
        assert_eq!(model.spec.output_size, v, "stepper: output size must be V");
        let mut stepper = Stepper { model, sentence, forward: vec![], backward: vec![], d_logits: vec![], recurrent_t: vec![], dense_t: vec![] };
        stepper.transpose_weights();
        stepper
    }

    /// Uᵀ and W_hyᵀ of the current weights.
    fn transpose_weights(&mut self) {
        let spec = self.model.spec;
        let ku = spec.cell.gates() * spec.units;
        self.recurrent_t.resize(ku * spec.units, 0.0);
        self.dense_t.resize(spec.units * spec.output_size, 0.0);
        transpose(spec.units, ku, self.model.recurrent_kernel(), &mut self.recurrent_t);
        transpose(spec.units, spec.output_size, self.model.dense_kernel(), &mut self.dense_t);
    }

    /// T, the number of tokens.
    pub fn len(&self) -> usize {
        self.sentence.len()
    }

    /// Never true: a sentence has at least one token.
    pub fn is_empty(&self) -> bool {
        self.sentence.is_empty()
    }

    /// Replaces the weights (after training) and starts again at t = 0.
    pub fn set_params(&mut self, params: &[f32]) {
        self.model.params.copy_from_slice(params);
        self.transpose_weights();
        self.reset();
    }

    /// Back to t = 0, h_0 = 0.
    pub fn reset(&mut self) {
        self.forward.clear();
        self.backward.clear();
    }

    /// Whether every token has been read.
    pub fn forward_done(&self) -> bool {
        self.forward.len() == self.len()
    }

    /// Whether the gradient has been walked back to the first token.
    pub fn backward_done(&self) -> bool {
        self.backward.len() == self.len()
    }

    /// Reads the next token. Returns `None` when the sentence is finished.
    pub fn step(&mut self) -> Option<&StepRecord> {
        if self.forward_done() {
            return None;
        }
        let spec = self.model.spec;
        let (u, v) = (spec.units, spec.output_size);
        let ku = spec.cell.gates() * u;
        let t = self.forward.len();
        let input = self.sentence.inputs[t];
        let target = self.sentence.targets[t];
        let (h_prev, c_prev) = match self.forward.last() {
            Some(r) => (r.h.clone(), r.c.clone()),
            None => (vec![0.0; u], if spec.cell == CellKind::Lstm { vec![0.0; u] } else { vec![] }),
        };
        let mut z = vec![0.0; ku];
        input_projection(&self.model, Inputs::OneHot(&[input]), 1, &mut z);
        let mut h = vec![0.0; u];
        let mut c = vec![0.0; c_prev.len()];
        let mut aux = vec![0.0; u];
        let mut scratch = vec![0.0; ku];
        let w = Weights::of(&self.model, &[]);
        cell::forward_step(spec.cell, &w, Step { h_prev: &h_prev, c_prev: &c_prev, z: &mut z, h: &mut h, c: &mut c, aux: &mut aux }, &mut scratch);
        let mut logits = vec![0.0; v];
        let mut probs = vec![0.0; v];
        output_layer(&self.model, 1, &h, &mut logits, &mut probs);
        let loss = -log_softmax_at(&logits, target as usize);
        let best = argmax(&probs) as u32;
        let gates = match spec.cell {
            CellKind::SimpleRnn { .. } => vec![],
            cell => cell.gate_names().iter().enumerate().map(|(g, &name)| Gate { name, values: z[g * u..(g + 1) * u].to_vec() }).collect(),
        };
        self.forward.push(StepRecord { t, input, target, h_prev, c_prev, z, gates, aux, h, c, logits, probs, loss, best });
        self.forward.last()
    }

    /// Undoes the last action: the last backward step if there is one, else the last
    /// forward step. Returns false at t = 0.
    pub fn step_back(&mut self) -> bool {
        if self.backward.pop().is_some() {
            return true;
        }
        self.forward.pop().is_some()
    }

    /// Mean loss per token over the steps read so far (the sentence loss when done).
    pub fn loss(&self) -> Option<f32> {
        if self.forward.is_empty() {
            return None;
        }
        Some(self.forward.iter().map(|r| r.loss).sum::<f32>() / self.forward.len() as f32)
    }

    /// Walks the gradient back one token: from the last token first. Needs the whole
    /// sentence read; returns `None` when not ready or already at the first token.
    ///
    /// ```text
    /// dh_t = W_hyᵀ dL/dy_t + dh_next;   δ_t = dh_t ⊙ f'(z_t);   dh_next ← δ_t W_hh
    /// dW_hh += h_{t-1}ᵀ δ_t   (Keras layout)
    /// ```
    pub fn bptt_step(&mut self) -> Option<&BackRecord> {
        if !self.forward_done() || self.backward_done() {
            return None;
        }
        let spec = self.model.spec;
        let (u, v, steps) = (spec.units, spec.output_size, self.len());
        let ku = spec.cell.gates() * u;
        if self.backward.is_empty() {
            // dL/dy_t for every step of the mean cross-entropy, as the batched loss computes it.
            let logits: Vec<f32> = self.forward.iter().flat_map(|r| r.logits.iter().copied()).collect();
            let probs: Vec<f32> = self.forward.iter().flat_map(|r| r.probs.iter().copied()).collect();
            self.d_logits = vec![0.0; steps * v];
            loss_and_grad(
                LossKind::CrossEntropy,
                LossAt::EveryStep,
                spec.output,
                Targets::Classes(&self.sentence.targets),
                steps,
                1,
                &logits,
                &probs,
                &mut self.d_logits,
            );
        }
        let t = steps - 1 - self.backward.len();
        let rec = &self.forward[t];
        // dh_out = dL/dy_t W_hyᵀ
        let mut dh_out = vec![0.0; u];
        gemm_acc(1, u, v, View::rows(&self.d_logits[t * v..(t + 1) * v], v), &self.dense_t, u, &mut dh_out, u);
        let (dh_next, dc_next, d_recurrent_before) = match self.backward.last() {
            Some(b) => (b.dh_prev.clone(), b.dc_prev.clone(), b.d_recurrent.clone()),
            None => (vec![0.0; u], if spec.cell == CellKind::Lstm { vec![0.0; u] } else { vec![] }, vec![0.0; u * ku]),
        };
        let dh: Vec<f32> = dh_out.iter().zip(&dh_next).map(|(a, b)| a + b).collect();
        let mut dc = dc_next;
        let mut delta = vec![0.0; ku];
        let mut dzrec = if cell::has_separate_recurrent_grad(spec.cell) { vec![0.0; ku] } else { vec![] };
        let mut dh_prev = vec![0.0; u];
        let mut scratch = vec![0.0; ku];
        let w = Weights::of(&self.model, &self.recurrent_t);
        let saved = Saved { h_prev: &rec.h_prev, c_prev: &rec.c_prev, z: &rec.z, h: &rec.h, aux: &rec.aux };
        cell::backward_step(
            spec.cell,
            &w,
            saved,
            StepGrads { dh: &dh, dc: &mut dc, dzx: &mut delta, dzrec: &mut dzrec, dh_prev: &mut dh_prev, scratch: &mut scratch },
        );
        let mut d_recurrent = d_recurrent_before;
        let mut unused_bias = vec![0.0; if dzrec.is_empty() { 0 } else { ku }];
        cell::recurrent_grads(spec.cell, u, 1, &rec.h_prev, &rec.aux, &delta, &dzrec, &mut d_recurrent, &mut unused_bias);
        let gate = spec.cell.candidate_gate();
        let d_w_hh = (0..u).map(|i| (0..u).map(|j| d_recurrent[j * ku + gate * u + i]).collect()).collect();
        let record = BackRecord {
            t,
            d_w_hh,
            gate: spec.cell.gate_names()[gate],
            dh_norm: norm(&dh) as f32,
            d_recurrent_norm: norm(&d_recurrent) as f32,
            dh_out,
            dh_next,
            dh,
            delta,
            dh_prev,
            dc_prev: dc,
            d_recurrent,
        };
        self.backward.push(record);
        self.backward.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::data::text::{Tokenize, SEED_SENTENCE};
    use crate::init::{init_model, InitConfig};
    use crate::model::{OutputKind, Spec};
    use crate::network::{forward, Initial, Workspace};

    fn stepper(cell: CellKind) -> Stepper {
        let sentence = Sentence::new(SEED_SENTENCE, Tokenize::Words).unwrap();
        let spec = Spec { cell, input_size: 5, units: 6, output_size: 5, output: OutputKind::Softmax };
        Stepper::new(init_model(spec, &InitConfig::default()).unwrap(), sentence)
    }

    /// Stepping token by token, then walking back, gives the batched pass's numbers.
    #[test]
    fn stepping_agrees_with_the_batched_pass() {
        for cell in
            [CellKind::SimpleRnn { activation: Activation::Tanh }, CellKind::Lstm, CellKind::Gru { reset_after: true }, CellKind::Gru { reset_after: false }]
        {
            let mut s = stepper(cell);
            while s.step().is_some() {}
            while s.bptt_step().is_some() {}
            let mut ws = Workspace::new();
            let ids = s.sentence.inputs.clone();
            forward(&s.model, Inputs::OneHot(&ids), 4, 1, Initial::Zero, &mut ws);
            let loss = loss_and_grad(
                LossKind::CrossEntropy,
                LossAt::EveryStep,
                OutputKind::Softmax,
                Targets::Classes(&s.sentence.targets),
                4,
                1,
                &ws.logits,
                &ws.outputs,
                &mut ws.d_logits,
            );
            let mut grads = vec![0.0; s.model.layout.len];
            crate::bptt::backward(&s.model, Inputs::OneHot(&ids), &mut ws, &mut grads);
            assert!((s.loss().unwrap() as f64 - loss).abs() < 1e-6, "{cell:?}");
            assert_eq!(s.forward[3].h, ws.hidden()[3 * 6..]);
            let last = s.backward.last().unwrap();
            let batched = &grads[s.model.layout.recurrent_kernel.clone()];
            for (a, b) in last.d_recurrent.iter().zip(batched) {
                assert!((a - b).abs() <= 1e-6 * (1.0 + b.abs()), "{cell:?}: {a} vs {b}");
            }
            for t in 0..4 {
                let back = &s.backward[3 - t];
                assert_eq!(back.t, t);
                assert!((back.dh_norm - ws.dh_norms[t]).abs() <= 1e-6 * (1.0 + ws.dh_norms[t]), "{cell:?} t={t}");
            }
        }
    }

    #[test]
    fn step_back_undoes_backward_then_forward() {
        let mut s = stepper(CellKind::Lstm);
        assert!(s.bptt_step().is_none(), "backward needs the whole sentence");
        for _ in 0..4 {
            s.step();
        }
        assert!(s.step().is_none());
        s.bptt_step();
        assert!(s.step_back());
        assert!(s.backward.is_empty() && s.forward.len() == 4);
        assert!(s.step_back());
        assert_eq!(s.forward.len(), 3);
    }
}
