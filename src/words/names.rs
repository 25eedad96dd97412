//! Names defined once: size classes, outcomes, programme and FTA statuses, readiness questions.

use crate::error::Lang;
use crate::vocab::{FtaStatus, Outcome, ProgramStatus, Question, SmeSize};

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
