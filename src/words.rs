//! The wording layer: the one place results become Korean and English sentences.
//!
//! The calculations (`sme`, `potential`, `rules`) return typed outcomes (enums, ids, numbers);
//! the functions here turn them into the strings the widget, the JS API and the command line
//! show, so a page renders what Rust words and translates nothing itself. Each name (a size class,
//! an outcome, a programme or FTA status, a readiness question, a dataset fix) is worded once.
//!
//! Depends on: `vocab`, `error` (Lang), `ko`, `amount`, `dataset`, `model`, `potential` (the
//! terms it words as factors). Nothing the calculations use depends on it.

use crate::amount::{format_krw, format_krw_short, format_number, format_usd, to_won};
use crate::dataset::Criterion;
use crate::dataset::{Dataset, Figure, Market, Program, Sector};
use crate::error::Lang;
use crate::ko::{euro, josa};
use crate::model::{
    Check, CriterionResult, EaseBasis, Factor, Input, PlanContext, PlanMeasureLine, ProgramAssessment, RankedMarket,
    SmeAssessment, SmeBasis, SmeStatus, SmeThreshold, SupportResult, YearPotential,
};
use crate::potential::{self, MarketRank, PlanFigures, Terms};
use crate::vocab::{DemandBasis, Fix, FtaStatus, Outcome, ProblemKind, ProgramStatus, Question, SmeSize, WindowStatus};

// ---- names, each defined once -------------------------------------------------------------------

/// The name of a size class (inside sentences and lists).
pub fn size_name(size: SmeSize, lang: Lang) -> &'static str {
    match size {
        SmeSize::Small => lang.pick("소기업", "small enterprise"),
        SmeSize::Medium => lang.pick("중기업", "medium enterprise"),
        SmeSize::None => lang.pick("중소기업 아님", "not an SME"),
    }
}

/// The label shown as the headline of the SME card.
pub fn size_label(size: SmeSize, lang: Lang) -> &'static str {
    match size {
        SmeSize::Small => lang.pick("소기업(중소기업)", "Small enterprise (SME)"),
        SmeSize::Medium => lang.pick("중기업(중소기업)", "Medium enterprise (SME)"),
        SmeSize::None => size_name(SmeSize::None, lang),
    }
}

/// The heading of each programme outcome.
pub fn outcome_label(outcome: Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Eligible => lang.pick("지원 대상일 수 있음", "Likely eligible"),
        Outcome::Maybe => lang.pick("확인 필요", "Possibly eligible: confirm"),
        Outcome::Ineligible => lang.pick("해당 없음", "Not eligible"),
    }
}

/// The short label of one criterion's outcome ("충족", "Met").
pub fn criterion_outcome_label(outcome: Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Eligible => lang.pick("충족", "Met"),
        Outcome::Maybe => lang.pick("확인 필요", "To confirm"),
        Outcome::Ineligible => lang.pick("미충족", "Not met"),
    }
}

/// A programme's status in a word or two.
pub fn program_status_label(status: ProgramStatus, lang: Lang) -> &'static str {
    match status {
        ProgramStatus::Active => lang.pick("운영 중", "Running"),
        ProgramStatus::Enacted => lang.pick("법 시행", "In force"),
        ProgramStatus::Planned => lang.pick("예정", "Planned"),
        ProgramStatus::Pending => lang.pick("미시행", "Not in force"),
        ProgramStatus::Ended => lang.pick("종료", "Ended"),
        ProgramStatus::Unknown => lang.pick("확인 안 됨", "Unconfirmed"),
    }
}

/// Where Korea's trade agreement with a market stands, in a few words.
pub fn fta_status_label(status: FtaStatus, lang: Lang) -> &'static str {
    match status {
        FtaStatus::None => lang.pick("FTA 없음", "No FTA"),
        FtaStatus::Negotiating => lang.pick("협상 중", "Under negotiation"),
        FtaStatus::Concluded => lang.pick("협상 타결(서명 전)", "Negotiations concluded, not signed"),
        FtaStatus::Signed => lang.pick("서명(발효 전)", "Signed, not in force"),
        FtaStatus::InForce => lang.pick("발효", "In force"),
    }
}

/// The wording of each readiness question (the widget asks the same words).
pub fn question_text(q: Question) -> (&'static str, &'static str) {
    match q {
        Question::Certification => (
            "목표 시장에서 유효한 인증·허가 보유",
            "a certification or registration valid in the target market",
        ),
        Question::LocalPartner => ("현지 파트너·유통사 보유", "a local partner or distributor"),
        Question::ExportExperience => ("수출 경험 보유", "prior export experience"),
        Question::LocalLanguage => (
            "현지 언어로 된 제품·서비스 자료 보유",
            "product or service material in the local language",
        ),
    }
}

fn join_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, n) in names.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(n);
    }
    out
}

// ---- SME status ---------------------------------------------------------------------------------

