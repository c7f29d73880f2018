//! What a character model's characters may be, and a text as the engine splits it. One
//! segmentation (grapheme clusters: a character as a reader sees it, "👍🏽" and "é" one
//! each) for training, for a model file's vocabulary, for the start of writing and for the
//! page's counts, so that no two places disagree about where a character ends.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Counted, Result, RnnError};
use crate::settings::limits::{CHAR_BYTES, VOCABULARY};

/// `text`'s characters, in order.
pub fn characters(text: &str) -> impl Iterator<Item = &str> {
    text.graphemes(true)
}

/// One character of a corpus or a vocabulary: at most [`CHAR_BYTES`] bytes, since every
/// character written is copied into the output (a cluster of stacked combining marks can
/// be megabytes, and a sample of 10,000 of them gigabytes).
pub fn check_character(field: &str, c: &str) -> Result<()> {
    CHAR_BYTES.check_length(field, c.len() as u64, Counted::Bytes).map(|_| ())
}

/// A model file's vocabulary: [`VOCABULARY`] entries, each one character of at most
/// [`CHAR_BYTES`] bytes, no two the same (an entry of two characters could never be read
/// back from a seed text, and a repeated one makes two outputs of one character).
pub fn check_vocabulary(vocabulary: &[String]) -> Result<()> {
    VOCABULARY.check("vocabulary", vocabulary.len() as u64)?;
    let mut seen = std::collections::HashMap::with_capacity(vocabulary.len());
    for (i, c) in vocabulary.iter().enumerate() {
        let field = format!("vocabulary[{i}]");
        check_character(&field, c)?;
        let n = characters(c).count();
        // (An empty entry is refused by check_character: a character has a byte at least.)
        if n > 1 {
            return Err(RnnError::TooLong { field, length: n as u64, max: 1, unit: Counted::Characters });
        }
        if let Some(j) = seen.insert(c.as_str(), i) {
            return Err(RnnError::conflict(field, c, format!("vocabulary[{j}]"), c));
        }
    }
    Ok(())
}

/// Where writing begins in a text when no start is given: its first character that is not
/// white space (else its first). Taken from the characters as they are split, so it is
/// always one of the text's own ("\u{301}" after a space is part of the space's character).
pub fn start_of_text(text: &str) -> Option<&str> {
    characters(text).find(|c| !c.trim().is_empty()).or_else(|| characters(text).next())
}

/// What the page shows of a pasted text before it is trained on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TextFacts {
    /// Characters.
    pub chars: usize,
    /// Distinct characters.
    pub vocabulary: usize,
    /// Where writing begins ([`start_of_text`]).
    pub start: String,
}

/// The facts of `text`, or the error training on it would give first (empty, too long, a
/// character too large, one character repeated, too many distinct ones).
pub fn facts(text: &str) -> Result<TextFacts> {
    let corpus = super::Corpus::new(text)?;
    Ok(TextFacts { chars: corpus.ids.len(), vocabulary: corpus.vocabulary.len(), start: start_of_text(text).unwrap_or("\n").to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_is_a_character_of_the_text_as_it_is_split() {
        assert_eq!(start_of_text("  春眠不觉晓"), Some("春"));
        // A combining mark after a space belongs to the space's character: the start is
        // that character, never the mark alone (which no vocabulary holds).
        assert_eq!(start_of_text(" \u{301}ab"), Some(" \u{301}"));
        assert_eq!(start_of_text("\u{200d}ab"), Some("\u{200d}"));
        assert_eq!(start_of_text("\n\n"), Some("\n"));
        assert_eq!(start_of_text(""), None);
    }

    #[test]
    fn a_vocabulary_is_distinct_single_characters_of_bounded_size() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(check_vocabulary(&v(&["a", "b", "👍🏽", "é", "\n"])).is_ok());
        assert!(matches!(check_vocabulary(&v(&["a", "ab"])), Err(RnnError::TooLong { field, .. }) if field == "vocabulary[1]"));
        assert!(matches!(check_vocabulary(&v(&["a", ""])), Err(RnnError::Empty { field }) if field == "vocabulary[1]"));
        assert!(
            matches!(check_vocabulary(&v(&["a", "b", "a"])), Err(RnnError::Conflict { field, other, .. }) if field == "vocabulary[2]" && other == "vocabulary[0]")
        );
        let heavy = format!("x{}", "\u{301}".repeat(40));
        assert!(matches!(check_vocabulary(&[heavy, "b".into()]), Err(RnnError::TooLong { unit: Counted::Bytes, length: 81, max: 64, .. })));
        assert!(matches!(check_vocabulary(&v(&["a"])), Err(RnnError::OutOfRange { .. })));
    }
}
