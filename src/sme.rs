//! SME status under the Framework Act on SMEs (Enforcement Decree tables 1 and 3): decided here,
//! worded by `words::sme_status`.
//!
//! Size follows the 3-year average revenue of the main industry against the table in force on
//! the case's day (the dataset lists each table with the date it took effect), plus the
//! total-asset cap. Where a table's per-industry value is not known (the 2025 revision), its row
//! holds the certain lower bound and the largest possible value: the class is decided by the
//! certain bound, and a revenue between the two "may be" in the better class (`SmeAssessment::
//! may_be`), to confirm. Independence, affiliated companies and the grace period are not asked
//! and always stated as things to confirm.

use crate::dataset::Dataset;
use crate::model::{Input, SmeAssessment, SmeBasis, SmeSize};

/// The thresholds of the sector in the table in force on the case's day.
struct Limits {
    /// Index of the table in `ds.sme.tables`.
    table: usize,
    small_max: f64,
    small_up_to: Option<f64>,
    medium_max: f64,
    medium_up_to: Option<f64>,
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
            small_up_to: r.small_max_up_to_krw.as_ref().map(|f| f.value),
            medium_max: r.medium_max_krw.value,
            medium_up_to: r.medium_max_up_to_krw.as_ref().map(|f| f.value),
            assumed: r.small_max_krw.assumption
                || r.medium_max_krw.assumption
                || r.small_max_up_to_krw.as_ref().is_some_and(|f| f.assumption)
                || r.medium_max_up_to_krw.as_ref().is_some_and(|f| f.assumption),
        },
        // The loader guarantees a row per sector; without one nothing qualifies.
        None => Limits {
            table,
            small_max: 0.0,
            small_up_to: None,
            medium_max: 0.0,
            medium_up_to: None,
            assumed: true,
        },
    }
}

/// The one place the size class is decided (by the certain bounds), used by `assess` and `size_of`.
fn decide(input: &Input, ds: &Dataset, l: &Limits) -> (SmeSize, SmeBasis) {
    let revenue = input.revenue_krw as f64;
    if input.medical_corporation == Some(true) {
        (SmeSize::None, SmeBasis::MedicalCorporation)
    } else if input
        .total_assets_krw
        .is_some_and(|a| a as f64 >= ds.sme.asset_cap_krw.value)
    {
        (SmeSize::None, SmeBasis::AssetCap)
    } else if revenue <= l.small_max {
        (SmeSize::Small, SmeBasis::Revenue)
    } else if revenue <= l.medium_max {
        (SmeSize::Medium, SmeBasis::Revenue)
    } else {
        (SmeSize::None, SmeBasis::Revenue)
    }
}

/// The better class the table in force may give when its value is uncertain: `Small` when the
/// revenue is above the certain small bound but within its possible upper bound, `Medium` ("may
/// be an SME") when above the certain medium bound but within its upper bound; `None` otherwise,
/// or when the firm is excluded on other grounds (medical corporation, assets). Never changes
/// the class decided.
fn may_be_of(input: &Input, l: &Limits, size: SmeSize, basis: SmeBasis) -> Option<SmeSize> {
    if basis != SmeBasis::Revenue {
        return None;
    }
    let revenue = input.revenue_krw as f64;
    let within = |up_to: Option<f64>| up_to.is_some_and(|u| revenue <= u);
    match size {
        SmeSize::Medium if within(l.small_up_to) => Some(SmeSize::Small),
        SmeSize::None if within(l.medium_up_to) => Some(SmeSize::Medium),
        _ => None,
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

/// The better class the table in force may give instead (see `SmeAssessment::may_be`): what the
/// panel pins as `newer_table_may_give`.
pub fn may_be(input: &Input, ds: &Dataset) -> Option<SmeSize> {
    let l = limits(input, ds);
    let (size, basis) = decide(input, ds, &l);
    may_be_of(input, &l, size, basis)
}

/// Decides the firm's SME status, with everything the wording needs.
pub fn assess(input: &Input, ds: &Dataset) -> SmeAssessment {
    let l = limits(input, ds);
    let (size, basis) = decide(input, ds, &l);
    SmeAssessment {
        size,
        basis,
        table: l.table,
        revenue_krw: input.revenue_krw,
        small_max_krw: l.small_max,
        small_max_up_to_krw: l.small_up_to,
        medium_max_krw: l.medium_max,
        medium_max_up_to_krw: l.medium_up_to,
        asset_cap_krw: ds.sme.asset_cap_krw.value,
        assets_given: input.total_assets_krw.is_some(),
        threshold_assumed: l.assumed,
        may_be: may_be_of(input, &l, size, basis),
    }
}
