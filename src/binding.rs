//! The JS API (wasm32 only): turns JS values into engine types and results back into plain
//! objects. No calculation happens here.
//!
//! `estimate(input)`, `parseAmount(text, lang?)`, `formatAmount(krw, lang?)`, `datasetInfo(lang?)`,
//! `loadDataset(json)`, `resetDataset()`, `comparePanel(json, panelCsv, lang?)`, `drawPotentialChart(canvas, input, options)`,
//! `drawRankingChart(canvas, input, options)`. Bad input throws a JS `Error` whose message is
//! in the requested language and which carries `field`, `reason` and `errors` (all problems).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::amount;
use crate::dataset::Dataset;
use crate::engine::{self, RawInput};
use crate::error::{Field, InputError, Lang, Reason};
use crate::load;
use crate::model::Readiness;
use crate::to_js::{input_error_js, set, ToJs};
use crate::words;

thread_local! {
    /// The compiled-in dataset, parsed once on first use.
    static DEFAULT: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// Datasets loaded at run time, by key (an element's `data-src` URL), so several widgets on one
    /// page can each use their own figures. The key "" replaces the default for everyone.
    static LOADED: RefCell<Vec<(String, Rc<Dataset>)>> = const { RefCell::new(Vec::new()) };
    /// The last input, the dataset it used and its result.
    static LAST: RefCell<Option<LastEstimate>> = const { RefCell::new(None) };
}

type LastEstimate = (RawInput, Rc<Dataset>, Rc<crate::model::Estimate>);

/// The dataset for a key: a loaded one, else the compiled-in default.
pub(crate) fn dataset_for(key: &str) -> Result<Rc<Dataset>, JsValue> {
    let loaded = LOADED.with(|l| l.borrow().iter().find(|(k, _)| k == key).map(|(_, d)| Rc::clone(d)));
    if let Some(ds) = loaded {
        return Ok(ds);
    }
    if !key.is_empty() {
        return dataset_for("");
    }
    built_in()
}

/// The compiled-in dataset, whatever was loaded since.
fn built_in() -> Result<Rc<Dataset>, JsValue> {
    DEFAULT.with(|cell| {
        if let Some(ds) = cell.borrow().as_ref() {
            return Ok(Rc::clone(ds));
        }
        match load::default_dataset() {
            Ok(ds) => {
                let ds = Rc::new(ds);
                *cell.borrow_mut() = Some(Rc::clone(&ds));
                Ok(ds)
            }
            Err(problems) => Err(problems_error(&problems)),
        }
    })
}

fn key_of(value: &JsValue) -> String {
    value.as_string().unwrap_or_default()
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn lang_of(value: &JsValue) -> Lang {
    match value.as_string().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Ko,
    }
}

/// An amount field: a number, or a string in any Korean form, or absent (undefined, null, "").
fn amount_field(obj: &JsValue, key: &str, field: Field, errors: &mut Vec<InputError>) -> Option<f64> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return None;
    }
    if let Some(n) = v.as_f64() {
        return Some(n);
    }
    if let Some(s) = v.as_string() {
        if s.trim().is_empty() {
            return None;
        }
        return match amount::parse_amount(&s) {
            Ok(won) => Some(won as f64),
            Err(reason) => {
                errors.push(InputError::new(field, reason));
                None
            }
        };
    }
    errors.push(InputError::new(field, Reason::NotANumber));
    None
}

fn bool_field(obj: &JsValue, key: &str) -> Option<bool> {
    get(obj, key).as_bool()
}

