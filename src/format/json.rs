//! Reading numbers and arrays out of JSON with errors that name the field and the shape.
//!
//! JSON has no NaN or infinity, but Python's `json.dump` writes `NaN` and `Infinity`, so
//! those words are accepted here as numbers and then refused as "not finite" with their
//! place named, instead of a parser error at some column.

use serde_json::Value;

use crate::error::{Result, RnnError};

/// Parses JSON text, accepting the bare words NaN, Infinity and -Infinity as numbers.
pub fn parse(text: &str) -> Result<Value> {
    serde_json::from_str(&quote_non_finite(text)).map_err(RnnError::from)
}

/// Puts the words NaN / Infinity / -Infinity that stand outside strings into quotes, so a
/// standard parser reads them as strings that [`number`] understands.
fn quote_non_finite(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == '"' {
            in_string = true;
        } else {
            let word = ["-Infinity", "Infinity", "NaN"].into_iter().find(|w| rest.starts_with(w));
            if let Some(w) = word {
                out.push('"');
                out.push_str(w);
                out.push('"');
                rest = &rest[w.len()..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A JSON value's shape as the messages show it: [3][4] for an array of 3 arrays of 4.
pub fn shape_of(v: &Value) -> String {
    match v {
        Value::Array(items) => match items.first() {
            Some(first @ Value::Array(_)) => {
                let inner = shape_of(first);
                if items.iter().all(|x| shape_of(x) == inner) {
                    format!("[{}]{}", items.len(), inner)
                } else {
                    format!("[{}][ragged]", items.len())
                }
            }
            _ => format!("[{}]", items.len()),
        },
        Value::Number(_) => "a number".into(),
        Value::String(s) => format!("the string {s:?}"),
        Value::Bool(_) => "a boolean".into(),
        Value::Null => "null".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// One number (f32), or the error naming where it is.
pub fn number(v: &Value, field: &str, at: &str) -> Result<f32> {
    let x = match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN) as f32,
        Value::String(s) if s == "NaN" => f32::NAN,
        Value::String(s) if s == "Infinity" => f32::INFINITY,
        Value::String(s) if s == "-Infinity" => f32::NEG_INFINITY,
        other => return Err(RnnError::shape(field, "numbers", format!("{} at {at}", shape_of(other)))),
    };
    if !x.is_finite() {
        return Err(RnnError::NotFinite { field: field.to_string(), at: if at.is_empty() { "its value".into() } else { at.to_string() }, value: x });
    }
    Ok(x)
}

/// A vector of exactly `len` numbers (`len = None` accepts any length).
pub fn vector(v: &Value, field: &str, len: Option<usize>, expected: &str) -> Result<Vec<f32>> {
    let items = v.as_array().ok_or_else(|| RnnError::shape(field, expected, shape_of(v)))?;
    if let Some(n) = len {
        if items.len() != n {
            return Err(RnnError::shape(field, expected, shape_of(v)));
        }
    }
    items.iter().enumerate().map(|(i, x)| number(x, field, &format!("[{i}]"))).collect()
}

/// A rows×cols matrix, row-major (`rows = None` accepts any number of rows).
pub fn matrix(v: &Value, field: &str, rows: Option<usize>, cols: usize) -> Result<Vec<f32>> {
    let expected = match rows {
        Some(r) => format!("[{r}][{cols}]"),
        None => format!("[T][{cols}]"),
    };
    let items = v.as_array().ok_or_else(|| RnnError::shape(field, &expected, shape_of(v)))?;
    if rows.is_some_and(|r| items.len() != r) {
        return Err(RnnError::shape(field, &expected, shape_of(v)));
    }
    let mut out = Vec::with_capacity(items.len() * cols);
    for (i, row) in items.iter().enumerate() {
        let cells = row
            .as_array()
            .filter(|c| c.len() == cols)
            .ok_or_else(|| RnnError::shape(field, &expected, format!("{} (row {i} is {})", shape_of(v), shape_of(row))))?;
        for (j, x) in cells.iter().enumerate() {
            out.push(number(x, field, &format!("[{i}][{j}]"))?);
        }
    }
    Ok(out)
}

/// A required field of an object.
pub fn field<'v>(obj: &'v Value, name: &str, parent: &str) -> Result<&'v Value> {
    obj.get(name).ok_or_else(|| RnnError::invalid(join(parent, name), "missing", "this field is required"))
}

/// A required string field.
pub fn string<'v>(obj: &'v Value, name: &str, parent: &str) -> Result<&'v str> {
    let v = field(obj, name, parent)?;
    v.as_str().ok_or_else(|| RnnError::invalid(join(parent, name), shape_of(v), "expected a string"))
}

/// A required positive integer field.
pub fn size(obj: &Value, name: &str) -> Result<usize> {
    let v = field(obj, name, "")?;
    v.as_u64().filter(|&n| n > 0).map(|n| n as usize).ok_or_else(|| RnnError::invalid(name, v.to_string(), "expected a positive whole number"))
}

/// "weights.kernel" from "weights" and "kernel".
pub fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// An f32 as the f64 of its shortest decimal, so files show 0.41571987, not
/// 0.4157198667526245 (both read back as the same f32).
pub fn short(x: f32) -> f64 {
    if x.is_finite() {
        format!("{x}").parse().unwrap_or(x as f64)
    } else {
        x as f64
    }
}

/// A buffer of f32 as JSON numbers in their shortest form.
pub fn vec_of(data: &[f32]) -> Vec<f64> {
    data.iter().map(|&x| short(x)).collect()
}

/// A row-major buffer as nested JSON arrays of `cols` columns.
pub fn rows_of(data: &[f32], cols: usize) -> Vec<Vec<f64>> {
    data.chunks_exact(cols).map(vec_of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_words_outside_strings_are_numbers_that_are_refused() {
        let v = parse(r#"{"a": [1, NaN], "b": "NaN inside a string", "c": -Infinity}"#).unwrap();
        assert_eq!(v["b"], "NaN inside a string");
        let err = vector(&v["a"], "a", Some(2), "[2]").unwrap_err();
        assert_eq!(err.to_string(), "`a` contains NaN at [1]; every number must be finite");
        assert!(number(&v["c"], "c", "").is_err());
    }

    #[test]
    fn ragged_matrix_names_the_row() {
        let v = parse("[[1, 2], [3]]").unwrap();
        let err = matrix(&v, "weights.kernel", Some(2), 2).unwrap_err().to_string();
        assert!(err.contains("weights.kernel") && err.contains("[2][2]") && err.contains("row 1 is [1]"), "{err}");
    }
}
