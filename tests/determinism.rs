//! The same seed gives bit-identical weights natively and in WebAssembly.
//!
//! This test pins the native result of a short training run to a committed file; the
//! WebAssembly test (tests/wasm/engine.test.mjs) compares the browser build's result with
//! the same file, byte for byte. Regenerate with `UPDATE_FIXTURES=1 cargo test --test determinism`.

use rnn_playground::format::model_to_json;
use rnn_playground::session::{SentenceConfig, SentenceSession};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/determinism/sentence-lstm-seed7-40-epochs.json");

fn trained() -> String {
    let config = SentenceConfig { cell: rnn_playground::settings::CellName::Lstm, seed: 7, units: 6, ..Default::default() };
    let mut session = SentenceSession::new(config).unwrap();
    let report = session.train(40);
    assert!(report.diverged.is_none());
    model_to_json(session.model())
}

#[test]
fn training_is_reproducible_to_the_bit() {
    let first = trained();
    assert_eq!(first, trained(), "two runs with one seed must agree exactly");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(FIXTURE, &first).unwrap();
    }
    let pinned = std::fs::read_to_string(FIXTURE).expect("the fixture exists (UPDATE_FIXTURES=1 writes it)");
    assert_eq!(first, pinned, "native training no longer matches the pinned weights");
}
