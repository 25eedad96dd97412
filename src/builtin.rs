//! The default dataset, compiled in as Rust values (build.rs writes them from `data/dataset.json`
//! after the crate's loader has checked the file): nothing is parsed to give the first answer.
//! The values are one `static` of `'static` mirrors of the dataset's records (strings as `&str`,
//! lists as slices, `…L` types that build.rs declares), so they are data in the module, not code;
//! `Lit::make` builds the `Dataset` from them once.
//! The first-answer module (feature `first`, on wasm32) holds only `first`: the same figures,
//! rules and names without the long texts only the detailed cards show. Natively both copies
//! are here, so the tests check that the answer at a glance is the same from either.

use crate::dataset::{Criterion, Figure, FtaStatus, ProgramStatus, Representative, StepKind, Text};
use crate::vocab::{Question, SmeSize};

/// A `'static` literal of a dataset value, and how it becomes the value.
pub trait Lit {
    type Out;
    fn make(&self) -> Self::Out;
}

/// The literal type of a dataset type.
pub trait HasLit {
    type L: Lit<Out = Self> + 'static;
}

impl Lit for &'static str {
    type Out = String;
    fn make(&self) -> String {
        (*self).to_owned()
    }
}
impl HasLit for String {
    type L = &'static str;
}

impl<T: Lit> Lit for &'static [T] {
    type Out = Vec<T::Out>;
    fn make(&self) -> Vec<T::Out> {
        self.iter().map(T::make).collect()
    }
}
impl<T: HasLit> HasLit for Vec<T> {
    type L = &'static [T::L];
}

impl<T: Lit> Lit for Option<T> {
    type Out = Option<T::Out>;
    fn make(&self) -> Option<T::Out> {
        self.as_ref().map(T::make)
    }
}
impl<T: HasLit> HasLit for Option<T> {
    type L = Option<T::L>;
}

/// Numbers, flags and enums are their own literals.
macro_rules! copied {
    ($($t:ty),*) => {$(
        impl Lit for $t {
            type Out = $t;
            fn make(&self) -> $t {
                *self
            }
        }
        impl HasLit for $t {
            type L = $t;
        }
    )*};
}
copied!(
    f64,
    i32,
    bool,
    FtaStatus,
    ProgramStatus,
    Representative,
    StepKind,
    Question,
    SmeSize
);

/// `Text { ko, en }`.
pub struct TextL(pub &'static str, pub &'static str);
impl Lit for TextL {
    type Out = Text;
    fn make(&self) -> Text {
        Text {
            ko: self.0.make(),
            en: self.1.make(),
        }
    }
}
impl HasLit for Text {
    type L = TextL;
}

/// `Figure { value, unit, source, year, assumption }`; notes are never compiled in.
pub struct FigureL(pub f64, pub &'static str, pub &'static str, pub Option<i32>, pub bool);
impl Lit for FigureL {
    type Out = Figure;
    fn make(&self) -> Figure {
        Figure {
            value: self.0,
            unit: self.1.make(),
            source: self.2.make(),
            year: self.3,
            assumption: self.4,
            note: None,
        }
    }
}
impl HasLit for Figure {
    type L = FigureL;
}

/// `Criterion`, variant by variant.
pub enum CriterionL {
    Sector(&'static [&'static str]),
    Region(&'static [&'static str]),
    Market(&'static [&'static str]),
    Size(&'static [SmeSize]),
    Readiness(Question, bool),
    CurrentExports(Option<f64>, Option<f64>),
    FtaInForce(),
    Confirm(TextL),
}
impl Lit for CriterionL {
    type Out = Criterion;
    fn make(&self) -> Criterion {
        match self {
            CriterionL::Sector(x) => Criterion::Sector { any_of: x.make() },
            CriterionL::Region(x) => Criterion::Region { any_of: x.make() },
            CriterionL::Market(x) => Criterion::Market { any_of: x.make() },
            CriterionL::Size(x) => Criterion::Size { any_of: x.make() },
            CriterionL::Readiness(question, expect) => Criterion::Readiness {
                question: *question,
                expect: *expect,
            },
            CriterionL::CurrentExports(min_krw, max_krw) => Criterion::CurrentExports {
                min_krw: *min_krw,
                max_krw: *max_krw,
            },
            CriterionL::FtaInForce() => Criterion::FtaInForce,
            CriterionL::Confirm(text) => Criterion::Confirm { text: text.make() },
        }
    }
}
impl HasLit for Criterion {
    type L = CriterionL;
}

/// The records' `…L` mirrors (build.rs).
mod mirrors {
    use super::*;
    use crate::dataset::*;
    include!(concat!(env!("OUT_DIR"), "/dataset_mirrors.rs"));
}
use mirrors::*;

#[cfg(not(first_module))]
mod full {
    use super::*;
    use crate::dataset::*;
    include!(concat!(env!("OUT_DIR"), "/dataset_full.rs"));
}

#[cfg(any(not(target_arch = "wasm32"), first_module))]
pub mod first {
    use super::*;
    use crate::dataset::*;
    include!(concat!(env!("OUT_DIR"), "/dataset_first.rs"));
}

/// The compiled-in dataset.
#[cfg(not(first_module))]
pub use full::dataset;

#[cfg(first_module)]
pub use first::dataset;

/// `data/dataset.json` as it is, for tests and tools that edit a copy and load it again
/// (never in a Wasm module: the browser gets the values above).
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_JSON: &str = include_str!("../data/dataset.json");
