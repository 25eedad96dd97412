//! What goes into the engine and what comes out: plain data, no behaviour.
//!
//! `Input` is what a firm tells us (already checked: amounts are whole won within range).
//! `Estimate` is everything the widget shows. Field names serialise as camelCase for the JS API.

use serde::{Deserialize, Serialize};

use crate::error::Lang;
pub use crate::vocab::{EaseBasis, FtaStatus, Outcome, ProgramStatus, Question, SmeSize, WindowStatus};

/// Answers to the readiness questions; `None` means "not answered" (widens the band).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// Holds a certification or registration valid in the target market (e.g. SFDA MDMA, MOH).
    pub certification: Option<bool>,
    /// Has a local partner or distributor in the market.
    pub local_partner: Option<bool>,
    /// Has exported before (anywhere).
    pub export_experience: Option<bool>,
    /// Has product or service material in the market's language (Arabic, Russian, ...).
    pub local_language: Option<bool>,
}

impl Readiness {
    pub fn answer(&self, q: Question) -> Option<bool> {
        match q {
            Question::Certification => self.certification,
            Question::LocalPartner => self.local_partner,
            Question::ExportExperience => self.export_experience,
            Question::LocalLanguage => self.local_language,
        }
    }
    /// True when any question has an answer, "yes" or "no".
    pub fn any_answered(&self) -> bool {
        [
            self.certification,
            self.local_partner,
            self.export_experience,
            self.local_language,
        ]
        .iter()
        .any(Option::is_some)
    }
}

/// A firm's case, checked. Amounts in whole won.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Input {
    /// Average revenue of the last three years.
    pub revenue_krw: u64,
    pub sector: String,
    pub market: String,
    pub current_exports_krw: Option<u64>,
    pub exports_to_market_krw: Option<u64>,
    pub total_assets_krw: Option<u64>,
    /// A non-profit medical corporation (의료법인) is not an enterprise under the SME Act.
    pub medical_corporation: Option<bool>,
    pub readiness: Readiness,
    pub lang: Lang,
    /// The day the case is judged, ISO "YYYY-MM-DD" (decides whether a table revision is in force).
    /// The engine has no clock: the caller passes today's date; `None` uses the dataset's date.
    pub today: Option<String>,
}

/// One line of explanation, already in the requested language.
pub type Reason = String;

/// What decided the SME size class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SmeBasis {
    /// A non-profit medical corporation: not an enterprise under the Act.
    MedicalCorporation,
    /// Total assets at or above the cap.
    AssetCap,
    /// Revenue against the sector's thresholds.
    Revenue,
}

// ---- SME status ----------------------------------------------------------------------------------

/// The SME decision, typed: what `sme::assess` computes and `words::sme_status` words.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SmeAssessment {
    pub size: SmeSize,
    pub basis: SmeBasis,
    /// The class revenue alone gives (what a firm excluded by its assets or form would be without that).
    pub size_by_revenue: SmeSize,
    /// Index in `ds.sme.tables` of the table applied (the one in force on the case's day).
    pub table: usize,
    /// The 3-year average revenue judged, whole won.
    pub revenue_krw: u64,
    /// The sector's thresholds in that table, KRW (0 when the sector has no row).
    pub small_max_krw: f64,
    pub medium_max_krw: f64,
    /// Total assets at or above this are never an SME, KRW.
    pub asset_cap_krw: f64,
    /// Whether total assets were given (if not, the asset condition is stated, not checked).
    pub assets_given: bool,
    /// True when a threshold used is an assumption in the dataset.
    pub threshold_assumed: bool,
}

