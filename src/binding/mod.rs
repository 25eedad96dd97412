//! The JS API (wasm32 only): reads the JS input object member by member into engine types, and
//! turns results back into plain objects through serde-wasm-bindgen and the serde types (one list
//! of field names: the serde attributes). No calculation happens here.
//!
//! Both modules: `glance(input)`, `parseAmount(text, lang?)`, `formatAmount(krw, lang?)`,
//! `formatUsd(usd, lang?)`, `amountEcho(text, lang?, key?)`, `datasetInfo(lang?, key?)`. The full
//! module (`full.rs`): `estimate(input)`, `trace(input)`, `compareMarkets(input, ids)`,
//! `loadDataset(json)`, `validateDataset(json)`, `resetDataset()`, and with feature `validator`
//! `comparePanel(json, panelCsv, lang?)`. Bad input throws a JS `Error` whose message is in the
//! requested language and which carries `field`, `reason` and `errors` (all problems). The charts
//! (`chart`) draw from a result `estimate` returned.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::amount;
use crate::dataset::Dataset;
use crate::engine::{self, RawInput};
use crate::error::{Field, InputError, Lang, Reason};
use crate::model::Readiness;
use crate::words;

/// The rest of the API: the whole result, datasets loaded at run time, the trace, the comparison
/// (the full module only).
#[cfg(not(first_module))]
mod full;
/// `estimate`'s result, sharing the parts recent results already sent (the full module only).
#[cfg(not(first_module))]
mod share;

thread_local! {
    /// The compiled-in dataset, built from its static values once, on first use.
    static DEFAULT: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// Datasets loaded at run time, by key (an element's `data-src` URL), so several widgets on one
    /// page can each use their own figures. The key "" replaces the default for everyone.
    static LOADED: RefCell<Vec<(String, Rc<Dataset>)>> = const { RefCell::new(Vec::new()) };
}

/// A Rust value as a plain JS object: `None` is `null`, maps are objects (what `JSON.parse` of
/// the same data would give, so the page sees the shapes it always had).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// Sets `key` on a JS object. `Reflect::set` fails only on frozen objects, which these never are.
fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// The dataset for a key: a loaded one, else the compiled-in default.
fn dataset_for(key: &str) -> Result<Rc<Dataset>, JsValue> {
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
        let ds = Rc::new(crate::builtin::dataset());
        *cell.borrow_mut() = Some(Rc::clone(&ds));
        Ok(ds)
    })
}

/// `glance(input)`: the answer at a glance alone (`model::GlanceAnswer`), what the first-answer
/// module gives before the whole result; throws as `estimate` does.
#[wasm_bindgen]
pub fn glance(input: JsValue) -> Result<JsValue, JsValue> {
    answer(&input, engine::glance)
}

/// Reads a JS input, and answers it with `f` on its dataset as a plain object; every problem of the
/// input (amounts that are not amounts, and what `engine::check` finds) is one thrown JS Error.
fn answer<T: Serialize>(
    input: &JsValue,
    f: impl Fn(&RawInput, &Dataset) -> Result<T, Vec<InputError>>,
) -> Result<JsValue, JsValue> {
    answer_with(input, f, to_js)
}

/// `answer` with `js` turning the result into a JS value.
fn answer_with<T>(
    input: &JsValue,
    f: impl Fn(&RawInput, &Dataset) -> Result<T, Vec<InputError>>,
    js: impl Fn(&T) -> Result<JsValue, JsValue>,
) -> Result<JsValue, JsValue> {
    let (raw, key, mut errors) = raw_input(input);
    let ds = dataset_for(&key)?;
    let lang = raw.lang;
    if !errors.is_empty() {
        if let Err(more) = engine::check(&raw, &ds) {
            errors.extend(more);
        }
        return Err(input_error(errors, lang));
    }
    js(&f(&raw, &ds).map_err(|e| input_error(e, lang))?)
}

fn lang_from(value: Option<&str>) -> Lang {
    match value {
        Some("en") => Lang::En,
        _ => Lang::Ko,
    }
}

fn lang_of(value: &JsValue) -> Lang {
    lang_from(value.as_string().as_deref())
}

/// One member of the input object as JS gave it. Anything a member may hold is read without
/// failing, so every problem of the input is reported at once (by `engine::check`, and here for
/// amounts that are neither numbers nor text).
#[derive(Default)]
enum Loose {
    #[default]
    Absent,
    Bool(bool),
    Number(f64),
    Text(String),
    Other,
}

impl Loose {
    /// A JS value as it is, by wasm-bindgen's own checks of its type: the input has ten members,
    /// and a generic deserializer for them would be a fifth of the first module's bytes.
    fn of(value: JsValue) -> Loose {
        if value.is_undefined() || value.is_null() {
            Loose::Absent
        } else if let Some(b) = value.as_bool() {
            Loose::Bool(b)
        } else if let Some(x) = value.as_f64() {
            Loose::Number(x)
        } else if let Some(s) = value.as_string() {
            Loose::Text(s)
        } else {
            Loose::Other
        }
    }
}

