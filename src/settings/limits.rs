//! Every size and number the engine accepts, with its limits, in one place.
//!
//! Each limit is checked before anything is allocated, and a value outside it is an
//! [`RnnError::OutOfRange`] that names the setting and the limit. The same limits hold on
//! the page, in WebAssembly and on the command line; the page builds its controls from
//! them (through [`crate::schema`]), and the README's table is [`table`] (`rnnp limits`).
//!
//! Besides each setting's own range, two budgets bound what a combination of settings
//! costs: [`MAX_WEIGHTS`] (the weights of one network) and [`MAX_WORKSPACE`] (the numbers
//! one forward and backward pass keeps), so no accepted request can ask for gigabytes.

use crate::error::{Counted, NonFinite, Result, RnnError};

/// A whole-number range, inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Int {
    pub min: u64,
    pub max: u64,
}

impl Int {
    pub const fn new(min: u64, max: u64) -> Self {
        Int { min, max }
    }

    /// `value` as a usize if it is inside the range.
    pub fn check(self, field: &str, value: u64) -> Result<usize> {
        if value < self.min || value > self.max {
            return Err(RnnError::range(field, value, self.min as f64, self.max as f64));
        }
        usize::try_from(value).map_err(|_| RnnError::range(field, value, self.min as f64, self.max as f64))
    }

    /// A length in `unit` inside the range: too long is [`RnnError::TooLong`] in that unit
    /// (a file's "70000000 bytes", not a bare number), nothing at all [`RnnError::Empty`].
    pub fn check_length(self, field: &str, value: u64, unit: Counted) -> Result<usize> {
        if value > self.max {
            return Err(RnnError::TooLong { field: field.to_string(), length: value, max: self.max, unit });
        }
        if value == 0 && self.min > 0 {
            return Err(RnnError::Empty { field: field.to_string() });
        }
        self.check(field, value)
    }

    /// Whether `value` is inside.
    pub fn contains(self, value: u64) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

/// A real-number range, inclusive; NaN and infinities are never inside.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Real {
    pub min: f64,
    pub max: f64,
}

impl Real {
    pub const fn new(min: f64, max: f64) -> Self {
        Real { min, max }
    }

    /// Ok if `value` is finite and inside the range.
    pub fn check(self, field: &str, value: f64) -> Result<()> {
        if let Some(kind) = NonFinite::of(value) {
            return Err(RnnError::NotFinite { field: field.to_string(), at: String::new(), value: kind });
        }
        if value < self.min || value > self.max {
            return Err(RnnError::range(field, short(value), self.min, self.max));
        }
        Ok(())
    }
}

impl Real {
    /// As [`Real::check`] for a float32 (the bounds rounded to float32 as well, so 0.01
    /// passed through float32 is still at least 0.01).
    pub fn check_f32(self, field: &str, value: f32) -> Result<()> {
        Real::new(self.min as f32 as f64, self.max as f32 as f64).check(field, value as f64).map_err(|_| {
            // Worded with the limits as written, not as float32 rounds them.
            self.check(field, value as f64).err().unwrap_or_else(|| RnnError::range(field, short(value as f64), self.min, self.max))
        })
    }
}

/// A number as a person writes it (0.1, not 0.10000000149011612).
fn short(x: f64) -> String {
    let f = x as f32;
    if f as f64 == x || (f as f64 - x).abs() < 1e-9 * x.abs() {
        format!("{f}")
    } else {
        format!("{x}")
    }
}

/// The weights of one network: 2²² = 4,194,304 (16 MiB of float32).
pub const MAX_WEIGHTS: u64 = 1 << 22;
/// The numbers one forward and backward pass may keep: 2²⁵ = 33,554,432 (128 MiB).
pub const MAX_WORKSPACE: u64 = 1 << 25;

/// Checks a network's weight count against [`MAX_WEIGHTS`].
pub fn check_weights(field: &str, weights: u64) -> Result<()> {
    if weights > MAX_WEIGHTS {
        return Err(RnnError::TooBig { field: field.to_string(), needed: weights, max: MAX_WEIGHTS });
    }
    Ok(())
}

