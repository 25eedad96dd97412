//! The dataset: every figure, table, market and program the engine uses, read from one JSON file.
//!
//! The default dataset (`data/dataset.json`) is compiled into the crate; a ministry can load its own
//! at run time. These are the typed records; `load` builds them from JSON, collecting every
//! problem with its JSON path instead of stopping at the first (no serde derive on the way in:
//! derive stops at the first error and costs bytes in the Wasm bundle).
//!
//! Invariants after a successful `Dataset::from_json`:
//! - every id (sector, market, program) is unique and non-empty;
//! - every figure is finite and non-negative, shares lie in [0, 1], and carries a source or
//!   `assumption: true`;
//! - there is at least one SME table, each with its own id and effective date; every sector has
//!   a row in every SME table, every possible upper bound is at least its certain value;
//! - every programme has a status and the ISO date it was checked;
//! - every sector/market named in a rule exists;
//! - the plan's target year is after its base year and within 50 years of it;
//! - there is an exchange rate for the price year, and `exchange_rate` is it.

use serde::Serialize;

use crate::error::Lang;
pub use crate::vocab::{FtaStatus, ProgramStatus, Representative, StepKind};
use crate::vocab::{Question, SmeSize};

/// Text in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Text {
    pub ko: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ko, &self.en)
    }
}

/// One number with where it comes from. A figure without a source must say `assumption: true`,
/// and the widget shows it as an assumption.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    pub value: f64,
    pub unit: String,
    pub source: String,
    /// The year the figure describes (not the year it was published).
    pub year: Option<i32>,
    pub assumption: bool,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dataset {
    /// Schema tag, "sme-export-dataset/1".
    pub schema: String,
    /// The dataset's own version, shown in the widget's footer.
    pub version: String,
    /// The date the figures were last checked, ISO "YYYY-MM-DD".
    pub figures_as_of: String,
    pub title: Text,
    /// The year every money figure is brought to, and the projection's first year.
    pub price_year: i32,
    /// The projection runs `price_year ..= price_year + projection_years`.
    pub projection_years: i32,
    /// Sourced annual exchange rates; the loader requires one for `price_year`.
    pub exchange_rates: Vec<YearRate>,
    /// The rate of `price_year` (from `exchange_rates`, set by the loader): every USD amount is
    /// converted at it.
    pub exchange_rate: ExchangeRate,
    pub plan: Plan,
    pub method: MethodParams,
    pub sme: SmeRules,
    /// Korea's share of world goods exports (all products): the supply term of the pair-level
    /// ease of trade (ITC's), with each market's `goods_trade`.
    pub korea_world_goods_share: Option<Figure>,
    pub sectors: Vec<Sector>,
    pub regions: Vec<Region>,
    pub markets: Vec<Market>,
    pub programs: Vec<Program>,
    /// How to enter each market, per sector: the registration or licensing route (rules as data).
    pub entry_routes: Vec<EntryRoute>,
}

/// How a firm of some sectors gets into one market: the regulator, the steps, the time and the
/// cost, each with its source; or, where not verified, whom to ask.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryRoute {
    pub id: String,
    pub market: String,
    pub sectors: Vec<String>,
    /// False when the route itself is not sourced beyond a consultancy page: shown as such, with
    /// whom to ask.
    pub verified: bool,
    pub regulator: Text,
    /// The route in one sentence, and what shortens it.
    pub route: Text,
    pub local_representative: Representative,
    /// The steps in order.
    pub steps: Vec<EntryStep>,
    /// The documents that matter.
    pub documents: Vec<Text>,
    /// The typical review time, months.
    pub review_months: Option<MonthRange>,
    /// Official fees where found (consultancy figures are assumptions).
    pub fees: Vec<Fee>,
    /// How long the registration lasts and how it is renewed.
    pub validity: Option<Text>,
    /// Whom to ask.
    pub ask_at: Text,
    pub source: String,
    /// The day the route was last checked, ISO.
    pub checked: String,
}

/// One step of an entry route.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryStep {
    pub text: Text,
    pub kind: StepKind,
    /// Programmes (ids in `programs`) that can pay for this step.
    pub paid_by: Vec<String>,
}

/// A time range in months, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthRange {
    pub min: f64,
    pub max: f64,
    pub source: String,
    pub year: Option<i32>,
    pub assumption: bool,
}

/// An official fee, in its own currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fee {
    pub label: Text,
    #[serde(flatten)]
    pub figure: Figure,
}

/// A group of markets ("middle_east", "central_asia").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExchangeRate {
    /// KRW per USD.
    pub krw_per_usd: Figure,
}

/// One year's average exchange rate (KRW per USD).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearRate {
    pub year: i32,
    pub krw_per_usd: Figure,
}

