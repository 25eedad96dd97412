//! A bounded, checked walk over a JSON value tree: it keeps the JSON path of where it is
//! ("$.markets[3].distanceKm.value"), reads typed values (objects, strings, numbers within bounds,
//! years, dates, booleans, choices from a closed list, Korean and English text, lists of at most
//! `MAX_ITEMS`), and collects every problem with its path, kind and fix instead of stopping at
//! the first. A bad value is replaced by a default so the walk goes on.

use serde_json::{Map, Value};

use super::{Fix, Problem, ProblemKind, MAX_ITEMS, MAX_PROBLEMS};
use crate::dataset::Text;
use crate::vocab::ProblemKind as K;

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
    NonNeg,
    /// More than 0.
    Pos,
    /// A share, 0..=1.
    Share,
    /// A yearly growth rate, -0.5..=1.0.
    Growth,
}

pub(super) type Obj = Map<String, Value>;

/// A set of ids, kept sorted (so lookups are binary searches and listing is in id order).
#[derive(Default)]
pub(super) struct Ids(Vec<String>);

impl Ids {
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

/// Walks a `Value`, keeping the current path and the problems found.
pub(super) struct Reader {
    path: String,
    out: Vec<Problem>,
    dropped: usize,
}

impl Reader {
    pub(super) fn new() -> Self {
        Reader {
            path: String::from("$"),
            out: Vec::new(),
            dropped: 0,
        }
    }

    /// `read` if no problem was found, else every problem (the ones over `MAX_PROBLEMS` counted
    /// in one last problem).
    pub(super) fn finish<T>(mut self, read: Option<T>) -> Result<T, Vec<Problem>> {
        match read {
            Some(t) if self.out.is_empty() => Ok(t),
            _ => {
                if self.dropped > 0 {
                    let n = self.dropped.to_string();
                    self.path.truncate(1);
                    let message = ["$: ", &n, " more problems not shown"].concat();
                    self.out
                        .push(Problem::new(self.path, K::Truncated, message, Fix::Truncated));
                }
                Err(self.out)
            }
        }
    }

    pub(super) fn err(&mut self, kind: ProblemKind, parts: &[&str]) {
        self.err_h(kind, parts, Fix::of(kind));
    }

    pub(super) fn err_h(&mut self, kind: ProblemKind, parts: &[&str], fix: Fix) {
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
    pub(super) fn count(&self) -> usize {
        self.out.len().saturating_add(self.dropped)
    }

    fn enter(&mut self, key: &str) -> usize {
        let n = self.path.len();
        self.path.push('.');
        self.path.push_str(key);
        n
    }

    /// A problem at `path.key`.
    pub(super) fn err_at(&mut self, key: &str, kind: ProblemKind, parts: &[&str], fix: Fix) {
        let n = self.enter(key);
        self.err_h(kind, parts, fix);
        self.path.truncate(n);
    }

    /// `f` at `path.key`.
    pub(super) fn at<T>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        let n = self.enter(key);
        let t = f(self);
        self.path.truncate(n);
        t
    }

    /// `f` at `path[i]`.
    pub(super) fn at_index<T>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        let n = self.path.len();
        self.path.push('[');
        self.path.push_str(&i.to_string());
        self.path.push(']');
        let t = f(self);
        self.path.truncate(n);
        t
    }

    pub(super) fn ty(&mut self, want: &str, v: &Value) {
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
    pub(super) fn field<'v, T>(&mut self, o: &'v Obj, key: &str, d: T, f: impl FnOnce(&mut Self, &'v Value) -> T) -> T {
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
    pub(super) fn opt<'v, T>(&mut self, o: &'v Obj, key: &str, f: impl FnOnce(&mut Self, &'v Value) -> T) -> Option<T> {
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
    pub(super) fn section<'v, T>(
        &mut self,
        o: &'v Obj,
        key: &str,
        f: impl FnOnce(&mut Self, &'v Obj) -> T,
    ) -> Option<T> {
        self.field(o, key, None, |r, v| {
            let o = r.obj(v)?;
            Some(f(r, o))
        })
    }

    /// A required list; `f` reads each item (None drops it, its problem already reported).
    pub(super) fn list<'v, T>(
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
                if let Some(t) = r.at_index(i, |r| f(r, x)) {
                    out.push(t);
                }
            }
            out
        })
    }

    /// An optional list: absent or null is empty, otherwise read as `list` reads it.
    pub(super) fn opt_list<'v, T>(
        &mut self,
        o: &'v Obj,
        key: &str,
        f: impl FnMut(&mut Self, &'v Value) -> Option<T>,
    ) -> Vec<T> {
        match o.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => self.list(o, key, false, f),
        }
    }

    pub(super) fn obj<'v>(&mut self, v: &'v Value) -> Option<&'v Obj> {
        match v {
            Value::Object(o) => Some(o),
            _ => {
                self.ty("an object", v);
                None
            }
        }
    }

    pub(super) fn s<'v>(&mut self, v: &'v Value) -> Option<&'v str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.ty("a string", v);
                None
            }
        }
    }

    pub(super) fn string(&mut self, v: &Value) -> String {
        self.s(v).map(str::to_owned).unwrap_or_default()
    }

    pub(super) fn boolean(&mut self, v: &Value) -> bool {
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
    pub(super) fn num(&mut self, v: &Value, b: Bound) -> f64 {
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
    pub(super) fn year(&mut self, v: &Value) -> i32 {
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

    pub(super) fn date(&mut self, v: &Value) -> String {
        let Some(s) = self.s(v) else {
            return String::new();
        };
        if !is_iso_date(s) {
            self.err(K::Date, &["\"", s, "\" is not a date written YYYY-MM-DD"]);
        }
        s.to_owned()
    }

    /// The value whose JSON name is the string `v`, reporting "unknownKind" when none is.
    pub(super) fn choice<T: Copy>(&mut self, v: &Value, allowed: &[(T, &str)]) -> Option<T> {
        let s = self.s(v)?;
        let found = allowed.iter().find(|(_, name)| *name == s).map(|(t, _)| *t);
        if found.is_none() {
            let names: Vec<&str> = allowed.iter().map(|(_, name)| *name).collect();
            let list = names.join(", ");
            self.err(K::UnknownKind, &["\"", s, "\" is not one of: ", &list]);
        }
        found
    }

    pub(super) fn text(&mut self, v: &Value) -> Text {
        let Some(o) = self.obj(v) else {
            return Text::default();
        };
        Text {
            ko: self.field(o, "ko", String::new(), Self::string),
            en: self.field(o, "en", String::new(), Self::string),
        }
    }

    pub(super) fn text_f(&mut self, o: &Obj, key: &str) -> Text {
        self.field(o, key, Text::default(), Self::text)
    }

    pub(super) fn str_f(&mut self, o: &Obj, key: &str) -> String {
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

    pub(super) fn dup(&mut self, id: &str, seen: &mut Ids) {
        if !id.is_empty() && !seen.insert(id) {
            self.err(K::Duplicate, &["\"", id, "\" is listed more than once"]);
        }
    }

    /// An entry's "id": non-empty and not seen before in its list.
    pub(super) fn id(&mut self, o: &Obj, seen: &mut Ids) -> String {
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
}
