//! `rnnp train`: the built-in tasks (the sentence, the sine series) on the page's own
//! sessions and settings, with a progress bar on stderr and the loss per epoch on stdout.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;
use rnn_playground::activation::Activation;
use rnn_playground::data::text::Tokenize;
use rnn_playground::format::model_file::model_to_json;
use rnn_playground::loss::argmax;
use rnn_playground::model::{CellKind, Model};
use rnn_playground::network::{forward, Initial, Inputs, Workspace};
use rnn_playground::series::{SeriesConfig, SeriesSession};
use rnn_playground::session::{SentenceConfig, SentenceSession};
use rnn_playground::settings::{CellName, ClipMode, OptimizerName};
use serde_json::json;

use super::out::Out;
use super::{page_configs, parse_clip, progress_bar, CliError, CliResult};

pub const SENTENCE_HELP: &str = "Learn to predict the next word of a sentence, as the page's \
sentence view does (the same network, settings and numbers).

The sentence is cut into tokens (words or characters); each token is a one-hot vector of \
length V (the number of different tokens, plus an end token). At every step the network \
reads one token and outputs a probability for every token of being the next one; the loss \
is the cross-entropy -ln p(next token), averaged over the steps. One epoch is one update \
on the whole sentence.

The loss is printed as training goes (ln V is what guessing uniformly scores), then a table \
of what the trained network predicts after each token, and the sentence it writes by \
itself from the first token. With --from-url, the settings are a page link's and the \
network is trained as many epochs as the link's `trained=` (else --epochs).";

pub const SERIES_HELP: &str = "Learn to predict the next value of a sine wave: the seed's Keras program

    model = Sequential([SimpleRNN(50, return_sequences=True, input_shape=(None, 1)), Dense(1)])
    model.compile(loss='mean_squared_error', optimizer='adam')
    model.fit(x_train, y_train, epochs=20, batch_size=32)

as the page's series view trains it. Each sequence is sin(φ + 0.2 t) for t = 0..length-1 \
with a random phase φ, and the target at every step is the next value. The loss is the \
mean squared error. Always predicting the mean value scores about Var(sin) = 0.5 (the \
baseline, printed for comparison); a network that has learnt the wave scores far less. \
After training, the network is tested on 64 sequences it never saw.";

/// `rnnp train sentence`. Every option defaults to the page's setting.
#[derive(Debug, Args)]
pub struct SentenceArgs {
    /// The settings of a page link (its `trained=` is the number of epochs).
    #[arg(long, value_name = "URL")]
    from_url: Option<String>,
    /// The sentence to learn
    #[arg(long)]
    text: Option<String>,
    /// How to cut the text into tokens
    #[arg(long, value_enum)]
    tokenize: Option<Tokenize>,
    /// The recurrent cell
    #[arg(long, value_enum)]
    cell: Option<CellName>,
    /// The activation f of the simple RNN (LSTM and GRU use tanh and sigmoid gates)
    #[arg(long, value_enum)]
    activation: Option<Activation>,
    /// U, the number of hidden units (the length of h_t)
    #[arg(long)]
    units: Option<u64>,
    /// How many times to go over the sentence (one update each)
    #[arg(long)]
    epochs: Option<u64>,
    /// The learning rate η: how big a step each update takes
    #[arg(long)]
    lr: Option<f64>,
    /// The optimiser
    #[arg(long, value_enum)]
    optimizer: Option<OptimizerName>,
    /// SGD only: the momentum μ (0 = none), as in v ← μ v - η g, w ← w + v
    #[arg(long)]
    momentum: Option<f64>,
    /// GRU only: apply the reset gate after the recurrent product (TF2 Keras's default) or
    /// before it (the original GRU of Cho et al., and TensorFlow.js)
    #[arg(long, action = clap::ArgAction::Set, value_name = "true|false")]
    reset_after: Option<bool>,
    /// Gradient clipping before each update: `none`; `value:C` clamps every gradient entry to
    /// [-C, C]; `norm:C` rescales the whole gradient to length C when it is longer
    #[arg(long, value_parser = parse_clip, value_name = "none|value:C|norm:C")]
    clip: Option<(ClipMode, f64)>,
    /// The seed of the initial weights: the same seed gives the same run, bit for bit
    #[arg(long)]
    seed: Option<u64>,
    /// Print the losses and predictions as JSON (every number in full precision).
    #[arg(long)]
    json: bool,
    /// Save the trained model to this file (JSON), for `rnnp trace` or the web page.
    #[arg(long, value_name = "MODEL.json")]
    save: Option<PathBuf>,
    /// Start from the weights of this model file (one the page downloaded, or Keras's
    /// get_weights() in a model file) instead of the seed's; its network must be this one.
    #[arg(long, value_name = "MODEL.json")]
    init: Option<PathBuf>,
}

