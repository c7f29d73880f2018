//! The model file `rnn-playground/model@1`: the Keras `get_weights()` arrays with the
//! shape of the network around them.
//!
//! ```text
//! { "format": "rnn-playground/model@1",
//!   "cell": "simple_rnn" | "lstm" | "gru",
//!   "activation": "tanh" | "relu" | "sigmoid" | "linear",   (simple_rnn only; default tanh)
//!   "reset_after": true | false,                             (gru only; default true)
//!   "input_size": I, "units": U, "output_size": O,
//!   "output": "softmax" | "linear",
//!   "weights": { "kernel": [I][k*U], "recurrent_kernel": [U][k*U],
//!                "bias": [k*U]  (gru with reset_after: [2][3*U]),
//!                "dense_kernel": [U][O], "dense_bias": [O] } }
//! ```

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::json::{field, matrix, parse, size, string, vector};
use crate::activation::Activation;
use crate::error::{Expected, Result, RnnError};
use crate::model::{CellKind, Model, OutputKind, Spec};
use crate::settings::limits::MODEL_SIZE;
use crate::settings::{CellName, Choices};

/// The `format` value of model files.
pub const MODEL_FORMAT: &str = "rnn-playground/model@1";

/// Reads a model file.
pub fn model_from_json(text: &str) -> Result<Model> {
    model_from_value(&parse(text)?)
}

/// Reads a model from an already parsed JSON value.
pub fn model_from_value(v: &Value) -> Result<Model> {
    if !v.is_object() {
        return Err(RnnError::wrong_type("model", Expected::Object, v));
    }
    let format = string(v, "format", "")?;
    if format != MODEL_FORMAT {
        return Err(RnnError::Format { found: format.to_string(), expected: MODEL_FORMAT.to_string() });
    }
    let cell_name = CellName::parse("cell", string(v, "cell", "")?)?;
    let activation = match v.get("activation") {
        None | Some(Value::Null) => None,
        Some(a) => {
            let name = a.as_str().ok_or_else(|| RnnError::wrong_type("activation", Expected::Name, a))?;
            Some(Activation::parse("activation", name)?)
        }
    };
    let reset_after = match v.get("reset_after") {
        None | Some(Value::Null) => true,
        Some(b) => b.as_bool().ok_or_else(|| RnnError::wrong_type("reset_after", Expected::Boolean, b))?,
    };
    if let Some(a) = activation.filter(|&a| cell_name != CellName::SimpleRnn && a != Activation::Tanh) {
        return Err(RnnError::conflict("activation", a.name(), "cell", cell_name.name()));
    }
    let cell = CellKind::from_name(cell_name, activation.unwrap_or_default(), reset_after);
    let output = OutputKind::parse("output", string(v, "output", "")?)?;
    let spec = Spec {
        cell,
        input_size: size(v, "input_size", MODEL_SIZE)?,
        units: size(v, "units", MODEL_SIZE)?,
        output_size: size(v, "output_size", MODEL_SIZE)?,
        output,
    };
    // The sizes and the weight budget are checked before anything is allocated, and each
    // array is read (and its shape checked) before the network is made.
    spec.validate()?;
    let (i, u, o) = (spec.input_size, spec.units, spec.output_size);
    let ku = cell.gates() * u;
    let w = field(v, "weights", "")?;
    let kernel = matrix(field(w, "kernel", "weights")?, "weights.kernel", Some(i), ku)?;
    let recurrent = matrix(field(w, "recurrent_kernel", "weights")?, "weights.recurrent_kernel", Some(u), ku)?;
    let bias = field(w, "bias", "weights")?;
    let bias = if cell == (CellKind::Gru { reset_after: true }) { matrix(bias, "weights.bias", Some(2), ku)? } else { vector(bias, "weights.bias", Some(ku))? };
    let dense_kernel = matrix(field(w, "dense_kernel", "weights")?, "weights.dense_kernel", Some(u), o)?;
    let dense_bias = vector(field(w, "dense_bias", "weights")?, "weights.dense_bias", Some(o))?;
    let params: Vec<f32> = [kernel, recurrent, bias, dense_kernel, dense_bias].concat();
    Model::from_params(spec, params)
}

