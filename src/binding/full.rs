//! The full module's API beyond the answer at a glance: `estimate` (the whole result), datasets
//! loaded at run time (`loadDataset`, `validateDataset`, `resetDataset`), `trace`,
//! `compareMarkets`, and with feature `validator` `comparePanel`.

use std::cell::Cell;
use std::rc::Rc;

#[cfg(feature = "validator")]
use js_sys::Object;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{answer_with, dataset_for, input_error, raw_input, share, to_js, LOADED};
#[cfg(feature = "validator")]
use super::{built_in, lang_of, set};
use crate::dataset::Dataset;
use crate::engine;
use crate::error::Lang;
use crate::load::{self, Bounded, Problem, Stop};
use crate::words;

/// A JS Error for a dataset that cannot be used: the first problem's message, and all of them.
#[cfg(feature = "validator")]
fn problems_error(problems: &[Problem]) -> JsValue {
    // Each message already starts with its JSON path.
    let message = problems.first().map_or("invalid dataset", |p| p.message.as_str());
    let err: Object = js_sys::Error::new(message).into();
    set(&err, "problems", &to_js(problems).unwrap_or(JsValue::NULL));
    err.into()
}

/// `estimate(input)`: the whole result as a plain object (`model::Estimate`'s serde names).
#[wasm_bindgen]
pub fn estimate(input: JsValue) -> Result<JsValue, JsValue> {
    answer_with(&input, engine::estimate, share::estimate_js)
}

/// `{ok, problems, version, notice}` for `loadDataset` and `validateDataset`; `notice` (`{ko, en}`,
/// only when not ok) says in a few words why a widget cannot use the file.
#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    problems: &'a [Problem],
    version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<Notice>,
}

#[derive(Serialize)]
struct Notice {
    ko: String,
    en: String,
}

fn report(result: &Result<Dataset, Vec<Problem>>) -> JsValue {
    let r = match result {
        Ok(ds) => Report {
            ok: true,
            problems: &[],
            version: Some(&ds.version),
            notice: None,
        },
        Err(problems) => {
            let kinds: Vec<_> = problems.iter().map(|p| p.kind).collect();
            Report {
                ok: false,
                problems,
                version: None,
                notice: Some(Notice {
                    ko: words::dataset_notice(&kinds, Lang::Ko),
                    en: words::dataset_notice(&kinds, Lang::En),
                }),
            }
        }
    };
    to_js(&r).unwrap_or(JsValue::NULL)
}

/// A dataset's text read in the browser: parsed by `JSON.parse` and crossed into the value tree
/// through `Bounded` (at most 64 levels, so a deep file cannot overflow the Wasm stack). When
/// `JSON.parse` refuses the text, serde_json reads it again for the line and column of the
/// problem, which browsers word each their own way (and a browser whose `JSON.parse` refuses very
/// deep nesting gets the same "tooDeep" as the others).
fn dataset_from_text(text: &str) -> Result<Dataset, Vec<Problem>> {
    if let Some(p) = load::size_problem(text.len()) {
        return Err(vec![p]);
    }
    let Ok(parsed) = js_sys::JSON::parse(text.strip_prefix('\u{feff}').unwrap_or(text)) else {
        return Err(vec![load::parse(text).err().unwrap_or_else(unreadable)]);
    };
    let stop = Cell::new(Stop::None);
    match serde::de::DeserializeSeed::deserialize(Bounded::new(&stop), serde_wasm_bindgen::Deserializer::from(parsed)) {
        Ok(tree) => load::dataset_from_value(&tree),
        Err(_) => Err(vec![match stop.get() {
            Stop::TooDeep => load::too_deep(),
            Stop::NotFinite => load::not_finite(),
            Stop::None => unreadable(),
        }]),
    }
}

/// `JSON.parse` and serde_json disagree on whether the text is JSON: should not happen.
fn unreadable() -> Problem {
    Problem::new(
        String::from("$"),
        load::ProblemKind::Json,
        String::from("$: not valid JSON"),
        load::Fix::Json,
    )
}

/// `loadDataset(json, key?)`: validates and, when valid, uses it for `key` (an element's dataset
/// URL; without a key, for everyone). Returns `{ok, problems, version, notice}`.
#[wasm_bindgen(js_name = loadDataset)]
pub fn load_dataset(json: &str, key: JsValue) -> JsValue {
    let key = key.as_string().unwrap_or_default();
    let result = dataset_from_text(json);
    let out = report(&result);
    if let Ok(ds) = result {
        let ds = Rc::new(ds);
        LOADED.with(|l| {
            let mut l = l.borrow_mut();
            l.retain(|(k, _)| *k != key);
            l.push((key, ds));
        });
    }
    out
}

/// `validateDataset(json)`: like `loadDataset` but never switches. Returns `{ok, problems, version}`.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(json: &str) -> JsValue {
    report(&dataset_from_text(json))
}

/// `resetDataset()`: forget every loaded dataset; back to the built-in one.
#[wasm_bindgen(js_name = resetDataset)]
pub fn reset_dataset() {
    LOADED.with(|l| l.borrow_mut().clear());
}

/// `comparePanel(json, panelCsv, lang?)` (feature `validator`: the validator page's build): the reference panel (the text of `panel.csv`) through
/// the built-in figures and through `json`: `{firms, firmsChanged, potentialShare, counts,
/// changes, summary}` (`panel::Comparison`). Throws the dataset's problems, or the panel's line.
#[cfg(feature = "validator")]
#[wasm_bindgen(js_name = comparePanel)]
pub fn compare_panel(json: &str, panel_csv: &str, lang: JsValue) -> Result<JsValue, JsValue> {
    let new = dataset_from_text(json).map_err(|p| problems_error(&p))?;
    let panel = crate::panel::read_panel(panel_csv).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    let old = built_in()?;
    to_js(&crate::panel::compare(&panel, &old, &new, lang_of(&lang)))
}

/// Checks a JS input as `estimate` does: the checked input and its dataset, or the JS Error.
fn checked_input(input: &JsValue) -> Result<(crate::model::Input, Rc<Dataset>), JsValue> {
    let (raw, key, mut errors) = raw_input(input);
    let ds = dataset_for(&key)?;
    let lang = raw.lang;
    match engine::check(&raw, &ds) {
        Ok(checked) if errors.is_empty() => Ok((checked, ds)),
        Ok(_) => Err(input_error(errors, lang)),
        Err(more) => {
            errors.extend(more);
            Err(input_error(errors, lang))
        }
    }
}

/// `trace(input)`: the calculation trace of the case (`report::Trace`): inputs, every factor
/// with source and year, each step of the method, the result. The page offers it as a JSON file.
#[wasm_bindgen]
pub fn trace(input: JsValue) -> Result<JsValue, JsValue> {
    let (checked, ds) = checked_input(&input)?;
    to_js(&crate::report::trace(&checked, &ds))
}

/// `compareMarkets(input, ids)`: the case in two or three markets side by side
/// (`report::Comparison`); unknown ids and repeats are skipped, at most three kept.
#[wasm_bindgen(js_name = compareMarkets)]
pub fn compare_markets(input: JsValue, ids: JsValue) -> Result<JsValue, JsValue> {
    let (checked, ds) = checked_input(&input)?;
    let ids: Vec<String> = serde_wasm_bindgen::from_value(ids).unwrap_or_default();
    to_js(&crate::report::compare_markets(&checked, &ids, &ds))
}
