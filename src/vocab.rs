//! The closed vocabularies shared by the dataset, the engine and the wording layer: SME size
//! classes, readiness questions, outcomes, FTA and programme statuses. A leaf module (it imports
//! nothing of the crate), so `dataset` and `model` can both use it without importing each other.
//! Each crosses to JS and JSON as the name its serde attribute gives; code compares the enums,
//! never those names.

use serde::{Deserialize, Serialize};

/// The readiness questions, by name, so rules can refer to them as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Question {
    Certification,
    LocalPartner,
    ExportExperience,
    LocalLanguage,
}

impl Question {
    /// Every question with its JSON name, in the order the widget asks them.
    pub const ALL: [(Question, &'static str); 4] = [
        (Question::Certification, "certification"),
        (Question::LocalPartner, "localPartner"),
        (Question::ExportExperience, "exportExperience"),
        (Question::LocalLanguage, "localLanguage"),
    ];
}

/// SME size class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SmeSize {
    Small,
    Medium,
    None,
}

impl SmeSize {
    /// Every size class with its JSON name.
    pub const ALL: [(SmeSize, &'static str); 3] = [
        (SmeSize::Small, "small"),
        (SmeSize::Medium, "medium"),
        (SmeSize::None, "none"),
    ];
}

/// Outcome of one support program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Eligible,
    Maybe,
    Ineligible,
}

/// Where Korea's trade agreement with a market stands. JSON: `"none"`, `"negotiating"`,
/// `"concluded"` (negotiations concluded, not yet signed), `"signed"`, `"in_force"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FtaStatus {
    None,
    Negotiating,
    Concluded,
    Signed,
    InForce,
}

impl FtaStatus {
    /// Every status with its JSON name, in the order of the process (the loader reads these).
    pub const ALL: [(FtaStatus, &'static str); 5] = [
        (FtaStatus::None, "none"),
        (FtaStatus::Negotiating, "negotiating"),
        (FtaStatus::Concluded, "concluded"),
        (FtaStatus::Signed, "signed"),
        (FtaStatus::InForce, "in_force"),
    ];
}

/// Whether a support measure runs. JSON: `"active"`, `"enacted"`, `"planned"`, `"pending"`,
/// `"ended"`, `"unknown"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProgramStatus {
    /// A running programme.
    Active,
    /// In force by law.
    Enacted,
    /// Announced, not yet started.
    Planned,
    /// Awaiting a decision (a bill, an amendment).
    Pending,
    /// Ended.
    Ended,
    /// Whether it still runs is not known.
    Unknown,
}

impl ProgramStatus {
    /// Every status with its JSON name (the loader reads these).
    pub const ALL: [(ProgramStatus, &'static str); 6] = [
        (ProgramStatus::Active, "active"),
        (ProgramStatus::Enacted, "enacted"),
        (ProgramStatus::Planned, "planned"),
        (ProgramStatus::Pending, "pending"),
        (ProgramStatus::Ended, "ended"),
        (ProgramStatus::Unknown, "unknown"),
    ];
}

/// Whether a market's entry route needs a licensed local representative (or importer).
/// JSON: `"required"`, `"notRequired"`, `"unclear"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Representative {
    Required,
    NotRequired,
    /// Sources conflict or say nothing.
    Unclear,
}

impl Representative {
    pub const ALL: [(Representative, &'static str); 3] = [
        (Representative::Required, "required"),
        (Representative::NotRequired, "notRequired"),
        (Representative::Unclear, "unclear"),
    ];
}

/// What one step of an entry route is. JSON: the camelCase names below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum StepKind {
    /// ISO 13485 or GMP.
    QualitySystem,
    /// Free-sale certificate, CPP, legalisation, translations.
    Documents,
    /// Appointing a licensed local representative or agent.
    Representative,
    /// Tests in the market.
    Testing,
    /// Filing the registration or licence.
    Application,
    /// The authority's review or inspection.
    Review,
    /// The certificate, listing or import approval.
    Licence,
    /// A report at home (the overseas-expansion report).
    Report,
}

impl StepKind {
    pub const ALL: [(StepKind, &'static str); 8] = [
        (StepKind::QualitySystem, "qualitySystem"),
        (StepKind::Documents, "documents"),
        (StepKind::Representative, "representative"),
        (StepKind::Testing, "testing"),
        (StepKind::Application, "application"),
        (StepKind::Review, "review"),
        (StepKind::Licence, "licence"),
        (StepKind::Report, "report"),
    ];
}

/// Where a programme's application stands on the case's day. JSON: `"rolling"`, `"open"`,
/// `"upcoming"`, `"closed"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum WindowStatus {
    /// No call: the measure applies or takes applications all year.
    Rolling,
    /// The published call is open today.
    Open,
    /// The published call opens later.
    Upcoming,
    /// The published call has closed; the next one is not in the dataset.
    Closed,
}