impl SentenceArgs {
    /// The page's settings (of the link, if any) with the options given on top; and the
    /// epochs to train.
    pub fn config(&self) -> CliResult<(SentenceConfig, u64)> {
        let page = page_configs(self.from_url.as_deref())?;
        let mut c = page.sentence;
        if let Some(v) = &self.text {
            c.text = v.clone();
        }
        set_options!(c, self; tokenize => tokenize, cell => cell, activation => activation, units => units, epochs => epochs, lr => learning_rate, optimizer => optimizer, momentum => momentum, reset_after => reset_after, seed => seed);
        if let Some((mode, threshold)) = self.clip {
            c.clip = mode;
            c.clip_threshold = threshold;
        }
        let epochs = if self.from_url.is_some() && page.trained > 0 && self.epochs.is_none() { page.trained } else { c.epochs };
        c.validate()?;
        Ok((c, epochs))
    }
}

/// `rnnp train series`. Every option defaults to the page's setting.
#[derive(Debug, Args)]
pub struct SeriesArgs {
    /// The settings of a page link.
    #[arg(long, value_name = "URL")]
    from_url: Option<String>,
    /// How many times to go over all the sequences
    #[arg(long)]
    epochs: Option<u64>,
    /// Sequences per update (the last batch of an epoch may be smaller)
    #[arg(long)]
    batch_size: Option<u64>,
    /// U, the number of hidden units
    #[arg(long)]
    units: Option<u64>,
    /// Number of training sequences
    #[arg(long)]
    sequences: Option<u64>,
    /// Steps per sequence
    #[arg(long)]
    length: Option<u64>,
    /// Standard deviation of Gaussian noise added to the inputs (the targets stay clean)
    #[arg(long)]
    noise: Option<f64>,
    /// The learning rate η of Adam (Keras's default is 0.001)
    #[arg(long)]
    lr: Option<f64>,
    /// The seed of the data, the initial weights and the shuffling
    #[arg(long)]
    seed: Option<u64>,
    /// Save the trained model to this file (JSON).
    #[arg(long, value_name = "MODEL.json")]
    save: Option<PathBuf>,
    /// Start from the weights of this model file instead of the seed's (its network must
    /// be SimpleRNN(units) + Dense(1) on one input).
    #[arg(long, value_name = "MODEL.json")]
    init: Option<PathBuf>,
    /// Keep the sequences in their order in every epoch (Keras: `shuffle=False`), so a run
    /// can be compared with Keras batch by batch.
    #[arg(long)]
    no_shuffle: bool,
}

impl SeriesArgs {
    /// The page's settings (of the link, if any) with the options given on top.
    pub fn config(&self) -> CliResult<SeriesConfig> {
        let mut c = page_configs(self.from_url.as_deref())?.series;
        set_options!(c, self; epochs => epochs, batch_size => batch_size, units => units, sequences => sequences, length => length, noise => noise, lr => learning_rate, seed => seed);
        c.validate()?;
        Ok(c)
    }
}

