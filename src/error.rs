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

/// What a value should have been: one of a fixed set, so the page words each in its
/// language (`expected.<is>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "is", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Expected {
    Number,
    Whole,
    WholeFromZero,
    Boolean,
    Text,
    /// One of a set of names (a cell, a chart, ...).
    Name,
    Object,
    List,
    TextList,
    CharacterList,
    /// An array of this shape, in the notation `[3][16]`.
    Array {
        shape: String,
    },
    /// A model file (an object) or Keras's `get_weights()` list.
    ModelFile,
    /// One chart, as `{name: {texts}}`.
    OneChart,
    Float32Array,
    Canvas,
    /// No value (a name that takes no settings).
    Nothing,
    /// Whatever the reader takes; said when serde's own expectation has no other word.
    Value,
}

impl Expected {
    /// One of each, for the tests that check every one is worded on the page.
    pub fn all() -> Vec<Expected> {
        use Expected::*;
        let all = vec![
            Number,
            Whole,
            WholeFromZero,
            Boolean,
            Text,
            Name,
            Object,
            List,
            TextList,
            CharacterList,
            Array { shape: "[3][16]".into() },
            ModelFile,
            OneChart,
            Float32Array,
            Canvas,
            Nothing,
            Value,
        ];
        // (A test reads this file's enum and checks that every variant is here.)
        all
    }

    /// serde's name of what it expected (`u64`, `a string`, `struct X`, ...) as one of ours.
    pub fn from_serde(words: &str) -> Self {
        match words {
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Expected::WholeFromZero,
            "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Expected::Whole,
            "f32" | "f64" => Expected::Number,
            "a boolean" => Expected::Boolean,
            "a string" | "a borrowed string" | "a character" => Expected::Text,
            "unit" => Expected::Nothing,
            "a sequence" => Expected::List,
            w if w.contains("variant") => Expected::Name,
            w if w.starts_with("struct ") || w == "a map" => Expected::Object,
            _ => Expected::Value,
        }
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Number => f.write_str("a number"),
            Expected::Whole => f.write_str("a whole number"),
            Expected::WholeFromZero => f.write_str("a whole number from 0"),
            Expected::Boolean => f.write_str("true or false"),
            Expected::Text => f.write_str("a string"),
            Expected::Name => f.write_str("a name"),
            Expected::Object => f.write_str("an object"),
            Expected::List => f.write_str("a list"),
            Expected::TextList => f.write_str("a list of strings"),
            Expected::CharacterList => f.write_str("a list of characters"),
            Expected::Array { shape } => write!(f, "an array of shape {shape}"),
            Expected::ModelFile => f.write_str("a model file (an object) or a list of get_weights() arrays"),
            Expected::OneChart => f.write_str("one chart, as {name: {texts}}"),
            Expected::Float32Array => f.write_str("a Float32Array"),
            Expected::Canvas => f.write_str("a <canvas> element"),
            Expected::Nothing => f.write_str("nothing"),
            Expected::Value => f.write_str("a valid value"),
        }
    }
}

/// What a value was instead: its type, and the value itself where it is short enough to
/// show (`found.<is>` on the page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "is", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Found {
    /// A text, cut to [`Found::TEXT_CHARS`] characters.
    Text {
        text: String,
    },
    Number {
        value: String,
    },
    Boolean {
        value: bool,
    },
    Null,
    /// JavaScript's `undefined` (nothing given).
    Undefined,
    /// A list, as serde reports one (without its length).
    List,
    /// An array of this shape, in the notation `[3][16]` (`[3][ragged]` when its rows differ).
    Array {
        shape: String,
    },
    Object,
    /// Anything else JavaScript can pass (a function, a symbol, ...).
    Other,
}

impl Found {
    /// The most characters of a text an error repeats.
    pub const TEXT_CHARS: usize = 40;

    /// A text, cut to [`Found::TEXT_CHARS`] characters with "…" if longer.
    pub fn text(s: &str) -> Self {
        let mut text: String = s.chars().take(Self::TEXT_CHARS).collect();
        if s.chars().nth(Self::TEXT_CHARS).is_some() {
            text.push('…');
        }
        Found::Text { text }
    }

    /// How a JSON value is described, the one way every reader of JSON describes it.
    pub fn of(v: &serde_json::Value) -> Self {
        use serde_json::Value;
        match v {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Boolean { value: *b },
            Value::Number(n) => Found::Number { value: n.to_string() },
            Value::String(s) => Found::text(s),
            Value::Array(_) => Found::Array { shape: dims(v) },
            Value::Object(_) => Found::Object,
        }
    }

