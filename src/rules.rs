//! Support-program eligibility as data, evaluated by one small interpreter.
//!
//! A program's rule is a list of criteria that must all hold. Each criterion evaluates to
//! eligible (it holds), maybe (we cannot tell from what the user said: they must confirm) or
//! ineligible (it fails), with one reason line. The program's outcome is the worst of its
//! criteria: any ineligible makes it ineligible, else any maybe makes it maybe. The program's
//! status (ended, planned, ...) is one more criterion applied to every program.
//! This is the GOV.UK smart-answers idea: each outcome defined once, no special cases in code.
//!
//! Deciding and wording are apart: `status_outcome` and `criterion_outcome` decide, and
//! `outcome` folds them into a program's outcome; the reason lines only word an outcome already
//! decided. `evaluate` (the widget) uses both; the batch scorer (`engine::score`) calls `outcome`
//! alone, so the two cannot disagree and a batch row builds no text.

use serde::Serialize;

use crate::dataset::{Dataset, Market, Program, Text};
use crate::error::Lang;
use crate::ko::josa;
use crate::model::{CriterionResult, Input, Outcome, Question, SmeSize, SupportResult};

/// One condition of a program's rule. JSON: `{"kind": "sector", "anyOf": ["medical_services"]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Criterion {
    /// The firm's sector is one of these.
    Sector { any_of: Vec<String> },
    /// The target market lies in one of these regions.
    Region { any_of: Vec<String> },
    /// The target market is one of these.
    Market { any_of: Vec<String> },
    /// The firm's SME size is one of these.
    Size { any_of: Vec<SmeSize> },
    /// A readiness question must be answered `expect`.
    Readiness { question: Question, expect: bool },
    /// Current total exports within [min, max] KRW (either bound optional).
    CurrentExports { min_krw: Option<f64>, max_krw: Option<f64> },
    /// Korea has an FTA in force with the target market.
    FtaInForce,
    /// Something we cannot check; the user must confirm it.
    Confirm { text: Text },
}

/// The heading of each outcome, defined once.
pub fn outcome_label(outcome: Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Eligible => lang.pick("지원 대상일 수 있음", "Likely eligible"),
        Outcome::Maybe => lang.pick("확인 필요", "Possibly eligible: confirm"),
        Outcome::Ineligible => lang.pick("해당 없음", "Not eligible"),
    }
}

/// What the interpreter needs to know about the case besides the input.
pub struct Facts<'a> {
    pub input: &'a Input,
    pub size: SmeSize,
    pub market: &'a Market,
    pub dataset: &'a Dataset,
}

/// Evaluates every program of the dataset for one case, in dataset order.
pub fn evaluate_all(facts: &Facts) -> Vec<SupportResult> {
    facts.dataset.programs.iter().map(|p| evaluate(p, facts)).collect()
}

/// Evaluates one program: its outcome and one reason line per criterion.
pub fn evaluate(program: &Program, facts: &Facts) -> SupportResult {
    let lang = facts.input.lang;
    let mut reasons = Vec::with_capacity(program.rule.len() + 1);
    let status = status_outcome(&program.status);
    reasons.push(result(status, status_reason(&program.status, lang).to_owned()));
    for c in &program.rule {
        let o = criterion_outcome(c, facts);
        reasons.push(result(o, criterion_reason(c, o, facts)));
    }
    let outcome = outcome(program, facts);
    // Only an open question is worth confirming: for an ineligible program there is nothing to do.
    let to_confirm = if outcome == Outcome::Maybe {
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
        status: program.status.clone(),
        status_note: program.status_note.as_ref().map(|t| t.get(lang).to_owned()),
        next_step: program.next_step.as_ref().map(|t| t.get(lang).to_owned()),
        source: program.source.clone(),
        url: program.url.clone(),
        outcome,
        outcome_label: outcome_label(outcome, lang).to_owned(),
        reasons,
        to_confirm,
    }
}

/// A program's outcome without any text: the worst of its status and its criteria. The one
/// place a program's outcome is decided; `evaluate` uses it too (the batch scorer calls it alone).
pub fn outcome(program: &Program, facts: &Facts) -> Outcome {
    program
        .rule
        .iter()
        .map(|c| criterion_outcome(c, facts))
        .fold(status_outcome(&program.status), worst)
}

fn worst(a: Outcome, b: Outcome) -> Outcome {
    match (a, b) {
        (Outcome::Ineligible, _) | (_, Outcome::Ineligible) => Outcome::Ineligible,
        (Outcome::Maybe, _) | (_, Outcome::Maybe) => Outcome::Maybe,
        _ => Outcome::Eligible,
    }
}

fn result(outcome: Outcome, reason: String) -> CriterionResult {
    CriterionResult { outcome, reason }
}

fn yes_no(ok: bool) -> Outcome {
    if ok {
        Outcome::Eligible
    } else {
        Outcome::Ineligible
    }
}

