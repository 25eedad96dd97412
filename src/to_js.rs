//! Engine results as plain JS objects (wasm32 only), field names in camelCase.
//!
//! Written by hand rather than with serde-wasm-bindgen: a generic serializer monomorphised for
//! every result type cost about a third of the Wasm bundle. A result is written as JSON text in
//! Rust and parsed by the browser's `JSON.parse` in one call: building the object field by field
//! through `Reflect.set` crossed the Wasm boundary some 600 times and took three quarters of an
//! `estimate()` call. Each type lists its fields once, in `js_object!`.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::error::{Field, InputError, Lang, Reason};
use crate::load::{Problem, ProblemKind};
use crate::model::{
    Check, CriterionResult, Estimate, Factor, FtaStatus, Outcome, PlanContext, PlanYear, Potential, ProgramStatus,
    RankedMarket, SmeBasis, SmeSize, SmeStatus, SupportResult, YearPotential,
};
#[cfg(feature = "validator")]
use crate::panel::{Change, ChangeKind, Comparison, KindCount};

pub(crate) trait ToJs {
    /// Appends this value as JSON.
    fn write_json(&self, out: &mut String);

    /// This value as a JS value: JSON text parsed by the browser.
    fn to_js(&self) -> JsValue {
        let mut text = String::with_capacity(256);
        self.write_json(&mut text);
        js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
    }
}

/// Sets `key` on a JS object. `Reflect::set` fails only on frozen objects, which these never are.
pub(crate) fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

