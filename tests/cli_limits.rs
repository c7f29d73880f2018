//! On the command line: each case of a bad input, as a user runs it.

mod common;

use common::{rnnp, scratch, text};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rnn_playground::format::model_file::model_to_json;
use rnn_playground::init::{init_model, InitConfig};
use rnn_playground::model::{CellKind, OutputKind, Spec};
use serde_json::{json, Value};

/// 9.1: the flow chart that hung (a linear RNN, ρ = 1.5, T = 200) is drawn, and the points
/// that overflow are counted.
#[test]
fn the_chart_that_hung_is_drawn() {
    let dir = scratch();
    let out_file = dir.path().join("f.svg");
    let start = Instant::now();
    let out =
        rnnp(&["plot", "flow", "--cell", "simple_rnn", "--activation", "linear", "--radius", "1.5", "--seq-len", "200", "-o", out_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(start.elapsed() < Duration::from_secs(30));
    assert!(text(&out.stderr).contains("could not be drawn where they are"), "{}", text(&out.stderr));
    assert!(std::fs::read_to_string(&out_file).unwrap().starts_with("<svg"));
    // The chart's data beside it, one row per step.
    let csv = dir.path().join("f.csv");
    let out = rnnp(&["plot", "flow", "--radius", "0.9", "-o", out_file.to_str().unwrap(), "--csv", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(table.lines().count(), 51, "a header and 50 steps");
    assert!(table.starts_with("time step t,measured,||dL/dh_T|| rho^(T-t)"), "{table}");
}

/// 9.3: a trace has a step limit and a memory budget, checked before anything runs.
#[test]
fn a_trace_too_long_or_too_large_is_refused() {
    let dir = scratch();
    let spec = Spec { cell: CellKind::Lstm, input_size: 1, units: 256, output_size: 1, output: OutputKind::Linear };
    let model = dir.path().join("m.json");
    std::fs::write(&model, model_to_json(&init_model(spec, &InitConfig::default()).unwrap())).unwrap();
    for (steps, message) in [(10_001, "`x` is 10001: it must be between 1 and 10000"), (10_000, "the trace would need")] {
        let input = dir.path().join("in.json");
        std::fs::write(&input, json!({ "x": vec![[0.5]; steps], "y": vec![[0.0]; steps], "loss": "mse" }).to_string()).unwrap();
        let start = Instant::now();
        let out = rnnp(&["trace", "--model", model.to_str().unwrap(), "--input", input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains(message), "{}", text(&out.stderr));
        assert!(start.elapsed() < Duration::from_secs(20));
    }
}

/// 9.6: numbers that overflow are reported as such: null in the JSON and named in
/// `not_finite`, a warning on stderr, exit status 3.
#[test]
fn non_finite_results_are_reported() {
    let dir = scratch();
    let model = json!({"format":"rnn-playground/model@1","cell":"simple_rnn","activation":"linear","input_size":1,"units":1,"output_size":2,"output":"softmax","weights":{"kernel":[[2]],"recurrent_kernel":[[0]],"bias":[0],"dense_kernel":[[3e38,3e38]],"dense_bias":[0,0]}});
    let input = json!({"x":[[1]],"y":[0],"loss":"cross_entropy"});
    std::fs::write(dir.path().join("m.json"), model.to_string()).unwrap();
    std::fs::write(dir.path().join("i.json"), input.to_string()).unwrap();
    let out = rnnp(&["trace", "--model", dir.path().join("m.json").to_str().unwrap(), "--input", dir.path().join("i.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(text(&out.stderr).starts_with("warning: "), "{}", text(&out.stderr));
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert!(v["not_finite"].as_array().unwrap().iter().any(|x| x == "outputs"), "{v}");
}

/// 9.8: a reader that goes away ends the program quietly; a full disk is an error.
#[test]
fn a_closed_or_full_stdout_does_not_panic() {
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_rnnp")).args(["train", "sentence", "--epochs", "3000"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("Sentence:"), "{first}");
    // The reader is dropped here, as `| head -1` does.
    let out = child.wait_with_output().unwrap();
    assert!(!text(&out.stderr).contains("panicked"), "{}", text(&out.stderr));
    assert!(out.status.success(), "{:?} {}", out.status, text(&out.stderr));

    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_rnnp")).args(["limits"]).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).contains("could not write the output"), "{}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"));
    }
}

/// 9.9: pictures have a size limit; 9.10: requests that would take hours are refused.
#[test]
fn sizes_and_durations_are_bounded() {
    for (w, h) in [("100000", "100000"), ("900", "0")] {
        let out = rnnp(&["plot", "flow", "--width", w, "--height", h, "-o", &common::path_in(&scratch(), "never.png")]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("must be between 64 and 8192"), "{}", text(&out.stderr));
    }
    let start = Instant::now();
    let out = rnnp(&["train", "sentence", "--units", "4096", "--cell", "lstm"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "error: `units` is 4096: it must be between 1 and 64\n");
    assert!(start.elapsed() < Duration::from_secs(10));
    for seconds in ["inf", "-1", "NaN", "0"] {
        let out = rnnp(&["bench", &format!("--seconds={seconds}")]);
        assert_eq!(out.status.code(), Some(1), "{seconds}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("`seconds`"), "{}", text(&out.stderr));
    }
}

/// 9.5: a class id past a 32-bit word is refused, not read as a small id.
#[test]
fn a_huge_class_id_is_refused() {
    let dir = scratch();
    let model = json!({"format":"rnn-playground/model@1","cell":"simple_rnn","input_size":1,"units":1,"output_size":3,"output":"softmax","weights":{"kernel":[[1]],"recurrent_kernel":[[0]],"bias":[0],"dense_kernel":[[1,1,1]],"dense_bias":[0,0,0]}});
    std::fs::write(dir.path().join("m.json"), model.to_string()).unwrap();
    std::fs::write(dir.path().join("i.json"), json!({"x":[[1]],"y":[4_294_967_298u64],"loss":"cross_entropy"}).to_string()).unwrap();
    let out = rnnp(&["trace", "--model", dir.path().join("m.json").to_str().unwrap(), "--input", dir.path().join("i.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("class 4294967298 at step 0, but the output has only 3 classes"), "{}", text(&out.stderr));
}

/// The README's table of limits is the engine's own.
#[test]
fn the_readme_states_the_limits() {
    let out = rnnp(&["limits"]);
    assert!(out.status.success());
    let readme = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(readme.contains(&text(&out.stdout)), "README.md must contain the output of `rnnp limits`:\n{}", text(&out.stdout));
}
