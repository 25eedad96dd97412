//! The answer at a glance and what would change it: summary lines, what-if sentences, the
//! result's texts and the disclaimer.

use crate::amount::{format_krw, to_won};
use crate::error::Lang;
use crate::ko::josa;
use crate::model::{EaseBasis, RankedMarket, SmeAssessment, SmeBasis};
use crate::vocab::{Outcome, Question, SmeSize};

use super::names::{outcome_label, question_label, size_label};
use super::{join_names, percent, shown_krw};

/// A what-if entry of a readiness question: its label and "If yes: base ... (+...)".
pub fn what_if_answer(q: Question, base_krw: f64, gain_krw: f64, lang: Lang) -> (String, String) {
    let base = shown_krw(base_krw, lang);
    let text = if gain_krw >= 1.0 {
        let gain = shown_krw(gain_krw, lang);
        [
            lang.pick("‘예’라면 기준 추정 ", "If yes: base estimate "),
            &base,
            " (+",
            &gain,
            ")",
        ]
        .concat()
    } else {
        [
            lang.pick("‘예’라도 기준 추정은 ", "If yes: the base estimate stays at "),
            &base,
            lang.pick("로 그대로입니다(범위만 좁아짐)", " (only the range narrows)"),
        ]
        .concat()
    };
    (question_label(q, lang), text)
}

/// The amount at which the SME status changes: "3년 평균 매출액이 80억 원을 넘으면 중기업".
pub fn what_if_sme(
    measure: crate::model::SmeMeasure,
    direction: crate::model::Direction,
    krw: f64,
    becomes: SmeSize,
    lang: Lang,
) -> String {
    use crate::model::{Direction, SmeMeasure};
    let amount = format_krw(to_won(krw), lang);
    let what = match measure {
        SmeMeasure::Revenue => lang.pick("3년 평균 매출액이 ", "3-year average revenue "),
        SmeMeasure::TotalAssets => lang.pick("자산총액이 ", "Total assets "),
    };
    let (ko_dir, en_dir) = match direction {
        Direction::Above => ("을 넘으면", "above "),
        Direction::AtMost => (" 이하이면", "of at most "),
        Direction::AtLeast => (" 이상이면", "of "),
        Direction::Below => (" 미만이면", "below "),
    };
    match lang {
        Lang::Ko => {
            let dir = if direction == Direction::Above {
                josa(&amount, "을 넘으면", "를 넘으면").to_owned()
            } else {
                ko_dir.to_owned()
            };
            [what, &amount, &dir, ": ", size_label(becomes, lang)].concat()
        }
        Lang::En => {
            let tail = if direction == Direction::AtLeast {
                " or more"
            } else {
                ""
            };
            [what, en_dir, &amount, tail, ": ", size_label(becomes, lang)].concat()
        }
    }
}

/// What `summary_lines` needs besides the summary's own figures.
pub struct SummaryContext<'a> {
    pub sme_label: &'a str,
    pub basis: SmeBasis,
    pub market_name: &'a str,
    /// The first year of the projection (the base potential's year).
    pub year: Option<i32>,
    /// The chosen market's rank and how many markets were ranked.
    pub rank: Option<u32>,
    pub markets: usize,
    pub unanswered: u32,
    pub next_gain: Option<&'a crate::model::WhatIfAnswer>,
    pub entry: &'a crate::model::EntryResult,
}