/// A JSON number. Whole numbers below 2^53 (every amount in won) are written exactly; other
/// values with 15 significant digits in exponent form ("681047089632087e-15"), which
/// `JSON.parse` reads back to within one unit in the last place. Digits come from integers:
/// Rust's float formatting would add about 14 KB to the bundle.
fn write_number(x: f64, out: &mut String) {
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    if x < 0.0 {
        out.push('-');
    }
    let a = x.abs();
    if a.fract() == 0.0 && a < 9.0e15 {
        out.push_str(&(a as u64).to_string());
        return;
    }
    // a = m x 10^-k with m of 15 digits.
    let mut k = 14 - a.log10().floor() as i32;
    let scale = |k: i32| {
        if k >= 0 {
            a * 10f64.powi(k.min(300)) * 10f64.powi((k - 300).max(0))
        } else {
            a / 10f64.powi(-k)
        }
    };
    let mut m = scale(k).round();
    if m >= 1.0e15 {
        k -= 1;
        m = scale(k).round();
    }
    let mut m = m as u64;
    while m != 0 && m.is_multiple_of(10) {
        m /= 10;
        k -= 1;
    }
    out.push_str(&m.to_string());
    if k != 0 {
        out.push('e');
        if k > 0 {
            out.push('-');
        }
        out.push_str(&k.unsigned_abs().to_string());
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for nibble in [(c as u32) >> 4, (c as u32) & 15] {
                    out.push(char::from(HEX.get(nibble as usize).copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl ToJs for f64 {
    fn write_json(&self, out: &mut String) {
        write_number(*self, out);
    }
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self)
    }
}

impl ToJs for u32 {
    fn write_json(&self, out: &mut String) {
        write_number(f64::from(*self), out);
    }
}

impl ToJs for usize {
    fn write_json(&self, out: &mut String) {
        write_number(*self as f64, out);
    }
}

impl ToJs for i32 {
    fn write_json(&self, out: &mut String) {
        write_number(f64::from(*self), out);
    }
}

impl ToJs for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
    fn to_js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}

impl ToJs for str {
    fn write_json(&self, out: &mut String) {
        write_string(self, out);
    }
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToJs for String {
    fn write_json(&self, out: &mut String) {
        write_string(self, out);
    }
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToJs for &str {
    fn write_json(&self, out: &mut String) {
        write_string(self, out);
    }
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl<T: ToJs> ToJs for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJs> ToJs for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJs> ToJs for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

/// Enums that cross as their camelCase name.
macro_rules! js_name {
    ($t:ty { $($variant:path => $name:literal),* $(,)? }) => {
        impl ToJs for $t {
            fn write_json(&self, out: &mut String) {
                out.push('"');
                out.push_str(match self { $($variant => $name),* });
                out.push('"');
            }
        }
    };
}

js_name!(SmeSize { SmeSize::Small => "small", SmeSize::Medium => "medium", SmeSize::None => "none" });
js_name!(Outcome { Outcome::Eligible => "eligible", Outcome::Maybe => "maybe", Outcome::Ineligible => "ineligible" });
js_name!(Lang { Lang::Ko => "ko", Lang::En => "en" });
#[cfg(feature = "validator")]
js_name!(ChangeKind {
    ChangeKind::SmeStatus => "smeStatus",
    ChangeKind::Potential => "potential",
    ChangeKind::Ranking => "ranking",
    ChangeKind::Program => "program",
    ChangeKind::Invalid => "invalid",
});
js_name!(ProgramStatus {
    ProgramStatus::Active => "active", ProgramStatus::Enacted => "enacted", ProgramStatus::Planned => "planned",
    ProgramStatus::Pending => "pending", ProgramStatus::Ended => "ended", ProgramStatus::Unknown => "unknown",
});
js_name!(FtaStatus {
    FtaStatus::None => "none", FtaStatus::Negotiating => "negotiating", FtaStatus::Concluded => "concluded",
    FtaStatus::Signed => "signed", FtaStatus::InForce => "in_force",
});
js_name!(SmeBasis {
    SmeBasis::MedicalCorporation => "medicalCorporation", SmeBasis::AssetCap => "assetCap", SmeBasis::Revenue => "revenue",
});
js_name!(Check {
    Check::Status => "status", Check::Sector => "sector", Check::Region => "region", Check::Market => "market",
    Check::Size => "size", Check::Readiness => "readiness", Check::CurrentExports => "currentExports",
    Check::FtaInForce => "ftaInForce", Check::Confirm => "confirm",
});

impl ToJs for ProblemKind {
    fn write_json(&self, out: &mut String) {
        write_string(self.key(), out);
    }
}

impl ToJs for Field {
    fn write_json(&self, out: &mut String) {
        write_string(self.key(), out);
    }
}

impl ToJs for Reason {
    fn write_json(&self, out: &mut String) {
        write_string(self.key(), out);
    }
}

/// Structs that cross as plain objects: `Type { field => "jsName", ... }`.
macro_rules! js_object {
    ($t:ty { $first_field:ident => $first_name:literal $(, $field:ident => $name:literal)* $(,)? }) => {
        impl ToJs for $t {
            fn write_json(&self, out: &mut String) {
                out.push_str(concat!("{\"", $first_name, "\":"));
                self.$first_field.write_json(out);
                $(
                    out.push_str(concat!(",\"", $name, "\":"));
                    self.$field.write_json(out);
                )*
                out.push('}');
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
    basis => "basis",
    label => "label",
    reasons => "reasons",
    table => "table",
    table_effective => "tableEffective",
    table_source => "tableSource",
    small_max_krw => "smallMaxKrw",
    medium_max_krw => "mediumMaxKrw",
    threshold_assumed => "thresholdAssumed",
    revision_warning => "revisionWarning",
    revision_may_give => "revisionMayGive",
    confirm_at => "confirmAt",
});

js_object!(Potential {
    market => "market",
    market_name => "marketName",
    fta_status => "ftaStatus",
    fta_label => "ftaLabel",
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
    note => "note",
});

js_object!(RankedMarket {
    market => "market",
    name => "name",
    region => "region",
    region_name => "regionName",
    fta_status => "ftaStatus",
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
    status_label => "statusLabel",
    status_note => "statusNote",
    next_step => "nextStep",
    source => "source",
    url => "url",
    outcome => "outcome",
    outcome_label => "outcomeLabel",
    reasons => "reasons",
    to_confirm => "toConfirm",
});

js_object!(CriterionResult {
    check => "check",
    outcome => "outcome",
    outcome_label => "outcomeLabel",
    reason => "reason",
    reason_states_outcome => "reasonStatesOutcome",
});

#[cfg(feature = "validator")]
js_object!(Comparison {
    firms => "firms",
    firms_changed => "firmsChanged",
    potential_share => "potentialShare",
    counts => "counts",
    changes => "changes",
    summary => "summary",
});

#[cfg(feature = "validator")]
js_object!(KindCount { kind => "kind", label => "label", firms => "firms" });

#[cfg(feature = "validator")]
js_object!(Change {
    firm => "firm",
    kind => "kind",
    field => "field",
    before => "before",
    after => "after",
    relative => "relative",
});

js_object!(Problem { path => "path", kind => "kind", message => "message", hint => "hint", hint_ko => "hintKo" });

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
