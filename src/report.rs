//! What a firm takes away: the calculation trace (inputs, every factor with source and year,
//! each step of the method, so an analyst can redo the figures) and the comparison of two or
//! three markets side by side. Both are built from `engine` results, worded by `words`.
//!
//! Depends on: `engine`, `potential` (the terms the trace shows), `words`, `model`.

use serde::Serialize;

use crate::dataset::{Dataset, Figure, Market, Sector};
use crate::engine;
use crate::error::Lang;
use crate::model::{Estimate, FtaStatus, Input, Outcome, YearPotential};
use crate::potential::{self, DemandBasis, EaseBasis, Terms};
use crate::words;

/// The schema name of the trace download, so a reader knows what it holds.
pub const TRACE_SCHEMA: &str = "sme-export-trace/2";

/// One input of the method: a dataset figure or an answer, as the steps' formulas name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceFactor {
    pub id: &'static str,
    pub label: String,
    /// The value the formulas use: the figure as recorded (not brought to the price year).
    pub value: f64,
    pub unit: String,
    pub source: String,
    pub year: Option<i32>,
    pub assumption: bool,
}

/// One step of the method: what it computes, how (in the ids of the factors and of earlier
/// steps), and its value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceStep {
    pub id: String,
    pub label: String,
    /// The formula, evaluated left to right over `factors` and earlier `steps` by its ids
    /// ("koreaWorldShare × marketDemand"); `potential::formula` holds each one.
    pub formula: String,
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
    /// Every input of the formulas with its value, unit, source, year and whether it is assumed.
    pub factors: Vec<TraceFactor>,
    /// Each step of the method in order; each value follows from its formula.
    pub steps: Vec<TraceStep>,
    pub result: TraceResult,
    pub assumptions: Vec<String>,
    /// How to enter the market and how long it takes, as the result shows it.
    pub entry: crate::model::EntryResult,
    /// That this is an estimate, not a forecast or a decision.
    pub disclaimer: String,
}

/// The trace of a checked input, from the same terms as `engine::estimate_checked`.
pub fn trace(input: &Input, ds: &Dataset) -> Trace {
    let est = engine::estimate_checked(input, ds);
    let (factors, steps) = match (ds.sector(&input.sector), ds.market(&input.market)) {
        (Some(s), Some(m)) => {
            let t = potential::terms(ds, s, m, input);
            method_trace(&t, s, m, ds, input)
        }
        _ => (Vec::new(), Vec::new()),
    };
    let p = est.potential;
    Trace {
        schema: TRACE_SCHEMA,
        dataset_version: est.dataset_version,
        figures_as_of: est.figures_as_of,
        lang: input.lang,
        input: input.clone(),
        factors,
        steps,
        result: TraceResult {
            base_krw: p.base_krw,
            low_krw: p.low_krw,
            high_krw: p.high_krw,
            untapped_krw: p.untapped_krw,
            years: p.years,
        },
        assumptions: est.assumptions,
        entry: est.entry,
        disclaimer: words::estimate_disclaimer(input.lang).to_owned(),
    }
}

/// The trace's ids of the part of each projected year a firm not yet registered sells in.
const SALES_SHARE_IDS: [&str; 10] = [
    "salesShareYear1",
    "salesShareYear2",
    "salesShareYear3",
    "salesShareYear4",
    "salesShareYear5",
    "salesShareYear6",
    "salesShareYear7",
    "salesShareYear8",
    "salesShareYear9",
    "salesShareYear10",
];

