//! Engine tests on the default dataset: what a user would see for SME status, export potential,
//! ranking, the plan context and input errors. Program outcomes are in `tests/programs.rs`,
//! the method document's worked example in `tests/worked_example.rs`.

use proptest::prelude::*;
use sme_export::builtin::dataset as default_dataset;
use sme_export::dataset::Dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::error::{Field, Lang, Reason};
use sme_export::model::{Estimate, Readiness, SmeSize};

const EOK: f64 = 100_000_000.0; // 억

fn ds() -> Dataset {
    default_dataset()
}

fn case(revenue: f64, sector: &str, market: &str) -> RawInput {
    RawInput {
        revenue_krw: Some(revenue),
        sector: sector.into(),
        market: market.into(),
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

/// (sector, small max, medium max) as the 2015 table gives them (DOMAIN.md section 3).
const TABLE: [(&str, f64, f64); 4] = [
    ("medical_devices", 80.0 * EOK, 800.0 * EOK),
    ("pharmaceuticals", 120.0 * EOK, 800.0 * EOK),
    ("medical_services", 10.0 * EOK, 600.0 * EOK),
    ("digital_health", 50.0 * EOK, 800.0 * EOK),
];

#[test]
fn sme_table_at_below_and_above_each_threshold_for_every_sector() {
    let ds = ds();
    assert_eq!(
        ds.sectors.len(),
        TABLE.len(),
        "every sector of the dataset is covered here"
    );
    for (sector, small, medium) in TABLE {
        // The day before the 2025 revision: the 2015 table is in force.
        let on_2015_table = |revenue: f64| RawInput {
            today: Some("2025-08-31".into()),
            ..case(revenue, sector, "SA")
        };
        let expect = [
            (small - 1.0, SmeSize::Small),
            (small, SmeSize::Small),
            (small + 1.0, SmeSize::Medium),
            (medium - 1.0, SmeSize::Medium),
            (medium, SmeSize::Medium),
            (medium + 1.0, SmeSize::None),
        ];
        for (revenue, size) in expect {
            let r = run(&on_2015_table(revenue), &ds);
            assert_eq!(r.sme.size, size, "{sector} at {revenue} won");
            assert_eq!(r.sme.small_max_krw, small, "{sector} small threshold");
            assert_eq!(r.sme.medium_max_krw, medium, "{sector} medium threshold");
            let label = match size {
                SmeSize::Small => "소기업(중소기업)",
                SmeSize::Medium => "중기업(중소기업)",
                SmeSize::None => "중소기업 아님",
            };
            assert_eq!(r.sme.label, label);
            assert!(
                r.sme.table_effective.starts_with("2015-01-01"),
                "the 2015 table is applied"
            );
        }
    }
}

#[test]
fn sme_reason_names_revenue_sector_and_threshold() {
    let ds = ds();
    let r = run(&case(35.0 * EOK, "medical_devices", "SA"), &ds);
    let first = &r.sme.reasons[0];
    assert!(
        first.contains("35억 원이 의료기기"),
        "particle follows the amount: {first}"
    );
    assert!(first.contains("80억 원 이하"), "{first}");
    assert!(
        r.sme.not_checked.iter().any(|x| x.contains("독립성")),
        "independence is said to be unchecked"
    );
    let mut en = case(35.0 * EOK, "medical_devices", "SA");
    en.lang = Lang::En;
    let r = run(&en, &ds);
    assert_eq!(r.sme.label, "Small enterprise (SME)");
    assert!(
        r.sme.reasons[0].contains("small-enterprise limit"),
        "{}",
        r.sme.reasons[0]
    );
}

#[test]
fn asset_cap_excludes_regardless_of_revenue() {
    let ds = ds();
    let mut raw = case(5.0 * EOK, "pharmaceuticals", "AE");
    raw.total_assets_krw = Some(5000.0 * EOK);
    let r = run(&raw, &ds);
    assert_eq!(r.sme.size, SmeSize::None);
    assert!(r.sme.reasons[0].contains("5,000억 원"), "{}", r.sme.reasons[0]);
    raw.total_assets_krw = Some(5000.0 * EOK - 1.0);
    assert_eq!(run(&raw, &ds).sme.size, SmeSize::Small);
}

#[test]
fn non_profit_medical_corporation_is_not_an_sme() {
    let ds = ds();
    let mut raw = case(5.0 * EOK, "medical_services", "KZ");
    raw.medical_corporation = Some(true);
    let r = run(&raw, &ds);
    assert_eq!(r.sme.size, SmeSize::None);
    assert!(r.sme.reasons[0].contains("의료법인"));
}

#[test]
fn potential_band_years_and_untapped() {
    let ds = ds();
    let mut raw = case(35.0 * EOK, "medical_devices", "SA");
    let r = run(&raw, &ds);
    let p = &r.potential;
    assert!(p.base_krw > 0.0, "a firm with revenue has some potential");
    assert!(p.low_krw <= p.base_krw && p.base_krw <= p.high_krw);
    assert!(p.low_krw < p.high_krw, "unanswered readiness questions give a band");
    assert_eq!(p.untapped_krw, p.base_krw, "no exports given: all untapped");
    assert!(p.untapped_assumes_no_exports);
    let years: Vec<i32> = p.years.iter().map(|y| y.year).collect();
    assert_eq!(
        years.first(),
        Some(&ds.price_year),
        "the projection starts at the price year"
    );
    assert_eq!(years.last(), Some(&(ds.price_year + ds.projection_years)));
    assert_eq!(years, (2025..=2030).collect::<Vec<i32>>());
    // Not said to be registered in Saudi Arabia: nothing sells before the SFDA's review, so the
    // figures' year (2025) is 0; a registered firm sells from it.
    assert_eq!(p.years[0].base_krw, 0.0, "no sale before the registration");
    let mut registered = raw.clone();
    registered.readiness.certification = Some(true);
    let reg = run(&registered, &ds).potential;
    assert_eq!(
        reg.years[0].base_krw, reg.base_krw,
        "registered: the first year is the base value"
    );
    assert!(
        p.factors.iter().all(|f| !f.source.is_empty()),
        "every factor names its source"
    );
    // Half the base already exported: half untapped.
    raw.exports_to_market_krw = Some((p.base_krw / 2.0).round());
    let r2 = run(&raw, &ds);
    assert_eq!(r2.potential.untapped_krw, p.base_krw - (p.base_krw / 2.0).round());
    assert!(!r2.potential.untapped_assumes_no_exports);
    // Exporting more than the potential: nothing untapped, never negative.
    raw.exports_to_market_krw = Some(p.base_krw * 10.0);
    raw.current_exports_krw = Some(p.base_krw * 10.0);
    assert_eq!(run(&raw, &ds).potential.untapped_krw, 0.0);
}

#[test]
fn readiness_answers_move_the_value_within_the_band() {
    let ds = ds();
    let unknown = run(&case(35.0 * EOK, "medical_devices", "SA"), &ds).potential;
    let mut ready = case(35.0 * EOK, "medical_devices", "SA");
    ready.readiness = Readiness {
        certification: Some(true),
        local_partner: Some(true),
        export_experience: Some(true),
        local_language: Some(true),
    };
    let yes = run(&ready, &ds).potential;
    ready.readiness = Readiness {
        certification: Some(false),
        local_partner: Some(false),
        export_experience: Some(false),
        local_language: Some(false),
    };
    let no = run(&ready, &ds).potential;
    assert!(yes.base_krw > unknown.base_krw && unknown.base_krw > no.base_krw);
    assert!(
        yes.high_krw <= unknown.high_krw + 1.0,
        "answering narrows the band from above"
    );
    assert!(
        no.low_krw >= unknown.low_krw - 1.0,
        "answering narrows the band from below"
    );
    assert_eq!(yes.unanswered_questions, 0);
    assert_eq!(unknown.unanswered_questions, 4);
}

#[test]
fn ranking_lists_every_market_sorted_with_the_chosen_one_marked() {
    let ds = ds();
    let r = run(&case(35.0 * EOK, "pharmaceuticals", "UZ"), &ds);
    assert_eq!(r.ranking.len(), ds.markets.len());
    let ids: Vec<&str> = ds.markets.iter().map(|m| m.id.as_str()).collect();
    for id in ["SA", "AE", "QA", "KW", "OM", "BH", "KZ", "UZ", "KG", "TJ", "TM"] {
        assert!(ids.contains(&id), "market {id} is in the dataset");
    }
    assert!(r.ranking.windows(2).all(|w| w[0].base_krw >= w[1].base_krw));
    let selected: Vec<_> = r.ranking.iter().filter(|m| m.selected).collect();
    assert_eq!(selected.len(), 1);
    assert_eq!(selected[0].market, "UZ");
    assert_eq!(
        selected[0].base_krw, r.potential.base_krw,
        "ranking and potential agree"
    );
    assert_eq!(
        r.ranking.iter().map(|m| m.rank).collect::<Vec<_>>(),
        (1..=11).collect::<Vec<u32>>()
    );
}

#[test]
fn plan_context_follows_the_2013_plan() {
    let ds = ds();
    let r = run(&case(35.0 * EOK, "medical_services", "SA"), &ds);
    let p = &r.plan;
    assert_eq!((p.base_year, p.target_year), (2012, 2017));
    assert_eq!(p.base_krw, 1e12);
    assert_eq!(p.target_krw, 2.5e12);
    assert!((p.implied_growth - 0.2011).abs() < 0.0005, "2.5^(1/5)-1 = 20.1 %");
    assert_eq!(p.path.len(), 6);
    assert_eq!(p.path.last().map(|y| y.krw), Some(2.5e12));
    assert!(p.summary.contains("20.1"), "{}", p.summary);
    let share = p.firm_share_of_target.unwrap_or(f64::NAN);
    assert!((share - r.potential.base_krw / 2.5e12).abs() < 1e-15);
}

#[test]
fn years_run_forward_from_the_price_year_and_no_result_is_labelled_2012() {
    let ds = ds();
    assert_eq!((ds.price_year, ds.projection_years), (2025, 5));
    for lang in [Lang::Ko, Lang::En] {
        let mut raw = case(35.0 * EOK, "medical_devices", "SA");
        raw.lang = lang;
        let r = run(&raw, &ds);
        let labels: Vec<&str> = r.potential.years.iter().map(|y| y.label.as_str()).collect();
        let want: Vec<&str> = match lang {
            Lang::Ko => vec![
                "2025년(기준 수치)",
                "2026년(전망)",
                "2027년(전망)",
                "2028년(전망)",
                "2029년(전망)",
                "2030년(전망)",
            ],
            Lang::En => vec![
                "2025 (figures)",
                "2026 (projected)",
                "2027 (projected)",
                "2028 (projected)",
                "2029 (projected)",
                "2030 (projected)",
            ],
        };
        assert_eq!(labels, want);
        assert_eq!(r.potential.price_year, 2025);
        // The plan's base year appears only on the plan card, which is history.
        let potential_text = serde_json::to_string(&r.potential).unwrap_or_default();
        assert!(!potential_text.contains("\"year\":2012"), "{potential_text}");
        assert!(!labels.iter().any(|l| l.contains("2012")));
        assert!(r.ranking.iter().all(|m| m.base_krw > 0.0));
    }
}

#[test]
fn usd_figures_are_converted_at_the_price_years_rate_and_1042_only_labels_the_plan() {
    let ds = ds();
    let rate = ds
        .exchange_rates
        .iter()
        .find(|r| r.year == ds.price_year)
        .map(|r| r.krw_per_usd.value);
    assert_eq!(rate, Some(1421.97), "2025 annual average (Seoul Money Brokerage)");
    let r = run(&case(35.0 * EOK, "medical_devices", "SA"), &ds);
    assert_eq!(r.krw_per_usd, 1421.97);
    let p = &r.potential;
    // The base in won is the base in dollars at 1,421.97 won, to the won.
    assert_eq!(p.base_krw, (p.base_usd * 1421.97).round());
    assert!(
        (p.base_krw - p.base_usd * 1042.0).abs() > 1000.0,
        "not the plan's implied rate"
    );
    let shown = p
        .factors
        .iter()
        .find(|f| f.id == "krwPerUsd")
        .map(|f| (f.display.clone(), f.year));
    assert_eq!(shown, Some(("1달러 = 1,422원".to_owned(), Some(2025))));
    let note = r.plan.implied_rate_note.clone().unwrap_or_default();
    assert!(note.contains("1,042") && note.contains("역산"), "{note}");
}

#[test]
fn plan_comparison_only_for_the_plans_own_categories() {
    let ds = ds();
    assert_eq!(ds.plan.scope_sectors, vec!["medical_services".to_owned()]);
    // A device maker: the scope sentence, and no share of the target.
    let mut device = case(35.0 * EOK, "medical_devices", "SA");
    device.lang = Lang::En;
    let r = run(&device, &ds);
    assert_eq!(r.plan.firm_share_of_target, None);
    assert!(
        !r.plan.comparison.contains(" of the plan's 2017 target"),
        "{}",
        r.plan.comparison
    );
    assert_eq!(
        r.plan.comparison,
        "The plan's target covered medical services and technology exports (overseas expansion of medical \
         institutions, foreign patients, technology transfer), not device or drug goods, so no comparison with \
         your potential is made."
    );
    assert!(r.plan.scope.contains("foreign patients"), "{}", r.plan.scope);
    assert!(
        r.plan
            .reached
            .iter()
            .any(|s| s.contains("KRW 639.8 billion") && s.contains("2017")),
        "{:?}",
        r.plan.reached
    );
    assert!(r.plan.reached.iter().any(|s| s.contains("No official tally")));
    // A medical-services firm: the comparison, in words.
    let mut clinic = case(35.0 * EOK, "medical_services", "SA");
    clinic.lang = Lang::En;
    let r = run(&clinic, &ds);
    let share = r.plan.firm_share_of_target.unwrap_or(0.0);
    assert!(share > 0.0 && share < 1e-4, "{share}");
    let n = 1.0 / share;
    assert!(
        r.plan
            .comparison
            .starts_with("Your yearly export potential is about 1/"),
        "{}",
        r.plan.comparison
    );
    assert!(r
        .plan
        .comparison
        .ends_with(" of the plan's 2017 target (KRW 2.5 trillion)."));
    // The denominator is 1/share rounded to two significant figures.
    let digits: String = r
        .plan
        .comparison
        .split("1/")
        .nth(1)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let shown: f64 = digits.parse().unwrap_or(0.0);
    assert!((shown - n).abs() / n < 0.05, "{shown} vs {n}");
    clinic.lang = Lang::Ko;
    let ko = run(&clinic, &ds).plan.comparison;
    assert!(
        ko.starts_with("이 기업의 연간 수출 잠재력은 계획의 2017년 목표(2조 5,000억 원)의 약 1/"),
        "{ko}"
    );
}

#[test]
fn bad_input_names_each_field_in_both_languages() {
    let ds = ds();
    let mut raw = case(-1.0, "x-ray", "FR");
    raw.current_exports_krw = Some(f64::NAN);
    raw.total_assets_krw = Some(1e16);
    let errors = match estimate(&raw, &ds) {
        Ok(_) => panic!("bad input must be refused"),
        Err(e) => e,
    };
    let got: Vec<(Field, Reason)> = errors.iter().map(|e| (e.field, e.reason)).collect();
    assert_eq!(
        got,
        vec![
            (Field::RevenueKrw, Reason::Negative),
            (Field::CurrentExportsKrw, Reason::NotFinite),
            (Field::TotalAssetsKrw, Reason::TooLarge),
            (Field::Sector, Reason::Unknown),
            (Field::Market, Reason::Unknown),
        ]
    );
    assert!(errors[0].ko.starts_with("매출액"), "{}", errors[0].ko);
    assert!(errors[0].en.starts_with("Revenue"), "{}", errors[0].en);
    let mut raw = case(1.0 * EOK, "medical_devices", "SA");
    raw.revenue_krw = None;
    assert_eq!(estimate(&raw, &ds).err().map(|e| e[0].reason), Some(Reason::Empty));
    let mut raw = case(1.0 * EOK, "medical_devices", "SA");
    raw.current_exports_krw = Some(1.0 * EOK);
    raw.exports_to_market_krw = Some(2.0 * EOK);
    let e = estimate(&raw, &ds).err().unwrap_or_default();
    assert_eq!(
        e.first().map(|e| (e.field, e.reason)),
        Some((Field::ExportsToMarketKrw, Reason::Inconsistent))
    );
}

fn any_sector() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("medical_devices".to_string()),
        Just("pharmaceuticals".to_string()),
        Just("medical_services".to_string()),
        Just("digital_health".to_string()),
        ".{0,12}",
    ]
}

