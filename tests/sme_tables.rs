//! SME status by the table in force on the case's day (issue 10 item 4): the 2015 table until
//! 31 Aug 2025, the 2025 revision from 1 Sep 2025 with its certain values and, where the
//! per-industry value was not found, its possible upper bounds. What a person reads on the SME
//! card, in both languages: the table applied, the class, the "may be" sentence, the distance to
//! each threshold and the conditions the widget cannot check.

use sme_export::dataset::Dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::error::Lang;
use sme_export::load::default_dataset;
use sme_export::model::{SmeSize, SmeStatus};

const EOK: f64 = 100_000_000.0; // 억

fn ds() -> Dataset {
    default_dataset().unwrap_or_else(|p| panic!("default dataset must load: {p:#?}"))
}

fn sme(ds: &Dataset, revenue: f64, sector: &str, today: &str, lang: Lang) -> SmeStatus {
    let raw = RawInput {
        revenue_krw: Some(revenue),
        sector: sector.into(),
        market: "SA".into(),
        lang,
        today: Some(today.into()),
        ..RawInput::default()
    };
    estimate(&raw, ds).unwrap_or_else(|e| panic!("{e:?}")).sme
}

fn texts(s: &SmeStatus) -> Vec<&str> {
    s.thresholds.iter().map(|t| t.text.as_str()).collect()
}

#[test]
fn a_device_maker_at_90_eok_on_the_2015_table_is_medium_with_no_may_be() {
    let ds = ds();
    let ko = sme(&ds, 90.0 * EOK, "medical_devices", "2025-08-31", Lang::Ko);
    assert_eq!(
        (ko.size, ko.table_id.as_str(), ko.table_effective.as_str()),
        (SmeSize::Medium, "2015-01", "2015-01-01")
    );
    assert_eq!(ko.table, "중소기업기본법 시행령 별표1·3 (2015.1.1 시행 규모기준)");
    assert_eq!(ko.label, "중기업(중소기업)");
    assert_eq!(ko.limits, "소기업 80억 원 이하 · 중기업 800억 원 이하");
    assert_eq!(
        texts(&ko),
        [
            "소기업 상한 80억 원보다 10억 원 많습니다.",
            "중소기업(중기업) 상한 800억 원보다 710억 원 적습니다."
        ]
    );
    assert_eq!((ko.may_be, ko.may_be_note.as_deref()), (None, None));
    let en = sme(&ds, 90.0 * EOK, "medical_devices", "2025-08-31", Lang::En);
    assert_eq!(en.label, "Medium enterprise (SME)");
    assert_eq!(en.limits, "small: up to KRW 8 billion · medium: up to KRW 80 billion");
    assert_eq!(
        texts(&en),
        [
            "KRW 1 billion above the KRW 8 billion small-enterprise ceiling.",
            "KRW 71 billion below the KRW 80 billion SME (medium-enterprise) ceiling."
        ]
    );
    assert_eq!(en.thresholds[0].distance_krw, 10.0 * EOK);
    assert_eq!(en.thresholds[1].distance_krw, -710.0 * EOK);
    assert_eq!(en.may_be_note, None);
}

