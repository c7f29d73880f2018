//! The `rnnp` binary, run as a user runs it: its stdout, stderr and exit code.
//!
//! `trace` is checked against a parity fixture written by TensorFlow.js (the LSTM with an mse
//! loss at every step): stdout must be exactly one JSON value that agrees with the fixture's
//! trace to 1e-5 normwise, as in tests/parity.rs.

mod common;

use common::{normwise, rnnp, scratch};
use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

use rnn_playground::format::model_file::model_from_json;
use rnn_playground::model::{CellKind, OutputKind};
use serde_json::{json, Value};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn write(dir: &TempDir, name: &str, v: &Value) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parity").join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn trace_prints_exactly_the_fixture_trace() {
    let dir = scratch();
    let f = fixture("lstm-mse-every_step");
    let model = write(&dir, "model.json", &f["model"]);
    let input = write(&dir, "input.json", &f["request"]);
    let out = rnnp(&["trace", "--model", &model, "--input", &input]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    // The whole of stdout is one JSON value (serde_json refuses trailing text).
    let ours: Value = serde_json::from_str(&stdout(&out)).expect("stdout is exactly one JSON value");
    let theirs = &f["trace"];
    let keys = ["hidden", "cell", "outputs", "loss", "dh_norms"];
    assert_eq!(ours.as_object().unwrap().len(), keys.len() + 1, "no other keys: {:?}", ours.as_object().unwrap().keys().collect::<Vec<_>>());
    for key in keys {
        let err = normwise(&ours[key], &theirs[key]);
        assert!(err <= 1e-5, "{key} differs by {err:e}");
    }
    for name in ["kernel", "recurrent_kernel", "bias", "dense_kernel", "dense_bias"] {
        let err = normwise(&ours["grads"][name], &theirs["grads"][name]);
        assert!(err <= 1e-5, "grads.{name} differs by {err:e}");
    }
}

#[test]
fn a_bad_model_file_fails_with_the_message_on_stderr_only() {
    let dir = scratch();
    let f = fixture("lstm-mse-every_step");
    let mut model = f["model"].clone();
    model["weights"]["kernel"].as_array_mut().unwrap().pop();
    let model = write(&dir, "model.json", &model);
    let input = write(&dir, "input.json", &f["request"]);
    let out = rnnp(&["trace", "--model", &model, "--input", &input]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), format!("error: in the model file {model}: `weights.kernel` should have shape [3][16], got [2][16]\n"));
}

#[test]
fn a_bad_input_file_is_named_in_the_message() {
    let dir = scratch();
    let f = fixture("simple_rnn-tanh-cross_entropy-every_step");
    let model = write(&dir, "model.json", &f["model"]);
    let mut request = f["request"].clone();
    request["y"] = json!([1, 0, 7, 2, 2]);
    let input = write(&dir, "input.json", &request);
    let out = rnnp(&["trace", "--model", &model, "--input", &input]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), format!("error: in the input file {input}: `y` has class 7 at step 2, but the output has only 3 classes (0..3)\n"));

    std::fs::write(&input, "{\"x\": [[1, 2, 3]").unwrap();
    let out = rnnp(&["trace", "--model", &model, "--input", &input]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.starts_with(&format!("error: in the input file {input}: could not read the JSON: ")), "{message}");
}

