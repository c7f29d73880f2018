//! The numbers behind a chart: what the page shows as the chart's data table and exports as
//! CSV. Each chart builds its table from the same data it draws.

use serde::Serialize;

/// One cell: a number (possibly not finite: the page says "overflow"), a text (a token),
/// or nothing (a series with no point at that x).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Cell {
    Number(f64),
    Text(String),
    Empty(()),
}

/// Columns (each with its name, unit included) and rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table as CSV (RFC 4180): a header row, then one row per point; numbers in full
    /// precision, `inf` / `-inf` / `nan` as NumPy and pandas read them; texts as [`field`]
    /// writes them.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.columns.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Number(x) if x.is_nan() => "nan".into(),
                    Cell::Number(x) if x.is_infinite() => if *x > 0.0 { "inf" } else { "-inf" }.into(),
                    Cell::Number(x) => format!("{x}"),
                    Cell::Text(s) => field(s),
                    Cell::Empty(()) => String::new(),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }
}

/// One text field of a CSV file. A text a spreadsheet would run as a formula (one that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return: a token, a file's name) is
/// written after a `'`, which spreadsheets show as text; then a field with a comma, a quote
/// or a line break is quoted. The page's CSV (www/ui/download.js) does the same.
pub fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixture the page's CSV is tested with too.
    #[test]
    fn text_fields_are_written_as_the_shared_fixture_says() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/csv-fields.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let pairs = v["fields"].as_array().unwrap();
        assert!(pairs.len() >= 10);
        for pair in pairs {
            let (cell, csv) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            assert_eq!(field(cell), csv, "{cell:?}");
        }
    }

    #[test]
    fn csv_quotes_what_needs_it_and_names_overflow() {
        let t = Table {
            columns: vec!["step".into(), "token".into(), "‖dL/dh_t‖".into()],
            rows: vec![
                vec![Cell::Number(1.0), Cell::Text("a,\"b\"".into()), Cell::Number(f64::INFINITY)],
                vec![Cell::Number(2.0), Cell::Text("北京".into()), Cell::Empty(())],
            ],
        };
        assert_eq!(t.to_csv(), "step,token,‖dL/dh_t‖\n1,\"a,\"\"b\"\"\",inf\n2,北京,\n");
    }
}
