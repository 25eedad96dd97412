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
use std::rc::Rc;

use sme_export::dataset::Dataset;
use sme_export::engine::{check, to_won, Prepared, RawInput, Score};
use sme_export::error::{Field, InputError, Lang, Reason};
use sme_export::model::{Outcome, Question, Readiness, SmeSize};

use super::encoding::{self, Bounded, Encoding, Progress, MAX_RECORD, READ_AHEAD, TOO_LONG};
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
  (1 = best), eligible_programs, maybe_programs (program ids joined by ';'), first_sale_year
  (when the firm can first sell in the market: after the registration's review unless it said it
  is registered; blank without a route), entry_review_months (e.g. 3-6), error,
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
const RESULT: [&str; 12] = [
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
pub fn known_ids(field: Field, dataset: &Dataset, raw: &RawInput, lang: Lang) -> String {
    let (given, ids): (&str, Vec<&str>) = match field {
        Field::Sector => (
            &raw.sector,
            dataset.sectors.iter().map(|sector| sector.id.as_str()).collect(),
        ),
        Field::Market => (
            &raw.market,
            dataset.markets.iter().map(|market| market.id.as_str()).collect(),
        ),
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

impl Columns {
    /// Finds the columns named in the header row of `input`; a missing required column, a known
    /// column given twice or one named like an output column is a usage error.
    fn from_header(header: &csv::ByteRecord, input: &str) -> Result<Columns, Failure> {
        let mut columns = Columns {
            known: [None; KNOWN.len()],
            copied: Vec::new(),
            copied_names: Vec::new(),
            width: header.len(),
        };
        for position in 0..header.len() {
            let text = String::from_utf8_lossy(header.get(position).unwrap_or_default());
            let name = normalise(&text);
            match KNOWN.iter().position(|known| *known == name) {
                Some(column) => {
                    if columns.at(column).is_some() {
                        return Err(Failure::usage(format!(
                            "{input}: the column {name:?} appears twice in the header"
                        )));
                    }
                    if let Some(slot) = columns.known.get_mut(column) {
                        *slot = Some(position);
                    }
                }
                None => {
                    if RESULT.contains(&name.as_str()) || name == "row" {
                        return Err(Failure::usage(format!(
                            "{input}: the column {name:?} has the name of an output column; rename it"
                        )));
                    }
                    columns.copied.push(position);
                    columns.copied_names.push(text.trim().to_owned());
                }
            }
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .filter(|&&column| columns.at(column).is_none())
            .filter_map(|&column| KNOWN.get(column).copied())
            .collect();
        if !missing.is_empty() {
            let names: Vec<String> = (0..header.len())
                .map(|position| String::from_utf8_lossy(header.get(position).unwrap_or_default()).into_owned())
                .collect();
            return Err(Failure::usage(format!(
                "{input}: the header row has no {} column (found: {}); the first row must name the columns, \
                 with revenue, sector and market required",
                missing.join(", "),
                names.join(", ")
            )));
        }
        Ok(columns)
    }

    /// The input position of a known column (`ID`, `REVENUE`, ...), `None` when it is absent.
    fn at(&self, column: usize) -> Option<usize> {
        self.known.get(column).copied().flatten()
    }
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
            .and_then(|(name, tail)| Some((values.iter().find(|(slot, _)| *slot == name)?.1, tail)));
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

/// Counts of one run, for the summary and the exit code.
#[derive(Default)]
struct Tally {
    scored: u64,
    bad: u64,
    not_utf8_copied: u64,
}

/// The last line on stderr: how many rows were scored and how many had errors.
fn summary(tally: &Tally, lang: Lang) -> String {
    let mut text = fill(
        lang.pick(SUMMARY_KO, SUMMARY_EN),
        &[
            ("total", &tally.scored.saturating_add(tally.bad)),
            ("scored", &tally.scored),
            ("bad", &tally.bad),
        ],
    );
    if tally.not_utf8_copied > 0 {
        text.push_str(&fill(
            lang.pick(NOT_UTF8_NOTE_KO, NOT_UTF8_NOTE_EN),
            &[("cells", &tally.not_utf8_copied)],
        ));
    }
    text
}

/// The output CSV: RFC 4180 by the `csv` crate, CRLF, text cells guarded against formulas.
struct Out<W: Write> {
    csv: csv::Writer<W>,
    /// Reused for numbers and guarded cells.
    scratch: String,
    /// Reused for the lists of program ids.
    list: String,
}

fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
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
            list: String::new(),
        }
    }

    /// A text cell; one starting with = + - @ tab or CR gets a leading ' so spreadsheet programs
    /// show it instead of running it as a formula (CSV injection).
    fn text(&mut self, text: &str) -> io::Result<()> {
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            self.scratch.clear();
            self.scratch.push('\'');
            self.scratch.push_str(text);
            self.csv.write_field(self.scratch.as_bytes()).map_err(csv_io)
        } else {
            self.csv.write_field(text).map_err(csv_io)
        }
    }

    fn number(&mut self, n: u64) -> io::Result<()> {
        use std::fmt::Write as _;
        self.scratch.clear();
        // Writing to a String cannot fail.
        let _ = write!(self.scratch, "{n}");
        self.csv.write_field(self.scratch.as_bytes()).map_err(csv_io)
    }

    /// A text cell of `items` joined by ';'.
    fn list<'i>(&mut self, items: impl Iterator<Item = &'i str>) -> io::Result<()> {
        // Taken out for the call to `text`, which borrows all of `self`, and put back to be reused.
        let mut list = std::mem::take(&mut self.list);
        list.clear();
        for item in items {
            if !list.is_empty() {
                list.push(';');
            }
            list.push_str(item);
        }
        let written = self.text(&list);
        self.list = list;
        written
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
fn is_blank(record: &csv::ByteRecord) -> bool {
    record.as_slice().iter().all(u8::is_ascii_whitespace)
}

/// Runs `batch`: the header, then every row scored and written, then the summary on stderr.
pub fn run(args: BatchArgs) -> Result<u8, Failure> {
    let lang: Lang = args.common.lang.into();
    let dataset = super::dataset(args.common.dataset.as_deref())?;
    refuse_same_file(&args.input, &args.output)?;
    let mut input = Input::open(&args.input)?;
    let mut record = csv::ByteRecord::new();
    input.read_header(&mut record)?;
    let columns = Columns::from_header(&record, &args.input)?;
    let mut log = BufWriter::new(io::stderr().lock());
    let read_as = fill(
        lang.pick(READ_AS_KO, READ_AS_EN),
        &[("input", &args.input), ("encoding", &input.encoding.name())],
    );
    let _ = writeln!(log, "{read_as}");

    // Only now, with a usable header, is the output created (a failed run leaves it untouched).
    let write_failure = |e: io::Error| Failure::io("write", &args.output, &e);
    let mut out = create_output(&args.output, args.excel).map_err(write_failure)?;
    write_header(&mut out, &columns).map_err(write_failure)?;
    let prepared = Prepared::new(&dataset);
    let tally = score_rows(&mut input, &mut record, &columns, &prepared, lang, &mut out, &mut log)
        .map_err(|failure| failure.into_failure(&args.output))?;
    out.flush().map_err(write_failure)?;

    let _ = writeln!(log, "{}", summary(&tally, lang));
    let _ = log.flush();
    Ok(if tally.bad == 0 { EXIT_OK } else { EXIT_SOME_ROWS })
}

/// Refuses IN and OUT naming the same file: creating OUT would empty IN before it is read.
fn refuse_same_file(input: &str, output: &str) -> Result<(), Failure> {
    if input != "-" && output != "-" {
        if let (Ok(input_path), Ok(output_path)) = (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
            if input_path == output_path {
                return Err(Failure::usage(format!(
                    "{input}: IN and OUT are the same file; writing would destroy it"
                )));
            }
        }
    }
    Ok(())
}

/// The CSV being read ("-": standard input), as UTF-8, with what it takes to number its rows and
/// to tell a quote left open at its end.
struct Input<'a> {
    /// The path given, for messages.
    name: &'a str,
    encoding: Encoding,
    reader: csv::Reader<Bounded<Box<dyn Read>>>,
    progress: Rc<Progress>,
    /// The reader's line count after the last record: blank lines, which the reader skips, still
    /// count as rows, and the line count tells them.
    line_before: u64,
    /// The number of the last row read (1: the first record after the header).
    row: u64,
}

impl<'a> Input<'a> {
    /// Opens the file and decides its encoding.
    fn open(name: &'a str) -> Result<Self, Failure> {
        let source: Box<dyn Read> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(name).map_err(|e| Failure::io("read", name, &e))?)
        };
        let (encoding, text) = encoding::utf8_reader(source).map_err(|e| Failure::io("read", name, &e))?;
        let bounded = Bounded::new(text);
        let progress = Rc::clone(&bounded.progress);
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(usize::try_from(READ_AHEAD).unwrap_or(1 << 16))
            .from_reader(bounded);
        Ok(Input {
            name,
            encoding,
            reader,
            progress,
            line_before: 0,
            row: 0,
        })
    }

    /// Reads the header row, which the input must have, into `record`.
    fn read_header(&mut self, record: &mut csv::ByteRecord) -> Result<(), Failure> {
        match self.reader.read_byte_record(record) {
            Ok(true) => {}
            Ok(false) => {
                return Err(Failure::usage(format!(
                    "{}: empty; a header row is required",
                    self.name
                )))
            }
            Err(e) => return Err(self.read_failure(e, 0)),
        }
        let end = self.reader.position().byte();
        if self.ends_inside_quotes(record, end) {
            return Err(self.unclosed(0));
        }
        self.progress.record_end.set(end);
        self.line_before = self.reader.position().line();
        Ok(())
    }

    /// Reads the next record into `record`, `false` at the end of the input, and numbers it in
    /// `self.row`.
    fn next_row(&mut self, record: &mut csv::ByteRecord) -> Result<bool, Failure> {
        match self.reader.read_byte_record(record) {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            // The failure names the row that could not be read.
            Err(e) => return Err(self.read_failure(e, self.row.saturating_add(1))),
        }
        let end = self.reader.position().byte();
        self.progress.record_end.set(end);
        // Lines read for this record, less its own (line breaks inside quoted cells and its
        // terminating one): the blank lines before it, which the reader skipped.
        let line = self.reader.position().line();
        let inside = record.as_slice().iter().filter(|&&byte| byte == b'\n').count() as u64;
        let terminated = !(end == self.progress.read.get() && self.progress.last.get() != Some(b'\n'));
        let own = inside.saturating_add(u64::from(terminated));
        self.row = self
            .row
            .saturating_add(line.saturating_sub(self.line_before).saturating_sub(own))
            .saturating_add(1);
        self.line_before = line;
        if self.ends_inside_quotes(record, end) {
            return Err(self.unclosed(self.row));
        }
        Ok(true)
    }

    /// True when the input ended inside a quoted cell: the record ends where the input does, and
    /// its last field holds the file's final line break.
    fn ends_inside_quotes(&self, record: &csv::ByteRecord, end: u64) -> bool {
        end == self.progress.read.get()
            && self.progress.last.get().is_some_and(|last| {
                (last == b'\n' || last == b'\r')
                    && record
                        .iter()
                        .next_back()
                        .is_some_and(|field| field.last() == Some(&last))
            })
    }

    fn unclosed(&self, row: u64) -> Failure {
        Failure::usage(format!(
            "{}: row {row}: a quoted cell is not closed before the end of the file",
            self.name
        ))
    }

    fn read_failure(&self, error: csv::Error, row: u64) -> Failure {
        match csv_io(error) {
            e if e.to_string() == TOO_LONG => Failure::usage(format!(
                "{}: row {row}: the record is longer than {MAX_RECORD} bytes (a quote not closed?)",
                self.name
            )),
            e => Failure::io("read", self.name, &e),
        }
    }
}