/// The SME card: the decision of `sme::assess` in the input's language.
pub fn sme_status(a: &SmeAssessment, input: &Input, ds: &Dataset) -> SmeStatus {
    let lang = input.lang;
    let rules = &ds.sme;
    let table = rules.tables.get(a.table);
    let sector_name = ds
        .sector(&input.sector)
        .map(|s| s.name.get(lang))
        .unwrap_or(input.sector.as_str());
    let cap = format_krw(to_won(a.asset_cap_krw), lang);
    let mut reasons = Vec::new();
    match a.basis {
        SmeBasis::MedicalCorporation => reasons.push(
            lang.pick(
                "비영리 의료법인은 「중소기업기본법」상 기업이 아니므로 중소기업 판정 대상이 아닙니다.",
                "A non-profit medical corporation (의료법인) is not an enterprise under the Framework Act on SMEs, so it cannot be an SME.",
            )
            .to_owned(),
        ),
        SmeBasis::AssetCap => reasons.push(
            [
                lang.pick("자산총액이 ", "Total assets are at or above "),
                &cap,
                lang.pick(" 이상이므로 중소기업이 아닙니다.", ", so the firm is not an SME."),
            ]
            .concat(),
        ),
        SmeBasis::Revenue => {
            reasons.push(revenue_reason(a, sector_name, lang));
            if !a.assets_given {
                reasons.push(
                    [
                        lang.pick("자산총액 ", "Total assets must also be below "),
                        &cap,
                        lang.pick(" 미만이어야 합니다(입력하지 않음).", " (not given)."),
                    ]
                    .concat(),
                );
            }
        }
    }
    if a.threshold_assumed {
        reasons.push(
            lang.pick(
                "이 업종의 기준 금액 일부는 확인되지 않은 가정값입니다.",
                "Some thresholds for this sector are unverified assumptions.",
            )
            .to_owned(),
        );
    }
    let revenue_based = a.basis == SmeBasis::Revenue;
    let thresholds = if revenue_based {
        vec![
            sme_threshold(SmeSize::Small, a.small_max_krw, a.revenue_krw, lang),
            sme_threshold(SmeSize::Medium, a.medium_max_krw, a.revenue_krw, lang),
        ]
    } else {
        Vec::new()
    };
    let effective = table.map_or("", |t| t.effective.as_str());
    SmeStatus {
        size: a.size,
        basis: a.basis,
        label: size_label(a.size, lang).to_owned(),
        reasons,
        table_id: table.map(|t| t.id.clone()).unwrap_or_default(),
        table: table.map(|t| t.name.get(lang).to_owned()).unwrap_or_default(),
        table_effective: effective.to_owned(),
        table_source: table.map(|t| t.source.clone()).unwrap_or_default(),
        small_max_krw: a.small_max_krw,
        medium_max_krw: a.medium_max_krw,
        limits: sme_limits(a, lang),
        thresholds,
        threshold_assumed: a.threshold_assumed,
        not_checked: if revenue_based {
            not_checked(a.size, ds, lang)
        } else {
            Vec::new()
        },
        confirm_at: rules.confirm_at.clone(),
    }
}

/// A ceiling's name: "소기업 상한" / "small-enterprise ceiling".
fn ceiling_name(size: SmeSize, lang: Lang) -> &'static str {
    match size {
        SmeSize::Small => lang.pick("소기업 상한", "small-enterprise ceiling"),
        _ => lang.pick("중소기업(중기업) 상한", "SME (medium-enterprise) ceiling"),
    }
}

/// One ceiling as the limits row shows it ("80억 원 이하" / "80억 원").
fn limit_amount(max: f64, lang: Lang) -> String {
    [format_krw(to_won(max), lang), lang.pick(" 이하", "").to_owned()].concat()
}

/// The sector's limits in one line (the card's "limits" row).
fn sme_limits(a: &SmeAssessment, lang: Lang) -> String {
    let small = limit_amount(a.small_max_krw, lang);
    let medium = limit_amount(a.medium_max_krw, lang);
    match lang {
        Lang::Ko => ["소기업 ", &small, " · 중기업 ", &medium].concat(),
        Lang::En => ["small: up to ", &small, " · medium: up to ", &medium].concat(),
    }
}

/// A threshold and the distance to it: "45억 원 below the 80억 원 small-enterprise ceiling".
fn sme_threshold(size: SmeSize, max: f64, revenue: u64, lang: Lang) -> SmeThreshold {
    let distance = revenue as f64 - max;
    let gap = format_krw(to_won(distance.abs()), lang);
    let limit = format_krw(to_won(max), lang);
    let name = ceiling_name(size, lang);
    let text = match (distance.partial_cmp(&0.0), lang) {
        (Some(core::cmp::Ordering::Equal), Lang::Ko) => [
            "매출액이 ",
            name,
            " ",
            &limit,
            josa(&limit, "과", "와"),
            " 같습니다(이하이므로 해당).",
        ]
        .concat(),
        (Some(core::cmp::Ordering::Equal), Lang::En) => {
            ["Exactly at the ", &limit, " ", name, " (at most, so within it)."].concat()
        }
        (Some(core::cmp::Ordering::Less), Lang::Ko) => [name, " ", &limit, "보다 ", &gap, " 적습니다."].concat(),
        (Some(core::cmp::Ordering::Less), Lang::En) => [gap.as_str(), " below the ", &limit, " ", name, "."].concat(),
        (_, Lang::Ko) => [name, " ", &limit, "보다 ", &gap, " 많습니다."].concat(),
        (_, Lang::En) => [gap.as_str(), " above the ", &limit, " ", name, "."].concat(),
    };
    SmeThreshold {
        size,
        max_krw: max,
        distance_krw: distance.round(),
        text,
    }
}

/// The conditions of SME status the widget cannot check.
fn not_checked(size: SmeSize, ds: &Dataset, lang: Lang) -> Vec<String> {
    let years = format_number(ds.sme.grace_period_years.value, 2);
    let mut out = vec![
        lang.pick(
            "관계기업: 지배·종속 관계인 관계기업이 있으면 그 매출액을 출자 비율만큼 합산해 판단합니다(확인하지 않음).",
            "Affiliated companies (관계기업): the revenue of companies you control or that control you is counted together, by the share held; not checked.",
        )
        .to_owned(),
        match lang {
            Lang::Ko => ["유예기간: 규모 기준을 넘게 된 기업도 ", years.as_str(), "년간(최초 1회) 중소기업으로 봅니다(확인하지 않음)."].concat(),
            Lang::En => ["Grace period (유예기간): a firm that outgrows a threshold still counts as an SME for ", years.as_str(), " years, once; not checked."].concat(),
        },
    ];
    if size != SmeSize::None {
        out.push(
            lang.pick(
                "독립성 기준(상호출자제한기업집단 소속 여부, 자산 5천억 원 이상 법인의 지분 30% 이상 소유 여부)은 확인하지 않았습니다.",
                "Independence (not in a restricted business group; not 30 %+ owned by a company with assets of KRW 500 billion or more) was not checked.",
            )
            .to_owned(),
        );
    }
    out
}

