//! The `sme-export` command line, run as a user runs it: `cargo test --features cli --test cli`.
//!
//! Every expected number comes from the library's full `estimate`, never from the command's own
//! fast path, so these tests also check that `batch` writes what the widget would show.
//! `write_benchmark_sample` (ignored) writes the benchmark's input; see its comment.
#![cfg(feature = "cli")]

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sme_export::amount::format_krw;
use sme_export::builtin::dataset as default_dataset;
use sme_export::engine::{estimate, to_won, RawInput};
use sme_export::error::{Field, InputError, Lang, Reason};
use sme_export::load::dataset_from_json;
use sme_export::model::{Estimate, Outcome, Readiness, SmeSize};

const BIN: &str = env!("CARGO_BIN_EXE_sme-export");

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    let mut pipe = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let input = stdin.to_vec();
    // Write from another thread: the command streams, so it writes output while we still write.
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    writer
        .join()
        .unwrap_or_else(|_| panic!("writer thread"))
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap_or_else(|e| panic!("stdout not UTF-8: {e}"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap_or_else(|e| panic!("stderr not UTF-8: {e}"))
}

fn temp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir.join(name)
}

// ---------------------------------------------------------------------------------------------
// validate

#[test]
fn validate_accepts_the_default_dataset() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json");
    let o = run(&["validate", path.to_str().unwrap_or_default()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let ds = default_dataset();
    let out = stdout(&o);
    assert!(out.contains("valid dataset"), "{out}");
    assert!(out.contains(&ds.version), "{out}");
    assert!(out.contains(&format!("{} markets", ds.markets.len())), "{out}");
    assert!(out.contains(&format!("{} programs", ds.programs.len())), "{out}");
}

#[test]
fn validate_prints_every_problem_of_broken_files() {
    let mut seen = 0;
    let dir = data("bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        let problems = match dataset_from_json(&text) {
            Ok(_) => panic!("{} should be invalid", file.display()),
            Err(p) => p,
        };
        let o = run(&["validate", file.to_str().unwrap_or_default()]);
        assert_eq!(code(&o), 1, "{}: {}", file.display(), stderr(&o));
        let out = stdout(&o);
        let lines: Vec<&str> = out.lines().collect();
        // One line per problem, in the loader's order, then the summary naming the file.
        assert_eq!(lines.len(), problems.len() + 1, "{out}");
        for (line, p) in lines.iter().zip(&problems) {
            let start = format!("{}: {}: ", p.path, p.kind.key());
            assert!(line.starts_with(&start), "{line:?} should start with {start:?}");
            assert!(line.ends_with(&format!("(hint: {})", p.hint)), "{line}");
            let message = p.message.strip_prefix(&format!("{}: ", p.path)).unwrap_or(&p.message);
            assert!(line.contains(message), "{line} should hold {message}");
        }
        let last = lines.last().copied().unwrap_or_default();
        assert!(
            last.contains(file.to_str().unwrap_or_default()) && last.contains("invalid"),
            "{last}"
        );
        seen += 1;
    }
    assert!(seen >= 3, "tests/data/bad/ holds the broken datasets");
}