/// One threshold of the sector and how far the firm's revenue is from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SmeThreshold {
    /// `Small`: the small-enterprise ceiling; `Medium`: the SME (medium-enterprise) ceiling.
    pub size: SmeSize,
    /// The ceiling, KRW.
    pub max_krw: f64,
    /// Revenue minus the ceiling, whole won (negative: below the ceiling).
    pub distance_krw: f64,
    /// "45억 below the 80억 small-enterprise ceiling".
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SmeStatus {
    pub size: SmeSize,
    /// What decided the size.
    pub basis: SmeBasis,
    /// Short label: "소기업" / "Small enterprise".
    pub label: String,
    pub reasons: Vec<Reason>,
    /// The table applied (in force on the case's day): id, name, effective date, source.
    pub table_id: String,
    pub table: String,
    pub table_effective: String,
    pub table_source: String,
    /// Thresholds used for this sector, KRW.
    pub small_max_krw: f64,
    pub medium_max_krw: f64,
    /// The sector's limits in one line ("소기업 80억 원 이하 · 중기업 800억 원 이하").
    pub limits: String,
    /// Each threshold with the distance to it (revenue basis only; empty otherwise).
    pub thresholds: Vec<SmeThreshold>,
    /// True when a threshold used is unverified (an assumption in the dataset).
    pub threshold_assumed: bool,
    /// What the widget cannot check: affiliated companies, the grace period, independence.
    pub not_checked: Vec<Reason>,
    pub confirm_at: String,
}

/// One factor of the export-potential formula, shown so a user can check it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Factor {
    pub id: &'static str,
    pub label: String,
    pub value: f64,
    pub unit: String,
    /// The value as a user reads it, with a localised unit ("1.5 %", "7,557 km", "US$ 1.7B").
    pub display: String,
    pub source: String,
    pub year: Option<i32>,
    pub assumption: bool,
    /// How an assumed or derived figure was obtained (from the dataset's note).
    pub note: Option<String>,
}

/// Potential in one year.
/// Also read back from JS by the charts (`chart`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct YearPotential {
    pub year: i32,
    /// False for the price year (the figures' year), true for the projected years after it.
    pub projected: bool,
    /// The year as shown: "2025년(기준 수치)" / "2025 (figures)", "2026년(전망)" / "2026 (projected)".
    pub label: String,
    pub low_krw: f64,
    pub base_krw: f64,
    pub high_krw: f64,
    /// The part of the year the firm can sell in at the base (1 = all year; less before the
    /// first sale of a firm not yet registered: `entry`).
    #[serde(default = "whole_year")]
    pub sales_share: f64,
}

fn whole_year() -> f64 {
    1.0
}

/// The way into the market for one case, typed: what `entry::assess` decides.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryAssessment {
    /// Index in `ds.entry_routes` of the route for this market and sector, if any.
    pub route: Option<usize>,
    /// The firm's answer to "registered in this market" (the certification question).
    pub registered: Option<bool>,
    /// The route's review time, months, when known.
    pub months_min: Option<f64>,
    pub months_max: Option<f64>,
    /// The first sale's earliest and latest moment as fractional years (2027.25 = April 2027);
    /// none when registered or when the time is not known.
    pub first_sale_earliest: Option<f64>,
    pub first_sale_latest: Option<f64>,
}

/// The way into the market, worded: the card "How to enter and how long".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EntryResult {
    /// False when the dataset has no route for this market and sector.
    pub found: bool,
    /// False when the route is not verified beyond a consultancy page.
    pub verified: bool,
    pub regulator: String,
    pub route: String,
    pub representative: crate::vocab::Representative,
    pub representative_text: String,
    pub steps: Vec<EntryStepResult>,
    pub documents: Vec<String>,
    pub months_min: Option<f64>,
    pub months_max: Option<f64>,
    /// "심사 3~6개월(준비 기간 제외)" / "review 3–6 months (preparation not counted)".
    pub time_text: String,
    /// Each fee worded with its currency, year and source.
    pub fees: Vec<String>,
    pub validity: Option<String>,
    pub registered: Option<bool>,
    /// What the firm has already, and what it means for the first sale.
    pub status_text: String,
    /// The earliest and latest month of the first sale ("2027-03"), none when registered.
    pub first_sale_from: Option<String>,
    pub first_sale_to: Option<String>,
    /// The year the base projection starts selling in.
    pub first_sale_year: Option<i32>,
    pub ask_at: String,
    pub source: String,
    pub checked_text: String,
}