#[test]
fn the_same_firm_on_2026_12_01_gets_the_2025_table_and_may_be_small() {
    let ds = ds();
    let ko = sme(&ds, 90.0 * EOK, "medical_devices", "2026-12-01", Lang::Ko);
    assert_eq!(
        (ko.table_id.as_str(), ko.table_effective.as_str()),
        ("2025-09", "2025-09-01")
    );
    assert_eq!(
        ko.table,
        "중소기업기본법 시행령 별표1·3 (2025.9.1 시행 개정 규모기준, 업종별 값 일부 미확인)"
    );
    // The class by the certain bound: medium; the better class it may be: small.
    assert_eq!((ko.size, ko.may_be), (SmeSize::Medium, Some(SmeSize::Small)));
    assert_eq!(
        (ko.small_max_krw, ko.small_max_up_to_krw),
        (80.0 * EOK, Some(100.0 * EOK))
    );
    assert_eq!(
        (ko.medium_max_krw, ko.medium_max_up_to_krw),
        (800.0 * EOK, Some(1100.0 * EOK))
    );
    assert_eq!(
        ko.may_be_note.as_deref(),
        Some("3년 평균 매출액 90억 원은 80억 원과 100억 원 사이입니다. 2025-09-01 시행 기준표의 이 업종 값을 확인하지 못해 지금은 확실한 기준으로 판정했지만, 실제로는 소기업으로 분류될 수 있습니다. https://sminfo.mss.go.kr에서 확인하세요.")
    );
    assert_eq!(
        ko.limits,
        "소기업 80억 원 이하(최대 100억 원일 수 있음) · 중기업 800억 원 이하(최대 1,100억 원일 수 있음)"
    );
    assert_eq!(
        texts(&ko),
        [
            "소기업 상한 80억 원보다 10억 원 많습니다. 적용 기준표의 이 업종 상한은 최대 100억 원일 수 있습니다(업종별 값 미확인).",
            "중소기업(중기업) 상한 800억 원보다 710억 원 적습니다. 적용 기준표의 이 업종 상한은 최대 1,100억 원일 수 있습니다(업종별 값 미확인)."
        ]
    );
    assert!(ko.threshold_assumed, "the upper bounds are assumptions");
    let en = sme(&ds, 90.0 * EOK, "medical_devices", "2026-12-01", Lang::En);
    assert_eq!(
        en.may_be_note.as_deref(),
        Some("Your 3-year average revenue of KRW 9 billion lies between KRW 8 billion and KRW 10 billion: the table in force from 2025-09-01 may classify you as a small enterprise (its value for your industry was not found, so the certain limit was applied). Confirm at https://sminfo.mss.go.kr.")
    );
    assert_eq!(
        en.limits,
        "small: up to KRW 8 billion (possibly up to KRW 10 billion) · medium: up to KRW 80 billion (possibly up to KRW 110 billion)"
    );
    assert_eq!(
        texts(&en)[0],
        "KRW 1 billion above the KRW 8 billion small-enterprise ceiling. The table's ceiling for this industry may be as high as KRW 10 billion (its value was not found)."
    );
    assert_eq!(en.label, "Medium enterprise (SME)");
}

#[test]
fn a_distance_below_reads_like_the_issue_says() {
    // 35억 devices: "45억 below the 80억 small-enterprise ceiling".
    let ds = ds();
    let ko = sme(&ds, 35.0 * EOK, "medical_devices", "2025-08-31", Lang::Ko);
    assert_eq!(texts(&ko)[0], "소기업 상한 80억 원보다 45억 원 적습니다.");
    let en = sme(&ds, 35.0 * EOK, "medical_devices", "2025-08-31", Lang::En);
    assert_eq!(
        texts(&en)[0],
        "KRW 4.5 billion below the KRW 8 billion small-enterprise ceiling."
    );
    let at = sme(&ds, 80.0 * EOK, "medical_devices", "2025-08-31", Lang::En);
    assert_eq!(at.size, SmeSize::Small);
    assert_eq!(
        texts(&at)[0],
        "Exactly at the KRW 8 billion small-enterprise ceiling (at most, so within it)."
    );
}

