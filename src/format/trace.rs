//! The trace: everything one forward and backward pass over one sequence computes.
//!
//! Request: `{ "x": [T][I], "y": [T][O] (mse) or [T] class ids (cross_entropy),
//!             "loss": "mse" | "cross_entropy", "loss_at": "every_step" | "last_step" }`
//!
//! Trace: `{ "hidden": [T][U], "cell": [T][U] (lstm only), "outputs": [T][O],
//!           "loss": number, "grads": {the weights' keys and shapes}, "dh_norms": [T] }`
//! with h_0 = 0 and dh_norms[t] = ‖dLoss/dh_t‖.

use serde_json::Value;

use super::json::{field, matrix, parse, string};
use super::model_file::{model_from_value, Rows, Tensors};
use crate::bptt;
use crate::error::{Expected, Result, RnnError};
pub use crate::loss::OwnedTargets;
use crate::loss::{check_pairing, loss_and_grad, LossAt, LossKind};
use crate::model::Model;
use crate::network::{forward, Initial, Inputs, Workspace};
use crate::settings::limits::{check_workspace, TRACE_STEPS};
use crate::settings::Choices;

/// One sequence to trace, checked against the model.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceRequest {
    /// T.
    pub steps: usize,
    /// [T][I].
    pub x: Vec<f32>,
    pub y: OwnedTargets,
    pub loss: LossKind,
    pub loss_at: LossAt,
}

/// Reads and checks a request for `model`.
pub fn request_from_value(v: &Value, model: &Model) -> Result<TraceRequest> {
    let spec = model.spec;
    if !v.is_object() {
        return Err(RnnError::wrong_type("request", Expected::Object, v));
    }
    let loss = LossKind::parse("loss", string(v, "loss", "")?)?;
    let loss_at = match v.get("loss_at") {
        None => LossAt::EveryStep,
        Some(a) => LossAt::parse("loss_at", a.as_str().ok_or_else(|| RnnError::wrong_type("loss_at", Expected::Name, a))?)?,
    };
    check_pairing(loss, spec.output)?;
    let x_value = field(v, "x", "")?;
    if x_value.as_array().is_some_and(|a| a.is_empty()) {
        return Err(RnnError::Empty { field: "x".into() });
    }
    // The steps and the memory of the pass are checked before the rows are read.
    if let Some(rows) = x_value.as_array() {
        TRACE_STEPS.check("x", rows.len() as u64)?;
        check_workspace("the trace", 1, rows.len() as u64, Workspace::floats_per_step(&spec))?;
    }
    let x = matrix(x_value, "x", None, spec.input_size)?;
    let steps = x.len() / spec.input_size;
    let y_value = field(v, "y", "")?;
    let y = match loss {
        LossKind::Mse => OwnedTargets::Values(matrix(y_value, "y", Some(steps), spec.output_size)?),
        LossKind::CrossEntropy => OwnedTargets::Classes(class_ids(y_value, steps, spec.output_size)?),
    };
    Ok(TraceRequest { steps, x, y, loss, loss_at })
}

/// [T] class ids, each in 0..classes.
fn class_ids(v: &Value, steps: usize, classes: usize) -> Result<Vec<u32>> {
    let items = v.as_array().filter(|a| a.len() == steps).ok_or_else(|| RnnError::not_shaped("y", &format!("[{steps}]"), v))?;
    items
        .iter()
        .enumerate()
        .map(|(t, item)| {
            // Compared as i128, so no id is cut to fit a machine word before the check.
            let id: i128 = match (item.as_u64(), item.as_i64()) {
                (Some(u), _) => u as i128,
                (None, Some(i)) => i as i128,
                _ => return Err(RnnError::NotWhole { field: format!("y[{t}]"), value: item.to_string() }),
            };
            if id < 0 || id >= classes as i128 {
                return Err(RnnError::ClassOutOfRange { field: "y".into(), step: t, class: id.clamp(i64::MIN as i128, i64::MAX as i128) as i64, classes });
            }
            Ok(id as u32)
        })
        .collect()
}

