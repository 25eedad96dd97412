//! The worked example of docs/METHOD.md section 4, to the won. If the dataset or the method
//! changes, this test and the document change together.

use sme_export::engine::{estimate, RawInput};
use sme_export::load::default_dataset;
use sme_export::model::Readiness;

#[test]
fn method_document_worked_example_to_the_won() {
    let ds = default_dataset().unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(ds.version, "2026.11.1", "the document quotes this dataset version");
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
    assert!((factor("easeOfTrade") - 0.681047).abs() < 5e-7);
    assert!((factor("koreaPotentialUsd") - 16_958_073.0).abs() < 0.5);
    assert!((factor("firmShare") - 0.000309329).abs() < 5e-10);
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
    assert_eq!(shown("marketDemand"), "US$ 1.7B");
    assert_eq!(shown("distanceKm"), "7,557 km");
    assert_eq!(shown("easeOfTrade"), "×0.681");
    assert_eq!(shown("firmShare"), "0.0309 %");
    assert_eq!(shown("readinessMultiplier"), "×1.125");
    assert_eq!(shown("demandGrowth"), "9.5 %/년");
    assert_eq!(shown("krwPerUsd"), "1달러 = 1,042원");
    let reference = p
        .factors
        .iter()
        .find(|f| f.id == "referenceDistanceKm")
        .map(|f| f.source.as_str());
    assert_eq!(reference, Some("가정(출처 없음)"));
    assert_eq!(
        (p.low_krw, p.base_krw, p.high_krw),
        (4_065_298.0, 6_149_190.0, 8_438_055.0)
    );
    assert_eq!(p.untapped_krw, 6_149_190.0);
    let table: Vec<(i32, f64, f64, f64)> = p
        .years
        .iter()
        .map(|y| (y.year, y.low_krw, y.base_krw, y.high_krw))
        .collect();
    assert_eq!(
        table,
        vec![
            (2012, 4_065_298.0, 6_149_190.0, 8_438_055.0),
            (2013, 4_451_501.0, 6_733_363.0, 9_239_670.0),
            (2014, 4_874_394.0, 7_373_032.0, 10_117_439.0),
            (2015, 5_337_461.0, 8_073_470.0, 11_078_595.0),
            (2016, 5_844_520.0, 8_840_450.0, 12_131_062.0),
            (2017, 6_399_749.0, 9_680_293.0, 13_283_513.0),
        ]
    );
    // The document states these figures; keep them in step.
    let doc = include_str!("../docs/METHOD.md");
    for figure in ["6,149,190", "4,065,298", "8,438,055", "9,680_293"].map(|s| s.replace('_', ",")) {
        assert!(doc.contains(&figure), "METHOD.md shows {figure}");
    }
}
