//! Finite-difference gradient checks (recurrentjs `gradCheck`): for every cell variant,
//! every loss and both `loss_at` settings, every weight's analytic gradient from
//! `bptt::backward` is compared with the five-point central difference
//!
//! ```text
//! n = (8 (L(w+h) - L(w-h)) - (L(w+2h) - L(w-2h))) / 12h        truncation error O(h⁴)
//! ```
//!
//! and the relative error |a - n| / (|a| + |n|) must be below 1e-2. The engine runs in f32
//! (I = 3, U = 4, O = 3, T = 6, a batch of B = 2 sequences); the loss L is recomputed here in
//! f64 from the engine's f32 logits by [`reference_loss`], written from the formulas and not
//! from `loss.rs`, so the loss value is checked too.
//!
//! Why five points and h = 0.05 and not the two-point ε = 1e-3: the f32 forward pass puts
//! noise of about 1e-7 · L into every loss, which the two-point quotient divides by 2ε and
//! turns into errors of 1e-5 — 10% on a gradient entry of 1e-4. With h = 0.05 that noise is
//! ~1e-7 absolute, and the O(h⁴) stencil keeps the truncation error as small (measured
//! worst relative errors: about 4e-3 with h = 0.05, 1e-1 with the two-point ε = 1e-3).
//! Entries with |a| + |n| below [`TINY`] are compared by absolute error instead.
//!
//! dL/dh_t (`Workspace::dh`, the total derivative through the output at t and all later
//! steps) is checked by perturbing h_t itself: the forward pass is run in two pieces, steps
//! 1..t from h_0 = 0 and steps t+1..T from the perturbed h_t (`Initial::State`, with c_t
//! unchanged for the LSTM), and the output at t is recomputed here from the perturbed h_t.

use rnn_playground::activation::Activation;
use rnn_playground::bptt;
use rnn_playground::loss::{loss_and_grad, LossAt, LossKind, Targets};
use rnn_playground::model::{CellKind, Model, OutputKind, Spec};
use rnn_playground::network::{forward, Initial, Inputs, Workspace};
use rnn_playground::rng::Rng;
use rnn_playground::train::{Bptt, Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};

const I: usize = 3;
const U: usize = 4;
const O: usize = 3;
const T: usize = 6;
const B: usize = 2;

/// The step h of the finite differences (see [`central_difference`]).
const STEP: f32 = 0.05;
const RELU_STEP: f32 = 0.01;
/// Smallest |pre-activation| of a relu problem.
const RELU_MARGIN: f32 = 0.02;
/// Largest accepted relative error |a - n| / (|a| + |n|).
const MAX_RELATIVE: f64 = 1e-2;
/// Below this |a| + |n| an entry is compared by absolute error.
const TINY: f64 = 1e-4;
/// Largest accepted absolute error on tiny entries.
const MAX_ABSOLUTE: f64 = 2e-6;

const CELLS: [CellKind; 7] = [
    CellKind::SimpleRnn { activation: Activation::Tanh },
    CellKind::SimpleRnn { activation: Activation::Relu },
    CellKind::SimpleRnn { activation: Activation::Sigmoid },
    CellKind::SimpleRnn { activation: Activation::Linear },
    CellKind::Lstm,
    CellKind::Gru { reset_after: true },
    CellKind::Gru { reset_after: false },
];

/// The three loss/output pairings the engine allows.
const LOSSES: [(LossKind, OutputKind); 3] =
    [(LossKind::Mse, OutputKind::Linear), (LossKind::CrossEntropy, OutputKind::Softmax), (LossKind::Mse, OutputKind::Softmax)];

enum Y {
    /// [T][B][O].
    Values(Vec<f32>),
    /// [T][B].
    Classes(Vec<u32>),
}

impl Y {
    fn targets(&self) -> Targets<'_> {
        match self {
            Y::Values(v) => Targets::Values(v),
            Y::Classes(c) => Targets::Classes(c),
        }
    }
}

