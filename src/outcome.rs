//! The whole outcome of one case, computed before a word of it is written: the SME decision, the
//! potential and its years, the ranking, the way in, each programme's assessment, the plan's
//! figures, what would change the answer and what the answer at a glance picks out. `words`
//! turns a `CaseOutcome` into the `Estimate` in one pass.
//!
//! Depends on: `model`, `dataset`, `sme`, `potential`, `rules`, `entry`, `glance`. Used by
//! `words` and `engine`.

use crate::amount::to_won;
use crate::dataset::Dataset;
use crate::glance::{self, SmeChange, WhatIfGain};
use crate::model::{EntryAssessment, Input, Outcome, ProgramAssessment, SmeAssessment, SmeBasis, SmeSize};
use crate::model::{Question, WindowStatus, YearPotential};
use crate::potential::{self, MarketRank, PlanFigures, Terms};
use crate::rules::{self, Facts};
use crate::sme;

/// The firm's potential in whole won (as f64 for the JS API), shared by `estimate` and `score`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Amounts {
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    /// Base minus exports to the market (none given counts as none), never below zero.
    pub untapped_krw: f64,
}

/// The same amounts in US dollars at the dataset's rate.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AmountsUsd {
    pub base_usd: f64,
    pub low_usd: f64,
    pub high_usd: f64,
    pub untapped_usd: f64,
}

impl Amounts {
    /// These amounts in US dollars (zero without a rate).
    pub fn in_usd(&self, ds: &Dataset) -> AmountsUsd {
        let rate = potential::krw_per_usd(ds);
        let usd = |krw: f64| if rate > 0.0 { krw / rate } else { 0.0 };
        AmountsUsd {
            base_usd: usd(self.base_krw),
            low_usd: usd(self.low_krw),
            high_usd: usd(self.high_krw),
            untapped_usd: usd(self.untapped_krw),
        }
    }
}

pub fn amounts(ds: &Dataset, t: &Terms, input: &Input) -> Amounts {
    let base_krw = potential::usd_to_krw(ds, t.base_usd);
    let exports = input.exports_to_market_krw.map_or(0.0, |x| x as f64);
    Amounts {
        base_krw,
        low_krw: potential::usd_to_krw(ds, t.low_usd),
        high_krw: potential::usd_to_krw(ds, t.high_usd),
        untapped_krw: (base_krw - exports).max(0.0),
    }
}

/// The base potential of a checked input in whole won, as the outcome computes it (the what-if
/// entries use it with one answer changed); zero for unknown ids.
pub fn base_krw(input: &Input, ds: &Dataset) -> f64 {
    match (ds.sector(&input.sector), ds.market(&input.market)) {
        (Some(s), Some(m)) => amounts(ds, &potential::terms(ds, s, m, input), input).base_krw,
        _ => 0.0,
    }
}

/// What the answer at a glance picks out of the outcome (its names are `words`' to fill).
#[derive(Debug, Clone, PartialEq)]
pub struct GlanceFacts {
    /// The threshold nearest in the direction that matters, KRW; `None` when revenue did not
    /// decide the class.
    pub sme_threshold_krw: Option<f64>,
    /// Revenue minus that threshold, KRW: negative below it, positive above.
    pub sme_distance_krw: Option<f64>,
    /// Index in `ranks` of the ranking's first market when it is not the chosen one.
    pub best_rank: Option<usize>,
    /// Indices in `ds.programs` by outcome, in dataset order.
    pub likely: Vec<usize>,
    pub possibly: Vec<usize>,
    /// Not ruled out, and taking applications today or all year.
    pub act_now: Vec<usize>,
    /// Not ruled out, with a call closed or not yet open.
    pub awaiting_call_count: u32,
    /// The readiness answer that would raise the base potential most, if any would.
    pub next_answer: Option<Question>,
}

/// Everything computed for one checked input.
#[derive(Debug, Clone)]
pub struct CaseOutcome {
    pub size: SmeAssessment,
    /// Every market for this firm, best first (empty for an unknown sector).
    pub ranks: Vec<MarketRank>,
    pub entry: EntryAssessment,
    /// The chosen market's terms (`None` for an unknown sector or market).
    pub terms: Option<Terms>,
    pub amounts: Amounts,
    /// `amounts` in US dollars.
    pub amounts_usd: AmountsUsd,
    /// The firm's exportable output, whole won, and whether the firm reported it.
    pub exportable_krw: f64,
    pub exportable_is_reported: bool,
    /// The projection year by year, without labels.
    pub years: Vec<YearPotential>,
    pub readiness_score: f64,
    pub unanswered_questions: u32,
    pub korea_potential_krw: f64,
    pub korea_untapped_krw: f64,
    /// Each programme's assessment in dataset order (empty for an unknown market).
    pub programs: Vec<ProgramAssessment>,
    pub plan: PlanFigures,
    pub what_if: Vec<WhatIfGain>,
    pub what_if_sme: Vec<SmeChange>,
    pub glance: GlanceFacts,
}

