//! Support-program eligibility as data, evaluated by one small interpreter; worded by
//! `words::support`.
//!
//! A program's rule is a list of criteria (`dataset::Criterion`) that must all hold. Each
//! criterion evaluates to eligible (it holds), maybe (we cannot tell from what the user said: they
//! must confirm) or ineligible (it fails). The program's outcome is the worst of its criteria: any
//! ineligible makes it ineligible, else any maybe makes it maybe. The program's status (ended,
//! planned, ...) is one more criterion applied to every program.
//! This is the GOV.UK smart-answers idea: each outcome defined once, no special cases in code.
//!
//! `status_outcome` and `criterion_outcome` decide; `assess` gathers them for the widget and
//! `outcome` folds them for the batch scorer (`engine::Prepared::score`), so the two cannot
//! disagree and a batch row builds no text.

pub use crate::dataset::Criterion;
use crate::dataset::{Dataset, FtaStatus, Market, Program, ProgramStatus};
use crate::model::{Input, Outcome, ProgramAssessment, SmeSize, WindowStatus};

/// What the interpreter needs to know about the case besides the input.
pub struct Facts<'a> {
    pub input: &'a Input,
    pub size: SmeSize,
    pub market: &'a Market,
    pub dataset: &'a Dataset,
}

/// Assesses every program of the dataset for one case, in dataset order.
pub fn assess_all(facts: &Facts) -> Vec<ProgramAssessment> {
    facts.dataset.programs.iter().map(|p| assess(p, facts)).collect()
}

/// Assesses one program: the outcome of its status and of each criterion, and the program's.
pub fn assess(program: &Program, facts: &Facts) -> ProgramAssessment {
    let status_outcome = status_outcome(program.status);
    let criteria: Vec<Outcome> = program.rule.iter().map(|c| criterion_outcome(c, facts)).collect();
    let outcome = criteria.iter().copied().fold(status_outcome, worst);
    ProgramAssessment {
        status: program.status,
        status_outcome,
        criteria,
        outcome,
        window: window_status(program, crate::sme::today(facts.input, facts.dataset)),
    }
}

/// Where the programme's call stands on `today` (ISO date): the one place it is decided. A call
/// without dates, or no call, is `Rolling`; an ended programme's call is `Closed`, and one not yet
/// in force (a bill, a plan) is `Upcoming`: neither is something to act on now.
pub fn window_status(program: &Program, today: &str) -> WindowStatus {
    match program.status {
        ProgramStatus::Ended => return WindowStatus::Closed,
        ProgramStatus::Pending | ProgramStatus::Planned => return WindowStatus::Upcoming,
        ProgramStatus::Active | ProgramStatus::Enacted | ProgramStatus::Unknown => {}
    }
    let Some(w) = &program.application_window else {
        return WindowStatus::Rolling;
    };
    // ISO dates compare correctly as strings.
    let opened = w.opens.as_deref().is_none_or(|d| d <= today);
    let closed = w.closes.as_deref().is_some_and(|d| d < today);
    match (opened, closed, w.opens.is_none() && w.closes.is_none()) {
        (_, _, true) => WindowStatus::Rolling,
        (_, true, _) => WindowStatus::Closed,
        (false, _, _) => WindowStatus::Upcoming,
        (true, false, _) => WindowStatus::Open,
    }
}

/// A program's outcome alone: the worst of its status and its criteria (what `assess` folds).
pub fn outcome(program: &Program, facts: &Facts) -> Outcome {
    program
        .rule
        .iter()
        .map(|c| criterion_outcome(c, facts))
        .fold(status_outcome(program.status), worst)
}

fn worst(a: Outcome, b: Outcome) -> Outcome {
    match (a, b) {
        (Outcome::Ineligible, _) | (_, Outcome::Ineligible) => Outcome::Ineligible,
        (Outcome::Maybe, _) | (_, Outcome::Maybe) => Outcome::Maybe,
        _ => Outcome::Eligible,
    }
}

fn yes_no(ok: bool) -> Outcome {
    if ok {
        Outcome::Eligible
    } else {
        Outcome::Ineligible
    }
}

/// The outcome of the program's status, a criterion every program has.
pub fn status_outcome(status: ProgramStatus) -> Outcome {
    match status {
        ProgramStatus::Active | ProgramStatus::Enacted => Outcome::Eligible,
        ProgramStatus::Ended => Outcome::Ineligible,
        // Not confirmed to run.
        ProgramStatus::Planned | ProgramStatus::Pending | ProgramStatus::Unknown => Outcome::Maybe,
    }
}

/// The outcome of "an FTA in force" for a market's FTA status.
pub fn fta_in_force_outcome(status: FtaStatus) -> Outcome {
    match status {
        FtaStatus::InForce => Outcome::Eligible,
        // Signed: it may have come into force since the dataset was checked.
        FtaStatus::Signed => Outcome::Maybe,
        // Concluded but not signed, under negotiation, or none: not in force.
        FtaStatus::Concluded | FtaStatus::Negotiating | FtaStatus::None => Outcome::Ineligible,
    }
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
        Criterion::FtaInForce => fta_in_force_outcome(facts.market.fta.status),
        Criterion::Confirm { .. } => Outcome::Maybe,
    }
}
