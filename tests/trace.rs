//! The calculation trace states what the code computes: every step's formula, evaluated over the
//! trace's own factors and earlier steps by the small evaluator below, gives the value the trace
//! shows, for every sector and market, with readiness answered and not, with and without the
//! firm's own export figures. A formula that names an id the trace does not have fails too.

use std::collections::HashMap;

use sme_export::builtin::dataset as default_dataset;
use sme_export::engine::{check, RawInput};
use sme_export::model::Readiness;
use sme_export::report::{trace, Trace};

/// A formula as the trace writes it: numbers, ids, + − × ÷ ^, unary −, parentheses, and
/// min(a, b), max(a, b), round(a). Same precedence evaluates left to right; ^ binds tightest.
struct Eval<'a> {
    chars: Vec<char>,
    at: usize,
    env: &'a HashMap<String, f64>,
}

impl Eval<'_> {
    fn skip(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip();
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn sum(&mut self) -> Result<f64, String> {
        let mut x = self.product()?;
        loop {
            if self.eat('+') {
                x += self.product()?;
            } else if self.eat('−') || self.eat('-') {
                x -= self.product()?;
            } else {
                return Ok(x);
            }
        }
    }

    fn product(&mut self) -> Result<f64, String> {
        let mut x = self.power()?;
        loop {
            if self.eat('×') {
                x *= self.power()?;
            } else if self.eat('÷') {
                x /= self.power()?;
            } else {
                return Ok(x);
            }
        }
    }

    fn power(&mut self) -> Result<f64, String> {
        let base = self.unary()?;
        if self.eat('^') {
            let exp = self.power()?;
            // The code raises to whole years with powi; the same here, so values match to the bit.
            if exp.fract() == 0.0 && exp.abs() < 1000.0 {
                return Ok(base.powi(exp as i32));
            }
            return Ok(base.powf(exp));
        }
        Ok(base)
    }

    fn unary(&mut self) -> Result<f64, String> {
        if self.eat('−') || self.eat('-') {
            return Ok(-self.unary()?);
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<f64, String> {
        if self.eat('(') {
            let x = self.sum()?;
            return if self.eat(')') { Ok(x) } else { Err("missing )".into()) };
        }
        let start = self.at;
        match self.peek() {
            Some(c) if c.is_ascii_digit() => {
                while self.chars.get(self.at).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
                    self.at += 1;
                }
                let text: String = self.chars[start..self.at].iter().collect();
                text.parse().map_err(|e| format!("{text}: {e}"))
            }
            Some(c) if c.is_ascii_alphabetic() => {
                while self.chars.get(self.at).is_some_and(|c| c.is_ascii_alphanumeric()) {
                    self.at += 1;
                }
                let name: String = self.chars[start..self.at].iter().collect();
                if self.eat('(') {
                    let a = self.sum()?;
                    let b = if self.eat(',') { Some(self.sum()?) } else { None };
                    if !self.eat(')') {
                        return Err(format!("{name}( without )"));
                    }
                    return match (name.as_str(), b) {
                        ("min", Some(b)) => Ok(a.min(b)),
                        ("max", Some(b)) => Ok(a.max(b)),
                        ("round", None) => Ok(a.round()),
                        _ => Err(format!("unknown function {name}")),
                    };
                }
                self.env.get(&name).copied().ok_or_else(|| format!("unknown id {name}"))
            }
            other => Err(format!("unexpected {other:?} at {}", self.at)),
        }
    }
}

fn evaluate(formula: &str, env: &HashMap<String, f64>) -> Result<f64, String> {
    let mut e = Eval {
        chars: formula.chars().collect(),
        at: 0,
        env,
    };
    let x = e.sum()?;
    match e.peek() {
        None => Ok(x),
        Some(c) => Err(format!("trailing {c:?}")),
    }
}

/// Every step of a trace evaluates to its value; returns how many steps were checked.
fn check_trace(tr: &Trace, case: &str) -> usize {
    let mut env: HashMap<String, f64> = HashMap::new();
    for f in &tr.factors {
        assert!(
            env.insert(f.id.to_owned(), f.value).is_none(),
            "{case}: factor {} twice",
            f.id
        );
    }
    for s in &tr.steps {
        let got = evaluate(&s.formula, &env).unwrap_or_else(|e| panic!("{case}: step {} `{}`: {e}", s.id, s.formula));
        let same = if s.unit == "KRW" && s.formula.starts_with("round(") {
            got == s.value
        } else {
            (got - s.value).abs() <= 1e-12 * s.value.abs().max(1e-300)
        };
        assert!(
            same,
            "{case}: step {} `{}` evaluates to {got}, the trace shows {}",
            s.id, s.formula, s.value
        );
        assert!(env.insert(s.id.clone(), s.value).is_none(), "{case}: id {} twice", s.id);
    }
    tr.steps.len()
}

#[test]
fn every_formula_of_the_trace_evaluates_to_its_value_for_every_sector_and_market() {
    let ds = default_dataset();
    let readiness = [
        Readiness::default(),
        Readiness {
            certification: Some(true),
            local_partner: Some(false),
            export_experience: Some(true),
            local_language: None,
        },
    ];
    let mut checked = 0;
    for sector in &ds.sectors {
        for market in &ds.markets {
            for (i, r) in readiness.iter().enumerate() {
                for own_exports in [None, Some(4.0e8)] {
                    let raw = RawInput {
                        revenue_krw: Some(3.5e9),
                        sector: sector.id.clone(),
                        market: market.id.clone(),
                        current_exports_krw: own_exports,
                        exports_to_market_krw: own_exports.map(|x| x / 10.0),
                        readiness: *r,
                        ..RawInput::default()
                    };
                    let input = check(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}"));
                    let tr = trace(&input, &ds);
                    let case = format!("{} {} readiness {i} exports {own_exports:?}", sector.id, market.id);
                    checked += check_trace(&tr, &case);
                    // The trace ends where the result does.
                    let last = |id: &str| tr.steps.iter().find(|s| s.id == id).map(|s| s.value);
                    assert_eq!(last("baseKrw"), Some(tr.result.base_krw), "{case}");
                    assert_eq!(last("lowKrw"), Some(tr.result.low_krw), "{case}");
                    assert_eq!(last("highKrw"), Some(tr.result.high_krw), "{case}");
                    assert_eq!(last("untappedKrw"), Some(tr.result.untapped_krw), "{case}");
                    for y in tr.result.years.iter().filter(|y| y.projected) {
                        assert_eq!(
                            last(&format!("baseKrw{}", y.year)),
                            Some(y.base_krw),
                            "{case} {}",
                            y.year
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 44 * 4 * 20, "{checked} steps checked");
}

#[test]
fn the_evaluator_catches_a_formula_that_does_not_compute_its_value() {
    let env: HashMap<String, f64> = [("a".to_owned(), 2.0), ("b".to_owned(), 3.0)].into();
    assert_eq!(evaluate("a × b + 1", &env), Ok(7.0));
    assert_eq!(evaluate("(1 + a) ^ (b − 1)", &env), Ok(9.0));
    assert_eq!(evaluate("min(a ÷ b, 1)", &env), Ok(2.0 / 3.0));
    assert_eq!(evaluate("a ^ (−b)", &env), Ok(0.125));
    assert_eq!(evaluate("round(a × 1.26)", &env), Ok(3.0));
    assert!(evaluate("a × c", &env).is_err(), "an id the trace does not have");
    // The formula the old trace stated for the firm's share, against a value it did not compute.
    let ds = default_dataset();
    let raw = RawInput {
        revenue_krw: Some(3.5e9),
        sector: "medical_devices".into(),
        market: "SA".into(),
        ..RawInput::default()
    };
    let mut tr = trace(&check(&raw, &ds).unwrap_or_else(|e| panic!("{e:?}")), &ds);
    let share = tr
        .steps
        .iter_mut()
        .find(|s| s.id == "firmShare")
        .unwrap_or_else(|| panic!("firmShare"));
    share.formula = "min(revenueKrw ÷ koreaOutputKrw, 1)".into();
    let caught = std::panic::catch_unwind(|| check_trace(&tr, "old formula"));
    assert!(
        caught.is_err(),
        "the old firm-share formula must not evaluate to the value shown"
    );
}