/// The national plan the widget is framed by.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub name: Text,
    pub announced: String,
    pub source: String,
    pub base_year: i32,
    pub target_year: i32,
    /// Medical exports in the base year, KRW.
    pub base_exports_krw: Figure,
    /// Target medical exports in the target year, KRW.
    pub target_exports_krw: Figure,
    /// The rate implied by the article's own figures (2.5조 = US$ 2.4 bn): used for nothing but
    /// the plan's dollar figure.
    pub implied_krw_per_usd: Option<Figure>,
    /// What the plan's figures cover (medical services and technology).
    pub scope: Option<Text>,
    /// The sectors whose firms may be compared with the plan's target (the plan's categories).
    pub scope_sectors: Vec<String>,
    /// What is known of what was reached, each a sourced figure with a label.
    pub reached: Vec<LabelledFigure>,
    /// The plan's own measures whose current status cannot be confirmed, or that have ended: shown
    /// as the plan's history, not offered as support.
    pub measures: Vec<PlanMeasure>,
}

/// One measure of the plan, as history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanMeasure {
    pub name: Text,
    pub status: ProgramStatus,
    /// The day the status was last checked, ISO.
    pub status_checked: String,
    /// What is known of it (not `note`: notes are for maintainers and not compiled in).
    pub summary: Text,
    pub source: String,
}

/// A figure with a label of its own ("foreign patients' treatment revenue").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelledFigure {
    pub label: Text,
    #[serde(flatten)]
    pub figure: Figure,
}

/// Parameters of the export-potential method (docs/METHOD.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodParams {
    /// Gravity distance elasticity theta (positive number; the fallback ease is c * d^-theta,
    /// c calibrated on the markets with Korea's actual exports).
    pub distance_elasticity: Figure,
    /// Multiplicative trade effect of an FTA in force (e.g. 1.3 = +30 %).
    pub fta_in_force_effect: Figure,
    /// Multiplier of a fully unready firm (all readiness answers "no").
    pub readiness_min_multiplier: Figure,
    /// Multiplier of a fully ready firm (all answers "yes").
    pub readiness_max_multiplier: Figure,
    /// Relative model uncertainty applied to both ends of the band (0.3 = ±30 %).
    pub model_uncertainty: Figure,
    /// Weights of the readiness questions; they must sum to 1.
    pub readiness_weights: ReadinessWeights,
    /// A market figure more than this many years older than the price year is not brought
    /// forward: the tier below is used and the old figure is shown as context. No limit if absent.
    pub max_figure_age_years: Option<Figure>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessWeights {
    pub certification: Figure,
    pub local_partner: Figure,
    pub export_experience: Figure,
    pub local_language: Figure,
}

// ---- SME tables ----------------------------------------------------------------------------------

/// SME status rules (Framework Act on SMEs, Enforcement Decree tables 1 and 3).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmeRules {
    /// Every table the dataset knows, each with the date it took effect; the engine applies the
    /// latest one in force on the case's day (`Dataset::sme_table`). At least one.
    pub tables: Vec<SmeTable>,
    /// Total assets at or above this are never an SME, KRW.
    pub asset_cap_krw: Figure,
    /// Years a firm that outgrows a threshold still counts as an SME (once): stated, not checked.
    pub grace_period_years: Figure,
    /// Where a user confirms their status.
    pub confirm_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmeTable {
    pub id: String,
    pub name: Text,
    /// ISO date the table took effect.
    pub effective: String,
    pub source: String,
    pub rows: Vec<SmeRow>,
}

/// One industry's thresholds: revenue at most `small_max` is small, at most `medium_max` medium.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmeRow {
    pub sector: String,
    pub small_max_krw: Figure,
    pub medium_max_krw: Figure,
}

/// A sector of the medical industry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sector {
    pub id: String,
    pub ksic: String,
    pub name: Text,
    /// Korea's share of world exports of this sector (0..1): the supply term.
    pub korea_world_share: Figure,
    /// Korea's domestic output (production or revenue) of the sector, KRW.
    pub korea_output_krw: Figure,
    /// Korea's exports of the sector, KRW, same source and year as the output: with it, the
    /// export intensity (exports / output) of a firm that gives no exports of its own.
    pub korea_exports_krw: Figure,
    /// Korea's exports of the sector, USD (at the price year where known): a firm's share of
    /// them scales Korea's potential to the firm.
    pub korea_exports_usd: Figure,
    /// The share of a market's current health expenditure that is this sector's imports: the
    /// demand of a market with no current figure of its own (a stated proxy).
    pub demand_from_health_spending: Option<Figure>,
}

/// A target market.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Market {
    /// ISO 3166 alpha-2.
    pub id: String,
    pub region: String,
    pub name: Text,
    pub distance_km: Figure,
    pub fta: Fta,
    /// The market's imports (demand) per sector, USD.
    pub demand: Vec<SectorFigure>,
    /// Yearly growth of that demand, per sector (0.05 = 5 %).
    pub demand_growth: Vec<SectorFigure>,
    /// Korea's actual exports to the market, USD: the anchor of ease of trade (ITC).
    pub korea_exports: Vec<ActualExports>,
    /// Current health expenditure, USD (WHO GHED): the base of the sectors' demand proxy.
    pub health_expenditure_usd: Option<Figure>,
    /// Korea's total goods exports to the market and the market's total goods imports: the
    /// pair-level ease of trade where the sector's own exports are not known.
    pub goods_trade: Option<GoodsTrade>,
}

