//! Text into tokens and tokens into ids: the sentence "我 爱 北京 天安门" becomes
//! [我, 爱, 北京, 天安门], each a one-hot vector of length V.

use serde::{Deserialize, Serialize};

use crate::error::{Counted, Result, RnnError};
use crate::settings::limits::{SENTENCE_CHARS, SENTENCE_TOKENS};
use unicode_segmentation::UnicodeSegmentation;

/// The end token that follows the last word: the network learns to predict where a
/// sentence stops.
pub const END_TOKEN: &str = "<end>";

/// How text is cut into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Tokenize {
    /// Words separated by white space, as the seed writes "我 爱 北京 天安门".
    #[default]
    Words,
    /// Single characters as a reader sees them (grapheme clusters: "👍🏽" and "é" are one
    /// token each); white space is dropped.
    Chars,
}

/// Cuts `text` into tokens.
pub fn tokenize(text: &str, how: Tokenize) -> Vec<String> {
    match how {
        Tokenize::Words => text.split_whitespace().map(str::to_string).collect(),
        Tokenize::Chars => text.graphemes(true).filter(|g| !g.trim().is_empty()).map(str::to_string).collect(),
    }
}

/// The tokens a network knows, each with an id (its row in W_xh and its column in W_hy),
/// and after them the end marker.
///
/// The end marker is not a word: a text that contains the characters `<end>` has them as
/// an ordinary token, and the marker is still a token of its own (id V − 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// The distinct tokens of the text in order of first appearance (not the end marker).
    pub tokens: Vec<String>,
}

impl Vocabulary {
    /// The distinct tokens of `tokens` in order of first appearance.
    pub fn from_tokens(tokens: &[String]) -> Self {
        let mut list: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for t in tokens {
            if seen.insert(t.as_str()) {
                list.push(t.clone());
            }
        }
        Vocabulary { tokens: list }
    }

    /// V, the number of tokens including the end marker.
    pub fn len(&self) -> usize {
        self.tokens.len() + 1
    }

    /// Never true: the end marker is always there.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The id of the end marker.
    pub fn end_id(&self) -> u32 {
        self.tokens.len() as u32
    }

    /// The id of a token of the text.
    pub fn id(&self, token: &str) -> Option<u32> {
        self.tokens.iter().position(|t| t == token).map(|i| i as u32)
    }

    /// The token of an id ([`END_TOKEN`] for the end marker).
    pub fn token(&self, id: u32) -> &str {
        self.tokens.get(id as usize).map_or(END_TOKEN, String::as_str)
    }

    /// Every token as shown, the end marker last.
    pub fn shown(&self) -> Vec<String> {
        let mut all = self.tokens.clone();
        all.push(END_TOKEN.to_string());
        all
    }
}

/// A sentence as a next-token task: read token t, predict token t+1 (the end token after
/// the last word).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub vocabulary: Vocabulary,
    /// Ids read at each step, [T].
    pub inputs: Vec<u32>,
    /// Ids to predict at each step, [T].
    pub targets: Vec<u32>,
}

impl Sentence {
    /// Builds the task from text; an empty text is an error.
    pub fn new(text: &str, how: Tokenize) -> Result<Self> {
        let chars = text.chars().count() as u64;
        if chars > SENTENCE_CHARS.max {
            return Err(RnnError::TooLong { field: "text".into(), length: chars, max: SENTENCE_CHARS.max, unit: Counted::Characters });
        }
        let tokens = tokenize(text, how);
        if tokens.is_empty() {
            return Err(RnnError::Empty { field: "text".into() });
        }
        if tokens.len() as u64 > SENTENCE_TOKENS.max {
            return Err(RnnError::TooLong { field: "text".into(), length: tokens.len() as u64, max: SENTENCE_TOKENS.max, unit: Counted::Tokens });
        }
        let vocabulary = Vocabulary::from_tokens(&tokens);
        let inputs: Vec<u32> = tokens.iter().map(|t| vocabulary.id(t).expect("every token is in its vocabulary")).collect();
        let mut targets: Vec<u32> = inputs[1..].to_vec();
        targets.push(vocabulary.end_id());
        Ok(Sentence { tokens, vocabulary, inputs, targets })
    }

    /// T, the number of steps.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// Never true (an empty sentence is refused).
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }
}

/// The seed's example sentence.
pub const SEED_SENTENCE: &str = "我 爱 北京 天安门";

/// The ways of splitting a sentence by name.
impl crate::settings::Choices for Tokenize {
    const ALL: &'static [Self] = &[Tokenize::Words, Tokenize::Chars];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_sentence_has_five_tokens_with_the_end() {
        let s = Sentence::new(SEED_SENTENCE, Tokenize::Words).unwrap();
        assert_eq!(s.tokens, ["我", "爱", "北京", "天安门"]);
        assert_eq!(s.vocabulary.len(), 5);
        assert_eq!(s.inputs, [0, 1, 2, 3]);
        assert_eq!(s.targets, [1, 2, 3, 4]);
        assert_eq!(s.vocabulary.token(4), END_TOKEN);
        assert_eq!(s.vocabulary.end_id(), 4);
    }

    #[test]
    fn characters_are_grapheme_clusters() {
        let t = tokenize("北京 👍🏽é!", Tokenize::Chars);
        assert_eq!(t, ["北", "京", "👍🏽", "é", "!"]);
    }

    #[test]
    fn repeated_words_share_an_id() {
        let s = Sentence::new("a b a", Tokenize::Words).unwrap();
        assert_eq!(s.vocabulary.shown(), ["a", "b", END_TOKEN]);
        assert_eq!(s.inputs, [0, 1, 0]);
        assert_eq!(s.targets, [1, 0, 2]);
    }

    #[test]
    fn empty_text_is_a_clear_error() {
        let err = Sentence::new("   ", Tokenize::Words).unwrap_err();
        assert_eq!(err, RnnError::Empty { field: "text".into() });
    }

    /// The characters `<end>` in a text are a word like any other; the end
    /// marker stays a token of its own.
    #[test]
    fn a_literal_end_word_does_not_merge_with_the_end_marker() {
        let s = Sentence::new("a <end> b", Tokenize::Words).unwrap();
        assert_eq!(s.vocabulary.len(), 4);
        assert_eq!(s.inputs, [0, 1, 2]);
        assert_eq!(s.targets, [1, 2, 3]);
        assert_ne!(s.inputs[1], s.vocabulary.end_id());
    }
}
