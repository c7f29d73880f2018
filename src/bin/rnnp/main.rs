//! `rnnp`: the RNN playground on the command line.
//!
//! ```text
//! rnnp trace --model MODEL.json --input INPUT.json     one forward and backward pass, as JSON
//! rnnp train sentence [options]                        next-token prediction on a sentence
//! rnnp train series [options]                          the seed's Keras program on a sine wave
//! ```
//!
//! Each subcommand is one variant of [`Command`] and one function below; results go to
//! stdout, progress bars and errors to stderr, and any error exits with status 1.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

mod bench;
mod plot;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rnn_playground::activation::Activation;
use rnn_playground::data::sine::{generate, SineConfig};
use rnn_playground::data::text::{Sentence, Tokenize, SEED_SENTENCE};
use rnn_playground::format::model_file::{model_from_json, model_to_json};
use rnn_playground::format::trace::trace_from_json;
use rnn_playground::init::{init_model, InitConfig};
use rnn_playground::keras::{Layer, Loss, Sequences, Sequential};
use rnn_playground::model::{CellKind, Model, OutputKind, Spec};
use rnn_playground::network::{forward, Initial, Inputs, Workspace};
use rnn_playground::train::{Clip, Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};
use rnn_playground::RnnError;

const ABOUT: &str = "A recurrent neural network you can look inside: simple RNN, LSTM and GRU \
with the same numbers as Keras, and backpropagation through time written out by hand.";

const LONG_ABOUT: &str = "A recurrent neural network you can look inside.

A recurrent network reads a sequence one step at a time and carries a hidden state h_t \
from step to step:

    h_t = f(W_hh h_(t-1) + W_xh x_t + b_h)      (the hidden state)
    y_t = W_hy h_t + b_y                        (the output at step t)

