//! What a firm takes away: the calculation trace (inputs, every factor with source and year,
//! each step of the method, so an analyst can redo the figures) and the comparison of two or
//! three markets side by side. Both are built from `engine` results, worded by `words`.
//!
//! Depends on: `engine`, `potential` (the terms the trace shows), `words`, `model`.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::engine;
use crate::error::Lang;
use crate::model::{Estimate, Factor, FtaStatus, Input, Outcome, YearPotential};
use crate::potential::{self, Terms};
use crate::words;

/// The schema name of the trace download, so a reader knows what it holds.
pub const TRACE_SCHEMA: &str = "sme-export-trace/1";

/// One step of the method: what it computes, how (in words and symbols), and its value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceStep {
    pub id: &'static str,
    pub label: String,
    /// The formula with the names of earlier steps and factors ("koreaShare × marketDemand × ease").
    pub formula: &'static str,
    pub value: f64,
    pub unit: &'static str,
}

/// The figures the method ends with, as the result shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceResult {
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    pub untapped_krw: f64,
    pub years: Vec<YearPotential>,
}

/// The calculation trace of one case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    pub schema: &'static str,
    pub dataset_version: String,
    pub figures_as_of: String,
    pub lang: Lang,
    /// The checked input (amounts in whole won).
    pub input: Input,
    /// Every factor of the formula with its value, unit, source, year and whether it is assumed.
    pub factors: Vec<Factor>,
    /// Each step of the method in order; each value follows from the factors and earlier steps.
    pub steps: Vec<TraceStep>,
    pub result: TraceResult,
    pub assumptions: Vec<String>,
    /// That this is an estimate, not a forecast or a decision.
    pub disclaimer: String,
}

/// The trace of a checked input, from the same terms as `engine::estimate_checked`.
pub fn trace(input: &Input, ds: &Dataset) -> Trace {
    let est = engine::estimate_checked(input, ds);
    let terms = match (ds.sector(&input.sector), ds.market(&input.market)) {
        (Some(s), Some(m)) => Some(potential::terms(ds, s, m, input)),
        _ => None,
    };
    let steps = terms.map(|t| steps(&t, ds, input.lang)).unwrap_or_default();
    let p = est.potential;
    Trace {
        schema: TRACE_SCHEMA,
        dataset_version: est.dataset_version,
        figures_as_of: est.figures_as_of,
        lang: input.lang,
        input: input.clone(),
        factors: p.factors,
        steps,
        result: TraceResult {
            base_krw: p.base_krw,
            low_krw: p.low_krw,
            high_krw: p.high_krw,
            untapped_krw: p.untapped_krw,
            years: p.years,
        },
        assumptions: est.assumptions,
        disclaimer: words::estimate_disclaimer(input.lang).to_owned(),
    }
}

fn steps(t: &Terms, ds: &Dataset, lang: Lang) -> Vec<TraceStep> {
    let rate = ds.exchange_rate.krw_per_usd.value;
    let step = |id, label: (&str, &str), formula, value, unit| TraceStep {
        id,
        label: lang.pick(label.0, label.1).to_owned(),
        formula,
        value,
        unit,
    };
    vec![
        step(
            "distanceEase",
            ("거리에 따른 교역 용이성", "Ease of trade by distance"),
            "(referenceDistanceKm / distanceKm) ^ distanceElasticity",
            t.distance_ease,
            "ratio",
        ),
        step(
            "ftaEffect",
            ("FTA 효과(발효 시에만)", "FTA effect (only when in force)"),
            "ftaEffect if the FTA is in force, else 1",
            t.fta_effect,
            "ratio",
        ),
        step(
            "easeOfTrade",
            ("교역 용이성", "Ease of trade"),
            "distanceEase × ftaEffect",
            t.ease,
            "ratio",
        ),
        step(
            "koreaPotentialUsd",
            ("한국의 이 시장 수출 잠재력", "Korea's export potential to this market"),
            "koreaWorldShare × marketDemand × easeOfTrade",
            t.korea_potential_usd,
            "USD",
        ),
        step(
            "firmShare",
            ("기업의 업종 내 비중", "Firm's share of the sector"),
            "min(revenueKrw / koreaOutputKrw, 1)",
            t.firm_share,
            "ratio",
        ),
        step(
            "readinessScore",
            ("수출 준비도(기준)", "Readiness score (base)"),
            "Σ weight × (1 if yes, 0.5 if unanswered, 0 if no)",
            t.readiness_base,
            "ratio",
        ),
        step(
            "readinessMultiplier",
            ("수출 준비도 배수", "Readiness multiplier"),
            "readinessMinMultiplier + (readinessMaxMultiplier − readinessMinMultiplier) × readinessScore",
            t.multiplier_base,
            "ratio",
        ),
        step(
            "baseUsd",
            ("기준 추정(USD)", "Base estimate (USD)"),
            "koreaPotentialUsd × firmShare × readinessMultiplier",
            t.base_usd,
            "USD",
        ),
        step(
            "lowUsd",
            ("하한(USD)", "Low (USD)"),
            "koreaPotentialUsd × firmShare × multiplier(readiness with unanswered = no) × (1 − modelUncertainty)",
            t.low_usd,
            "USD",
        ),
        step(
            "highUsd",
            ("상한(USD)", "High (USD)"),
            "koreaPotentialUsd × firmShare × multiplier(readiness with unanswered = yes) × (1 + modelUncertainty)",
            t.high_usd,
            "USD",
        ),
        step(
            "baseKrw",
            ("기준 추정(원)", "Base estimate (KRW)"),
            "round(baseUsd × krwPerUsd)",
            potential::usd_to_krw(ds, t.base_usd),
            "KRW",
        ),
        step(
            "krwPerUsd",
            ("적용 환율", "Exchange rate applied"),
            "krwPerUsd",
            rate,
            "KRW/USD",
        ),
        step(
            "yearN",
            ("연도별 추정", "Estimate in year N"),
            "baseKrw × (1 + demandGrowth) ^ (N − first year)",
            t.growth,
            "per year",
        ),
    ]
}

