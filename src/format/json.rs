//! Reading numbers and arrays out of JSON with errors that name the field and the shape.
//!
//! JSON has no NaN or infinity, but Python's `json.dump` writes `NaN` and `Infinity`, so
//! those words are accepted here as numbers and then refused as "not finite" with their
//! place named, instead of a parser error at some column.

use serde_json::Value;

use crate::error::{Counted, Expected, NonFinite, Result, RnnError};
use crate::settings::limits::{Int, JSON_VALUES};

/// Parses JSON text, accepting the bare words NaN, Infinity and -Infinity as numbers and
/// a leading UTF-8 byte-order mark (which some editors write). An error's line and column
/// are those of the text as given.
pub fn parse(text: &str) -> Result<Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The cheap fact before the costly one: a parsed value takes tens of bytes for each
    // number of the text, so a file of 60 MB of junk numbers would take gigabytes to be
    // refused for what it lacks.
    let values = count_values(text);
    if values > JSON_VALUES {
        return Err(RnnError::TooLong { field: "file".into(), length: values, max: JSON_VALUES, unit: Counted::Values });
    }
    let (quoted, inserted) = quote_non_finite(text);
    serde_json::from_str(&quoted).map_err(|e| {
        let mut err = RnnError::from(e);
        if let RnnError::Json { line, column, .. } = &mut err {
            // Each word put in quotes before the error's position moved it two columns right.
            let shift = inserted.iter().filter(|&&(l, c)| l == *line && c < *column).count() * 2;
            *column = column.saturating_sub(shift).max(1);
        }
        err
    })
}

/// An upper bound of the values in `text` (each comma outside a string starts one, and so
/// does each array or object), counted byte by byte without keeping anything.
fn count_values(text: &str) -> u64 {
    let (mut n, mut in_string, mut escaped) = (1u64, false, false);
    for &b in text.as_bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b',' | b'[' | b'{' => n += 1,
            _ => {}
        }
    }
    n
}

/// Puts the words NaN / Infinity / -Infinity that stand outside strings into quotes, so a
/// standard parser reads them as strings that [`number`] understands. Also returns where
/// each word was, as (line, column of the quoted text), so errors can be placed in the
/// original.
fn quote_non_finite(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut inserted = vec![];
    let mut in_string = false;
    let mut escaped = false;
    let mut rest = text;
    let (mut line, mut column) = (1usize, 1usize);
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
            column += 1;
            continue;
        }
        if c == '"' {
            in_string = true;
        } else {
            let word = ["-Infinity", "Infinity", "NaN"].into_iter().find(|w| rest.starts_with(w));
            if let Some(w) = word {
                inserted.push((line, column));
                out.push('"');
                out.push_str(w);
                out.push('"');
                rest = &rest[w.len()..];
                column += w.len() + 2;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (out, inserted)
}

/// One number (f32), or the error naming where it is.
pub fn number(v: &Value, field: &str, at: &str) -> Result<f32> {
    let x = match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN) as f32,
        Value::String(s) if s == "NaN" => f32::NAN,
        Value::String(s) if s == "Infinity" => f32::INFINITY,
        Value::String(s) if s == "-Infinity" => f32::NEG_INFINITY,
        other => return Err(RnnError::wrong_type(format!("{field}{at}"), Expected::Number, other)),
    };
    if let Some(kind) = NonFinite::of(x as f64) {
        return Err(RnnError::NotFinite { field: field.to_string(), at: at.to_string(), value: kind });
    }
    Ok(x)
}

/// A vector of exactly `len` numbers (`len = None` accepts any length).
pub fn vector(v: &Value, field: &str, len: Option<usize>) -> Result<Vec<f32>> {
    let expected = len.map_or("[N]".to_string(), |n| format!("[{n}]"));
    let items = v.as_array().filter(|a| len.is_none_or(|n| a.len() == n)).ok_or_else(|| RnnError::not_shaped(field, &expected, v))?;
    items.iter().enumerate().map(|(i, x)| number(x, field, &format!("[{i}]"))).collect()
}

/// A rows×cols matrix, row-major (`rows = None` accepts any number of rows).
pub fn matrix(v: &Value, field: &str, rows: Option<usize>, cols: usize) -> Result<Vec<f32>> {
    let expected = match rows {
        Some(r) => format!("[{r}][{cols}]"),
        None => format!("[T][{cols}]"),
    };
    let items = v.as_array().filter(|a| rows.is_none_or(|r| a.len() == r)).ok_or_else(|| RnnError::not_shaped(field, &expected, v))?;
    let mut out = Vec::with_capacity(items.len() * cols);
    for (i, row) in items.iter().enumerate() {
        let cells = row.as_array().filter(|c| c.len() == cols).ok_or_else(|| RnnError::not_shaped(format!("{field}[{i}]"), &format!("[{cols}]"), row))?;
        for (j, x) in cells.iter().enumerate() {
            out.push(number(x, field, &format!("[{i}][{j}]"))?);
        }
    }
    Ok(out)
}

