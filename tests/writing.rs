//! The Write view's engine: a character model of a corpus learns (held-out loss below
//! the unigram baseline), writes the same text for the same seed, and refuses texts it
//! cannot learn from with a message that names the problem.

mod common;

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
    assert!(matches!(Corpus::new(&"ab".repeat(600_000)), Err(RnnError::TooLong { ref field, length: 1_200_000, .. }) if field == "corpus"));
    // A network too big to keep as a file: 2500 characters into 256 LSTM units is 3.5 million
    // weights.
    let many: String = (0..2500u32).filter_map(|i| char::from_u32(0x4e00 + i)).collect::<String>().repeat(3);
    let big = TextConfig { units: 256, seq_len: 16, batch_size: 1, ..Default::default() };
    let refused = WritingSession::new(&many, big).map(|_| ());
    assert!(matches!(refused, Err(RnnError::TooBig { ref field, .. }) if field == "model"), "{refused:?}");
    // A batch past the memory budget.
    let wide = TextConfig { units: 64, seq_len: 100, batch_size: 128, ..Default::default() };
    assert!(matches!(WritingSession::new(&many, wide), Err(RnnError::TooBig { ref field, .. }) if field == "a training batch"));
    // Too short for a window to train on and one to hold out.
    assert!(matches!(WritingSession::new("春风吹柳绿", small()), Err(RnnError::OutOfRange { ref field, .. }) if field == "corpus"));
    let s = WritingSession::new(&verse(), small()).unwrap();
    assert!(matches!(s.write("😀", 5, 1.0, 1), Err(RnnError::NotOneOf { ref field, .. }) if field == "seed text"));
    assert!(matches!(s.write("春", 5, 3.0, 1), Err(RnnError::OutOfRange { ref field, .. }) if field == "temperature"));
}

