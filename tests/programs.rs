//! Support-program outcomes for one profile per sector, in the manner of GOV.UK smart-answers
//! regression tests: each profile's full list of outcomes is pinned, so a change to a rule or
//! to the interpreter shows up as a changed outcome a user would see.

use sme_export::builtin::dataset as default_dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::error::Lang;
use sme_export::model::{Estimate, Outcome, ProgramStatus, SupportResult};

use Outcome::{Eligible as E, Ineligible as N, Maybe as M};

fn run(revenue: f64, sector: &str, market: &str, lang: Lang) -> Estimate {
    let ds = default_dataset();
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
    "saudi_staff_training",
    "fta_utilisation",
    "foreign_patient_attraction",
    "export_voucher",
    "industry_export_voucher",
    "khidi_overseas_expansion",
    "overseas_certification",
    "k_bio_vaccine_fund",
    "khidi_ict_medical_systems",
    "k_vip",
    "midsize_export_voucher",
];

fn expect(r: &Estimate, expected: [Outcome; 13]) {
    let want: Vec<(&str, Outcome)> = IDS.into_iter().zip(expected).collect();
    assert_eq!(outcomes(r), want);
}

#[test]
fn device_maker_small_to_saudi_arabia() {
    let r = run(35e8, "medical_devices", "SA", Lang::Ko);
    // The vouchers and the certification support are competitive or have conditions to confirm;
    // K-VIP names device firms; the mid-sized voucher is not for an SME.
    expect(&r, [N, N, N, N, N, M, M, M, M, M, N, E, N]);
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
    expect(&r, [N, N, N, N, N, M, M, M, M, M, N, E, N]);
    let ict = program(&r, "khidi_ict_medical_systems");
    assert_eq!(ict.outcome_label, "Not eligible");
    assert!(
        ict.reasons
            .iter()
            .any(|x| x.outcome == N && x.reason.starts_with("Only for:")),
        "{:?}",
        ict.reasons
    );
}

#[test]
fn clinic_small_to_the_uae() {
    let r = run(8e8, "medical_services", "AE", Lang::Ko);
    expect(&r, [E, M, N, M, M, M, M, M, M, N, M, N, N]);
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
    // Above the SME limit: not the SME voucher nor the SME certification support, but the industry
    // voucher and the mid-sized firms' voucher.
    expect(&r, [N, M, N, N, N, N, M, M, N, M, M, E, M]);
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
    let ds = default_dataset();
    let r = run(35e8, "medical_devices", "SA", Lang::Ko);
    for (p, res) in ds.programs.iter().zip(&r.support) {
        assert_eq!(res.reasons.len(), p.rule.len() + 1, "{}", p.id);
        assert!(res.reasons.iter().all(|x| !x.reason.is_empty()));
    }
}

// ---- programmes as of today ----

#[test]
fn the_plans_own_measures_of_unknown_status_are_history_not_support() {
    for lang in [Lang::Ko, Lang::En] {
        let r = run(35e8, "medical_devices", "SA", lang);
        for gone in [
            "medical_global_fund",
            "overseas_checkup_centres",
            "tech_service_exchange",
            "export_task_force",
            "khidi_strategic_hub",
        ] {
            assert!(
                !r.support.iter().any(|p| p.id == gone),
                "{gone} is not offered as support"
            );
        }
        assert_eq!(r.plan.measures.len(), 5);
        let fund = r
            .plan
            .measures
            .iter()
            .find(|m| m.status == ProgramStatus::Ended)
            .unwrap_or_else(|| panic!("the fund"));
        assert_eq!(fund.status_label, lang.pick("종료", "Ended"));
        assert!(
            fund.note
                .contains(lang.pick("K-바이오·백신 펀드", "K-Bio·Vaccine Fund")),
            "{}",
            fund.note
        );
        assert!(
            fund.checked_and_source
                .starts_with(lang.pick("상태 확인일: 2026-12-04", "Status last checked: 2026-12-04")),
            "{}",
            fund.checked_and_source
        );
    }
}

#[test]
fn each_call_says_whether_it_is_open_on_the_cases_day() {
    use sme_export::model::WindowStatus as W;
    let on = |today: &str| {
        let ds = default_dataset();
        let raw = RawInput {
            revenue_krw: Some(35e8),
            sector: "medical_devices".into(),
            market: "SA".into(),
            lang: Lang::En,
            today: Some(today.into()),
            ..RawInput::default()
        };
        estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"))
    };
    let window = |r: &Estimate, id: &str| program(r, id).window;
    // The Export Voucher's 2026 first call: 17 Dec 2025 to 9 Jan 2026, inclusive.
    assert_eq!(window(&on("2025-12-16"), "export_voucher"), W::Upcoming);
    assert_eq!(window(&on("2025-12-17"), "export_voucher"), W::Open);
    assert_eq!(window(&on("2026-01-09"), "export_voucher"), W::Open);
    assert_eq!(window(&on("2026-01-10"), "export_voucher"), W::Closed);
    // Overseas certification ran February to November 2026; the fund takes pitches all year.
    let late = on("2026-11-30");
    assert_eq!(window(&late, "overseas_certification"), W::Open);
    let today = on("2026-12-04");
    assert_eq!(window(&today, "overseas_certification"), W::Closed);
    assert_eq!(window(&today, "k_bio_vaccine_fund"), W::Rolling);
    // The industry voucher's call opened on 22 Dec 2025 with no closing date found: still open.
    assert_eq!(window(&today, "industry_export_voucher"), W::Open);
    let v = program(&today, "export_voucher");
    assert_eq!(
        v.window_text.as_deref(),
        Some("Applications 2025-12-17 ~ 2026-01-09: closed. The 2026 first call (about 2,000 firms). The second call and the 2027 call were not found (last year's first call opened in mid-December).")
    );
    // The summary names what the firm can act on now, and counts what waits for a call.
    assert_eq!(
        today.summary.act_now_names,
        ["Industry export voucher", "K-Bio·Vaccine Fund"]
    );
    let line = today
        .summary
        .lines
        .iter()
        .find(|l| l.topic == sme_export::model::SummaryTopic::Support)
        .map(|l| l.text.clone())
        .unwrap_or_default();
    assert_eq!(
        line,
        "Open now: Industry export voucher, K-Bio·Vaccine Fund · 4 await a call · 5 to confirm"
    );
    // A bill in committee is not something to act on now.
    let clinic = {
        let ds = default_dataset();
        let raw = RawInput {
            revenue_krw: Some(8e8),
            sector: "medical_services".into(),
            market: "AE".into(),
            lang: Lang::En,
            today: Some("2026-12-04".into()),
            ..RawInput::default()
        };
        estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"))
    };
    assert_eq!(window(&clinic, "foreign_patient_telemedicine"), W::Upcoming);
    assert!(!clinic.summary.act_now_names.iter().any(|n| n.contains("Telemedicine")));
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
        iv.to_confirm
            .iter()
            .any(|x| x.contains("not medical devices or pharmaceuticals")),
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