/// One network, one batch and one loss.
struct Problem {
    model: Model,
    /// [T][B][I], time-major.
    x: Vec<f32>,
    y: Y,
    loss: LossKind,
    at: LossAt,
}

impl Problem {
    /// Weights, inputs and targets drawn from `seed`: weights and inputs uniform in [-0.6, 0.6]
    /// and [-1, 1] (as the parity fixtures), mse targets in [-1, 1] for a linear output and
    /// [0, 1] for a softmax, class ids in 0..O.
    fn new(cell: CellKind, loss: LossKind, output: OutputKind, at: LossAt, seed: u64) -> Self {
        let spec = Spec { cell, input_size: I, units: U, output_size: O, output };
        let mut model = Model::zeros(spec).unwrap();
        let mut rng = Rng::new(seed);
        for w in model.params.iter_mut() {
            *w = rng.uniform(-0.6, 0.6);
        }
        let x: Vec<f32> = (0..T * B * I).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let y = match (loss, output) {
            (LossKind::CrossEntropy, _) => Y::Classes((0..T * B).map(|_| rng.below(O) as u32).collect()),
            (LossKind::Mse, OutputKind::Linear) => Y::Values((0..T * B * O).map(|_| rng.uniform(-1.0, 1.0)).collect()),
            (LossKind::Mse, OutputKind::Softmax) => Y::Values((0..T * B * O).map(|_| rng.uniform(0.0, 1.0)).collect()),
        };
        Problem { model, x, y, loss, at }
    }

    /// As [`Problem::new`], but for relu the draw is repeated (seed + 1, + 2, …) until
    /// every pre-activation is at least [`RELU_MARGIN`] away from the kink at 0, so that few
    /// finite differences cross it (the parity fixtures redraw a dead relu the same way).
    fn away_from_kinks(cell: CellKind, loss: LossKind, output: OutputKind, at: LossAt, seed: u64) -> Self {
        for attempt in 0..1000 {
            let p = Problem::new(cell, loss, output, at, seed + attempt);
            if !is_relu(&p.model) {
                return p;
            }
            let (_, _, ws) = p.analytic();
            if ws.z.iter().all(|z| z.abs() >= RELU_MARGIN) {
                return p;
            }
        }
        panic!("no relu draw with every pre-activation at least {RELU_MARGIN} from 0");
    }

    fn name(&self) -> String {
        let cell = match self.model.spec.cell {
            CellKind::SimpleRnn { activation } => format!("simple_rnn/{}", rnn_playground::settings::Choices::name(activation)),
            CellKind::Lstm => "lstm".into(),
            CellKind::Gru { reset_after } => format!("gru/reset_after={reset_after}"),
        };
        format!("{cell} {:?}+{:?} {:?}", self.loss, self.model.spec.output, self.at)
    }

    /// The analytic pass: loss (engine's), dL/dweights and the workspace with dh and dh_norms.
    fn analytic(&self) -> (f32, Vec<f32>, Workspace) {
        let mut ws = Workspace::new();
        let inputs = Inputs::Dense(&self.x);
        forward(&self.model, inputs, T, B, Initial::Zero, &mut ws);
        let loss = loss_and_grad(self.loss, self.at, self.model.spec.output, self.y.targets(), T, B, &ws.logits, &ws.outputs, &mut ws.d_logits) as f32;
        let mut grads = vec![0.0; self.model.layout.len];
        bptt::backward(&self.model, inputs, &mut ws, &mut grads);
        (loss, grads, ws)
    }

    /// L in f64 for `model`, and the relu sign pattern of its pre-activations.
    fn loss_of(&self, model: &Model, ws: &mut Workspace) -> (f64, Vec<bool>) {
        forward(model, Inputs::Dense(&self.x), T, B, Initial::Zero, ws);
        let logits: Vec<f64> = ws.logits.iter().map(|&v| v as f64).collect();
        (reference_loss(self, &logits), signs(&ws.z))
    }

