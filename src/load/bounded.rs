//! The value tree from any serde deserializer, refusing nesting deeper than `MAX_DEPTH` while it
//! builds, so no later walk over the tree can overflow the stack.

use core::cell::Cell;
use core::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::MAX_DEPTH;

/// Why `Bounded` stopped, kept beside the error the deserializer returns.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    None,
    TooDeep,
    NotFinite,
}

/// Builds a `serde_json::Value` from any serde deserializer (serde_json's, or
/// serde-wasm-bindgen's over the result of `JSON.parse`), refusing nesting deeper than
/// `MAX_DEPTH` before going deeper and numbers that are not finite (`JSON.parse` reads 1e400
/// as Infinity). The reason of a refusal is set in `stop`.
#[derive(Clone, Copy)]
pub struct Bounded<'a> {
    depth: usize,
    stop: &'a Cell<Stop>,
}

impl<'a> Bounded<'a> {
    pub fn new(stop: &'a Cell<Stop>) -> Self {
        Bounded { depth: 0, stop }
    }

    fn fail<E: serde::de::Error>(&self, why: Stop) -> E {
        self.stop.set(why);
        E::custom("refused")
    }

    fn deeper<E: serde::de::Error>(&self) -> Result<Self, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(Stop::TooDeep));
        }
        Ok(Bounded {
            depth: self.depth.saturating_add(1),
            stop: self.stop,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Bounded<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, flag: bool) -> Result<Value, E> {
        Ok(Value::Bool(flag))
    }

    fn visit_i64<E>(self, number: i64) -> Result<Value, E> {
        Ok(Value::Number(number.into()))
    }

    fn visit_u64<E>(self, number: u64) -> Result<Value, E> {
        Ok(Value::Number(number.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, number: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(number)
            .map(Value::Number)
            .ok_or_else(|| self.fail(Stop::NotFinite))
    }

    fn visit_str<E>(self, text: &str) -> Result<Value, E> {
        Ok(Value::String(text.to_owned()))
    }

    fn visit_string<E>(self, text: String) -> Result<Value, E> {
        Ok(Value::String(text))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}
