//! The benchmark workloads in Node (only in the benchmark's build, feature
//! `bench-workloads`): JavaScript times `runBatches`.

use wasm_bindgen::prelude::*;

use super::{count, fail, string, to_js};
use rnn_playground::bench::{char_model, seed_example, Workload};
use rnn_playground::settings::limits::Int;

/// One benchmark workload: "seed", "char_rnn" or "char_lstm".
#[wasm_bindgen]
pub struct BenchWorkload {
    workload: Workload,
}

#[wasm_bindgen]
impl BenchWorkload {
    #[wasm_bindgen(constructor)]
    pub fn new(name: JsValue) -> Result<BenchWorkload, JsValue> {
        let name = string(&name, "workload")?;
        let workload = match name.as_str() {
            "seed" => seed_example(),
            "char_rnn" => char_model(false),
            "char_lstm" => char_model(true),
            other => {
                return Err(fail(rnn_playground::RnnError::NotOneOf {
                    field: "workload".into(),
                    value: other.into(),
                    allowed: vec!["seed".into(), "char_rnn".into(), "char_lstm".into()],
                }))
            }
        }
        .map_err(fail)?;
        Ok(BenchWorkload { workload })
    }

    /// Sizes and the flop count of one batch.
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.workload.info)
    }

    /// Trains on `n` batches; returns the last loss.
    #[wasm_bindgen(js_name = runBatches)]
    pub fn run_batches(&mut self, n: f64) -> Result<f32, JsValue> {
        self.workload.run_batches(count(n, "n", Int::new(1, 100_000))?).map_err(fail)
    }
}
