//! Gradient clipping, as a named step that reports what it did.

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// How to clip the gradient before an update.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "mode", content = "threshold", rename_all = "snake_case")]
pub enum Clip {
    /// Leave the gradient alone.
    #[default]
    None,
    /// Clamp every component to [-c, c] (min-char-rnn, char-rnn, recurrentjs use c = 5).
    /// This changes the gradient's direction.
    Value(f32),
    /// If ‖g‖ > c, rescale g to c·g/‖g‖ (Pascanu, Mikolov and Bengio 2013, Algorithm 1),
    /// with ‖g‖ the norm of all gradients together. The direction is kept.
    GlobalNorm(f32),
}

impl crate::settings::ClipMode {
    /// The clipping step of this mode at threshold `c`.
    pub fn with_threshold(self, c: f32) -> Clip {
        match self {
            crate::settings::ClipMode::None => Clip::None,
            crate::settings::ClipMode::Value => Clip::Value(c),
            crate::settings::ClipMode::Norm => Clip::GlobalNorm(c),
        }
    }
}

impl Clip {
    /// Checks the threshold.
    pub fn validate(&self) -> Result<()> {
        match *self {
            Clip::None => Ok(()),
            Clip::Value(c) | Clip::GlobalNorm(c) => crate::settings::limits::CLIP_THRESHOLD.check_f32("clip_threshold", c),
        }
    }
}

/// What clipping did to one gradient.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct ClipReport {
    /// ‖g‖ before clipping (the number that explodes).
    pub norm_before: f32,
    /// ‖g‖ after clipping.
    pub norm_after: f32,
    /// Whether anything changed.
    pub clipped: bool,
    /// Fraction of components changed (1 for a global-norm clip that acted).
    pub fraction_clipped: f32,
    /// Angle between the raw and the clipped gradient, in degrees.
    pub angle_degrees: f32,
}

/// Clips `grads` in place and says what happened. Sums are in f64 so a norm of 1e30 is
/// still a number.
pub fn clip(grads: &mut [f32], mode: Clip) -> ClipReport {
    let norm_before = crate::linalg::norm(grads);
    let mut report = ClipReport { norm_before: norm_before as f32, norm_after: norm_before as f32, ..Default::default() };
    match mode {
        Clip::None => {}
        Clip::GlobalNorm(c) => {
            if norm_before > c as f64 {
                let scale = (c as f64 / norm_before) as f32;
                let mut dot = 0.0f64;
                for g in grads.iter_mut() {
                    let before = *g as f64;
                    *g *= scale;
                    dot += before * *g as f64;
                }
                let norm_after = crate::linalg::norm(grads);
                report = ClipReport {
                    norm_before: norm_before as f32,
                    norm_after: norm_after as f32,
                    clipped: true,
                    fraction_clipped: 1.0,
                    angle_degrees: angle(dot, norm_before, norm_after),
                };
            }
        }
        Clip::Value(c) => {
            let mut changed = 0usize;
            let mut dot = 0.0f64;
            for g in grads.iter_mut() {
                let before = *g as f64;
                let after = g.clamp(-c, c);
                if after != *g {
                    changed += 1;
                }
                *g = after;
                dot += before * after as f64;
            }
            let norm_after = crate::linalg::norm(grads);
            report = ClipReport {
                norm_before: norm_before as f32,
                norm_after: norm_after as f32,
                clipped: changed > 0,
                fraction_clipped: if grads.is_empty() { 0.0 } else { changed as f32 / grads.len() as f32 },
                angle_degrees: if changed > 0 { angle(dot, norm_before, norm_after) } else { 0.0 },
            };
        }
    }
    report
}

/// The angle between two vectors from their dot product and norms, in degrees.
fn angle(dot: f64, a: f64, b: f64) -> f32 {
    if a == 0.0 || b == 0.0 || !a.is_finite() {
        return 0.0;
    }
    let cos = (dot / (a * b)).clamp(-1.0, 1.0);
    libm::acos(cos).to_degrees() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// g = (3, 4), ‖g‖ = 5, clipped to norm 1: (0.6, 0.8), same direction.
    #[test]
    fn global_norm_keeps_the_direction() {
        let mut g = [3.0f32, 4.0];
        let r = clip(&mut g, Clip::GlobalNorm(1.0));
        assert_eq!(r.norm_before, 5.0);
        assert!((g[0] - 0.6).abs() < 1e-7 && (g[1] - 0.8).abs() < 1e-7);
        assert!(r.clipped && r.angle_degrees < 1e-3);
    }

    /// g = (10, 1) clamped at 5 gives (5, 1): the angle is atan(1/5) - atan(1/10) = 5.57°.
    #[test]
    fn value_clipping_turns_the_gradient() {
        let mut g = [10.0f32, 1.0];
        let r = clip(&mut g, Clip::Value(5.0));
        assert_eq!(g, [5.0, 1.0]);
        let want = (0.2f64.atan() - 0.1f64.atan()).to_degrees() as f32;
        assert!((r.angle_degrees - want).abs() < 1e-3, "{} vs {want}", r.angle_degrees);
        assert_eq!(r.fraction_clipped, 0.5);
    }

    #[test]
    fn below_the_threshold_nothing_changes() {
        let mut g = [0.1f32, 0.2];
        let r = clip(&mut g, Clip::GlobalNorm(1.0));
        assert!(!r.clipped);
        assert_eq!(g, [0.1, 0.2]);
    }
}
