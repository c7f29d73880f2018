//! The sentence view's charts: the hidden state, each unit over time, the loss per epoch,
//! and ‖dL/dh_t‖ per token as the gradient walks back.

use serde::Deserialize;

use super::Figure;
use crate::activation::Activation;
use crate::charts::{HeatmapChart, LineChart, Series};
use crate::model::CellKind;
use crate::session::SentenceSession;

/// A chart of the sentence view, with its texts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum SentenceFigure {
    /// h_t of every step read so far, as a heatmap.
    Hidden { title: String, unit: String, step: String, empty: String },
    /// Each unit of h_t over the steps; `highlight` picks one unit (0-based) to stand out.
    Units { title: String, step: String, empty: String, highlight: Option<u64> },
    /// The loss per epoch with ln V dashed.
    Loss { title: String, x: String, y: String, reference: String, empty: String },
    /// ‖dL/dh_t‖ for the steps walked back so far, on a log scale.
    Grad { title: String, x: String, y: String, series: String, empty: String },
}

impl SentenceFigure {
    /// The chart named `name` with English texts (the command line's).
    pub fn english(name: &str) -> Option<Self> {
        let s = |x: &str| x.to_string();
        Some(match name {
            "hidden" => SentenceFigure::Hidden { title: s("Hidden state h_t"), unit: s("unit"), step: s("step"), empty: s("step to see h_t") },
            "units" => SentenceFigure::Units { title: s("Each unit over time"), step: s("step"), empty: s("step to see h_t"), highlight: None },
            "loss" => SentenceFigure::Loss { title: s("Training loss"), x: s("epoch"), y: s("loss"), reference: s("ln V"), empty: s("train to see the loss") },
            "grad" => SentenceFigure::Grad {
                title: s("Gradient norm ||dL/dh_t||"),
                x: s("token"),
                y: s("||dL/dh_t||"),
                series: s("gradient at each token"),
                empty: s("walk back to see the gradient"),
            },
            _ => return None,
        })
    }
}

/// The colour range of h: (−1, 1) for tanh and the sigmoid, the largest |h| otherwise.
fn hidden_range(session: &SentenceSession) -> f32 {
    match session.stepper.model.spec.cell {
        CellKind::SimpleRnn { activation: Activation::Relu | Activation::Linear } => {
            session.stepper.forward.iter().flat_map(|r| r.h.iter()).filter(|v| v.is_finite()).fold(1e-3f32, |m, v| m.max(v.abs()))
        }
        _ => 1.0,
    }
}

/// The chart `which` of `session`.
pub fn figure(session: &SentenceSession, which: &SentenceFigure) -> Figure {
    let stepper = &session.stepper;
    let tokens = stepper.sentence.tokens.clone();
    let units = stepper.model.spec.units;
    match which {
        SentenceFigure::Hidden { title, unit, step, empty } => Figure::Heatmap(HeatmapChart {
            title: title.clone(),
            units,
            tokens,
            values: stepper.forward.iter().flat_map(|r| r.h.iter().copied()).collect(),
            range: hidden_range(session),
            unit_label: unit.clone(),
            step_label: step.clone(),
            empty_message: empty.clone(),
        }),
        SentenceFigure::Units { title, step, empty, highlight } => {
            let range = hidden_range(session) as f64;
            let highlight = highlight.filter(|&k| (k as usize) < units).map(|k| k as usize);
            let series = (0..units)
                .map(|j| {
                    let points = stepper.forward.iter().enumerate().map(|(t, r)| (t as f64, r.h[j] as f64)).collect();
                    // Seven colours, then the same seven dashed: fourteen lines told apart.
                    Series {
                        label: format!("h{}", j + 1),
                        points,
                        color: j % 7,
                        dashed: (j / 7) % 2 == 1,
                        markers: stepper.forward.len() < 12,
                        in_table: true,
                        faded: highlight.is_some_and(|k| k != j),
                    }
                })
                .collect();
            Figure::Line(LineChart {
                series: if stepper.forward.is_empty() { vec![] } else { series },
                x_range: Some((-0.5, tokens.len() as f64 - 0.5)),
                y_range: Some((-range * 1.05, range * 1.05)),
                x_names: tokens,
                ..LineChart::new(title, step, "", empty)
            })
        }
        SentenceFigure::Loss { title, x, y, reference, empty } => {
            let losses = &session.losses;
            let mut series = vec![];
            if !losses.is_empty() {
                let n = losses.len().max(2) as f64;
                let ln_v = session.uniform_loss() as f64;
                series.push(Series::from_values(y, losses));
                series.push(Series::level(reference, ln_v, 1.0, n, 1));
            }
            let top = losses.iter().copied().filter(|l| l.is_finite()).fold(session.uniform_loss(), f32::max) as f64 * 1.1;
            Figure::Line(LineChart { series, y_range: if losses.is_empty() { None } else { Some((0.0, top)) }, ..LineChart::new(title, x, y, empty) })
        }
        SentenceFigure::Grad { title, x, y, series: name, empty } => {
            let mut points: Vec<(f64, f64)> = stepper.backward.iter().map(|b| (b.t as f64, b.dh_norm as f64)).collect();
            crate::linalg::sort_small(&mut points, |a, b| a.0 < b.0);
            let series = if points.is_empty() {
                vec![]
            } else {
                vec![Series { label: name.clone(), points, color: 5, dashed: false, markers: true, in_table: true, faded: false }]
            };
            Figure::Line(LineChart {
                log_y: true,
                series,
                x_range: Some((-0.3, stepper.len() as f64 - 0.7)),
                x_names: tokens,

                ..LineChart::new(title, x, y, empty)
            })
        }
    }
}