/// Reads the JS input object into a `RawInput`, collecting problems with amount strings.
fn raw_input(input: &JsValue) -> (RawInput, Vec<InputError>) {
    let mut errors = Vec::new();
    let readiness_obj = get(input, "readiness");
    let readiness = Readiness {
        certification: bool_field(&readiness_obj, "certification"),
        local_partner: bool_field(&readiness_obj, "localPartner"),
        export_experience: bool_field(&readiness_obj, "exportExperience"),
        local_language: bool_field(&readiness_obj, "localLanguage"),
    };
    let raw = RawInput {
        revenue_krw: amount_field(input, "revenueKrw", Field::RevenueKrw, &mut errors),
        sector: get(input, "sector").as_string().unwrap_or_default(),
        market: get(input, "market").as_string().unwrap_or_default(),
        current_exports_krw: amount_field(input, "currentExportsKrw", Field::CurrentExportsKrw, &mut errors),
        exports_to_market_krw: amount_field(input, "exportsToMarketKrw", Field::ExportsToMarketKrw, &mut errors),
        total_assets_krw: amount_field(input, "totalAssetsKrw", Field::TotalAssetsKrw, &mut errors),
        medical_corporation: bool_field(input, "medicalCorporation"),
        readiness,
        lang: lang_of(&get(input, "lang")),
        today: get(input, "today").as_string(),
    };
    (raw, errors)
}

/// A JS Error for input problems: message of the first, plus `field`, `reason`, `errors`.
fn input_error(mut errors: Vec<InputError>, lang: Lang) -> JsValue {
    // Amount-string problems and check problems can name the same field; keep the first per field.
    let mut seen: Vec<Field> = Vec::new();
    errors.retain(|e| {
        if seen.contains(&e.field) {
            false
        } else {
            seen.push(e.field);
            true
        }
    });
    let message = errors.first().map_or("invalid input", |e| e.message(lang));
    let err: Object = js_sys::Error::new(message).into();
    if let Some(first) = errors.first() {
        set(&err, "field", first.field.to_js());
        set(&err, "reason", first.reason.to_js());
    }
    let list = Array::new();
    for e in &errors {
        list.push(&input_error_js(e, lang));
    }
    set(&err, "errors", list.into());
    err.into()
}

fn problems_error(problems: &[load::Problem]) -> JsValue {
    // Each message already starts with its JSON path.
    let message = problems.first().map_or("invalid dataset", |p| p.message.as_str());
    let err: Object = js_sys::Error::new(message).into();
    set(&err, "problems", problems.to_js());
    err.into()
}

/// Checks the input and returns the whole result, or throws.
pub(crate) fn estimate_from_js(input: &JsValue) -> Result<Rc<crate::model::Estimate>, JsValue> {
    let ds = dataset_for(&key_of(&get(input, "dataset")))?;
    let (raw, mut errors) = raw_input(input);
    let lang = raw.lang;
    if !errors.is_empty() {
        if let Err(more) = engine::check(&raw, &ds) {
            errors.extend(more);
        }
        return Err(input_error(errors, lang));
    }
    // The widget asks for the result and then for both charts of the same input: compute once.
    let cached = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(r, d, _)| *r == raw && Rc::ptr_eq(d, &ds))
            .map(|(_, _, e)| Rc::clone(e))
    });
    if let Some(result) = cached {
        return Ok(result);
    }
    let result = Rc::new(engine::estimate(&raw, &ds).map_err(|e| input_error(e, lang))?);
    LAST.with(|last| *last.borrow_mut() = Some((raw, ds, Rc::clone(&result))));
    Ok(result)
}

/// `estimate(input)`: the whole result as a plain object.
#[wasm_bindgen]
pub fn estimate(input: JsValue) -> Result<JsValue, JsValue> {
    Ok(estimate_from_js(&input)?.to_js())
}

/// `parseAmount(text, lang?)`: whole won as a number, or throws with the reason.
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(text: &str, lang: JsValue) -> Result<f64, JsValue> {
    amount::parse_amount(text)
        .map(|won| won as f64)
        .map_err(|reason| input_error(vec![InputError::new(Field::RevenueKrw, reason)], lang_of(&lang)))
}

/// `formatAmount(krw, lang?)`: "35억 5,000만 원" / "KRW 3.55 billion".
#[wasm_bindgen(js_name = formatAmount)]
pub fn format_amount(krw: f64, lang: JsValue) -> String {
    amount::format_krw(engine::to_won(krw), lang_of(&lang))
}

