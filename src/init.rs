//! Initial weights: Keras's defaults, and W_hh scaled to a chosen spectral radius.
//!
//! | weight             | Keras default     | here                                   |
//! |--------------------|-------------------|----------------------------------------|
//! | `kernel`           | glorot_uniform    | U(-l, l), l = √(6 / (fan_in + fan_out)) |
//! | `recurrent_kernel` | orthogonal        | orthonormal rows (QR of a normal matrix)|
//! | `bias`             | zeros             | zeros; LSTM forget block 1 if `unit_forget_bias` |
//! | `dense_kernel`     | glorot_uniform    | as `kernel`                            |
//! | `dense_bias`       | zeros             | zeros                                  |

use serde::{Deserialize, Serialize};

use crate::error::{NumericProblem, Result, RnnError};
use crate::model::{CellKind, Model, Spec};
use crate::rng::Rng;
use crate::spectral;

/// How to initialise a network.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InitConfig {
    /// Seed of every random draw.
    pub seed: u64,
    /// LSTM only: start the forget-gate bias at 1, so the cell remembers by default
    /// (Jozefowicz et al. 2015; Keras's `unit_forget_bias=True`, its default).
    pub unit_forget_bias: bool,
    /// If set, scale each U×U gate block of W_hh so its spectral radius is exactly this.
    pub spectral_radius: Option<f32>,
}

impl Default for InitConfig {
    fn default() -> Self {
        InitConfig { seed: 42, unit_forget_bias: true, spectral_radius: None }
    }
}

/// A network with freshly drawn weights.
pub fn init_model(spec: Spec, config: &InitConfig) -> Result<Model> {
    let mut model = Model::zeros(spec)?;
    let mut rng = Rng::new(config.seed);
    let (i, u, o) = (spec.input_size, spec.units, spec.output_size);
    let ku = spec.cell.gates() * u;
    let layout = model.layout.clone();
    glorot_uniform(&mut rng, i, ku, &mut model.params[layout.kernel.clone()]);
    orthogonal(&mut rng, u, ku, &mut model.params[layout.recurrent_kernel.clone()]);
    glorot_uniform(&mut rng, u, o, &mut model.params[layout.dense_kernel.clone()]);
    if spec.cell == CellKind::Lstm && config.unit_forget_bias {
        model.bias_mut()[u..2 * u].fill(1.0);
    }
    if let Some(rho) = config.spectral_radius {
        set_spectral_radius(&mut model, rho)?;
    }
    Ok(model)
}

/// Glorot (Xavier) uniform: U(-l, l) with l = √(6 / (fan_in + fan_out)), so the variance
/// of activations and gradients stays about the same from layer to layer.
pub fn glorot_uniform(rng: &mut Rng, fan_in: usize, fan_out: usize, out: &mut [f32]) {
    let limit = (6.0 / (fan_in + fan_out) as f64).sqrt() as f32;
    for w in out.iter_mut() {
        *w = rng.uniform(-limit, limit);
    }
}

/// An orthogonal rows×cols matrix, as Keras's `Orthogonal` initialiser: draw a normal
/// matrix of shape max×min, take Q of its QR factorisation (with R's diagonal positive,
/// which Gram–Schmidt gives), transpose it if rows < cols. The result has orthonormal
/// rows or columns, so every singular value is 1 and h is neither stretched nor shrunk.
pub fn orthogonal(rng: &mut Rng, rows: usize, cols: usize, out: &mut [f32]) {
    assert_eq!(out.len(), rows * cols);
    let (tall, short) = (rows.max(cols), rows.min(cols));
    // Columns of the tall×short normal matrix.
    let mut q: Vec<Vec<f64>> = vec![vec![0.0; tall]; short];
    for r in 0..tall {
        for col in q.iter_mut() {
            col[r] = rng.normal_f64();
        }
    }
    // Modified Gram–Schmidt, twice for orthogonality to the last digit.
    for j in 0..short {
        for _pass in 0..2 {
            for k in 0..j {
                let dot: f64 = q[j].iter().zip(&q[k]).map(|(a, b)| a * b).sum();
                let (done, rest) = q.split_at_mut(j);
                for (x, y) in rest[0].iter_mut().zip(&done[k]) {
                    *x -= dot * y;
                }
            }
        }
        let norm = q[j].iter().map(|x| x * x).sum::<f64>().sqrt();
        for x in q[j].iter_mut() {
            *x /= norm;
        }
    }
    for r in 0..rows {
        for c in 0..cols {
            // q is tall×short stored by columns; transpose when rows < cols.
            out[r * cols + c] = if rows >= cols { q[c][r] } else { q[r][c] } as f32;
        }
    }
}

