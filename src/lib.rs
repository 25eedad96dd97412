//! sme-export: how much a Korean medical SME could export to a Middle-Eastern or Central-Asian
//! market, whether it counts as an SME, and which support measures it may use.
//!
//! Code map (data flows one way: input -> engine -> result -> render):
//! - `error`: errors as values (field, reason, Korean and English message).
//! - `amount`: Korean amount parsing and formatting ("35억 5,000만 원").
//! - `dataset`: typed records of the dataset; `load` builds them from JSON and validates everything.
//! - `model`: the checked input and the result the widget shows.
//! - `sme`, `potential`, `rules`: the three calculations (SME status, export potential, eligibility).
//! - `engine`: checks raw input and runs the calculations into one `Estimate`.
//! - `panel`: the reference panel of firms, their pinned outcomes and the comparison of two
//!   datasets on them (the review of a figure update; uses `engine::Prepared::score`).
//! - `binding`, `chart`, `canvas` (wasm32 only): the JS API (values cross through
//!   serde-wasm-bindgen), the canvas charts, and their backend (plotters-canvas, adapted).
//!   Everything above them is plain Rust, tested natively with `cargo test`.
//! - `src/bin` + `src/cli` (feature `cli`): the native command line (validate, estimate, batch),
//!   using `engine::Prepared` to score many firms fast with the same rules.
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
pub mod dataset;
pub mod engine;
pub mod error;
pub mod ko;
pub mod load;
pub mod model;
pub mod panel;
pub mod potential;
pub mod rules;
pub mod sme;

#[cfg(target_arch = "wasm32")]
mod binding;
#[cfg(target_arch = "wasm32")]
mod canvas;
#[cfg(target_arch = "wasm32")]
mod chart;

/// The widget is single-threaded (no Wasm threads), which is what makes `AssumeSingleThreaded` sound.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
