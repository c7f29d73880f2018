//! Text into tokens and tokens into ids: the sentence "我 爱 北京 天安门" becomes
//! [我, 爱, 北京, 天安门], each a one-hot vector of length V.

use serde::{Deserialize, Serialize};

use crate::error::{Result, RnnError};
use unicode_segmentation::UnicodeSegmentation;

/// The end token that follows the last word: the network learns to predict where a
/// sentence stops.
pub const END_TOKEN: &str = "<end>";

/// How text is cut into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
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

/// The tokens a network knows, each with an id (its row in W_xh and its column in W_hy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// Tokens in order of first appearance, the end token last.
    pub tokens: Vec<String>,
}

impl Vocabulary {
    /// The distinct tokens of `tokens` in order of first appearance, then the end token.
    pub fn from_tokens(tokens: &[String]) -> Self {
        let mut list: Vec<String> = Vec::new();
        for t in tokens {
            if !list.contains(t) && t != END_TOKEN {
                list.push(t.clone());
            }
        }
        list.push(END_TOKEN.to_string());
        Vocabulary { tokens: list }
    }

    /// V, the number of tokens including the end token.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Never true: the end token is always there.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The id of the end token.
    pub fn end_id(&self) -> u32 {
        (self.tokens.len() - 1) as u32
    }

    /// The id of a token.
    pub fn id(&self, token: &str) -> Option<u32> {
        self.tokens.iter().position(|t| t == token).map(|i| i as u32)
    }

    /// The token of an id.
    pub fn token(&self, id: u32) -> &str {
        &self.tokens[id as usize]
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

/// The most tokens a typed sentence may have, so the page stays readable.
pub const MAX_TOKENS: usize = 64;

impl Sentence {
    /// Builds the task from text; an empty text is an error.
    pub fn new(text: &str, how: Tokenize) -> Result<Self> {
        let tokens = tokenize(text, how);
        if tokens.is_empty() {
            return Err(RnnError::EmptySequence { field: "sentence".into() });
        }
        if tokens.len() > MAX_TOKENS {
            return Err(RnnError::invalid("sentence", format!("{} tokens long", tokens.len()), format!("at most {MAX_TOKENS} tokens fit on the page")));
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
    }

    #[test]
    fn characters_are_grapheme_clusters() {
        let t = tokenize("北京 👍🏽é!", Tokenize::Chars);
        assert_eq!(t, ["北", "京", "👍🏽", "é", "!"]);
    }

    #[test]
    fn repeated_words_share_an_id() {
        let s = Sentence::new("a b a", Tokenize::Words).unwrap();
        assert_eq!(s.vocabulary.tokens, ["a", "b", END_TOKEN]);
        assert_eq!(s.inputs, [0, 1, 0]);
        assert_eq!(s.targets, [1, 0, 2]);
    }

    #[test]
    fn empty_text_is_a_clear_error() {
        let err = Sentence::new("   ", Tokenize::Words).unwrap_err();
        assert_eq!(err, RnnError::EmptySequence { field: "sentence".into() });
    }
}