    /// L in f64 with h_t of sequence `b`, unit `j` moved by `delta`; returns the loss, the
    /// step actually taken (after rounding to f32), and the relu sign pattern of steps t+1..T.
    fn loss_with_hidden_moved(&self, t: usize, b: usize, j: usize, delta: f32) -> (f64, Vec<bool>) {
        let model = &self.model;
        let mut ws = Workspace::new();
        // Steps 1..t+1 (0-based 0..=t) from h_0 = 0.
        forward(model, Inputs::Dense(&self.x[..(t + 1) * B * I]), t + 1, B, Initial::Zero, &mut ws);
        let mut logits: Vec<f64> = ws.logits[..t * B * O].iter().map(|&v| v as f64).collect();
        let (h, c) = ws.final_state();
        let (mut h, c) = (h.to_vec(), c.to_vec());
        h[b * U + j] += delta;
        // The output at step t from the moved h_t: y = b_y + h W_hy, in f64.
        for row in 0..B {
            for o in 0..O {
                let mut y = model.dense_bias()[o] as f64;
                for k in 0..U {
                    y += h[row * U + k] as f64 * model.dense_kernel()[k * O + o] as f64;
                }
                logits.push(y);
            }
        }
        // Steps t+2..T from the moved state.
        let mut z_rest = vec![];
        if t + 1 < T {
            let mut rest = Workspace::new();
            forward(model, Inputs::Dense(&self.x[(t + 1) * B * I..]), T - t - 1, B, Initial::State(&h, &c), &mut rest);
            logits.extend(rest.logits.iter().map(|&v| v as f64));
            z_rest = signs(&rest.z);
        }
        (reference_loss(self, &logits), z_rest)
    }
}

/// dL/dw from L(w + offset), by the five-point central difference
///
/// ```text
/// n = (8 (L(w+h) - L(w-h)) - (L(w+2h) - L(w-2h))) / 12h        error O(h⁴)
/// ```
///
/// (The offsets w ± h are rounded to f32; the step error is below ulp(w)/h ≈ 1e-5 relative.)
fn central_difference(h: f32, mut loss: impl FnMut(f32) -> f64) -> f64 {
    let (p1, m1, p2, m2) = (loss(h), loss(-h), loss(2.0 * h), loss(-2.0 * h));
    (8.0 * (p1 - m1) - (p2 - m2)) / (12.0 * h as f64)
}

/// The step h of [`central_difference`] for this cell: 0.05, or 0.01 for relu, whose
/// max(0, z) has a kink that a long step would cross more often.
fn step_for(model: &Model) -> f32 {
    if is_relu(model) {
        RELU_STEP
    } else {
        STEP
    }
}

/// For the relu cell: which pre-activations are positive (a finite difference across
/// a kink of max(0, z) measures no derivative). Empty for other cells.
fn signs(z: &[f32]) -> Vec<bool> {
    z.iter().map(|&v| v > 0.0).collect()
}

fn is_relu(model: &Model) -> bool {
    model.spec.cell == (CellKind::SimpleRnn { activation: Activation::Relu })
}

/// The loss from its definition, in f64, for logits [T][B][O]:
///
/// ```text
/// mse:           (1/N) Σ (out - y)²   over counted steps, sequences and outputs (N of them)
/// cross-entropy: (1/N) Σ -ln softmax(y_t)[class]   over counted steps and sequences
/// out = softmax(logits) or logits; counted steps = all, or only the last
/// ```
fn reference_loss(p: &Problem, logits: &[f64]) -> f64 {
    let first = match p.at {
        LossAt::EveryStep => 0,
        LossAt::LastStep => T - 1,
    };
    let (mut sum, mut n) = (0.0f64, 0usize);
    for t in first..T {
        for b in 0..B {
            let row = &logits[(t * B + b) * O..(t * B + b + 1) * O];
            let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let log_sum = row.iter().map(|v| (v - max).exp()).sum::<f64>().ln();
            let log_p: Vec<f64> = row.iter().map(|v| v - max - log_sum).collect();
            match &p.y {
                Y::Values(y) => {
                    for o in 0..O {
                        let out = match p.model.spec.output {
                            OutputKind::Linear => row[o],
                            OutputKind::Softmax => log_p[o].exp(),
                        };
                        let e = out - y[(t * B + b) * O + o] as f64;
                        sum += e * e;
                        n += 1;
                    }
                }
                Y::Classes(c) => {
                    sum -= log_p[c[t * B + b] as usize];
                    n += 1;
                }
            }
        }
    }
    sum / n as f64
}