#[test]
fn a_clinic_at_12_eok_is_small_from_2025_09_01_and_medium_before() {
    let ds = ds();
    let before = sme(&ds, 12.0 * EOK, "medical_services", "2025-08-31", Lang::En);
    assert_eq!(
        (before.size, before.table_effective.as_str()),
        (SmeSize::Medium, "2015-01-01")
    );
    assert_eq!(before.small_max_krw, 10.0 * EOK);
    assert_eq!(
        texts(&before)[0],
        "KRW 200 million above the KRW 1 billion small-enterprise ceiling."
    );
    let after = sme(&ds, 12.0 * EOK, "medical_services", "2025-09-01", Lang::En);
    assert_eq!(
        (after.size, after.table_effective.as_str()),
        (SmeSize::Small, "2025-09-01")
    );
    // 15억 is certain (the 10억 band was abolished), so 12억 is small without a "may be".
    assert_eq!(
        (after.small_max_krw, after.small_max_up_to_krw),
        (15.0 * EOK, Some(30.0 * EOK))
    );
    assert_eq!(after.may_be_note, None);
    assert_eq!(after.label, "Small enterprise (SME)");
    assert!(
        texts(&after)[0].starts_with("KRW 300 million below the KRW 1.5 billion small-enterprise ceiling."),
        "{:?}",
        texts(&after)
    );
    let ko = sme(&ds, 12.0 * EOK, "medical_services", "2025-09-01", Lang::Ko);
    assert_eq!(ko.label, "소기업(중소기업)");
    assert_eq!(
        ko.reasons[0],
        "3년 평균 매출액 12억 원이 의료서비스 소기업 기준(15억 원 이하)에 해당합니다."
    );
    // Between 15억 and 30억 it may be small.
    let may = sme(&ds, 20.0 * EOK, "medical_services", "2026-12-01", Lang::En);
    assert_eq!((may.size, may.may_be), (SmeSize::Medium, Some(SmeSize::Small)));
}

#[test]
fn above_the_certain_sme_ceiling_within_the_possible_raise_may_be_an_sme() {
    let ds = ds();
    let en = sme(&ds, 850.0 * EOK, "pharmaceuticals", "2026-12-01", Lang::En);
    assert_eq!((en.size, en.may_be), (SmeSize::None, Some(SmeSize::Medium)));
    assert!(en.may_be_note.as_deref().unwrap_or("").contains("between KRW 80 billion and KRW 110 billion: the table in force from 2025-09-01 may classify you as an SME (medium enterprise)"));
    assert_eq!(texts(&en)[1], "KRW 5 billion above the KRW 80 billion SME (medium-enterprise) ceiling. The table's ceiling for this industry may be as high as KRW 110 billion (its value was not found).");
    // Beyond the largest possible raise: no "may be".
    assert_eq!(
        sme(&ds, 1100.0 * EOK + 1.0, "pharmaceuticals", "2026-12-01", Lang::En).may_be,
        None
    );
    assert_eq!(
        sme(&ds, 1100.0 * EOK, "pharmaceuticals", "2026-12-01", Lang::En).may_be,
        Some(SmeSize::Medium)
    );
    // Not an SME for other reasons: no "may be", no distances.
    let raw = RawInput {
        revenue_krw: Some(90.0 * EOK),
        sector: "medical_devices".into(),
        market: "SA".into(),
        total_assets_krw: Some(6000.0 * EOK),
        today: Some("2026-12-01".into()),
        ..RawInput::default()
    };
    let s = estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}")).sme;
    assert_eq!((s.size, s.may_be), (SmeSize::None, None));
    assert!(s.thresholds.is_empty() && s.not_checked.is_empty());
}

#[test]
fn the_conditions_the_widget_cannot_check_are_named() {
    let ds = ds();
    let ko = sme(&ds, 90.0 * EOK, "medical_devices", "2026-12-01", Lang::Ko);
    assert_eq!(
        ko.not_checked,
        [
            "관계기업: 지배·종속 관계인 관계기업이 있으면 그 매출액을 출자 비율만큼 합산해 판단합니다(확인하지 않음).",
            "유예기간: 규모 기준을 넘게 된 기업도 5년간(최초 1회) 중소기업으로 봅니다(확인하지 않음).",
            "독립성 기준(상호출자제한기업집단 소속 여부, 자산 5천억 원 이상 법인의 지분 30% 이상 소유 여부)은 확인하지 않았습니다.",
        ]
    );
    let en = sme(&ds, 2000.0 * EOK, "medical_devices", "2026-12-01", Lang::En);
    assert_eq!(en.size, SmeSize::None);
    // Not an SME by revenue: the grace period may still keep it one; independence is moot.
    assert_eq!(
        en.not_checked,
        [
            "Affiliated companies (관계기업): the revenue of companies you control or that control you is counted together, by the share held; not checked.",
            "Grace period (유예기간): a firm that outgrows a threshold still counts as an SME for 5 years, once; not checked.",
        ]
    );
}
