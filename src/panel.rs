//! The reference panel: a fixed set of firms (`data/panel.csv`, chosen as docs/PANEL.md says)
//! whose outcomes are pinned, so a change of code or figures shows, firm by firm, what it changes.
//!
//! - `read_panel` reads the panel CSV into `RawInput`s (text in, values out: no I/O here).
//! - `outcomes` runs every firm through one dataset on the batch scorer's text-free path
//!   (`engine::check` + `Prepared::score`, plus the SME table in force), so
//!   nothing here depends on how a result is worded.
//! - `outcomes_csv` / `read_outcomes` write and read the pinned artefact
//!   (`tests/data/panel-outcomes.csv`); `diff` lists every cell that differs (firm, field, before,
//!   after). `tests/panel.rs` fails on any difference.
//! - `compare` is the review of a figure update: the panel through an old and a new dataset,
//!   counts per kind of change first, then the rows, largest first (`sme-export compare` and the
//!   validator page's `comparePanel`).

use serde::Serialize;

use crate::amount::parse_amount;
use crate::dataset::Dataset;
use crate::engine::{check, to_won, Prepared, RawInput};
use crate::error::Lang;
use crate::model::{Outcome, Readiness, SmeSize};
use crate::sme;

/// The columns of the panel CSV (any order; other columns, such as `note`, are ignored).
const COLUMNS: [&str; 13] = [
    "id",
    "sector",
    "revenue",
    "total_assets",
    "current_exports",
    "exports_to_market",
    "certification",
    "local_partner",
    "export_experience",
    "local_language",
    "medical_corporation",
    "market",
    "today",
];

/// A potential that moves by more than this share of its old value counts as changed in
/// `compare` (smaller moves are listed by `diff`, which pins every won).
pub const POTENTIAL_SHARE: f64 = 0.10;

/// One firm of the panel.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelFirm {
    pub id: String,
    pub input: RawInput,
}

/// Why a panel (or a pinned-outcomes) CSV cannot be used: the line and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PanelError {
    /// 1-based line of the CSV (1 = header); 0 when not tied to a line.
    pub line: u64,
    pub message: String,
}

impl core::fmt::Display for PanelError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

fn error_at(line: u64, message: impl Into<String>) -> PanelError {
    PanelError {
        line,
        message: message.into(),
    }
}

fn csv_error(e: &csv::Error) -> PanelError {
    let line = e.position().map_or(0, csv::Position::line);
    error_at(line, e.to_string())
}

/// Reads the header and every record of a CSV text (a BOM is skipped).
fn records(text: &str) -> Result<(csv::StringRecord, Vec<(u64, csv::StringRecord)>), PanelError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(&e))?.clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, csv::Position::line);
        rows.push((line, record));
    }
    Ok((header, rows))
}

/// Reads the panel CSV: one firm per row, amounts in won (Korean forms accepted), answers
/// yes/no or blank. Every problem is an error naming the line: the panel is ours and must be
/// exactly what it says.
pub fn read_panel(text: &str) -> Result<Vec<PanelFirm>, PanelError> {
    let (header, rows) = records(text)?;
    let mut index = [0usize; COLUMNS.len()];
    for (slot, name) in index.iter_mut().zip(COLUMNS) {
        *slot = header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| error_at(1, format!("the panel has no column \"{name}\"")))?;
    }
    let mut firms = Vec::with_capacity(rows.len());
    for (line, record) in rows {
        let cell = |column: usize| -> &str { index.get(column).and_then(|&i| record.get(i)).map_or("", str::trim) };
        let amount = |column: usize| -> Result<Option<f64>, PanelError> {
            match cell(column) {
                "" => Ok(None),
                text => parse_amount(text).map(|won| Some(won as f64)).map_err(|reason| {
                    error_at(
                        line,
                        format!(
                            "{}: \"{text}\" is not an amount ({})",
                            COLUMNS.get(column).copied().unwrap_or("?"),
                            reason.key()
                        ),
                    )
                }),
            }
        };
        let answer = |column: usize| -> Result<Option<bool>, PanelError> {
            match cell(column) {
                "" => Ok(None),
                "yes" => Ok(Some(true)),
                "no" => Ok(Some(false)),
                other => Err(error_at(
                    line,
                    format!(
                        "{}: \"{other}\" is not yes, no or blank",
                        COLUMNS.get(column).copied().unwrap_or("?")
                    ),
                )),
            }
        };
        let id = cell(0).to_owned();
        if id.is_empty() {
            return Err(error_at(line, "id: empty"));
        }
        if firms.iter().any(|f: &PanelFirm| f.id == id) {
            return Err(error_at(line, format!("id: \"{id}\" appears twice")));
        }
        let revenue = amount(2)?.ok_or_else(|| error_at(line, "revenue: empty"))?;
        let input = RawInput {
            revenue_krw: Some(revenue),
            sector: cell(1).to_owned(),
            market: cell(11).to_owned(),
            current_exports_krw: amount(4)?,
            exports_to_market_krw: amount(5)?,
            total_assets_krw: amount(3)?,
            medical_corporation: answer(10)?,
            readiness: Readiness {
                certification: answer(6)?,
                local_partner: answer(7)?,
                export_experience: answer(8)?,
                local_language: answer(9)?,
            },
            lang: Lang::En,
            today: Some(cell(12).to_owned()).filter(|t| !t.is_empty()),
        };
        firms.push(PanelFirm { id, input });
    }
    Ok(firms)
}

