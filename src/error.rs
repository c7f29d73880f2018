//! Errors a user can cause, as values with messages a student understands.
//!
//! Broken invariants inside the math are `assert!`s; anything that comes from a file,
//! a text box, a URL or a command-line flag is one of these. Each variant carries the
//! facts (the field, the value, the limit) rather than a sentence, so it crosses the
//! WebAssembly boundary as `{kind, ...fields}` and the page words it in its own language;
//! `Display` is the English wording the command line prints.

use serde::Serialize;
use thiserror::Error;

/// A number that is not finite, named the way a reader of the message expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum NonFinite {
    Nan,
    Infinity,
    NegativeInfinity,
}

impl NonFinite {
    /// The kind of a non-finite number (`None` for a finite one).
    pub fn of(x: f64) -> Option<Self> {
        if x.is_nan() {
            Some(NonFinite::Nan)
        } else if x == f64::INFINITY {
            Some(NonFinite::Infinity)
        } else if x == f64::NEG_INFINITY {
            Some(NonFinite::NegativeInfinity)
        } else {
            None
        }
    }
}

impl std::fmt::Display for NonFinite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NonFinite::Nan => "NaN",
            NonFinite::Infinity => "inf",
            NonFinite::NegativeInfinity => "-inf",
        })
    }
}

/// What a length is counted in (a sentence's limit is in characters, its tokens' in tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Counted {
    Tokens,
    Characters,
    Bytes,
    /// Values of a JSON text (numbers, strings, arrays, objects).
    Values,
}

impl std::fmt::Display for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Counted::Tokens => "tokens",
            Counted::Characters => "characters",
            Counted::Bytes => "bytes",
            Counted::Values => "values",
        })
    }
}

/// Which number blew up during training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Quantity {
    Loss,
    GradientNorm,
    Weights,
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Quantity::Loss => "loss",
            Quantity::GradientNorm => "gradient norm",
            Quantity::Weights => "weights",
        })
    }
}

/// What a numerical routine could not do with a matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum NumericProblem {
    /// The eigenvalue iteration did not converge.
    NoConvergence,
    /// A zero matrix has no spectral radius to scale.
    ZeroMatrix,
}

/// A rule of the Keras-style API that a program broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum KerasRule {
    /// The model must be one recurrent layer followed by one Dense layer.
    RecurrentThenDense,
    /// The recurrent layer needs `input_shape=(None, features)`.
    NeedsInputShape,
    /// `compile` must come before `fit`.
    CompileFirst,
}

