//! `sme-export estimate`: one firm, as a readable summary in Korean or English, or as JSON.

use std::fmt::Write as _;

use sme_export::amount::format_krw;
use sme_export::dataset::Dataset;
use sme_export::engine::{check, estimate_checked, to_won, RawInput};
use sme_export::error::{Field, InputError, Lang, Reason};
use sme_export::model::{Estimate, Outcome, Question, Readiness};
use sme_export::words::outcome_label;

use super::{amount, option_value, print_out, yes_no, yes_no_error, Common, Failure, EXIT_INVALID, EXIT_OK};

pub const HELP: &str = "\
Amounts take Korean forms: 35억, 3억 5천만, 12.5억 원, 1,250,000,000원.
Bad input: one message per field on stderr, exit 1 (with --json also {\"errors\": [...]} on stdout).";

#[derive(clap::Args)]
pub struct EstimateArgs {
    /// 3-year average revenue (required)
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true, value_parser = option_value)]
    revenue: Option<String>,
    /// medical_devices, pharmaceuticals, ... (see the dataset)
    #[arg(long, value_name = "ID", value_parser = option_value)]
    sector: Option<String>,
    /// SA, AE, KZ, ... (see the dataset)
    #[arg(long, value_name = "ID", value_parser = option_value)]
    market: Option<String>,
    /// Current total exports
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true, value_parser = option_value)]
    current_exports: Option<String>,
    /// Current exports to the target market
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true, value_parser = option_value)]
    exports_to_market: Option<String>,
    /// Total assets
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true, value_parser = option_value)]
    total_assets: Option<String>,
    /// Certification valid in the market
    #[arg(long, value_name = "yes|no", value_parser = option_value)]
    certification: Option<String>,
    /// Local partner or distributor
    #[arg(long, value_name = "yes|no", value_parser = option_value)]
    local_partner: Option<String>,
    /// Has exported before
    #[arg(long, value_name = "yes|no", value_parser = option_value)]
    export_experience: Option<String>,
    /// Material in the market's language
    #[arg(long, value_name = "yes|no", value_parser = option_value)]
    local_language: Option<String>,
    /// The firm is a non-profit medical corporation (의료법인)
    #[arg(long)]
    medical_corporation: bool,
    /// The full result as JSON (camelCase) instead of a summary
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    common: Common,
}

/// The option that sets an engine field.
fn option_of(field: Field) -> &'static str {
    match field {
        Field::RevenueKrw => "--revenue",
        Field::Sector => "--sector",
        Field::Market => "--market",
        Field::CurrentExportsKrw => "--current-exports",
        Field::ExportsToMarketKrw => "--exports-to-market",
        Field::TotalAssetsKrw => "--total-assets",
        Field::Lang => "--lang",
    }
}

/// A bad option value: the option, the engine's field key and reason (or ours), the message.
struct Bad {
    option: &'static str,
    field: &'static str,
    reason: &'static str,
    message: String,
}

impl Bad {
    fn from_input(e: &InputError, ds: &Dataset, raw: &RawInput, lang: Lang) -> Bad {
        let mut message = e.message(lang).to_owned();
        if e.reason == Reason::Unknown {
            message.push_str(&super::batch::known_ids(e.field, ds, raw, lang));
        }
        Bad {
            option: option_of(e.field),
            field: e.field.key(),
            reason: Reason::key(e.reason),
            message,
        }
    }
}

