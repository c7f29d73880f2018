//! A network from a file: a model file this page (or `rnnp train --save`) wrote, or a plain
//! JSON list of Keras's `get_weights()` arrays for the network of the current settings.
//!
//! Nothing changes until the whole file has been read and checked: the sentence view gets a
//! new session, or an error that names the field at fault.

use serde_json::{json, Value};

use super::{SentenceConfig, SentenceSession};
use crate::data::text::Tokenize;
use crate::error::{Counted, Expected, ModelUse, Result, RnnError};
use crate::format::json::parse;
use crate::format::model_file::{model_from_value, MODEL_FORMAT};
use crate::model::CellKind;
use crate::settings::limits::FILE_BYTES;
use crate::settings::Choices;

/// The order of Keras's `get_weights()` for a recurrent layer and its Dense head.
const KERAS_ORDER: [&str; 5] = ["kernel", "recurrent_kernel", "bias", "dense_kernel", "dense_bias"];

impl SentenceSession {
    /// The session of the network in `text`. A model file brings its cell, units, activation,
    /// and (if it has them) its tokens and how they were split; every other setting comes
    /// from `base`. A plain list of arrays is read for the network of `base`.
    pub fn from_model_text(text: &str, base: SentenceConfig) -> Result<SentenceSession> {
        FILE_BYTES.check_length("model file", text.len() as u64, Counted::Bytes)?;
        let value = parse(text)?;
        match &value {
            Value::Array(arrays) => {
                // A GRU's bias tells its variant: [2][3U] resets after the recurrent product
                // (Keras's default), [3U] before it (TensorFlow.js's only GRU).
                let mut base = base;
                if base.cell == crate::settings::CellName::Gru {
                    if let Some(bias) = arrays.get(2).and_then(Value::as_array) {
                        base.reset_after = bias.first().is_some_and(Value::is_array);
                    }
                }
                let mut session = SentenceSession::new(base)?;
                if arrays.len() != KERAS_ORDER.len() {
                    return Err(RnnError::shape("weights", format!("[{}]", KERAS_ORDER.len()), format!("[{}]", arrays.len())));
                }
                let weights: serde_json::Map<String, Value> = KERAS_ORDER.iter().map(|k| k.to_string()).zip(arrays.iter().cloned()).collect();
                let file = with_weights(&session, Value::Object(weights));
                let model = model_from_value(&file)?;
                session.adopt(&model.params, Vec::new())?;
                Ok(session)
            }
            Value::Object(_) => {
                let model = model_from_value(&value)?;
                // The Write view's model: characters with a vocabulary, and no sentence.
                if value.get("tokens").is_none() && value.get("vocabulary").is_some() && value.get("tokenize").is_some_and(|t| t == "chars") {
                    return Err(RnnError::WrongModel { found: ModelUse::Characters, expected: ModelUse::Sentence });
                }
                let mut config = base;
                config.cell = model.spec.cell.name();
                config.units = model.spec.units as u64;
                match model.spec.cell {
                    CellKind::SimpleRnn { activation } => config.activation = activation,
                    CellKind::Gru { reset_after } => config.reset_after = reset_after,
                    CellKind::Lstm => {}
                }
                if let Some(t) = value.get("tokenize") {
                    let name = t.as_str().ok_or_else(|| RnnError::wrong_type("tokenize", Expected::Name, t))?;
                    config.tokenize = Tokenize::parse("tokenize", name)?;
                }
                if let Some(tokens) = value.get("tokens") {
                    let list = tokens.as_array().filter(|l| l.iter().all(Value::is_string));
                    let list = list.ok_or_else(|| RnnError::wrong_type("tokens", Expected::TextList, tokens))?;
                    let words: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                    config.text = match config.tokenize {
                        Tokenize::Words => words.join(" "),
                        Tokenize::Chars => words.concat(),
                    };
                }
                let mut session = SentenceSession::new(config)?;
                let want = session.model().spec;
                let sizes = [("input_size", want.input_size, model.spec.input_size), ("output_size", want.output_size, model.spec.output_size)];
                for (field, expected, got) in sizes {
                    if expected != got {
                        return Err(RnnError::shape(field, format!("[{expected}]"), format!("[{got}]")));
                    }
                }
                if let Some(vocab) = value.get("vocabulary") {
                    let ours = session.info().vocabulary;
                    if vocab != &json!(ours) {
                        return Err(RnnError::shape("vocabulary", format!("{ours:?}"), compact(vocab)));
                    }
                }
                session.adopt(&model.params, Vec::new())?;
                Ok(session)
            }
            other => Err(RnnError::wrong_type("model file", Expected::ModelFile, other)),
        }
    }
}