fn revenue_reason(a: &SmeAssessment, sector: &str, lang: Lang) -> String {
    let rev = format_krw(a.revenue_krw, lang);
    let small = format_krw(to_won(a.small_max_krw), lang);
    let medium = format_krw(to_won(a.medium_max_krw), lang);
    match (a.size, lang) {
        (SmeSize::Small, Lang::Ko) => [
            "3년 평균 매출액 ",
            &rev,
            josa(&rev, "이 ", "가 "),
            sector,
            " 소기업 기준(",
            &small,
            " 이하)에 해당합니다.",
        ]
        .concat(),
        (SmeSize::Small, Lang::En) => [
            "3-year average revenue of ",
            &rev,
            " is within the small-enterprise limit for ",
            sector,
            " (at most ",
            &small,
            ").",
        ]
        .concat(),
        (SmeSize::Medium, Lang::Ko) => [
            "3년 평균 매출액 ",
            &rev,
            josa(&rev, "이 ", "가 "),
            sector,
            " 소기업 기준(",
            &small,
            ")을 넘고 중기업 기준(",
            &medium,
            " 이하)에 해당합니다.",
        ]
        .concat(),
        (SmeSize::Medium, Lang::En) => [
            "3-year average revenue of ",
            &rev,
            " is above the small-enterprise limit (",
            &small,
            ") and within the SME limit for ",
            sector,
            " (at most ",
            &medium,
            ").",
        ]
        .concat(),
        (SmeSize::None, Lang::Ko) => [
            "3년 평균 매출액 ",
            &rev,
            josa(&rev, "이 ", "가 "),
            sector,
            " 중소기업 기준(",
            &medium,
            " 이하)을 넘습니다.",
        ]
        .concat(),
        (SmeSize::None, Lang::En) => [
            "3-year average revenue of ",
            &rev,
            " is above the SME limit for ",
            sector,
            " (at most ",
            &medium,
            ").",
        ]
        .concat(),
    }
}

// ---- support programmes -------------------------------------------------------------------------

/// A programme's card: the assessment of `rules::assess` in the input's language.
pub fn support(
    program: &Program,
    a: &ProgramAssessment,
    input: &Input,
    market: &Market,
    ds: &Dataset,
) -> SupportResult {
    let lang = input.lang;
    let mut reasons = Vec::with_capacity(program.rule.len() + 1);
    reasons.push(line(
        Check::Status,
        a.status_outcome,
        (status_reason(a.status, lang).to_owned(), false),
        lang,
    ));
    for (c, o) in program.rule.iter().zip(&a.criteria) {
        reasons.push(line(check_of(c), *o, criterion_reason(c, *o, market, ds, lang), lang));
    }
    // Only an open question is worth confirming: for an ineligible program there is nothing to do.
    let to_confirm = if a.outcome == Outcome::Maybe {
        reasons
            .iter()
            .filter(|r| r.outcome == Outcome::Maybe)
            .map(|r| r.reason.clone())
            .collect()
    } else {
        Vec::new()
    };
    SupportResult {
        id: program.id.clone(),
        name: program.name.get(lang).to_owned(),
        agency: program.agency.get(lang).to_owned(),
        offers: program.offers.get(lang).to_owned(),
        status: a.status,
        status_label: program_status_label(a.status, lang).to_owned(),
        status_checked: program.status_checked.clone(),
        status_checked_text: [
            lang.pick("상태 확인일: ", "Status last checked: "),
            program.status_checked.as_str(),
        ]
        .concat(),
        status_note: program.status_note.as_ref().map(|t| t.get(lang).to_owned()),
        next_step: program.next_step.as_ref().map(|t| t.get(lang).to_owned()),
        source: program.source.clone(),
        url: program.url.clone(),
        outcome: a.outcome,
        outcome_label: outcome_label(a.outcome, lang).to_owned(),
        window: a.window,
        window_text: window_text(program, a.window, lang),
        reasons,
        to_confirm,
    }
}

/// The call in words: its dates, where it stands today, and what is known of the next one.
fn window_text(program: &Program, status: WindowStatus, lang: Lang) -> Option<String> {
    let w = program.application_window.as_ref()?;
    let dates = match (w.opens.as_deref(), w.closes.as_deref()) {
        (Some(a), Some(b)) => format!("{a} ~ {b}"),
        (Some(a), None) => match lang {
            Lang::Ko => format!("{a}부터"),
            Lang::En => format!("from {a}"),
        },
        (None, Some(b)) => match lang {
            Lang::Ko => format!("{b}까지"),
            Lang::En => format!("until {b}"),
        },
        (None, None) => String::new(),
    };
    let state = match status {
        WindowStatus::Open => lang.pick("접수 중", "open now"),
        WindowStatus::Upcoming => lang.pick("접수 전", "not open yet"),
        WindowStatus::Closed => lang.pick("마감", "closed"),
        WindowStatus::Rolling => lang.pick("수시", "all year"),
    };
    let mut out = if dates.is_empty() {
        [lang.pick("신청: ", "Applications: "), state].concat()
    } else {
        [lang.pick("신청 ", "Applications "), &dates, ": ", state].concat()
    };
    if let Some(detail) = &w.detail {
        out.push_str(". ");
        out.push_str(detail.get(lang));
    }
    Some(out)
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

fn line(check: Check, outcome: Outcome, (reason, states): (String, bool), lang: Lang) -> CriterionResult {
    CriterionResult {
        check,
        outcome,
        outcome_label: criterion_outcome_label(outcome, lang).to_owned(),
        reason,
        reason_states_outcome: states,
    }
}

fn check_of(c: &Criterion) -> Check {
    match c {
        Criterion::Sector { .. } => Check::Sector,
        Criterion::Region { .. } => Check::Region,
        Criterion::Market { .. } => Check::Market,
        Criterion::Size { .. } => Check::Size,
        Criterion::Readiness { .. } => Check::Readiness,
        Criterion::CurrentExports { .. } => Check::CurrentExports,
        Criterion::FtaInForce => Check::FtaInForce,
        Criterion::Confirm { .. } => Check::Confirm,
    }
}

/// The reason line of the program's status.
fn status_reason(status: ProgramStatus, lang: Lang) -> &'static str {
    let (ko, en) = match status {
        ProgramStatus::Active => ("현재 운영 중인 제도입니다.", "The measure is running."),
        ProgramStatus::Enacted => ("법률로 시행 중입니다.", "The measure is in force by law."),
        ProgramStatus::Ended => (
            "종료된 제도입니다. 후속 사업을 확인하세요.",
            "The measure has ended; look for its successor.",
        ),
        ProgramStatus::Planned | ProgramStatus::Pending => (
            "아직 시행되지 않았거나 시행 여부가 확인되지 않았습니다.",
            "Not yet in force, or whether it came into force is unconfirmed.",
        ),
        ProgramStatus::Unknown => (
            "현재 운영 여부를 확인하지 못했습니다. 담당 기관에 확인하세요.",
            "Whether it still runs is unconfirmed; ask the agency.",
        ),
    };
    lang.pick(ko, en)
}

