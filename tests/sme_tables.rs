//! SME status by the table in force on the case's day: the 2015 table until 31 Aug 2025, the 2025
//! revision (its own published values per industry) from 1 Sep 2025. What a person reads on the
//! SME card, in both languages: the table applied, the class, the distance to each ceiling and
//! the conditions the widget cannot check.

use sme_export::builtin::dataset as default_dataset;
use sme_export::dataset::Dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::error::Lang;
use sme_export::model::{SmeSize, SmeStatus};

const EOK: f64 = 100_000_000.0; // 억

fn ds() -> Dataset {
    default_dataset()
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
fn a_device_maker_at_90_eok_on_the_2015_table_is_medium() {
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
}

#[test]
fn the_same_firm_on_2026_12_01_gets_the_2025_table_and_its_own_values() {
    let ds = ds();
    let ko = sme(&ds, 90.0 * EOK, "medical_devices", "2026-12-01", Lang::Ko);
    assert_eq!(
        (ko.table_id.as_str(), ko.table_effective.as_str()),
        ("2025-09", "2025-09-01")
    );
    assert_eq!(ko.table, "중소기업기본법 시행령 별표1·3 (2025.9.1 시행 개정 규모기준)");
    // C27 keeps 80억 / 800억 in the 2025 table: a definite class, no range.
    assert_eq!(ko.size, SmeSize::Medium);
    assert_eq!((ko.small_max_krw, ko.medium_max_krw), (80.0 * EOK, 800.0 * EOK));
    assert_eq!(ko.limits, "소기업 80억 원 이하 · 중기업 800억 원 이하");
    assert_eq!(
        texts(&ko),
        [
            "소기업 상한 80억 원보다 10억 원 많습니다.",
            "중소기업(중기업) 상한 800억 원보다 710억 원 적습니다."
        ]
    );
    assert!(!ko.threshold_assumed, "the 2025 values are published, not assumed");
    assert!(
        ko.reasons.iter().all(|r| !r.contains("가정") && !r.contains("수 있")),
        "{:?}",
        ko.reasons
    );
    let en = sme(&ds, 90.0 * EOK, "medical_devices", "2026-12-01", Lang::En);
    assert_eq!(en.limits, "small: up to KRW 8 billion · medium: up to KRW 80 billion");
    assert_eq!(en.label, "Medium enterprise (SME)");
}

/// Every sector's ceilings in the table of each day: (sector, small, medium) in 억 won.
const TABLE_2015: [(&str, f64, f64); 4] = [
    ("medical_devices", 80.0, 800.0),
    ("pharmaceuticals", 120.0, 800.0),
    ("medical_services", 10.0, 600.0),
    ("digital_health", 50.0, 800.0),
];
const TABLE_2025: [(&str, f64, f64); 4] = [
    ("medical_devices", 80.0, 800.0),
    ("pharmaceuticals", 120.0, 800.0),
    ("medical_services", 15.0, 600.0),
    ("digital_health", 50.0, 1000.0),
];

#[test]
fn each_ceiling_classes_a_firm_at_just_below_and_just_above_it_on_either_table() {
    let ds = ds();
    for (day, table) in [
        ("2025-08-31", TABLE_2015),
        ("2025-09-01", TABLE_2025),
        ("2026-12-04", TABLE_2025),
    ] {
        for (sector, small, medium) in table {
            let (small, medium) = (small * EOK, medium * EOK);
            let size = |revenue: f64| sme(&ds, revenue, sector, day, Lang::En).size;
            assert_eq!(
                size(small - 1.0),
                SmeSize::Small,
                "{sector} {day} one won below the small ceiling"
            );
            assert_eq!(size(small), SmeSize::Small, "{sector} {day} at the small ceiling");
            assert_eq!(size(small + 1.0), SmeSize::Medium, "{sector} {day} one won above it");
            assert_eq!(
                size(medium - 1.0),
                SmeSize::Medium,
                "{sector} {day} below the SME ceiling"
            );
            assert_eq!(size(medium), SmeSize::Medium, "{sector} {day} at the SME ceiling");
            assert_eq!(size(medium + 1.0), SmeSize::None, "{sector} {day} one won above it");
            let at = sme(&ds, medium, sector, day, Lang::En);
            assert_eq!((at.small_max_krw, at.medium_max_krw), (small, medium), "{sector} {day}");
            assert_eq!(at.thresholds[1].distance_krw, 0.0);
        }
    }
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
    assert_eq!(after.small_max_krw, 15.0 * EOK);
    assert_eq!(after.label, "Small enterprise (SME)");
    assert_eq!(
        texts(&after)[0],
        "KRW 300 million below the KRW 1.5 billion small-enterprise ceiling."
    );
    let ko = sme(&ds, 12.0 * EOK, "medical_services", "2025-09-01", Lang::Ko);
    assert_eq!(ko.label, "소기업(중소기업)");
    assert_eq!(
        ko.reasons[0],
        "3년 평균 매출액 12억 원이 의료서비스 소기업 기준(15억 원 이하)에 해당합니다."
    );
}

#[test]
fn a_digital_health_firm_at_900_eok_is_an_sme_under_the_2025_table_and_not_before() {
    let ds = ds();
    let before = sme(&ds, 900.0 * EOK, "digital_health", "2025-08-31", Lang::Ko);
    assert_eq!(before.size, SmeSize::None);
    let after = sme(&ds, 900.0 * EOK, "digital_health", "2026-12-04", Lang::Ko);
    assert_eq!(after.size, SmeSize::Medium);
    assert_eq!(after.limits, "소기업 50억 원 이하 · 중기업 1,000억 원 이하");
    assert_eq!(
        texts(&after)[1],
        "중소기업(중기업) 상한 1,000억 원보다 100억 원 적습니다."
    );
    let en = sme(&ds, 1100.0 * EOK, "digital_health", "2026-12-04", Lang::En);
    assert_eq!(en.size, SmeSize::None);
    assert_eq!(
        texts(&en)[1],
        "KRW 10 billion above the KRW 100 billion SME (medium-enterprise) ceiling."
    );
    // Not an SME for other reasons: no distances, nothing left to check.
    let raw = RawInput {
        revenue_krw: Some(90.0 * EOK),
        sector: "medical_devices".into(),
        market: "SA".into(),
        total_assets_krw: Some(6000.0 * EOK),
        today: Some("2026-12-01".into()),
        ..RawInput::default()
    };
    let s = estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}")).sme;
    assert_eq!(s.size, SmeSize::None);
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
