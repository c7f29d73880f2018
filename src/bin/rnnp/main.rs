//! `rnnp`: the RNN playground on the command line.
//!
//! ```text
//! rnnp trace --model MODEL.json --input INPUT.json     one forward and backward pass, as JSON
//! rnnp train sentence [options]                        next-token prediction on a sentence
//! rnnp train series [options]                          the seed's Keras program on a sine wave
//! rnnp plot CHART -o FILE.svg|FILE.png [options]       a chart of the gradient lab
//! rnnp export --from-url URL -o MODEL.json             the sentence network of a page link
//! rnnp train text --corpus FILE [--save MODEL.json]    a character model of a text
//! rnnp write --model MODEL.json [--temperature T]      text written by a saved character model
//! rnnp bench [--seconds S] [--json]                    time the benchmark workloads
//! rnnp limits                                          every limit, as a Markdown table
//! ```
//!
//! Training, plotting and exporting run the page's own sessions with the page's own
//! settings (`SentenceConfig`, `LabConfig`, `SeriesConfig`): the defaults are the page's,
//! and `--from-url` reads a page link, so a link and a command print the same numbers.
//! Each subcommand is one variant of [`Command`] and one module; results go to stdout,
//! progress and errors to stderr. Exit status: 0 done, 1 an error, 2 a usage error,
//! 3 the results are not finite numbers.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// The options given on the command line replace the page's settings:
/// `set_options!(config, args; flag => field, …)` sets `config.field` from `args.flag` where
/// the option was given. (Defined before the modules, which use it.)
macro_rules! set_options {
    ($config:ident, $args:expr; $($flag:ident => $field:ident),* $(,)?) => {$(
        if let Some(v) = $args.$flag {
            $config.$field = v;
        }
    )*};
}

mod bench;
mod export;
mod help;
mod out;
mod plot;
mod trace;
mod train;
mod write;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use rnn_playground::schema::{self, PageConfigs};
use rnn_playground::settings::limits;
use rnn_playground::RnnError;

use out::Out;

const ABOUT: &str = "A recurrent neural network you can look inside: simple RNN, LSTM and GRU \
with the same numbers as Keras, and backpropagation through time written out by hand.";

const LONG_ABOUT: &str = "A recurrent neural network you can look inside.

A recurrent network reads a sequence one step at a time and carries a hidden state h_t \
from step to step:

    h_t = f(W_hh h_(t-1) + W_xh x_t + b_h)      (the hidden state)
    y_t = W_hy h_t + b_y                        (the output at step t)

`rnnp` trains such networks (the simple RNN of that formula, the LSTM and the GRU, with \
Keras's weight layout and numbers) and shows what happens inside them: the hidden states, \
the outputs, the loss, and every gradient that backpropagation through time computes. It \
runs the web page's own code with the page's defaults; `--from-url` takes the settings of \
a page link.";

const EXAMPLES: &str = "Examples:
  rnnp train sentence                            learn \"我 爱 北京 天安门\" with a simple RNN
  rnnp train sentence --cell lstm --save m.json  the same with an LSTM, saving the model
  rnnp train sentence --from-url 'https://…/?cell=lstm&units=16&trained=300'
                                                 what that page link shows, number for number
  rnnp train series                              the Keras SimpleRNN example on a sine wave
  rnnp plot flow --radius 1.5 -o flow.svg        the gradient lab's flow chart
  rnnp trace --model m.json --input in.json      one forward and backward pass, as JSON

Run `rnnp help <command>` for the options of a command.";

#[derive(Debug, Parser)]
#[command(name = "rnnp", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// On failure, print the error as one line of JSON on stderr, as the page receives it:
    /// {"error": {"kind": …, fields…}} (for programs; people read the sentence).
    #[arg(long, global = true)]
    json_errors: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run one forward and one backward pass of a saved model on one sequence and print
    /// everything it computed as JSON.
    #[command(long_about = trace::HELP)]
    Trace(trace::TraceArgs),
    /// Train a network on one of the built-in tasks and show what it learnt.
    #[command(subcommand)]
    Train(TrainTask),
    /// Draw a chart of the gradient lab into a PNG or SVG file (and its data as CSV).
    Plot(plot::PlotArgs),
    /// Write the model file of a page link's sentence network (trained as the link says).
    Export(export::ExportArgs),
    /// Write text with a character model saved by `rnnp train text --save` (or the Write
    /// view's Download); `generate` is its old name.
    #[command(alias = "generate")]
    Write(write::WriteArgs),
    /// Time training on the benchmark workloads (the seed example, a character model).
    Bench(bench::BenchArgs),
    /// Print every limit the engine checks, as a Markdown table.
    Limits,
}

#[derive(Debug, Subcommand)]
enum TrainTask {
    /// Learn to predict the next word (or character) of a sentence.
    #[command(long_about = train::SENTENCE_HELP)]
    Sentence(train::SentenceArgs),
    /// Learn to predict the next value of a sine wave (the seed's Keras program).
    #[command(long_about = train::SERIES_HELP)]
    Series(train::SeriesArgs),
    /// Learn a text character by character (a corpus of poems, say) and write in its style.
    Text(write::TextArgs),
}