/// The weights of `params` (or of a gradient buffer with the same layout) as the
/// `weights` object of a model file: each tensor by its name, a matrix as rows. Written
/// as f32, which serde_json prints in its shortest form (0.41571987, not the f64 of it).
#[derive(Clone, Copy)]
pub struct Tensors<'a> {
    pub model: &'a Model,
    pub params: &'a [f32],
}

impl Serialize for Tensors<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let tensors = self.model.layout.tensors();
        let mut map = s.serialize_map(Some(tensors.len()))?;
        for t in tensors {
            let data = &self.params[t.range.clone()];
            if t.shape.len() == 2 {
                map.serialize_entry(t.name, &Rows { data, cols: t.shape[1] })?;
            } else {
                map.serialize_entry(t.name, data)?;
            }
        }
        map.end()
    }
}

/// A row-major buffer as nested arrays of `cols` columns.
pub struct Rows<'a> {
    pub data: &'a [f32],
    pub cols: usize,
}

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.data.chunks_exact(self.cols.max(1)))
    }
}

/// A model file as written: the network, its weights, then what a view adds (`extra`: the
/// sentence's tokens, a vocabulary).
#[derive(Serialize)]
pub struct ModelFile<'a, E: Serialize> {
    format: &'static str,
    cell: CellName,
    input_size: usize,
    units: usize,
    output_size: usize,
    output: OutputKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    activation: Option<Activation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reset_after: Option<bool>,
    weights: Tensors<'a>,
    #[serde(flatten)]
    extra: E,
}

/// Nothing more than the network.
#[derive(Serialize)]
pub struct NoExtra {}

impl<'a, E: Serialize> ModelFile<'a, E> {
    pub fn new(model: &'a Model, extra: E) -> Self {
        let spec = &model.spec;
        let (activation, reset_after) = match spec.cell {
            CellKind::SimpleRnn { activation } => (Some(activation), None),
            CellKind::Gru { reset_after } => (None, Some(reset_after)),
            CellKind::Lstm => (None, None),
        };
        ModelFile {
            format: MODEL_FORMAT,
            cell: spec.cell.name(),
            input_size: spec.input_size,
            units: spec.units,
            output_size: spec.output_size,
            output: spec.output,
            activation,
            reset_after,
            weights: Tensors { model, params: &model.params },
            extra,
        }
    }

    /// As pretty-printed text.
    pub fn pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a model file serialises")
    }

    /// As compact text.
    pub fn text(&self) -> String {
        serde_json::to_string(self).expect("a model file serialises")
    }
}

/// The model file of a model, as pretty-printed text.
pub fn model_to_json(model: &Model) -> String {
    ModelFile::new(model, NoExtra {}).pretty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every weight is written as its f32's shortest decimal and reads back as that f32:
    /// every 9973rd f32 bit pattern that is finite (all exponents, both signs).
    #[test]
    fn weights_are_written_shortest_and_read_back_exactly() {
        let spec = Spec { cell: CellKind::Lstm, input_size: 1, units: 1, output_size: 1, output: OutputKind::Linear };
        let mut model = Model::zeros(spec).unwrap();
        let n = model.params.len();
        let patterns: Vec<f32> = (0..u32::MAX / 9973).map(|i| f32::from_bits(i * 9973)).filter(|x| x.is_finite()).collect();
        for chunk in patterns.chunks(n) {
            model.params[..chunk.len()].copy_from_slice(chunk);
            let back = model_from_json(&model_to_json(&model)).unwrap();
            for (a, b) in model.params.iter().zip(&back.params) {
                assert_eq!(a.to_bits(), b.to_bits(), "{a:e}");
            }
        }
        model.params[0] = 0.41571987;
        assert!(model_to_json(&model).contains("0.41571987,"), "the f32's own shortest form, not its f64's");
    }
}
