//! The browser binding: thin `#[wasm_bindgen]` wrappers that check, convert, call the engine
//! and return. No math here.
//!
//! - Every argument is checked here, whatever JavaScript passes: settings go through the
//!   engine's strict reader (an unknown key is refused by name), counts are taken as f64
//!   and checked against their limits (no 32-bit wrap of -1 or 2³²+4), texts must be
//!   strings and canvases canvases.
//! - Errors are thrown as JavaScript `Error`s named `RnnError` whose `detail` is the
//!   engine's error as `{kind, ...fields}`: the page words it in its own language.
//! - Results are typed (the TypeScript declarations name every field), in camelCase.
//! - A panic cannot be caught in WebAssembly built with `panic=abort`: every input that
//!   could cause one is refused before it runs (the limits), the message of a panic is kept
//!   for [`last_panic`], and the page restarts the module (`__wbg_reset_state`) after one.
//!
//! A crate of its own (src/web/Cargo.toml), built only for wasm32, and built for size.
//!
//! Each view's binding is behind a feature of its name (`sentence`, `lab`, `series`,
//! `writing`; all on by default): the page loads one module per view, built with that
//! view's feature only, so a link to one view downloads only its code (scripts/build-wasm.sh).
//! What is outside them (the settings' schema, errors, panics, the trace) is in every module.

#![cfg(target_arch = "wasm32")]

#[cfg(feature = "bench-workloads")]
mod bench;
mod canvas;
#[cfg(feature = "gemm-compare")]
mod gemm_compare;
#[cfg(feature = "lab")]
mod lab;
#[cfg(feature = "sentence")]
mod sentence;
#[cfg(feature = "series")]
mod series;
#[cfg(feature = "writing")]
mod writing;

use std::sync::Mutex;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use rnn_playground::error::{Expected, Found, RnnError};
use rnn_playground::settings::limits::{Int, FONT_LIST_CHARS};

#[cfg(feature = "bench-workloads")]
pub use bench::BenchWorkload;
#[cfg(feature = "lab")]
pub use lab::GradientLab;
#[cfg(feature = "sentence")]
pub use sentence::Playground;
#[cfg(feature = "series")]
pub use series::SeriesLab;
#[cfg(feature = "writing")]
pub use writing::{TextTrainer, WritingDesk};

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

/// Panics on purpose, so the tests can check that the page recovers from a trap.
#[wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    panic!("a deliberate test panic (debugPanic)");
}

/// Aborts as a failed allocation does (a trap with no panic and no message), so the tests
/// can check that the page recovers from running out of memory too.
#[wasm_bindgen(js_name = debugOutOfMemory)]
pub fn debug_out_of_memory() {
    std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u8; 1 << 20]>());
}

/// The engine's version.
#[cfg(feature = "checks")]
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The largest file the engine reads, in bytes (the page refuses a larger one before reading it).
#[wasm_bindgen(js_name = fileLimit)]
pub fn file_limit() -> f64 {
    rnn_playground::settings::limits::FILE_BYTES.max as f64
}

/// The page's settings: every URL key, its config field, its kind, limits and default.
#[wasm_bindgen(js_name = settingsSchema, unchecked_return_type = "Setting[]")]
pub fn settings_schema() -> Result<JsValue, JsValue> {
    to_js(&rnn_playground::schema::settings())
}

/// The engine's error as a thrown JavaScript `Error` named `RnnError`, with the error
/// itself as `detail`.
pub(crate) fn fail(e: RnnError) -> JsValue {
    // The message is the kind only: the page words the error from `detail` in its own
    // language, and the engine's English sentences (the command line's) stay out of the
    // page's download.
    let error = js_sys::Error::new(e.kind());
    error.set_name("RnnError");
    // A field beyond 2^53 (a class id of 2^63 in a bad file) cannot be a JavaScript number
    // exactly: the detail then goes through JSON, which rounds it, rather than missing.
    let detail = to_js(&e).ok().or_else(|| serde_json::to_string(&e).ok().and_then(|text| js_sys::JSON::parse(&text).ok()));
    if let Some(detail) = detail {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("detail"), &detail);
    }
    error.into()
}

/// A value for JavaScript: plain objects, camelCase keys as the types declare.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)).map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// Reads a config (or any value) from JavaScript with the engine's strict reader;
/// `undefined` gives the defaults.
pub(crate) fn from_js<T: DeserializeOwned + Default>(value: JsValue, field: &str) -> Result<T, JsValue> {
    if value.is_undefined() {
        return Ok(T::default());
    }
    from_js_required(value, field)
}

/// As [`from_js`], with no default.
pub(crate) fn from_js_required<T: DeserializeOwned>(value: JsValue, field: &str) -> Result<T, JsValue> {
    rnn_playground::settings::de::from_value(&json_of(value, field)?).map_err(|e| fail(e.or_field(field)))
}

/// A value from JavaScript as JSON.
pub(crate) fn json_of(value: JsValue, field: &str) -> Result<serde_json::Value, JsValue> {
    serde_wasm_bindgen::from_value(value.clone()).map_err(|_| wrong(field, Expected::Object, &value))
}

