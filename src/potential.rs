//! Export potential of one firm to one market: the ITC Export Potential Indicator
//! (supply x demand x ease of trade), anchored on Korea's actual exports and scaled to the firm.
//! docs/METHOD.md states the formula, what is ITC's and what is ours, every factor and its limits,
//! with a worked example that `tests/worked_example.rs` checks to the won.
//!
//! predicted(m, s) = korea_share(s) * demand(m, s)           (demand brought to the price year)
//! ease(m, s)      = actual(m, s) / predicted(m, s)           basis `actual` (the cell's own figure)
//!                 | sum actual / sum predicted over the market's records   basis `market`
//!                 | c * distance(m)^-theta * fta(m)          basis `gravity` (fallback), c calibrated
//!                   so the rule reproduces the anchored records in total
//! korea_potential = predicted * ease;  korea_untapped = max(0, korea_potential - actual)
//! firm_share      = min(exportable / (korea_exports_usd(s) * rate), 1),
//!   exportable    = current exports if given (> 0), else revenue * korea_exports_krw / korea_output_krw
//! potential       = korea_potential * firm_share * readiness_multiplier
//!   multiplier    = m_min + (m_max - m_min) * readiness_score
//! The band uses the readiness score with unanswered questions counted as "no" (low) and "yes"
//! (high), widened by the model uncertainty u: low * (1 - u), high * (1 + u).
//! A USD figure of year y is brought to the price year p by (1 + growth(m, s))^(p - y).
//! Each year t of the projection (p ..= p + projectionYears): value * (1 + growth(m, s))^(t - p).
//!
//! Invariants (property-tested): no NaN, nothing negative, low <= base <= high, non-decreasing in
//! revenue. Every arithmetic result is passed through `finite` so a strange dataset yields 0,
//! never NaN.

use crate::amount::to_won;
use crate::dataset::{ActualExports, Dataset, Figure, FtaStatus, Market, Sector};
use crate::model::{Input, PlanYear, Question, Readiness, YearPotential};
pub use crate::vocab::EaseBasis;

/// The computed terms for one market, before formatting into a result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    pub korea_share: f64,
    /// Market demand at the price year, USD.
    pub demand_usd: f64,
    /// The factor that brought the demand figure to the price year (1 when of that year).
    pub demand_factor: f64,
    /// korea_share * demand: what supply and demand alone predict Korea sells there, USD.
    pub predicted_usd: f64,
    pub ease_basis: EaseBasis,
    pub ease: f64,
    /// Korea's actual exports of this sector there at the price year, USD (0 when not known).
    pub korea_actual_usd: f64,
    /// The gravity constant c (only meaningful for basis `gravity`).
    pub gravity_constant: f64,
    pub distance_ease: f64,
    pub fta_effect: f64,
    pub korea_potential_usd: f64,
    /// max(0, Korea's potential - Korea's actual exports), USD (only with basis `actual`).
    pub korea_untapped_usd: f64,
    /// What the firm can export, KRW: its current exports, or revenue times export intensity.
    pub exportable_krw: f64,
    /// True when `exportable_krw` is the firm's own current exports.
    pub exportable_is_reported: bool,
    pub export_intensity: f64,
    pub firm_share: f64,
    pub readiness_low: f64,
    pub readiness_base: f64,
    pub readiness_high: f64,
    pub multiplier_base: f64,
    pub uncertainty: f64,
    pub low_usd: f64,
    pub base_usd: f64,
    pub high_usd: f64,
    pub growth: f64,
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

/// The factor that brings a figure of its year to the price year at growth `g`:
/// (1 + g)^(price year - year); 1 when the figure has no year (used as is, flagged).
pub fn to_price_year(ds: &Dataset, fig: &Figure, g: f64) -> f64 {
    match fig.year {
        Some(y) => finite((1.0 + g).powi(ds.price_year.saturating_sub(y))),
        None => 1.0,
    }
}