/// One step of the route, with the programmes that can pay for it (by name).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EntryStepResult {
    pub text: String,
    pub kind: crate::vocab::StepKind,
    pub paid_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Potential {
    pub market: String,
    pub market_name: String,
    /// Korea's trade agreement with the market: where it stands, and that in words.
    pub fta_status: FtaStatus,
    pub fta_label: String,
    /// Potential exports in the base year, whole won.
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    pub base_usd: f64,
    pub low_usd: f64,
    pub high_usd: f64,
    /// Base potential minus current exports to the market, never below zero.
    pub untapped_krw: f64,
    pub untapped_usd: f64,
    /// True when exports to the market were not given, so untapped assumes none.
    pub untapped_assumes_no_exports: bool,
    /// Exports to the market, if given.
    pub exports_to_market_krw: Option<f64>,
    pub years: Vec<YearPotential>,
    /// The year every figure was brought to, and the projection's first year.
    pub price_year: i32,
    /// How the ease of trade was obtained, and that in words.
    pub ease_basis: EaseBasis,
    pub ease_label: String,
    /// One sentence on what anchors Korea's potential in this market (and the fallback's flag).
    pub ease_note: String,
    /// Korea's potential in this market and its untapped part, whole won (price year).
    pub korea_potential_krw: f64,
    pub korea_untapped_krw: f64,
    /// What the firm can export, whole won, and whether it is its own reported exports.
    pub exportable_krw: f64,
    pub exportable_is_reported: bool,
    pub factors: Vec<Factor>,
    /// Readiness score used for the base value (0..1), unanswered questions counted as half.
    pub readiness_score: f64,
    pub unanswered_questions: u32,
    /// True when at least one readiness question was answered ("yes" or "no"): the printed
    /// report then lists the readiness note with what was entered.
    pub readiness_answered: bool,
}

/// One market in the ranking for this firm. Also read back from JS by the charts (`chart`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RankedMarket {
    pub market: String,
    pub name: String,
    pub region: String,
    pub region_name: String,
    pub fta_status: FtaStatus,
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    pub rank: u32,
    pub selected: bool,
    /// What Korea's potential there rests on, and that in a few words ("실적", "거리 규칙(가정)").
    pub ease_basis: EaseBasis,
    pub basis_label: String,
    /// The year the firm could first sell there, and that in words ("첫 판매 2027년"); none
    /// without a route or its time.
    pub first_sale_year: Option<i32>,
    pub first_sale_label: Option<String>,
}

/// The national plan's path and the firm's place in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanContext {
    pub name: String,
    pub source: String,
    pub base_year: i32,
    pub target_year: i32,
    pub base_krw: f64,
    pub target_krw: f64,
    /// Implied yearly growth from base to target (0.201 = 20.1 %).
    pub implied_growth: f64,
    /// Plan path year by year, KRW.
    pub path: Vec<PlanYear>,
    /// Firm's base potential as a share of the plan's target (0..); `None` when the firm's
    /// sector is outside the plan's scope (no comparison is made).
    pub firm_share_of_target: Option<f64>,
    /// What the plan aimed for (history).
    pub summary: String,
    /// What the plan's figures covered.
    pub scope: String,
    /// What is known of what was reached, one sentence each (and that no tally exists).
    pub reached: Vec<String>,
    /// The plan's own dollar figure and the rate it implies, labelled as derived.
    pub implied_rate_note: Option<String>,
    /// The firm against the target in words, or why no comparison is made.
    pub comparison: String,
    /// The plan's measures that are history (status unknown or ended), each in one line.
    pub measures: Vec<PlanMeasureLine>,
}