/// "{label}: {rest}": a reason line that begins with its outcome's label (and says so).
fn labelled(outcome: Outcome, rest: &[&str], lang: Lang) -> (String, bool) {
    let mut s = [criterion_outcome_label(outcome, lang), ": "].concat();
    for r in rest {
        s.push_str(r);
    }
    (s, true)
}

/// The reason line of one criterion whose outcome `rules::criterion_outcome` gave, and whether it
/// begins with that outcome's label.
fn criterion_reason(c: &Criterion, outcome: Outcome, market: &Market, ds: &Dataset, lang: Lang) -> (String, bool) {
    let ok = outcome == Outcome::Eligible;
    let plain = |s: String| (s, false);
    match c {
        Criterion::Sector { any_of } => {
            let names = join_names(
                any_of
                    .iter()
                    .map(|id| ds.sector(id).map(|s| s.name.get(lang)).unwrap_or(id.as_str())),
            );
            plain(match (ok, lang) {
                (true, Lang::Ko) => ["대상 업종(", &names, ")에 해당합니다."].concat(),
                (false, Lang::Ko) => ["대상 업종(", &names, ")이 아닙니다."].concat(),
                (true, Lang::En) => ["Your sector is covered (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for: ", &names, "."].concat(),
            })
        }
        Criterion::Region { any_of } => {
            let names = join_names(
                any_of
                    .iter()
                    .map(|id| ds.region(id).map(|r| r.name.get(lang)).unwrap_or(id.as_str())),
            );
            let m = market.name.get(lang);
            plain(match (ok, lang) {
                (true, Lang::Ko) => [m, josa(m, "은", "는"), " 대상 지역(", &names, ")입니다."].concat(),
                (false, Lang::Ko) => ["대상 지역은 ", &names, "입니다."].concat(),
                (true, Lang::En) => [m, " is in the target region (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for markets in: ", &names, "."].concat(),
            })
        }
        Criterion::Market { any_of } => {
            let names = join_names(
                any_of
                    .iter()
                    .map(|id| ds.market(id).map(|m| m.name.get(lang)).unwrap_or(id.as_str())),
            );
            plain(match (ok, lang) {
                (true, Lang::Ko) => ["대상 국가(", &names, ")입니다."].concat(),
                (false, Lang::Ko) => ["대상 국가는 ", &names, "입니다."].concat(),
                (true, Lang::En) => ["Your market is covered (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for: ", &names, "."].concat(),
            })
        }
        Criterion::Size { any_of } => {
            let names = join_names(any_of.iter().map(|s| size_name(*s, lang)));
            plain(match (ok, lang) {
                (true, Lang::Ko) => ["기업 규모 요건(", &names, ")을 충족합니다."].concat(),
                (false, Lang::Ko) => ["기업 규모 요건(", &names, ")에 맞지 않습니다."].concat(),
                (true, Lang::En) => ["Your size class qualifies (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for: ", &names, "."].concat(),
            })
        }
        Criterion::Readiness { question, expect } => {
            let (q_ko, q_en) = question_text(*question);
            let q = lang.pick(q_ko, q_en);
            match (outcome, lang) {
                (Outcome::Maybe, Lang::Ko) => {
                    labelled(outcome, &[q, if *expect { " (필요)" } else { " (없어야 함)" }], lang)
                }
                (Outcome::Maybe, Lang::En) => {
                    labelled(outcome, &[q, if *expect { " (required)" } else { " (must not)" }], lang)
                }
                (Outcome::Eligible, Lang::Ko) => plain(["요건 충족: ", q].concat()),
                (Outcome::Ineligible, Lang::Ko) => plain(["요건 미충족: ", q].concat()),
                (Outcome::Eligible | Outcome::Ineligible, Lang::En) => labelled(outcome, &[q], lang),
            }
        }
        Criterion::CurrentExports { min_krw, max_krw } => {
            let range = export_range_text(*min_krw, *max_krw, lang);
            plain(match (outcome, lang) {
                (Outcome::Maybe, Lang::Ko) => ["전년도 수출실적 요건(", &range, ")을 확인하세요."].concat(),
                (Outcome::Maybe, Lang::En) => ["Check the prior-year export requirement (", &range, ")."].concat(),
                (Outcome::Eligible, Lang::Ko) => ["수출실적 요건(", &range, ")을 충족합니다."].concat(),
                (Outcome::Ineligible, Lang::Ko) => ["수출실적 요건(", &range, ")에 맞지 않습니다."].concat(),
                (Outcome::Eligible, Lang::En) => ["Your exports fit the requirement (", &range, ")."].concat(),
                (Outcome::Ineligible, Lang::En) => {
                    ["Your exports are outside the requirement (", &range, ")."].concat()
                }
            })
        }
        Criterion::FtaInForce => plain(fta_reason(market, lang)),
        Criterion::Confirm { text } => labelled(Outcome::Maybe, &[text.get(lang)], lang),
    }
}