/// Everything that can go wrong with input the engine did not produce itself.
#[derive(Debug, Error, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum RnnError {
    /// A text that is not JSON at all.
    #[error("could not read the JSON: {message} at line {line} column {column}")]
    Json { message: String, line: usize, column: usize },

    /// A `format` field that is not the one this engine reads.
    #[error("`format` is {found:?}, expected {expected:?}")]
    Format { found: String, expected: String },

    /// An array whose shape is not the one the model needs.
    #[error("`{field}` should have shape {expected}, got {got}")]
    Shape { field: String, expected: String, got: String },

    /// A value of the wrong type (a string where a number belongs, ...).
    #[error("`{field}` should be {expected}, got {got}")]
    WrongType { field: String, expected: String, got: String },

    /// A required field that is not there.
    #[error("`{field}` is missing: this field is required")]
    Missing { field: String },

    /// A field that is not one of the settings.
    #[error("`{field}` is not a setting here; the settings are {}", allowed.join(", "))]
    UnknownField { field: String, allowed: Vec<String> },

    /// A name that is not one of the allowed names (a cell, an optimiser, ...).
    #[error("`{field}` is {value:?}: expected one of {}", quoted(allowed))]
    NotOneOf { field: String, value: String, allowed: Vec<String> },

    /// A number outside its allowed range.
    #[error("`{field}` is {value}: it must be between {min} and {max}")]
    OutOfRange { field: String, value: String, min: f64, max: f64 },

    /// A fractional number where a whole one is needed.
    #[error("`{field}` is {value}: it must be a whole number")]
    NotWhole { field: String, value: String },

    /// NaN or infinity where a finite number is needed.
    #[error("{}", not_finite(field, at, value))]
    NotFinite { field: String, at: String, value: NonFinite },

    /// A sequence or a text with nothing in it.
    #[error("`{field}` is empty")]
    Empty { field: String },

    /// A text (or a file, or one character) longer than allowed, counted in `unit`.
    #[error("`{field}` has {length} {unit}; at most {max} are allowed")]
    TooLong { field: String, length: u64, max: u64, unit: Counted },

    /// A request whose memory would pass the engine's budget.
    #[error("{field} would need {needed} numbers in memory; at most {max} are allowed (make it smaller)")]
    TooBig { field: String, needed: u64, max: u64 },

    /// Two settings that do not go together.
    #[error("`{field}` = {value} does not go with `{other}` = {other_value}")]
    Conflict { field: String, value: String, other: String, other_value: String },

    /// A target class that is not a row of the output.
    #[error("`{field}` has class {class} at step {step}, but the output has only {classes} classes (0..{classes})")]
    ClassOutOfRange { field: String, step: usize, class: i64, classes: usize },

    /// A token id that is not a row of W_xh.
    #[error("`{field}` has token id {id} at step {step}, but the input has only {size} tokens")]
    TokenOutOfRange { field: String, step: usize, id: u64, size: usize },

    /// A matrix the numerical routines could not handle.
    #[error("`{field}`: {}", match problem { NumericProblem::NoConvergence => "its eigenvalues did not converge", NumericProblem::ZeroMatrix => "a zero matrix cannot be scaled to a spectral radius" })]
    Numeric { field: String, problem: NumericProblem },

    /// A program that uses the Keras-style API out of order.
    #[error("{}", match rule { KerasRule::RecurrentThenDense => "expected one recurrent layer followed by one Dense layer", KerasRule::NeedsInputShape => "the recurrent layer needs input_shape=(None, features)", KerasRule::CompileFirst => "call compile(loss, optimizer) before fit" })]
    Keras { rule: KerasRule },

    /// An action that needs something started first.
    #[error("`{what}` has not been started")]
    NotStarted { what: String },

    /// Training produced a loss or gradient that is not a number; the weights were kept.
    #[error("training stopped at update {update}: the {what} became {value} (the gradients exploded); the weights from before this update were kept. Try a smaller learning rate, gradient clipping, or a smaller spectral radius.")]
    Diverged { update: usize, what: Quantity, value: NonFinite },
}

