//! What goes into the engine and what comes out: plain data, no behaviour.
//!
//! `Input` is what a firm tells us (already checked: amounts are whole won within range).
//! `Estimate` is everything the widget shows. Field names serialise as camelCase for the JS API.

use serde::{Deserialize, Serialize};

use crate::error::Lang;

/// Answers to the readiness questions; `None` means "not answered" (widens the band).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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

/// The readiness questions, by name, so rules can refer to them as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Question {
    Certification,
    LocalPartner,
    ExportExperience,
    LocalLanguage,
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
}

/// A firm's case, checked. Amounts in whole won.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// SME size class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SmeSize {
    Small,
    Medium,
    None,
}

/// One line of explanation, already in the requested language.
pub type Reason = String;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmeStatus {
    pub size: SmeSize,
    /// Short label: "소기업" / "Small enterprise".
    pub label: String,
    pub reasons: Vec<Reason>,
    /// The table applied: name, effective date, source.
    pub table: String,
    pub table_effective: String,
    pub table_source: String,
    /// Thresholds used for this sector, KRW.
    pub small_max_krw: f64,
    pub medium_max_krw: f64,
    /// True when a threshold used is unverified (an assumption in the dataset).
    pub threshold_assumed: bool,
    /// Set when a newer table is in force whose values we do not know and which may classify
    /// the firm differently; says where to confirm.
    pub revision_warning: Option<String>,
    pub confirm_at: String,
}

/// One factor of the export-potential formula, shown so a user can check it.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct YearPotential {
    pub year: i32,
    pub low_krw: f64,
    pub base_krw: f64,
    pub high_krw: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Potential {
    pub market: String,
    pub market_name: String,
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
    pub factors: Vec<Factor>,
    /// Readiness score used for the base value (0..1), unanswered questions counted as half.
    pub readiness_score: f64,
    pub unanswered_questions: u32,
}

/// One market in the ranking for this firm. Also read back from JS by the charts (`chart`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RankedMarket {
    pub market: String,
    pub name: String,
    pub region: String,
    pub base_krw: f64,
    pub low_krw: f64,
    pub high_krw: f64,
    pub rank: u32,
    pub selected: bool,
}

/// The national plan's path and the firm's place in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Firm's base potential as a share of the plan's target (0..).
    pub firm_share_of_target: f64,
    pub summary: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanYear {
    pub year: i32,
    pub krw: f64,
}

/// Outcome of one support program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Eligible,
    Maybe,
    Ineligible,
}

/// The result of one criterion of a program's rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionResult {
    pub outcome: Outcome,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportResult {
    pub id: String,
    pub name: String,
    pub agency: String,
    pub offers: String,
    pub status: String,
    pub status_note: Option<String>,
    pub next_step: Option<String>,
    pub source: String,
    pub url: Option<String>,
    pub outcome: Outcome,
    /// Heading of the outcome, defined once per outcome.
    pub outcome_label: String,
    /// One line per criterion, in rule order.
    pub reasons: Vec<CriterionResult>,
    /// What the user would need to confirm (the reasons of criteria that came out "maybe").
    pub to_confirm: Vec<String>,
}

/// Everything the widget shows for one case.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}
