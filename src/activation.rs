//! The activation f of the simple RNN, and the logistic sigmoid σ of the gates.
//!
//! Every function is plain IEEE arithmetic (or `libm`, a pure-Rust libm), so the browser and
//! the command line agree bit for bit.

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
            Activation::Tanh => tanh(z),
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

/// tanh z as a rational function, the one Eigen (and so TensorFlow on the CPU) uses for
/// float32: x·p(x²)/q(x²) on x clamped to ±7.99881172, x itself below 4e-4 in size, ±1 from
/// ±9 on. At most
/// 8 ulp (5e-7 relative) from the exact value, the worst near |x| = 6 where tanh is within
/// 2e-5 of 1 (the test measures it over [-9, 9] in steps of 2⁻¹² and near 0), and several
/// times as fast as `libm::tanhf`: no calls, and branches LLVM turns into selects, so the
/// loops over a layer's units vectorise. Only +, ×, / and comparisons: the same bits on
/// every platform (Rust never fuses a multiply-add).
#[inline]
pub fn tanh(z: f32) -> f32 {
    const CLAMP: f32 = 7.998_811_7;
    const A1: f32 = 4.893_524_6e-3;
    const A3: f32 = 6.372_619_3e-4;
    const A5: f32 = 1.485_722_4e-5;
    const A7: f32 = 5.122_297e-8;
    const A9: f32 = -8.604_672e-11;
    const A11: f32 = 2.000_188e-13;
    const A13: f32 = -2.760_768_5e-16;
    const B0: f32 = 4.893_525e-3;
    const B2: f32 = 2.268_434_6e-3;
    const B4: f32 = 1.185_347_1e-4;
    const B6: f32 = 1.198_258_4e-6;
    // clamp keeps a NaN a NaN (a diverged network must show it).
    let x = z.clamp(-CLAMP, CLAMP);
    let x2 = x * x;
    let mut p = x2 * A13 + A11;
    p = x2 * p + A9;
    p = x2 * p + A7;
    p = x2 * p + A5;
    p = x2 * p + A3;
    p = x2 * p + A1;
    p *= x;
    let mut q = x2 * B6 + B4;
    q = x2 * q + B2;
    q = x2 * q + B0;
    let r = p / q;
    if x.abs() < 4e-4 {
        x
    } else if z >= 9.0 {
        // Where float32's tanh is 1 (and f' = 1 - h² is 0), as the exact function rounds.
        1.0
    } else if z <= -9.0 {
        -1.0
    } else {
        r
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

    /// The rational tanh against the exact one (f64): every float32 step 2⁻¹² in [-9, 9],
    /// and a geometric sweep near 0; odd; ±1 at the ends; NaN stays NaN.
    #[test]
    fn tanh_is_within_eight_ulp() {
        let ulp = |v: f32| (f32::from_bits(v.abs().to_bits() + 1) - v.abs()) as f64;
        let mut worst = 0.0f64;
        let mut check = |x: f32| {
            let exact = (x as f64).tanh();
            let err = (tanh(x) as f64 - exact).abs() / ulp(exact as f32).max(f64::from(f32::MIN_POSITIVE));
            worst = worst.max(err);
            assert_eq!(tanh(-x), -tanh(x), "odd at {x}");
        };
        let mut x = -9.0f32;
        while x <= 9.0 {
            check(x);
            x += 1.0 / 4096.0;
        }
        let mut x = 1e-30f32;
        while x < 1.0 {
            check(x);
            x *= 1.001;
        }
        println!("worst error of the rational tanh: {worst:.2} ulp");
        assert!(worst <= 8.0, "{worst} ulp");
        assert_eq!(tanh(100.0), 1.0);
        assert_eq!(tanh(f32::NEG_INFINITY), -1.0);
        assert!(tanh(f32::NAN).is_nan());
    }

    /// σ(0) = 0.5 by hand; σ(±100) saturates without producing NaN.
    #[test]
    fn sigmoid_is_stable() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(100.0), 1.0);
        assert!(sigmoid(-100.0) >= 0.0 && sigmoid(-100.0) < 1e-40);
    }
}
