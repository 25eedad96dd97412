//! Export potential of one firm to one market: the ITC Export Potential Indicator
//! (supply x demand x ease of trade), anchored on Korea's actual exports and scaled to the firm.
//! docs/METHOD.md states the method, what is ITC's and what is ours, every factor and its limits,
//! with a worked example that `tests/worked_example.rs` checks to the won.
//!
//! Each step's formula is a constant next to the code that computes it (`formula::*`), written in
//! the ids of the calculation trace's factors and steps (`report::trace`); `tests/trace.rs`
//! evaluates every one of them over the trace's own values, for every market and sector.
//!
//! Tiers, decided here and nowhere else:
//! - demand: the market's own figure when current (at most `maxFigureAgeYears` older than the
//!   price year), else the sector's proxy (a share of the market's health expenditure);
//! - ease of trade: Korea's own exports of the sector to the market when current (`Actual`), else
//!   ITC's pair-level ease from total goods trade (`Pair`), else the gravity rule (`Gravity`).
//!
//! A figure too old to bring forward is never used as if current: it stays as context only.
//!
//! Invariants (property-tested): no NaN, nothing negative, low <= base <= high, non-decreasing in
//! revenue. Every arithmetic result is passed through `finite` so a strange dataset yields 0,
//! never NaN.

use crate::amount::to_won;
use crate::dataset::{Dataset, Figure, FtaStatus, Market, Sector};
use crate::model::{EntryAssessment, Input, PlanYear, Question, Readiness, YearPotential};
pub use crate::vocab::{DemandBasis, EaseBasis};

/// The formulas of the trace's steps, in the ids of its factors and steps. Each is used by the
/// code that computes the step it names (search for the constant).
pub mod formula {
    pub const DEMAND_FACTOR: &str = "(1 + demandGrowth) ^ (priceYear − marketDemandYear)";
    pub const MARKET_DEMAND: &str = "marketDemandRecorded × demandFactor";
    pub const HEALTH_FACTOR: &str = "(1 + demandGrowth) ^ (priceYear − healthExpenditureYear)";
    pub const MARKET_DEMAND_PROXY: &str = "healthExpenditureUsd × demandFromHealthSpending × healthFactor";
    pub const PREDICTED_USD: &str = "koreaWorldShare × marketDemand";
    pub const ACTUAL_FACTOR: &str = "(1 + demandGrowth) ^ (priceYear − koreaActualYear)";
    pub const KOREA_ACTUAL_USD: &str = "koreaActualRecorded × actualFactor";
    pub const EASE_ACTUAL: &str = "koreaActualUsd ÷ predictedUsd";
    pub const EASE_PAIR: &str = "koreaGoodsExportsUsd ÷ (koreaWorldGoodsShare × marketGoodsImportsUsd)";
    pub const EASE_GRAVITY: &str = "gravityConstant × distanceKm ^ (−distanceElasticity) × ftaEffect";
    pub const POTENTIAL_ACTUAL: &str = "koreaActualUsd";
    pub const POTENTIAL: &str = "predictedUsd × easeOfTrade";
    pub const KOREA_UNTAPPED_USD: &str = "max(koreaPotentialUsd − koreaActualUsd, 0)";
    pub const EXPORT_INTENSITY: &str = "min(koreaExportsKrw ÷ koreaOutputKrw, 1)";
    pub const EXPORTABLE_FROM_REVENUE: &str = "revenueKrw × exportIntensity";
    pub const EXPORTABLE_REPORTED: &str = "currentExportsKrw";
    pub const KOREA_SECTOR_EXPORTS_KRW: &str = "koreaExportsUsd × krwPerUsd";
    pub const FIRM_SHARE: &str = "min(exportableKrw ÷ koreaSectorExportsKrw, 1)";
    pub const READINESS_MULTIPLIER: &str =
        "readinessMinMultiplier + (readinessMaxMultiplier − readinessMinMultiplier) × readinessScore";
    pub const READINESS_MULTIPLIER_LOW: &str =
        "readinessMinMultiplier + (readinessMaxMultiplier − readinessMinMultiplier) × readinessScoreLow";
    pub const READINESS_MULTIPLIER_HIGH: &str =
        "readinessMinMultiplier + (readinessMaxMultiplier − readinessMinMultiplier) × readinessScoreHigh";
    pub const FIRM_BEFORE_READINESS_USD: &str = "koreaPotentialUsd × firmShare";
    pub const BASE_USD: &str = "firmBeforeReadinessUsd × readinessMultiplier";
    pub const LOW_USD: &str = "min(firmBeforeReadinessUsd × readinessMultiplierLow × (1 − modelUncertainty), baseUsd)";
    pub const HIGH_USD: &str =
        "max(firmBeforeReadinessUsd × readinessMultiplierHigh × (1 + modelUncertainty), baseUsd)";
    pub const BASE_KRW: &str = "round(baseUsd × krwPerUsd)";
    pub const LOW_KRW: &str = "round(lowUsd × krwPerUsd)";
    pub const HIGH_KRW: &str = "round(highUsd × krwPerUsd)";
    pub const UNTAPPED_KRW: &str = "max(baseKrw − exportsToMarketKrw, 0)";
}

