//! The potential anchored on Korea's actual exports (ITC ease of trade), docs/METHOD.md section 2:
//! (a) a proportional firm gets its proportional share of Korea's exports to the market,
//! (b) a firm's own current exports scale its potential and move its untapped part,
//! (d) the three tiers of ease of trade, the gravity fallback flagged.
//! (c), the worked example, is `tests/worked_example.rs`.

use sme_export::dataset::Dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::error::Lang;
use sme_export::load::default_dataset;
use sme_export::model::{EaseBasis, Estimate};
use sme_export::potential;

const EOK: f64 = 100_000_000.0;

fn ds() -> Dataset {
    default_dataset().unwrap_or_else(|p| panic!("{p:#?}"))
}

fn run(ds: &Dataset, revenue: f64, sector: &str, market: &str, current: Option<f64>) -> Estimate {
    let raw = RawInput {
        revenue_krw: Some(revenue),
        sector: sector.into(),
        market: market.into(),
        current_exports_krw: current,
        lang: Lang::En,
        today: Some("2026-12-01".into()),
        ..RawInput::default()
    };
    estimate(&raw, ds).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn a_proportional_firm_gets_its_share_of_koreas_actual_exports_there() {
    let ds = ds();
    let market = ds.market("AE").unwrap_or_else(|| panic!("AE"));
    // Korea's actual device exports to the UAE, 2025 (annualised from Jan-Sep).
    let x = market.own_exports_for("medical_devices").map(|f| (f.value, f.year));
    assert_eq!(x, Some((159_000_000.0, Some(2025))));
    let revenue = 35.0 * EOK;
    let r = run(&ds, revenue, "medical_devices", "AE", None);
    let p = &r.potential;
    assert_eq!(p.ease_basis, EaseBasis::Actual);
    assert_eq!(p.ease_label, "anchored on Korea's actual exports");
    // Korea's potential there is its actual exports (of the price year: no growth factor).
    assert_eq!(p.korea_potential_krw, (159_000_000.0f64 * 1421.97).round());
    assert_eq!(p.korea_untapped_krw, 0.0);
    // X × revenue × intensity / Korea's sector exports, intensity = 7조 1,700억 / 11조 4,267억.
    let intensity = 7_170_000_000_000.0 / 11_426_700_000_000.0;
    let korea_exports_krw = 6_040_000_000.0 * 1421.97;
    let share_usd = 159_000_000.0 * revenue * intensity / korea_exports_krw;
    // Readiness unanswered: multiplier 0.5 + 1 × 0.5 = 1.
    assert_eq!(p.base_krw, (share_usd * 1421.97).round());
    assert!(p.low_krw <= p.base_krw && p.base_krw <= p.high_krw);
    assert_eq!(p.exportable_krw, (revenue * intensity).round());
    assert!(!p.exportable_is_reported);
    // The figure as a person reads it: about 5,781만 won a year.
    assert_eq!(p.base_krw, 57_813_140.0);
}

#[test]
fn current_exports_scale_the_potential_and_move_the_untapped_part() {
    let ds = ds();
    let one = run(&ds, 35.0 * EOK, "medical_devices", "SA", Some(10.0 * EOK));
    let two = run(&ds, 35.0 * EOK, "medical_devices", "SA", Some(20.0 * EOK));
    assert!(one.potential.exportable_is_reported);
    assert_eq!(one.potential.exportable_krw, 10.0 * EOK);
    let ratio = two.potential.base_krw / one.potential.base_krw;
    assert!(
        (ratio - 2.0).abs() < 1e-6,
        "double the exports, double the base: {ratio}"
    );
    // The firm's exports to the market are taken off its potential: untapped moves with both.
    let with_market = |current: f64, to_market: f64| {
        let raw = RawInput {
            revenue_krw: Some(35.0 * EOK),
            sector: "medical_devices".into(),
            market: "SA".into(),
            current_exports_krw: Some(current),
            exports_to_market_krw: Some(to_market),
            lang: Lang::En,
            ..RawInput::default()
        };
        estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}")).potential
    };
    let a = with_market(10.0 * EOK, 0.01 * EOK);
    let b = with_market(20.0 * EOK, 0.01 * EOK);
    assert!(a.base_krw > 0.05 * EOK, "{}", a.base_krw);
    assert_eq!(a.untapped_krw, a.base_krw - 0.01 * EOK);
    assert_eq!(b.untapped_krw, b.base_krw - 0.01 * EOK);
    assert!(b.untapped_krw > a.untapped_krw);
    let c = with_market(20.0 * EOK, 0.05 * EOK);
    assert_eq!(
        c.base_krw, b.base_krw,
        "exports to the market do not change the potential"
    );
    assert_eq!(c.untapped_krw, b.untapped_krw - 0.04 * EOK);
    // Without exports of its own the firm is scaled by revenue × intensity, not by 0.
    let none = run(&ds, 35.0 * EOK, "medical_devices", "SA", Some(0.0));
    assert!(!none.potential.exportable_is_reported);
    assert!(none.potential.base_krw > 0.0);
}

