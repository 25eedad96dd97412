//! The way into a market: a firm not registered there sells only after the route's review time,
//! counted from the case's day; a registered firm sells from the projection's first year. What a
//! firm reads on the card "How to enter and how long", in both languages.

use serde_json::{json, Value};
use sme_export::builtin::DEFAULT_JSON;
use sme_export::dataset::Dataset;
use sme_export::engine::{estimate, RawInput};
use sme_export::error::Lang;
use sme_export::load::dataset_from_value;
use sme_export::model::{Estimate, Readiness};

const EOK: f64 = 100_000_000.0;

/// The default dataset with one route of its own for Saudi devices: review 3 to 6 months.
fn with_route(months: Option<(f64, f64)>) -> Dataset {
    let mut v: Value = serde_json::from_str(DEFAULT_JSON).unwrap_or_else(|e| panic!("{e}"));
    let review =
        months.map(|(min, max)| json!({"min": min, "max": max, "source": "KHIDI global news 5640", "year": 2025}));
    let route = json!({
        "id": "SA-test", "market": "SA", "sectors": ["medical_devices"], "verified": true,
        "regulator": {"ko": "사우디 식약청(SFDA)", "en": "Saudi Food and Drug Authority (SFDA)"},
        "route": {"ko": "의료기기 판매허가(MDMA)", "en": "Medical device marketing authorisation (MDMA)"},
        "localRepresentative": "required",
        "steps": [
            {"text": {"ko": "ISO 13485 인증", "en": "ISO 13485 certificate"}, "kind": "qualitySystem", "paidBy": ["overseas_certification"]},
            {"text": {"ko": "현지 대리인 지정", "en": "Appoint a licensed local representative"}, "kind": "representative"},
            {"text": {"ko": "대리인이 온라인 신청", "en": "The representative files online"}, "kind": "application", "paidBy": []}
        ],
        "documents": [{"ko": "ISO 13485 인증서", "en": "ISO 13485 certificate"}],
        "reviewMonths": review,
        "fees": [{"label": {"ko": "대리인 면허 갱신", "en": "Representative licence renewal"}, "value": 5200, "unit": "SAR", "source": "KOTRA Riyadh 2015-01-14", "year": 2015}],
        "validity": {"ko": "3년", "en": "3 years"},
        "askAt": {"ko": "KOTRA 리야드 무역관", "en": "KOTRA Riyadh"},
        "source": "KHIDI global news 5640 (2025-09-10)",
        "checked": "2026-12-04"
    });
    v["entryRoutes"] = json!([route]);
    dataset_from_value(&v).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn run(ds: &Dataset, registered: Option<bool>, today: &str, lang: Lang) -> Estimate {
    let raw = RawInput {
        revenue_krw: Some(35.0 * EOK),
        sector: "medical_devices".into(),
        market: "SA".into(),
        readiness: Readiness {
            certification: registered,
            ..Readiness::default()
        },
        lang,
        today: Some(today.into()),
        ..RawInput::default()
    };
    estimate(&raw, ds).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn an_unregistered_firm_sells_only_after_the_review_and_a_registered_one_from_the_first_year() {
    let ds = with_route(Some((3.0, 6.0)));
    // Not registered, on 1 Jan 2026: the first sale comes between April and July 2026.
    let not = run(&ds, Some(false), "2026-01-01", Lang::En);
    assert_eq!(not.entry.first_sale_from.as_deref(), Some("2026-04"));
    assert_eq!(not.entry.first_sale_to.as_deref(), Some("2026-07"));
    assert_eq!(not.entry.first_sale_year, Some(2026));
    let y = |r: &Estimate, year: i32| {
        r.potential
            .years
            .iter()
            .find(|x| x.year == year)
            .cloned()
            .unwrap_or_else(|| panic!("{year}"))
    };
    // 2025 is before the first sale: nothing; 2026 counts the months left after it; 2027 is whole.
    assert_eq!(
        (y(&not, 2025).low_krw, y(&not, 2025).base_krw, y(&not, 2025).high_krw),
        (0.0, 0.0, 0.0)
    );
    let reg = run(&ds, Some(true), "2026-01-01", Lang::En);
    let share = y(&not, 2026).sales_share;
    assert!(
        (share - 0.625).abs() < 1e-9,
        "the base starts mid-range, 4.5 months in: {share}"
    );
    let g = not
        .potential
        .factors
        .iter()
        .find(|f| f.id == "demandGrowth")
        .map_or(0.0, |f| f.value);
    let whole_2026 = not.potential.base_krw * (1.0 + g);
    assert!(
        (y(&not, 2026).base_krw - whole_2026 * 0.625).abs() <= 2.0,
        "{:?}",
        y(&not, 2026)
    );
    assert!(
        y(&not, 2026).low_krw < y(&not, 2026).base_krw * 0.9,
        "the low end starts at the latest"
    );
    assert!((y(&not, 2027).base_krw - not.potential.base_krw * (1.0 + g).powi(2)).abs() <= 2.0);
    assert_eq!(y(&not, 2027).sales_share, 1.0);
    // Registered: every year is whole, from the first projection year.
    assert!(reg.potential.years.iter().all(|x| x.sales_share == 1.0));
    assert_eq!(reg.potential.years[0].base_krw, reg.potential.base_krw);
    assert_eq!(reg.entry.first_sale_year, Some(ds.price_year));
    assert_eq!(reg.entry.first_sale_from, None);
    // The headline potential is a year of sales once in: not timed.
    assert!(not.potential.base_krw > 0.0 && not.potential.years[0].base_krw == 0.0);
    // Not said: the base and the low end as not registered, the high end as registered.
    let open = run(&ds, None, "2026-01-01", Lang::En);
    assert_eq!(y(&open, 2025).base_krw, 0.0);
    assert_eq!(y(&open, 2025).high_krw, y(&reg, 2025).high_krw);
    assert!(
        open.entry.status_text.contains("the high end assumes you are"),
        "{}",
        open.entry.status_text
    );
}

#[test]
fn the_card_words_the_route_steps_time_cost_and_whom_to_ask() {
    let ds = with_route(Some((3.0, 6.0)));
    let ko = run(&ds, Some(false), "2026-12-04", Lang::Ko);
    let e = &ko.entry;
    assert!(e.found && e.verified);
    assert_eq!(e.regulator, "사우디 식약청(SFDA)");
    assert_eq!(e.time_text, "심사 3~6개월(준비 기간 제외)");
    assert_eq!(e.representative_text, "현지 대리인(허가 받은 수입·유통사) 필요");
    assert_eq!(e.steps.len(), 3);
    // The certification support pays for the ISO 13485 step, named there for an SME.
    assert_eq!(e.steps[0].paid_by, ["해외규격인증획득 지원사업"]);
    assert!(e.steps[1].paid_by.is_empty());
    assert_eq!(e.fees, ["대리인 면허 갱신: SAR 5,200 (2015; KOTRA Riyadh 2015-01-14)"]);
    assert_eq!(e.ask_at, "KOTRA 리야드 무역관");
    assert_eq!(e.first_sale_from.as_deref(), Some("2027-03"));
    assert_eq!(e.first_sale_to.as_deref(), Some("2027-06"));
    assert!(
        e.status_text
            .starts_with("아직 등록(허가) 전입니다: 오늘 시작하면 첫 판매는 2027-03 ~ 2027-06."),
        "{}",
        e.status_text
    );
    // What registering would change: how much more, and how much sooner.
    let reg = ko
        .what_if
        .iter()
        .find(|w| w.id == sme_export::model::Question::Certification);
    let text = reg.map(|w| w.text.clone()).unwrap_or_default();
    assert!(
        text.ends_with("등록되어 있다면 첫 판매가 2025년부터로 당겨집니다(지금은 2027-03 ~ 2027-06)."),
        "{text}"
    );
    assert!(reg.is_some_and(|w| w.gain_krw > 0.0));
    // A firm above the SME table is not told that an SME programme pays for the step.
    let raw = RawInput {
        revenue_krw: Some(2000.0 * EOK),
        sector: "medical_devices".into(),
        market: "SA".into(),
        today: Some("2026-12-04".into()),
        ..RawInput::default()
    };
    let big = estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(big.entry.steps[0].paid_by.is_empty());
    // No route for the sector: said so, with whom to ask; nothing is timed.
    let raw = RawInput {
        revenue_krw: Some(35.0 * EOK),
        sector: "pharmaceuticals".into(),
        market: "SA".into(),
        lang: Lang::En,
        today: Some("2026-12-04".into()),
        ..RawInput::default()
    };
    let none = estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(!none.entry.found);
    assert!(
        none.entry.status_text.contains("ask KOTRA's office there"),
        "{}",
        none.entry.status_text
    );
    assert!(none.potential.years.iter().all(|y| y.sales_share == 1.0));
}

#[test]
fn a_route_without_a_review_time_times_nothing() {
    let ds = with_route(None);
    let r = run(&ds, Some(false), "2026-12-04", Lang::En);
    assert!(r.entry.found);
    assert_eq!(r.entry.time_text, "review time: not found");
    assert_eq!(r.entry.first_sale_from, None);
    assert!(r.potential.years.iter().all(|y| y.sales_share == 1.0));
}