/// The summary's lines, one per topic, each linking to its card.
pub fn summary_lines(s: &crate::model::Summary, c: &SummaryContext, lang: Lang) -> Vec<crate::model::SummaryLine> {
    use crate::model::{SummaryLine, SummaryTopic};
    let mut out = Vec::new();
    let mut push = |topic: SummaryTopic, label: (&str, &str), text: String| {
        out.push(SummaryLine {
            topic,
            label: lang.pick(label.0, label.1).to_owned(),
            text,
        })
    };
    // SME status and its distance to the threshold that matters.
    let mut sme = c.sme_label.to_owned();
    match (s.sme_threshold_krw, s.sme_distance_krw) {
        (Some(t), Some(d)) => {
            let limit = format_krw(to_won(t), lang);
            let gap = format_krw(to_won(d.abs()), lang);
            let ceiling = match s.sme_size {
                SmeSize::Small => lang.pick("소기업 기준", "small-enterprise ceiling"),
                _ => lang.pick("중소기업 기준", "SME ceiling"),
            };
            let part = match (lang, d > 0.0) {
                (Lang::Ko, false) => format!(" · {ceiling} {limit}보다 {gap} 적음"),
                (Lang::Ko, true) => format!(" · {ceiling} {limit}보다 {gap} 많음"),
                (Lang::En, false) => format!(": {gap} below the {limit} {ceiling}"),
                (Lang::En, true) => format!(": {gap} above the {limit} {ceiling}"),
            };
            sme.push_str(&part);
        }
        _ => sme.push_str(match c.basis {
            SmeBasis::MedicalCorporation => lang.pick(" · 비영리 의료법인", " (a non-profit medical corporation)"),
            SmeBasis::AssetCap => lang.pick(" · 자산총액 기준", " (by total assets)"),
            SmeBasis::Revenue => "",
        }),
    }
    push(SummaryTopic::Sme, ("중소기업 여부", "SME status"), sme);
    // This year's base potential and its range in the chosen market.
    let year = c.year.map(|y| y.to_string()).unwrap_or_default();
    let range = [
        shown_krw(s.low_krw, lang),
        " ~ ".to_owned(),
        shown_krw(s.high_krw, lang),
    ]
    .concat();
    let (market, base) = (c.market_name, shown_krw(s.base_krw, lang));
    let pot = match lang {
        Lang::Ko => format!("{market} {year}년 기준 {base} (범위 {range})"),
        Lang::En => format!("{market}, {year}: {base} (range {range})"),
    };
    push(
        SummaryTopic::Potential,
        ("연간 수출 잠재력", "Yearly export potential"),
        pot,
    );
    // The best market for the firm, if it is another one.
    let rank = c.rank.map(|r| r.to_string()).unwrap_or_default();
    let n = c.markets.to_string();
    // Whether the best market's figure rests on the distance rule, said after its amount.
    let gravity = s.best_market_basis == Some(EaseBasis::Gravity);
    let best = match (&s.best_market_name, s.best_market_base_krw, lang) {
        (Some(name), Some(b), Lang::Ko) => {
            let (amount, basis) = (shown_krw(b, lang), if gravity { ", 거리 규칙 추정" } else { "" });
            format!("{name} {amount}{basis} (선택한 시장은 {n}곳 중 {rank}위)")
        }
        (Some(name), Some(b), Lang::En) => {
            let (amount, basis) = (shown_krw(b, lang), if gravity { " on the distance rule" } else { "" });
            format!("{name}, {amount}{basis} (your market: no. {rank} of {n})")
        }
        (_, _, Lang::Ko) => [
            "선택한 ",
            c.market_name,
            josa(c.market_name, "이 ", "가 "),
            &n,
            "곳 중 가장 큽니다",
        ]
        .concat(),
        (_, _, Lang::En) => [c.market_name, " is the largest of ", &n, " markets"].concat(),
    };
    // The way in: the review time and the first sale, or that the firm is registered.
    let e = c.entry;
    let way_in = match (e.found, e.registered, &e.first_sale_from, &e.first_sale_to, lang) {
        (false, _, _, _, Lang::Ko) => "이 시장 절차 자료 없음: 문의처는 진출 카드에".to_owned(),
        (false, _, _, _, Lang::En) => "no route for this market in the data: whom to ask is on the card".to_owned(),
        (true, Some(true), _, _, Lang::Ko) => "등록 보유: 첫해부터 판매".to_owned(),
        (true, Some(true), _, _, Lang::En) => "registered: sales from the first year".to_owned(),
        (true, _, Some(from), Some(to), Lang::Ko) => format!("첫 판매 {from} ~ {to}(등록 심사 후)"),
        (true, _, Some(from), Some(to), Lang::En) => format!("first sale {from} to {to}"),
        (true, _, _, _, _) => e.time_text.clone(),
    };
    push(
        SummaryTopic::Entry,
        ("진출 절차와 첫 판매", "Way in and first sale"),
        way_in,
    );
    push(SummaryTopic::BestMarket, ("가장 유망한 시장", "Best market"), best);
    // First what the firm can act on now (a call open today, or all year), by name, then the rest.
    let names = join_names(s.act_now_names.iter().map(String::as_str));
    let n = s.act_now_names.len();
    let sup = match (lang, n) {
        (Lang::Ko, 0) => format!(
            "지금 가능 0건 · 모집 대기 {}건 · {} {}건",
            s.awaiting_call_count,
            outcome_label(Outcome::Maybe, lang),
            s.possibly_count
        ),
        (Lang::Ko, _) => format!(
            "지금 가능 {n}건: {names} · 모집 대기 {}건 · {} {}건",
            s.awaiting_call_count,
            outcome_label(Outcome::Maybe, lang),
            s.possibly_count
        ),
        (Lang::En, 0) => format!(
            "Open now: none · {} await a call · {} to confirm",
            s.awaiting_call_count, s.possibly_count
        ),
        (Lang::En, _) => format!(
            "Open now: {names} · {} await a call · {} to confirm",
            s.awaiting_call_count, s.possibly_count
        ),
    };
    push(SummaryTopic::Support, ("지원 제도", "Support"), sup);
    // The one answer that would most raise the estimate, or narrow it.
    let next = match (c.next_gain, lang) {
        (Some(w), Lang::Ko) => {
            let (label, base, gain) = (&w.label, shown_krw(w.base_krw, lang), shown_krw(w.gain_krw, lang));
            format!("‘{label}’에 ‘예’라면 기준 추정 {base} (+{gain})")
        }
        (Some(w), Lang::En) => {
            let (label, base, gain) = (&w.label, shown_krw(w.base_krw, lang), shown_krw(w.gain_krw, lang));
            format!("Yes to “{label}”: base {base} (+{gain})")
        }
        (None, _) if c.unanswered > 0 => lang
            .pick(
                "답하지 않은 준비도 질문에 답하면 범위가 좁아집니다",
                "Answering the open readiness questions narrows the range",
            )
            .to_owned(),
        (None, _) => String::new(),
    };
    if !next.is_empty() {
        push(
            SummaryTopic::NextAnswer,
            ("결과를 가장 크게 바꿀 답", "The answer that would change it most"),
            next,
        );
    }
    out
}