/// The outcome of the program's status, a criterion every program has.
pub fn status_outcome(status: &str) -> Outcome {
    match status {
        "active" | "enacted" => Outcome::Eligible,
        "ended" => Outcome::Ineligible,
        // "planned", "pending" and anything unknown: not confirmed to run.
        _ => Outcome::Maybe,
    }
}

/// The reason line of the program's status (wording only; `status_outcome` decides).
fn status_reason(status: &str, lang: Lang) -> &'static str {
    let (ko, en) = match status {
        "active" => ("현재 운영 중인 제도입니다.", "The measure is running."),
        "enacted" => ("법률로 시행 중입니다.", "The measure is in force by law."),
        "ended" => (
            "종료된 제도입니다. 후속 사업을 확인하세요.",
            "The measure has ended; look for its successor.",
        ),
        "planned" | "pending" => (
            "아직 시행되지 않았거나 시행 여부가 확인되지 않았습니다.",
            "Not yet in force, or whether it came into force is unconfirmed.",
        ),
        _ => (
            "현재 운영 여부를 확인하지 못했습니다. 담당 기관에 확인하세요.",
            "Whether it still runs is unconfirmed; ask the agency.",
        ),
    };
    lang.pick(ko, en)
}

/// The outcome of one criterion for this case: the one place each criterion is decided.
pub fn criterion_outcome(c: &Criterion, facts: &Facts) -> Outcome {
    match c {
        Criterion::Sector { any_of } => yes_no(any_of.contains(&facts.input.sector)),
        Criterion::Region { any_of } => yes_no(any_of.contains(&facts.market.region)),
        Criterion::Market { any_of } => yes_no(any_of.contains(&facts.market.id)),
        Criterion::Size { any_of } => yes_no(any_of.contains(&facts.size)),
        Criterion::Readiness { question, expect } => match facts.input.readiness.answer(*question) {
            None => Outcome::Maybe,
            Some(a) => yes_no(a == *expect),
        },
        Criterion::CurrentExports { min_krw, max_krw } => match facts.input.current_exports_krw {
            None => Outcome::Maybe,
            Some(x) => {
                let x = x as f64;
                yes_no(min_krw.is_none_or(|m| x >= m) && max_krw.is_none_or(|m| x <= m))
            }
        },
        Criterion::FtaInForce => match facts.market.fta.status.as_str() {
            "in_force" => Outcome::Eligible,
            "signed" => Outcome::Maybe,
            _ => Outcome::Ineligible,
        },
        Criterion::Confirm { .. } => Outcome::Maybe,
    }
}

