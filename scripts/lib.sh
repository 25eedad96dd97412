# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source it; do not run it.
#
#   ensure_tools            what a build needs: rust wasm32 target, wasm-bindgen-cli (the exact
#                           version in Cargo.lock, cached per machine), node + npm ci (wasm-opt)
#   ensure_test_tools       ensure_tools + Node >= 20 (browser suite) + clippy + Chromium,
#                           chromedriver and a Korean font
#
# Everything is installed only when missing. When something cannot be installed, the script says
# what to run and exits non-zero. Nothing here needs a terminal (CI runs without stdin).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Per-machine tool cache: a second run (or a CI run on the same machine) reuses it.
SME_TOOLS_DIR="${SME_EXPORT_TOOLS_DIR:-${HOME:-/root}/.cache/sme-export/tools}"
CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
CHROMEDRIVER_BIN="${CHROMEDRIVER:-/usr/bin/chromedriver}"
WASM_TARGET=wasm32-unknown-unknown

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"
export DEBIAN_FRONTEND=noninteractive

# Colour only on a terminal (CI logs stay plain). Used by test.sh too.
# shellcheck disable=SC2034
if [ -t 2 ] && [ -z "${NO_COLOR:-}" ]; then
	C_BOLD=$'\033[1m' C_RED=$'\033[31m' C_GREEN=$'\033[32m' C_OFF=$'\033[0m'
else
	C_BOLD="" C_RED="" C_GREEN="" C_OFF=""
fi

log() { printf '%s==>%s %s\n' "$C_BOLD" "$C_OFF" "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
	printf '\nERROR: %s\n' "$1" >&2
	shift
	for line in "$@"; do printf '       %s\n' "$line" >&2; done
	exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }

# Seconds since epoch, for stage timings.
now() { date +%s; }

# --- apt (Debian) -----------------------------------------------------------------------------

_APT_UPDATED=0
# apt_install PKG...: as root, `apt-get update` (once per run) and install; otherwise print the
# command to run and fail.
apt_install() {
	if ! is_root; then
		die "missing system packages: $*" \
			"run:  sudo apt-get update && sudo apt-get install -y $*" \
			"then run this script again."
	fi
	have apt-get || die "missing system packages: $* (and no apt-get: install them with your package manager)"
	if [ "$_APT_UPDATED" = 0 ]; then
		log "apt-get update"
		apt-get update -qq || die "apt-get update failed (no network or no Debian mirror reachable?)" \
			"install by hand: apt-get install -y $*"
		_APT_UPDATED=1
	fi
	log "apt-get install -y $*"
	apt-get install -y -q "$@" || die "apt-get install $* failed" "install by hand, then run this script again."
}

# --- Rust ---------------------------------------------------------------------------------------

ensure_rust() {
	if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
		PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
	fi
	if ! have cargo || ! have rustc; then
		die "Rust (cargo, rustc) is not installed." \
			"install it with rustup (https://rustup.rs), default profile, then run this script again:" \
			"  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile default" \
			"  . \"\$HOME/.cargo/env\""
	fi
	# Native builds (tests, cargo install) link with the system C compiler.
	have cc || apt_install gcc libc6-dev
	local sysroot
	sysroot="$(rustc --print sysroot)"
	if [ ! -d "$sysroot/lib/rustlib/$WASM_TARGET" ]; then
		have rustup || die "the Rust standard library for $WASM_TARGET is missing and rustup is not installed." \
			"install Rust with rustup (https://rustup.rs), then: rustup target add $WASM_TARGET"
		log "rustup target add $WASM_TARGET"
		rustup target add "$WASM_TARGET" || die "rustup target add $WASM_TARGET failed." "run it by hand."
	fi
}

ensure_clippy() {
	if ! cargo clippy --version >/dev/null 2>&1; then
		have rustup || die "cargo clippy is missing and rustup is not installed." "install clippy for your toolchain."
		log "rustup component add clippy"
		rustup component add clippy || die "rustup component add clippy failed." "run it by hand."
	fi
}

# The wasm-bindgen version pinned in Cargo.lock: the CLI must be exactly this version, or
# wasm-bindgen refuses the module ("rust wasm file schema version ... does not match").
wasm_bindgen_version() {
	local v=""
	if [ -f "$ROOT/Cargo.lock" ]; then
		v="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; if ($1 == "version") { gsub(/"/, "", $3); print $3; exit } }' "$ROOT/Cargo.lock")"
	fi
	[ -n "$v" ] || die "cannot find the wasm-bindgen version in Cargo.lock." \
		"Cargo.lock must be committed and contain a [[package]] name = \"wasm-bindgen\" entry."
	printf '%s\n' "$v"
}

