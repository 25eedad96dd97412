//! The way into the market: the route, its steps, time and fees, and the first sale.

use crate::amount::format_number;
use crate::dataset::Dataset;
use crate::error::Lang;
use crate::model::{Input, SupportResult};
use crate::vocab::Outcome;

/// A fractional year as the month it falls in: 2027.25 -> "2027-04".
fn year_month(y: f64) -> String {
    let year = y.floor();
    let month = ((y - year) * 12.0).floor().clamp(0.0, 11.0) + 1.0;
    format!("{}-{:02}", year as i32, month as u32)
}

/// The card "진출 절차와 기간" / "How to enter and how long": the route for the case's market and
/// sector as `entry::assess` found it, worded; programmes that pay for a step are named there.
pub fn entry(
    ds: &Dataset,
    e: &crate::model::EntryAssessment,
    support: &[SupportResult],
    input: &Input,
) -> crate::model::EntryResult {
    use crate::model::{EntryResult, EntryStepResult};
    use crate::vocab::Representative;
    let lang = input.lang;
    let market_name = ds
        .market(&input.market)
        .map_or(input.market.as_str(), |m| m.name.get(lang));
    let Some(route) = e.route.and_then(|i| ds.entry_routes.get(i)) else {
        return EntryResult {
            found: false,
            verified: false,
            regulator: String::new(),
            route: String::new(),
            representative: Representative::Unclear,
            representative_text: String::new(),
            steps: Vec::new(),
            documents: Vec::new(),
            months_min: None,
            months_max: None,
            time_text: String::new(),
            fees: Vec::new(),
            validity: None,
            registered: e.registered,
            status_text: match lang {
                Lang::Ko => format!("이 데이터에는 {market_name} 진출 절차가 없습니다. KOTRA 현지 무역관이나 한국보건산업진흥원 해외진출 창구에 문의하세요."),
                Lang::En => format!("This dataset has no entry route for {market_name}: ask KOTRA's office there or KHIDI's overseas-expansion desk."),
            },
            first_sale_from: None,
            first_sale_to: None,
            first_sale_year: None,
            ask_at: String::new(),
            source: String::new(),
            checked_text: String::new(),
        };
    };
    // A programme that pays for a step is named there unless it is ruled out for this firm.
    let payer = |id: &String| {
        support
            .iter()
            .find(|s| &s.id == id && s.outcome != Outcome::Ineligible)
            .map(|s| s.name.clone())
    };
    let steps = route
        .steps
        .iter()
        .map(|s| EntryStepResult {
            text: s.text.get(lang).to_owned(),
            kind: s.kind,
            paid_by: s.paid_by.iter().filter_map(payer).collect(),
        })
        .collect();
    let time_text = match (&route.review_months, lang) {
        (Some(m), Lang::Ko) => format!(
            "심사 {}~{}개월(준비 기간 제외{})",
            format_number(m.min, 3),
            format_number(m.max, 3),
            if m.assumption {
                ", 컨설팅 업체 자료: 가정"
            } else {
                ""
            }
        ),
        (Some(m), Lang::En) => format!(
            "review {}–{} months (preparation not counted{})",
            format_number(m.min, 3),
            format_number(m.max, 3),
            if m.assumption {
                "; a consultancy's figure: assumed"
            } else {
                ""
            }
        ),
        (None, _) => lang.pick("심사 기간: 자료 없음", "review time: not found").to_owned(),
    };
    let fees = route
        .fees
        .iter()
        .map(|f| {
            let mut about: Vec<String> = Vec::new();
            if let Some(y) = f.figure.year {
                about.push(y.to_string());
            }
            if f.figure.assumption {
                about.push(lang.pick("가정", "assumed").to_owned());
            }
            about.push(f.figure.source.clone());
            format!(
                "{}: {} {} ({})",
                f.label.get(lang),
                f.figure.unit,
                format_number(f.figure.value, 9),
                about.join("; ")
            )
        })
        .collect();
    let from = e.first_sale_earliest.map(year_month);
    let to = e.first_sale_latest.map(year_month);
    let first_sale_year = crate::entry::first_sale_year(e, ds.price_year);
    let status_text = match (e.registered, &from, &to, lang) {
        (Some(true), _, _, Lang::Ko) => format!("{market_name}에 이미 등록(허가)되어 있다고 답했습니다: 첫해({}년)부터 판매로 계산합니다.", ds.price_year),
        (Some(true), _, _, Lang::En) => format!("You said you are registered in {market_name}: sales count from the first year ({}).", ds.price_year),
        (answer, Some(a), Some(b), Lang::Ko) => format!(
            "{}: 오늘 시작하면 첫 판매는 {a} ~ {b}. 연도별 잠재력은 그 전에는 0, 그해는 판매할 수 있는 달만큼입니다{}.",
            if answer.is_none() { "등록 여부를 답하지 않았습니다" } else { "아직 등록(허가) 전입니다" },
            if answer.is_none() { "(상한은 이미 등록된 경우)" } else { "" }
        ),
        (answer, Some(a), Some(b), Lang::En) => format!(
            "{}: starting today, the first sale comes between {a} and {b}. The yearly potential is 0 before that and counts only the months left in that year{}.",
            if answer.is_none() { "You have not said whether you are registered" } else { "Not registered yet" },
            if answer.is_none() { " (the high end assumes you are)" } else { "" }
        ),
        (_, _, _, Lang::Ko) => "심사 기간을 몰라 판매 시작 시점은 계산하지 않습니다.".to_owned(),
        (_, _, _, Lang::En) => "The review time is not known, so the first sale is not timed.".to_owned(),
    };
    let representative_text = match (route.local_representative, lang) {
        (Representative::Required, Lang::Ko) => "현지 대리인(허가 받은 수입·유통사) 필요",
        (Representative::Required, Lang::En) => "A licensed local representative (agent or importer) is required",
        (Representative::NotRequired, Lang::Ko) => "현지 대리인 필수 아님",
        (Representative::NotRequired, Lang::En) => "No local representative is required",
        (Representative::Unclear, Lang::Ko) => "현지 대리인 필요 여부: 자료가 엇갈리거나 없음",
        (Representative::Unclear, Lang::En) => {
            "Whether a local representative is required: sources conflict or are silent"
        }
    }
    .to_owned();
    EntryResult {
        found: true,
        verified: route.verified,
        regulator: route.regulator.get(lang).to_owned(),
        route: route.route.get(lang).to_owned(),
        representative: route.local_representative,
        representative_text,
        steps,
        documents: route.documents.iter().map(|d| d.get(lang).to_owned()).collect(),
        months_min: e.months_min,
        months_max: e.months_max,
        time_text,
        fees,
        validity: route.validity.as_ref().map(|v| v.get(lang).to_owned()),
        registered: e.registered,
        status_text,
        first_sale_from: from,
        first_sale_to: to,
        first_sale_year,
        ask_at: route.ask_at.get(lang).to_owned(),
        source: route.source.clone(),
        checked_text: [lang.pick("확인일: ", "Checked: "), route.checked.as_str()].concat(),
    }
}

/// What registering changes in time: sales from the projection's first year instead of after the
/// review (the what-if of the certification question); none when the first sale is not timed.
pub fn registration_sooner(e: &crate::model::EntryAssessment, price_year: i32, lang: Lang) -> Option<String> {
    let (from, to) = (
        e.first_sale_earliest.map(year_month)?,
        e.first_sale_latest.map(year_month)?,
    );
    Some(match lang {
        Lang::Ko => format!("등록되어 있다면 첫 판매가 {price_year}년부터로 당겨집니다(지금은 {from} ~ {to})."),
        Lang::En => format!("Registered, you would sell from {price_year} instead of from {from} to {to}."),
    })
}
