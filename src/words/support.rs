//! Support programmes: each programme's card, its criteria, its call, and the FTA reason.

use crate::amount::{format_krw, to_won};
use crate::dataset::Criterion;
use crate::dataset::{Dataset, Market, Program};
use crate::error::Lang;
use crate::ko::josa;
use crate::model::{Check, CriterionResult, Input, ProgramAssessment, SupportResult};
use crate::vocab::{FtaStatus, Outcome, ProgramStatus, WindowStatus};

use super::join_names;
use super::names::{criterion_outcome_label, outcome_label, program_status_label, question_text, size_name};

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
