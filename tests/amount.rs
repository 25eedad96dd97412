//! Korean amount parsing and formatting: what people type, what the widget shows.

use proptest::prelude::*;
use sme_export::amount::{check_krw, format_krw, format_krw_short, format_usd, parse_amount, MAX_KRW};
use sme_export::error::{Lang, Reason};

const GOOD: &[(&str, u64)] = &[
    ("35억", 3_500_000_000),
    ("3억 5천만", 350_000_000),
    ("3억5천만원", 350_000_000),
    ("12.5억 원", 1_250_000_000),
    ("1,250,000,000원", 1_250_000_000),
    ("1250000000", 1_250_000_000),
    ("３５억", 3_500_000_000),
    ("１，２５０，０００원", 1_250_000),
    ("0.5억", 50_000_000),
    ("0.1억", 10_000_000),
    ("0.05억", 5_000_000),
    ("2조 3,000억", 2_300_000_000_000),
    ("12억 3456만 7898", 1_234_567_898),
    ("12억 3,456만 7,898 원", 1_234_567_898),
    ("5천만", 50_000_000),
    ("천만원", 10_000_000),
    ("백만", 1_000_000),
    ("천", 1_000),
    ("십", 10),
    ("십억", 1_000_000_000),
    ("천억 원", 100_000_000_000),
    ("1억원", 100_000_000),
    ("1억 원", 100_000_000),
    ("3억 원", 300_000_000),
    ("₩35억", 3_500_000_000),
    ("￦1,000", 1_000),
    ("35 억 원", 3_500_000_000),
    ("30 억", 3_000_000_000),
    ("KRW 3,500,000,000", 3_500_000_000),
    ("krw 5000", 5_000),
    ("3,500,000,000 KRW", 3_500_000_000),
    ("삼십오억", 3_500_000_000),
    ("삼억 오천만", 350_000_000),
    ("삼억오천만원", 350_000_000),
    ("일억 이천", 120_000_000),
    ("십이억 삼천사백오십육만", 1_234_560_000),
    ("십이억 삼천사백오십육만 칠천팔백구십팔", 1_234_567_898),
    ("3억 오천만", 350_000_000),
    ("삼억 5천만 원", 350_000_000),
    ("이조 삼천억", 2_300_000_000_000),
    ("육백만", 6_000_000),
    ("구", 9),
    ("일천만 원", 10_000_000),
    ("0", 0),
    ("0원", 0),
    ("0억", 0),
    ("+35억", 3_500_000_000),
    ("  35억  ", 3_500_000_000),
    ("\u{a0}35억\u{3000}", 3_500_000_000),
    ("\u{3000}3억\u{a0}5천만\u{a0}원", 350_000_000),
    ("1.25조", 1_250_000_000_000),
    ("1조", 1_000_000_000_000),
    ("1000조", MAX_KRW),
    ("1,000조 원", MAX_KRW),
    ("999조 9999억 9999만 9999", 999_999_999_999_999),
    ("2천5백만", 25_000_000),
    ("5천3백2십1", 5_321),
    ("5천 500", 5_500),
    ("1.5천만", 15_000_000),
    ("1,234.5만", 12_345_000),
    ("12,345,678원", 12_345_678),
    ("35억 5,000만 원", 3_550_000_000),
    ("50억원", 5_000_000_000),
    ("120억", 12_000_000_000),
    ("800만원", 8_000_000),
    ("4억 2천만 원", 420_000_000),
    ("1억 2", 100_000_002),
    ("100.00", 100),
    ("1.0000억", 100_000_000),
    ("0.0001만", 1),
    ("1.2345억", 123_450_000),
    ("007", 7),
    ("２조\u{3000}３,０００억", 2_300_000_000_000),
    ("2 조 5 천 억", 2_500_000_000_000),
    ("35억 1,250,000", 3_501_250_000),
    ("150000000", 150_000_000),
    ("1.000000000000000000000000000000억", 100_000_000),
    ("000000000000000000000000000000000000000000000001억", 100_000_000),
];