/// What the panel pins for one firm under one dataset. Amounts in whole won.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scored {
    pub size: SmeSize,
    /// The effective date of the SME table applied on the firm's day (`sme::table_effective`).
    pub table: String,
    pub base_krw: u64,
    pub low_krw: u64,
    pub high_krw: u64,
    pub untapped_krw: u64,
    /// Rank of the chosen market, 1 = best.
    pub market_rank: u32,
    /// Id of the best market for this firm.
    pub best_market: String,
    /// The year of the first sale at the base (blank without a route or its time).
    pub first_sale_year: Option<i32>,
    /// Each program's outcome, by program id, in dataset order.
    pub programs: Vec<(String, Outcome)>,
}

/// One firm's outcome: scored, or the input errors (field and reason keys, e.g.
/// "sector:unknown") when the dataset does not accept the firm (a sector or market removed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirmOutcome {
    pub id: String,
    pub outcome: Result<Scored, String>,
}

/// Runs every panel firm through one dataset.
pub fn outcomes(panel: &[PanelFirm], ds: &Dataset) -> Vec<FirmOutcome> {
    let prepared = Prepared::new(ds);
    panel
        .iter()
        .map(|firm| {
            let outcome = match check(&firm.input, ds) {
                Ok(input) => {
                    let s = prepared.score(&input);
                    Ok(Scored {
                        size: s.size,
                        table: sme::table_effective(&input, ds).to_owned(),
                        base_krw: to_won(s.base_krw),
                        low_krw: to_won(s.low_krw),
                        high_krw: to_won(s.high_krw),
                        untapped_krw: to_won(s.untapped_krw),
                        market_rank: s.rank,
                        best_market: s
                            .best_market
                            .and_then(|i| ds.markets.get(i))
                            .map(|m| m.id.clone())
                            .unwrap_or_default(),
                        first_sale_year: crate::entry::first_sale_year(&s.entry, ds.price_year),
                        programs: ds.programs.iter().map(|p| p.id.clone()).zip(s.outcomes).collect(),
                    })
                }
                Err(errors) => Err(errors
                    .iter()
                    .map(|e| [e.field.key(), ":", e.reason.key()].concat())
                    .collect::<Vec<_>>()
                    .join(";")),
            };
            FirmOutcome {
                id: firm.id.clone(),
                outcome,
            }
        })
        .collect()
}

/// A field of a firm's outcome, as compared and as written in the artefact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "field", content = "program")]
pub enum OutcomeField {
    SmeSize,
    SmeTable,
    BaseKrw,
    LowKrw,
    HighKrw,
    UntappedKrw,
    MarketRank,
    BestMarket,
    FirstSaleYear,
    /// One program's outcome, by program id.
    Program(String),
    /// The input errors of a firm the dataset does not accept.
    Error,
}

/// The kind of change a field belongs to, in the order `compare` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    SmeStatus,
    Potential,
    Ranking,
    Program,
    /// The firm is accepted by one dataset and not the other.
    Invalid,
}

