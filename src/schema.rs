//! The page's settings, as one table the engine gives: for every setting in a page link,
//! its key in the URL, the config field it sets, its kind with its allowed values or range
//! (from [`crate::settings::limits`]) and its default (from the config's `Default`). The
//! page builds its controls and its URL state from this table; `rnnp --from-url` reads a
//! page link with it, by the same rules, so both run the same network.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::activation::Activation;
use crate::data::text::Tokenize;
use crate::error::{Result, RnnError};
use crate::lab::explode::ExplodeConfig;
use crate::lab::{LabConfig, RecurrentInit};
use crate::series::SeriesConfig;
use crate::session::SentenceConfig;
use crate::settings::limits::{self, Int, Real};
use crate::settings::{de, CellName, Choices, ClipMode, OptimizerName};
use crate::writing::{self, TextConfig};

/// A default: a name, a number or a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[serde(untagged)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Scalar {
    Number(f64),
    Text(String),
}

/// What values a setting takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Kind {
    /// One of a list (names, or a few numbers).
    Choice { values: Vec<Scalar> },
    /// A whole number in [min, max].
    Int { min: f64, max: f64 },
    /// A number in [min, max].
    Number { min: f64, max: f64 },
    /// A text of at most `max_length` characters, not blank.
    Text { max_length: u64 },
}

/// One setting of a page link.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Setting {
    /// The name in the URL.
    pub key: &'static str,
    /// Which config it belongs to: sentence, lab, explode, series or text ([`PAGE`]: none).
    pub group: &'static str,
    /// The config field it sets.
    pub field: &'static str,
    pub kind: Kind,
    pub default: Scalar,
    /// The key's old name, which links already handed out use: still read, never written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<&'static str>,
}

/// The configs of a page link.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageConfigs {
    pub sentence: SentenceConfig,
    pub lab: LabConfig,
    pub explode: ExplodeConfig,
    pub series: SeriesConfig,
    pub text: TextConfig,
    /// Epochs the sentence network had been trained in the link (`trained=`).
    pub trained: u64,
}

/// The group of the settings the page keeps itself (the sentence view's moment, how the
/// Write view trains and writes): bounded by the engine, set in no config.
pub const PAGE: &str = "page";

/// A token of the sentence (0: none).
fn moment() -> Kind {
    Kind::Int { min: 0.0, max: limits::SENTENCE_TOKENS.max as f64 }
}

fn names<T: Choices>() -> Kind {
    Kind::Choice { values: T::names().into_iter().map(Scalar::Text).collect() }
}

fn int(r: Int) -> Kind {
    Kind::Int { min: r.min as f64, max: r.max as f64 }
}

fn real(r: Real) -> Kind {
    Kind::Number { min: r.min, max: r.max }
}

fn text(name: String) -> Scalar {
    Scalar::Text(name)
}

fn number(v: impl Into<f64>) -> Scalar {
    Scalar::Number(v.into())
}