/// Creates the output file ("-": standard output), starting with a UTF-8 BOM for `--excel`.
fn create_output(name: &str, excel: bool) -> io::Result<Out<BufWriter<Box<dyn Write>>>> {
    let mut sink: Box<dyn Write> = if name == "-" {
        Box::new(io::stdout().lock())
    } else {
        Box::new(File::create(name)?)
    };
    if excel {
        sink.write_all(b"\xEF\xBB\xBF")?;
    }
    Ok(Out::new(BufWriter::with_capacity(1 << 16, sink)))
}

/// The output's header row: `id` (or `row`), the result columns, then the copied columns under
/// their own header text.
fn write_header<W: Write>(out: &mut Out<W>, columns: &Columns) -> io::Result<()> {
    out.text(if columns.at(ID).is_some() { "id" } else { "row" })?;
    for name in RESULT
        .iter()
        .copied()
        .chain(columns.copied_names.iter().map(String::as_str))
    {
        out.text(name)?;
    }
    out.end()
}

/// Why the rows stopped: the input could not be read (the failure says why) or the output could
/// not be written.
enum RowsFailure {
    Read(Failure),
    Write(io::Error),
}

impl RowsFailure {
    /// The failure to report; `output` names the file a write failed on.
    fn into_failure(self, output: &str) -> Failure {
        match self {
            RowsFailure::Read(failure) => failure,
            RowsFailure::Write(e) => Failure::io("write", output, &e),
        }
    }
}