const BAD: &[(&str, Reason)] = &[
    ("", Reason::Empty),
    ("   ", Reason::Empty),
    ("\u{3000}\u{a0}\t\n", Reason::Empty),
    ("abc", Reason::NotANumber),
    ("-5억", Reason::Negative),
    ("−5억", Reason::Negative),
    ("－5억", Reason::Negative),
    ("마이너스 5억", Reason::Negative),
    ("--5", Reason::Negative),
    ("-0", Reason::Negative),
    ("₩-5억", Reason::Negative),
    ("KRW -5", Reason::Negative),
    ("△5억", Reason::Negative),
    ("-abc", Reason::Negative),
    ("1e400", Reason::NotANumber),
    ("1e5", Reason::NotANumber),
    ("１e5", Reason::NotANumber),
    ("0x10", Reason::NotANumber),
    ("NaN", Reason::NotANumber),
    ("Infinity", Reason::NotANumber),
    ("억", Reason::NotANumber),
    ("만원", Reason::NotANumber),
    ("원", Reason::NotANumber),
    ("KRW", Reason::NotANumber),
    ("+", Reason::NotANumber),
    ("🙂", Reason::NotANumber),
    ("<script>alert(1)</script>", Reason::NotANumber),
    ("35억원정", Reason::NotANumber),
    ("삼오억", Reason::Malformed),
    ("오억 삼억", Reason::Malformed),
    ("이삼", Reason::Malformed),
    ("삼억억", Reason::Malformed),
    ("억삼", Reason::Malformed),
    ("영억", Reason::NotANumber),
    ("3억억", Reason::Malformed),
    ("5만억", Reason::Malformed),
    ("3억 5억", Reason::Malformed),
    ("3억 만", Reason::Malformed),
    ("2조 30,000억", Reason::Malformed),
    ("5천 30백", Reason::Malformed),
    ("5백 3천", Reason::Malformed),
    ("1,2,3", Reason::Malformed),
    ("1,000,00", Reason::Malformed),
    ("1000,000", Reason::Malformed),
    ("1,,000", Reason::Malformed),
    ("1,000,", Reason::Malformed),
    ("12,5억", Reason::Malformed),
    ("12..5억", Reason::Malformed),
    ("1.2.3억", Reason::Malformed),
    (".5억", Reason::Malformed),
    ("5.억", Reason::Malformed),
    ("5억-", Reason::Malformed),
    ("5+3", Reason::Malformed),
    ("12 34", Reason::Malformed),
    ("1억원 5천", Reason::Malformed),
    ("3원5", Reason::Malformed),
    ("3억, 5천만", Reason::Malformed),
    ("0.5원", Reason::FractionOfWon),
    ("1.5", Reason::FractionOfWon),
    ("1.00000001만", Reason::FractionOfWon),
    ("0.000000000000000000001조", Reason::FractionOfWon),
    (
        "0.12345678901234567890123456789012345678901234567890",
        Reason::FractionOfWon,
    ),
    ("1000조 1원", Reason::TooLarge),
    ("1001조", Reason::TooLarge),
    ("1,000,000,000,000,001", Reason::TooLarge),
    ("10000000000000000억", Reason::TooLarge),
    ("12345678901234567890123456789012345678901234567890", Reason::TooLarge),
    (
        "12345678901234567890123456789012345678901234567890.5조",
        Reason::TooLarge,
    ),
];

#[test]
fn good_inputs_parse_to_exact_won() {
    assert!(GOOD.len() >= 45, "only {} good cases", GOOD.len());
    for &(text, want) in GOOD {
        assert_eq!(parse_amount(text), Ok(want), "input {text:?}");
    }
}

#[test]
fn bad_inputs_give_the_right_reason() {
    assert!(BAD.len() >= 25, "only {} bad cases", BAD.len());
    for &(text, want) in BAD {
        assert_eq!(parse_amount(text), Err(want), "input {text:?}");
    }
}

