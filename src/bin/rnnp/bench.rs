//! `rnnp bench`: the benchmark workloads, native, timed here. Prints a table, or JSON
//! with `--json` (what `npm run bench` reads).

use std::time::Instant;

use clap::Args;
use rnn_playground::bench::{char_model, seed_example, Workload};
use rnn_playground::session::{SentenceConfig, SentenceSession};
use serde_json::json;

use rnn_playground::settings::limits::BENCH_SECONDS;

use super::out::Out;
use super::CliResult;

/// `rnnp bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Seconds to spend measuring each workload (after a warm-up), 0.1 to 600.
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// Runs batches for about `seconds` after two warm-up batches; returns (batches, seconds).
fn measure(w: &mut Workload, seconds: f64) -> CliResult<(usize, f64)> {
    w.run_batches(2)?;
    let start = Instant::now();
    let mut batches = 0;
    while start.elapsed().as_secs_f64() < seconds || batches < 3 {
        w.run_batches(1)?;
        batches += 1;
    }
    Ok((batches, start.elapsed().as_secs_f64()))
}

/// The sentence view's step: one token forward through the default network (the engine
/// only; no page to redraw on the command line).
fn step_latency(seconds: f64) -> serde_json::Value {
    let mut session = SentenceSession::new(SentenceConfig::default()).expect("the default session builds");
    let start = Instant::now();
    let mut steps = 0u64;
    while start.elapsed().as_secs_f64() < seconds {
        if session.stepper.step().is_none() {
            session.stepper.reset();
        }
        steps += 1;
    }
    json!({ "workload": "step: one token of the sentence view", "seconds_per_step": start.elapsed().as_secs_f64() / steps as f64 })
}

pub fn bench(args: &BenchArgs, out: &mut Out) -> CliResult<()> {
    BENCH_SECONDS.check("seconds", args.seconds)?;
    let mut rows = vec![];
    for mut w in [seed_example()?, char_model(false)?, char_model(true)?] {
        let (batches, secs) = measure(&mut w, args.seconds)?;
        let per_batch = secs / batches as f64;
        let i = &w.info;
        rows.push(json!({
            "workload": i.name,
            "seconds_per_batch": per_batch,
            "seconds_per_epoch": per_batch * i.batches_per_epoch as f64,
            "samples_per_second": i.batch_size as f64 / per_batch,
            "tokens_per_second": i.tokens_per_batch as f64 / per_batch,
            "gflops": i.flops_per_batch / per_batch / 1e9,
        }));
    }
    rows.push(step_latency(args.seconds.min(1.0)));
    if args.json {
        out.line(serde_json::to_string_pretty(&rows).expect("JSON"))?;
    } else {
        for r in rows.iter().filter(|r| r.get("gflops").is_some()) {
            out.line(format!(
                "{:55} {:8.4} s/epoch {:9.0} samples/s {:10.0} tokens/s {:6.2} GFLOP/s",
                r["workload"].as_str().unwrap_or(""),
                r["seconds_per_epoch"].as_f64().unwrap_or(0.0),
                r["samples_per_second"].as_f64().unwrap_or(0.0),
                r["tokens_per_second"].as_f64().unwrap_or(0.0),
                r["gflops"].as_f64().unwrap_or(0.0)
            ))?;
        }
    }
    if let Some(step) = rows.last().and_then(|r| r["seconds_per_step"].as_f64()) {
        if !args.json {
            out.line(format!("{:55} {:8.2} µs per token", "step: one token of the sentence view", step * 1e6))?;
        }
    }
    Ok(())
}
