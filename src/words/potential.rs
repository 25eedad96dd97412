//! Export potential: the factors behind it, the ease of trade, the projection's years and the ranking.

use crate::amount::{format_number, format_usd};
use crate::dataset::{Dataset, Figure, Market, Sector};
use crate::error::Lang;
use crate::ko::josa;
use crate::model::{EaseBasis, Factor, Input, RankedMarket, YearPotential};
use crate::potential::{self, MarketRank, Terms};
use crate::vocab::{DemandBasis, FtaStatus};

use super::{display_value, percent};

/// The source as shown: an assumption without a source says so in the user's language.
fn shown_source(fig: &Figure, lang: Lang) -> String {
    if fig.source.is_empty() || fig.source == "assumption" {
        lang.pick("가정(출처 없음)", "assumption (no source)").to_owned()
    } else {
        fig.source.clone()
    }
}

fn factor(id: &'static str, label: (&str, &str), fig: &Figure, lang: Lang) -> Factor {
    Factor {
        id,
        label: lang.pick(label.0, label.1).to_owned(),
        value: fig.value,
        unit: fig.unit.clone(),
        display: display_value(fig.value, &fig.unit, lang),
        source: shown_source(fig, lang),
        year: fig.year,
        assumption: fig.assumption,
        note: fig.note.as_ref().map(|n| n.get(lang).to_owned()),
    }
}

fn computed(id: &'static str, label: (&str, &str), value: f64, unit: &str, lang: Lang) -> Factor {
    Factor {
        id,
        label: lang.pick(label.0, label.1).to_owned(),
        value,
        unit: unit.to_owned(),
        display: display_value(value, unit, lang),
        source: lang.pick("계산값", "computed").to_owned(),
        year: None,
        assumption: false,
        note: None,
    }
}

/// A market figure as brought to the price year: `value` is the price year's (computed by
/// `potential`), the note says from which year and at what growth ("2016 figure brought to 2025
/// at 9.5 %/yr"); `assumed` is `potential`'s decision.
#[allow(clippy::too_many_arguments)]
fn brought_factor(
    id: &'static str,
    label: (&str, &str),
    fig: &Figure,
    value: f64,
    assumed: bool,
    growth: f64,
    price_year: i32,
    lang: Lang,
) -> Factor {
    let py = price_year.to_string();
    let how = match (fig.year, lang) {
        (Some(y), _) if y == price_year => None,
        (Some(y), Lang::Ko) => Some(format_ko_brought(y, growth, &py)),
        (Some(y), Lang::En) => Some(format!("{y} figure brought to {py} at {} %/yr", percent(growth))),
        (None, _) => Some(
            lang.pick("연도 미상: 그대로 사용", "year unknown: used as is")
                .to_owned(),
        ),
    };
    let own = fig.note.as_ref().map(|n| n.get(lang).to_owned());
    let note = match (how.as_deref(), own) {
        (Some(h), Some(o)) => Some([h, "; ", &o].concat()),
        (Some(h), None) => Some(h.to_owned()),
        (None, o) => o,
    };
    Factor {
        id,
        label: lang.pick(label.0, label.1).to_owned(),
        value,
        unit: fig.unit.clone(),
        display: display_value(value, &fig.unit, lang),
        source: shown_source(fig, lang),
        year: fig.year,
        assumption: assumed,
        note,
    }
}

fn format_ko_brought(year: i32, growth: f64, price_year: &str) -> String {
    format!("{year}년 수치를 연 {}%로 {price_year}년 기준으로 환산", percent(growth))
}

