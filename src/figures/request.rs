//! Reading a chart request (`{"flow": {"title": …, …}}`) from the page.
//!
//! The requests are typed enums ([`SentenceFigure`], [`LabFigure`], [`SeriesFigure`]) with
//! serde's derive, and the command line and the tests read them with it. In the page's
//! WebAssembly, serde's generated reader for twelve variants of text fields is the largest
//! single function of the download (about 20 KB for the lab's six), so the page reads them
//! with this small reader instead: the same rules (one variant, every field present and of
//! its type, no unknown field) and the same errors; a test checks the two agree.

use serde_json::{Map, Value};

use super::lab::LabFigure;
use super::sentence::SentenceFigure;
use super::series::SeriesFigure;
use super::writing::WritingFigure;
use crate::error::{Expected, Result, RnnError};

/// The fields of one variant (none unknown: see [`fields`]), read one by one.
#[derive(Clone, Copy)]
struct Fields<'a> {
    variant: &'a str,
    map: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    fn path(&self, name: &str) -> String {
        format!("{}.{}", self.variant, name)
    }

    #[inline(never)]
    fn get(&self, name: &str) -> Result<&'a Value> {
        self.map.get(name).ok_or_else(|| RnnError::Missing { field: self.path(name) })
    }

    #[inline(never)]
    fn wrong(&self, name: &str, expected: Expected, got: &Value) -> RnnError {
        RnnError::wrong_type(self.path(name), expected, got)
    }

    /// The text fields `names`, in order.
    #[inline(never)]
    fn texts<const N: usize>(&self, names: [&str; N]) -> Result<[String; N]> {
        let mut out: [String; N] = std::array::from_fn(|_| String::new());
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = self.text(name)?;
        }
        Ok(out)
    }

    #[inline(never)]
    fn text(&self, name: &str) -> Result<String> {
        match self.get(name)? {
            Value::String(s) => Ok(s.clone()),
            other => Err(self.wrong(name, Expected::Text, other)),
        }
    }

    #[inline(never)]
    fn flag(&self, name: &str) -> Result<bool> {
        match self.get(name)? {
            Value::Bool(b) => Ok(*b),
            other => Err(self.wrong(name, Expected::Boolean, other)),
        }
    }

    /// A whole number from 0; `null` or absent is `None` when `optional`.
    #[inline(never)]
    fn whole(&self, name: &str, optional: bool) -> Result<Option<u64>> {
        match self.map.get(name) {
            None | Some(Value::Null) if optional => Ok(None),
            None => Err(RnnError::Missing { field: self.path(name) }),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) => Ok(Some(v)),
                None if n.as_f64().is_some_and(|f| f.fract() != 0.0) => Err(RnnError::NotWhole { field: self.path(name), value: n.to_string() }),
                None => Err(self.wrong(name, Expected::WholeFromZero, &Value::Number(n.clone()))),
            },
            Some(other) => Err(self.wrong(name, Expected::WholeFromZero, other)),
        }
    }

    #[inline(never)]
    fn three(&self, name: &str) -> Result<[String; 3]> {
        let v = self.get(name)?;
        let list = v.as_array().ok_or_else(|| self.wrong(name, Expected::Array { shape: "[3]".into() }, v))?;
        if list.len() != 3 {
            return Err(RnnError::shape(self.path(name), "[3]", format!("[{}]", list.len())));
        }
        let text = |i: usize| list[i].as_str().map(str::to_string).ok_or_else(|| self.wrong(name, Expected::Text, &list[i]));
        Ok([text(0)?, text(1)?, text(2)?])
    }
}

/// The one variant of `value` (`{"name": {fields}}`), among `variants`.
fn variant<'a>(value: &'a Value, variants: &[&str]) -> Result<(&'a str, &'a Map<String, Value>)> {
    let allowed = || variants.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // A bare name is a chart without its texts (or no chart at all), as serde says too.
    if let Value::String(name) = value {
        if !variants.contains(&name.as_str()) {
            return Err(RnnError::NotOneOf { field: "chart".into(), value: name.clone(), allowed: allowed() });
        }
    }
    let outer = value.as_object().ok_or_else(|| RnnError::wrong_type("chart", Expected::OneChart, value))?;
    let mut entries = outer.iter();
    let (Some((name, inner)), None) = (entries.next(), entries.next()) else {
        return Err(RnnError::wrong_type("chart", Expected::OneChart, value));
    };
    if !variants.contains(&name.as_str()) {
        return Err(RnnError::NotOneOf { field: "chart".into(), value: name.clone(), allowed: allowed() });
    }
    let map = inner.as_object().ok_or_else(|| RnnError::wrong_type(name.clone(), Expected::Object, inner))?;
    Ok((name.as_str(), map))
}

