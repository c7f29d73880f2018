//! `rnnp train text` and `rnnp write`: a character model of a corpus, trained on windows
//! of the text, and the text it writes. The same seed writes the same text here, after
//! training, and from the saved model file.

use std::path::{Path, PathBuf};

use clap::Args;
use rnn_playground::settings::{limits, CellName};
use rnn_playground::writing::characters::start_of_text;
use rnn_playground::writing::{self, CharModel, TextConfig, Writer, WritingSession};

use super::out::Out;
use super::{read, CliError, CliResult};

/// `rnnp train text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// The text to learn (UTF-8, at most 1,000,000 characters), e.g. assets/corpora/tang-poems.txt.
    #[arg(long, value_name = "FILE")]
    corpus: PathBuf,
    /// The recurrent cell
    #[arg(long, value_enum)]
    cell: Option<CellName>,
    /// Hidden units
    #[arg(long)]
    units: Option<u64>,
    /// Characters per training window (the truncation of BPTT)
    #[arg(long)]
    seq_len: Option<u64>,
    /// Windows per update
    #[arg(long)]
    batch_size: Option<u64>,
    /// Adam's learning rate
    #[arg(long)]
    lr: Option<f64>,
    /// Updates to train.
    #[arg(long, default_value_t = 300)]
    updates: u64,
    /// Print the losses and a sample every this many updates.
    #[arg(long, default_value_t = 100)]
    every: u64,
    /// The seed of the first weights and of the order of the windows
    #[arg(long)]
    seed: Option<u64>,
    /// The samples: how they begin, how long they are, their temperature and seed.
    #[command(flatten)]
    sample: SampleArgs,
    /// Save the trained model (with its vocabulary) to this file, for `rnnp write`.
    #[arg(long, value_name = "MODEL.json")]
    save: Option<PathBuf>,
}

/// How a sample is written.
#[derive(Debug, Args)]
pub struct SampleArgs {
    /// The text the network reads before it writes. Without it: the corpus's first character
    /// that is not white space; with --model, the model's most frequent one.
    #[arg(long, allow_hyphen_values = true)]
    seed_text: Option<String>,
    /// Characters to write.
    #[arg(long, default_value_t = 64)]
    length: u64,
    /// Low is safe and repetitive (0.1 and below: always the most likely character), high
    /// is adventurous.
    #[arg(long, default_value_t = writing::TEMPERATURE_DEFAULT)]
    temperature: f64,
    /// The seed of the draws (the same seed writes the same text).
    #[arg(long, default_value_t = writing::SAMPLE_SEED_DEFAULT)]
    sample_seed: u64,
}

/// `rnnp write`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// A model file saved by `rnnp train text --save`.
    #[arg(long, value_name = "MODEL.json")]
    model: PathBuf,
    #[command(flatten)]
    sample: SampleArgs,
}

/// A sample's settings, checked against `writer`'s vocabulary before anything is trained:
/// the start text (or `usual`), its length, temperature and seed.
struct Sample {
    seed_text: String,
    length: usize,
    temperature: f64,
    seed: u64,
}

impl Sample {
    fn new(writer: &Writer, s: &SampleArgs, usual: Option<&str>) -> CliResult<Sample> {
        let seed_text = s.seed_text.clone().or(usual.map(str::to_string)).unwrap_or_else(|| "\n".into());
        writer.seed_ids(&seed_text)?;
        limits::TEMPERATURE.check("temperature", s.temperature)?;
        let seed = limits::SEED.check("sample-seed", s.sample_seed)? as u64;
        Ok(Sample { length: limits::SAMPLE_CHARS.check("length", s.length)?, seed_text, temperature: s.temperature, seed })
    }

    fn write(&self, writer: &Writer) -> CliResult<String> {
        Ok(writer.write(&self.seed_text, self.length, self.temperature, self.seed)?)
    }
}

/// Refuses a `--save` path that cannot be written (no such folder, a folder itself) before
/// training, so that an hour of training is not lost at the end.
fn check_save_path(path: &Path) -> CliResult<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let problem = if path.is_dir() {
        Some("it is a folder")
    } else if !folder.is_dir() {
        Some("its folder does not exist")
    } else if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        Some("the file is read-only")
    } else {
        None
    };
    match problem {
        Some(why) => Err(CliError::Write { path: path.to_path_buf(), source: std::io::Error::new(std::io::ErrorKind::InvalidInput, why) }),
        None => Ok(()),
    }
}

pub fn train_text(args: &TextArgs, out: &mut Out) -> CliResult<()> {
    let text = read(&args.corpus, "corpus")?;
    let d = TextConfig::default();
    let config = TextConfig {
        cell: args.cell.unwrap_or(d.cell),
        units: args.units.unwrap_or(d.units),
        seq_len: args.seq_len.unwrap_or(d.seq_len),
        batch_size: args.batch_size.unwrap_or(d.batch_size),
        learning_rate: args.lr.unwrap_or(d.learning_rate),
        seed: args.seed.unwrap_or(d.seed),
        ..d
    };
    let mut session = WritingSession::new(&text, config).map_err(|source| CliError::In { place: args.corpus.display().to_string(), source })?;
    // Every argument is checked before the first update.
    let sample = Sample::new(&session.writer(), &args.sample, start_of_text(&text))?;
    if let Some(path) = &args.save {
        check_save_path(path)?;
    }
    let ln2 = std::f32::consts::LN_2;
    let unigram = session.unigram_loss();
    out.line(format!(
        "Corpus: {} characters, V = {}; the last tenth held out. Unigram baseline {unigram:.3} nats/char ({:.3} bits)",
        session.corpus.ids.len(),
        session.corpus.vocabulary.len(),
        unigram / ln2
    ))?;
    let every = args.every.max(1);
    let mut done = 0;
    while done < args.updates {
        let n = every.min(args.updates - done);
        let p = session.train(n as usize)?;
        done += n;
        let held = session.held_out_loss();
        out.line(format!("update {:>6}  train {:.3}  held-out {held:.3} nats/char ({:.3} bits)  epoch {}", p.updates, p.loss, held / ln2, p.epoch))?;
        out.line(format!("  {}", sample.write(&session.writer())?.replace('\n', " / ")))?;
    }
    if let Some(path) = &args.save {
        let text = session.model_file() + "\n";
        std::fs::write(path, text).map_err(|source| CliError::Write { path: path.clone(), source })?;
        out.line(format!("Saved the model to {}", path.display()))?;
    }
    Ok(())
}

pub fn write(args: &WriteArgs, out: &mut Out) -> CliResult<()> {
    let text = read(&args.model, "model")?;
    let model = CharModel::from_text(&text).map_err(|source| CliError::In { place: args.model.display().to_string(), source })?;
    let writer = model.writer();
    let usual = writer.usual_start();
    out.line(Sample::new(&writer, &args.sample, usual.as_deref())?.write(&writer)?)
}
