//! The JS API as a page sees it, run in headless Chromium by wasm-bindgen-test-runner:
//!
//!   scripts/test.sh   (or, with the tools on PATH:
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test --target wasm32-unknown-unknown --test wasm_api)
//!
//! The calls go through the JS glue that wasm-bindgen generates (`parseAmount`, not
//! `parse_amount`), so these tests check the names, argument conversions and thrown `Error`s
//! that an embedding page gets.
//!
//! How: wasm-bindgen-test-runner serves this test's JS module at `/wasm-bindgen-test` (its page
//! imports `./wasm-bindgen-test`, without `.js`; another URL would be a second, uninitialised
//! instance). The inline JS below imports that same instance back, so the tests reach the
//! exported functions of the library linked into this test module. Rust links the library only
//! when the test uses it; `call` does (see `keep_library_linked`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
import * as api from "/wasm-bindgen-test";
export function has_export(name) { return typeof api[name] === "function"; }
export function call_export(name, args) {
  const f = api[name];
  if (typeof f !== "function") throw new Error("the module does not export " + name);
  return f(...args);
}
export function json(value) { return JSON.stringify(value); }
export function reparsed(text) { return JSON.stringify(JSON.parse(text)); }
export function same_object(a, b) { return a === b; }
export function is_frozen(value) { return Object.isFrozen(value); }
"#)]
extern "C" {
    fn has_export(name: &str) -> bool;
    #[wasm_bindgen(catch)]
    fn call_export(name: &str, args: Array) -> Result<JsValue, JsValue>;
    fn json(value: &JsValue) -> String;
    /// A JSON text as `JSON.stringify` writes it (numbers without Rust's trailing ".0").
    fn reparsed(text: &str) -> String;
    fn same_object(a: &JsValue, b: &JsValue) -> bool;
    fn is_frozen(value: &JsValue) -> bool;
}

// --- the API, as JS calls it ----------------------------------------------------------------

/// rustc drops a dependency the test never uses, and the library's `#[wasm_bindgen]` exports
/// with it ("the module does not export estimate"). Using one of its functions keeps it linked.
fn keep_library_linked() {
    std::hint::black_box(sme_export::amount::parse_amount as fn(&str) -> _);
}

fn call(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    keep_library_linked();
    call_export(name, args.iter().collect())
}

fn estimate(input: &JsValue) -> Result<JsValue, JsValue> {
    call("estimate", std::slice::from_ref(input))
}

fn parse_amount(text: &str) -> Result<JsValue, JsValue> {
    call("parseAmount", &[text.into()])
}

// --- helpers ---------------------------------------------------------------------------------

/// A plain JS object from (key, value) pairs.
fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// `value.a.b.c`, or undefined.
fn at(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        if v.is_object() {
            Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    })
}

fn num(value: &JsValue, path: &str) -> f64 {
    at(value, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number in {}", json(value)))
}

fn string(value: &JsValue, path: &str) -> String {
    at(value, path)
        .as_string()
        .unwrap_or_else(|| panic!("{path} is not a string in {}", json(value)))
}

/// The valid example case: 35억 revenue, medical devices, Saudi Arabia.
fn valid_input(revenue: JsValue) -> JsValue {
    obj(&[
        ("revenueKrw", revenue),
        ("sector", "medical_devices".into()),
        ("market", "SA".into()),
    ])
}

/// The call must throw a JS `Error`; returns it.
fn expect_error(result: Result<JsValue, JsValue>, what: &str) -> js_sys::Error {
    match result {
        Ok(v) => panic!("{what}: expected a thrown Error, got {}", json(&v)),
        Err(e) => e
            .dyn_into::<js_sys::Error>()
            .unwrap_or_else(|e| panic!("{what}: threw a non-Error value {}", json(&e))),
    }
}

fn has_hangul(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{3130}'..='\u{318F}').contains(&c))
}

// --- tests -----------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn exports_every_api_function_under_its_js_name() {
    for name in [
        "estimate",
        "parseAmount",
        "formatAmount",
        "formatUsd",
        "datasetInfo",
        "loadDataset",
        "validateDataset",
        "resetDataset",
        "glance",
    ] {
        assert!(has_export(name), "the wasm module does not export {name}");
    }
}

