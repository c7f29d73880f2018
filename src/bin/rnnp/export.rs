//! `rnnp export`: the model file of a page link's sentence network, trained as many epochs
//! as the link says (training is deterministic, so these are the page's weights).

use std::path::PathBuf;

use clap::Args;
use rnn_playground::format::model_file::model_to_json;
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
}

pub fn export(args: &ExportArgs, out: &mut Out) -> CliResult<()> {
    let page = page_configs(Some(&args.from_url))?;
    let mut session = SentenceSession::new(page.sentence)?;
    train_with_progress(&mut session, page.trained as usize, |_, _, _| Ok(()))?;
    std::fs::write(&args.output, model_to_json(session.model()) + "\n").map_err(|source| CliError::Write { path: args.output.clone(), source })?;
    out.line(format!("Wrote {} ({} epochs trained, sentence loss {:.4})", args.output.display(), session.losses.len(), session.sentence_loss()))
}