ensure_wasm_bindgen() {
	local v dir
	v="$(wasm_bindgen_version)"
	dir="$SME_TOOLS_DIR/wasm-bindgen-$v"
	if [ ! -x "$dir/bin/wasm-bindgen" ] || [ ! -x "$dir/bin/wasm-bindgen-test-runner" ]; then
		mkdir -p "$SME_TOOLS_DIR"
		# One install at a time per machine (two CI jobs, or demo + test at once).
		exec 9>"$SME_TOOLS_DIR/.install-wasm-bindgen-$v.lock"
		if have flock; then flock 9; fi
		if [ ! -x "$dir/bin/wasm-bindgen" ] || [ ! -x "$dir/bin/wasm-bindgen-test-runner" ]; then
			log "installing wasm-bindgen-cli $v into $dir (once per machine; about 4 minutes on 2 cores)"
			cargo install wasm-bindgen-cli --version "$v" --root "$dir" ||
				die "cargo install wasm-bindgen-cli --version $v failed." \
					"it needs network access to the crate registry and a C compiler (apt-get install gcc libc6-dev)." \
					"run by hand:  cargo install wasm-bindgen-cli --version $v --root \"$dir\""
		fi
		exec 9>&-
	fi
	PATH="$dir/bin:$PATH"
	export PATH
	local got
	got="$(wasm-bindgen --version | awk '{print $2}')"
	[ "$got" = "$v" ] || die "wasm-bindgen on PATH is $got, Cargo.lock wants $v." \
		"delete $dir and run this script again."
}

# --- Node (wasm-opt from the npm package binaryen, pinned in package-lock.json) -----------------

ensure_node() {
	if ! have node || ! have npm; then
		apt_install nodejs npm
	fi
	local major
	major="$(node -p 'process.versions.node.split(".")[0]')"
	[ "$major" -ge 18 ] || die "Node.js $major is too old; version 18 or newer is needed (Debian 12's nodejs is 18)."
}

# npm ci in DIR when node_modules is missing or was installed from another package-lock.json.
npm_ci_if_stale() {
	local dir="$1" want have_hash stamp
	[ -f "$dir/package-lock.json" ] || die "$dir/package-lock.json is missing." "it is committed with package.json; restore it."
	stamp="$dir/node_modules/.sme-export-lock.sha256"
	want="$(sha256sum "$dir/package-lock.json" | awk '{print $1}')"
	have_hash="$(cat "$stamp" 2>/dev/null || true)"
	if [ ! -d "$dir/node_modules" ] || [ "$want" != "$have_hash" ]; then
		local label="${dir#"$ROOT"}"
		log "npm ci in ./${label#/}"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) ||
			die "npm ci failed in $dir." "it needs network access to the npm registry; run by hand: (cd \"$dir\" && npm ci)"
		printf '%s\n' "$want" >"$stamp"
	fi
}

ensure_npm_deps() {
	ensure_node
	npm_ci_if_stale "$ROOT"
	[ -x "$ROOT/node_modules/.bin/wasm-opt" ] || die "node_modules/.bin/wasm-opt is missing after npm ci." \
		"check that package.json pins the binaryen devDependency, then: rm -rf node_modules && npm ci"
}

ensure_tools() {
	ensure_rust
	ensure_wasm_bindgen
	ensure_npm_deps
}

# --- Browser tests -------------------------------------------------------------------------------

has_korean_font() {
	if have dpkg-query && dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed'; then
		return 0
	fi
	have fc-list && fc-list :lang=ko family 2>/dev/null | grep -qi 'noto'
}

ensure_browser() {
	local missing=()
	[ -x "$CHROMIUM_BIN" ] || missing+=(chromium)
	[ -x "$CHROMEDRIVER_BIN" ] || missing+=(chromium-driver)
	has_korean_font || missing+=(fonts-noto-cjk)
	if [ "${#missing[@]}" -gt 0 ]; then
		# Install the three together: chromedriver must match the chromium version.
		apt_install chromium chromium-driver fonts-noto-cjk
	fi
	# The browser suite runs again in Firefox ESR (puppeteer-core over WebDriver BiDi).
	[ -x /usr/bin/firefox-esr ] || apt_install firefox-esr
	# The printed report's case reads its PDF's pages, page size and text (pdfinfo, pdftotext).
	have pdfinfo && have pdftotext || apt_install poppler-utils
	local cv dv
	cv="$("$CHROMIUM_BIN" --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)"
	dv="$("$CHROMEDRIVER_BIN" --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)"
	if [ -z "$cv" ] || [ "$cv" != "$dv" ]; then
		die "chromium (${cv:-?}) and chromedriver (${dv:-?}) major versions differ or do not run." \
			"upgrade both together: apt-get install -y chromium chromium-driver"
	fi
	export CHROMIUM_BIN CHROMEDRIVER="$CHROMEDRIVER_BIN"
}

# The browser suite's drivers (playwright-core, puppeteer-core) need Node 20 or newer
# (tests/browser/package.json "engines"); the build alone runs on 18. Checked with the other test
# tools, so an old Node stops the run at its start rather than at its last stage.
ensure_node_for_browser_tests() {
	[ -f "$ROOT/tests/browser/package.json" ] || return 0
	local major
	major="$(node -p 'process.versions.node.split(".")[0]')"
	if [ "$major" -lt 20 ]; then
		die "Node.js $(node --version) is too old for the browser suite: playwright-core needs Node 20 or newer." \
			"Debian 12's nodejs package is 18; Debian 13's is 20. Install Node 20 LTS or newer, for example" \
			"  - on Debian 13: apt-get install -y nodejs npm" \
			"  - anywhere: nvm install 20 (https://github.com/nvm-sh/nvm), or an official Node 20 build from nodejs.org" \
			"put its bin directory first on PATH (node --version must say v20 or newer), then run this script again." \
			"The build alone (scripts/build.sh) still works with Node 18."
	fi
}

ensure_test_tools() {
	ensure_tools
	ensure_node_for_browser_tests
	ensure_clippy
	ensure_browser
}

