#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
//! Builds a `Dataset` from JSON, validating all of it.
//!
//! The text is size-checked and parsed by `serde_json` (natively and for the compiled-in
//! default) or by the browser's `JSON.parse` (the JS API, `binding`), in both cases through
//! `Bounded`, which builds the `serde_json::Value` tree and refuses nesting deeper than
//! `MAX_DEPTH` while it goes (a recursive walk of 100,000 levels would overflow the Wasm stack,
//! and a trap kills the widget). The tree is then walked by a small reader that keeps the JSON
//! path of where it is ("$.markets[3].distanceKm.value") and collects every problem instead of
//! stopping at the first. A bad value is replaced by a default so the walk goes on; any problem
//! makes the result `Err`. Unknown keys are ignored (room for comments); a repeated key counts
//! with its last value. The walk follows the schema, not the input, so its depth is fixed.

use core::cell::Cell;
use core::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::dataset::{
    ActualExports, ApplicationWindow, Dataset, EntryRoute, EntryStep, ExchangeRate, Fee, Figure, Fta, GoodsTrade,
    LabelledFigure, Market, MethodParams, MonthRange, Plan, PlanMeasure, Program, ReadinessWeights, Region, Sector,
    SectorFigure, SmeRow, SmeRules, SmeTable, Text, YearRate, DEFAULT_JSON,
};
use crate::dataset::{Criterion, FtaStatus, ProgramStatus, Representative, StepKind};
use crate::error::Lang;
pub use crate::vocab::{Fix, ProblemKind};
use crate::vocab::{ProblemKind as K, Question, SmeSize};
use crate::words;

/// The schema tag a dataset must carry.
pub const SCHEMA: &str = "sme-export-dataset/1";
/// Largest dataset text accepted, bytes (8 MiB).
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of lists and objects accepted.
pub const MAX_DEPTH: usize = 64;
/// Problems reported at most; the rest are counted in one final "truncated" problem.
pub const MAX_PROBLEMS: usize = 200;
/// Items read at most from any one list (markets, programs, ...).
pub const MAX_ITEMS: usize = 1000;

/// One problem in a dataset file, with the JSON path where it is ("$.markets[3].distanceKm.value").
/// The kind and the fix are typed; `hint` and `hint_ko` are the fix as `words::fix` words it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub path: String,
    /// What is wrong ("missing", "type", "negative", "range", "unknownSector", "duplicate", ...).
    pub kind: ProblemKind,
    /// English, starting with the path.
    pub message: String,
    /// How to fix it, typed.
    pub fix: Fix,
    /// The fix in one line of plain English.
    pub hint: &'static str,
    /// The fix in one line of plain Korean.
    pub hint_ko: &'static str,
}

impl Problem {
    /// A problem whose hints are the fix as the wording layer words it.
    pub fn new(path: String, kind: ProblemKind, message: String, fix: Fix) -> Self {
        Problem {
            path,
            kind,
            message,
            fix,
            hint: words::fix(fix, Lang::En),
            hint_ko: words::fix(fix, Lang::Ko),
        }
    }
}

/// Parses and validates the compiled-in default dataset.
pub fn default_dataset() -> Result<Dataset, Vec<Problem>> {
    dataset_from_json(DEFAULT_JSON)
}

/// Parses and validates a dataset; returns every problem found, or the dataset.
pub fn dataset_from_json(text: &str) -> Result<Dataset, Vec<Problem>> {
    match parse(text) {
        Ok(v) => dataset_from_value(&v),
        Err(p) => Err(vec![p]),
    }
}

/// Validates a value tree (from `parse`, or from `JSON.parse` through `Bounded`).
pub fn dataset_from_value(v: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut r = Reader {
        path: String::from("$"),
        out: Vec::new(),
        dropped: 0,
    };
    let ds = r.dataset(v);
    match ds {
        Some(d) if r.out.is_empty() => Ok(d),
        _ => {
            if r.dropped > 0 {
                let n = r.dropped.to_string();
                r.path.truncate(1);
                let message = ["$: ", &n, " more problems not shown"].concat();
                r.out.push(Problem::new(r.path, K::Truncated, message, Fix::Truncated));
            }
            Err(r.out)
        }
    }
}

/// A problem with the document as a whole (at "$"), which stops reading it.
fn whole(kind: ProblemKind, detail: &str, fix: Fix) -> Problem {
    Problem::new(String::from("$"), kind, ["$: ", detail].concat(), fix)
}

/// The text too large to read, in bytes: `Some(problem)` above `MAX_BYTES`.
pub fn size_problem(bytes: usize) -> Option<Problem> {
    (bytes > MAX_BYTES).then(|| {
        let detail = [
            "the file is ",
            &bytes.to_string(),
            " bytes; at most 8 MiB (8388608 bytes) is allowed",
        ]
        .concat();
        whole(K::TooLarge, &detail, Fix::FileTooLarge)
    })
}