    /// One of each, for the tests that check every one is worded on the page.
    pub fn all() -> Vec<Found> {
        use Found::*;
        let all = vec![
            Found::text("8"),
            Number { value: "2.5".into() },
            Boolean { value: true },
            Null,
            Undefined,
            List,
            Array { shape: "[2][ragged]".into() },
            Object,
            Other,
        ];
        all
    }
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Found::Text { text } => write!(f, "the text {text:?}"),
            Found::Number { value } => f.write_str(value),
            Found::Boolean { value } => write!(f, "{value}"),
            Found::Null => f.write_str("null"),
            Found::Undefined => f.write_str("nothing (undefined)"),
            Found::List => f.write_str("a list"),
            Found::Array { shape } => write!(f, "an array of shape {shape}"),
            Found::Object => f.write_str("an object"),
            Found::Other => f.write_str("something else"),
        }
    }
}

/// A JSON array's shape in the notation the messages use: `[3][4]` for an array of 3
/// arrays of 4, `[3][ragged]` when the rows differ; `[]`-less for anything but an array.
pub fn dims(v: &serde_json::Value) -> String {
    use serde_json::Value;
    let Value::Array(items) = v else { return String::new() };
    match items.first() {
        Some(first @ Value::Array(_)) => {
            let inner = dims(first);
            if items.iter().all(|x| dims(x) == inner) {
                format!("[{}]{}", items.len(), inner)
            } else {
                format!("[{}][ragged]", items.len())
            }
        }
        _ => format!("[{}]", items.len()),
    }
}

/// What is wrong with a text that is not JSON, in serde_json's kinds of syntax error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum JsonProblem {
    /// The text ends inside a list, an object, a string or before a value.
    EndsTooSoon,
    ExpectedValue,
    ExpectedColon,
    /// A `,` or the list's or object's end.
    ExpectedComma,
    ExpectedQuote,
    KeyNotText,
    TrailingComma,
    /// More after the value (two values, or a stray character).
    TrailingCharacters,
    /// A `\` escape or a `\u` code that is not one.
    BadEscape,
    BadNumber,
    ControlCharacter,
    TooDeep,
    /// Anything serde_json has no kind for above.
    Other,
}

impl JsonProblem {
    /// Every problem, for the tests that check each is worded on the page.
    pub const ALL: [JsonProblem; 13] = [
        JsonProblem::EndsTooSoon,
        JsonProblem::ExpectedValue,
        JsonProblem::ExpectedColon,
        JsonProblem::ExpectedComma,
        JsonProblem::ExpectedQuote,
        JsonProblem::KeyNotText,
        JsonProblem::TrailingComma,
        JsonProblem::TrailingCharacters,
        JsonProblem::BadEscape,
        JsonProblem::BadNumber,
        JsonProblem::ControlCharacter,
        JsonProblem::TooDeep,
        JsonProblem::Other,
    ];

    /// The problem serde_json's message names (its messages are its error codes' words).
    fn of(message: &str) -> Self {
        use JsonProblem::*;
        match message {
            m if m.starts_with("EOF while parsing") => EndsTooSoon,
            "expected value" | "expected ident" => ExpectedValue,
            "expected `:`" => ExpectedColon,
            "expected `,` or `]`" | "expected `,` or `}`" => ExpectedComma,
            "expected `\"`" => ExpectedQuote,
            "key must be a string" => KeyNotText,
            "trailing comma" => TrailingComma,
            "trailing characters" => TrailingCharacters,
            "invalid escape" | "invalid unicode code point" | "unexpected end of hex escape" => BadEscape,
            m if m.starts_with("lone leading surrogate") => BadEscape,
            "invalid number" | "number out of range" => BadNumber,
            m if m.starts_with("control character") => ControlCharacter,
            "recursion limit exceeded" => TooDeep,
            _ => Other,
        }
    }
}

impl std::fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            JsonProblem::EndsTooSoon => "the text ends too soon",
            JsonProblem::ExpectedValue => "expected a value",
            JsonProblem::ExpectedColon => "expected `:`",
            JsonProblem::ExpectedComma => "expected `,` or the end of the list or object",
            JsonProblem::ExpectedQuote => "expected `\"`",
            JsonProblem::KeyNotText => "a key must be a string",
            JsonProblem::TrailingComma => "a comma before the end",
            JsonProblem::TrailingCharacters => "more text after the value",
            JsonProblem::BadEscape => "an escape that is not one",
            JsonProblem::BadNumber => "a number that is not one",
            JsonProblem::ControlCharacter => "a control character inside a string",
            JsonProblem::TooDeep => "nested too deeply",
            JsonProblem::Other => "not valid JSON",
        })
    }
}

/// What a model file was made for, when a view is given another view's model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum ModelUse {
    /// The sentence view's model (words or characters of one sentence).
    Sentence,
    /// The Write view's model of characters (`rnnp train text --save`, the view's Download).
    Characters,
}

impl std::fmt::Display for ModelUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModelUse::Sentence => "a sentence model",
            ModelUse::Characters => "a character model (rnnp train text --save, or the Write view's Download)",
        })
    }
}