/// Running record of a comparison between analytic and numeric derivatives.
#[derive(Default)]
struct Tally {
    checked: usize,
    /// Entries skipped because the relu kink was crossed.
    kinks: usize,
    worst_relative: f64,
    worst_relative_at: String,
    worst_tiny: f64,
    failures: Vec<String>,
}

impl Tally {
    fn compare(&mut self, analytic: f64, numeric: f64, what: impl Fn() -> String) {
        self.checked += 1;
        let diff = (analytic - numeric).abs();
        let size = analytic.abs() + numeric.abs();
        if size < TINY {
            self.worst_tiny = self.worst_tiny.max(diff);
            if diff > MAX_ABSOLUTE {
                self.failures.push(format!("{}: analytic {analytic:.6e}, numeric {numeric:.6e}", what()));
            }
            return;
        }
        let relative = diff / size;
        if relative > self.worst_relative {
            self.worst_relative = relative;
            self.worst_relative_at = what();
        }
        if relative > MAX_RELATIVE {
            self.failures.push(format!("{}: analytic {analytic:.6e}, numeric {numeric:.6e}, relative error {relative:.2e}", what()));
        }
    }
}

/// Checks every weight of one problem by central differences.
fn check_weights(p: &Problem, grads: &[f32]) -> Tally {
    let mut tally = Tally::default();
    let mut model = p.model.clone();
    let mut ws = Workspace::new();
    let (_, base_signs) = p.loss_of(&model, &mut ws);
    for tensor in p.model.layout.tensors() {
        for (k, index) in tensor.range.clone().enumerate() {
            let w = p.model.params[index];
            let mut kink = false;
            let numeric = central_difference(step_for(&p.model), |offset| {
                model.params[index] = w + offset;
                let (loss, signs) = p.loss_of(&model, &mut ws);
                kink |= is_relu(&model) && signs != base_signs;
                loss
            });
            model.params[index] = w;
            if kink {
                tally.kinks += 1;
                continue;
            }
            tally.compare(grads[index] as f64, numeric, || format!("{} d{}[{k}]", p.name(), tensor.name));
        }
    }
    tally
}

/// Checks dL/dh_t for every step, sequence and unit, and ‖dL/dh_t‖.
fn check_hidden(p: &Problem, ws: &Workspace) -> Tally {
    let mut tally = Tally::default();
    let base_signs = signs(&ws.z);
    for t in 0..T {
        let mut numeric_sq = 0.0f64;
        let mut kink_here = false;
        for b in 0..B {
            for j in 0..U {
                let rest = &base_signs[(t + 1) * B * U..];
                let mut kink = false;
                let numeric = central_difference(step_for(&p.model), |offset| {
                    let (loss, signs) = p.loss_with_hidden_moved(t, b, j, offset);
                    kink |= is_relu(&p.model) && signs != rest;
                    loss
                });
                if kink {
                    tally.kinks += 1;
                    kink_here = true;
                    continue;
                }
                numeric_sq += numeric * numeric;
                let analytic = ws.dh[(t * B + b) * U + j] as f64;
                tally.compare(analytic, numeric, || format!("{} dL/dh_{}[seq {b}][unit {j}]", p.name(), t + 1));
            }
        }
        if !kink_here {
            tally.compare(ws.dh_norms[t] as f64, numeric_sq.sqrt(), || format!("{} ‖dL/dh_{}‖", p.name(), t + 1));
        }
        // dh_norms is the norm of dh over the whole batch, as documented.
        let own: f64 = ws.dh[t * B * U..(t + 1) * B * U].iter().map(|&v| (v as f64) * (v as f64)).sum::<f64>().sqrt();
        assert!((own - ws.dh_norms[t] as f64).abs() <= 1e-6 * own.max(1e-12), "{}: dh_norms[{t}] = {} but ‖dh‖ = {own}", p.name(), ws.dh_norms[t]);
    }
    tally
}

