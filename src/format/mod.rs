//! The JSON formats: the model file and the trace of one forward and backward pass.

pub mod json;
pub mod model_file;
pub mod trace;

pub use model_file::{model_from_json, model_to_json, MODEL_FORMAT};
pub use trace::{trace, trace_from_json, TraceRequest};
