//! The gradient lab's model for the page: the current settings, the measurements they
//! give, and the runs in progress (here, or in a worker that hands back their views).

use serde::Serialize;

use super::explode::{ExplodeConfig, ExplodeRun, ExplodeView};
#[cfg(test)]
use super::flow::flows_for_all_cells;
use super::flow::{flow, flow_of_cell, step_jacobian_norms, Flow};
use super::memory::{MemoryConfig, MemoryRace, RaceView};
use super::LabConfig;
use crate::error::{Result, RnnError};
use crate::settings::names::Choices;
use crate::settings::CellName;

/// Everything the lab shows for one setting of its controls.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LabView {
    /// The selected cell, with its step Jacobians.
    pub flow: Flow,
    /// The simple RNN, the LSTM and the GRU at the same settings.
    pub cells: Vec<Flow>,
}

/// Which of the lab's later parts are measured (see [`LabSession::measure_more`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Measured {
    /// The three cells' flows.
    pub cells: bool,
    /// The step Jacobians of the selected cell.
    pub jacobians: bool,
}

/// What a lab measured for new settings still has to measure (see [`LabSession::start`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Todo {
    /// The three cells, one per call: this many are measured (kept in `cells_so_far`).
    Cells(usize),
    Jacobians,
    Nothing,
}

/// The lab's state.
#[derive(Debug, Clone)]
pub struct LabSession {
    pub config: LabConfig,
    pub view: LabView,
    todo: Todo,
    /// The cells measured so far; the view shows them once all three are.
    cells_so_far: Vec<Flow>,
    explode: Option<ExplodeRun>,
    race: Option<MemoryRace>,
    /// What the page shows of the last training run and of the comparison.
    pub explode_view: Option<ExplodeView>,
    pub race_view: Option<RaceView>,
}

impl LabSession {
    /// Measures everything for `config`.
    pub fn new(config: LabConfig) -> Result<Self> {
        let mut lab = Self::start(config)?;
        lab.complete()?;
        Ok(lab)
    }

    /// Measures the selected cell's flow and spectrum only; [`measure_more`] measures the
    /// rest (each of the three cells, then the step Jacobians) one part per call. The page draws
    /// each part as it comes, in short tasks, instead of waiting for all of it in one long
    /// task. The numbers are the same as [`new`]'s.
    ///
    /// [`measure_more`]: LabSession::measure_more
    /// [`new`]: LabSession::new
    pub fn start(config: LabConfig) -> Result<Self> {
        let view = LabView { flow: flow(&config, false)?, cells: Vec::new() };
        Ok(LabSession { config, view, todo: Todo::Cells(0), cells_so_far: Vec::new(), explode: None, race: None, explode_view: None, race_view: None })
    }

    /// Measures the next part still missing; false once everything is measured.
    pub fn measure_more(&mut self) -> Result<bool> {
        match self.todo {
            Todo::Cells(k) => {
                self.cells_so_far.push(flow_of_cell(&self.config, CellName::ALL[k])?);
                if k + 1 < CellName::ALL.len() {
                    self.todo = Todo::Cells(k + 1);
                } else {
                    self.view.cells = std::mem::take(&mut self.cells_so_far);
                    self.todo = Todo::Jacobians;
                }
            }
            Todo::Jacobians => {
                self.view.flow.jacobian_norms = step_jacobian_norms(&self.config)?;
                self.todo = Todo::Nothing;
            }
            Todo::Nothing => return Ok(false),
        }
        Ok(true)
    }

    /// Which parts are measured.
    pub fn measured(&self) -> Measured {
        Measured { cells: !matches!(self.todo, Todo::Cells(_)), jacobians: self.todo == Todo::Nothing }
    }

    /// Measures whatever is still missing.
    pub fn complete(&mut self) -> Result<()> {
        while self.measure_more()? {}
        Ok(())
    }

    /// New settings: measures the first part again (the rest with [`measure_more`]). Runs
    /// in progress stop (they used the old settings); their results stay on show until a
    /// new run starts.
    ///
    /// [`measure_more`]: LabSession::measure_more
    pub fn set_config(&mut self, config: LabConfig) -> Result<()> {
        let fresh = Self::start(config)?;
        self.view = fresh.view;
        self.todo = fresh.todo;
        self.cells_so_far = fresh.cells_so_far;
        self.config = fresh.config;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::CellName;

    /// Measured in parts or at once, the lab's numbers are the same, bit for bit.
    #[test]
    fn measuring_in_parts_gives_the_same_view() {
        for cell in [CellName::SimpleRnn, CellName::Lstm, CellName::Gru] {
            let config = LabConfig { cell, seq_len: 30, ..Default::default() };
            let whole = LabView { flow: flow(&config, true).unwrap(), cells: flows_for_all_cells(&config).unwrap() };
            let mut lab = LabSession::start(config.clone()).unwrap();
            assert_eq!(lab.measured(), Measured { cells: false, jacobians: false });
            assert!(lab.view.cells.is_empty() && lab.view.flow.jacobian_norms.is_empty());
            for _ in 0..2 {
                assert!(lab.measure_more().unwrap());
                assert_eq!(lab.measured(), Measured { cells: false, jacobians: false });
                assert!(lab.view.cells.is_empty(), "the cells are shown all three at once");
            }
            assert!(lab.measure_more().unwrap());
            assert_eq!(lab.measured(), Measured { cells: true, jacobians: false });
            assert!(lab.measure_more().unwrap());
            assert!(!lab.measure_more().unwrap());
            assert_eq!(lab.view, whole);
            assert_eq!(LabSession::new(config).unwrap().view, whole);
        }
    }
}
