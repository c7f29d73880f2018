//! # RNN Playground
//!
//! A recurrent neural network small enough to read and exact enough to trust: the simple
//! RNN of h_t = f(W_hh h_{t-1} + W_xh x_t + b_h), y_t = W_hy h_t + b_y, the LSTM and the
//! GRU, with Keras's weight layout and numbers, backpropagation through time written out
//! by hand, and everything a teaching page shows.
//!
//! Layers of the crate, each using only its own and the ones above it:
//! - foundations: [`error`] (errors as facts: a kind and its fields, with what was
//!   expected and what was found as values of enums, so the page words every one in both
//!   languages), [`settings`] (the names of every choice, every limit, the strict reader of
//!   settings; each enum that lives lower down names itself through `settings::Choices`)
//!   and [`rng`];
//! - math: [`linalg`], [`activation`], [`model`] (the weights, in Keras's layout),
//!   [`cell`] (one step forward and back, each cell with a step worked out by hand beside
//!   it), [`network`] (the loop forward), [`bptt`] (the loop back), [`loss`], [`spectral`];
//! - data and files: [`data`] (tokenizer, sine series, tasks), [`format`] (reading JSON,
//!   model files and traces);
//! - learning: [`init`], [`train`] (optimisers, clipping, batches), [`gradcheck`],
//!   [`keras`] (the seed's API);
//! - sessions, one per view, holding its state: [`session`] and [`stepper`] (the
//!   sentence, and the model files it opens), [`lab`] (the gradient lab), [`series`] (the
//!   sine series), [`writing`] (the Write view: a character model of a corpus, sampled one
//!   character at a time), [`bench`];
//! - what the page and the command line share: [`schema`] (the settings of a page link,
//!   with their limits and defaults: the page's controls, its URL and the CLI's help read
//!   it), [`charts`] (plotters, any backend), [`figures`] (each view's charts built from
//!   its session), [`codegen`] (the command line and Keras code of a configuration);
//! - the outside: the `rnnp` binary (`src/bin/rnnp/`), and the thin WebAssembly binding, a
//!   crate of its own in `src/web/` (one module and one feature per view, built for size,
//!   while this crate is built for speed).

// Index loops are kept where they read like the formula (w[i][j], h[t][u]).
#![allow(clippy::needless_range_loop)]

pub mod activation;
pub mod bench;
pub mod bptt;
pub mod cell;
pub mod charts;
pub mod codegen;
pub mod data;
pub mod error;
pub mod figures;
pub mod format;
pub mod gradcheck;
pub mod init;
pub mod keras;
pub mod lab;
pub mod linalg;
pub mod loss;
pub mod model;
pub mod network;
pub mod rng;
pub mod schema;
pub mod series;
pub mod session;
pub mod settings;
pub mod spectral;
pub mod stepper;
pub mod train;
pub mod writing;

pub use error::{Result, RnnError};
pub use model::{CellKind, Model, OutputKind, Spec};
