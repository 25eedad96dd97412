//! Tests of the in-crate JSON parser: agreement with serde_json on valid documents, every error
//! with its line and column, the depth limit, the BOM, surrogate pairs, and numbers bit-identical
//! to `str::parse::<f64>` wherever the parser promises correct rounding.

use proptest::prelude::*;
use serde_json::json;
use sme_export::json::{parse, parse_with_depth, ParseError, Value, DEFAULT_MAX_DEPTH, TOO_DEEP};

/// Same document: numbers bit-identical, objects with the same keys (serde_json's have no repeats).
fn same(a: &Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as S;
    match (a, b) {
        (Value::Null, S::Null) => true,
        (Value::Bool(x), S::Bool(y)) => x == y,
        (Value::Number(x), S::Number(n)) => n.as_f64().map(f64::to_bits) == Some(x.to_bits()),
        (Value::String(x), S::String(y)) => x == y,
        (Value::Array(x), S::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), S::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn ok(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
}

fn num(text: &str) -> f64 {
    match ok(text) {
        Value::Number(x) => x,
        v => panic!("{text:?} gave {v:?}"),
    }
}

fn err(text: &str) -> ParseError {
    match parse(text) {
        Ok(v) => panic!("{text:?} parsed as {v:?}"),
        Err(e) => e,
    }
}

/// The error of `text` is `message` at `line`:`column`.
fn fails(text: &str, message: &str, line: u32, column: u32) {
    let e = err(text);
    assert_eq!((e.message, e.line, e.column), (message, line, column), "{text:?}");
}

/// Bit-identical to the standard library's correctly rounded parse.
fn exact(text: &str) {
    let want: f64 = text.parse().unwrap();
    let got = num(text);
    assert_eq!(got.to_bits(), want.to_bits(), "{text}: {got:e} vs {want:e}");
}

#[test]
fn documents_agree_with_serde_json() {
    let docs = [
        "null",
        "true",
        " false ",
        "0",
        "-0",
        "\"\"",
        "[]",
        "{}",
        "[[], {}, [[]], {\"a\": {}}]",
        "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}",
        "\t\r\n [ 1 , 2 ,\n3 ] \n",
        "[0.5, -1.25, 1e3, 1E-3, 2.5e+2, 123456789, -987654321.125, 0.1, 0.2, 0.30000000000000004]",
        "[9007199254740993, 18446744073709551615, -9223372036854775808, 1e22, 1e23, 4.9e-20]",
        "\"plain ascii\"",
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"",
        "\"\\u0041\\u00e9\\u4e2d\\uD83D\\uDE00 \\u0000\"",
        "\"한국어 텍스트 and 😀 raw\"",
        "{\"키\": \"값\", \"\": 0}",
        "\"\u{7f} DEL is not a control character in JSON\"",
    ];
    for d in docs {
        let want: serde_json::Value = serde_json::from_str(d).unwrap();
        let got = ok(d);
        assert!(same(&got, &want), "{d}: {got:?} vs {want:?}");
    }
    assert_eq!(num("-0").to_bits(), (-0.0f64).to_bits());
}

#[test]
fn dataset_round_trips() {
    let text = sme_export::dataset::DEFAULT_JSON;
    let want: serde_json::Value = serde_json::from_str(text).unwrap();
    assert!(same(&ok(text), &want));
}

#[test]
fn objects_keep_order_and_the_last_repeated_key() {
    let v = ok("{\"b\": 1, \"a\": 2, \"b\": 3}");
    let Value::Object(pairs) = &v else { panic!("{v:?}") };
    let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["b", "a", "b"]);
    assert_eq!(v.get("b"), Some(&Value::Number(3.0)));
    assert_eq!(v.get("a"), Some(&Value::Number(2.0)));
    assert_eq!(v.get("c"), None);
    assert_eq!(ok("[1]").get("a"), None);
    // serde_json keeps the last one too.
    let s: serde_json::Value = serde_json::from_str("{\"b\": 1, \"a\": 2, \"b\": 3}").unwrap();
    assert_eq!(s["b"], json!(3));
}

#[test]
fn each_error_with_line_and_column() {
    fails("", "unexpected end of input", 1, 1);
    fails("   ", "unexpected end of input", 1, 4);
    fails("[1,", "unexpected end of input", 1, 4);
    fails("{\"a\"", "unexpected end of input", 1, 5);
    fails("{\"a\" 1}", "expected ':'", 1, 6);
    fails("{1: 2}", "expected a key in quotes", 1, 2);
    fails("{\"a\": 1,}", "trailing comma", 1, 9);
    fails("[1, 2,\n]", "trailing comma", 2, 1);
    fails("[1 2]", "expected ',' or ']'", 1, 4);
    fails("{\"a\": 1 \"b\": 2}", "expected ',' or '}'", 1, 9);
    fails("[1, }", "expected a value", 1, 5);
    fails("nul", "expected a value", 1, 1);
    fails("True", "expected a value", 1, 1);
    fails("NaN", "expected a value", 1, 1);
    fails("Infinity", "expected a value", 1, 1);
    fails("+1", "expected a value", 1, 1);
    fails(".5", "expected a value", 1, 1);
    fails("// comment\n1", "expected a value", 1, 1);
    fails("[1 /* c */]", "expected ',' or ']'", 1, 4);
    fails("\"abc", "unterminated string", 1, 1);
    fails("[\"ok\",\n  \"abc\\", "unterminated string", 2, 3);
    fails("\"a\\x\"", "invalid escape", 1, 4);
    fails("\"a\\'\"", "invalid escape", 1, 4);
    fails("\"a\u{1}b\"", "control character in string", 1, 3);
    fails("\"line\nbreak\"", "control character in string", 1, 6);
    fails("\"tab\there\"", "control character in string", 1, 5);
    fails("\"\\u12G4\"", "invalid \\u escape", 1, 6);
    fails("\"\\u12\"", "invalid \\u escape", 1, 6);
    fails("\"\\u", "invalid \\u escape", 1, 4);
    fails("\"\\uD800\"", "lone surrogate", 1, 3);
    fails("\"\\uDC00\"", "lone surrogate", 1, 3);
    fails("\"x\\uD83Dabc\"", "lone surrogate", 1, 4);
    fails("\"\\uD83D\\n\"", "lone surrogate", 1, 3);
    fails("\"\\uD83D\\u0041\"", "lone surrogate", 1, 3);
    fails("\"\\uD83D\\uD83D\"", "lone surrogate", 1, 3);
    fails("\"\\uD83D\\uZZZZ\"", "invalid \\u escape", 1, 10);
    fails("01", "invalid number", 1, 2);
    fails("-01", "invalid number", 1, 3);
    fails("-", "unexpected end of input", 1, 2);
    fails("-a", "invalid number", 1, 2);
    fails("-Infinity", "invalid number", 1, 2);
    fails("1.", "unexpected end of input", 1, 3);
    fails("1.e5", "invalid number", 1, 3);
    fails("[1.]", "invalid number", 1, 4);
    fails("1e", "unexpected end of input", 1, 3);
    fails("[1e+]", "invalid number", 1, 5);
    fails("0x10", "trailing characters", 1, 2);
    fails("1 2", "trailing characters", 1, 3);
    fails("{} {}", "trailing characters", 1, 4);
    fails("[1]\n\n  x", "trailing characters", 3, 3);
    fails("\u{a0}1", "expected a value", 1, 1);
    fails("[\u{c}1]", "expected a value", 1, 2);
    // Columns count characters, not bytes.
    fails("[\"한국\" x]", "expected ',' or ']'", 1, 7);
    fails("{\n  \"이름\": \"값\",\n  \"b\" 2\n}", "expected ':'", 3, 7);
}

#[test]
fn depth_limit() {
    let nested = |n: usize| ["[".repeat(n), "]".repeat(n)].concat();
    assert!(parse(&nested(DEFAULT_MAX_DEPTH)).is_ok());
    fails(&nested(DEFAULT_MAX_DEPTH + 1), TOO_DEEP, 1, 65);
    fails(&"[".repeat(100_000), TOO_DEEP, 1, 65);
    fails(&nested(100_000), TOO_DEEP, 1, 65);
    fails(&"{\"a\":".repeat(100_000), TOO_DEEP, 1, 5 * 64 + 1);
    let objects = |n: usize| ["{\"a\":".repeat(n), "0".into(), "}".repeat(n)].concat();
    assert!(parse(&objects(64)).is_ok());
    assert_eq!(err(&objects(65)).message, TOO_DEEP);
    // Brackets in strings do not count.
    assert!(parse(&["[\"", &"[".repeat(1000), "\"]"].concat()).is_ok());
    assert!(parse_with_depth("1", 0).is_ok());
    assert_eq!(parse_with_depth("[]", 0).unwrap_err().message, TOO_DEEP);
    assert!(parse_with_depth(&nested(3), 3).is_ok());
    assert_eq!(parse_with_depth(&nested(4), 3).unwrap_err().message, TOO_DEEP);
}

#[test]
fn byte_order_mark_at_the_start_is_skipped() {
    assert_eq!(ok("\u{feff}{\"a\": 1}").get("a"), Some(&Value::Number(1.0)));
    assert_eq!(ok("\u{feff}\"x\""), Value::String("x".into()));
    // Not counted in columns; anywhere else it is not whitespace.
    fails("\u{feff}[x]", "expected a value", 1, 2);
    fails(" \u{feff}1", "expected a value", 1, 2);
    fails("\u{feff}\u{feff}1", "expected a value", 1, 1);
    fails("[1,\u{feff}2]", "expected a value", 1, 4);
    // Inside a string it is an ordinary character.
    assert_eq!(ok("\"\u{feff}\""), Value::String("\u{feff}".into()));
}

#[test]
fn surrogate_pairs() {
    assert_eq!(ok("\"\\uD83D\\uDE00\""), Value::String("😀".into()));
    assert_eq!(ok("\"\\ud83d\\ude00\""), Value::String("😀".into()));
    assert_eq!(ok("\"\\uD800\\uDC00\""), Value::String("\u{10000}".into()));
    assert_eq!(ok("\"\\uDBFF\\uDFFF\""), Value::String("\u{10FFFF}".into()));
    assert_eq!(ok("\"a\\uD834\\uDD1Eb\\u00e9\""), Value::String("a𝄞bé".into()));
    assert_eq!(ok("\"\\uFFFF\\uE000\""), Value::String("\u{FFFF}\u{E000}".into()));
}

#[test]
fn numbers_in_the_fast_path_are_exact() {
    for t in [
        "0",
        "1",
        "-1",
        "0.1",
        "0.2",
        "0.3",
        "1.5e13",
        "2.0e13",
        "5.0e11",
        "0.02",
        "1042",
        "0.1000000005",
        "123456789012345",
        "1e22",
        "1e-22",
        "9007199254740991",
        "4.35e-5",
        "12.22",
        "0.000001",
        "3.14159",
        "1e23",
        "1e30",
        "1e37",
        "123e20",
        "-0.0",
        "0.0e0",
        "1E+2",
        "100000000000000000000000",
    ] {
        exact(t);
    }
    // Whole numbers up to 2^64 come from one rounding of the exact integer.
    for t in [
        "9007199254740993",
        "18446744073709551615",
        "-9223372036854775808",
        "12345678901234567890",
    ] {
        exact(t);
    }
}

#[test]
fn numbers_outside_the_fast_path_are_close_and_the_range_ends_are_not_errors() {
    for t in [
        "0.30000000000000004",
        "1.7976931348623157e300",
        "123456789012345678901234567890",
        "0.1234567890123456789012345",
        "6.02214076e23",
        "1.602176634e-19",
        "2.2250738585072014e-300",
        "2.2250738585072014e-308",
        "1e-320",
    ] {
        let want: f64 = t.parse().unwrap();
        let got = num(t);
        let rel = ((got - want) / want).abs();
        assert!(rel < 1e-14, "{t}: {got:e} vs {want:e}");
    }
    assert_eq!(num("1e400"), f64::INFINITY);
    assert_eq!(num("-1e400"), f64::NEG_INFINITY);
    assert_eq!(num("1e99999999999999999999999999"), f64::INFINITY);
    assert_eq!(num("1e-400"), 0.0);
    assert_eq!(num("1e-99999999999999999999999999"), 0.0);
    assert_eq!(num("0e99999999999999999999"), 0.0);
    assert_eq!(num(&["1", &"0".repeat(400)].concat()), f64::INFINITY);
    assert_eq!(num(&["0.", &"0".repeat(400), "1"].concat()), 0.0);
    exact(&["0.", &"0".repeat(400), "1e400"].concat());
}

/// Every number written in data/dataset.json parses bit-identical to `str::parse::<f64>`.
#[test]
fn dataset_numbers_are_bit_identical() {
    let text = sme_export::dataset::DEFAULT_JSON;
    // The number tokens, outside strings.
    let mut tokens = Vec::new();
    let (mut in_str, mut esc, mut cur) = (false, false, String::new());
    for c in text.chars() {
        if in_str {
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
        } else if c.is_ascii_digit() || c == '-' || (!cur.is_empty() && "+.eE".contains(c)) {
            cur.push(c);
        } else {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            in_str = c == '"';
        }
    }
    // ...in document order, as the parsed value holds them.
    fn walk(v: &Value, out: &mut Vec<f64>) {
        match v {
            Value::Number(x) => out.push(*x),
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            Value::Object(o) => o.iter().for_each(|(_, v)| walk(v, out)),
            _ => {}
        }
    }
    let mut got = Vec::new();
    walk(&ok(text), &mut got);
    assert_eq!(got.len(), tokens.len());
    assert!(tokens.len() >= 20, "only {} numbers in the dataset", tokens.len());
    for (t, x) in tokens.iter().zip(&got) {
        let want: f64 = t.parse().unwrap();
        assert_eq!(x.to_bits(), want.to_bits(), "{t}");
        exact(t);
    }
}

/// `m * 10^e` written with `f` digits after the point (and the exponent adjusted), e.g.
/// (12345, -3, 2) -> "123.45e-1"; `style` picks 'e'/'E', an explicit '+' and a sign.
fn decimal(m: u64, e: i32, f: usize, style: u8) -> String {
    let d = m.to_string();
    let digits = if f >= d.len() {
        ["0".repeat(f + 1 - d.len()), d].concat()
    } else {
        d
    };
    let (int, frac) = digits.split_at(digits.len() - f);
    let mut s = String::new();
    if style & 1 != 0 {
        s.push('-');
    }
    s.push_str(int);
    if f > 0 {
        s.push('.');
        s.push_str(frac);
    }
    let we = e + f as i32;
    if we != 0 || style & 2 != 0 {
        s.push(if style & 4 != 0 { 'E' } else { 'e' });
        if we >= 0 && style & 8 != 0 {
            s.push('+');
        }
        s.push_str(&we.to_string());
    }
    s
}

#[test]
fn decimal_helper() {
    assert_eq!(decimal(12345, -3, 2, 0), "123.45e-1");
    assert_eq!(decimal(5, -3, 3, 0), "0.005");
    assert_eq!(decimal(5, 2, 0, 0), "5e2");
    assert_eq!(decimal(5, 0, 0, 15), "-5E+0");
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as S;
    let leaf = prop_oneof![
        Just(S::Null),
        any::<bool>().prop_map(S::Bool),
        any::<i64>().prop_map(|x| json!(x)),
        any::<u64>().prop_map(|x| json!(x)),
        // Floats the parser promises to read back exactly.
        (1u64..1_000_000_000_000_000, -22i32..=22)
            .prop_map(|(m, e)| { json!(decimal(m, e, 0, 0).parse::<f64>().unwrap()) }),
        any::<String>().prop_map(S::String),
        "[a-z\"\\\\/\\x00-\\x1f\\x7f-\\xa0\\x{ffff}\\x{10000}]{0,8}".prop_map(S::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(S::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8).prop_map(|m| S::Object(m.into_iter().collect())),
        ]
    })
}

