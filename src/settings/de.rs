//! Reading settings from JSON values with errors that are facts, not sentences.
//!
//! Settings arrive as JSON values (from the page, through `serde-wasm-bindgen`; from a page
//! link on the command line; from a file). serde's own errors are text, so this is a small
//! `Deserializer` over [`serde_json::Value`] whose error type records what serde reports
//! (an unknown field with the fields allowed, an unknown name with the names allowed, a
//! fraction where a whole number belongs, ...) as an [`RnnError`] naming the field's path.
//! Every config is `#[serde(deny_unknown_fields)]`, so a misspelt key is refused by name.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_json::{Map, Value};

use crate::error::{Expected, Found, RnnError};

/// Reads a `T` from `value`.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> crate::Result<T> {
    T::deserialize(Node(value)).map_err(|e| e.0)
}

/// An [`RnnError`] that serde can raise.
#[derive(Debug)]
pub struct Error(pub RnnError);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

/// How serde names a value it did not expect, as the engine describes values.
fn found(unexp: &Unexpected) -> Found {
    match unexp {
        Unexpected::Str(s) => Found::text(s),
        Unexpected::Unsigned(n) => Found::Number { value: n.to_string() },
        Unexpected::Signed(n) => Found::Number { value: n.to_string() },
        Unexpected::Float(x) => Found::Number { value: x.to_string() },
        Unexpected::Bool(b) => Found::Boolean { value: *b },
        Unexpected::Unit | Unexpected::Option => Found::Null,
        Unexpected::Seq => Found::List,
        Unexpected::Map => Found::Object,
        _ => Found::Other,
    }
}

/// The length in serde's words for a fixed-size list ("an array of length 3"), as a shape.
fn length_in(words: &str) -> String {
    let digits: String = words.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    format!("[{}]", if digits.is_empty() { "N" } else { &digits })
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(_words: T) -> Self {
        // What serde says only in English words (a tag it could not place, ...) is
        // "not a valid value" in both languages; the words stay out of the page.
        Error(RnnError::WrongType { field: String::new(), expected: Expected::Value, got: Found::Other })
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        let expected = exp.to_string();
        if let Unexpected::Float(x) = unexp {
            if matches!(expected.as_str(), "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize") {
                return Error(RnnError::NotWhole { field: String::new(), value: x.to_string() });
            }
        }
        Error(RnnError::WrongType { field: String::new(), expected: Expected::from_serde(&expected), got: found(&unexp) })
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        Self::invalid_type(unexp, exp)
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        Error(RnnError::shape("", length_in(&exp.to_string()), format!("[{len}]")))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error(RnnError::NotOneOf { field: String::new(), value: variant.to_string(), allowed: expected.iter().map(|s| s.to_string()).collect() })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error(RnnError::UnknownField { field: field.to_string(), allowed: expected.iter().map(|s| s.to_string()).collect() })
    }

    fn missing_field(field: &'static str) -> Self {
        Error(RnnError::Missing { field: field.to_string() })
    }
}

impl Error {
    /// The error as it applies to the value at `key` (errors that already name a field
    /// inside get `key.` in front).
    fn at(self, key: &str) -> Self {
        Error(match self.0 {
            RnnError::UnknownField { field, allowed } => RnnError::UnknownField { field: format!("{key}.{field}"), allowed },
            RnnError::Missing { field } => RnnError::Missing { field: format!("{key}.{field}") },
            other => other.within(key),
        })
    }
}

/// One JSON value being read.
struct Node<'a>(&'a Value);

impl<'de, 'a> de::Deserializer<'de> for Node<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    let x = n.as_f64().unwrap_or(f64::NAN);
                    // A JavaScript number with no fraction is a whole number (8, not 8.0).
                    if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_992.0 {
                        if x >= 0.0 {
                            visitor.visit_u64(x as u64)
                        } else {
                            visitor.visit_i64(x as i64)
                        }
                    } else {
                        visitor.visit_f64(x)
                    }
                }
            }
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visitor.visit_seq(Items { items: items.iter(), index: 0 }),
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(s.as_str())),
            // A variant with data: {"name": {...}}.
            Value::Object(map) if map.len() == 1 => {
                let (key, value) = map.iter().next().expect("one entry");
                visitor.visit_enum(Variant { key, value })
            }
            other => Err(Error(RnnError::wrong_type("", Expected::Name, other))),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            other => Err(Error(RnnError::wrong_type("", Expected::Object, other))),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// An enum variant with data, written as an object of one entry.
struct Variant<'a> {
    key: &'a str,
    value: &'a Value,
}

