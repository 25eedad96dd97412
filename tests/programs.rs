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

const IDS: [&str; 13] = [
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
    "industry_export_voucher",
    "khidi_overseas_expansion",
    "khidi_strategic_hub",
];

fn expect(r: &Estimate, expected: [Outcome; 13]) {
    let want: Vec<(&str, Outcome)> = IDS.into_iter().zip(expected).collect();
    assert_eq!(outcomes(r), want);
}

#[test]
fn device_maker_small_to_saudi_arabia() {
    let r = run(35e8, "medical_devices", "SA", Lang::Ko);
    // The fund has ended; the Export Voucher is competitive with a co-payment: both to confirm.
    expect(&r, [N, N, N, M, N, M, N, N, N, M, M, M, M]);
    let voucher = program(&r, "export_voucher");
    assert_eq!(voucher.outcome_label, "확인 필요");
    assert_eq!(voucher.to_confirm.len(), 2, "{:?}", voucher.to_confirm);
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
    expect(&r, [N, N, N, M, N, M, N, N, N, M, M, M, N]);
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
    expect(&r, [E, M, M, M, N, M, N, M, M, M, M, M, M]);
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
    let r = run(1200e8, "digital_health", "UZ", Lang::En);
    assert_eq!(r.sme.label, "not an SME");
    // Above the SME limit: not the SME voucher, but the industry voucher (open to mid-sized firms).
    expect(&r, [N, M, N, M, N, M, N, N, N, N, M, M, N]);
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

// ---- programmes as of today (issue 10 item 5) ----

#[test]
fn the_medical_global_fund_shows_as_ended_with_its_reason() {
    for lang in [Lang::Ko, Lang::En] {
        let r = run(35e8, "medical_devices", "SA", lang);
        let fund = program(&r, "medical_global_fund");
        assert_eq!(fund.status, ProgramStatus::Ended);
        assert_eq!(fund.outcome, N);
        assert_eq!(fund.status_label, lang.pick("종료", "Ended"));
        assert_eq!(fund.outcome_label, lang.pick("해당 없음", "Not eligible"));
        let note = fund.status_note.as_deref().unwrap_or("");
        assert!(
            note.contains(lang.pick(
                "존속기간 8년(최대 2년 연장): 2023년 4월 만료",
                "8-year term (up to 2 more years): ended in Apr 2023"
            )),
            "{note}"
        );
        assert!(
            note.contains(lang.pick("정확한 종료일은 가정", "the exact end date is an assumption")),
            "{note}"
        );
        assert_eq!(
            fund.reasons[0].reason,
            lang.pick(
                "종료된 제도입니다. 후속 사업을 확인하세요.",
                "The measure has ended; look for its successor."
            )
        );
        assert!(fund.to_confirm.is_empty(), "nothing to confirm for an ended fund");
        assert_eq!(fund.status_checked, "2026-12-01");
        assert_eq!(
            fund.status_checked_text,
            lang.pick("상태 확인일: 2026-12-01", "Status last checked: 2026-12-01")
        );
    }
}

#[test]
fn the_export_voucher_asks_to_confirm_competition_and_co_payment_with_the_2026_tiers() {
    let r = run(35e8, "medical_devices", "SA", Lang::En);
    let v = program(&r, "export_voucher");
    assert_eq!(v.outcome, M);
    assert_eq!(
        v.to_confirm,
        [
            "To confirm: Selection is competitive: about 3.7 applicants per place in the first 2024 round and 6.8 in the second; applying does not assure selection",
            "To confirm: A co-payment (the company's share) is required; the rate is set in each call (see exportvoucher.com)",
        ]
    );
    assert!(v.offers.contains("domestic (no exports) and starter (< US$ 0.1 m) KRW 30 m, promising (to US$ 1 m) KRW 45 m, growing (to US$ 5 m) KRW 70 m, strong (US$ 5 m+) KRW 100 m"), "{}", v.offers);
    let ko = run(35e8, "medical_devices", "SA", Lang::Ko);
    let v = program(&ko, "export_voucher");
    assert!(
        v.to_confirm
            .iter()
            .any(|x| x
                == "확인 필요: 선정 경쟁: 2024년 경쟁률 약 3.7:1(1차), 6.8:1(2차). 신청해도 선정은 보장되지 않습니다"),
        "{:?}",
        v.to_confirm
    );
    assert!(
        v.to_confirm.iter().any(|x| x.contains("기업분담금(자부담) 납부")),
        "{:?}",
        v.to_confirm
    );
    assert!(v.offers.contains("내수(수출 없음)·초보(10만$ 미만) 3천만 원, 유망(~100만$) 4,500만 원, 성장(~500만$) 7,000만 원, 강소(500만$ 이상) 1억 원"), "{}", v.offers);
    // A firm above the SME limit: the SME voucher is out, the industry voucher is its line.
    let big = run(1000e8, "medical_devices", "SA", Lang::En);
    assert_eq!(big.sme.size, sme_export::model::SmeSize::None);
    assert_eq!(program(&big, "export_voucher").outcome, N);
    let iv = program(&big, "industry_export_voucher");
    assert_eq!(iv.outcome, M);
    assert_eq!(iv.agency, "MOTIE; KOTRA");
    assert!(iv.offers.contains("up to KRW 100 m per firm"), "{}", iv.offers);
    assert!(
        iv.to_confirm.iter().any(|x| x.contains("mid-sized firm (중견기업)")),
        "{:?}",
        iv.to_confirm
    );
}

#[test]
fn the_korea_gcc_fta_is_worded_as_concluded_not_in_force() {
    for m in ["SA", "QA", "KW", "OM", "BH"] {
        let r = run(35e8, "medical_devices", m, Lang::En);
        assert_eq!(r.potential.fta_status, sme_export::model::FtaStatus::Concluded, "{m}");
        assert_eq!(r.potential.fta_label, "Negotiations concluded, not signed", "{m}");
        let fta = program(&r, "fta_utilisation");
        assert_eq!(fta.outcome, N, "{m}");
        assert!(
            fta.reasons.iter().any(|x| x.outcome == N
                && x.reason == "Negotiations on the Korea-GCC FTA (concluded 28 Dec 2023, not yet signed) are concluded, but it is not yet signed or in force."),
            "{m}: {:?}",
            fta.reasons
        );
        assert!(!fta.reasons.iter().any(|x| x.reason.contains(" is in force")), "{m}");
    }
    let ko = run(35e8, "medical_devices", "SA", Lang::Ko);
    assert_eq!(ko.potential.fta_label, "협상 타결(서명 전)");
    assert!(program(&ko, "fta_utilisation")
        .reasons
        .iter()
        .any(|x| x.reason.contains("협상이 타결되었으나 아직 서명·발효되지 않았습니다")));
    // The UAE CEPA is signed: in force is to confirm, not assumed.
    let ae = run(35e8, "medical_devices", "AE", Lang::En);
    assert_eq!(ae.potential.fta_status, sme_export::model::FtaStatus::Signed);
    assert_eq!(program(&ae, "fta_utilisation").outcome, M);
}

#[test]
fn foreign_patient_registration_dates_from_2009_and_every_status_has_its_check_date() {
    let r = run(8e8, "medical_services", "AE", Lang::En);
    let fp = program(&r, "foreign_patient_attraction");
    assert!(
        fp.status_note
            .as_deref()
            .unwrap_or("")
            .starts_with("Registration of institutions began with the 2009 Medical Act amendment"),
        "{:?}",
        fp.status_note
    );
    assert!(fp.status_note.as_deref().unwrap_or("").contains("1,170,467 in 2024"));
    for p in &r.support {
        assert_eq!(p.status_checked.len(), 10, "{}", p.id);
        assert!(
            p.status_checked.as_str() >= "2026-11-28",
            "{}: {}",
            p.id,
            p.status_checked
        );
        assert!(p.status_checked_text.ends_with(&p.status_checked));
    }
}