/// The text as a value tree (a UTF-8 byte order mark at the start is skipped, as Windows editors
/// add one), or the one problem that stops reading it: too large, too deep, a number beyond the
/// range of f64, or not JSON (with line and column, the column in characters).
pub fn parse(text: &str) -> Result<Value, Problem> {
    if let Some(p) = size_problem(text.len()) {
        return Err(p);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let stop = Cell::new(Stop::None);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Bounded::new(&stop)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    value.map_err(|e| match stop.get() {
        Stop::TooDeep => too_deep(),
        Stop::NotFinite => not_finite(),
        Stop::None => syntax_problem(text, &e),
    })
}

/// "nested more than 64 levels deep", at "$".
pub fn too_deep() -> Problem {
    whole(
        K::TooDeep,
        "lists and objects are nested more than 64 levels deep",
        Fix::TooDeep,
    )
}

/// "a number is beyond the range of f64", at "$".
pub fn not_finite() -> Problem {
    whole(
        K::NotFinite,
        "a number is beyond the range of a 64-bit float (about 1.8e308)",
        Fix::NotFinite,
    )
}

/// "not valid JSON: <serde_json's reason> at line L column C", the column counted in characters
/// (serde_json counts bytes; Korean text is 3 bytes a character).
fn syntax_problem(text: &str, e: &serde_json::Error) -> Problem {
    let (line, byte_column) = (e.line(), e.column());
    // serde_json has no kind for "number out of range" other than its wording.
    let full = e.to_string();
    if full.starts_with("number out of range") {
        return not_finite();
    }
    let suffix = [" at line ", &line.to_string(), " column ", &byte_column.to_string()].concat();
    let reason = full.strip_suffix(suffix.as_str()).unwrap_or(&full);
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut cut = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(cut) {
        cut = cut.saturating_add(1);
    }
    let column = line_text.get(..cut).map_or(0, |s| s.chars().count()).max(1);
    let detail = [
        "not valid JSON: ",
        reason,
        " at line ",
        &line.max(1).to_string(),
        " column ",
        &column.to_string(),
    ]
    .concat();
    whole(K::Json, &detail, Fix::Json)
}

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

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(x)
            .map(Value::Number)
            .ok_or_else(|| self.fail(Stop::NotFinite))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(inner)? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut o = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let v = map.next_value_seed(inner)?;
            o.insert(key, v);
        }
        Ok(Value::Object(o))
    }
}

/// "YYYY-MM-DD" naming a real day.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |from: usize, to: usize| -> Option<u32> {
        let p = b.get(from..to)?;
        p.iter()
            .all(u8::is_ascii_digit)
            .then(|| p.iter().fold(0, |a, d| a * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (num(0, 4), num(5, 7), num(8, 10)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&d)
}

/// Allowed range of a figure's value.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    /// 0 or more.
    NonNeg,
    /// More than 0.
    Pos,
    /// A share, 0..=1.
    Share,
    /// A yearly growth rate, -0.5..=1.0.
    Growth,
}

type Obj = Map<String, Value>;

/// A set of ids, kept sorted (so lookups are binary searches and listing is in id order).
#[derive(Default)]
struct Ids(Vec<String>);

impl Ids {
    fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|x| x.as_str().cmp(id))
    }

    fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// False if `id` was there already.
    fn insert(&mut self, id: &str) -> bool {
        match self.find(id) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, id.to_owned());
                true
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn fig0() -> Figure {
    Figure {
        value: 0.0,
        unit: String::new(),
        source: String::new(),
        year: None,
        assumption: false,
        note: None,
    }
}

/// Walks a `Value`, keeping the current path and the problems found.
struct Reader {
    path: String,
    out: Vec<Problem>,
    dropped: usize,
}

impl Reader {
    fn err(&mut self, kind: ProblemKind, parts: &[&str]) {
        self.err_h(kind, parts, Fix::of(kind));
    }

    fn err_h(&mut self, kind: ProblemKind, parts: &[&str], fix: Fix) {
        if self.out.len() >= MAX_PROBLEMS {
            self.dropped = self.dropped.saturating_add(1);
            return;
        }
        let mut message = self.path.clone();
        message.push_str(": ");
        for p in parts {
            message.push_str(p);
        }
        let path = self.path.clone();
        self.out.push(Problem::new(path, kind, message, fix));
    }

    /// Problems so far, reported or not: compare before/after to know a part was clean.
    fn count(&self) -> usize {
        self.out.len().saturating_add(self.dropped)
    }

    fn enter(&mut self, key: &str) -> usize {
        let n = self.path.len();
        self.path.push('.');
        self.path.push_str(key);
        n
    }

    /// A problem at `path.key`.
    fn err_at(&mut self, key: &str, kind: ProblemKind, parts: &[&str], fix: Fix) {
        let n = self.enter(key);
        self.err_h(kind, parts, fix);
        self.path.truncate(n);
    }

    fn ty(&mut self, want: &str, v: &Value) {
        let found = match v {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        };
        self.err(K::Type, &["expected ", want, ", found ", found]);
    }

    /// A required field: reports it missing (and returns `d`) or reads it with `f` at its path.
    fn field<'v, T>(&mut self, o: &'v Obj, key: &str, d: T, f: impl FnOnce(&mut Self, &'v Value) -> T) -> T {
        let n = self.enter(key);
        let t = match o.get(key) {
            Some(v) => f(self, v),
            None => {
                self.err(K::Missing, &["is missing"]);
                d
            }
        };
        self.path.truncate(n);
        t
    }