/// A model file for the network of `session` with `weights` (to be read and checked).
fn with_weights(session: &SentenceSession, weights: Value) -> Value {
    // The network's fields as the model file writes them; its weights are the ones given.
    let mut file = serde_json::to_value(crate::format::model_file::ModelFile::new(session.model(), crate::format::model_file::NoExtra {}))
        .expect("a model file serialises");
    debug_assert_eq!(file["format"], MODEL_FORMAT);
    file["weights"] = weights;
    file
}

/// A JSON value in one short line (for an error message).
fn compact(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(79).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::CellName;

    fn trained(config: SentenceConfig) -> SentenceSession {
        let mut s = SentenceSession::new(config).unwrap();
        s.train(30);
        s
    }

    #[test]
    fn a_downloaded_model_file_opens_with_its_settings_and_weights() {
        let s = trained(SentenceConfig { cell: CellName::Lstm, units: 6, ..Default::default() });
        let text = s.model_file();
        let opened = SentenceSession::from_model_text(&text, SentenceConfig::default()).unwrap();
        assert_eq!(opened.config.cell, CellName::Lstm);
        assert_eq!(opened.config.units, 6);
        assert_eq!(opened.model().params, s.model().params);
        assert_eq!(opened.sentence_loss(), s.sentence_loss());
    }

    #[test]
    fn a_plain_list_of_keras_arrays_opens_for_the_current_network() {
        let s = trained(SentenceConfig::default());
        let file: Value = serde_json::from_str(&s.model_file()).unwrap();
        let list: Vec<Value> = KERAS_ORDER.iter().map(|k| file["weights"][*k].clone()).collect();
        let opened = SentenceSession::from_model_text(&Value::Array(list).to_string(), SentenceConfig::default()).unwrap();
        assert_eq!(opened.model().params, s.model().params);
    }

    #[test]
    fn a_file_that_does_not_fit_names_the_problem() {
        let s = trained(SentenceConfig::default());
        let kind = |text: &str| SentenceSession::from_model_text(text, SentenceConfig::default()).unwrap_err();
        assert!(matches!(kind("{not json"), RnnError::Json { .. }));
        assert!(matches!(kind("[1, 2]"), RnnError::Shape { ref field, .. } if field == "weights"));
        let file: Value = serde_json::from_str(&s.model_file()).unwrap();
        let mut bad = file.clone();
        bad["weights"]["kernel"][0][0] = json!("NaN");
        assert!(
            matches!(kind(&bad.to_string().replace("\"NaN\"", "NaN")), RnnError::NotFinite { .. }),
            "{:?}",
            kind(&bad.to_string().replace("\"NaN\"", "NaN"))
        );
        let mut other = file.clone();
        other["vocabulary"] = json!(["a", "b", "c", "d", "<end>"]);
        assert!(matches!(kind(&other.to_string()), RnnError::Shape { ref field, .. } if field == "vocabulary"));
        let mut wrong = file;
        wrong["weights"]["recurrent_kernel"] = json!([[0.0]]);
        assert!(matches!(kind(&wrong.to_string()), RnnError::Shape { .. }));
        let huge = " ".repeat(FILE_BYTES.max as usize + 1);
        assert!(matches!(kind(&huge), RnnError::TooLong { unit: Counted::Bytes, .. }), "{:?}", kind(&huge));
    }

    #[test]
    fn a_character_model_is_named_as_one() {
        let config = crate::writing::TextConfig { units: 8, seq_len: 8, batch_size: 2, ..Default::default() };
        let text = crate::writing::WritingSession::new(&"春眠不觉晓，处处闻啼鸟。\n".repeat(30), config).unwrap().model_file();
        let err = SentenceSession::from_model_text(&text, SentenceConfig::default()).unwrap_err();
        assert_eq!(err, RnnError::WrongModel { found: ModelUse::Characters, expected: ModelUse::Sentence });
    }
}