/// The variant's fields, once none of them is unknown.
fn fields<'a>(variant: &'a str, map: &'a Map<String, Value>, known: &'static [&'static str]) -> Result<Fields<'a>> {
    let f = Fields { variant, map };
    match map.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(RnnError::UnknownField { field: f.path(k), allowed: known.iter().map(|s| s.to_string()).collect() }),
        None => Ok(f),
    }
}

impl SentenceFigure {
    /// Reads a request from the page (see the module's notes).
    pub fn read(value: &Value) -> Result<Self> {
        let (name, map) = variant(value, &["hidden", "units", "loss", "grad"])?;
        Ok(match name {
            "hidden" => {
                let [title, unit, step, empty] = fields(name, map, &["title", "unit", "step", "empty"])?.texts(["title", "unit", "step", "empty"])?;
                SentenceFigure::Hidden { title, unit, step, empty }
            }
            "units" => {
                let f = fields(name, map, &["title", "step", "empty", "highlight"])?;
                let [title, step, empty] = f.texts(["title", "step", "empty"])?;
                SentenceFigure::Units { title, step, empty, highlight: f.whole("highlight", true)? }
            }
            "loss" => {
                let [title, x, y, reference, empty] =
                    fields(name, map, &["title", "x", "y", "reference", "empty"])?.texts(["title", "x", "y", "reference", "empty"])?;
                SentenceFigure::Loss { title, x, y, reference, empty }
            }
            _ => {
                let [title, x, y, series, empty] = fields(name, map, &["title", "x", "y", "series", "empty"])?.texts(["title", "x", "y", "series", "empty"])?;
                SentenceFigure::Grad { title, x, y, series, empty }
            }
        })
    }
}

impl LabFigure {
    /// Reads a request from the page (see the module's notes).
    pub fn read(value: &Value) -> Result<Self> {
        let (name, map) = variant(value, &["flow", "cells", "spectrum", "jacobians", "explode", "race"])?;
        Ok(match name {
            "flow" => {
                let f = fields(name, map, &["title", "x", "y", "measured", "reference", "empty", "fixedAxis"])?;
                let [title, x, y, measured, reference, empty] = f.texts(["title", "x", "y", "measured", "reference", "empty"])?;
                LabFigure::Flow { title, x, y, measured, reference, empty, fixed_axis: f.flag("fixedAxis")? }
            }
            "cells" => {
                let f = fields(name, map, &["title", "x", "y", "empty", "names", "fixedAxis"])?;
                let [title, x, y, empty] = f.texts(["title", "x", "y", "empty"])?;
                LabFigure::Cells { title, x, y, empty, names: f.three("names")?, fixed_axis: f.flag("fixedAxis")? }
            }
            "spectrum" => {
                const F: [&str; 6] = ["title", "eigenvalues", "unit", "inverseGamma", "radius", "sigma"];
                let [title, eigenvalues, unit, inverse_gamma, radius, sigma] = fields(name, map, &F)?.texts(F)?;
                LabFigure::Spectrum { title, eigenvalues, unit, inverse_gamma, radius, sigma }
            }
            "jacobians" => {
                let [title, x, y, one] = fields(name, map, &["title", "x", "y", "one"])?.texts(["title", "x", "y", "one"])?;
                LabFigure::Jacobians { title, x, y, one }
            }
            "explode" => {
                const F: [&str; 8] = ["title", "x", "y", "norm", "loss", "threshold", "floor", "empty"];
                let [title, x, y, norm, loss, threshold, floor, empty] = fields(name, map, &F)?.texts(F)?;
                LabFigure::Explode { title, x, y, norm, loss, threshold, floor, empty }
            }
            _ => {
                let f = fields(name, map, &["title", "x", "y", "chance", "empty", "names"])?;
                let [title, x, y, chance, empty] = f.texts(["title", "x", "y", "chance", "empty"])?;
                LabFigure::Race { title, x, y, chance, empty, names: f.three("names")? }
            }
        })
    }
}

impl SeriesFigure {
    /// Reads a request from the page (see the module's notes).
    pub fn read(value: &Value) -> Result<Self> {
        let (name, map) = variant(value, &["loss", "prediction"])?;
        Ok(if name == "loss" {
            const F: [&str; 6] = ["title", "x", "y", "loss", "baseline", "empty"];
            let [title, x, y, loss, baseline, empty] = fields(name, map, &F)?.texts(F)?;
            SeriesFigure::Loss { title, x, y, loss, baseline, empty }
        } else {
            let f = fields(name, map, &["title", "x", "y", "truth", "prediction", "empty", "count"])?;
            let [title, x, y, truth, prediction, empty] = f.texts(["title", "x", "y", "truth", "prediction", "empty"])?;
            SeriesFigure::Prediction { title, x, y, truth, prediction, empty, count: f.whole("count", false)?.unwrap_or(0) }
        })
    }
}