/// Scales each U×U gate block of the recurrent kernel so its spectral radius is `rho`.
///
/// For the simple RNN this is W_hh itself; for the LSTM and the GRU each gate's recurrent
/// matrix gets the same radius, so "ρ" means the same thing in every cell of a comparison.
pub fn set_spectral_radius(model: &mut Model, rho: f32) -> Result<()> {
    if !(rho.is_finite() && rho > 0.0) {
        return Err(RnnError::range("spectral_radius", rho, 1e-6, 1e6));
    }
    let u = model.spec.units;
    let ku = model.spec.cell.gates() * u;
    for gate in 0..model.spec.cell.gates() {
        let block = model.w_hh(gate);
        let current =
            spectral::spectral_radius(u, &block).ok_or(RnnError::Numeric { field: "recurrent_kernel".into(), problem: NumericProblem::NoConvergence })?;
        if current == 0.0 {
            return Err(RnnError::Numeric { field: "recurrent_kernel".into(), problem: NumericProblem::ZeroMatrix });
        }
        let factor = (rho as f64 / current) as f32;
        let rk = model.recurrent_kernel_mut();
        for row in rk.chunks_exact_mut(ku) {
            for w in &mut row[gate * u..(gate + 1) * u] {
                *w *= factor;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OutputKind;

    #[test]
    fn orthogonal_rows_are_orthonormal() {
        let mut rng = Rng::new(5);
        let (rows, cols) = (4, 12);
        let mut w = vec![0.0; rows * cols];
        orthogonal(&mut rng, rows, cols, &mut w);
        for a in 0..rows {
            for b in 0..rows {
                let dot: f32 = (0..cols).map(|c| w[a * cols + c] * w[b * cols + c]).sum();
                let want = if a == b { 1.0 } else { 0.0 };
                assert!((dot - want).abs() < 1e-6, "rows {a},{b}: {dot}");
            }
        }
    }

    #[test]
    fn glorot_limit_by_hand() {
        // fan_in 1, fan_out 50: l = √(6/51) = 0.3430
        let mut rng = Rng::new(1);
        let mut w = vec![0.0; 1000];
        glorot_uniform(&mut rng, 1, 50, &mut w);
        let max = w.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        assert!(max <= 0.3430 && max > 0.33, "{max}");
    }

    #[test]
    fn spectral_radius_is_set_exactly_for_every_gate() {
        for cell in [CellKind::SimpleRnn { activation: Default::default() }, CellKind::Lstm, CellKind::Gru { reset_after: true }] {
            let spec = Spec { cell, input_size: 3, units: 16, output_size: 2, output: OutputKind::Linear };
            let m = init_model(spec, &InitConfig { spectral_radius: Some(1.5), ..Default::default() }).unwrap();
            for gate in 0..cell.gates() {
                let rho = spectral::spectral_radius(16, &m.w_hh(gate)).unwrap();
                assert!((rho - 1.5).abs() < 1e-5, "{cell:?} gate {gate}: {rho}");
            }
        }
    }

    #[test]
    fn lstm_forget_bias_is_one_by_default() {
        let spec = Spec { cell: CellKind::Lstm, input_size: 2, units: 3, output_size: 1, output: OutputKind::Linear };
        let m = init_model(spec, &InitConfig::default()).unwrap();
        assert_eq!(m.bias(), &[0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        let m = init_model(spec, &InitConfig { unit_forget_bias: false, ..Default::default() }).unwrap();
        assert!(m.bias().iter().all(|&b| b == 0.0));
    }
}