/// Why "an FTA in force" holds or not for this market, by the FTA's status.
pub fn fta_reason(market: &Market, lang: Lang) -> String {
    let m = market.name.get(lang);
    let fta = &market.fta;
    let name = fta.name.as_ref().map(|t| t.get(lang)).unwrap_or("FTA");
    match (fta.status, lang) {
        (FtaStatus::InForce, Lang::Ko) => [
            m,
            josa(m, "과", "와"),
            " ",
            name,
            josa(name, "이", "가"),
            " 발효 중입니다.",
        ]
        .concat(),
        (FtaStatus::InForce, Lang::En) => [name, " with ", m, " is in force."].concat(),
        (FtaStatus::Signed, Lang::Ko) => {
            [name, josa(name, "은", "는"), " 서명되었으나 발효 여부를 확인하세요."].concat()
        }
        (FtaStatus::Signed, Lang::En) => [name, " is signed; check whether it is in force."].concat(),
        (FtaStatus::Concluded, Lang::Ko) => [
            name,
            josa(name, "은", "는"),
            " 협상이 타결되었으나 아직 서명·발효되지 않았습니다.",
        ]
        .concat(),
        (FtaStatus::Concluded, Lang::En) => [
            "Negotiations on the ",
            name,
            " are concluded, but it is not yet signed or in force.",
        ]
        .concat(),
        (FtaStatus::Negotiating, Lang::Ko) => {
            [m, josa(m, "과는", "와는"), " 협상 중이며 발효된 FTA가 없습니다."].concat()
        }
        (FtaStatus::Negotiating, Lang::En) => ["Talks with ", m, " are under way; no FTA is in force."].concat(),
        (FtaStatus::None, Lang::Ko) => [m, josa(m, "과", "와"), " 발효된 FTA가 없습니다."].concat(),
        (FtaStatus::None, Lang::En) => ["Korea has no FTA in force with ", m, "."].concat(),
    }
}

fn export_range_text(min: Option<f64>, max: Option<f64>, lang: Lang) -> String {
    let fmt = |v: f64| format_krw(to_won(v), lang);
    match (min, max, lang) {
        (Some(a), Some(b), _) => [fmt(a), " ~ ".into(), fmt(b)].concat(),
        (Some(a), None, Lang::Ko) => [fmt(a), " 이상".into()].concat(),
        (Some(a), None, Lang::En) => ["at least ".into(), fmt(a)].concat(),
        (None, Some(b), Lang::Ko) => [fmt(b), " 이하".into()].concat(),
        (None, Some(b), Lang::En) => ["at most ".into(), fmt(b)].concat(),
        (None, None, _) => lang.pick("제한 없음", "no limit").to_owned(),
    }
}

// ---- export potential ---------------------------------------------------------------------------

/// A value with its unit as a user reads it. Units are the dataset's unit names; an unknown unit
/// is shown after the number as it is.
pub fn display_value(value: f64, unit: &str, lang: Lang) -> String {
    let pct = |x: f64| [format_number(x * 100.0, 3).as_str(), " %"].concat();
    match unit {
        "USD" => format_usd(value, lang),
        "KRW" => format_krw_short(to_won(value), lang),
        "KRW/USD" => match lang {
            Lang::Ko => ["1달러 = ", &format_number(value, 4), "원"].concat(),
            Lang::En => ["KRW ", &format_number(value, 4), " per US$"].concat(),
        },
        "km" => [format_number(value, 4).as_str(), " km"].concat(),
        "share" | "ratio" | "fraction" => pct(value),
        "per year" => [pct(value).as_str(), lang.pick("/년", " a year")].concat(),
        "multiplier" | "×" => ["×", &format_number(value, 4)].concat(),
        "elasticity" | "weight" | "" => format_number(value, 4),
        other => [format_number(value, 4).as_str(), " ", other].concat(),
    }
}

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
            first_sale_label: r.first_sale_year.map(|y| {
                [
                    lang.pick("첫 판매 ", "first sale "),
                    &y.to_string(),
                    lang.pick("년", ""),
                ]
                .concat()
            }),
        });
    }
    out
}

// ---- the way into the market ------------------------------------------------------------------

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

// ---- the national plan --------------------------------------------------------------------------

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
    } = figures;
    let fmt = |v: f64| crate::amount::format_krw(to_won(v), lang);
    let pct = percent(growth);
    let (by, ty) = (p.base_year.to_string(), p.target_year.to_string());
    let summary = match lang {
        Lang::Ko => [
            p.name.ko.as_str(),
            "은 ",
            &by,
            "년 ",
            &fmt(base),
            "이던 수출을 ",
            &ty,
            "년 ",
            &fmt(target),
            euro(&fmt(target)),
            " 늘리려 했습니다(연 ",
            &pct,
            "% 성장).",
        ]
        .concat(),
        Lang::En => [
            p.name.en.as_str(),
            " (announced ",
            &p.announced,
            ") aimed to raise exports from ",
            &fmt(base),
            " in ",
            &by,
            " to ",
            &fmt(target),
            " in ",
            &ty,
            " (",
            &pct,
            " % a year).",
        ]
        .concat(),
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
            match lang {
                Lang::Ko => [
                    r.label.ko.as_str(),
                    "(",
                    &year,
                    "년): ",
                    &value,
                    " (",
                    &r.figure.source,
                    ")",
                ]
                .concat(),
                Lang::En => [
                    r.label.en.as_str(),
                    " (",
                    &year,
                    "): ",
                    &value,
                    " (",
                    &r.figure.source,
                    ")",
                ]
                .concat(),
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
        let usd = if r.value > 0.0 { target / r.value } else { 0.0 };
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
        Lang::Ko => [
            "이 기업의 연간 수출 잠재력은 계획의 ",
            target_year,
            "년 목표(",
            target,
            ")의 약 ",
            &part,
            "에 해당합니다.",
        ]
        .concat(),
        Lang::En => [
            "Your yearly export potential is about ",
            &part,
            " of the plan's ",
            target_year,
            " target (",
            target,
            ").",
        ]
        .concat(),
    }
}

