//! `sme-export batch IN.csv OUT.csv`: scores a CSV of firms, one record at a time.
//!
//! Each row goes through the engine's own `check` and then `engine::Prepared::score`, the
//! text-free path that agrees with `estimate` (tests/score.rs); the `Prepared` (Korea's potential
//! per sector and market) is built once per run. Memory stays constant: one input record, one
//! output buffer, whatever the number of rows.
//!
//! Contract (also in `sme-export help batch`):
//! - Header row required; column names are matched after trimming, ignoring ASCII case and
//!   treating ' ' and '-' as '_'. `revenue`, `sector` and `market` are required columns;
//!   `id`, the optional amounts and the yes/no answers may be absent. Other columns are copied
//!   to the output, after the result columns, under their own header text; one named like an
//!   output column (`error`, `row`, ...) or a known column given twice is a usage error.
//! - Rows are numbered from 1: row 1 is the first record after the header. Blank lines and
//!   rows of empty cells are skipped (but counted, so row N stays the N-th record).
//! - A bad row (a bad cell, an unknown id, a wrong number of cells) is written with only its id,
//!   its copied cells and its error filled, and reported on stderr as `row N: ...`.
//! - Exit 0 when every row scored, 3 when some had errors, 1 when `--dataset` is invalid, 2 when
//!   the run could not go on (unreadable input, unusable header, unwritable output, a quote left
//!   open, a record over 1 MiB); rows before such an error are written.
//! - Text cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'` (csv.rs); the
//!   number columns never start with one of these.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use sme_export::dataset::Dataset;
use sme_export::engine::{check, to_won, Prepared, RawInput, Score};
use sme_export::error::{Field, InputError, Lang, Reason};
use sme_export::model::{Outcome, Question, Readiness, SmeSize};

use super::args::{Args, Spec};
use super::csv::{self, ReadError, Reader, Writer};
use super::{amount, print_out, usage_of, wants_help, yes_no, yes_no_error, Failure, EXIT_OK, EXIT_SOME_ROWS};

const SPECS: [Spec; 3] = [
    Spec {
        name: "dataset",
        takes_value: true,
    },
    Spec {
        name: "lang",
        takes_value: true,
    },
    Spec {
        name: "excel",
        takes_value: false,
    },
];

/// The input columns the command knows, by position in this list.
const KNOWN: [&str; 12] = [
    "id",
    "revenue",
    "sector",
    "market",
    "current_exports",
    "exports_to_market",
    "total_assets",
    "certification",
    "local_partner",
    "export_experience",
    "local_language",
    "medical_corporation",
];
const ID: usize = 0;
const REVENUE: usize = 1;
const SECTOR: usize = 2;
const MARKET: usize = 3;
const CURRENT: usize = 4;
const TO_MARKET: usize = 5;
const ASSETS: usize = 6;
const CERTIFICATION: usize = 7;
const PARTNER: usize = 8;
const EXPERIENCE: usize = 9;
const LANGUAGE: usize = 10;
const MED_CORP: usize = 11;
const REQUIRED: [usize; 3] = [REVENUE, SECTOR, MARKET];

/// The result columns, after the first (`id`, or `row` without an id column).
const RESULT: [&str; 10] = [
    "sme_size",
    "base_krw",
    "low_krw",
    "high_krw",
    "untapped_krw",
    "best_market",
    "rank_of_market",
    "eligible_programs",
    "maybe_programs",
    "error",
];

/// The input column of each engine field, for messages.
fn column_of(field: Field) -> &'static str {
    match field {
        Field::RevenueKrw => "revenue",
        Field::Sector => "sector",
        Field::Market => "market",
        Field::CurrentExportsKrw => "current_exports",
        Field::ExportsToMarketKrw => "exports_to_market",
        Field::TotalAssetsKrw => "total_assets",
        Field::Lang => "lang",
    }
}

/// For an unknown sector or market: what was given and what the dataset knows.
pub fn known_ids(field: Field, ds: &Dataset, raw: &RawInput, lang: Lang) -> String {
    let (given, ids): (&str, Vec<&str>) = match field {
        Field::Sector => (&raw.sector, ds.sectors.iter().map(|s| s.id.as_str()).collect()),
        Field::Market => (&raw.market, ds.markets.iter().map(|m| m.id.as_str()).collect()),
        _ => return String::new(),
    };
    format!(
        " ({} {given:?}; {} {})",
        lang.pick("입력값", "given"),
        lang.pick("가능한 값", "known:"),
        ids.join(", ")
    )
}

fn size_key(size: SmeSize) -> &'static str {
    match size {
        SmeSize::Small => "small",
        SmeSize::Medium => "medium",
        SmeSize::None => "none",
    }
}