pub fn run(args: EstimateArgs) -> Result<u8, Failure> {
    let lang: Lang = args.common.lang.into();
    let ds = super::dataset(args.common.dataset.as_deref())?;

    let mut bad: Vec<Bad> = Vec::new();
    let mut parsed_bad: Vec<Field> = Vec::new();
    let mut amount_of = |value: &Option<String>, field: Field| match amount(value.as_deref(), field) {
        Ok(v) => v,
        Err(e) => {
            parsed_bad.push(field);
            bad.push(Bad {
                option: option_of(field),
                field: field.key(),
                reason: Reason::key(e.reason),
                message: e.message(lang).to_owned(),
            });
            None
        }
    };
    let revenue = amount_of(&args.revenue, Field::RevenueKrw);
    let current = amount_of(&args.current_exports, Field::CurrentExportsKrw);
    let to_market = amount_of(&args.exports_to_market, Field::ExportsToMarketKrw);
    let assets = amount_of(&args.total_assets, Field::TotalAssetsKrw);
    let mut answer = |value: &Option<String>, option: &'static str, key: &'static str, q: Question| match yes_no(
        value.as_deref().unwrap_or(""),
    ) {
        Ok(a) => a,
        Err(()) => {
            bad.push(Bad {
                option,
                field: key,
                reason: "notYesNo",
                message: yes_no_error(Some(q), lang),
            });
            None
        }
    };
    let readiness = Readiness {
        certification: answer(
            &args.certification,
            "--certification",
            "certification",
            Question::Certification,
        ),
        local_partner: answer(
            &args.local_partner,
            "--local-partner",
            "localPartner",
            Question::LocalPartner,
        ),
        export_experience: answer(
            &args.export_experience,
            "--export-experience",
            "exportExperience",
            Question::ExportExperience,
        ),
        local_language: answer(
            &args.local_language,
            "--local-language",
            "localLanguage",
            Question::LocalLanguage,
        ),
    };
    let raw = RawInput {
        revenue_krw: revenue,
        sector: args.sector.as_deref().unwrap_or("").trim().to_owned(),
        market: args.market.as_deref().unwrap_or("").trim().to_owned(),
        current_exports_krw: current,
        exports_to_market_krw: to_market,
        total_assets_krw: assets,
        medical_corporation: args.medical_corporation.then_some(true),
        readiness,
        lang,
        today: super::today_in_korea(),
    };
    let checked = check(&raw, &ds);
    if let Err(errors) = &checked {
        // A field whose text did not parse was passed on as missing: keep the parse error only.
        for e in errors.iter().filter(|e| !parsed_bad.contains(&e.field)) {
            bad.push(Bad::from_input(e, &ds, &raw, lang));
        }
    }
    let input = match checked {
        Ok(input) if bad.is_empty() => input,
        _ => return report(&bad, args.json),
    };
    let result = estimate_checked(&input, &ds);
    if args.json {
        let json = serde_json::to_string_pretty(&result)
            .map_err(|e| Failure::usage(format!("cannot write the result as JSON: {e}")))?;
        print_out(&[json.as_str(), "\n"].concat())?;
    } else {
        print_out(&summary(&result, lang))?;
    }
    Ok(EXIT_OK)
}