/// A fraction as a percentage with one decimal ("20.1"), without float formatting machinery.
pub fn percent(fraction: f64) -> String {
    let tenths = to_won((fraction.abs() * 1000.0).round());
    let mut s = String::new();
    if fraction < 0.0 && tenths > 0 {
        s.push('-');
    }
    s.push_str(&(tenths / 10).to_string());
    s.push('.');
    s.push_str(&(tenths % 10).to_string());
    s
}

// ---- assumptions --------------------------------------------------------------------------------

/// The labels of assumed figures that entered this case, so the widget can list them: the
/// dataset's own flags, and `potential`'s and `sme`'s decisions (`terms`, `sme_assumed`).
pub fn assumptions(ds: &Dataset, input: &Input, terms: Option<&Terms>, sme_assumed: bool, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |label: (&str, &str), assumed: bool| {
        if assumed {
            out.push(lang.pick(label.0, label.1).to_owned());
        }
    };
    let m = &ds.method;
    add(("환율", "exchange rate"), ds.exchange_rate.krw_per_usd.assumption);
    add(("거리 탄력성", "distance elasticity"), m.distance_elasticity.assumption);
    add(("FTA 효과", "FTA effect"), m.fta_in_force_effect.assumption);
    add(
        ("준비도 배수", "readiness multipliers"),
        m.readiness_min_multiplier.assumption || m.readiness_max_multiplier.assumption,
    );
    add(("모형 불확실성", "model uncertainty"), m.model_uncertainty.assumption);
    let w = &m.readiness_weights;
    add(
        ("준비도 가중치", "readiness weights"),
        w.certification.assumption
            || w.local_partner.assumption
            || w.export_experience.assumption
            || w.local_language.assumption,
    );
    if let Some(s) = ds.sector(&input.sector) {
        add(
            ("한국의 세계 수출 점유율", "Korea's world export share"),
            s.korea_world_share.assumption,
        );
        add(
            ("국내 업종 규모·수출 비중", "Korea's sector output and export intensity"),
            s.korea_output_krw.assumption || s.korea_exports_krw.assumption,
        );
        add(
            ("한국의 업종 수출(달러)", "Korea's sector exports (USD)"),
            s.korea_exports_usd.assumption,
        );
    }
    if let Some(t) = terms {
        let mt = &t.market;
        add(
            (
                "시장 수요(대리 지표·기준 연도로 환산 포함)",
                "market demand (incl. proxies and bringing it to the price year)",
            ),
            mt.demand.assumed,
        );
        add(
            (
                "교역 용이성(실적 없는 시장의 거리 규칙)",
                "ease of trade (gravity fallback, no trade figure)",
            ),
            mt.ease_basis == EaseBasis::Gravity,
        );
        add(
            ("한국의 이 시장 수출 실적", "Korea's actual exports to this market"),
            mt.actual_assumed,
        );
        add(
            ("한국의 이 시장 전체 교역", "Korea's total trade with this market"),
            mt.ease_basis == EaseBasis::Pair
                && ds
                    .market(&input.market)
                    .and_then(|mk| mk.goods_trade.as_ref())
                    .is_some_and(|g| g.korea_exports_usd.assumption || g.imports_usd.assumption),
        );
    }
    if let Some(mk) = ds.market(&input.market) {
        add(
            ("수요 증가율", "demand growth"),
            mk.growth_for(&input.sector).is_some_and(|f| f.assumption),
        );
    }
    add(("중소기업 기준 금액", "SME thresholds"), sme_assumed);
    out
}

// ---- dataset problems ---------------------------------------------------------------------------

