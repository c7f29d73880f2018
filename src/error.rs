//! Errors a user can cause, as values with messages a student understands.
//!
//! Broken invariants inside the math are `assert!`s; anything that comes from a file,
//! a text box, a URL or a command-line flag is one of these.

use thiserror::Error;

/// Everything that can go wrong with input the engine did not produce itself.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum RnnError {
    /// A JSON file or value could not be read at all.
    #[error("could not read the JSON: {0}")]
    Json(String),

    /// A `format` field that is not the one this engine reads.
    #[error("`format` is {found:?}, expected {expected:?}")]
    Format { found: String, expected: &'static str },

    /// An array whose shape is not the one the model needs.
    #[error("`{field}` should have shape {expected}, got {got}")]
    Shape { field: String, expected: String, got: String },

    /// A cell name other than simple_rnn, lstm or gru.
    #[error("unknown cell {0:?}: expected \"simple_rnn\", \"lstm\" or \"gru\"")]
    UnknownCell(String),

    /// Any other field with a value outside its allowed set or range.
    #[error("`{field}` is {value}: {reason}")]
    InvalidValue { field: String, value: String, reason: String },

    /// NaN or infinity where a finite number is needed.
    #[error("`{field}` contains {value} at {at}; every number must be finite")]
    NotFinite { field: String, at: String, value: f32 },

    /// A sequence with no time steps.
    #[error("`{field}` is an empty sequence: at least one time step is needed")]
    EmptySequence { field: String },

    /// A target class that is not a row of the output.
    #[error("`{field}` has class {class} at step {step}, but the output has only {classes} classes (0..{classes})")]
    ClassOutOfRange { field: String, step: usize, class: i64, classes: usize },

    /// Training produced a loss or gradient that is not a number; the weights were kept.
    #[error("training stopped at update {update}: the {what} became {value} (the gradients exploded); the weights from before this update were kept. Try a smaller learning rate, gradient clipping, or a smaller spectral radius.")]
    Diverged { update: usize, what: &'static str, value: f32 },
}

/// Result with the engine's error type.
pub type Result<T> = std::result::Result<T, RnnError>;

impl From<serde_json::Error> for RnnError {
    fn from(e: serde_json::Error) -> Self {
        RnnError::Json(e.to_string())
    }
}

impl RnnError {
    /// Shorthand for an invalid value with a reason.
    pub fn invalid(field: impl Into<String>, value: impl ToString, reason: impl Into<String>) -> Self {
        RnnError::InvalidValue { field: field.into(), value: value.to_string(), reason: reason.into() }
    }

    /// Shorthand for a shape mismatch.
    pub fn shape(field: impl Into<String>, expected: impl Into<String>, got: impl Into<String>) -> Self {
        RnnError::Shape { field: field.into(), expected: expected.into(), got: got.into() }
    }
}