/// One measure of the plan as history: its name, where it stands and what is known.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanMeasureLine {
    pub name: String,
    pub status: ProgramStatus,
    pub status_label: String,
    pub note: String,
    /// "상태 확인일: 2026-12-04 · 출처: …".
    pub checked_and_source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanYear {
    pub year: i32,
    pub krw: f64,
}

/// Which condition of a programme a reason line is about: its status (every programme has one)
/// or the kind of one criterion of its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Check {
    Status,
    Sector,
    Region,
    Market,
    Size,
    Readiness,
    CurrentExports,
    FtaInForce,
    Confirm,
}

/// A programme's outcome, typed: what `rules::assess` computes and `words::support` words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProgramAssessment {
    pub status: ProgramStatus,
    /// The outcome of the status, a condition every programme has.
    pub status_outcome: Outcome,
    /// The outcome of each criterion of the rule, in rule order.
    pub criteria: Vec<Outcome>,
    /// The worst of all of them.
    pub outcome: Outcome,
    /// Where its call stands on the case's day (timing, not eligibility).
    pub window: WindowStatus,
}

/// The result of one criterion of a program's rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CriterionResult {
    pub check: Check,
    pub outcome: Outcome,
    /// The outcome's short label ("충족", "Met"), for a screen reader or a CSV cell.
    pub outcome_label: String,
    pub reason: String,
    /// True when `reason` already begins with `outcome_label` (so it need not be said twice).
    pub reason_states_outcome: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SupportResult {
    pub id: String,
    pub name: String,
    pub agency: String,
    pub offers: String,
    pub status: ProgramStatus,
    /// The status in words ("운영 중", "Running").
    pub status_label: String,
    /// The day the status was last checked (ISO), and that in words.
    pub status_checked: String,
    pub status_checked_text: String,
    pub status_note: Option<String>,
    pub next_step: Option<String>,
    pub source: String,
    pub url: Option<String>,
    pub outcome: Outcome,
    /// Heading of the outcome, defined once per outcome.
    pub outcome_label: String,
    /// Where its call stands on the case's day, and that in words with the dates ("신청
    /// 2025-12-17 ~ 2026-01-09: 마감").
    pub window: WindowStatus,
    pub window_text: Option<String>,
    /// One line per criterion, in rule order.
    pub reasons: Vec<CriterionResult>,
    /// What the user would need to confirm (the reasons of criteria that came out "maybe").
    pub to_confirm: Vec<String>,
}

/// Everything the widget shows for one case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    pub lang: Lang,
    pub dataset_version: String,
    pub figures_as_of: String,
    pub krw_per_usd: f64,
    pub sme: SmeStatus,
    pub potential: Potential,
    pub ranking: Vec<RankedMarket>,
    pub plan: PlanContext,
    pub support: Vec<SupportResult>,
    /// Figures behind this result that are assumptions, not sourced facts.
    pub assumptions: Vec<String>,
    /// The answer at a glance, shown above the cards (picked by `outcome`, worded by `words`).
    pub summary: Summary,
    /// One entry per readiness question not answered "yes": the base potential if it were.
    pub what_if: Vec<WhatIfAnswer>,
    /// The revenue or total assets at which the SME status would change.
    pub what_if_sme: Vec<WhatIfSme>,
    /// What to confirm for each "possibly eligible" programme.
    pub what_if_support: Vec<WhatIfSupport>,
    /// Sentences about the whole result (`words::result_texts`).
    pub texts: ResultTexts,
    /// How to enter the market and how long it takes (`entry`, worded by `words::entry`).
    pub entry: EntryResult,
    /// The amounts above as the page shows them (`engine::shown_amounts`, each with `words::shown_krw`).
    pub shown: ShownAmounts,
}