#[test]
fn a_missing_file_is_named() {
    let out = rnnp(&["trace", "--model", "/nonexistent/model.json", "--input", "/nonexistent/input.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    let message = stderr(&out);
    assert!(message.starts_with("error: could not read the model file /nonexistent/model.json: "), "{message}");
}

/// One row of the prediction table: (after, comes, p).
fn prediction_row<'a>(stdout: &'a str, after: &str) -> (&'a str, f32) {
    let line = stdout
        .lines()
        .skip_while(|l| !l.starts_with("after"))
        .find(|l| l.split_whitespace().next() == Some(after))
        .unwrap_or_else(|| panic!("no prediction row for {after} in:\n{stdout}"));
    let cols: Vec<&str> = line.split_whitespace().collect();
    (cols[1], cols[2].parse().unwrap())
}

#[test]
fn train_sentence_learns_what_follows_and_saves_a_readable_model() {
    let dir = scratch();
    let save = dir.path().join("model.json");
    let out = rnnp(&["train", "sentence", "--epochs", "300", "--save", save.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no progress bar when stderr is not a terminal");
    println!("{text}");

    // The loss lines: the first near ln 5, the last tiny.
    let losses: Vec<(usize, f32)> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("epoch"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols[0].parse().unwrap(), cols[1].parse().unwrap())
        })
        .collect();
    assert_eq!(losses.first().unwrap().0, 1);
    assert_eq!(losses.last().unwrap().0, 300);
    assert!((losses[0].1 - 5f32.ln()).abs() < 0.4, "{losses:?}");
    assert!(losses.last().unwrap().1 < 0.01, "{losses:?}");

    let expected = [("我", "爱"), ("爱", "北京"), ("北京", "天安门"), ("天安门", "<end>")];
    let mut printed = vec![];
    for (after, next) in expected {
        let (comes, p) = prediction_row(&text, after);
        assert_eq!(comes, next, "after {after}");
        assert!(p > 0.9, "after {after}: p = {p}");
        printed.push(p);
    }
    assert!(text.contains("Written from \"我\": 我 爱 北京 天安门 <end>"), "{text}");

    // The saved model reads back, and tracing it gives the probabilities the table printed.
    let model_text = std::fs::read_to_string(&save).unwrap();
    let model = model_from_json(&model_text).unwrap();
    assert_eq!(model.spec.cell, CellKind::SimpleRnn { activation: Default::default() });
    assert_eq!((model.spec.input_size, model.spec.units, model.spec.output_size, model.spec.output), (5, 8, 5, OutputKind::Softmax));
    let one_hot = |id: usize| (0..5).map(|i| if i == id { 1.0 } else { 0.0 }).collect::<Vec<f64>>();
    let request = json!({ "x": [one_hot(0), one_hot(1), one_hot(2), one_hot(3)], "y": [1, 2, 3, 4], "loss": "cross_entropy" });
    let input = write(&dir, "input.json", &request);
    let out = rnnp(&["trace", "--model", save.to_str().unwrap(), "--input", &input]);
    assert!(out.status.success(), "{}", stderr(&out));
    let trace: Value = serde_json::from_str(&stdout(&out)).unwrap();
    for (step, p) in printed.iter().enumerate() {
        let traced = trace["outputs"][step][step + 1].as_f64().unwrap() as f32;
        assert!((traced - p).abs() <= 5e-5, "step {step}: table {p}, trace {traced}");
    }
}

#[test]
fn train_sentence_takes_every_cell_and_option() {
    let runs: [&[&str]; 4] = [
        &["--cell", "lstm", "--clip", "norm:1"],
        &["--cell", "gru", "--reset-after", "false", "--clip", "value:5"],
        &["--activation", "relu", "--optimizer", "sgd", "--lr", "0.1", "--momentum", "0.9"],
        &["--text", "to be or not to be", "--tokenize", "chars", "--units", "8", "--seed", "3"],
    ];
    for extra in runs {
        let mut args = vec!["train", "sentence", "--epochs", "5"];
        args.extend_from_slice(extra);
        let out = rnnp(&args);
        assert!(out.status.success(), "{extra:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("Written from"), "{extra:?}");
    }
    // Characters: "to be or not to be" has the tokens t o b e r n and the end: V = 7.
    let out = rnnp(&["train", "sentence", "--epochs", "1", "--text", "to be or not to be", "--tokenize", "chars"]);
    assert!(stdout(&out).contains("(13 tokens, V = 7 with the end token)"), "{}", stdout(&out));
}

#[test]
fn bad_training_options_are_refused_clearly() {
    let out = rnnp(&["train", "sentence", "--lr", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "error: `learningRate` is 0: it must be between 0.00001 and 1\n");

    let out = rnnp(&["train", "sentence", "--text", "   "]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "error: `text` is empty\n");

    // Flags clap refuses exit with its usage status 2.
    let out = rnnp(&["train", "sentence", "--clip", "norm:-1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`clip threshold` is -1: it must be between 0.01 and 1000"), "{}", stderr(&out));
    let out = rnnp(&["train", "sentence", "--cell", "transformer"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("possible values: simple_rnn, lstm, gru"), "{}", stderr(&out));
    let out = rnnp(&["train", "series", "--units", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "error: `units` is 0: it must be between 1 and 256\n");
    let out = rnnp(&["train", "series", "--batch-size", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "error: `batchSize` is 0: it must be between 1 and 256\n");
}

/// A small run of the sine task: the baseline is printed (about 0.5, Var(sin)), one loss line
/// per epoch, and a test MSE; the saved model is a simple RNN with one input and one output.
#[test]
fn train_series_prints_the_baseline_and_a_loss_per_epoch() {
    let dir = scratch();
    let save = dir.path().join("series.json");
    let out = rnnp(&[
        "train",
        "series",
        "--epochs",
        "3",
        "--sequences",
        "64",
        "--length",
        "20",
        "--units",
        "8",
        "--batch-size",
        "16",
        "--lr",
        "0.01",
        "--save",
        save.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    println!("{text}");
    let baseline: f32 = text.lines().find_map(|l| l.strip_prefix("Baseline (always predict the mean): MSE = ")).unwrap().parse().unwrap();
    assert!((baseline - 0.5).abs() < 0.1, "{baseline}");
    let epochs: Vec<f32> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("epoch"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(epochs.len(), 3, "{text}");
    assert!(epochs[2] < epochs[0], "{epochs:?}");
    assert!(text.contains("Test: 64 new sequences, MSE = "), "{text}");
    let model = model_from_json(&std::fs::read_to_string(&save).unwrap()).unwrap();
    assert_eq!((model.spec.input_size, model.spec.units, model.spec.output_size, model.spec.output), (1, 8, 1, OutputKind::Linear));
}

#[test]
fn help_describes_every_command() {
    let out = rnnp(&["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for piece in ["h_t = f(W_hh h_(t-1) + W_xh x_t + b_h)", "trace", "train", "rnnp train sentence", "rnnp train series"] {
        assert!(text.contains(piece), "--help should mention {piece:?}:\n{text}");
    }
    let out = rnnp(&["train", "--help"]);
    let text = stdout(&out);
    assert!(text.contains("sentence") && text.contains("series"), "{text}");
    let out = rnnp(&["help", "train", "series"]);
    assert!(stdout(&out).contains("SimpleRNN(50, return_sequences=True"), "{}", stdout(&out));
    let out = rnnp(&["trace", "--help"]);
    assert!(stdout(&out).contains("dh_norms"), "{}", stdout(&out));
    // No command at all: a usage error that lists the commands.
    let out = rnnp(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("trace") && stderr(&out).contains("train"));
}

/// `--init` reads what the page's Open model reads: a model file, or a plain list of the
/// Keras weights (kernel, recurrent kernel, bias, dense kernel, dense bias) for the network
/// of the other flags; both give the same run.
#[test]
fn init_takes_a_plain_weight_list_as_the_page_does() {
    let dir = scratch();
    let saved = dir.path().join("m.json");
    let base = ["train", "sentence", "--epochs", "3", "--units", "4"];
    let o = rnnp(&[&base[..], &["--save", saved.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let w = &file["weights"];
    let plain = json!([w["kernel"], w["recurrent_kernel"], w["bias"], w["dense_kernel"], w["dense_bias"]]);
    let list = dir.path().join("plain.json");
    std::fs::write(&list, plain.to_string()).unwrap();
    let from_file = rnnp(&[&base[..], &["--init", saved.to_str().unwrap()]].concat());
    let from_list = rnnp(&[&base[..], &["--init", list.to_str().unwrap()]].concat());
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    assert!(from_list.status.success(), "{}", stderr(&from_list));
    assert_eq!(stdout(&from_list), stdout(&from_file));
    // A list for another network is refused, naming what does not fit.
    let wrong = rnnp(&["train", "sentence", "--epochs", "1", "--units", "5", "--init", list.to_str().unwrap()]);
    assert!(!wrong.status.success());
    assert!(stderr(&wrong).contains("plain.json"), "{}", stderr(&wrong));
}