#[test]
fn validate_of_a_missing_file_is_a_usage_error_naming_it() {
    let o = run(&["validate", "no/such/dataset.json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no/such/dataset.json"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["validate"][..],
        &["estimate", "--revenue"][..],
        &["estimate", "--colour", "red"][..],
        &["estimate", "--revenue", "1억", "--revenue", "2억"][..],
        &[
            "estimate",
            "--revenue",
            "1억",
            "--sector",
            "medical_devices",
            "--market",
            "SA",
            "--lang",
            "fr",
        ][..],
        &["batch", "only-one-file.csv"][..],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("sme-export: "), "{args:?}: {}", stderr(&o));
    }
    let o = run(&["help", "batch"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("rank_of_market"));
}

// ---------------------------------------------------------------------------------------------
// estimate

fn library_estimate(revenue: f64, sector: &str, market: &str, lang: Lang) -> Estimate {
    let ds = default_dataset();
    let raw = RawInput {
        revenue_krw: Some(revenue),
        sector: sector.into(),
        market: market.into(),
        lang,
        ..RawInput::default()
    };
    estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn estimate_with_korean_amounts_prints_the_library_result() {
    let o = run(&[
        "estimate",
        "--revenue",
        "35억",
        "--sector",
        "medical_devices",
        "--market",
        "SA",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let e = library_estimate(35e8, "medical_devices", "SA", Lang::Ko);
    assert_eq!(e.sme.size, SmeSize::Small);
    assert!(out.contains("소기업"), "{out}");
    for amount in [
        e.potential.base_krw,
        e.potential.low_krw,
        e.potential.high_krw,
        e.potential.untapped_krw,
    ] {
        let text = format_krw(to_won(amount), Lang::Ko);
        assert!(out.contains(&text), "{out} should hold {text}");
    }
    // Top 3 markets, and every program under its outcome's heading.
    for m in e.ranking.iter().take(3) {
        assert!(out.contains(&format!("{}. {} ({})", m.rank, m.name, m.market)), "{out}");
    }
    for p in &e.support {
        assert!(out.contains(&format!("{} ({}; {})", p.name, p.agency, p.id)), "{out}");
    }
    // A heading for exactly the outcomes the library gives (since the Export Voucher's
    // competition and co-payment are things to confirm, this firm has no "likely eligible").
    for (o, heading) in [
        (Outcome::Eligible, "[지원 대상일 수 있음]"),
        (Outcome::Maybe, "[확인 필요]"),
        (Outcome::Ineligible, "[해당 없음]"),
    ] {
        assert_eq!(
            out.contains(heading),
            e.support.iter().any(|p| p.outcome == o),
            "{heading}: {out}"
        );
    }
    assert!(out.contains("[확인 필요]") && out.contains("[해당 없음]"), "{out}");

    // The same case spelt differently, in English.
    let o = run(&[
        "estimate",
        "--revenue",
        "3,500,000,000원",
        "--sector",
        "medical_devices",
        "--market",
        "SA",
        "--lang",
        "en",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let e = library_estimate(35e8, "medical_devices", "SA", Lang::En);
    let out = stdout(&o);
    assert!(out.contains("Small enterprise"), "{out}");
    assert!(
        out.contains(&format_krw(to_won(e.potential.base_krw), Lang::En)),
        "{out}"
    );
}

#[test]
fn estimate_json_is_the_library_estimate() {
    let o = run(&[
        "estimate",
        "--revenue",
        "3억 5천만",
        "--sector",
        "medical_services",
        "--market",
        "AE",
        "--json",
        "--certification",
        "yes",
        "--local-partner",
        "no",
        "--current-exports",
        "1억",
        "--exports-to-market",
        "5천만",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}"));
    let ds = default_dataset();
    let raw = RawInput {
        revenue_krw: Some(3.5e8),
        sector: "medical_services".into(),
        market: "AE".into(),
        current_exports_krw: Some(1e8),
        exports_to_market_krw: Some(5e7),
        readiness: Readiness {
            certification: Some(true),
            local_partner: Some(false),
            ..Readiness::default()
        },
        ..RawInput::default()
    };
    // Both sides as JSON text read back by the same parser: serde_json without float_roundtrip
    // may read a 17-digit number one ulp off, the same way on both sides.
    let text = serde_json::to_string(&estimate(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}")))
        .unwrap_or_else(|e| panic!("{e}"));
    let want: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got, want);
    assert_eq!(got["sme"]["size"], "small");
    assert!(got["potential"]["baseKrw"].is_number());
}

#[test]
fn estimate_reports_every_bad_field_and_exits_1() {
    let o = run(&[
        "estimate",
        "--revenue",
        "-5억",
        "--sector",
        "dentistry",
        "--market",
        "SA",
        "--certification",
        "maybe",
    ]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    let negative = InputError::new(Field::RevenueKrw, Reason::Negative);
    let unknown = InputError::new(Field::Sector, Reason::Unknown);
    assert!(
        err.contains(&format!("--revenue: {}", negative.message(Lang::Ko))),
        "{err}"
    );
    assert!(
        err.contains(&format!("--sector: {}", unknown.message(Lang::Ko))),
        "{err}"
    );
    assert!(
        err.contains("\"dentistry\"") && err.contains("medical_devices"),
        "{err}"
    );
    assert!(err.contains("--certification: "), "{err}");

    // Missing revenue and an inconsistent pair, in English and as JSON.
    let o = run(&[
        "estimate",
        "--sector",
        "medical_devices",
        "--market",
        "SA",
        "--lang",
        "en",
        "--json",
        "--current-exports",
        "1억",
        "--exports-to-market",
        "2억",
    ]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "--revenue: {}",
            InputError::new(Field::RevenueKrw, Reason::Empty).en
        )),
        "{err}"
    );
    assert!(
        err.contains(&InputError::new(Field::ExportsToMarketKrw, Reason::Inconsistent).en),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}"));
    let fields: Vec<&str> = json["errors"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(fields, ["revenueKrw", "exportsToMarketKrw"]);

    // A malformed amount gets the parser's reason, not "please enter an amount".
    let o = run(&[
        "estimate",
        "--revenue",
        "3억억",
        "--sector",
        "medical_devices",
        "--market",
        "SA",
    ]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(
        err.contains(InputError::new(Field::RevenueKrw, Reason::Malformed).message(Lang::Ko)),
        "{err}"
    );
    assert!(
        !err.contains(InputError::new(Field::RevenueKrw, Reason::Empty).message(Lang::Ko)),
        "{err}"
    );
}

#[test]
fn estimate_with_another_dataset() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json");
    let args = [
        "estimate",
        "--revenue",
        "35억",
        "--sector",
        "medical_devices",
        "--market",
        "SA",
        "--dataset",
    ];
    let o = run(&[&args[..], &[path.to_str().unwrap_or_default()]].concat());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(&[&args[..], &[data("bad/array.json").to_str().unwrap_or_default()]].concat());
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("$: type: "), "{}", stderr(&o));
    let o = run(&[&args[..], &["no/such.json"]].concat());
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no/such.json"));
}

// ---------------------------------------------------------------------------------------------
// batch

/// Parses the command's output: RFC 4180, CRLF records (independent of the command's reader).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "the output ends with CRLF");
    rows
}

const HEADER: [&str; 13] = [
    "sme_size",
    "base_krw",
    "low_krw",
    "high_krw",
    "untapped_krw",
    "best_market",
    "rank_of_market",
    "eligible_programs",
    "maybe_programs",
    "first_sale_year",
    "entry_review_months",
    "error",
    "note",
];

/// The output row the library's full estimate implies for a good row.
fn expected_row(id: &str, raw: RawInput, note: &str) -> Vec<String> {
    let ds = default_dataset();
    let e = estimate(&raw, &ds).unwrap_or_else(|e| panic!("{id}: {e:?}"));
    let ids = |o: Outcome| {
        e.support
            .iter()
            .filter(|p| p.outcome == o)
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(";")
    };
    let size = match e.sme.size {
        SmeSize::Small => "small",
        SmeSize::Medium => "medium",
        SmeSize::None => "none",
    };
    let p = &e.potential;
    let rank = e.ranking.iter().find(|r| r.selected).map_or(0, |r| r.rank);
    vec![
        id.to_owned(),
        size.to_owned(),
        to_won(p.base_krw).to_string(),
        to_won(p.low_krw).to_string(),
        to_won(p.high_krw).to_string(),
        to_won(p.untapped_krw).to_string(),
        e.ranking.first().map(|r| r.market.clone()).unwrap_or_default(),
        rank.to_string(),
        ids(Outcome::Eligible),
        ids(Outcome::Maybe),
        e.entry.first_sale_year.map(|y| y.to_string()).unwrap_or_default(),
        match (e.entry.months_min, e.entry.months_max) {
            (Some(a), Some(b)) => format!("{a}-{b}"),
            _ => String::new(),
        },
        String::new(),
        note.to_owned(),
    ]
}

fn error_row(id: &str, error: String, note: &str) -> Vec<String> {
    let mut row = vec![id.to_owned()];
    row.extend(std::iter::repeat_n(String::new(), 11));
    row.push(error);
    row.push(note.to_owned());
    row
}

fn firm(revenue: f64, sector: &str, market: &str) -> RawInput {
    RawInput {
        revenue_krw: Some(revenue),
        sector: sector.into(),
        market: market.into(),
        ..RawInput::default()
    }
}

fn engine_error(column: &str, field: Field, reason: Reason, lang: Lang) -> String {
    format!("[{column}] {}", InputError::new(field, reason).message(lang))
}

/// tests/data/firms.csv: BOM, CRLF, a blank line, quoted commas, quotes and a line break,
/// header names in mixed case, good rows and bad rows; every cell of the output checked.
#[test]
fn batch_scores_every_row_and_reports_bad_ones() {
    let out_path = temp("firms-out.csv");
    let _ = std::fs::remove_file(&out_path);
    let input = data("firms.csv");
    let o = run(&[
        "batch",
        input.to_str().unwrap_or_default(),
        out_path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code(&o), 3, "some rows had errors: {}", stderr(&o));
    let text = std::fs::read_to_string(&out_path).unwrap_or_else(|e| panic!("{e}"));
    assert!(!text.starts_with('\u{feff}'), "no BOM without --excel");
    let rows = parse_csv(&text);

    let ko = Lang::Ko;
    let sectors = "medical_devices, pharmaceuticals, medical_services, digital_health";
    let mut want: Vec<Vec<String>> = vec![["id"].iter().chain(HEADER.iter()).map(|s| s.to_string()).collect()];
    want.push(expected_row("F1", firm(35e8, "medical_devices", "SA"), "plain"));
    want.push(expected_row(
        "F2",
        RawInput {
            current_exports_krw: Some(3e8),
            exports_to_market_krw: Some(1e8),
            readiness: Readiness {
                certification: Some(true),
                local_partner: Some(false),
                export_experience: Some(true),
                local_language: Some(false),
            },
            ..firm(1_250_000_000.0, "pharmaceuticals", "KZ")
        },
        "comma, inside",
    ));
    want.push(error_row(
        "F3",
        engine_error("revenue", Field::RevenueKrw, Reason::Negative, ko),
        "'=HYPERLINK(\"x\")",
    ));
    want.push(error_row(
        "F4",
        format!(
            "{} (입력값 \"dentistry\"; 가능한 값 {sectors})",
            engine_error("sector", Field::Sector, Reason::Unknown, ko)
        ),
        "",
    ));
    want.push(error_row(
        "F5",
        engine_error("revenue", Field::RevenueKrw, Reason::Empty, ko),
        "two\r\nlines",
    ));
    want.push(expected_row(
        "F6",
        RawInput {
            medical_corporation: Some(false),
            readiness: Readiness {
                certification: Some(true),
                local_partner: Some(true),
                export_experience: Some(true),
                local_language: Some(true),
            },
            ..firm(3.5e8, "medical_services", "AE")
        },
        "'+1",
    ));
    want.push(error_row(
        "F8",
        engine_error("exports_to_market", Field::ExportsToMarketKrw, Reason::Inconsistent, ko),
        "",
    ));
    want.push(expected_row(
        "F9",
        RawInput {
            total_assets_krw: Some(6000e8),
            ..firm(900e8, "medical_devices", "UZ")
        },
        "'-neg",
    ));
    want.push(error_row(
        "F10",
        "[certification] 목표 시장에서 유효한 인증·허가 보유: 예/아니오(yes/no)로 입력해 주세요. 비워 두면 '응답 없음'입니다."
            .into(),
        "",
    ));
    want.push(expected_row(
        "F11",
        RawInput {
            medical_corporation: Some(true),
            ..firm(10e8, "medical_services", "SA")
        },
        "'@at",
    ));
    assert_eq!(rows.len(), want.len());
    for (got, want) in rows.iter().zip(&want) {
        assert_eq!(got, want);
    }
    // Sizes the engine decides for these rows, so the rows test what they mean to.
    let size = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .map(|r| r[1].clone())
            .unwrap_or_default()
    };
    assert_eq!(
        [size("F1"), size("F2"), size("F6"), size("F9"), size("F11")],
        ["small", "small", "small", "none", "none"]
    );

    // stderr: each bad row by number (1 = first row after the header; the blank line counts).
    let err = stderr(&o);
    let numbered: Vec<&str> = err.lines().filter(|l| l.starts_with("row ")).collect();
    assert_eq!(numbered.len(), 5, "{err}");
    for (line, (n, id)) in numbered
        .iter()
        .zip([(3, "F3"), (4, "F4"), (5, "F5"), (8, "F8"), (10, "F10")])
    {
        assert!(line.starts_with(&format!("row {n} (id {id}): [")), "{line}");
    }
    assert!(err.contains("10행 중 5행 계산, 5행 오류"), "{err}");
}

#[test]
fn batch_in_english_with_excel_bom() {
    let out_path = temp("firms-en.csv");
    let input = data("firms.csv");
    let o = run(&[
        "batch",
        input.to_str().unwrap_or_default(),
        out_path.to_str().unwrap_or_default(),
        "--lang",
        "en",
        "--excel",
    ]);
    assert_eq!(code(&o), 3);
    let bytes = std::fs::read(&out_path).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,sme_size,"), "--excel writes a BOM");
    let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"));
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    let f3 = rows.iter().find(|r| r[0] == "F3").unwrap_or_else(|| panic!("F3"));
    assert_eq!(
        f3[12],
        engine_error("revenue", Field::RevenueKrw, Reason::Negative, Lang::En)
    );
    assert!(
        stderr(&o).contains("10 rows: 5 scored, 5 with errors"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn batch_streams_stdin_to_stdout() {
    // No id column (the first output column is the row number), LF line ends, no BOM,
    // columns in another order, and a file that does not end with a line break.
    let input =
        "market,sector,revenue\nSA,medical_devices,35억\nAE,pharmaceuticals,\"12.5억 원\"\nKZ,digital_health,3억억";
    let o = run_with_stdin(&["batch", "-", "-"], input.as_bytes());
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let rows = parse_csv(&stdout(&o));
    assert_eq!(rows[0][0], "row");
    assert_eq!(
        rows[1],
        expected_row("1", firm(35e8, "medical_devices", "SA"), "")[..13].to_vec()
    );
    assert_eq!(
        rows[2],
        expected_row("2", firm(12.5e8, "pharmaceuticals", "AE"), "")[..13].to_vec()
    );
    assert_eq!(rows[3][0], "3");
    assert_eq!(
        rows[3][12],
        engine_error("revenue", Field::RevenueKrw, Reason::Malformed, Lang::Ko)
    );
    assert!(stderr(&o).contains("row 3: [revenue]"), "{}", stderr(&o));

    // The same rows through files give the same bytes.
    let in_path = temp("stream-in.csv");
    let out_path = temp("stream-out.csv");
    std::fs::write(&in_path, input).unwrap_or_else(|e| panic!("{e}"));
    let f = run(&[
        "batch",
        in_path.to_str().unwrap_or_default(),
        out_path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code(&f), 3);
    assert_eq!(std::fs::read(&out_path).unwrap_or_default(), o.stdout);

    // All rows good: exit 0.
    let o = run_with_stdin(
        &["batch", "-", "-"],
        b"revenue,sector,market\r\n35\xEC\x96\xB5,medical_devices,SA\r\n",
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn batch_refuses_an_unusable_header_without_touching_the_output() {
    let out_path = temp("untouched.csv");
    std::fs::write(&out_path, "keep me").unwrap_or_else(|e| panic!("{e}"));
    let cases: [(&str, &str); 5] = [
        ("revenue,sector\n1억,medical_devices\n", "market"),
        ("", "header row is required"),
        ("revenue,sector,market,Revenue\n", "appears twice"),
        ("revenue,sector,market,error\n", "output column"),
        (
            "revenue,sector,market,note\n1억,medical_devices,SA,\"open\n",
            "not closed",
        ),
    ];
    for (input, message) in cases {
        let in_path = temp("header-in.csv");
        std::fs::write(&in_path, input).unwrap_or_else(|e| panic!("{e}"));
        let o = run(&[
            "batch",
            in_path.to_str().unwrap_or_default(),
            out_path.to_str().unwrap_or_default(),
        ]);
        assert_eq!(code(&o), 2, "{input:?}");
        assert!(stderr(&o).contains(message), "{input:?}: {}", stderr(&o));
        if !input.contains("open") {
            assert_eq!(
                std::fs::read_to_string(&out_path).unwrap_or_default(),
                "keep me",
                "{input:?}"
            );
        }
    }
    let o = run(&["batch", "no/such/in.csv", out_path.to_str().unwrap_or_default()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no/such/in.csv"));
    // IN and OUT the same file would destroy the input.
    let same = temp("same.csv");
    std::fs::write(&same, "revenue,sector,market\n1억,medical_devices,SA\n").unwrap_or_else(|e| panic!("{e}"));
    let o = run(&[
        "batch",
        same.to_str().unwrap_or_default(),
        same.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code(&o), 2);
    assert!(std::fs::read_to_string(&same).unwrap_or_default().contains("1억"));
}

#[test]
fn batch_row_with_the_wrong_number_of_cells_and_bad_bytes() {
    let input = b"id,revenue,sector,market,name\nA,1\xEC\x96\xB5,medical_devices,SA\nB,\xFF,medical_devices,SA,x\nC,1\xEC\x96\xB5,medical_devices,SA,\xFFname\n";
    let o = run_with_stdin(&["batch", "-", "-", "--lang", "en"], input);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let rows = parse_csv(&stdout(&o));
    assert_eq!(rows[1][12], "the row has 4 cells, the header 5.");
    assert!(rows[2][12].starts_with("[revenue] not UTF-8"), "{:?}", rows[2]);
    assert_eq!(
        rows[3][1], "small",
        "a copied cell that is not UTF-8 does not fail the row"
    );
    assert_eq!(rows[3][13], "\u{FFFD}name");
    assert!(stderr(&o).contains("1 copied cells were not UTF-8"), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------------------------
// Reading and writing CSV (the csv crate) as the command uses it

/// Every record of a CSV input, header included, as the csv crate reads it.
fn records(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    r.byte_records()
        .map(|rec| {
            rec.map(|rec| rec.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect())
                .map_err(|e| e.to_string())
        })
        .collect()
}

/// The cells `batch` copies from a one-column-extra input, by row: what its reader made of them.
fn copied_cells(input: &[u8]) -> Vec<String> {
    let o = run_with_stdin(&["batch", "-", "-", "--lang", "en"], input);
    assert!(code(&o) == 0 || code(&o) == 3, "{}", stderr(&o));
    parse_csv(&stdout(&o))
        .into_iter()
        .skip(1)
        .map(|r| r[13].clone())
        .collect()
}

#[test]
fn batch_reads_quotes_line_breaks_and_line_ends_as_spreadsheets_write_them() {
    let head = b"revenue,sector,market,note";
    let cases: [(&[u8], &[&str]); 6] = [
        (
            b"\xEF\xBB\xBFrevenue,sector,market,note\r\n1\xEC\x96\xB5,medical_devices,SA,plain\r\n",
            &["plain"],
        ),
        (
            b"\n1\xEC\x96\xB5,medical_devices,SA,\"b,c\"\n1\xEC\x96\xB5,medical_devices,SA,\"x\"\"y\"\n",
            &["b,c", "x\"y"],
        ),
        (
            b"\n1\xEC\x96\xB5,medical_devices,SA,\"line\r\nbreak\"\r\n",
            &["line\r\nbreak"],
        ),
        (
            b"\r1\xEC\x96\xB5,medical_devices,SA,a\r1\xEC\x96\xB5,medical_devices,SA,b\r",
            &["a", "b"],
        ),
        (
            b"\n1\xEC\x96\xB5,medical_devices,SA,ab\"c\n1\xEC\x96\xB5,medical_devices,SA,\"q\"tail\n",
            &["ab\"c", "qtail"],
        ),
        (b"\n1\xEC\x96\xB5,medical_devices,SA,\n", &[""]),
    ];
    for (body, want) in cases {
        let input = if body.starts_with(b"\xEF") {
            body.to_vec()
        } else {
            [&head[..], body].concat()
        };
        assert_eq!(copied_cells(&input), want, "{:?}", String::from_utf8_lossy(&input));
    }
    // Blank lines and rows of commas are skipped but counted: the bad row is row 4.
    let o = run_with_stdin(
        &["batch", "-", "-", "--lang", "en"],
        "revenue,sector,market\n1억,medical_devices,SA\n\n,,\n-1억,medical_devices,SA\n".as_bytes(),
    );
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains("row 4: [revenue]"), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 rows: 1 scored, 1 with errors"), "{}", stderr(&o));
    // A record longer than 1 MiB (a quote never closed in a large file) stops the run, exit 2.
    let mut long = b"revenue,sector,market,note\n1\xEC\x96\xB5,medical_devices,SA,\"".to_vec();
    long.extend(std::iter::repeat_n(b'x', 3 << 20));
    let long_path = temp("long-record.csv");
    std::fs::write(&long_path, &long).unwrap_or_else(|e| panic!("{e}"));
    let o = run(&["batch", long_path.to_str().unwrap_or_default(), "-"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("row 1: the record is longer than 1048576 bytes"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn batch_output_quotes_and_guards_cells() {
    let cells = [
        "plain",
        "a,b",
        "say \"hi\"",
        "=1+1",
        "+82",
        "-3",
        "@x",
        "\tt",
        "multi\nline",
        "=a,b",
        "",
    ];
    let mut input = String::from("revenue,sector,market,note\n");
    for c in cells {
        input.push_str("1억,medical_devices,SA,\"");
        input.push_str(&c.replace('"', "\"\""));
        input.push_str("\"\n");
    }
    let o = run_with_stdin(&["batch", "-", "-"], input.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let last_cells: Vec<&str> = out
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        // The note is the last column: after the 13 columns before it, none of which holds a comma.
        .map(|l| l.splitn(14, ',').nth(13).unwrap_or(l))
        .collect();
    assert_eq!(
        last_cells,
        [
            "plain",
            "\"a,b\"",
            "\"say \"\"hi\"\"\"",
            "'=1+1",
            "'+82",
            "'-3",
            "'@x",
            "'\tt",
            "\"multi\nline\"",
            "\"'=a,b\"",
            "",
        ]
    );
    // Numbers are written as digits; every record ends with CRLF.
    assert!(out.ends_with("\r\n"));
    assert!(out.split("\r\n").nth(1).is_some_and(|l| l
        .split(',')
        .nth(2)
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))));
}

#[test]
fn batch_reads_the_cp949_csv_korean_excel_writes_and_keeps_names_intact() {
    // What Excel's "CSV (쉼표로 분리)" saves on a Korean Windows: CP949, no BOM, CRLF, a
    // Korean header cell and Korean firm names (including a character outside EUC-KR's
    // KS X 1001 set, 똠, that only CP949 has).
    let text = "id,회사명,revenue,sector,market\r\nK1,(주)한국메디칼,35억,medical_devices,SA\r\nK2,똠방각하 의원,3억 5천만,medical_services,AE\r\n";
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the sample must not be UTF-8");
    let in_path = temp("excel-cp949.csv");
    let out_path = temp("excel-cp949-out.csv");
    std::fs::write(&in_path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let o = run(&[
        "batch",
        in_path.to_str().unwrap_or_default(),
        out_path.to_str().unwrap_or_default(),
        "--lang",
        "en",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("read as CP949 (EUC-KR"), "{}", stderr(&o));
    let out = std::fs::read_to_string(&out_path).unwrap_or_else(|e| panic!("output not UTF-8: {e}"));
    let rows = parse_csv(&out);
    assert_eq!(rows[0][13], "회사명");
    assert_eq!(rows[1][13], "(주)한국메디칼");
    assert_eq!(rows[2][13], "똠방각하 의원");
    assert_eq!(
        rows[1],
        expected_row("K1", firm(35e8, "medical_devices", "SA"), "(주)한국메디칼")
    );
    assert_eq!(
        rows[2],
        expected_row("K2", firm(3.5e8, "medical_services", "AE"), "똠방각하 의원")
    );
    // The same rows in UTF-8 (with and without a BOM) give the same output, and say UTF-8.
    for prefix in ["", "\u{feff}"] {
        let o = run_with_stdin(&["batch", "-", "-", "--lang", "en"], [prefix, text].concat().as_bytes());
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stderr(&o).contains("read as UTF-8"), "{}", stderr(&o));
        assert_eq!(stdout(&o), out);
    }
}

#[test]
fn an_option_is_never_taken_as_the_value_of_another() {
    let o = run(&[
        "estimate",
        "--revenue",
        "--json",
        "--sector",
        "medical_devices",
        "--market",
        "SA",
    ]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("sme-export: ") && err.contains("--revenue") && err.contains("--json"),
        "{err}"
    );
    // A negative amount is still a value, and the engine's answer names the option.
    let o = run(&[
        "estimate",
        "--revenue",
        "-5억",
        "--sector",
        "medical_devices",
        "--market",
        "SA",
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("--revenue: "), "{}", stderr(&o));
    // Every usage error names what is wrong.
    for (args, names) in [
        (&["estimate", "--colour", "red"][..], "--colour"),
        (&["estimate", "--revenue"][..], "--revenue"),
        (&["estimate", "--revenue", "1억", "--revenue", "2억"][..], "--revenue"),
        (&["estimate", "--lang", "fr"][..], "--lang"),
        (&["batch", "only-one-file.csv"][..], "OUT.csv"),
        (&["compare", "a.json"][..], "NEW.json"),
        (&["validate"][..], "FILE"),
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stderr(&o).contains(names), "{args:?}: {}", stderr(&o));
    }
    // --help per command, on stdout, exit 0.
    for (command, shows) in [
        ("validate", "PATH: KIND: MESSAGE"),
        ("estimate", "--exports-to-market <AMOUNT>"),
        ("batch", "CP949"),
        ("compare", "--panel <FILE>"),
    ] {
        let o = run(&[command, "--help"]);
        assert_eq!(code(&o), 0, "{command}");
        assert!(stdout(&o).contains(shows), "{command} --help: {}", stdout(&o));
    }
}

// ---------------------------------------------------------------------------------------------
// Sample firms for the benchmark (and a run of 2,000 of them here)

/// xorshift64*: a fixed, dependency-free stream of pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// An amount the way people type it, exactly: "35억", "3억 5000만", "\"1,250,000,000원\"", "350000000".
fn typed_amount(rng: &mut Rng, won: u64) -> String {
    let eok = won / 100_000_000;
    let man = won % 100_000_000 / 10_000;
    let exact_man = won.is_multiple_of(10_000);
    match rng.below(4) {
        0 if eok > 0 && man == 0 && exact_man => format!("{eok}억"),
        1 if eok > 0 && man > 0 && exact_man => format!("{eok}억 {man}만"),
        2 => {
            let digits = won.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            format!("\"{grouped}원\"")
        }
        _ => won.to_string(),
    }
}

/// Writes `rows` realistic firms (revenue KRW 10 million to 500 billion, log-uniform; optional
/// exports, assets and answers), about 5 % of them bad in one of four ways. Returns the 1-based
/// numbers of the bad rows.
fn write_sample(out: &mut impl Write, rows: u64, seed: u64) -> std::io::Result<Vec<u64>> {
    const SECTORS: [&str; 4] = [
        "medical_devices",
        "pharmaceuticals",
        "medical_services",
        "digital_health",
    ];
    const MARKETS: [&str; 11] = ["SA", "AE", "QA", "KW", "OM", "BH", "KZ", "UZ", "KG", "TJ", "TM"];
    const ANSWERS: [&str; 8] = ["", "", "yes", "no", "예", "아니오", "y", "n"];
    let mut rng = Rng(seed | 1);
    let mut bad = Vec::new();
    writeln!(
        out,
        "id,revenue,sector,market,current_exports,exports_to_market,total_assets,certification,local_partner,export_experience,local_language,medical_corporation,name"
    )?;
    for i in 1..=rows {
        // log-uniform between 10^7 and 5 * 10^11 won, in whole 만 (10,000) won as firms report
        let revenue = (10f64.powf(7.0 + (rng.below(1_000_000) as f64 / 1e6) * 4.7)) as u64 / 10_000 * 10_000;
        let exports = revenue / 1_000_000 * rng.below(60) * 10_000;
        let to_market = exports / 1_000_000 * rng.below(101) * 10_000;
        let mut revenue_text = typed_amount(&mut rng, revenue);
        let mut sector = rng.pick(&SECTORS);
        if rng.below(100) < 5 {
            bad.push(i);
            match rng.below(4) {
                0 => revenue_text = format!("-{}억", 1 + revenue / 100_000_000),
                1 => sector = "dentistry",
                2 => revenue_text.clear(),
                _ => revenue_text = format!("{}억억", 1 + revenue / 100_000_000),
            }
        }
        let market = rng.pick(&MARKETS);
        let optional = |rng: &mut Rng, won: u64, percent: u64| {
            if rng.below(100) < percent {
                typed_amount(rng, won)
            } else {
                String::new()
            }
        };
        let exports_text = optional(&mut rng, exports, 60);
        let to_market_text = if exports_text.is_empty() {
            String::new()
        } else {
            optional(&mut rng, to_market, 50)
        };
        let assets = revenue.saturating_mul(1 + rng.below(3));
        let assets_text = optional(&mut rng, assets, 30);
        let answers: Vec<&str> = (0..4).map(|_| rng.pick(&ANSWERS)).collect();
        let med = if sector == "medical_services" {
            rng.pick(&["", "no", "yes"])
        } else {
            ""
        };
        writeln!(
            out,
            "F{i:07},{revenue_text},{sector},{market},{exports_text},{to_market_text},{assets_text},{},\"Firm {i}, Ltd.\"",
            [answers.join(","), med.to_owned()].join(","),
        )?;
    }
    Ok(bad)
}

#[test]
fn batch_on_generated_firms_flags_exactly_the_bad_rows() {
    let mut input = Vec::new();
    let bad = write_sample(&mut input, 2000, 42).unwrap_or_else(|e| panic!("{e}"));
    assert!((60..=140).contains(&bad.len()), "about 5 % bad: {}", bad.len());
    let o = run_with_stdin(&["batch", "-", "-"], &input);
    assert_eq!(code(&o), 3);
    let rows = parse_csv(&stdout(&o));
    assert_eq!(rows.len(), 2001);
    let flagged: Vec<u64> = rows
        .iter()
        .skip(1)
        .zip(1u64..)
        .filter(|(r, _)| !r[12].is_empty())
        .map(|(_, n)| n)
        .collect();
    assert_eq!(flagged, bad);
    let reported: Vec<u64> = stderr(&o)
        .lines()
        .filter_map(|l| l.strip_prefix("row ")?.split(' ').next()?.parse().ok())
        .collect();
    assert_eq!(reported, bad);
    // Each good row is what the library's estimate says (every 97th row checked in full).
    let inputs = records(&input).unwrap_or_else(|e| panic!("{e}"));
    let amount = |t: &str| {
        (!t.is_empty())
            .then(|| sme_export::amount::parse_amount(t).map(|x| x as f64).ok())
            .flatten()
    };
    let answer = |t: &str| match t {
        "yes" | "y" | "예" => Some(true),
        "no" | "n" | "아니오" => Some(false),
        _ => None,
    };
    let mut checked = 0;
    for (row, n) in rows
        .iter()
        .skip(1)
        .zip(1u64..)
        .filter(|(_, n)| n.is_multiple_of(97) && !bad.contains(n))
    {
        let f = &inputs[n as usize];
        let raw = RawInput {
            revenue_krw: amount(&f[1]),
            sector: f[2].clone(),
            market: f[3].clone(),
            current_exports_krw: amount(&f[4]),
            exports_to_market_krw: amount(&f[5]),
            total_assets_krw: amount(&f[6]),
            readiness: Readiness {
                certification: answer(&f[7]),
                local_partner: answer(&f[8]),
                export_experience: answer(&f[9]),
                local_language: answer(&f[10]),
            },
            medical_corporation: answer(&f[11]),
            ..RawInput::default()
        };
        assert_eq!(row, &expected_row(&f[0], raw, &format!("Firm {n}, Ltd.")), "row {n}");
        checked += 1;
    }
    assert!(checked > 15);
}

/// Writes the benchmark's input; run it with
/// `SAMPLE_ROWS=1000000 SAMPLE_OUT=/tmp/firms-1m.csv cargo test --release --features cli --test cli -- --ignored write_benchmark_sample`
/// then `/usr/bin/time -v target/release/sme-export batch /tmp/firms-1m.csv /tmp/out.csv`.
#[test]
#[ignore = "writes a large file for the benchmark"]
fn write_benchmark_sample() {
    let rows: u64 = std::env::var("SAMPLE_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let path = std::env::var("SAMPLE_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| temp("firms-sample.csv"));
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BufWriter::new(file);
    let bad = write_sample(&mut out, rows, 7).unwrap_or_else(|e| panic!("{e}"));
    out.flush().unwrap_or_else(|e| panic!("{e}"));
    println!("{}: {rows} rows, {} bad", path.display(), bad.len());
}

/// The default dataset with Oman's health expenditure times ten, written to a file. (Oman has no
/// current figure of Korea's exports or total trade, and its device demand is the health-spending
/// proxy, so its device potential follows it; the UAE's devices are anchored on actual exports
/// and would not move.)
fn dataset_with_oman_device_demand_times_ten(name: &str) -> PathBuf {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["markets"][4]["id"], "OM");
    let x = v["markets"][4]["healthExpenditureUsd"]["value"]
        .as_f64()
        .unwrap_or_default();
    v["markets"][4]["healthExpenditureUsd"]["value"] = serde_json::json!(x * 10.0);
    let path = temp(name);
    std::fs::write(&path, v.to_string()).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn compare_reports_counts_then_the_firms_a_changed_figure_moves() {
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json");
    let new = dataset_with_oman_device_demand_times_ten("compare-om.json");
    let (old, new) = (old.to_string_lossy().into_owned(), new.to_string_lossy().into_owned());
    let o = run(&["compare", &old, &new, "--lang", "en"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[1].ends_with("of the 323 reference firms get a different outcome."),
        "{out}"
    );
    assert_eq!(lines[2].trim(), "0  firms whose SME status changes");
    assert!(
        lines[3]
            .trim()
            .ends_with("firms whose potential moves by more than 10 %"),
        "{out}"
    );
    assert!(!lines[3].trim().starts_with("0 "), "{out}");
    assert!(lines[4].trim().ends_with("firms whose market ranking changes"), "{out}");
    assert_eq!(lines[5].trim(), "0  firms whose programme outcome changes");
    assert!(
        out.contains("\nM-md-OM-ready\tbase_krw\t969822\t9698216\t+900.0 %\n"),
        "{out}"
    );
    assert!(out.contains("\nM-md-OM-ready\tmarket_rank\t8\t3\t\n"), "{out}");
    assert!(out.contains("\nM-md-KZ-ready\tmarket_rank\t3\t4\t\n"), "{out}");
    // The UAE's device firms, anchored on actual exports, do not move.
    assert!(!out.lines().any(|l| l.starts_with("M-md-AE-")), "{out}");
    // Medical services in Oman rest on Oman's own demand figure: they do not move.
    assert!(!out.lines().any(|l| l.starts_with("M-ms-OM")), "{out}");

    let o = run(&["compare", &old, &new, "--json"]);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["firms"], 323);
    assert_eq!(v["potentialShare"], 0.1);
    assert_eq!(v["counts"][0]["kind"], "smeStatus");
    assert_eq!(v["counts"][0]["firms"], 0);
    assert!(v["changes"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c["firm"] == "M-md-OM-ready"
            && c["field"] == "base_krw"
            // 9,698,216 / 969,822 - 1: nine times more, to the won.
            && c["relative"].as_f64() == Some(9_698_216.0 / 969_822.0 - 1.0))));
}

#[test]
fn compare_of_a_dataset_with_itself_exits_0_and_bad_input_exits_2() {
    let ds = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json");
    let ds = ds.to_string_lossy().into_owned();
    let o = run(&["compare", &ds, &ds]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("기준 기업 323곳 중 0곳의 결과가 바뀝니다."),
        "{}",
        stdout(&o)
    );

    let missing = temp("compare-missing.json");
    let o = run(&["compare", &ds, &missing.to_string_lossy()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));

    let invalid = temp("compare-invalid.json");
    std::fs::write(&invalid, "{\"schema\": 1}").unwrap_or_else(|e| panic!("{e}"));
    let o = run(&["compare", &ds, &invalid.to_string_lossy()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("is not a valid dataset"), "{}", stderr(&o));

    let o = run(&["compare", &ds]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("NEW.json"), "{}", stderr(&o));

    // A panel of one firm, given with --panel.
    let panel = temp("compare-panel.csv");
    std::fs::write(
        &panel,
        "id,sector,revenue,total_assets,current_exports,exports_to_market,certification,local_partner,export_experience,local_language,medical_corporation,market,today\nP1,medical_devices,35억,,,,,,,,,OM,2026-12-01\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let new = dataset_with_oman_device_demand_times_ten("compare-om-2.json");
    let o = run(&[
        "compare",
        &ds,
        &new.to_string_lossy(),
        "--panel",
        &panel.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("1 of the 1 reference firms"), "{}", stdout(&o));
    assert!(stdout(&o).contains("\nP1\tbase_krw\t"), "{}", stdout(&o));

    std::fs::write(&panel, "id,sector\nP1,medical_devices\n").unwrap_or_else(|e| panic!("{e}"));
    let o = run(&["compare", &ds, &ds, "--panel", &panel.to_string_lossy()]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("--panel") && stderr(&o).contains("no column \"revenue\""),
        "{}",
        stderr(&o)
    );
}
