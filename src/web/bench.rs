//! The benchmark workloads in the browser or in Node: JavaScript times `runBatches`.

use wasm_bindgen::prelude::*;

use super::{js_error, to_js};
use crate::bench::{char_model, seed_example, Workload};

/// One benchmark workload: "seed", "char_rnn" or "char_lstm".
#[wasm_bindgen]
pub struct BenchWorkload {
    workload: Workload,
}

#[wasm_bindgen]
impl BenchWorkload {
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str) -> Result<BenchWorkload, JsError> {
        let workload = match name {
            "seed" => seed_example(),
            "char_rnn" => char_model(false),
            "char_lstm" => char_model(true),
            other => return Err(JsError::new(&format!("unknown workload {other:?}: expected \"seed\", \"char_rnn\" or \"char_lstm\""))),
        }
        .map_err(js_error)?;
        Ok(BenchWorkload { workload })
    }

    /// Sizes and the flop count of one batch.
    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&self.workload.info)
    }

    /// Trains on `n` batches; returns the last loss.
    #[wasm_bindgen(js_name = runBatches)]
    pub fn run_batches(&mut self, n: u32) -> Result<f32, JsError> {
        self.workload.run_batches(n as usize).map_err(js_error)
    }
}