/// Everything one pass computed, in the model's buffers.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub steps: usize,
    /// h_1..h_T [T][U].
    pub hidden: Vec<f32>,
    /// c_1..c_T [T][U] (LSTM; empty otherwise).
    pub cell: Vec<f32>,
    /// After softmax/identity [T][O].
    pub outputs: Vec<f32>,
    pub loss: f32,
    /// dLoss/dweights, laid out like the weights.
    pub grads: Vec<f32>,
    /// ‖dLoss/dh_t‖ [T].
    pub dh_norms: Vec<f32>,
}

/// One forward and backward pass from h_0 = 0.
pub fn trace(model: &Model, request: &TraceRequest) -> Trace {
    let mut ws = Workspace::new();
    let inputs = Inputs::Dense(&request.x);
    forward(model, inputs, request.steps, 1, Initial::Zero, &mut ws);
    let loss =
        loss_and_grad(request.loss, request.loss_at, model.spec.output, request.y.as_targets(), request.steps, 1, &ws.logits, &ws.outputs, &mut ws.d_logits)
            as f32;
    let mut grads = vec![0.0; model.layout.len];
    bptt::backward(model, inputs, &mut ws, &mut grads);
    Trace {
        steps: request.steps,
        hidden: ws.hidden().to_vec(),
        cell: ws.cell_state().to_vec(),
        outputs: ws.outputs.clone(),
        loss,
        grads,
        dh_norms: ws.dh_norms.clone(),
    }
}

/// The trace as JSON, and the names of the parts that hold numbers that are not finite
/// (written as null; also listed in the JSON as `not_finite`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TraceText {
    pub json: String,
    pub not_finite: Vec<String>,
}

/// A trace as it is written (every number an f32 in its shortest form, a number that is
/// not finite as null).
#[derive(serde::Serialize)]
struct TraceFile<'a> {
    hidden: Rows<'a>,
    outputs: Rows<'a>,
    loss: f32,
    grads: Tensors<'a>,
    dh_norms: &'a [f32],
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<Rows<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_finite: Vec<String>,
}

/// The trace as JSON text.
pub fn trace_to_json(model: &Model, t: &Trace) -> String {
    let u = model.spec.units;
    let file = TraceFile {
        hidden: Rows { data: &t.hidden, cols: u },
        outputs: Rows { data: &t.outputs, cols: model.spec.output_size },
        loss: t.loss,
        grads: Tensors { model, params: &t.grads },
        dh_norms: &t.dh_norms,
        cell: (!t.cell.is_empty()).then_some(Rows { data: &t.cell, cols: u }),
        not_finite: not_finite(model, t),
    };
    serde_json::to_string(&file).expect("a trace serialises")
}

/// The parts of a trace with a number that is not finite.
pub fn not_finite(model: &Model, t: &Trace) -> Vec<String> {
    let bad = |x: &[f32]| x.iter().any(|v| !v.is_finite());
    let mut names = vec![];
    for (name, data) in [("hidden", &t.hidden[..]), ("cell", &t.cell[..]), ("outputs", &t.outputs[..]), ("loss", std::slice::from_ref(&t.loss))] {
        if bad(data) {
            names.push(name.to_string());
        }
    }
    for tensor in model.layout.tensors() {
        if bad(&t.grads[tensor.range.clone()]) {
            names.push(format!("grads.{}", tensor.name));
        }
    }
    if bad(&t.dh_norms) {
        names.push("dh_norms".into());
    }
    names
}

/// Model file text and request text in, trace JSON text out: what `rnnp trace` prints.
pub fn trace_from_json(model_text: &str, request_text: &str) -> Result<TraceText> {
    let model = model_from_value(&parse(model_text)?)?;
    let request = request_from_value(&parse(request_text)?, &model)?;
    let t = trace(&model, &request);
    Ok(TraceText { json: trace_to_json(&model, &t), not_finite: not_finite(&model, &t) })
}
