//! The gradient lab's charts: the flow of ‖dL/dh_t‖ against ρ^(T−t), the three cells, the
//! spectrum of W_hh, the step Jacobians, the training run under explosion, and the memory
//! comparison.

use serde::Deserialize;

use super::Figure;
use crate::charts::{LineChart, Series, SpectrumChart};
use crate::lab::session::LabSession;
use crate::settings::{CellName, ClipMode};

/// The fixed log axis of the flow chart: wide enough for ρ from 0.1 to 2.5 over 200 steps
/// to show how far apart they are (an automatic axis draws every ρ as the same diagonal).
pub const FIXED_FLOW_AXIS: (f64, f64) = (1e-30, 1e30);

/// The bottom of the explosion chart's axis. A clipped run that has learned the task has a
/// loss float32 rounds to 0 and gradients down to 1e-40; drawn to scale they would bury the
/// spikes the lesson is about (or fall off a log axis).
pub const EXPLODE_FLOOR: f64 = 1e-8;

/// A chart of the lab, with its texts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum LabFigure {
    /// ‖dL/dh_t‖ of the selected cell against ρ^(T−t); `fixed_axis` keeps the log axis at
    /// 1e−30 … 1e30.
    Flow { title: String, x: String, y: String, measured: String, reference: String, empty: String, fixed_axis: bool },
    /// The three cells' flows (names in the order simple RNN, LSTM, GRU).
    Cells { title: String, x: String, y: String, empty: String, names: [String; 3], fixed_axis: bool },
    /// The eigenvalues of W_hh with the unit, 1/γ, ρ and σ_max circles.
    Spectrum { title: String, eigenvalues: String, unit: String, inverse_gamma: String, radius: String, sigma: String },
    /// ‖∂h_t/∂h_{t−1}‖ along the sequence, with 1 dashed.
    Jacobians { title: String, x: String, y: String, one: String },
    /// Gradient norm before clipping and loss per update of the training run.
    Explode { title: String, x: String, y: String, norm: String, loss: String, threshold: String, floor: String, empty: String },
    /// Accuracy against length for each cell, chance dashed.
    Race { title: String, x: String, y: String, chance: String, empty: String, names: [String; 3] },
}

const CELL_COLORS: [usize; 3] = [0, 2, 3];

fn cell_index(c: CellName) -> usize {
    match c {
        CellName::SimpleRnn => 0,
        CellName::Lstm => 1,
        CellName::Gru => 2,
    }
}

impl LabFigure {
    /// The chart named `name` with English texts (the command line's `rnnp plot`).
    pub fn english(name: &str, session: &LabSession) -> Option<Self> {
        let s = |x: &str| x.to_string();
        let names = [s("Simple RNN"), s("LSTM"), s("GRU")];
        let c = &session.config;
        Some(match name {
            "flow" => LabFigure::Flow {
                title: format!("{}: ||dL/dh_t|| with the loss at step T = {} (rho = {})", c.cell.name_for_people(), c.seq_len, c.radius),
                x: s("time step t"),
                y: s("||dL/dh_t||"),
                measured: s("measured"),
                reference: s("||dL/dh_T|| rho^(T-t)"),
                empty: s("no data"),
                fixed_axis: false,
            },
            "cells" => LabFigure::Cells {
                title: s("The three cells (tanh): ||dL/dh_t||"),
                x: s("time step t"),
                y: s("||dL/dh_t||"),
                empty: s("no data"),
                names,
                fixed_axis: false,
            },
            "spectrum" => LabFigure::Spectrum {
                title: s("Eigenvalues of W_hh"),
                eigenvalues: s("eigenvalues"),
                unit: s("unit circle"),
                inverse_gamma: s("1/gamma circle"),
                radius: s("rho"),
                sigma: s("sigma_max"),
            },
            "jacobians" => LabFigure::Jacobians { title: s("Step Jacobians ||dh_t/dh_t-1||"), x: s("t"), y: s("norm"), one: s("1") },
            "train-grad" => LabFigure::Explode {
                title: s("Gradient norm before clipping and loss, per update"),
                x: s("update"),
                y: s("value"),
                norm: s("||g|| before clipping"),
                loss: s("loss"),
                threshold: s("threshold"),
                floor: s("below 1e-8 or 0 (on the bottom line)"),
                empty: s("no updates"),
            },
            "race" => LabFigure::Race {
                title: s("Remembering the first token"),
                x: s("sequence length"),
                y: s("accuracy"),
                chance: s("chance"),
                empty: s("no results"),
                names,
            },
            _ => return None,
        })
    }
}

impl CellName {
    /// The cell's name in English prose.
    pub fn name_for_people(self) -> &'static str {
        match self {
            CellName::SimpleRnn => "simple RNN",
            CellName::Lstm => "LSTM",
            CellName::Gru => "GRU",
        }
    }
}