fn any_market() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["SA", "AE", "QA", "KW", "OM", "BH", "KZ", "UZ", "KG", "TJ", "TM"])
            .prop_map(String::from),
        ".{0,4}",
    ]
}

fn any_amount() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        Just(None),
        (0u64..=1_000_000_000_000_000).prop_map(|x| Some(x as f64)),
        any::<f64>().prop_map(Some),
        Just(Some(f64::NAN)),
        Just(Some(f64::INFINITY)),
        Just(Some(-1.0)),
    ]
}

fn any_answer() -> impl Strategy<Value = Option<bool>> {
    prop_oneof![Just(None), Just(Some(true)), Just(Some(false))]
}

fn any_input() -> impl Strategy<Value = RawInput> {
    (
        any_amount(),
        any_sector(),
        any_market(),
        (any_amount(), any_amount(), any_amount()),
        (any_answer(), any_answer(), any_answer(), any_answer(), any_answer()),
        any::<bool>(),
    )
        .prop_map(
            |(revenue, sector, market, (cur, to, assets), (a, b, c, d, corp), en)| RawInput {
                revenue_krw: revenue,
                sector,
                market,
                current_exports_krw: cur,
                exports_to_market_krw: to,
                total_assets_krw: assets,
                medical_corporation: corp,
                readiness: Readiness {
                    certification: a,
                    local_partner: b,
                    export_experience: c,
                    local_language: d,
                },
                lang: if en { Lang::En } else { Lang::Ko },
                today: Some("2026-11-28".into()),
            },
        )
}

