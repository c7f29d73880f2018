//! `rnnp train`: the built-in tasks (the sentence, the sine series), with a progress bar
//! on stderr and the loss per epoch on stdout.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use rnn_playground::data::sine::{generate, SineConfig};
use rnn_playground::data::text::{Sentence, Tokenize, SEED_SENTENCE};
use rnn_playground::format::model_file::model_to_json;
use rnn_playground::init::{init_model, InitConfig};
use rnn_playground::keras::{Layer, Loss, Sequences, Sequential};
use rnn_playground::loss::argmax;
use rnn_playground::model::{CellKind, Model, OutputKind, Spec};
use rnn_playground::network::{forward, Initial, Inputs, Workspace};
use rnn_playground::train::{Clip, Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};

use super::{parse_clip, progress_bar, ActivationName, CellName, CliError, CliResult};

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
pub struct SentenceArgs {
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
pub struct SeriesArgs {
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

/// Which epochs get a loss line: about twenty, evenly spaced, and always the first and last.
fn report_every(epochs: usize) -> usize {
    epochs.div_ceil(20).max(1)
}

fn save_model(model: &Model, path: &Path) -> CliResult<()> {
    std::fs::write(path, model_to_json(model) + "\n").map_err(|source| CliError::Write { path: path.to_path_buf(), source })
}

/// `rnnp train sentence`.
pub fn train_sentence(args: &SentenceArgs) -> CliResult<()> {
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
pub fn train_series(args: &SeriesArgs) -> CliResult<()> {
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