/// Every setting of a page link, view by view. The defaults are the configs' `Default`
/// values (a test checks each against the config's serialised field, so a renamed field
/// or a changed default cannot drift from this table).
pub fn settings() -> Vec<Setting> {
    let sentence = SentenceConfig::default();
    let lab = LabConfig::default();
    let explode = ExplodeConfig::default();
    let series = SeriesConfig::default();
    let text_config = TextConfig::default();
    let set = |key, group, field, kind, default| Setting { key, group, field, kind, default, alias: None };
    vec![
        set("text", "sentence", "text", Kind::Text { max_length: limits::SENTENCE_CHARS.max }, text(sentence.text.clone())),
        set("tokenize", "sentence", "tokenize", names::<Tokenize>(), text(sentence.tokenize.name())),
        set("cell", "sentence", "cell", names::<CellName>(), text(sentence.cell.name())),
        set("activation", "sentence", "activation", names::<Activation>(), text(sentence.activation.name())),
        set("units", "sentence", "units", int(limits::SENTENCE_UNITS), number(sentence.units as f64)),
        set("lr", "sentence", "learningRate", real(limits::LEARNING_RATE), number(sentence.learning_rate)),
        set("optimizer", "sentence", "optimizer", names::<OptimizerName>(), text(sentence.optimizer.name())),
        set("clip", "sentence", "clip", names::<ClipMode>(), text(sentence.clip.name())),
        set("clipAt", "sentence", "clipThreshold", real(limits::CLIP_THRESHOLD), number(sentence.clip_threshold)),
        set("seed", "sentence", "seed", int(limits::SEED), number(sentence.seed as f64)),
        set("epochs", "sentence", "epochs", int(limits::SENTENCE_EPOCHS), number(sentence.epochs as f64)),
        set("trained", "sentence", "trained", int(limits::TRAINED), number(0.0)),
        set("gcell", "lab", "cell", names::<CellName>(), text(lab.cell.name())),
        set("gact", "lab", "activation", names::<Activation>(), text(lab.activation.name())),
        set("seqLen", "lab", "seqLen", int(limits::LAB_STEPS), number(lab.seq_len as f64)),
        set("radius", "lab", "radius", real(limits::LAB_RADIUS), number(lab.radius)),
        set("forgetBias", "lab", "forgetBias", Kind::Choice { values: [0.0, 1.0, 5.0].map(Scalar::Number).to_vec() }, number(lab.forget_bias)),
        // `winit` is the key's old name (w… reads as the Write view's keys).
        Setting { alias: Some("winit"), ..set("ginit", "lab", "init", names::<RecurrentInit>(), text(lab.init.name())) },
        set("gseed", "lab", "seed", int(limits::SEED), number(lab.seed as f64)),
        set("clipMode", "explode", "clip", names::<ClipMode>(), text(explode.clip.name())),
        set("clipC", "explode", "clipThreshold", real(limits::CLIP_THRESHOLD), number(explode.clip_threshold)),
        set("taskLen", "explode", "length", int(limits::TASK_STEPS), number(explode.length as f64)),
        set("sequences", "series", "sequences", int(limits::SERIES_SEQUENCES), number(series.sequences as f64)),
        set("length", "series", "length", int(limits::SERIES_LENGTH), number(series.length as f64)),
        set("noise", "series", "noise", real(limits::SERIES_NOISE), number(series.noise)),
        set("sseed", "series", "seed", int(limits::SEED), number(series.seed as f64)),
        set("wcell", "text", "cell", names::<CellName>(), text(text_config.cell.name())),
        set("wunits", "text", "units", int(writing::TEXT_UNITS), number(text_config.units as f64)),
        set("wseqLen", "text", "seqLen", int(writing::TEXT_SEQ_LEN), number(text_config.seq_len as f64)),
        set("wbatch", "text", "batchSize", int(writing::TEXT_BATCH), number(text_config.batch_size as f64)),
        set("wlr", "text", "learningRate", real(limits::LEARNING_RATE), number(text_config.learning_rate)),
        set("wseed", "text", "seed", int(limits::SEED), number(text_config.seed as f64)),
        // The page's own: what it shows and writes with, bounded by the engine.
        set("highlight", PAGE, "highlight", moment(), number(0.0)),
        set("pos", PAGE, "pos", moment(), number(0.0)),
        set("back", PAGE, "back", moment(), number(0.0)),
        set("wupdates", PAGE, "updates", int(limits::TEXT_UPDATES), number(writing::PAGE_UPDATES_DEFAULT as f64)),
        set("prompt", PAGE, "seedText", Kind::Text { max_length: limits::LINK_SEED_TEXT_CHARS.max }, text(String::new())),
        set("temp", PAGE, "temperature", real(limits::TEMPERATURE), number(writing::TEMPERATURE_DEFAULT)),
        set("dseed", PAGE, "sampleSeed", int(limits::SEED), number(writing::SAMPLE_SEED_DEFAULT as f64)),
    ]
}

/// Reads one raw URL value by its setting's rules: a choice must be one of the values as
/// written; a whole number only digits (with a sign); a number any finite decimal; a text
/// at most its length and not blank. Anything else is `None` (the page keeps the default
/// and names the key).
pub fn parse_value(kind: &Kind, raw: &str) -> Option<Scalar> {
    match kind {
        Kind::Choice { values } => values.iter().find(|v| scalar_text(v) == raw).cloned(),
        Kind::Int { min, max } => {
            let digits = raw.strip_prefix('-').unwrap_or(raw);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: f64 = raw.parse().ok()?;
            (n >= *min && n <= *max).then_some(Scalar::Number(n))
        }
        Kind::Number { min, max } => {
            if !is_decimal(raw) {
                return None;
            }
            let n: f64 = raw.parse().ok()?;
            (n.is_finite() && n >= *min && n <= *max).then_some(Scalar::Number(n))
        }
        Kind::Text { max_length } => (raw.chars().count() as u64 <= *max_length && !raw.trim().is_empty()).then(|| Scalar::Text(raw.to_string())),
    }
}

