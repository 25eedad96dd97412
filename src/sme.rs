//! SME status under the Framework Act on SMEs (Enforcement Decree tables 1 and 3).
//!
//! Size follows the 3-year average revenue of the main industry against the dataset's table,
//! plus the total-asset cap. Independence (business-group membership, a large shareholder) is
//! not asked and always stated as something to confirm. A newer revision whose per-industry
//! values we do not know never changes the class; it only warns a firm whose revenue lies
//! within the largest possible raise above a threshold.

use crate::amount::format_krw;
use crate::dataset::Dataset;
use crate::engine::to_won;
use crate::error::Lang;
use crate::ko::{euro, josa};
use crate::model::{Input, SmeSize, SmeStatus};
use crate::rules::size_name;

/// What decided the size: the one place the size class is decided, used by `classify` (with
/// reasons) and `size_of` (without).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Basis {
    /// A non-profit medical corporation: not an enterprise.
    MedicalCorporation,
    /// Total assets at or above the cap.
    AssetCap,
    /// Revenue against the sector's thresholds.
    Revenue,
}

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

fn decide(input: &Input, ds: &Dataset, small_max: f64, medium_max: f64) -> (SmeSize, Basis) {
    let revenue = input.revenue_krw as f64;
    if input.medical_corporation == Some(true) {
        (SmeSize::None, Basis::MedicalCorporation)
    } else if input
        .total_assets_krw
        .is_some_and(|a| a as f64 >= ds.sme.asset_cap_krw.value)
    {
        (SmeSize::None, Basis::AssetCap)
    } else if revenue <= small_max {
        (SmeSize::Small, Basis::Revenue)
    } else if revenue <= medium_max {
        (SmeSize::Medium, Basis::Revenue)
    } else {
        (SmeSize::None, Basis::Revenue)
    }
}

/// The size class alone, without reasons (the batch scorer's path; `classify` decides the same).
pub fn size_of(input: &Input, ds: &Dataset) -> SmeSize {
    let (small_max, medium_max, _) = thresholds(ds, &input.sector);
    decide(input, ds, small_max, medium_max).0
}

/// Classifies the firm. `row` must be the dataset's row for the input's sector (checked by the caller).
pub fn classify(input: &Input, ds: &Dataset) -> SmeStatus {
    let lang = input.lang;
    let rules = &ds.sme;
    let (small_max, medium_max, assumed) = thresholds(ds, &input.sector);
    let sector_name = ds
        .sector(&input.sector)
        .map(|s| s.name.get(lang))
        .unwrap_or(input.sector.as_str());
    let revenue = input.revenue_krw as f64;
    let cap = rules.asset_cap_krw.value;
    let mut reasons = Vec::new();

    let (size, basis) = decide(input, ds, small_max, medium_max);
    match basis {
        Basis::MedicalCorporation => reasons.push(
            lang.pick(
                "비영리 의료법인은 「중소기업기본법」상 기업이 아니므로 중소기업 판정 대상이 아닙니다.",
                "A non-profit medical corporation (의료법인) is not an enterprise under the Framework Act on SMEs, so it cannot be an SME.",
            )
            .to_owned(),
        ),
        Basis::AssetCap => reasons.push(
            [
                lang.pick("자산총액이 ", "Total assets are at or above "),
                &format_krw(to_won(cap), lang),
                lang.pick(" 이상이므로 중소기업이 아닙니다.", ", so the firm is not an SME."),
            ]
            .concat(),
        ),
        Basis::Revenue => {
            reasons.push(revenue_reason(size, input.revenue_krw, sector_name, small_max, medium_max, lang));
            if input.total_assets_krw.is_none() {
                reasons.push(
                    [
                        lang.pick("자산총액 ", "Total assets must also be below "),
                        &format_krw(to_won(cap), lang),
                        lang.pick(" 미만이어야 합니다(입력하지 않음).", " (not given)."),
                    ]
                    .concat(),
                );
            }
        }
    }
    if size != SmeSize::None {
        reasons.push(
            lang.pick(
                "독립성 기준(상호출자제한기업집단 소속 여부, 자산 5천억 원 이상 법인의 지분 30% 이상 소유 여부)은 확인하지 않았습니다.",
                "Independence (not in a restricted business group; not 30 %+ owned by a company with assets of KRW 500 billion or more) was not checked.",
            )
            .to_owned(),
        );
    }
    if assumed {
        reasons.push(
            lang.pick(
                "이 업종의 기준 금액 일부는 확인되지 않은 가정값입니다.",
                "Some thresholds for this sector are unverified assumptions.",
            )
            .to_owned(),
        );
    }

    let revision_warning = revision_warning(input, ds, revenue, small_max, medium_max, size, basis != Basis::Revenue);

    SmeStatus {
        size,
        label: size_label(size, lang).to_owned(),
        reasons,
        table: rules.table.name.get(lang).to_owned(),
        table_effective: rules.table.effective.clone(),
        table_source: rules.table.source.clone(),
        small_max_krw: small_max,
        medium_max_krw: medium_max,
        threshold_assumed: assumed,
        revision_warning,
        confirm_at: rules.confirm_at.clone(),
    }
}