/// Which epochs get a loss line: about twenty, evenly spaced, and always the first and last.
fn report_every(epochs: usize) -> usize {
    epochs.div_ceil(20).max(1)
}

/// The weights of the model file at `path`, read by `read`, for a network of `spec` (a
/// file for another network is refused, naming what differs).
fn initial_weights(path: &Path, spec: &rnn_playground::Spec, read: impl Fn(&str) -> rnn_playground::Result<rnn_playground::Model>) -> CliResult<Vec<f32>> {
    let text = crate::read(path, "model")?;
    let model = read(&text).map_err(|source| CliError::In { place: format!("in {}", path.display()), source })?;
    let want = |field: &str, expected: String, got: String| -> CliResult<()> {
        if expected == got {
            Ok(())
        } else {
            Err(CliError::In { place: format!("in {}", path.display()), source: rnn_playground::RnnError::shape(field, expected, got) })
        }
    };
    want("cell", format!("{:?}", spec.cell), format!("{:?}", model.spec.cell))?;
    want("input_size", spec.input_size.to_string(), model.spec.input_size.to_string())?;
    want("units", spec.units.to_string(), model.spec.units.to_string())?;
    want("output_size", spec.output_size.to_string(), model.spec.output_size.to_string())?;
    Ok(model.params)
}

fn save_model(model: &Model, path: &Path) -> CliResult<()> {
    std::fs::write(path, model_to_json(model) + "\n").map_err(|source| CliError::Write { path: path.to_path_buf(), source })
}

/// Trains `session` for `epochs` with a progress bar, calling `line(epoch, loss, ‖g‖)` at
/// the reported epochs.
pub fn train_with_progress(session: &mut SentenceSession, epochs: usize, mut line: impl FnMut(usize, f32, f32) -> CliResult<()>) -> CliResult<()> {
    let every = report_every(epochs);
    let bar = progress_bar(epochs as u64);
    bar.set_prefix("training");
    for epoch in 1..=epochs {
        let report = session.train(1);
        if let Some(e) = report.diverged {
            bar.abandon();
            return Err(e.into());
        }
        bar.set_message(format!("loss {:.5}", report.loss));
        bar.inc(1);
        if epoch == 1 || epoch % every == 0 || epoch == epochs {
            bar.suspend(|| line(epoch, report.loss, report.grad_norm))?;
        }
    }
    bar.finish_and_clear();
    Ok(())
}

/// `rnnp train sentence`.
pub fn train_sentence(args: &SentenceArgs, out: &mut Out) -> CliResult<()> {
    let (config, epochs) = args.config()?;
    let mut session = SentenceSession::new(config.clone())?;
    if let Some(path) = &args.init {
        // Read as the page opens a file: a model file, or a plain list of the weights.
        let read = |text: &str| SentenceSession::from_model_text(text, config.clone()).map(|s| s.model().clone());
        let params = initial_weights(path, &session.model().spec, read)?;
        session.adopt(&params, Vec::new())?;
    }
    let info = session.info();
    let (t, v) = (info.tokens.len(), info.vocabulary.len());
    if !args.json {
        out.line(format!("Sentence: {} ({t} tokens, V = {v} with the end token)", info.tokens.join(" ")))?;
        out.line(format!(
            "Network: {} with {} units, softmax over {v} tokens, {} weights",
            describe_cell(session.model().spec.cell),
            info.units,
            info.weights
        ))?;
        out.line(format!("Guessing uniformly scores ln V = {:.4}", (v as f64).ln()))?;
        out.line("")?;
        out.line(format!("{:>7}  {:>10}  {:>10}", "epoch", "loss", "‖∇W‖"))?;
    }
    let json = args.json;
    train_with_progress(
        &mut session,
        epochs as usize,
        |epoch, loss, norm| if json { Ok(()) } else { out.line(format!("{epoch:>7}  {loss:>10.5}  {norm:>10.2e}")) },
    )?;
    if args.json {
        let predictions = session.predictions();
        out.line(
            serde_json::to_string(&json!({ "losses": session.losses, "sentence_loss": session.sentence_loss(), "predictions": predictions })).expect("JSON"),
        )?;
    } else {
        out.line("")?;
        out.text(&prediction_table(&session))?;
        out.line("")?;
        out.line(format!("Written from \"{}\": {}", info.tokens[0], generate_text(session.model(), &session)))?;
    }
    if let Some(path) = &args.save {
        save_model(session.model(), path)?;
        if !args.json {
            out.line(format!("Saved the model to {}", path.display()))?;
        }
    }
    Ok(())
}