/// The result's amounts worded for the page: estimates to three significant digits ("88억 2,000만
/// 원", not "88억 161만 4,267 원": the method is not that precise), dollars as `formatUsd` writes
/// them. The page shows them as they are and rounds nothing itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ShownAmounts {
    /// `potential.base_krw`, `low_krw`, `high_krw`, `untapped_krw`.
    pub base: String,
    pub low: String,
    pub high: String,
    pub untapped: String,
    /// `potential.base_usd`, `low_usd`, `high_usd`, `untapped_usd`.
    pub base_usd: String,
    pub low_usd: String,
    pub high_usd: String,
    pub untapped_usd: String,
    /// One per `potential.years`, in that order.
    pub years: Vec<ShownBand>,
    /// One per `ranking`, in that order.
    pub ranking: Vec<ShownBand>,
}

/// A low-base-high band as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ShownBand {
    pub low: String,
    pub base: String,
    pub high: String,
}

// ---- the answer at a glance and what would change it (`outcome`, `glance`) -----------------------------

/// Which card a summary line is about (and links to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SummaryTopic {
    Sme,
    Potential,
    /// The way into the market and the first sale (`Estimate.entry`).
    Entry,
    BestMarket,
    Support,
    NextAnswer,
}

/// The answer at a glance alone: what the first-answer module returns (`glance(input)`), before
/// the whole `Estimate` arrives from the full module. The summary is the `Estimate`'s.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GlanceAnswer {
    pub lang: Lang,
    pub dataset_version: String,
    pub summary: Summary,
    /// What a screen reader is told (`ResultTexts::announcement`).
    pub announcement: String,
}

/// One line of the summary, worded, with the card it links to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SummaryLine {
    pub topic: SummaryTopic,
    /// The heading of the line ("중소기업 여부", "SME status").
    pub label: String,
    pub text: String,
}

/// The answer at a glance: typed figures and the lines that word them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub sme_size: SmeSize,
    /// The threshold nearest in the direction that matters (the ceiling of the firm's class, or
    /// the SME ceiling it is above), KRW; `None` when revenue did not decide the class.
    pub sme_threshold_krw: Option<f64>,
    /// Revenue minus that threshold, KRW: negative below it, positive above.
    pub sme_distance_krw: Option<f64>,
    pub market: String,
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    /// The ranking's first market when it is not the chosen one.
    pub best_market: Option<String>,
    pub best_market_name: Option<String>,
    pub best_market_base_krw: Option<f64>,
    /// What the best market's figure rests on (the gravity rule makes it indicative).
    pub best_market_basis: Option<EaseBasis>,
    pub likely_count: u32,
    pub possibly_count: u32,
    pub likely_names: Vec<String>,
    pub possibly_names: Vec<String>,
    /// Programmes not ruled out whose call is open today or that run all year: what the firm can
    /// act on now.
    pub act_now_names: Vec<String>,
    /// Programmes not ruled out whose call has closed or not opened yet.
    pub awaiting_call_count: u32,
    /// The readiness answer that would raise the base potential most, if any would.
    pub next_answer: Option<Question>,
    pub lines: Vec<SummaryLine>,
}

/// The base potential if one readiness question were answered "yes".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WhatIfAnswer {
    pub id: Question,
    pub label: String,
    /// The base potential with this answer "yes", whole won.
    pub base_krw: f64,
    /// `base_krw` minus the base potential now.
    pub gain_krw: f64,
    pub text: String,
}

/// What an SME what-if is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SmeMeasure {
    Revenue,
    TotalAssets,
}

/// Whether the amount must rise above `krw` or be at most / below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Strictly above the amount (revenue above a ceiling).
    Above,
    /// At most the amount (revenue within a ceiling).
    AtMost,
    /// At or above the amount (total assets at the cap).
    AtLeast,
    /// Strictly below it (total assets under the cap).
    Below,
}

/// The amount at which the SME status would change, and to what.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WhatIfSme {
    pub measure: SmeMeasure,
    pub direction: Direction,
    pub krw: f64,
    pub becomes: SmeSize,
    pub text: String,
}

/// What to confirm for a "possibly eligible" programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WhatIfSupport {
    pub id: String,
    pub name: String,
    pub to_confirm: Vec<String>,
}

