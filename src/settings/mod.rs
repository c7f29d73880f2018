//! Where the page, the URL, files and the command line meet the engine: the names of
//! every choice ([`names`]), every limit ([`limits`]), and a reader of settings whose
//! errors are facts the page can put in its own words ([`de`]).

pub mod de;
pub mod limits;
pub mod names;

pub use names::{CellName, Choices, ClipMode, OptimizerName};

/// A config field's name as its settings are written (serde's camelCase): `seq_len` is
/// `seqLen`.
pub fn camel_case(snake: &str) -> String {
    let mut words = snake.split('_');
    let first = words.next().unwrap_or("").to_string();
    words.fold(first, |mut out, w| {
        let mut chars = w.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
        }
        out
    })
}