`rnnp` trains such networks (the simple RNN of that formula, the LSTM and the GRU, with \
Keras's weight layout and numbers) and shows what happens inside them: the hidden states, \
the outputs, the loss, and every gradient that backpropagation through time computes.";

const EXAMPLES: &str = "Examples:
  rnnp train sentence                            learn \"我 爱 北京 天安门\" with a simple RNN
  rnnp train sentence --cell lstm --save m.json  the same with an LSTM, saving the model
  rnnp train series                              the Keras SimpleRNN example on a sine wave
  rnnp trace --model m.json --input in.json      one forward and backward pass, as JSON

Run `rnnp help <command>` for the options of a command.";

const TRACE_HELP: &str = "Run one forward and one backward pass of a saved model on one sequence, \
starting from h_0 = 0, and print everything it computed as one line of JSON on stdout:

  hidden    the hidden states h_1..h_T                     [T][U]
  cell      the LSTM cell states c_1..c_T (LSTM only)      [T][U]
  outputs   the outputs after softmax (or as they are)     [T][O]
  loss      the loss of the sequence
  grads     dLoss/dweight for every weight, with the same keys and shapes as the model file
  dh_norms  ||dLoss/dh_t|| for every step: how much each hidden state matters to the loss

The model file is what `rnnp train ... --save` writes (format rnn-playground/model@1). The \
input file is {\"x\": [T][I], \"y\": [T][O] numbers or [T] class ids, \"loss\": \"mse\" or \
\"cross_entropy\", \"loss_at\": \"every_step\" or \"last_step\"}.";

const SENTENCE_HELP: &str = "Learn to predict the next word of a sentence.

The sentence is cut into tokens (words or characters); each token is a one-hot vector of \
length V (the number of different tokens, plus an end token). At every step the network \
reads one token and outputs a probability for every token of being the next one; the loss \
is the cross-entropy -ln p(next token), averaged over the steps. One epoch is one update \
on the whole sentence.

The loss is printed as training goes (ln V is what guessing uniformly scores), then a table \
of what the trained network predicts after each token, and the sentence it writes by \
itself from the first token.";

const SERIES_HELP: &str = "Learn to predict the next value of a sine wave: the seed's Keras program

    model = Sequential([SimpleRNN(50, return_sequences=True, input_shape=(None, 1)), Dense(1)])
    model.compile(loss='mean_squared_error', optimizer='adam')
    model.fit(x_train, y_train, epochs=20, batch_size=32)

Each training sequence is sin(φ + 0.2 t) for t = 0..length-1 with a random phase φ, and the \
target at every step is the next value. The loss is the mean squared error. Always \
predicting the mean value scores Var(sin) = 0.5 (the baseline, printed for comparison); a \
network that has learnt the wave scores far less. After training, the network is tested \
on sequences it never saw.";

#[derive(Debug, Parser)]
#[command(name = "rnnp", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run one forward and one backward pass of a saved model on one sequence and print
    /// everything it computed as JSON.
    #[command(long_about = TRACE_HELP)]
    Trace(TraceArgs),
    /// Train a network on one of the built-in tasks and show what it learnt.
    #[command(subcommand)]
    Train(TrainTask),
    /// Draw a chart of the gradient lab into a PNG or SVG file.
    Plot(plot::PlotArgs),
    /// Time training on the benchmark workloads (the seed example, a character model).
    Bench(bench::BenchArgs),
}

#[derive(Debug, Subcommand)]
enum TrainTask {
    /// Learn to predict the next word (or character) of a sentence.
    #[command(long_about = SENTENCE_HELP)]
    Sentence(SentenceArgs),
    /// Learn to predict the next value of a sine wave (the seed's Keras program).
    #[command(long_about = SERIES_HELP)]
    Series(SeriesArgs),
}

/// `rnnp trace`.
#[derive(Debug, Args)]
struct TraceArgs {
    /// The model file (JSON, format rnn-playground/model@1).
    #[arg(long, value_name = "MODEL.json")]
    model: PathBuf,
    /// The sequence and its targets (JSON: x, y, loss, loss_at).
    #[arg(long, value_name = "INPUT.json")]
    input: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CellName {
    /// The simple (Elman) RNN of the formula h_t = f(W_hh h_(t-1) + W_xh x_t + b_h).
    #[value(name = "simple_rnn")]
    SimpleRnn,
    /// Long short-term memory: gates decide what to write, keep and show.
    Lstm,
    /// Gated recurrent unit: an update gate and a reset gate.
    Gru,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ActivationName {
    Tanh,
    Relu,
    Sigmoid,
    Linear,
}

impl CellName {
    /// The name in model files.
    fn name(self) -> &'static str {
        match self {
            CellName::SimpleRnn => "simple_rnn",
            CellName::Lstm => "lstm",
            CellName::Gru => "gru",
        }
    }
}

impl ActivationName {
    /// The name in model files.
    fn name(self) -> &'static str {
        Activation::from(self).name()
    }
}

impl From<ActivationName> for Activation {
    fn from(a: ActivationName) -> Self {
        match a {
            ActivationName::Tanh => Activation::Tanh,
            ActivationName::Relu => Activation::Relu,
            ActivationName::Sigmoid => Activation::Sigmoid,
            ActivationName::Linear => Activation::Linear,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TokenizeName {
    /// Words separated by spaces, as in "我 爱 北京 天安门".
    Words,
    /// Single characters (spaces are dropped).
    Chars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OptimizerName {
    /// Adam (Kingma and Ba), Keras's settings: beta1 0.9, beta2 0.999, epsilon 1e-7.
    Adam,
    /// Plain stochastic gradient descent (with --momentum if given).
    Sgd,
}

/// `rnnp train sentence`.
#[derive(Debug, Args)]
struct SentenceArgs {
    /// The sentence to learn.
    #[arg(long, default_value = SEED_SENTENCE)]
    text: String,
    /// How to cut the text into tokens.
    #[arg(long, value_enum, default_value_t = TokenizeName::Words)]
    tokenize: TokenizeName,
    /// The recurrent cell.
    #[arg(long, value_enum, default_value_t = CellName::SimpleRnn)]
    cell: CellName,
    /// The activation f of the simple RNN (LSTM and GRU always use tanh and sigmoid gates).
    #[arg(long, value_enum, default_value_t = ActivationName::Tanh)]
    activation: ActivationName,
    /// GRU only: apply the reset gate after the recurrent product (TF2 Keras's default) or
    /// before it (the original GRU of Cho et al., and TensorFlow.js).
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "true|false")]
    reset_after: bool,
    /// U, the number of hidden units (the length of h_t).
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=4096))]
    units: u32,
    /// How many times to go over the sentence (one update each).
    #[arg(long, default_value_t = 300)]
    epochs: usize,
    /// The learning rate η: how big a step each update takes.
    #[arg(long, default_value_t = 0.02)]
    lr: f32,
    /// The optimiser.
    #[arg(long, value_enum, default_value_t = OptimizerName::Adam)]
    optimizer: OptimizerName,
    /// SGD only: the momentum μ (0 = none), as in v ← μ v - η g, w ← w + v.
    #[arg(long, default_value_t = 0.0)]
    momentum: f32,
    #[command(flatten)]
    common: CommonTrainArgs,
}

