//! The names that cross from the page, the URL, a file or the command line into the
//! engine: each is a serde enum, so its spelling lives in one place (the derive) and a
//! wrong name is refused with the list of right ones.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Result, RnnError};

/// An enum whose every value is known, so messages and the page can list them.
pub trait Choices: Sized + Copy + Serialize + DeserializeOwned + 'static {
    /// Every value, in the order the page lists them.
    const ALL: &'static [Self];

    /// The name in files, URLs and on the command line.
    fn name(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => unreachable!("a Choices enum serialises to a string"),
        }
    }

    /// Every name, in order.
    fn names() -> Vec<String> {
        Self::ALL.iter().map(|c| c.name()).collect()
    }

    /// Reads a name; anything else is an error naming `field` and the names allowed.
    fn parse(field: &str, name: &str) -> Result<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).map_err(|_| RnnError::NotOneOf {
            field: field.to_string(),
            value: name.to_string(),
            allowed: Self::names(),
        })
    }
}

/// The recurrent cell, as a name (the activation and GRU variant are separate settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum), value(rename_all = "snake_case"))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum CellName {
    /// The simple (Elman) RNN of the formula h_t = f(W_hh h_(t-1) + W_xh x_t + b_h).
    #[default]
    SimpleRnn,
    /// Long short-term memory: gates decide what to write, keep and show.
    Lstm,
    /// Gated recurrent unit: an update gate and a reset gate.
    Gru,
}

impl Choices for CellName {
    const ALL: &'static [Self] = &[CellName::SimpleRnn, CellName::Lstm, CellName::Gru];
}

/// The optimiser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum), value(rename_all = "snake_case"))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum OptimizerName {
    /// Adam (Kingma and Ba) with Keras's settings: β₁ 0.9, β₂ 0.999, ε 1e-7.
    #[default]
    Adam,
    /// Stochastic gradient descent with momentum 0.9.
    Sgd,
}

impl Choices for OptimizerName {
    const ALL: &'static [Self] = &[OptimizerName::Adam, OptimizerName::Sgd];
}

/// How gradients are clipped before an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum), value(rename_all = "snake_case"))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum ClipMode {
    /// Leave the gradient alone.
    #[default]
    None,
    /// Clamp every component to [-c, c] (this turns the gradient).
    Value,
    /// Rescale the whole gradient to length c when it is longer (keeps its direction).
    Norm,
}

impl Choices for ClipMode {
    const ALL: &'static [Self] = &[ClipMode::None, ClipMode::Value, ClipMode::Norm];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;

    #[test]
    fn names_round_trip_and_a_wrong_name_lists_the_right_ones() {
        for &c in CellName::ALL {
            assert_eq!(CellName::parse("cell", &c.name()).unwrap(), c);
        }
        assert_eq!(CellName::SimpleRnn.name(), "simple_rnn");
        assert_eq!(Activation::parse("activation", "relu").unwrap(), Activation::Relu);
        let err = CellName::parse("cell", "transformer").unwrap_err();
        assert_eq!(
            err,
            RnnError::NotOneOf { field: "cell".into(), value: "transformer".into(), allowed: vec!["simple_rnn".into(), "lstm".into(), "gru".into()] }
        );
        assert_eq!(err.to_string(), "`cell` is \"transformer\": expected one of \"simple_rnn\", \"lstm\", \"gru\"");
    }
}
