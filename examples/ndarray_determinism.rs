//! For `npm run bench`: trains the determinism fixture's network natively with every
//! matrix product done by ndarray instead of this engine's kernel, and writes the weights
//! to the path given (bench/ndarray-determinism.mjs compares them with the WebAssembly
//! build doing the same). Run with `--features gemm-compare`.

use rnn_playground::format::model_to_json;
use rnn_playground::session::{SentenceConfig, SentenceSession};

fn main() {
    let out = std::env::args().nth(1).expect("usage: ndarray_determinism OUT.json");
    rnn_playground::linalg::compare::USE_NDARRAY.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut s =
        SentenceSession::new(SentenceConfig { cell: rnn_playground::settings::CellName::Lstm, seed: 7, units: 6, ..Default::default() }).expect("builds");
    s.train(40);
    std::fs::write(out, model_to_json(s.model())).expect("writable");
}
