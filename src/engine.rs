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
use crate::model::{Estimate, Input, Outcome, Readiness, SmeSize};
pub use crate::outcome::base_krw;
use crate::outcome::{self, amounts};
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

/// Computes the result for a checked input: the whole outcome first (`outcome::compute`), then
/// worded once (`words::estimate`). Sector and market exist (checked by `check`); if a caller
/// passes unknown ids anyway the potential is zero, never a panic.
pub fn estimate_checked(input: &Input, ds: &Dataset) -> Estimate {
    words::estimate(outcome::compute(input, ds), input, ds)
}

/// Checks the input and words the answer at a glance only (the first-answer module's call): the
/// same outcome as `estimate`, worded no further than the summary.
pub fn glance(raw: &RawInput, ds: &Dataset) -> Result<crate::model::GlanceAnswer, Vec<InputError>> {
    let input = check(raw, ds)?;
    Ok(words::glance(&outcome::compute(&input, ds), &input, ds))
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
