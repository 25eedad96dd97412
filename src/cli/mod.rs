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

mod args;
mod batch;
mod compare;
mod csv;
mod estimate;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use sme_export::amount::parse_amount;
use sme_export::dataset::Dataset;
use sme_export::error::{Field, InputError, Lang};
use sme_export::load::{dataset_from_json, default_dataset, Problem, MAX_BYTES};
use sme_export::model::Question;
use sme_export::rules::question_text;

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

const USAGE: &str = "\
sme-export: export potential and support eligibility of Korean medical SMEs

Usage:
  sme-export validate FILE
  sme-export estimate --revenue AMOUNT --sector ID --market ID [options]
  sme-export batch IN.csv OUT.csv [--dataset FILE] [--lang ko|en] [--excel]
  sme-export compare OLD.json NEW.json [--panel FILE] [--json] [--lang ko|en]
  sme-export help [COMMAND]
  sme-export --version

Exit codes: 0 ok; 1 invalid input (dataset problems, bad estimate fields);
2 usage or I/O error; 3 batch finished but some rows had errors;
compare: 0 no change, 1 changes found, 2 unreadable or invalid input.
";

const USAGE_COMPARE: &str = "\
Usage: sme-export compare OLD.json NEW.json [--panel FILE] [--json] [--lang ko|en]

Runs the reference panel of firms (docs/PANEL.md; built in, or --panel FILE in the same CSV
form as data/panel.csv) through both datasets and reports what changes for them: first how many
firms change SME status (size, table applied, newer-table hint), potential (base, low, high or
untapped moving by more than 10 %), market ranking (rank of the chosen market, best market),
programme outcome, or cannot be scored by NEW; then one row per change (firm, field, before,
after, relative change), largest first.
  --panel FILE    a panel CSV instead of the built-in one
  --json          the comparison as JSON (counts, changes, summary)
  --lang ko|en    words of the counts and summary (default ko)
Exit 0 when no outcome changes, 1 when some do, 2 when a file cannot be read or is not a
valid dataset or panel (every dataset problem is listed on stderr).
";

const USAGE_VALIDATE: &str = "\
Usage: sme-export validate FILE

Loads a dataset JSON with the engine's loader and prints every problem, one a line:
  PATH: KIND: MESSAGE (hint: HINT)
Exit 0 when valid (prints version and counts), 1 when invalid, 2 when FILE cannot be read.
";

const USAGE_ESTIMATE: &str = "\
Usage: sme-export estimate --revenue AMOUNT --sector ID --market ID [options]

Amounts take Korean forms: 35억, 3억 5천만, 12.5억 원, 1,250,000,000원.
  --revenue AMOUNT              3-year average revenue (required)
  --sector ID                   medical_devices, pharmaceuticals, ... (see the dataset)
  --market ID                   SA, AE, KZ, ... (see the dataset)
  --current-exports AMOUNT      current total exports
  --exports-to-market AMOUNT    current exports to the target market
  --total-assets AMOUNT         total assets
  --certification yes|no        certification valid in the market
  --local-partner yes|no        local partner or distributor
  --export-experience yes|no    has exported before
  --local-language yes|no       material in the market's language
  --medical-corporation         the firm is a non-profit medical corporation (의료법인)
  --lang ko|en                  output language (default ko)
  --dataset FILE                a dataset JSON instead of the built-in one
  --json                        the full result as JSON (camelCase) instead of a summary
