//! The Write view's charts: the loss per character as training goes, and the hidden state
//! as the network writes (one column per character).

use serde::Deserialize;

use super::Figure;
use crate::charts::{HeatmapChart, LineChart, Series};
use crate::writing::desk::Desk;

/// A chart of the Write view, with its texts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum WritingFigure {
    /// Loss per character (nats) of each update, the held-out loss where measured, and the
    /// two references: ln V (no knowledge) and the unigram (frequencies, no context).
    Loss { title: String, x: String, y: String, train: String, held_out: String, uniform: String, unigram: String, empty: String },
    /// h after each character written (the latest columns).
    Hidden { title: String, unit: String, step: String, empty: String },
}

/// The chart `which` of `desk`.
pub fn figure(desk: &Desk, which: &WritingFigure) -> Figure {
    match which {
        WritingFigure::Loss { title, x, y, train, held_out, uniform, unigram, empty } => {
            let h = &desk.history;
            let mut series = vec![];
            if !h.losses.is_empty() {
                let end = h.losses.len().max(2) as f64;
                series.push(Series::from_values(train, &h.losses));
                let points = h.held_out.iter().map(|&(u, l)| (u as f64, f64::from(l))).collect();
                series.push(Series { points, ..Series::from_values(held_out, &[0.0f32; 0]).color(1).with_markers() });
                series.push(Series::level(uniform, f64::from(h.uniform), 1.0, end, 3));
                series.push(Series::level(unigram, f64::from(h.unigram), 1.0, end, 2));
            }
            Figure::Line(LineChart { series, ..LineChart::new(title, x, y, empty) })
        }
        WritingFigure::Hidden { title, unit, step, empty } => {
            let (values, tokens) = desk.columns();
            Figure::Heatmap(HeatmapChart {
                title: title.clone(),
                units: desk.units(),
                tokens: tokens.iter().map(|t| if t == "\n" { "↵".to_string() } else { t.clone() }).collect(),
                values: values.to_vec(),
                range: 1.0,
                unit_label: unit.clone(),
                step_label: step.clone(),
                empty_message: empty.clone(),
            })
        }
    }
}

impl WritingFigure {
    /// The chart named `name` with English texts (the command line's).
    pub fn english(name: &str) -> Option<Self> {
        let s = |x: &str| x.to_string();
        Some(match name {
            "loss" => WritingFigure::Loss {
                title: s("Loss per character"),
                x: s("update"),
                y: s("nats per character"),
                train: s("training batch"),
                held_out: s("held-out text"),
                uniform: s("ln V (guessing)"),
                unigram: s("character frequencies"),
                empty: s("train to see the loss"),
            },
            "hidden" => WritingFigure::Hidden { title: s("Hidden state while writing"), unit: s("unit"), step: s("character"), empty: s("step to see h") },
            _ => return None,
        })
    }
}