/// The factors behind the potential, in formula order, each with value, unit, source and year.
pub fn factors(ds: &Dataset, sector: &Sector, market: &Market, t: &Terms, lang: Lang) -> Vec<Factor> {
    let m = &ds.method;
    let mt = &t.market;
    let ft = &t.firm;
    let py = ds.price_year;
    let mut out = vec![factor(
        "koreaWorldShare",
        ("한국의 세계 수출 점유율", "Korea's share of world exports"),
        &sector.korea_world_share,
        lang,
    )];
    match mt.demand.basis {
        DemandBasis::Measured => {
            if let Some(d) = market.demand_for(&sector.id) {
                out.push(brought_factor(
                    "marketDemand",
                    ("시장 수요(수입액)", "Market demand (imports)"),
                    d,
                    mt.demand.usd,
                    mt.demand.assumed,
                    mt.growth,
                    py,
                    lang,
                ));
            }
        }
        DemandBasis::HealthSpending => {
            if let Some(h) = &market.health_expenditure_usd {
                out.push(factor(
                    "healthExpenditureUsd",
                    ("경상의료비", "Current health expenditure"),
                    h,
                    lang,
                ));
            }
            if let Some(share) = &sector.demand_from_health_spending {
                out.push(factor(
                    "demandFromHealthSpending",
                    (
                        "의료비 중 이 업종 수입 비중(대리 지표)",
                        "Share of health spending imported in this sector (proxy)",
                    ),
                    share,
                    lang,
                ));
            }
            let mut d = computed(
                "marketDemand",
                ("시장 수요(대리 지표)", "Market demand (proxy)"),
                mt.demand.usd,
                "USD",
                lang,
            );
            d.assumption = true;
            d.note = Some(demand_note(ds, market, &mt.demand, lang));
            out.push(d);
        }
        DemandBasis::Missing => {}
    }
    out.push(computed(
        "predictedUsd",
        (
            "공급·수요로 예측한 한국 수출",
            "Korea's exports predicted by supply and demand",
        ),
        mt.predicted_usd,
        "USD",
        lang,
    ));
    match mt.ease_basis {
        EaseBasis::Actual => {
            if let Some(x) = market.own_exports_for(&sector.id) {
                out.push(brought_factor(
                    "koreaActualExports",
                    ("한국의 이 시장 실제 수출", "Korea's actual exports to this market"),
                    x,
                    mt.korea_actual_usd,
                    mt.actual_assumed,
                    mt.growth,
                    py,
                    lang,
                ));
            }
        }
        EaseBasis::Pair => {
            if let Some(g) = &market.goods_trade {
                out.push(factor(
                    "koreaGoodsExportsUsd",
                    (
                        "한국의 이 시장 총수출(전 품목)",
                        "Korea's goods exports to this market (all products)",
                    ),
                    &g.korea_exports_usd,
                    lang,
                ));
                out.push(factor(
                    "marketGoodsImportsUsd",
                    (
                        "이 시장의 총수입(전 품목)",
                        "This market's goods imports (all products)",
                    ),
                    &g.imports_usd,
                    lang,
                ));
            }
            if let Some(share) = &ds.korea_world_goods_share {
                out.push(factor(
                    "koreaWorldGoodsShare",
                    ("한국의 세계 상품 수출 점유율", "Korea's share of world goods exports"),
                    share,
                    lang,
                ));
            }
        }
        EaseBasis::Gravity => {
            out.push(factor(
                "distanceKm",
                ("서울과의 거리", "Distance from Seoul"),
                &market.distance_km,
                lang,
            ));
            out.push(factor(
                "distanceElasticity",
                ("거리 탄력성", "Distance elasticity"),
                &m.distance_elasticity,
                lang,
            ));
            if market.fta.status == FtaStatus::InForce {
                out.push(factor(
                    "ftaEffect",
                    ("FTA 효과", "FTA effect"),
                    &m.fta_in_force_effect,
                    lang,
                ));
            }
            let mut c = computed(
                "gravityConstant",
                (
                    "중력 규칙 상수 c(실적 시장에 맞춤)",
                    "Gravity constant c (fitted to the anchored markets)",
                ),
                mt.gravity_constant,
                "",
                lang,
            );
            c.note = Some(
                lang.pick(
                    "c = 실적 합계 ÷ (예측 × 거리^-θ × FTA) 합계, 현재 실적이 있는 모든 시장·업종",
                    "c = sum of actual ÷ sum of predicted × distance^-θ × FTA, over every market and sector with a current figure",
                )
                .to_owned(),
            );
            out.push(c);
        }
    }
    let mut ease = computed("easeOfTrade", ("교역 용이성", "Ease of trade"), mt.ease, "×", lang);
    ease.note = Some(ease_label(mt.ease_basis, lang).to_owned());
    ease.assumption = mt.ease_basis == EaseBasis::Gravity;
    out.push(ease);
    out.push(computed(
        "koreaPotentialUsd",
        ("한국의 이 시장 수출 잠재력", "Korea's export potential to this market"),
        mt.korea_potential_usd,
        "USD",
        lang,
    ));
    if !ft.exportable_is_reported {
        out.push(factor(
            "koreaExportsKrw",
            ("국내 업종 수출액", "Korea's exports of this sector"),
            &sector.korea_exports_krw,
            lang,
        ));
        out.push(factor(
            "koreaOutputKrw",
            ("국내 업종 생산·매출 규모", "Korea's output in this sector"),
            &sector.korea_output_krw,
            lang,
        ));
        out.push(computed(
            "exportIntensity",
            ("수출 비중(수출 ÷ 생산)", "Export intensity (exports ÷ output)"),
            ft.export_intensity,
            "ratio",
            lang,
        ));
    }
    let mut exportable = computed(
        "exportableKrw",
        ("기업의 수출 가능액", "What the firm can export"),
        ft.exportable_krw,
        "KRW",
        lang,
    );
    exportable.note = Some(
        if ft.exportable_is_reported {
            lang.pick("입력한 현재 수출액", "your current exports as given")
        } else {
            lang.pick("매출 × 업종 수출 비중", "revenue × the sector's export intensity")
        }
        .to_owned(),
    );
    out.push(exportable);
    out.push(factor(
        "koreaExportsUsd",
        (
            "한국의 업종 전체 수출(달러)",
            "Korea's total exports of this sector (USD)",
        ),
        &sector.korea_exports_usd,
        lang,
    ));
    out.push(computed(
        "firmShare",
        ("기업의 업종 수출 내 비중", "Firm's share of Korea's sector exports"),
        ft.firm_share,
        "ratio",
        lang,
    ));
    out.push(computed(
        "readinessMultiplier",
        ("수출 준비도 배수", "Readiness multiplier"),
        ft.multiplier_base,
        "×",
        lang,
    ));
    out.push(factor(
        "modelUncertainty",
        ("모형 불확실성", "Model uncertainty"),
        &m.model_uncertainty,
        lang,
    ));
    if let Some(g) = market.growth_for(&sector.id) {
        out.push(factor("demandGrowth", ("수요 증가율", "Demand growth"), g, lang));
    }
    out.push(factor(
        "krwPerUsd",
        ("환율", "Exchange rate"),
        &ds.exchange_rate.krw_per_usd,
        lang,
    ));
    out
}

