#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
//! Builds a `Dataset` from JSON, validating all of it.
//!
//! The text is size-checked and parsed by `serde_json` (natively, and in `build.rs` for the
//! default, which is then compiled in as Rust values) or by the browser's `JSON.parse` (the JS API,
//! `binding`), in both cases through `Bounded`, which builds the `serde_json::Value` tree and
//! refuses nesting deeper than `MAX_DEPTH` while it goes (a recursive walk of 100,000 levels would
//! overflow the Wasm stack, and a trap kills the widget). The tree is then walked by a small reader
//! that keeps the JSON path of where it is (`$.markets[3].distanceKm.value`) and collects every
//! problem instead of stopping at the first. A bad value is replaced by a default so the walk goes
//! on; any problem makes the result `Err`. Unknown keys are ignored (room for comments); a repeated
//! key counts with its last value. The walk follows the schema, not the input, so its depth is
//! fixed.
//!
//! Here: the API, the size check and the text parsing. `bounded`: the depth-bounded tree builder.
//! `reader`: the generic checked walk (path, typed values and their bounds, id sets, problems),
//! which knows nothing of the dataset. `records`: the dataset's records read with it, and the
//! checks between them.

use core::cell::Cell;

use serde::de::DeserializeSeed;
use serde::Serialize;
use serde_json::Value;

pub use bounded::{Bounded, Stop};
use reader::Reader;

use crate::dataset::Dataset;
use crate::error::Lang;
pub use crate::vocab::{Fix, ProblemKind};
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

/// One problem in a dataset file, with the JSON path where it is (`$.markets[3].distanceKm.value`).
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

/// Parses and validates a dataset; returns every problem found, or the dataset.
pub fn dataset_from_json(text: &str) -> Result<Dataset, Vec<Problem>> {
    match parse(text) {
        Ok(tree) => dataset_from_value(&tree),
        Err(problem) => Err(vec![problem]),
    }
}

/// Validates a value tree (from `parse`, or from `JSON.parse` through `Bounded`).
pub fn dataset_from_value(tree: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut reader = Reader::new();
    match reader.dataset(tree) {
        Some(dataset) if reader.problems.is_empty() => Ok(dataset),
        _ => {
            if reader.unreported > 0 {
                let count = reader.unreported.to_string();
                reader.path.truncate(1);
                let message = ["$: ", &count, " more problems not shown"].concat();
                reader.problems.push(Problem::new(
                    reader.path,
                    ProblemKind::Truncated,
                    message,
                    Fix::Truncated,
                ));
            }
            Err(reader.problems)
        }
    }
}

/// A problem with the document as a whole (at "$"), which stops reading it.
fn whole_document_problem(kind: ProblemKind, detail: &str, fix: Fix) -> Problem {
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
        whole_document_problem(ProblemKind::TooLarge, &detail, Fix::FileTooLarge)
    })
}

/// The text as a value tree (a UTF-8 byte order mark at the start is skipped, as Windows editors
/// add one), or the one problem that stops reading it: too large, too deep, a number beyond the
/// range of f64, or not JSON (with line and column, the column in characters).
pub fn parse(text: &str) -> Result<Value, Problem> {
    if let Some(problem) = size_problem(text.len()) {
        return Err(problem);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let stop = Cell::new(Stop::None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Bounded::new(&stop)
        .deserialize(&mut deserializer)
        .and_then(|tree| deserializer.end().map(|()| tree));
    value.map_err(|error| match stop.get() {
        Stop::TooDeep => too_deep(),
        Stop::NotFinite => not_finite(),
        Stop::None => syntax_problem(text, &error),
    })
}

/// "nested more than 64 levels deep", at "$".
pub fn too_deep() -> Problem {
    whole_document_problem(
        ProblemKind::TooDeep,
        "lists and objects are nested more than 64 levels deep",
        Fix::TooDeep,
    )
}

/// "a number is beyond the range of f64", at "$".
pub fn not_finite() -> Problem {
    whole_document_problem(
        ProblemKind::NotFinite,
        "a number is beyond the range of a 64-bit float (about 1.8e308)",
        Fix::NotFinite,
    )
}

/// "not valid JSON: <serde_json's reason> at line L column C", the column counted in characters
/// (serde_json counts bytes; Korean text is 3 bytes a character).
fn syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
    let (line, byte_column) = (error.line(), error.column());
    // serde_json has no kind for "number out of range" other than its wording.
    let full = error.to_string();
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
    let column = line_text.get(..cut).map_or(0, |before| before.chars().count()).max(1);
    let detail = [
        "not valid JSON: ",
        reason,
        " at line ",
        &line.max(1).to_string(),
        " column ",
        &column.to_string(),
    ]
    .concat();
    whole_document_problem(ProblemKind::Json, &detail, Fix::Json)
}

mod bounded;
mod reader;
mod records;
