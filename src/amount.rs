//! Korean amounts: parse what people type ("35억", "3억 5천만", "1,250,000,000원", "３５억")
//! into whole won, and format whole won back the way Korean UIs write it ("35억 5,000만 원").
//!
//! CONTRACT (other modules rely on these signatures):
//! - `MAX_KRW` is the largest amount accepted: 10^15 won (1,000조), above any enterprise's revenue
//!   and still exact in an f64 / JS number.
//! - `parse_amount(&str) -> Result<u64, Reason>` returns whole won.
//! - `check_krw(f64) -> Result<u64, Reason>` validates a number that arrives from the JS API and
//!   rounds it to the won (a 3-year average is often fractional: 1,234,567.5 is 1,234,568 won).
//! - `format_krw(u64, Lang) -> String` and `format_usd(f64, Lang) -> String`.
//!
//! Parsing rules, in the order they are checked:
//! 1. Only white space (incl. NBSP and U+3000) is `Empty`.
//! 2. A leading `-`, `−`, `－`, `△`, `▲` or `마이너스` (also after `₩`/`KRW`) is `Negative`.
//! 3. An optional `₩`/`￦`/`KRW` prefix, one `+`, and one `원`/`KRW` suffix are removed. Any other
//!    character outside the amount alphabet (digits, full-width digits, `,` `，` `.` `．`, spaces,
//!    `조 억 만 천 백 십 원 + - ₩`) is `NotANumber`, and so is text without a digit or `천 백 십`.
//! 4. Grammar errors are `Malformed`: units out of order or repeated, a 조/억/만 without a
//!    number, two numbers in a row, bad thousands grouping, stray dots, misplaced signs or `원`.
//!    A lower part must stay below the unit before it ("2조 3,000억" yes, "2조 30,000억" no).
//! 5. Above `MAX_KRW` is `TooLarge`; a non-whole result is `FractionOfWon`.
//! 6. As Koreans say amounts, "3억 5천" is 3억 5천만 and "2조 3천" is 2조 3천억 (see `parse_amount`).
//! 7. Sino-Korean digits (일 이 삼 사 오 육 칠 팔 구) count as single digits, alone or mixed with
//!    Arabic ones: "삼억 오천만", "일억 이천" (= 1억 2천만), "십이억 삼천사백오십육만", "3억 오천만".
//!    Like a written digit, a Hangul digit must stand before a unit or at the end of a section
//!    ("삼오억" is two numbers in a row: `Malformed`).
//!
//! Arithmetic is exact: every term is summed as a u128 count of 10^-20 won, never as an f64.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use crate::error::{Lang, Reason};
use core::iter::Peekable;
use core::str::Chars;

/// The largest amount accepted anywhere: KRW 1,000조 (10^15).
pub const MAX_KRW: u64 = 1_000_000_000_000_000;

/// Terms are summed in units of 10^-FRAC won. 10^15 won is then 10^35, below u128::MAX (3.4e38).
const FRAC: u32 = 20;

fn pow10(e: u32) -> Option<u128> {
    10u128.checked_pow(e)
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => (c as u32).checked_sub('０' as u32),
        _ => None,
    }
}

/// A Sino-Korean digit written in Hangul ("삼" = 3). Zero has no Hangul digit in amounts.
fn hangul_digit(c: char) -> Option<u32> {
    match c {
        '일' => Some(1),
        '이' => Some(2),
        '삼' => Some(3),
        '사' => Some(4),
        '오' => Some(5),
        '육' | '륙' => Some(6),
        '칠' => Some(7),
        '팔' => Some(8),
        '구' => Some(9),
        _ => None,
    }
}

fn is_negative(s: &str) -> bool {
    s.starts_with(['-', '−', '－', '△', '▲']) || s.starts_with("마이너스")
}

