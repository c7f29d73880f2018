//! The seed's time-series task: read a sine wave, predict its next value.

use serde::{Deserialize, Serialize};

use crate::error::{Result, RnnError};
use crate::rng::Rng;

/// Settings of the generated sine-wave data set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SineConfig {
    /// Number of sequences.
    pub sequences: usize,
    /// T, steps per sequence.
    pub length: usize,
    /// Radians between two samples.
    pub step: f32,
    /// Standard deviation of Gaussian noise added to the inputs (0 for none).
    pub noise: f32,
    pub seed: u64,
}

impl Default for SineConfig {
    fn default() -> Self {
        SineConfig { sequences: 1024, length: 50, step: 0.2, noise: 0.0, seed: 7 }
    }
}

/// Sequences with x_t = sin(φ + t·Δ) (+ noise) and target y_t = sin(φ + (t+1)·Δ), the
/// phase φ uniform in [0, 2π). Shapes as Keras wants them: [N][T][1].
#[derive(Debug, Clone, PartialEq)]
pub struct SineData {
    pub sequences: usize,
    pub length: usize,
    /// [N][T][1].
    pub x: Vec<f32>,
    /// [N][T][1].
    pub y: Vec<f32>,
}

/// Generates the data set.
pub fn generate(config: &SineConfig) -> Result<SineData> {
    if config.sequences == 0 || config.sequences > 100_000 {
        return Err(RnnError::range("sequences", config.sequences, 1.0, 100000.0));
    }
    if config.length == 0 || config.length > 10_000 {
        return Err(RnnError::range("length", config.length, 1.0, 10000.0));
    }
    if !(config.noise >= 0.0 && config.noise.is_finite()) {
        return Err(RnnError::range("noise", config.noise, 0.0, 1e6));
    }
    let mut rng = Rng::new(config.seed);
    let (n, t) = (config.sequences, config.length);
    let mut x = Vec::with_capacity(n * t);
    let mut y = Vec::with_capacity(n * t);
    for _ in 0..n {
        let phase = rng.uniform01_f64() * 2.0 * core::f64::consts::PI;
        for s in 0..t {
            let clean = libm::sin(phase + s as f64 * config.step as f64) as f32;
            let noise = if config.noise > 0.0 { (rng.normal_f64() * config.noise as f64) as f32 } else { 0.0 };
            x.push(clean + noise);
            y.push(libm::sin(phase + (s + 1) as f64 * config.step as f64) as f32);
        }
    }
    Ok(SineData { sequences: n, length: t, x, y })
}

impl SineData {
    /// The mean squared error of always predicting the mean of y: the loss to beat.
    pub fn baseline_mse(&self) -> f32 {
        let mean = self.y.iter().map(|&v| v as f64).sum::<f64>() / self.y.len() as f64;
        (self.y.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / self.y.len() as f64) as f32
    }

    /// Splits off the last `test` sequences.
    pub fn split(&self, test: usize) -> (SineData, SineData) {
        let train = self.sequences - test.min(self.sequences);
        let cut = train * self.length;
        (
            SineData { sequences: train, length: self.length, x: self.x[..cut].to_vec(), y: self.y[..cut].to_vec() },
            SineData { sequences: self.sequences - train, length: self.length, x: self.x[cut..].to_vec(), y: self.y[cut..].to_vec() },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_the_next_inputs_and_seeded() {
        let d = generate(&SineConfig { sequences: 3, length: 10, ..Default::default() }).unwrap();
        for n in 0..3 {
            for t in 0..9 {
                assert_eq!(d.y[n * 10 + t], d.x[n * 10 + t + 1]);
            }
        }
        assert_eq!(d, generate(&SineConfig { sequences: 3, length: 10, ..Default::default() }).unwrap());
        // A sine with random phase has variance 1/2.
        let big = generate(&SineConfig::default()).unwrap();
        assert!((big.baseline_mse() - 0.5).abs() < 0.03, "{}", big.baseline_mse());
    }

    #[test]
    fn zero_sequences_is_refused() {
        assert!(generate(&SineConfig { sequences: 0, ..Default::default() }).unwrap_err().to_string().contains("sequences"));
    }
}
