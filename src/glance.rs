//! What would change the answer: each readiness question answered "yes" and the revenue or
//! total assets at which the SME status would change, as numbers (`words` words them).
//!
//! The base potential under another readiness answer comes from the caller (`outcome`) as a
//! function of the input, so these entries use exactly the formula of the estimate itself.
//!
//! Depends on: `model`. Used by `outcome`.

use crate::model::{Direction, Input, Question, SmeAssessment, SmeBasis, SmeMeasure, SmeSize};

/// The base potential with one readiness answer "yes".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WhatIfGain {
    pub id: Question,
    /// The base potential with this answer "yes", whole won.
    pub base_krw: f64,
    /// `base_krw` minus the base potential now.
    pub gain_krw: f64,
}

/// A revenue or total assets at which the SME status would change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SmeChange {
    pub measure: SmeMeasure,
    pub direction: Direction,
    pub krw: f64,
    pub becomes: SmeSize,
}

/// One entry per readiness question not answered "yes": the base potential (`base_of`) with
/// that one answer "yes" and the others as given.
pub fn what_if(input: &Input, base_now: f64, base_of: &dyn Fn(&Input) -> f64) -> Vec<WhatIfGain> {
    let mut out = Vec::new();
    for (q, _) in Question::ALL {
        if input.readiness.answer(q) == Some(true) {
            continue;
        }
        let mut changed = input.clone();
        match q {
            Question::Certification => changed.readiness.certification = Some(true),
            Question::LocalPartner => changed.readiness.local_partner = Some(true),
            Question::ExportExperience => changed.readiness.export_experience = Some(true),
            Question::LocalLanguage => changed.readiness.local_language = Some(true),
        }
        let base_krw = base_of(&changed);
        out.push(WhatIfGain {
            id: q,
            base_krw,
            gain_krw: base_krw - base_now,
        });
    }
    out
}

/// The revenue or total assets at which the SME status would change, nearest change first.
pub fn what_if_sme(a: &SmeAssessment) -> Vec<SmeChange> {
    let mut changes: Vec<(SmeMeasure, Direction, f64, SmeSize)> = Vec::new();
    match (a.basis, a.size) {
        (SmeBasis::MedicalCorporation, _) => {}
        (SmeBasis::AssetCap, _) => {
            changes.push((
                SmeMeasure::TotalAssets,
                Direction::Below,
                a.asset_cap_krw,
                a.size_by_revenue,
            ));
        }
        (SmeBasis::Revenue, SmeSize::Small) => {
            changes.push((SmeMeasure::Revenue, Direction::Above, a.small_max_krw, SmeSize::Medium));
            changes.push((SmeMeasure::Revenue, Direction::Above, a.medium_max_krw, SmeSize::None));
        }
        (SmeBasis::Revenue, SmeSize::Medium) => {
            changes.push((SmeMeasure::Revenue, Direction::AtMost, a.small_max_krw, SmeSize::Small));
            changes.push((SmeMeasure::Revenue, Direction::Above, a.medium_max_krw, SmeSize::None));
        }
        (SmeBasis::Revenue, SmeSize::None) => {
            changes.push((
                SmeMeasure::Revenue,
                Direction::AtMost,
                a.medium_max_krw,
                SmeSize::Medium,
            ));
        }
    }
    if a.basis == SmeBasis::Revenue && a.size != SmeSize::None {
        changes.push((
            SmeMeasure::TotalAssets,
            Direction::AtLeast,
            a.asset_cap_krw,
            SmeSize::None,
        ));
    }
    changes
        .into_iter()
        .filter(|(_, _, krw, _)| *krw > 0.0)
        .map(|(measure, direction, krw, becomes)| SmeChange {
            measure,
            direction,
            krw,
            becomes,
        })
        .collect()
}
