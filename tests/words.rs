//! The one-way engine: the calculations return typed outcomes (`sme::assess`, `rules::assess`,
//! the statuses as enums) and `words` turns them into the sentences a person reads, in Korean and
//! English. Each test checks the typed outcome and the words made from it.

use sme_export::builtin::dataset as default_dataset;
use sme_export::dataset::{Dataset, FtaStatus, ProgramStatus};
use sme_export::engine::{check, estimate, RawInput};
use sme_export::error::Lang;
use sme_export::load::{dataset_from_json, Fix, ProblemKind};
use sme_export::model::{Check, Estimate, Outcome, SmeBasis, SmeSize, SupportResult};
use sme_export::rules::{self, Facts};
use sme_export::{sme, words};

const EOK: f64 = 100_000_000.0; // 억

fn ds() -> Dataset {
    default_dataset()
}

fn case(revenue: f64, sector: &str, market: &str, lang: Lang) -> RawInput {
    RawInput {
        revenue_krw: Some(revenue),
        sector: sector.into(),
        market: market.into(),
        lang,
        today: Some("2026-11-28".into()),
        ..RawInput::default()
    }
}

fn run(raw: &RawInput, ds: &Dataset) -> Estimate {
    match estimate(raw, ds) {
        Ok(r) => r,
        Err(e) => panic!("estimate failed for {raw:?}: {e:?}"),
    }
}

fn program<'a>(r: &'a Estimate, id: &str) -> &'a SupportResult {
    match r.support.iter().find(|p| p.id == id) {
        Some(p) => p,
        None => panic!("no program {id}"),
    }
}

#[test]
fn sme_outcome_is_typed_and_worded_from_it_in_both_languages() {
    let ds = ds();
    let input = match check(&case(35.0 * EOK, "medical_devices", "SA", Lang::Ko), &ds) {
        Ok(i) => i,
        Err(e) => panic!("{e:?}"),
    };
    let a = sme::assess(&input, &ds);
    assert_eq!((a.size, a.basis), (SmeSize::Small, SmeBasis::Revenue));
    assert_eq!((a.small_max_krw, a.medium_max_krw), (80.0 * EOK, 800.0 * EOK));
    assert_eq!(a.revenue_krw, 3_500_000_000);
    assert!(!a.assets_given);

    let ko = words::sme_status(&a, &input, &ds);
    assert_eq!(ko.basis, SmeBasis::Revenue);
    assert_eq!(ko.label, "소기업(중소기업)");
    assert_eq!(
        ko.reasons.first().map(String::as_str),
        Some("3년 평균 매출액 35억 원이 의료기기 소기업 기준(80억 원 이하)에 해당합니다.")
    );
    let en_input = sme_export::model::Input {
        lang: Lang::En,
        ..input.clone()
    };
    let en = words::sme_status(&a, &en_input, &ds);
    assert_eq!(en.label, "Small enterprise (SME)");
    assert_eq!(
        en.reasons.first().map(String::as_str),
        Some("3-year average revenue of KRW 3.5 billion is within the small-enterprise limit for Medical devices (at most KRW 8 billion).")
    );
    // The estimate carries the same typed fields and words.
    let r = run(&case(35.0 * EOK, "medical_devices", "SA", Lang::En), &ds);
    assert_eq!(r.sme, en);
}

#[test]
fn a_medical_corporation_and_the_asset_cap_are_their_own_bases() {
    let ds = ds();
    let mut raw = case(5.0 * EOK, "medical_services", "SA", Lang::En);
    raw.medical_corporation = Some(true);
    let r = run(&raw, &ds);
    assert_eq!((r.sme.size, r.sme.basis), (SmeSize::None, SmeBasis::MedicalCorporation));
    assert_eq!(r.sme.label, "not an SME");
    let mut raw = case(5.0 * EOK, "medical_services", "SA", Lang::Ko);
    raw.total_assets_krw = Some(6000.0 * EOK);
    let r = run(&raw, &ds);
    assert_eq!((r.sme.size, r.sme.basis), (SmeSize::None, SmeBasis::AssetCap));
    assert_eq!(
        r.sme.reasons.first().map(String::as_str),
        Some("자산총액이 5,000억 원 이상이므로 중소기업이 아닙니다.")
    );
}

