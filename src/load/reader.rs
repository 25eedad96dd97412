//! A bounded, checked walk over a JSON value tree: it keeps the JSON path of where it is
//! ("$.markets[3].distanceKm.value"), reads typed values (objects, strings, numbers within bounds,
//! years, dates, booleans, choices from a closed list, Korean and English text, lists of at most
//! `MAX_ITEMS`), and collects every problem with its path, kind and fix instead of stopping at
//! the first. A bad value is replaced by a default so the walk goes on.

use serde_json::{Map, Value};

use super::{Fix, Problem, ProblemKind, MAX_ITEMS, MAX_PROBLEMS};
use crate::dataset::Text;

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
pub(super) enum Bound {
    /// 0 or more.
    NonNegative,
    /// More than 0.
    Positive,
    /// A share, 0..=1.
    Share,
    /// A yearly growth rate, -0.5..=1.0.
    Growth,
}

pub(super) type JsonObject = Map<String, Value>;

/// A set of ids, kept sorted (so lookups are binary searches and listing is in id order).
#[derive(Default)]
pub(super) struct IdSet(Vec<String>);

impl IdSet {
    pub(super) fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|x| x.as_str().cmp(id))
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// False if `id` was there already.
    pub(super) fn insert(&mut self, id: &str) -> bool {
        match self.find(id) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, id.to_owned());
                true
            }
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn iter(&self) -> core::slice::Iter<'_, String> {
        self.0.iter()
    }
}

/// Walks a `Value`, keeping the current path and the problems found. The records reach the path
/// only through `enter_key`, `enter_index` and `leave`; `dataset_from_value` reads the fields once
/// the walk is over.
pub(super) struct Reader {
    /// Where the walk is, "$.markets[3].distanceKm".
    pub(super) path: String,
    /// The first `MAX_PROBLEMS` problems found.
    pub(super) problems: Vec<Problem>,
    /// Problems found beyond `MAX_PROBLEMS`, counted only.
    pub(super) unreported: usize,
}

impl Reader {
    pub(super) fn new() -> Self {
        Reader {
            path: String::from("$"),
            problems: Vec::new(),
            unreported: 0,
        }
    }

    /// A problem at the current path, with the kind's usual fix; `parts` make the message.
    pub(super) fn problem(&mut self, kind: ProblemKind, parts: &[&str]) {
        self.problem_with_fix(kind, parts, Fix::of(kind));
    }