/// Total goods trade of Korea with one market (all products), for ITC's pair-level ease.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsTrade {
    /// Korea's goods exports to the market, USD.
    pub korea_exports_usd: Figure,
    /// The market's goods imports from the world, USD.
    pub imports_usd: Figure,
}

/// Korea's actual exports to one market of one sector, or of several pooled in one figure
/// ("medical items" = devices and pharmaceuticals).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActualExports {
    pub sectors: Vec<String>,
    #[serde(flatten)]
    pub figure: Figure,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SectorFigure {
    pub sector: String,
    #[serde(flatten)]
    pub figure: Figure,
}

/// Korea's trade agreement with a market.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fta {
    pub status: FtaStatus,
    pub name: Option<Text>,
    pub source: String,
    pub date: Option<String>,
}

/// A support measure, its facts and its eligibility rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Program {
    pub id: String,
    pub name: Text,
    pub agency: Text,
    pub offers: Text,
    pub status: ProgramStatus,
    /// The day the status was last checked against a source, ISO "YYYY-MM-DD" (required).
    pub status_checked: String,
    pub status_note: Option<Text>,
    /// What to do next (how to apply, whom to ask): advice, not a condition.
    pub next_step: Option<Text>,
    pub dates: Option<String>,
    pub source: String,
    pub url: Option<String>,
    /// The published call, if the measure takes applications in calls (none: all year).
    pub application_window: Option<ApplicationWindow>,
    pub rule: Vec<Criterion>,
}

/// A programme's call for applications: the days it opens and closes (either may be unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationWindow {
    /// ISO date the call opens.
    pub opens: Option<String>,
    /// ISO date the call closes (inclusive).
    pub closes: Option<String>,
    /// What is known of the next call, or how applications work.
    pub detail: Option<Text>,
}

/// One condition of a program's rule (data; `rules` interprets it).
/// JSON: `{"kind": "sector", "anyOf": ["medical_services"]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Criterion {
    /// The firm's sector is one of these.
    Sector { any_of: Vec<String> },
    /// The target market lies in one of these regions.
    Region { any_of: Vec<String> },
    /// The target market is one of these.
    Market { any_of: Vec<String> },
    /// The firm's SME size is one of these.
    Size { any_of: Vec<SmeSize> },
    /// A readiness question must be answered `expect`.
    Readiness { question: Question, expect: bool },
    /// Current total exports within [min, max] KRW (either bound optional).
    CurrentExports { min_krw: Option<f64>, max_krw: Option<f64> },
    /// Korea has an FTA in force with the target market.
    FtaInForce,
    /// Something we cannot check; the user must confirm it.
    Confirm { text: Text },
}

impl Dataset {
    /// The entry route of a sector into a market, if the dataset has one.
    pub fn entry_route(&self, market: &str, sector: &str) -> Option<&EntryRoute> {
        self.entry_routes
            .iter()
            .find(|r| r.market == market && r.sectors.iter().any(|s| s == sector))
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    pub fn market(&self, id: &str) -> Option<&Market> {
        self.markets.iter().find(|m| m.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// Index in `sme.tables` of the table in force on `today` (ISO date): the latest whose
    /// `effective` is on or before it; before every table, the earliest (the loader guarantees
    /// at least one).
    pub fn sme_table_index(&self, today: &str) -> Option<usize> {
        let t = &self.sme.tables;
        // ISO dates compare correctly as strings.
        let in_force = t
            .iter()
            .enumerate()
            .filter(|(_, x)| x.effective.as_str() <= today)
            .max_by(|a, b| a.1.effective.cmp(&b.1.effective));
        in_force
            .or_else(|| t.iter().enumerate().min_by(|a, b| a.1.effective.cmp(&b.1.effective)))
            .map(|(i, _)| i)
    }

    /// The SME table in force on `today` (see `sme_table_index`).
    pub fn sme_table(&self, today: &str) -> Option<&SmeTable> {
        self.sme.tables.get(self.sme_table_index(today)?)
    }

    /// The sector's row of the SME table in force on `today`.
    pub fn sme_row(&self, sector: &str, today: &str) -> Option<&SmeRow> {
        self.sme_table(today)?.rows.iter().find(|r| r.sector == sector)
    }
}

impl Market {
    /// The market's demand for a sector, if the dataset has it.
    pub fn demand_for(&self, sector: &str) -> Option<&Figure> {
        self.demand.iter().find(|d| d.sector == sector).map(|d| &d.figure)
    }

    /// Korea's actual exports of exactly this one sector to the market, if the dataset has them.
    pub fn own_exports_for(&self, sector: &str) -> Option<&Figure> {
        self.korea_exports
            .iter()
            .find(|x| matches!(x.sectors.as_slice(), [s] if s == sector))
            .map(|x| &x.figure)
    }

    pub fn growth_for(&self, sector: &str) -> Option<&Figure> {
        self.demand_growth
            .iter()
            .find(|d| d.sector == sector)
            .map(|d| &d.figure)
    }
}
