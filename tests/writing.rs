//! Issue 15, the engine's side: a character model of a corpus learns (held-out loss below
//! the unigram baseline), writes the same text for the same seed, and refuses texts it
//! cannot learn from with a message that names the problem.

use rnn_playground::settings::CellName;
use rnn_playground::writing::{Corpus, TextConfig, WritingSession};
use rnn_playground::RnnError;

/// Twelve lines of a made-up five-character verse form, repeated: structure a small model
/// can learn in a few hundred updates.
fn verse() -> String {
    let lines = ["春风吹柳绿，", "夜雨落花红。", "山高月色远，", "水阔客心空。", "白日依山尽，", "黄河入海流。"];
    lines.iter().cycle().take(600).map(|l| format!("{l}\n")).collect()
}

fn small() -> TextConfig {
    TextConfig { cell: CellName::Lstm, units: 32, seq_len: 24, batch_size: 16, learning_rate: 0.01, ..Default::default() }
}

#[test]
fn the_model_learns_the_verse_below_the_unigram_baseline() {
    let mut s = WritingSession::new(&verse(), small()).unwrap();
    let before = s.held_out_loss();
    let unigram = s.unigram_loss();
    let v = s.corpus.vocabulary.len() as f32;
    assert!((before - v.ln()).abs() < 0.5, "untrained: {before} vs ln V {}", v.ln());
    s.train(300).unwrap();
    let after = s.held_out_loss();
    println!("V {v}, held-out loss {before:.3} → {after:.3} nats/char ({:.3} bits), unigram {unigram:.3}", after / std::f32::consts::LN_2);
    assert!(after < 0.5 * unigram, "held-out {after} vs unigram {unigram}");
    // It writes lines of the form: five characters, a comma or a full stop, a line break.
    let text = s.write("春风", 60, 0.1, 1).unwrap();
    let lines: Vec<&str> = text.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert!(lines.iter().filter(|l| l.chars().count() == 6).count() * 2 >= lines.len(), "{text}");
}

#[test]
fn the_same_seed_writes_the_same_text() {
    let mut s = WritingSession::new(&verse(), small()).unwrap();
    s.train(20).unwrap();
    assert_eq!(s.write("山", 40, 0.1, 1).unwrap(), s.write("山", 40, 0.1, 99).unwrap(), "argmax at T = 0.1 whatever the seed");
    assert_eq!(s.write("山", 40, 1.0, 7).unwrap(), s.write("山", 40, 1.0, 7).unwrap());
    assert_ne!(s.write("山", 40, 1.0, 7).unwrap(), s.write("山", 40, 1.0, 8).unwrap());
    // Training is deterministic too: the same settings, the same weights.
    let mut t = WritingSession::new(&verse(), small()).unwrap();
    t.train(20).unwrap();
    assert_eq!(s.model().params, t.model().params);
}

#[test]
fn texts_it_cannot_learn_from_are_refused_by_name() {
    assert!(matches!(Corpus::new(""), Err(RnnError::Empty { ref field }) if field == "corpus"));
    // One repeated character: nothing to predict.
    assert!(matches!(Corpus::new(&"啊".repeat(5000)), Err(RnnError::OutOfRange { ref field, .. }) if field == "vocabulary"));
    // More than a million characters (about 2 MB of text).
    assert!(matches!(Corpus::new(&"ab".repeat(600_000)), Err(RnnError::OutOfRange { ref field, .. }) if field == "corpus"));
    // Too short for a window to train on and one to hold out.
    assert!(matches!(WritingSession::new("春风吹柳绿", small()), Err(RnnError::OutOfRange { ref field, .. }) if field == "corpus"));
    let s = WritingSession::new(&verse(), small()).unwrap();
    assert!(matches!(s.write("😀", 5, 1.0, 1), Err(RnnError::NotOneOf { ref field, .. }) if field == "seed text"));
    assert!(matches!(s.write("春", 5, 3.0, 1), Err(RnnError::OutOfRange { ref field, .. }) if field == "temperature"));
}

/// `rnnp train text --save` then `rnnp generate` with the same sample settings: the same
/// text as training's last sample (the model file carries the network and its vocabulary).
#[test]
fn the_command_line_trains_saves_and_writes_the_same_text_again() {
    let dir = std::env::temp_dir().join(format!("rnnp-text-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("verse.txt");
    std::fs::write(&corpus, verse()).unwrap();
    let model = dir.join("m.json");
    let sample = ["--seed-text", "山", "--length", "30", "--temperature", "0.9", "--sample-seed", "5"];
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rnnp")).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let trained =
        run(&[
            &[
                "train",
                "text",
                "--corpus",
                corpus.to_str().unwrap(),
                "--units",
                "16",
                "--seq-len",
                "16",
                "--batch-size",
                "8",
                "--updates",
                "40",
                "--every",
                "40",
            ][..],
            &sample,
            &["--save", model.to_str().unwrap()],
        ]
        .concat());
    assert!(trained.contains("Unigram baseline") && trained.contains("held-out"), "{trained}");
    // The sample line (two spaces, line breaks shown as " / ").
    let last = trained.lines().find(|l| l.starts_with("  ")).unwrap().trim_start().to_string();
    let written = run(&[&["generate", "--model", model.to_str().unwrap()][..], &sample].concat());
    assert_eq!(written.trim_end().replace('\n', " / "), last);
    // A file without a vocabulary cannot write.
    let bare = dir.join("bare.json");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("vocabulary");
    std::fs::write(&bare, v.to_string()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rnnp")).args(["generate", "--model", bare.to_str().unwrap()]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("vocabulary"));
}