/// Scores and writes every row after the header, reporting bad rows on `log`; the counts.
fn score_rows<W: Write>(
    input: &mut Input,
    record: &mut csv::ByteRecord,
    columns: &Columns,
    prepared: &Prepared,
    lang: Lang,
    out: &mut Out<W>,
    log: &mut impl Write,
) -> Result<Tally, RowsFailure> {
    let mut tally = Tally::default();
    loop {
        match input.next_row(record) {
            Ok(true) => {}
            Ok(false) => return Ok(tally),
            Err(failure) => {
                // Keep what was written before the row that could not be read.
                let _ = out.flush();
                let _ = log.flush();
                return Err(RowsFailure::Read(failure));
            }
        }
        if is_blank(record) {
            continue;
        }
        let row = Row { record, columns };
        let result = row.score(prepared, lang);
        write_row(out, &row, input.row, result, prepared.dataset(), &mut tally, log).map_err(RowsFailure::Write)?;
    }
}

/// Writes one row of the output: its id (or number), its result or its error, then its copied
/// cells; a bad row is also reported on `log`, as `row N (id X): ...`.
fn write_row<W: Write>(
    out: &mut Out<W>,
    row: &Row,
    number: u64,
    result: Result<Score, Vec<String>>,
    dataset: &Dataset,
    tally: &mut Tally,
    log: &mut impl Write,
) -> io::Result<()> {
    let id = row.columns.at(ID).map(|position| row.copied_text(position, tally));
    match &id {
        Some(id) => out.text(id)?,
        None => out.number(number)?,
    }
    match result {
        Ok(score) => {
            tally.scored = tally.scored.saturating_add(1);
            write_score(out, &score, dataset)?;
        }
        Err(errors) => {
            tally.bad = tally.bad.saturating_add(1);
            let message = errors.join("; ");
            write_error(out, &message)?;
            let _ = match &id {
                Some(id) => writeln!(log, "row {number} (id {id}): {message}"),
                None => writeln!(log, "row {number}: {message}"),
            };
        }
    }
    for &position in &row.columns.copied {
        let cell = row.copied_text(position, tally);
        out.text(&cell)?;
    }
    out.end()
}