/// Replaces NaN and infinities with 0 and negatives with 0: results are always shown as amounts.
fn finite(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// The rate every USD amount is converted at: the price year's (the loader guarantees it).
pub fn krw_per_usd(ds: &Dataset) -> f64 {
    finite(ds.exchange_rate.krw_per_usd.value)
}

/// A market's demand growth for a sector, clamped to the loader's range (0 when none).
pub fn growth_of(market: &Market, sector: &str) -> f64 {
    market.growth_for(sector).map_or(0.0, |f| {
        if f.value.is_finite() {
            f.value.clamp(-0.5, 1.0)
        } else {
            0.0
        }
    })
}

/// How a market figure stands against the price year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Age {
    /// Of the price year, or brought to it by `factor` = (1 + g)^(price year − year).
    Current { year: i32, factor: f64 },
    /// No year: used as it is, flagged.
    YearUnknown,
    /// More than `maxFigureAgeYears` before the price year: context only, never brought forward.
    TooOld { year: i32 },
}

impl Age {
    /// The factor that brings the figure to the price year (0 when too old to use).
    pub fn factor(&self) -> f64 {
        match self {
            Age::Current { factor, .. } => *factor,
            Age::YearUnknown => 1.0,
            Age::TooOld { .. } => 0.0,
        }
    }

    pub fn usable(&self) -> bool {
        !matches!(self, Age::TooOld { .. })
    }
}

/// How old a figure is against the price year, and the factor that brings it there at growth `g`.
pub fn age_of(ds: &Dataset, fig: &Figure, g: f64) -> Age {
    let Some(year) = fig.year else {
        return Age::YearUnknown;
    };
    let too_old = ds
        .method
        .max_figure_age_years
        .as_ref()
        .is_some_and(|max| f64::from(ds.price_year.saturating_sub(year)) > max.value);
    if too_old {
        Age::TooOld { year }
    } else {
        // formula::DEMAND_FACTOR, formula::ACTUAL_FACTOR, formula::HEALTH_FACTOR
        Age::Current {
            year,
            factor: finite((1.0 + g).powi(ds.price_year.saturating_sub(year))),
        }
    }
}

/// A market's demand for a sector at the price year, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Demand {
    pub basis: DemandBasis,
    /// USD at the price year.
    pub usd: f64,
    /// The factor that brought the figure it rests on (the market's own or its health
    /// expenditure) to the price year.
    pub factor: f64,
    /// The market's own figure is there but too old to use (its year): shown as context.
    pub too_old_year: Option<i32>,
    /// The market's own figure has no year (used as it is).
    pub year_unknown: bool,
    /// The value is an assumption: a proxy, a figure of another year brought forward, or one
    /// the dataset marks as assumed.
    pub assumed: bool,
}

