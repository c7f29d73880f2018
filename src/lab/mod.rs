//! The gradient lab: experiments that make vanishing and exploding gradients visible.
//!
//! - [`flow`]: ‖dL/dh_t‖ along a long sequence with the loss at the last step, against
//!   ρ^(T-t); the spectrum of W_hh; the norms of the step Jacobians ∂h_t/∂h_{t-1}.
//! - [`explode`]: a training run on a long-dependency task that records the gradient norm
//!   before clipping and the loss at every update.
//! - [`memory`]: how well each cell remembers the first token as sequences grow.
//!
//! Theory (Bengio, Simard and Frasconi 1994; Pascanu, Mikolov and Bengio 2013): for the
//! linear recurrence h_t = W_hh h_{t-1} + …, dL/dh_t = (W_hhᵀ)^(T-t) dL/dh_T, so its norm
//! scales like ρ^(T-t), ρ the spectral radius: ρ < 1 is sufficient for vanishing, ρ > 1
//! necessary for exploding. With a non-linearity f, |f'| ≤ γ and σ_max(W_hh) < 1/γ is
//! sufficient for vanishing.

pub mod explode;
pub mod flow;
pub mod memory;
pub mod session;

use serde::{Deserialize, Serialize};

use crate::error::{Result, RnnError};
use crate::init::{init_model, InitConfig};
use crate::model::{CellKind, Model, OutputKind, Spec};
use crate::rng::Rng;

/// How W_hh starts before it is scaled to the spectral radius ρ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RecurrentInit {
    /// Keras's default: orthogonal, so after scaling every eigenvalue has modulus ρ and
    /// σ_max = ρ (a normal matrix).
    #[default]
    Orthogonal,
    /// Gaussian N(0, 1/U): eigenvalues fill a disc, σ_max > ρ (a non-normal matrix).
    Gaussian,
}

/// The lab's controls, shared by its experiments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LabConfig {
    /// "simple_rnn", "lstm" or "gru".
    pub cell: String,
    /// Simple RNN: "linear", "tanh", "relu" or "sigmoid".
    pub activation: String,
    /// T, 10 to 200.
    pub seq_len: usize,
    /// ρ of every U×U gate block of W_hh, 0.1 to 2.5.
    pub radius: f32,
    pub units: usize,
    pub init: RecurrentInit,
    /// LSTM: the forget-gate bias b_f at the start: 1 (Keras, char-rnn), 0, or larger
    /// for long memories (f = σ(b_f) is 0.5 at 0, 0.73 at 1, 0.993 at 5).
    pub forget_bias: f32,
    pub seed: u64,
}

impl Default for LabConfig {
    fn default() -> Self {
        LabConfig {
            cell: "simple_rnn".into(),
            activation: "linear".into(),
            seq_len: 50,
            radius: 0.9,
            units: 32,
            init: RecurrentInit::Orthogonal,
            forget_bias: 1.0,
            seed: 1,
        }
    }
}

/// x_t has this many features in the flow experiment.
pub const INPUT_SIZE: usize = 4;

impl LabConfig {
    /// Checks the ranges the page offers.
    pub fn validate(&self) -> Result<()> {
        if !(2..=1000).contains(&self.seq_len) {
            return Err(RnnError::invalid("seq_len", self.seq_len, "must be between 2 and 1000"));
        }
        if !(self.radius.is_finite() && self.radius > 0.0 && self.radius <= 10.0) {
            return Err(RnnError::invalid("radius", self.radius, "must be greater than 0 and at most 10"));
        }
        if !(self.forget_bias.is_finite() && (-10.0..=10.0).contains(&self.forget_bias)) {
            return Err(RnnError::invalid("forget_bias", self.forget_bias, "must be between -10 and 10"));
        }
        if !(1..=256).contains(&self.units) {
            return Err(RnnError::invalid("units", self.units, "must be between 1 and 256"));
        }
        Ok(())
    }

    /// The cell these controls describe.
    pub fn cell_kind(&self) -> Result<CellKind> {
        let act = if self.cell == "simple_rnn" { Some(self.activation.as_str()) } else { None };
        CellKind::from_parts(&self.cell, act, Some(true))
    }

    /// The same settings with another cell.
    pub fn with_cell(&self, cell: &str) -> LabConfig {
        LabConfig { cell: cell.into(), ..self.clone() }
    }

    /// A network of this cell with W_hh scaled to ρ exactly.
    pub fn model(&self, input_size: usize, output_size: usize, output: OutputKind) -> Result<Model> {
        self.validate()?;
        let spec = Spec { cell: self.cell_kind()?, input_size, units: self.units, output_size, output };
        let mut model = init_model(spec, &InitConfig { seed: self.seed, unit_forget_bias: false, spectral_radius: None })?;
        if spec.cell == CellKind::Lstm {
            let u = self.units;
            model.bias_mut()[u..2 * u].fill(self.forget_bias);
        }
        if self.init == RecurrentInit::Gaussian {
            let mut rng = Rng::new(self.seed ^ 0x5EED_0F6A_5500);
            let sd = (1.0 / self.units as f64).sqrt();
            for w in model.recurrent_kernel_mut() {
                *w = (rng.normal_f64() * sd) as f32;
            }
        }
        crate::init::set_spectral_radius(&mut model, self.radius)?;
        Ok(model)
    }
}
