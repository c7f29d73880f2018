//! The sine-series view's charts: the loss per epoch and the predictions on unseen sequences.

use serde::Deserialize;

use super::Figure;
use crate::charts::{LineChart, Series};
use crate::series::SeriesSession;

/// A chart of the series view, with its texts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum SeriesFigure {
    /// Loss per epoch (log scale) with the predict-the-mean baseline dashed.
    Loss { title: String, x: String, y: String, loss: String, baseline: String, empty: String },
    /// Truth and prediction for the first `count` test sequences.
    Prediction { title: String, x: String, y: String, truth: String, prediction: String, empty: String, count: u64 },
}

impl SeriesFigure {
    /// The chart named `name` with English texts (the command line's).
    pub fn english(name: &str) -> Option<Self> {
        let s = |x: &str| x.to_string();
        Some(match name {
            "loss" => SeriesFigure::Loss {
                title: s("Loss per epoch"),
                x: s("epoch"),
                y: s("mean squared error"),
                loss: s("loss"),
                baseline: s("predict the mean"),
                empty: s("train to see the loss"),
            },
            "prediction" => SeriesFigure::Prediction {
                title: s("Predictions on unseen sequences"),
                x: s("t"),
                y: s("value"),
                truth: s("truth"),
                prediction: s("prediction"),
                empty: s("train to see predictions"),
                count: 2,
            },
            _ => return None,
        })
    }
}

/// The chart `which` of `session`.
pub fn figure(session: &SeriesSession, which: &SeriesFigure) -> Figure {
    match which {
        SeriesFigure::Loss { title, x, y, loss, baseline, empty } => {
            let h = session.history();
            let mut series = vec![];
            if !h.is_empty() {
                series.push(Series::from_values(loss, h).with_markers());
                series.push(Series::level(baseline, session.baseline() as f64, 1.0, session.config.epochs as f64, 1));
            }
            Figure::Line(LineChart { log_y: true, series, x_range: Some((1.0, session.config.epochs.max(2) as f64)), ..LineChart::new(title, x, y, empty) })
        }
        SeriesFigure::Prediction { title, x, y, truth, prediction, empty, count } => {
            let t = session.config.length as usize;
            let (test_y, predicted) = session.test_values();
            let mut series = vec![];
            if let Some(p) = predicted {
                let n = (*count as usize).min(test_y.len() / t.max(1));
                for s in 0..n {
                    let suffix = if n > 1 { format!(" {}", s + 1) } else { String::new() };
                    series.push(Series::from_values(&format!("{truth}{suffix}"), &test_y[s * t..(s + 1) * t]).color(2 * s));
                    series.push(Series::from_values(&format!("{prediction}{suffix}"), &p[s * t..(s + 1) * t]).color(2 * s + 1).dashed());
                }
            }
            Figure::Line(LineChart { series, y_range: Some((-1.3, 1.3)), ..LineChart::new(title, x, y, empty) })
        }
    }
}