    /// An optional field: absent or null is `None`.
    fn opt<'v, T>(&mut self, o: &'v Obj, key: &str, f: impl FnOnce(&mut Self, &'v Value) -> T) -> Option<T> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => {
                let n = self.enter(key);
                let t = f(self, v);
                self.path.truncate(n);
                Some(t)
            }
        }
    }

    /// A required object read by `f`.
    fn section<'v, T>(&mut self, o: &'v Obj, key: &str, f: impl FnOnce(&mut Self, &'v Obj) -> T) -> Option<T> {
        self.field(o, key, None, |r, v| {
            let o = r.obj(v)?;
            Some(f(r, o))
        })
    }

    /// A required list; `f` reads each item (None drops it, its problem already reported).
    fn list<'v, T>(
        &mut self,
        o: &'v Obj,
        key: &str,
        nonempty: bool,
        mut f: impl FnMut(&mut Self, &'v Value) -> Option<T>,
    ) -> Vec<T> {
        self.field(o, key, Vec::new(), |r, v| {
            let Value::Array(a) = v else {
                r.ty("a list", v);
                return Vec::new();
            };
            if nonempty && a.is_empty() {
                r.err(K::Empty, &["must list at least one entry"]);
            }
            if a.len() > MAX_ITEMS {
                r.err_h(K::TooLarge, &["has more than 1000 entries"], Fix::ListTooLong);
            }
            let mut out = Vec::with_capacity(a.len().min(MAX_ITEMS));
            for (i, x) in a.iter().take(MAX_ITEMS).enumerate() {
                let n = r.path.len();
                r.path.push('[');
                r.path.push_str(&i.to_string());
                r.path.push(']');
                if let Some(t) = f(r, x) {
                    out.push(t);
                }
                r.path.truncate(n);
            }
            out
        })
    }

    fn obj<'v>(&mut self, v: &'v Value) -> Option<&'v Obj> {
        match v {
            Value::Object(o) => Some(o),
            _ => {
                self.ty("an object", v);
                None
            }
        }
    }

    fn s<'v>(&mut self, v: &'v Value) -> Option<&'v str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.ty("a string", v);
                None
            }
        }
    }

    fn string(&mut self, v: &Value) -> String {
        self.s(v).map(str::to_owned).unwrap_or_default()
    }

    fn boolean(&mut self, v: &Value) -> bool {
        match v {
            Value::Bool(b) => *b,
            _ => {
                self.ty("true or false", v);
                false
            }
        }
    }

    /// A finite number within `b`; 0 when bad. (A parsed tree holds only finite numbers:
    /// `parse` and `Bounded` refuse the others.)
    fn num(&mut self, v: &Value, b: Bound) -> f64 {
        match v.as_f64() {
            Some(x) => {
                self.bound(x, b);
                x
            }
            None => {
                self.ty("a number", v);
                0.0
            }
        }
    }

    /// A year, 1900..=2200; 0 when bad.
    fn year(&mut self, v: &Value) -> i32 {
        match v.as_f64() {
            // A whole number (also written as 2024.0 or 2.024e3).
            Some(y) if (1900.0..=2200.0).contains(&y) && y.fract() == 0.0 => y as i32,
            Some(y) if y.fract() == 0.0 => {
                self.err_h(K::Range, &["a year must be between 1900 and 2200"], Fix::Year);
                0
            }
            _ => {
                self.ty("a whole number (a year)", v);
                0
            }
        }
    }

    fn date(&mut self, v: &Value) -> String {
        let Some(s) = self.s(v) else {
            return String::new();
        };
        if !is_iso_date(s) {
            self.err(K::Date, &["\"", s, "\" is not a date written YYYY-MM-DD"]);
        }
        s.to_owned()
    }

    /// The value whose JSON name is the string `v`, reporting "unknownKind" when none is.
    fn choice<T: Copy>(&mut self, v: &Value, allowed: &[(T, &str)]) -> Option<T> {
        let s = self.s(v)?;
        let found = allowed.iter().find(|(_, name)| *name == s).map(|(t, _)| *t);
        if found.is_none() {
            let names: Vec<&str> = allowed.iter().map(|(_, name)| *name).collect();
            let list = names.join(", ");
            self.err(K::UnknownKind, &["\"", s, "\" is not one of: ", &list]);
        }
        found
    }

    fn text(&mut self, v: &Value) -> Text {
        let Some(o) = self.obj(v) else {
            return Text::default();
        };
        Text {
            ko: self.field(o, "ko", String::new(), Self::string),
            en: self.field(o, "en", String::new(), Self::string),
        }
    }

    fn text_f(&mut self, o: &Obj, key: &str) -> Text {
        self.field(o, key, Text::default(), Self::text)
    }

    fn str_f(&mut self, o: &Obj, key: &str) -> String {
        self.field(o, key, String::new(), Self::string)
    }

    fn bound(&mut self, x: f64, b: Bound) {
        let (lo, hi, msg, fix) = match b {
            Bound::NonNeg => (0.0, f64::INFINITY, "", Fix::Range),
            Bound::Pos => (0.0, f64::INFINITY, "must be greater than 0", Fix::Positive),
            Bound::Share => (
                0.0,
                1.0,
                "must be between 0 and 1 (a share: 0.25 means 25 %)",
                Fix::Share,
            ),
            Bound::Growth => (
                -0.5,
                1.0,
                "must be between -0.5 and 1.0 (a yearly growth: 0.05 means 5 %)",
                Fix::Growth,
            ),
        };
        if x < 0.0 && b == Bound::Pos {
            self.err_h(K::Negative, &["must not be negative"], fix);
        } else if x < 0.0 && lo >= 0.0 {
            self.err(K::Negative, &["must not be negative"]);
        } else if x < lo || x > hi || (b == Bound::Pos && x == 0.0) {
            self.err_h(K::Range, &[msg], fix);
        }
    }

    /// Every figure goes through here.
    fn figure(&mut self, o: &Obj, b: Bound) -> Figure {
        let value = self.field(o, "value", 0.0, |r, v| r.num(v, b));
        let unit = self.str_f(o, "unit");
        let source = self.opt(o, "source", Self::string).unwrap_or_default();
        let year = self.opt(o, "year", Self::year);
        let assumption = self.opt(o, "assumption", Self::boolean).unwrap_or(false);
        let note = self.opt(o, "note", Self::text);
        if source.trim().is_empty() && !assumption {
            self.err_at(
                "source",
                K::Unsourced,
                &["the figure has no source and is not marked as an assumption"],
                Fix::of(K::Unsourced),
            );
        }
        Figure {
            value,
            unit,
            source,
            year,
            assumption,
            note,
        }
    }

    fn fig(&mut self, o: &Obj, key: &str, b: Bound) -> Figure {
        self.field(o, key, fig0(), |r, v| match r.obj(v) {
            Some(o) => r.figure(o, b),
            None => fig0(),
        })
    }

    /// Reports an empty reference, or an id that is not in `ids` (unless `ids` is empty: its list
    /// is already reported).
    fn known(&mut self, id: &str, ids: &Ids, kind: ProblemKind) {
        if id.is_empty() {
            self.err(K::Empty, &["must name an id; it is empty"]);
        } else if !ids.is_empty() && !ids.contains(id) {
            let list = match kind {
                K::UnknownSector => "sectors",
                K::UnknownRegion => "regions",
                _ => "markets",
            };
            self.err(kind, &["\"", id, "\" is not an id listed in $.", list]);
        }
    }

    fn dup(&mut self, id: &str, seen: &mut Ids) {
        if !id.is_empty() && !seen.insert(id) {
            self.err(K::Duplicate, &["\"", id, "\" is listed more than once"]);
        }
    }

    /// An entry's "id": non-empty and not seen before in its list.
    fn id(&mut self, o: &Obj, seen: &mut Ids) -> String {
        self.field(o, "id", String::new(), |r, v| {
            let Some(s) = r.s(v) else {
                return String::new();
            };
            if s.is_empty() {
                r.err(K::Empty, &["must not be empty"]);
            }
            r.dup(s, seen);
            s.to_owned()
        })
    }

    /// A "sector" field naming a known sector, once per list.
    fn sector_ref(&mut self, o: &Obj, sectors: &Ids, seen: &mut Ids) -> String {
        self.field(o, "sector", String::new(), |r, v| {
            let s = r.string(v);
            r.known(&s, sectors, K::UnknownSector);
            r.dup(&s, seen);
            s
        })
    }

    /// Reports each sector missing from the list `key` (if that list is there at all).
    fn cover(&mut self, o: &Obj, key: &str, sectors: &Ids, seen: &Ids) {
        if matches!(o.get(key), Some(Value::Array(_))) {
            for id in sectors.0.iter().filter(|id| !seen.contains(id)) {
                self.err_at(
                    key,
                    K::Incomplete,
                    &["has no entry for sector \"", id, "\""],
                    Fix::of(K::Incomplete),
                );
            }
        }
    }

    /// A market's per-sector figures (demand or growth): one per known sector.
    fn sector_figs(&mut self, o: &Obj, key: &str, b: Bound, sectors: &Ids) -> Vec<SectorFigure> {
        self.sector_figs_except(o, key, b, sectors, &Ids::new())
    }

    /// `sector_figs` where the sectors in `optional` may have no entry.
    fn sector_figs_except(&mut self, o: &Obj, key: &str, b: Bound, sectors: &Ids, optional: &Ids) -> Vec<SectorFigure> {
        let mut seen = Ids::new();
        let list = self.list(o, key, false, |r, v| {
            let o = r.obj(v)?;
            Some(SectorFigure {
                sector: r.sector_ref(o, sectors, &mut seen),
                figure: r.figure(o, b),
            })
        });
        for id in &optional.0 {
            seen.insert(id);
        }
        self.cover(o, key, sectors, &seen);
        list
    }

    fn ids_of(&mut self, o: &Obj, ids: &Ids, kind: ProblemKind) -> Vec<String> {
        self.list(o, "anyOf", true, |r, v| {
            let s = r.string(v);
            r.known(&s, ids, kind);
            Some(s)
        })
    }

    fn amount(&mut self, v: &Value) -> f64 {
        self.num(v, Bound::NonNeg)
    }

    /// One criterion of a program's rule; `refs` are the sector, region and market ids.
    fn criterion(&mut self, v: &Value, refs: [&Ids; 3]) -> Option<Criterion> {
        let o = self.obj(v)?;
        let kind = self.field(o, "kind", None, Self::s)?;
        let [sectors, regions, markets] = refs;
        Some(match kind {
            "sector" => Criterion::Sector {
                any_of: self.ids_of(o, sectors, K::UnknownSector),
            },
            "region" => Criterion::Region {
                any_of: self.ids_of(o, regions, K::UnknownRegion),
            },
            "market" => Criterion::Market {
                any_of: self.ids_of(o, markets, K::UnknownMarket),
            },
            "size" => Criterion::Size {
                any_of: self.list(o, "anyOf", true, |r, v| r.choice(v, &SmeSize::ALL)),
            },
            "readiness" => {
                let question = self.field(o, "question", None, |r, v| r.choice(v, &Question::ALL));
                let expect = self.field(o, "expect", false, Self::boolean);
                Criterion::Readiness {
                    question: question?,
                    expect,
                }
            }
            "currentExports" => {
                let min_krw = self.opt(o, "minKrw", Self::amount);
                let max_krw = self.opt(o, "maxKrw", Self::amount);
                if let (Some(a), Some(b)) = (min_krw, max_krw) {
                    if a > b {
                        self.err_at("minKrw", K::Range, &["must not be above maxKrw"], Fix::SwapMinMax);
                    }
                }
                Criterion::CurrentExports { min_krw, max_krw }
            }
            "ftaInForce" => Criterion::FtaInForce,
            "confirm" => Criterion::Confirm {
                text: self.text_f(o, "text"),
            },
            _ => {
                self.err_at(
                    "kind",
                    K::UnknownKind,
                    &[
                        "\"",
                        kind,
                        "\" is not a criterion kind (sector, region, market, size, readiness, currentExports, ftaInForce, confirm)",
                    ],
                    Fix::of(K::UnknownKind),
                );
                return None;
            }
        })
    }

    fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let o = self.obj(v)?;
        let schema = self.field(o, "schema", None, |r, v| {
            let s = r.s(v)?;
            if s != SCHEMA {
                r.err(K::Schema, &["\"", s, "\" is not the supported schema \"", SCHEMA, "\""]);
            }
            Some(s.to_owned())
        });
        let version = self.str_f(o, "version");
        let figures_as_of = self.field(o, "figuresAsOf", String::new(), Self::date);
        let title = self.text_f(o, "title");
        let price_year = self.field(o, "priceYear", 0, Self::year);
        let projection_years = self.field(o, "projectionYears", 0, |r, v| {
            let n = r.num(v, Bound::NonNeg);
            if n.fract() != 0.0 {
                r.err(K::Type, &["expected a whole number of years"]);
            } else if !(1.0..=30.0).contains(&n) {
                r.err_h(K::Range, &["must be between 1 and 30 years"], Fix::Range);
            }
            n.clamp(0.0, 30.0) as i32
        });
        let exchange_rates = self.exchange_rates(o, price_year);
        let plan = self.section(o, "plan", Self::plan);
        let method = self.section(o, "method", Self::method).flatten();

        let mut sector_ids = Ids::new();
        let sectors = self.list(o, "sectors", true, |r, v| {
            let o = r.obj(v)?;
            Some(Sector {
                id: r.id(o, &mut sector_ids),
                ksic: r.str_f(o, "ksic"),
                name: r.text_f(o, "name"),
                korea_world_share: r.fig(o, "koreaWorldShare", Bound::Share),
                korea_output_krw: r.fig(o, "koreaOutputKrw", Bound::Pos),
                korea_exports_krw: r.fig(o, "koreaExportsKrw", Bound::NonNeg),
                korea_exports_usd: r.fig(o, "koreaExportsUsd", Bound::Pos),
                demand_from_health_spending: r.opt(o, "demandFromHealthSpending", |r, v| {
                    r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::Share))
                }),
            })
        });
        let korea_world_goods_share = self.opt(o, "koreaWorldGoodsShare", |r, v| {
            r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::Share))
        });
        // A sector with a demand proxy needs no demand record in every market.
        let mut proxied = Ids::new();
        for s in sectors.iter().filter(|s| s.demand_from_health_spending.is_some()) {
            proxied.insert(&s.id);
        }
        if let Some(p) = &plan {
            self.scope_sectors(p, &sector_ids);
        }

        let mut region_ids = Ids::new();
        let regions = self.list(o, "regions", true, |r, v| {
            let o = r.obj(v)?;
            Some(Region {
                id: r.id(o, &mut region_ids),
                name: r.text_f(o, "name"),
            })
        });

        let mut market_ids = Ids::new();
        let markets = self.list(o, "markets", true, |r, v| {
            let o = r.obj(v)?;
            let id = r.id(o, &mut market_ids);
            let region = r.field(o, "region", String::new(), |r, v| {
                let s = r.string(v);
                r.known(&s, &region_ids, K::UnknownRegion);
                s
            });
            let name = r.text_f(o, "name");
            let distance_km = r.fig(o, "distanceKm", Bound::Pos);
            let fta = r.section(o, "fta", |r, o| Fta {
                status: r
                    .field(o, "status", None, |r, v| r.choice(v, &FtaStatus::ALL))
                    .unwrap_or(FtaStatus::None),
                name: r.opt(o, "name", Self::text),
                source: r.opt(o, "source", Self::string).unwrap_or_default(),
                date: r.opt(o, "date", Self::string),
            });
            let demand = r.sector_figs_except(o, "demand", Bound::NonNeg, &sector_ids, &proxied);
            let demand_growth = r.sector_figs(o, "demandGrowth", Bound::Growth, &sector_ids);
            let korea_exports = r.korea_exports(o, &sector_ids);
            let health_expenditure_usd = r.opt(o, "healthExpenditureUsd", |r, v| {
                r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::NonNeg))
            });
            let goods_trade = r
                .opt(o, "goodsTrade", |r, v| {
                    let o = r.obj(v)?;
                    Some(GoodsTrade {
                        korea_exports_usd: r.fig(o, "koreaExportsUsd", Bound::NonNeg),
                        imports_usd: r.fig(o, "importsUsd", Bound::Pos),
                    })
                })
                .flatten();
            Some(Market {
                id,
                region,
                name,
                distance_km,
                fta: fta?,
                demand,
                demand_growth,
                korea_exports,
                health_expenditure_usd,
                goods_trade,
            })
        });

        let sme = self.section(o, "sme", |r, o| r.sme(o, &sector_ids)).flatten();

        let mut program_ids = Ids::new();
        let refs = [&sector_ids, &region_ids, &market_ids];
        let programs = self.list(o, "programs", false, |r, v| {
            let o = r.obj(v)?;
            Some(Program {
                id: r.id(o, &mut program_ids),
                name: r.text_f(o, "name"),
                agency: r.text_f(o, "agency"),
                offers: r.text_f(o, "offers"),
                status: r
                    .field(o, "status", None, |r, v| r.choice(v, &ProgramStatus::ALL))
                    .unwrap_or(ProgramStatus::Unknown),
                status_checked: r.field(o, "statusChecked", String::new(), Self::date),
                status_note: r.opt(o, "statusNote", Self::text),
                next_step: r.opt(o, "nextStep", Self::text),
                dates: r.opt(o, "dates", Self::string),
                source: r.str_f(o, "source"),
                url: r.opt(o, "url", Self::string),
                application_window: r
                    .opt(o, "applicationWindow", |r, v| {
                        let o = r.obj(v)?;
                        let opens = r.opt(o, "opens", Self::date);
                        let closes = r.opt(o, "closes", Self::date);
                        if let (Some(a), Some(b)) = (&opens, &closes) {
                            if !a.is_empty() && !b.is_empty() && b < a {
                                r.err_at("closes", K::Range, &["must not be before opens"], Fix::Range);
                            }
                        }
                        Some(ApplicationWindow {
                            opens,
                            closes,
                            detail: r.opt(o, "detail", Self::text),
                        })
                    })
                    .flatten(),
                rule: r.list(o, "rule", false, |r, v| r.criterion(v, refs)),
            })
        });
        let entry_routes = self.entry_routes(o, &market_ids, &sector_ids, &program_ids);

        Some(Dataset {
            schema: schema.unwrap_or_default(),
            version,
            figures_as_of,
            title,
            price_year,
            projection_years,
            exchange_rate: ExchangeRate {
                krw_per_usd: exchange_rates
                    .iter()
                    .find(|r| r.year == price_year)
                    .map(|r| r.krw_per_usd.clone())?,
            },
            exchange_rates,
            plan: plan?,
            method: method?,
            sme: sme?,
            korea_world_goods_share,
            sectors,
            regions,
            markets,
            programs,
            entry_routes,
        })
    }

    /// `$.entryRoutes`: known market, sectors and programmes; one route per market and sector;
    /// a review time of 0..=120 months with min ≤ max; fees and times sourced or assumed.
    fn entry_routes(&mut self, o: &Obj, markets: &Ids, sectors: &Ids, programs: &Ids) -> Vec<EntryRoute> {
        let mut ids = Ids::new();
        let mut cells = Ids::new();
        self.opt_list(o, "entryRoutes", |r, v| {
            let o = r.obj(v)?;
            let id = r.id(o, &mut ids);
            let market = r.field(o, "market", String::new(), |r, v| {
                let s = r.string(v);
                r.known(&s, markets, K::UnknownMarket);
                s
            });
            let route_sectors = r.list(o, "sectors", true, |r, v| {
                let s = r.string(v);
                r.known(&s, sectors, K::UnknownSector);
                r.dup(&[market.as_str(), "/", s.as_str()].concat(), &mut cells);
                Some(s)
            });
            let steps = r.list(o, "steps", false, |r, v| {
                let o = r.obj(v)?;
                Some(EntryStep {
                    text: r.text_f(o, "text"),
                    kind: r
                        .field(o, "kind", None, |r, v| r.choice(v, &StepKind::ALL))
                        .unwrap_or(StepKind::Application),
                    paid_by: r.opt_list(o, "paidBy", |r, v| {
                        let s = r.string(v);
                        r.known(&s, programs, K::UnknownProgram);
                        Some(s)
                    }),
                })
            });
            let review_months = r
                .opt(o, "reviewMonths", |r, v| {
                    let o = r.obj(v)?;
                    let before = r.count();
                    let min = r.field(o, "min", 0.0, |r, v| r.num(v, Bound::NonNeg));
                    let max = r.field(o, "max", 0.0, |r, v| r.num(v, Bound::NonNeg));
                    if r.count() == before && (min > max || max > 120.0) {
                        r.err_at(
                            "max",
                            K::Range,
                            &["must be at least min and at most 120 months"],
                            Fix::Range,
                        );
                    }
                    let source = r.opt(o, "source", Self::string).unwrap_or_default();
                    let assumption = r.opt(o, "assumption", Self::boolean).unwrap_or(false);
                    if source.trim().is_empty() && !assumption {
                        r.err_at(
                            "source",
                            K::Unsourced,
                            &["the time has no source and is not marked as an assumption"],
                            Fix::of(K::Unsourced),
                        );
                    }
                    Some(MonthRange {
                        min,
                        max,
                        source,
                        year: r.opt(o, "year", Self::year),
                        assumption,
                    })
                })
                .flatten();
            Some(EntryRoute {
                id,
                market,
                sectors: route_sectors,
                verified: r.field(o, "verified", false, Self::boolean),
                regulator: r.text_f(o, "regulator"),
                route: r.text_f(o, "route"),
                local_representative: r
                    .field(o, "localRepresentative", None, |r, v| r.choice(v, &Representative::ALL))
                    .unwrap_or(Representative::Unclear),
                steps,
                documents: r.opt_list(o, "documents", |r, v| Some(r.text(v))),
                review_months,
                fees: r.opt_list(o, "fees", |r, v| {
                    let o = r.obj(v)?;
                    Some(Fee {
                        label: r.text_f(o, "label"),
                        figure: r.figure(o, Bound::NonNeg),
                    })
                }),
                validity: r.opt(o, "validity", Self::text),
                ask_at: r.text_f(o, "askAt"),
                source: r.str_f(o, "source"),
                checked: r.field(o, "checked", String::new(), Self::date),
            })
        })
    }

    fn plan(&mut self, o: &Obj) -> Plan {
        let name = self.text_f(o, "name");
        let announced = self.field(o, "announced", String::new(), Self::date);
        let source = self.str_f(o, "source");
        let base_year = self.field(o, "baseYear", 0, Self::year);
        let target_year = self.field(o, "targetYear", 0, Self::year);
        if base_year != 0 && target_year != 0 {
            if target_year <= base_year {
                self.err_at(
                    "targetYear",
                    K::Range,
                    &["must be after baseYear"],
                    Fix::TargetAfterBase,
                );
            } else if target_year > base_year.saturating_add(50) {
                self.err_at(
                    "targetYear",
                    K::Range,
                    &["must be at most 50 years after baseYear"],
                    Fix::TargetWithin50Years,
                );
            }
        }
        Plan {
            name,
            announced,
            source,
            base_year,
            target_year,
            base_exports_krw: self.fig(o, "baseExportsKrw", Bound::Pos),
            target_exports_krw: self.fig(o, "targetExportsKrw", Bound::Pos),
            implied_krw_per_usd: self.opt(o, "impliedKrwPerUsd", |r, v| match r.obj(v) {
                Some(o) => r.figure(o, Bound::Pos),
                None => fig0(),
            }),
            scope: self.opt(o, "scope", Self::text),
            // Checked against the sectors once they are read (`scope_sectors`).
            scope_sectors: self.opt_list(o, "scopeSectors", |r, v| Some(r.string(v))),
            reached: self.opt_list(o, "reached", |r, v| {
                let o = r.obj(v)?;
                Some(LabelledFigure {
                    label: r.text_f(o, "label"),
                    figure: r.figure(o, Bound::NonNeg),
                })
            }),
            measures: self.opt_list(o, "measures", |r, v| {
                let o = r.obj(v)?;
                Some(PlanMeasure {
                    name: r.text_f(o, "name"),
                    status: r
                        .field(o, "status", None, |r, v| r.choice(v, &ProgramStatus::ALL))
                        .unwrap_or(ProgramStatus::Unknown),
                    status_checked: r.field(o, "statusChecked", String::new(), Self::date),
                    summary: r.text_f(o, "summary"),
                    source: r.str_f(o, "source"),
                })
            }),
        }
    }

    /// An optional list: absent or null is empty, otherwise read as `list` reads it.
    fn opt_list<'v, T>(&mut self, o: &'v Obj, key: &str, f: impl FnMut(&mut Self, &'v Value) -> Option<T>) -> Vec<T> {
        match o.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => self.list(o, key, false, f),
        }
    }

    /// `$.exchangeRates`: one rate a year, each year once, and one for the price year.
    fn exchange_rates(&mut self, o: &Obj, price_year: i32) -> Vec<YearRate> {
        let mut years: Vec<i32> = Vec::new();
        let rates = self.list(o, "exchangeRates", true, |r, v| {
            let o = r.obj(v)?;
            let year = r.field(o, "year", 0, Self::year);
            if year != 0 && years.contains(&year) {
                r.err_at(
                    "year",
                    K::Duplicate,
                    &["the year is listed more than once"],
                    Fix::Duplicate,
                );
            }
            years.push(year);
            Some(YearRate {
                year,
                krw_per_usd: r.fig(o, "krwPerUsd", Bound::Pos),
            })
        });
        if matches!(o.get("exchangeRates"), Some(Value::Array(_))) && price_year != 0 && !years.contains(&price_year) {
            let y = price_year.to_string();
            self.err_at(
                "exchangeRates",
                K::Incomplete,
                &["has no rate for the price year ", &y],
                Fix::RateForPriceYear,
            );
        }
        rates
    }

    /// `$.plan.scopeSectors[i]`: each a known sector.
    fn scope_sectors(&mut self, plan: &Plan, sectors: &Ids) {
        let n = self.enter("plan");
        let m = self.enter("scopeSectors");
        for (i, id) in plan.scope_sectors.iter().enumerate() {
            let k = self.path.len();
            self.path.push('[');
            self.path.push_str(&i.to_string());
            self.path.push(']');
            self.known(id, sectors, K::UnknownSector);
            self.path.truncate(k);
        }
        self.path.truncate(m);
        self.path.truncate(n);
    }

    /// `$.markets[i].koreaExports`: Korea's actual exports to the market, each record naming
    /// known sectors; one record per single sector.
    fn korea_exports(&mut self, o: &Obj, sectors: &Ids) -> Vec<ActualExports> {
        let mut single = Ids::new();
        self.opt_list(o, "koreaExports", |r, v| {
            let o = r.obj(v)?;
            let names = r.list(o, "sectors", true, |r, v| {
                let s = r.string(v);
                r.known(&s, sectors, K::UnknownSector);
                Some(s)
            });
            if let [one] = names.as_slice() {
                let n = r.enter("sectors");
                r.dup(one, &mut single);
                r.path.truncate(n);
            }
            Some(ActualExports {
                sectors: names,
                figure: r.figure(o, Bound::NonNeg),
            })
        })
    }

    fn method(&mut self, o: &Obj) -> Option<MethodParams> {
        let max_figure_age_years = self.opt(o, "maxFigureAgeYears", |r, v| {
            r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::NonNeg))
        });
        let distance_elasticity = self.fig(o, "distanceElasticity", Bound::Pos);
        let fta_in_force_effect = self.fig(o, "ftaInForceEffect", Bound::Pos);
        let before = self.count();
        let readiness_min_multiplier = self.fig(o, "readinessMinMultiplier", Bound::NonNeg);
        let readiness_max_multiplier = self.fig(o, "readinessMaxMultiplier", Bound::NonNeg);
        if self.count() == before && readiness_min_multiplier.value > readiness_max_multiplier.value {
            self.err_at(
                "readinessMinMultiplier",
                K::Range,
                &["must not be above readinessMaxMultiplier"],
                Fix::MinMultiplierAboveMax,
            );
        }
        let model_uncertainty = self.fig(o, "modelUncertainty", Bound::Share);
        let readiness_weights = self.section(o, "readinessWeights", |r, o| {
            let before = r.count();
            let w = ReadinessWeights {
                certification: r.fig(o, "certification", Bound::Share),
                local_partner: r.fig(o, "localPartner", Bound::Share),
                export_experience: r.fig(o, "exportExperience", Bound::Share),
                local_language: r.fig(o, "localLanguage", Bound::Share),
            };
            let sum =
                w.certification.value + w.local_partner.value + w.export_experience.value + w.local_language.value;
            if r.count() == before && (sum - 1.0).abs() > 1e-6 {
                let s = crate::amount::format_number(sum, 6);
                r.err_h(
                    K::Range,
                    &["the four weights sum to ", &s, "; they must sum to 1"],
                    Fix::WeightsSum,
                );
            }
            w
        });
        Some(MethodParams {
            distance_elasticity,
            fta_in_force_effect,
            readiness_min_multiplier,
            readiness_max_multiplier,
            model_uncertainty,
            readiness_weights: readiness_weights?,
            max_figure_age_years,
        })
    }

    // ---- SME tables (issue 10 item 4) ----

    fn sme(&mut self, o: &Obj, sectors: &Ids) -> Option<SmeRules> {
        let mut ids = Ids::new();
        let mut days = Ids::new();
        let tables = self.list(o, "tables", true, |r, v| {
            let o = r.obj(v)?;
            Some(r.sme_table(o, sectors, &mut ids, &mut days))
        });
        let asset_cap_krw = self.fig(o, "assetCapKrw", Bound::Pos);
        let grace_period_years = self.fig(o, "gracePeriodYears", Bound::Pos);
        let confirm_at = self.str_f(o, "confirmAt");
        Some(SmeRules {
            tables,
            asset_cap_krw,
            grace_period_years,
            confirm_at,
        })
    }

    /// One table: its own id and effective date, a row per sector.
    fn sme_table(&mut self, o: &Obj, sectors: &Ids, ids: &mut Ids, days: &mut Ids) -> SmeTable {
        let id = self.id(o, ids);
        let name = self.text_f(o, "name");
        let effective = self.field(o, "effective", String::new(), |r, v| {
            let d = r.date(v);
            r.dup(&d, days);
            d
        });
        let source = self.str_f(o, "source");
        let mut seen = Ids::new();
        let rows = self.list(o, "rows", false, |r, v| {
            let o = r.obj(v)?;
            Some(r.sme_row(o, sectors, &mut seen))
        });
        self.cover(o, "rows", sectors, &seen);
        SmeTable {
            id,
            name,
            effective,
            source,
            rows,
        }
    }

    /// One row: small at most medium.
    fn sme_row(&mut self, o: &Obj, sectors: &Ids, seen: &mut Ids) -> SmeRow {
        let sector = self.sector_ref(o, sectors, seen);
        let before = self.count();
        let small_max_krw = self.fig(o, "smallMaxKrw", Bound::NonNeg);
        let medium_max_krw = self.fig(o, "mediumMaxKrw", Bound::NonNeg);
        if self.count() == before && small_max_krw.value > medium_max_krw.value {
            self.err_at(
                "smallMaxKrw",
                K::Range,
                &["must not be above mediumMaxKrw"],
                Fix::SmallAboveMedium,
            );
        }
        SmeRow {
            sector,
            small_max_krw,
            medium_max_krw,
        }
    }
}
