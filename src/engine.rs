//! The engine's front door: checks raw input against the dataset, then runs the SME, potential,
//! plan and eligibility calculations into one `Estimate`.
//!
//! `RawInput` is what arrives from outside (JS numbers may be NaN, negative, fractional; ids may be
//! anything). `check` turns it into a checked `Input` or a list of `InputError`s, one per bad field,
//! so the widget can show every message at once. Everything after `check` assumes valid input.

use crate::amount::check_krw;
pub use crate::amount::to_won;
use crate::dataset::Dataset;
use crate::error::{Field, InputError, Lang, Reason};
use crate::glance;
use crate::model::{Estimate, Input, Outcome, Readiness, ShownAmounts, ShownBand, SmeSize};
use crate::potential::{self, ranks_before};
use crate::rules::{self, Facts};
use crate::sme;
use crate::words;

/// Input as it arrives from the JS API or the command line, unchecked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawInput {
    pub revenue_krw: Option<f64>,
    pub sector: String,
    pub market: String,
    pub current_exports_krw: Option<f64>,
    pub exports_to_market_krw: Option<f64>,
    pub total_assets_krw: Option<f64>,
    pub medical_corporation: Option<bool>,
    pub readiness: Readiness,
    pub lang: Lang,
    pub today: Option<String>,
}

/// Checks every field; returns all problems found, in form order.
pub fn check(raw: &RawInput, ds: &Dataset) -> Result<Input, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut amount = |value: Option<f64>, field: Field, required: bool| -> Option<u64> {
        match value {
            None if required => {
                errors.push(InputError::new(field, Reason::Empty));
                None
            }
            None => None,
            Some(v) => match check_krw(v) {
                Ok(won) => Some(won),
                Err(reason) => {
                    errors.push(InputError::new(field, reason));
                    None
                }
            },
        }
    };
    let revenue = amount(raw.revenue_krw, Field::RevenueKrw, true);
    let current = amount(raw.current_exports_krw, Field::CurrentExportsKrw, false);
    let to_market = amount(raw.exports_to_market_krw, Field::ExportsToMarketKrw, false);
    let assets = amount(raw.total_assets_krw, Field::TotalAssetsKrw, false);
    if ds.sector(&raw.sector).is_none() {
        errors.push(InputError::new(Field::Sector, Reason::Unknown));
    }
    if ds.market(&raw.market).is_none() {
        errors.push(InputError::new(Field::Market, Reason::Unknown));
    }
    if let (Some(all), Some(one)) = (current, to_market) {
        if one > all {
            errors.push(InputError::new(Field::ExportsToMarketKrw, Reason::Inconsistent));
        }
    }
    match (revenue, errors.is_empty()) {
        (Some(revenue_krw), true) => Ok(Input {
            revenue_krw,
            sector: raw.sector.clone(),
            market: raw.market.clone(),
            current_exports_krw: current,
            exports_to_market_krw: to_market,
            total_assets_krw: assets,
            medical_corporation: raw.medical_corporation,
            readiness: raw.readiness,
            lang: raw.lang,
            today: raw.today.clone(),
        }),
        _ => Err(errors),
    }
}

/// Checks the input and computes the whole result.
pub fn estimate(raw: &RawInput, ds: &Dataset) -> Result<Estimate, Vec<InputError>> {
    let input = check(raw, ds)?;
    Ok(estimate_checked(&input, ds))
}

