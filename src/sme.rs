//! SME status under the Framework Act on SMEs (Enforcement Decree tables 1 and 3): decided here,
//! worded by `words::sme_status`.
//!
//! Size follows the 3-year average revenue of the main industry against the dataset's table,
//! plus the total-asset cap. Independence (business-group membership, a large shareholder) is
//! not asked and always stated as something to confirm. A newer revision whose per-industry
//! values we do not know never changes the class; it only flags a firm whose revenue lies
//! within the largest possible raise above a threshold.

use crate::dataset::Dataset;
use crate::model::{Input, SmeAssessment, SmeBasis, SmeSize};

/// The sector's thresholds (small max, medium max, either assumed).
fn thresholds(ds: &Dataset, sector: &str) -> (f64, f64, bool) {
    match ds.sme_row(sector) {
        Some(r) => (
            r.small_max_krw.value,
            r.medium_max_krw.value,
            r.small_max_krw.assumption || r.medium_max_krw.assumption,
        ),
        // The loader guarantees a row per sector; without one nothing qualifies.
        None => (0.0, 0.0, true),
    }
}

/// The one place the size class is decided, used by `assess` and `size_of`.
fn decide(input: &Input, ds: &Dataset, small_max: f64, medium_max: f64) -> (SmeSize, SmeBasis) {
    let revenue = input.revenue_krw as f64;
    if input.medical_corporation == Some(true) {
        (SmeSize::None, SmeBasis::MedicalCorporation)
    } else if input
        .total_assets_krw
        .is_some_and(|a| a as f64 >= ds.sme.asset_cap_krw.value)
    {
        (SmeSize::None, SmeBasis::AssetCap)
    } else if revenue <= small_max {
        (SmeSize::Small, SmeBasis::Revenue)
    } else if revenue <= medium_max {
        (SmeSize::Medium, SmeBasis::Revenue)
    } else {
        (SmeSize::None, SmeBasis::Revenue)
    }
}

/// The size class alone (the batch scorer's path; `assess` decides the same).
pub fn size_of(input: &Input, ds: &Dataset) -> SmeSize {
    let (small_max, medium_max, _) = thresholds(ds, &input.sector);
    decide(input, ds, small_max, medium_max).0
}

/// Decides the firm's SME status, with everything the wording needs.
pub fn assess(input: &Input, ds: &Dataset) -> SmeAssessment {
    let (small_max, medium_max, assumed) = thresholds(ds, &input.sector);
    let (size, basis) = decide(input, ds, small_max, medium_max);
    SmeAssessment {
        size,
        basis,
        revenue_krw: input.revenue_krw,
        small_max_krw: small_max,
        medium_max_krw: medium_max,
        asset_cap_krw: ds.sme.asset_cap_krw.value,
        assets_given: input.total_assets_krw.is_some(),
        threshold_assumed: assumed,
        revision_may_give: revision_outcome(input, ds, small_max, medium_max, size, basis),
    }
}

/// The size a pending revision in force on the case's day may give the firm instead of the one
/// decided: `Some(Small)` when the revenue is above the small limit by no more than the largest
/// small raise, `Some(Medium)` ("may be an SME") when above the medium limit by no more than the
/// largest medium raise; `None` when the revision is not yet in force, cannot matter, or the firm
/// is excluded on other grounds (medical corporation, assets). `words::sme_status` words it.
pub fn revision_may_give(input: &Input, ds: &Dataset) -> Option<SmeSize> {
    let (small_max, medium_max, _) = thresholds(ds, &input.sector);
    let (size, basis) = decide(input, ds, small_max, medium_max);
    revision_outcome(input, ds, small_max, medium_max, size, basis)
}

/// After a revision whose values we do not know comes into force, a firm whose revenue is above
/// a threshold by no more than that threshold's largest possible raise may be classified
/// differently: the class it may get (`Medium` standing for "an SME"). Never changes the class.
fn revision_outcome(
    input: &Input,
    ds: &Dataset,
    small_max: f64,
    medium_max: f64,
    size: SmeSize,
    basis: SmeBasis,
) -> Option<SmeSize> {
    let rev = ds.sme.pending_revision.as_ref()?;
    let today = input.today.as_deref().unwrap_or(&ds.figures_as_of);
    // ISO dates compare correctly as strings.
    if basis != SmeBasis::Revenue || today < rev.effective.as_str() {
        return None;
    }
    let revenue = input.revenue_krw as f64;
    let could_be_medium = size == SmeSize::None && revenue <= medium_max + rev.medium_max_raise_krw.value;
    let could_be_small =
        size != SmeSize::Small && revenue > small_max && revenue <= small_max + rev.small_max_raise_krw.value;
    if could_be_small {
        Some(SmeSize::Small)
    } else if could_be_medium {
        Some(SmeSize::Medium)
    } else {
        None
    }
}
