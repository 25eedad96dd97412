//! The SME card: whether the firm counts as an SME, by which ceiling, and what the widget cannot check.

use crate::amount::{format_krw, format_number, to_won};
use crate::dataset::Dataset;
use crate::error::Lang;
use crate::ko::josa;
use crate::model::{Input, SmeAssessment, SmeBasis, SmeStatus, SmeThreshold};
use crate::vocab::SmeSize;

use super::names::size_label;

/// The SME card: the decision of `sme::assess` in the input's language.
pub fn sme_status(a: &SmeAssessment, input: &Input, ds: &Dataset) -> SmeStatus {
    let lang = input.lang;
    let rules = &ds.sme;
    let table = rules.tables.get(a.table);
    let sector_name = ds
        .sector(&input.sector)
        .map(|s| s.name.get(lang))
        .unwrap_or(input.sector.as_str());
    let cap = format_krw(to_won(a.asset_cap_krw), lang);
    let mut reasons = Vec::new();
    match a.basis {
        SmeBasis::MedicalCorporation => reasons.push(
            lang.pick(
                "비영리 의료법인은 「중소기업기본법」상 기업이 아니므로 중소기업 판정 대상이 아닙니다.",
                "A non-profit medical corporation (의료법인) is not an enterprise under the Framework Act on SMEs, so it cannot be an SME.",
            )
            .to_owned(),
        ),
        SmeBasis::AssetCap => reasons.push(
            [
                lang.pick("자산총액이 ", "Total assets are at or above "),
                &cap,
                lang.pick(" 이상이므로 중소기업이 아닙니다.", ", so the firm is not an SME."),
            ]
            .concat(),
        ),
        SmeBasis::Revenue => {
            reasons.push(revenue_reason(a, sector_name, lang));
            if !a.assets_given {
                reasons.push(
                    [
                        lang.pick("자산총액 ", "Total assets must also be below "),
                        &cap,
                        lang.pick(" 미만이어야 합니다(입력하지 않음).", " (not given)."),
                    ]
                    .concat(),
                );
            }
        }
    }
    if a.threshold_assumed {
        reasons.push(
            lang.pick(
                "이 업종의 기준 금액 일부는 확인되지 않은 가정값입니다.",
                "Some thresholds for this sector are unverified assumptions.",
            )
            .to_owned(),
        );
    }
    let revenue_based = a.basis == SmeBasis::Revenue;
    let thresholds = if revenue_based {
        vec![
            sme_threshold(SmeSize::Small, a.small_max_krw, a.revenue_krw, lang),
            sme_threshold(SmeSize::Medium, a.medium_max_krw, a.revenue_krw, lang),
        ]
    } else {
        Vec::new()
    };
    let effective = table.map_or("", |t| t.effective.as_str());
    SmeStatus {
        size: a.size,
        basis: a.basis,
        label: size_label(a.size, lang).to_owned(),
        reasons,
        table_id: table.map(|t| t.id.clone()).unwrap_or_default(),
        table: table.map(|t| t.name.get(lang).to_owned()).unwrap_or_default(),
        table_effective: effective.to_owned(),
        table_source: table.map(|t| t.source.clone()).unwrap_or_default(),
        small_max_krw: a.small_max_krw,
        medium_max_krw: a.medium_max_krw,
        limits: sme_limits(a, lang),
        thresholds,
        threshold_assumed: a.threshold_assumed,
        not_checked: if revenue_based {
            not_checked(a.size, ds, lang)
        } else {
            Vec::new()
        },
        confirm_at: rules.confirm_at.clone(),
    }
}

/// A ceiling's name: "소기업 상한" / "small-enterprise ceiling".
fn ceiling_name(size: SmeSize, lang: Lang) -> &'static str {
    match size {
        SmeSize::Small => lang.pick("소기업 상한", "small-enterprise ceiling"),
        _ => lang.pick("중소기업(중기업) 상한", "SME (medium-enterprise) ceiling"),
    }
}

/// One ceiling as the limits row shows it ("80억 원 이하" / "80억 원").
fn limit_amount(max: f64, lang: Lang) -> String {
    [format_krw(to_won(max), lang), lang.pick(" 이하", "").to_owned()].concat()
}

/// The sector's limits in one line (the card's "limits" row).
fn sme_limits(a: &SmeAssessment, lang: Lang) -> String {
    let small = limit_amount(a.small_max_krw, lang);
    let medium = limit_amount(a.medium_max_krw, lang);
    match lang {
        Lang::Ko => ["소기업 ", &small, " · 중기업 ", &medium].concat(),
        Lang::En => ["small: up to ", &small, " · medium: up to ", &medium].concat(),
    }
}