/// Options every training task shares.
#[derive(Debug, Args)]
struct CommonTrainArgs {
    /// Gradient clipping before each update: `none`; `value:C` clamps every gradient entry to
    /// [-C, C]; `norm:C` rescales the whole gradient to length C when it is longer (this keeps
    /// its direction).
    #[arg(long, default_value = "none", value_parser = parse_clip, value_name = "none|value:C|norm:C")]
    clip: Clip,
    /// The seed of the initial weights and of the shuffling: the same seed gives the same
    /// run, bit for bit.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Save the trained model to this file (JSON), for `rnnp trace` or the web page.
    #[arg(long, value_name = "MODEL.json")]
    save: Option<PathBuf>,
}

/// `rnnp train series`.
#[derive(Debug, Args)]
struct SeriesArgs {
    /// How many times to go over all the sequences.
    #[arg(long, default_value_t = 20)]
    epochs: usize,
    /// Sequences per update (the last batch of an epoch may be smaller).
    #[arg(long, default_value_t = 32)]
    batch_size: usize,
    /// U, the number of hidden units.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=4096))]
    units: u32,
    /// Number of training sequences.
    #[arg(long, default_value_t = 1024)]
    sequences: usize,
    /// Steps per sequence.
    #[arg(long, default_value_t = 50)]
    length: usize,
    /// Standard deviation of Gaussian noise added to the inputs (the targets stay clean).
    #[arg(long, default_value_t = 0.0)]
    noise: f32,
    /// The learning rate η of Adam (Keras's default is 0.001).
    #[arg(long, default_value_t = 0.001)]
    lr: f32,
    /// The seed of the generated sine data (the test data uses seed + 1).
    #[arg(long, default_value_t = 7)]
    data_seed: u64,
    #[command(flatten)]
    common: CommonTrainArgs,
}