/// Korea-GCC: negotiations concluded on 28 Dec 2023, not signed. A status of its own, worded as
/// such, and not "an FTA in force" (no FTA multiplier either).
#[test]
fn fta_concluded_is_worded_and_is_not_in_force() {
    let mut ds = ds();
    for m in ds.markets.iter_mut().filter(|m| m.id == "SA") {
        m.fta.status = FtaStatus::Concluded;
    }
    let sa = match ds.market("SA") {
        Some(m) => m.clone(),
        None => panic!("SA is in the dataset"),
    };
    assert_eq!(rules::fta_in_force_outcome(FtaStatus::Concluded), Outcome::Ineligible);
    assert_eq!(
        words::fta_status_label(FtaStatus::Concluded, Lang::Ko),
        "협상 타결(서명 전)"
    );
    assert_eq!(
        words::fta_status_label(FtaStatus::Concluded, Lang::En),
        "Negotiations concluded, not signed"
    );

    for (lang, want) in [
        (
            Lang::Ko,
            "한-GCC FTA(2023.12.28 타결, 정식서명 전)는 협상이 타결되었으나 아직 서명·발효되지 않았습니다.",
        ),
        (
            Lang::En,
            "Negotiations on the Korea-GCC FTA (concluded 28 Dec 2023, not yet signed) are concluded, but it is not yet signed or in force.",
        ),
    ] {
        let r = run(&case(35.0 * EOK, "medical_devices", "SA", lang), &ds);
        assert_eq!(r.potential.fta_status, FtaStatus::Concluded);
        assert_eq!(r.potential.fta_label, words::fta_status_label(FtaStatus::Concluded, lang));
        assert!(
            r.potential.factors.iter().all(|f| f.id != "ftaEffect"),
            "no FTA multiplier for a concluded FTA"
        );
        let fta = program(&r, "fta_utilisation");
        assert_eq!(fta.outcome, Outcome::Ineligible);
        let line = fta.reasons.iter().find(|c| c.check == Check::FtaInForce);
        let line = match line {
            Some(l) => l,
            None => panic!("fta_utilisation has an ftaInForce line: {:#?}", fta.reasons),
        };
        assert_eq!(line.outcome, Outcome::Ineligible);
        assert_eq!(line.reason, want);
        assert_eq!(line.outcome_label, if lang == Lang::Ko { "미충족" } else { "Not met" });
        assert!(!line.reason_states_outcome);
        assert!(fta.to_confirm.is_empty(), "nothing to confirm for an ineligible programme");
        let ranked = r.ranking.iter().find(|m| m.market == "SA");
        assert_eq!(ranked.map(|m| m.fta_status), Some(FtaStatus::Concluded));
    }

    // The same through the facts the interpreter sees.
    let input = match check(&case(35.0 * EOK, "medical_devices", "SA", Lang::Ko), &ds) {
        Ok(i) => i,
        Err(e) => panic!("{e:?}"),
    };
    let facts = Facts {
        input: &input,
        size: SmeSize::Small,
        market: &sa,
        dataset: &ds,
    };
    let fta_prog = ds.programs.iter().find(|p| p.id == "fta_utilisation");
    let a = fta_prog.map(|p| rules::assess(p, &facts));
    assert_eq!(
        a.map(|a| (a.status, a.criteria)),
        Some((ProgramStatus::Active, vec![Outcome::Ineligible, Outcome::Maybe]))
    );
}

#[test]
fn the_loader_reads_concluded_and_refuses_an_unknown_status_with_words_in_both_languages() {
    let mut v: serde_json::Value = match serde_json::from_str(sme_export::builtin::DEFAULT_JSON) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    v["markets"][0]["fta"]["status"] = serde_json::json!("concluded");
    match dataset_from_json(&v.to_string()) {
        Ok(ds) => assert_eq!(ds.markets.first().map(|m| m.fta.status), Some(FtaStatus::Concluded)),
        Err(p) => panic!("concluded is a status: {p:#?}"),
    }
    v["markets"][0]["fta"]["status"] = serde_json::json!("ratified");
    v["programs"][0]["status"] = serde_json::json!("closed");
    let p = match dataset_from_json(&v.to_string()) {
        Ok(_) => panic!("unknown statuses must be refused"),
        Err(p) => p,
    };
    let got: Vec<(&str, ProblemKind, Fix)> = p.iter().map(|p| (p.path.as_str(), p.kind, p.fix)).collect();
    assert_eq!(
        got,
        [
            ("$.markets[0].fta.status", ProblemKind::UnknownKind, Fix::UnknownKind),
            ("$.programs[0].status", ProblemKind::UnknownKind, Fix::UnknownKind),
        ]
    );
    let first = &p[0];
    assert_eq!(
        first.message,
        "$.markets[0].fta.status: \"ratified\" is not one of: none, negotiating, concluded, signed, in_force"
    );
    assert_eq!(first.hint, "use one of the values listed in the message");
    assert_eq!(first.hint_ko, "쓸 수 없는 값입니다. 메시지에 나온 값 중 하나를 쓰세요.");
}