impl<'de, 'a> de::EnumAccess<'de> for Variant<'a> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let name = seed.deserialize(IntoDeserializer::<Error>::into_deserializer(self.key))?;
        Ok((name, self))
    }
}

impl<'de, 'a> de::VariantAccess<'de> for Variant<'a> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            Value::Null => Ok(()),
            other => Err(Error(RnnError::wrong_type(self.key, Expected::Nothing, other))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(Node(self.value)).map_err(|e| e.at(self.key))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(Node(self.value), visitor).map_err(|e| e.at(self.key))
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(Node(self.value), "", fields, visitor).map_err(|e| e.at(self.key))
    }
}

struct Items<'a> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
}

impl<'de, 'a> SeqAccess<'de> for Items<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            None => Ok(None),
            Some(v) => {
                let i = self.index;
                self.index += 1;
                seed.deserialize(Node(v)).map(Some).map_err(|e| e.at(&format!("[{i}]")))
            }
        }
    }
}

struct Fields<'a> {
    entries: serde_json::map::Iter<'a>,
    value: Option<(&'a str, &'a Value)>,
}

impl<'a> Fields<'a> {
    fn new(map: &'a Map<String, Value>) -> Self {
        Fields { entries: map.iter(), value: None }
    }
}

impl<'de, 'a> MapAccess<'de> for Fields<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            None => Ok(None),
            Some((k, v)) => {
                self.value = Some((k, v));
                seed.deserialize(IntoDeserializer::<Error>::into_deserializer(k.as_str())).map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (k, v) = self.value.take().expect("a value follows its key");
        seed.deserialize(Node(v)).map_err(|e| e.at(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(default, deny_unknown_fields, rename_all = "camelCase")]
    struct Probe {
        units: u64,
        learning_rate: f32,
        cell: crate::settings::CellName,
        lengths: Vec<u64>,
        name: Option<String>,
    }

    #[test]
    fn good_values_are_read() {
        let p: Probe = from_value(&json!({"units": 8.0, "learningRate": 0.01, "cell": "lstm", "lengths": [5, 10]})).unwrap();
        assert_eq!(p, Probe { units: 8, learning_rate: 0.01, cell: crate::settings::CellName::Lstm, lengths: vec![5, 10], name: None });
    }

    #[test]
    fn errors_name_the_field_and_the_facts() {
        let err = |v: Value| from_value::<Probe>(&v).unwrap_err();
        assert_eq!(
            err(json!({"unit": 8})),
            RnnError::UnknownField { field: "unit".into(), allowed: ["units", "learningRate", "cell", "lengths", "name"].map(String::from).to_vec() }
        );
        assert_eq!(err(json!({"units": 2.5})), RnnError::NotWhole { field: "units".into(), value: "2.5".into() });
        assert_eq!(
            err(json!({"units": -1})),
            RnnError::WrongType { field: "units".into(), expected: Expected::WholeFromZero, got: Found::Number { value: "-1".into() } }
        );
        assert_eq!(err(json!({"units": "8"})), RnnError::WrongType { field: "units".into(), expected: Expected::WholeFromZero, got: Found::text("8") });
        assert!(matches!(err(json!({"cell": "rnn"})), RnnError::NotOneOf { field, value, .. } if field == "cell" && value == "rnn"));
        assert!(matches!(err(json!({"lengths": [5, 2.5]})), RnnError::NotWhole { field, .. } if field == "lengths.[1]"));
        assert!(matches!(err(json!([1, 2])), RnnError::WrongType { .. }));
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    enum Chart {
        Flow { title: String, fixed_axis: bool },
        Empty,
    }

    #[test]
    fn variants_with_data_are_objects_of_one_entry() {
        let c: Chart = from_value(&json!({"flow": {"title": "t", "fixed_axis": true}})).unwrap();
        assert_eq!(c, Chart::Flow { title: "t".into(), fixed_axis: true });
        assert_eq!(from_value::<Chart>(&json!("empty")).unwrap(), Chart::Empty);
        let err = from_value::<Chart>(&json!({"flow": {"title": "t"}})).unwrap_err();
        assert_eq!(err, RnnError::Missing { field: "flow.fixed_axis".into() });
        assert!(matches!(from_value::<Chart>(&json!({"pie": {}})).unwrap_err(), RnnError::NotOneOf { .. }));
    }

    #[test]
    fn a_number_too_large_for_a_machine_word_is_not_cut() {
        let p: Probe = from_value(&json!({"units": 4_294_967_300u64})).unwrap();
        assert_eq!(p.units, 4_294_967_300);
    }
}