/// The chart `which` of `session`.
pub fn figure(session: &LabSession, which: &LabFigure) -> Figure {
    let f = &session.view.flow;
    match which {
        LabFigure::Flow { title, x, y, measured, reference, empty, fixed_axis } => Figure::Line(LineChart {
            log_y: true,
            series: vec![Series::from_values(measured, &f.norms), Series::from_values(reference, &f.reference).color(1).dashed()],
            y_range: fixed_axis.then_some(FIXED_FLOW_AXIS),

            ..LineChart::new(title, x, y, empty)
        }),
        LabFigure::Cells { title, x, y, empty, names, fixed_axis } => Figure::Line(LineChart {
            log_y: true,
            series: session
                .view
                .cells
                .iter()
                .map(|cf| Series::from_values(&names[cell_index(cf.cell)], &cf.norms).color(CELL_COLORS[cell_index(cf.cell)]))
                .collect(),
            y_range: fixed_axis.then_some(FIXED_FLOW_AXIS),

            ..LineChart::new(title, x, y, empty)
        }),
        LabFigure::Spectrum { title, eigenvalues, unit, inverse_gamma, radius, sigma } => Figure::Spectrum(SpectrumChart {
            title: title.clone(),
            eigenvalues: f.eigenvalues.clone(),
            inverse_gamma: 1.0 / f.gamma,
            spectral_radius: f.radius,
            sigma_max: f.sigma_max,
            eigenvalues_label: eigenvalues.clone(),
            unit_label: unit.clone(),
            inverse_gamma_label: inverse_gamma.clone(),
            radius_label: radius.clone(),
            sigma_label: sigma.clone(),
        }),
        LabFigure::Jacobians { title, x, y, one } => {
            let j = &f.jacobian_norms;
            let n = j.len().max(2) as f64;
            let top = j.iter().copied().filter(|v| v.is_finite()).fold(1.0f32, f32::max) as f64 * 1.1;
            Figure::Line(LineChart {
                series: vec![Series::from_values(y, j).color(4), Series::level(one, 1.0, 1.0, n, 1)],
                y_range: Some((0.0, top)),
                ..LineChart::new(title, x, y, "")
            })
        }
        LabFigure::Explode { title, x, y, norm, loss, threshold, floor, empty } => {
            let mut series = vec![];
            if let Some(run) = session.explode_view.as_ref().filter(|r| !r.records.is_empty()) {
                let pts = |f: fn(&crate::lab::explode::UpdateRecord) -> f32| run.records.iter().map(|r| (r.update as f64, f(r) as f64)).collect::<Vec<_>>();
                series.push(Series {
                    label: norm.clone(),
                    points: pts(|r| r.grad_norm),
                    color: 5,
                    dashed: false,
                    markers: false,
                    in_table: true,
                    faded: false,
                });
                series.push(Series { label: loss.clone(), points: pts(|r| r.loss), color: 0, dashed: false, markers: false, in_table: true, faded: false });
                let n = run.records.len().max(2) as f64;
                if run.config.clip == ClipMode::Norm {
                    series.push(Series::level(threshold, run.config.clip_threshold, 1.0, n, 2));
                }
                if run.records.iter().any(|r| r.loss < EXPLODE_FLOOR as f32 || r.grad_norm < EXPLODE_FLOOR as f32) {
                    series.push(Series::level(floor, EXPLODE_FLOOR, 1.0, n, 3));
                }
            }
            Figure::Line(LineChart { log_y: true, y_floor: Some(EXPLODE_FLOOR), series, ..LineChart::new(title, x, y, empty) })
        }
        LabFigure::Race { title, x, y, chance, empty, names } => {
            let mut series = vec![];
            if let Some(race) = &session.race_view {
                for cell in [CellName::SimpleRnn, CellName::Lstm, CellName::Gru] {
                    let i = cell_index(cell);
                    let points: Vec<(f64, f64)> = race.results.iter().filter(|r| r.cell == cell).map(|r| (r.length as f64, r.accuracy as f64)).collect();
                    if !points.is_empty() {
                        series.push(Series {
                            label: names[i].clone(),
                            points,
                            color: CELL_COLORS[i],
                            dashed: false,
                            markers: true,
                            in_table: true,
                            faded: false,
                        });
                    }
                }
                if !series.is_empty() {
                    let lo = race.config.lengths.iter().min().copied().unwrap_or(1) as f64;
                    let hi = race.config.lengths.iter().max().copied().unwrap_or(2) as f64;
                    series.push(Series::level(chance, 1.0 / race.config.symbols as f64, lo, hi, 1));
                }
            }
            Figure::Line(LineChart { series, y_range: Some((0.0, 1.05)), ..LineChart::new(title, x, y, empty) })
        }
    }
}
