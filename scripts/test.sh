#!/usr/bin/env bash
# Every test, in order, stopping at the first failure:
#   tools         install what is missing (see scripts/lib.sh)
#   fmt           cargo fmt --check (warning only)
#   lint          the JS: prettier --check, eslint, tsc --noEmit (checkJs over www/, typed from the
#                 engine's result types in www/types/)
#   clippy        cargo clippy --all-targets --all-features -D warnings (native), then the
#                 wasm-only code (binding, charts, tests/wasm_api.rs) for wasm32
#   test          cargo test --all-features (native: engine, amounts, dataset, command line)
#   wasm          tests/wasm_api.rs in headless Chromium (wasm-bindgen-test-runner + chromedriver)
#   build         scripts/build.sh (pkg/ and dist/)
#   api           tests/types/engine-api.ts: the engine's JS API the page declares (www/types/pkg/)
#                 is exported by the built glue (pkg/, pkg-validator/)
#   size          tests/size/check.mjs: the widget's files in dist/, gzip -9, within the size limit
#   smoke         dist/ in headless Chromium, from a sub-path, under a strict CSP
#   browser       tests/browser/run.mjs, when it exists
# Ends with "N passed, 0 failed". CI runs it through .ci/run (root, CI=true, no stdin).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

passed=0
warnings=()
run_start=$(now)
current=""

print_warnings() {
	local w
	for w in "${warnings[@]+"${warnings[@]}"}"; do warn "$w"; done
}

# A helper that exits on its own (die in lib.sh) still gets the summary line.
on_exit() {
	local rc=$?
	if [ "$rc" != 0 ] && [ -n "$current" ]; then
		print_warnings
		printf '\n%sFAIL%s %s (exit %d): see the output above.\n' "$C_RED" "$C_OFF" "$current" "$rc" >&2
		printf '%d passed, 1 failed (stopped at: %s)\n' "$passed" "$current"
	fi
}
trap on_exit EXIT

stage() {
	local name="$1"
	shift
	local t
	t=$(now)
	current="$name"
	printf '\n%s──── %s%s  (%s)\n' "$C_BOLD" "$name" "$C_OFF" "$*" >&2
	if "$@"; then
		passed=$((passed + 1))
		printf '%sok%s   %s (%d s)\n' "$C_GREEN" "$C_OFF" "$name" "$(($(now) - t))" >&2
	else
		local rc=$?
		printf '\n%sFAIL%s %s (exit %d after %d s): see the output above.\n' "$C_RED" "$C_OFF" "$name" "$rc" "$(($(now) - t))" >&2
		print_warnings
		printf '%d passed, 1 failed (stopped at: %s)\n' "$passed" "$name"
		current=""
		exit 1
	fi
	current=""
}

fmt_check() {
	if ! cargo fmt --version >/dev/null 2>&1; then
		warnings+=("fmt: rustfmt is not installed (rustup component add rustfmt); not checked")
		return 0
	fi
	local color=never
	if [ -t 1 ]; then color=auto; fi
	if ! cargo fmt --all --check -- --color="$color"; then
		warnings+=("fmt: cargo fmt --check found differences; run cargo fmt")
	fi
	return 0
}

# The formatter, the linter and the type check, from the root's devDependencies (npm ci when
# package-lock.json changed, as for the build). Every problem fails the stage.
lint_js() {
	ensure_npm_deps
	local bin="$ROOT/node_modules/.bin"
	# The same files as `npm run format` (package.json); prettier expands the globs itself.
	"$bin/prettier" --check --log-level warn 'www/**/*.js' 'scripts/*.mjs' 'tests/**/*.mjs' 'bench/*.mjs' eslint.config.mjs &&
		"$bin/eslint" --max-warnings 0 &&
		"$bin/tsc" -p tsconfig.json
}

clippy_all() {
	# --all-features: the native command line (feature `cli`) and its tests are linted too.
	cargo clippy --all-targets --all-features -- -D warnings &&
		# binding.rs, chart.rs and tests/wasm_api.rs exist only on wasm32: lint them there too
		# (with `validator`, the validator page's build, which adds comparePanel).
		cargo clippy --target "$WASM_TARGET" --lib --test wasm_api --features validator -- -D warnings &&
		# The first-answer module's build (feature `first`: no loader, no charts, no trace).
		cargo clippy --target "$WASM_TARGET" --lib --features first -- -D warnings
}

wasm_tests() {
	# wasm-bindgen-test-runner drives Chromium through chromedriver ($CHROMEDRIVER) and already
	# passes headless, no-sandbox and disable-dev-shm-usage; scripts/webdriver.json adds the
	# Chromium binary and the rest of our flags (found through WASM_BINDGEN_TEST_WEBDRIVER_JSON).
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		CHROMEDRIVER="$CHROMEDRIVER_BIN" \
		WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/scripts/webdriver.json" \
		WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
		cargo test --target "$WASM_TARGET" --test wasm_api
}

browser_tests() {
	local dir="$ROOT/tests/browser"
	if [ -f "$dir/package.json" ]; then
		# Browsers come from Debian (/usr/bin/chromium); npm packages must not download their own.
		PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
			npm_ci_if_stale "$dir"
	fi
	# What run.mjs can rely on: the built dist/, Debian's Chromium and chromedriver.
	export CHROMIUM_BIN PUPPETEER_EXECUTABLE_PATH="$CHROMIUM_BIN" CHROMEDRIVER="$CHROMEDRIVER_BIN" \
		SME_EXPORT_DIST="$ROOT/dist"
	node "$dir/run.mjs"
}

stage tools ensure_test_tools
stage fmt fmt_check
stage lint lint_js
stage clippy clippy_all
stage test cargo test --all-features
stage wasm wasm_tests
stage build bash scripts/build.sh --skip-tools
stage api node_modules/.bin/tsc -p tests/types/tsconfig.json
stage size node tests/size/check.mjs --dist dist
stage schema node tests/schema/check.mjs
stage smoke node scripts/smoke.mjs --dist dist --chromium "$CHROMIUM_BIN"
if [ -f tests/browser/run.mjs ]; then
	stage browser browser_tests
else
	log "tests/browser/run.mjs not there yet: browser tests skipped"
fi

printf '\n' >&2
print_warnings
log "all stages done in $(($(now) - run_start)) s"
printf '%d passed, 0 failed\n' "$passed"
