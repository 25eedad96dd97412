//! The whole result of one case, worded in one pass from its computed `CaseOutcome`.

use super::*;
use crate::dataset::Dataset;
use crate::error::Lang;
use crate::model::{
    EaseBasis, Estimate, FtaStatus, GlanceAnswer, Input, Potential, Question, RankedMarket, ShownAmounts, ShownBand,
    Summary, SupportResult, WhatIfAnswer, WhatIfSme, WhatIfSupport,
};
use crate::outcome::CaseOutcome;

/// Words a case's outcome into the `Estimate` the widget, the JS API and the command line show.
pub fn estimate(mut o: CaseOutcome, input: &Input, ds: &Dataset) -> Estimate {
    let lang = input.lang;
    let years = core::mem::take(&mut o.years);
    let potential = potential_card(&o, years, input, ds);
    let support: Vec<SupportResult> = match ds.market(&input.market) {
        Some(market) => ds
            .programs
            .iter()
            .zip(&o.programs)
            .map(|(p, a)| support(p, a, input, market, ds))
            .collect(),
        None => Vec::new(),
    };
    let what_if = what_if_answers(&o, ds, lang);
    let what_if_sme = o
        .what_if_sme
        .iter()
        .map(|c| WhatIfSme {
            measure: c.measure,
            direction: c.direction,
            krw: c.krw,
            becomes: c.becomes,
            text: what_if_sme(c.measure, c.direction, c.krw, c.becomes, lang),
        })
        .collect();
    let what_if_support = o
        .glance
        .possibly
        .iter()
        .filter_map(|&i| support.get(i))
        .map(|s| WhatIfSupport {
            id: s.id.clone(),
            name: s.name.clone(),
            to_confirm: s.to_confirm.clone(),
        })
        .collect();
    let ranking = ranking(ds, &o.ranks, input);
    let entry = entry(ds, &o.entry, &support, input);
    let first_year = potential.years.first().map(|y| y.year);
    let at_glance = Chosen {
        market: &potential.market,
        market_name: &potential.market_name,
        first_year,
        program_names: &|i| support.get(i).map(|s| s.name.clone()),
    };
    let summary = summary(&o, &at_glance, &ranking, &what_if, &entry, input);
    let texts = result_texts(&o.size, &potential, &ranking, &summary, lang);
    let shown = shown_amounts(&potential, &ranking, lang);
    Estimate {
        lang,
        dataset_version: ds.version.clone(),
        figures_as_of: ds.figures_as_of.clone(),
        krw_per_usd: ds.exchange_rate.krw_per_usd.value,
        sme: sme_status(&o.size, input, ds),
        potential,
        ranking,
        plan: plan_context(ds, o.plan, lang),
        support,
        assumptions: assumptions(ds, input, o.terms.as_ref(), o.size.threshold_assumed, lang),
        summary,
        what_if,
        what_if_sme,
        what_if_support,
        texts,
        entry,
        shown,
    }
}

/// The potential card: the outcome's amounts with the market's names and the factors worded.
fn potential_card(o: &CaseOutcome, years: Vec<crate::model::YearPotential>, input: &Input, ds: &Dataset) -> Potential {
    let lang = input.lang;
    let a = &o.amounts;
    let usd = &o.amounts_usd;
    let exports = input.exports_to_market_krw.map(|x| x as f64);
    let known = match (ds.sector(&input.sector), ds.market(&input.market), o.terms.as_ref()) {
        (Some(s), Some(m), Some(t)) => Some((s, m, t)),
        _ => None,
    };
    let (fta_status, ease_basis) = known.map_or((FtaStatus::None, EaseBasis::Gravity), |(_, m, t)| {
        (m.fta.status, t.market.ease_basis)
    });
    Potential {
        market: known.map_or_else(|| input.market.clone(), |(_, m, _)| m.id.clone()),
        market_name: known.map_or_else(|| input.market.clone(), |(_, m, _)| m.name.get(lang).to_owned()),
        fta_status,
        fta_label: fta_status_label(fta_status, lang).to_owned(),
        base_krw: a.base_krw,
        low_krw: a.low_krw,
        high_krw: a.high_krw,
        base_usd: usd.base_usd,
        low_usd: usd.low_usd,
        high_usd: usd.high_usd,
        untapped_krw: a.untapped_krw,
        untapped_usd: usd.untapped_usd,
        untapped_assumes_no_exports: exports.is_none() || known.is_none(),
        exports_to_market_krw: if known.is_some() { exports } else { None },
        years: year_labels(years, lang),
        price_year: ds.price_year,
        ease_basis,
        ease_label: ease_label(ease_basis, lang).to_owned(),
        ease_note: known.map_or_else(String::new, |(s, m, t)| ease_note(ds, s, m, t, lang)),
        korea_potential_krw: o.korea_potential_krw,
        korea_untapped_krw: o.korea_untapped_krw,
        exportable_krw: o.exportable_krw,
        exportable_is_reported: o.exportable_is_reported,
        factors: known.map_or_else(Vec::new, |(s, m, t)| factors(ds, s, m, t, lang)),
        readiness_score: o.readiness_score,
        unanswered_questions: o.unanswered_questions,
        readiness_answered: input.readiness.any_answered(),
    }
}

/// What the summary says of the chosen market and the programmes, by name.
struct Chosen<'a> {
    market: &'a str,
    market_name: &'a str,
    /// The projection's first year.
    first_year: Option<i32>,
    /// A programme's name by its index in the dataset.
    program_names: &'a dyn Fn(usize) -> Option<String>,
}