/// Checks the numbers a pass over `batch` sequences of `steps` steps keeps, with `per_step`
/// numbers for each step of each sequence, against [`MAX_WORKSPACE`]. Computed in u128,
/// so no product of accepted sizes can wrap.
pub fn check_workspace(field: &str, batch: u64, steps: u64, per_step: u64) -> Result<()> {
    let needed = (batch as u128).saturating_mul(steps as u128).saturating_mul(per_step as u128);
    if needed > MAX_WORKSPACE as u128 {
        return Err(RnnError::TooBig { field: field.to_string(), needed: needed.min(u64::MAX as u128) as u64, max: MAX_WORKSPACE });
    }
    Ok(())
}

// ---- The Write view (a character model of a text) ----
/// Characters in a corpus: at most 1 MB of text's worth.
pub const CORPUS_CHARS: Int = Int::new(1, 1_000_000);
/// Distinct characters (the vocabulary V): the inputs and outputs of a model file.
pub const VOCABULARY: Int = Int::new(2, 4096);
/// Bytes of one character of a character model (one grapheme cluster: the longest emoji
/// sequences take about 35; a "character" of stacked combining marks can take megabytes,
/// and every character written is copied into the output).
pub const CHAR_BYTES: Int = Int::new(1, 64);
/// Characters of the text a sample starts from (the page's box takes 40).
pub const SEED_TEXT_CHARS: Int = Int::new(1, 1000);
/// Characters one sample writes (with [`CHAR_BYTES`], at most 640 KB of text).
pub const SAMPLE_CHARS: Int = Int::new(1, 10_000);
/// Weights of a character model: what a model file of at most 64 MB holds (about 20 bytes
/// a weight in JSON), so every model trained here can be saved and opened again.
pub const TEXT_WEIGHTS: u64 = 3_000_000;
/// Hidden units.
pub const TEXT_UNITS: Int = Int::new(8, 256);
/// Characters per training window (the truncation of BPTT).
pub const TEXT_SEQ_LEN: Int = Int::new(8, 100);
/// Windows per update.
pub const TEXT_BATCH: Int = Int::new(1, 128);
/// The temperature a sample is drawn at: 0.05 to 2 (0.1 and below: the most likely).
pub const TEMPERATURE: Real = Real::new(0.05, 2.0);
/// Updates of one training run of the page's Write view.
pub const TEXT_UPDATES: Int = Int::new(10, 20_000);
/// Characters of a sample's start in a page link (`prompt=`).
pub const LINK_SEED_TEXT_CHARS: Int = Int::new(1, 40);
/// Poems the Write view writes at once.
pub const POEMS: Int = Int::new(1, 20);
/// Characters of one poem at most (where no end comes sooner).
pub const POEM_CHARS: usize = 400;
/// Windows of held-out text the held-out loss is measured on (at most).
pub const HELD_OUT_WINDOWS: usize = 64;

// ---- The sentence view and the lab, as the page asks ----
/// Epochs a link may ask the sentence network to be trained (`trained=`) before it shows.
pub const TRAINED: Int = Int::new(0, 20_000);
/// At most this many weights are checked against finite differences (spread over all).
pub const GRADCHECK_WEIGHTS: usize = 1500;
/// Updates one call of the page's lab may run.
pub const LAB_CALL_STEPS: Int = Int::new(1, 100_000);
/// The longest font list taken from the page for the charts (a list of a few names is
/// under 200).
pub const FONT_LIST_CHARS: usize = 400;