/// What is wrong with a dataset file, one kind per problem (`load::Problem`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ProblemKind {
    /// Not JSON at all.
    Json,
    /// The file, or one list in it, is larger than the loader accepts.
    TooLarge,
    /// Lists and objects nested too deep.
    TooDeep,
    Missing,
    /// A value of the wrong JSON type.
    Type,
    Negative,
    NotFinite,
    /// A number outside its allowed range, or two that contradict each other.
    Range,
    /// A figure with neither a source nor `assumption: true`.
    Unsourced,
    Duplicate,
    UnknownSector,
    UnknownMarket,
    UnknownRegion,
    /// A programme id that is not in `programs`.
    UnknownProgram,
    /// A per-sector list without an entry for some sector.
    Incomplete,
    /// A name that is not one of the allowed values (a status, a criterion kind, ...).
    UnknownKind,
    Empty,
    Date,
    Schema,
    /// More problems than are reported.
    Truncated,
    /// A file that is not UTF-8 text (the command line reads files itself).
    Encoding,
}

impl ProblemKind {
    /// The camelCase name (the JS API, the command line's output).
    pub fn key(self) -> &'static str {
        match self {
            ProblemKind::Json => "json",
            ProblemKind::TooLarge => "tooLarge",
            ProblemKind::TooDeep => "tooDeep",
            ProblemKind::Missing => "missing",
            ProblemKind::Type => "type",
            ProblemKind::Negative => "negative",
            ProblemKind::NotFinite => "notFinite",
            ProblemKind::Range => "range",
            ProblemKind::Unsourced => "unsourced",
            ProblemKind::Duplicate => "duplicate",
            ProblemKind::UnknownSector => "unknownSector",
            ProblemKind::UnknownMarket => "unknownMarket",
            ProblemKind::UnknownRegion => "unknownRegion",
            ProblemKind::UnknownProgram => "unknownProgram",
            ProblemKind::Incomplete => "incomplete",
            ProblemKind::UnknownKind => "unknownKind",
            ProblemKind::Empty => "empty",
            ProblemKind::Date => "date",
            ProblemKind::Schema => "schema",
            ProblemKind::Truncated => "truncated",
            ProblemKind::Encoding => "encoding",
        }
    }
}

/// How to fix a dataset problem: the kind's usual fix, or a more precise one where the loader
/// knows more (which range, which two fields). `words::fix` words each in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Fix {
    Json,
    TooDeep,
    Missing,
    Type,
    Negative,
    NotFinite,
    Range,
    Unsourced,
    Duplicate,
    UnknownSector,
    UnknownMarket,
    UnknownRegion,
    UnknownProgram,
    Incomplete,
    UnknownKind,
    Empty,
    Date,
    Schema,
    Truncated,
    Encoding,
    /// The whole file is above the size limit.
    FileTooLarge,
    /// One list has more entries than allowed.
    ListTooLong,
    Positive,
    Share,
    Growth,
    Year,
    TargetAfterBase,
    TargetWithin50Years,
    MinMultiplierAboveMax,
    WeightsSum,
    SmallAboveMedium,
    SwapMinMax,
    /// `exchangeRates` has no rate for `priceYear`.
    RateForPriceYear,
}

impl Fix {
    /// The usual fix of a kind of problem.
    pub fn of(kind: ProblemKind) -> Fix {
        match kind {
            ProblemKind::Json => Fix::Json,
            ProblemKind::TooLarge => Fix::FileTooLarge,
            ProblemKind::TooDeep => Fix::TooDeep,
            ProblemKind::Missing => Fix::Missing,
            ProblemKind::Type => Fix::Type,
            ProblemKind::Negative => Fix::Negative,
            ProblemKind::NotFinite => Fix::NotFinite,
            ProblemKind::Range => Fix::Range,
            ProblemKind::Unsourced => Fix::Unsourced,
            ProblemKind::Duplicate => Fix::Duplicate,
            ProblemKind::UnknownSector => Fix::UnknownSector,
            ProblemKind::UnknownMarket => Fix::UnknownMarket,
            ProblemKind::UnknownRegion => Fix::UnknownRegion,
            ProblemKind::UnknownProgram => Fix::UnknownProgram,
            ProblemKind::Incomplete => Fix::Incomplete,
            ProblemKind::UnknownKind => Fix::UnknownKind,
            ProblemKind::Empty => Fix::Empty,
            ProblemKind::Date => Fix::Date,
            ProblemKind::Schema => Fix::Schema,
            ProblemKind::Truncated => Fix::Truncated,
            ProblemKind::Encoding => Fix::Encoding,
        }
    }
}

/// How the ease of trade of a market and sector was obtained (docs/METHOD.md, section 2).
/// JSON: `"actual"`, `"pair"`, `"gravity"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EaseBasis {
    /// Korea's own exports of this sector to this market: ease = actual / predicted (ITC, per
    /// sector).
    Actual,
    /// Korea's total goods exports to this market over what its world share and the market's
    /// total imports predict: ITC's pair-level ease, pooled over all products.
    Pair,
    /// No current trade figure for the market: the gravity rule, calibrated on the anchored
    /// markets.
    Gravity,
}

/// Where a market's demand for a sector comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DemandBasis {
    /// The market's own figure (imports, or spending abroad for services), brought to the price
    /// year.
    Measured,
    /// The sector's stated proxy: a share of the market's current health expenditure.
    HealthSpending,
    /// No current figure and no proxy: no demand.
    Missing,
}