/// Mean demand growth of the sectors a record names (a pooled record grows at their mean).
fn record_growth(market: &Market, rec: &ActualExports) -> f64 {
    let n = rec.sectors.len().max(1) as f64;
    rec.sectors.iter().map(|s| growth_of(market, s)).sum::<f64>() / n
}

/// A record of Korea's actual exports, at the price year, USD.
fn record_usd(ds: &Dataset, market: &Market, rec: &ActualExports) -> f64 {
    finite(rec.figure.value * to_price_year(ds, &rec.figure, record_growth(market, rec)))
}

/// What supply and demand alone predict Korea sells of a sector in a market, USD (price year).
fn predicted(ds: &Dataset, sector: &Sector, market: &Market) -> (f64, f64, f64) {
    let (demand, factor) = market.demand_for(&sector.id).map_or((0.0, 1.0), |d| {
        let f = to_price_year(ds, d, growth_of(market, &sector.id));
        (finite(d.value * f), f)
    });
    let share = finite(sector.korea_world_share.value).min(1.0);
    (share, demand, factor)
}

/// Predicted exports over the sectors a record names (those the dataset has), USD.
fn record_predicted(ds: &Dataset, market: &Market, rec: &ActualExports) -> f64 {
    rec.sectors
        .iter()
        .filter_map(|id| ds.sector(id))
        .map(|s| {
            let (share, demand, _) = predicted(ds, s, market);
            share * demand
        })
        .sum()
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

/// The gravity constant c: sum of actual exports over sum of predicted * shape, over every
/// record of every market, so the fallback reproduces the anchored markets in total (this
/// replaces an arbitrary reference distance). 0 when the dataset has no record.
pub fn gravity_constant(ds: &Dataset) -> f64 {
    let (mut actual, mut shaped) = (0.0, 0.0);
    for market in &ds.markets {
        let (d, f) = gravity_shape(ds, market);
        for rec in &market.korea_exports {
            actual += record_usd(ds, market, rec);
            shaped += record_predicted(ds, market, rec) * d * f;
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
    pub demand_usd: f64,
    pub demand_factor: f64,
    pub predicted_usd: f64,
    pub ease_basis: EaseBasis,
    pub ease: f64,
    pub korea_actual_usd: f64,
    pub gravity_constant: f64,
    pub distance_ease: f64,
    pub fta_effect: f64,
    pub korea_potential_usd: f64,
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
    let (korea_share, demand_usd, demand_factor) = predicted(ds, sector, market);
    let predicted_usd = finite(korea_share * demand_usd);
    let (distance_ease, fta_effect) = gravity_shape(ds, market);
    let ratio = |a: f64, b: f64| if b > 0.0 { finite(a / b) } else { 0.0 };
    let own = market
        .korea_exports
        .iter()
        .find(|x| matches!(x.sectors.as_slice(), [s] if *s == sector.id));
    let (ease_basis, ease, korea_actual_usd) = if let Some(rec) = own {
        let x = record_usd(ds, market, rec);
        (EaseBasis::Actual, ratio(x, predicted_usd), x)
    } else if !market.korea_exports.is_empty() {
        let x: f64 = market.korea_exports.iter().map(|r| record_usd(ds, market, r)).sum();
        let p: f64 = market
            .korea_exports
            .iter()
            .map(|r| record_predicted(ds, market, r))
            .sum();
        (EaseBasis::Market, ratio(x, p), 0.0)
    } else {
        (EaseBasis::Gravity, finite(c * distance_ease * fta_effect), 0.0)
    };
    let korea_potential_usd = match ease_basis {
        // ease = X / predicted, so predicted * ease is X itself (no rounding detour).
        EaseBasis::Actual => korea_actual_usd,
        _ => finite(predicted_usd * ease),
    };
    MarketTerms {
        korea_share,
        demand_usd,
        demand_factor,
        predicted_usd,
        ease_basis,
        ease,
        korea_actual_usd,
        gravity_constant: c,
        distance_ease,
        fta_effect,
        korea_potential_usd,
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
    let export_intensity = export_intensity(sector);
    let reported = input.current_exports_krw.filter(|x| *x > 0);
    let exportable_krw = match reported {
        Some(x) => x as f64,
        None => finite(input.revenue_krw as f64 * export_intensity),
    };
    let korea = korea_exports_krw_at_rate(ds, sector);
    let firm_share = if korea > 0.0 {
        finite(exportable_krw / korea).min(1.0)
    } else {
        0.0
    };
    let (r_low, r_base, r_high, _) = readiness_scores(ds, &input.readiness);
    let m_min = finite(m.readiness_min_multiplier.value);
    let m_max = finite(m.readiness_max_multiplier.value).max(m_min);
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

/// Computes the terms for one firm and market. Pure arithmetic on validated data.
pub fn terms(ds: &Dataset, sector: &Sector, market: &Market, input: &Input) -> Terms {
    combine(&market_terms(ds, sector, market), &firm_terms(ds, sector, input))
}

/// The firm's potential in one market: the market's terms scaled to the firm (both of the same
/// sector). `terms` is this on freshly computed halves; the batch scorer reuses the halves.
pub fn combine(mt: &MarketTerms, ft: &FirmTerms) -> Terms {
    let uncertainty = ft.uncertainty;
    let firm_raw = mt.korea_potential_usd * ft.firm_share;
    let base_usd = finite(firm_raw * ft.multiplier_base);
    let low_usd = finite(firm_raw * ft.multiplier_low * (1.0 - uncertainty)).min(base_usd);
    let high_usd = finite(firm_raw * ft.multiplier_high * (1.0 + uncertainty)).max(base_usd);
    Terms {
        korea_share: mt.korea_share,
        demand_usd: mt.demand_usd,
        demand_factor: mt.demand_factor,
        predicted_usd: mt.predicted_usd,
        ease_basis: mt.ease_basis,
        ease: mt.ease,
        korea_actual_usd: mt.korea_actual_usd,
        gravity_constant: mt.gravity_constant,
        distance_ease: mt.distance_ease,
        fta_effect: mt.fta_effect,
        korea_potential_usd: mt.korea_potential_usd,
        korea_untapped_usd: mt.korea_untapped_usd,
        exportable_krw: ft.exportable_krw,
        exportable_is_reported: ft.exportable_is_reported,
        export_intensity: ft.export_intensity,
        firm_share: ft.firm_share,
        readiness_low: ft.readiness_low,
        readiness_base: ft.readiness_base,
        readiness_high: ft.readiness_high,
        multiplier_base: ft.multiplier_base,
        uncertainty,
        low_usd,
        base_usd,
        high_usd,
        growth: mt.growth,
    }
}

/// USD to whole won at the price year's rate (as f64 for the JS API; exact below 2^53).
pub fn usd_to_krw(ds: &Dataset, usd: f64) -> f64 {
    to_won(usd * krw_per_usd(ds)) as f64
}

/// Year-by-year values of the projection: the price year (the figures' year) and the next
/// `projection_years` years, grown at the market's demand growth. Labels are added by `words`.
pub fn years(ds: &Dataset, t: &Terms) -> Vec<YearPotential> {
    let first = ds.price_year;
    let last = first.saturating_add(ds.projection_years.max(0));
    (first..=last)
        .map(|year| {
            let g = finite((1.0 + t.growth).powi(year.saturating_sub(first)));
            YearPotential {
                year,
                projected: year > first,
                label: String::new(),
                low_krw: usd_to_krw(ds, t.low_usd * g),
                base_krw: usd_to_krw(ds, t.base_usd * g),
                high_krw: usd_to_krw(ds, t.high_usd * g),
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
    }
}
