//! Crafted character-model files and corpora: every entry of a vocabulary, and every
//! character of a text, is one character of bounded size, so what a model writes is
//! bounded in bytes as well as in characters. Each crafted case is refused by name, or
//! accepted with its output within the bound. (tests/wasm/crafted.test.mjs sends the same
//! class through the WebAssembly build and the command line, with their memory measured.)

use rnn_playground::error::Counted;
use rnn_playground::settings::limits::{CHAR_BYTES, SAMPLE_CHARS};
use rnn_playground::writing::characters::{facts, start_of_text};
use rnn_playground::writing::{CharModel, Corpus, TextConfig, WritingSession};
use rnn_playground::RnnError;
use serde_json::Value;

fn corpus() -> String {
    "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n".repeat(40)
}

fn model_file() -> Value {
    let config = TextConfig { units: 8, seq_len: 8, batch_size: 2, ..Default::default() };
    serde_json::from_str(&WritingSession::new(&corpus(), config).unwrap().model_file()).unwrap()
}

/// The model file with entry `i` of its vocabulary replaced by `entry`.
fn with_entry(i: usize, entry: &str) -> String {
    let mut v = model_file();
    v["vocabulary"][i] = Value::String(entry.to_string());
    v.to_string()
}

/// The field an error names.
fn field(e: &RnnError) -> String {
    let v = serde_json::to_value(e).unwrap();
    v["field"].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_crafted_vocabulary_is_refused_by_the_entry_it_names() {
    let long = |n: usize| "X".repeat(n);
    let heavy = |n: usize| format!("x{}", "\u{301}".repeat(n));
    let cases: Vec<(String, &str)> = vec![
        (long(1 << 20), "tooLong"),
        (long(12 << 20), "tooLong"),
        (long(CHAR_BYTES.max as usize + 1), "tooLong"),
        (heavy(100_000), "tooLong"),
        (String::new(), "empty"),
        ("ab".into(), "tooLong"),
        ("春眠".into(), "tooLong"),
        ("眠".into(), "conflict"), // the vocabulary has 眠 already, at 4
    ];
    for (entry, kind) in cases {
        for i in [0, 3] {
            let text = with_entry(i, &entry);
            let Err(err) = CharModel::from_text(&text) else { panic!("entry {i} = {entry:.8}… opened") };
            let shown: String = entry.chars().take(8).collect();
            assert_eq!(err.kind(), kind, "entry {i} = {shown:?}…: {err}");
            assert!(field(&err).starts_with("vocabulary["), "entry {i} = {shown:?}…: {err}");
        }
    }
    // Entries that are one character each open: a flag, a family, a combining mark alone.
    for entry in ["🇨🇳", "👨‍👩‍👧‍👦", "\u{301}", " \u{301}"] {
        let mut v = model_file();
        let vocab = v["vocabulary"].as_array().unwrap().len();
        v["vocabulary"][vocab - 1] = Value::String(entry.into());
        CharModel::from_text(&v.to_string()).unwrap_or_else(|e| panic!("{entry:?}: {e}"));
    }
}

#[test]
fn other_crafted_character_models_are_refused_by_name() {
    let mut sentence = model_file();
    sentence["tokens"] = serde_json::json!(["我", "爱"]);
    assert_eq!(CharModel::from_text(&sentence.to_string()).unwrap_err().kind(), "wrongModel");
    let mut words = model_file();
    words["tokenize"] = serde_json::json!("words");
    assert_eq!(CharModel::from_text(&words.to_string()).unwrap_err().kind(), "wrongModel");
    // A vocabulary shorter than the network's inputs names the input size, with both numbers.
    let mut short = model_file();
    short["vocabulary"].as_array_mut().unwrap().pop();
    let err = CharModel::from_text(&short.to_string()).unwrap_err();
    let v = short["vocabulary"].as_array().unwrap().len();
    assert_eq!(err, RnnError::Shape { field: "input_size".into(), expected: format!("[{v}]"), got: format!("[{}]", v + 1) });
}

#[test]
fn a_corpus_with_an_oversized_character_is_refused_and_what_a_model_writes_is_bounded_in_bytes() {
    for text in [format!("{}x{}", corpus(), "\u{301}".repeat(1 << 16)), format!("{}\u{200d}{}", corpus(), "\u{300}".repeat(100))] {
        let err = Corpus::new(&text).unwrap_err();
        assert!(matches!(&err, RnnError::TooLong { field, unit: Counted::Bytes, .. } if field == "character"), "{err}");
        assert_eq!(facts(&text).unwrap_err(), err, "the page's check is the engine's");
    }
    // The largest characters allowed, written as long as allowed: within the bound.
    let big: Vec<String> = (0..8).map(|i| format!("{}{}", char::from(b'a' + i), "\u{301}".repeat((CHAR_BYTES.max as usize - 1) / 2))).collect();
    let text: String = big.iter().cycle().take(400).cloned().collect();
    let s = WritingSession::new(&text, TextConfig { units: 8, seq_len: 8, batch_size: 2, ..Default::default() }).unwrap();
    let out = s.write(&big[0], SAMPLE_CHARS.max as usize, 1.0, 1).unwrap();
    assert!(out.len() as u64 <= SAMPLE_CHARS.max * CHAR_BYTES.max, "{} bytes", out.len());
    assert!(matches!(s.write(&big[0], SAMPLE_CHARS.max as usize + 1, 1.0, 1), Err(RnnError::OutOfRange { .. })));
    assert!(matches!(s.write(&big[0].repeat(1001), 1, 1.0, 1), Err(RnnError::TooLong { unit: Counted::Characters, .. })));
}

#[test]
fn the_start_of_a_pasted_text_is_always_one_of_its_characters() {
    for text in [" \u{301}春眠不觉晓", "\u{200d}\u{301}ab", "\n\n  春", "\t\u{301}\u{301}", "👍🏽 ok"] {
        let body = text.repeat(60);
        let f = facts(&body).unwrap();
        assert_eq!(Some(f.start.as_str()), start_of_text(&body));
        let corpus = Corpus::new(&body).unwrap();
        assert!(corpus.encode(&f.start).is_ok(), "{text:?}: start {:?} not in the vocabulary", f.start);
    }
}

/// A character model over the weight budget of one (what a 64 MB file holds) is refused
/// however it arrives: as weights kept in a browser, or as a model file.
#[test]
fn a_character_model_over_its_weight_budget_is_refused() {
    use rnn_playground::settings::CellName;
    use rnn_playground::writing::TEXT_WEIGHTS;
    // 2900 characters into 256 LSTM units: 3.98 million weights, under the budget of any
    // network (4.19 million) but over a character model's (3 million).
    let vocabulary: Vec<String> = (0..2900u32).map(|i| char::from_u32(0x4e00 + i).unwrap().to_string()).collect();
    let config = TextConfig { cell: CellName::Lstm, units: 256, ..Default::default() };
    let (v, u) = (2900usize, 256usize);
    let weights = v * 4 * u + u * 4 * u + 4 * u + u * v + v;
    assert!(weights as u64 > TEXT_WEIGHTS);
    let err = CharModel::from_parts(&config, vocabulary, vec![0.0; weights]).unwrap_err();
    assert!(matches!(&err, RnnError::TooBig { field, needed, .. } if field == "model" && *needed == weights as u64), "{err}");
}