/// `glance(input)` reads the same input object member by member and gives the whole result's
/// summary; a member of the wrong type is a problem with that field, not a thrown-away input.
#[wasm_bindgen_test]
fn glance_is_the_summary_of_estimate() {
    let input = valid_input("35억".into());
    let at_glance =
        call("glance", std::slice::from_ref(&input)).unwrap_or_else(|e| panic!("glance threw: {}", json(&e)));
    let whole = estimate(&input).unwrap_or_else(|e| panic!("{}", json(&e)));
    assert_eq!(json(&at(&at_glance, "summary")), json(&at(&whole, "summary")));
    assert!(!string(&at_glance, "announcement").is_empty());
    let bad = valid_input(JsValue::from(Array::new()));
    let e = expect_error(call("glance", &[bad]), "an array as revenue");
    assert_eq!(string(&e.into(), "field"), "revenueKrw");
}

/// `estimate` sends again, as the same frozen objects, the parts of a result that equal those of
/// a recent one. What a page reads must not show it: every result, in both languages, for
/// revenues that change the SME size, for a market and back, and for a case repeated, is what the
/// engine computes, member for member.
#[wasm_bindgen_test]
fn estimate_is_the_engine_result_whatever_it_shares() {
    use sme_export::engine::{self, RawInput};
    use sme_export::error::Lang;
    let ds = sme_export::builtin::dataset();
    let mut cases = Vec::new();
    for lang in [Lang::Ko, Lang::En] {
        for market in ["SA", "KZ", "SA"] {
            for revenue in [3.5e9, 3.517e9, 1.2e10, 9.9e10, 3.5e9] {
                cases.push((lang, market, revenue));
            }
        }
    }
    for (lang, market, revenue) in cases {
        let raw = RawInput {
            revenue_krw: Some(revenue),
            sector: "medical_devices".into(),
            market: market.into(),
            lang,
            today: Some("2026-12-04".into()),
            ..RawInput::default()
        };
        let expected = engine::estimate(&raw, &ds).expect("a valid case");
        let expected = reparsed(&serde_json::to_string(&expected).expect("serializable"));
        let input = obj(&[
            ("revenueKrw", revenue.into()),
            ("sector", "medical_devices".into()),
            ("market", market.into()),
            ("lang", if lang == Lang::En { "en" } else { "ko" }.into()),
            ("today", "2026-12-04".into()),
        ]);
        let got = json(&estimate(&input).expect("estimate"));
        assert_eq!(got, expected, "{lang:?} {market} {revenue}");
    }
}

/// Two results whose support programmes are assessed alike share each programme's object, which
/// is frozen (one result cannot change the other); the lists and the results themselves are new.
#[wasm_bindgen_test]
fn results_share_only_frozen_parts() {
    let a = estimate(&valid_input(3_500_000_000.0.into())).unwrap();
    let b = estimate(&valid_input(3_517_000_000.0.into())).unwrap();
    assert_ne!(num(&a, "potential.baseKrw"), num(&b, "potential.baseKrw"));
    assert_eq!(json(&at(&a, "support")), json(&at(&b, "support")));
    assert!(same_object(&at(&a, "support.0"), &at(&b, "support.0")));
    assert!(is_frozen(&at(&a, "support.0")) && is_frozen(&at(&a, "support.0.reasons")));
    assert!(!same_object(&at(&a, "support"), &at(&b, "support")));
    assert!(!is_frozen(&a) && !is_frozen(&at(&a, "support")) && !is_frozen(&at(&a, "potential")));
    assert!(
        !is_frozen(&at(&a, "ranking.0")),
        "parts that change with the amount are not kept"
    );
}