/// How to fix a dataset problem, in one line of plain language.
pub fn fix(fix: Fix, lang: Lang) -> &'static str {
    let (ko, en) = match fix {
        Fix::Json => (
            "JSON 문법 오류입니다. 메시지에 나온 줄(line)과 칸(column) 근처의 쉼표, 따옴표, 괄호를 확인하세요.",
            "fix the JSON syntax near that line and column (often a missing comma, quote or bracket)",
        ),
        Fix::TooDeep => (
            "목록과 객체를 64단계보다 깊게 겹칠 수 없습니다.",
            "nest lists and objects at most 64 levels deep",
        ),
        Fix::Missing => ("이 항목이 없습니다. 추가하세요.", "add this field"),
        Fix::Type => (
            "값의 종류가 맞지 않습니다(예: 숫자 자리에 따옴표로 감싼 글자). 메시지의 expected 뒤에 나온 종류로 바꾸세요.",
            "change the value to the expected type",
        ),
        Fix::Negative => ("음수는 쓸 수 없습니다. 0 이상의 값으로 고치세요.", "use a value of 0 or more"),
        Fix::NotFinite => ("보통의 유한한 숫자를 쓰세요.", "use an ordinary finite number"),
        Fix::Range => (
            "허용 범위를 벗어났습니다. 메시지에 나온 범위로 고치세요.",
            "change the value as the message says",
        ),
        Fix::Unsourced => (
            "출처(source)가 없습니다. 출처를 적거나, 가정한 값이면 \"assumption\": true로 표시하세요.",
            "add a \"source\" or set \"assumption\": true",
        ),
        Fix::Duplicate => (
            "같은 id가 두 번 나옵니다. id를 바꾸거나 겹친 항목을 지우세요.",
            "give each entry its own id, or remove the repeated entry",
        ),
        Fix::UnknownSector => (
            "sectors 목록에 없는 업종 id입니다. 철자를 확인하거나 sectors에 그 업종을 추가하세요.",
            "use an id listed in \"sectors\", or add that sector there",
        ),
        Fix::UnknownMarket => (
            "markets 목록에 없는 시장 id입니다. 철자를 확인하거나 markets에 그 시장을 추가하세요.",
            "use an id listed in \"markets\", or add that market there",
        ),
        Fix::UnknownProgram => (
            "programs 목록에 없는 제도 id입니다. 철자를 확인하거나 programs에 그 제도를 추가하세요.",
            "use an id listed in \"programs\", or add that programme there",
        ),
        Fix::UnknownRegion => (
            "regions 목록에 없는 지역 id입니다. 철자를 확인하거나 regions에 그 지역을 추가하세요.",
            "use an id listed in \"regions\", or add that region there",
        ),
        Fix::Incomplete => (
            "빠진 항목이 있습니다. 업종마다 하나씩 있어야 합니다.",
            "add the missing entry",
        ),
        Fix::UnknownKind => (
            "쓸 수 없는 값입니다. 메시지에 나온 값 중 하나를 쓰세요.",
            "use one of the values listed in the message",
        ),
        Fix::Empty => ("비워 둘 수 없습니다.", "fill this in; it must not be empty"),
        Fix::Date => (
            "날짜는 실제 있는 날을 YYYY-MM-DD로 쓰세요(예: 2025-03-31).",
            "write the date as YYYY-MM-DD, e.g. 2025-03-31",
        ),
        Fix::Schema => (
            "\"schema\" 값을 \"sme-export-dataset/1\"로 쓰세요.",
            "set \"schema\" to \"sme-export-dataset/1\"",
        ),
        Fix::Truncated => (
            "문제가 많아 일부만 보여 줍니다. 보이는 문제를 고친 뒤 다시 검사하세요.",
            "fix the problems shown and load the file again to see the rest",
        ),
        Fix::Encoding => ("파일을 UTF-8로 다시 저장하세요.", "save the file as UTF-8"),
        Fix::FileTooLarge => (
            "파일을 8MiB 아래로 줄이세요(긴 메모나 쓰지 않는 항목을 지우세요).",
            "trim the file below 8 MiB (long notes or unused entries)",
        ),
        Fix::ListTooLong => (
            "목록 하나에는 1,000개까지 넣을 수 있습니다.",
            "keep at most 1000 entries in one list",
        ),
        Fix::Positive => ("0보다 큰 수를 쓰세요.", "use a positive number"),
        Fix::Share => (
            "비율은 0~1 사이의 소수로 쓰세요(0.25 = 25%).",
            "write the share as a fraction between 0 and 1, e.g. 0.25 for 25 %",
        ),
        Fix::Growth => (
            "증가율은 -0.5~1 사이의 소수로 쓰세요(0.05 = 연 5%).",
            "write the growth as a fraction, e.g. 0.05 for 5 % a year",
        ),
        Fix::Year => (
            "연도는 1900~2200 사이의 네 자리로 쓰세요(예: 2024).",
            "write the full four-digit year, e.g. 2024",
        ),
        Fix::TargetAfterBase => (
            "targetYear를 baseYear보다 뒤의 연도로 하세요.",
            "set targetYear to a later year than baseYear",
        ),
        Fix::TargetWithin50Years => (
            "목표 연도는 기준 연도부터 50년 안이어야 합니다.",
            "use a target year within 50 years of the base year",
        ),
        Fix::MinMultiplierAboveMax => (
            "최소 배수(readinessMinMultiplier)가 최대 배수보다 크지 않게 하세요.",
            "make the minimum multiplier at most the maximum",
        ),
        Fix::WeightsSum => (
            "네 가중치의 합이 정확히 1이 되게 고치세요.",
            "adjust the weights so they add up to exactly 1",
        ),
        Fix::SmallAboveMedium => (
            "소기업 기준(smallMaxKrw)이 중기업 기준(mediumMaxKrw)보다 크지 않게 하세요.",
            "the small-enterprise limit must be at most the medium one",
        ),
        Fix::SwapMinMax => ("minKrw와 maxKrw를 서로 바꾸세요.", "swap minKrw and maxKrw"),
        Fix::RateForPriceYear => (
            "exchangeRates에 priceYear 연도의 환율(연평균)을 추가하거나 priceYear를 환율이 있는 연도로 바꾸세요.",
            "add the price year's annual average rate to \"exchangeRates\", or set \"priceYear\" to a year that has one",
        ),
    };
    lang.pick(ko, en)
}

/// Why a widget could not use a dataset, in a few words for its notice: the kind of the one
/// problem where that says it all (not JSON, too large, too deep), else how many problems.
/// `kinds` are the problems' kinds in order.
pub fn dataset_notice(kinds: &[ProblemKind], lang: Lang) -> String {
    let truncated = kinds.contains(&ProblemKind::Truncated);
    let counted = kinds.iter().filter(|k| **k != ProblemKind::Truncated).count();
    match kinds {
        [ProblemKind::Json] => lang.pick("JSON 형식이 아님", "not valid JSON").to_owned(),
        [ProblemKind::TooLarge] => lang
            .pick("파일이 8MiB보다 큼", "the file is larger than 8 MiB")
            .to_owned(),
        [ProblemKind::TooDeep] => lang
            .pick("64단계보다 깊게 겹친 구조", "nested more than 64 levels deep")
            .to_owned(),
        [_] => lang.pick("데이터 문제 1건", "a problem in the data").to_owned(),
        _ => {
            let n = [counted.to_string().as_str(), if truncated { "+" } else { "" }].concat();
            match lang {
                Lang::Ko => ["데이터 문제 ", &n, "건"].concat(),
                Lang::En => [n.as_str(), " problems in the data"].concat(),
            }
        }
    }
}

// ---- the answer at a glance and what would change it (`glance`) --------------------------------

/// An estimate as shown: three significant digits ("88억 2,000만 원").
pub fn shown_krw(krw: f64, lang: Lang) -> String {
    format_krw(crate::amount::round_significant(to_won(krw), 3), lang)
}

