//! The assumed figures that entered a case, listed by their labels.

use crate::dataset::Dataset;
use crate::error::Lang;
use crate::model::{EaseBasis, Input};
use crate::potential::Terms;

/// The labels of assumed figures that entered this case, so the widget can list them: the
/// dataset's own flags, and `potential`'s and `sme`'s decisions (`terms`, `sme_assumed`).
pub fn assumptions(ds: &Dataset, input: &Input, terms: Option<&Terms>, sme_assumed: bool, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |label: (&str, &str), assumed: bool| {
        if assumed {
            out.push(lang.pick(label.0, label.1).to_owned());
        }
    };
    let m = &ds.method;
    add(("환율", "exchange rate"), ds.exchange_rate.krw_per_usd.assumption);
    add(("거리 탄력성", "distance elasticity"), m.distance_elasticity.assumption);
    add(("FTA 효과", "FTA effect"), m.fta_in_force_effect.assumption);
    add(
        ("준비도 배수", "readiness multipliers"),
        m.readiness_min_multiplier.assumption || m.readiness_max_multiplier.assumption,
    );
    add(("모형 불확실성", "model uncertainty"), m.model_uncertainty.assumption);
    let w = &m.readiness_weights;
    add(
        ("준비도 가중치", "readiness weights"),
        w.certification.assumption
            || w.local_partner.assumption
            || w.export_experience.assumption
            || w.local_language.assumption,
    );
    if let Some(s) = ds.sector(&input.sector) {
        add(
            ("한국의 세계 수출 점유율", "Korea's world export share"),
            s.korea_world_share.assumption,
        );
        add(
            ("국내 업종 규모·수출 비중", "Korea's sector output and export intensity"),
            s.korea_output_krw.assumption || s.korea_exports_krw.assumption,
        );
        add(
            ("한국의 업종 수출(달러)", "Korea's sector exports (USD)"),
            s.korea_exports_usd.assumption,
        );
    }
    if let Some(t) = terms {
        let mt = &t.market;
        add(
            (
                "시장 수요(대리 지표·기준 연도로 환산 포함)",
                "market demand (incl. proxies and bringing it to the price year)",
            ),
            mt.demand.assumed,
        );
        add(
            (
                "교역 용이성(실적 없는 시장의 거리 규칙)",
                "ease of trade (gravity fallback, no trade figure)",
            ),
            mt.ease_basis == EaseBasis::Gravity,
        );
        add(
            ("한국의 이 시장 수출 실적", "Korea's actual exports to this market"),
            mt.actual_assumed,
        );
        add(
            ("한국의 이 시장 전체 교역", "Korea's total trade with this market"),
            mt.ease_basis == EaseBasis::Pair
                && ds
                    .market(&input.market)
                    .and_then(|mk| mk.goods_trade.as_ref())
                    .is_some_and(|g| g.korea_exports_usd.assumption || g.imports_usd.assumption),
        );
    }
    if let Some(mk) = ds.market(&input.market) {
        add(
            ("수요 증가율", "demand growth"),
            mk.growth_for(&input.sector).is_some_and(|f| f.assumption),
        );
    }
    add(("중소기업 기준 금액", "SME thresholds"), sme_assumed);
    out
}
