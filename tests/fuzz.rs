//! The model and trace readers take any text without panicking, allocating
//! without bound or running for long. Seeded mutations of the parity fixtures (a value
//! replaced by a huge, negative, fractional, non-finite or wrongly typed one; an array cut
//! or grown; a key removed; the text cut, a byte changed, a byte-order mark put in front),
//! run through `model_from_json` and `trace_from_json`. Every case and its outcome (the
//! trace's text, or the error as `{kind, ...fields}`) is written to
//! `target/fuzz/cases.jsonl`, where tests/wasm/fuzz.test.mjs sends the same inputs through
//! the WebAssembly build and compares the outcomes.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use rnn_playground::format::model_file::model_from_json;
use rnn_playground::format::trace::trace_from_json;
use rnn_playground::rng::Rng;
use serde_json::{json, Value};

const MUTATIONS: usize = 3000;
const LIVENESS: Duration = Duration::from_secs(10);

fn fixtures() -> Vec<(Value, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parity");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            (v["model"].clone(), v["request"].clone())
        })
        .collect()
}

/// Every path to a value inside `v`.
fn paths(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            let mut p = here.clone();
            p.push(k.clone());
            paths(x, p, out)
        }),
        Value::Array(a) => a.iter().enumerate().take(3).for_each(|(i, x)| {
            let mut p = here.clone();
            p.push(i.to_string());
            paths(x, p, out)
        }),
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        other => &mut other[k.as_str()],
    })
}

/// One seeded change to a JSON value.
fn mutate_value(v: &mut Value, rng: &mut Rng) {
    let mut all = vec![];
    paths(v, vec![], &mut all);
    let path = &all[rng.below(all.len())];
    let target = at(v, path);
    let replacements = [
        json!(4_294_967_300u64),
        json!(4_294_967_298u64),
        json!(u64::MAX),
        json!(-1),
        json!(0),
        json!(2.5),
        json!(1e308),
        json!(-1e308),
        json!("NaN"),
        json!(null),
        json!(true),
        json!("lstm"),
        json!([]),
        json!({}),
        json!(100_000),
        json!(4096),
    ];
    match rng.below(4) {
        0 => *target = replacements[rng.below(replacements.len())].clone(),
        1 => {
            if let Value::Array(a) = target {
                if rng.below(2) == 0 {
                    a.truncate(a.len() / 2);
                } else if let Some(first) = a.first().cloned() {
                    for _ in 0..3 {
                        a.push(first.clone());
                    }
                }
            }
        }
        2 => {
            if let Value::Object(m) = target {
                let keys: Vec<String> = m.keys().cloned().collect();
                if !keys.is_empty() {
                    m.remove(&keys[rng.below(keys.len())]);
                }
            }
        }
        _ => *target = replacements[rng.below(replacements.len())].clone(),
    }
}

/// One seeded change to a text.
fn mutate_text(text: &str, rng: &mut Rng) -> String {
    let bytes = text.as_bytes();
    match rng.below(5) {
        0 => String::from_utf8_lossy(&bytes[..rng.below(bytes.len().max(1))]).into_owned(),
        1 => format!("\u{feff}{text}"),
        2 => {
            let mut b = bytes.to_vec();
            if !b.is_empty() {
                let i = rng.below(b.len());
                b[i] = b"[]{},:\"0-eNI9 "[rng.below(14)];
            }
            String::from_utf8_lossy(&b).into_owned()
        }
        3 => text.replacen("0.", "NaN, 0.", 1 + rng.below(3)),
        _ => text.replace(", ", ",\n"),
    }
}

#[test]
fn mutated_models_and_requests_never_panic_or_hang() {
    let cases = fixtures();
    let mut rng = Rng::new(9);
    let (mut accepted, mut refused) = (0, 0);
    let mut record = String::new();
    for i in 0..MUTATIONS {
        let (mut model, mut request) = cases[i % cases.len()].clone();
        let (model_text, request_text) = match rng.below(3) {
            0 => {
                mutate_value(&mut model, &mut rng);
                (model.to_string(), request.to_string())
            }
            1 => {
                mutate_value(&mut request, &mut rng);
                (model.to_string(), request.to_string())
            }
            _ => {
                let m = serde_json::to_string_pretty(&model).unwrap();
                if rng.below(2) == 0 {
                    (mutate_text(&m, &mut rng), request.to_string())
                } else {
                    (m, mutate_text(&request.to_string(), &mut rng))
                }
            }
        };
        let start = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let _ = model_from_json(&model_text);
            trace_from_json(&model_text, &request_text)
        }))
        .unwrap_or_else(|_| panic!("mutation {i} panicked:\nmodel: {model_text}\nrequest: {request_text}"));
        assert!(start.elapsed() < LIVENESS, "mutation {i} took {:?}", start.elapsed());
        let result = match outcome {
            Ok(t) => {
                accepted += 1;
                json!({ "trace": t.json })
            }
            Err(e) => {
                refused += 1;
                assert!(!e.to_string().is_empty());
                json!({ "error": e })
            }
        };
        record.push_str(&json!({ "model": model_text, "request": request_text, "outcome": result }).to_string());
        record.push('\n');
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cases.jsonl"), record).unwrap();
    println!("{MUTATIONS} mutations: {accepted} accepted, {refused} refused with a message");
    assert!(refused > MUTATIONS / 3 && accepted > MUTATIONS / 20, "the mutations reach both outcomes");
}