/// A required field of an object.
pub fn field<'v>(obj: &'v Value, name: &str, parent: &str) -> Result<&'v Value> {
    obj.get(name).ok_or_else(|| RnnError::Missing { field: join(parent, name) })
}

/// A required string field.
pub fn string<'v>(obj: &'v Value, name: &str, parent: &str) -> Result<&'v str> {
    let v = field(obj, name, parent)?;
    v.as_str().ok_or_else(|| RnnError::wrong_type(join(parent, name), Expected::Text, v))
}

/// A required whole-number field inside `limit` (read as u64, so a number too large for
/// the machine's word is refused, not cut).
pub fn size(obj: &Value, name: &str, limit: Int) -> Result<usize> {
    let v = field(obj, name, "")?;
    match v.as_u64() {
        Some(n) => limit.check(name, n),
        None if v.as_f64().is_some_and(|x| x.fract() != 0.0) => Err(RnnError::NotWhole { field: name.to_string(), value: v.to_string() }),
        None if v.is_number() => Err(RnnError::range(name, v, limit.min as f64, limit.max as f64)),
        None => Err(RnnError::wrong_type(name, Expected::WholeFromZero, v)),
    }
}

/// "weights.kernel" from "weights" and "kernel".
pub fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_counted_before_parsing_and_too_many_are_refused_by_count() {
        assert_eq!(count_values("[1, 2, 3]"), 4);
        // Commas and brackets inside strings are text, not values.
        assert_eq!(count_values(r#"{"a": "x,[y]{", "b": [1]}"#), 4);
        assert_eq!(count_values(r#"["a\",", 2]"#), 3);
        let many = format!("[{}0]", "0,".repeat(JSON_VALUES as usize));
        match parse(&many) {
            Err(RnnError::TooLong { field, length, max, unit: Counted::Values }) => {
                assert_eq!((field.as_str(), length, max), ("file", JSON_VALUES + 2, JSON_VALUES));
            }
            other => panic!("{other:?}"),
        }
        let fits = format!("[{}0]", "0,".repeat(1000));
        assert_eq!(parse(&fits).unwrap().as_array().unwrap().len(), 1001);
    }

    #[test]
    fn nan_words_outside_strings_are_numbers_that_are_refused() {
        let v = parse(r#"{"a": [1, NaN], "b": "NaN inside a string", "c": -Infinity}"#).unwrap();
        assert!(matches!(parse("\u{feff}[1]"), Ok(Value::Array(_))), "a byte-order mark is skipped");
        assert_eq!(v["b"], "NaN inside a string");
        let err = vector(&v["a"], "a", Some(2)).unwrap_err();
        assert_eq!(err.to_string(), "`a` contains NaN at [1]; every number must be finite");
        assert!(number(&v["c"], "c", "").is_err());
    }

    /// The words put in quotes do not move an error's column.
    #[test]
    fn error_positions_are_those_of_the_text_given() {
        let plain = parse("[1, 2, 3, x]").unwrap_err();
        let with_nans = parse("[NaN, NaN, NaN, x]").unwrap_err();
        assert!(matches!(plain, RnnError::Json { line: 1, column: 11, .. }), "{plain:?}");
        assert!(matches!(with_nans, RnnError::Json { line: 1, column: 17, .. }), "{with_nans:?}");
        let second_line = parse("[Infinity,\n NaN, }").unwrap_err();
        assert!(matches!(second_line, RnnError::Json { line: 2, column: 7, .. }), "{second_line:?}");
    }

    /// Each syntax error is one of the problems the page words.
    #[test]
    fn syntax_errors_are_named_problems() {
        use crate::error::JsonProblem::*;
        for (text, problem) in [
            ("[1, 2", EndsTooSoon),
            ("[1, ]", TrailingComma),
            ("[1 2]", ExpectedComma),
            ("{\"a\" 1}", ExpectedColon),
            ("{1: 2}", KeyNotText),
            ("[1] [2]", TrailingCharacters),
            ("[x]", ExpectedValue),
            ("[\"\\q\"]", BadEscape),
            ("[-]", BadNumber),
            ("[\"a\u{1}\"]", ControlCharacter),
        ] {
            match parse(text) {
                Err(RnnError::Json { problem: p, .. }) => assert_eq!(p, problem, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(matches!(parse(&"[".repeat(200)), Err(RnnError::Json { problem: TooDeep, .. })));
    }

    #[test]
    fn ragged_matrix_names_the_row() {
        let v = parse("[[1, 2], [3]]").unwrap();
        let err = matrix(&v, "weights.kernel", Some(2), 2).unwrap_err().to_string();
        assert_eq!(err, "`weights.kernel[1]` should have shape [2], got [1]");
    }
}