/// What can go wrong, with a message that says where.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("could not read {what} {path}: {source}")]
    Read { what: &'static str, path: PathBuf, source: std::io::Error },
    #[error("could not write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("could not write the output: {0}")]
    Stdout(std::io::Error),
    /// The reader of stdout has gone (`| head`): not an error, just the end.
    #[error("the output was closed")]
    Closed,
    #[error("{place}: {source}")]
    In { place: String, source: RnnError },
    #[error("{0}")]
    Engine(#[from] RnnError),
    #[error("{0}")]
    Chart(String),
    /// The results are not finite numbers (printed, with a warning).
    #[error("{0}")]
    NotFinite(String),
}

pub type CliResult<T> = std::result::Result<T, CliError>;

fn main() -> ExitCode {
    let matches = help::command(Cli::command()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let mut out = Out::stdout();
    let result = match &cli.command {
        Command::Trace(args) => trace::trace(args, &mut out),
        Command::Train(TrainTask::Sentence(args)) => train::train_sentence(args, &mut out),
        Command::Train(TrainTask::Series(args)) => train::train_series(args, &mut out),
        Command::Plot(args) => plot::plot(args, &mut out),
        Command::Export(args) => export::export(args, &mut out),
        Command::Train(TrainTask::Text(args)) => write::train_text(args, &mut out),
        Command::Write(args) => write::write(args, &mut out),
        Command::Bench(args) => bench::bench(args, &mut out),
        Command::Limits => out.text(&limits::markdown()),
    };
    let result = result.and_then(|()| out.flush());
    match result {
        Ok(()) | Err(CliError::Closed) => ExitCode::SUCCESS,
        Err(CliError::NotFinite(message)) => {
            eprintln!("warning: {message}");
            ExitCode::from(3)
        }
        Err(e) if cli.json_errors => {
            eprintln!("{}", error_json(&e));
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `{"error": {...}}`: the engine's error as kind and fields; anything else (a file that
/// could not be read) as kind "io" with its sentence.
fn error_json(e: &CliError) -> String {
    let detail = match e {
        CliError::In { source, .. } | CliError::Engine(source) => serde_json::to_value(source).unwrap_or_default(),
        other => serde_json::json!({ "kind": "io", "message": other.to_string() }),
    };
    serde_json::json!({ "error": detail }).to_string()
}

pub fn read(path: &Path, what: &'static str) -> CliResult<String> {
    let len = std::fs::metadata(path).map_err(|source| CliError::Read { what, path: path.to_path_buf(), source })?.len();
    // A file too large to be a model or a trace request is refused before it is read.
    limits::FILE_BYTES
        .check_length(what, len, rnn_playground::error::Counted::Bytes)
        .map_err(|source| CliError::In { place: path.display().to_string(), source })?;
    std::fs::read_to_string(path).map_err(|source| CliError::Read { what, path: path.to_path_buf(), source })
}

/// The configs of `--from-url`, or the page's defaults. Values the page would refuse keep
/// their defaults, as on the page, and are named on stderr.
pub fn page_configs(url: Option<&str>) -> CliResult<PageConfigs> {
    let Some(url) = url else { return Ok(PageConfigs::default()) };
    let (configs, rejected) = schema::from_url(url).map_err(|source| CliError::In { place: "in the page link".into(), source })?;
    if !rejected.is_empty() {
        eprintln!("note: the link's {} could not be used; the page's defaults are used instead", rejected.join(", "));
    }
    Ok(configs)
}

/// `value:5`, `norm:1` or `none`: the clipping mode (one of the page's names) and its
/// threshold.
pub fn parse_clip(text: &str) -> std::result::Result<(rnn_playground::settings::ClipMode, f64), String> {
    use rnn_playground::settings::{Choices, ClipMode};
    let usage = "expected none, value:C or norm:C with C a positive number, e.g. norm:1";
    let (mode, threshold) = match text.split_once(':') {
        Some((mode, c)) => (mode, c.parse::<f64>().map_err(|_| format!("{c:?} is not a number; {usage}"))?),
        None => (text, 1.0),
    };
    let mode = ClipMode::parse("clip", mode).map_err(|e| format!("{e}; {usage}"))?;
    if mode != ClipMode::None && !text.contains(':') {
        return Err(usage.into());
    }
    if mode != ClipMode::None {
        limits::CLIP_THRESHOLD.check("clip threshold", threshold).map_err(|e| e.to_string())?;
    }
    Ok((mode, threshold))
}

/// A progress bar on stderr (hidden when stderr is not a terminal).
pub fn progress_bar(len: u64) -> ProgressBar {
    let bar = ProgressBar::new(len);
    bar.set_style(ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {msg}").expect("a valid template").progress_chars("=> "));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use rnn_playground::settings::ClipMode;

    #[test]
    fn clip_flags_parse() {
        assert_eq!(parse_clip("none"), Ok((ClipMode::None, 1.0)));
        assert_eq!(parse_clip("value:5"), Ok((ClipMode::Value, 5.0)));
        assert_eq!(parse_clip("norm:1"), Ok((ClipMode::Norm, 1.0)));
        assert!(parse_clip("norm:-1").unwrap_err().contains("between 0.01 and 1000"));
        assert!(parse_clip("norm").unwrap_err().contains("norm:C"));
        assert!(parse_clip("scale:2").unwrap_err().contains("\"scale\""));
        assert!(parse_clip("value:x").unwrap_err().contains("\"x\" is not a number"));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
