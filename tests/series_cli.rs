//! The command the series view prints (`rnnp train series … --seed S`)
//! reproduces the view's training: the same data, weights and shuffling, so the same loss
//! in every epoch.

use std::process::Command;

use rnn_playground::series::{SeriesConfig, SeriesSession};

#[test]
fn the_pages_command_line_gives_the_pages_losses() {
    let out = Command::new(env!("CARGO_BIN_EXE_rnnp"))
        .args(["train", "series", "--epochs", "3", "--batch-size", "32", "--sequences", "128", "--length", "20", "--noise", "0", "--seed", "9"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Lines "      1     0.12345      24.69%": epoch, loss, percent of the baseline.
    let cli: Vec<f32> = stdout
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let epoch = w.next()?.parse::<usize>().ok()?;
            let loss = w.next()?.parse::<f32>().ok()?;
            (epoch >= 1 && w.next()?.ends_with('%')).then_some(loss)
        })
        .collect();
    let mut page = SeriesSession::new(SeriesConfig { sequences: 128, length: 20, seed: 9, epochs: 3, ..Default::default() }).unwrap();
    while !page.train_batches(100).done {}
    let history = page.progress().history;
    assert_eq!(cli.len(), 3, "{stdout}");
    for (a, b) in cli.iter().zip(&history) {
        // The command line prints five decimals.
        assert!((a - b).abs() <= 5e-6 + 1e-4 * b.abs(), "cli {cli:?} vs page {history:?}");
    }
}