/// What can go wrong, with a message that says where.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("could not read {what} {path}: {source}")]
    Read { what: &'static str, path: PathBuf, source: std::io::Error },
    #[error("could not write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{place}: {source}")]
    In { place: String, source: RnnError },
    #[error("{0}")]
    Engine(#[from] RnnError),
    #[error("{0}")]
    Chart(String),
}

type CliResult<T> = std::result::Result<T, CliError>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Trace(args) => trace(&args),
        Command::Train(TrainTask::Sentence(args)) => train_sentence(&args),
        Command::Train(TrainTask::Series(args)) => train_series(&args),
        Command::Plot(args) => plot::plot(&args),
        Command::Bench(args) => bench::bench(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path, what: &'static str) -> CliResult<String> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read { what, path: path.to_path_buf(), source })
}

/// `rnnp trace`: the trace JSON on stdout and nothing else.
fn trace(args: &TraceArgs) -> CliResult<()> {
    let model_text = read(&args.model, "the model file")?;
    let input_text = read(&args.input, "the input file")?;
    // Read the model alone first, so an error says which file it is in.
    model_from_json(&model_text).map_err(|source| CliError::In { place: format!("in the model file {}", args.model.display()), source })?;
    let json =
        trace_from_json(&model_text, &input_text).map_err(|source| CliError::In { place: format!("in the input file {}", args.input.display()), source })?;
    println!("{json}");
    Ok(())
}

/// `value:5`, `norm:1` or `none`.
fn parse_clip(text: &str) -> std::result::Result<Clip, String> {
    let usage = "expected none, value:C or norm:C with C a positive number, e.g. norm:1";
    if text == "none" {
        return Ok(Clip::None);
    }
    let (mode, threshold) = text.split_once(':').ok_or_else(|| usage.to_string())?;
    let c: f32 = threshold.parse().map_err(|_| format!("{threshold:?} is not a number; {usage}"))?;
    let clip = match mode {
        "value" => Clip::Value(c),
        "norm" => Clip::GlobalNorm(c),
        _ => return Err(format!("unknown clipping {mode:?}; {usage}")),
    };
    clip.validate().map_err(|e| e.to_string())?;
    Ok(clip)
}

/// A progress bar on stderr (hidden when stderr is not a terminal).
fn progress_bar(len: u64) -> ProgressBar {
    let bar = ProgressBar::new(len);
    bar.set_style(ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {msg}").expect("a valid template").progress_chars("=> "));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Which epochs get a loss line: about twenty, evenly spaced, and always the first and last.
fn report_every(epochs: usize) -> usize {
    epochs.div_ceil(20).max(1)
}

fn save_model(model: &Model, path: &Path) -> CliResult<()> {
    std::fs::write(path, model_to_json(model) + "\n").map_err(|source| CliError::Write { path: path.to_path_buf(), source })
}

/// `rnnp train sentence`.
fn train_sentence(args: &SentenceArgs) -> CliResult<()> {
    let tokenize = match args.tokenize {
        TokenizeName::Words => Tokenize::Words,
        TokenizeName::Chars => Tokenize::Chars,
    };
    let sentence = Sentence::new(&args.text, tokenize)?;
    let v = sentence.vocabulary.len();
    let cell = match args.cell {
        CellName::SimpleRnn => CellKind::SimpleRnn { activation: args.activation.into() },
        CellName::Lstm => CellKind::Lstm,
        CellName::Gru => CellKind::Gru { reset_after: args.reset_after },
    };
    let spec = Spec { cell, input_size: v, units: args.units as usize, output_size: v, output: OutputKind::Softmax };
    let model = init_model(spec, &InitConfig { seed: args.common.seed, ..Default::default() })?;
    let optimizer = match args.optimizer {
        OptimizerName::Adam => OptimizerConfig::adam(args.lr),
        OptimizerName::Sgd => OptimizerConfig::sgd(args.lr, args.momentum),
    };
    let config = TrainConfig { optimizer, clip: args.common.clip, batch_size: 1, seed: args.common.seed, ..Default::default() };
    let mut trainer = Trainer::new(model, config)?;
    let t = sentence.len();
    let data = Dataset::new(1, t, SeqInputs::Tokens(sentence.inputs.clone()), SeqTargets::Classes(sentence.targets.clone()))?;

    println!("Sentence: {} ({t} tokens, V = {v} with the end token)", sentence.tokens.join(" "));
    println!("Network: {} with {} units, softmax over {v} tokens, {} weights", describe_cell(cell), args.units, trainer.model.params.len());
    println!("Guessing uniformly scores ln V = {:.4}", (v as f64).ln());
    println!();
    println!("{:>7}  {:>10}  {:>10}", "epoch", "loss", "‖∇W‖");
    let every = report_every(args.epochs);
    let bar = progress_bar(args.epochs as u64);
    bar.set_prefix("training");
    for epoch in 1..=args.epochs {
        let (report, mean) = trainer.train_batch(&data).inspect_err(|_| bar.abandon())?;
        let loss = mean.unwrap_or(report.loss);
        bar.set_message(format!("loss {loss:.5}"));
        bar.inc(1);
        if epoch == 1 || epoch % every == 0 || epoch == args.epochs {
            let line = format!("{epoch:>7}  {loss:>10.5}  {:>10.2e}", report.clip.norm_before);
            bar.suspend(|| println!("{line}"));
        }
    }
    bar.finish_and_clear();

    println!();
    print!("{}", prediction_table(&trainer.model, &sentence));
    println!();
    println!("Written from \"{}\": {}", sentence.tokens[0], generate_text(&trainer.model, &sentence));
    if let Some(path) = &args.common.save {
        save_model(&trainer.model, path)?;
        println!("Saved the model to {}", path.display());
    }
    Ok(())
}

fn describe_cell(cell: CellKind) -> String {
    match cell {
        CellKind::SimpleRnn { activation } => format!("simple RNN ({})", activation.name()),
        CellKind::Lstm => "LSTM".into(),
        CellKind::Gru { reset_after } => format!("GRU (reset_after = {reset_after})"),
    }
}

/// The width a terminal gives `s`: two columns for East Asian wide characters (Chinese,
/// Japanese, Korean, full-width forms, most emoji), one for the rest.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            // Combining marks, the zero-width joiner, variation selectors and skin-tone
            // modifiers join the character before them.
            if matches!(c as u32, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF) {
                return 0;
            }
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF |
                0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 |
                0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// `s` padded with spaces to `width` terminal columns.
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(display_width(s))))
}

