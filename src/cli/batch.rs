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
use std::io::{self, BufWriter, Read, Write};

use sme_export::dataset::Dataset;
use sme_export::engine::{check, to_won, Prepared, RawInput, Score};
use sme_export::error::{Field, InputError, Lang, Reason};
use sme_export::model::{Outcome, Question, Readiness, SmeSize};

use super::encoding::{self, Bounded, MAX_RECORD, READ_AHEAD, TOO_LONG};
use super::{amount, yes_no, yes_no_error, Common, Failure, EXIT_OK, EXIT_SOME_ROWS};

pub const HELP: &str = "\
Scores every row of a CSV of firms (\"-\" reads standard input / writes standard output),
one record at a time in constant memory.
Input: UTF-8 (a BOM is skipped) or CP949 / EUC-KR (what Korean Excel saves as CSV by default;
detected from the first 64 KiB and converted; stderr says which was read), RFC 4180 (quoted
cells may hold commas, quotes, line breaks), a header row naming the columns, in any order and
any case (' ' and '-' read as '_'):
  revenue, sector, market       required columns
  id                            copied to the first output column
  current_exports, exports_to_market, total_assets
                                Korean amounts: 35억, 3억 5천만, \"1,250,000,000원\"; blank = not given
  certification, local_partner, export_experience, local_language, medical_corporation
                                yes/no/y/n/true/false/1/0/예/네/아니오/아니요; blank = not answered
  any other column              copied to the output after the result columns
Output (UTF-8, CRLF; --excel starts the file with a UTF-8 BOM for spreadsheet programs):
  id (or row: the row number when there is no id column), sme_size (small/medium/none),
  base_krw, low_krw, high_krw, untapped_krw (whole won), best_market, rank_of_market
  (1 = best), eligible_programs, maybe_programs (program ids joined by ';'), error,
  then the copied columns. A text cell starting with = + - @ gets a leading ' (CSV injection).
Rows are numbered from 1, the first record after the header; blank rows are skipped but
counted. A bad row is written with only its id, error (in --lang) and copied cells, and is
reported on stderr as \"row N (id X): ...\"; the run carries on.
Exit 0 when every row scored, 3 when some rows had errors, 1 when --dataset is invalid,
2 on usage or I/O errors (rows before a read error are written).";

#[derive(clap::Args)]
pub struct BatchArgs {
    /// The CSV of firms (\"-\": standard input)
    #[arg(value_name = "IN.csv")]
    input: String,
    /// Where to write the scored CSV (\"-\": standard output)
    #[arg(value_name = "OUT.csv")]
    output: String,
    /// Start the output with a UTF-8 BOM, for spreadsheet programs
    #[arg(long)]
    excel: bool,
    #[command(flatten)]
    common: Common,
}

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

