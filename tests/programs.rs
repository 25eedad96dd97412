//! Support-program outcomes for one profile per sector, in the manner of GOV.UK smart-answers
//! regression tests: each profile's full list of outcomes is pinned, so a change to a rule or
//! to the interpreter shows up as a changed outcome a user would see.

use sme_export::engine::{estimate, RawInput};
use sme_export::error::Lang;
use sme_export::load::default_dataset;
use sme_export::model::{Estimate, Outcome, ProgramStatus, SupportResult};

use Outcome::{Eligible as E, Ineligible as N, Maybe as M};

fn run(revenue: f64, sector: &str, market: &str, lang: Lang) -> Estimate {
    let ds = default_dataset().unwrap_or_else(|p| panic!("{p:?}"));
    let raw = RawInput {
        revenue_krw: Some(revenue),
        sector: sector.into(),
        market: market.into(),
        lang,
        today: Some("2026-11-28".into()),
        ..RawInput::default()
    };
    estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"))
}

fn outcomes(r: &Estimate) -> Vec<(&str, Outcome)> {
    r.support.iter().map(|s| (s.id.as_str(), s.outcome)).collect()
}

fn program<'a>(r: &'a Estimate, id: &str) -> &'a SupportResult {
    r.support
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("program {id}"))
}

const IDS: [&str; 12] = [
    "foreign_branch_act",
    "foreign_patient_telemedicine",
    "overseas_checkup_centres",
    "tech_service_exchange",
    "saudi_staff_training",
    "export_task_force",
    "medical_global_fund",
    "fta_utilisation",
    "foreign_patient_attraction",
    "export_voucher",
    "khidi_overseas_expansion",
    "khidi_strategic_hub",
];

fn expect(r: &Estimate, expected: [Outcome; 12]) {
    let want: Vec<(&str, Outcome)> = IDS.into_iter().zip(expected).collect();
    assert_eq!(outcomes(r), want);
}

#[test]
fn device_maker_small_to_saudi_arabia() {
    let r = run(35e8, "medical_devices", "SA", Lang::Ko);
    expect(&r, [N, N, N, M, N, M, M, N, N, E, M, M]);
    let voucher = program(&r, "export_voucher");
    assert_eq!(voucher.outcome_label, "지원 대상일 수 있음");
    assert!(voucher.to_confirm.is_empty());
    assert!(voucher.next_step.as_deref().unwrap_or("").contains("신청"));
    let fta = program(&r, "fta_utilisation");
    assert!(
        fta.reasons.iter().any(|x| x.outcome == N && x.reason.contains("FTA")),
        "{:?}",
        fta.reasons
    );
    assert!(
        fta.to_confirm.is_empty(),
        "nothing to confirm for an ineligible program"
    );
}

#[test]
fn pharmaceutical_firm_medium_to_kazakhstan() {
    let r = run(500e8, "pharmaceuticals", "KZ", Lang::En);
    assert_eq!(r.sme.label, "Medium enterprise (SME)");
    expect(&r, [N, N, N, M, N, M, M, N, N, E, M, N]);
    let hub = program(&r, "khidi_strategic_hub");
    assert_eq!(hub.outcome_label, "Not eligible");
    assert!(
        hub.reasons
            .iter()
            .any(|x| x.outcome == N && x.reason.starts_with("Only for: Saudi Arabia")),
        "{:?}",
        hub.reasons
    );
}

#[test]
fn clinic_small_to_the_uae() {
    let r = run(8e8, "medical_services", "AE", Lang::Ko);
    expect(&r, [E, M, M, M, N, M, M, M, M, E, M, M]);
    let act = program(&r, "foreign_branch_act");
    assert_eq!(act.status, ProgramStatus::Enacted);
    assert_eq!(act.status_label, "법 시행");
    assert!(act.reasons.iter().all(|x| x.outcome == E));
    let fta = program(&r, "fta_utilisation");
    assert!(
        fta.to_confirm.iter().any(|x| x.contains("서명")),
        "signed, not yet in force: {:?}",
        fta.to_confirm
    );
    let training = program(&r, "saudi_staff_training");
    assert!(training
        .reasons
        .iter()
        .any(|x| x.outcome == N && x.reason.contains("사우디")));
}

#[test]
fn digital_health_firm_not_an_sme_to_uzbekistan() {
    let r = run(1000e8, "digital_health", "UZ", Lang::En);
    assert_eq!(r.sme.label, "not an SME");
    expect(&r, [N, M, N, M, N, M, M, N, N, N, M, N]);
    let voucher = program(&r, "export_voucher");
    assert!(voucher
        .reasons
        .iter()
        .any(|x| x.outcome == N && x.reason.contains("small enterprise")));
    let tele = program(&r, "foreign_patient_telemedicine");
    assert!(
        tele.to_confirm.iter().any(|x| x.contains("unconfirmed")),
        "{:?}",
        tele.to_confirm
    );
}

#[test]
fn every_program_has_a_reason_per_criterion_and_the_status() {
    let ds = default_dataset().unwrap_or_else(|p| panic!("{p:?}"));
    let r = run(35e8, "medical_devices", "SA", Lang::Ko);
    for (p, res) in ds.programs.iter().zip(&r.support) {
        assert_eq!(res.reasons.len(), p.rule.len() + 1, "{}", p.id);
        assert!(res.reasons.iter().all(|x| !x.reason.is_empty()));
    }
}
