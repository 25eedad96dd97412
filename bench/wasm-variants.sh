#!/usr/bin/env bash
# Size and speed of the Wasm under other build settings, so that the release opt-level and the
# allocator are chosen with numbers (docs/BENCHMARK.md, "Wasm speed"). Changes nothing in the
# repository: each variant is built from a copy of the working tree in a temporary folder
# (cargo's target folder is shared, under target/variants/, so later runs are faster).
#
#   bench/wasm-variants.sh [--rounds 5] [--seconds 1] [VARIANT...]    (default: z-lol z-dlmalloc s-lol 3-lol)
#
# VARIANT is OPT-ALLOC: OPT the release opt-level (z, s, 1, 2, 3), ALLOC `lol` (src/lib.rs as it
# is) or `dlmalloc` (its #[global_allocator] item removed: Rust's default allocator). Each is
# built as scripts/build.sh builds (cargo, wasm-bindgen, wasm-opt -Oz --converge with the same
# features, the short glue/.wasm names). Then ROUNDS rounds each run the native loop (examples/bench_engine.rs, release) and
# every variant (bench/engine-rate.mjs) in turn, and one line per variant gives the wasm bytes
# (raw, gzip -9), estimate() calls per CPU-second (median, p25..p75) and the median of the
# per-round ratios to native. About 2 minutes per variant to build on 2 cores, 10 s per round.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT" || exit 1

rounds=5 seconds=1 variants=()
while [ $# -gt 0 ]; do
	case "$1" in
	--rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
	--seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
	-h | --help) sed -n '2,15p' "$0"; exit 0 ;;
	-*) die "unknown option $1" "usage: bench/wasm-variants.sh [--rounds N] [--seconds S] [OPT-ALLOC...]" ;;
	*) variants+=("$1"); shift ;;
	esac
done
[ "${#variants[@]}" -gt 0 ] || variants=(z-lol z-dlmalloc s-lol 3-lol)

ensure_tools
target="${CARGO_TARGET_DIR:-$ROOT/target}/variants"
work="$(mktemp -d "${TMPDIR:-/tmp}/sme-export-variants-XXXXXX")"
trap 'rm -rf "$work"' EXIT
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
	--enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types
	--enable-call-indirect-overlong)

log "copy of the working tree in $work/src-tree"
mkdir -p "$work/src-tree"
tar -C "$ROOT" --exclude=./target --exclude=./pkg --exclude=./dist --exclude=./node_modules \
	--exclude=./bench/node_modules --exclude=./.git -cf - . | tar -C "$work/src-tree" -xf -

for v in "${variants[@]}"; do
	opt="${v%%-*}" alloc="${v#*-}"
	case "$opt" in z | s | 0 | 1 | 2 | 3) ;; *) die "variant $v: opt-level '$opt' is not z, s, 0, 1, 2 or 3" ;; esac
	cp "$ROOT/src/lib.rs" "$work/src-tree/src/lib.rs"
	case "$alloc" in
	lol) ;;
	dlmalloc)
		# Remove the #[global_allocator] item: its doc comment, cfg line, the attribute and the
		# static up to the first `;` at the end of a line.
		perl -0pi -e 's{(?:^[ \t]*///[^\n]*\n)*(?:#\[cfg\(target_arch = "wasm32"\)\]\n)?#\[global_allocator\]\n.*?;[ \t]*\n}{}ms' "$work/src-tree/src/lib.rs"
		if grep -q 'global_allocator' "$work/src-tree/src/lib.rs"; then die "variant $v: could not remove the #[global_allocator] item of src/lib.rs"; fi
		;;
	*) die "variant $v: allocator '$alloc' is not lol or dlmalloc" ;;
	esac
	log "variant $v: cargo build (opt-level $opt)"
	(cd "$work/src-tree" && CARGO_TARGET_DIR="$target" CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt" \
		cargo build -q --lib --release --target "$WASM_TARGET")
	out="$work/$v"
	wasm-bindgen --target web --out-dir "$out" --out-name sme_export "$target/$WASM_TARGET/release/sme_export.wasm"
	node_modules/.bin/wasm-opt -Oz --converge "${WASM_OPT_FEATURES[@]}" --strip-debug --strip-producers \
		--strip-target-features "$out/sme_export_bg.wasm" -o "$out/opt.wasm"
	mv "$out/opt.wasm" "$out/sme_export_bg.wasm"
	# The short glue/.wasm names of scripts/build.sh, so the bytes compare with the shipped file.
	node_modules/.bin/wasm-opt --minify-imports-and-exports-and-modules "${WASM_OPT_FEATURES[@]}" \
		--strip-target-features "$out/sme_export_bg.wasm" -o "$out/min.wasm" >"$out/names.json"
	node scripts/wasm-names.mjs "$out/names.json" "$out/sme_export.js" "$out/min.wasm"
	mv "$out/min.wasm" "$out/sme_export_bg.wasm"
done

log "cargo build --release --example bench_engine"
cargo build -q --release --example bench_engine
engine="${CARGO_TARGET_DIR:-target}/release/examples/bench_engine"

log "measuring: $rounds rounds of native + ${variants[*]}"
results="$work/rounds.jsonl"
for r in $(seq 1 "$rounds"); do
	TIMEFORMAT='%U %S'
	{ time "$engine" "$seconds" >"$work/native.json"; } 2>"$work/native.time"
	node -e '
const fs = require("fs");
const n = JSON.parse(fs.readFileSync(process.argv[1], "utf8").trim().split("\n").pop());
const [u, s] = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").pop().split(" ").map(Number);
console.log(JSON.stringify({ round: Number(process.argv[3]), variant: "native", cpu: n.calls / (u + s) }));
' "$work/native.json" "$work/native.time" "$r" >>"$results"
	for v in "${variants[@]}"; do
		node bench/engine-rate.mjs "$work/$v" "$seconds" | node -e '
const l = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify({ round: Number(process.argv[1]), variant: process.argv[2], cpu: l.cpu }));
' "$r" "$v" >>"$results"
	done
done

node -e '
const fs = require("fs");
const zlib = require("zlib");
const [file, work, ...variants] = process.argv.slice(1);
const rows = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); const i = (s.length - 1) * p; const lo = Math.floor(i), hi = Math.ceil(i); return s[lo] + (s[hi] - s[lo]) * (i - lo); };
const f = (x) => Math.round(x).toLocaleString("en-US");
const native = new Map(rows.filter((r) => r.variant === "native").map((r) => [r.round, r.cpu]));
const nat = [...native.values()];
console.log(`native: ${f(q(nat, 0.5))} estimate() per CPU-second (p25 ${f(q(nat, 0.25))}, p75 ${f(q(nat, 0.75))}), ${nat.length} rounds`);
console.log("| variant | wasm raw / gzip -9 (B) | estimate()/CPU-s, median (p25..p75) | Wasm/native, median of rounds |");
console.log("| --- | ---: | ---: | ---: |");
for (const v of variants) {
  const b = fs.readFileSync(`${work}/${v}/sme_export_bg.wasm`);
  const rs = rows.filter((r) => r.variant === v);
  const c = rs.map((r) => r.cpu);
  const ratio = rs.map((r) => r.cpu / native.get(r.round));
  console.log(`| ${v} | ${f(b.length)} / ${f(zlib.gzipSync(b, { level: 9 }).length)} | ${f(q(c, 0.5))} (${f(q(c, 0.25))}..${f(q(c, 0.75))}) | ${q(ratio, 0.5).toFixed(3)} |`);
}
' "$results" "$work" "${variants[@]}"