/// The market's demand for the sector: its own current figure, else the sector's proxy.
pub fn demand(ds: &Dataset, sector: &Sector, market: &Market) -> Demand {
    let g = growth_of(market, &sector.id);
    let mut out = Demand {
        basis: DemandBasis::Missing,
        usd: 0.0,
        factor: 1.0,
        too_old_year: None,
        year_unknown: false,
        assumed: true,
    };
    if let Some(fig) = market.demand_for(&sector.id) {
        match age_of(ds, fig, g) {
            Age::TooOld { year } => out.too_old_year = Some(year),
            age => {
                out.basis = DemandBasis::Measured;
                out.factor = age.factor();
                out.year_unknown = age == Age::YearUnknown;
                out.assumed = fig.assumption || fig.year != Some(ds.price_year);
                // formula::MARKET_DEMAND
                out.usd = finite(fig.value * out.factor);
                return out;
            }
        }
    }
    let proxy = (&sector.demand_from_health_spending, &market.health_expenditure_usd);
    if let (Some(share), Some(health)) = proxy {
        let age = age_of(ds, health, g);
        if age.usable() {
            out.basis = DemandBasis::HealthSpending;
            out.factor = age.factor();
            // formula::MARKET_DEMAND_PROXY
            out.usd = finite(health.value * share.value * out.factor);
        }
    }
    out
}

/// Korea's own exports of the sector to the market (a single-sector record), if any.
fn own_record<'a>(market: &'a Market, sector: &str) -> Option<&'a Figure> {
    market.own_exports_for(sector)
}

/// ITC's pair-level ease of a market: Korea's goods exports there over what its world share of
/// goods exports and the market's goods imports predict. `None` without current figures.
pub fn pair_ease(ds: &Dataset, market: &Market) -> Option<f64> {
    let trade = market.goods_trade.as_ref()?;
    let share = ds.korea_world_goods_share.as_ref()?;
    let all_current = [&trade.korea_exports_usd, &trade.imports_usd, share]
        .iter()
        .all(|f| age_of(ds, f, 0.0).usable());
    let predicted = share.value * trade.imports_usd.value;
    // formula::EASE_PAIR
    (all_current && predicted > 0.0).then(|| finite(trade.korea_exports_usd.value / predicted))
}

/// The gravity rule's shape for a market: distance^-theta times the FTA effect when in force.
fn gravity_shape(ds: &Dataset, market: &Market) -> (f64, f64) {
    let m = &ds.method;
    let theta = finite(m.distance_elasticity.value);
    let distance = finite(market.distance_km.value.powf(-theta));
    let fta = if market.fta.status == FtaStatus::InForce {
        finite(m.fta_in_force_effect.value)
    } else {
        1.0
    };
    (distance, fta)
}

/// Korea's current actual exports of a sector to a market at the price year, USD, with the
/// factor that brought them there; `None` when there is no record or it is too old.
fn current_actual(ds: &Dataset, sector: &Sector, market: &Market) -> Option<(f64, f64)> {
    let fig = own_record(market, &sector.id)?;
    let age = age_of(ds, fig, growth_of(market, &sector.id));
    // formula::KOREA_ACTUAL_USD
    age.usable().then(|| (finite(fig.value * age.factor()), age.factor()))
}

/// The gravity constant c: sum of current actual exports over sum of predicted * shape, over every
/// sector and market with a current record, so the fallback reproduces the anchored cells in
/// total. 0 when the dataset has none.
pub fn gravity_constant(ds: &Dataset) -> f64 {
    let (mut actual, mut shaped) = (0.0, 0.0);
    for market in &ds.markets {
        let (d, f) = gravity_shape(ds, market);
        for sector in &ds.sectors {
            if let Some((x, _)) = current_actual(ds, sector, market) {
                let predicted = finite(sector.korea_world_share.value).min(1.0) * demand(ds, sector, market).usd;
                actual += x;
                shaped += predicted * d * f;
            }
        }
    }
    if shaped > 0.0 {
        finite(actual / shaped)
    } else {
        0.0
    }
}

