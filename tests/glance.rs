//! The answer at a glance and what would change it, as a person reads them: the summary's lines,
//! and each what-if figure equal to the estimate of the changed case.

use sme_export::builtin::dataset as default_dataset;
use sme_export::engine::{estimate, glance, RawInput};
use sme_export::error::Lang;
use sme_export::model::{Direction, Outcome, Question, Readiness, SmeMeasure, SmeSize, SummaryTopic};

fn case(revenue: f64, lang: Lang, readiness: Readiness) -> RawInput {
    RawInput {
        revenue_krw: Some(revenue),
        sector: "medical_devices".into(),
        market: "SA".into(),
        readiness,
        lang,
        today: Some("2026-12-01".into()),
        ..RawInput::default()
    }
}

#[test]
fn what_if_gives_the_estimate_of_each_answer_yes() {
    let ds = default_dataset();
    let readiness = Readiness {
        local_partner: Some(true),
        local_language: Some(false),
        ..Readiness::default()
    };
    let r = estimate(&case(3.5e9, Lang::En, readiness), &ds).expect("valid");
    let ids: Vec<Question> = r.what_if.iter().map(|w| w.id).collect();
    assert_eq!(
        ids,
        vec![
            Question::Certification,
            Question::ExportExperience,
            Question::LocalLanguage
        ],
        "one entry per question not answered yes"
    );
    for w in &r.what_if {
        let mut changed = readiness;
        match w.id {
            Question::Certification => changed.certification = Some(true),
            Question::ExportExperience => changed.export_experience = Some(true),
            Question::LocalLanguage => changed.local_language = Some(true),
            Question::LocalPartner => changed.local_partner = Some(true),
        }
        let other = estimate(&case(3.5e9, Lang::En, changed), &ds).expect("valid");
        assert_eq!(w.base_krw, other.potential.base_krw, "{:?}", w.id);
        assert!(w.base_krw > r.potential.base_krw, "a yes raises the base ({:?})", w.id);
        assert!(w.text.starts_with("If yes: base estimate KRW"), "{}", w.text);
    }
    let all_yes = Readiness {
        certification: Some(true),
        local_partner: Some(true),
        export_experience: Some(true),
        local_language: Some(true),
    };
    let r = estimate(&case(3.5e9, Lang::Ko, all_yes), &ds).expect("valid");
    assert!(r.what_if.is_empty());
    assert!(r.summary.lines.iter().all(|l| l.topic != SummaryTopic::NextAnswer));
}

