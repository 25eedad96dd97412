//! Compiles `data/dataset.json` into the crate as Rust values: the first answer parses nothing.
//!
//! The file is read by the crate's own loader (`src/load`, with the modules it needs, included
//! here by path), so a dataset the widget would refuse fails the build with each problem's JSON
//! path. The checked `Dataset` is then written out as Rust code that builds the same value:
//! `$OUT_DIR/dataset_full.rs` (everything; the command line, the tests and the full module) and
//! `$OUT_DIR/dataset_first.rs` (the first-answer module: the same figures, rules and names, with
//! the long texts only the detailed cards show left empty). Notes (how an assumed figure was
//! derived) are never compiled in: they are for the people who keep the file (`docs/SOURCES.md`).
//!
//! Every struct is written as a literal naming all its fields, so a field added to `dataset.rs`
//! and not here fails to compile instead of being left out silently.

#![allow(dead_code, unused_imports, clippy::all)]

use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[path = "src/amount.rs"]
mod amount;
#[path = "src/dataset.rs"]
mod dataset;
#[path = "src/error.rs"]
mod error;
#[path = "src/load/mod.rs"]
mod load;
#[path = "src/vocab.rs"]
mod vocab;
#[path = "src/words/problems.rs"]
mod words;

use dataset::*;
use vocab::{Question, SmeSize};

/// Which copy is being written.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    /// Every member.
    Full,
    /// What the answer at a glance needs: the long texts of routes, programmes and sources empty.
    First,
}

/// Rust code that builds `self`.
trait Rust {
    fn rust(&self, copy: Copy, out: &mut String);
}