/// Readiness scores (low, base, high) in [0, 1]: unanswered counts 0, 0.5, 1 respectively.
pub fn readiness_scores(ds: &Dataset, r: &Readiness) -> (f64, f64, f64, u32) {
    let w = &ds.method.readiness_weights;
    let items = [
        (w.certification.value, r.answer(Question::Certification)),
        (w.local_partner.value, r.answer(Question::LocalPartner)),
        (w.export_experience.value, r.answer(Question::ExportExperience)),
        (w.local_language.value, r.answer(Question::LocalLanguage)),
    ];
    let (mut low, mut base, mut high, mut unanswered) = (0.0, 0.0, 0.0, 0);
    for (weight, answer) in items {
        match answer {
            Some(true) => {
                low += weight;
                base += weight;
                high += weight;
            }
            Some(false) => {}
            None => {
                base += weight * 0.5;
                high += weight;
                unanswered += 1;
            }
        }
    }
    let clamp = |x: f64| finite(x).min(1.0);
    (clamp(low), clamp(base), clamp(high), unanswered)
}

/// The terms of one market for one sector that do not depend on the firm: Korea's potential
/// there. `terms` computes them on every call; the batch scorer once per run (`engine::Prepared`).
/// `terms` = `combine(market_terms, firm_terms)`: the formula is split, never repeated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarketTerms {
    pub korea_share: f64,
    pub demand: Demand,
    /// Market demand at the price year, USD (`demand.usd`).
    pub demand_usd: f64,
    /// korea_share * demand: what supply and demand alone predict Korea sells there, USD.
    pub predicted_usd: f64,
    pub ease_basis: EaseBasis,
    pub ease: f64,
    /// Korea's current actual exports of this sector there at the price year, USD (0 unless
    /// basis `Actual`), and the factor that brought the record to the price year.
    pub korea_actual_usd: f64,
    pub actual_factor: f64,
    /// The actual figure is an assumption (marked so, or brought from another year).
    pub actual_assumed: bool,
    /// Korea's own record for this cell exists but is too old to use (its year): context only.
    pub actual_too_old_year: Option<i32>,
    /// The gravity constant c (only meaningful for basis `Gravity`).
    pub gravity_constant: f64,
    pub distance_ease: f64,
    pub fta_effect: f64,
    pub korea_potential_usd: f64,
    /// max(0, Korea's potential - Korea's actual exports), USD.
    pub korea_untapped_usd: f64,
    pub growth: f64,
}

/// Computes the firm-independent terms of one sector and market. Pure arithmetic on validated
/// data; the gravity constant is computed here (a few dozen records) unless given.
pub fn market_terms(ds: &Dataset, sector: &Sector, market: &Market) -> MarketTerms {
    market_terms_with(ds, sector, market, gravity_constant(ds))
}