/// Everything that can go wrong with input the engine did not produce itself.
#[derive(Debug, Error, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum RnnError {
    /// A text that is not JSON at all.
    #[error("could not read the JSON: {problem} at line {line} column {column}")]
    Json { problem: JsonProblem, line: usize, column: usize },

    /// A `format` field that is not the one this engine reads.
    #[error("`format` is {found:?}, expected {expected:?}")]
    Format { found: String, expected: String },

    /// An array whose shape is not the one the model needs; `expected` and `got` are in
    /// the notation `[3][16]`, or are the sizes or names that differ.
    #[error("`{field}` should have shape {expected}, got {got}")]
    Shape { field: String, expected: String, got: String },

    /// A value of the wrong type (a string where a number belongs, ...).
    #[error("`{field}` should be {expected}, got {got}")]
    WrongType { field: String, expected: Expected, got: Found },

    /// A model file made for another view.
    #[error("this is {found}; expected {expected}")]
    WrongModel { found: ModelUse, expected: ModelUse },

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
            Some(i) => &text[..i],
            None => &text,
        };
        RnnError::Json { problem: JsonProblem::of(message), line: e.line(), column: e.column() }
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
            RnnError::WrongModel { .. } => "wrongModel",
        }
    }

    /// Shorthand for a shape mismatch.
    pub fn shape(field: impl Into<String>, expected: impl Into<String>, got: impl Into<String>) -> Self {
        RnnError::Shape { field: field.into(), expected: expected.into(), got: got.into() }
    }

    /// Shorthand for a value of the wrong type.
    pub fn wrong_type(field: impl Into<String>, expected: Expected, got: &serde_json::Value) -> Self {
        RnnError::WrongType { field: field.into(), expected, got: Found::of(got) }
    }

    /// An array that should have had `shape`: the wrong type, or the wrong shape.
    pub fn not_shaped(field: impl Into<String>, shape: &str, got: &serde_json::Value) -> Self {
        if got.is_array() {
            RnnError::Shape { field: field.into(), expected: shape.into(), got: dims(got) }
        } else {
            RnnError::WrongType { field: field.into(), expected: Expected::Array { shape: shape.into() }, got: Found::of(got) }
        }
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

    /// One example of every kind, and of every [`Expected`] and [`Found`] in a wrong type,
    /// for the tests that check each is worded on the page.
    pub fn examples() -> Vec<RnnError> {
        let s = |x: &str| x.to_string();
        let wrong = |expected, got| RnnError::WrongType { field: s("units"), expected, got };
        let mut all = vec![
            RnnError::Json { problem: JsonProblem::ExpectedValue, line: 1, column: 7 },
            RnnError::Format { found: s("keras"), expected: s("rnn-playground/model@1") },
            RnnError::shape("weights.kernel", "[3][16]", "[2][16]"),
            RnnError::WrongModel { found: ModelUse::Sentence, expected: ModelUse::Characters },
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
        ];
        all.extend(JsonProblem::ALL.map(|problem| RnnError::Json { problem, line: 2, column: 5 }));
        all.extend(Expected::all().into_iter().map(|e| wrong(e, Found::text("8"))));
        all.extend(Found::all().into_iter().map(|f| wrong(Expected::WholeFromZero, f)));
        all
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
            RnnError::WrongModel { .. } => 20,
        }
    }

    /// The variants of `pub enum name` in this file, as serde names them (camelCase).
    fn variants(name: &str) -> std::collections::BTreeSet<String> {
        let source = include_str!("error.rs");
        let body = source.split(&format!("pub enum {name} {{")).nth(1).expect(name).split("\n}").next().unwrap();
        let words = body.lines().map(str::trim).filter(|l| !l.starts_with("//") && !l.starts_with('#'));
        let names = words.filter_map(|l| l.split(|c: char| !c.is_alphanumeric()).next()).filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        names.map(|w| w[..1].to_lowercase() + &w[1..]).collect()
    }

    /// Every variant of what an error says it expected and found is in the lists the
    /// page's wording test walks (a variant added to the enum and not to its list fails).
    #[test]
    fn the_lists_hold_every_variant() {
        let tags = |values: Vec<serde_json::Value>| -> std::collections::BTreeSet<String> {
            values.iter().map(|v| v.get("is").unwrap_or(v).as_str().unwrap().to_string()).collect()
        };
        let expected = Expected::all().iter().map(|e| serde_json::to_value(e).unwrap()).collect();
        let found = Found::all().iter().map(|f| serde_json::to_value(f).unwrap()).collect();
        let problems = JsonProblem::ALL.iter().map(|p| serde_json::to_value(p).unwrap()).collect();
        assert_eq!(tags(expected), variants("Expected"));
        assert_eq!(tags(found), variants("Found"));
        assert_eq!(tags(problems), variants("JsonProblem"));
        assert_eq!(variants("Expected").len(), 17);
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
        assert_eq!(kinds, (0..21).collect());
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
