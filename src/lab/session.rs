//! The gradient lab's model for the page: the current settings, the measurements they
//! give, and the runs in progress (here, or in a worker that hands back their views).

use serde::Serialize;

use super::explode::{ExplodeConfig, ExplodeRun, ExplodeView};
use super::flow::{flow, flows_for_all_cells, Flow};
use super::memory::{MemoryConfig, MemoryRace, RaceView};
use super::LabConfig;
use crate::error::{Result, RnnError};

/// Everything the lab shows for one setting of its controls.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
    explode: Option<ExplodeRun>,
    race: Option<MemoryRace>,
    /// What the page shows of the last training run and of the comparison.
    pub explode_view: Option<ExplodeView>,
    pub race_view: Option<RaceView>,
}

impl LabSession {
    /// Measures the flows for `config`.
    pub fn new(config: LabConfig) -> Result<Self> {
        let view = measure(&config)?;
        Ok(LabSession { config, view, explode: None, race: None, explode_view: None, race_view: None })
    }

    /// New settings: measures again. Runs in progress stop (they used the old settings);
    /// their results stay on show until a new run starts.
    pub fn set_config(&mut self, config: LabConfig) -> Result<()> {
        self.view = measure(&config)?;
        self.config = config;
        self.explode = None;
        self.race = None;
        Ok(())
    }

    /// Starts a training run under the current settings.
    pub fn start_explode(&mut self, config: ExplodeConfig) -> Result<&ExplodeView> {
        let run = ExplodeRun::new(&self.config, config)?;
        self.explode_view = Some(run.view());
        self.explode = Some(run);
        Ok(self.explode_view.as_ref().expect("just set"))
    }

    /// Up to `n` more updates of the run started here.
    pub fn explode_step(&mut self, n: usize) -> Result<&ExplodeView> {
        let run = self.explode.as_mut().ok_or(RnnError::NotStarted { what: "explode".into() })?;
        run.step(n);
        self.explode_view = Some(run.view());
        Ok(self.explode_view.as_ref().expect("just set"))
    }

    /// Shows a run made elsewhere (a worker).
    pub fn show_explode(&mut self, view: ExplodeView) {
        self.explode = None;
        self.explode_view = Some(view);
    }

    /// Starts the memory comparison under the current settings.
    pub fn start_race(&mut self, config: MemoryConfig) -> Result<&RaceView> {
        let race = MemoryRace::new(&self.config, config)?;
        self.race_view = Some(race.view());
        self.race = Some(race);
        Ok(self.race_view.as_ref().expect("just set"))
    }

    /// Up to `n` more updates of the comparison started here.
    pub fn race_step(&mut self, n: usize) -> Result<&RaceView> {
        let race = self.race.as_mut().ok_or(RnnError::NotStarted { what: "race".into() })?;
        race.step(n)?;
        self.race_view = Some(race.view());
        Ok(self.race_view.as_ref().expect("just set"))
    }

    /// Shows a comparison made elsewhere (a worker).
    pub fn show_race(&mut self, view: RaceView) {
        self.race = None;
        self.race_view = Some(view);
    }
}

fn measure(config: &LabConfig) -> Result<LabView> {
    Ok(LabView { flow: flow(config, true)?, cells: flows_for_all_cells(config)? })
}
