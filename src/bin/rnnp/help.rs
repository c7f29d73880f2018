//! The options' help gives each one's range and the page's default from the engine: the
//! ranges from its table of settings ([`schema::settings`], which reads
//! `settings/limits.rs`), the defaults from the configs' `Default`. None is typed in a doc
//! comment, so the help cannot drift from what the page does.

use clap::Command;
use rnn_playground::schema::{self, Kind, PageConfigs, Scalar, Setting};
use rnn_playground::settings::limits::{self, Int};
use serde_json::Value;

/// An option whose name is not its config field's.
const RENAMED: [(&str, &str); 1] = [("lr", "learningRate")];

/// `rnnp` with the page's defaults and the engine's ranges in its options' help.
pub fn command(cmd: Command) -> Command {
    let page = PageConfigs::default();
    let table = schema::settings();
    let own = page_own(&table);
    let with = |c, configs: &[(&str, Value)], limits: &[(&str, Int)]| annotate(c, &table, configs, limits);
    cmd.mut_subcommand("train", |train| {
        train
            .mut_subcommand("sentence", |c| with(c, &[("sentence", value(&page.sentence))], &[]))
            .mut_subcommand("series", |c| with(c, &[("series", value(&page.series))], &[]))
            .mut_subcommand("text", |c| with(c, &[("text", value(&page.text)), (schema::PAGE, own.clone())], &[]))
    })
    .mut_subcommand("write", |c| with(c, &[(schema::PAGE, own.clone())], &[]))
    .mut_subcommand("plot", |c| {
        let limits = [("units", limits::LAB_UNITS), ("width", limits::IMAGE_SIDE), ("height", limits::IMAGE_SIDE)];
        with(c, &[("lab", value(&page.lab)), ("explode", value(&page.explode))], &limits)
    })
}

/// The defaults of the settings the page keeps itself (the Write view's temperature, ...).
fn page_own(table: &[Setting]) -> Value {
    let rows = table.iter().filter(|s| s.group == schema::PAGE);
    Value::Object(rows.map(|s| (s.field.to_string(), value(&s.default))).collect())
}

fn value(config: &impl serde::Serialize) -> Value {
    serde_json::to_value(config).expect("a config serialises")
}

/// Each option of `cmd` named for a field of one of `configs` (the first that has it)
/// gets that field's range and default; `limits` gives the range of an option the table
/// has no row for. An option with a default of its own keeps it (clap shows it), and is
/// taken for the field only if the two agree.
fn annotate(mut cmd: Command, table: &[Setting], configs: &[(&str, Value)], limits: &[(&str, Int)]) -> Command {
    let options: Vec<(String, Option<String>)> = cmd
        .get_arguments()
        .filter(|a| a.get_long().is_some())
        .map(|a| (a.get_id().to_string(), a.get_default_values().first().map(|d| d.to_string_lossy().into_owned())))
        .collect();
    for (id, own) in options {
        let field = field_of(&id);
        let found = configs.iter().find_map(|(group, config)| default_text(config, &field).map(|d| (*group, d)));
        if let (Some((_, default)), Some(own)) = (&found, &own) {
            if own != default {
                continue;
            }
        }
        let row = found.as_ref().and_then(|(group, _)| table.iter().find(|s| s.group == *group && s.field == field));
        let range = match (row, limits.iter().find(|(name, _)| *name == id)) {
            (Some(s), _) => range_text(&s.kind),
            (None, Some((_, limit))) => range_text(&Kind::Int { min: limit.min as f64, max: limit.max as f64 }),
            (None, None) => String::new(),
        };
        let page = match (&found, &own) {
            (Some((_, default)), None) => format!(" [page: {default}]"),
            _ => String::new(),
        };
        if range.is_empty() && page.is_empty() {
            continue;
        }
        cmd = cmd.mut_arg(id.as_str(), |arg| {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            arg.help(format!("{help}{range}{page}"))
        });
    }
    cmd
}

/// The config field an option sets: its name in camelCase, or its renamed field.
fn field_of(id: &str) -> String {
    if let Some((_, field)) = RENAMED.iter().find(|(flag, _)| *flag == id) {
        return field.to_string();
    }
    rnn_playground::settings::camel_case(id)
}