/// Where each column of the input is.
struct Columns {
    known: [Option<usize>; KNOWN.len()],
    /// Input positions of the copied columns, in input order.
    copied: Vec<usize>,
    /// The header text of the copied columns.
    copied_names: Vec<String>,
    width: usize,
}

fn normalise(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn columns<R: BufRead>(r: &Reader<R>, input: &str) -> Result<Columns, Failure> {
    let mut cols = Columns {
        known: [None; KNOWN.len()],
        copied: Vec::new(),
        copied_names: Vec::new(),
        width: r.len(),
    };
    for i in 0..r.len() {
        let text = String::from_utf8_lossy(r.field(i).unwrap_or_default());
        let name = normalise(&text);
        match KNOWN.iter().position(|k| *k == name) {
            Some(k) => {
                if cols.known.get(k).copied().flatten().is_some() {
                    return Err(Failure::usage(format!(
                        "{input}: the column {name:?} appears twice in the header"
                    )));
                }
                if let Some(slot) = cols.known.get_mut(k) {
                    *slot = Some(i);
                }
            }
            None => {
                if RESULT.contains(&name.as_str()) || name == "row" {
                    return Err(Failure::usage(format!(
                        "{input}: the column {name:?} has the name of an output column; rename it"
                    )));
                }
                cols.copied.push(i);
                cols.copied_names.push(text.trim().to_owned());
            }
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|&&k| cols.known.get(k).copied().flatten().is_none())
        .filter_map(|&k| KNOWN.get(k).copied())
        .collect();
    if !missing.is_empty() {
        let header: Vec<String> = (0..r.len())
            .map(|i| String::from_utf8_lossy(r.field(i).unwrap_or_default()).into_owned())
            .collect();
        return Err(Failure::usage(format!(
            "{input}: the header row has no {} column (found: {}); the first row must name the columns, \
             with revenue, sector and market required",
            missing.join(", "),
            header.join(", ")
        )));
    }
    Ok(cols)
}

/// Counts of one run.
#[derive(Default)]
struct Tally {
    rows: u64,
    scored: u64,
    bad: u64,
    not_utf8_copied: u64,
}

pub fn run(words: Vec<String>) -> Result<u8, Failure> {
    if wants_help(&words) {
        print_out(usage_of("batch"))?;
        return Ok(EXIT_OK);
    }
    let args = Args::parse("batch", words, &SPECS)?;
    let (input, output) = match args.positional.as_slice() {
        [i, o] => (i.as_str(), o.as_str()),
        _ => {
            return Err(Failure::usage(
                ["batch takes IN and OUT (\"-\" for stdin/stdout)\n", usage_of("batch")].concat(),
            ))
        }
    };
    let lang = super::lang(args.value("lang"))?;
    let ds = super::dataset(args.value("dataset"))?;
    if input != "-" && output != "-" {
        if let (Ok(a), Ok(b)) = (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
            if a == b {
                return Err(Failure::usage(format!(
                    "{input}: IN and OUT are the same file; writing would destroy it"
                )));
            }
        }
    }

    let stdin = io::stdin();
    let source: Box<dyn BufRead> = if input == "-" {
        Box::new(stdin.lock())
    } else {
        let f = File::open(input).map_err(|e| Failure::io("read", input, &e))?;
        Box::new(BufReader::with_capacity(1 << 16, f))
    };
    let mut reader = csv::reader(source).map_err(|e| Failure::io("read", input, &e))?;
    let read_failure = |e: ReadError, row: u64| match e {
        ReadError::Io(e) => Failure::io("read", input, &e),
        ReadError::UnterminatedQuote => Failure::usage(format!(
            "{input}: row {row}: a quoted cell is not closed before the end of the file"
        )),
        ReadError::TooLong => Failure::usage(format!(
            "{input}: row {row}: the record is longer than {} bytes (a quote not closed?)",
            csv::MAX_RECORD
        )),
    };
    match reader.next_record() {
        Ok(true) => {}
        Ok(false) => return Err(Failure::usage(format!("{input}: empty; a header row is required"))),
        Err(e) => return Err(read_failure(e, 0)),
    }
    let cols = columns(&reader, input)?;

    // Only now, with a usable header, is the output created (a failed run leaves it untouched).
    let stdout = io::stdout();
    let sink: Box<dyn Write> = if output == "-" {
        Box::new(stdout.lock())
    } else {
        Box::new(File::create(output).map_err(|e| Failure::io("write", output, &e))?)
    };
    let mut out = Writer::new(BufWriter::with_capacity(1 << 16, sink));
    let mut log = BufWriter::new(io::stderr().lock());
    let write_failure = |e: io::Error| Failure::io("write", output, &e);

    if args.has("excel") {
        out.bom().map_err(write_failure)?;
    }
    let has_id = cols.known.get(ID).copied().flatten().is_some();
    out.text(if has_id { "id" } else { "row" }).map_err(write_failure)?;
    for name in RESULT
        .iter()
        .copied()
        .chain(cols.copied_names.iter().map(String::as_str))
    {
        out.text(name).map_err(write_failure)?;
    }
    out.end().map_err(write_failure)?;

    let prepared = Prepared::new(&ds);
    let mut tally = Tally::default();
    let mut scratch = String::new();
    loop {
        match reader.next_record() {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // Keep what was written; the failure names the row that could not be read.
                let _ = out.flush();
                let _ = log.flush();
                return Err(read_failure(e, tally.rows.saturating_add(1)));
            }
        }
        tally.rows = tally.rows.saturating_add(1);
        if reader.is_blank() {
            continue;
        }
        let row = Row {
            r: &reader,
            cols: &cols,
        };
        let result = row.score(&prepared, lang);
        // First column: the id, or the row number.
        let id = if has_id {
            Some(row.copied_text(cols.known.get(ID).copied().flatten(), &mut tally))
        } else {
            None
        };
        match &id {
            Some(id) => out.text(id),
            None => out.number(tally.rows),
        }
        .map_err(write_failure)?;
        match result {
            Ok(s) => {
                tally.scored = tally.scored.saturating_add(1);
                out.text(size_key(s.size)).map_err(write_failure)?;
                for x in [s.base_krw, s.low_krw, s.high_krw, s.untapped_krw] {
                    out.number(to_won(x)).map_err(write_failure)?;
                }
                match s.best_market.and_then(|i| ds.markets.get(i)) {
                    Some(m) => out.text(&m.id),
                    None => out.empty(),
                }
                .map_err(write_failure)?;
                out.number(u64::from(s.rank)).map_err(write_failure)?;
                for wanted in [Outcome::Eligible, Outcome::Maybe] {
                    scratch.clear();
                    for (p, o) in ds.programs.iter().zip(&s.outcomes) {
                        if *o == wanted {
                            if !scratch.is_empty() {
                                scratch.push(';');
                            }
                            scratch.push_str(&p.id);
                        }
                    }
                    out.text(&scratch).map_err(write_failure)?;
                }
                out.empty().map_err(write_failure)?;
            }
            Err(errors) => {
                tally.bad = tally.bad.saturating_add(1);
                for _ in 0..RESULT.len().saturating_sub(1) {
                    out.empty().map_err(write_failure)?;
                }
                let message = errors.join("; ");
                out.text(&message).map_err(write_failure)?;
                let _ = match &id {
                    Some(id) => writeln!(log, "row {} (id {id}): {message}", tally.rows),
                    None => writeln!(log, "row {}: {message}", tally.rows),
                };
            }
        }
        for &i in &cols.copied {
            let cell = row.copied_text(Some(i), &mut tally);
            out.text(&cell).map_err(write_failure)?;
        }
        out.end().map_err(write_failure)?;
    }
    out.flush().map_err(write_failure)?;

    let summary = match lang {
        Lang::Ko => format!(
            "{}행 중 {}행 계산, {}행 오류{}",
            tally.scored.saturating_add(tally.bad),
            tally.scored,
            tally.bad,
            if tally.not_utf8_copied > 0 {
                format!(
                    " (복사한 칸 {}개가 UTF-8이 아니어서 깨진 글자를 U+FFFD로 바꿈)",
                    tally.not_utf8_copied
                )
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "{} rows: {} scored, {} with errors{}",
            tally.scored.saturating_add(tally.bad),
            tally.scored,
            tally.bad,
            if tally.not_utf8_copied > 0 {
                format!(
                    " ({} copied cells were not UTF-8: bad bytes replaced by U+FFFD)",
                    tally.not_utf8_copied
                )
            } else {
                String::new()
            }
        ),
    };
    let _ = writeln!(log, "{summary}");
    let _ = log.flush();
    Ok(if tally.bad == 0 { EXIT_OK } else { EXIT_SOME_ROWS })
}

/// One input record and where its columns are.
struct Row<'a, R> {
    r: &'a Reader<R>,
    cols: &'a Columns,
}

impl<R: BufRead> Row<'_, R> {
    /// The cell of a known column: `Ok(None)` when the column is absent, `Err` when not UTF-8.
    fn cell(&self, k: usize) -> Result<Option<&str>, ()> {
        match self.cols.known.get(k).copied().flatten() {
            None => Ok(None),
            Some(i) => std::str::from_utf8(self.r.field(i).unwrap_or_default())
                .map(Some)
                .map_err(|_| ()),
        }
    }

    /// A cell copied to the output: lossy when not UTF-8 (counted), empty when absent.
    fn copied_text(&self, i: Option<usize>, tally: &mut Tally) -> Cow<'_, str> {
        let text = String::from_utf8_lossy(i.and_then(|i| self.r.field(i)).unwrap_or_default());
        if matches!(text, Cow::Owned(_)) {
            tally.not_utf8_copied = tally.not_utf8_copied.saturating_add(1);
        }
        text
    }

    /// Checks and scores the row; `Err` holds one message per problem, in `lang`.
    fn score(&self, prepared: &Prepared, lang: Lang) -> Result<Score, Vec<String>> {
        let ds = prepared.dataset();
        if self.r.len() != self.cols.width {
            return Err(vec![match lang {
                Lang::Ko => format!(
                    "칸 수({})가 머리글의 칸 수({})와 다릅니다.",
                    self.r.len(),
                    self.cols.width
                ),
                Lang::En => format!("the row has {} cells, the header {}.", self.r.len(), self.cols.width),
            }]);
        }
        let mut errors: Vec<String> = Vec::new();
        let mut parse_failed: Vec<Field> = Vec::new();
        let not_utf8 = |k: usize| {
            let name = KNOWN.get(k).copied().unwrap_or_default();
            match lang {
                Lang::Ko => {
                    format!("[{name}] UTF-8 글자가 아닙니다. 'CSV UTF-8' 형식으로 저장해 주세요.")
                }
                Lang::En => format!("[{name}] not UTF-8 text; save the file as \"CSV UTF-8\"."),
            }
        };
        let text = |k: usize, errors: &mut Vec<String>| match self.cell(k) {
            Ok(t) => t,
            Err(()) => {
                errors.push(not_utf8(k));
                None
            }
        };
        let amount_at = |k: usize, field: Field, errors: &mut Vec<String>, failed: &mut Vec<Field>| {
            let t = text(k, errors);
            match amount(t, field) {
                Ok(v) => v,
                Err(e) => {
                    failed.push(field);
                    errors.push(input_error(&e, lang));
                    None
                }
            }
        };
        let revenue = amount_at(REVENUE, Field::RevenueKrw, &mut errors, &mut parse_failed);
        let current = amount_at(CURRENT, Field::CurrentExportsKrw, &mut errors, &mut parse_failed);
        let to_market = amount_at(TO_MARKET, Field::ExportsToMarketKrw, &mut errors, &mut parse_failed);
        let assets = amount_at(ASSETS, Field::TotalAssetsKrw, &mut errors, &mut parse_failed);
        let answer = |k: usize, q: Option<Question>, errors: &mut Vec<String>| match self.cell(k) {
            Err(()) => {
                errors.push(not_utf8(k));
                None
            }
            Ok(t) => match yes_no(t.unwrap_or("")) {
                Ok(a) => a,
                Err(()) => {
                    let name = KNOWN.get(k).copied().unwrap_or_default();
                    errors.push(["[", name, "] ", &yes_no_error(q, lang)].concat());
                    None
                }
            },
        };
        let readiness = Readiness {
            certification: answer(CERTIFICATION, Some(Question::Certification), &mut errors),
            local_partner: answer(PARTNER, Some(Question::LocalPartner), &mut errors),
            export_experience: answer(EXPERIENCE, Some(Question::ExportExperience), &mut errors),
            local_language: answer(LANGUAGE, Some(Question::LocalLanguage), &mut errors),
        };
        let medical_corporation = answer(MED_CORP, None, &mut errors);
        let id_text = |k: usize, errors: &mut Vec<String>| match self.cell(k) {
            Ok(t) => t.unwrap_or("").trim().to_owned(),
            Err(()) => {
                errors.push(not_utf8(k));
                String::new()
            }
        };
        let raw = RawInput {
            revenue_krw: revenue,
            sector: id_text(SECTOR, &mut errors),
            market: id_text(MARKET, &mut errors),
            current_exports_krw: current,
            exports_to_market_krw: to_market,
            total_assets_krw: assets,
            medical_corporation,
            readiness,
            lang,
            today: None,
        };
        match check(&raw, ds) {
            Ok(input) if errors.is_empty() => Ok(prepared.score(&input)),
            Ok(_) => Err(errors),
            Err(found) => {
                // A cell that did not parse was passed on as blank: keep its parse error only.
                for e in found.iter().filter(|e| !parse_failed.contains(&e.field)) {
                    let mut m = input_error(e, lang);
                    if e.reason == Reason::Unknown {
                        m.push_str(&known_ids(e.field, ds, &raw, lang));
                    }
                    errors.push(m);
                }
                Err(errors)
            }
        }
    }
}

/// An engine error as a cell: `[column] label: reason`.
fn input_error(e: &InputError, lang: Lang) -> String {
    ["[", column_of(e.field), "] ", e.message(lang)].concat()
}
