//! The wording layer: the one place results become Korean and English sentences.
//!
//! The calculations (`sme`, `potential`, `rules`) return typed outcomes (enums, ids, numbers);
//! the functions here turn them into the strings the widget, the JS API and the command line
//! show, so a page renders what Rust words and translates nothing itself. Each name (a size class,
//! an outcome, a programme or FTA status, a readiness question, a dataset fix) is worded once.
//! It decides nothing: every outcome, threshold and choice arrives already made, and a function
//! here only picks the words for it.
//!
//! `estimate` words a whole `CaseOutcome` into the `Estimate` in one pass, calling the others.
//! One file per outcome, so a sentence is found by what it is about: `names` (labels defined
//! once), `sme` (the SME card), `potential` (factors, ease of trade, years, ranking), `entry` (the
//! way into the market), `support` (programmes, criteria, calls, FTA reason), `plan` (the
//! national plan), `glance` (summary lines, what-if sentences, result texts), `problems`
//! (dataset fixes and notice), `assumptions`. This file holds the small helpers they share and
//! re-exports their functions, so callers write `words::X` whichever file words X.
//!
//! Depends on: `vocab`, `error` (Lang), `ko`, `amount`, `dataset`, `model`, `potential` (the
//! terms it words as factors). Nothing the calculations use depends on it.

mod assumptions;
mod entry;
mod estimate;
mod glance;
mod names;
mod plan;
mod potential;
mod problems;
mod sme;
mod support;

pub use assumptions::assumptions;
pub use entry::{entry, registration_sooner};
pub use estimate::{estimate, glance};
pub use glance::{
    announcement, estimate_disclaimer, result_texts, summary_lines, what_if_answer, what_if_sme, SummaryContext,
};
pub use names::{
    criterion_outcome_label, fta_status_label, outcome_label, program_status_label, question_label, question_text,
    size_label, size_name,
};
pub use plan::plan_context;
pub use potential::{ease_label, ease_note, ease_short_label, factors, ranking, year_labels};
pub use problems::{dataset_notice, fix};
pub use sme::sme_status;
pub use support::{fta_reason, support};

use crate::amount::{format_krw, format_krw_short, format_number, format_usd, to_won};
use crate::error::Lang;

/// Names in a list, separated by commas (the same in both languages).
fn join_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, n) in names.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(n);
    }
    out
}

/// A value with its unit as a user reads it. Units are the dataset's unit names; an unknown unit
/// is shown after the number as it is.
pub fn display_value(value: f64, unit: &str, lang: Lang) -> String {
    let pct = |x: f64| [format_number(x * 100.0, 3).as_str(), " %"].concat();
    match unit {
        "USD" => format_usd(value, lang),
        "KRW" => format_krw_short(to_won(value), lang),
        "KRW/USD" => match lang {
            Lang::Ko => ["1달러 = ", &format_number(value, 4), "원"].concat(),
            Lang::En => ["KRW ", &format_number(value, 4), " per US$"].concat(),
        },
        "km" => [format_number(value, 4).as_str(), " km"].concat(),
        "share" | "ratio" | "fraction" => pct(value),
        "per year" => [pct(value).as_str(), lang.pick("/년", " a year")].concat(),
        "multiplier" | "×" => ["×", &format_number(value, 4)].concat(),
        "elasticity" | "weight" | "" => format_number(value, 4),
        other => [format_number(value, 4).as_str(), " ", other].concat(),
    }
}

/// A fraction as a percentage with one decimal ("20.1"), without float formatting machinery.
pub fn percent(fraction: f64) -> String {
    let tenths = to_won((fraction.abs() * 1000.0).round());
    let mut s = String::new();
    if fraction < 0.0 && tenths > 0 {
        s.push('-');
    }
    s.push_str(&(tenths / 10).to_string());
    s.push('.');
    s.push_str(&(tenths % 10).to_string());
    s
}

/// An estimate as shown: three significant digits ("88억 2,000만 원").
pub fn shown_krw(krw: f64, lang: Lang) -> String {
    format_krw(crate::amount::round_significant(to_won(krw), 3), lang)
}

/// How the form echoes an amount it understood: the won in full and the dollars at the dataset's
/// rate ("35억 원 (약 US$ 2.46M)"), so a typing slip shows before the result changes.
pub fn amount_echo(won: u64, krw_per_usd: f64, lang: Lang) -> String {
    let usd = crate::amount::format_usd(won as f64 / krw_per_usd, lang);
    [
        format_krw(won, lang).as_str(),
        " (",
        lang.pick("약", "about"),
        " ",
        &usd,
        ")",
    ]
    .concat()
}