impl WritingFigure {
    /// Reads a request from the page (see the module's notes).
    pub fn read(value: &Value) -> Result<Self> {
        let (name, map) = variant(value, &["loss", "hidden"])?;
        Ok(if name == "loss" {
            const F: [&str; 8] = ["title", "x", "y", "train", "heldOut", "uniform", "unigram", "empty"];
            let [title, x, y, train, held_out, uniform, unigram, empty] = fields(name, map, &F)?.texts(F)?;
            WritingFigure::Loss { title, x, y, train, held_out, uniform, unigram, empty }
        } else {
            const F: [&str; 4] = ["title", "unit", "step", "empty"];
            let [title, unit, step, empty] = fields(name, map, &F)?.texts(F)?;
            WritingFigure::Hidden { title, unit, step, empty }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::de::from_value;
    use serde_json::json;

    /// Every request the page sends, and broken ones: this reader and serde's derive agree
    /// on the value, and both refuse the same requests with the same kind of error.
    #[test]
    fn agrees_with_serde() {
        let t = "t";
        let good = [
            json!({"hidden": {"title": t, "unit": t, "step": t, "empty": t}}),
            json!({"units": {"title": t, "step": t, "empty": t, "highlight": 3}}),
            json!({"units": {"title": t, "step": t, "empty": t, "highlight": null}}),
            json!({"loss": {"title": t, "x": t, "y": t, "reference": t, "empty": t}}),
            json!({"grad": {"title": t, "x": t, "y": t, "series": t, "empty": t}}),
            json!({"flow": {"title": t, "x": t, "y": t, "measured": t, "reference": t, "empty": t, "fixedAxis": true}}),
            json!({"cells": {"title": t, "x": t, "y": t, "empty": t, "names": ["a", "b", "c"], "fixedAxis": false}}),
            json!({"spectrum": {"title": t, "eigenvalues": t, "unit": t, "inverseGamma": t, "radius": t, "sigma": t}}),
            json!({"jacobians": {"title": t, "x": t, "y": t, "one": t}}),
            json!({"explode": {"title": t, "x": t, "y": t, "norm": t, "loss": t, "threshold": t, "floor": t, "empty": t}}),
            json!({"race": {"title": t, "x": t, "y": t, "chance": t, "empty": t, "names": ["a", "b", "c"]}}),
            json!({"loss": {"title": t, "x": t, "y": t, "loss": t, "baseline": t, "empty": t}}),
            json!({"prediction": {"title": t, "x": t, "y": t, "truth": t, "prediction": t, "empty": t, "count": 2}}),
            json!({"loss": {"title": t, "x": t, "y": t, "train": t, "heldOut": t, "uniform": t, "unigram": t, "empty": t}}),
        ];
        let bad = [
            json!({"hidden": {"title": t, "unit": t, "step": t}}),
            json!({"hidden": {"title": t, "unit": t, "step": t, "empty": t, "extra": 1}}),
            json!({"hidden": {"title": 3, "unit": t, "step": t, "empty": t}}),
            json!({"pie": {}}),
            json!({"hidden": {}, "loss": {}}),
            json!("hidden"),
            json!({"units": {"title": t, "step": t, "empty": t, "highlight": 2.5}}),
            json!({"cells": {"title": t, "x": t, "y": t, "empty": t, "names": ["a", "b"], "fixedAxis": false}}),
            json!({"flow": {"title": t, "x": t, "y": t, "measured": t, "reference": t, "empty": t, "fixedAxis": 1}}),
            json!({"prediction": {"title": t, "x": t, "y": t, "truth": t, "prediction": t, "empty": t, "count": -1}}),
        ];
        fn check<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(v: &Value, read: fn(&Value) -> Result<T>) {
            let kind = |e: &RnnError| serde_json::to_value(e).unwrap()["kind"].clone();
            match (read(v), from_value::<T>(v)) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{v}"),
                (Err(a), Err(b)) => assert_eq!(kind(&a), kind(&b), "{v}: ours {a} / serde's {b}"),
                (a, b) => panic!("{v}: ours {a:?}, serde's {b:?}"),
            }
        }
        for v in good.iter().chain(bad.iter()) {
            check(v, SentenceFigure::read);
            check(v, LabFigure::read);
            check(v, SeriesFigure::read);
            check(v, WritingFigure::read);
        }
        for v in &good {
            let ok = [SentenceFigure::read(v).is_ok(), LabFigure::read(v).is_ok(), SeriesFigure::read(v).is_ok(), WritingFigure::read(v).is_ok()];
            assert!(ok.contains(&true), "{v}");
        }
        for v in &bad {
            let ok = [SentenceFigure::read(v).is_ok(), LabFigure::read(v).is_ok(), SeriesFigure::read(v).is_ok(), WritingFigure::read(v).is_ok()];
            assert!(!ok.contains(&true), "{v}");
        }
    }
}