/// The line saying that a result is an estimate.
pub fn estimate_disclaimer(lang: Lang) -> &'static str {
    lang.pick(
        "이 결과는 공개 자료와 가정에 따른 추정이며, 수출 실적 예측이나 지원 자격 결정이 아닙니다. 자격은 담당 기관에 확인하세요.",
        "This is an estimate from public figures and stated assumptions, not a forecast of sales or a decision on eligibility; confirm eligibility with each agency.",
    )
}

/// Sentences about the whole result: the readiness note, the charts' text alternatives, the
/// announcement for screen readers and the disclaimer (the page shows them as they are).
pub fn result_texts(
    a: &SmeAssessment,
    p: &crate::model::Potential,
    ranking: &[RankedMarket],
    s: &crate::model::Summary,
    lang: Lang,
) -> crate::model::ResultTexts {
    let score = [percent(p.readiness_score).trim_end_matches(".0"), "%"].concat();
    let mut readiness_note = [lang.pick("수출 준비도 ", "Readiness "), score.as_str()].concat();
    if p.unanswered_questions > 0 {
        let n = p.unanswered_questions.to_string();
        readiness_note.push_str(" · ");
        readiness_note.push_str(&match lang {
            Lang::Ko => ["답하지 않은 질문 ", &n, "개: 답하면 범위가 좁아집니다."].concat(),
            Lang::En => ["unanswered questions: ", &n, " (answering them narrows the range)."].concat(),
        });
    }
    let first = p.years.first();
    let last = p.years.last();
    let y = |v: Option<&crate::model::YearPotential>| v.map(|x| x.year.to_string()).unwrap_or_default();
    let k = |v: Option<&crate::model::YearPotential>, f: fn(&crate::model::YearPotential) -> f64| {
        shown_krw(v.map_or(p.base_krw, f), lang)
    };
    let (y0, y1) = (y(first), y(last));
    let (b0, b1) = (k(first, |x| x.base_krw), k(last, |x| x.base_krw));
    let (lo, hi) = (k(last, |x| x.low_krw), k(last, |x| x.high_krw));
    let m = p.market_name.as_str();
    let years_alt = match lang {
        Lang::Ko => {
            format!("{m} 연도별 수출 잠재력 선 그래프. {y0}년 {b0}에서 {y1}년 {b1}까지, {y1}년 범위 {lo}~{hi}.")
        }
        Lang::En => format!(
            "Line chart of yearly export potential to {m}: {b0} in {y0} to {b1} in {y1}, range in {y1} {lo} to {hi}."
        ),
    };
    let n = ranking.len().to_string();
    let top = ranking.first().map_or("", |x| x.name.as_str());
    let rank = ranking
        .iter()
        .find(|x| x.selected)
        .map(|x| x.rank.to_string())
        .unwrap_or_default();
    let ranking_alt = match lang {
        Lang::Ko => format!(
            "시장별 수출 잠재력 막대그래프. {n}개 시장 중 1위 {top}, 선택한 {m}{eun} {rank}위.",
            eun = euro_subject(m)
        ),
        Lang::En => format!(
            "Bar chart of export potential by market. Of {n} markets, first is {top}; your choice {m} ranks {rank}."
        ),
    };
    let announcement = announcement(size_label(a.size, lang), m, &shown_krw(p.base_krw, lang), s, lang);
    crate::model::ResultTexts {
        readiness_note,
        years_alt,
        ranking_alt,
        announcement,
        disclaimer: estimate_disclaimer(lang).to_owned(),
        dataset_label: lang.pick("데이터", "Dataset").to_owned(),
    }
}

/// What a screen reader is told when a result arrives: the SME status, the potential and the support.
pub fn announcement(label: &str, m: &str, base: &str, s: &crate::model::Summary, lang: Lang) -> String {
    let (e, q) = (s.likely_count.to_string(), s.possibly_count.to_string());
    match lang {
        Lang::Ko => format!("{label}. {m} 연간 수출 잠재력 {base}. 지원 대상 {e}건, 확인 필요 {q}건."),
        Lang::En => {
            format!("{label}. Yearly export potential to {m}: {base}. {e} measures likely eligible, {q} to confirm.")
        }
    }
}

/// The topic particle after a name: "은" or "는".
fn euro_subject(word: &str) -> &'static str {
    josa(word, "은", "는")
}
