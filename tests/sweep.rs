//! Nothing hangs, nothing panics, at and beyond every control's range.
//!
//! Seeded sweeps over the controls of the gradient lab and of the sentence view: every
//! corner of each range, values just outside it, and seeded random points inside. Each
//! accepted point is measured and every chart of `rnnp plot` is drawn (SVG, and PNG at a
//! few sizes); each refused point must be an error that names a setting. A hang shows as a
//! point that takes more than `LIVENESS` (a bound for a stuck loop, not a speed goal).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use rnn_playground::activation::Activation;
use rnn_playground::charts::files::render_to_svg;
use rnn_playground::figures::lab::{figure as lab_figure, LabFigure};
use rnn_playground::figures::sentence::{figure as sentence_figure, SentenceFigure};
use rnn_playground::lab::explode::ExplodeConfig;
use rnn_playground::lab::session::LabSession;
use rnn_playground::lab::{LabConfig, RecurrentInit};
use rnn_playground::rng::Rng;
use rnn_playground::session::{SentenceConfig, SentenceSession};
use rnn_playground::settings::{CellName, ClipMode, OptimizerName};
use rnn_playground::RnnError;

/// Long enough for the slowest accepted point on a loaded machine many times over; a stuck
/// loop (as plotters' tick loop on an infinite axis was) never ends.
const LIVENESS: Duration = Duration::from_secs(30);

const ACTIVATIONS: [Activation; 4] = [Activation::Linear, Activation::Tanh, Activation::Relu, Activation::Sigmoid];
const CELLS: [CellName; 3] = [CellName::SimpleRnn, CellName::Lstm, CellName::Gru];

/// Runs `f` on a thread of its own and fails if it has not returned within `LIVENESS`: a
/// hang fails the test instead of stalling the run (the stuck thread is left behind).
fn within<T: Send + 'static>(what: String, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(catch_unwind(AssertUnwindSafe(f)));
    });
    match result.recv_timeout(LIVENESS) {
        Ok(Ok(value)) => value,
        Ok(Err(_)) => panic!("panicked at {what}"),
        Err(_) => panic!("{what} did not return within {LIVENESS:?}"),
    }
}

/// An error about a setting a user controls names that setting.
fn names_a_setting(e: &RnnError) -> bool {
    match e {
        RnnError::OutOfRange { field, .. }
        | RnnError::NotFinite { field, .. }
        | RnnError::Empty { field }
        | RnnError::TooLong { field, .. }
        | RnnError::TooBig { field, .. } => !field.is_empty(),
        _ => false,
    }
}