/// The answer at a glance: the outcome's picks, named, then worded line by line.
fn summary(
    o: &CaseOutcome,
    chosen_market: &Chosen,
    ranking: &[RankedMarket],
    what_if: &[WhatIfAnswer],
    entry: &crate::model::EntryResult,
    input: &Input,
) -> Summary {
    let g = &o.glance;
    let a = &o.size;
    let names =
        |ids: &[usize]| -> Vec<String> { ids.iter().filter_map(|&i| (chosen_market.program_names)(i)).collect() };
    let best = g.best_rank.and_then(|i| ranking.get(i));
    let likely_names = names(&g.likely);
    let possibly_names = names(&g.possibly);
    let mut s = Summary {
        sme_size: a.size,
        sme_threshold_krw: g.sme_threshold_krw,
        sme_distance_krw: g.sme_distance_krw,
        market: chosen_market.market.to_owned(),
        base_krw: o.amounts.base_krw,
        low_krw: o.amounts.low_krw,
        high_krw: o.amounts.high_krw,
        best_market: best.map(|m| m.market.clone()),
        best_market_name: best.map(|m| m.name.clone()),
        best_market_base_krw: best.map(|m| m.base_krw),
        best_market_basis: best.map(|m| m.ease_basis),
        likely_count: u32::try_from(likely_names.len()).unwrap_or(u32::MAX),
        possibly_count: u32::try_from(possibly_names.len()).unwrap_or(u32::MAX),
        likely_names,
        possibly_names,
        act_now_names: names(&g.act_now),
        awaiting_call_count: g.awaiting_call_count,
        next_answer: g.next_answer,
        lines: Vec::new(),
    };
    let chosen = ranking.iter().find(|m| m.selected);
    s.lines = summary_lines(
        &s,
        &SummaryContext {
            sme_label: size_label(a.size, input.lang),
            basis: a.basis,
            market_name: chosen_market.market_name,
            year: chosen_market.first_year,
            rank: chosen.map(|m| m.rank),
            markets: ranking.len(),
            unanswered: o.unanswered_questions,
            next_gain: what_if.iter().find(|w| Some(w.id) == s.next_answer),
            entry,
        },
        input.lang,
    );
    s
}

/// The potential, its years and the ranking worded for the page (`model::ShownAmounts`).
fn shown_amounts(p: &Potential, ranking: &[RankedMarket], lang: Lang) -> ShownAmounts {
    let usd = |x: f64| crate::amount::format_usd(x, lang);
    let band = |low: f64, base: f64, high: f64| ShownBand {
        low: shown_krw(low, lang),
        base: shown_krw(base, lang),
        high: shown_krw(high, lang),
    };
    ShownAmounts {
        base: shown_krw(p.base_krw, lang),
        low: shown_krw(p.low_krw, lang),
        high: shown_krw(p.high_krw, lang),
        untapped: shown_krw(p.untapped_krw, lang),
        base_usd: usd(p.base_usd),
        low_usd: usd(p.low_usd),
        high_usd: usd(p.high_usd),
        untapped_usd: usd(p.untapped_usd),
        years: p
            .years
            .iter()
            .map(|y| band(y.low_krw, y.base_krw, y.high_krw))
            .collect(),
        ranking: ranking
            .iter()
            .map(|m| band(m.low_krw, m.base_krw, m.high_krw))
            .collect(),
    }
}

/// Each readiness answer's gain, worded; a yes to certification also says how much sooner the
/// firm would sell.
fn what_if_answers(o: &CaseOutcome, ds: &Dataset, lang: Lang) -> Vec<WhatIfAnswer> {
    let sooner = registration_sooner(&o.entry, ds.price_year, lang);
    o.what_if
        .iter()
        .map(|w| {
            let (label, mut text) = what_if_answer(w.id, w.base_krw, w.gain_krw, lang);
            // Registered in the market: the first sale moves to the projection's first year too.
            if let (Question::Certification, Some(s)) = (w.id, sooner.as_deref()) {
                text.push(' ');
                text.push_str(s);
            }
            WhatIfAnswer {
                id: w.id,
                label,
                base_krw: w.base_krw,
                gain_krw: w.gain_krw,
                text,
            }
        })
        .collect()
}

/// The answer at a glance alone, worded from the same outcome as `estimate` and by the same
/// functions: what the first-answer module shows before the rest of the result. Its summary is
/// the `Estimate`'s (tested on every sector and market).
pub fn glance(o: &CaseOutcome, input: &Input, ds: &Dataset) -> GlanceAnswer {
    let lang = input.lang;
    let market = ds.market(&input.market);
    let market_name = market.map_or(input.market.as_str(), |m| m.name.get(lang));
    let what_if = what_if_answers(o, ds, lang);
    let ranking = ranking(ds, &o.ranks, input);
    // The summary's line on the way in reads the route's timing only, never who pays for a step.
    let entry = entry(ds, &o.entry, &[], input);
    let first_year = o.years.first().map(|y| y.year);
    let at_glance = Chosen {
        market: market.map_or(input.market.as_str(), |m| m.id.as_str()),
        market_name,
        first_year,
        program_names: &|i| ds.programs.get(i).map(|p| p.name.get(lang).to_owned()),
    };
    let summary = summary(o, &at_glance, &ranking, &what_if, &entry, input);
    let announcement = announcement(
        size_label(o.size.size, lang),
        market_name,
        &shown_krw(o.amounts.base_krw, lang),
        &summary,
        lang,
    );
    GlanceAnswer {
        lang,
        dataset_version: ds.version.clone(),
        summary,
        announcement,
    }
}