/// Drops a leading "₩", "￦" or "KRW" (any case) and the spaces after it.
fn strip_currency(s: &str) -> &str {
    if let Some(t) = s.strip_prefix(['₩', '￦']) {
        return t.trim_start();
    }
    match s.get(..3) {
        Some(h) if h.eq_ignore_ascii_case("krw") => s.get(3..).unwrap_or("").trim_start(),
        _ => s,
    }
}

/// Drops a trailing "원" or "KRW" (any case) and the spaces before it.
fn strip_suffix(s: &str) -> &str {
    if let Some(t) = s.strip_suffix('원') {
        return t.trim_end();
    }
    let cut = s.len().saturating_sub(3);
    match (s.get(..cut), s.get(cut..)) {
        (Some(head), Some(tail)) if tail.eq_ignore_ascii_case("krw") => head.trim_end(),
        _ => s,
    }
}

fn in_alphabet(c: char) -> bool {
    digit(c).is_some()
        || hangul_digit(c).is_some()
        || c.is_whitespace()
        || matches!(
            c,
            ',' | '，'
                | '.'
                | '．'
                | '조'
                | '억'
                | '만'
                | '천'
                | '백'
                | '십'
                | '원'
                | '+'
                | '＋'
                | '-'
                | '−'
                | '－'
                | '₩'
                | '￦'
        )
}

/// A decimal number as typed: `m / 10^s`. `big`: too many digits for u128 (so above `MAX_KRW`);
/// `fine`: a non-zero digit more than `FRAC` places after the point (so not whole won).
struct Num {
    m: u128,
    s: u32,
    big: bool,
    fine: bool,
}

/// Reads digits with optional thousands commas and one decimal point. Starts on a digit.
fn read_num(it: &mut Peekable<Chars<'_>>) -> Result<Num, Reason> {
    let mut n = Num {
        m: 0,
        s: 0,
        big: false,
        fine: false,
    };
    let mut group: u32 = 0; // integer digits since the start or the last comma
    let mut commas = false;
    let mut dot = false;
    let mut frac_digits: u32 = 0;
    let mut zeros: u32 = 0; // fraction zeros not yet applied (trailing zeros never are)
    while let Some(&c) = it.peek() {
        if let Some(d) = digit(c) {
            if !dot {
                group = group.saturating_add(1);
                if !n.big {
                    match n.m.checked_mul(10).and_then(|m| m.checked_add(u128::from(d))) {
                        Some(m) => n.m = m,
                        None => n.big = true,
                    }
                }
            } else if d == 0 {
                frac_digits = frac_digits.saturating_add(1);
                zeros = zeros.saturating_add(1);
            } else {
                frac_digits = frac_digits.saturating_add(1);
                let shift = zeros.saturating_add(1);
                let s = n.s.saturating_add(shift);
                zeros = 0;
                if s > FRAC {
                    n.fine = true;
                } else if !n.big && !n.fine {
                    let m = pow10(shift)
                        .and_then(|p| n.m.checked_mul(p))
                        .and_then(|m| m.checked_add(u128::from(d)));
                    match m {
                        Some(m) => {
                            n.m = m;
                            n.s = s;
                        }
                        None => n.big = true,
                    }
                }
            }
        } else if c == ',' || c == '，' {
            if dot || group == 0 || group > 3 || (commas && group != 3) {
                return Err(Reason::Malformed);
            }
            commas = true;
            group = 0;
        } else if c == '.' || c == '．' {
            if dot || (commas && group != 3) {
                return Err(Reason::Malformed);
            }
            dot = true;
        } else {
            break;
        }
        it.next();
    }
    if (commas && group != 3) || (dot && frac_digits == 0) {
        return Err(Reason::Malformed);
    }
    Ok(n)
}

/// The running sum. A "section" is the coefficient of one 조/억/만 (or of the final ones),
/// itself a sum of 천/백/십 terms and a plain number.
#[derive(Default)]
struct Acc {
    total: u128,
    big_prev: Option<u32>,
    section: u128,
    has_section: bool,
    small_prev: Option<u32>,
    pending: Option<Num>,
    over: bool,
    fine: bool,
}

