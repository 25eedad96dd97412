//! The element's JS reads the result of `estimate()` by the names the engine's serde attributes
//! give it (the JS API serializes `model::Estimate` with serde-wasm-bindgen). This test collects
//! every property the JS in `www/` reads from a result, and checks that each one is there in
//! `serde_json::to_value(estimate)`: a serde rename that the page does not follow fails here,
//! not in front of a user.
//!
//! How the reads are found: a result enters the JS as `r` (`render(r)`, `const r = this.last`,
//! `this.last = r`); an alias is any variable assigned from a known path (`p = r.potential`), an
//! array's item bound by `for (const y of p.years)` or `.map((y) =>` (and `filter`, `find`,
//! `forEach`, `some`, `every`), or a `find`/`filter` result (`const sel = r.ranking.find(...)`).
//! Aliases are per method, so `s` can be `r.sme` in one method and a support item in another; a
//! name bound to several paths in one method must exist under at least one of them.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_json::Value;
use sme_export::engine::{estimate, RawInput};
use sme_export::load::default_dataset;
use sme_export::model::Readiness;

/// A full case: every optional input given, so every optional result field is there (as null at worst).
fn full_result() -> Value {
    let ds = default_dataset().expect("the default dataset loads");
    let raw = RawInput {
        revenue_krw: Some(3.5e9),
        sector: "medical_devices".into(),
        market: "SA".into(),
        current_exports_krw: Some(4.0e8),
        exports_to_market_krw: Some(1.0e6),
        total_assets_krw: Some(5.0e9),
        medical_corporation: Some(false),
        readiness: Readiness {
            certification: Some(true),
            local_partner: None,
            export_experience: Some(true),
            local_language: Some(false),
        },
        today: Some("2026-11-28".into()),
        ..RawInput::default()
    };
    serde_json::to_value(estimate(&raw, &ds).expect("the case is valid")).expect("a result serializes")
}

/// The values at `path` ("potential.years[]"): an array step stands for each of its items.
fn values_at<'v>(root: &'v Value, path: &str) -> Vec<&'v Value> {
    let mut cur = vec![root];
    for step in path.split('.').filter(|s| !s.is_empty()) {
        let (key, each) = match step.strip_suffix("[]") {
            Some(k) => (k, true),
            None => (step, false),
        };
        let mut next = Vec::new();
        for v in cur {
            let Some(child) = (if key.is_empty() { Some(v) } else { v.get(key) }) else {
                continue;
            };
            match (each, child) {
                (true, Value::Array(items)) => next.extend(items.iter()),
                (true, _) => {}
                (false, c) => next.push(c),
            }
        }
        cur = next;
    }
    cur
}

/// What JS itself offers on arrays and strings: not result fields.
const BUILT_IN: &[&str] = &[
    "length",
    "map",
    "filter",
    "find",
    "findIndex",
    "forEach",
    "some",
    "every",
    "join",
    "slice",
    "includes",
    "indexOf",
    "startsWith",
    "endsWith",
    "replace",
    "split",
    "trim",
    "toFixed",
    "concat",
    "reduce",
    "sort",
];

