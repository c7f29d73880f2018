//! Optimisers over the flat weight buffer: one loop over one slice.
//!
//! Both follow Keras's update rules exactly, so a learning rate means the same here.

use serde::{Deserialize, Serialize};

use crate::error::{Result, RnnError};

/// Which optimiser, with its settings. Defaults are Keras's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "snake_case")]
pub enum OptimizerConfig {
    /// Stochastic gradient descent with momentum:
    /// v ← μ v - η g,  w ← w + v   (Keras `SGD`, nesterov off).
    Sgd { learning_rate: f32, momentum: f32 },
    /// Adam (Kingma and Ba 2015) in Keras's form:
    /// m ← m + (1-β₁)(g - m),  v ← v + (1-β₂)(g² - v),
    /// α_t = η √(1-β₂ᵗ) / (1-β₁ᵗ),  w ← w - α_t m / (√v + ε).
    Adam { learning_rate: f32, beta1: f32, beta2: f32, epsilon: f32 },
}

impl OptimizerConfig {
    /// Keras `Adam()`: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7.
    pub fn adam(learning_rate: f32) -> Self {
        OptimizerConfig::Adam { learning_rate, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }
    }

    /// Keras `SGD(learning_rate, momentum)`.
    pub fn sgd(learning_rate: f32, momentum: f32) -> Self {
        OptimizerConfig::Sgd { learning_rate, momentum }
    }

    /// The learning rate η.
    pub fn learning_rate(&self) -> f32 {
        match *self {
            OptimizerConfig::Sgd { learning_rate, .. } | OptimizerConfig::Adam { learning_rate, .. } => learning_rate,
        }
    }

    /// Checks every setting.
    pub fn validate(&self) -> Result<()> {
        let lr = self.learning_rate();
        if !(lr.is_finite() && (1e-7..=10.0).contains(&lr)) {
            return Err(RnnError::range("learning_rate", lr, 1e-7, 10.0));
        }
        match *self {
            OptimizerConfig::Sgd { momentum, .. } => {
                if !(0.0..=0.999).contains(&momentum) {
                    return Err(RnnError::range("momentum", momentum, 0.0, 0.999));
                }
            }
            OptimizerConfig::Adam { beta1, beta2, epsilon, .. } => {
                for (field, b) in [("beta1", beta1), ("beta2", beta2)] {
                    if !(0.0..=0.9999).contains(&b) {
                        return Err(RnnError::range(field, b, 0.0, 0.9999));
                    }
                }
                if !(1e-12..=1.0).contains(&epsilon) {
                    return Err(RnnError::range("epsilon", epsilon, 1e-12, 1.0));
                }
            }
        }
        Ok(())
    }
}

impl Default for OptimizerConfig {
    fn default() -> Self {
        OptimizerConfig::adam(0.001)
    }
}

/// An optimiser with its state (momentum, moment estimates, step count).
#[derive(Debug, Clone)]
pub struct Optimizer {
    pub config: OptimizerConfig,
    /// SGD velocity, or Adam's first moment m.
    first: Vec<f32>,
    /// Adam's second moment v.
    second: Vec<f32>,
    /// Updates done so far.
    pub steps: u64,
}

impl Optimizer {
    /// A fresh optimiser for `len` weights.
    pub fn new(config: OptimizerConfig, len: usize) -> Result<Self> {
        config.validate()?;
        let second = match config {
            OptimizerConfig::Adam { .. } => vec![0.0; len],
            OptimizerConfig::Sgd { .. } => vec![],
        };
        Ok(Optimizer { config, first: vec![0.0; len], second, steps: 0 })
    }

    /// Changes the settings, keeping the state (as a page's learning-rate box does).
    pub fn set_learning_rate(&mut self, lr: f32) -> Result<()> {
        let mut config = self.config;
        match &mut config {
            OptimizerConfig::Sgd { learning_rate, .. } | OptimizerConfig::Adam { learning_rate, .. } => *learning_rate = lr,
        }
        config.validate()?;
        self.config = config;
        Ok(())
    }

    /// One update of `params` with `grads`.
    pub fn step(&mut self, params: &mut [f32], grads: &[f32]) {
        assert_eq!(params.len(), grads.len());
        assert_eq!(params.len(), self.first.len());
        self.steps += 1;
        match self.config {
            OptimizerConfig::Sgd { learning_rate, momentum } => {
                for ((w, v), &g) in params.iter_mut().zip(self.first.iter_mut()).zip(grads) {
                    *v = momentum * *v - learning_rate * g;
                    *w += *v;
                }
            }
            OptimizerConfig::Adam { learning_rate, beta1, beta2, epsilon } => {
                let t = self.steps as f64;
                let b1_power = libm::pow(beta1 as f64, t);
                let b2_power = libm::pow(beta2 as f64, t);
                let alpha = (learning_rate as f64 * (1.0 - b2_power).sqrt() / (1.0 - b1_power)) as f32;
                for (((w, m), v), &g) in params.iter_mut().zip(self.first.iter_mut()).zip(self.second.iter_mut()).zip(grads) {
                    *m += (g - *m) * (1.0 - beta1);
                    *v += (g * g - *v) * (1.0 - beta2);
                    *w -= alpha * *m / (v.sqrt() + epsilon);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// First Adam step moves every weight by about η against the gradient's sign:
    /// m = 0.1 g, v = 0.001 g², α = η √0.001 / 0.1, so Δw = -η g / (|g| + ε/√0.001·…) ≈ -η sign(g).
    #[test]
    fn adam_first_step_by_hand() {
        let mut opt = Optimizer::new(OptimizerConfig::adam(0.01), 2).unwrap();
        let mut w = [1.0f32, 1.0];
        opt.step(&mut w, &[0.5, -2.0]);
        assert!((w[0] - 0.99).abs() < 1e-6, "{}", w[0]);
        assert!((w[1] - 1.01).abs() < 1e-6, "{}", w[1]);
    }

    /// SGD with momentum 0.9, η = 0.1, g = 1 twice: v = -0.1 then -0.19; w = 1 - 0.29.
    #[test]
    fn sgd_momentum_by_hand() {
        let mut opt = Optimizer::new(OptimizerConfig::sgd(0.1, 0.9), 1).unwrap();
        let mut w = [1.0f32];
        opt.step(&mut w, &[1.0]);
        opt.step(&mut w, &[1.0]);
        assert!((w[0] - 0.71).abs() < 1e-6);
    }

    #[test]
    fn bad_learning_rate_names_the_field() {
        let err = Optimizer::new(OptimizerConfig::adam(-1.0), 3).unwrap_err().to_string();
        assert!(err.contains("learning_rate"), "{err}");
    }
}