fn not_finite(field: &str, at: &str, value: &NonFinite) -> String {
    if at.is_empty() {
        format!("`{field}` is {value}; it must be a finite number")
    } else {
        format!("`{field}` contains {value} at {at}; every number must be finite")
    }
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

/// Result with the engine's error type.
pub type Result<T> = std::result::Result<T, RnnError>;

impl From<serde_json::Error> for RnnError {
    fn from(e: serde_json::Error) -> Self {
        // serde_json appends " at line L column C" to its message; the fields carry them.
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        RnnError::Json { message, line: e.line(), column: e.column() }
    }
}

impl RnnError {
    /// The kind, as the page receives it (`detail.kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            RnnError::Json { .. } => "json",
            RnnError::Format { .. } => "format",
            RnnError::Shape { .. } => "shape",
            RnnError::WrongType { .. } => "wrongType",
            RnnError::Missing { .. } => "missing",
            RnnError::UnknownField { .. } => "unknownField",
            RnnError::NotOneOf { .. } => "notOneOf",
            RnnError::OutOfRange { .. } => "outOfRange",
            RnnError::NotWhole { .. } => "notWhole",
            RnnError::NotFinite { .. } => "notFinite",
            RnnError::Empty { .. } => "empty",
            RnnError::TooLong { .. } => "tooLong",
            RnnError::TooBig { .. } => "tooBig",
            RnnError::Conflict { .. } => "conflict",
            RnnError::ClassOutOfRange { .. } => "classOutOfRange",
            RnnError::TokenOutOfRange { .. } => "tokenOutOfRange",
            RnnError::Numeric { .. } => "numeric",
            RnnError::Keras { .. } => "keras",
            RnnError::NotStarted { .. } => "notStarted",
            RnnError::Diverged { .. } => "diverged",
        }
    }

    /// Shorthand for a shape mismatch.
    pub fn shape(field: impl Into<String>, expected: impl Into<String>, got: impl Into<String>) -> Self {
        RnnError::Shape { field: field.into(), expected: expected.into(), got: got.into() }
    }

    /// Shorthand for a value outside [min, max].
    pub fn range(field: impl Into<String>, value: impl ToString, min: f64, max: f64) -> Self {
        RnnError::OutOfRange { field: field.into(), value: value.to_string(), min, max }
    }

    /// Shorthand for two settings that do not go together.
    pub fn conflict(field: impl Into<String>, value: impl ToString, other: impl Into<String>, other_value: impl ToString) -> Self {
        RnnError::Conflict { field: field.into(), value: value.to_string(), other: other.into(), other_value: other_value.to_string() }
    }

    /// The same error about `field` inside `parent` (a config inside a request, ...).
    pub fn within(self, parent: &str) -> Self {
        let join = |f: String| if f.is_empty() { parent.to_string() } else { format!("{parent}.{f}") };
        match self {
            RnnError::Shape { field, expected, got } => RnnError::Shape { field: join(field), expected, got },
            RnnError::WrongType { field, expected, got } => RnnError::WrongType { field: join(field), expected, got },
            RnnError::Missing { field } => RnnError::Missing { field: join(field) },
            RnnError::UnknownField { field, allowed } => RnnError::UnknownField { field: join(field), allowed },
            RnnError::NotOneOf { field, value, allowed } => RnnError::NotOneOf { field: join(field), value, allowed },
            RnnError::OutOfRange { field, value, min, max } => RnnError::OutOfRange { field: join(field), value, min, max },
            RnnError::NotWhole { field, value } => RnnError::NotWhole { field: join(field), value },
            other => other,
        }
    }

    /// The same error with `name` as its field if it names none (an error about a whole
    /// argument).
    pub fn or_field(self, name: &str) -> Self {
        let fill = |f: String| if f.is_empty() { name.to_string() } else { f };
        match self {
            RnnError::WrongType { field, expected, got } => RnnError::WrongType { field: fill(field), expected, got },
            RnnError::NotOneOf { field, value, allowed } => RnnError::NotOneOf { field: fill(field), value, allowed },
            RnnError::NotWhole { field, value } => RnnError::NotWhole { field: fill(field), value },
            RnnError::Shape { field, expected, got } => RnnError::Shape { field: fill(field), expected, got },
            other => other,
        }
    }

    /// One example of every kind, for tests that check each is worded on the page.
    pub fn examples() -> Vec<RnnError> {
        let s = |x: &str| x.to_string();
        vec![
            RnnError::Json { message: s("expected value"), line: 1, column: 7 },
            RnnError::Format { found: s("keras"), expected: s("rnn-playground/model@1") },
            RnnError::shape("weights.kernel", "[3][16]", "[2][16]"),
            RnnError::WrongType { field: s("units"), expected: s("a number"), got: s("a string") },
            RnnError::Missing { field: s("weights") },
            RnnError::UnknownField { field: s("unit"), allowed: vec![s("units"), s("cell")] },
            RnnError::NotOneOf { field: s("cell"), value: s("transformer"), allowed: vec![s("simple_rnn"), s("lstm"), s("gru")] },
            RnnError::range("units", 500, 1.0, 64.0),
            RnnError::NotWhole { field: s("units"), value: s("2.5") },
            RnnError::NotFinite { field: s("x"), at: s("[1][0]"), value: NonFinite::Nan },
            RnnError::Empty { field: s("text") },
            RnnError::TooLong { field: s("text"), length: 80, max: 64, unit: Counted::Tokens },
            RnnError::TooBig { field: s("batch"), needed: 1 << 31, max: 1 << 26 },
            RnnError::conflict("activation", "relu", "cell", "lstm"),
            RnnError::ClassOutOfRange { field: s("y"), step: 1, class: 7, classes: 3 },
            RnnError::TokenOutOfRange { field: s("x"), step: 0, id: 9, size: 5 },
            RnnError::Numeric { field: s("recurrent_kernel"), problem: NumericProblem::ZeroMatrix },
            RnnError::Keras { rule: KerasRule::CompileFirst },
            RnnError::NotStarted { what: s("race") },
            RnnError::Diverged { update: 12, what: Quantity::GradientNorm, value: NonFinite::Infinity },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number of each kind; the match has no wildcard, so a new kind fails to compile
    /// here until it has an example (and the page a template: tests/wasm/boundary.test.mjs).
    fn kind_number(e: &RnnError) -> usize {
        match e {
            RnnError::Json { .. } => 0,
            RnnError::Format { .. } => 1,
            RnnError::Shape { .. } => 2,
            RnnError::WrongType { .. } => 3,
            RnnError::Missing { .. } => 4,
            RnnError::UnknownField { .. } => 5,
            RnnError::NotOneOf { .. } => 6,
            RnnError::OutOfRange { .. } => 7,
            RnnError::NotWhole { .. } => 8,
            RnnError::NotFinite { .. } => 9,
            RnnError::Empty { .. } => 10,
            RnnError::TooLong { .. } => 11,
            RnnError::TooBig { .. } => 12,
            RnnError::Conflict { .. } => 13,
            RnnError::ClassOutOfRange { .. } => 14,
            RnnError::TokenOutOfRange { .. } => 15,
            RnnError::Numeric { .. } => 16,
            RnnError::Keras { .. } => 17,
            RnnError::NotStarted { .. } => 18,
            RnnError::Diverged { .. } => 19,
        }
    }

    #[test]
    fn kind_is_the_serialised_kind() {
        for e in RnnError::examples() {
            assert_eq!(serde_json::to_value(&e).unwrap()["kind"], e.kind(), "{e}");
        }
    }

    #[test]
    fn the_examples_cover_every_kind() {
        let kinds: std::collections::BTreeSet<usize> = RnnError::examples().iter().map(kind_number).collect();
        assert_eq!(kinds, (0..20).collect());
    }

    /// tests/fixtures/errors.json holds the examples as the page receives them; the page's
    /// test of its wording (tests/wasm/boundary.test.mjs) reads it. RNNP_BLESS=1 rewrites it.
    #[test]
    fn the_examples_fixture_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/errors.json");
        let text = serde_json::to_string_pretty(&RnnError::examples()).unwrap() + "\n";
        if std::env::var("RNNP_BLESS").is_ok_and(|v| v == "1") {
            std::fs::write(path, &text).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap_or_default(),
            text,
            "tests/fixtures/errors.json is out of date: run RNNP_BLESS=1 cargo test --lib error"
        );
    }

    #[test]
    fn errors_cross_the_boundary_as_kind_and_fields() {
        let v = serde_json::to_value(RnnError::range("units", 500, 1.0, 64.0)).unwrap();
        assert_eq!(v, serde_json::json!({"kind": "outOfRange", "field": "units", "value": "500", "min": 1.0, "max": 64.0}));
        let v = serde_json::to_value(RnnError::Diverged { update: 3, what: Quantity::GradientNorm, value: NonFinite::Infinity }).unwrap();
        assert_eq!(v, serde_json::json!({"kind": "diverged", "update": 3, "what": "gradientNorm", "value": "infinity"}));
    }
}