impl Acc {
    /// `n * 10^k` in units of 10^-FRAC won, or None (and a flag) when it cannot be known exactly.
    fn scaled(&mut self, n: &Num, k: u32) -> Option<u128> {
        if n.fine {
            self.fine = true;
        }
        if n.big {
            self.over = true;
        }
        if n.fine || n.big {
            return None;
        }
        let v = k
            .saturating_add(FRAC)
            .checked_sub(n.s)
            .and_then(pow10)
            .and_then(|p| n.m.checked_mul(p));
        if v.is_none() {
            self.over = true;
        }
        v
    }

    /// Adds `coef * 10^k` (k = 3 천, 2 백, 1 십, 0 plain number) to the current section.
    fn small(&mut self, coef: Option<Num>, k: u32) -> Result<(), Reason> {
        if self.small_prev.is_some_and(|p| k >= p) {
            return Err(Reason::Malformed);
        }
        let v = match coef {
            Some(n) => self.scaled(&n, k),
            None => pow10(k.saturating_add(FRAC)),
        };
        if let Some(v) = v {
            if let Some(p) = self.small_prev {
                if !self.over && Some(v) >= pow10(p.saturating_add(FRAC)) {
                    return Err(Reason::Malformed);
                }
            }
            match self.section.checked_add(v) {
                Some(s) => self.section = s,
                None => self.over = true,
            }
        }
        self.small_prev = Some(k);
        self.has_section = true;
        Ok(())
    }

    /// Closes the current section with 조 (12), 억 (8), 만 (4) or the ones (0).
    fn big(&mut self, k: u32) -> Result<(), Reason> {
        if let Some(n) = self.pending.take() {
            self.small(Some(n), 0)?;
        }
        if !self.has_section || self.big_prev.is_some_and(|p| k >= p) {
            return Err(Reason::Malformed);
        }
        match pow10(k).and_then(|p| self.section.checked_mul(p)) {
            Some(v) => {
                if let Some(p) = self.big_prev {
                    if !self.over && Some(v) >= pow10(p.saturating_add(FRAC)) {
                        return Err(Reason::Malformed);
                    }
                }
                match self.total.checked_add(v) {
                    Some(t) => self.total = t,
                    None => self.over = true,
                }
            }
            None => self.over = true,
        }
        self.big_prev = Some(k);
        self.section = 0;
        self.has_section = false;
        self.small_prev = None;
        Ok(())
    }
}

