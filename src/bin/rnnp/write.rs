//! `rnnp train text` and `rnnp generate`: a character model of a corpus, trained on windows
//! of the text, and the text it writes. The same seed writes the same text here, after
//! training, and from the saved model file.

use std::path::PathBuf;

use clap::Args;
use rnn_playground::settings::CellName;
use rnn_playground::writing::{CharModel, TextConfig, Writer, WritingSession};

use super::out::Out;
use super::{read, CliError, CliResult};

/// `rnnp train text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// The text to learn (UTF-8, at most 1,000,000 characters), e.g. assets/corpora/tang-poems.txt.
    #[arg(long, value_name = "FILE")]
    corpus: PathBuf,
    /// The recurrent cell [default: lstm].
    #[arg(long, value_enum)]
    cell: Option<CellName>,
    /// Hidden units, 8 to 256 [default: 128].
    #[arg(long)]
    units: Option<u64>,
    /// Characters per training window (the truncation of BPTT), 8 to 100 [default: 48].
    #[arg(long)]
    seq_len: Option<u64>,
    /// Windows per update, 1 to 128 [default: 16].
    #[arg(long)]
    batch_size: Option<u64>,
    /// Adam's learning rate [default: 0.005].
    #[arg(long)]
    lr: Option<f64>,
    /// Updates to train.
    #[arg(long, default_value_t = 300)]
    updates: u64,
    /// Print the losses and a sample every this many updates.
    #[arg(long, default_value_t = 100)]
    every: u64,
    /// The seed of the first weights and of the order of the windows [default: 1].
    #[arg(long)]
    seed: Option<u64>,
    /// The samples: how they begin, how long they are, their temperature and seed.
    #[command(flatten)]
    sample: SampleArgs,
    /// Save the trained model (with its vocabulary) to this file, for `rnnp generate`.
    #[arg(long, value_name = "MODEL.json")]
    save: Option<PathBuf>,
}

/// How a sample is written.
#[derive(Debug, Args)]
pub struct SampleArgs {
    /// The text the network reads before it writes.
    #[arg(long, default_value = "春")]
    seed_text: String,
    /// Characters to write.
    #[arg(long, default_value_t = 64)]
    length: u64,
    /// 0.05 to 2: low is safe and repetitive (0.1 and below: always the most likely
    /// character), high is adventurous.
    #[arg(long, default_value_t = 0.8)]
    temperature: f64,
    /// The seed of the draws (the same seed writes the same text).
    #[arg(long, default_value_t = 1)]
    sample_seed: u64,
}

/// `rnnp generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// A model file saved by `rnnp train text --save`.
    #[arg(long, value_name = "MODEL.json")]
    model: PathBuf,
    #[command(flatten)]
    sample: SampleArgs,
}

fn write_sample(writer: &Writer, s: &SampleArgs) -> CliResult<String> {
    let length = rnn_playground::settings::limits::Int::new(1, 10_000).check("length", s.length)?;
    Ok(writer.write(&s.seed_text, length, s.temperature, s.sample_seed)?)
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
        out.line(format!("  {}", write_sample(&session.writer(), &args.sample)?.replace('\n', " / ")))?;
    }
    if let Some(path) = &args.save {
        let text = serde_json::to_string(&session.model_file()).expect("a JSON value prints") + "\n";
        std::fs::write(path, text).map_err(|source| CliError::Write { path: path.clone(), source })?;
        out.line(format!("Saved the model to {}", path.display()))?;
    }
    Ok(())
}

pub fn generate(args: &GenerateArgs, out: &mut Out) -> CliResult<()> {
    let text = read(&args.model, "model")?;
    let model = CharModel::from_text(&text).map_err(|source| CliError::In { place: args.model.display().to_string(), source })?;
    out.line(write_sample(&model.writer(), &args.sample)?)
}