/// For every step: the token read, the token the network finds most likely next, its
/// probability, and the true next token with its probability.
fn prediction_table(model: &Model, sentence: &Sentence) -> String {
    let (t, v) = (sentence.len(), sentence.vocabulary.len());
    let mut ws = Workspace::new();
    forward(model, Inputs::OneHot(&sentence.inputs), t, 1, Initial::Zero, &mut ws);
    let tokens = &sentence.vocabulary;
    let width = tokens.tokens.iter().map(|s| display_width(s)).max().unwrap_or(1).max(6);
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}  {:>6}    should be", pad("after", width), pad("comes", width), "p");
    for step in 0..t {
        let p = &ws.outputs[step * v..(step + 1) * v];
        let best = argmax(p);
        let want = sentence.targets[step] as usize;
        let verdict = if best == want { "✓".to_string() } else { format!("✗ {} (p = {:.4})", tokens.token(want as u32), p[want]) };
        let _ = writeln!(out, "{}  {}  {:>6.4}    {}", pad(&sentence.tokens[step], width), pad(tokens.token(best as u32), width), p[best], verdict);
    }
    out
}

fn argmax(p: &[f32]) -> usize {
    (0..p.len()).fold(0, |best, i| if p[i] > p[best] { i } else { best })
}

/// Greedy generation from the first token: feed back the most likely next token, one step
/// at a time, until the end token (or twice the sentence's length).
fn generate_text(model: &Model, sentence: &Sentence) -> String {
    let vocabulary = &sentence.vocabulary;
    let mut ws = Workspace::new();
    let mut words = vec![sentence.tokens[0].clone()];
    let mut token = sentence.inputs[0];
    let (mut h, mut c) = (vec![], vec![]);
    for step in 0..2 * sentence.len() {
        let initial = if step == 0 { Initial::Zero } else { Initial::State(&h, &c) };
        forward(model, Inputs::OneHot(&[token]), 1, 1, initial, &mut ws);
        let (h_t, c_t) = ws.final_state();
        (h, c) = (h_t.to_vec(), c_t.to_vec());
        token = argmax(&ws.outputs) as u32;
        words.push(vocabulary.token(token).to_string());
        if token == vocabulary.end_id() {
            break;
        }
    }
    words.join(" ")
}