/// Token soup: often valid, often almost valid.
fn arb_fragments() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(vec![
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        " ",
        "\n",
        "\"a\"",
        "\"",
        "\"\\u00e9\"",
        "\"\\uD83D\\uDE00\"",
        "\\",
        "\\u",
        "D83D",
        "0",
        "1",
        "-",
        ".",
        "e",
        "E",
        "+",
        "5",
        "01",
        "1.5e3",
        "true",
        "false",
        "null",
        "nul",
        "tru",
        "\"k\":",
        "\u{1}",
        "/",
        "x",
        "\u{feff}",
        "한",
    ]);
    prop::collection::vec(tokens, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn fast_path_decimals_match_std(
        m in 0u64..1_000_000_000_000_000,
        e in -22i32..=22,
        f in 0usize..20,
        style in 0u8..16,
    ) {
        let s = decimal(m, e, f, style);
        let want: f64 = s.parse().unwrap();
        let got = parse(&s).map_err(|e| format!("{s}: {e:?}"));
        prop_assert_eq!(got, Ok(Value::Number(want)), "{}", s);
        // Also the sign of zero.
        prop_assert_eq!(num(&s).to_bits(), want.to_bits(), "{}", s);
    }

    #[test]
    fn serde_json_output_reads_back(v in arb_json(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            v.to_string()
        };
        let got = parse(&text);
        prop_assert!(got.as_ref().is_ok_and(|g| same(g, &v)), "{} -> {:?}", text, got);
    }

    #[test]
    fn never_panics_on_strings(s in any::<String>()) {
        let _ = parse(&s);
    }

    #[test]
    fn never_panics_on_cut_or_spliced_json(v in arb_json(), cut in any::<prop::sample::Index>(), b in any::<u8>()) {
        let text = v.to_string();
        let at = cut.index(text.len() + 1);
        if let Some(head) = text.get(..at) {
            let _ = parse(head);
            let mut spliced = head.to_owned();
            spliced.push(char::from(b & 0x7f));
            spliced.push_str(text.get(at..).unwrap_or_default());
            let _ = parse(&spliced);
        }
    }

    /// Accepts exactly what serde_json accepts (within its depth limit and f64 range), and reads
    /// the same values.
    #[test]
    fn accepts_what_serde_json_accepts(s in arb_fragments()) {
        let mine = parse(&s);
        let theirs = serde_json::from_str::<serde_json::Value>(&s);
        match (&mine, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(close(a, b), "{:?}: {:?} vs {:?}", s, a, b),
            (Err(_), Err(_)) => {}
            // serde_json does not skip a BOM; its numbers stop at the f64 range.
            (Ok(_), Err(e)) if s.starts_with('\u{feff}') || e.to_string().contains("out of range") => {}
            _ => prop_assert!(false, "{:?}: {:?} vs {:?}", s, mine, theirs),
        }
    }
}

/// Like `same`, but numbers need only agree closely (serde_json's own float parsing is not
/// correctly rounded without its float_roundtrip feature).
fn close(a: &Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as S;
    match (a, b) {
        (Value::Number(x), S::Number(n)) => n.as_f64().is_some_and(|y| x == &y || ((x - y) / y).abs() < 1e-14),
        (Value::Array(x), S::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close(a, b)),
        (Value::Object(x), S::Object(y)) => {
            // Repeated keys: serde_json keeps the last, so compare by the keys' last values.
            x.iter()
                .all(|(k, _)| y.get(k).is_some_and(|w| a.get(k).is_some_and(|v| close(v, w))))
                && y.keys().all(|k| a.get(k).is_some())
        }
        _ => same(a, b),
    }
}