#[wasm_bindgen_test]
fn estimate_of_a_valid_small_firm() {
    let r =
        estimate(&valid_input(3.5e9.into())).unwrap_or_else(|e| panic!("estimate threw: {}", string(&e, "message")));
    assert_eq!(string(&r, "sme.size"), "small");
    let (low, base, high) = (
        num(&r, "potential.lowKrw"),
        num(&r, "potential.baseKrw"),
        num(&r, "potential.highKrw"),
    );
    assert!(base >= 0.0, "baseKrw {base} < 0");
    assert!(
        low <= base && base <= high,
        "not low {low} <= base {base} <= high {high}"
    );
}

#[wasm_bindgen_test]
fn estimate_accepts_a_korean_amount_string() {
    let from_number = estimate(&valid_input(3.5e9.into())).unwrap_or_else(|e| panic!("{}", json(&e)));
    let from_text = estimate(&valid_input("35억".into()))
        .unwrap_or_else(|e| panic!("estimate with \"35억\" threw: {}", string(&e, "message")));
    assert_eq!(string(&from_text, "sme.size"), "small");
    assert_eq!(json(&at(&from_text, "sme")), json(&at(&from_number, "sme")));
    assert_eq!(json(&at(&from_text, "potential")), json(&at(&from_number, "potential")));
}

#[wasm_bindgen_test]
fn negative_revenue_throws_an_english_error_naming_the_field() {
    let input = valid_input((-5.0).into());
    Reflect::set(&input, &"lang".into(), &"en".into()).unwrap();
    let err = expect_error(estimate(&input), "revenueKrw -5");
    assert_eq!(string(&err, "field"), "revenueKrw");
    let message: String = err.message().into();
    assert!(!has_hangul(&message), "message is not English: {message}");
    assert!(
        message.to_lowercase().contains("negative"),
        "message does not say what is wrong: {message}"
    );
    assert!(Array::is_array(&at(&err, "errors")), "no errors list on {}", json(&err));
}

#[wasm_bindgen_test]
fn nan_revenue_throws() {
    let err = expect_error(estimate(&valid_input(f64::NAN.into())), "revenueKrw NaN");
    assert_eq!(string(&err, "field"), "revenueKrw");
}

#[wasm_bindgen_test]
fn unknown_market_throws_naming_market() {
    let input = obj(&[
        ("revenueKrw", 3.5e9.into()),
        ("sector", "medical_devices".into()),
        ("market", "XX".into()),
    ]);
    let err = expect_error(estimate(&input), "market XX");
    assert_eq!(string(&err, "field"), "market");
}

#[wasm_bindgen_test]
fn parse_amount_reads_korean_units() {
    let v = parse_amount("3억 5천만").unwrap_or_else(|e| panic!("parseAmount threw {}", json(&e)));
    assert_eq!(v.as_f64(), Some(350_000_000.0));
    // The JS glue and the Rust parser agree.
    let rust = sme_export::amount::parse_amount("3억 5천만").map(|won| won as f64).ok();
    assert_eq!(v.as_f64(), rust);
}

#[wasm_bindgen_test]
fn parse_amount_throws_on_text() {
    let err = expect_error(parse_amount("abc"), "parseAmount(\"abc\")");
    assert!(!String::from(err.message()).is_empty());
}

#[wasm_bindgen_test]
fn format_amount_in_korean() {
    let s = call("formatAmount", &[3_550_000_000.0.into(), "ko".into()]).unwrap();
    assert_eq!(s.as_string().as_deref(), Some("35억 5,000만 원"));
}

#[wasm_bindgen_test]
fn format_usd_returns_text() {
    let s = call("formatUsd", &[3_400_000.0.into(), "en".into()]).unwrap();
    let text = s
        .as_string()
        .unwrap_or_else(|| panic!("formatUsd returned {}", json(&s)));
    assert!(text.contains("3.4"), "formatUsd(3400000) = {text}");
}

