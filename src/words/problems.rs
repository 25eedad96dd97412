//! Dataset problems: how to fix each one, and the notice when a widget cannot use a dataset.

use crate::error::Lang;
use crate::vocab::{Fix, ProblemKind};

/// How to fix a dataset problem, in one line of plain language.
pub fn fix(fix: Fix, lang: Lang) -> &'static str {
    let (ko, en) = match fix {
        Fix::Json => (
            "JSON 문법 오류입니다. 메시지에 나온 줄(line)과 칸(column) 근처의 쉼표, 따옴표, 괄호를 확인하세요.",
            "fix the JSON syntax near that line and column (often a missing comma, quote or bracket)",
        ),
        Fix::TooDeep => (
            "목록과 객체를 64단계보다 깊게 겹칠 수 없습니다.",
            "nest lists and objects at most 64 levels deep",
        ),
        Fix::Missing => ("이 항목이 없습니다. 추가하세요.", "add this field"),
        Fix::Type => (
            "값의 종류가 맞지 않습니다(예: 숫자 자리에 따옴표로 감싼 글자). 메시지의 expected 뒤에 나온 종류로 바꾸세요.",
            "change the value to the expected type",
        ),
        Fix::Negative => ("음수는 쓸 수 없습니다. 0 이상의 값으로 고치세요.", "use a value of 0 or more"),
        Fix::NotFinite => ("보통의 유한한 숫자를 쓰세요.", "use an ordinary finite number"),
        Fix::Range => (
            "허용 범위를 벗어났습니다. 메시지에 나온 범위로 고치세요.",
            "change the value as the message says",
        ),
        Fix::Unsourced => (
            "출처(source)가 없습니다. 출처를 적거나, 가정한 값이면 \"assumption\": true로 표시하세요.",
            "add a \"source\" or set \"assumption\": true",
        ),
        Fix::Duplicate => (
            "같은 id가 두 번 나옵니다. id를 바꾸거나 겹친 항목을 지우세요.",
            "give each entry its own id, or remove the repeated entry",
        ),
        Fix::UnknownSector => (
            "sectors 목록에 없는 업종 id입니다. 철자를 확인하거나 sectors에 그 업종을 추가하세요.",
            "use an id listed in \"sectors\", or add that sector there",
        ),
        Fix::UnknownMarket => (
            "markets 목록에 없는 시장 id입니다. 철자를 확인하거나 markets에 그 시장을 추가하세요.",
            "use an id listed in \"markets\", or add that market there",
        ),
        Fix::UnknownProgram => (
            "programs 목록에 없는 제도 id입니다. 철자를 확인하거나 programs에 그 제도를 추가하세요.",
            "use an id listed in \"programs\", or add that programme there",
        ),
        Fix::UnknownRegion => (
            "regions 목록에 없는 지역 id입니다. 철자를 확인하거나 regions에 그 지역을 추가하세요.",
            "use an id listed in \"regions\", or add that region there",
        ),
        Fix::Incomplete => (
            "빠진 항목이 있습니다. 업종마다 하나씩 있어야 합니다.",
            "add the missing entry",
        ),
        Fix::UnknownKind => (
            "쓸 수 없는 값입니다. 메시지에 나온 값 중 하나를 쓰세요.",
            "use one of the values listed in the message",
        ),
        Fix::Empty => ("비워 둘 수 없습니다.", "fill this in; it must not be empty"),
        Fix::Date => (
            "날짜는 실제 있는 날을 YYYY-MM-DD로 쓰세요(예: 2025-03-31).",
            "write the date as YYYY-MM-DD, e.g. 2025-03-31",
        ),
        Fix::Schema => (
            "\"schema\" 값을 \"sme-export-dataset/1\"로 쓰세요.",
            "set \"schema\" to \"sme-export-dataset/1\"",
        ),
        Fix::Truncated => (
            "문제가 많아 일부만 보여 줍니다. 보이는 문제를 고친 뒤 다시 검사하세요.",
            "fix the problems shown and load the file again to see the rest",
        ),
        Fix::Encoding => ("파일을 UTF-8로 다시 저장하세요.", "save the file as UTF-8"),
        Fix::FileTooLarge => (
            "파일을 8MiB 아래로 줄이세요(긴 메모나 쓰지 않는 항목을 지우세요).",
            "trim the file below 8 MiB (long notes or unused entries)",
        ),
        Fix::ListTooLong => (
            "목록 하나에는 1,000개까지 넣을 수 있습니다.",
            "keep at most 1000 entries in one list",
        ),
        Fix::Positive => ("0보다 큰 수를 쓰세요.", "use a positive number"),
        Fix::Share => (
            "비율은 0~1 사이의 소수로 쓰세요(0.25 = 25%).",
            "write the share as a fraction between 0 and 1, e.g. 0.25 for 25 %",
        ),
        Fix::Growth => (
            "증가율은 -0.5~1 사이의 소수로 쓰세요(0.05 = 연 5%).",
            "write the growth as a fraction, e.g. 0.05 for 5 % a year",
        ),
        Fix::Year => (
            "연도는 1900~2200 사이의 네 자리로 쓰세요(예: 2024).",
            "write the full four-digit year, e.g. 2024",
        ),
        Fix::TargetAfterBase => (
            "targetYear를 baseYear보다 뒤의 연도로 하세요.",
            "set targetYear to a later year than baseYear",
        ),
        Fix::TargetWithin50Years => (
            "목표 연도는 기준 연도부터 50년 안이어야 합니다.",
            "use a target year within 50 years of the base year",
        ),
        Fix::MinMultiplierAboveMax => (
            "최소 배수(readinessMinMultiplier)가 최대 배수보다 크지 않게 하세요.",
            "make the minimum multiplier at most the maximum",
        ),
        Fix::WeightsSum => (
            "네 가중치의 합이 정확히 1이 되게 고치세요.",
            "adjust the weights so they add up to exactly 1",
        ),
        Fix::SmallAboveMedium => (
            "소기업 기준(smallMaxKrw)이 중기업 기준(mediumMaxKrw)보다 크지 않게 하세요.",
            "the small-enterprise limit must be at most the medium one",
        ),
        Fix::SwapMinMax => ("minKrw와 maxKrw를 서로 바꾸세요.", "swap minKrw and maxKrw"),
        Fix::RateForPriceYear => (
            "exchangeRates에 priceYear 연도의 환율(연평균)을 추가하거나 priceYear를 환율이 있는 연도로 바꾸세요.",
            "add the price year's annual average rate to \"exchangeRates\", or set \"priceYear\" to a year that has one",
        ),
    };
    lang.pick(ko, en)
}

/// Why a widget could not use a dataset, in a few words for its notice: the kind of the one
/// problem where that says it all (not JSON, too large, too deep), else how many problems.
/// `kinds` are the problems' kinds in order.
pub fn dataset_notice(kinds: &[ProblemKind], lang: Lang) -> String {
    let truncated = kinds.contains(&ProblemKind::Truncated);
    let counted = kinds.iter().filter(|k| **k != ProblemKind::Truncated).count();
    match kinds {
        [ProblemKind::Json] => lang.pick("JSON 형식이 아님", "not valid JSON").to_owned(),
        [ProblemKind::TooLarge] => lang
            .pick("파일이 8MiB보다 큼", "the file is larger than 8 MiB")
            .to_owned(),
        [ProblemKind::TooDeep] => lang
            .pick("64단계보다 깊게 겹친 구조", "nested more than 64 levels deep")
            .to_owned(),
        [_] => lang.pick("데이터 문제 1건", "a problem in the data").to_owned(),
        _ => {
            let n = [counted.to_string().as_str(), if truncated { "+" } else { "" }].concat();
            match lang {
                Lang::Ko => ["데이터 문제 ", &n, "건"].concat(),
                Lang::En => [n.as_str(), " problems in the data"].concat(),
            }
        }
    }
}
