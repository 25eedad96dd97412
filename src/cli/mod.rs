//! The `sme-export` command line (cargo feature `cli`; never part of the Wasm build): the
//! ministry's data workflow around the same engine the widget runs.
//!
//! - `validate FILE`: checks a dataset JSON with the engine's loader, printing every problem.
//! - `estimate --revenue 35억 --sector medical_devices --market SA ...`: one firm, as text or JSON.
//! - `batch IN.csv OUT.csv`: scores a CSV of firms, streaming, one output row per input row.
//! - `compare OLD.json NEW.json`: what a figure update changes for the reference panel's firms.
//!
//! Exit codes: 0 success; 1 invalid input (an invalid dataset, or a bad `estimate` field);
//! 2 usage or I/O error (unknown option, missing or unreadable file, unusable CSV header);
//! 3 `batch` finished but some rows had errors (each written with its error column filled).
//! `compare` differs, as `diff` does: 0 no change, 1 changes found, 2 unreadable or invalid input.
//!
//! Arguments are parsed by `clap` (derive): `--help` per command, and a usage error names the
//! option (printed as "sme-export: ...", exit 2). CSV is read and written by the `csv` crate;
//! `encoding.rs` decides UTF-8 or CP949 and transcodes with `encoding_rs`.

mod batch;
mod compare;
mod encoding;
mod estimate;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use sme_export::amount::parse_amount;
use sme_export::dataset::Dataset;
use sme_export::error::{Field, InputError, Lang};
use sme_export::load::{dataset_from_json, Fix, Problem, ProblemKind, MAX_BYTES};
use sme_export::model::Question;
use sme_export::words::question_text;

/// Everything went well.
pub const EXIT_OK: u8 = 0;
/// The input is invalid: a dataset with problems, or a bad `estimate` field.
pub const EXIT_INVALID: u8 = 1;
/// Usage or I/O error: unknown option, missing argument, unreadable or unwritable file.
pub const EXIT_USAGE: u8 = 2;
/// `batch` wrote every row but some rows carry an error.
pub const EXIT_SOME_ROWS: u8 = 3;

/// A run that ends early: an exit code and what to tell the user on stderr (lines, may be empty).
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_INVALID,
            message: message.into(),
        }
    }

    /// An I/O error on a named file ("-" is standard input or output).
    pub fn io(what: &str, path: &str, e: &std::io::Error) -> Failure {
        let name = match (path, what) {
            ("-", "read") => "standard input",
            ("-", _) => "standard output",
            _ => path,
        };
        Failure::usage(format!("cannot {what} {name}: {e}"))
    }
}

const EXIT_CODES: &str = "\
Exit codes: 0 ok; 1 invalid input (dataset problems, bad estimate fields);
2 usage or I/O error; 3 batch finished but some rows had errors;
compare: 0 no change, 1 changes found, 2 unreadable or invalid input.";

/// sme-export: export potential and support eligibility of Korean medical SMEs
#[derive(Parser)]
#[command(name = "sme-export", version, after_help = EXIT_CODES, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a dataset JSON with the engine's loader, printing every problem
    #[command(after_help = validate::HELP)]
    Validate(validate::ValidateArgs),
    /// One firm: SME status, export potential, markets and support, as text or JSON
    #[command(after_help = estimate::HELP)]
    Estimate(estimate::EstimateArgs),
    /// Score every row of a CSV of firms, streaming, in constant memory
    #[command(after_help = batch::HELP)]
    Batch(batch::BatchArgs),
    /// What a figure update changes for the reference panel of firms
    #[command(after_help = compare::HELP)]
    Compare(compare::CompareArgs),
}

/// `--lang ko|en`: the language of messages and output, Korean by default.
#[derive(Clone, Copy, Default, ValueEnum)]
pub enum LangArg {
    #[default]
    Ko,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Ko => Lang::Ko,
            LangArg::En => Lang::En,
        }
    }
}

/// The options of every command that reads a dataset and writes in a language.
#[derive(Args)]
pub struct Common {
    /// A dataset JSON instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub dataset: Option<String>,
    /// Language of messages and output
    #[arg(long, value_enum, default_value_t = LangArg::Ko, value_name = "ko|en")]
    pub lang: LangArg,
}

/// The value of an option that takes one: anything, a leading '-' included (an amount may be
/// "-5억", reported by the engine as negative), but not another option: `--revenue --json` is an
/// error naming --revenue, never a revenue of "--json".
pub fn option_value(text: &str) -> Result<String, String> {
    if text.starts_with("--") && text.len() > 2 {
        Err(format!("a value is needed here, and {text} is an option"))
    } else {
        Ok(text.to_owned())
    }
}