impl OutcomeField {
    /// The artefact's column name.
    pub fn name(&self) -> String {
        match self {
            OutcomeField::SmeSize => "sme_size".into(),
            OutcomeField::SmeTable => "sme_table".into(),
            OutcomeField::BaseKrw => "base_krw".into(),
            OutcomeField::LowKrw => "low_krw".into(),
            OutcomeField::HighKrw => "high_krw".into(),
            OutcomeField::UntappedKrw => "untapped_krw".into(),
            OutcomeField::MarketRank => "market_rank".into(),
            OutcomeField::BestMarket => "best_market".into(),
            OutcomeField::FirstSaleYear => "first_sale_year".into(),
            OutcomeField::Program(id) => ["program:", id].concat(),
            OutcomeField::Error => "error".into(),
        }
    }

    pub fn kind(&self) -> ChangeKind {
        match self {
            OutcomeField::SmeSize | OutcomeField::SmeTable => ChangeKind::SmeStatus,
            OutcomeField::BaseKrw | OutcomeField::LowKrw | OutcomeField::HighKrw | OutcomeField::UntappedKrw => {
                ChangeKind::Potential
            }
            OutcomeField::MarketRank | OutcomeField::BestMarket => ChangeKind::Ranking,
            // When the firm can first sell moves its projection: a change of potential.
            OutcomeField::FirstSaleYear => ChangeKind::Potential,
            OutcomeField::Program(_) => ChangeKind::Program,
            OutcomeField::Error => ChangeKind::Invalid,
        }
    }
}

fn size_key(size: SmeSize) -> &'static str {
    match size {
        SmeSize::Small => "small",
        SmeSize::Medium => "medium",
        SmeSize::None => "none",
    }
}

fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Eligible => "eligible",
        Outcome::Maybe => "maybe",
        Outcome::Ineligible => "ineligible",
    }
}

/// A value of a field: text as the artefact writes it, and the amount for potentials.
#[derive(Debug, Clone, PartialEq)]
struct Value {
    text: String,
    krw: Option<u64>,
}

fn text(t: impl Into<String>) -> Value {
    Value {
        text: t.into(),
        krw: None,
    }
}

fn won(krw: u64) -> Value {
    Value {
        text: krw.to_string(),
        krw: Some(krw),
    }
}

/// The fields of one outcome, in artefact order. A firm not accepted has only `Error`.
fn fields(outcome: &Result<Scored, String>) -> Vec<(OutcomeField, Value)> {
    match outcome {
        Err(e) => vec![(OutcomeField::Error, text(e.as_str()))],
        Ok(s) => {
            let mut out = vec![
                (OutcomeField::SmeSize, text(size_key(s.size))),
                (OutcomeField::SmeTable, text(s.table.as_str())),
                (OutcomeField::BaseKrw, won(s.base_krw)),
                (OutcomeField::LowKrw, won(s.low_krw)),
                (OutcomeField::HighKrw, won(s.high_krw)),
                (OutcomeField::UntappedKrw, won(s.untapped_krw)),
                (OutcomeField::MarketRank, text(s.market_rank.to_string())),
                (OutcomeField::BestMarket, text(s.best_market.as_str())),
                (
                    OutcomeField::FirstSaleYear,
                    text(s.first_sale_year.map(|y| y.to_string()).unwrap_or_default()),
                ),
            ];
            out.extend(
                s.programs
                    .iter()
                    .map(|(id, o)| (OutcomeField::Program(id.clone()), text(outcome_key(*o)))),
            );
            out
        }
    }
}