/// Parses a typed Korean amount into whole won.
pub fn parse_amount(text: &str) -> Result<u64, Reason> {
    let s = text.trim();
    if s.is_empty() {
        return Err(Reason::Empty);
    }
    if is_negative(s) || is_negative(strip_currency(s)) {
        return Err(Reason::Negative);
    }
    let s = strip_currency(s);
    let s = s.strip_prefix(['+', '＋']).unwrap_or(s);
    let s = strip_suffix(s);
    if let Some((number, exp)) = english_scale(s) {
        return parse_scaled(number, exp);
    }
    if !s.chars().all(in_alphabet) {
        return Err(Reason::NotANumber);
    }
    if !s
        .chars()
        .any(|c| digit(c).is_some() || hangul_digit(c).is_some() || matches!(c, '천' | '백' | '십'))
    {
        return Err(Reason::NotANumber);
    }

    let mut acc = Acc::default();
    let mut it = s.chars().peekable();
    while let Some(&c) = it.peek() {
        if digit(c).is_some() {
            let n = read_num(&mut it)?;
            if acc.pending.is_some() {
                return Err(Reason::Malformed);
            }
            acc.pending = Some(n);
            continue;
        }
        it.next();
        if let Some(d) = hangul_digit(c) {
            // One digit, read like a typed one: a unit or the end of the section must follow.
            if acc.pending.is_some() {
                return Err(Reason::Malformed);
            }
            acc.pending = Some(Num {
                m: u128::from(d),
                s: 0,
                big: false,
                fine: false,
            });
            continue;
        }
        match c {
            '십' | '백' | '천' => {
                let k = match c {
                    '십' => 1,
                    '백' => 2,
                    _ => 3,
                };
                let coef = acc.pending.take();
                acc.small(coef, k)?;
            }
            '만' => acc.big(4)?,
            '억' => acc.big(8)?,
            '조' => acc.big(12)?,
            c if c.is_whitespace() => {}
            _ => return Err(Reason::Malformed),
        }
    }
    // "3억 5천" is said for 3억 5천만, and "2조 3천" for 2조 3천억: a last part made only of
    // 천/백/십 after 억 or 조 counts in the next unit down. A plain number ("3억 5,000") is literal.
    let elided = match acc.big_prev {
        Some(12) => 8,
        Some(8) => 4,
        _ => 0,
    };
    if acc.pending.is_none() && acc.has_section && elided > 0 {
        acc.big(elided)?;
    } else if acc.pending.is_some() || acc.has_section {
        acc.big(0)?;
    }

    let one = pow10(FRAC).unwrap_or(1);
    let won = acc.total.checked_div(one).unwrap_or(0);
    if acc.over || won > u128::from(MAX_KRW) {
        return Err(Reason::TooLarge);
    }
    if acc.fine || acc.total.checked_rem(one) != Some(0) {
        return Err(Reason::FractionOfWon);
    }
    u64::try_from(won).map_err(|_| Reason::TooLarge)
}

/// English users type "3.5 billion", "350 million", "3.5bn", "120k". Returns the number part and
/// the power of ten of the scale word (ASCII, any case).
fn english_scale(s: &str) -> Option<(&str, u32)> {
    const WORDS: [(&str, u32); 10] = [
        ("thousand", 3),
        ("million", 6),
        ("billion", 9),
        ("trillion", 12),
        ("mn", 6),
        ("bn", 9),
        ("tn", 12),
        ("k", 3),
        ("m", 6),
        ("b", 9),
    ];
    WORDS.iter().find_map(|(word, exp)| {
        let cut = s.len().checked_sub(word.len())?;
        let (head, tail) = (s.get(..cut)?, s.get(cut..)?);
        let head = head.trim_end();
        let ends_in_digit = head.chars().last().is_some_and(|c| digit(c).is_some());
        (tail.eq_ignore_ascii_case(word) && ends_in_digit).then_some((head, *exp))
    })
}

/// A plain decimal number times 10^exp, exactly, as whole won.
fn parse_scaled(number: &str, exp: u32) -> Result<u64, Reason> {
    let mut it = number.chars().peekable();
    if it.peek().is_none_or(|c| digit(*c).is_none()) {
        return Err(Reason::NotANumber);
    }
    let n = read_num(&mut it)?;
    if it.next().is_some() {
        return Err(Reason::NotANumber);
    }
    if n.big {
        return Err(Reason::TooLarge);
    }
    // n.m / 10^n.s * 10^exp
    let scaled = pow10(exp).and_then(|p| n.m.checked_mul(p)).ok_or(Reason::TooLarge)?;
    let div = pow10(n.s).unwrap_or(1);
    if n.fine || scaled.checked_rem(div) != Some(0) {
        return Err(Reason::FractionOfWon);
    }
    let won = scaled.checked_div(div).unwrap_or(0);
    if won > u128::from(MAX_KRW) {
        return Err(Reason::TooLarge);
    }
    u64::try_from(won).map_err(|_| Reason::TooLarge)
}

