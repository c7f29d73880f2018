//! Parity with real frameworks: every fixture in tests/fixtures/parity was written by
//! TensorFlow.js 4.22 or Keras 3 layers given the same weights (the scripts that made them
//! sit beside them). This engine must agree on hidden states, cell states, outputs, loss,
//! every gradient and every ‖dL/dh_t‖.
//!
//! The measure is the normwise relative error of each array, max|ours - theirs| /
//! max|theirs|, which must be at most 1e-5. (Element-wise relative error is not a fair
//! float32 measure: a gradient entry a thousand times smaller than its neighbours carries
//! the rounding error of the big ones; the frameworks differ from an exact float64
//! computation by up to 5e-5 element-wise on such entries, and by at most 6e-7 normwise.)

mod common;

use common::normwise;
use std::path::Path;

use rnn_playground::format::json::parse;
use rnn_playground::format::model_file::model_from_value;
use rnn_playground::format::trace::{request_from_value, trace, trace_to_json};
use serde_json::Value;

const TOLERANCE: f64 = 1e-5;

#[test]
fn engine_agrees_with_tensorflow_js_and_keras_on_every_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parity");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    assert!(files.len() >= 30, "expected the 30 fixtures, found {}", files.len());
    let mut cells_seen = std::collections::BTreeSet::new();
    let mut failures = vec![];
    for path in &files {
        let fixture = parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        let model = model_from_value(&fixture["model"]).unwrap();
        let request = request_from_value(&fixture["request"], &model).unwrap();
        let ours: serde_json::Value = serde_json::from_str(&trace_to_json(&model, &trace(&model, &request))).unwrap();
        let theirs = &fixture["trace"];
        cells_seen.insert(format!("{:?}", model.spec.cell));
        let mut worst = (0.0f64, String::new());
        let mut keys: Vec<String> = vec!["hidden".into(), "outputs".into(), "loss".into(), "dh_norms".into()];
        if theirs.get("cell").is_some() {
            keys.push("cell".into());
        }
        for name in ["kernel", "recurrent_kernel", "bias", "dense_kernel", "dense_bias"] {
            keys.push(format!("grads.{name}"));
        }
        for key in &keys {
            let (a, b) = match key.strip_prefix("grads.") {
                Some(g) => (&ours["grads"][g], &theirs["grads"][g]),
                None => (&ours[key.as_str()], &theirs[key.as_str()]),
            };
            let a = if a.is_number() { Value::Array(vec![a.clone()]) } else { a.clone() };
            let b = if b.is_number() { Value::Array(vec![b.clone()]) } else { b.clone() };
            let err = normwise(&a, &b);
            if err > worst.0 {
                worst = (err, key.clone());
            }
        }
        let name = path.file_stem().unwrap().to_string_lossy();
        println!("{name:48} worst {:.1e} ({}) vs {}", worst.0, worst.1, fixture["generator"]);
        if worst.0 > TOLERANCE {
            failures.push(format!("{name}: {} differs by {:.2e}", worst.1, worst.0));
        }
    }
    assert_eq!(cells_seen.len(), 7, "every cell variant must be covered: {cells_seen:?}");
    assert!(failures.is_empty(), "{failures:#?}");
}