/// Sentences about the whole result that the page shows as they are: the readiness note, the
/// charts' text alternatives, the screen-reader announcement and the estimate disclaimer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ResultTexts {
    pub readiness_note: String,
    pub years_alt: String,
    pub ranking_alt: String,
    pub announcement: String,
    pub disclaimer: String,
    /// The word for the dataset in a list of what a result rests on ("데이터", "Dataset"): the
    /// CSV's row for the dataset's version and date.
    pub dataset_label: String,
}

/// The result's TypeScript types, `www/types/result.d.ts`, from these types and their serde names
/// (ts-rs, a dev-dependency: nothing of it is in the Wasm). The page's JS declares what it reads
/// with them (JSDoc), so its type check (`tsc`, stage `lint`) fails on a field the result does
/// not have. This test fails when the file is not what the types give; `UPDATE_TYPES=1 cargo test
/// --lib result_types` writes it.
#[cfg(test)]
mod typescript {
    use super::*;
    use crate::report::{ComparedMarket, Comparison, ProgramDifference};
    use ts_rs::{Config, TS};

    fn export<T: TS>(cfg: &Config) -> String {
        let docs = T::docs().unwrap_or_default();
        [docs.as_str(), "export ", &T::decl(cfg), "\n\n"].concat()
    }

    #[test]
    fn result_types_are_up_to_date() {
        // Amounts cross as JS numbers (serde-wasm-bindgen's json_compatible serializer).
        let cfg = Config::new().with_large_int("number".to_owned());
        let types = [
            export::<Estimate>(&cfg),
            export::<Lang>(&cfg),
            export::<SmeStatus>(&cfg),
            export::<SmeSize>(&cfg),
            export::<SmeBasis>(&cfg),
            export::<SmeThreshold>(&cfg),
            export::<Potential>(&cfg),
            export::<FtaStatus>(&cfg),
            export::<EaseBasis>(&cfg),
            export::<YearPotential>(&cfg),
            export::<Factor>(&cfg),
            export::<RankedMarket>(&cfg),
            export::<PlanContext>(&cfg),
            export::<PlanYear>(&cfg),
            export::<SupportResult>(&cfg),
            export::<ProgramStatus>(&cfg),
            export::<Outcome>(&cfg),
            export::<CriterionResult>(&cfg),
            export::<Check>(&cfg),
            export::<GlanceAnswer>(&cfg),
            export::<Summary>(&cfg),
            export::<SummaryLine>(&cfg),
            export::<SummaryTopic>(&cfg),
            export::<Question>(&cfg),
            export::<WhatIfAnswer>(&cfg),
            export::<WhatIfSme>(&cfg),
            export::<SmeMeasure>(&cfg),
            export::<Direction>(&cfg),
            export::<WhatIfSupport>(&cfg),
            export::<ResultTexts>(&cfg),
            export::<ShownAmounts>(&cfg),
            export::<ShownBand>(&cfg),
            export::<Comparison>(&cfg),
            export::<ComparedMarket>(&cfg),
            export::<ProgramDifference>(&cfg),
            export::<crate::load::Problem>(&cfg),
            export::<crate::vocab::ProblemKind>(&cfg),
            export::<crate::vocab::Fix>(&cfg),
        ]
        .concat();
        let text = [
            "// What estimate() and compareMarkets() return, and a dataset's problems, generated from src/model.rs,\n",
            "// src/report.rs and src/load/mod.rs",
            " by ts-rs (UPDATE_TYPES=1 cargo test --lib result_types). Do not edit.\n\n",
            types.trim_end(),
            "\n",
        ]
        .concat();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/types/result.d.ts");
        if std::env::var_os("UPDATE_TYPES").is_some() {
            assert!(
                std::fs::write(path, &text).is_ok(),
                "www/types/result.d.ts is not writable"
            );
            return;
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == text,
            "www/types/result.d.ts is not what the Rust types give: run UPDATE_TYPES=1 cargo test --lib result_types"
        );
    }
}