fn describe_cell(cell: CellKind) -> String {
    match cell {
        CellKind::SimpleRnn { activation } => format!("simple RNN ({})", rnn_playground::settings::Choices::name(activation)),
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
fn prediction_table(session: &SentenceSession) -> String {
    let rows = session.predictions();
    let info = session.info();
    let width = info.vocabulary.iter().map(|s| display_width(s)).max().unwrap_or(1).max(6);
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}  {:>6}    should be", pad("after", width), pad("comes", width), "p");
    for r in rows {
        let verdict = if r.predicted == r.expected { "✓".to_string() } else { format!("✗ {} (p = {:.4})", r.expected, r.expected_probability) };
        let _ = writeln!(out, "{}  {}  {:>6.4}    {}", pad(&r.token, width), pad(&r.predicted, width), r.probability, verdict);
    }
    out
}

/// Greedy generation from the first token: feed back the most likely next token, one step
/// at a time, until the end token (or twice the sentence's length).
fn generate_text(model: &Model, session: &SentenceSession) -> String {
    let sentence = &session.stepper.sentence;
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
pub fn train_series(args: &SeriesArgs, out: &mut Out) -> CliResult<()> {
    let config = args.config()?;
    let mut session = SeriesSession::new(config.clone())?;
    if let Some(path) = &args.init {
        let params = initial_weights(path, &session.model().spec, rnn_playground::format::model_file::model_from_json)?;
        session.adopt(&params, Vec::new(), 0)?;
    }
    if args.no_shuffle {
        session.set_shuffle(false);
    }
    let baseline = session.baseline();
    out.line(format!("Data: {} sine sequences of {} steps (noise {}), predict the next value", config.sequences, config.length, config.noise))?;
    out.line(format!(
        "Network: SimpleRNN({}) + Dense(1), mean squared error, Adam(lr = {}), batches of {}",
        config.units, config.learning_rate, config.batch_size
    ))?;
    out.line(format!("Baseline (always predict the mean): MSE = {baseline:.5}"))?;
    out.line("")?;
    out.line(format!("{:>7}  {:>10}  {:>12}", "epoch", "loss", "vs baseline"))?;
    let batches = session.batches_per_epoch();
    let bar = progress_bar(batches as u64);
    let mut epoch = 0;
    loop {
        bar.reset();
        bar.set_prefix(format!("epoch {}/{}", epoch + 1, config.epochs));
        let mut progress = session.progress();
        while progress.epoch == epoch && !progress.done {
            progress = session.train_batches(1);
            bar.inc(1);
        }
        if let Some(e) = progress.stopped {
            bar.abandon();
            return Err(e.into());
        }
        epoch = progress.epoch;
        let mean = progress.history[epoch - 1];
        bar.suspend(|| out.line(format!("{epoch:>7}  {mean:>10.5}  {:>11.2}%", 100.0 * mean / baseline)))?;
        if progress.done {
            break;
        }
    }
    bar.finish_and_clear();
    let p = session.progress();
    out.line("")?;
    out.line(format!("Test: 64 new sequences, MSE = {:.5} (baseline {baseline:.5})", p.test_mse.unwrap_or(f32::NAN)))?;
    if let Some(path) = &args.save {
        save_model(session.model(), path)?;
        out.line(format!("Saved the model to {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
