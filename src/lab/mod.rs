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

use crate::activation::Activation;
use crate::error::Result;
use crate::init::{init_model, InitConfig};
use crate::model::{CellKind, Model, OutputKind, Spec};
use crate::rng::Rng;
use crate::settings::limits::{LAB_FORGET_BIAS, LAB_RADIUS, LAB_STEPS, LAB_UNITS, SEED};
use crate::settings::{CellName, Choices};

/// How W_hh starts before it is scaled to the spectral radius ρ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum RecurrentInit {
    /// Keras's default: orthogonal, so after scaling every eigenvalue has modulus ρ and
    /// σ_max = ρ (a normal matrix).
    #[default]
    Orthogonal,
    /// Gaussian N(0, 1/U): eigenvalues fill a disc, σ_max > ρ (a non-normal matrix).
    Gaussian,
}

impl Choices for RecurrentInit {
    const ALL: &'static [Self] = &[RecurrentInit::Orthogonal, RecurrentInit::Gaussian];
}

/// The lab's controls, shared by its experiments. Limits: [`crate::settings::limits`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LabConfig {
    /// The recurrent cell. Default: `simple_rnn`.
    pub cell: CellName,
    /// The simple RNN's f (the LSTM and the GRU use tanh). Default: `linear`.
    pub activation: Activation,
    /// T, the sequence length ([`LAB_STEPS`]). Default: `50`.
    pub seq_len: u64,
    /// ρ of every U×U gate block of W_hh ([`LAB_RADIUS`]). Default: `0.9`.
    pub radius: f64,
    /// U ([`LAB_UNITS`]). Default: `32`.
    pub units: u64,
    /// W_hh before scaling: orthogonal (Keras) or Gaussian (non-normal). Default: `orthogonal`.
    pub init: RecurrentInit,
    /// LSTM: the forget-gate bias b_f at the start: 1 (Keras, char-rnn), 0, or larger
    /// for long memories (f = σ(b_f) is 0.5 at 0, 0.73 at 1, 0.993 at 5). Default: `1`.
    pub forget_bias: f64,
    /// The seed of the weights and the data ([`crate::settings::limits::SEED`]). Default: `1`.
    pub seed: u64,
}

impl Default for LabConfig {
    fn default() -> Self {
        LabConfig {
            cell: CellName::SimpleRnn,
            activation: Activation::Linear,
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
    /// Checks every control against its limit.
    pub fn validate(&self) -> Result<()> {
        LAB_STEPS.check("seqLen", self.seq_len)?;
        LAB_RADIUS.check("radius", self.radius)?;
        LAB_FORGET_BIAS.check("forgetBias", self.forget_bias)?;
        LAB_UNITS.check("units", self.units)?;
        SEED.check("seed", self.seed)?;
        Ok(())
    }

    /// T as a length.
    pub fn steps(&self) -> usize {
        self.seq_len as usize
    }

    /// The cell these controls describe.
    pub fn cell_kind(&self) -> CellKind {
        CellKind::from_name(self.cell, self.activation, true)
    }

    /// The same settings with another cell.
    pub fn with_cell(&self, cell: CellName) -> LabConfig {
        LabConfig { cell, ..self.clone() }
    }

    /// A network of this cell with W_hh scaled to ρ exactly.
    pub fn model(&self, input_size: usize, output_size: usize, output: OutputKind) -> Result<Model> {
        self.validate()?;
        let units = self.units as usize;
        let spec = Spec { cell: self.cell_kind(), input_size, units, output_size, output };
        let mut model = init_model(spec, &InitConfig { seed: self.seed, unit_forget_bias: false, spectral_radius: None })?;
        if spec.cell == CellKind::Lstm {
            model.bias_mut()[units..2 * units].fill(self.forget_bias as f32);
        }
        if self.init == RecurrentInit::Gaussian {
            let mut rng = Rng::new(self.seed ^ 0x5EED_0F6A_5500);
            let sd = (1.0 / units as f64).sqrt();
            for w in model.recurrent_kernel_mut() {
                *w = (rng.normal_f64() * sd) as f32;
            }
        }
        crate::init::set_spectral_radius(&mut model, self.radius as f32)?;
        Ok(model)
    }
}