/// `rnnp train series`.
fn train_series(args: &SeriesArgs) -> CliResult<()> {
    let data_config = SineConfig { sequences: args.sequences, length: args.length, noise: args.noise, seed: args.data_seed, ..Default::default() };
    let train = generate(&data_config)?;
    let test = generate(&SineConfig { sequences: 128, seed: args.data_seed.wrapping_add(1), ..data_config })?;
    let x = Sequences::new(train.sequences, train.length, 1, train.x.clone())?;
    let y = Sequences::new(train.sequences, train.length, 1, train.y.clone())?;

    let layers = vec![Layer::simple_rnn(args.units as usize).return_sequences(true).input_shape(None, 1), Layer::dense(1)];
    let mut model = Sequential::with_seed(layers, args.common.seed)?;
    model.compile(Loss::MeanSquaredError, OptimizerConfig::adam(args.lr))?;
    let mut trainer = model.trainer(&x, &y, args.batch_size)?;
    trainer.config.clip = args.common.clip;
    let data = model.dataset(&x, &y)?;
    let baseline = train.baseline_mse();

    println!("Data: {} sine sequences of {} steps (noise {}), predict the next value", train.sequences, train.length, args.noise);
    println!("Network: SimpleRNN({}) + Dense(1), mean squared error, Adam(lr = {}), batches of {}", args.units, args.lr, args.batch_size);
    println!("Baseline (always predict the mean): MSE = {baseline:.5}");
    println!();
    println!("{:>7}  {:>10}  {:>12}", "epoch", "loss", "vs baseline");
    let batches = trainer.batches_per_epoch(&data);
    let bar = progress_bar(batches as u64);
    for epoch in 1..=args.epochs {
        bar.reset();
        bar.set_prefix(format!("epoch {epoch}/{}", args.epochs));
        let mean = loop {
            let (report, end) = trainer.train_batch(&data).inspect_err(|_| bar.abandon())?;
            bar.set_message(format!("loss {:.5}", report.loss));
            bar.inc(1);
            if let Some(mean) = end {
                break mean;
            }
        };
        let line = format!("{epoch:>7}  {mean:>10.5}  {:>11.2}%", 100.0 * mean / baseline);
        bar.suspend(|| println!("{line}"));
    }
    bar.finish_and_clear();

    model.model.params.copy_from_slice(&trainer.model.params);
    let predicted = model.predict(&Sequences::new(test.sequences, test.length, 1, test.x.clone())?)?;
    let test_mse = predicted.data.iter().zip(&test.y).map(|(p, y)| ((p - y) as f64).powi(2)).sum::<f64>() / test.y.len() as f64;
    println!();
    println!("Test: {} new sequences, MSE = {test_mse:.5} (baseline {:.5})", test.sequences, test.baseline_mse());
    if let Some(path) = &args.common.save {
        save_model(&model.model, path)?;
        println!("Saved the model to {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_flags_parse() {
        assert_eq!(parse_clip("none"), Ok(Clip::None));
        assert_eq!(parse_clip("value:5"), Ok(Clip::Value(5.0)));
        assert_eq!(parse_clip("norm:1"), Ok(Clip::GlobalNorm(1.0)));
        assert!(parse_clip("norm:-1").unwrap_err().contains("clip threshold"));
        assert!(parse_clip("norm").unwrap_err().contains("norm:C"));
        assert!(parse_clip("scale:2").unwrap_err().contains("unknown clipping \"scale\""));
        assert!(parse_clip("value:x").unwrap_err().contains("\"x\" is not a number"));
    }

    /// 我 and 天安门 are 2 columns per character; <end> is 5 columns; 👍🏽 (a thumb and a
    /// skin-tone modifier) and é (e and a combining accent) are one character each.
    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width("我"), 2);
        assert_eq!(display_width("天安门"), 6);
        assert_eq!(display_width("<end>"), 5);
        assert_eq!(pad("北京", 6), "北京  ");
        assert_eq!(display_width("👍🏽"), 2);
        assert_eq!(display_width("é"), 1);
    }

    #[test]
    fn about_twenty_loss_lines() {
        assert_eq!(report_every(20), 1);
        assert_eq!(report_every(300), 15);
        assert_eq!(report_every(1), 1);
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
