//! `estimate`'s result as JS objects, reusing the parts recent results already sent.
//!
//! Most of a result is the same from one keystroke to the next: the support programmes with
//! their reasons, the factors behind the potential, the way in, the plan. Natively those are a
//! few `String` clones; across the boundary each string is decoded into a JS string and each
//! field set on an object, which is most of an `estimate()` call. So a part equal (by `==` on
//! the Rust value) to one sent recently is sent as the same JS object, and only what changed
//! is made anew. The parts kept are frozen, so one result cannot change another; arrays and the
//! objects that hold them are new in every result. `JSON.stringify` of a result is what it would
//! be without any reuse (`tests/wasm_api.rs`).

use std::cell::RefCell;

use js_sys::{Array, Object};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use super::to_js;
use crate::error::Lang;
use crate::model::{
    EaseBasis, EntryResult, Estimate, Factor, FtaStatus, PlanContext, Potential, RankedMarket, ResultTexts,
    ShownAmounts, SmeStatus, Summary, SupportResult, WhatIfAnswer, WhatIfSme, WhatIfSupport, YearPotential,
};

/// The JS values of the last few values of one type, most recently used first.
struct Recent<T> {
    items: Vec<(T, JsValue)>,
    cap: usize,
}

impl<T: PartialEq + Clone + Serialize> Recent<T> {
    const fn new(cap: usize) -> Self {
        Recent { items: Vec::new(), cap }
    }

    fn js(&mut self, value: &T) -> Result<JsValue, JsValue> {
        if let Some(i) = self.items.iter().position(|(kept, _)| kept == value) {
            let item = self.items.remove(i);
            let js = item.1.clone();
            self.items.insert(0, item);
            return Ok(js);
        }
        let js = to_js(value)?;
        freeze(&js);
        self.items.truncate(self.cap.saturating_sub(1));
        self.items.insert(0, (value.clone(), js.clone()));
        Ok(js)
    }

    /// A new array of the items' JS values.
    fn list(&mut self, values: &[T]) -> Result<JsValue, JsValue> {
        let array = Array::new_with_length(values.len() as u32);
        for (i, v) in values.iter().enumerate() {
            array.set(i as u32, self.js(v)?);
        }
        Ok(array.into())
    }
}

/// Freezes an object or array and everything in it.
fn freeze(value: &JsValue) {
    if let Some(obj) = value.dyn_ref::<Object>() {
        for child in Object::values(obj).iter() {
            freeze(&child);
        }
        Object::freeze(obj);
    }
}

/// The parts worth keeping: those that stay the same while the revenue, the answers or the market
/// change (a programme's assessment, most factors, the plan, the way in). Parts that change with
/// every amount (the SME thresholds, the years, the ranking, the summary, the worded amounts) are
/// made anew: keeping them would cost a comparison and a freeze for nothing. Each keeps enough for
/// both languages and several markets and dates, without growing with use.
struct Kept {
    factors: Recent<Factor>,
    plan: Recent<PlanContext>,
    support: Recent<SupportResult>,
    what_if_sme: Recent<WhatIfSme>,
    what_if_support: Recent<WhatIfSupport>,
    entry: Recent<EntryResult>,
}

thread_local! {
    static KEPT: RefCell<Kept> = const {
        RefCell::new(Kept {
            factors: Recent::new(128),
            plan: Recent::new(8),
            support: Recent::new(64),
            what_if_sme: Recent::new(16),
            what_if_support: Recent::new(64),
            entry: Recent::new(16),
        })
    };
}