fn columns(r: &csv::ByteRecord, input: &str) -> Result<Columns, Failure> {
    let mut cols = Columns {
        known: [None; KNOWN.len()],
        copied: Vec::new(),
        copied_names: Vec::new(),
        width: r.len(),
    };
    for i in 0..r.len() {
        let text = String::from_utf8_lossy(r.get(i).unwrap_or_default());
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
            .map(|i| String::from_utf8_lossy(r.get(i).unwrap_or_default()).into_owned())
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

// The messages of a run, one whole sentence per language; `fill` puts the numbers in the
// `{name}` slots, so each language orders its words as it needs.

/// The summary on stderr: rows read (`total`), scored, and with errors (`bad`).
const SUMMARY_KO: &str = "{total}행 중 {scored}행 계산, {bad}행 오류";
const SUMMARY_EN: &str = "{total} rows: {scored} scored, {bad} with errors";
/// Added to the summary when copied cells were not UTF-8 (`cells` of them).
const NOT_UTF8_NOTE_KO: &str = " (복사한 칸 {cells}개가 UTF-8이 아니어서 깨진 글자를 U+FFFD로 바꿈)";
const NOT_UTF8_NOTE_EN: &str = " ({cells} copied cells were not UTF-8: bad bytes replaced by U+FFFD)";
/// The first line on stderr: the file (`input`) and the encoding it was read in.
const READ_AS_KO: &str = "{input}: {encoding} 인코딩으로 읽음";
const READ_AS_EN: &str = "{input}: read as {encoding}";

/// `template` with each `{name}` slot replaced by its value; a slot without a value stays as
/// written, so a misspelt slot shows in the message instead of vanishing.
fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(template.len().saturating_add(16));
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        text.push_str(before);
        let slot = after
            .split_once('}')
            .and_then(|(name, tail)| Some((values.iter().find(|(n, _)| *n == name)?.1, tail)));
        match slot {
            Some((value, tail)) => {
                // Writing to a String cannot fail.
                let _ = write!(text, "{value}");
                rest = tail;
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

/// Counts of one run.
#[derive(Default)]
struct Tally {
    rows: u64,
    scored: u64,
    bad: u64,
    not_utf8_copied: u64,
}

/// The output CSV: RFC 4180 by the `csv` crate, CRLF, text cells guarded against formulas.
struct Out<W: Write> {
    csv: csv::Writer<W>,
    /// Reused for numbers and guarded cells.
    scratch: String,
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> Out<W> {
    fn new(out: W) -> Self {
        Out {
            csv: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .flexible(true)
                .from_writer(out),
            scratch: String::new(),
        }
    }

    /// A text cell; one starting with = + - @ tab or CR gets a leading ' so spreadsheet programs
    /// show it instead of running it as a formula (CSV injection).
    fn text(&mut self, s: &str) -> io::Result<()> {
        if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            self.scratch.clear();
            self.scratch.push('\'');
            self.scratch.push_str(s);
            self.csv.write_field(self.scratch.as_bytes()).map_err(csv_io)
        } else {
            self.csv.write_field(s).map_err(csv_io)
        }
    }

    fn number(&mut self, n: u64) -> io::Result<()> {
        use std::fmt::Write as _;
        self.scratch.clear();
        // Writing to a String cannot fail.
        let _ = write!(self.scratch, "{n}");
        self.csv.write_field(self.scratch.as_bytes()).map_err(csv_io)
    }

    fn empty(&mut self) -> io::Result<()> {
        self.csv.write_field(b"").map_err(csv_io)
    }

    fn end(&mut self) -> io::Result<()> {
        self.csv.write_record(None::<&[u8]>).map_err(csv_io)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }
}

/// True for a record whose fields are all empty or white space (spreadsheet programs write
/// trailing rows of commas).
fn is_blank(r: &csv::ByteRecord) -> bool {
    r.as_slice().iter().all(u8::is_ascii_whitespace)
}

pub fn run(args: BatchArgs) -> Result<u8, Failure> {
    let (input, output) = (args.input.as_str(), args.output.as_str());
    let lang: Lang = args.common.lang.into();
    let ds = super::dataset(args.common.dataset.as_deref())?;
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
    let source: Box<dyn Read> = if input == "-" {
        Box::new(stdin.lock())
    } else {
        Box::new(File::open(input).map_err(|e| Failure::io("read", input, &e))?)
    };
    let (encoding, text) = encoding::utf8_reader(source).map_err(|e| Failure::io("read", input, &e))?;
    let bounded = Bounded::new(text);
    let progress = std::rc::Rc::clone(&bounded.progress);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(usize::try_from(READ_AHEAD).unwrap_or(1 << 16))
        .from_reader(bounded);
    let read_failure = |e: csv::Error, row: u64| match csv_io(e) {
        e if e.to_string() == TOO_LONG => Failure::usage(format!(
            "{input}: row {row}: the record is longer than {MAX_RECORD} bytes (a quote not closed?)"
        )),
        e => Failure::io("read", input, &e),
    };
    // The input ended inside a quoted cell: its last field holds the file's final line break.
    let open_quote = |r: &csv::ByteRecord, at: u64| {
        at == progress.read.get()
            && progress.last.get().is_some_and(|b| {
                (b == b'\n' || b == b'\r') && r.iter().next_back().is_some_and(|f| f.last() == Some(&b))
            })
    };
    let unclosed = |row: u64| {
        Failure::usage(format!(
            "{input}: row {row}: a quoted cell is not closed before the end of the file"
        ))
    };
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Err(Failure::usage(format!("{input}: empty; a header row is required"))),
        Err(e) => return Err(read_failure(e, 0)),
    }
    if open_quote(&record, reader.position().byte()) {
        return Err(unclosed(0));
    }
    progress.record_end.set(reader.position().byte());
    let cols = columns(&record, input)?;
    let mut log = BufWriter::new(io::stderr().lock());
    let read_as = fill(
        lang.pick(READ_AS_KO, READ_AS_EN),
        &[("input", &input), ("encoding", &encoding.name())],
    );
    let _ = writeln!(log, "{read_as}");

    // Only now, with a usable header, is the output created (a failed run leaves it untouched).
    let stdout = io::stdout();
    let mut sink: Box<dyn Write> = if output == "-" {
        Box::new(stdout.lock())
    } else {
        Box::new(File::create(output).map_err(|e| Failure::io("write", output, &e))?)
    };
    let write_failure = |e: io::Error| Failure::io("write", output, &e);
    if args.excel {
        sink.write_all(b"\xEF\xBB\xBF").map_err(write_failure)?;
    }
    let mut out = Out::new(BufWriter::with_capacity(1 << 16, sink));

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
    // Blank lines, which the reader skips, still count as rows: the line count tells them.
    let mut line_before = reader.position().line();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // Keep what was written; the failure names the row that could not be read.
                let _ = out.flush();
                let _ = log.flush();
                return Err(read_failure(e, tally.rows.saturating_add(1)));
            }
        }
        let end = reader.position().byte();
        progress.record_end.set(end);
        // Lines read for this record, less its own (line breaks inside quoted cells and its
        // terminating one): the blank lines before it, which the reader skipped.
        let line = reader.position().line();
        let inside = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
        let terminated = !(end == progress.read.get() && progress.last.get() != Some(b'\n'));
        let own = inside.saturating_add(u64::from(terminated));
        tally.rows = tally
            .rows
            .saturating_add(line.saturating_sub(line_before).saturating_sub(own))
            .saturating_add(1);
        line_before = line;
        if open_quote(&record, end) {
            let _ = out.flush();
            let _ = log.flush();
            return Err(unclosed(tally.rows));
        }
        if is_blank(&record) {
            continue;
        }
        let row = Row {
            r: &record,
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

    let mut summary = fill(
        lang.pick(SUMMARY_KO, SUMMARY_EN),
        &[
            ("total", &tally.scored.saturating_add(tally.bad)),
            ("scored", &tally.scored),
            ("bad", &tally.bad),
        ],
    );
    if tally.not_utf8_copied > 0 {
        summary.push_str(&fill(
            lang.pick(NOT_UTF8_NOTE_KO, NOT_UTF8_NOTE_EN),
            &[("cells", &tally.not_utf8_copied)],
        ));
    }
    let _ = writeln!(log, "{summary}");
    let _ = log.flush();
    Ok(if tally.bad == 0 { EXIT_OK } else { EXIT_SOME_ROWS })
}

/// One input record and where its columns are.
struct Row<'a> {
    r: &'a csv::ByteRecord,
    cols: &'a Columns,
}

impl Row<'_> {
    /// The cell of a known column: `Ok(None)` when the column is absent, `Err` when not UTF-8.
    fn cell(&self, k: usize) -> Result<Option<&str>, ()> {
        match self.cols.known.get(k).copied().flatten() {
            None => Ok(None),
            Some(i) => std::str::from_utf8(self.r.get(i).unwrap_or_default())
                .map(Some)
                .map_err(|_| ()),
        }
    }

    /// A cell copied to the output: lossy when not UTF-8 (counted), empty when absent.
    fn copied_text(&self, i: Option<usize>, tally: &mut Tally) -> Cow<'_, str> {
        let text = String::from_utf8_lossy(i.and_then(|i| self.r.get(i)).unwrap_or_default());
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