const ROUND_TRIP: &[u64] = &[
    0,
    1,
    9,
    10,
    999,
    1_000,
    5_000,
    9_999,
    10_000,
    10_001,
    12_345,
    99_999_999,
    100_000_000,
    350_000_000,
    1_234_567_898,
    3_500_000_000,
    3_550_000_000,
    2_300_000_000_000,
    1_000_000_000_000,
    100_000_000_000_001,
    999_999_999_999_999,
    MAX_KRW,
];

#[test]
fn korean_format_round_trips() {
    for &n in ROUND_TRIP {
        let text = format_krw(n, Lang::Ko);
        assert_eq!(parse_amount(&text), Ok(n), "formatted {text:?}");
    }
}

#[test]
fn korean_format() {
    let cases: &[(u64, &str)] = &[
        (3_500_000_000, "35억 원"),
        (3_550_000_000, "35억 5,000만 원"),
        (1_234_567_898, "12억 3,456만 7,898 원"),
        (2_300_000_000_000, "2조 3,000억 원"),
        (0, "0 원"),
        (5_000, "5,000 원"),
        (10_000, "1만 원"),
        (100_000_001, "1억 1 원"),
        (MAX_KRW, "1,000조 원"),
        (u64::MAX, "18,446,744조 737억 955만 1,615 원"),
    ];
    for &(n, want) in cases {
        assert_eq!(format_krw(n, Lang::Ko), want, "{n}");
    }
}

#[test]
fn korean_short_format() {
    let cases: &[(u64, &str)] = &[
        (1_234_567_898, "12억 3,457만 원"),
        (3_500_000_000, "35억 원"),
        (3_550_000_000, "35억 5,000만 원"),
        (2_345_678_900_000, "2조 3,457억 원"),
        (1_999_999_999, "20억 원"),
        (12_345, "1만 2,345 원"),
        (5_000, "5,000 원"),
        (0, "0 원"),
        (999_999_999_999_999, "1,000조 원"),
        (u64::MAX, "18,446,744조 737억 원"),
    ];
    for &(n, want) in cases {
        assert_eq!(format_krw_short(n, Lang::Ko), want, "{n}");
    }
}

#[test]
fn english_format() {
    let cases: &[(u64, &str)] = &[
        (3_500_000_000, "KRW 3.5 billion"),
        (3_550_000_000, "KRW 3.55 billion"),
        (12_345_678, "KRW 12.35 million"),
        (2_300_000_000_000, "KRW 2.3 trillion"),
        (5_000, "KRW 5,000"),
        (0, "KRW 0"),
        (999_999, "KRW 999,999"),
        (1_000_000, "KRW 1 million"),
        (1_050_000, "KRW 1.05 million"),
        (999_996_000, "KRW 1 billion"),
        (123_456_789_000, "KRW 123.46 billion"),
        (MAX_KRW, "KRW 1,000 trillion"),
    ];
    for &(n, want) in cases {
        assert_eq!(format_krw(n, Lang::En), want, "{n}");
        assert_eq!(format_krw_short(n, Lang::En), want, "short {n}");
    }
    assert!(format_krw(u64::MAX, Lang::En).ends_with(" trillion"));
}

#[test]
fn usd_format() {
    let cases: &[(f64, &str)] = &[
        (3_360_000.0, "US$ 3.4M"),
        (340_000.0, "US$ 340K"),
        (1_200_000_000.0, "US$ 1.2B"),
        (950.0, "US$ 950"),
        (12_300_000.0, "US$ 12M"),
        (3_000_000.0, "US$ 3M"),
        (9_960_000.0, "US$ 10M"),
        (999.6, "US$ 1K"),
        (999_700.0, "US$ 1M"),
        (2_500_000_000_000.0, "US$ 2.5T"),
        (0.4, "US$ 0"),
        (0.0, "US$ 0"),
        (-5.0, "US$ 0"),
        (f64::NAN, "US$ 0"),
        (f64::INFINITY, "US$ 0"),
        (f64::NEG_INFINITY, "US$ 0"),
    ];
    for &(usd, want) in cases {
        assert_eq!(format_usd(usd, Lang::En), want, "{usd}");
        assert_eq!(format_usd(usd, Lang::Ko), want, "ko {usd}");
    }
    assert!(format_usd(f64::MAX, Lang::En).ends_with('T'));
}

