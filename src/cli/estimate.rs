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
    fn from_input(error: &InputError, dataset: &Dataset, raw: &RawInput, lang: Lang) -> Bad {
        let mut message = error.message(lang).to_owned();
        if error.reason == Reason::Unknown {
            message.push_str(&super::batch::known_ids(error.field, dataset, raw, lang));
        }
        Bad {
            option: option_of(error.field),
            field: error.field.key(),
            reason: Reason::key(error.reason),
            message,
        }
    }
}

pub fn run(args: EstimateArgs) -> Result<u8, Failure> {
    let lang: Lang = args.common.lang.into();
    let dataset = super::dataset(args.common.dataset.as_deref())?;

    let mut bad: Vec<Bad> = Vec::new();
    let mut parsed_bad: Vec<Field> = Vec::new();
    let mut amount_of = |value: &Option<String>, field: Field| match amount(value.as_deref(), field) {
        Ok(value) => value,
        Err(error) => {
            parsed_bad.push(field);
            bad.push(Bad {
                option: option_of(field),
                field: field.key(),
                reason: Reason::key(error.reason),
                message: error.message(lang).to_owned(),
            });
            None
        }
    };
    let revenue = amount_of(&args.revenue, Field::RevenueKrw);
    let current = amount_of(&args.current_exports, Field::CurrentExportsKrw);
    let to_market = amount_of(&args.exports_to_market, Field::ExportsToMarketKrw);
    let assets = amount_of(&args.total_assets, Field::TotalAssetsKrw);
    let mut answer = |value: &Option<String>, option: &'static str, key: &'static str, question: Question| match yes_no(
        value.as_deref().unwrap_or(""),
    ) {
        Ok(answer) => answer,
        Err(()) => {
            bad.push(Bad {
                option,
                field: key,
                reason: "notYesNo",
                message: yes_no_error(Some(question), lang),
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
    let checked = check(&raw, &dataset);
    if let Err(errors) = &checked {
        // A field whose text did not parse was passed on as missing: keep the parse error only.
        for error in errors.iter().filter(|error| !parsed_bad.contains(&error.field)) {
            bad.push(Bad::from_input(error, &dataset, &raw, lang));
        }
    }
    let input = match checked {
        Ok(input) if bad.is_empty() => input,
        _ => return report(&bad, args.json),
    };
    let result = estimate_checked(&input, &dataset);
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
            .map(|field| {
                serde_json::json!({
                    "option": field.option, "field": field.field, "reason": field.reason, "message": field.message,
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&serde_json::json!({ "errors": errors }))
            .map_err(|e| Failure::usage(format!("cannot write the errors as JSON: {e}")))?;
        print_out(&[text.as_str(), "\n"].concat())?;
    }
    let lines: Vec<String> = bad
        .iter()
        .map(|field| format!("{}: {}", field.option, field.message))
        .collect();
    Err(Failure {
        code: EXIT_INVALID,
        message: lines.join("\nsme-export: "),
    })
}

fn krw(amount: f64, lang: Lang) -> String {
    format_krw(to_won(amount), lang)
}

/// The readable summary: SME status, potential, top markets, support grouped by outcome.
fn summary(estimate: &Estimate, lang: Lang) -> String {
    let words = |ko: &'static str, en: &'static str| lang.pick(ko, en);
    let mut text = String::new();
    let potential = &estimate.potential;
    // `write!` to a String cannot fail.
    // The answer at a glance first, as the widget shows it.
    let _ = writeln!(text, "{}", words("한눈에 보기:", "At a glance:"));
    for line in &estimate.summary.lines {
        let _ = writeln!(text, "  {}: {}", line.label, line.text);
    }
    text.push('\n');
    let _ = writeln!(
        text,
        "{} {}",
        words("중소기업 여부:", "SME status:"),
        estimate.sme.label
    );
    for reason in &estimate.sme.reasons {
        let _ = writeln!(text, "  - {reason}");
    }
    let _ = writeln!(
        text,
        "  {} {} ({})",
        words("적용 기준:", "Table applied:"),
        estimate.sme.table,
        estimate.sme.table_effective
    );
    let _ = writeln!(
        text,
        "  {} {}",
        words("이 업종의 기준:", "Limits for this sector:"),
        estimate.sme.limits
    );
    for threshold in &estimate.sme.thresholds {
        let _ = writeln!(text, "  - {}", threshold.text);
    }
    for unchecked in &estimate.sme.not_checked {
        let _ = writeln!(text, "  ? {unchecked}");
    }
    let _ = writeln!(
        text,
        "  {} {}",
        words("확인처:", "Confirm at:"),
        estimate.sme.confirm_at
    );

    let _ = writeln!(
        text,
        "\n{} {} ({}{})",
        words("수출 잠재력:", "Export potential:"),
        potential.market_name,
        estimate.plan.base_year,
        words("년 기준", " base year"),
    );
    let _ = writeln!(text, "  {} {}", words("기준:", "Base:"), krw(potential.base_krw, lang));
    let _ = writeln!(
        text,
        "  {} {} ~ {}",
        words("범위:", "Range:"),
        krw(potential.low_krw, lang),
        krw(potential.high_krw, lang)
    );
    let _ = write!(
        text,
        "  {} {}",
        words("미개척:", "Untapped:"),
        krw(potential.untapped_krw, lang)
    );
    if potential.untapped_assumes_no_exports {
        text.push_str(words(
            " (목표 시장 수출액을 입력하지 않아 0으로 가정)",
            " (exports to the market not given: assumed none)",
        ));
    }
    text.push('\n');
    if potential.unanswered_questions > 0 {
        let _ = writeln!(
            text,
            "  {} {}",
            words("답하지 않은 준비도 질문:", "Readiness questions not answered:"),
            potential.unanswered_questions
        );
    }

    if !estimate.what_if.is_empty() || !estimate.what_if_sme.is_empty() {
        let _ = writeln!(
            text,
            "\n{}",
            words("결과를 바꿀 수 있는 것:", "What would change the answer:")
        );
        for change in &estimate.what_if {
            let _ = writeln!(text, "  - {}: {}", change.label, change.text);
        }
        for change in &estimate.what_if_sme {
            let _ = writeln!(text, "  - {}", change.text);
        }
    }
    let _ = writeln!(text, "\n{}", words("유망 시장 상위 3곳:", "Top 3 markets:"));
    for market in estimate.ranking.iter().take(3) {
        let mark = if market.selected {
            words(" ← 선택", " <- chosen")
        } else {
            ""
        };
        let _ = writeln!(
            text,
            "  {}. {} ({}) {}{}",
            market.rank,
            market.name,
            market.market,
            krw(market.base_krw, lang),
            mark
        );
    }
    if let Some(market) = estimate
        .ranking
        .iter()
        .find(|market| market.selected && market.rank > 3)
    {
        let _ = writeln!(
            text,
            "  {}. {} ({}) {} {}",
            market.rank,
            market.name,
            market.market,
            krw(market.base_krw, lang),
            words("← 선택", "<- chosen")
        );
    }

    let entry = &estimate.entry;
    let _ = writeln!(text, "\n{}", words("진출 절차와 기간:", "How to enter and how long:"));
    if entry.found {
        let unverified = if entry.verified {
            ""
        } else {
            words(" (확인되지 않은 경로)", " (route not verified)")
        };
        let _ = writeln!(text, "  {}{unverified}: {}", entry.regulator, entry.route);
        for (index, step) in entry.steps.iter().enumerate() {
            let paid = if step.paid_by.is_empty() {
                String::new()
            } else {
                [words(" [지원: ", " [paid by: "), &step.paid_by.join(", "), "]"].concat()
            };
            let _ = writeln!(text, "  {}. {}{paid}", index + 1, step.text);
        }
        let _ = writeln!(text, "  {} · {}", entry.time_text, entry.representative_text);
        for fee in &entry.fees {
            let _ = writeln!(text, "  {} {fee}", words("수수료:", "Fee:"));
        }
        if let Some(validity) = &entry.validity {
            let _ = writeln!(text, "  {} {validity}", words("유효기간:", "Validity:"));
        }
    }
    let _ = writeln!(text, "  {}", entry.status_text);
    if !entry.ask_at.is_empty() {
        let _ = writeln!(
            text,
            "  {} {} · {} · {}",
            words("문의:", "Ask:"),
            entry.ask_at,
            entry.source,
            entry.checked_text
        );
    }

    let _ = writeln!(text, "\n{}", words("지원 제도:", "Support measures:"));
    for outcome in [Outcome::Eligible, Outcome::Maybe, Outcome::Ineligible] {
        let group: Vec<_> = estimate
            .support
            .iter()
            .filter(|program| program.outcome == outcome)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(text, "  [{}] ({})", outcome_label(outcome, lang), group.len());
        for program in group {
            let _ = writeln!(text, "    - {} ({}; {})", program.name, program.agency, program.id);
            match outcome {
                Outcome::Eligible => {
                    if let Some(next) = &program.next_step {
                        let _ = writeln!(text, "      {} {next}", words("다음 단계:", "Next step:"));
                    }
                }
                Outcome::Maybe => {
                    for check in &program.to_confirm {
                        let _ = writeln!(text, "      ? {check}");
                    }
                }
                Outcome::Ineligible => {
                    if let Some(found) = program
                        .reasons
                        .iter()
                        .find(|found| found.outcome == Outcome::Ineligible)
                    {
                        let _ = writeln!(text, "      x {}", found.reason);
                    }
                }
            }
        }
    }

    if !estimate.assumptions.is_empty() {
        let _ = writeln!(
            text,
            "\n{} {}",
            words("가정값이 쓰인 수치:", "Assumed figures used:"),
            estimate.assumptions.join(", ")
        );
    }
    let _ = writeln!(
        text,
        "{} {} ({} {})",
        words("데이터셋", "Dataset"),
        estimate.dataset_version,
        words("수치 기준일", "figures as of"),
        estimate.figures_as_of
    );
    text
}