    /// A problem at the current path with its own fix; counted only beyond `MAX_PROBLEMS`.
    pub(super) fn problem_with_fix(&mut self, kind: ProblemKind, parts: &[&str], fix: Fix) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.unreported = self.unreported.saturating_add(1);
            return;
        }
        let mut message = self.path.clone();
        message.push_str(": ");
        for p in parts {
            message.push_str(p);
        }
        let path = self.path.clone();
        self.problems.push(Problem::new(path, kind, message, fix));
    }

    /// Problems so far, reported or not: compare before/after to know a part was clean.
    pub(super) fn problem_count(&self) -> usize {
        self.problems.len().saturating_add(self.unreported)
    }

    /// Goes down to `path.key`; returns the mark `leave` goes back to.
    pub(super) fn enter_key(&mut self, key: &str) -> usize {
        let n = self.path.len();
        self.path.push('.');
        self.path.push_str(key);
        n
    }

    /// Goes down to `path[i]`; returns the mark `leave` goes back to.
    pub(super) fn enter_index(&mut self, i: usize) -> usize {
        let n = self.path.len();
        self.path.push('[');
        self.path.push_str(&i.to_string());
        self.path.push(']');
        n
    }

    /// Goes back up to where `enter_key` or `enter_index` was called.
    pub(super) fn leave(&mut self, mark: usize) {
        self.path.truncate(mark);
    }

    /// A problem at `path.key`.
    pub(super) fn problem_at(&mut self, key: &str, kind: ProblemKind, parts: &[&str], fix: Fix) {
        let n = self.enter_key(key);
        self.problem_with_fix(kind, parts, fix);
        self.path.truncate(n);
    }

    pub(super) fn wrong_type(&mut self, want: &str, v: &Value) {
        let found = match v {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        };
        self.problem(ProblemKind::Type, &["expected ", want, ", found ", found]);
    }

    /// A required field: reports it missing (and returns `d`) or reads it with `f` at its path.
    pub(super) fn required<'v, T>(
        &mut self,
        o: &'v JsonObject,
        key: &str,
        d: T,
        f: impl FnOnce(&mut Self, &'v Value) -> T,
    ) -> T {
        let n = self.enter_key(key);
        let t = match o.get(key) {
            Some(v) => f(self, v),
            None => {
                self.problem(ProblemKind::Missing, &["is missing"]);
                d
            }
        };
        self.path.truncate(n);
        t
    }

    /// An optional field: absent or null is `None`.
    pub(super) fn optional<'v, T>(
        &mut self,
        o: &'v JsonObject,
        key: &str,
        f: impl FnOnce(&mut Self, &'v Value) -> T,
    ) -> Option<T> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => {
                let n = self.enter_key(key);
                let t = f(self, v);
                self.path.truncate(n);
                Some(t)
            }
        }
    }

    /// A required object read by `f`.
    pub(super) fn required_object<'v, T>(
        &mut self,
        o: &'v JsonObject,
        key: &str,
        f: impl FnOnce(&mut Self, &'v JsonObject) -> T,
    ) -> Option<T> {
        self.required(o, key, None, |r, v| {
            let o = r.object(v)?;
            Some(f(r, o))
        })
    }

    /// A required list; `f` reads each item (None drops it, its problem already reported).
    pub(super) fn list<'v, T>(
        &mut self,
        o: &'v JsonObject,
        key: &str,
        nonempty: bool,
        mut f: impl FnMut(&mut Self, &'v Value) -> Option<T>,
    ) -> Vec<T> {
        self.required(o, key, Vec::new(), |r, v| {
            let Value::Array(a) = v else {
                r.wrong_type("a list", v);
                return Vec::new();
            };
            if nonempty && a.is_empty() {
                r.problem(ProblemKind::Empty, &["must list at least one entry"]);
            }
            if a.len() > MAX_ITEMS {
                r.problem_with_fix(ProblemKind::TooLarge, &["has more than 1000 entries"], Fix::ListTooLong);
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

    pub(super) fn object<'v>(&mut self, v: &'v Value) -> Option<&'v JsonObject> {
        match v {
            Value::Object(o) => Some(o),
            _ => {
                self.wrong_type("an object", v);
                None
            }
        }
    }

    pub(super) fn str_value<'v>(&mut self, v: &'v Value) -> Option<&'v str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.wrong_type("a string", v);
                None
            }
        }
    }

    pub(super) fn string(&mut self, v: &Value) -> String {
        self.str_value(v).map(str::to_owned).unwrap_or_default()
    }

    pub(super) fn boolean(&mut self, v: &Value) -> bool {
        match v {
            Value::Bool(b) => *b,
            _ => {
                self.wrong_type("true or false", v);
                false
            }
        }
    }

    /// A finite number within `b`; 0 when bad. (A parsed tree holds only finite numbers:
    /// `parse` and `Bounded` refuse the others.)
    pub(super) fn number(&mut self, v: &Value, b: Bound) -> f64 {
        match v.as_f64() {
            Some(x) => {
                self.check_bound(x, b);
                x
            }
            None => {
                self.wrong_type("a number", v);
                0.0
            }
        }
    }

    /// A year, 1900..=2200; 0 when bad.
    pub(super) fn year(&mut self, v: &Value) -> i32 {
        match v.as_f64() {
            // A whole number (also written as 2024.0 or 2.024e3).
            Some(y) if (1900.0..=2200.0).contains(&y) && y.fract() == 0.0 => y as i32,
            Some(y) if y.fract() == 0.0 => {
                self.problem_with_fix(ProblemKind::Range, &["a year must be between 1900 and 2200"], Fix::Year);
                0
            }
            _ => {
                self.wrong_type("a whole number (a year)", v);
                0
            }
        }
    }

    pub(super) fn date(&mut self, v: &Value) -> String {
        let Some(s) = self.str_value(v) else {
            return String::new();
        };
        if !is_iso_date(s) {
            self.problem(ProblemKind::Date, &["\"", s, "\" is not a date written YYYY-MM-DD"]);
        }
        s.to_owned()
    }

    /// The value whose JSON name is the string `v`, reporting "unknownKind" when none is.
    pub(super) fn choice<T: Copy>(&mut self, v: &Value, allowed: &[(T, &str)]) -> Option<T> {
        let s = self.str_value(v)?;
        let found = allowed.iter().find(|(_, name)| *name == s).map(|(t, _)| *t);
        if found.is_none() {
            let names: Vec<&str> = allowed.iter().map(|(_, name)| *name).collect();
            let list = names.join(", ");
            self.problem(ProblemKind::UnknownKind, &["\"", s, "\" is not one of: ", &list]);
        }
        found
    }

    pub(super) fn text(&mut self, v: &Value) -> Text {
        let Some(o) = self.object(v) else {
            return Text::default();
        };
        Text {
            ko: self.required(o, "ko", String::new(), Self::string),
            en: self.required(o, "en", String::new(), Self::string),
        }
    }

    pub(super) fn text_field(&mut self, o: &JsonObject, key: &str) -> Text {
        self.required(o, key, Text::default(), Self::text)
    }

    pub(super) fn string_field(&mut self, o: &JsonObject, key: &str) -> String {
        self.required(o, key, String::new(), Self::string)
    }

    fn check_bound(&mut self, x: f64, b: Bound) {
        let (lo, hi, msg, fix) = match b {
            Bound::NonNegative => (0.0, f64::INFINITY, "", Fix::Range),
            Bound::Positive => (0.0, f64::INFINITY, "must be greater than 0", Fix::Positive),
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
        if x < 0.0 && b == Bound::Positive {
            self.problem_with_fix(ProblemKind::Negative, &["must not be negative"], fix);
        } else if x < 0.0 && lo >= 0.0 {
            self.problem(ProblemKind::Negative, &["must not be negative"]);
        } else if x < lo || x > hi || (b == Bound::Positive && x == 0.0) {
            self.problem_with_fix(ProblemKind::Range, &[msg], fix);
        }
    }

    pub(super) fn unique(&mut self, id: &str, seen: &mut IdSet) {
        if !id.is_empty() && !seen.insert(id) {
            self.problem(ProblemKind::Duplicate, &["\"", id, "\" is listed more than once"]);
        }
    }

    /// An entry's "id": non-empty and not seen before in its list.
    pub(super) fn id_field(&mut self, o: &JsonObject, seen: &mut IdSet) -> String {
        self.required(o, "id", String::new(), |r, v| {
            let Some(s) = r.str_value(v) else {
                return String::new();
            };
            if s.is_empty() {
                r.problem(ProblemKind::Empty, &["must not be empty"]);
            }
            r.unique(s, seen);
            s.to_owned()
        })
    }

    /// An optional list: absent or null is empty, otherwise read as `list` reads it.
    pub(super) fn optional_list<'v, T>(
        &mut self,
        o: &'v JsonObject,
        key: &str,
        f: impl FnMut(&mut Self, &'v Value) -> Option<T>,
    ) -> Vec<T> {
        match o.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => self.list(o, key, false, f),
        }
    }
}