/// Draws every lab chart of `lab` as SVG; returns the points not drawn in all.
fn draw_lab(lab: &LabSession, size: (u32, u32)) -> usize {
    let mut hidden = 0;
    for name in ["flow", "cells", "spectrum", "jacobians", "train-grad", "race"] {
        for fixed in [false, true] {
            let mut which = LabFigure::english(name, lab).expect("a chart");
            if let LabFigure::Flow { fixed_axis, .. } | LabFigure::Cells { fixed_axis, .. } = &mut which {
                *fixed_axis = fixed;
            }
            let fig = lab_figure(lab, &which);
            let (svg, drawn) = render_to_svg(size.0, size.1, |area, style| fig.render(area, style)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(svg.starts_with("<svg"), "{name}");
            hidden += drawn.hidden();
            // The table has a row per point drawn or marked.
            let _ = fig.table();
        }
    }
    hidden
}

/// The lab at `config`: measured, a short training run, every chart drawn; or a clear error.
fn lab_point(config: LabConfig, size: (u32, u32)) -> Result<usize, RnnError> {
    within(format!("{config:?}"), move || -> Result<usize, RnnError> {
        let mut lab = LabSession::new(config)?;
        lab.start_explode(ExplodeConfig { updates: 5, clip: ClipMode::None, ..Default::default() })?;
        lab.explode_step(5)?;
        Ok(draw_lab(&lab, size))
    })
}

#[test]
fn the_lab_draws_every_chart_at_and_beyond_every_range() {
    let mut accepted = 0;
    let mut overflowing = 0;
    // Every corner: the hanging links among them (linear ρ 1.5 T 200, relu ρ 2.5,
    // tanh ρ 2 T 150, LSTM ρ 2.5 T 200 with forget bias 5).
    for cell in CELLS {
        for activation in ACTIVATIONS {
            for radius in [0.1, 1.0, 1.3, 1.5, 2.0, 2.5] {
                for seq_len in [2, 150, 200] {
                    for forget_bias in [0.0, 5.0] {
                        if cell != CellName::SimpleRnn && activation != Activation::Tanh {
                            continue; // the activation is the simple RNN's only
                        }
                        let config = LabConfig { cell, activation, radius, seq_len, forget_bias, units: 32, ..Default::default() };
                        let hidden = lab_point(config, (900, 480)).expect("a point inside the ranges is accepted");
                        accepted += 1;
                        overflowing += usize::from(hidden > 0);
                    }
                }
            }
        }
    }
    // Seeded points inside, at odd picture sizes (a phone, a thumbnail).
    let mut rng = Rng::new(2024);
    for _ in 0..40 {
        let config = LabConfig {
            cell: CELLS[rng.below(3)],
            activation: ACTIVATIONS[rng.below(4)],
            radius: 0.1 + 2.4 * rng.uniform01_f64(),
            seq_len: 2 + rng.below(199) as u64,
            forget_bias: [0.0, 1.0, 5.0][rng.below(3)],
            init: [RecurrentInit::Orthogonal, RecurrentInit::Gaussian][rng.below(2)],
            seed: rng.below(1000) as u64,
            units: 1 + rng.below(64) as u64,
        };
        let size = [(390, 300), (64, 64), (1280, 400)][rng.below(3)];
        lab_point(config, size).expect("a point inside the ranges is accepted");
        accepted += 1;
    }
    // Beyond the ranges: refused, naming the setting.
    for bad in [
        LabConfig { radius: 0.05, ..Default::default() },
        LabConfig { radius: 2.6, ..Default::default() },
        LabConfig { radius: f64::NAN, ..Default::default() },
        LabConfig { radius: f64::INFINITY, ..Default::default() },
        LabConfig { seq_len: 1, ..Default::default() },
        LabConfig { seq_len: 201, ..Default::default() },
        LabConfig { seq_len: 1000, units: 256, cell: CellName::Lstm, ..Default::default() },
        LabConfig { units: 0, ..Default::default() },
        LabConfig { forget_bias: 11.0, ..Default::default() },
        LabConfig { seed: u64::MAX, ..Default::default() },
    ] {
        let err = lab_point(bad.clone(), (900, 480)).expect_err("beyond the range is refused");
        assert!(names_a_setting(&err), "{bad:?}: {err:?}");
    }
    println!("{accepted} lab points drawn; {overflowing} corners overflowed and were marked");
    assert!(overflowing > 10, "the sweep reaches the overflowing corners");
}

/// The sentence view at `config`: trained, stepped to the end and back, its charts drawn.
fn sentence_point(config: SentenceConfig) -> Result<(), RnnError> {
    within(format!("{config:?}"), move || -> Result<(), RnnError> {
        let mut s = SentenceSession::new(config)?;
        s.train(3);
        while s.stepper.step().is_some() {}
        while s.stepper.bptt_step().is_some() {}
        for name in ["hidden", "units", "loss", "grad"] {
            let fig = sentence_figure(&s, &SentenceFigure::english(name).expect("a chart"));
            render_to_svg(700, 300, |area, style| fig.render(area, style)).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let mut check = s.gradcheck();
        check.step(20);
        Ok(())
    })
}

#[test]
fn the_sentence_view_steps_trains_and_draws_at_and_beyond_every_range() {
    let texts = ["我 爱 北京 天安门", "a", "a <end> b", "🐼 👨‍👩‍👧 é", &"x ".repeat(64), &"字".repeat(300)];
    let mut accepted = 0;
    for cell in CELLS {
        for activation in ACTIVATIONS {
            for units in [1, 64] {
                for learning_rate in [1e-5, 1.0] {
                    for (clip, optimizer) in
                        [(ClipMode::None, OptimizerName::Sgd), (ClipMode::Value, OptimizerName::Adam), (ClipMode::Norm, OptimizerName::Adam)]
                    {
                        let config = SentenceConfig { cell, activation, units, learning_rate, clip, optimizer, clip_threshold: 0.01, ..Default::default() };
                        sentence_point(config).expect("accepted");
                        accepted += 1;
                    }
                }
            }
        }
    }
    for text in texts {
        for tokenize in [rnn_playground::data::text::Tokenize::Words, rnn_playground::data::text::Tokenize::Chars] {
            let config = SentenceConfig { text: text.to_string(), tokenize, ..Default::default() };
            match sentence_point(config) {
                Ok(()) => accepted += 1,
                // 300 characters are 300 tokens: more than fit on the page.
                Err(e) => assert!(matches!(e, RnnError::TooLong { .. }), "{text}: {e:?}"),
            }
        }
    }
    for bad in [
        SentenceConfig { units: 0, ..Default::default() },
        SentenceConfig { units: 65, ..Default::default() },
        SentenceConfig { units: 4096, cell: CellName::Lstm, ..Default::default() },
        SentenceConfig { learning_rate: 0.0, ..Default::default() },
        SentenceConfig { learning_rate: f64::NAN, ..Default::default() },
        SentenceConfig { clip_threshold: 1e9, ..Default::default() },
        SentenceConfig { text: "   ".into(), ..Default::default() },
        SentenceConfig { text: "字".repeat(301), ..Default::default() },
        SentenceConfig { epochs: 0, ..Default::default() },
        SentenceConfig { momentum: 1.0, ..Default::default() },
    ] {
        let err = sentence_point(bad.clone()).expect_err("beyond the range is refused");
        assert!(names_a_setting(&err), "{bad:?}: {err:?}");
    }
    println!("{accepted} sentence points stepped, trained and drawn");
}