/// `market_terms` with the gravity constant computed once by the caller (`engine::Prepared`).
pub fn market_terms_with(ds: &Dataset, sector: &Sector, market: &Market, c: f64) -> MarketTerms {
    let korea_share = finite(sector.korea_world_share.value).min(1.0);
    let demand = demand(ds, sector, market);
    // formula::PREDICTED_USD
    let predicted_usd = finite(korea_share * demand.usd);
    let (distance_ease, fta_effect) = gravity_shape(ds, market);
    let actual = current_actual(ds, sector, market);
    let record = own_record(market, &sector.id);
    let actual_too_old_year = match record {
        Some(f) if actual.is_none() => f.year,
        _ => None,
    };
    let actual_assumed = actual.is_some() && record.is_some_and(|f| f.assumption || f.year != Some(ds.price_year));
    let (ease_basis, ease, korea_actual_usd, actual_factor) = if let Some((x, factor)) = actual {
        // formula::EASE_ACTUAL
        let ease = if predicted_usd > 0.0 {
            finite(x / predicted_usd)
        } else {
            0.0
        };
        (EaseBasis::Actual, ease, x, factor)
    } else if let Some(ease) = pair_ease(ds, market) {
        (EaseBasis::Pair, ease, 0.0, 1.0)
    } else {
        // formula::EASE_GRAVITY
        (EaseBasis::Gravity, finite(c * distance_ease * fta_effect), 0.0, 1.0)
    };
    let korea_potential_usd = match ease_basis {
        // formula::POTENTIAL_ACTUAL: ease = X / predicted, so predicted * ease is X itself.
        EaseBasis::Actual => korea_actual_usd,
        // formula::POTENTIAL
        _ => finite(predicted_usd * ease),
    };
    MarketTerms {
        korea_share,
        demand,
        demand_usd: demand.usd,
        predicted_usd,
        ease_basis,
        ease,
        korea_actual_usd,
        actual_factor,
        actual_assumed,
        actual_too_old_year,
        gravity_constant: c,
        distance_ease,
        fta_effect,
        korea_potential_usd,
        // formula::KOREA_UNTAPPED_USD
        korea_untapped_usd: finite(korea_potential_usd - korea_actual_usd),
        growth: growth_of(market, &sector.id),
    }
}

/// The terms of one firm that do not depend on the market: what it can export, its share of
/// Korea's sector exports and its readiness multipliers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FirmTerms {
    pub exportable_krw: f64,
    pub exportable_is_reported: bool,
    pub export_intensity: f64,
    pub firm_share: f64,
    pub readiness_low: f64,
    pub readiness_base: f64,
    pub readiness_high: f64,
    pub multiplier_low: f64,
    pub multiplier_base: f64,
    pub multiplier_high: f64,
    pub uncertainty: f64,
}

/// Korea's exports of a sector in won at the price year's rate.
pub fn korea_exports_krw_at_rate(ds: &Dataset, sector: &Sector) -> f64 {
    finite(sector.korea_exports_usd.value * krw_per_usd(ds))
}

/// A sector's export intensity: Korea's exports over its output (same source and year), 0..1.
pub fn export_intensity(sector: &Sector) -> f64 {
    let out = sector.korea_output_krw.value;
    if out > 0.0 {
        finite(sector.korea_exports_krw.value / out).min(1.0)
    } else {
        0.0
    }
}

/// Computes the market-independent terms of one firm in its sector.
pub fn firm_terms(ds: &Dataset, sector: &Sector, input: &Input) -> FirmTerms {
    let m = &ds.method;
    // formula::EXPORT_INTENSITY
    let export_intensity = export_intensity(sector);
    let reported = input.current_exports_krw.filter(|x| *x > 0);
    let exportable_krw = match reported {
        // formula::EXPORTABLE_REPORTED
        Some(x) => x as f64,
        // formula::EXPORTABLE_FROM_REVENUE
        None => finite(input.revenue_krw as f64 * export_intensity),
    };
    // formula::KOREA_SECTOR_EXPORTS_KRW
    let korea = korea_exports_krw_at_rate(ds, sector);
    // formula::FIRM_SHARE
    let firm_share = if korea > 0.0 {
        finite(exportable_krw / korea).min(1.0)
    } else {
        0.0
    };
    let (r_low, r_base, r_high, _) = readiness_scores(ds, &input.readiness);
    let m_min = finite(m.readiness_min_multiplier.value);
    let m_max = finite(m.readiness_max_multiplier.value).max(m_min);
    // formula::READINESS_MULTIPLIER (and its _LOW, _HIGH)
    let multiplier = |r: f64| m_min + (m_max - m_min) * r;
    FirmTerms {
        exportable_krw,
        exportable_is_reported: reported.is_some(),
        export_intensity,
        firm_share,
        readiness_low: r_low,
        readiness_base: r_base,
        readiness_high: r_high,
        multiplier_low: multiplier(r_low),
        multiplier_base: multiplier(r_base),
        multiplier_high: multiplier(r_high),
        uncertainty: finite(m.model_uncertainty.value).min(1.0),
    }
}

