//! What the page shows as it is: the result's amounts worded to three significant digits (the page
//! rounds nothing), whether readiness was answered, the dataset's label, and the form's echo of a
//! typed amount. Each is checked against the engine's own functions and the figures it words.

use sme_export::amount::{format_krw, format_usd, parse_amount, round_significant};
use sme_export::builtin::dataset as default_dataset;
use sme_export::engine::{estimate, to_won, RawInput};
use sme_export::error::Lang;
use sme_export::model::Readiness;
use sme_export::report::compare_markets;
use sme_export::words::amount_echo;

fn case(lang: Lang, readiness: Readiness) -> RawInput {
    RawInput {
        revenue_krw: Some(3.5e9),
        sector: "medical_devices".into(),
        market: "SA".into(),
        readiness,
        lang,
        today: Some("2026-12-01".into()),
        ..RawInput::default()
    }
}

/// Three significant digits, as a person reads an estimate.
fn three(krw: f64, lang: Lang) -> String {
    format_krw(round_significant(to_won(krw), 3), lang)
}

#[test]
fn every_amount_is_shown_to_three_significant_digits() {
    let ds = default_dataset();
    for lang in [Lang::Ko, Lang::En] {
        let r = estimate(&case(lang, Readiness::default()), &ds).expect("valid");
        let (p, s) = (&r.potential, &r.shown);
        assert_eq!(s.base, three(p.base_krw, lang));
        assert_eq!(s.low, three(p.low_krw, lang));
        assert_eq!(s.high, three(p.high_krw, lang));
        assert_eq!(s.untapped, three(p.untapped_krw, lang));
        assert_eq!(s.base_usd, format_usd(p.base_usd, lang));
        assert_eq!(s.untapped_usd, format_usd(p.untapped_usd, lang));
        assert_eq!(s.years.len(), p.years.len());
        for (y, shown) in p.years.iter().zip(&s.years) {
            assert_eq!(shown.base, three(y.base_krw, lang));
            assert_eq!(shown.low, three(y.low_krw, lang));
        }
        assert_eq!(s.ranking.len(), r.ranking.len());
        for (m, shown) in r.ranking.iter().zip(&s.ranking) {
            assert_eq!(shown.high, three(m.high_krw, lang));
        }
        let input = sme_export::engine::check(&case(lang, Readiness::default()), &ds).expect("valid");
        let c = compare_markets(&input, &["SA".into(), "AE".into()], &ds);
        for m in &c.markets {
            assert_eq!(m.base_shown, three(m.base_krw, lang));
        }
    }
    // "88억 2,161만 4,267 원" is shown as "88억 2,000만 원".
    assert_eq!(three(8_821_614_267.0, Lang::Ko), "88억 2,000만 원");
}

#[test]
fn readiness_counts_as_answered_with_any_answer() {
    let ds = default_dataset();
    let none = estimate(&case(Lang::Ko, Readiness::default()), &ds).expect("valid");
    assert!(!none.potential.readiness_answered);
    let no = Readiness {
        local_partner: Some(false),
        ..Readiness::default()
    };
    assert!(
        estimate(&case(Lang::Ko, no), &ds)
            .expect("valid")
            .potential
            .readiness_answered
    );
}

#[test]
fn the_dataset_label_and_the_echo_are_worded_per_language() {
    let ds = default_dataset();
    let r = estimate(&case(Lang::Ko, Readiness::default()), &ds).expect("valid");
    assert_eq!(r.texts.dataset_label, "데이터");
    let won = parse_amount("3 억 5천").expect("Korean amount");
    let echo = amount_echo(won, 1400.0, Lang::Ko);
    assert!(echo.starts_with("3억 5,000만 원 (약 US$ "), "{echo}");
    assert!(amount_echo(won, 1400.0, Lang::En).contains(" (about US$ "));
}
