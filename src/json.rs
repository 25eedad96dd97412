//! A small, strict JSON parser (RFC 8259), so the Wasm bundle needs no serde_json.
//!
//! - Strict: no comments, no trailing commas, no NaN/Infinity, no leading zeros or '+', no
//!   control characters in strings, no lone surrogates. One extra: a UTF-8 byte order mark
//!   (U+FEFF) at the very start is skipped, since Windows editors add one; lines and columns then
//!   count from after it.
//! - Bounded: lists and objects nest at most `max_depth` levels (the recursion is bounded by it),
//!   so 100,000 `[` are an error ("nesting too deep"), never a stack overflow.
//! - Objects keep every pair in document order, repeated keys included; `Value::get` returns the
//!   LAST value of a key, as serde_json does.
//! - Numbers become `f64` without `str::parse` (which would bring ~8 KB of float parsing into the
//!   Wasm). The digits are kept in a `u64` `m` (as many as fit: 19-20; the rest are truncated)
//!   and the decimal exponent `e` is counted, so the number is `m * 10^e`. Trailing zeros after
//!   the point are dropped and an exponent above 22 is moved into `m` while it stays exact. Then
//!   if `m < 2^53` and `|e| <= 22` the result is one exact multiplication or division by an
//!   exact power of ten, hence correctly rounded (Clinger's fast path): this covers every number
//!   with at most 15 significant digits whose value is `m * 10^e` with `|e| <= 22` (for example
//!   0.1, 1.5e13, 4.35e-5, 1e30), and every integer below 2^64 (`m as f64`, one rounding). Other
//!   numbers (16+ significant digits, or far exponents such as 1.7976931348623157e308) are
//!   approximated with steps of 1e22 and may be off by an ulp or a few. Exponents beyond the
//!   f64 range give infinity or 0, never an error: the caller decides what a non-finite value
//!   means (the loader reports "notFinite").
//! - Errors give the line and column (1-based; the column counts characters, not bytes) of the
//!   offending character and a short English message.

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Pairs in document order; a repeated key appears each time (see `Value::get`).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The value of `key` in an object (the last one if the key is repeated); `None` otherwise.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => get(o, key),
            _ => None,
        }
    }
}

/// The value of `key` among an object's pairs; the last one if the key is repeated.
pub fn get<'v>(pairs: &'v [(String, Value)], key: &str) -> Option<&'v Value> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Why and where the text is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    /// Short English, e.g. "expected ':'".
    pub message: &'static str,
}

/// Nesting allowed by `parse`.
pub const DEFAULT_MAX_DEPTH: usize = 64;
/// The message when lists and objects nest deeper than allowed.
pub const TOO_DEEP: &str = "nesting too deep";
const END: &str = "unexpected end of input";
const BAD_NUMBER: &str = "invalid number";
const LONE: &str = "lone surrogate";

/// Parses a whole JSON document, nested at most `DEFAULT_MAX_DEPTH` levels.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    parse_with_depth(text, DEFAULT_MAX_DEPTH)
}

/// Parses a whole JSON document, nested at most `max_depth` levels (0: only scalars).
pub fn parse_with_depth(text: &str, max_depth: usize) -> Result<Value, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        pos: 0,
        depth_left: max_depth,
    };
    let v = p.value().and_then(|v| {
        p.ws();
        match p.peek() {
            None => Ok(v),
            Some(_) => Err("trailing characters"),
        }
    });
    v.map_err(|message| p.error(message))
}

type R<T> = Result<T, &'static str>;

