//! The gradient lab's model for the page: the current settings, the measurements they
//! give, the runs in progress, and the charts of them all.

use serde::Serialize;

use super::explode::{ExplodeConfig, ExplodeRun};
use super::flow::{flow, flows_for_all_cells, Flow};
use super::memory::{MemoryConfig, MemoryRace};
use super::LabConfig;
use crate::charts::{LineChart, Series, SpectrumChart};
use crate::error::Result;

/// Everything the lab shows for one setting of its controls.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabView {
    /// The selected cell, with its step Jacobians.
    pub flow: Flow,
    /// The simple RNN, the LSTM and the GRU at the same settings.
    pub cells: Vec<Flow>,
}

/// The lab's state.
#[derive(Debug, Clone)]
pub struct LabSession {
    pub config: LabConfig,
    pub view: LabView,
    pub explode: Option<ExplodeRun>,
    pub race: Option<MemoryRace>,
}

/// Names of the three cells, for legends.
pub type CellNames = [String; 3];

impl LabSession {
    /// Measures the flows for `config`.
    pub fn new(config: LabConfig) -> Result<Self> {
        let view = measure(&config)?;
        Ok(LabSession { config, view, explode: None, race: None })
    }

    /// New settings: measures again (runs in progress are kept; they use the settings
    /// they started with).
    pub fn set_config(&mut self, config: LabConfig) -> Result<()> {
        self.view = measure(&config)?;
        self.config = config;
        Ok(())
    }

    /// Starts a training run under the current settings.
    pub fn start_explode(&mut self, config: ExplodeConfig) -> Result<()> {
        self.explode = Some(ExplodeRun::new(&self.config, config)?);
        Ok(())
    }

    /// Starts the memory comparison under the current settings.
    pub fn start_race(&mut self, config: MemoryConfig) -> Result<()> {
        self.race = Some(MemoryRace::new(&self.config, config)?);
        Ok(())
    }

    /// ‖dL/dh_t‖ of the selected cell with ρ^(T-t) for comparison.
    /// Labels: [title, x, y, measured, reference, empty].
    pub fn flow_chart(&self, labels: [String; 6]) -> LineChart {
        let [title, x_desc, y_desc, measured, reference, empty] = labels;
        let f = &self.view.flow;
        LineChart {
            title,
            x_desc,
            y_desc,
            log_y: true,
            series: vec![
                Series::from_values(&measured, &f.norms, 0).with_points(|i| i as f32 + 1.0),
                Series::from_values(&reference, &f.reference, 1).with_points(|i| i as f32 + 1.0).dashed(),
            ],
            empty_message: empty,
            ..Default::default()
        }
    }

    /// The three cells' flows on one chart. Labels: [title, x, y, empty], names of the cells.
    pub fn cells_chart(&self, labels: [String; 4], names: CellNames) -> LineChart {
        let [title, x_desc, y_desc, empty] = labels;
        let series = self
            .view
            .cells
            .iter()
            .zip(names)
            .enumerate()
            .map(|(i, (f, name))| Series::from_values(&name, &f.norms, [0, 2, 3][i]).with_points(|k| k as f32 + 1.0))
            .collect();
        LineChart { title, x_desc, y_desc, log_y: true, series, empty_message: empty, ..Default::default() }
    }

    /// The eigenvalues of W_hh. Labels: [title, eigenvalues, unit circle, 1/γ, ρ, σ_max].
    pub fn spectrum_chart(&self, labels: [String; 6]) -> SpectrumChart {
        let [title, ev, unit, inv_gamma, rho, sigma] = labels;
        let f = &self.view.flow;
        SpectrumChart {
            title,
            eigenvalues: f.eigenvalues.clone(),
            inverse_gamma: 1.0 / f.gamma,
            spectral_radius: f.radius,
            sigma_max: f.sigma_max,
            labels: [ev, unit, inv_gamma, rho, sigma],
        }
    }

    /// ‖∂h_t/∂h_{t-1}‖ along the sequence, with 1 dashed. Labels: [title, x, y, one].
    pub fn jacobian_chart(&self, labels: [String; 4]) -> LineChart {
        let [title, x_desc, y_desc, one] = labels;
        let j = &self.view.flow.jacobian_norms;
        let n = j.len().max(2) as f32;
        let top = j.iter().copied().filter(|v| v.is_finite()).fold(1.0f32, f32::max) * 1.1;
        LineChart {
            title,
            x_desc,
            y_desc,
            series: vec![
                Series::from_values("", j, 4).with_points(|i| i as f32 + 1.0),
                Series { label: one, points: vec![(1.0, 1.0), (n, 1.0)], color: 1, dashed: true, markers: false },
            ],
            y_range: Some((0.0, top)),
            ..Default::default()
        }
    }

    /// Gradient norm before clipping and loss per update. Labels: [title, x, y, norm, loss,
    /// threshold, empty].
    pub fn explode_chart(&self, labels: [String; 7], threshold: Option<f32>) -> LineChart {
        let [title, x_desc, y_desc, norm, loss, threshold_label, empty] = labels;
        let mut series = vec![];
        if let Some(run) = &self.explode {
            let pts = |f: fn(&super::explode::UpdateRecord) -> f32| run.records.iter().map(|r| (r.update as f32, f(r))).collect::<Vec<_>>();
            series.push(Series { label: norm, points: pts(|r| r.grad_norm), color: 5, dashed: false, markers: false });
            series.push(Series { label: loss, points: pts(|r| r.loss), color: 0, dashed: false, markers: false });
            if let (Some(c), false) = (threshold, run.records.is_empty()) {
                series.push(Series {
                    label: threshold_label,
                    points: vec![(1.0, c), (run.records.len().max(2) as f32, c)],
                    color: 2,
                    dashed: true,
                    markers: false,
                });
            }
        }
        LineChart { title, x_desc, y_desc, log_y: true, series, empty_message: empty, ..Default::default() }
    }

    /// Accuracy against sequence length for each cell, chance dashed. Labels: [title, x, y,
    /// chance, empty], names of the cells.
    pub fn race_chart(&self, labels: [String; 5], names: CellNames) -> LineChart {
        let [title, x_desc, y_desc, chance, empty] = labels;
        let mut series = vec![];
        if let Some(race) = &self.race {
            for (i, (cell, name)) in ["simple_rnn", "lstm", "gru"].iter().zip(names).enumerate() {
                let pts: Vec<(f32, f32)> = race.results.iter().filter(|r| r.cell == *cell).map(|r| (r.length as f32, r.accuracy)).collect();
                if !pts.is_empty() {
                    series.push(Series { label: name, points: pts, color: [0, 2, 3][i], dashed: false, markers: true });
                }
            }
            if !series.is_empty() {
                let (lo, hi) = (race.config.lengths.iter().min().copied().unwrap_or(1) as f32, race.config.lengths.iter().max().copied().unwrap_or(2) as f32);
                let p = 1.0 / race.config.symbols as f32;
                series.push(Series { label: chance, points: vec![(lo, p), (hi, p)], color: 1, dashed: true, markers: false });
            }
        }
        LineChart { title, x_desc, y_desc, series, y_range: Some((0.0, 1.05)), empty_message: empty, ..Default::default() }
    }
}

fn measure(config: &LabConfig) -> Result<LabView> {
    Ok(LabView { flow: flow(config, true)?, cells: flows_for_all_cells(config)? })
}