#[test]
fn precise_fixes_are_worded_in_korean_too() {
    let mut v: serde_json::Value = match serde_json::from_str(sme_export::builtin::DEFAULT_JSON) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    v["sectors"][0]["koreaWorldShare"]["value"] = serde_json::json!(1.5);
    let p = match dataset_from_json(&v.to_string()) {
        Ok(_) => panic!("a share above 1 must be refused"),
        Err(p) => p,
    };
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!((p[0].kind, p[0].fix), (ProblemKind::Range, Fix::Share));
    assert_eq!(
        p[0].hint,
        "write the share as a fraction between 0 and 1, e.g. 0.25 for 25 %"
    );
    assert_eq!(p[0].hint_ko, "비율은 0~1 사이의 소수로 쓰세요(0.25 = 25%).");
}

#[test]
fn programme_status_is_an_enum_with_its_label() {
    let ds = ds();
    let r = run(&case(8.0 * EOK, "medical_services", "AE", Lang::En), &ds);
    let act = program(&r, "foreign_branch_act");
    assert_eq!(
        (act.status, act.status_label.as_str()),
        (ProgramStatus::Enacted, "In force")
    );
    let first = act.reasons.first();
    assert_eq!(
        first.map(|c| (c.check, c.outcome)),
        Some((Check::Status, Outcome::Eligible))
    );
    let iv = program(&r, "industry_export_voucher");
    // A "confirm" line begins with its outcome's label, and says so.
    let confirm = iv.reasons.iter().find(|c| c.check == Check::Confirm);
    assert_eq!(
        confirm.map(|c| (
            c.outcome_label.as_str(),
            c.reason_states_outcome,
            c.reason.starts_with("To confirm: ")
        )),
        Some(("To confirm", true, true))
    );
    // The plan's own measures whose status is not known are history on the plan card, worded there.
    let tf = r
        .plan
        .measures
        .iter()
        .find(|m| m.name.starts_with("Medical technology and service exchanges"));
    assert_eq!(
        tf.map(|m| (m.status, m.status_label.as_str())),
        Some((ProgramStatus::Unknown, "Unconfirmed"))
    );
    assert!(!r.support.iter().any(|p| p.id == "tech_service_exchange"));
    let ko = run(&case(8.0 * EOK, "medical_services", "AE", Lang::Ko), &ds);
    assert_eq!(program(&ko, "foreign_branch_act").status_label, "법 시행");
    assert!(ko.plan.measures.iter().any(|m| m.status_label == "확인 안 됨"));
}

#[test]
fn ranking_names_regions_in_the_requested_language() {
    let ds = ds();
    let r = run(&case(35.0 * EOK, "medical_devices", "KZ", Lang::Ko), &ds);
    let kz = r.ranking.iter().find(|m| m.market == "KZ");
    assert_eq!(
        kz.map(|m| (m.region.as_str(), m.region_name.as_str(), m.fta_status)),
        Some(("central_asia", "중앙아시아", FtaStatus::None))
    );
}

#[test]
fn the_dataset_notice_names_the_one_problem_or_counts_them() {
    use ProblemKind as K;
    assert_eq!(words::dataset_notice(&[K::Json], Lang::Ko), "JSON 형식이 아님");
    assert_eq!(
        words::dataset_notice(&[K::TooDeep], Lang::En),
        "nested more than 64 levels deep"
    );
    assert_eq!(words::dataset_notice(&[K::Missing], Lang::Ko), "데이터 문제 1건");
    assert_eq!(
        words::dataset_notice(&[K::Missing, K::Type], Lang::En),
        "2 problems in the data"
    );
    assert_eq!(
        words::dataset_notice(&[K::Missing, K::Type, K::Truncated], Lang::Ko),
        "데이터 문제 2+건"
    );
}