#[wasm_bindgen_test]
fn dataset_info_lists_eleven_markets() {
    let info =
        call("datasetInfo", &["ko".into()]).unwrap_or_else(|e| panic!("datasetInfo threw: {}", string(&e, "message")));
    let markets = at(&info, "markets");
    assert!(Array::is_array(&markets), "markets is not an array: {}", json(&info));
    assert_eq!(Array::from(&markets).length(), 11, "markets: {}", json(&markets));
    // The footer's rate as the page prints it, formatted by the engine (the page has no Intl).
    assert_eq!(string(&info, "krwPerUsdDisplay"), "1,421.97", "{}", json(&info));
}

#[wasm_bindgen_test]
fn load_dataset_refuses_broken_json() {
    let report = call("loadDataset", &["{".into()]).unwrap_or_else(|e| panic!("loadDataset threw {}", json(&e)));
    assert_eq!(at(&report, "ok").as_bool(), Some(false), "{}", json(&report));
    let problems = at(&report, "problems");
    assert!(
        Array::is_array(&problems) && Array::from(&problems).length() > 0,
        "no problems listed: {}",
        json(&report)
    );
    // validateDataset says the same without switching; resetDataset goes back to the built-in data.
    call("resetDataset", &[]).unwrap();
    let check = call("validateDataset", &["{".into()]).unwrap();
    assert_eq!(at(&check, "ok").as_bool(), Some(false));
}

/// The worked example of docs/METHOD.md through the JS API: amounts in won are exact, other
/// numbers within a few units in the last place (they cross as JSON text), strings intact.
#[wasm_bindgen_test]
fn worked_example_crosses_exactly() {
    let readiness = obj(&[
        ("certification", true.into()),
        ("localPartner", false.into()),
        ("exportExperience", true.into()),
    ]);
    let input = obj(&[
        ("revenueKrw", "35억".into()),
        ("sector", "medical_devices".into()),
        ("market", "SA".into()),
        ("readiness", readiness),
    ]);
    let r = estimate(&input).unwrap();
    assert_eq!(at(&r, "potential.baseKrw").as_f64(), Some(17_138_234.0));
    assert_eq!(at(&r, "potential.lowKrw").as_f64(), Some(11_330_277.0));
    assert_eq!(at(&r, "potential.highKrw").as_f64(), Some(23_517_465.0));
    assert_eq!(at(&r, "potential.easeBasis").as_string().as_deref(), Some("pair"));
    assert_eq!(
        at(&r, "potential.years.0.label").as_string().as_deref(),
        Some("2025년(기준 수치)")
    );
    let factors: Array = at(&r, "potential.factors").dyn_into().unwrap();
    let ease = factors
        .iter()
        .find(|f| at(f, "id").as_string().as_deref() == Some("easeOfTrade"))
        .and_then(|f| at(&f, "value").as_f64())
        .unwrap();
    // ITC's pair-level ease: 6,100,000,000 / (0.0269 × 207,400,000,000).
    assert!((ease - 6.1e9 / (0.0269 * 207.4e9)).abs() < 1e-14, "{ease}");
    assert_eq!(at(&r, "potential.readinessScore").as_f64(), Some(0.625));
    assert!(at(&r, "sme.reasons").is_object());
    let reason = Array::from(&at(&r, "sme.reasons")).get(0).as_string().unwrap();
    assert!(reason.starts_with("3년 평균 매출액 35억 원이 "), "{reason}");
    // A second call with the same input returns an equal, separate object.
    let again = estimate(&input).unwrap();
    assert_eq!(json(&again), json(&r));
}