// ---- Any network (model files, traces, the Keras-style API) ----
/// Input size, units and output size of a model file.
pub const MODEL_SIZE: Int = Int::new(1, 4096);
/// Steps of one traced sequence.
pub const TRACE_STEPS: Int = Int::new(1, 10_000);
/// A model file or trace request, in bytes (the page reads files of at most this size).
pub const FILE_BYTES: Int = Int::new(1, 64 * 1024 * 1024);
/// Values (numbers, strings, arrays, objects) of a JSON file, counted before it is parsed:
/// the weights of the largest network ([`MAX_WEIGHTS`]) and room for its arrays, vocabulary
/// and tokens. A parsed value takes tens of bytes, so 60 MB of junk numbers would otherwise
/// take gigabytes to be refused.
pub const JSON_VALUES: u64 = MAX_WEIGHTS + (1 << 18);

// ---- The sentence view ----
pub const SENTENCE_UNITS: Int = Int::new(1, 64);
/// Tokens of the sentence, so the page stays readable.
pub const SENTENCE_TOKENS: Int = Int::new(1, 64);
/// Characters of the typed text.
pub const SENTENCE_CHARS: Int = Int::new(1, 300);
pub const LEARNING_RATE: Real = Real::new(1e-5, 1.0);
/// SGD's momentum μ.
pub const MOMENTUM: Real = Real::new(0.0, 0.999);
pub const CLIP_THRESHOLD: Real = Real::new(0.01, 1000.0);
pub const SEED: Int = Int::new(0, 2_147_483_647);
/// Epochs of one press of Train (one update each).
pub const SENTENCE_EPOCHS: Int = Int::new(1, 5000);

// ---- The gradient lab ----
pub const LAB_STEPS: Int = Int::new(2, 200);
pub const LAB_RADIUS: Real = Real::new(0.1, 2.5);
pub const LAB_UNITS: Int = Int::new(1, 64);
pub const LAB_FORGET_BIAS: Real = Real::new(-10.0, 10.0);
/// Steps of the remember-the-first-token task.
pub const TASK_STEPS: Int = Int::new(5, 100);
pub const EXPLODE_UPDATES: Int = Int::new(1, 2000);
pub const RACE_LENGTH: Int = Int::new(2, 100);
pub const RACE_LENGTHS: Int = Int::new(1, 8);
pub const RACE_SYMBOLS: Int = Int::new(2, 16);
pub const RACE_UPDATES: Int = Int::new(1, 5000);
pub const RACE_TEST: Int = Int::new(1, 1024);
pub const BATCH: Int = Int::new(1, 256);

// ---- The sine series ----
pub const SERIES_SEQUENCES: Int = Int::new(32, 4096);
pub const SERIES_LENGTH: Int = Int::new(5, 200);
pub const SERIES_NOISE: Real = Real::new(0.0, 1.0);
pub const SERIES_UNITS: Int = Int::new(1, 256);
pub const SERIES_EPOCHS: Int = Int::new(1, 200);

// ---- The command line ----
/// Width and height of a picture from `rnnp plot`, in pixels.
pub const IMAGE_SIDE: Int = Int::new(64, 8192);
/// Seconds of `rnnp bench`.
pub const BENCH_SECONDS: Real = Real::new(0.1, 600.0);

/// One row of the limits table: where, which setting, its range.
pub struct Row {
    pub place: &'static str,
    pub setting: &'static str,
    pub range: String,
}

fn int(place: &'static str, setting: &'static str, r: Int) -> Row {
    Row { place, setting, range: format!("{} – {}", group(r.min), group(r.max)) }
}

fn real(place: &'static str, setting: &'static str, r: Real) -> Row {
    Row { place, setting, range: format!("{} – {}", r.min, r.max) }
}

