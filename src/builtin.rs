//! The default dataset, compiled in as Rust values (build.rs writes them from `data/dataset.json`
//! after the crate's loader has checked the file): nothing is parsed to give the first answer.
//! The first-answer module (feature `first`, on wasm32) holds only `first`: the same figures,
//! rules and names without the long texts only the detailed cards show. Natively both copies
//! are here, so the tests check that the answer at a glance is the same from either.

#[cfg(not(first_module))]
mod full {
    use crate::dataset::*;
    use crate::vocab::SmeSize;
    include!(concat!(env!("OUT_DIR"), "/dataset_full.rs"));
}

#[cfg(any(not(target_arch = "wasm32"), first_module))]
pub mod first {
    use crate::dataset::*;
    use crate::vocab::SmeSize;
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
