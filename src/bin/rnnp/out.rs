//! Standard output that never panics: a reader that has gone (`rnnp … | head -1`) ends the
//! program quietly, and a full disk (`> /dev/full`) is an error with its message.

use std::io::{BufWriter, ErrorKind, Stdout, Write};

use super::{CliError, CliResult};

/// Buffered standard output whose write errors are values.
pub struct Out {
    inner: BufWriter<Stdout>,
}

fn error(e: std::io::Error) -> CliError {
    if e.kind() == ErrorKind::BrokenPipe {
        CliError::Closed
    } else {
        CliError::Stdout(e)
    }
}

impl Out {
    pub fn stdout() -> Self {
        Out { inner: BufWriter::new(std::io::stdout()) }
    }

    /// Writes `text` and a new line.
    pub fn line(&mut self, text: impl AsRef<str>) -> CliResult<()> {
        self.inner.write_all(text.as_ref().as_bytes()).map_err(error)?;
        self.inner.write_all(b"\n").map_err(error)
    }

    /// Writes `text` as it is.
    pub fn text(&mut self, text: &str) -> CliResult<()> {
        self.inner.write_all(text.as_bytes()).map_err(error)
    }

    /// Sends everything written so far (so progress on stderr and results interleave).
    pub fn flush(&mut self) -> CliResult<()> {
        self.inner.flush().map_err(error)
    }
}