/// A readiness question as a label: its wording, capitalised in English.
pub fn question_label(q: Question, lang: Lang) -> String {
    let (ko, en) = question_text(q);
    match lang {
        Lang::Ko => ko.to_owned(),
        // ASCII only: the questions are English text, and char::to_uppercase would bring
        // Unicode's case tables into the Wasm.
        Lang::En => {
            let mut label = en.to_owned();
            if let Some(first) = label.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            label
        }
    }
}

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
                (Lang::Ko, false) => [" · ", ceiling, " ", &limit, "보다 ", &gap, " 적음"].concat(),
                (Lang::Ko, true) => [" · ", ceiling, " ", &limit, "보다 ", &gap, " 많음"].concat(),
                (Lang::En, false) => [": ", &gap, " below the ", &limit, " ", ceiling].concat(),
                (Lang::En, true) => [": ", &gap, " above the ", &limit, " ", ceiling].concat(),
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
    let pot = match lang {
        Lang::Ko => [
            c.market_name,
            " ",
            &year,
            "년 기준 ",
            &shown_krw(s.base_krw, lang),
            " (범위 ",
            &range,
            ")",
        ]
        .concat(),
        Lang::En => [
            c.market_name,
            ", ",
            &year,
            ": ",
            &shown_krw(s.base_krw, lang),
            " (range ",
            &range,
            ")",
        ]
        .concat(),
    };
    push(
        SummaryTopic::Potential,
        ("연간 수출 잠재력", "Yearly export potential"),
        pot,
    );
    // The best market for the firm, if it is another one.
    let rank = c.rank.map(|r| r.to_string()).unwrap_or_default();
    let n = c.markets.to_string();
    let best = match (&s.best_market_name, s.best_market_base_krw, lang) {
        (Some(name), Some(b), Lang::Ko) => [
            name.as_str(),
            " ",
            &shown_krw(b, lang),
            if s.best_market_basis == Some(EaseBasis::Gravity) {
                ", 거리 규칙 추정"
            } else {
                ""
            },
            " (선택한 시장은 ",
            &n,
            "곳 중 ",
            &rank,
            "위)",
        ]
        .concat(),
        (Some(name), Some(b), Lang::En) => [
            name.as_str(),
            ", ",
            &shown_krw(b, lang),
            if s.best_market_basis == Some(EaseBasis::Gravity) {
                " on the distance rule"
            } else {
                ""
            },
            " (your market: no. ",
            &rank,
            " of ",
            &n,
            ")",
        ]
        .concat(),
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
        (Some(w), Lang::Ko) => [
            "‘",
            &w.label,
            "’에 ‘예’라면 기준 추정 ",
            &shown_krw(w.base_krw, lang),
            " (+",
            &shown_krw(w.gain_krw, lang),
            ")",
        ]
        .concat(),
        (Some(w), Lang::En) => [
            "Yes to “",
            &w.label,
            "”: base ",
            &shown_krw(w.base_krw, lang),
            " (+",
            &shown_krw(w.gain_krw, lang),
            ")",
        ]
        .concat(),
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
        Lang::Ko => [
            m,
            " 연도별 수출 잠재력 선 그래프. ",
            &y0,
            "년 ",
            &b0,
            "에서 ",
            &y1,
            "년 ",
            &b1,
            "까지, ",
            &y1,
            "년 범위 ",
            &lo,
            "~",
            &hi,
            ".",
        ]
        .concat(),
        Lang::En => [
            "Line chart of yearly export potential to ",
            m,
            ": ",
            &b0,
            " in ",
            &y0,
            " to ",
            &b1,
            " in ",
            &y1,
            ", range in ",
            &y1,
            " ",
            &lo,
            " to ",
            &hi,
            ".",
        ]
        .concat(),
    };
    let n = ranking.len().to_string();
    let top = ranking.first().map_or("", |x| x.name.as_str());
    let rank = ranking
        .iter()
        .find(|x| x.selected)
        .map(|x| x.rank.to_string())
        .unwrap_or_default();
    let ranking_alt = match lang {
        Lang::Ko => [
            "시장별 수출 잠재력 막대그래프. ",
            &n,
            "개 시장 중 1위 ",
            top,
            ", 선택한 ",
            m,
            euro_subject(m),
            " ",
            &rank,
            "위.",
        ]
        .concat(),
        Lang::En => [
            "Bar chart of export potential by market. Of ",
            &n,
            " markets, first is ",
            top,
            "; your choice ",
            m,
            " ranks ",
            &rank,
            ".",
        ]
        .concat(),
    };
    let (e, q) = (s.likely_count.to_string(), s.possibly_count.to_string());
    let base = shown_krw(p.base_krw, lang);
    let label = size_label(a.size, lang);
    let announcement = match lang {
        Lang::Ko => [
            label,
            ". ",
            m,
            " 연간 수출 잠재력 ",
            &base,
            ". 지원 대상 ",
            &e,
            "건, 확인 필요 ",
            &q,
            "건.",
        ]
        .concat(),
        Lang::En => [
            label,
            ". Yearly export potential to ",
            m,
            ": ",
            &base,
            ". ",
            &e,
            " measures likely eligible, ",
            &q,
            " to confirm.",
        ]
        .concat(),
    };
    crate::model::ResultTexts {
        readiness_note,
        years_alt,
        ranking_alt,
        announcement,
        disclaimer: estimate_disclaimer(lang).to_owned(),
        dataset_label: lang.pick("데이터", "Dataset").to_owned(),
    }
}

/// The topic particle after a name: "은" or "는".
fn euro_subject(word: &str) -> &'static str {
    josa(word, "은", "는")
}

/// How the form echoes an amount it understood: the won in full and the dollars at the dataset's
/// rate ("35억 원 (약 US$ 2.46M)"), so a typing slip shows before the result changes.
pub fn amount_echo(won: u64, krw_per_usd: f64, lang: Lang) -> String {
    let usd = crate::amount::format_usd(won as f64 / krw_per_usd, lang);
    [
        format_krw(won, lang).as_str(),
        " (",
        lang.pick("약", "about"),
        " ",
        &usd,
        ")",
    ]
    .concat()
}