/// `formatUsd(usd)`: "US$ 3.4M".
#[wasm_bindgen(js_name = formatUsd)]
pub fn format_usd(usd: f64, lang: JsValue) -> String {
    amount::format_usd(usd, lang_of(&lang))
}

/// `{id, name}` (and `region` for markets) for a list shown in the form.
fn named<'a>(items: impl Iterator<Item = (&'a str, &'a str, Option<&'a str>)>) -> JsValue {
    let list = Array::new();
    for (id, name, region) in items {
        let o = Object::new();
        set(&o, "id", id.to_js());
        set(&o, "name", name.to_js());
        if let Some(region) = region {
            set(&o, "region", region.to_js());
        }
        list.push(&o);
    }
    list.into()
}

/// `datasetInfo(lang?, key?)`: version, date, and the sectors, regions, markets and programs with names.
#[wasm_bindgen(js_name = datasetInfo)]
pub fn dataset_info(lang: JsValue, key: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang);
    let ds = dataset_for(&key_of(&key))?;
    let o = Object::new();
    set(&o, "version", ds.version.to_js());
    set(&o, "figuresAsOf", ds.figures_as_of.to_js());
    set(&o, "title", ds.title.get(lang).to_js());
    set(&o, "krwPerUsd", ds.exchange_rate.krw_per_usd.value.to_js());
    set(
        &o,
        "sectors",
        named(ds.sectors.iter().map(|s| (s.id.as_str(), s.name.get(lang), None))),
    );
    set(
        &o,
        "regions",
        named(ds.regions.iter().map(|r| (r.id.as_str(), r.name.get(lang), None))),
    );
    set(
        &o,
        "markets",
        named(
            ds.markets
                .iter()
                .map(|m| (m.id.as_str(), m.name.get(lang), Some(m.region.as_str()))),
        ),
    );
    set(
        &o,
        "programs",
        named(ds.programs.iter().map(|p| (p.id.as_str(), p.name.get(lang), None))),
    );
    Ok(o.into())
}

/// `{ok, problems, version, notice}` for `loadDataset` and `validateDataset`; `notice` (`{ko, en}`,
/// only when not ok) says in a few words why a widget cannot use the file.
fn report(problems: &[load::Problem], version: Option<&str>) -> JsValue {
    let o = Object::new();
    set(&o, "ok", problems.is_empty().to_js());
    set(&o, "problems", problems.to_js());
    set(&o, "version", version.to_js());
    if !problems.is_empty() {
        let kinds: Vec<_> = problems.iter().map(|p| p.kind).collect();
        let notice = Object::new();
        set(&notice, "ko", words::dataset_notice(&kinds, Lang::Ko).to_js());
        set(&notice, "en", words::dataset_notice(&kinds, Lang::En).to_js());
        set(&o, "notice", notice.into());
    }
    o.into()
}

/// `loadDataset(json, key?)`: validates and, when valid, uses it for `key` (an element's dataset
/// URL; without a key, for everyone). Returns `{ok, problems, version, notice}`.
#[wasm_bindgen(js_name = loadDataset)]
pub fn load_dataset(json: &str, key: JsValue) -> JsValue {
    let key = key_of(&key);
    match load::dataset_from_json(json) {
        Ok(ds) => {
            let version = ds.version.clone();
            let ds = Rc::new(ds);
            LOADED.with(|l| {
                let mut l = l.borrow_mut();
                l.retain(|(k, _)| *k != key);
                l.push((key, ds));
            });
            report(&[], Some(&version))
        }
        Err(problems) => report(&problems, None),
    }
}

/// `validateDataset(json)`: like `loadDataset` but never switches. Returns `{ok, problems}`.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(json: &str) -> JsValue {
    match load::dataset_from_json(json) {
        Ok(ds) => report(&[], Some(&ds.version)),
        Err(problems) => report(&problems, None),
    }
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
    let new = load::dataset_from_json(json).map_err(|p| problems_error(&p))?;
    let panel = crate::panel::read_panel(panel_csv).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    let old = built_in()?;
    Ok(crate::panel::compare(&panel, &old, &new, lang_of(&lang)).to_js())
}
