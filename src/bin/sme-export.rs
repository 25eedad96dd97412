//! The `sme-export` command line; built only with the `cli` feature (see `src/cli/mod.rs`):
//! `cargo run --release --features cli -- help`.

// Input never panics the command: every problem is a message and an exit code.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

#[path = "../cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