/// One market of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ComparedMarket {
    pub market: String,
    pub name: String,
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    /// The three as the page shows them (`words::shown_krw`).
    pub base_shown: String,
    pub low_shown: String,
    pub high_shown: String,
    /// Demand growth a year (0.095 = 9.5 %), with its display, `None` when the dataset has none.
    pub growth: Option<f64>,
    pub growth_display: Option<String>,
    pub distance_km: f64,
    pub distance_display: String,
    pub fta_status: FtaStatus,
    pub fta_label: String,
    /// Rank among all markets for this firm (1 = largest base potential).
    pub rank: u32,
}

/// A programme whose outcome is not the same in every compared market.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProgramDifference {
    pub id: String,
    pub name: String,
    /// The outcome in each compared market, in the order of `markets`.
    pub outcomes: Vec<Outcome>,
    pub outcome_labels: Vec<String>,
}

/// Two or three markets side by side for one firm.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub markets: Vec<ComparedMarket>,
    pub programs_that_differ: Vec<ProgramDifference>,
    /// How many programmes have the same outcome in every compared market.
    pub programs_alike: u32,
}

/// Compares the firm's case in each market of `ids` (unknown ids and repeats are skipped; at most
/// three are kept). The firm's other answers stay as given.
pub fn compare_markets(input: &Input, ids: &[String], ds: &Dataset) -> Comparison {
    let mut chosen: Vec<&str> = Vec::new();
    for id in ids {
        if chosen.len() < 3 && ds.market(id).is_some() && !chosen.contains(&id.as_str()) {
            chosen.push(id);
        }
    }
    let results: Vec<Estimate> = chosen
        .iter()
        .map(|id| {
            let mut one = input.clone();
            one.market = (*id).to_owned();
            engine::estimate_checked(&one, ds)
        })
        .collect();
    let lang = input.lang;
    let markets = results
        .iter()
        .map(|r| {
            let p = &r.potential;
            let factor = |id: &str| p.factors.iter().find(|f| f.id == id);
            let distance = ds.market(&p.market).map_or(0.0, |m| m.distance_km.value);
            ComparedMarket {
                market: p.market.clone(),
                name: p.market_name.clone(),
                base_krw: p.base_krw,
                low_krw: p.low_krw,
                high_krw: p.high_krw,
                base_shown: words::shown_krw(p.base_krw, lang),
                low_shown: words::shown_krw(p.low_krw, lang),
                high_shown: words::shown_krw(p.high_krw, lang),
                growth: factor("demandGrowth").map(|f| f.value),
                growth_display: factor("demandGrowth").map(|f| f.display.clone()),
                distance_km: distance,
                distance_display: factor("distanceKm").map_or_else(String::new, |f| f.display.clone()),
                fta_status: p.fta_status,
                fta_label: p.fta_label.clone(),
                rank: r.ranking.iter().find(|m| m.selected).map_or(0, |m| m.rank),
            }
        })
        .collect();
    let mut programs_that_differ = Vec::new();
    let mut alike: u32 = 0;
    for (i, p) in ds.programs.iter().enumerate() {
        let outcomes: Vec<Outcome> = results
            .iter()
            .filter_map(|r| r.support.get(i).map(|s| s.outcome))
            .collect();
        let differs = outcomes.windows(2).any(|w| w.first() != w.get(1));
        if differs {
            programs_that_differ.push(ProgramDifference {
                id: p.id.clone(),
                name: p.name.get(lang).to_owned(),
                outcome_labels: outcomes
                    .iter()
                    .map(|o| words::outcome_label(*o, lang).to_owned())
                    .collect(),
                outcomes,
            });
        } else {
            alike = alike.saturating_add(1);
        }
    }
    Comparison {
        markets,
        programs_that_differ,
        programs_alike: alike,
    }
}