/// A decimal number as people write it: `[+-]digits[.digits][e[+-]digits]` (no hex, no
/// words such as Infinity, no spaces), the same rule as the page's `state.js`.
fn is_decimal(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// A scalar as a URL writes it (5, not 5.0).
pub fn scalar_text(v: &Scalar) -> String {
    match v {
        Scalar::Text(s) => s.clone(),
        Scalar::Number(n) => format!("{n}"),
    }
}

/// Decodes `%XX` and `+` as a browser's URLSearchParams does (bad escapes stay as written).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                // Two hex digits, as the page's URLSearchParams reads them ("%+A" is not
                // an escape: `from_str_radix` alone would take its "+" for a sign).
                let digits = &bytes[i + 1..i + 3];
                let hex =
                    digits.iter().all(u8::is_ascii_hexdigit).then(|| std::str::from_utf8(digits).ok().and_then(|h| u8::from_str_radix(h, 16).ok())).flatten();
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The settings of a page link (the whole URL or its query): the configs it sets, and the
/// keys whose values were refused (they keep their defaults, as on the page). Keys the
/// engine does not know (the view, the language, a campaign tag) are not settings.
pub fn from_url(url: &str) -> Result<(PageConfigs, Vec<String>)> {
    let query = match url.split_once('?') {
        Some((_, q)) => q,
        None => url,
    };
    let query = query.split('#').next().unwrap_or("");
    let table = settings();
    let mut groups: [(&str, Map<String, Value>); 5] =
        [("sentence", Map::new()), ("lab", Map::new()), ("explode", Map::new()), ("series", Map::new()), ("text", Map::new())];
    let mut rejected = vec![];
    let mut trained = 0;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, raw) = (decode(k), decode(v));
        let Some(setting) = table.iter().find(|s| (s.key == key || s.alias == Some(key.as_str())) && s.group != PAGE) else { continue };
        // A key given twice: the last one counts, as on the page; refused, it leaves the
        // default (not an earlier value).
        let group = &mut groups.iter_mut().find(|(g, _)| *g == setting.group).expect("a known group").1;
        group.remove(setting.field);
        if setting.key == "trained" {
            trained = 0;
        }
        match parse_value(&setting.kind, &raw) {
            Some(value) if setting.key == "trained" => trained = if let Scalar::Number(n) = value { n as u64 } else { 0 },
            Some(value) => {
                let json = match value {
                    Scalar::Text(s) => Value::String(s),
                    Scalar::Number(n) if n.fract() == 0.0 => Value::from(n as i64),
                    Scalar::Number(n) => Value::from(n),
                };
                group.insert(setting.field.to_string(), json);
            }
            None => rejected.push(key),
        }
    }
    let get = |name: &str| Value::Object(groups.iter().find(|(g, _)| *g == name).expect("a known group").1.clone());
    Ok((
        PageConfigs {
            sentence: de::from_value(&get("sentence")).map_err(|e| e.within("sentence"))?,
            lab: de::from_value(&get("lab")).map_err(|e| e.within("lab"))?,
            explode: de::from_value(&get("explode")).map_err(|e| e.within("explode"))?,
            series: de::from_value(&get("series")).map_err(|e| e.within("series"))?,
            text: de::from_value(&get("text")).map_err(|e| e.within("text"))?,
            trained,
        },
        rejected,
    ))
}

/// Refuses a link whose settings the engine does not accept together (each value was in
/// range, but e.g. the sentence is too long for the page).
pub fn check(configs: &PageConfigs) -> Result<()> {
    configs.sentence.validate()?;
    configs.lab.validate()?;
    configs.explode.validate()?;
    configs.series.validate()?;
    configs.text.validate()?;
    limits::TRAINED.check("trained", configs.trained).map(|_| ()).map_err(|e: RnnError| e)
}