/// The firm's potential in one market: the market's terms, the firm's terms and what they give.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    pub market: MarketTerms,
    pub firm: FirmTerms,
    /// Korea's potential times the firm's share, before readiness, USD.
    pub firm_before_readiness_usd: f64,
    pub low_usd: f64,
    pub base_usd: f64,
    pub high_usd: f64,
}

/// Computes the terms for one firm and market. Pure arithmetic on validated data.
pub fn terms(ds: &Dataset, sector: &Sector, market: &Market, input: &Input) -> Terms {
    combine(&market_terms(ds, sector, market), &firm_terms(ds, sector, input))
}

/// The firm's potential in one market: the market's terms scaled to the firm (both of the same
/// sector). `terms` is this on freshly computed halves; the batch scorer reuses the halves.
pub fn combine(mt: &MarketTerms, ft: &FirmTerms) -> Terms {
    let uncertainty = ft.uncertainty;
    // formula::FIRM_BEFORE_READINESS_USD
    let firm_raw = mt.korea_potential_usd * ft.firm_share;
    // formula::BASE_USD
    let base_usd = finite(firm_raw * ft.multiplier_base);
    // formula::LOW_USD
    let low_usd = finite(firm_raw * ft.multiplier_low * (1.0 - uncertainty)).min(base_usd);
    // formula::HIGH_USD
    let high_usd = finite(firm_raw * ft.multiplier_high * (1.0 + uncertainty)).max(base_usd);
    Terms {
        market: *mt,
        firm: *ft,
        firm_before_readiness_usd: firm_raw,
        low_usd,
        base_usd,
        high_usd,
    }
}

/// USD to whole won at the price year's rate (as f64 for the JS API; exact below 2^53):
/// formula::BASE_KRW, LOW_KRW, HIGH_KRW.
pub fn usd_to_krw(ds: &Dataset, usd: f64) -> f64 {
    to_won(usd * krw_per_usd(ds)) as f64
}

/// Year-by-year values of the projection: the price year (the figures' year) and the next
/// `projection_years` years, grown at the market's demand growth, each times the part of the year
/// the firm can sell in (`entry::year_shares`: all of it once registered). Labels are added by
/// `words`.
pub fn years(ds: &Dataset, t: &Terms, e: &EntryAssessment) -> Vec<YearPotential> {
    let first = ds.price_year;
    let last = first.saturating_add(ds.projection_years.max(0));
    (first..=last)
        .map(|year| {
            let g = finite((1.0 + t.market.growth).powi(year.saturating_sub(first)));
            let (low, base, high) = crate::entry::year_shares(e, year);
            YearPotential {
                year,
                projected: year > first,
                label: String::new(),
                low_krw: usd_to_krw(ds, t.low_usd * g * low),
                base_krw: usd_to_krw(ds, t.base_usd * g * base),
                high_krw: usd_to_krw(ds, t.high_usd * g * high),
                sales_share: base,
            }
        })
        .collect()
}

/// The ranking's order, used by `ranking` and `engine::Prepared::score`: larger base potential
/// first, ties by id.
pub fn ranks_before(a: (f64, &str), b: (f64, &str)) -> bool {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)) == core::cmp::Ordering::Less
}

/// One market's place in the ranking for this firm (`words::ranking` names it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarketRank {
    /// Index in `ds.markets`.
    pub market: usize,
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    /// 1 = largest base potential.
    pub rank: u32,
    /// What Korea's potential there rests on (a ranking place on the gravity rule is indicative).
    pub ease_basis: EaseBasis,
    /// The year the firm could first sell there (`entry::first_sale_year`), none without a route.
    pub first_sale_year: Option<i32>,
}