#[test]
fn js_numbers_are_checked() {
    assert_eq!(check_krw(3.5e9), Ok(3_500_000_000));
    assert_eq!(check_krw(0.0), Ok(0));
    assert_eq!(check_krw(1e15), Ok(MAX_KRW));
    assert_eq!(check_krw(1e15 + 2.0), Err(Reason::TooLarge));
    assert_eq!(check_krw(-1.0), Err(Reason::Negative));
    // A 3-year average from a JS caller is rounded to the won, halves away from zero.
    assert_eq!(check_krw(0.5), Ok(1));
    assert_eq!(check_krw(0.49), Ok(0));
    assert_eq!(check_krw((3.5e9 + 3.6e9 + 3.6e9 + 1.0) / 3.0), Ok(3_566_666_667));
    assert_eq!(check_krw(1e15 + 0.4), Ok(MAX_KRW));
    assert_eq!(check_krw(f64::NAN), Err(Reason::NotFinite));
    assert_eq!(check_krw(f64::INFINITY), Err(Reason::NotFinite));
}

proptest! {
    #[test]
    fn never_panics_on_any_text(s in ".*") {
        let _ = parse_amount(&s);
    }

    #[test]
    fn never_panics_on_amount_alphabet(s in "[0-9０-９,，. 억만조천백십원일이삼사오육칠팔구]{0,20}") {
        if let Ok(n) = parse_amount(&s) {
            prop_assert!(n <= MAX_KRW);
        }
    }

    #[test]
    fn korean_format_parses_back(n in 0..=MAX_KRW) {
        prop_assert_eq!(parse_amount(&format_krw(n, Lang::Ko)), Ok(n));
    }

    #[test]
    fn plain_and_grouped_digits_parse(n in 0..=MAX_KRW) {
        prop_assert_eq!(parse_amount(&n.to_string()), Ok(n));
        let grouped = format_krw(n, Lang::En);
        if n < 1_000_000 {
            prop_assert_eq!(parse_amount(&grouped), Ok(n));
        }
    }

    #[test]
    fn short_format_is_close(n in 0..=MAX_KRW) {
        let back = parse_amount(&format_krw_short(n, Lang::Ko));
        prop_assert!(back.is_ok());
        let back = back.unwrap_or(0);
        // Rounded to 억 from 1조, to 만 from 1억: off by at most half of that.
        prop_assert!(back.abs_diff(n) <= 50_000_000);
        prop_assert!(n < 100_000_000 || back.abs_diff(n) * 10_000 <= n);
    }

    #[test]
    fn formatting_never_panics(n in any::<u64>(), x in any::<f64>()) {
        let _ = format_krw(n, Lang::Ko);
        let _ = format_krw(n, Lang::En);
        let _ = format_krw_short(n, Lang::Ko);
        let _ = format_usd(x, Lang::En);
    }
}