#[cfg(test)]
mod tests {
    /// Each default in the table is the config's own, read from its serialised form by
    /// the field's name.
    #[test]
    fn defaults_are_the_configs() {
        let configs = [
            ("sentence", serde_json::to_value(SentenceConfig::default()).unwrap()),
            ("lab", serde_json::to_value(LabConfig::default()).unwrap()),
            ("explode", serde_json::to_value(ExplodeConfig::default()).unwrap()),
            ("series", serde_json::to_value(SeriesConfig::default()).unwrap()),
            ("text", serde_json::to_value(TextConfig::default()).unwrap()),
        ];
        for s in settings() {
            if s.key == "trained" || s.group == PAGE {
                continue;
            }
            let (_, config) = configs.iter().find(|(g, _)| *g == s.group).expect("a known group");
            let serialised = match &config[s.field] {
                Value::String(t) => Scalar::Text(t.clone()),
                Value::Number(n) => Scalar::Number(n.as_f64().unwrap()),
                other => panic!("{}: {other}", s.key),
            };
            assert_eq!(s.default, serialised, "{}", s.key);
        }
    }

    use super::*;

    /// The table's range of a setting is the one its config's `validate()` checks, under
    /// the same field name: a value just outside either end is refused, naming the field
    /// and the table's bounds.
    #[test]
    fn the_tables_limits_are_the_ones_validate_checks() {
        fn check(group: &str, v: &Value) -> Result<()> {
            match group {
                "sentence" => de::from_value::<SentenceConfig>(v)?.validate(),
                "lab" => de::from_value::<LabConfig>(v)?.validate(),
                "explode" => de::from_value::<ExplodeConfig>(v)?.validate(),
                "series" => de::from_value::<SeriesConfig>(v)?.validate(),
                "text" => de::from_value::<TextConfig>(v)?.validate(),
                other => panic!("no config {other}"),
            }
        }
        let mut checked = 0;
        for s in settings() {
            let (min, max, below, above) = match s.kind {
                Kind::Int { min, max } => (min, max, min - 1.0, max + 1.0),
                Kind::Number { min, max } => (min, max, min - min.abs().max(1e-6) * 0.5, max * 1.5 + 1.0),
                _ => continue,
            };
            if s.key == "trained" || s.group == PAGE {
                continue;
            }
            for outside in [below, above] {
                if outside < 0.0 && matches!(s.kind, Kind::Int { .. }) {
                    continue; // a negative whole number is refused as one, before its range
                }
                let mut v = serde_json::Map::new();
                v.insert(s.field.to_string(), serde_json::json!(outside));
                match check(s.group, &Value::Object(v)) {
                    Err(RnnError::OutOfRange { field, min: lo, max: hi, .. }) => {
                        assert_eq!((field.as_str(), lo, hi), (s.field, min, max), "{} = {outside}", s.key);
                        checked += 1;
                    }
                    other => panic!("{} = {outside}: {other:?}", s.key),
                }
            }
        }
        assert!(checked >= 20, "{checked}");
    }

    /// Each config field's doc ends with its default ("Default: `8`."), as the config's
    /// `Default` has it.
    #[test]
    fn the_documented_defaults_are_the_defaults() {
        let sources = [
            ("SentenceConfig", include_str!("session.rs"), serde_json::to_value(SentenceConfig::default()).unwrap()),
            ("LabConfig", include_str!("lab/mod.rs"), serde_json::to_value(LabConfig::default()).unwrap()),
            ("ExplodeConfig", include_str!("lab/explode.rs"), serde_json::to_value(ExplodeConfig::default()).unwrap()),
            ("SeriesConfig", include_str!("series.rs"), serde_json::to_value(SeriesConfig::default()).unwrap()),
            ("TextConfig", include_str!("writing.rs"), serde_json::to_value(TextConfig::default()).unwrap()),
        ];
        for (name, source, defaults) in sources {
            let body = source.split(&format!("pub struct {name} {{")).nth(1).expect(name).split("\n}").next().unwrap();
            let mut doc = String::new();
            let mut fields = 0;
            for line in body.lines().map(str::trim) {
                if let Some(text) = line.strip_prefix("///") {
                    doc.push_str(text);
                    continue;
                }
                let Some(field) = line.strip_prefix("pub ").and_then(|l| l.split(':').next()) else { continue };
                let key = crate::settings::camel_case(field);
                let written = doc.split("Default: ").nth(1).unwrap_or_else(|| panic!("{name}.{field} does not say its default"));
                let want = &defaults[&key];
                if let Some(value) = written.strip_prefix('`').and_then(|w| w.split('`').next()) {
                    let same = match want {
                        Value::String(s) => s == value,
                        Value::Bool(b) => b.to_string() == value,
                        Value::Number(n) => value.parse::<f64>().ok() == n.as_f64(),
                        _ => false,
                    };
                    assert!(same, "{name}.{field}: the doc says {value}, the default is {want}");
                } else {
                    assert!(want.is_string(), "{name}.{field}: its default is not written as a value");
                }
                fields += 1;
                doc.clear();
            }
            assert_eq!(fields, defaults.as_object().unwrap().len(), "{name}: every field");
        }
    }