#[test]
fn summary_says_status_distance_potential_market_support_and_next_answer() {
    let ds = default_dataset();
    let r = estimate(&case(3.5e9, Lang::Ko, Readiness::default()), &ds).expect("valid");
    let s = &r.summary;
    assert_eq!(s.sme_size, SmeSize::Small);
    assert_eq!(s.sme_distance_krw, Some(3.5e9 - r.sme.small_max_krw));
    let topics: Vec<SummaryTopic> = s.lines.iter().map(|l| l.topic).collect();
    assert_eq!(
        topics,
        vec![
            SummaryTopic::Sme,
            SummaryTopic::Potential,
            SummaryTopic::Entry,
            SummaryTopic::BestMarket,
            SummaryTopic::Support,
            SummaryTopic::NextAnswer
        ]
    );
    let text = |t: SummaryTopic| {
        s.lines
            .iter()
            .find(|l| l.topic == t)
            .map(|l| l.text.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        text(SummaryTopic::Sme),
        "소기업(중소기업) · 소기업 기준 80억 원보다 45억 원 적음"
    );
    // Not registered in Saudi Arabia (not said): the SFDA's review and the first sale.
    let entry = text(SummaryTopic::Entry);
    assert!(
        entry.starts_with("첫 판매 ") && entry.ends_with("(등록 심사 후)"),
        "{entry}"
    );
    assert!(
        text(SummaryTopic::Potential).starts_with("사우디아라비아 "),
        "{}",
        text(SummaryTopic::Potential)
    );
    let likely = r.support.iter().filter(|x| x.outcome == Outcome::Eligible).count();
    let maybe = r.support.iter().filter(|x| x.outcome == Outcome::Maybe).count();
    assert_eq!((s.likely_count as usize, s.possibly_count as usize), (likely, maybe));
    assert!(text(SummaryTopic::Support).contains(&format!("확인 필요 {maybe}건")));
    // The best answer is the what-if entry with the largest gain.
    let best = r
        .what_if
        .iter()
        .max_by(|a, b| a.gain_krw.total_cmp(&b.gain_krw))
        .map(|w| w.id);
    assert_eq!(s.next_answer, best);
    assert_eq!(r.what_if_support.len(), maybe);
    // Another market: KZ is below SA for this firm, so the summary names SA as the best market.
    let mut kz = case(3.5e9, Lang::En, Readiness::default());
    kz.market = "KZ".into();
    let r = estimate(&kz, &ds).expect("valid");
    let top = &r.ranking[0];
    assert!(!top.selected, "KZ is not this firm's best market");
    assert_eq!(r.summary.best_market.as_deref(), Some(top.market.as_str()));
    let line = r
        .summary
        .lines
        .iter()
        .find(|l| l.topic == SummaryTopic::BestMarket)
        .expect("line");
    assert!(line.text.starts_with(&top.name), "{}", line.text);
}

#[test]
fn sme_what_if_names_the_amounts_where_the_class_changes() {
    let ds = default_dataset();
    let r = estimate(&case(3.5e10, Lang::En, Readiness::default()), &ds).expect("valid");
    assert_eq!(r.sme.size, SmeSize::Medium);
    let w: Vec<(SmeMeasure, Direction, f64, SmeSize)> = r
        .what_if_sme
        .iter()
        .map(|w| (w.measure, w.direction, w.krw, w.becomes))
        .collect();
    assert_eq!(
        w,
        vec![
            (
                SmeMeasure::Revenue,
                Direction::AtMost,
                r.sme.small_max_krw,
                SmeSize::Small
            ),
            (
                SmeMeasure::Revenue,
                Direction::Above,
                r.sme.medium_max_krw,
                SmeSize::None
            ),
            (SmeMeasure::TotalAssets, Direction::AtLeast, 5.0e11, SmeSize::None),
        ]
    );
    assert_eq!(
        r.what_if_sme[1].text,
        "3-year average revenue above KRW 80 billion: not an SME"
    );
    let line = &r.summary.lines[0];
    assert_eq!(
        line.text,
        "Medium enterprise (SME): KRW 45 billion below the KRW 80 billion SME ceiling"
    );
}

#[test]
fn trace_steps_redo_the_base_and_compare_lists_what_differs() {
    use sme_export::engine::check;
    use sme_export::report::{compare_markets, trace};
    let ds = default_dataset();
    let input = check(&case(3.5e9, Lang::En, Readiness::default()), &ds).expect("valid");
    let r = sme_export::engine::estimate_checked(&input, &ds);
    let t = trace(&input, &ds);
    let step = |id: &str| t.steps.iter().find(|s| s.id == id).map(|s| s.value).unwrap_or(f64::NAN);
    let rate = t
        .factors
        .iter()
        .find(|f| f.id == "krwPerUsd")
        .map_or(f64::NAN, |f| f.value);
    let redo = step("koreaPotentialUsd") * step("firmShare") * step("readinessMultiplier") * rate;
    assert!(
        (redo - r.potential.base_krw).abs() <= 1.0,
        "{redo} vs {}",
        r.potential.base_krw
    );
    assert_eq!(t.result.base_krw, r.potential.base_krw);
    assert_eq!(step("baseKrw"), r.potential.base_krw);
    // Every figure the trace uses names its source, or is an input or a rule of the method.
    assert!(
        t.factors.iter().all(|f| !f.source.is_empty() || f.assumption),
        "{:?}",
        t.factors
    );
    assert!(t.disclaimer.contains("estimate"));
    let ids = ["SA", "KZ", "nowhere", "SA", "AE", "QA"].map(String::from);
    let c = compare_markets(&input, &ids, &ds);
    let names: Vec<&str> = c.markets.iter().map(|m| m.market.as_str()).collect();
    assert_eq!(
        names,
        ["SA", "KZ", "AE"],
        "unknown and repeated ids skipped, three kept"
    );
    assert_eq!(c.markets[0].base_krw, r.potential.base_krw);
    // The comparison shows each market's rank as the ranking gives it (AE leads for devices since
    // the potential is anchored on Korea's actual exports).
    let rank_of = |id: &str| r.ranking.iter().find(|m| m.market == id).map(|m| m.rank);
    assert_eq!(Some(c.markets[0].rank), rank_of("SA"));
    assert_eq!(Some(c.markets[2].rank), rank_of("AE"));
    assert_eq!(rank_of("AE"), Some(1));
    for d in &c.programs_that_differ {
        assert!(d.outcomes.windows(2).any(|w| w[0] != w[1]), "{} does not differ", d.id);
    }
    assert_eq!(
        c.programs_that_differ.len() + c.programs_alike as usize,
        ds.programs.len()
    );
}

/// The first-answer module words the summary alone, from its own copy of the dataset (without
/// the long texts): a reader sees the same answer at a glance before and after the rest arrives.
/// Every sector and market, revenues on each side of the SME ceilings, answers yes, no and none,
/// both languages.
#[test]
fn first_answer_is_the_summary_of_the_whole_result() {
    let full = default_dataset();
    let first = sme_export::builtin::first::dataset();
    // The first copy really is the smaller one: the routes' steps and the programmes' offers are gone.
    assert!(first.entry_routes.iter().all(|r| r.steps.is_empty()));
    assert!(full.entry_routes.iter().any(|r| !r.steps.is_empty()));
    assert!(first.programs.iter().all(|p| p.offers.ko.is_empty()));
    let mut checked = 0;
    for sector in &full.sectors {
        for market in &full.markets {
            for revenue in [3e8, 3.5e9, 9e9, 1.1e11] {
                for (lang, yes) in [(Lang::Ko, None), (Lang::En, Some(true)), (Lang::Ko, Some(false))] {
                    let raw = RawInput {
                        revenue_krw: Some(revenue),
                        sector: sector.id.clone(),
                        market: market.id.clone(),
                        current_exports_krw: Some(revenue / 10.0),
                        readiness: Readiness {
                            certification: yes,
                            local_partner: yes.map(|x| !x),
                            ..Readiness::default()
                        },
                        lang,
                        today: Some("2026-12-01".into()),
                        ..RawInput::default()
                    };
                    let whole = estimate(&raw, &full).expect("valid");
                    let at_glance = glance(&raw, &first).expect("valid");
                    assert_eq!(
                        at_glance.summary, whole.summary,
                        "{} {} {revenue} {lang:?}",
                        sector.id, market.id
                    );
                    assert_eq!(at_glance.announcement, whole.texts.announcement);
                    assert!(at_glance.summary.lines.len() >= 5);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 4 * 11 * 4 * 3, "{checked}");
}
