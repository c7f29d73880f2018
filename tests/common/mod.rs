//! Helpers shared by the integration tests (each test file uses some of them).
#![allow(dead_code)]

use serde_json::Value;

/// Every number of a nested JSON array, in order.
pub fn flatten(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Array(items) => items.iter().for_each(|x| flatten(x, out)),
        Value::Number(n) => out.push(n.as_f64().unwrap()),
        other => panic!("unexpected {other}"),
    }
}

/// max|ours - theirs| / max|theirs| over two arrays (or numbers) of the same shape: the
/// normwise relative error, the fair float32 measure (see tests/parity.rs).
pub fn normwise(ours: &Value, theirs: &Value) -> f64 {
    let (mut a, mut b) = (vec![], vec![]);
    flatten(ours, &mut a);
    flatten(theirs, &mut b);
    assert_eq!(a.len(), b.len(), "different sizes");
    let scale = b.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let diff = a.iter().zip(&b).fold(0.0f64, |m, (x, y)| m.max((x - y).abs()));
    if scale == 0.0 {
        diff
    } else {
        diff / scale
    }
}

use rnn_playground::activation::Activation;
use rnn_playground::model::{CellKind, Model, OutputKind, Spec};

/// A linear simple RNN with one input, one unit and one output, every weight zero: the
/// tests that make numbers overflow set the few weights they need by hand.
pub fn tiny_linear_rnn() -> Model {
    let spec = Spec { cell: CellKind::SimpleRnn { activation: Activation::Linear }, input_size: 1, units: 1, output_size: 1, output: OutputKind::Linear };
    Model::zeros(spec).unwrap()
}