/// The result columns of a scored row, the error column left empty.
fn write_score<W: Write>(out: &mut Out<W>, score: &Score, dataset: &Dataset) -> io::Result<()> {
    out.text(size_key(score.size))?;
    for krw in [score.base_krw, score.low_krw, score.high_krw, score.untapped_krw] {
        out.number(to_won(krw))?;
    }
    match score.best_market.and_then(|index| dataset.markets.get(index)) {
        Some(market) => out.text(&market.id)?,
        None => out.empty()?,
    }
    out.number(u64::from(score.rank))?;
    for wanted in [Outcome::Eligible, Outcome::Maybe] {
        out.list(
            dataset
                .programs
                .iter()
                .zip(&score.outcomes)
                .filter(|(_, outcome)| **outcome == wanted)
                .map(|(program, _)| program.id.as_str()),
        )?;
    }
    match sme_export::entry::first_sale_year(&score.entry, dataset.price_year) {
        Some(year) => out.number(u64::try_from(year).unwrap_or(0))?,
        None => out.empty()?,
    }
    match (score.entry.months_min, score.entry.months_max) {
        (Some(min), Some(max)) => out.text(&format!("{min}-{max}"))?,
        _ => out.empty()?,
    }
    out.empty()
}

/// The result columns of a bad row: all empty but the error.
fn write_error<W: Write>(out: &mut Out<W>, message: &str) -> io::Result<()> {
    for _ in 0..RESULT.len().saturating_sub(1) {
        out.empty()?;
    }
    out.text(message)
}

/// One input record and where its columns are.
struct Row<'a> {
    record: &'a csv::ByteRecord,
    columns: &'a Columns,
}

