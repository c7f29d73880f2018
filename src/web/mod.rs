//! The browser binding: thin `#[wasm_bindgen]` wrappers that convert, call the engine and
//! return. No math here. Errors become `JsError` with the engine's message; a panic is
//! logged with its message and kept for the page's error banner.

mod bench;
mod canvas;
#[cfg(feature = "gemm-compare")]
mod gemm_compare;
mod lab;
mod sentence;
mod series;

use std::sync::Mutex;

use wasm_bindgen::prelude::*;

pub use bench::BenchWorkload;
pub use lab::GradientLab;
pub use sentence::Playground;
pub use series::SeriesLab;

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs when the module is instantiated: panics are written to the console (with their
/// message, not "unreachable") and kept for [`last_panic`].
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut slot) = LAST_PANIC.lock() {
            *slot = Some(info.to_string());
        }
        console_error_panic_hook::hook(info);
    }));
}

/// The message of the last panic, if the engine has panicked.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|s| s.clone())
}

/// Panics on purpose, so the end-to-end tests can check the page's error banner.
#[wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    panic!("a deliberate test panic (debugPanic)");
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Converts a value for JavaScript (plain objects, not Maps).
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Reads a value from JavaScript; `undefined` gives the defaults.
pub(crate) fn from_js<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("bad settings: {e}")))
}

/// Engine errors as JavaScript errors with the same message.
pub(crate) fn js_error(e: crate::RnnError) -> JsError {
    JsError::new(&e.to_string())
}

/// One forward and backward pass: model file text and trace request text in, trace JSON
/// out (the same as `rnnp trace`).
#[wasm_bindgen(js_name = traceJson)]
pub fn trace_json(model: &str, request: &str) -> Result<String, JsError> {
    crate::format::trace_from_json(model, request).map_err(js_error)
}