/// Checks a number from the JS API: finite, not negative, at most `MAX_KRW`; rounded to the
/// nearest won (halves away from zero). A caller's 3-year average is often fractional
/// ((a + b + c) / 3), and a fraction of a won changes no figure the widget shows. Typed text
/// keeps its own rule (`FractionOfWon`): there a fraction is more likely a mistyped unit.
pub fn check_krw(value: f64) -> Result<u64, Reason> {
    if !value.is_finite() {
        return Err(Reason::NotFinite);
    }
    if value < 0.0 {
        return Err(Reason::Negative);
    }
    let won = value.round();
    if won > MAX_KRW as f64 {
        return Err(Reason::TooLarge);
    }
    Ok(won as u64)
}

/// Appends `n` with thousands commas: 1234567 -> "1,234,567".
fn push_grouped(out: &mut String, n: u64) {
    let digits = n.to_string();
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        let left = len.saturating_sub(i);
        if i > 0 && left.checked_rem(3) == Some(0) {
            out.push(',');
        }
        out.push(c);
    }
}

const KO_UNITS: [(u64, &str); 3] = [(1_000_000_000_000, "조"), (100_000_000, "억"), (10_000, "만")];

/// "12억 3,456만 7,898 원": every non-zero 만-group, comma-grouped.
fn format_ko(krw: u64) -> String {
    let mut out = String::new();
    let mut rest = krw;
    for (unit, name) in KO_UNITS {
        let q = rest.checked_div(unit).unwrap_or(0);
        rest = rest.checked_rem(unit).unwrap_or(0);
        if q > 0 {
            if !out.is_empty() {
                out.push(' ');
            }
            push_grouped(&mut out, q);
            out.push_str(name);
        }
    }
    if rest > 0 || out.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_grouped(&mut out, rest);
    }
    out.push_str(" 원");
    out
}

const EN_UNITS: [(u64, &str); 3] = [
    (1_000_000, " million"),
    (1_000_000_000, " billion"),
    (1_000_000_000_000, " trillion"),
];

/// "KRW 5,000" below a million, else "KRW 3.55 billion" (at most two decimals, rounded half up).
fn format_en(krw: u64) -> String {
    let mut out = String::from("KRW ");
    if krw < 1_000_000 {
        push_grouped(&mut out, krw);
        return out;
    }
    for (unit, name) in EN_UNITS {
        let unit = u128::from(unit);
        // Hundredths of the unit; cannot overflow (krw < 2^64).
        let h = u128::from(krw)
            .saturating_mul(100)
            .saturating_add(unit.checked_div(2).unwrap_or(0))
            .checked_div(unit)
            .unwrap_or(0);
        if h < 100_000 || name == " trillion" {
            let int = u64::try_from(h.checked_div(100).unwrap_or(0)).unwrap_or(u64::MAX);
            let frac = u32::try_from(h.checked_rem(100).unwrap_or(0)).unwrap_or(0);
            push_grouped(&mut out, int);
            if frac > 0 {
                let tens = frac.checked_div(10).unwrap_or(0);
                let ones = frac.checked_rem(10).unwrap_or(0);
                out.push('.');
                out.push(char::from_digit(tens, 10).unwrap_or('0'));
                if ones > 0 {
                    out.push(char::from_digit(ones, 10).unwrap_or('0'));
                }
            }
            out.push_str(name);
            break;
        }
    }
    out
}

/// Formats whole won: Korean "35억 5,000만 원", English "KRW 3.55 billion" style.
pub fn format_krw(krw: u64, lang: Lang) -> String {
    match lang {
        Lang::Ko => format_ko(krw),
        Lang::En => format_en(krw),
    }
}

/// Formats whole won briefly for charts and tables. Korean keeps the two most significant units
/// and rounds the rest half up (1,234,567,898 -> "12억 3,457만 원"); English is `format_krw`.
pub fn format_krw_short(krw: u64, lang: Lang) -> String {
    if lang == Lang::En {
        return format_en(krw);
    }
    // Keep the top unit and the one below it: round to 만 below 1조, to 억 from 1조.
    let step: u64 = if krw >= 1_000_000_000_000 {
        100_000_000
    } else if krw >= 100_000_000 {
        10_000
    } else {
        1
    };
    let q = krw.checked_div(step).unwrap_or(0);
    let up = krw.checked_rem(step).unwrap_or(0) >= step.checked_div(2).unwrap_or(0) && step > 1;
    let down = q.checked_mul(step).unwrap_or(krw);
    let rounded = if up {
        q.checked_add(1).and_then(|q| q.checked_mul(step)).unwrap_or(down)
    } else {
        down
    };
    format_ko(rounded)
}

