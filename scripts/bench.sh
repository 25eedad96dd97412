#!/usr/bin/env bash
# The benchmark (not a test: nothing here fails on a slow figure). About 3 to 4 minutes on 2 cores.
#
#   scripts/bench.sh [--runs N] [--slow-runs N] [--waterfall-runs N] [--edits N] [--rows N] [--no-write]
#
# Builds the release dist/ (scripts/build.sh), the native engine loop (examples/bench_engine.rs)
# and, when the `cli` feature builds, the command line; installs bench/'s pinned npm packages
# (Chart.js 4.6.1, uPlot 1.6.32, playwright-core; browsers are never downloaded: Debian's
# /usr/bin/chromium is used); then bench/run.mjs prints ONE table: sizes next to Chart.js and
# uPlot (the bytes before the answer at a glance and after it); from the same cold runs, the
# answer at a glance painted (the summary with its won amounts, first-answer module) and the full
# first result with both charts painted, each against the Chart.js page's first chart, on
# loopback and on a throttled "slow 4G" link (CDP network emulation), served as it is and gzip;
# per-keystroke times against chart.update() (after the full result), estimate() per second in
# Wasm and natively, and batch rows per second; then the waterfall of the pages on both links (each
# request, each module's compile and instantiate, the answer at a glance, the full result
# painted). Every figure is measured in this run. The table also replaces the results block of
# docs/BENCHMARK.md (with the date and the machine) unless --no-write is given. docs/BENCHMARK.md
# says how each figure is measured.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

runs=21 slow_runs=7 waterfall_runs=7 edits=200 rows=200000 write=1
while [ $# -gt 0 ]; do
	case "$1" in
	--runs) runs="${2:?--runs needs a number}"; shift 2 ;;
	--slow-runs) slow_runs="${2:?--slow-runs needs a number}"; shift 2 ;;
	--waterfall-runs) waterfall_runs="${2:?--waterfall-runs needs a number}"; shift 2 ;;
	--edits) edits="${2:?--edits needs a number}"; shift 2 ;;
	--rows) rows="${2:?--rows needs a number}"; shift 2 ;;
	--no-write) write=0; shift ;;
	-h | --help) sed -n '2,19p' "$0"; exit 0 ;;
	*) die "unknown argument $1" "usage: scripts/bench.sh [--runs N] [--slow-runs N] [--waterfall-runs N] [--edits N] [--rows N] [--no-write]" ;;
	esac
done

t0=$(now)
ensure_tools
ensure_browser # Debian chromium and the Korean font (text is part of what gets painted)
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_ci_if_stale "$ROOT/bench"

log "release build of dist/ (scripts/build.sh)"
bash scripts/build.sh --skip-tools

log "cargo build --release --example bench_engine"
cargo build --release --example bench_engine
engine="${CARGO_TARGET_DIR:-target}/release/examples/bench_engine"

cli_args=()
log "cargo build --release --features cli (for the batch figure)"
if cargo build --release --features cli --bin sme-export; then
	cli_args=(--cli "${CARGO_TARGET_DIR:-target}/release/sme-export")
else
	warn "the command line did not build: the batch figure is skipped"
fi

write_args=()
if [ "$write" = 1 ]; then write_args=(--write docs/BENCHMARK.md); fi

log "measuring (bench/run.mjs)"
node bench/run.mjs --dist dist --chromium "$CHROMIUM_BIN" --runs "$runs" --slow-runs "$slow_runs" --waterfall-runs "$waterfall_runs" --edits "$edits" --rows "$rows" \
	--engine-native "$engine" "${cli_args[@]}" "${write_args[@]}"
log "benchmark done in $(($(now) - t0)) s"