/// Array methods whose callback's first parameter is an item.
const ITERATORS: &[&str] = &["map", "filter", "find", "forEach", "some", "every", "findIndex"];

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The identifier ending just before `end` (skipping spaces), and where it starts.
fn ident_before(code: &[u8], end: usize) -> Option<(usize, &str)> {
    let mut e = end;
    while e > 0 && code[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && is_ident(code[s - 1]) {
        s -= 1;
    }
    (s < e).then(|| (s, std::str::from_utf8(&code[s..e]).unwrap_or("")))
}

/// A chain `name.a?.b` starting at `at`: (name, [a, b], where it ends).
fn chain_at(code: &[u8], at: usize) -> Option<(String, Vec<String>, usize)> {
    let mut j = at;
    while j < code.len() && is_ident(code[j]) {
        j += 1;
    }
    if j == at || code[at].is_ascii_digit() {
        return None;
    }
    let name = String::from_utf8_lossy(&code[at..j]).into_owned();
    let mut props = Vec::new();
    loop {
        let k = if code.get(j) == Some(&b'.') {
            j + 1
        } else if code.get(j) == Some(&b'?') && code.get(j + 1) == Some(&b'.') {
            j + 2
        } else {
            break;
        };
        let mut e = k;
        while e < code.len() && is_ident(code[e]) {
            e += 1;
        }
        if e == k {
            break;
        }
        props.push(String::from_utf8_lossy(&code[k..e]).into_owned());
        j = e;
    }
    Some((name, props, j))
}

/// One binding of a name at a position: to a result path, or to something else (`None`).
struct Binding {
    at: usize,
    name: String,
    path: Option<String>,
}

fn resolve(bindings: &[Binding], name: &str, at: usize) -> Option<String> {
    bindings
        .iter()
        .filter(|b| b.name == name && b.at <= at)
        .max_by_key(|b| b.at)
        .and_then(|b| b.path.clone())
}

/// The result path a chain at `at` stands for (`p.years[...]` and `.find(` give an item,
/// `.filter(` the list), or `None` when it does not start at a result alias.
fn chain_path(code: &[u8], bindings: &[Binding], at: usize) -> Option<(String, usize)> {
    let (name, props, end) = chain_at(code, at)?;
    let mut path = resolve(bindings, &name, at)?;
    for p in &props {
        if ITERATORS.contains(&p.as_str()) {
            if p != "filter" {
                path.push_str("[]");
            }
            return Some((path, end));
        }
        if BUILT_IN.contains(&p.as_str()) {
            return None;
        }
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(p);
    }
    if code.get(end) == Some(&b'[') {
        path.push_str("[]");
    }
    Some((path, end))
}

/// Every (variable, path read) in one method of `code` that receives a result as `r`.
fn reads(code: &str) -> Vec<(String, String)> {
    let code = code.as_bytes();
    let mut bindings = vec![Binding {
        at: 0,
        name: "r".into(),
        path: Some(String::new()),
    }];
    // Bindings in text order, so each resolves against those before it.
    for i in 0..code.len() {
        let here = &code[i..];
        // `name = <chain>` (not `==`, `=>`, `<=`...).
        if here.starts_with(b" = ") && i > 0 && !b"=!<>+-*/".contains(&code[i - 1]) {
            if let Some((_, name)) = ident_before(code, i) {
                let rhs = &code[i + 3..];
                // The result shown: `this.last` in the element, `el.last` in its modules.
                let last = (rhs.starts_with(b"this.last") && !rhs.get(9).copied().is_some_and(is_ident))
                    || (rhs.starts_with(b"el.last") && !rhs.get(7).copied().is_some_and(is_ident));
                let path = if last {
                    Some(String::new())
                } else {
                    chain_path(code, &bindings, i + 3).map(|(p, _)| p)
                };
                bindings.push(Binding {
                    at: i,
                    name: name.into(),
                    path,
                });
            }
        }
        // `for (const name of <chain>)`.
        if here.starts_with(b" of ") {
            if let Some((_, name)) = ident_before(code, i) {
                let path = chain_path(code, &bindings, i + 4).map(|(p, _)| [p.as_str(), "[]"].concat());
                bindings.push(Binding {
                    at: i,
                    name: name.into(),
                    path,
                });
            }
        }
        // `(name) =>`, `(name, i) =>`, `catch (name)`: an item of `<chain>.map(` or something else.
        if here.starts_with(b"(") && i + 1 < code.len() && is_ident(code[i + 1]) {
            let Some((name, props, end)) = chain_at(code, i + 1) else {
                continue;
            };
            let tail = &code[end..];
            let arrow = tail.starts_with(b") =>") || tail.starts_with(b",");
            let catch = code[..i].ends_with(b"catch ");
            if !props.is_empty() || !(arrow || catch) {
                continue;
            }
            let mut path = None;
            if let Some(open) = i.checked_sub(1).filter(|o| code[*o] == b'(') {
                if let Some((start, method)) = ident_before(code, open) {
                    if ITERATORS.contains(&method) && start > 0 && code[start - 1] == b'.' {
                        // Walk back to the start of the chain before `.method(`.
                        let mut s = start - 1;
                        while s > 0 && (is_ident(code[s - 1]) || code[s - 1] == b'.' || code[s - 1] == b'?') {
                            s -= 1;
                        }
                        path = chain_path(code, &bindings, s)
                            .filter(|(_, e)| *e == start + method.len())
                            .map(|(p, _)| {
                                if method == "filter" {
                                    [p.as_str(), "[]"].concat()
                                } else {
                                    p
                                }
                            });
                    }
                }
            }
            bindings.push(Binding { at: i + 1, name, path });
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let starts = is_ident(code[i]) && (i == 0 || (!is_ident(code[i - 1]) && code[i - 1] != b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let Some((name, props, end)) = chain_at(code, i) else {
            i += 1;
            continue;
        };
        if let Some(mut path) = resolve(&bindings, &name, i).filter(|_| !props.is_empty()) {
            for p in &props {
                if BUILT_IN.contains(&p.as_str()) {
                    break;
                }
                out.push((
                    name.clone(),
                    [path.as_str(), if path.is_empty() { "" } else { "." }, p].concat(),
                ));
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(p);
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// A line that opens a function or a class method (`export function render(el, r) {`,
/// `render(r) {`), not a statement inside one that happens to end in `{` (`const c = keep(el,
/// 'sup', r.support, () => card(... => {`).
fn is_function_header(t: &str) -> bool {
    let t = t.strip_prefix("export ").unwrap_or(t);
    let t = t.strip_prefix("async ").unwrap_or(t);
    if t.starts_with("function ") || t.starts_with("class ") {
        return true;
    }
    let t = t.strip_prefix("static ").unwrap_or(t);
    let name_end = t.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '#'));
    let Some(name_end) = name_end.filter(|&e| e > 0) else {
        return false;
    };
    let rest = &t[name_end..];
    let keyword = matches!(
        &t[..name_end],
        "if" | "for" | "while" | "switch" | "catch" | "with" | "return"
    );
    // `name(params) {` with nothing after the closing parenthesis but the brace.
    !keyword && rest.starts_with('(') && rest.find(')').is_some_and(|c| rest[c + 1..].trim() == "{")
}

/// The methods and functions of a file that receive a result as `r`.
fn result_methods(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in code.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if indent <= 2 && t.ends_with('{') && is_function_header(t) {
            out.push(String::new());
        }
        if let Some(m) = out.last_mut() {
            m.push_str(line);
            m.push('\n');
        }
    }
    // A method or function with a parameter `r` (`render(r)`, `function supportCard(el, r)`), or
    // one that takes the result shown (`const r = this.last`, `const r = el.last`).
    out.retain(|m| {
        let header = m.lines().next().unwrap_or("");
        let params = header
            .split_once('(')
            .map_or("", |(_, p)| p.split(')').next().unwrap_or(""));
        params.split(',').any(|p| p.trim() == "r")
            || m.contains("const r = this.last")
            || m.contains("const r = el.last")
    });
    out
}

/// Whether `path` ("potential.years[].highKrw") names something in the result.
fn exists(result: &Value, path: &str) -> bool {
    let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
    values_at(result, parent).iter().any(|v| v.get(last).is_some())
}

#[test]
fn every_result_name_the_page_reads_is_a_serde_name() {
    let result = full_result();
    let mut files: Vec<_> = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("www")];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).expect("www/ is readable").flatten() {
            let p = e.path();
            if p.is_dir() && p.file_name().is_some_and(|n| n != "pkg") {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "js") {
                files.push(p);
            }
        }
    }
    let mut checked = BTreeSet::new();
    let mut missing = BTreeSet::new();
    for file in &files {
        let code = fs::read_to_string(file).expect("a www/ file is readable");
        for method in result_methods(&code) {
            for (var, path) in reads(&method) {
                if !exists(&result, &path) {
                    missing.insert(format!("{}: {var} -> {path}", file.display()));
                }
                checked.insert(path);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "the page reads names the result does not have:\n{missing:#?}"
    );
    // The test sees the reads it is meant to see (a JS rewrite that hides them fails here too).
    for must in [
        "potential.baseKrw",
        "sme.tableEffective",
        "potential.years[].label",
        "potential.factors[].assumption",
        "ranking[].selected",
        "support[].reasons[].outcome",
        "plan.summary",
        "figuresAsOf",
    ] {
        assert!(checked.contains(must), "no read of {must} found among {checked:#?}");
    }
    assert!(
        checked.len() >= 40,
        "only {} result reads found: {checked:#?}",
        checked.len()
    );
}

/// The checker itself: a renamed field is reported, through an alias and an item binding.
#[test]
fn a_renamed_field_is_caught() {
    let result = full_result();
    let js = "  render(r) {\n    const p = r.potential, s = r.sme;\n    s.tableEffectiv; p.years.map((y) => y.hiKrw);\n    for (const x of r.ranking) x.name;\n  }\n";
    let bad: Vec<String> = result_methods(js)
        .iter()
        .flat_map(|m| reads(m))
        .map(|(_, p)| p)
        .filter(|p| !exists(&result, p))
        .collect();
    assert_eq!(bad, ["sme.tableEffectiv", "potential.years[].hiKrw"]);
}