/// A threshold and the distance to it: "45억 원 below the 80억 원 small-enterprise ceiling".
fn sme_threshold(size: SmeSize, max: f64, revenue: u64, lang: Lang) -> SmeThreshold {
    let distance = revenue as f64 - max;
    let gap = format_krw(to_won(distance.abs()), lang);
    let limit = format_krw(to_won(max), lang);
    let name = ceiling_name(size, lang);
    let text = match (distance.partial_cmp(&0.0), lang) {
        (Some(core::cmp::Ordering::Equal), Lang::Ko) => [
            "매출액이 ",
            name,
            " ",
            &limit,
            josa(&limit, "과", "와"),
            " 같습니다(이하이므로 해당).",
        ]
        .concat(),
        (Some(core::cmp::Ordering::Equal), Lang::En) => {
            ["Exactly at the ", &limit, " ", name, " (at most, so within it)."].concat()
        }
        (Some(core::cmp::Ordering::Less), Lang::Ko) => [name, " ", &limit, "보다 ", &gap, " 적습니다."].concat(),
        (Some(core::cmp::Ordering::Less), Lang::En) => [gap.as_str(), " below the ", &limit, " ", name, "."].concat(),
        (_, Lang::Ko) => [name, " ", &limit, "보다 ", &gap, " 많습니다."].concat(),
        (_, Lang::En) => [gap.as_str(), " above the ", &limit, " ", name, "."].concat(),
    };
    SmeThreshold {
        size,
        max_krw: max,
        distance_krw: distance.round(),
        text,
    }
}

/// The conditions of SME status the widget cannot check.
fn not_checked(size: SmeSize, ds: &Dataset, lang: Lang) -> Vec<String> {
    let years = format_number(ds.sme.grace_period_years.value, 2);
    let mut out = vec![
        lang.pick(
            "관계기업: 지배·종속 관계인 관계기업이 있으면 그 매출액을 출자 비율만큼 합산해 판단합니다(확인하지 않음).",
            "Affiliated companies (관계기업): the revenue of companies you control or that control you is counted together, by the share held; not checked.",
        )
        .to_owned(),
        match lang {
            Lang::Ko => ["유예기간: 규모 기준을 넘게 된 기업도 ", years.as_str(), "년간(최초 1회) 중소기업으로 봅니다(확인하지 않음)."].concat(),
            Lang::En => ["Grace period (유예기간): a firm that outgrows a threshold still counts as an SME for ", years.as_str(), " years, once; not checked."].concat(),
        },
    ];
    if size != SmeSize::None {
        out.push(
            lang.pick(
                "독립성 기준(상호출자제한기업집단 소속 여부, 자산 5천억 원 이상 법인의 지분 30% 이상 소유 여부)은 확인하지 않았습니다.",
                "Independence (not in a restricted business group; not 30 %+ owned by a company with assets of KRW 500 billion or more) was not checked.",
            )
            .to_owned(),
        );
    }
    out
}

fn revenue_reason(a: &SmeAssessment, sector: &str, lang: Lang) -> String {
    let rev = format_krw(a.revenue_krw, lang);
    let small = format_krw(to_won(a.small_max_krw), lang);
    let medium = format_krw(to_won(a.medium_max_krw), lang);
    // The subject particle after the amount ("이" or "가"), which the Korean sentences need.
    let i_ga = josa(&rev, "이", "가");
    match (a.size, lang) {
        (SmeSize::Small, Lang::Ko) => {
            format!("3년 평균 매출액 {rev}{i_ga} {sector} 소기업 기준({small} 이하)에 해당합니다.")
        }
        (SmeSize::Small, Lang::En) => {
            format!(
                "3-year average revenue of {rev} is within the small-enterprise limit for {sector} (at most {small})."
            )
        }
        (SmeSize::Medium, Lang::Ko) => format!(
            "3년 평균 매출액 {rev}{i_ga} {sector} 소기업 기준({small})을 넘고 중기업 기준({medium} 이하)에 해당합니다."
        ),
        (SmeSize::Medium, Lang::En) => format!(
            "3-year average revenue of {rev} is above the small-enterprise limit ({small}) \
             and within the SME limit for {sector} (at most {medium})."
        ),
        (SmeSize::None, Lang::Ko) => {
            format!("3년 평균 매출액 {rev}{i_ga} {sector} 중소기업 기준({medium} 이하)을 넘습니다.")
        }
        (SmeSize::None, Lang::En) => {
            format!("3-year average revenue of {rev} is above the SME limit for {sector} (at most {medium}).")
        }
    }
}
