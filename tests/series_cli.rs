//! The command the series view prints (`rnnp train series … --seed S`)
//! reproduces the view's training: the same data, weights and shuffling, so the same loss
//! in every epoch.

mod common;

use rnn_playground::series::{SeriesConfig, SeriesSession};

#[test]
fn the_pages_command_line_gives_the_pages_losses() {
    let cli = series_losses(&["--epochs", "3", "--batch-size", "32", "--sequences", "128", "--length", "20", "--noise", "0", "--seed", "9"]);
    let mut page = SeriesSession::new(SeriesConfig { sequences: 128, length: 20, seed: 9, epochs: 3, ..Default::default() }).unwrap();
    while !page.train_batches(100).done {}
    let history = page.progress().history;
    assert_eq!(cli.len(), 3, "{cli:?}");
    for (a, b) in cli.iter().zip(&history) {
        // The command line prints five decimals.
        assert!((a - b).abs() <= 5e-6 + 1e-4 * b.abs(), "cli {cli:?} vs page {history:?}");
    }
}

/// The losses of `rnnp train series args…` (one per epoch): the lines
/// "      1     0.12345      24.69%" (epoch, loss, percent of the baseline).
fn series_losses(args: &[&str]) -> Vec<f32> {
    let out = rnnp_ok(&[&["train", "series"][..], args].concat());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let epoch = w.next()?.parse::<usize>().ok()?;
            let loss = w.next()?.parse::<f32>().ok()?;
            (epoch >= 1 && w.next()?.ends_with('%')).then_some(loss)
        })
        .collect()
}

#[test]
fn init_starts_from_a_model_file_and_no_shuffle_keeps_the_order() {
    let dir = common::scratch();
    let saved = dir.path().join("trained.json");
    let small = ["--sequences", "96", "--length", "20", "--seed", "3"];
    let first = series_losses(&[&small[..], &["--epochs", "3", "--save", saved.to_str().unwrap()]].concat());
    // Starting from the trained weights, the first epoch is already below where training began.
    let resumed = series_losses(&[&small[..], &["--epochs", "1", "--init", saved.to_str().unwrap()]].concat());
    assert!(resumed[0] < first[0] * 0.8, "{first:?} then {resumed:?}");
    // The order of the batches matters to Adam: without shuffling the run differs, and it
    // is the same every time.
    let a = series_losses(&[&small[..], &["--epochs", "2", "--no-shuffle"]].concat());
    let b = series_losses(&[&small[..], &["--epochs", "2", "--no-shuffle"]].concat());
    let shuffled = series_losses(&[&small[..], &["--epochs", "2"]].concat());
    assert_eq!(a, b);
    assert_ne!(a[1], shuffled[1]);
    // A model file of another network is refused, naming what differs.
    refused(&["train", "series", "--units", "20", "--epochs", "1", "--init", saved.to_str().unwrap()], "units");
    // The sentence too: a trained file's weights are where training goes on from.
    let sentence = dir.path().join("sentence.json");
    rnnp_ok(&["train", "sentence", "--epochs", "200", "--save", sentence.to_str().unwrap()]);
    let out = rnnp_ok(&["train", "sentence", "--epochs", "1", "--json", "--init", sentence.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["losses"][0].as_f64().unwrap() < 0.1, "{v}");
    refused(&["train", "sentence", "--cell", "lstm", "--epochs", "1", "--init", sentence.to_str().unwrap()], "cell");
}

/// Runs `rnnp args…`, which must succeed.
fn rnnp_ok(args: &[&str]) -> std::process::Output {
    let out = common::rnnp(args);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    out
}

/// Runs `rnnp args…`, which must fail with a message naming `field`.
fn refused(args: &[&str], field: &str) {
    let out = common::rnnp(args);
    assert!(!out.status.success());
    assert!(common::text(&out.stderr).contains(field), "{}", common::text(&out.stderr));
}