/// The pinned artefact: a header (`id`, the fields, one `program:ID` column per program of the
/// dataset, `error`), then one row per firm. Readable and diffable line by line.
pub fn outcomes_csv(outcomes: &[FirmOutcome]) -> String {
    let mut columns: Vec<OutcomeField> = Vec::new();
    for o in outcomes {
        for (field, _) in fields(&o.outcome) {
            if !columns.contains(&field) {
                columns.push(field);
            }
        }
    }
    // `error` last, whether or not a firm has one, so the header stays put.
    columns.retain(|c| *c != OutcomeField::Error);
    columns.push(OutcomeField::Error);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header: Vec<String> = core::iter::once("id".to_owned())
        .chain(columns.iter().map(OutcomeField::name))
        .collect();
    // Writing to a Vec cannot fail; an error would only drop the row, which the test would show.
    let _ = writer.write_record(&header);
    for o in outcomes {
        let values = fields(&o.outcome);
        let row: Vec<&str> = core::iter::once(o.id.as_str())
            .chain(
                columns
                    .iter()
                    .map(|c| values.iter().find(|(f, _)| f == c).map_or("", |(_, v)| v.text.as_str())),
            )
            .collect();
        let _ = writer.write_record(&row);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// A pinned artefact as read back: per firm, (column, value) in column order.
pub type Pinned = Vec<(String, Vec<(String, String)>)>;

/// Reads an artefact written by `outcomes_csv`.
pub fn read_outcomes(text: &str) -> Result<Pinned, PanelError> {
    let (header, rows) = records(text)?;
    if header.get(0) != Some("id") {
        return Err(error_at(1, "the first column must be \"id\""));
    }
    Ok(rows
        .into_iter()
        .map(|(_, r)| {
            let id = r.get(0).unwrap_or_default().to_owned();
            let cells = header
                .iter()
                .zip(r.iter())
                .skip(1)
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect();
            (id, cells)
        })
        .collect())
}

/// One cell that differs: firm, field (artefact column), before and after ("" = absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellChange {
    pub firm: String,
    pub field: String,
    pub before: String,
    pub after: String,
}

/// Every cell that differs between two artefacts, firm by firm in `before`'s order, then firms
/// only in `after`. A firm missing on one side is one change of field `id`.
pub fn diff(before: &Pinned, after: &Pinned) -> Vec<CellChange> {
    let mut out = Vec::new();
    let change = |firm: &str, field: &str, b: &str, a: &str| CellChange {
        firm: firm.to_owned(),
        field: field.to_owned(),
        before: b.to_owned(),
        after: a.to_owned(),
    };
    for (id, cells) in before {
        let Some((_, new_cells)) = after.iter().find(|(i, _)| i == id) else {
            out.push(change(id, "id", id, ""));
            continue;
        };
        let lookup = |cells: &[(String, String)], name: &str| {
            cells
                .iter()
                .find(|(c, _)| c == name)
                .map_or(String::new(), |(_, v)| v.clone())
        };
        let mut names: Vec<&str> = cells.iter().map(|(c, _)| c.as_str()).collect();
        for (c, _) in new_cells {
            if !names.contains(&c.as_str()) {
                names.push(c);
            }
        }
        for name in names {
            let (b, a) = (lookup(cells, name), lookup(new_cells, name));
            if b != a {
                out.push(change(id, name, &b, &a));
            }
        }
    }
    for (id, _) in after {
        if !before.iter().any(|(i, _)| i == id) {
            out.push(change(id, "id", "", id));
        }
    }
    out
}

/// One changed outcome in a comparison of two datasets.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub firm: String,
    pub kind: ChangeKind,
    /// The artefact's column name ("sme_size", "program:export_voucher", ...).
    pub field: String,
    pub before: String,
    pub after: String,
    /// For potentials: (after - before) / before; `None` when before is zero or for other fields.
    pub relative: Option<f64>,
}

/// How many firms have at least one change of a kind, with the kind's words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindCount {
    pub kind: ChangeKind,
    pub label: String,
    pub firms: usize,
}

/// The panel through an old and a new dataset: counts first, then the changes, largest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub firms: usize,
    /// Firms with at least one counted change.
    pub firms_changed: usize,
    /// `POTENTIAL_SHARE`: a potential counts as changed when it moves by more than this share.
    pub potential_share: f64,
    pub counts: Vec<KindCount>,
    /// By kind (`ChangeKind` order), potentials by the size of the move, then panel order.
    pub changes: Vec<Change>,
    /// One line saying what changed, in the requested language.
    pub summary: String,
}

