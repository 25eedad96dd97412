//! `engine::score` and `engine::Prepared::score` (the batch command's fast path, no text) agree
//! with `engine::estimate` (the widget's full result) on every number they share: SME size,
//! base/low/high/untapped potential, the best market, the chosen market's rank and every
//! program's outcome. Random firms on the default dataset, and on variants of it whose programs
//! use every kind of criterion and every FTA and program status, so every branch of
//! `rules::criterion_outcome` is exercised.

use proptest::prelude::*;
use sme_export::builtin::dataset as default_dataset;
use sme_export::dataset::{Dataset, FtaStatus, Program, ProgramStatus, Text};
use sme_export::engine::{check, estimate, estimate_checked, score, Prepared, RawInput, Score};
use sme_export::error::Lang;
use sme_export::model::{Estimate, Input, Question, Readiness, SmeSize};
use sme_export::rules::Criterion;

/// The default dataset, loaded once for all cases.
fn ds() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(default_dataset)
}

/// Asserts that the score and the estimate agree; returns a message naming the first difference.
fn agree(s: &Score, e: &Estimate, ds: &Dataset) -> Result<(), TestCaseError> {
    prop_assert_eq!(s.size, e.sme.size);
    prop_assert_eq!(s.base_krw, e.potential.base_krw);
    prop_assert_eq!(s.low_krw, e.potential.low_krw);
    prop_assert_eq!(s.high_krw, e.potential.high_krw);
    prop_assert_eq!(s.untapped_krw, e.potential.untapped_krw);
    let best = s.best_market.and_then(|i| ds.markets.get(i)).map(|m| m.id.as_str());
    prop_assert_eq!(best, e.ranking.first().map(|r| r.market.as_str()));
    let rank = e.ranking.iter().find(|r| r.selected).map_or(0, |r| r.rank);
    prop_assert_eq!(s.rank, rank);
    let outcomes: Vec<_> = e.support.iter().map(|p| p.outcome).collect();
    prop_assert_eq!(&s.outcomes, &outcomes);
    Ok(())
}

/// Amounts around every SME threshold and the asset cap, tiny ones (ties at zero potential) and
/// anything up to the maximum.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u64..2_000).prop_map(|x| x as f64),
        (0u64..200_000_000_000).prop_map(|x| x as f64),
        prop::sample::select(vec![10e8, 50e8, 80e8, 120e8, 600e8, 800e8, 5000e8])
            .prop_flat_map(|t| (-2i64..=2).prop_map(move |d| t + d as f64)),
        (0u64..=1_000_000_000_000_000).prop_map(|x| x as f64),
    ]
}

fn answer() -> impl Strategy<Value = Option<bool>> {
    prop::option::of(any::<bool>())
}

fn raw_input(ds: &Dataset) -> impl Strategy<Value = RawInput> {
    let sectors: Vec<String> = ds.sectors.iter().map(|s| s.id.clone()).collect();
    let markets: Vec<String> = ds.markets.iter().map(|m| m.id.clone()).collect();
    (
        amount(),
        prop::sample::select(sectors),
        prop::sample::select(markets),
        prop::option::of(amount()),
        prop::option::of(amount()),
        prop::option::of(amount()),
        answer(),
        (answer(), answer(), answer(), answer()),
        any::<bool>(),
    )
        .prop_map(
            |(revenue, sector, market, current, to_market, assets, med, r, en)| RawInput {
                revenue_krw: Some(revenue),
                sector,
                market,
                current_exports_krw: current,
                exports_to_market_krw: to_market,
                total_assets_krw: assets,
                medical_corporation: med,
                readiness: Readiness {
                    certification: r.0,
                    local_partner: r.1,
                    export_experience: r.2,
                    local_language: r.3,
                },
                lang: if en { Lang::En } else { Lang::Ko },
                today: None,
            },
        )
}

fn criterion(ds: &Dataset) -> impl Strategy<Value = Criterion> {
    let sectors: Vec<String> = ds.sectors.iter().map(|s| s.id.clone()).collect();
    let markets: Vec<String> = ds.markets.iter().map(|m| m.id.clone()).collect();
    let regions: Vec<String> = ds.regions.iter().map(|r| r.id.clone()).collect();
    let question = prop::sample::select(vec![
        Question::Certification,
        Question::LocalPartner,
        Question::ExportExperience,
        Question::LocalLanguage,
    ]);
    let bound = prop::option::of(prop_oneof![(0u64..5_000_000_000).prop_map(|x| x as f64), amount()]);
    prop_oneof![
        prop::sample::subsequence(sectors.clone(), 0..=sectors.len()).prop_map(|any_of| Criterion::Sector { any_of }),
        prop::sample::subsequence(markets.clone(), 0..=markets.len()).prop_map(|any_of| Criterion::Market { any_of }),
        prop::sample::subsequence(regions.clone(), 0..=regions.len()).prop_map(|any_of| Criterion::Region { any_of }),
        prop::sample::subsequence(vec![SmeSize::Small, SmeSize::Medium, SmeSize::None], 0..=3)
            .prop_map(|any_of| Criterion::Size { any_of }),
        (question, any::<bool>()).prop_map(|(question, expect)| Criterion::Readiness { question, expect }),
        (bound.clone(), bound).prop_map(|(min_krw, max_krw)| Criterion::CurrentExports { min_krw, max_krw }),
        Just(Criterion::FtaInForce),
        Just(Criterion::Confirm {
            text: Text {
                ko: "확인".into(),
                en: "confirm".into()
            }
        }),
    ]
}