/// Formats US dollars approximately: "US$ 950", "US$ 340K", "US$ 3.4M", "US$ 12M", "US$ 1.2B".
/// One decimal below 10 of a unit (dropped when it is .0), none from 10 up. Not finite or not
/// positive gives "US$ 0". Both languages read the same.
pub fn format_usd(usd: f64, lang: Lang) -> String {
    let _ = lang;
    let mut out = String::from("US$ ");
    if !usd.is_finite() || usd <= 0.0 {
        out.push('0');
        return out;
    }
    let whole = usd.round();
    if whole < 1000.0 {
        push_grouped(&mut out, whole as u64);
        return out;
    }
    const UNITS: [(f64, char); 4] = [(1e3, 'K'), (1e6, 'M'), (1e9, 'B'), (1e12, 'T')];
    for (unit, name) in UNITS {
        let x = usd / unit;
        let tenths = (x * 10.0).round();
        if tenths < 100.0 {
            let t = tenths as u64;
            push_grouped(&mut out, t.checked_div(10).unwrap_or(0));
            let d = t.checked_rem(10).unwrap_or(0);
            if d > 0 {
                out.push('.');
                out.push(char::from_digit(d as u32, 10).unwrap_or('0'));
            }
            out.push(name);
            break;
        }
        let r = x.round();
        if r < 1000.0 || name == 'T' {
            push_grouped(&mut out, r as u64);
            out.push(name);
            break;
        }
    }
    out
}

/// Rounds whole won to `sig` significant digits (estimates are not precise to the won).
pub fn round_significant(krw: u64, sig: u32) -> u64 {
    let digits = krw.checked_ilog10().map_or(0, |d| d.saturating_add(1));
    let drop = digits.saturating_sub(sig.max(1));
    match 10u64.checked_pow(drop) {
        Some(unit) if unit > 1 => {
            let half = unit / 2;
            krw.saturating_add(half)
                .checked_div(unit)
                .unwrap_or(0)
                .saturating_mul(unit)
        }
        _ => krw,
    }
}

/// A plain number with up to `sig` significant digits after the point, comma-grouped, trailing
/// zeros dropped: 0.681047 -> "0.681", 7557 -> "7,557", 0.000309 -> "0.000309". Integer
/// arithmetic only, so no float-formatting machinery enters the Wasm bundle.
pub fn format_number(x: f64, sig: u32) -> String {
    let mut out = String::new();
    if !x.is_finite() {
        out.push('0');
        return out;
    }
    if x < 0.0 {
        out.push('-');
    }
    let a = x.abs();
    // Decimal places needed for `sig` significant digits, at most 9.
    let magnitude = if a > 0.0 { a.log10().floor() } else { 0.0 };
    let places = (f64::from(sig) - 1.0 - magnitude).clamp(0.0, 9.0) as u32;
    let scale = 10u64.pow(places);
    let scaled = (a * scale as f64).round();
    if scaled >= 1.8e19 {
        push_grouped(&mut out, u64::MAX);
        return out;
    }
    let scaled = scaled as u64;
    push_grouped(&mut out, scaled.checked_div(scale).unwrap_or(0));
    let mut frac = scaled.checked_rem(scale).unwrap_or(0);
    if frac > 0 {
        out.push('.');
        let mut width = places;
        while frac.checked_rem(10) == Some(0) {
            frac /= 10;
            width = width.saturating_sub(1);
        }
        let digits = frac.to_string();
        for _ in (digits.len() as u32)..width {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
}