/// Computes the result for a checked input. Sector and market exist (checked by `check`); if a
/// caller passes unknown ids anyway the potential is zero, never a panic.
pub fn estimate_checked(input: &Input, ds: &Dataset) -> Estimate {
    let lang = input.lang;
    // Compute first ...
    let size = sme::assess(input, ds);
    let ranks = match ds.sector(&input.sector) {
        Some(sector) => potential::ranking(ds, sector, input),
        None => Vec::new(),
    };
    let market = ds.market(&input.market);
    let entry = crate::entry::assess(input, ds);
    let terms = match (ds.sector(&input.sector), market) {
        (Some(s), Some(m)) => Some(potential::terms(ds, s, m, input)),
        _ => None,
    };
    let programs = match market {
        Some(market) => rules::assess_all(&Facts {
            input,
            size: size.size,
            market,
            dataset: ds,
        }),
        None => Vec::new(),
    };
    // ... then word.
    let potential = potential_for(input, ds, terms.as_ref(), &entry);
    let plan = words::plan_context(ds, potential::plan(ds, potential.base_krw, &input.sector), lang);
    let support = match market {
        Some(market) => ds
            .programs
            .iter()
            .zip(&programs)
            .map(|(p, a)| words::support(p, a, input, market, ds))
            .collect(),
        None => Vec::new(),
    };
    let mut what_if = glance::what_if(input, potential.base_krw, &|i| base_krw(i, ds));
    // Registered in the market: the first sale moves to the projection's first year too.
    if let Some(sooner) = words::registration_sooner(&entry, ds.price_year, lang) {
        if let Some(w) = what_if
            .iter_mut()
            .find(|w| w.id == crate::model::Question::Certification)
        {
            w.text.push(' ');
            w.text.push_str(&sooner);
        }
    }
    let what_if_sme = glance::what_if_sme(&size, input);
    let what_if_support = glance::what_if_support(&support);
    let ranking = words::ranking(ds, &ranks, input);
    let entry = words::entry(ds, &entry, &support, input);
    let summary = glance::summary(&size, &potential, &ranking, &support, &what_if, &entry, input);
    let texts = words::result_texts(&size, &potential, &ranking, &summary, lang);
    let shown = shown_amounts(&potential, &ranking, lang);
    Estimate {
        lang,
        dataset_version: ds.version.clone(),
        figures_as_of: ds.figures_as_of.clone(),
        krw_per_usd: ds.exchange_rate.krw_per_usd.value,
        sme: words::sme_status(&size, input, ds),
        potential,
        ranking,
        plan,
        support,
        assumptions: words::assumptions(ds, input, terms.as_ref(), size.threshold_assumed, lang),
        summary,
        what_if,
        what_if_sme,
        what_if_support,
        texts,
        entry,
        shown,
    }
}