fn amounts_ok(r: &Estimate) -> bool {
    let p = &r.potential;
    let nums = [
        p.base_krw,
        p.low_krw,
        p.high_krw,
        p.untapped_krw,
        p.base_usd,
        p.low_usd,
        p.high_usd,
        p.untapped_usd,
    ]
    .into_iter()
    .chain(p.years.iter().flat_map(|y| [y.low_krw, y.base_krw, y.high_krw]))
    .chain(r.ranking.iter().flat_map(|m| [m.low_krw, m.base_krw, m.high_krw]))
    .chain([r.plan.firm_share_of_target.unwrap_or(0.0), r.plan.implied_growth]);
    nums.into_iter().all(|x| x.is_finite() && x >= 0.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_never_nan_never_negative(raw in any_input()) {
        let ds = ds();
        if let Ok(r) = estimate(&raw, &ds) {
            prop_assert!(amounts_ok(&r));
            let p = &r.potential;
            prop_assert!(p.low_krw <= p.base_krw && p.base_krw <= p.high_krw);
            for y in &p.years {
                prop_assert!(y.low_krw <= y.base_krw && y.base_krw <= y.high_krw);
            }
            prop_assert!(r.ranking.windows(2).all(|w| w[0].base_krw >= w[1].base_krw));
            prop_assert_eq!(r.support.len(), ds.programs.len());
        }
    }

    #[test]
    fn potential_is_non_decreasing_in_revenue(
        a in 0u64..=1_000_000_000_000_000u64,
        b in 0u64..=1_000_000_000_000_000u64,
        sector in prop::sample::select(vec!["medical_devices", "pharmaceuticals", "medical_services", "digital_health"]),
        market in prop::sample::select(vec!["SA", "AE", "QA", "KW", "OM", "BH", "KZ", "UZ", "KG", "TJ", "TM"]),
    ) {
        let ds = ds();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let r1 = run(&case(lo as f64, sector, market), &ds);
        let r2 = run(&case(hi as f64, sector, market), &ds);
        prop_assert!(r1.potential.base_krw <= r2.potential.base_krw);
        prop_assert!(r1.potential.low_krw <= r2.potential.low_krw);
        prop_assert!(r1.potential.high_krw <= r2.potential.high_krw);
    }
}
