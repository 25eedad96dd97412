//! sme-export: how much a Korean medical SME could export to a Middle-Eastern or Central-Asian
//! market, whether it counts as an SME, and which support measures it may use.
//!
//! Code map (data flows one way: input -> engine -> typed outcome -> words -> result -> render):
//! - `vocab`: the closed vocabularies (size classes, readiness questions, outcomes, FTA and
//!   programme statuses, dataset problem kinds and fixes). Imports nothing of the crate.
//! - `error`: input errors as values (field, reason, Korean and English message).
//! - `ko`: Korean particles; `amount`: Korean amount parsing and formatting, and `to_won`.
//! - `model`: the checked input, the typed outcomes (`SmeAssessment`, `ProgramAssessment`) and
//!   the worded result the widget shows (`Estimate`).
//! - `dataset`: typed records of the dataset, `Criterion` among them (rules as data).
//! - `builtin`: the default dataset, compiled in by `build.rs` as a `static` of `'static` mirrors
//!   of those records (checked there by `load`, included by path); `builtin::dataset()`.
//! - `sme`, `potential`, `rules`, `entry`: the calculations (SME status by the table in force on
//!   the case's day; export potential by tiers of data, each formula a constant next to its code,
//!   and the market ranking with `ranks_before`; eligibility and where each programme's call
//!   stands; the way into the market and the first sale). They compute; they word nothing.
//! - `words`: the one wording layer: a `CaseOutcome` to the `Estimate` in Korean or English in one
//!   pass (`words::estimate`), for the widget, the JS API and the command line alike (also dataset
//!   problems' fixes).
//!   One file per outcome: names, sme, potential, entry, support, plan, glance, problems, assumptions.
//! - `glance`: what would change the answer (each readiness answer's gain, the revenue or assets
//!   at which the SME status changes), as numbers.
//! - `outcome`: the whole typed outcome of one case (`CaseOutcome`: SME, potential and years,
//!   ranking, way in, programmes, plan, what-ifs, and what the answer at a glance picks out),
//!   computed before a word is written.
//! - `load`: builds a `Dataset` from the JSON value tree (serde_json natively; `JSON.parse` and
//!   serde-wasm-bindgen in the browser), validates everything, each problem with its JSON path,
//!   typed kind and fix, worded by `words`.
//!   `load/`: `mod.rs` API and parsing, `bounded.rs` depth bound, `reader.rs` checked walk, `records.rs` records.
//! - `engine`: checks raw input, then `outcome::compute` and `words::estimate`, once each;
//!   `engine::glance` words the same outcome no further than the answer at a glance.
//! - `report`: what a firm takes away: the calculation trace (`trace`: inputs, factors with source
//!   and year, each step of the method) and two or three markets side by side (`compare_markets`).
//! - `panel`: the reference panel of firms, their pinned outcomes and the comparison of two
//!   datasets on them (the review of a figure update; uses `engine::Prepared::score`).
//! - `binding`, `chart`, `canvas` (wasm32 only): the JS API (results cross through
//!   serde-wasm-bindgen; the input object is read member by member; `binding/share.rs` sends the
//!   parts of `estimate`'s result equal to a recent one's as the same frozen JS objects, and decides
//!   nothing: the page sees the engine's result member for member), the canvas charts, and their
//!   backend (plotters-canvas, adapted for canvas text measuring and devicePixelRatio);
//!   `comparePanel` only with feature `validator`, the validator page's build. Everything above
//!   them is plain Rust, tested natively.
//!
//! Two Wasm modules from this crate: the full one (`pkg/`), and the first-answer one (`pkg-first/`,
//! feature `first`, which `build.rs` turns into cfg `first_module` for wasm32 only): without
//! `load`, `report`, `panel`, `chart`, `canvas` and `binding::full`, with the dataset copy without
//! the detailed cards' long texts. Its `glance` gives the same summary as the full `estimate`.
//! - `src/bin` + `src/cli` (feature `cli`): the native command line (validate, estimate, batch,
//!   compare; clap, csv, encoding_rs), using `engine::Prepared` to score many firms fast with
//!   the same rules, and `panel` to compare two datasets.
//!
//! Dependency order (a module imports only modules before it; no cycles):
//! `vocab`, `error` < `ko`, `amount` < `model`, `dataset` < `builtin`, `sme` < `entry`, `potential`, `rules` < `glance`
//! < `outcome` < `words` < `load` < `engine` < `report`, `panel`, and on wasm32 `canvas` < `binding` < `chart`;
//! `src/cli` uses the crate from outside.
//!
//! Invariant: nothing reachable from outside input panics; problems are `InputError` or
//! `load::Problem` values.

// A panic kills the widget for the whole host page: none of these in library code.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

pub mod amount;
pub mod builtin;
pub mod dataset;
pub mod engine;
pub mod entry;
pub mod error;
pub mod glance;
pub mod ko;
#[cfg(not(first_module))]
pub mod load;
pub mod model;
pub mod outcome;
// Natively (tests, the command line) and in the validator page's Wasm; kept out of the widget's
// Wasm, where even unused it costs about 180 bytes.
#[cfg(all(not(first_module), any(not(target_arch = "wasm32"), feature = "validator")))]
pub mod panel;
pub mod potential;
#[cfg(not(first_module))]
pub mod report;
pub mod rules;
pub mod sme;
pub mod vocab;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod binding;
#[cfg(all(target_arch = "wasm32", not(first_module)))]
mod canvas;
#[cfg(all(target_arch = "wasm32", not(first_module)))]
mod chart;

/// The widget is single-threaded (no Wasm threads), which is what makes `AssumeSingleThreaded` sound.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
