//! The WebAssembly module the page loads: the binding's exports (src/web) and the engine
//! under them, in one file.
//!
//! Why a crate of its own: with link-time optimisation, the last crate's optimisation level
//! sets the passes run over the whole module. This crate's is the engine's (for speed: the
//! training loops are vectorised there); the binding's functions keep their crate's size
//! setting, which the passes respect function by function.

pub use rnn_playground_web::*;