/// The dataset text crosses through `JSON.parse`: a UTF-8 byte order mark is accepted, a syntax
/// error still names its line and column, 100,000 levels of nesting are one "tooDeep" problem
/// (not a trap that kills the instance), and several mistakes are all listed with their paths.
#[wasm_bindgen_test]
fn datasets_through_json_parse_keep_every_check() {
    let text = include_str!("../data/dataset.json");
    let with_bom = ["\u{feff}", text].concat();
    let report = call("validateDataset", &[with_bom.as_str().into()]).unwrap();
    assert_eq!(at(&report, "ok").as_bool(), Some(true), "{}", json(&report));

    let broken = text.replacen("\"version\"", "\n\"version\",", 1);
    let report = call("validateDataset", &[broken.as_str().into()]).unwrap();
    let first = Array::from(&at(&report, "problems")).get(0);
    assert_eq!(string(&first, "kind"), "json");
    let message = string(&first, "message");
    // The stray comma sits on the line after the one `"version"` was on.
    let line = text
        .split("\"version\"")
        .next()
        .map_or(0, |before| before.matches('\n').count())
        + 2;
    assert!(message.contains(&format!(" at line {line} column ")), "{message}");

    let deep = ["[".repeat(100_000), "]".repeat(100_000)].concat();
    let report = call("validateDataset", &[deep.as_str().into()]).unwrap();
    let problems = Array::from(&at(&report, "problems"));
    assert_eq!(problems.length(), 1, "{}", json(&report));
    assert_eq!(string(&problems.get(0), "kind"), "tooDeep");

    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["exchangeRates"][1]["krwPerUsd"]["value"] = serde_json::json!(-1350);
    value["sectors"][1]["koreaWorldShare"]["value"] = serde_json::json!(25);
    let report = call("validateDataset", &[value.to_string().into()]).unwrap();
    let paths: Vec<String> = Array::from(&at(&report, "problems"))
        .iter()
        .map(|p| string(&p, "path"))
        .collect();
    assert_eq!(
        paths,
        [
            "$.exchangeRates[1].krwPerUsd.value",
            "$.sectors[1].koreaWorldShare.value"
        ],
        "{}",
        json(&report)
    );
    // The engine still works after all that.
    assert!(estimate(&valid_input(3.5e9.into())).is_ok());
}

/// A canvas of `w` x `h` CSS pixels in the page.
fn canvas(w: u32, h: u32) -> web_sys::HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: web_sys::HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_attribute("style", &format!("width: {w}px; height: {h}px; display: block"))
        .unwrap();
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

/// Share of the canvas's pixels that are not white.
fn inked(c: &web_sys::HtmlCanvasElement) -> f64 {
    let ctx: web_sys::CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data();
    let px = data.len() / 4;
    let ink = data
        .chunks(4)
        .filter(|p| p[0] < 250 || p[1] < 250 || p[2] < 250)
        .count();
    ink as f64 / px as f64
}

/// The charts draw from the result object `estimate` returned (no input, no hidden cache), on a
/// backing store sized by devicePixelRatio; anything that is not a result is refused by name.
#[wasm_bindgen_test]
fn charts_draw_from_the_result_object() {
    let r = estimate(&valid_input("35억".into())).unwrap();
    let options = obj(&[("dpr", 2.0.into()), ("lang", "en".into())]);
    for name in ["drawPotentialChart", "drawRankingChart"] {
        let c = canvas(300, 200);
        call(name, &[c.clone().into(), r.clone(), options.clone()]).unwrap_or_else(|e| panic!("{name}: {}", json(&e)));
        assert_eq!((c.width(), c.height()), (600, 400), "{name}: backing store");
        assert!(inked(&c) > 0.01, "{name}: blank");
        // An input is not a result: the chart says what is missing instead of estimating it.
        let err = call(name, &[c.clone().into(), valid_input(3.5e9.into()), options.clone()]).unwrap_err();
        let text = format!("{err:?}");
        assert!(text.contains("potential") || text.contains("ranking"), "{name}: {text}");
        c.remove();
    }
}