/// The potential, its years and the ranking worded for the page (`model::ShownAmounts`).
fn shown_amounts(p: &crate::model::Potential, ranking: &[crate::model::RankedMarket], lang: Lang) -> ShownAmounts {
    let usd = |x: f64| crate::amount::format_usd(x, lang);
    let band = |low: f64, base: f64, high: f64| ShownBand {
        low: words::shown_krw(low, lang),
        base: words::shown_krw(base, lang),
        high: words::shown_krw(high, lang),
    };
    ShownAmounts {
        base: words::shown_krw(p.base_krw, lang),
        low: words::shown_krw(p.low_krw, lang),
        high: words::shown_krw(p.high_krw, lang),
        untapped: words::shown_krw(p.untapped_krw, lang),
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

/// The base potential of a checked input in whole won, as `estimate_checked` computes it (the
/// what-if entries use it with one answer changed); zero for unknown ids.
pub fn base_krw(input: &Input, ds: &Dataset) -> f64 {
    match (ds.sector(&input.sector), ds.market(&input.market)) {
        (Some(s), Some(m)) => amounts(ds, &potential::terms(ds, s, m, input), input).base_krw,
        _ => 0.0,
    }
}

fn potential_for(
    input: &Input,
    ds: &Dataset,
    terms: Option<&potential::Terms>,
    entry: &crate::model::EntryAssessment,
) -> crate::model::Potential {
    let lang = input.lang;
    let rate = potential::krw_per_usd(ds);
    let usd = |krw: f64| if rate > 0.0 { krw / rate } else { 0.0 };
    let (sector, market, t) = match (ds.sector(&input.sector), ds.market(&input.market), terms) {
        (Some(s), Some(m), Some(t)) => (s, m, t),
        _ => {
            return crate::model::Potential {
                market: input.market.clone(),
                market_name: input.market.clone(),
                fta_status: crate::model::FtaStatus::None,
                fta_label: words::fta_status_label(crate::model::FtaStatus::None, lang).to_owned(),
                base_krw: 0.0,
                low_krw: 0.0,
                high_krw: 0.0,
                base_usd: 0.0,
                low_usd: 0.0,
                high_usd: 0.0,
                untapped_krw: 0.0,
                untapped_usd: 0.0,
                untapped_assumes_no_exports: true,
                exports_to_market_krw: None,
                years: Vec::new(),
                price_year: ds.price_year,
                ease_basis: crate::model::EaseBasis::Gravity,
                ease_label: words::ease_label(crate::model::EaseBasis::Gravity, lang).to_owned(),
                ease_note: String::new(),
                korea_potential_krw: 0.0,
                korea_untapped_krw: 0.0,
                exportable_krw: 0.0,
                exportable_is_reported: false,
                factors: Vec::new(),
                readiness_score: 0.0,
                unanswered_questions: 4,
                readiness_answered: input.readiness.any_answered(),
            }
        }
    };
    let Amounts {
        base_krw,
        low_krw,
        high_krw,
        untapped_krw,
    } = amounts(ds, t, input);
    let exports = input.exports_to_market_krw.map(|x| x as f64);
    let (_, score, _, unanswered) = potential::readiness_scores(ds, &input.readiness);
    crate::model::Potential {
        market: market.id.clone(),
        market_name: market.name.get(lang).to_owned(),
        fta_status: market.fta.status,
        fta_label: words::fta_status_label(market.fta.status, lang).to_owned(),
        base_krw,
        low_krw,
        high_krw,
        base_usd: usd(base_krw),
        low_usd: usd(low_krw),
        high_usd: usd(high_krw),
        untapped_krw,
        untapped_usd: usd(untapped_krw),
        untapped_assumes_no_exports: exports.is_none(),
        exports_to_market_krw: exports,
        years: words::year_labels(potential::years(ds, t, entry), lang),
        price_year: ds.price_year,
        ease_basis: t.market.ease_basis,
        ease_label: words::ease_label(t.market.ease_basis, lang).to_owned(),
        ease_note: words::ease_note(ds, sector, market, t, lang),
        korea_potential_krw: potential::usd_to_krw(ds, t.market.korea_potential_usd),
        korea_untapped_krw: potential::usd_to_krw(ds, t.market.korea_untapped_usd),
        exportable_krw: to_won(t.firm.exportable_krw) as f64,
        exportable_is_reported: t.firm.exportable_is_reported,
        factors: words::factors(ds, sector, market, t, lang),
        readiness_score: score,
        unanswered_questions: unanswered,
        readiness_answered: input.readiness.any_answered(),
    }
}

/// The firm's potential in whole won (as f64 for the JS API), shared by `estimate` and `score`.
struct Amounts {
    base_krw: f64,
    low_krw: f64,
    high_krw: f64,
    /// Base minus exports to the market (none given counts as none), never below zero.
    untapped_krw: f64,
}

fn amounts(ds: &Dataset, t: &potential::Terms, input: &Input) -> Amounts {
    let base_krw = potential::usd_to_krw(ds, t.base_usd);
    let exports = input.exports_to_market_krw.map_or(0.0, |x| x as f64);
    Amounts {
        base_krw,
        low_krw: potential::usd_to_krw(ds, t.low_usd),
        high_krw: potential::usd_to_krw(ds, t.high_usd),
        untapped_krw: (base_krw - exports).max(0.0),
    }
}

/// The numbers of an `Estimate` without any text: what the command line's `batch` writes for
/// each firm. For a checked input, `score` agrees with `estimate_checked` on every field here
/// (property-tested in `tests/score.rs`): it calls the same `sme::size_of` (the decision inside
/// `sme::classify`), `potential::market_terms`, `firm_terms` and `combine` (what
/// `potential::terms` is made of) and `rules::outcome` (the decision inside `rules::evaluate`),
/// and orders markets as `potential::ranking` does, but builds no string and sorts nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub size: SmeSize,
    /// `Estimate.potential`: base, low, high and untapped potential, whole won.
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    pub untapped_krw: f64,
    /// Index in `ds.markets` of the ranking's first market (largest base potential, ties by id);
    /// `None` when the sector is unknown or the dataset has no market.
    pub best_market: Option<usize>,
    /// Rank of the chosen market in the ranking, 1 = best; 0 when sector or market is unknown.
    pub rank: u32,
    /// The outcome of each program in dataset order (`Estimate.support[i].outcome`); empty when
    /// the market is unknown.
    pub outcomes: Vec<Outcome>,
    /// The way in (`Estimate.entry`): the route's review time and the year of the first sale at
    /// the base (`None` without a route; the price year when registered).
    pub entry: crate::model::EntryAssessment,
}

/// Scores a checked input: the fast path of `estimate_checked`. For many firms build one
/// `Prepared` and call `Prepared::score`, which gives the same result.
pub fn score(input: &Input, ds: &Dataset) -> Score {
    Prepared::new(ds).score(input)
}

/// What `score` needs that does not depend on the firm, computed once per dataset: every
/// sector's `potential::market_terms` in every market (Korea's potential there).
pub struct Prepared<'a> {
    ds: &'a Dataset,
    /// Sector `s`, market `m` at `s * markets + m`.
    market_terms: Vec<potential::MarketTerms>,
}