/// On error, `pos` is left at the offending byte (or the end of the text).
struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    depth_left: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// `msg`, or "unexpected end of input" when the text has ended.
    fn fail<T>(&self, msg: &'static str) -> R<T> {
        Err(if self.pos < self.b.len() { msg } else { END })
    }

    fn error(&self, message: &'static str) -> ParseError {
        let before = self.b.get(..self.pos).unwrap_or(self.b);
        let line_start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |i| i.saturating_add(1));
        let lines = before.iter().filter(|&&c| c == b'\n').count();
        // Characters are the bytes that are not UTF-8 continuation bytes.
        let chars = before
            .get(line_start..)
            .unwrap_or_default()
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count();
        let n = |x: usize| u32::try_from(x.saturating_add(1)).unwrap_or(u32::MAX);
        ParseError {
            line: n(lines),
            column: n(chars),
            message,
        }
    }

    fn value(&mut self) -> R<Value> {
        self.ws();
        match self.peek() {
            Some(b'{') => self
                .seq(b'}', |p| {
                    if p.peek() != Some(b'"') {
                        return p.fail("expected a key in quotes");
                    }
                    let k = p.string()?;
                    p.ws();
                    if !p.eat(b':') {
                        return p.fail("expected ':'");
                    }
                    Ok((k, p.value()?))
                })
                .map(Value::Object),
            Some(b'[') => self.seq(b']', Self::value).map(Value::Array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            _ => self.fail("expected a value"),
        }
    }

    fn word(&mut self, w: &str, v: Value) -> R<Value> {
        if self
            .b
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(w.as_bytes()))
        {
            self.pos += w.len();
            Ok(v)
        } else {
            Err("expected a value")
        }
    }

    /// A list or object from its opening bracket on, `item` reading each entry; one level deeper.
    fn seq<T>(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> R<T>) -> R<Vec<T>> {
        self.depth_left = self.depth_left.checked_sub(1).ok_or(TOO_DEEP)?;
        self.pos += 1;
        let mut out = Vec::new();
        self.ws();
        if !self.eat(close) {
            loop {
                self.ws();
                out.push(item(self)?);
                self.ws();
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return self.fail(if close == b']' {
                        "expected ',' or ']'"
                    } else {
                        "expected ',' or '}'"
                    });
                }
                self.ws();
                if self.peek() == Some(close) {
                    return Err("trailing comma");
                }
            }
        }
        self.depth_left += 1;
        Ok(out)
    }

    /// A string from its opening quote on.
    fn string(&mut self) -> R<String> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Both ends sit at ASCII bytes or the end, so this is always a whole &str.
            out.push_str(self.text.get(start..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') if self.pos.saturating_add(1) < self.b.len() => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(b'\\') | None => {
                    self.pos = open;
                    return Err("unterminated string");
                }
                Some(_) => return Err("control character in string"),
            }
        }
    }

    /// The character after a backslash, and what it stands for.
    fn escape(&mut self) -> R<char> {
        let c = match self.peek() {
            Some(b'u') => return self.unicode(),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            _ => return Err("invalid escape"),
        };
        self.pos += 1;
        Ok(c)
    }

    /// `uXXXX`, or a surrogate pair `uD83D\uDE00`; `pos` at the `u`.
    fn unicode(&mut self) -> R<char> {
        let at = self.pos;
        let mut c = self.hex4()?;
        if (0xD800..0xDC00).contains(&c) {
            let low = if self.b.get(self.pos..self.pos.saturating_add(2)) == Some(b"\\u") {
                self.pos += 1;
                self.hex4()?
            } else {
                0
            };
            if !(0xDC00..0xE000).contains(&low) {
                self.pos = at;
                return Err(LONE);
            }
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        }
        char::from_u32(c).ok_or_else(|| {
            self.pos = at;
            LONE
        })
    }

    /// Four hex digits after the `u` at `pos`.
    fn hex4(&mut self) -> R<u32> {
        let mut n = 0;
        for _ in 0..4 {
            self.pos += 1;
            let d = self
                .peek()
                .and_then(|c| char::from(c).to_digit(16))
                .ok_or("invalid \\u escape")?;
            n = n * 16 + d;
        }
        self.pos += 1;
        Ok(n)
    }

    fn number(&mut self) -> R<f64> {
        let neg = self.eat(b'-');
        let (mut m, mut e) = (0u64, 0i64);
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(BAD_NUMBER);
                }
            }
            Some(b'1'..=b'9') => {
                self.digits(&mut m, &mut e, false);
            }
            _ => return self.fail(BAD_NUMBER),
        }
        if self.eat(b'.') && !self.digits(&mut m, &mut e, true) {
            return self.fail(BAD_NUMBER);
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let minus = self.eat(b'-');
            if !minus {
                self.eat(b'+');
            }
            let mut x = 0i64;
            let mut any = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.pos += 1;
                any = true;
                // Capped: far beyond f64's range, and keeps the sum below from overflowing.
                x = (x * 10 + i64::from(d - b'0')).min(1_000_000);
            }
            if !any {
                return self.fail(BAD_NUMBER);
            }
            e += if minus { -x } else { x };
        }
        Ok(to_f64(m, e, neg))
    }

    /// Adds a run of digits to `m` (as many as fit in a u64), counting in `e` the power of ten
    /// to scale by; false if there was no digit.
    fn digits(&mut self, m: &mut u64, e: &mut i64, fraction: bool) -> bool {
        let start = self.pos;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            self.pos += 1;
            match m.checked_mul(10).and_then(|x| x.checked_add(u64::from(d - b'0'))) {
                Some(x) => {
                    *m = x;
                    *e -= i64::from(fraction);
                }
                // A digit that does not fit is dropped (truncation): one more power of ten
                // before the point, nothing after it.
                None => *e += i64::from(!fraction),
            }
        }
        self.pos > start
    }
}

/// `m * 10^e`, negated if `neg`. Correctly rounded when `m < 2^53` and `|e| <= 22` after moving
/// what fits of a large `e` into `m`; otherwise approximate (see the module doc).
fn to_f64(mut m: u64, mut e: i64, neg: bool) -> f64 {
    const EXACT: u64 = 1 << 53;
    // Trailing zeros after the point go ("7731999798468900.0" is 7731999798468900 * 10^0)...
    while e < 0 && m != 0 && m.is_multiple_of(10) {
        m /= 10;
        e += 1;
    }
    // ...and a large exponent moves into `m` while that stays exact: "1e30" is 10^8 * 10^22.
    while e > 22 && m != 0 && m < EXACT / 10 {
        m *= 10;
        e -= 1;
    }
    let mut x = m as f64;
    while e > 22 && x.is_finite() && x != 0.0 {
        x *= 1e22;
        e -= 22;
    }
    while e < -22 && x != 0.0 {
        x /= 1e22;
        e += 22;
    }
    // 10^k for k <= 22 is exact in f64, and so is every product on the way.
    let mut p = 1.0;
    for _ in 0..e.unsigned_abs().min(22) {
        p *= 10.0;
    }
    x = if e < 0 { x / p } else { x * p };
    if neg {
        -x
    } else {
        x
    }
}
