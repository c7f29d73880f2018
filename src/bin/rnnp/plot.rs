//! `rnnp plot`: the gradient lab's charts as PNG or SVG files, drawn by the same code as
//! the page's canvases (for slides and exam sheets), with the data beside them as CSV.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use rnn_playground::activation::Activation;
use rnn_playground::charts::files::render_to_file;
use rnn_playground::figures::lab::{figure, LabFigure};
use rnn_playground::lab::memory::MemoryConfig;
use rnn_playground::lab::session::LabSession;
use rnn_playground::lab::RecurrentInit;
use rnn_playground::settings::limits::IMAGE_SIDE;
use rnn_playground::settings::{CellName, ClipMode};

use super::out::Out;
use super::{page_configs, parse_clip, progress_bar, CliError, CliResult};

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Chart {
    /// ‖dL/dh_t‖ along the sequence (log scale) against ρ^(T-t).
    Flow,
    /// The same for the simple RNN (tanh), the LSTM and the GRU.
    Cells,
    /// The eigenvalues of W_hh with the unit and 1/γ circles.
    Spectrum,
    /// The norms of the step Jacobians ∂h_t/∂h_(t-1).
    Jacobians,
    /// A training run on the remember-the-first-token task: ‖g‖ before clipping and loss.
    TrainGrad,
    /// Accuracy against sequence length for the three cells (takes a while).
    Race,
}

impl Chart {
    fn name(self) -> &'static str {
        match self {
            Chart::Flow => "flow",
            Chart::Cells => "cells",
            Chart::Spectrum => "spectrum",
            Chart::Jacobians => "jacobians",
            Chart::TrainGrad => "train-grad",
            Chart::Race => "race",
        }
    }
}

/// `rnnp plot`. Every option defaults to the page's setting.
#[derive(Debug, Args)]
pub struct PlotArgs {
    /// The chart to draw.
    #[arg(value_enum)]
    chart: Chart,
    /// The settings of a page link.
    #[arg(long, value_name = "URL")]
    from_url: Option<String>,
    /// The recurrent cell
    #[arg(long, value_enum)]
    cell: Option<CellName>,
    /// The simple RNN's activation f
    #[arg(long, value_enum)]
    activation: Option<Activation>,
    /// The spectral radius ρ of W_hh (every gate block is scaled to it)
    #[arg(long)]
    radius: Option<f64>,
    /// The sequence length T
    #[arg(long)]
    seq_len: Option<u64>,
    /// The LSTM's forget-gate bias at the start
    #[arg(long)]
    forget_bias: Option<f64>,
    /// W_hh before scaling: orthogonal (Keras) or gaussian (non-normal)
    #[arg(long, value_enum)]
    init: Option<RecurrentInit>,
    /// Hidden units
    #[arg(long)]
    units: Option<u64>,
    /// Gradient clipping of the train-grad run: none, value:C or norm:C
    #[arg(long, value_parser = parse_clip, value_name = "none|value:C|norm:C")]
    clip: Option<(ClipMode, f64)>,
    /// Seed of the weights and the data
    #[arg(long)]
    seed: Option<u64>,
    /// The flow charts' log axis fixed at 1e-30 … 1e30 (as the page shows it).
    #[arg(long)]
    fixed_axis: bool,
    /// The output file; .svg or .png.
    #[arg(short, long, value_name = "FILE.svg|FILE.png")]
    output: PathBuf,
    /// Also write the chart's data, one row per point, as CSV.
    #[arg(long, value_name = "FILE.csv")]
    csv: Option<PathBuf>,
    /// Width of the picture in pixels
    #[arg(long, default_value_t = 900)]
    width: u64,
    /// Height of the picture in pixels
    #[arg(long, default_value_t = 480)]
    height: u64,
}

/// Draws the chart into the file.
pub fn plot(args: &PlotArgs, out: &mut Out) -> CliResult<()> {
    let width = IMAGE_SIDE.check("width", args.width)? as u32;
    let height = IMAGE_SIDE.check("height", args.height)? as u32;
    let page = page_configs(args.from_url.as_deref())?;
    let mut config = page.lab;
    set_options!(config, args; cell => cell, activation => activation, radius => radius, seq_len => seq_len, forget_bias => forget_bias, init => init, units => units, seed => seed);
    let mut explode = page.explode;
    if let Some((mode, c)) = args.clip {
        explode.clip = mode;
        explode.clip_threshold = c;
    }
    let mut lab = LabSession::new(config)?;
    match args.chart {
        Chart::TrainGrad => {
            lab.start_explode(explode)?;
            let bar = progress_bar(explode.updates);
            loop {
                let view = lab.explode_step(10)?;
                bar.set_position(view.records.len() as u64);
                if view.done {
                    break;
                }
            }
            bar.finish_and_clear();
            if let Some(e) = lab.explode_view.as_ref().and_then(|v| v.stopped.as_ref()) {
                eprintln!("{e}");
            }
        }
        Chart::Race => {
            let total = lab.start_race(MemoryConfig::default())?.total;
            let bar = progress_bar(total);
            loop {
                let view = lab.race_step(50)?;
                bar.set_position(view.progress);
                if view.done {
                    break;
                }
            }
            bar.finish_and_clear();
            for r in &lab.race_view.as_ref().expect("started").results {
                out.line(format!("{:10} length {:4}: accuracy {:.3}", r.cell.name_for_people(), r.length, r.accuracy))?;
            }
        }
        _ => {}
    }
    let mut which = LabFigure::english(args.chart.name(), &lab).expect("every chart has English texts");
    if let LabFigure::Flow { fixed_axis, .. } | LabFigure::Cells { fixed_axis, .. } = &mut which {
        *fixed_axis = args.fixed_axis;
    }
    let fig = figure(&lab, &which);
    let drawn = render_to_file(&args.output, width, height, |area, style| fig.render(area, style)).map_err(|e| CliError::Chart(e.to_string()))?;
    eprintln!("wrote {}", args.output.display());
    if drawn.hidden() > 0 {
        eprintln!(
            "note: {} point(s) could not be drawn where they are (beyond float32, not a number, or off the axis): marked ▲ at the top, × at the bottom",
            drawn.hidden()
        );
    }
    if let Some(path) = &args.csv {
        std::fs::write(path, fig.table().to_csv()).map_err(|source| CliError::Write { path: path.clone(), source })?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
