//! Data sets: the sentence, the sine series, and the remember-the-first-token task.

pub mod memory;
pub mod sine;
pub mod text;
