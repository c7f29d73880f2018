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

use serde_json::{json, Value};

use super::json::{field, matrix, parse, rows_of, shape_of, size, string, vec_of, vector};
use crate::activation::Activation;
use crate::error::{Result, RnnError};
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
        return Err(RnnError::shape("model", "an object", super::json::shape_of(v)));
    }
    let format = string(v, "format", "")?;
    if format != MODEL_FORMAT {
        return Err(RnnError::Format { found: format.to_string(), expected: MODEL_FORMAT.to_string() });
    }
    let cell_name = CellName::parse("cell", string(v, "cell", "")?)?;
    let activation = match v.get("activation") {
        None | Some(Value::Null) => None,
        Some(a) => {
            let name = a.as_str().ok_or_else(|| RnnError::WrongType { field: "activation".into(), expected: "a string".into(), got: shape_of(a) })?;
            Some(Activation::parse("activation", name)?)
        }
    };
    let reset_after = match v.get("reset_after") {
        None | Some(Value::Null) => true,
        Some(b) => b.as_bool().ok_or_else(|| RnnError::WrongType { field: "reset_after".into(), expected: "true or false".into(), got: shape_of(b) })?,
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
    let bias = if cell == (CellKind::Gru { reset_after: true }) {
        matrix(bias, "weights.bias", Some(2), ku)?
    } else {
        vector(bias, "weights.bias", Some(ku), &format!("[{ku}]"))?
    };
    let dense_kernel = matrix(field(w, "dense_kernel", "weights")?, "weights.dense_kernel", Some(u), o)?;
    let dense_bias = vector(field(w, "dense_bias", "weights")?, "weights.dense_bias", Some(o), &format!("[{o}]"))?;
    let params: Vec<f32> = [kernel, recurrent, bias, dense_kernel, dense_bias].concat();
    Model::from_params(spec, params)
}

/// The weights of `params` (or of a gradient buffer with the same layout) as the
/// `weights` object of a model file.
pub fn weights_json(model: &Model, params: &[f32]) -> Value {
    let mut obj = serde_json::Map::new();
    for t in model.layout.tensors() {
        let data = &params[t.range.clone()];
        let value = if t.shape.len() == 2 { json!(rows_of(data, t.shape[1])) } else { json!(vec_of(data)) };
        obj.insert(t.name.to_string(), value);
    }
    Value::Object(obj)
}

/// The model file of a model, as a JSON value.
pub fn model_to_value(model: &Model) -> Value {
    let spec = &model.spec;
    let mut v = json!({
        "format": MODEL_FORMAT,
        "cell": spec.cell.name(),
        "input_size": spec.input_size,
        "units": spec.units,
        "output_size": spec.output_size,
        "output": spec.output,
    });
    match spec.cell {
        CellKind::SimpleRnn { activation } => v["activation"] = json!(activation),
        CellKind::Gru { reset_after } => v["reset_after"] = json!(reset_after),
        CellKind::Lstm => {}
    }
    v["weights"] = weights_json(model, &model.params);
    v
}

/// The model file of a model, as pretty-printed text.
pub fn model_to_json(model: &Model) -> String {
    serde_json::to_string_pretty(&model_to_value(model)).expect("a JSON value always serialises")
}
