//! `rnnp trace`: one forward and backward pass of a saved model, as JSON on stdout.

use std::path::PathBuf;

use clap::Args;
use rnn_playground::format::model_file::model_from_json;
use rnn_playground::format::trace::trace_from_json;

use super::out::Out;
use super::{read, CliError, CliResult};

pub const HELP: &str = "Run one forward and one backward pass of a saved model on one sequence, \
starting from h_0 = 0, and print everything it computed as one line of JSON on stdout:

  hidden    the hidden states h_1..h_T                     [T][U]
  cell      the LSTM cell states c_1..c_T (LSTM only)      [T][U]
  outputs   the outputs after softmax (or as they are)     [T][O]
  loss      the loss of the sequence
  grads     dLoss/dweight for every weight, with the same keys and shapes as the model file
  dh_norms  ||dLoss/dh_t|| for every step: how much each hidden state matters to the loss

The model file is what `rnnp train ... --save` writes (format rnn-playground/model@1). The \
input file is {\"x\": [T][I], \"y\": [T][O] numbers or [T] class ids, \"loss\": \"mse\" or \
\"cross_entropy\", \"loss_at\": \"every_step\" or \"last_step\"}; T is at most 10,000 steps.

A number that overflows is written as null and named in \"not_finite\"; the exit status is \
then 3, with a warning on stderr.";

/// `rnnp trace`.
#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The model file (JSON, format rnn-playground/model@1).
    #[arg(long, value_name = "MODEL.json")]
    model: PathBuf,
    /// The sequence and its targets (JSON: x, y, loss, loss_at).
    #[arg(long, value_name = "INPUT.json")]
    input: PathBuf,
}

/// The trace JSON on stdout and nothing else.
pub fn trace(args: &TraceArgs, out: &mut Out) -> CliResult<()> {
    let model_text = read(&args.model, "the model file")?;
    let input_text = read(&args.input, "the input file")?;
    // Read the model alone first, so an error says which file it is in.
    model_from_json(&model_text).map_err(|source| CliError::In { place: format!("in the model file {}", args.model.display()), source })?;
    let trace =
        trace_from_json(&model_text, &input_text).map_err(|source| CliError::In { place: format!("in the input file {}", args.input.display()), source })?;
    out.line(&trace.json)?;
    if !trace.not_finite.is_empty() {
        return Err(CliError::NotFinite(format!(
            "{} overflowed (not finite numbers, written as null): the weights or inputs are too large",
            trace.not_finite.join(", ")
        )));
    }
    Ok(())
}
