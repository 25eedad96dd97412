//! The answer at a glance and what would change it: the summary above the cards and the
//! what-if entries, computed from the typed outcomes of one case (worded by `words`).
//!
//! The base potential under another readiness answer comes from the caller (`engine`) as a
//! function of the input, so these entries use exactly the formula of the estimate itself.
//!
//! Depends on: `model`, `words`. Used by `engine`.

use crate::model::{
    Direction, Input, Outcome, Potential, Question, RankedMarket, SmeAssessment, SmeBasis, SmeMeasure, SmeSize,
    Summary, SupportResult, WhatIfAnswer, WhatIfSme, WhatIfSupport, WindowStatus,
};
use crate::words;

/// One entry per readiness question not answered "yes": the base potential (`base_of`) with
/// that one answer "yes" and the others as given.
pub fn what_if(input: &Input, base_now: f64, base_of: &dyn Fn(&Input) -> f64) -> Vec<WhatIfAnswer> {
    let mut out = Vec::new();
    for (q, _) in Question::ALL {
        if input.readiness.answer(q) == Some(true) {
            continue;
        }
        let mut changed = input.clone();
        match q {
            Question::Certification => changed.readiness.certification = Some(true),
            Question::LocalPartner => changed.readiness.local_partner = Some(true),
            Question::ExportExperience => changed.readiness.export_experience = Some(true),
            Question::LocalLanguage => changed.readiness.local_language = Some(true),
        }
        let base_krw = base_of(&changed);
        let gain_krw = base_krw - base_now;
        let (label, text) = words::what_if_answer(q, base_krw, gain_krw, input.lang);
        out.push(WhatIfAnswer {
            id: q,
            label,
            base_krw,
            gain_krw,
            text,
        });
    }
    out
}

/// The revenue or total assets at which the SME status would change, nearest change first.
pub fn what_if_sme(a: &SmeAssessment, input: &Input) -> Vec<WhatIfSme> {
    let mut changes: Vec<(SmeMeasure, Direction, f64, SmeSize)> = Vec::new();
    match (a.basis, a.size) {
        (SmeBasis::MedicalCorporation, _) => {}
        (SmeBasis::AssetCap, _) => {
            changes.push((
                SmeMeasure::TotalAssets,
                Direction::Below,
                a.asset_cap_krw,
                a.size_by_revenue,
            ));
        }
        (SmeBasis::Revenue, SmeSize::Small) => {
            changes.push((SmeMeasure::Revenue, Direction::Above, a.small_max_krw, SmeSize::Medium));
            changes.push((SmeMeasure::Revenue, Direction::Above, a.medium_max_krw, SmeSize::None));
        }
        (SmeBasis::Revenue, SmeSize::Medium) => {
            changes.push((SmeMeasure::Revenue, Direction::AtMost, a.small_max_krw, SmeSize::Small));
            changes.push((SmeMeasure::Revenue, Direction::Above, a.medium_max_krw, SmeSize::None));
        }
        (SmeBasis::Revenue, SmeSize::None) => {
            changes.push((
                SmeMeasure::Revenue,
                Direction::AtMost,
                a.medium_max_krw,
                SmeSize::Medium,
            ));
        }
    }
    if a.basis == SmeBasis::Revenue && a.size != SmeSize::None {
        changes.push((
            SmeMeasure::TotalAssets,
            Direction::AtLeast,
            a.asset_cap_krw,
            SmeSize::None,
        ));
    }
    changes
        .into_iter()
        .filter(|(_, _, krw, _)| *krw > 0.0)
        .map(|(measure, direction, krw, becomes)| WhatIfSme {
            measure,
            direction,
            krw,
            becomes,
            text: words::what_if_sme(measure, direction, krw, becomes, input.lang),
        })
        .collect()
}

/// What to confirm for each "possibly eligible" programme, in the support list's order.
pub fn what_if_support(support: &[SupportResult]) -> Vec<WhatIfSupport> {
    support
        .iter()
        .filter(|s| s.outcome == Outcome::Maybe)
        .map(|s| WhatIfSupport {
            id: s.id.clone(),
            name: s.name.clone(),
            to_confirm: s.to_confirm.clone(),
        })
        .collect()
}

/// The summary of one case: its typed figures, then `words::summary_lines` words them.
pub fn summary(
    a: &SmeAssessment,
    potential: &Potential,
    ranking: &[RankedMarket],
    support: &[SupportResult],
    what_if: &[WhatIfAnswer],
    entry: &crate::model::EntryResult,
    input: &Input,
) -> Summary {
    let revenue = a.revenue_krw as f64;
    let sme_threshold_krw = match (a.basis, a.size) {
        (SmeBasis::Revenue, SmeSize::Small) => Some(a.small_max_krw),
        (SmeBasis::Revenue, _) => Some(a.medium_max_krw),
        _ => None,
    };
    let best = ranking.first().filter(|m| !m.selected);
    let names = |o: Outcome| -> Vec<String> {
        support
            .iter()
            .filter(|s| s.outcome == o)
            .map(|s| s.name.clone())
            .collect()
    };
    let likely_names = names(Outcome::Eligible);
    let possibly_names = names(Outcome::Maybe);
    // What the firm can act on now: not ruled out, and taking applications today or all year.
    let open = |w: WindowStatus| matches!(w, WindowStatus::Open | WindowStatus::Rolling);
    let candidates = || support.iter().filter(|s| s.outcome != Outcome::Ineligible);
    let act_now_names: Vec<String> = candidates()
        .filter(|s| open(s.window))
        .map(|s| s.name.clone())
        .collect();
    let awaiting_call_count = candidates().filter(|s| !open(s.window)).count();
    let next_answer = what_if
        .iter()
        .filter(|w| w.gain_krw >= 1.0)
        .fold(None::<&WhatIfAnswer>, |best, w| match best {
            Some(b) if b.gain_krw >= w.gain_krw => Some(b),
            _ => Some(w),
        })
        .map(|w| w.id);
    let mut s = Summary {
        sme_size: a.size,
        sme_threshold_krw,
        sme_distance_krw: sme_threshold_krw.map(|t| revenue - t),
        market: potential.market.clone(),
        base_krw: potential.base_krw,
        low_krw: potential.low_krw,
        high_krw: potential.high_krw,
        best_market: best.map(|m| m.market.clone()),
        best_market_name: best.map(|m| m.name.clone()),
        best_market_base_krw: best.map(|m| m.base_krw),
        best_market_basis: best.map(|m| m.ease_basis),
        likely_count: u32::try_from(likely_names.len()).unwrap_or(u32::MAX),
        possibly_count: u32::try_from(possibly_names.len()).unwrap_or(u32::MAX),
        likely_names,
        possibly_names,
        act_now_names,
        awaiting_call_count: u32::try_from(awaiting_call_count).unwrap_or(u32::MAX),
        next_answer,
        lines: Vec::new(),
    };
    let chosen = ranking.iter().find(|m| m.selected);
    s.lines = words::summary_lines(
        &s,
        &words::SummaryContext {
            sme_label: words::size_label(a.size, input.lang),
            basis: a.basis,
            market_name: &potential.market_name,
            year: potential.years.first().map(|y| y.year),
            rank: chosen.map(|m| m.rank),
            markets: ranking.len(),
            unanswered: potential.unanswered_questions,
            next_gain: what_if.iter().find(|w| Some(w.id) == s.next_answer),
            entry,
        },
        input.lang,
    );
    s
}