/// The member `key` of a JS object; absent when `object` is not an object or its getter throws.
fn member(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl Loose {
    /// An amount: a number, or text in any Korean form ("35억"); absent when undefined, null or "".
    fn amount(self, field: Field, errors: &mut Vec<InputError>) -> Option<f64> {
        match self {
            Loose::Absent => None,
            Loose::Number(x) => Some(x),
            Loose::Text(s) if s.trim().is_empty() => None,
            Loose::Text(s) => match amount::parse_amount(&s) {
                Ok(won) => Some(won as f64),
                Err(reason) => {
                    errors.push(InputError::new(field, reason));
                    None
                }
            },
            Loose::Bool(_) | Loose::Other => {
                errors.push(InputError::new(field, Reason::NotANumber));
                None
            }
        }
    }

    fn flag(self) -> Option<bool> {
        match self {
            Loose::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn text(self) -> Option<String> {
        match self {
            Loose::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// Reads the JS input object into a `RawInput` and its dataset key, collecting problems with
/// amounts. Not an object at all: every member is absent (and `engine::check` says which are needed).
fn raw_input(input: &JsValue) -> (RawInput, String, Vec<InputError>) {
    let get = |key: &str| Loose::of(member(input, key));
    let mut errors = Vec::new();
    // `readiness` that is not an object counts as no answers (as a missing one does).
    let answers = member(input, "readiness");
    let answer = |key: &str| Loose::of(member(&answers, key)).flag();
    let readiness = Readiness {
        certification: answer("certification"),
        local_partner: answer("localPartner"),
        export_experience: answer("exportExperience"),
        local_language: answer("localLanguage"),
    };
    let raw = RawInput {
        revenue_krw: get("revenueKrw").amount(Field::RevenueKrw, &mut errors),
        sector: get("sector").text().unwrap_or_default(),
        market: get("market").text().unwrap_or_default(),
        current_exports_krw: get("currentExportsKrw").amount(Field::CurrentExportsKrw, &mut errors),
        exports_to_market_krw: get("exportsToMarketKrw").amount(Field::ExportsToMarketKrw, &mut errors),
        total_assets_krw: get("totalAssetsKrw").amount(Field::TotalAssetsKrw, &mut errors),
        medical_corporation: get("medicalCorporation").flag(),
        readiness,
        lang: lang_from(get("lang").text().as_deref()),
        today: get("today").text(),
    };
    (raw, get("dataset").text().unwrap_or_default(), errors)
}

/// One input problem as the page gets it: in the requested language, both kept for the widget.
#[derive(Serialize)]
struct JsInputError<'a> {
    field: &'static str,
    reason: &'static str,
    message: &'a str,
    ko: &'a str,
    en: &'a str,
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
        set(&err, "field", &JsValue::from_str(first.field.key()));
        set(&err, "reason", &JsValue::from_str(first.reason.key()));
    }
    let list: Vec<JsInputError> = errors
        .iter()
        .map(|e| JsInputError {
            field: e.field.key(),
            reason: e.reason.key(),
            message: e.message(lang),
            ko: &e.ko,
            en: &e.en,
        })
        .collect();
    set(&err, "errors", &to_js(&list).unwrap_or(JsValue::NULL));
    err.into()
}

/// `parseAmount(text, lang?)`: whole won as a number, or throws with the reason.
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(text: &str, lang: JsValue) -> Result<f64, JsValue> {
    amount::parse_amount(text)
        .map(|won| won as f64)
        .map_err(|reason| input_error(vec![InputError::new(Field::RevenueKrw, reason)], lang_of(&lang)))
}

/// `amountEcho(text, lang?, key?)`: how the form echoes a typed amount, the won and the dollars at
/// the dataset's rate ("35억 원 (약 US$ 2.46M)"), or throws as `parseAmount` does.
#[wasm_bindgen(js_name = amountEcho)]
pub fn amount_echo(text: &str, lang: JsValue, key: JsValue) -> Result<String, JsValue> {
    let won = parse_amount(text, lang.clone())?;
    let ds = dataset_for(&key.as_string().unwrap_or_default())?;
    Ok(words::amount_echo(
        won as u64,
        ds.exchange_rate.krw_per_usd.value,
        lang_of(&lang),
    ))
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

/// What `datasetInfo` returns: the form's lists with names in one language.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DatasetInfo<'a> {
    version: &'a str,
    figures_as_of: &'a str,
    title: &'a str,
    krw_per_usd: f64,
    /// The rate as the footer shows it ("1,421.97"): formatted here, so the page needs no
    /// `Intl.NumberFormat`, whose first use loads the language's locale data before the first result.
    krw_per_usd_display: String,
    sectors: Vec<Named<'a>>,
    regions: Vec<Named<'a>>,
    markets: Vec<Named<'a>>,
    programs: Vec<Named<'a>>,
}

/// `{id, name}`, and `region` for markets.
#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
}

fn named<'a>(id: &'a str, name: &'a str) -> Named<'a> {
    Named { id, name, region: None }
}

/// `datasetInfo(lang?, key?)`: version, date, and the sectors, regions, markets and programs with names.
#[wasm_bindgen(js_name = datasetInfo)]
pub fn dataset_info(lang: JsValue, key: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang);
    let ds = dataset_for(&key.as_string().unwrap_or_default())?;
    to_js(&DatasetInfo {
        version: &ds.version,
        figures_as_of: &ds.figures_as_of,
        title: ds.title.get(lang),
        krw_per_usd: ds.exchange_rate.krw_per_usd.value,
        krw_per_usd_display: amount::format_number(ds.exchange_rate.krw_per_usd.value, 6),
        sectors: ds.sectors.iter().map(|s| named(&s.id, s.name.get(lang))).collect(),
        regions: ds.regions.iter().map(|r| named(&r.id, r.name.get(lang))).collect(),
        markets: ds
            .markets
            .iter()
            .map(|m| Named {
                region: Some(&m.region),
                ..named(&m.id, m.name.get(lang))
            })
            .collect(),
        programs: ds.programs.iter().map(|p| named(&p.id, p.name.get(lang))).collect(),
    })
}