/// Every bad field on stderr (and as JSON on stdout with `--json`); exit 1.
fn report(bad: &[Bad], json: bool) -> Result<u8, Failure> {
    if json {
        let errors: Vec<serde_json::Value> = bad
            .iter()
            .map(|b| {
                serde_json::json!({
                    "option": b.option, "field": b.field, "reason": b.reason, "message": b.message,
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&serde_json::json!({ "errors": errors }))
            .map_err(|e| Failure::usage(format!("cannot write the errors as JSON: {e}")))?;
        print_out(&[text.as_str(), "\n"].concat())?;
    }
    let lines: Vec<String> = bad.iter().map(|b| format!("{}: {}", b.option, b.message)).collect();
    Err(Failure {
        code: EXIT_INVALID,
        message: lines.join("\nsme-export: "),
    })
}

fn krw(x: f64, lang: Lang) -> String {
    format_krw(to_won(x), lang)
}

/// The readable summary: SME status, potential, top markets, support grouped by outcome.
fn summary(r: &Estimate, lang: Lang) -> String {
    let t = |ko: &'static str, en: &'static str| lang.pick(ko, en);
    let mut s = String::new();
    let p = &r.potential;
    // `write!` to a String cannot fail.
    // The answer at a glance first, as the widget shows it.
    let _ = writeln!(s, "{}", t("한눈에 보기:", "At a glance:"));
    for line in &r.summary.lines {
        let _ = writeln!(s, "  {}: {}", line.label, line.text);
    }
    s.push('\n');
    let _ = writeln!(s, "{} {}", t("중소기업 여부:", "SME status:"), r.sme.label);
    for reason in &r.sme.reasons {
        let _ = writeln!(s, "  - {reason}");
    }
    let _ = writeln!(
        s,
        "  {} {} ({})",
        t("적용 기준:", "Table applied:"),
        r.sme.table,
        r.sme.table_effective
    );
    let _ = writeln!(
        s,
        "  {} {}",
        t("이 업종의 기준:", "Limits for this sector:"),
        r.sme.limits
    );
    for th in &r.sme.thresholds {
        let _ = writeln!(s, "  - {}", th.text);
    }
    for c in &r.sme.not_checked {
        let _ = writeln!(s, "  ? {c}");
    }
    let _ = writeln!(s, "  {} {}", t("확인처:", "Confirm at:"), r.sme.confirm_at);

    let _ = writeln!(
        s,
        "\n{} {} ({}{})",
        t("수출 잠재력:", "Export potential:"),
        p.market_name,
        r.plan.base_year,
        t("년 기준", " base year"),
    );
    let _ = writeln!(s, "  {} {}", t("기준:", "Base:"), krw(p.base_krw, lang));
    let _ = writeln!(
        s,
        "  {} {} ~ {}",
        t("범위:", "Range:"),
        krw(p.low_krw, lang),
        krw(p.high_krw, lang)
    );
    let _ = write!(s, "  {} {}", t("미개척:", "Untapped:"), krw(p.untapped_krw, lang));
    if p.untapped_assumes_no_exports {
        s.push_str(t(
            " (목표 시장 수출액을 입력하지 않아 0으로 가정)",
            " (exports to the market not given: assumed none)",
        ));
    }
    s.push('\n');
    if p.unanswered_questions > 0 {
        let _ = writeln!(
            s,
            "  {} {}",
            t("답하지 않은 준비도 질문:", "Readiness questions not answered:"),
            p.unanswered_questions
        );
    }

    if !r.what_if.is_empty() || !r.what_if_sme.is_empty() {
        let _ = writeln!(s, "\n{}", t("결과를 바꿀 수 있는 것:", "What would change the answer:"));
        for w in &r.what_if {
            let _ = writeln!(s, "  - {}: {}", w.label, w.text);
        }
        for w in &r.what_if_sme {
            let _ = writeln!(s, "  - {}", w.text);
        }
    }
    let _ = writeln!(s, "\n{}", t("유망 시장 상위 3곳:", "Top 3 markets:"));
    for m in r.ranking.iter().take(3) {
        let mark = if m.selected { t(" ← 선택", " <- chosen") } else { "" };
        let _ = writeln!(
            s,
            "  {}. {} ({}) {}{}",
            m.rank,
            m.name,
            m.market,
            krw(m.base_krw, lang),
            mark
        );
    }
    if let Some(m) = r.ranking.iter().find(|m| m.selected && m.rank > 3) {
        let _ = writeln!(
            s,
            "  {}. {} ({}) {} {}",
            m.rank,
            m.name,
            m.market,
            krw(m.base_krw, lang),
            t("← 선택", "<- chosen")
        );
    }

    let e = &r.entry;
    let _ = writeln!(s, "\n{}", t("진출 절차와 기간:", "How to enter and how long:"));
    if e.found {
        let unverified = if e.verified {
            ""
        } else {
            t(" (확인되지 않은 경로)", " (route not verified)")
        };
        let _ = writeln!(s, "  {}{unverified}: {}", e.regulator, e.route);
        for (i, step) in e.steps.iter().enumerate() {
            let paid = if step.paid_by.is_empty() {
                String::new()
            } else {
                [t(" [지원: ", " [paid by: "), &step.paid_by.join(", "), "]"].concat()
            };
            let _ = writeln!(s, "  {}. {}{paid}", i + 1, step.text);
        }
        let _ = writeln!(s, "  {} · {}", e.time_text, e.representative_text);
        for fee in &e.fees {
            let _ = writeln!(s, "  {} {fee}", t("수수료:", "Fee:"));
        }
        if let Some(v) = &e.validity {
            let _ = writeln!(s, "  {} {v}", t("유효기간:", "Validity:"));
        }
    }
    let _ = writeln!(s, "  {}", e.status_text);
    if !e.ask_at.is_empty() {
        let _ = writeln!(
            s,
            "  {} {} · {} · {}",
            t("문의:", "Ask:"),
            e.ask_at,
            e.source,
            e.checked_text
        );
    }

    let _ = writeln!(s, "\n{}", t("지원 제도:", "Support measures:"));
    for outcome in [Outcome::Eligible, Outcome::Maybe, Outcome::Ineligible] {
        let group: Vec<_> = r.support.iter().filter(|p| p.outcome == outcome).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(s, "  [{}] ({})", outcome_label(outcome, lang), group.len());
        for p in group {
            let _ = writeln!(s, "    - {} ({}; {})", p.name, p.agency, p.id);
            match outcome {
                Outcome::Eligible => {
                    if let Some(next) = &p.next_step {
                        let _ = writeln!(s, "      {} {next}", t("다음 단계:", "Next step:"));
                    }
                }
                Outcome::Maybe => {
                    for c in &p.to_confirm {
                        let _ = writeln!(s, "      ? {c}");
                    }
                }
                Outcome::Ineligible => {
                    if let Some(c) = p.reasons.iter().find(|c| c.outcome == Outcome::Ineligible) {
                        let _ = writeln!(s, "      x {}", c.reason);
                    }
                }
            }
        }
    }

    if !r.assumptions.is_empty() {
        let _ = writeln!(
            s,
            "\n{} {}",
            t("가정값이 쓰인 수치:", "Assumed figures used:"),
            r.assumptions.join(", ")
        );
    }
    let _ = writeln!(
        s,
        "{} {} ({} {})",
        t("데이터셋", "Dataset"),
        r.dataset_version,
        t("수치 기준일", "figures as of"),
        r.figures_as_of
    );
    s
}