/// Computes the whole outcome of a checked input. Unknown ids give zeros, never a panic.
pub fn compute(input: &Input, ds: &Dataset) -> CaseOutcome {
    let size = sme::assess(input, ds);
    let sector = ds.sector(&input.sector);
    let market = ds.market(&input.market);
    let ranks = sector.map_or_else(Vec::new, |s| potential::ranking(ds, s, input));
    let entry = crate::entry::assess(input, ds);
    let terms = match (sector, market) {
        (Some(s), Some(m)) => Some(potential::terms(ds, s, m, input)),
        _ => None,
    };
    let programs = market.map_or_else(Vec::new, |market| {
        rules::assess_all(&Facts {
            input,
            size: size.size,
            market,
            dataset: ds,
        })
    });
    let amounts = terms.as_ref().map_or_else(Amounts::default, |t| amounts(ds, t, input));
    let (_, readiness_score, _, unanswered_questions) = potential::readiness_scores(ds, &input.readiness);
    let (years, korea_potential_krw, korea_untapped_krw) = match terms.as_ref() {
        Some(t) => (
            potential::years(ds, t, &entry),
            potential::usd_to_krw(ds, t.market.korea_potential_usd),
            potential::usd_to_krw(ds, t.market.korea_untapped_usd),
        ),
        None => (Vec::new(), 0.0, 0.0),
    };
    let terms_known = terms.is_some();
    let plan = potential::plan(ds, amounts.base_krw, &input.sector);
    let what_if = glance::what_if(input, amounts.base_krw, &|i| base_krw(i, ds));
    let what_if_sme = glance::what_if_sme(&size);
    let glance = glance_facts(&size, &ranks, &programs, &what_if, &input.market, ds);
    let (exportable_krw, exportable_is_reported) = terms.as_ref().map_or((0.0, false), |t| {
        (to_won(t.firm.exportable_krw) as f64, t.firm.exportable_is_reported)
    });
    CaseOutcome {
        size,
        ranks,
        entry,
        terms,
        amounts_usd: amounts.in_usd(ds),
        amounts,
        exportable_krw,
        exportable_is_reported,
        years,
        // Without a sector and market there is no potential for the answers to move.
        readiness_score: if terms_known { readiness_score } else { 0.0 },
        unanswered_questions: if terms_known { unanswered_questions } else { 4 },
        korea_potential_krw,
        korea_untapped_krw,
        programs,
        plan,
        what_if,
        what_if_sme,
        glance,
    }
}

fn glance_facts(
    a: &SmeAssessment,
    ranks: &[MarketRank],
    programs: &[ProgramAssessment],
    what_if: &[WhatIfGain],
    chosen: &str,
    ds: &Dataset,
) -> GlanceFacts {
    let sme_threshold_krw = match (a.basis, a.size) {
        (SmeBasis::Revenue, SmeSize::Small) => Some(a.small_max_krw),
        (SmeBasis::Revenue, _) => Some(a.medium_max_krw),
        _ => None,
    };
    let best_rank = ranks
        .first()
        .filter(|r| ds.markets.get(r.market).is_none_or(|m| m.id != chosen))
        .map(|_| 0);
    let with = |o: Outcome| -> Vec<usize> {
        programs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.outcome == o)
            .map(|(i, _)| i)
            .collect()
    };
    let open = |w: WindowStatus| matches!(w, WindowStatus::Open | WindowStatus::Rolling);
    let candidates = || {
        programs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.outcome != Outcome::Ineligible)
    };
    let act_now = candidates().filter(|(_, p)| open(p.window)).map(|(i, _)| i).collect();
    let awaiting = candidates().filter(|(_, p)| !open(p.window)).count();
    let next_answer = what_if
        .iter()
        .filter(|w| w.gain_krw >= 1.0)
        .fold(None::<&WhatIfGain>, |best, w| match best {
            Some(b) if b.gain_krw >= w.gain_krw => Some(b),
            _ => Some(w),
        })
        .map(|w| w.id);
    GlanceFacts {
        sme_threshold_krw,
        sme_distance_krw: sme_threshold_krw.map(|t| a.revenue_krw as f64 - t),
        best_rank,
        likely: with(Outcome::Eligible),
        possibly: with(Outcome::Maybe),
        act_now,
        awaiting_call_count: u32::try_from(awaiting).unwrap_or(u32::MAX),
        next_answer,
    }
}
