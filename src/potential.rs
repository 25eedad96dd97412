//! Export potential of one firm to one market: the ITC Export Potential Indicator
//! (supply x demand x ease of trade), scaled to the firm. docs/METHOD.md states the formula,
//! every factor and its limits, with a worked example that `tests/engine.rs` checks to the won.
//!
//! potential_usd = korea_share(s) * demand(m, s) * ease(m) * firm_share * readiness_multiplier
//!   ease(m)     = (reference_km / distance_km(m))^theta * (fta_effect if an FTA is in force)
//!   firm_share  = min(revenue / korea_output(s), 1)
//!   multiplier  = m_min + (m_max - m_min) * readiness_score
//! The band uses the readiness score with unanswered questions counted as "no" (low) and "yes"
//! (high), widened by the model uncertainty u: low * (1 - u), high * (1 + u).
//! Each year t of the plan: value * (1 + growth(m, s))^(t - base_year).
//!
//! Invariants (property-tested): no NaN, nothing negative, low <= base <= high, non-decreasing in
//! revenue. Every arithmetic result is passed through `finite` so a strange dataset yields 0,
//! never NaN.

use crate::amount::to_won;
use crate::dataset::{Dataset, FtaStatus, Market, Sector};
use crate::model::{Input, PlanYear, Question, Readiness, YearPotential};

/// The computed terms for one market, before formatting into a result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    pub korea_share: f64,
    pub demand_usd: f64,
    pub distance_ease: f64,
    pub fta_effect: f64,
    pub ease: f64,
    pub korea_potential_usd: f64,
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
    pub distance_ease: f64,
    pub fta_effect: f64,
    pub ease: f64,
    pub korea_potential_usd: f64,
    pub growth: f64,
}

/// Computes the firm-independent terms of one sector and market. Pure arithmetic on validated data.
pub fn market_terms(ds: &Dataset, sector: &Sector, market: &Market) -> MarketTerms {
    let m = &ds.method;
    let korea_share = finite(sector.korea_world_share.value).min(1.0);
    let demand_usd = finite(market.demand_for(&sector.id).map_or(0.0, |f| f.value));
    let theta = finite(m.distance_elasticity.value);
    let distance_ease = finite((m.reference_distance_km.value / market.distance_km.value).powf(theta));
    let fta_effect = if market.fta.status == FtaStatus::InForce {
        finite(m.fta_in_force_effect.value)
    } else {
        1.0
    };
    let ease = finite(distance_ease * fta_effect);
    let korea_potential_usd = finite(korea_share * demand_usd * ease);
    let growth = market.growth_for(&sector.id).map_or(0.0, |f| {
        if f.value.is_finite() {
            f.value.clamp(-0.5, 1.0)
        } else {
            0.0
        }
    });
    MarketTerms {
        korea_share,
        demand_usd,
        distance_ease,
        fta_effect,
        ease,
        korea_potential_usd,
        growth,
    }
}

/// The terms of one firm that do not depend on the market: its share of the sector and its
/// readiness multipliers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FirmTerms {
    pub firm_share: f64,
    pub readiness_low: f64,
    pub readiness_base: f64,
    pub readiness_high: f64,
    pub multiplier_low: f64,
    pub multiplier_base: f64,
    pub multiplier_high: f64,
    pub uncertainty: f64,
}

/// Computes the market-independent terms of one firm in its sector.
pub fn firm_terms(ds: &Dataset, sector: &Sector, input: &Input) -> FirmTerms {
    let m = &ds.method;
    let firm_share = finite(input.revenue_krw as f64 / sector.korea_output_krw.value).min(1.0);
    let (r_low, r_base, r_high, _) = readiness_scores(ds, &input.readiness);
    let m_min = finite(m.readiness_min_multiplier.value);
    let m_max = finite(m.readiness_max_multiplier.value).max(m_min);
    let multiplier = |r: f64| m_min + (m_max - m_min) * r;
    FirmTerms {
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
    let MarketTerms {
        korea_share,
        demand_usd,
        distance_ease,
        fta_effect,
        ease,
        korea_potential_usd,
        growth,
    } = *mt;
    let uncertainty = ft.uncertainty;
    let firm_raw = korea_potential_usd * ft.firm_share;
    let base_usd = finite(firm_raw * ft.multiplier_base);
    let low_usd = finite(firm_raw * ft.multiplier_low * (1.0 - uncertainty)).min(base_usd);
    let high_usd = finite(firm_raw * ft.multiplier_high * (1.0 + uncertainty)).max(base_usd);
    Terms {
        korea_share,
        demand_usd,
        distance_ease,
        fta_effect,
        ease,
        korea_potential_usd,
        firm_share: ft.firm_share,
        readiness_low: ft.readiness_low,
        readiness_base: ft.readiness_base,
        readiness_high: ft.readiness_high,
        multiplier_base: ft.multiplier_base,
        uncertainty,
        low_usd,
        base_usd,
        high_usd,
        growth,
    }
}

/// USD to whole won at the dataset's rate (as f64 for the JS API; exact below 2^53).
pub fn usd_to_krw(ds: &Dataset, usd: f64) -> f64 {
    to_won(usd * ds.exchange_rate.krw_per_usd.value) as f64
}

/// Year-by-year values from the plan's base year to its target year.
pub fn years(ds: &Dataset, t: &Terms) -> Vec<YearPotential> {
    let base_year = ds.plan.base_year;
    let target_year = ds.plan.target_year.max(base_year);
    (base_year..=target_year)
        .map(|year| {
            let g = finite((1.0 + t.growth).powi(year.saturating_sub(base_year)));
            YearPotential {
                year,
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
    let mut out: Vec<MarketRank> = ds
        .markets
        .iter()
        .enumerate()
        .map(|(i, market)| {
            let t = terms(ds, sector, market, input);
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

/// The national plan's path and the firm's place in it, as numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFigures {
    /// Implied yearly growth from base to target (0.201 = 20.1 %).
    pub implied_growth: f64,
    /// The plan's path year by year, KRW.
    pub path: Vec<PlanYear>,
    /// The firm's base potential as a share of the plan's target (0..).
    pub firm_share_of_target: f64,
}

/// The plan's path from its base to its target, and the firm's base potential as a share of the target.
pub fn plan(ds: &Dataset, firm_base_krw: f64) -> PlanFigures {
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
    let share = if target > 0.0 { firm_base_krw / target } else { 0.0 };
    let share = if share.is_finite() { share.max(0.0) } else { 0.0 };
    PlanFigures {
        implied_growth: growth,
        path,
        firm_share_of_target: share,
    }
}