/// Runs the command line; the bin's `main`.
pub fn main() -> ExitCode {
    let result = match Cli::try_parse() {
        Ok(cli) => run(cli),
        Err(e) => clap_failure(&e),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            let mut err = std::io::stderr().lock();
            if !failure.message.is_empty() {
                // Nothing more can be done if stderr is gone; the exit code still tells.
                let _ = writeln!(err, "sme-export: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

/// clap's own outcomes: help and version on stdout (exit 0); a usage error, which names the
/// option, on stderr as "sme-export: ..." (exit 2).
fn clap_failure(e: &clap::Error) -> Result<u8, Failure> {
    use clap::error::ErrorKind;
    let text = e.render().to_string();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print_out(&text)?;
            if !text.ends_with('\n') {
                print_out("\n")?;
            }
            Ok(EXIT_OK)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Err(Failure::usage(["no command given\n", &text].concat()))
        }
        _ => Err(Failure::usage(
            text.strip_prefix("error: ").unwrap_or(&text).trim_end().to_owned(),
        )),
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Validate(a) => validate::run(a),
        Command::Estimate(a) => estimate::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Compare(a) => compare::run(a),
    }
}

/// Writes text to standard output.
pub fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::io("write to", "-", &e))
}

/// The text of a dataset file, read with a bound on its size. `Err` is an I/O failure (exit 2);
/// text that is not UTF-8 or too large comes back as a problem (exit 1).
pub fn read_dataset_text(path: &str) -> Result<Result<String, Problem>, Failure> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Failure::io("read", path, &e))?;
    let limit = u64::try_from(MAX_BYTES).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::io("read", path, &e))?;
    if bytes.len() > MAX_BYTES {
        return Ok(Err(Problem::new(
            "$".into(),
            ProblemKind::TooLarge,
            "$: the file is larger than 8 MiB".into(),
            Fix::FileTooLarge,
        )));
    }
    Ok(String::from_utf8(bytes).map_err(|e| {
        Problem::new(
            "$".into(),
            ProblemKind::Encoding,
            format!(
                "$: the file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
            Fix::Encoding,
        )
    }))
}

/// One problem on one line: `PATH: KIND: MESSAGE (hint: HINT)`.
pub fn problem_line(problem: &Problem) -> String {
    let prefix = [problem.path.as_str(), ": "].concat();
    let message = problem.message.strip_prefix(&prefix).unwrap_or(&problem.message);
    format!(
        "{}: {}: {} (hint: {})",
        problem.path,
        problem.kind.key(),
        message,
        problem.hint
    )
}

/// The dataset of `--dataset FILE`, or the built-in one. Problems are printed on stderr (exit 1).
pub fn dataset(path: Option<&str>) -> Result<Dataset, Failure> {
    let (name, loaded) = match path {
        None => ("the built-in dataset", Ok(sme_export::builtin::dataset())),
        Some(path) => (
            path,
            read_dataset_text(path)?
                .map_err(|problem| vec![problem])
                .and_then(|json| dataset_from_json(&json)),
        ),
    };
    loaded.map_err(|problems| {
        let mut lines = format!(
            "{name} is not a valid dataset ({} problems; run `sme-export validate`):",
            problems.len()
        );
        for problem in &problems {
            lines.push('\n');
            lines.push_str(&problem_line(problem));
        }
        Failure::invalid(lines)
    })
}

/// A yes/no answer: yes/no, y/n, true/false, 1/0, 예/네/아니오/아니요 (any case); blank is "not
/// answered". `Err(())` for anything else.
pub fn yes_no(text: &str) -> Result<Option<bool>, ()> {
    let answer = text.trim();
    let is = |words: &[&str]| words.iter().any(|word| answer.eq_ignore_ascii_case(word));
    if answer.is_empty() {
        Ok(None)
    } else if is(&["yes", "y", "true", "1", "예", "네"]) {
        Ok(Some(true))
    } else if is(&["no", "n", "false", "0", "아니오", "아니요"]) {
        Ok(Some(false))
    } else {
        Err(())
    }
}

/// The message for a yes/no answer that is neither: the question's own words (a readiness
/// question, or `None` for the medical-corporation answer), then what to type.
pub fn yes_no_error(question: Option<Question>, lang: Lang) -> String {
    let label = match question {
        Some(question) => {
            let (ko, en) = question_text(question);
            lang.pick(ko, en)
        }
        None => lang.pick("비영리 의료법인 여부", "A non-profit medical corporation"),
    };
    match lang {
        Lang::Ko => {
            format!("{label}: 예/아니오(yes/no)로 입력해 주세요. 비워 두면 '응답 없음'입니다.")
        }
        Lang::En => {
            format!("{label}: answer yes or no (예/아니오); leave it blank for \"not answered\".")
        }
    }
}

/// Parses an optional amount: blank is `None`; a bad one becomes the engine's `InputError`.
pub fn amount(text: Option<&str>, field: Field) -> Result<Option<f64>, InputError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse_amount(text)
            .map(|won| Some(won as f64))
            .map_err(|reason| InputError::new(field, reason)),
    }
}

/// Today's date in Korea (UTC+9), "YYYY-MM-DD": the engine has no clock, and Korean law takes
/// effect by the Korean date. `None` if the clock is before 1970.
pub fn today_in_korea() -> Option<String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let days = i64::try_from(secs.saturating_add(9 * 3600) / 86_400).ok()?;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}