/// Every market of the dataset for this firm, largest base potential first (ties by id).
pub fn ranking(ds: &Dataset, sector: &Sector, input: &Input) -> Vec<MarketRank> {
    let c = gravity_constant(ds);
    let firm = firm_terms(ds, sector, input);
    let mut out: Vec<MarketRank> = ds
        .markets
        .iter()
        .enumerate()
        .map(|(i, market)| {
            let t = combine(&market_terms_with(ds, sector, market, c), &firm);
            MarketRank {
                market: i,
                base_krw: usd_to_krw(ds, t.base_usd),
                low_krw: usd_to_krw(ds, t.low_usd),
                high_krw: usd_to_krw(ds, t.high_usd),
                rank: 0,
                ease_basis: t.market.ease_basis,
                first_sale_year: crate::entry::first_sale_year(
                    &crate::entry::assess_in(input, ds, &market.id),
                    ds.price_year,
                ),
            }
        })
        .collect();
    let id = |r: &MarketRank| ds.markets.get(r.market).map_or("", |m| m.id.as_str());
    // Insertion sort: a dataset has a handful of markets (at most 1,000), and the standard
    // library's stable sort costs about 3 KB of the Wasm bundle.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 {
            let (Some(a), Some(b)) = (out.get(j - 1), out.get(j)) else {
                break;
            };
            if !ranks_before((b.base_krw, id(b)), (a.base_krw, id(a))) {
                break;
            }
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    for (i, m) in out.iter_mut().enumerate() {
        m.rank = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
    }
    out
}

/// The national plan's path (history) and, where the firm's sector is one the plan covered,
/// the firm's place in it, as numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFigures {
    /// Implied yearly growth from base to target (0.201 = 20.1 %).
    pub implied_growth: f64,
    /// The plan's path year by year, KRW (history: the plan's own years).
    pub path: Vec<PlanYear>,
    /// The firm's base potential as a share of the plan's target; `None` when the firm's sector
    /// is outside the plan's scope (its figure covered other categories: no comparison).
    pub firm_share_of_target: Option<f64>,
    /// The target in US dollars at the rate the plan's own figures imply, when the dataset has it.
    pub target_usd_at_implied_rate: Option<f64>,
}

/// The plan's path from its base to its target, and the firm's base potential as a share of the
/// target when `sector` is one of the plan's `scopeSectors`.
pub fn plan(ds: &Dataset, firm_base_krw: f64, sector: &str) -> PlanFigures {
    let p = &ds.plan;
    let base = p.base_exports_krw.value;
    let target = p.target_exports_krw.value;
    let span = p.target_year.saturating_sub(p.base_year).max(1);
    let growth = if base > 0.0 && target > 0.0 {
        (target / base).powf(1.0 / f64::from(span)) - 1.0
    } else {
        0.0
    };
    let growth = if growth.is_finite() { growth } else { 0.0 };
    let path = (p.base_year..=p.target_year.max(p.base_year))
        .map(|year| PlanYear {
            year,
            krw: to_won(base * (1.0 + growth).powi(year.saturating_sub(p.base_year))) as f64,
        })
        .collect();
    let in_scope = p.scope_sectors.iter().any(|s| s == sector);
    let share = if target > 0.0 { firm_base_krw / target } else { 0.0 };
    let share = if share.is_finite() { share.max(0.0) } else { 0.0 };
    PlanFigures {
        implied_growth: growth,
        path,
        firm_share_of_target: in_scope.then_some(share),
        target_usd_at_implied_rate: p.implied_krw_per_usd.as_ref().map(|r| {
            if r.value > 0.0 {
                target / r.value
            } else {
                0.0
            }
        }),
    }
}
