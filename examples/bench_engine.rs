//! Native engine speed for scripts/bench.sh: `estimate()` calls per second on the compiled-in
//! dataset, the same inputs as the Wasm figure (medical devices, Saudi Arabia, Korean): 1,024
//! revenues taken in turn, from 35억 won up in steps of 1,700만, as typing would give. No call
//! repeats the one before, and there are more of them than the Wasm side keeps parts of results
//! for, so what it shares between results is only what stays equal while the amount changes.
//!
//!   cargo run --release --example bench_engine [-- SECONDS [glance]]
//!
//! With `glance`, times `engine::glance` (the first-answer module's call: the same outcome, worded
//! no further than the summary) instead. Prints one JSON line: {"calls": N, "seconds": S,
//! "callsPerSecond": R}. Uses only the public library API (engine::estimate, engine::glance,
//! engine::RawInput, builtin::dataset). Not a test.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sme_export::builtin::dataset as default_dataset;
use sme_export::engine::{estimate, glance, RawInput};

/// The revenues the benchmark takes in turn (bench/run.mjs and bench/engine-rate.mjs take the same).
const REVENUES: u32 = 1_024;

fn revenue(i: u32) -> f64 {
    3_500_000_000.0 + f64::from(i) * 17_000_000.0
}

fn main() -> ExitCode {
    let seconds: f64 = match std::env::args().nth(1) {
        None => 2.0,
        Some(s) => match s.parse::<f64>() {
            Ok(v) if v.is_finite() && v > 0.0 => v,
            _ => {
                eprintln!("usage: bench_engine [SECONDS]  (a positive number, default 2)");
                return ExitCode::from(2);
            }
        },
    };
    let ds = default_dataset();
    let input = |revenue_krw: f64| RawInput {
        revenue_krw: Some(revenue_krw),
        sector: "medical_devices".into(),
        market: "SA".into(),
        today: Some("2026-11-28".into()),
        ..RawInput::default()
    };
    let inputs: Vec<RawInput> = (0..REVENUES).map(|i| input(revenue(i))).collect();
    for raw in &inputs {
        if let Err(errors) = estimate(raw, &ds) {
            eprintln!("bench_engine: the benchmark input is rejected: {errors:?}");
            return ExitCode::FAILURE;
        }
    }
    let at_glance = std::env::args().nth(2).as_deref() == Some("glance");
    let call = |raw: &RawInput| {
        if at_glance {
            let _ = black_box(glance(black_box(raw), &ds));
        } else {
            let _ = black_box(estimate(black_box(raw), &ds));
        }
    };
    // Warm-up, then whole batches of calls until the time is up (the clock is read per batch).
    for raw in inputs.iter().cycle().take(1_000) {
        call(raw);
    }
    let mut next = inputs.iter().cycle();
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut calls: u64 = 0;
    while start.elapsed() < budget {
        for raw in next.by_ref().take(256) {
            call(raw);
        }
        calls += 256;
    }
    let took = start.elapsed().as_secs_f64();
    println!(
        "{{\"calls\": {calls}, \"seconds\": {took:.3}, \"callsPerSecond\": {:.0}}}",
        calls as f64 / took
    );
    ExitCode::SUCCESS
}
