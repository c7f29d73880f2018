//! The activation f of the simple RNN, and the logistic sigmoid σ of the gates.
//!
//! Every function goes through `libm`, so the browser and the command line agree bit for bit.

use serde::{Deserialize, Serialize};

/// The activation f in h_t = f(W_hh h_{t-1} + W_xh x_t + b_h).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Activation {
    /// f(z) = tanh z, f'(z) = 1 - tanh² z. Keras's default.
    #[default]
    Tanh,
    /// f(z) = max(0, z), f'(z) = 1 if z > 0 else 0.
    Relu,
    /// f(z) = σ(z) = 1 / (1 + e^(-z)), f'(z) = σ(z)(1 - σ(z)).
    Sigmoid,
    /// f(z) = z, f'(z) = 1: the linear recurrence of the gradient theory.
    Linear,
}

impl Activation {
    /// All of them, in the order the page lists them.
    pub const ALL: [Activation; 4] = [Activation::Tanh, Activation::Relu, Activation::Sigmoid, Activation::Linear];

    /// f(z).
    #[inline]
    pub fn apply(self, z: f32) -> f32 {
        match self {
            Activation::Tanh => libm::tanhf(z),
            Activation::Relu => z.max(0.0),
            Activation::Sigmoid => sigmoid(z),
            Activation::Linear => z,
        }
    }

    /// f'(z), written in terms of the output h = f(z), which the forward pass keeps.
    ///
    /// For relu, h > 0 exactly when z > 0, so the output is enough for every choice.
    #[inline]
    pub fn derivative_from_output(self, h: f32) -> f32 {
        match self {
            Activation::Tanh => 1.0 - h * h,
            Activation::Relu => {
                if h > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Sigmoid => h * (1.0 - h),
            Activation::Linear => 1.0,
        }
    }

    /// γ, the bound on |f'|: 1 for tanh, relu and linear, 1/4 for the sigmoid.
    ///
    /// Pascanu et al. (2013): gradients must vanish when σ_max(W_hh) < 1/γ.
    pub fn derivative_bound(self) -> f32 {
        match self {
            Activation::Sigmoid => 0.25,
            _ => 1.0,
        }
    }
}

/// The logistic sigmoid σ(z) = 1 / (1 + e^(-z)), computed without overflow.
#[inline]
pub fn sigmoid(z: f32) -> f32 {
    if z >= 0.0 {
        1.0 / (1.0 + libm::expf(-z))
    } else {
        let e = libm::expf(z);
        e / (1.0 + e)
    }
}

/// The activations by name (`settings::Choices`: parsed in one place, listed in errors).
impl crate::settings::Choices for Activation {
    const ALL: &'static [Self] = &Activation::ALL;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// f'(z) from the output agrees with a central difference of f at z.
    #[test]
    fn derivatives_match_finite_differences() {
        for act in Activation::ALL {
            for &z in &[-2.0f32, -0.3, 0.4, 1.7] {
                let eps = 1e-3f64;
                let f = |x: f64| act.apply(x as f32) as f64;
                let numeric = (f(z as f64 + eps) - f(z as f64 - eps)) / (2.0 * eps);
                let analytic = act.derivative_from_output(act.apply(z)) as f64;
                assert!((numeric - analytic).abs() < 1e-3, "{act:?} at {z}: {numeric} vs {analytic}");
            }
        }
    }

    /// σ(0) = 0.5 by hand; σ(±100) saturates without producing NaN.
    #[test]
    fn sigmoid_is_stable() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(100.0), 1.0);
        assert!(sigmoid(-100.0) >= 0.0 && sigmoid(-100.0) < 1e-40);
    }
}