Bad input: one message per field on stderr, exit 1 (with --json also {\"errors\": [...]} on stdout).
";

const USAGE_BATCH: &str = "\
Usage: sme-export batch IN.csv OUT.csv [--dataset FILE] [--lang ko|en] [--excel]

Scores every row of a CSV of firms (\"-\" reads standard input / writes standard output),
one record at a time in constant memory.
Input: UTF-8 (a BOM is skipped), RFC 4180 (quoted cells may hold commas, quotes, line breaks),
a header row naming the columns, in any order and any case (' ' and '-' read as '_'):
  revenue, sector, market       required columns
  id                            copied to the first output column
  current_exports, exports_to_market, total_assets
                                Korean amounts: 35억, 3억 5천만, \"1,250,000,000원\"; blank = not given
  certification, local_partner, export_experience, local_language, medical_corporation
                                yes/no/y/n/true/false/1/0/예/네/아니오/아니요; blank = not answered
  any other column              copied to the output after the result columns
Output (CRLF; --excel starts the file with a UTF-8 BOM for spreadsheet programs):
  id (or row: the row number when there is no id column), sme_size (small/medium/none),
  base_krw, low_krw, high_krw, untapped_krw (whole won), best_market, rank_of_market
  (1 = best), eligible_programs, maybe_programs (program ids joined by ';'), error,
  then the copied columns. A text cell starting with = + - @ gets a leading ' (CSV injection).
Rows are numbered from 1, the first record after the header; blank rows are skipped but
counted. A bad row is written with only its id, error (in --lang) and copied cells, and is
reported on stderr as \"row N (id X): ...\"; the run carries on.
Exit 0 when every row scored, 3 when some rows had errors, 1 when --dataset is invalid,
2 on usage or I/O errors (rows before a read error are written).
";

/// Runs the command line; the bin's `main`.
pub fn main() -> ExitCode {
    let words: Result<Vec<String>, _> = std::env::args_os().skip(1).map(|a| a.into_string()).collect();
    let result = match words {
        Ok(words) => run(words),
        Err(bad) => Err(Failure::usage(format!("an argument is not valid Unicode: {bad:?}"))),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            let mut err = std::io::stderr().lock();
            if !f.message.is_empty() {
                // Nothing more can be done if stderr is gone; the exit code still tells.
                let _ = writeln!(err, "sme-export: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

fn run(mut words: Vec<String>) -> Result<u8, Failure> {
    if words.is_empty() {
        return Err(Failure::usage(["no command given\n", USAGE].concat()));
    }
    let command = words.remove(0);
    match command.as_str() {
        "validate" => validate::run(words),
        "estimate" => estimate::run(words),
        "batch" => batch::run(words),
        "compare" => compare::run(words),
        "help" | "--help" | "-h" => {
            let text = match words.first().map(String::as_str) {
                Some("validate") => USAGE_VALIDATE,
                Some("estimate") => USAGE_ESTIMATE,
                Some("batch") => USAGE_BATCH,
                Some("compare") => USAGE_COMPARE,
                _ => USAGE,
            };
            print_out(text)?;
            Ok(EXIT_OK)
        }
        "--version" | "-V" => {
            print_out(&["sme-export ", env!("CARGO_PKG_VERSION"), "\n"].concat())?;
            Ok(EXIT_OK)
        }
        other => Err(Failure::usage(format!("unknown command {other:?}\n{USAGE}"))),
    }
}

/// `--help` inside a command prints that command's usage.
pub fn wants_help(words: &[String]) -> bool {
    words.iter().any(|w| w == "--help" || w == "-h")
}

/// Writes text to standard output.
pub fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::io("write to", "-", &e))
}

pub fn usage_of(command: &str) -> &'static str {
    match command {
        "validate" => USAGE_VALIDATE,
        "estimate" => USAGE_ESTIMATE,
        "compare" => USAGE_COMPARE,
        _ => USAGE_BATCH,
    }
}

/// `--lang ko|en`, Korean by default.
pub fn lang(value: Option<&str>) -> Result<Lang, Failure> {
    match value {
        None | Some("ko") => Ok(Lang::Ko),
        Some("en") => Ok(Lang::En),
        Some(other) => Err(Failure::usage(format!("--lang must be ko or en, not {other:?}"))),
    }
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
        return Ok(Err(Problem {
            path: "$".into(),
            kind: "tooLarge",
            message: "$: the file is larger than 8 MiB".into(),
            hint: "trim the file below 8 MiB (long notes or unused entries)",
        }));
    }
    Ok(String::from_utf8(bytes).map_err(|e| Problem {
        path: "$".into(),
        kind: "encoding",
        message: format!(
            "$: the file is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
        hint: "save the file as UTF-8",
    }))
}

/// One problem on one line: `PATH: KIND: MESSAGE (hint: HINT)`.
pub fn problem_line(p: &Problem) -> String {
    let prefix = [p.path.as_str(), ": "].concat();
    let message = p.message.strip_prefix(&prefix).unwrap_or(&p.message);
    format!("{}: {}: {} (hint: {})", p.path, p.kind, message, p.hint)
}

/// The dataset of `--dataset FILE`, or the built-in one. Problems are printed on stderr (exit 1).
pub fn dataset(path: Option<&str>) -> Result<Dataset, Failure> {
    let (name, loaded) = match path {
        None => ("the built-in dataset", default_dataset()),
        Some(p) => (
            p,
            read_dataset_text(p)?
                .map_err(|pr| vec![pr])
                .and_then(|t| dataset_from_json(&t)),
        ),
    };
    loaded.map_err(|problems| {
        let mut lines = format!(
            "{name} is not a valid dataset ({} problems; run `sme-export validate`):",
            problems.len()
        );
        for p in &problems {
            lines.push('\n');
            lines.push_str(&problem_line(p));
        }
        Failure::invalid(lines)
    })
}

/// A yes/no answer: yes/no, y/n, true/false, 1/0, 예/네/아니오/아니요 (any case); blank is "not
/// answered". `Err(())` for anything else.
pub fn yes_no(text: &str) -> Result<Option<bool>, ()> {
    let t = text.trim();
    let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if t.is_empty() {
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
        Some(q) => {
            let (ko, en) = question_text(q);
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
        Some(t) => parse_amount(t)
            .map(|won| Some(won as f64))
            .map_err(|r| InputError::new(field, r)),
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