/// How a proxy demand was obtained, and the market's own figure that was too old to use.
fn demand_note(ds: &Dataset, market: &Market, d: &potential::Demand, lang: Lang) -> String {
    let health = market.health_expenditure_usd.as_ref();
    let year = health.and_then(|h| h.year).map_or_else(String::new, |y| y.to_string());
    let mut out = match lang {
        Lang::Ko => format!("경상의료비({year}년) × 업종 비중, {}년 기준으로 환산", ds.price_year),
        Lang::En => format!(
            "health expenditure ({year}) × the sector's share, brought to {}",
            ds.price_year
        ),
    };
    if let Some(old) = d.too_old_year {
        out.push_str(&match lang {
            Lang::Ko => format!("; 이 시장의 {old}년 수치는 너무 오래되어 참고로만 봅니다"),
            Lang::En => format!("; the market's own {old} figure is too old to bring forward and is context only"),
        });
    }
    out
}

/// What a market's figure rests on, in a word or two (the ranking's column).
pub fn ease_short_label(basis: EaseBasis, lang: Lang) -> &'static str {
    match basis {
        EaseBasis::Actual => lang.pick("업종 수출 실적", "sector's exports"),
        EaseBasis::Pair => lang.pick("전체 교역(ITC)", "total trade (ITC)"),
        EaseBasis::Gravity => lang.pick("거리 규칙(가정)", "distance rule (assumed)"),
    }
}

/// How the ease of trade was obtained, in a few words.
pub fn ease_label(basis: EaseBasis, lang: Lang) -> &'static str {
    match basis {
        EaseBasis::Actual => lang.pick("한국의 실제 수출 실적 기준", "anchored on Korea's actual exports"),
        EaseBasis::Pair => lang.pick(
            "이 시장과의 전체 교역 실적 기준(ITC 방식)",
            "Korea's total trade with this market (ITC's pair-level ease)",
        ),
        EaseBasis::Gravity => lang.pick(
            "실적 없음: 거리 규칙으로 대신 추정",
            "no trade figure: gravity fallback",
        ),
    }
}