/// The default of `field` as the option is written (`--clip` takes the mode and the
/// threshold as `norm:5`).
fn default_text(config: &Value, field: &str) -> Option<String> {
    let v = config.get(field).filter(|v| *v != "")?;
    if field == "clip" {
        let threshold = config.get("clipThreshold").map(number_text).unwrap_or_default();
        return Some(if v == "none" { "none".into() } else { format!("{}:{threshold}", scalar(v)) });
    }
    Some(scalar(v))
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(_) => number_text(v),
        other => other.to_string(),
    }
}

fn number_text(v: &Value) -> String {
    schema::scalar_text(&Scalar::Number(v.as_f64().unwrap_or(f64::NAN)))
}

/// ", 1 to 64" for a range of the table, ", at most 200 characters" for a text.
fn range_text(kind: &Kind) -> String {
    let n = |x: f64| schema::scalar_text(&Scalar::Number(x));
    match kind {
        Kind::Int { min, max } | Kind::Number { min, max } => format!(", {} to {}", n(*min), n(*max)),
        Kind::Text { max_length } => format!(", at most {max_length} characters"),
        Kind::Choice { .. } => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn help_of(cmd: &mut Command, path: &[&str], long: &str) -> String {
        let mut c = cmd.clone();
        for name in path {
            c = c.find_subcommand(name).unwrap_or_else(|| panic!("no subcommand {name}")).clone();
        }
        let arg = c.get_arguments().find(|a| a.get_long() == Some(long)).unwrap_or_else(|| panic!("no --{long}"));
        arg.get_help().map(|h| h.to_string()).unwrap_or_default()
    }

    #[test]
    fn defaults_and_ranges_come_from_the_engine() {
        let mut cmd = command(crate::Cli::command());
        let page = PageConfigs::default();
        let units = help_of(&mut cmd, &["train", "sentence"], "units");
        assert!(units.ends_with(&format!(", 1 to 64 [page: {}]", page.sentence.units)), "{units}");
        let lr = help_of(&mut cmd, &["train", "sentence"], "lr");
        assert!(lr.ends_with(&format!(" [page: {}]", page.sentence.learning_rate)), "{lr}");
        let clip = help_of(&mut cmd, &["train", "sentence"], "clip");
        assert!(clip.ends_with(&format!("[page: norm:{}]", page.sentence.clip_threshold)), "{clip}");
        assert!(help_of(&mut cmd, &["plot"], "clip").ends_with("[page: none]"));
        let radius = help_of(&mut cmd, &["plot"], "radius");
        assert!(radius.ends_with(&format!(", 0.1 to 2.5 [page: {}]", page.lab.radius)), "{radius}");
        let units = help_of(&mut cmd, &["plot"], "units");
        assert!(units.ends_with(&format!(", 1 to 64 [page: {}]", page.lab.units)), "{units}");
        assert!(help_of(&mut cmd, &["plot"], "width").ends_with(", 64 to 8192"));
        let text = help_of(&mut cmd, &["train", "text"], "units");
        assert!(text.ends_with(&format!(", 8 to 256 [page: {}]", page.text.units)), "{text}");
        let temperature = help_of(&mut cmd, &["write"], "temperature");
        assert!(temperature.ends_with(", 0.05 to 2"), "{temperature}");
        let text = help_of(&mut cmd, &["train", "sentence"], "text");
        assert!(text.ends_with(&format!(" characters [page: {}]", page.sentence.text)), "{text}");
    }

    /// Every option of the annotated commands that is a config field says its default,
    /// and no doc comment types one.
    #[test]
    fn no_default_is_typed() {
        for source in [include_str!("train.rs"), include_str!("plot.rs"), include_str!("write.rs")] {
            for line in source.lines().filter(|l| l.trim_start().starts_with("///")) {
                assert!(!line.contains("[page:") && !line.contains("[default:"), "typed in a doc comment: {line}");
            }
        }
        // Every option is a setting with the page's default, except these.
        let not_settings = [
            "from-url",
            "no-shuffle",
            "json",
            "json-errors",
            "save",
            "init",
            "corpus",
            "updates",
            "every",
            "length",
            "seed-text",
            "temperature",
            "sample-seed",
        ];
        let cmd = command(crate::Cli::command());
        let train = cmd.find_subcommand("train").unwrap();
        for sub in ["sentence", "series", "text"] {
            for arg in train.find_subcommand(sub).unwrap().get_arguments() {
                let Some(long) = arg.get_long().filter(|l| !not_settings.contains(l)) else { continue };
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(help.contains("[page: "), "train {sub} --{long}: {help}");
            }
        }
    }
}