impl<'a> Prepared<'a> {
    pub fn new(ds: &'a Dataset) -> Self {
        let c = potential::gravity_constant(ds);
        let market_terms = ds
            .sectors
            .iter()
            .flat_map(|s| {
                ds.markets
                    .iter()
                    .map(move |m| potential::market_terms_with(ds, s, m, c))
            })
            .collect();
        Prepared { ds, market_terms }
    }

    pub fn dataset(&self) -> &'a Dataset {
        self.ds
    }

    /// Scores a checked input (see `Score`). Unknown ids give zeros, never a panic.
    pub fn score(&self, input: &Input) -> Score {
        let ds = self.ds;
        let size = sme::size_of(input, ds);
        let chosen = ds.markets.iter().position(|m| m.id == input.market);
        let mut out = Score {
            size,
            base_krw: 0.0,
            low_krw: 0.0,
            high_krw: 0.0,
            untapped_krw: 0.0,
            best_market: None,
            rank: 0,
            outcomes: Vec::new(),
            entry: crate::entry::assess(input, ds),
        };
        let sector = ds.sectors.iter().enumerate().find(|(_, s)| s.id == input.sector);
        if let Some((s, sector)) = sector {
            let row = self
                .market_terms
                .get(s.saturating_mul(ds.markets.len())..)
                .unwrap_or_default();
            // Each market's base potential for this firm, as `potential::ranking` computes it.
            let firm = potential::firm_terms(ds, sector, input);
            let base_of =
                |mt: &potential::MarketTerms| potential::usd_to_krw(ds, potential::combine(mt, &firm).base_usd);
            // The chosen market first: its terms give the amounts, its base its rank.
            let selected = chosen.and_then(|i| Some((i, ds.markets.get(i)?, row.get(i)?)));
            let mut rank: u32 = 1;
            let mut best: Option<(usize, f64, &str)> = None;
            if let Some((i, m, mt)) = selected {
                let a = amounts(ds, &potential::combine(mt, &firm), input);
                out.base_krw = a.base_krw;
                out.low_krw = a.low_krw;
                out.high_krw = a.high_krw;
                out.untapped_krw = a.untapped_krw;
                best = Some((i, a.base_krw, m.id.as_str()));
            }
            for (j, (m, mt)) in ds.markets.iter().zip(row).enumerate() {
                if Some(j) == chosen {
                    continue;
                }
                let base = base_of(mt);
                if selected.is_some_and(|(_, s, _)| ranks_before((base, &m.id), (out.base_krw, &s.id))) {
                    rank = rank.saturating_add(1);
                }
                if best.is_none_or(|(_, b, id)| ranks_before((base, &m.id), (b, id))) {
                    best = Some((j, base, m.id.as_str()));
                }
            }
            out.best_market = best.map(|(j, _, _)| j);
            out.rank = if selected.is_some() { rank } else { 0 };
        }
        if let Some(market) = chosen.and_then(|i| ds.markets.get(i)) {
            let facts = Facts {
                input,
                size,
                market,
                dataset: ds,
            };
            out.outcomes = ds.programs.iter().map(|p| rules::outcome(p, &facts)).collect();
        }
        out
    }
}