/// The reason line of one criterion whose outcome `criterion_outcome` gave (wording only).
fn criterion_reason(c: &Criterion, outcome: Outcome, facts: &Facts) -> String {
    let lang = facts.input.lang;
    let ds = facts.dataset;
    let ok = outcome == Outcome::Eligible;
    match c {
        Criterion::Sector { any_of } => {
            let names = join_names(
                any_of
                    .iter()
                    .map(|id| ds.sector(id).map(|s| s.name.get(lang)).unwrap_or(id.as_str())),
            );
            match (ok, lang) {
                (true, Lang::Ko) => ["대상 업종(", &names, ")에 해당합니다."].concat(),
                (false, Lang::Ko) => ["대상 업종(", &names, ")이 아닙니다."].concat(),
                (true, Lang::En) => ["Your sector is covered (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for: ", &names, "."].concat(),
            }
        }
        Criterion::Region { any_of } => {
            let names = join_names(
                any_of
                    .iter()
                    .map(|id| ds.region(id).map(|r| r.name.get(lang)).unwrap_or(id.as_str())),
            );
            let market = facts.market.name.get(lang);
            match (ok, lang) {
                (true, Lang::Ko) => [market, josa(market, "은", "는"), " 대상 지역(", &names, ")입니다."].concat(),
                (false, Lang::Ko) => ["대상 지역은 ", &names, "입니다."].concat(),
                (true, Lang::En) => [market, " is in the target region (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for markets in: ", &names, "."].concat(),
            }
        }
        Criterion::Market { any_of } => {
            let names = join_names(
                any_of
                    .iter()
                    .map(|id| ds.market(id).map(|m| m.name.get(lang)).unwrap_or(id.as_str())),
            );
            match (ok, lang) {
                (true, Lang::Ko) => ["대상 국가(", &names, ")입니다."].concat(),
                (false, Lang::Ko) => ["대상 국가는 ", &names, "입니다."].concat(),
                (true, Lang::En) => ["Your market is covered (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for: ", &names, "."].concat(),
            }
        }
        Criterion::Size { any_of } => {
            let names = join_names(any_of.iter().map(|s| size_name(*s, lang)));
            match (ok, lang) {
                (true, Lang::Ko) => ["기업 규모 요건(", &names, ")을 충족합니다."].concat(),
                (false, Lang::Ko) => ["기업 규모 요건(", &names, ")에 맞지 않습니다."].concat(),
                (true, Lang::En) => ["Your size class qualifies (", &names, ")."].concat(),
                (false, Lang::En) => ["Only for: ", &names, "."].concat(),
            }
        }
        Criterion::Readiness { question, expect } => {
            let (q_ko, q_en) = question_text(*question);
            let q = lang.pick(q_ko, q_en);
            match (outcome, lang) {
                (Outcome::Maybe, Lang::Ko) => {
                    ["확인 필요: ", q, if *expect { " (필요)" } else { " (없어야 함)" }].concat()
                }
                (Outcome::Maybe, Lang::En) => {
                    ["To confirm: ", q, if *expect { " (required)" } else { " (must not)" }].concat()
                }
                (Outcome::Eligible, Lang::Ko) => ["요건 충족: ", q].concat(),
                (Outcome::Ineligible, Lang::Ko) => ["요건 미충족: ", q].concat(),
                (Outcome::Eligible, Lang::En) => ["Met: ", q].concat(),
                (Outcome::Ineligible, Lang::En) => ["Not met: ", q].concat(),
            }
        }
        Criterion::CurrentExports { min_krw, max_krw } => {
            let range = export_range_text(*min_krw, *max_krw, lang);
            match (outcome, lang) {
                (Outcome::Maybe, Lang::Ko) => ["전년도 수출실적 요건(", &range, ")을 확인하세요."].concat(),
                (Outcome::Maybe, Lang::En) => ["Check the prior-year export requirement (", &range, ")."].concat(),
                (Outcome::Eligible, Lang::Ko) => ["수출실적 요건(", &range, ")을 충족합니다."].concat(),
                (Outcome::Ineligible, Lang::Ko) => ["수출실적 요건(", &range, ")에 맞지 않습니다."].concat(),
                (Outcome::Eligible, Lang::En) => ["Your exports fit the requirement (", &range, ")."].concat(),
                (Outcome::Ineligible, Lang::En) => {
                    ["Your exports are outside the requirement (", &range, ")."].concat()
                }
            }
        }
        Criterion::FtaInForce => {
            let m = facts.market.name.get(lang);
            let fta_name = facts.market.fta.name.as_ref().map(|t| t.get(lang)).unwrap_or("FTA");
            let negotiating = facts.market.fta.status == "negotiating";
            match (outcome, negotiating, lang) {
                (Outcome::Eligible, _, Lang::Ko) => [
                    m,
                    josa(m, "과", "와"),
                    " ",
                    fta_name,
                    josa(fta_name, "이", "가"),
                    " 발효 중입니다.",
                ]
                .concat(),
                (Outcome::Eligible, _, Lang::En) => [fta_name, " with ", m, " is in force."].concat(),
                (Outcome::Maybe, _, Lang::Ko) => [
                    fta_name,
                    josa(fta_name, "은", "는"),
                    " 서명되었으나 발효 여부를 확인하세요.",
                ]
                .concat(),
                (Outcome::Maybe, _, Lang::En) => [fta_name, " is signed; check whether it is in force."].concat(),
                (Outcome::Ineligible, true, Lang::Ko) => {
                    [m, josa(m, "과는", "와는"), " 협상 중이며 발효된 FTA가 없습니다."].concat()
                }
                (Outcome::Ineligible, true, Lang::En) => {
                    ["Talks with ", m, " are under way; no FTA is in force."].concat()
                }
                (Outcome::Ineligible, false, Lang::Ko) => [m, josa(m, "과", "와"), " 발효된 FTA가 없습니다."].concat(),
                (Outcome::Ineligible, false, Lang::En) => ["Korea has no FTA in force with ", m, "."].concat(),
            }
        }
        Criterion::Confirm { text } => [lang.pick("확인 필요: ", "To confirm: "), text.get(lang)].concat(),
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

/// The name of a size class, defined once (also used by the SME module).
pub fn size_name(size: SmeSize, lang: Lang) -> &'static str {
    match size {
        SmeSize::Small => lang.pick("소기업", "small enterprise"),
        SmeSize::Medium => lang.pick("중기업", "medium enterprise"),
        SmeSize::None => lang.pick("중소기업 아님", "not an SME"),
    }
}

/// The wording of each readiness question, defined once (the widget asks the same words).
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

fn export_range_text(min: Option<f64>, max: Option<f64>, lang: Lang) -> String {
    let fmt = |v: f64| crate::amount::format_krw(crate::engine::to_won(v), lang);
    match (min, max, lang) {
        (Some(a), Some(b), _) => [fmt(a), " ~ ".into(), fmt(b)].concat(),
        (Some(a), None, Lang::Ko) => [fmt(a), " 이상".into()].concat(),
        (Some(a), None, Lang::En) => ["at least ".into(), fmt(a)].concat(),
        (None, Some(b), Lang::Ko) => [fmt(b), " 이하".into()].concat(),
        (None, Some(b), Lang::En) => ["at most ".into(), fmt(b)].concat(),
        (None, None, _) => lang.pick("제한 없음", "no limit").to_owned(),
    }
}