/// One sentence on what anchors Korea's potential in this market.
pub fn ease_note(ds: &Dataset, sector: &Sector, market: &Market, t: &Terms, lang: Lang) -> String {
    let mt = &t.market;
    let py = ds.price_year;
    let usd = |v: f64| format_usd(v, lang);
    let name = market.name.get(lang);
    let record = market.own_exports_for(&sector.id);
    // An actual figure of another year is brought to the price year; the sentence says from what.
    let measured = record.and_then(|f| f.year.filter(|y| *y != py).map(|y| (y, f.value)));
    let mut out = match (mt.ease_basis, lang) {
        (EaseBasis::Actual, Lang::Ko) => {
            let from = measured.map_or(String::new(), |(y, v)| {
                format!(": {y}년 실적 {}{}연 {}%로 환산한 가정값", usd(v), josa(&usd(v), "을 ", "를 "), percent(mt.growth))
            });
            format!(
                "한국의 대{name} 이 업종 수출 실적({py}년 기준 {}{from})을 한국의 잠재력으로 씁니다. 교역 용이성 = 실적 ÷ 공급·수요 예측(ITC 방식).",
                usd(mt.korea_actual_usd)
            )
        }
        (EaseBasis::Actual, Lang::En) => {
            let from = measured.map_or(String::new(), |(y, v)| {
                format!(", assumed: the {y} figure of {} brought forward at {} %/yr", usd(v), percent(mt.growth))
            });
            format!(
                "Korea's potential here is its actual exports of this sector to {name} ({} at {py}{from}): ease of trade = actual ÷ what supply and demand predict (ITC).",
                usd(mt.korea_actual_usd)
            )
        }
        (EaseBasis::Pair, Lang::Ko) => format!(
            "{name}에 대한 이 업종의 최근 수출 실적이 없어, 한국의 대{name} 전체 상품 수출을 한국의 세계 점유율과 {name}의 총수입으로 예측한 값과 비교한 교역 용이성(×{}, ITC 방식)을 씁니다.",
            format_number(mt.ease, 3)
        ),
        (EaseBasis::Pair, Lang::En) => format!(
            "No current figure of this sector's exports to {name}: the ease of trade (×{}) is ITC's pair-level one, Korea's total goods exports there over what its world share and {name}'s total imports predict.",
            format_number(mt.ease, 3)
        ),
        (EaseBasis::Gravity, Lang::Ko) => format!(
            "{name}에 대한 한국의 최근 수출 실적과 전체 교역 자료가 없어, 거리와 FTA로 대신 추정했습니다(실적이 있는 시장에 맞춘 규칙). 참고용으로만 보세요."
        ),
        (EaseBasis::Gravity, Lang::En) => format!(
            "No current figure of Korea's exports or total trade with {name} was found: the ease of trade is a gravity fallback (distance and FTA, fitted to the markets with figures). Treat it as indicative."
        ),
    };
    if mt.demand.basis == DemandBasis::Missing {
        let old = mt.demand.too_old_year.map(|y| y.to_string());
        out.push(' ');
        out.push_str(&match (lang, old) {
            (Lang::Ko, Some(y)) => format!("{name}의 이 업종 수요는 {y}년 수치뿐이라 너무 오래되었고 대리 지표도 없어, 잠재력을 추정하지 않습니다."),
            (Lang::Ko, None) => format!("{name}의 이 업종 수요 자료가 없어 잠재력을 추정하지 않습니다."),
            (Lang::En, Some(y)) => format!("{name}'s demand for this sector is known only for {y}, too old to use, and no proxy applies: no potential is estimated."),
            (Lang::En, None) => format!("No demand figure for this sector in {name}: no potential is estimated."),
        });
    }
    if let (Some(year), Some(f)) = (mt.actual_too_old_year, record) {
        out.push(' ');
        out.push_str(&match lang {
            Lang::Ko => format!(
                "{year}년 실적({})은 {py}년보다 너무 오래되어 참고로만 봅니다.",
                usd(f.value)
            ),
            Lang::En => format!(
                "Korea's {year} figure ({}) is too old to bring to {py}: shown as context only.",
                usd(f.value)
            ),
        });
    }
    out
}

/// The projection's year labels: the price year as the figures' year, the rest as projected.
pub fn year_labels(mut years: Vec<YearPotential>, lang: Lang) -> Vec<YearPotential> {
    for y in &mut years {
        let tag = match (y.projected, lang) {
            (false, Lang::Ko) => "년(기준 수치)",
            (true, Lang::Ko) => "년(전망)",
            (false, Lang::En) => " (figures)",
            (true, Lang::En) => " (projected)",
        };
        y.label = [y.year.to_string().as_str(), tag].concat();
    }
    years
}

/// The ranking with each market's name, region and FTA status.
pub fn ranking(ds: &Dataset, ranks: &[MarketRank], input: &Input) -> Vec<RankedMarket> {
    let lang = input.lang;
    let mut out = Vec::with_capacity(ranks.len());
    for r in ranks {
        let Some(m) = ds.markets.get(r.market) else {
            continue;
        };
        out.push(RankedMarket {
            market: m.id.clone(),
            name: m.name.get(lang).to_owned(),
            region: m.region.clone(),
            region_name: ds
                .region(&m.region)
                .map_or(m.region.as_str(), |x| x.name.get(lang))
                .to_owned(),
            fta_status: m.fta.status,
            base_krw: r.base_krw,
            low_krw: r.low_krw,
            high_krw: r.high_krw,
            rank: r.rank,
            selected: m.id == input.market,
            ease_basis: r.ease_basis,
            basis_label: ease_short_label(r.ease_basis, lang).to_owned(),
            first_sale_year: r.first_sale_year,
            first_sale_label: r.first_sale_year.map(|y| match lang {
                Lang::Ko => format!("첫 판매 {y}년"),
                Lang::En => format!("first sale {y}"),
            }),
        });
    }
    out
}