/// 4096 → "4,096".
fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every limit, for the README and `rnnp limits`.
pub fn table() -> Vec<Row> {
    vec![
        int("any network", "input size, units, output size", MODEL_SIZE),
        Row { place: "any network", setting: "weights", range: format!("at most {}", group(MAX_WEIGHTS)) },
        Row { place: "any pass", setting: "numbers kept by one forward and backward pass", range: format!("at most {}", group(MAX_WORKSPACE)) },
        int("trace", "steps", TRACE_STEPS),
        int("model file, trace request", "bytes", FILE_BYTES),
        Row { place: "model file, trace request", setting: "values (numbers, texts, lists)", range: format!("at most {}", group(JSON_VALUES)) },
        int("sentence", "units", SENTENCE_UNITS),
        int("sentence", "tokens", SENTENCE_TOKENS),
        int("sentence", "characters of text", SENTENCE_CHARS),
        int("sentence", "epochs per run", SENTENCE_EPOCHS),
        int("sentence", "epochs trained before a link shows (trained=)", TRAINED),
        real("sentence", "learning rate", LEARNING_RATE),
        real("sentence", "SGD momentum", MOMENTUM),
        real("sentence, lab", "clip threshold", CLIP_THRESHOLD),
        int("every view", "seed", SEED),
        int("lab", "sequence length T", LAB_STEPS),
        real("lab", "spectral radius ρ", LAB_RADIUS),
        int("lab", "units", LAB_UNITS),
        real("lab", "LSTM forget bias", LAB_FORGET_BIAS),
        int("lab", "task length", TASK_STEPS),
        int("lab", "updates of the training run", EXPLODE_UPDATES),
        int("lab, memory race", "sequence length", RACE_LENGTH),
        int("lab, memory race", "lengths compared", RACE_LENGTHS),
        int("lab, memory race", "symbols", RACE_SYMBOLS),
        int("lab, memory race", "updates per run", RACE_UPDATES),
        int("lab, memory race", "test sequences", RACE_TEST),
        int("lab, series", "batch size", BATCH),
        int("series", "sequences", SERIES_SEQUENCES),
        int("series", "length", SERIES_LENGTH),
        real("series", "noise", SERIES_NOISE),
        int("series", "units", SERIES_UNITS),
        int("series", "epochs", SERIES_EPOCHS),
        int("write", "characters of text", CORPUS_CHARS),
        int("write", "distinct characters", VOCABULARY),
        int("write", "bytes of one character", CHAR_BYTES),
        int("write", "characters of one sample", SAMPLE_CHARS),
        int("write", "characters of a sample's start", SEED_TEXT_CHARS),
        Row { place: "write", setting: "weights", range: format!("at most {}", group(TEXT_WEIGHTS)) },
        int("write", "units", TEXT_UNITS),
        int("write", "window (steps of BPTT)", TEXT_SEQ_LEN),
        int("write", "windows per batch", TEXT_BATCH),
        real("write", "temperature", TEMPERATURE),
        int("write", "updates of a run in the page", TEXT_UPDATES),
        int("write", "characters of a sample's start in a page link", LINK_SEED_TEXT_CHARS),
        int("write", "poems written at once", POEMS),
        int("rnnp plot", "width, height (pixels)", IMAGE_SIDE),
        real("rnnp bench", "seconds", BENCH_SECONDS),
    ]
}

/// The table as Markdown.
pub fn markdown() -> String {
    let mut out = String::from("| where | setting | allowed |\n|---|---|---|\n");
    for r in table() {
        out.push_str(&format!("| {} | {} | {} |\n", r.place, r.setting, r.range));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_outside_are_refused_with_the_limit() {
        assert_eq!(SENTENCE_UNITS.check("units", 8).unwrap(), 8);
        let err = SENTENCE_UNITS.check("units", 4_294_967_300).unwrap_err();
        assert_eq!(err.to_string(), "`units` is 4294967300: it must be between 1 and 64");
        assert!(matches!(LAB_RADIUS.check("radius", f64::NAN), Err(RnnError::NotFinite { .. })));
        assert_eq!(LAB_RADIUS.check("radius", 0.05).unwrap_err().to_string(), "`radius` is 0.05: it must be between 0.1 and 2.5");
    }

    #[test]
    fn budgets_do_not_wrap() {
        assert!(check_workspace("batch", u64::MAX, u64::MAX, u64::MAX).is_err());
        assert!(check_workspace("batch", 32, 50, 500).is_ok());
        assert_eq!(group(33_554_432), "33,554,432");
    }
}