    #[test]
    fn defaults_come_from_the_configs() {
        let table = settings();
        let get = |k: &str| table.iter().find(|s| s.key == k).unwrap().clone();
        assert_eq!(get("units").default, Scalar::Number(8.0));
        assert_eq!(get("cell").default, Scalar::Text("simple_rnn".into()));
        assert_eq!(get("gact").default, Scalar::Text("linear".into()));
        assert_eq!(get("radius").kind, Kind::Number { min: 0.1, max: 2.5 });
        assert_eq!(get("forgetBias").default, Scalar::Number(1.0));
        let keys: std::collections::HashSet<_> = table.iter().map(|s| s.key).collect();
        assert_eq!(keys.len(), table.len(), "keys are unique");
    }

    #[test]
    fn a_link_sets_the_configs_and_names_what_it_refused() {
        let (c, rejected) = from_url("https://example.org/rnn/?cell=lstm&units=16&lr=0.05&radius=9&text=a+b%20c&view=gradients&trained=300#x").unwrap();
        assert_eq!(c.sentence.cell, CellName::Lstm);
        assert_eq!(c.sentence.units, 16);
        assert_eq!(c.sentence.learning_rate, 0.05);
        assert_eq!(c.sentence.text, "a b c");
        assert_eq!(c.lab.radius, LabConfig::default().radius);
        assert_eq!(c.trained, 300);
        assert_eq!(rejected, ["radius"]);
    }

    /// The cases the page's `state.js` is tested on too (tests/wasm/state.test.mjs).
    #[test]
    fn the_shared_url_cases() {
        #[derive(serde::Deserialize)]
        struct Case {
            kind: Kind,
            raw: String,
            value: Option<Scalar>,
        }
        let file: Value = serde_json::from_str(include_str!("../tests/fixtures/url/cases.json")).unwrap();
        let cases: Vec<Case> = serde_json::from_value(file["cases"].clone()).unwrap();
        assert!(cases.len() > 20);
        for c in cases {
            assert_eq!(parse_value(&c.kind, &c.raw), c.value, "{:?} {:?}", c.kind, c.raw);
        }
    }

    /// Whole links, read as the page reads them (tests/wasm/boundary.test.mjs reads the same).
    #[test]
    fn the_shared_url_queries() {
        let file: Value = serde_json::from_str(include_str!("../tests/fixtures/url/cases.json")).unwrap();
        let queries = file["queries"].as_array().unwrap();
        assert!(queries.len() >= 10);
        let table = settings();
        for q in queries {
            let query = q["query"].as_str().unwrap();
            let (configs, rejected) = from_url(query).unwrap();
            let json = serde_json::to_value(&configs).unwrap();
            for (key, want) in q["values"].as_object().unwrap() {
                let setting = table.iter().find(|s| s.key == key).unwrap_or_else(|| panic!("{key}"));
                let got = if setting.key == "trained" { json["trained"].clone() } else { json[setting.group][setting.field].clone() };
                let want = if want == "default" { serde_json::to_value(&setting.default).unwrap() } else { want.clone() };
                assert_eq!(got.as_f64().map(Value::from).unwrap_or(got.clone()), want.as_f64().map(Value::from).unwrap_or(want.clone()), "{query}: {key}");
            }
            let named: Vec<&str> = q["rejected"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
            assert_eq!(rejected, named, "{query}");
        }
    }

    #[test]
    fn values_are_read_by_the_page_rules() {
        let units = Kind::Int { min: 1.0, max: 64.0 };
        assert_eq!(parse_value(&units, "8"), Some(Scalar::Number(8.0)));
        for bad in ["8.0", "", "1e1", "65", "0", "08x", " 8"] {
            assert_eq!(parse_value(&units, bad), None, "{bad:?}");
        }
        let lr = Kind::Number { min: 1e-5, max: 1.0 };
        assert_eq!(parse_value(&lr, "1e-2"), Some(Scalar::Number(0.01)));
        assert_eq!(parse_value(&lr, "NaN"), None);
        assert_eq!(parse_value(&lr, "inf"), None);
        assert_eq!(decode("%E6%88%91+%"), "我 %");
    }
}
