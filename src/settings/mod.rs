//! Where the page, the URL, files and the command line meet the engine: the names of
//! every choice ([`names`]), every limit ([`limits`]), and a reader of settings whose
//! errors are facts the page can put in its own words ([`de`]).

pub mod de;
pub mod limits;
pub mod names;

pub use names::{CellName, Choices, ClipMode, OptimizerName};
