//! Errors as values: every problem with what a user typed names its field, a machine-readable
//! reason and a message in Korean and English. Nothing in the engine panics on bad input;
//! it returns one of these instead.

use serde::Serialize;

/// Which input a problem belongs to. The widget uses this to put the message next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    RevenueKrw,
    Sector,
    Market,
    CurrentExportsKrw,
    ExportsToMarketKrw,
    TotalAssetsKrw,
    Lang,
}

impl Field {
    /// The field's label as a user sees it, in Korean and English.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Field::RevenueKrw => ("매출액(3년 평균)", "Revenue (3-year average)"),
            Field::Sector => ("업종", "Sector"),
            Field::Market => ("목표 시장", "Target market"),
            Field::CurrentExportsKrw => ("현재 총수출액", "Current total exports"),
            Field::ExportsToMarketKrw => ("목표 시장 수출액", "Exports to the target market"),
            Field::TotalAssetsKrw => ("자산총액", "Total assets"),
            Field::Lang => ("언어", "Language"),
        }
    }

    /// The camelCase name used in the JS API and in the widget's form.
    pub fn key(self) -> &'static str {
        match self {
            Field::RevenueKrw => "revenueKrw",
            Field::Sector => "sector",
            Field::Market => "market",
            Field::CurrentExportsKrw => "currentExportsKrw",
            Field::ExportsToMarketKrw => "exportsToMarketKrw",
            Field::TotalAssetsKrw => "totalAssetsKrw",
            Field::Lang => "lang",
        }
    }
}

/// Why an amount or a choice was refused. Shared by the amount parser and the input checks,
/// so each reason has one message in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// Nothing but white space.
    Empty,
    /// Not a number or a Korean amount at all ("abc", "억", emoji).
    NotANumber,
    /// Looked like an amount but is malformed ("3억억", "1,2,3", "5만억").
    Malformed,
    /// Below zero.
    Negative,
    /// Larger than any enterprise could report (see `amount::MAX_KRW`).
    TooLarge,
    /// NaN or infinity (from the JS API).
    NotFinite,
    /// A fraction of a won.
    FractionOfWon,
    /// A sector or market id the dataset does not know.
    Unknown,
    /// Exports to the market larger than total exports, or exports larger than revenue is fine,
    /// but exports to one market cannot exceed all exports.
    Inconsistent,
}

impl Reason {
    /// The camelCase name used in the JS API and the command line's JSON.
    pub fn key(self) -> &'static str {
        match self {
            Reason::Empty => "empty",
            Reason::NotANumber => "notANumber",
            Reason::Malformed => "malformed",
            Reason::Negative => "negative",
            Reason::TooLarge => "tooLarge",
            Reason::NotFinite => "notFinite",
            Reason::FractionOfWon => "fractionOfWon",
            Reason::Unknown => "unknown",
            Reason::Inconsistent => "inconsistent",
        }
    }
}

/// A problem with one input field, ready to show next to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputError {
    pub field: Field,
    pub reason: Reason,
    pub ko: String,
    pub en: String,
}

impl InputError {
    pub fn new(field: Field, reason: Reason) -> Self {
        let (label_ko, label_en) = field.label();
        let (why_ko, why_en) = reason_text(reason);
        let mut ko = String::with_capacity(label_ko.len() + why_ko.len() + 2);
        ko.push_str(label_ko);
        ko.push_str(": ");
        ko.push_str(why_ko);
        let mut en = String::with_capacity(label_en.len() + why_en.len() + 2);
        en.push_str(label_en);
        en.push_str(": ");
        en.push_str(why_en);
        InputError { field, reason, ko, en }
    }

    /// The message in the requested language ("en", anything else is Korean).
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

impl core::fmt::Display for InputError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.en)
    }
}

/// The two languages of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    /// Picks the Korean or English text of a pair.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}

/// The one place each reason is worded.
fn reason_text(reason: Reason) -> (&'static str, &'static str) {
    match reason {
        Reason::Empty => ("금액을 입력해 주세요.", "please enter an amount."),
        Reason::NotANumber => (
            "숫자로 된 금액이 아닙니다. 예: 35억, 3억 5천만, 1,250,000,000원",
            "this is not an amount. Examples: 35억, 3억 5천만, 1,250,000,000원",
        ),
        Reason::Malformed => (
            "금액 형식이 올바르지 않습니다. 예: 35억, 12.5억 원, 3억 5천만",
            "the amount is malformed. Examples: 35억, 12.5억 원, 3억 5천만",
        ),
        Reason::Negative => ("0 이상의 금액을 입력해 주세요.", "the amount cannot be negative."),
        Reason::TooLarge => (
            "금액이 너무 큽니다(최대 1,000조 원).",
            "the amount is too large (at most KRW 1,000 trillion).",
        ),
        Reason::NotFinite => ("유효한 숫자가 아닙니다.", "not a finite number."),
        Reason::FractionOfWon => (
            "원 단위 미만의 금액은 입력할 수 없습니다.",
            "amounts below one won are not allowed.",
        ),
        Reason::Unknown => (
            "목록에 있는 항목을 선택해 주세요.",
            "please choose an item from the list.",
        ),
        Reason::Inconsistent => (
            "목표 시장 수출액은 총수출액보다 클 수 없습니다.",
            "exports to one market cannot exceed total exports.",
        ),
    }
}