/// A chart request, read by its small reader (figures/request.rs).
pub(crate) fn chart_request<T>(value: JsValue, read: fn(&serde_json::Value) -> rnn_playground::Result<T>) -> Result<T, JsValue> {
    read(&json_of(value, "chart")?).map_err(fail)
}

/// A count from JavaScript (a number, whole, inside `limit`).
pub(crate) fn count(value: f64, field: &str, limit: Int) -> Result<usize, JsValue> {
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(fail(RnnError::NotWhole { field: field.into(), value: format!("{value}") }));
    }
    if value < 0.0 {
        return Err(fail(RnnError::range(field, value, limit.min as f64, limit.max as f64)));
    }
    limit.check(field, value as u64).map_err(fail)
}

/// A Float32Array from JavaScript.
#[cfg(any(feature = "sentence", feature = "series", feature = "writing"))]
pub(crate) fn floats(value: JsValue, field: &str) -> Result<Vec<f32>, JsValue> {
    use wasm_bindgen::JsCast;
    let array: js_sys::Float32Array = value.dyn_into().map_err(|v: JsValue| wrong(field, Expected::Float32Array, &v))?;
    Ok(array.to_vec())
}

/// A string from JavaScript.
#[cfg(any(feature = "sentence", feature = "writing", feature = "checks", feature = "bench-workloads"))]
pub(crate) fn string(value: &JsValue, field: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| wrong(field, Expected::Text, value))
}

/// The error for a value from JavaScript of the wrong type.
pub(crate) fn wrong(field: &str, expected: Expected, value: &JsValue) -> JsValue {
    fail(RnnError::WrongType { field: field.into(), expected, got: found(value) })
}

/// How a value from JavaScript is described, as [`Found::of`] describes a JSON value.
fn found(value: &JsValue) -> Found {
    if let Some(s) = value.as_string() {
        Found::text(&s)
    } else if let Some(x) = value.as_f64() {
        Found::Number { value: format!("{x}") }
    } else if let Some(b) = value.as_bool() {
        Found::Boolean { value: b }
    } else if value.is_null() {
        Found::Null
    } else if value.is_undefined() {
        Found::Undefined
    } else if js_sys::Array::is_array(value) {
        Found::List
    } else if value.is_object() {
        Found::Object
    } else {
        Found::Other
    }
}

/// How charts are drawn: the canvas's device-pixel ratio, the size of the type, and the
/// page's font.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DrawStyle {
    /// Device pixels per CSS pixel, 0.25 to 4.
    pub scale: f64,
    /// Type size, 1 normally and larger in presenter mode, 0.5 to 3.
    pub text: f64,
    /// The CSS font families of the page's text (`getComputedStyle(…).fontFamily`), for
    /// the labels: the chart is in the page's font, and the browser finds the font it
    /// already uses instead of looking for a fallback for every Chinese character. Absent,
    /// empty or longer than [`FONT_LIST_CHARS`]: the browser's sans-serif.
    pub font: Option<String>,
}

impl Default for DrawStyle {
    fn default() -> Self {
        DrawStyle { scale: 1.0, text: 1.0, font: None }
    }
}

impl DrawStyle {
    pub(crate) fn style(&self) -> rnn_playground::charts::Style {
        let clamp = |v: f64, lo: f64, hi: f64, d: f32| if v.is_finite() { v.clamp(lo, hi) as f32 } else { d };
        rnn_playground::charts::Style { scale: clamp(self.scale, 0.25, 4.0, 1.0), text: clamp(self.text, 0.5, 3.0, 1.0) }
    }

    /// The page's font list, if it is one the canvas can be given.
    pub(crate) fn into_font(self) -> Option<String> {
        let font = self.font?;
        let usable = !font.trim().is_empty() && font.chars().count() <= FONT_LIST_CHARS && !font.chars().any(char::is_control);
        usable.then_some(font)
    }
}

/// One forward and backward pass: model file text and trace request text in, trace JSON
/// out (the same as `rnnp trace`).
#[cfg(feature = "checks")]
#[wasm_bindgen(js_name = traceJson, unchecked_return_type = "TraceText")]
pub fn trace_json(
    #[wasm_bindgen(unchecked_param_type = "string")] model: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let (model, request) = (string(&model, "model")?, string(&request, "request")?);
    to_js(&rnn_playground::format::trace_from_json(&model, &request).map_err(fail)?)
}

/// Reads a model file (text) and says what it holds, or why it cannot be used.
#[cfg(feature = "checks")]
#[wasm_bindgen(js_name = checkModel)]
pub fn check_model(#[wasm_bindgen(unchecked_param_type = "string")] model: JsValue) -> Result<String, JsValue> {
    let text = string(&model, "model")?;
    let m = rnn_playground::format::model_file::model_from_json(&text).map_err(fail)?;
    Ok(rnn_playground::format::model_file::model_to_json(&m))
}