/// The factors and steps of one case, in the order the method computes them.
fn method_trace(
    t: &Terms,
    sector: &Sector,
    market: &Market,
    ds: &Dataset,
    input: &Input,
) -> (Vec<TraceFactor>, Vec<TraceStep>) {
    use potential::formula as f;
    let lang = input.lang;
    let mt = &t.market;
    let ft = &t.firm;
    let mut factors: Vec<TraceFactor> = Vec::new();
    let mut steps: Vec<TraceStep> = Vec::new();
    let given = |factors: &mut Vec<TraceFactor>, id: &'static str, label: (&str, &str), value: f64, unit: &str| {
        factors.push(TraceFactor {
            id,
            label: lang.pick(label.0, label.1).to_owned(),
            value,
            unit: unit.to_owned(),
            source: lang.pick("입력 또는 계산 규칙", "input or method rule").to_owned(),
            year: None,
            assumption: false,
        });
    };
    let push_fig = |factors: &mut Vec<TraceFactor>, id: &'static str, label: (&str, &str), x: &Figure| {
        factors.push(TraceFactor {
            id,
            label: lang.pick(label.0, label.1).to_owned(),
            value: x.value,
            unit: x.unit.clone(),
            source: if x.source.trim().is_empty() {
                lang.pick("가정(출처 없음)", "assumption (no source)").to_owned()
            } else {
                x.source.clone()
            },
            year: x.year,
            assumption: x.assumption,
        });
    };
    let step =
        |steps: &mut Vec<TraceStep>, id: &str, label: (&str, &str), formula: &str, value: f64, unit: &'static str| {
            steps.push(TraceStep {
                id: id.to_owned(),
                label: lang.pick(label.0, label.1).to_owned(),
                formula: formula.to_owned(),
                value,
                unit,
            });
        };
    let m = &ds.method;
    push_fig(
        &mut factors,
        "koreaWorldShare",
        ("한국의 세계 수출 점유율", "Korea's share of world exports"),
        &sector.korea_world_share,
    );
    match market.growth_for(&sector.id) {
        Some(g) => push_fig(&mut factors, "demandGrowth", ("수요 증가율", "Demand growth"), g),
        None => given(
            &mut factors,
            "demandGrowth",
            ("수요 증가율(없음)", "Demand growth (none)"),
            0.0,
            "per year",
        ),
    }
    given(
        &mut factors,
        "priceYear",
        ("기준 연도", "Price year"),
        f64::from(ds.price_year),
        "year",
    );
    let year_of = |x: &Figure| f64::from(x.year.unwrap_or(ds.price_year));
    match mt.demand.basis {
        DemandBasis::Measured => {
            if let Some(d) = market.demand_for(&sector.id) {
                push_fig(
                    &mut factors,
                    "marketDemandRecorded",
                    ("시장 수요(원자료)", "Market demand (as recorded)"),
                    d,
                );
                given(
                    &mut factors,
                    "marketDemandYear",
                    ("시장 수요의 연도", "Year of the market demand"),
                    year_of(d),
                    "year",
                );
                step(
                    &mut steps,
                    "demandFactor",
                    ("기준 연도 환산 배수", "Factor to the price year"),
                    f::DEMAND_FACTOR,
                    mt.demand.factor,
                    "ratio",
                );
                step(
                    &mut steps,
                    "marketDemand",
                    ("시장 수요(기준 연도)", "Market demand (price year)"),
                    f::MARKET_DEMAND,
                    mt.demand.usd,
                    "USD",
                );
            }
        }
        DemandBasis::HealthSpending => {
            if let (Some(h), Some(share)) = (&market.health_expenditure_usd, &sector.demand_from_health_spending) {
                push_fig(
                    &mut factors,
                    "healthExpenditureUsd",
                    ("경상의료비", "Current health expenditure"),
                    h,
                );
                given(
                    &mut factors,
                    "healthExpenditureYear",
                    ("경상의료비의 연도", "Year of the health expenditure"),
                    year_of(h),
                    "year",
                );
                push_fig(
                    &mut factors,
                    "demandFromHealthSpending",
                    (
                        "의료비 중 이 업종 수입 비중",
                        "Share of health spending imported in this sector",
                    ),
                    share,
                );
                step(
                    &mut steps,
                    "healthFactor",
                    ("기준 연도 환산 배수", "Factor to the price year"),
                    f::HEALTH_FACTOR,
                    mt.demand.factor,
                    "ratio",
                );
                step(
                    &mut steps,
                    "marketDemand",
                    ("시장 수요(대리 지표)", "Market demand (proxy)"),
                    f::MARKET_DEMAND_PROXY,
                    mt.demand.usd,
                    "USD",
                );
            }
        }
        DemandBasis::Missing => {
            given(
                &mut factors,
                "marketDemand",
                ("시장 수요(없음)", "Market demand (none)"),
                0.0,
                "USD",
            );
        }
    }
    step(
        &mut steps,
        "predictedUsd",
        (
            "공급·수요로 예측한 한국 수출",
            "Korea's exports predicted by supply and demand",
        ),
        f::PREDICTED_USD,
        mt.predicted_usd,
        "USD",
    );
    match mt.ease_basis {
        EaseBasis::Actual => {
            if let Some(x) = market.own_exports_for(&sector.id) {
                push_fig(
                    &mut factors,
                    "koreaActualRecorded",
                    (
                        "한국의 이 시장 실제 수출(원자료)",
                        "Korea's actual exports to this market (as recorded)",
                    ),
                    x,
                );
                given(
                    &mut factors,
                    "koreaActualYear",
                    ("실제 수출의 연도", "Year of the actual exports"),
                    year_of(x),
                    "year",
                );
                step(
                    &mut steps,
                    "actualFactor",
                    ("기준 연도 환산 배수", "Factor to the price year"),
                    f::ACTUAL_FACTOR,
                    mt.actual_factor,
                    "ratio",
                );
                step(
                    &mut steps,
                    "koreaActualUsd",
                    ("한국의 실제 수출(기준 연도)", "Korea's actual exports (price year)"),
                    f::KOREA_ACTUAL_USD,
                    mt.korea_actual_usd,
                    "USD",
                );
                // With no demand there is no prediction to compare with: the potential is the actual.
                if mt.predicted_usd > 0.0 {
                    step(
                        &mut steps,
                        "easeOfTrade",
                        ("교역 용이성", "Ease of trade"),
                        f::EASE_ACTUAL,
                        mt.ease,
                        "ratio",
                    );
                }
                step(
                    &mut steps,
                    "koreaPotentialUsd",
                    ("한국의 이 시장 수출 잠재력", "Korea's export potential to this market"),
                    f::POTENTIAL_ACTUAL,
                    mt.korea_potential_usd,
                    "USD",
                );
            }
        }
        EaseBasis::Pair => {
            if let (Some(g), Some(share)) = (&market.goods_trade, &ds.korea_world_goods_share) {
                push_fig(
                    &mut factors,
                    "koreaGoodsExportsUsd",
                    ("한국의 이 시장 총수출", "Korea's goods exports to this market"),
                    &g.korea_exports_usd,
                );
                push_fig(
                    &mut factors,
                    "marketGoodsImportsUsd",
                    ("이 시장의 총수입", "This market's goods imports"),
                    &g.imports_usd,
                );
                push_fig(
                    &mut factors,
                    "koreaWorldGoodsShare",
                    ("한국의 세계 상품 수출 점유율", "Korea's share of world goods exports"),
                    share,
                );
                step(
                    &mut steps,
                    "easeOfTrade",
                    ("교역 용이성(ITC 양국 단위)", "Ease of trade (ITC, pair level)"),
                    f::EASE_PAIR,
                    mt.ease,
                    "ratio",
                );
            }
        }
        EaseBasis::Gravity => {
            push_fig(
                &mut factors,
                "distanceKm",
                ("서울과의 거리", "Distance from Seoul"),
                &market.distance_km,
            );
            push_fig(
                &mut factors,
                "distanceElasticity",
                ("거리 탄력성", "Distance elasticity"),
                &m.distance_elasticity,
            );
            given(
                &mut factors,
                "ftaEffect",
                ("FTA 효과(발효 시에만)", "FTA effect (only when in force)"),
                mt.fta_effect,
                "ratio",
            );
            given(
                &mut factors,
                "gravityConstant",
                (
                    "중력 규칙 상수 c(실적 시장에 맞춤)",
                    "Gravity constant c (fitted to the anchored markets)",
                ),
                mt.gravity_constant,
                "",
            );
            step(
                &mut steps,
                "easeOfTrade",
                ("교역 용이성(거리 규칙)", "Ease of trade (gravity fallback)"),
                f::EASE_GRAVITY,
                mt.ease,
                "ratio",
            );
        }
    }
    // Korea's potential there: the actual exports (above), or what the ease predicts.
    if mt.ease_basis != EaseBasis::Actual {
        step(
            &mut steps,
            "koreaPotentialUsd",
            ("한국의 이 시장 수출 잠재력", "Korea's export potential to this market"),
            f::POTENTIAL,
            mt.korea_potential_usd,
            "USD",
        );
        given(
            &mut factors,
            "koreaActualUsd",
            ("한국의 실제 수출(없음)", "Korea's actual exports (none current)"),
            0.0,
            "USD",
        );
    }
    step(
        &mut steps,
        "koreaUntappedUsd",
        ("한국의 미실현 잠재력", "Korea's untapped potential"),
        f::KOREA_UNTAPPED_USD,
        mt.korea_untapped_usd,
        "USD",
    );
    // The firm.
    given(
        &mut factors,
        "revenueKrw",
        ("3년 평균 매출액", "3-year average revenue"),
        input.revenue_krw as f64,
        "KRW",
    );
    if ft.exportable_is_reported {
        given(
            &mut factors,
            "currentExportsKrw",
            ("현재 수출액", "Current exports"),
            ft.exportable_krw,
            "KRW",
        );
        step(
            &mut steps,
            "exportableKrw",
            ("기업의 수출 가능액", "What the firm can export"),
            f::EXPORTABLE_REPORTED,
            ft.exportable_krw,
            "KRW",
        );
    } else {
        push_fig(
            &mut factors,
            "koreaExportsKrw",
            ("국내 업종 수출액", "Korea's exports of this sector"),
            &sector.korea_exports_krw,
        );
        push_fig(
            &mut factors,
            "koreaOutputKrw",
            ("국내 업종 생산 규모", "Korea's output in this sector"),
            &sector.korea_output_krw,
        );
        step(
            &mut steps,
            "exportIntensity",
            ("수출 비중", "Export intensity"),
            f::EXPORT_INTENSITY,
            ft.export_intensity,
            "ratio",
        );
        step(
            &mut steps,
            "exportableKrw",
            ("기업의 수출 가능액", "What the firm can export"),
            f::EXPORTABLE_FROM_REVENUE,
            ft.exportable_krw,
            "KRW",
        );
    }
    push_fig(
        &mut factors,
        "koreaExportsUsd",
        (
            "한국의 업종 전체 수출(달러)",
            "Korea's total exports of this sector (USD)",
        ),
        &sector.korea_exports_usd,
    );
    push_fig(
        &mut factors,
        "krwPerUsd",
        ("환율", "Exchange rate"),
        &ds.exchange_rate.krw_per_usd,
    );
    step(
        &mut steps,
        "koreaSectorExportsKrw",
        ("한국의 업종 수출(원)", "Korea's sector exports (KRW)"),
        f::KOREA_SECTOR_EXPORTS_KRW,
        potential::korea_exports_krw_at_rate(ds, sector),
        "KRW",
    );
    step(
        &mut steps,
        "firmShare",
        ("기업의 업종 수출 내 비중", "Firm's share of Korea's sector exports"),
        f::FIRM_SHARE,
        ft.firm_share,
        "ratio",
    );
    given(
        &mut factors,
        "readinessScore",
        ("수출 준비도(미응답은 절반)", "Readiness score (unanswered counts half)"),
        ft.readiness_base,
        "ratio",
    );
    given(
        &mut factors,
        "readinessScoreLow",
        ("수출 준비도(미응답은 아니오)", "Readiness score (unanswered counts no)"),
        ft.readiness_low,
        "ratio",
    );
    given(
        &mut factors,
        "readinessScoreHigh",
        ("수출 준비도(미응답은 예)", "Readiness score (unanswered counts yes)"),
        ft.readiness_high,
        "ratio",
    );
    push_fig(
        &mut factors,
        "readinessMinMultiplier",
        ("준비도 최소 배수", "Readiness multiplier, all no"),
        &m.readiness_min_multiplier,
    );
    push_fig(
        &mut factors,
        "readinessMaxMultiplier",
        ("준비도 최대 배수", "Readiness multiplier, all yes"),
        &m.readiness_max_multiplier,
    );
    push_fig(
        &mut factors,
        "modelUncertainty",
        ("모형 불확실성", "Model uncertainty"),
        &m.model_uncertainty,
    );
    step(
        &mut steps,
        "readinessMultiplier",
        ("수출 준비도 배수", "Readiness multiplier"),
        f::READINESS_MULTIPLIER,
        ft.multiplier_base,
        "ratio",
    );
    step(
        &mut steps,
        "readinessMultiplierLow",
        ("수출 준비도 배수(하한)", "Readiness multiplier (low)"),
        f::READINESS_MULTIPLIER_LOW,
        ft.multiplier_low,
        "ratio",
    );
    step(
        &mut steps,
        "readinessMultiplierHigh",
        ("수출 준비도 배수(상한)", "Readiness multiplier (high)"),
        f::READINESS_MULTIPLIER_HIGH,
        ft.multiplier_high,
        "ratio",
    );
    step(
        &mut steps,
        "firmBeforeReadinessUsd",
        ("준비도 반영 전 기업 몫", "The firm's part before readiness"),
        f::FIRM_BEFORE_READINESS_USD,
        t.firm_before_readiness_usd,
        "USD",
    );
    step(
        &mut steps,
        "baseUsd",
        ("기준 추정(USD)", "Base estimate (USD)"),
        f::BASE_USD,
        t.base_usd,
        "USD",
    );
    step(
        &mut steps,
        "lowUsd",
        ("하한(USD)", "Low (USD)"),
        f::LOW_USD,
        t.low_usd,
        "USD",
    );
    step(
        &mut steps,
        "highUsd",
        ("상한(USD)", "High (USD)"),
        f::HIGH_USD,
        t.high_usd,
        "USD",
    );
    step(
        &mut steps,
        "baseKrw",
        ("기준 추정(원)", "Base estimate (KRW)"),
        f::BASE_KRW,
        potential::usd_to_krw(ds, t.base_usd),
        "KRW",
    );
    step(
        &mut steps,
        "lowKrw",
        ("하한(원)", "Low (KRW)"),
        f::LOW_KRW,
        potential::usd_to_krw(ds, t.low_usd),
        "KRW",
    );
    step(
        &mut steps,
        "highKrw",
        ("상한(원)", "High (KRW)"),
        f::HIGH_KRW,
        potential::usd_to_krw(ds, t.high_usd),
        "KRW",
    );
    let exports = input.exports_to_market_krw.map_or(0.0, |x| x as f64);
    given(
        &mut factors,
        "exportsToMarketKrw",
        ("이 시장 수출액(없으면 0)", "Exports to this market (0 if not given)"),
        exports,
        "KRW",
    );
    let base_krw = potential::usd_to_krw(ds, t.base_usd);
    step(
        &mut steps,
        "untappedKrw",
        ("미실현 잠재력(원)", "Untapped potential (KRW)"),
        f::UNTAPPED_KRW,
        (base_krw - exports).max(0.0),
        "KRW",
    );
    // Each year: grown at the demand growth, times the part of the year the firm can sell in
    // (all of it once registered; `entry`).
    let entry = crate::entry::assess(input, ds);
    for y in potential::years(ds, t, &entry).iter().filter(|y| y.projected) {
        let n = y.year.saturating_sub(ds.price_year);
        let year = y.year.to_string();
        let share_id: &'static str = SALES_SHARE_IDS
            .get(usize::try_from(n).unwrap_or(usize::MAX).saturating_sub(1))
            .copied()
            .unwrap_or("salesShare");
        let id = ["baseKrw", &year].concat();
        let label = [
            year.as_str(),
            lang.pick("년 기준 추정(전망)", " base estimate (projected)"),
        ]
        .concat();
        let growth = ["round(baseUsd × (1 + demandGrowth) ^ ", &n.to_string()].concat();
        let formula = if y.sales_share < 1.0 {
            let share_label = [
                year.as_str(),
                lang.pick("년 중 판매할 수 있는 부분", ": part of the year with sales"),
            ]
            .concat();
            given(
                &mut factors,
                share_id,
                (&share_label, &share_label),
                y.sales_share,
                "ratio",
            );
            [growth.as_str(), " × ", share_id, " × krwPerUsd)"].concat()
        } else {
            [growth.as_str(), " × krwPerUsd)"].concat()
        };
        step(&mut steps, &id, (&label, &label), &formula, y.base_krw, "KRW");
    }
    (factors, steps)
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
    /// The way in: the regulator and the review time, and the first sale or what the firm has.
    pub entry_time: String,
    /// The route's official fees, or that none was found.
    pub entry_cost: String,
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
                entry_time: match (&r.entry.first_sale_from, &r.entry.first_sale_to) {
                    _ if !r.entry.found => r.entry.status_text.clone(),
                    (Some(from), Some(to)) => format!("{} · {from} ~ {to}", r.entry.time_text),
                    _ => r.entry.time_text.clone(),
                },
                entry_cost: if r.entry.fees.is_empty() {
                    lang.pick("공식 수수료 자료 없음", "no official fee found").to_owned()
                } else {
                    r.entry.fees.join(" / ")
                },
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