/// The words of a kind of change.
pub fn kind_label(kind: ChangeKind, lang: Lang) -> &'static str {
    match kind {
        ChangeKind::Invalid => lang.pick("새 데이터로 계산할 수 없는 기업", "firms the new dataset cannot score"),
        ChangeKind::SmeStatus => lang.pick("중소기업 판정이 바뀌는 기업", "firms whose SME status changes"),
        ChangeKind::Program => lang.pick("지원제도 결과가 바뀌는 기업", "firms whose programme outcome changes"),
        ChangeKind::Ranking => lang.pick("시장 순위가 바뀌는 기업", "firms whose market ranking changes"),
        ChangeKind::Potential => lang.pick(
            "수출 가능액이 10% 넘게 바뀌는 기업",
            "firms whose potential moves by more than 10 %",
        ),
    }
}

/// Every kind, in report order.
const KINDS: [ChangeKind; 5] = [
    ChangeKind::SmeStatus,
    ChangeKind::Potential,
    ChangeKind::Ranking,
    ChangeKind::Program,
    ChangeKind::Invalid,
];

/// Compares the panel's outcomes under `old` and `new`. Every change of SME status, ranking,
/// program outcome or validity is listed; a potential only when it moves by more than
/// `POTENTIAL_SHARE` of its old value (or from zero to more than zero).
pub fn compare(panel: &[PanelFirm], old: &Dataset, new: &Dataset, lang: Lang) -> Comparison {
    let before = outcomes(panel, old);
    let after = outcomes(panel, new);
    let mut changes = Vec::new();
    for (b, a) in before.iter().zip(&after) {
        let (fb, fa) = (fields(&b.outcome), fields(&a.outcome));
        let mut names: Vec<&OutcomeField> = fb.iter().map(|(f, _)| f).collect();
        for (f, _) in &fa {
            if !names.contains(&f) {
                names.push(f);
            }
        }
        // A firm accepted by one side only: one change, its error; the rest would be noise.
        let names: Vec<&OutcomeField> = if b.outcome.is_ok() != a.outcome.is_ok() {
            vec![&OutcomeField::Error]
        } else {
            names
        };
        for field in names {
            let get = |fs: &[(OutcomeField, Value)]| fs.iter().find(|(f, _)| f == field).map(|(_, v)| v.clone());
            let (vb, va) = (get(&fb), get(&fa));
            let tb = vb.as_ref().map_or("", |v| v.text.as_str());
            let ta = va.as_ref().map_or("", |v| v.text.as_str());
            if tb == ta {
                continue;
            }
            let kind = field.kind();
            let amounts = (vb.as_ref().and_then(|v| v.krw), va.as_ref().and_then(|v| v.krw));
            let relative = match amounts {
                (Some(x), Some(y)) if x > 0 => Some((y as f64 - x as f64) / x as f64),
                _ => None,
            };
            if kind == ChangeKind::Potential {
                let counted = match (amounts, relative) {
                    (_, Some(r)) => r.abs() > POTENTIAL_SHARE,
                    ((Some(0), Some(y)), None) => y > 0,
                    _ => true,
                };
                if !counted {
                    continue;
                }
            }
            changes.push(Change {
                firm: a.id.clone(),
                kind,
                field: field.name(),
                before: tb.to_owned(),
                after: ta.to_owned(),
                relative,
            });
        }
    }
    let order = |c: &Change| c.relative.map_or(f64::INFINITY, f64::abs);
    // Stable: within a kind, larger moves first, otherwise panel order.
    changes.sort_by(|x, y| x.kind.cmp(&y.kind).then_with(|| order(y).total_cmp(&order(x))));
    let firms_with = |kind: Option<ChangeKind>| {
        let mut ids: Vec<&str> = changes
            .iter()
            .filter(|c| kind.is_none_or(|k| c.kind == k))
            .map(|c| c.firm.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let counts: Vec<KindCount> = KINDS
        .iter()
        .map(|&kind| KindCount {
            kind,
            label: kind_label(kind, lang).to_owned(),
            firms: firms_with(Some(kind)),
        })
        .collect();
    let firms_changed = firms_with(None);
    let summary = match lang {
        Lang::Ko => format!("기준 기업 {}곳 중 {}곳의 결과가 바뀝니다.", panel.len(), firms_changed),
        Lang::En => format!(
            "{} of the {} reference firms get a different outcome.",
            firms_changed,
            panel.len()
        ),
    };
    Comparison {
        firms: panel.len(),
        firms_changed,
        potential_share: POTENTIAL_SHARE,
        counts,
        changes,
        summary,
    }
}
