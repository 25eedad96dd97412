//! Engine results as plain JS objects (wasm32 only), field names in camelCase.
//!
//! Written by hand rather than with serde-wasm-bindgen: a generic serializer monomorphised for
//! every result type cost about a third of the Wasm bundle. Numbers go across as numbers, so no
//! float-to-text formatting is pulled in. Each type lists its fields once, in `js_object!`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::error::{Field, InputError, Lang, Reason};
use crate::load::Problem;
use crate::model::{
    CriterionResult, Estimate, Factor, Outcome, PlanContext, PlanYear, Potential, RankedMarket, SmeSize, SmeStatus,
    SupportResult, YearPotential,
};

pub(crate) trait ToJs {
    fn to_js(&self) -> JsValue;
}

/// Sets `key` on a JS object. `Reflect::set` fails only on frozen objects, which these never are.
pub(crate) fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

impl ToJs for f64 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self)
    }
}

impl ToJs for u32 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(f64::from(*self))
    }
}

impl ToJs for i32 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(f64::from(*self))
    }
}

impl ToJs for bool {
    fn to_js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}

impl ToJs for str {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToJs for String {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToJs for &str {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl<T: ToJs> ToJs for Option<T> {
    fn to_js(&self) -> JsValue {
        self.as_ref().map_or(JsValue::NULL, ToJs::to_js)
    }
}

impl<T: ToJs> ToJs for Vec<T> {
    fn to_js(&self) -> JsValue {
        self.as_slice().to_js()
    }
}

impl<T: ToJs> ToJs for [T] {
    fn to_js(&self) -> JsValue {
        let a = Array::new_with_length(0);
        for item in self {
            a.push(&item.to_js());
        }
        a.into()
    }
}

/// Enums that cross as their camelCase name.
macro_rules! js_name {
    ($t:ty { $($variant:path => $name:literal),* $(,)? }) => {
        impl ToJs for $t {
            fn to_js(&self) -> JsValue {
                JsValue::from_str(match self { $($variant => $name),* })
            }
        }
    };
}

js_name!(SmeSize { SmeSize::Small => "small", SmeSize::Medium => "medium", SmeSize::None => "none" });
js_name!(Outcome { Outcome::Eligible => "eligible", Outcome::Maybe => "maybe", Outcome::Ineligible => "ineligible" });
js_name!(Lang { Lang::Ko => "ko", Lang::En => "en" });
js_name!(Reason {
    Reason::Empty => "empty",
    Reason::NotANumber => "notANumber",
    Reason::Malformed => "malformed",
    Reason::Negative => "negative",
    Reason::TooLarge => "tooLarge",
    Reason::NotFinite => "notFinite",
    Reason::FractionOfWon => "fractionOfWon",
    Reason::Unknown => "unknown",
    Reason::Inconsistent => "inconsistent",
});

impl ToJs for Field {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self.key())
    }
}

/// Structs that cross as plain objects: `Type { field => "jsName", ... }`.
macro_rules! js_object {
    ($t:ty { $($field:ident => $name:literal),* $(,)? }) => {
        impl ToJs for $t {
            fn to_js(&self) -> JsValue {
                let o = Object::new();
                $(set(&o, $name, self.$field.to_js());)*
                o.into()
            }
        }
    };
}

js_object!(Estimate {
    lang => "lang",
    dataset_version => "datasetVersion",
    figures_as_of => "figuresAsOf",
    krw_per_usd => "krwPerUsd",
    sme => "sme",
    potential => "potential",
    ranking => "ranking",
    plan => "plan",
    support => "support",
    assumptions => "assumptions",
});

js_object!(SmeStatus {
    size => "size",
    label => "label",
    reasons => "reasons",
    table => "table",
    table_effective => "tableEffective",
    table_source => "tableSource",
    small_max_krw => "smallMaxKrw",
    medium_max_krw => "mediumMaxKrw",
    threshold_assumed => "thresholdAssumed",
    revision_warning => "revisionWarning",
    confirm_at => "confirmAt",
});

js_object!(Potential {
    market => "market",
    market_name => "marketName",
    base_krw => "baseKrw",
    low_krw => "lowKrw",
    high_krw => "highKrw",
    base_usd => "baseUsd",
    low_usd => "lowUsd",
    high_usd => "highUsd",
    untapped_krw => "untappedKrw",
    untapped_usd => "untappedUsd",
    untapped_assumes_no_exports => "untappedAssumesNoExports",
    exports_to_market_krw => "exportsToMarketKrw",
    years => "years",
    factors => "factors",
    readiness_score => "readinessScore",
    unanswered_questions => "unansweredQuestions",
});

js_object!(YearPotential { year => "year", low_krw => "lowKrw", base_krw => "baseKrw", high_krw => "highKrw" });

js_object!(Factor {
    id => "id",
    label => "label",
    value => "value",
    unit => "unit",
    display => "display",
    source => "source",
    year => "year",
    assumption => "assumption",
    role => "role",
    note => "note",
});

js_object!(RankedMarket {
    market => "market",
    name => "name",
    region => "region",
    base_krw => "baseKrw",
    low_krw => "lowKrw",
    high_krw => "highKrw",
    rank => "rank",
    selected => "selected",
});

js_object!(PlanContext {
    name => "name",
    source => "source",
    base_year => "baseYear",
    target_year => "targetYear",
    base_krw => "baseKrw",
    target_krw => "targetKrw",
    implied_growth => "impliedGrowth",
    path => "path",
    firm_share_of_target => "firmShareOfTarget",
    summary => "summary",
});

js_object!(PlanYear { year => "year", krw => "krw" });

js_object!(SupportResult {
    id => "id",
    name => "name",
    agency => "agency",
    offers => "offers",
    status => "status",
    status_note => "statusNote",
    next_step => "nextStep",
    source => "source",
    url => "url",
    outcome => "outcome",
    outcome_label => "outcomeLabel",
    reasons => "reasons",
    to_confirm => "toConfirm",
});

js_object!(CriterionResult { outcome => "outcome", reason => "reason" });

js_object!(Problem { path => "path", kind => "kind", message => "message", hint => "hint" });

/// An input error in the requested language, with both languages kept for the widget.
pub(crate) fn input_error_js(e: &InputError, lang: Lang) -> JsValue {
    let o = Object::new();
    set(&o, "field", e.field.to_js());
    set(&o, "reason", e.reason.to_js());
    set(&o, "message", e.message(lang).to_js());
    set(&o, "ko", e.ko.to_js());
    set(&o, "en", e.en.to_js());
    o.into()
}
