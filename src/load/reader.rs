//! A bounded, checked walk over a JSON value tree: it keeps the JSON path of where it is
//! (`$.markets[3].distanceKm.value`), reads typed values (objects, strings, numbers within bounds,
//! years, dates, booleans, choices from a closed list, Korean and English text, lists of at most
//! `MAX_ITEMS`), and collects every problem with its path, kind and fix instead of stopping at
//! the first. A bad value is replaced by a default so the walk goes on.

use serde_json::{Map, Value};

use super::{Fix, Problem, ProblemKind, MAX_ITEMS, MAX_PROBLEMS};
use crate::dataset::Text;

/// "YYYY-MM-DD" naming a real day.
fn is_iso_date(written: &str) -> bool {
    let bytes = written.as_bytes();
    let number_at = |from: usize, to: usize| -> Option<u32> {
        let digits = bytes.get(from..to)?;
        digits.iter().all(u8::is_ascii_digit).then(|| {
            digits
                .iter()
                .fold(0, |total, digit| total * 10 + u32::from(digit - b'0'))
        })
    };
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (number_at(0, 4), number_at(5, 7), number_at(8, 10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&day)
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
        self.0.binary_search_by(|listed| listed.as_str().cmp(id))
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// False if `id` was there already.
    pub(super) fn insert(&mut self, id: &str) -> bool {
        match self.find(id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id.to_owned());
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
    /// Where the walk is, `$.markets[3].distanceKm`.
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
        for part in parts {
            message.push_str(part);
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
        let mark = self.path.len();
        self.path.push('.');
        self.path.push_str(key);
        mark
    }

    /// Goes down to `path[index]`; returns the mark `leave` goes back to.
    pub(super) fn enter_index(&mut self, index: usize) -> usize {
        let mark = self.path.len();
        self.path.push('[');
        self.path.push_str(&index.to_string());
        self.path.push(']');
        mark
    }

    /// Goes back up to where `enter_key` or `enter_index` was called.
    pub(super) fn leave(&mut self, mark: usize) {
        self.path.truncate(mark);
    }

    /// A problem at `path.key`.
    pub(super) fn problem_at(&mut self, key: &str, kind: ProblemKind, parts: &[&str], fix: Fix) {
        let mark = self.enter_key(key);
        self.problem_with_fix(kind, parts, fix);
        self.leave(mark);
    }

    pub(super) fn wrong_type(&mut self, want: &str, value: &Value) {
        let found = match value {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        };
        self.problem(ProblemKind::Type, &["expected ", want, ", found ", found]);
    }

    /// A required field: reports it missing (and returns `default`) or reads it with `read` at its
    /// path.
    pub(super) fn required<'v, T>(
        &mut self,
        object: &'v JsonObject,
        key: &str,
        default: T,
        read: impl FnOnce(&mut Self, &'v Value) -> T,
    ) -> T {
        let mark = self.enter_key(key);
        let result = match object.get(key) {
            Some(value) => read(self, value),
            None => {
                self.problem(ProblemKind::Missing, &["is missing"]);
                default
            }
        };
        self.leave(mark);
        result
    }

    /// An optional field: absent or null is `None`.
    pub(super) fn optional<'v, T>(
        &mut self,
        object: &'v JsonObject,
        key: &str,
        read: impl FnOnce(&mut Self, &'v Value) -> T,
    ) -> Option<T> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => {
                let mark = self.enter_key(key);
                let result = read(self, value);
                self.leave(mark);
                Some(result)
            }
        }
    }

    /// A required object read by `read`.
    pub(super) fn required_object<'v, T>(
        &mut self,
        object: &'v JsonObject,
        key: &str,
        read: impl FnOnce(&mut Self, &'v JsonObject) -> T,
    ) -> Option<T> {
        self.required(object, key, None, |reader, value| {
            let object = reader.object(value)?;
            Some(read(reader, object))
        })
    }

    /// A required list of at most `MAX_ITEMS`; `read` reads each item (None drops it, its problem
    /// already reported).
    pub(super) fn list<'v, T>(
        &mut self,
        object: &'v JsonObject,
        key: &str,
        nonempty: bool,
        mut read: impl FnMut(&mut Self, &'v Value) -> Option<T>,
    ) -> Vec<T> {
        self.required(object, key, Vec::new(), |reader, value| {
            let Value::Array(items) = value else {
                reader.wrong_type("a list", value);
                return Vec::new();
            };
            if nonempty && items.is_empty() {
                reader.problem(ProblemKind::Empty, &["must list at least one entry"]);
            }
            if items.len() > MAX_ITEMS {
                reader.problem_with_fix(ProblemKind::TooLarge, &["has more than 1000 entries"], Fix::ListTooLong);
            }
            let mut read_items = Vec::with_capacity(items.len().min(MAX_ITEMS));
            for (index, item) in items.iter().take(MAX_ITEMS).enumerate() {
                let mark = reader.enter_index(index);
                if let Some(read_item) = read(reader, item) {
                    read_items.push(read_item);
                }
                reader.leave(mark);
            }
            read_items
        })
    }

    pub(super) fn object<'v>(&mut self, value: &'v Value) -> Option<&'v JsonObject> {
        match value {
            Value::Object(object) => Some(object),
            _ => {
                self.wrong_type("an object", value);
                None
            }
        }
    }

    pub(super) fn str_value<'v>(&mut self, value: &'v Value) -> Option<&'v str> {
        match value {
            Value::String(text) => Some(text),
            _ => {
                self.wrong_type("a string", value);
                None
            }
        }
    }

    pub(super) fn string(&mut self, value: &Value) -> String {
        self.str_value(value).map(str::to_owned).unwrap_or_default()
    }

    pub(super) fn boolean(&mut self, value: &Value) -> bool {
        match value {
            Value::Bool(flag) => *flag,
            _ => {
                self.wrong_type("true or false", value);
                false
            }
        }
    }

    /// A finite number within `bound`; 0 when bad. (A parsed tree holds only finite numbers:
    /// `parse` and `Bounded` refuse the others.)
    pub(super) fn number(&mut self, value: &Value, bound: Bound) -> f64 {
        match value.as_f64() {
            Some(number) => {
                self.check_bound(number, bound);
                number
            }
            None => {
                self.wrong_type("a number", value);
                0.0
            }
        }
    }

    /// A year, 1900..=2200; 0 when bad.
    pub(super) fn year(&mut self, value: &Value) -> i32 {
        match value.as_f64() {
            // A whole number (also written as 2024.0 or 2.024e3).
            Some(year) if (1900.0..=2200.0).contains(&year) && year.fract() == 0.0 => year as i32,
            Some(year) if year.fract() == 0.0 => {
                self.problem_with_fix(ProblemKind::Range, &["a year must be between 1900 and 2200"], Fix::Year);
                0
            }
            _ => {
                self.wrong_type("a whole number (a year)", value);
                0
            }
        }
    }

    pub(super) fn date(&mut self, value: &Value) -> String {
        let Some(written) = self.str_value(value) else {
            return String::new();
        };
        if !is_iso_date(written) {
            self.problem(
                ProblemKind::Date,
                &["\"", written, "\" is not a date written YYYY-MM-DD"],
            );
        }
        written.to_owned()
    }

    /// The value whose JSON name is the string `value`, reporting "unknownKind" when none is.
    pub(super) fn choice<T: Copy>(&mut self, value: &Value, allowed: &[(T, &str)]) -> Option<T> {
        let written = self.str_value(value)?;
        let found = allowed
            .iter()
            .find(|(_, name)| *name == written)
            .map(|(choice, _)| *choice);
        if found.is_none() {
            let names: Vec<&str> = allowed.iter().map(|(_, name)| *name).collect();
            let list = names.join(", ");
            self.problem(ProblemKind::UnknownKind, &["\"", written, "\" is not one of: ", &list]);
        }
        found
    }

    pub(super) fn text(&mut self, value: &Value) -> Text {
        let Some(object) = self.object(value) else {
            return Text::default();
        };
        Text {
            ko: self.required(object, "ko", String::new(), Self::string),
            en: self.required(object, "en", String::new(), Self::string),
        }
    }

    pub(super) fn text_field(&mut self, object: &JsonObject, key: &str) -> Text {
        self.required(object, key, Text::default(), Self::text)
    }

    pub(super) fn string_field(&mut self, object: &JsonObject, key: &str) -> String {
        self.required(object, key, String::new(), Self::string)
    }

    /// Reports `number` outside `bound`.
    fn check_bound(&mut self, number: f64, bound: Bound) {
        let (min, max, message, fix) = match bound {
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
        if number < 0.0 && bound == Bound::Positive {
            self.problem_with_fix(ProblemKind::Negative, &["must not be negative"], fix);
        } else if number < 0.0 && min >= 0.0 {
            self.problem(ProblemKind::Negative, &["must not be negative"]);
        } else if number < min || number > max || (bound == Bound::Positive && number == 0.0) {
            self.problem_with_fix(ProblemKind::Range, &[message], fix);
        }
    }

    /// Reports `id` when `seen` has it already, and adds it.
    pub(super) fn unique(&mut self, id: &str, seen: &mut IdSet) {
        if !id.is_empty() && !seen.insert(id) {
            self.problem(ProblemKind::Duplicate, &["\"", id, "\" is listed more than once"]);
        }
    }

    /// An entry's "id": non-empty and not seen before in its list.
    pub(super) fn id_field(&mut self, object: &JsonObject, seen: &mut IdSet) -> String {
        self.required(object, "id", String::new(), |reader, value| {
            let Some(id) = reader.str_value(value) else {
                return String::new();
            };
            if id.is_empty() {
                reader.problem(ProblemKind::Empty, &["must not be empty"]);
            }
            reader.unique(id, seen);
            id.to_owned()
        })
    }

    /// An optional list: absent or null is empty, otherwise read as `list` reads it.
    pub(super) fn optional_list<'v, T>(
        &mut self,
        object: &'v JsonObject,
        key: &str,
        read: impl FnMut(&mut Self, &'v Value) -> Option<T>,
    ) -> Vec<T> {
        match object.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => self.list(object, key, false, read),
        }
    }
}