fn js_value<S: serde::Serializer>(value: &JsValue, s: S) -> Result<S::Ok, S::Error> {
    serde_wasm_bindgen::preserve::serialize(value, s)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PotentialJs<'a> {
    market: &'a str,
    market_name: &'a str,
    fta_status: FtaStatus,
    fta_label: &'a str,
    base_krw: f64,
    low_krw: f64,
    high_krw: f64,
    base_usd: f64,
    low_usd: f64,
    high_usd: f64,
    untapped_krw: f64,
    untapped_usd: f64,
    untapped_assumes_no_exports: bool,
    exports_to_market_krw: Option<f64>,
    years: &'a [YearPotential],
    price_year: i32,
    ease_basis: EaseBasis,
    ease_label: &'a str,
    ease_note: &'a str,
    korea_potential_krw: f64,
    korea_untapped_krw: f64,
    exportable_krw: f64,
    exportable_is_reported: bool,
    #[serde(serialize_with = "js_value")]
    factors: JsValue,
    readiness_score: f64,
    unanswered_questions: u32,
    readiness_answered: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EstimateJs<'a> {
    lang: Lang,
    dataset_version: &'a str,
    figures_as_of: &'a str,
    krw_per_usd: f64,
    sme: &'a SmeStatus,
    potential: PotentialJs<'a>,
    ranking: &'a [RankedMarket],
    #[serde(serialize_with = "js_value")]
    plan: JsValue,
    #[serde(serialize_with = "js_value")]
    support: JsValue,
    assumptions: &'a [String],
    summary: &'a Summary,
    what_if: &'a [WhatIfAnswer],
    #[serde(serialize_with = "js_value")]
    what_if_sme: JsValue,
    #[serde(serialize_with = "js_value")]
    what_if_support: JsValue,
    texts: &'a ResultTexts,
    #[serde(serialize_with = "js_value")]
    entry: JsValue,
    shown: &'a ShownAmounts,
}

/// The whole result as a plain object (`model::Estimate`'s serde names), its unchanged parts
/// shared with recent results.
pub(super) fn estimate_js(e: &Estimate) -> Result<JsValue, JsValue> {
    // Every field named, so a field added to the model is a compile error here until it is sent.
    let Estimate {
        lang,
        dataset_version,
        figures_as_of,
        krw_per_usd,
        sme,
        potential,
        ranking,
        plan,
        support,
        assumptions,
        summary,
        what_if,
        what_if_sme,
        what_if_support,
        texts,
        entry,
        shown,
    } = e;
    let Potential {
        market,
        market_name,
        fta_status,
        fta_label,
        base_krw,
        low_krw,
        high_krw,
        base_usd,
        low_usd,
        high_usd,
        untapped_krw,
        untapped_usd,
        untapped_assumes_no_exports,
        exports_to_market_krw,
        years,
        price_year,
        ease_basis,
        ease_label,
        ease_note,
        korea_potential_krw,
        korea_untapped_krw,
        exportable_krw,
        exportable_is_reported,
        factors,
        readiness_score,
        unanswered_questions,
        readiness_answered,
    } = potential;
    KEPT.with(|kept| {
        let mut k = kept.borrow_mut();
        let js = EstimateJs {
            lang: *lang,
            dataset_version,
            figures_as_of,
            krw_per_usd: *krw_per_usd,
            sme,
            potential: PotentialJs {
                market,
                market_name,
                fta_status: *fta_status,
                fta_label,
                base_krw: *base_krw,
                low_krw: *low_krw,
                high_krw: *high_krw,
                base_usd: *base_usd,
                low_usd: *low_usd,
                high_usd: *high_usd,
                untapped_krw: *untapped_krw,
                untapped_usd: *untapped_usd,
                untapped_assumes_no_exports: *untapped_assumes_no_exports,
                exports_to_market_krw: *exports_to_market_krw,
                years,
                price_year: *price_year,
                ease_basis: *ease_basis,
                ease_label,
                ease_note,
                korea_potential_krw: *korea_potential_krw,
                korea_untapped_krw: *korea_untapped_krw,
                exportable_krw: *exportable_krw,
                exportable_is_reported: *exportable_is_reported,
                factors: k.factors.list(factors)?,
                readiness_score: *readiness_score,
                unanswered_questions: *unanswered_questions,
                readiness_answered: *readiness_answered,
            },
            ranking,
            plan: k.plan.js(plan)?,
            support: k.support.list(support)?,
            assumptions,
            summary,
            what_if,
            what_if_sme: k.what_if_sme.list(what_if_sme)?,
            what_if_support: k.what_if_support.list(what_if_support)?,
            texts,
            entry: k.entry.js(entry)?,
            shown,
        };
        to_js(&js)
    })
}
