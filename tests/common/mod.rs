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

/// Runs `rnnp args…`; one that has not finished within a minute is killed and fails the
/// test (a hang fails, it does not stall the run).
pub fn rnnp(args: &[&str]) -> std::process::Output {
    use std::process::{Command, Stdio};
    let child = Command::new(env!("CARGO_BIN_EXE_rnnp")).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the binary runs");
    let pid = child.id();
    let (done, output) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match output.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(out) => out.expect("the binary's output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("rnnp {} did not finish within a minute", args.join(" "));
        }
    }
}

/// Bytes a command printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh directory for one test's files, removed when it is dropped.
pub fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("rnnp-test-").tempdir().expect("a temporary directory")
}

/// A path inside `dir` as the text a command line takes.
pub fn path_in(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).to_str().expect("a UTF-8 path").to_string()
}