/// The label shown as the headline of the SME card.
pub fn size_label(size: SmeSize, lang: Lang) -> &'static str {
    match size {
        SmeSize::Small => lang.pick("소기업(중소기업)", "Small enterprise (SME)"),
        SmeSize::Medium => lang.pick("중기업(중소기업)", "Medium enterprise (SME)"),
        SmeSize::None => size_name(SmeSize::None, lang),
    }
}

fn revenue_reason(size: SmeSize, revenue: u64, sector: &str, small_max: f64, medium_max: f64, lang: Lang) -> String {
    let rev = format_krw(revenue, lang);
    let small = format_krw(to_won(small_max), lang);
    let medium = format_krw(to_won(medium_max), lang);
    match (size, lang) {
        (SmeSize::Small, Lang::Ko) => [
            "3년 평균 매출액 ",
            &rev,
            josa(&rev, "이 ", "가 "),
            sector,
            " 소기업 기준(",
            &small,
            " 이하)에 해당합니다.",
        ]
        .concat(),
        (SmeSize::Small, Lang::En) => [
            "3-year average revenue of ",
            &rev,
            " is within the small-enterprise limit for ",
            sector,
            " (at most ",
            &small,
            ").",
        ]
        .concat(),
        (SmeSize::Medium, Lang::Ko) => [
            "3년 평균 매출액 ",
            &rev,
            josa(&rev, "이 ", "가 "),
            sector,
            " 소기업 기준(",
            &small,
            ")을 넘고 중기업 기준(",
            &medium,
            " 이하)에 해당합니다.",
        ]
        .concat(),
        (SmeSize::Medium, Lang::En) => [
            "3-year average revenue of ",
            &rev,
            " is above the small-enterprise limit (",
            &small,
            ") and within the SME limit for ",
            sector,
            " (at most ",
            &medium,
            ").",
        ]
        .concat(),
        (SmeSize::None, Lang::Ko) => [
            "3년 평균 매출액 ",
            &rev,
            josa(&rev, "이 ", "가 "),
            sector,
            " 중소기업 기준(",
            &medium,
            " 이하)을 넘습니다.",
        ]
        .concat(),
        (SmeSize::None, Lang::En) => [
            "3-year average revenue of ",
            &rev,
            " is above the SME limit for ",
            sector,
            " (at most ",
            &medium,
            ").",
        ]
        .concat(),
    }
}

/// The size a pending revision in force on the case's day may give the firm instead of the one
/// decided: `Some(Small)` when the revenue is above the small limit by no more than the largest
/// small raise, `Some(Medium)` ("may be an SME") when above the medium limit by no more than the
/// largest medium raise; `None` when the revision is not yet in force, cannot matter, or the firm
/// is excluded on other grounds (medical corporation, assets). `revision_warning` words it.
pub fn revision_may_give(input: &Input, ds: &Dataset) -> Option<SmeSize> {
    let (small_max, medium_max, _) = thresholds(ds, &input.sector);
    let (size, basis) = decide(input, ds, small_max, medium_max);
    revision_hint(
        input,
        ds,
        input.revenue_krw as f64,
        small_max,
        medium_max,
        size,
        basis != Basis::Revenue,
    )
}

fn revision_hint(
    input: &Input,
    ds: &Dataset,
    revenue: f64,
    small_max: f64,
    medium_max: f64,
    size: SmeSize,
    excluded: bool,
) -> Option<SmeSize> {
    let rev = ds.sme.pending_revision.as_ref()?;
    let today = input.today.as_deref().unwrap_or(&ds.figures_as_of);
    // ISO dates compare correctly as strings.
    if excluded || today < rev.effective.as_str() {
        return None;
    }
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

/// After a revision whose values we do not know comes into force, a firm whose revenue is above
/// a threshold by no more than that threshold's largest possible raise may be classified
/// differently: say so, and where to confirm. Never changes the class itself.
fn revision_warning(
    input: &Input,
    ds: &Dataset,
    revenue: f64,
    small_max: f64,
    medium_max: f64,
    size: SmeSize,
    excluded: bool,
) -> Option<String> {
    let rev = ds.sme.pending_revision.as_ref()?;
    let lang = input.lang;
    let target = match revision_hint(input, ds, revenue, small_max, medium_max, size, excluded)? {
        SmeSize::Small => size_name(SmeSize::Small, lang),
        _ => lang.pick("중소기업", "an SME"),
    };
    Some(
        [
            rev.name.get(lang),
            lang.pick(" (", " (in force from "),
            &rev.effective,
            lang.pick(
                " 시행)에 따라 기준이 상향되었을 수 있어 ",
                ") may have raised the limit for your industry, so you may count as ",
            ),
            target,
            lang.pick(euro(target), ""),
            lang.pick(
                " 분류될 수 있습니다. 업종별 새 기준은 ",
                ". The new per-industry limits are not in this dataset; confirm at ",
            ),
            &ds.sme.confirm_at,
            lang.pick("에서 확인하세요.", "."),
        ]
        .concat(),
    )
}
