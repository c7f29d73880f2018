//! `rnnp plot`: the gradient lab's charts as PNG or SVG files, drawn by the same code as
//! the page's canvases (for slides and exam sheets).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use rnn_playground::charts::files::render_to_file;
use rnn_playground::lab::explode::ExplodeConfig;
use rnn_playground::lab::memory::MemoryConfig;
use rnn_playground::lab::session::LabSession;
use rnn_playground::lab::{LabConfig, RecurrentInit};
use rnn_playground::train::Clip;

use super::{parse_clip, progress_bar, ActivationName, CellName, CliError, CliResult};

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Chart {
    /// ‖dL/dh_t‖ along the sequence (log scale) against ρ^(T-t).
    Flow,
    /// The same for the simple RNN (tanh), the LSTM and the GRU.
    Cells,
    /// The eigenvalues of W_hh with the unit and 1/γ circles, and the step Jacobians.
    Spectrum,
    /// A training run on the remember-the-first-token task: ‖g‖ before clipping and loss.
    TrainGrad,
    /// Accuracy against sequence length for the three cells (takes a while).
    Race,
}

/// `rnnp plot`.
#[derive(Debug, Args)]
pub struct PlotArgs {
    /// The chart to draw.
    #[arg(value_enum)]
    chart: Chart,
    /// The recurrent cell.
    #[arg(long, value_enum, default_value = "simple_rnn")]
    cell: CellName,
    /// The simple RNN's activation f.
    #[arg(long, value_enum, default_value = "linear")]
    activation: ActivationName,
    /// The spectral radius ρ of W_hh (every gate block is scaled to it).
    #[arg(long, default_value_t = 0.9)]
    radius: f32,
    /// The sequence length T.
    #[arg(long, default_value_t = 50)]
    seq_len: usize,
    /// The LSTM's forget-gate bias at the start.
    #[arg(long, default_value_t = 1.0)]
    forget_bias: f32,
    /// W_hh before scaling: orthogonal (Keras) or gaussian (non-normal).
    #[arg(long, default_value = "orthogonal", value_parser = ["orthogonal", "gaussian"])]
    init: String,
    /// Hidden units.
    #[arg(long, default_value_t = 32)]
    units: usize,
    /// Gradient clipping of the train-grad run: none, value:C or norm:C.
    #[arg(long, default_value = "none", value_parser = parse_clip)]
    clip: Clip,
    /// Seed of the weights and the data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The output file; .svg or .png.
    #[arg(short, long, value_name = "FILE.svg|FILE.png")]
    output: PathBuf,
    /// Size of the picture in pixels.
    #[arg(long, default_value_t = 900)]
    width: u32,
    #[arg(long, default_value_t = 480)]
    height: u32,
}

fn strings<const N: usize>(texts: [&str; N]) -> [String; N] {
    texts.map(str::to_string)
}

const CELLS: [&str; 3] = ["Simple RNN", "LSTM", "GRU"];

/// Draws the chart into the file.
pub fn plot(args: &PlotArgs) -> CliResult<()> {
    let config = LabConfig {
        cell: args.cell.name().into(),
        activation: args.activation.name().into(),
        seq_len: args.seq_len,
        radius: args.radius,
        units: args.units,
        init: if args.init == "gaussian" { RecurrentInit::Gaussian } else { RecurrentInit::Orthogonal },
        forget_bias: args.forget_bias,
        seed: args.seed,
    };
    let mut lab = LabSession::new(config)?;
    let flow_title = format!("{}: ||dL/dh_t|| with the loss at step T = {} (rho = {})", args.cell.name(), args.seq_len, args.radius);
    match args.chart {
        Chart::TrainGrad => {
            lab.start_explode(ExplodeConfig { clip: args.clip, ..Default::default() })?;
            let run = lab.explode.as_mut().expect("started");
            let bar = progress_bar(run.config.updates as u64);
            while !run.done() {
                run.step(10);
                bar.set_position(run.records.len() as u64);
            }
            bar.finish_and_clear();
            if let Some(message) = &run.stopped {
                eprintln!("{message}");
            }
        }
        Chart::Race => {
            lab.start_race(MemoryConfig::default())?;
            let race = lab.race.as_mut().expect("started");
            let bar = progress_bar(race.progress().1 as u64);
            while !race.done() {
                race.step(50)?;
                bar.set_position(race.progress().0 as u64);
            }
            bar.finish_and_clear();
            for r in &race.results {
                println!("{:10} length {:4}: accuracy {:.3}", r.cell, r.length, r.accuracy);
            }
        }
        _ => {}
    }
    let threshold = match args.clip {
        Clip::GlobalNorm(c) => Some(c),
        _ => None,
    };
    render_to_file(&args.output, args.width, args.height, |area, style| match args.chart {
        Chart::Flow => area.line(
            &lab.flow_chart([flow_title.clone(), "time step t".into(), "||dL/dh_t||".into(), "measured".into(), "rho^(T-t)".into(), "no data".into()]),
            style,
        ),
        Chart::Cells => {
            area.line(&lab.cells_chart(strings(["The three cells (tanh): ||dL/dh_t||", "time step t", "||dL/dh_t||", "no data"]), strings(CELLS)), style)
        }
        Chart::Spectrum => area.spectral(
            &lab.spectrum_chart(strings(["Eigenvalues of W_hh", "eigenvalues", "unit circle", "1/gamma circle", "rho", "sigma_max"])),
            &lab.jacobian_chart(strings(["Step Jacobians ||dh_t/dh_t-1||", "t", "norm", "1"])),
            style,
        ),
        Chart::TrainGrad => area.line(
            &lab.explode_chart(
                strings(["Gradient norm before clipping and loss, per update", "update", "value", "||g|| before clipping", "loss", "threshold", "no updates"]),
                threshold,
            ),
            style,
        ),
        Chart::Race => {
            area.line(&lab.race_chart(strings(["Remembering the first token", "sequence length", "accuracy", "chance", "no results"]), strings(CELLS)), style)
        }
    })
    .map_err(|e| CliError::Chart(e.to_string()))?;
    eprintln!("wrote {}", args.output.display());
    Ok(())
}
