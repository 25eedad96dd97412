//! SME status under the Framework Act on SMEs (Enforcement Decree tables 1 and 3): decided here,
//! worded by `words::sme_status`.
//!
//! Size follows the 3-year average revenue of the main industry against the table in force on
//! the case's day (the dataset lists each table with the date it took effect), plus the
//! total-asset cap. Every table states its own values per industry, so the class is definite.
//! Independence, affiliated companies and the grace period are not asked and always stated as
//! things to confirm.

use crate::dataset::Dataset;
use crate::model::{Input, SmeAssessment, SmeBasis, SmeSize};

/// The thresholds of the sector in the table in force on the case's day.
struct Limits {
    /// Index of the table in `ds.sme.tables`.
    table: usize,
    small_max: f64,
    medium_max: f64,
    assumed: bool,
}

/// The case's day: the caller's `today`, else the dataset's date.
pub fn today<'a>(input: &'a Input, ds: &'a Dataset) -> &'a str {
    input.today.as_deref().unwrap_or(&ds.figures_as_of)
}

fn limits(input: &Input, ds: &Dataset) -> Limits {
    let day = today(input, ds);
    let table = ds.sme_table_index(day).unwrap_or(0);
    let row = ds
        .sme
        .tables
        .get(table)
        .and_then(|t| t.rows.iter().find(|r| r.sector == input.sector));
    match row {
        Some(r) => Limits {
            table,
            small_max: r.small_max_krw.value,
            medium_max: r.medium_max_krw.value,
            assumed: r.small_max_krw.assumption || r.medium_max_krw.assumption,
        },
        // The loader guarantees a row per sector; without one nothing qualifies.
        None => Limits {
            table,
            small_max: 0.0,
            medium_max: 0.0,
            assumed: true,
        },
    }
}

/// The one place the size class is decided, used by `assess` and `size_of`.
fn decide(input: &Input, ds: &Dataset, l: &Limits) -> (SmeSize, SmeBasis) {
    if input.medical_corporation == Some(true) {
        (SmeSize::None, SmeBasis::MedicalCorporation)
    } else if input
        .total_assets_krw
        .is_some_and(|a| a as f64 >= ds.sme.asset_cap_krw.value)
    {
        (SmeSize::None, SmeBasis::AssetCap)
    } else {
        (by_revenue(input.revenue_krw, l), SmeBasis::Revenue)
    }
}

/// The class the revenue alone gives against the sector's ceilings.
fn by_revenue(revenue_krw: u64, l: &Limits) -> SmeSize {
    let revenue = revenue_krw as f64;
    if revenue <= l.small_max {
        SmeSize::Small
    } else if revenue <= l.medium_max {
        SmeSize::Medium
    } else {
        SmeSize::None
    }
}

/// The size class alone (the batch scorer's path; `assess` decides the same).
pub fn size_of(input: &Input, ds: &Dataset) -> SmeSize {
    decide(input, ds, &limits(input, ds)).0
}

/// The effective date of the SME table applied on the case's day (the panel pins it).
pub fn table_effective<'a>(input: &Input, ds: &'a Dataset) -> &'a str {
    ds.sme_table(today(input, ds)).map_or("", |t| t.effective.as_str())
}

/// Decides the firm's SME status, with everything the wording needs.
pub fn assess(input: &Input, ds: &Dataset) -> SmeAssessment {
    let l = limits(input, ds);
    let (size, basis) = decide(input, ds, &l);
    SmeAssessment {
        size,
        basis,
        size_by_revenue: by_revenue(input.revenue_krw, &l),
        table: l.table,
        revenue_krw: input.revenue_krw,
        small_max_krw: l.small_max,
        medium_max_krw: l.medium_max,
        asset_cap_krw: ds.sme.asset_cap_krw.value,
        assets_given: input.total_assets_krw.is_some(),
        threshold_assumed: l.assumed,
    }
}