#[test]
fn english_scale_words() {
    use sme_export::amount::parse_amount;
    use sme_export::error::Reason;
    let good: [(&str, u64); 12] = [
        ("3.5 billion", 3_500_000_000),
        ("3.5bn", 3_500_000_000),
        ("3.5B", 3_500_000_000),
        ("KRW 3.5 billion", 3_500_000_000),
        ("350 million", 350_000_000),
        ("350m", 350_000_000),
        ("1,250 million", 1_250_000_000),
        ("120k", 120_000),
        ("2 trillion", 2_000_000_000_000),
        ("0.25 Million KRW", 250_000),
        ("12.5 thousand", 12_500),
        ("+7 mn", 7_000_000),
    ];
    for (text, won) in good {
        assert_eq!(parse_amount(text), Ok(won), "{text}");
    }
    let bad: [(&str, Reason); 7] = [
        ("billion", Reason::NotANumber),
        ("3.5 billions", Reason::NotANumber),
        ("-3 billion", Reason::Negative),
        ("1.5 k won", Reason::NotANumber),
        ("0.0005k", Reason::FractionOfWon),
        ("2000 trillion", Reason::TooLarge),
        ("3억 billion", Reason::NotANumber),
    ];
    for (text, reason) in bad {
        assert_eq!(parse_amount(text), Err(reason), "{text}");
    }
}

#[test]
fn numbers_and_significant_digits() {
    use sme_export::amount::{format_number, round_significant};
    assert_eq!(format_number(0.681047089632087, 3), "0.681");
    assert_eq!(format_number(7557.0, 3), "7,557");
    assert_eq!(format_number(0.0003093293739173472, 3), "0.000309");
    assert_eq!(format_number(1.125, 4), "1.125");
    assert_eq!(format_number(1042.0, 3), "1,042");
    assert_eq!(format_number(0.93, 3), "0.93");
    assert_eq!(format_number(0.0, 3), "0");
    assert_eq!(format_number(f64::NAN, 3), "0");
    assert_eq!(round_significant(8_801_610_000, 3), 8_800_000_000);
    assert_eq!(round_significant(6_149_190, 3), 6_150_000);
    assert_eq!(round_significant(999, 3), 999);
    assert_eq!(round_significant(0, 3), 0);
    assert_eq!(round_significant(u64::MAX, 3), 18_400_000_000_000_000_000);
}

#[test]
fn decimals_of_large_units_are_exact_to_the_won() {
    use sme_export::amount::parse_amount;
    use sme_export::error::Reason;
    assert_eq!(parse_amount("0.12345678억"), Ok(12_345_678));
    assert_eq!(parse_amount("0.123456789012조"), Ok(123_456_789_012));
    assert_eq!(parse_amount("1.2345조"), Ok(1_234_500_000_000));
    assert_eq!(parse_amount("999.999999999999조"), Ok(999_999_999_999_999));
    assert_eq!(parse_amount("12.50000000000000000000억"), Ok(1_250_000_000));
    assert_eq!(parse_amount("0.1234567890123456조"), Err(Reason::FractionOfWon));
    assert_eq!(parse_amount("0.123456789억"), Err(Reason::FractionOfWon));
    assert_eq!(parse_amount("1.000000000000000000001조"), Err(Reason::FractionOfWon));
    assert_eq!(parse_amount("0.00001원"), Err(Reason::FractionOfWon));
    assert_eq!(parse_amount("1000.0000000000001조"), Err(Reason::FractionOfWon));
}

#[test]
fn a_trailing_thousands_after_eok_or_jo_means_the_next_unit_down() {
    use sme_export::amount::parse_amount;
    assert_eq!(parse_amount("3억 5천"), Ok(350_000_000));
    assert_eq!(parse_amount("3억5천"), Ok(350_000_000));
    assert_eq!(parse_amount("3억 5천원"), Ok(350_000_000));
    assert_eq!(parse_amount("3억 5천5백"), Ok(355_000_000));
    assert_eq!(parse_amount("2조 3천"), Ok(2_300_000_000_000));
    // Literal where nothing is left out.
    assert_eq!(parse_amount("3억 5천만"), Ok(350_000_000));
    assert_eq!(parse_amount("3억 5,000"), Ok(300_005_000));
    assert_eq!(parse_amount("3억 5천 500"), Ok(300_005_500));
    assert_eq!(parse_amount("3억 2만 5천"), Ok(300_025_000));
    assert_eq!(parse_amount("5만 3천"), Ok(53_000));
    assert_eq!(parse_amount("천만원"), Ok(10_000_000));
}