fn all_problems() -> Vec<Problem> {
    let mut problems = vec![];
    for (c, cell) in CELLS.into_iter().enumerate() {
        for (l, (loss, output)) in LOSSES.into_iter().enumerate() {
            for (a, at) in [LossAt::EveryStep, LossAt::LastStep].into_iter().enumerate() {
                problems.push(Problem::away_from_kinks(cell, loss, output, at, 1000 + (c * 10 + l * 2 + a) as u64));
            }
        }
    }
    problems
}

#[test]
fn every_weight_gradient_matches_central_differences() {
    let mut failures = vec![];
    let (mut checked, mut kinks) = (0, 0);
    for p in all_problems() {
        let (loss, grads, _) = p.analytic();
        let mut ws = Workspace::new();
        let (reference, _) = p.loss_of(&p.model, &mut ws);
        assert!((loss as f64 - reference).abs() <= 1e-6 * reference, "{}: engine loss {loss} but the definition gives {reference}", p.name());
        let tally = check_weights(&p, &grads);
        println!(
            "{:52} {:3} weights, worst relative {:.1e} ({}), worst tiny-entry abs {:.1e}, relu kinks skipped {}",
            p.name(),
            tally.checked,
            tally.worst_relative,
            tally.worst_relative_at.rsplit(' ').next().unwrap_or(""),
            tally.worst_tiny,
            tally.kinks
        );
        assert_eq!(tally.checked + tally.kinks, p.model.layout.len, "every weight is visited");
        checked += tally.checked;
        kinks += tally.kinks;
        failures.extend(tally.failures);
    }
    println!("{checked} weight gradients checked, {kinks} skipped at a relu kink");
    assert!(kinks * 20 < checked, "too many relu kinks ({kinks}); the check would say little");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn hidden_state_gradients_match_perturbing_h_t() {
    let mut failures = vec![];
    let (mut checked, mut kinks) = (0, 0);
    for p in all_problems() {
        let (_, _, ws) = p.analytic();
        let tally = check_hidden(&p, &ws);
        println!(
            "{:52} dL/dh_t: {:2} entries, worst relative {:.1e}, worst tiny-entry abs {:.1e}, relu kinks skipped {}",
            p.name(),
            tally.checked,
            tally.worst_relative,
            tally.worst_tiny,
            tally.kinks
        );
        checked += tally.checked;
        kinks += tally.kinks;
        failures.extend(tally.failures);
    }
    assert!(kinks * 20 < checked, "too many relu kinks ({kinks})");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The check itself can fail: a gradient 3% off in one entry, or with its sign flipped, is
/// reported.
#[test]
fn the_check_catches_a_wrong_gradient() {
    let p = Problem::new(CellKind::Lstm, LossKind::Mse, OutputKind::Linear, LossAt::EveryStep, 3);
    let (_, grads, _) = p.analytic();
    assert!(check_weights(&p, &grads).failures.is_empty());
    let biggest = (0..grads.len()).max_by(|&a, &b| grads[a].abs().total_cmp(&grads[b].abs())).unwrap();
    let mut wrong = grads.clone();
    wrong[biggest] *= 1.03;
    assert_eq!(check_weights(&p, &wrong).failures.len(), 1);
    let mut flipped = grads.clone();
    let r = p.model.layout.recurrent_kernel.clone();
    flipped[r.start + 5] = -flipped[r.start + 5];
    assert_eq!(check_weights(&p, &flipped).failures.len(), 1);
}

/// With loss at the last step only, the output layer before T gets no gradient: dh_t for
/// t < T comes only through the recurrence, and dh_T is exactly W_hy dL/dy_T.
/// Hand check on the structure: d_logits is zero for every step but the last.
#[test]
fn last_step_loss_gives_no_output_gradient_before_the_end() {
    for cell in CELLS {
        let p = Problem::new(cell, LossKind::CrossEntropy, OutputKind::Softmax, LossAt::LastStep, 7);
        let (_, _, ws) = p.analytic();
        assert!(ws.d_logits[..(T - 1) * B * O].iter().all(|&d| d == 0.0), "{}", p.name());
        // dL/dh_T = dL/dy_T W_hyᵀ, row by row.
        for b in 0..B {
            for j in 0..U {
                let want: f64 = (0..O).map(|o| ws.d_logits[((T - 1) * B + b) * O + o] as f64 * p.model.dense_kernel()[j * O + o] as f64).sum();
                let got = ws.dh[((T - 1) * B + b) * U + j] as f64;
                assert!((want - got).abs() <= 1e-5 * want.abs().max(1e-3), "{}: {got} vs {want}", p.name());
            }
        }
    }
}

/// `Inputs::OneHot(ids)` must compute what the dense one-hot vectors compute: the same
/// outputs, loss, weight gradients and dL/dh_t.
#[test]
fn one_hot_inputs_match_dense_one_hot_vectors() {
    for (c, cell) in CELLS.into_iter().enumerate() {
        for (loss, output) in LOSSES {
            let p = Problem::new(cell, loss, output, LossAt::EveryStep, 500 + c as u64);
            let mut rng = Rng::new(900 + c as u64);
            let ids: Vec<u32> = (0..T * B).map(|_| rng.below(I) as u32).collect();
            let mut dense = vec![0.0f32; T * B * I];
            for (row, &id) in ids.iter().enumerate() {
                dense[row * I + id as usize] = 1.0;
            }
            let run = |inputs: Inputs| {
                let mut ws = Workspace::new();
                forward(&p.model, inputs, T, B, Initial::Zero, &mut ws);
                let l = loss_and_grad(p.loss, p.at, output, p.y.targets(), T, B, &ws.logits, &ws.outputs, &mut ws.d_logits);
                let mut grads = vec![0.0; p.model.layout.len];
                bptt::backward(&p.model, inputs, &mut ws, &mut grads);
                (l, grads, ws)
            };
            let (l1, g1, ws1) = run(Inputs::OneHot(&ids));
            let (l2, g2, ws2) = run(Inputs::Dense(&dense));
            let name = p.name();
            assert!((l1 - l2).abs() <= 1e-6 * l2.abs(), "{name}: loss {l1} vs {l2}");
            assert_close(&ws1.outputs, &ws2.outputs, &format!("{name} outputs"));
            assert_close(&ws1.dh, &ws2.dh, &format!("{name} dh"));
            for tensor in p.model.layout.tensors() {
                assert_close(&g1[tensor.range.clone()], &g2[tensor.range.clone()], &format!("{name} d{}", tensor.name));
            }
            // Rows of the kernel for ids never read get no gradient.
            for id in 0..I {
                if !ids.contains(&(id as u32)) {
                    let ku = cell.gates() * U;
                    assert!(g1[id * ku..(id + 1) * ku].iter().all(|&g| g == 0.0), "{name}: unused row {id}");
                }
            }
        }
    }
}

/// max|a - b| ≤ 1e-6 · max|b|.
fn assert_close(a: &[f32], b: &[f32], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}");
    let scale = b.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    let diff = a.iter().zip(b).fold(0.0f32, |m, (x, y)| m.max((x - y).abs()));
    assert!(diff <= 1e-6 * scale.max(1e-30), "{what}: differ by {diff:e} (scale {scale:e})");
}

/// A data set of the B sequences of `p`, sample-major as `Dataset` wants.
fn dataset_of(p: &Problem) -> Dataset {
    let mut x = vec![0.0; B * T * I];
    let Y::Values(yv) = &p.y else { panic!("mse problem expected") };
    let mut y = vec![0.0; B * T * O];
    for b in 0..B {
        for t in 0..T {
            x[(b * T + t) * I..(b * T + t + 1) * I].copy_from_slice(&p.x[(t * B + b) * I..(t * B + b + 1) * I]);
            y[(b * T + t) * O..(b * T + t + 1) * O].copy_from_slice(&yv[(t * B + b) * O..(t * B + b + 1) * O]);
        }
    }
    Dataset::new(B, T, SeqInputs::Dense { features: I, data: x }, SeqTargets::Values { outputs: O, data: y }).unwrap()
}

fn config(bptt: Bptt) -> TrainConfig {
    TrainConfig { optimizer: OptimizerConfig::adam(0.01), batch_size: B, bptt, shuffle: false, ..Default::default() }
}

/// Truncated BPTT with a window at least as long as the sequence is full BPTT: the same
/// weights, bit for bit, after three epochs, and the same loss history.
#[test]
fn truncated_bptt_with_a_long_window_is_full_bptt() {
    for cell in CELLS {
        let p = Problem::new(cell, LossKind::Mse, OutputKind::Linear, LossAt::EveryStep, 77);
        let data = dataset_of(&p);
        let mut full = Trainer::new(p.model.clone(), config(Bptt::Full)).unwrap();
        for _ in 0..3 {
            full.train_epoch(&data).unwrap();
        }
        for k in [T, T + 4] {
            let mut truncated = Trainer::new(p.model.clone(), config(Bptt::Truncated(k))).unwrap();
            for _ in 0..3 {
                truncated.train_epoch(&data).unwrap();
            }
            assert_eq!(truncated.model.params, full.model.params, "{} Truncated({k})", p.name());
            assert_eq!(truncated.history, full.history, "{} Truncated({k})", p.name());
            assert_eq!(truncated.updates, 3);
        }
        assert!(full.history[2] < full.history[0], "{}: training lowers the loss {:?}", p.name(), full.history);
    }
}

/// Truncated BPTT(3) on T = 6 is, by its definition (Williams and Peng), two updates: steps
/// 1-3 from h_0 = 0, then steps 4-6 from the h_3 (and c_3) the first window reached with the
/// weights of before the first update; and the epoch loss is the step-weighted mean
/// (3·L₁ + 3·L₂) / 6.
#[test]
fn truncated_bptt_is_one_update_per_window_with_the_state_carried() {
    for cell in CELLS {
        let p = Problem::new(cell, LossKind::Mse, OutputKind::Linear, LossAt::EveryStep, 78);
        let data = dataset_of(&p);
        let mut truncated = Trainer::new(p.model.clone(), config(Bptt::Truncated(3))).unwrap();
        let epoch_loss = truncated.train_epoch(&data).unwrap();

        let Y::Values(y) = &p.y else { unreachable!() };
        let mut by_hand = Trainer::new(p.model.clone(), config(Bptt::Full)).unwrap();
        let w = 3 * B;
        let first = by_hand.update(Inputs::Dense(&p.x[..w * I]), Targets::Values(&y[..w * O]), 3, B, Initial::Zero).unwrap();
        let (h, c) = by_hand.ws.final_state();
        let (h, c) = (h.to_vec(), c.to_vec());
        let second = by_hand.update(Inputs::Dense(&p.x[w * I..]), Targets::Values(&y[w * O..]), 3, B, Initial::State(&h, &c)).unwrap();

        assert_eq!(truncated.updates, 2, "{}", p.name());
        assert_eq!(truncated.model.params, by_hand.model.params, "{}", p.name());
        let want = (3.0 * first.loss as f64 + 3.0 * second.loss as f64) / 6.0;
        assert!((epoch_loss as f64 - want).abs() <= 1e-6 * want, "{}: {epoch_loss} vs {want}", p.name());
        // And it is not full BPTT: the gradient of window 2 does not reach window 1.
        let mut full = Trainer::new(p.model.clone(), config(Bptt::Full)).unwrap();
        full.train_epoch(&data).unwrap();
        assert_ne!(full.model.params, truncated.model.params, "{}", p.name());
    }
}
