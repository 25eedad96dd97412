//! The potential anchored on Korea's actual exports (ITC ease of trade), docs/METHOD.md section 2:
//! (a) a proportional firm gets its proportional share of Korea's exports to the market,
//! (b) a firm's own current exports scale its potential and move its untapped part,
//! (d) the three tiers of ease of trade (own exports, ITC's pair level, gravity), the fallback
//! flagged; the age rule; each sector's sum over the markets.
//! (c), the worked example, is `tests/worked_example.rs`.

use sme_export::builtin::dataset as default_dataset;
use sme_export::dataset::Dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::error::Lang;
use sme_export::model::{EaseBasis, Estimate};
use sme_export::potential;

const EOK: f64 = 100_000_000.0;

fn ds() -> Dataset {
    default_dataset()
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
    // Korea's own exports of the sector, current: the UAE's devices (2025), four Gulf markets'
    // pharmaceuticals (2021).
    assert_eq!(basis("medical_devices", "AE"), EaseBasis::Actual);
    for m in ["SA", "AE", "QA", "KW"] {
        assert_eq!(basis("pharmaceuticals", m), EaseBasis::Actual, "{m}");
    }
    // ITC's pair-level ease where Korea's total goods trade with the market is known.
    assert_eq!(basis("medical_devices", "SA"), EaseBasis::Pair);
    assert_eq!(basis("medical_devices", "UZ"), EaseBasis::Pair);
    assert_eq!(basis("pharmaceuticals", "UZ"), EaseBasis::Pair);
    // No sector ever borrows another sector's ratio: without its own figure or total trade, gravity.
    assert_eq!(basis("medical_devices", "KW"), EaseBasis::Gravity);
    let r = run(&ds, 35.0 * EOK, "medical_devices", "OM", None);
    assert_eq!(r.potential.ease_basis, EaseBasis::Gravity);
    assert_eq!(r.potential.ease_label, "no trade figure: gravity fallback");
    assert!(
        r.potential
            .ease_note
            .starts_with("No current figure of Korea's exports or total trade with Oman was found"),
        "{}",
        r.potential.ease_note
    );
    assert!(r
        .assumptions
        .contains(&"ease of trade (gravity fallback, no trade figure)".to_owned()));
    let ease = r.potential.factors.iter().find(|f| f.id == "easeOfTrade");
    assert!(ease.is_some_and(|f| f.assumption));
    assert!(r.potential.factors.iter().any(|f| f.id == "gravityConstant"));
    // The constant is calibrated: over every current anchored cell, the rule gives the actual total.
    let c = potential::gravity_constant(&ds);
    let (mut actual, mut rule) = (0.0, 0.0);
    for m in &ds.markets {
        let shape = m.distance_km.value.powf(-ds.method.distance_elasticity.value);
        for s in &ds.sectors {
            let t = potential::market_terms(&ds, s, m);
            if t.ease_basis == EaseBasis::Actual {
                actual += t.korea_actual_usd;
                rule += t.predicted_usd * shape * c;
            }
        }
    }
    assert!(
        actual > 0.0 && (rule - actual).abs() / actual < 1e-9,
        "{rule} vs {actual}"
    );
    // Pair tier: what the factor table and the note show.
    let sa = run(&ds, 35.0 * EOK, "medical_devices", "SA", None);
    let ids: Vec<&str> = sa.potential.factors.iter().map(|f| f.id).collect();
    for id in ["koreaGoodsExportsUsd", "marketGoodsImportsUsd", "koreaWorldGoodsShare"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    let ease = sa
        .potential
        .factors
        .iter()
        .find(|f| f.id == "easeOfTrade")
        .map(|f| f.value);
    let expected = 6.1e9 / (0.0269 * 207.4e9);
    assert!(ease.is_some_and(|e| (e - expected).abs() < 1e-12), "{ease:?}");
    // Saudi devices of 2015 are too old to bring to 2025: context only, never grown forward.
    assert!(
        sa.potential
            .ease_note
            .ends_with("Korea's 2015 figure (US$ 30M) is too old to bring to 2025: shown as context only."),
        "{}",
        sa.potential.ease_note
    );
    assert!(!sa.potential.ease_note.contains("brought forward"));
    let ae = run(&ds, 35.0 * EOK, "medical_devices", "AE", None);
    assert!(
        !ae.potential.ease_note.contains("brought forward"),
        "{}",
        ae.potential.ease_note
    );
}

#[test]
fn a_figure_more_than_five_years_old_is_never_grown_forward() {
    let ds = ds();
    let max = ds.method.max_figure_age_years.as_ref().map(|f| f.value);
    assert_eq!(max, Some(5.0));
    for m in &ds.markets {
        for s in &ds.sectors {
            let t = potential::market_terms(&ds, s, m);
            // The factor that brings a figure forward never spans more than five years of growth.
            let g = 1.0 + t.growth.abs();
            for factor in [t.demand.factor, t.actual_factor] {
                assert!(
                    factor <= g.powi(5) + 1e-12 && factor >= g.powi(-5) - 1e-12,
                    "{} {}: ×{factor}",
                    m.id,
                    s.id
                );
            }
        }
    }
    // Qatar's device imports (2018) are too old: the proxy is used and the old figure is named.
    let qa = run(&ds, 35.0 * EOK, "medical_devices", "QA", None);
    let demand = qa.potential.factors.iter().find(|f| f.id == "marketDemand");
    let note = demand.and_then(|f| f.note.clone()).unwrap_or_default();
    assert!(note.contains("the market's own 2018 figure is too old"), "{note}");
    assert!(demand.is_some_and(|f| f.assumption));
    assert!(qa.potential.base_krw > 0.0);
    // Without a proxy either, no demand is used and the note says why.
    let mut v: serde_json::Value =
        serde_json::from_str(sme_export::builtin::DEFAULT_JSON).unwrap_or_else(|e| panic!("{e}"));
    if let Some(markets) = v["markets"].as_array_mut() {
        for m in markets {
            if m["id"] == "QA" {
                m["healthExpenditureUsd"] = serde_json::Value::Null;
            }
        }
    }
    let bare = sme_export::load::dataset_from_value(&v).unwrap_or_else(|p| panic!("{p:?}"));
    let qa = run(&bare, 35.0 * EOK, "medical_devices", "QA", None);
    assert_eq!(qa.potential.base_krw, 0.0);
    assert!(
        qa.potential.ease_note.contains("known only for 2018, too old to use"),
        "{}",
        qa.potential.ease_note
    );
}

/// The stated range of each sector's summed Korea potential over the eleven markets, as a share
/// of Korea's sector exports (docs/METHOD.md, "Plausibility"): at least what the markets with a
/// measured figure show, at most the regions' largest measured share.
#[test]
fn each_sectors_sum_over_the_eleven_markets_stays_within_the_stated_share() {
    let ds = ds();
    let bands = [
        ("medical_devices", 0.026, 0.11),
        ("pharmaceuticals", 0.005, 0.05),
        ("medical_services", 0.05, 0.30),
        ("digital_health", 0.01, 0.11),
    ];
    for (id, low, high) in bands {
        let s = ds.sector(id).unwrap_or_else(|| panic!("{id}"));
        let sum: f64 = ds
            .markets
            .iter()
            .map(|m| potential::market_terms(&ds, s, m).korea_potential_usd)
            .sum();
        let share = sum / s.korea_exports_usd.value;
        assert!((low..=high).contains(&share), "{id}: {share}");
        // A firm with no readiness answers (multiplier 1) sums to the same share of what it can export.
        let mut total = 0.0;
        let mut exportable = 0.0;
        for m in &ds.markets {
            let r = run(&ds, 35.0 * EOK, id, &m.id, None);
            total += r.potential.base_krw;
            exportable = r.potential.exportable_krw;
        }
        let firm = total / exportable;
        assert!((firm - share).abs() < 0.001, "{id}: firm {firm} vs Korea {share}");
    }
}
