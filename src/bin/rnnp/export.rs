//! `rnnp export`: the model file of a page link's sentence network, trained as many epochs
//! as the link says (training is deterministic, so these are the page's weights): the same
//! file as the page's "Download model".

use std::path::PathBuf;

use clap::Args;
use rnn_playground::session::SentenceSession;

use super::out::Out;
use super::train::train_with_progress;
use super::{page_configs, CliError, CliResult};

/// `rnnp export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The page link (its `trained=` is the number of epochs to train first).
    #[arg(long, value_name = "URL")]
    from_url: String,
    /// The model file to write (JSON, format rnn-playground/model@1).
    #[arg(short, long, value_name = "MODEL.json")]
    output: PathBuf,
    /// Also print the Python lines that load the file in tf.keras (the page's snippet).
    #[arg(long)]
    python: bool,
}

pub fn export(args: &ExportArgs, out: &mut Out) -> CliResult<()> {
    let page = page_configs(Some(&args.from_url))?;
    let mut session = SentenceSession::new(page.sentence)?;
    train_with_progress(&mut session, page.trained as usize, |_, _, _| Ok(()))?;
    // The same file as the page's "Download model": the weights with the tokens and vocabulary.
    let text = session.model_file() + "\n";
    std::fs::write(&args.output, text).map_err(|source| CliError::Write { path: args.output.clone(), source })?;
    if args.python {
        let file = args.output.display().to_string();
        return out.line(rnn_playground::codegen::sentence_load_python(&session.config, &file));
    }
    out.line(format!("Wrote {} ({} epochs trained, sentence loss {:.4})", args.output.display(), session.losses.len(), session.sentence_loss()))
}
