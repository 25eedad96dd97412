//! The worked example of docs/METHOD.md section 4, to the won: a medical-device maker with 35억
//! won of revenue looking at Saudi Arabia. If the dataset or the method changes, this test and
//! the document change together.

use sme_export::engine::{estimate, RawInput};
use sme_export::load::default_dataset;
use sme_export::model::{EaseBasis, Readiness};

#[test]
fn method_document_worked_example_to_the_won() {
    let ds = default_dataset().unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(ds.version, "2026.12.1", "the document quotes this dataset version");
    let raw = RawInput {
        revenue_krw: Some(3_500_000_000.0),
        sector: "medical_devices".into(),
        market: "SA".into(),
        readiness: Readiness {
            certification: Some(true),
            local_partner: Some(false),
            export_experience: Some(true),
            local_language: None,
        },
        ..RawInput::default()
    };
    let r = estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"));
    let p = &r.potential;
    let factor = |id: &str| {
        p.factors
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.value)
            .unwrap_or(f64::NAN)
    };
    // Step 1: demand, US$ 2.13 bn (2023) brought to 2025 at 9.5 %/yr.
    assert!((factor("marketDemand") - 2_553_923_250.0).abs() < 0.5);
    // Step 2: predicted = 1.5 % of it.
    assert!((factor("predictedUsd") - 38_308_848.75).abs() < 0.01);
    // Step 3: actual, about US$ 30 m (2015) brought to 2025 at 9.5 %/yr; ease = actual / predicted.
    assert!((factor("koreaActualExports") - 74_346_828.40).abs() < 0.01);
    assert!((factor("easeOfTrade") - 1.940722).abs() < 5e-7);
    assert!((factor("koreaPotentialUsd") - 74_346_828.40).abs() < 0.01);
    assert_eq!(p.ease_basis, EaseBasis::Actual);
    // Step 4: what the firm can export = 35억 × 7조 1,700억 / 11조 4,267억.
    assert!((factor("exportIntensity") - 0.627478).abs() < 5e-7);
    assert_eq!(p.exportable_krw, 2_196_172_123.0);
    // Step 5: its share of Korea's device exports, US$ 6.04 bn × 1,421.97.
    assert!((factor("firmShare") - 0.000255705).abs() < 5e-10);
    assert_eq!(factor("readinessMultiplier"), 1.125);
    // What the factor table shows a Korean user.
    let shown = |id: &str| {
        p.factors
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.display.clone())
            .unwrap_or_default()
    };
    assert_eq!(shown("koreaWorldShare"), "1.5 %");
    assert_eq!(shown("marketDemand"), "US$ 2.6B");
    assert_eq!(shown("koreaActualExports"), "US$ 74M");
    assert_eq!(shown("easeOfTrade"), "×1.941");
    assert_eq!(shown("exportIntensity"), "62.7 %");
    assert_eq!(shown("firmShare"), "0.0256 %");
    assert_eq!(shown("readinessMultiplier"), "×1.125");
    assert_eq!(shown("demandGrowth"), "9.5 %/년");
    assert_eq!(shown("krwPerUsd"), "1달러 = 1,422원");
    let note = |id: &str| p.factors.iter().find(|f| f.id == id).and_then(|f| f.note.clone());
    assert_eq!(
        note("koreaActualExports").as_deref(),
        Some("2015년 수치를 연 9.5%로 2025년 기준으로 환산")
    );
    assert_eq!(
        note("marketDemand").as_deref(),
        Some("2023년 수치를 연 9.5%로 2025년 기준으로 환산")
    );
    assert_eq!(
        (p.low_krw, p.base_krw, p.high_krw),
        (20_105_684.0, 30_411_960.0, 41_731_967.0)
    );
    assert_eq!(p.untapped_krw, 30_411_960.0);
    let table: Vec<(i32, &str, f64, f64, f64)> = p
        .years
        .iter()
        .map(|y| (y.year, y.label.as_str(), y.low_krw, y.base_krw, y.high_krw))
        .collect();
    assert_eq!(
        table,
        vec![
            (2025, "2025년(기준 수치)", 20_105_684.0, 30_411_960.0, 41_731_967.0),
            (2026, "2026년(전망)", 22_015_724.0, 33_301_096.0, 45_696_504.0),
            (2027, "2027년(전망)", 24_107_218.0, 36_464_700.0, 50_037_671.0),
            (2028, "2028년(전망)", 26_397_404.0, 39_928_846.0, 54_791_250.0),
            (2029, "2029년(전망)", 28_905_157.0, 43_722_087.0, 59_996_419.0),
            (2030, "2030년(전망)", 31_651_147.0, 47_875_685.0, 65_696_079.0),
        ]
    );
    // A device maker is not compared with the plan's services target.
    assert_eq!(r.plan.firm_share_of_target, None);
    // The document states these figures; keep them in step.
    let doc = include_str!("../docs/METHOD.md");
    for figure in [
        "30,411,960",
        "20,105,684",
        "41,731,967",
        "47,875,685",
        "2,196,172,123",
        "74,346,828",
        "38,308,849",
        "1.9407",
        "0.000255705",
    ] {
        assert!(doc.contains(figure), "METHOD.md shows {figure}");
    }
}
