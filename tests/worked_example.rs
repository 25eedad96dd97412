//! The worked example of docs/METHOD.md section 4, to the won: a medical-device maker with 35억
//! won of revenue looking at Saudi Arabia. If the dataset or the method changes, this test and
//! the document change together.

use sme_export::builtin::dataset as default_dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::model::{EaseBasis, Readiness};

#[test]
fn method_document_worked_example_to_the_won() {
    let ds = default_dataset();
    assert_eq!(ds.version, "2026.12.2", "the document quotes this dataset version");
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
    // Step 1: demand, the device proxy: health expenditure US$ 60.7 bn (2023) × 3.51 %, brought
    // to 2025 at 9.5 %/yr (Saudi Arabia's own 2016-era device figure is not used).
    assert!((factor("marketDemand") - 2_554_606_694.25).abs() < 0.01);
    // Step 2: predicted = 1.5 % of it.
    assert!((factor("predictedUsd") - 38_319_100.41).abs() < 0.01);
    // Step 3: Korea's device exports to Saudi Arabia are known only for 2015, more than five years
    // before 2025: ITC's pair-level ease from total goods trade in 2023.
    assert_eq!(p.ease_basis, EaseBasis::Pair);
    assert!((factor("easeOfTrade") - 1.093374).abs() < 5e-7);
    assert!((factor("koreaPotentialUsd") - 41_897_113.94).abs() < 0.01);
    assert!(!p.factors.iter().any(|f| f.id == "koreaActualExports"));
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
    assert_eq!(shown("koreaGoodsExportsUsd"), "US$ 6.1B");
    assert_eq!(shown("marketGoodsImportsUsd"), "US$ 207B");
    assert_eq!(shown("koreaWorldGoodsShare"), "2.69 %");
    assert_eq!(shown("easeOfTrade"), "×1.093");
    assert_eq!(shown("exportIntensity"), "62.7 %");
    assert_eq!(shown("firmShare"), "0.0256 %");
    assert_eq!(shown("readinessMultiplier"), "×1.125");
    assert_eq!(shown("demandGrowth"), "9.5 %/년");
    assert_eq!(shown("krwPerUsd"), "1달러 = 1,422원");
    let note = |id: &str| p.factors.iter().find(|f| f.id == id).and_then(|f| f.note.clone());
    assert_eq!(
        note("marketDemand").as_deref(),
        Some("경상의료비(2023년) × 업종 비중, 2025년 기준으로 환산")
    );
    assert_eq!(
        (p.low_krw, p.base_krw, p.high_krw),
        (11_330_277.0, 17_138_234.0, 23_517_465.0)
    );
    assert_eq!(p.untapped_krw, 17_138_234.0);
    let table: Vec<(i32, &str, f64, f64, f64)> = p
        .years
        .iter()
        .map(|y| (y.year, y.label.as_str(), y.low_krw, y.base_krw, y.high_krw))
        .collect();
    assert_eq!(
        table,
        vec![
            (2025, "2025년(기준 수치)", 11_330_277.0, 17_138_234.0, 23_517_465.0),
            (2026, "2026년(전망)", 12_406_653.0, 18_766_366.0, 25_751_625.0),
            (2027, "2027년(전망)", 13_585_285.0, 20_549_171.0, 28_198_029.0),
            (2028, "2028년(전망)", 14_875_887.0, 22_501_342.0, 30_876_842.0),
            (2029, "2029년(전망)", 16_289_097.0, 24_638_970.0, 33_810_142.0),
            (2030, "2030년(전망)", 17_836_561.0, 26_979_672.0, 37_022_105.0),
        ]
    );
    // A device maker is not compared with the plan's services target.
    assert_eq!(r.plan.firm_share_of_target, None);
    // The document states these figures; keep them in step.
    let doc = include_str!("../docs/METHOD.md");
    for figure in [
        "17,138,234",
        "11,330,277",
        "23,517,465",
        "26,979,672",
        "2,196,172,123",
        "2,554,606,694",
        "38,319,100",
        "41,897,114",
        "1.0934",
        "0.000255705",
    ] {
        assert!(doc.contains(figure), "METHOD.md shows {figure}");
    }
}