impl Rust for String {
    fn rust(&self, _: Copy, out: &mut String) {
        let _ = write!(out, "s({self:?})");
    }
}
impl Rust for f64 {
    fn rust(&self, _: Copy, out: &mut String) {
        let _ = write!(out, "{self:?}");
    }
}
impl Rust for i32 {
    fn rust(&self, _: Copy, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}
impl Rust for bool {
    fn rust(&self, _: Copy, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}
impl<T: Rust> Rust for Option<T> {
    fn rust(&self, copy: Copy, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(x) => {
                out.push_str("Some(");
                x.rust(copy, out);
                out.push(')');
            }
        }
    }
}
impl<T: Rust> Rust for Vec<T> {
    fn rust(&self, copy: Copy, out: &mut String) {
        out.push_str("vec![");
        for x in self {
            x.rust(copy, out);
            out.push(',');
        }
        out.push(']');
    }
}
impl Rust for Text {
    fn rust(&self, _: Copy, out: &mut String) {
        let _ = write!(out, "t({:?},{:?})", self.ko, self.en);
    }
}
impl Rust for Figure {
    // Notes stay out (see the top of this file); `f` is a helper of the generated code. The first
    // copy drops the unit and the source: only the factor table and the trace show them.
    fn rust(&self, copy: Copy, out: &mut String) {
        out.push_str("f(");
        self.value.rust(copy, out);
        match copy {
            Copy::Full => {
                let _ = write!(out, ",{:?},{:?},", self.unit, self.source);
            }
            Copy::First => out.push_str(",\"\",\"\","),
        }
        self.year.rust(copy, out);
        let _ = write!(out, ",{})", self.assumption);
    }
}

/// Unit enums by their Rust name.
macro_rules! unit_enum {
    ($($ty:ident),*) => {$(
        impl Rust for $ty {
            fn rust(&self, _: Copy, out: &mut String) {
                let _ = write!(out, "{}::{:?}", stringify!($ty), self);
            }
        }
    )*};
}
unit_enum!(FtaStatus, ProgramStatus, Representative, StepKind, Question, SmeSize);

/// A struct literal naming every field; `[field]` marks a long text the first module leaves empty
/// (its type's `Default`).
macro_rules! record {
    ($ty:ident { $($field:ident),* $(; first_empty: $($long:ident),*)? }) => {
        impl Rust for $ty {
            fn rust(&self, copy: Copy, out: &mut String) {
                out.push_str(concat!(stringify!($ty), "{"));
                $(
                    out.push_str(concat!(stringify!($field), ":"));
                    self.$field.rust(copy, out);
                    out.push(',');
                )*
                $($(
                    out.push_str(concat!(stringify!($long), ":"));
                    if copy == Copy::Full { self.$long.rust(copy, out) } else { out.push_str("Default::default()") }
                    out.push(',');
                )*)?
                out.push('}');
            }
        }
    };
}

record!(EntryRoute { id, market, sectors, verified, local_representative, review_months, checked;
    first_empty: regulator, route, steps, documents, fees, validity, ask_at, source });
record!(EntryStep { text, kind, paid_by });
record!(MonthRange { min, max, year, assumption; first_empty: source });
record!(Fee { label, figure });
record!(Region { id, name });
record!(ExchangeRate { krw_per_usd });
record!(YearRate { year, krw_per_usd });
record!(Plan { announced, base_year, target_year, base_exports_krw, target_exports_krw, implied_krw_per_usd,
    scope_sectors, reached; first_empty: name, source, scope, measures });
record!(PlanMeasure {
    name,
    status,
    status_checked,
    summary,
    source
});
record!(LabelledFigure { figure; first_empty: label });
record!(MethodParams {
    distance_elasticity,
    fta_in_force_effect,
    readiness_min_multiplier,
    readiness_max_multiplier,
    model_uncertainty,
    readiness_weights,
    max_figure_age_years
});
record!(ReadinessWeights {
    certification,
    local_partner,
    export_experience,
    local_language
});
record!(SmeRules { tables, asset_cap_krw, grace_period_years; first_empty: confirm_at });
record!(SmeTable { id, effective, rows; first_empty: name, source });
record!(SmeRow {
    sector,
    small_max_krw,
    medium_max_krw
});
record!(Sector {
    id,
    ksic,
    name,
    korea_world_share,
    korea_output_krw,
    korea_exports_krw,
    korea_exports_usd,
    demand_from_health_spending
});
record!(Market {
    id,
    region,
    name,
    distance_km,
    fta,
    demand,
    demand_growth,
    korea_exports,
    health_expenditure_usd,
    goods_trade
});
record!(GoodsTrade {
    korea_exports_usd,
    imports_usd
});
record!(ActualExports { sectors, figure });
record!(SectorFigure { sector, figure });
record!(Fta { status, date; first_empty: name, source });
record!(Program { id, name, status, status_checked, dates, application_window, rule;
    first_empty: agency, offers, status_note, next_step, source, url });
record!(ApplicationWindow { opens, closes, detail });

impl Rust for Criterion {
    fn rust(&self, copy: Copy, out: &mut String) {
        let mut field = |name: &str, value: &dyn Fn(&mut String)| {
            let _ = write!(out, "{name}:");
            value(out);
            out.push(',');
        };
        let _ = &mut field;
        match self {
            Criterion::Sector { any_of } => {
                out.push_str("Criterion::Sector{any_of:");
                any_of.rust(copy, out);
            }
            Criterion::Region { any_of } => {
                out.push_str("Criterion::Region{any_of:");
                any_of.rust(copy, out);
            }
            Criterion::Market { any_of } => {
                out.push_str("Criterion::Market{any_of:");
                any_of.rust(copy, out);
            }
            Criterion::Size { any_of } => {
                out.push_str("Criterion::Size{any_of:");
                any_of.rust(copy, out);
            }
            Criterion::Readiness { question, expect } => {
                out.push_str("Criterion::Readiness{question:");
                question.rust(copy, out);
                out.push_str(",expect:");
                expect.rust(copy, out);
            }
            Criterion::CurrentExports { min_krw, max_krw } => {
                out.push_str("Criterion::CurrentExports{min_krw:");
                min_krw.rust(copy, out);
                out.push_str(",max_krw:");
                max_krw.rust(copy, out);
            }
            Criterion::FtaInForce => out.push_str("Criterion::FtaInForce{"),
            Criterion::Confirm { text } => {
                out.push_str("Criterion::Confirm{text:");
                text.rust(copy, out);
            }
        }
        out.push('}');
    }
}

/// The generated file: small helpers, one function per record of the long lists (small stack
/// frames, and no one function of hundreds of kilobytes), and `dataset()`.
fn generate(d: &Dataset, copy: Copy) -> String {
    let mut out = String::from(
        "// Generated by build.rs from data/dataset.json. Do not edit.\n\
         #[inline(never)] fn s(x: &str) -> String { String::from(x) }\n\
         #[inline(never)] fn t(ko: &str, en: &str) -> Text { Text { ko: s(ko), en: s(en) } }\n\
         #[inline(never)] fn f(value: f64, unit: &str, source: &str, year: Option<i32>, assumption: bool) -> Figure {\n\
         Figure { value, unit: s(unit), source: s(source), year, assumption, note: None } }\n",
    );
    let list = |name: &str, items: Vec<String>, out: &mut String| {
        for (i, body) in items.iter().enumerate() {
            let _ = writeln!(out, "#[inline(never)] fn {name}_{i}() -> {body}");
        }
        (0..items.len()).map(|i| format!("{name}_{i}(),")).collect::<String>()
    };
    let each = |items: &[&dyn Rust], ty: &str| -> Vec<String> {
        items
            .iter()
            .map(|x| {
                let mut body = format!("{ty} {{ ");
                x.rust(copy, &mut body);
                body.push_str(" }");
                body
            })
            .collect()
    };
    let markets = list(
        "market",
        each(&d.markets.iter().map(|x| x as &dyn Rust).collect::<Vec<_>>(), "Market"),
        &mut out,
    );
    let programs = list(
        "program",
        each(
            &d.programs.iter().map(|x| x as &dyn Rust).collect::<Vec<_>>(),
            "Program",
        ),
        &mut out,
    );
    let routes = list(
        "route",
        each(
            &d.entry_routes.iter().map(|x| x as &dyn Rust).collect::<Vec<_>>(),
            "EntryRoute",
        ),
        &mut out,
    );
    let sectors = list(
        "sector",
        each(&d.sectors.iter().map(|x| x as &dyn Rust).collect::<Vec<_>>(), "Sector"),
        &mut out,
    );
    let mut rest = String::new();
    let mut field = |name: &str, value: &dyn Rust| {
        let _ = write!(rest, "{name}:");
        value.rust(copy, &mut rest);
        rest.push(',');
    };
    field("schema", &d.schema);
    field("version", &d.version);
    field("figures_as_of", &d.figures_as_of);
    field("title", &d.title);
    field("price_year", &d.price_year);
    field("projection_years", &d.projection_years);
    field("exchange_rates", &d.exchange_rates);
    field("exchange_rate", &d.exchange_rate);
    field("plan", &d.plan);
    field("method", &d.method);
    field("sme", &d.sme);
    field("korea_world_goods_share", &d.korea_world_goods_share);
    field("regions", &d.regions);
    let _ = write!(
        out,
        "/// The compiled-in dataset.\npub fn dataset() -> Dataset {{ Dataset {{ {rest} sectors: vec![{sectors}], \
         markets: vec![{markets}], programs: vec![{programs}], entry_routes: vec![{routes}] }} }}\n"
    );
    out
}

fn main() {
    let source = Path::new("data/dataset.json");
    println!("cargo::rerun-if-changed={}", source.display());
    for dir in [
        "src/load",
        "src/dataset.rs",
        "src/vocab.rs",
        "src/error.rs",
        "src/amount.rs",
        "src/words/problems.rs",
    ] {
        println!("cargo::rerun-if-changed={dir}");
    }
    // `first_module`: the first-answer module's build (feature `first` for wasm32); natively the
    // feature changes nothing, so `cargo test --all-features` tests the whole crate.
    println!("cargo::rustc-check-cfg=cfg(first_module)");
    if env::var_os("CARGO_FEATURE_FIRST").is_some() && env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-cfg=first_module");
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let text = fs::read_to_string(source).expect("data/dataset.json is readable");
    let dataset = match load::dataset_from_json(&text) {
        Ok(d) => d,
        Err(problems) => {
            for p in &problems {
                println!("cargo::warning=data/dataset.json: {} ({})", p.message, p.hint);
            }
            panic!(
                "data/dataset.json has {} problem(s); the widget would refuse it (see the warnings above)",
                problems.len()
            );
        }
    };
    for (copy, name) in [(Copy::Full, "dataset_full.rs"), (Copy::First, "dataset_first.rs")] {
        fs::write(Path::new(&out_dir).join(name), generate(&dataset, copy)).expect("OUT_DIR is writable");
    }
}
