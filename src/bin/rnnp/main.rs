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

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

mod bench;
mod plot;
mod train;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rnn_playground::activation::Activation;
use rnn_playground::format::model_file::model_from_json;
use rnn_playground::format::trace::trace_from_json;
use rnn_playground::train::Clip;
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
    Sentence(train::SentenceArgs),
    /// Learn to predict the next value of a sine wave (the seed's Keras program).
    #[command(long_about = SERIES_HELP)]
    Series(train::SeriesArgs),
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
        Command::Train(TrainTask::Sentence(args)) => train::train_sentence(&args),
        Command::Train(TrainTask::Series(args)) => train::train_series(&args),
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

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