#[test]
fn ease_of_trade_has_three_tiers_and_the_gravity_fallback_is_flagged() {
    let ds = ds();
    let basis = |sector: &str, market: &str| {
        let s = ds.sector(sector).unwrap_or_else(|| panic!("{sector}"));
        let m = ds.market(market).unwrap_or_else(|| panic!("{market}"));
        potential::market_terms(&ds, s, m).ease_basis
    };
    assert_eq!(basis("medical_devices", "AE"), EaseBasis::Actual);
    assert_eq!(basis("pharmaceuticals", "SA"), EaseBasis::Actual);
    // Kuwait has pharmaceuticals only; Kazakhstan one pooled "medical items" record.
    assert_eq!(basis("medical_devices", "KW"), EaseBasis::Market);
    assert_eq!(basis("pharmaceuticals", "KZ"), EaseBasis::Market);
    assert_eq!(basis("medical_devices", "KZ"), EaseBasis::Market);
    for m in ["OM", "BH", "UZ", "KG", "TJ", "TM"] {
        assert_eq!(basis("medical_devices", m), EaseBasis::Gravity, "{m}");
    }
    // The fallback is said so, in the result and the list of assumptions.
    let r = run(&ds, 35.0 * EOK, "medical_devices", "OM", None);
    assert_eq!(r.potential.ease_basis, EaseBasis::Gravity);
    assert_eq!(r.potential.ease_label, "no actual figure: gravity fallback");
    assert!(r
        .potential
        .ease_note
        .starts_with("No figure of Korea's actual exports to Oman was found"));
    assert!(r
        .assumptions
        .contains(&"ease of trade (gravity fallback, no actual figure)".to_owned()));
    let ease = r.potential.factors.iter().find(|f| f.id == "easeOfTrade");
    assert!(ease.is_some_and(|f| f.assumption));
    assert!(r.potential.factors.iter().any(|f| f.id == "gravityConstant"));
    assert!(!r.potential.factors.iter().any(|f| f.id == "referenceDistanceKm"));
    // The constant is calibrated: over every anchored record, the rule gives the actual total.
    let c = potential::gravity_constant(&ds);
    let (mut actual, mut rule) = (0.0, 0.0);
    for m in &ds.markets {
        let shape = m.distance_km.value.powf(-ds.method.distance_elasticity.value);
        for rec in &m.korea_exports {
            let g: f64 = rec.sectors.iter().map(|s| potential::growth_of(m, s)).sum::<f64>() / rec.sectors.len() as f64;
            actual += rec.figure.value * potential::to_price_year(&ds, &rec.figure, g);
            for s in &rec.sectors {
                let sector = ds.sector(s).unwrap_or_else(|| panic!("{s}"));
                let t = potential::market_terms(&ds, sector, m);
                rule += t.predicted_usd * shape * c;
            }
        }
    }
    assert!((rule - actual).abs() / actual < 1e-9, "{rule} vs {actual}");
    // Market tier: ease pooled over the market's records.
    let kw = run(&ds, 35.0 * EOK, "medical_devices", "KW", None);
    assert!(kw
        .potential
        .ease_note
        .contains("pools Korea's actual exports of other sectors"));
    // An actual figure of another year says which year it was measured in and that it is brought
    // forward (Saudi devices: US$ 30M in 2015); one of the price year says neither.
    let sa = run(&ds, 35.0 * EOK, "medical_devices", "SA", None);
    assert_eq!(sa.potential.ease_basis, EaseBasis::Actual);
    assert!(
        sa.potential
            .ease_note
            .contains("assumed: the 2015 figure of US$ 30M brought forward at 9.5 %/yr"),
        "{}",
        sa.potential.ease_note
    );
    let ae = run(&ds, 35.0 * EOK, "medical_devices", "AE", None);
    assert!(
        !ae.potential.ease_note.contains("brought forward"),
        "{}",
        ae.potential.ease_note
    );
}
