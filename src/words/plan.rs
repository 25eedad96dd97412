//! The national plan as history: its aims, its figures, its measures, and the firm against its target.

use crate::amount::{format_number, format_usd, to_won};
use crate::dataset::Dataset;
use crate::error::Lang;
use crate::ko::euro;
use crate::model::{PlanContext, PlanMeasureLine};
use crate::potential::PlanFigures;

use super::names::program_status_label;
use super::percent;

/// The plan card, as history: what the plan aimed for, what its figures covered, what is known of
/// what was reached, and the firm against the target only where the categories match.
pub fn plan_context(ds: &Dataset, figures: PlanFigures, lang: Lang) -> PlanContext {
    let p = &ds.plan;
    let base = p.base_exports_krw.value;
    let target = p.target_exports_krw.value;
    let PlanFigures {
        implied_growth: growth,
        path,
        firm_share_of_target: share,
        target_usd_at_implied_rate,
    } = figures;
    let fmt = |v: f64| crate::amount::format_krw(to_won(v), lang);
    let pct = percent(growth);
    let (by, ty) = (p.base_year.to_string(), p.target_year.to_string());
    let (base_shown, target_shown) = (fmt(base), fmt(target));
    // The particle after the target amount ("으로" or "로"), which the Korean sentence needs.
    let to = euro(&target_shown);
    let summary = match lang {
        Lang::Ko => format!(
            "{name}은 {by}년 {base}이던 수출을 {ty}년 {target}{to} 늘리려 했습니다(연 {pct}% 성장).",
            name = p.name.ko,
            base = base_shown,
            target = target_shown
        ),
        Lang::En => format!(
            "{name} (announced {announced}) aimed to raise exports from {base} in {by} to {target} in {ty} \
             ({pct} % a year).",
            name = p.name.en,
            announced = p.announced,
            base = base_shown,
            target = target_shown
        ),
    };
    let scope_text = p.scope.as_ref().map_or("", |t| t.get(lang));
    let scope = if scope_text.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Ko => ["계획의 수치가 포괄하는 범위: ", scope_text, "."].concat(),
            Lang::En => ["The plan's figures covered ", scope_text, "."].concat(),
        }
    };
    let mut reached: Vec<String> = p
        .reached
        .iter()
        .map(|r| {
            let year = r.figure.year.map(|y| y.to_string()).unwrap_or_default();
            let value = match r.figure.unit.as_str() {
                "KRW" => fmt(r.figure.value),
                "projects" => [format_number(r.figure.value, 6).as_str(), lang.pick("건", " projects")].concat(),
                _ => format_number(r.figure.value, 6),
            };
            let source = &r.figure.source;
            match lang {
                Lang::Ko => format!("{label}({year}년): {value} ({source})", label = r.label.ko),
                Lang::En => format!("{label} ({year}): {value} ({source})", label = r.label.en),
            }
        })
        .collect();
    if !p.reached.is_empty() {
        reached.push(
            lang.pick(
                "계획 기준으로 목표 달성 여부를 집계한 공식 자료는 찾지 못했습니다. 위 수치는 범위의 일부일 뿐이어서 달성률은 계산하지 않습니다.",
                "No official tally on the plan's own basis was found; the figures above cover only part of its scope, so no share of the target reached is computed.",
            )
            .to_owned(),
        );
    }
    let implied_rate_note = p.implied_krw_per_usd.as_ref().map(|r| {
        let usd = target_usd_at_implied_rate.unwrap_or_default();
        match lang {
            Lang::Ko => [
                "계획의 목표를 달러로 적은 ",
                &format_usd(usd, lang),
                "는 1달러 = ",
                &format_number(r.value, 4),
                "원으로, 기사 수치(2.5조 원 = 24억 달러)에서 역산한 값이며 시장 환율이 아닙니다.",
            ]
            .concat(),
            Lang::En => [
                "The plan's dollar figure, ",
                &format_usd(usd, lang),
                ", implies KRW ",
                &format_number(r.value, 4),
                " per US$, derived from the article (2.5조 = US$ 2.4 bn), not a market rate.",
            ]
            .concat(),
        }
    });
    let comparison = match share {
        Some(x) => plan_comparison(x, &ty, &fmt(target), lang),
        None => match lang {
            Lang::Ko => [
                "계획의 목표액은 ",
                scope_text,
                " 기준이며 의료기기·의약품 같은 상품 수출은 포함하지 않으므로, 이 업종 기업의 잠재력은 목표액과 비교하지 않습니다.",
            ]
            .concat(),
            Lang::En => [
                "The plan's target covered ",
                scope_text,
                ", not device or drug goods, so no comparison with your potential is made.",
            ]
            .concat(),
        },
    };
    PlanContext {
        name: p.name.get(lang).to_owned(),
        source: p.source.clone(),
        base_year: p.base_year,
        target_year: p.target_year,
        base_krw: base,
        target_krw: target,
        implied_growth: growth,
        path,
        firm_share_of_target: share,
        summary,
        scope,
        reached,
        implied_rate_note,
        comparison,
        measures: plan_measures(ds, lang),
    }
}

/// The firm against the plan's target in words a firm understands: "about 1/20,000 of the
/// 2017 target", or a percentage from 1 % up.
fn plan_comparison(share: f64, target_year: &str, target: &str, lang: Lang) -> String {
    if share <= 0.0 {
        return lang
            .pick(
                "이 기업의 잠재력이 0으로 나와 계획의 목표액과 비교할 수 없습니다.",
                "Your potential comes out as zero, so it cannot be set against the plan's target.",
            )
            .to_owned();
    }
    let part = if share >= 0.01 {
        [percent(share).as_str(), " %"].concat()
    } else {
        // 1/N with N rounded to two significant figures (20,000 rather than 19,734).
        let mut n = to_won(1.0 / share);
        let mut scale: u64 = 1;
        while n >= 100 {
            n = (n + 5) / 10;
            scale = scale.saturating_mul(10);
        }
        ["1/", &format_number(n.saturating_mul(scale) as f64, 6)].concat()
    };
    match lang {
        Lang::Ko => {
            format!("이 기업의 연간 수출 잠재력은 계획의 {target_year}년 목표({target})의 약 {part}에 해당합니다.")
        }
        Lang::En => {
            format!("Your yearly export potential is about {part} of the plan's {target_year} target ({target}).")
        }
    }
}

/// Where the plan's own measures stand today, as history.
fn plan_measures(ds: &Dataset, lang: Lang) -> Vec<PlanMeasureLine> {
    ds.plan
        .measures
        .iter()
        .map(|m| PlanMeasureLine {
            name: m.name.get(lang).to_owned(),
            status: m.status,
            status_label: program_status_label(m.status, lang).to_owned(),
            note: m.summary.get(lang).to_owned(),
            checked_and_source: match lang {
                Lang::Ko => format!("상태 확인일: {} · 출처: {}", m.status_checked, m.source),
                Lang::En => format!("Status last checked: {} · Source: {}", m.status_checked, m.source),
            },
        })
        .collect()
}