/// `rnnp train text --save` then `rnnp write` with the same sample settings: the same
/// text as training's last sample (the model file carries the network and its vocabulary).
#[test]
fn the_command_line_trains_saves_and_writes_the_same_text_again() {
    let dir = common::scratch();
    let corpus = dir.path().join("verse.txt");
    std::fs::write(&corpus, verse()).unwrap();
    let model = dir.path().join("m.json");
    let sample = ["--seed-text", "山", "--length", "30", "--temperature", "0.9", "--sample-seed", "5"];
    let run = |args: &[&str]| {
        let out = common::rnnp(args);
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
    // `generate`, its old name, still runs it.
    let written = run(&[&["generate", "--model", model.to_str().unwrap()][..], &sample].concat());
    assert_eq!(written.trim_end().replace('\n', " / "), last);
    // A file without a vocabulary cannot write.
    let bare = dir.path().join("bare.json");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("vocabulary");
    std::fs::write(&bare, v.to_string()).unwrap();
    let out = common::rnnp(&["write", "--model", bare.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("vocabulary"));
}

/// The desk's pen, stepped one character at a time, writes what `write` writes for the
/// same seed; each step's top ten is sorted, holds the tempered distribution, and the
/// character drawn is the one appended. The model file round trip keeps every number.
#[test]
fn the_desk_steps_as_write_writes_and_shows_each_draw() {
    use rnn_playground::writing::desk::Desk;
    use rnn_playground::writing::CharModel;
    let mut s = WritingSession::new(&verse(), small()).unwrap();
    s.train(40).unwrap();
    let file = s.model_file();
    let model = CharModel::from_text(&file).unwrap();
    assert_eq!(model.model.params, s.model().params);
    let mut desk = Desk::new();
    desk.use_model(model);
    let first = desk.begin("山", 5).unwrap();
    assert!(first.picked.is_none() && first.text == "山" && first.h.len() == 32 && first.c.len() == 32 && first.gates.len() == 128);
    let mut text = String::new();
    for _ in 0..30 {
        let step = desk.step(1.0).unwrap();
        let picked = step.picked.clone().unwrap();
        text.push_str(&picked.text);
        assert!(step.top.windows(2).all(|w| w[0].p >= w[1].p), "sorted by p");
        assert!(step.top.len() == 10 && step.rank >= 1);
        // At T = 1 the drawn distribution is the network's.
        for c in &step.top {
            assert!((c.drawn - f64::from(c.p)).abs() < 1e-6);
        }
        // The sigmoid gates of the LSTM lie in (0, 1); i f o are gates 0, 1, 3.
        for k in [0usize, 1, 3] {
            assert!(step.gates[k * 32..(k + 1) * 32].iter().all(|&g| g > 0.0 && g < 1.0));
        }
    }
    assert_eq!(text, s.write("山", 30, 1.0, 5).unwrap());
    // Cooling the last distribution sharpens it; at 0.1 all of it is on the likeliest.
    let cold = desk.retemper(0.1).unwrap();
    assert_eq!(cold.top[0].drawn, 1.0);
    let warm = desk.retemper(2.0).unwrap();
    assert!(warm.top[0].drawn < f64::from(warm.top[0].p));
    // Whole poems: five, the same for the same seed, none with the line break that ends them.
    let a = desk.poems(5, "春", "\n", 0.8, 3).unwrap();
    assert_eq!(a, desk.poems(5, "春", "\n", 0.8, 3).unwrap());
    assert_ne!(a, desk.poems(5, "春", "\n", 0.8, 4).unwrap());
    assert!(a.len() == 5 && a.iter().all(|p| p.starts_with('春') && !p.contains('\n')), "{a:?}");
}

/// A diverged network (NaN weights) cannot write: the draw is refused by name, not made
/// from garbage; and weights that do not fill the network are refused, not a crash.
#[test]
fn nan_probabilities_and_short_weights_are_refused() {
    use rnn_playground::writing::desk::Desk;
    use rnn_playground::writing::CharModel;
    let s = WritingSession::new(&verse(), small()).unwrap();
    let v = s.corpus.vocabulary.clone();
    let mut params = s.model().params.clone();
    assert!(matches!(CharModel::from_parts(&small(), v.clone(), params[..10].to_vec()), Err(RnnError::Shape { .. })));
    params.iter_mut().for_each(|p| *p = f32::NAN);
    // Weights with a NaN are refused as a model file with one is.
    assert!(matches!(CharModel::from_parts(&small(), v.clone(), params.clone()), Err(RnnError::NotFinite { ref field, .. }) if field == "weights"));
    // A network that diverged all the same cannot draw.
    let mut desk = Desk::new();
    let mut model = CharModel::from_parts(&small(), v, s.model().params.clone()).unwrap();
    model.model.params = params;
    desk.use_model(model);
    desk.begin("山", 1).unwrap();
    assert!(matches!(desk.step(1.0), Err(RnnError::NotFinite { .. })));
    assert!(matches!(desk.poems(2, "山", "\n", 1.0, 1), Err(RnnError::NotFinite { .. })));
}

#[test]
fn a_model_file_that_is_not_a_character_model_is_refused_by_name() {
    use rnn_playground::writing::CharModel;
    let s = WritingSession::new(&verse(), small()).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&s.model_file()).unwrap();
    file.as_object_mut().unwrap().remove("vocabulary");
    assert!(matches!(CharModel::from_text(&file.to_string()), Err(RnnError::Missing { ref field }) if field == "vocabulary"));
    file["vocabulary"] = serde_json::json!(["a", "b"]);
    assert!(matches!(CharModel::from_text(&file.to_string()), Err(RnnError::Shape { ref field, .. }) if field == "input_size"));
}

#[test]
fn verse_form_counts_lines_of_five_or_seven() {
    let f = VerseForm::of("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n春眠不觉晓，处处闻啼鸟，夜来风雨声，花落知多少。");
    assert_eq!((f.lines, f.five_or_seven), (8, 8));
    let g = VerseForm::of("一二三，四五六七八九十一二。");
    assert_eq!((g.lines, g.five_or_seven), (2, 0));
    // Shuffled, the punctuation falls anywhere: few lines keep the form.
    let text: String = verse();
    assert!(VerseForm::shuffled(&text, 1).share() < 0.5 * VerseForm::of(&text).share());
}

/// `rnnp train text` checks every argument before its first update: a start text the
/// corpus lacks, an empty one or a `--save` path that cannot be written fails at once,
/// with nothing trained; with no start text given, the corpus's own first character is used.
#[test]
fn the_command_line_refuses_a_bad_start_or_save_path_before_it_trains() {
    let dir = common::scratch();
    let corpus = dir.path().join("sonnet.txt");
    std::fs::write(&corpus, "From fairest creatures we desire increase -\nThat thereby beauty's rose might never die,\n".repeat(20)).unwrap();
    let run = |extra: &[&str]| {
        let args =
            [&["train", "text", "--corpus", corpus.to_str().unwrap(), "--units", "8", "--seq-len", "8", "--updates", "2", "--every", "1"][..], extra].concat();
        let out = common::rnnp(&args);
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let missing = dir.path().join("no-such-folder").join("m.json");
    for (extra, says) in [
        (vec!["--seed-text", "春"], "seed text"),
        (vec!["--seed-text", ""], "seed text"),
        (vec!["--save", missing.to_str().unwrap()], "folder does not exist"),
        (vec!["--save", dir.path().to_str().unwrap()], "it is a folder"),
        (vec!["--length", "0"], "length"),
        (vec!["--sample-seed", "4294967296"], "sample-seed"),
    ] {
        let (ok, stdout, stderr) = run(&extra);
        assert!(!ok, "{extra:?} was accepted");
        assert!(stderr.contains(says), "{extra:?}: {stderr}");
        assert!(!stdout.contains("update "), "{extra:?} trained before it failed: {stdout}");
    }
    // No start text: the corpus's first character ("F"), and the model is saved.
    let saved = dir.path().join("m.json");
    let (ok, stdout, stderr) = run(&["--save", saved.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Saved the model") && saved.exists(), "{stdout}");
    // A start text beginning with a hyphen is a value, in either spelling.
    for spelling in [vec!["--seed-text", "-F"], vec!["--seed-text=-F"]] {
        let args = [&["write", "--model", saved.to_str().unwrap(), "--length", "5"][..], &spelling].concat();
        let out = common::rnnp(&args);
        assert!(out.status.success(), "{spelling:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// How much of a text has the form of the Tang verses: its lines (split at the line
/// breaks and the punctuation that ends a line, ，。？！；) and how many of them have
/// exactly 5 or 7 characters.
#[derive(Debug, Clone, Copy, PartialEq)]
struct VerseForm {
    lines: usize,
    five_or_seven: usize,
}

impl VerseForm {
    fn of(text: &str) -> VerseForm {
        let mut form = VerseForm { lines: 0, five_or_seven: 0 };
        for line in text.split(|c: char| "，。？！；\n".contains(c)) {
            let n = rnn_playground::writing::characters::characters(line).count();
            if n == 0 {
                continue;
            }
            form.lines += 1;
            if n == 5 || n == 7 {
                form.five_or_seven += 1;
            }
        }
        form
    }

    /// The same text with its characters in a random order (what chance gives).
    fn shuffled(text: &str, seed: u64) -> VerseForm {
        let mut chars: Vec<&str> = rnn_playground::writing::characters::characters(text).collect();
        rnn_playground::rng::Rng::new(seed).shuffle(&mut chars);
        VerseForm::of(&chars.concat())
    }

    /// The share of lines of 5 or 7 characters (0 without lines).
    fn share(&self) -> f64 {
        if self.lines == 0 {
            0.0
        } else {
            self.five_or_seven as f64 / self.lines as f64
        }
    }
}