/// Every programme and FTA status (the loader refuses any other name).
const STATUSES: [ProgramStatus; 6] = [
    ProgramStatus::Active,
    ProgramStatus::Enacted,
    ProgramStatus::Ended,
    ProgramStatus::Planned,
    ProgramStatus::Pending,
    ProgramStatus::Unknown,
];
const FTA: [FtaStatus; 5] = [
    FtaStatus::None,
    FtaStatus::Negotiating,
    FtaStatus::Concluded,
    FtaStatus::Signed,
    FtaStatus::InForce,
];

/// The default dataset with extra programs of random rules, and random program and FTA statuses.
fn dataset_variant() -> impl Strategy<Value = Dataset> {
    let base = ds();
    let n_programs = base.programs.len();
    let n_markets = base.markets.len();
    let extra = prop::collection::vec(
        (
            prop::collection::vec(criterion(base), 0..5),
            prop::sample::select(STATUSES.to_vec()),
        ),
        0..8,
    );
    (
        extra,
        prop::collection::vec(prop::sample::select(STATUSES.to_vec()), n_programs),
        prop::collection::vec(prop::sample::select(FTA.to_vec()), n_markets),
    )
        .prop_map(move |(extra, statuses, ftas)| {
            let mut ds = base.clone();
            for (p, s) in ds.programs.iter_mut().zip(statuses) {
                p.status = s;
            }
            for (m, f) in ds.markets.iter_mut().zip(ftas) {
                m.fta.status = f;
            }
            let template = ds.programs.first().cloned();
            for (i, (rule, status)) in extra.into_iter().enumerate() {
                if let Some(t) = &template {
                    ds.programs.push(Program {
                        id: format!("extra_{i}"),
                        status,
                        rule,
                        ..t.clone()
                    });
                }
            }
            ds
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The batch path (check, then score) and the widget's path (estimate) on the default dataset.
    #[test]
    fn score_agrees_with_estimate(raw in raw_input(ds())) {
        let ds = ds();
        match (estimate(&raw, ds), check(&raw, ds)) {
            (Ok(e), Ok(input)) => agree(&score(&input, ds), &e, ds)?,
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (e, c) => prop_assert!(false, "estimate {:?} but check {:?}", e.is_ok(), c.is_ok()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Every kind of criterion, program status and FTA status, on checked input.
    #[test]
    fn score_agrees_with_estimate_on_every_rule(ds in dataset_variant(), raws in prop::collection::vec(raw_input(ds()), 8)) {
        // One `Prepared` for many firms, as the batch command uses it.
        let prepared = Prepared::new(&ds);
        for raw in raws {
            if let Ok(input) = check(&raw, &ds) {
                let s = prepared.score(&input);
                agree(&s, &estimate_checked(&input, &ds), &ds)?;
                prop_assert_eq!(s, score(&input, &ds));
            }
        }
    }

    /// Unchecked input with unknown ids: neither panics and they still agree (zeros, no rank).
    #[test]
    fn score_agrees_with_estimate_on_unknown_ids(
        raw in raw_input(ds()),
        bad_sector in any::<bool>(),
        bad_market in any::<bool>(),
    ) {
        let ds = ds();
        let input = Input {
            revenue_krw: raw.revenue_krw.map_or(0, |x| x as u64),
            sector: if bad_sector { "dentistry".into() } else { raw.sector.clone() },
            market: if bad_market { "XX".into() } else { raw.market.clone() },
            current_exports_krw: None,
            exports_to_market_krw: None,
            total_assets_krw: None,
            medical_corporation: raw.medical_corporation,
            readiness: raw.readiness,
            lang: raw.lang,
            today: None,
        };
        agree(&score(&input, ds), &estimate_checked(&input, ds), ds)?;
    }
}

/// A fixed case, so a failure reads plainly: a small device maker to Saudi Arabia.
#[test]
fn score_of_the_worked_example() {
    let ds = ds();
    let raw = RawInput {
        revenue_krw: Some(35e8),
        sector: "medical_devices".into(),
        market: "SA".into(),
        ..RawInput::default()
    };
    let input = check(&raw, ds).unwrap_or_else(|e| panic!("{e:?}"));
    let e = estimate(&raw, ds).unwrap_or_else(|e| panic!("{e:?}"));
    let s = score(&input, ds);
    assert_eq!(s.size, SmeSize::Small);
    assert!(s.base_krw > 0.0 && s.low_krw <= s.base_krw && s.base_krw <= s.high_krw);
    assert_eq!(s.outcomes.len(), ds.programs.len());
    if let Err(e) = agree(&s, &e, ds) {
        panic!("{e}");
    }
}