impl Row<'_> {
    /// The cell of a known column: `Ok(None)` when the column is absent, `Err` when not UTF-8.
    fn cell(&self, column: usize) -> Result<Option<&str>, ()> {
        match self.columns.at(column) {
            None => Ok(None),
            Some(position) => std::str::from_utf8(self.record.get(position).unwrap_or_default())
                .map(Some)
                .map_err(|_| ()),
        }
    }

    /// A cell copied to the output: lossy when not UTF-8 (counted), empty when absent.
    fn copied_text(&self, position: usize, tally: &mut Tally) -> Cow<'_, str> {
        let text = String::from_utf8_lossy(self.record.get(position).unwrap_or_default());
        if matches!(text, Cow::Owned(_)) {
            tally.not_utf8_copied = tally.not_utf8_copied.saturating_add(1);
        }
        text
    }

    /// Checks and scores the row; `Err` holds one message per problem, in `lang`.
    fn score(&self, prepared: &Prepared, lang: Lang) -> Result<Score, Vec<String>> {
        if self.record.len() != self.columns.width {
            return Err(vec![self.width_error(lang)]);
        }
        let dataset = prepared.dataset();
        let mut errors: Vec<String> = Vec::new();
        let mut parse_failed: Vec<Field> = Vec::new();
        let raw = self.raw_input(lang, &mut errors, &mut parse_failed);
        match check(&raw, dataset) {
            Ok(input) if errors.is_empty() => Ok(prepared.score(&input)),
            Ok(_) => Err(errors),
            Err(found) => {
                // A cell that did not parse was passed on as blank: keep its parse error only.
                for error in found.iter().filter(|error| !parse_failed.contains(&error.field)) {
                    let mut message = input_error(error, lang);
                    if error.reason == Reason::Unknown {
                        message.push_str(&known_ids(error.field, dataset, &raw, lang));
                    }
                    errors.push(message);
                }
                Err(errors)
            }
        }
    }

    /// The message for a row whose number of cells is not the header's.
    fn width_error(&self, lang: Lang) -> String {
        match lang {
            Lang::Ko => format!(
                "칸 수({})가 머리글의 칸 수({})와 다릅니다.",
                self.record.len(),
                self.columns.width
            ),
            Lang::En => format!(
                "the row has {} cells, the header {}.",
                self.record.len(),
                self.columns.width
            ),
        }
    }

    /// The row's cells as the engine's input. A cell that is not UTF-8 or does not parse is
    /// passed on as blank, with its message in `errors`; the fields of the amounts that did not
    /// parse go to `parse_failed`.
    fn raw_input(&self, lang: Lang, errors: &mut Vec<String>, parse_failed: &mut Vec<Field>) -> RawInput {
        let not_utf8 = |column: usize| {
            let name = KNOWN.get(column).copied().unwrap_or_default();
            match lang {
                Lang::Ko => {
                    format!("[{name}] UTF-8 글자가 아닙니다. 'CSV UTF-8' 형식으로 저장해 주세요.")
                }
                Lang::En => format!("[{name}] not UTF-8 text; save the file as \"CSV UTF-8\"."),
            }
        };
        let text = |column: usize, errors: &mut Vec<String>| match self.cell(column) {
            Ok(text) => text,
            Err(()) => {
                errors.push(not_utf8(column));
                None
            }
        };
        let amount_at = |column: usize, field: Field, errors: &mut Vec<String>, failed: &mut Vec<Field>| match amount(
            text(column, errors),
            field,
        ) {
            Ok(value) => value,
            Err(error) => {
                failed.push(field);
                errors.push(input_error(&error, lang));
                None
            }
        };
        let revenue = amount_at(REVENUE, Field::RevenueKrw, errors, parse_failed);
        let current = amount_at(CURRENT, Field::CurrentExportsKrw, errors, parse_failed);
        let to_market = amount_at(TO_MARKET, Field::ExportsToMarketKrw, errors, parse_failed);
        let assets = amount_at(ASSETS, Field::TotalAssetsKrw, errors, parse_failed);
        let answer = |column: usize, question: Option<Question>, errors: &mut Vec<String>| match self.cell(column) {
            Err(()) => {
                errors.push(not_utf8(column));
                None
            }
            Ok(text) => match yes_no(text.unwrap_or("")) {
                Ok(answer) => answer,
                Err(()) => {
                    let name = KNOWN.get(column).copied().unwrap_or_default();
                    errors.push(["[", name, "] ", &yes_no_error(question, lang)].concat());
                    None
                }
            },
        };
        let readiness = Readiness {
            certification: answer(CERTIFICATION, Some(Question::Certification), errors),
            local_partner: answer(PARTNER, Some(Question::LocalPartner), errors),
            export_experience: answer(EXPERIENCE, Some(Question::ExportExperience), errors),
            local_language: answer(LANGUAGE, Some(Question::LocalLanguage), errors),
        };
        let medical_corporation = answer(MED_CORP, None, errors);
        let id_text = |column: usize, errors: &mut Vec<String>| match self.cell(column) {
            Ok(text) => text.unwrap_or("").trim().to_owned(),
            Err(()) => {
                errors.push(not_utf8(column));
                String::new()
            }
        };
        RawInput {
            revenue_krw: revenue,
            sector: id_text(SECTOR, errors),
            market: id_text(MARKET, errors),
            current_exports_krw: current,
            exports_to_market_krw: to_market,
            total_assets_krw: assets,
            medical_corporation,
            readiness,
            lang,
            today: None,
        }
    }
}

/// An engine error as a cell: `[column] label: reason`.
fn input_error(error: &InputError, lang: Lang) -> String {
    ["[", column_of(error.field), "] ", error.message(lang)].concat()
}
