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

/// A `'static` literal that `src/builtin.rs`'s `Lit::make` turns into `self` (strings are `&str`,
/// lists slices, records their `…L` mirror): the dataset is data in the module, not code.
trait Rust {
    fn rust(&self, copy: Copy, out: &mut String);
    /// The declaration of a record's mirror type and its `make` (records only).
    fn mirror() -> &'static str
    where
        Self: Sized,
    {
        ""
    }
    /// The literal of an empty value of this type (a long text the first copy leaves out).
    fn empty(&self, out: &mut String) {
        out.push_str("Default::default()");
    }
}

impl Rust for String {
    fn rust(&self, _: Copy, out: &mut String) {
        let _ = write!(out, "{self:?}");
    }
    fn empty(&self, out: &mut String) {
        out.push_str("\"\"");
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
    fn empty(&self, out: &mut String) {
        out.push_str("None");
    }
}
impl<T: Rust> Rust for Vec<T> {
    fn rust(&self, copy: Copy, out: &mut String) {
        out.push_str("&[");
        for x in self {
            x.rust(copy, out);
            out.push(',');
        }
        out.push(']');
    }
    fn empty(&self, out: &mut String) {
        out.push_str("&[]");
    }
}
impl Rust for Text {
    fn rust(&self, _: Copy, out: &mut String) {
        let _ = write!(out, "TextL({:?},{:?})", self.ko, self.en);
    }
    fn empty(&self, out: &mut String) {
        out.push_str("TextL(\"\",\"\")");
    }
}
impl Rust for Figure {
    // Notes stay out (see the top of this file). The first copy drops the unit and the source:
    // only the factor table and the trace show them.
    fn rust(&self, copy: Copy, out: &mut String) {
        out.push_str("FigureL(");
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

/// A record: its `…L` mirror (each field of type `<T as HasLit>::L`), the mirror's `make`, and its
/// literal naming every field. Fields after `first_empty` are long texts the first copy leaves
/// empty. The compiler checks the mirror against the real type: a field added to `dataset.rs`
/// and not here fails to build.
macro_rules! record {
    ($ty:ident { $($field:ident: $fty:ty),* $(; first_empty: $($long:ident: $lty:ty),*)? }) => {
        impl Rust for $ty {
            fn rust(&self, copy: Copy, out: &mut String) {
                out.push_str(concat!(stringify!($ty), "L{"));
                $(
                    let _: &$fty = &self.$field;
                    out.push_str(concat!(stringify!($field), ":"));
                    self.$field.rust(copy, out);
                    out.push(',');
                )*
                $($(
                    let _: &$lty = &self.$long;
                    out.push_str(concat!(stringify!($long), ":"));
                    if copy == Copy::Full { self.$long.rust(copy, out) } else { self.$long.empty(out) }
                    out.push(',');
                )*)?
                out.push('}');
            }
            fn mirror() -> &'static str { concat!(
            "pub struct ", stringify!($ty), "L {",
            $("pub ", stringify!($field), ": <", stringify!($fty), " as HasLit>::L,",)*
            $($("pub ", stringify!($long), ": <", stringify!($lty), " as HasLit>::L,",)*)?
            "}\nimpl HasLit for ", stringify!($ty), " { type L = ", stringify!($ty), "L; }\n",
            "impl Lit for ", stringify!($ty), "L { type Out = ", stringify!($ty), "; fn make(&self) -> ",
            stringify!($ty), " { ", stringify!($ty), " {",
            $(stringify!($field), ": self.", stringify!($field), ".make(),",)*
            $($(stringify!($long), ": self.", stringify!($long), ".make(),",)*)?
            "} } }\n",
        ) }
        }
    };
}

record!(Dataset { schema: String, version: String, figures_as_of: String, title: Text, price_year: i32,
    projection_years: i32, exchange_rates: Vec<YearRate>, exchange_rate: ExchangeRate, plan: Plan,
    method: MethodParams, sme: SmeRules, korea_world_goods_share: Option<Figure>, sectors: Vec<Sector>,
    regions: Vec<Region>, markets: Vec<Market>, programs: Vec<Program>, entry_routes: Vec<EntryRoute> });
record!(EntryRoute { id: String, market: String, sectors: Vec<String>, verified: bool,
    local_representative: Representative, review_months: Option<MonthRange>, checked: String;
    first_empty: regulator: Text, route: Text, steps: Vec<EntryStep>, documents: Vec<Text>, fees: Vec<Fee>,
    validity: Option<Text>, ask_at: Text, source: String });
record!(EntryStep { text: Text, kind: StepKind, paid_by: Vec<String> });
record!(MonthRange { min: f64, max: f64, year: Option<i32>, assumption: bool; first_empty: source: String });
record!(Fee {
    label: Text,
    figure: Figure
});
record!(Region { id: String, name: Text });
record!(ExchangeRate { krw_per_usd: Figure });
record!(YearRate {
    year: i32,
    krw_per_usd: Figure
});
record!(Plan { announced: String, base_year: i32, target_year: i32, base_exports_krw: Figure,
    target_exports_krw: Figure, implied_krw_per_usd: Option<Figure>, scope_sectors: Vec<String>,
    reached: Vec<LabelledFigure>; first_empty: name: Text, source: String, scope: Option<Text>,
    measures: Vec<PlanMeasure> });
record!(PlanMeasure {
    name: Text,
    status: ProgramStatus,
    status_checked: String,
    summary: Text,
    source: String
});
record!(LabelledFigure { figure: Figure; first_empty: label: Text });
record!(MethodParams { distance_elasticity: Figure, fta_in_force_effect: Figure,
    readiness_min_multiplier: Figure, readiness_max_multiplier: Figure, model_uncertainty: Figure,
    readiness_weights: ReadinessWeights, max_figure_age_years: Option<Figure> });
record!(ReadinessWeights {
    certification: Figure,
    local_partner: Figure,
    export_experience: Figure,
    local_language: Figure
});
record!(SmeRules { tables: Vec<SmeTable>, asset_cap_krw: Figure, grace_period_years: Figure;
    first_empty: confirm_at: String });
record!(SmeTable { id: String, effective: String, rows: Vec<SmeRow>; first_empty: name: Text, source: String });
record!(SmeRow {
    sector: String,
    small_max_krw: Figure,
    medium_max_krw: Figure
});
record!(Sector { id: String, ksic: String, name: Text, korea_world_share: Figure, korea_output_krw: Figure,
    korea_exports_krw: Figure, korea_exports_usd: Figure, demand_from_health_spending: Option<Figure> });
record!(Market { id: String, region: String, name: Text, distance_km: Figure, fta: Fta,
    demand: Vec<SectorFigure>, demand_growth: Vec<SectorFigure>, korea_exports: Vec<ActualExports>,
    health_expenditure_usd: Option<Figure>, goods_trade: Option<GoodsTrade> });
record!(GoodsTrade {
    korea_exports_usd: Figure,
    imports_usd: Figure
});
record!(ActualExports { sectors: Vec<String>, figure: Figure });
record!(SectorFigure {
    sector: String,
    figure: Figure
});
record!(Fta { status: FtaStatus, date: Option<String>; first_empty: name: Option<Text>, source: String });
record!(Program { id: String, name: Text, status: ProgramStatus, status_checked: String, dates: Option<String>,
    application_window: Option<ApplicationWindow>, rule: Vec<Criterion>; first_empty: agency: Text,
    offers: Text, status_note: Option<Text>, next_step: Option<Text>, source: String, url: Option<String> });
record!(ApplicationWindow { opens: Option<String>, closes: Option<String>, detail: Option<Text> });

impl Rust for Criterion {
    fn rust(&self, copy: Copy, out: &mut String) {
        match self {
            Criterion::Sector { any_of } => {
                out.push_str("CriterionL::Sector(");
                any_of.rust(copy, out);
            }
            Criterion::Region { any_of } => {
                out.push_str("CriterionL::Region(");
                any_of.rust(copy, out);
            }
            Criterion::Market { any_of } => {
                out.push_str("CriterionL::Market(");
                any_of.rust(copy, out);
            }
            Criterion::Size { any_of } => {
                out.push_str("CriterionL::Size(");
                any_of.rust(copy, out);
            }
            Criterion::Readiness { question, expect } => {
                out.push_str("CriterionL::Readiness(");
                question.rust(copy, out);
                out.push(',');
                expect.rust(copy, out);
            }
            Criterion::CurrentExports { min_krw, max_krw } => {
                out.push_str("CriterionL::CurrentExports(");
                min_krw.rust(copy, out);
                out.push(',');
                max_krw.rust(copy, out);
            }
            Criterion::FtaInForce => out.push_str("CriterionL::FtaInForce("),
            Criterion::Confirm { text } => {
                out.push_str("CriterionL::Confirm(");
                text.rust(copy, out);
            }
        }
        out.push(')');
    }
}

/// The records' mirror types and their `make`, shared by both copies.
fn mirrors() -> String {
    let mut out = String::from("// Generated by build.rs from src/dataset.rs's records. Do not edit.\n");
    for mirror in [
        Dataset::mirror(),
        EntryRoute::mirror(),
        EntryStep::mirror(),
        MonthRange::mirror(),
        Fee::mirror(),
        Region::mirror(),
        ExchangeRate::mirror(),
        YearRate::mirror(),
        Plan::mirror(),
        PlanMeasure::mirror(),
        LabelledFigure::mirror(),
        MethodParams::mirror(),
        ReadinessWeights::mirror(),
        SmeRules::mirror(),
        SmeTable::mirror(),
        SmeRow::mirror(),
        Sector::mirror(),
        Market::mirror(),
        GoodsTrade::mirror(),
        ActualExports::mirror(),
        SectorFigure::mirror(),
        Fta::mirror(),
        Program::mirror(),
        ApplicationWindow::mirror(),
    ] {
        out.push_str(mirror);
    }
    out
}

/// A copy of the dataset: one `static` of the mirrors, and `dataset()`.
fn generate(d: &Dataset, copy: Copy) -> String {
    let mut out =
        String::from("// Generated by build.rs from data/dataset.json. Do not edit.\nstatic DATASET: DatasetL = ");
    d.rust(copy, &mut out);
    out.push_str(";\n/// The compiled-in dataset.\npub fn dataset() -> Dataset { DATASET.make() }\n");
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
    fs::write(Path::new(&out_dir).join("dataset_mirrors.rs"), mirrors()).expect("OUT_DIR is writable");
    for (copy, name) in [(Copy::Full, "dataset_full.rs"), (Copy::First, "dataset_first.rs")] {
        fs::write(Path::new(&out_dir).join(name), generate(&dataset, copy)).expect("OUT_DIR is writable");
    }
}
