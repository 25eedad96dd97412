#!/usr/bin/env bash
# Builds the widget: Rust -> wasm (cargo) -> JS glue (wasm-bindgen) -> smaller wasm (wasm-opt),
# then assembles dist/, the folder to put on any static host (also under a sub-path).
#
#   pkg-first/  the first-answer module (feature `first`): what the answer at a glance needs.
#   pkg/   wasm-bindgen output (sme_export.js, sme_export_bg.wasm, .d.ts typings): the full module.
#   pkg-validator/  the same with feature `validator` (adds comparePanel), for dataset.html only.
#   dist/  www/ (minus screenshots and test-only files) + pkg/sme_export.js + pkg/sme_export_bg.wasm
#          + pkg-validator/ (the same two files) + panel.csv (data/panel.csv), for the validator page,
#          with every .js and .css minified by esbuild (www/ and pkg/ stay readable).
#          Generated. This is all a host needs.
#
# Options: --skip-tools (assume ensure_tools already ran, as scripts/test.sh does).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

if [ "${1:-}" != "--skip-tools" ]; then
	ensure_tools
fi

# wasm features the output may use. rustc >= 1.87 emits, for wasm32-unknown-unknown by default,
# bulk-memory(-opt), nontrapping-fptoint, sign-ext, mutable-globals, multivalue, reference-types and
# call-indirect-overlong
# (its target_features section says so; wasm-bindgen keeps that section). wasm-opt must be told
# the same set, or it fails on the first such instruction. All are in every browser since 2021/22
# (Chrome 91, Firefox 90, Safari 15).
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
	--enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types
	--enable-call-indirect-overlong)

# The element: www/sme-export-calculator.js imports its modules from www/calculator/; esbuild
# bundles them into the one file dist/sme-export-calculator.js (hosts keep one script URL).
ELEMENT=sme-export-calculator.js
ELEMENT_MODULES=calculator

# Files of www/ that are never shipped: screenshots and test-only pages/scripts.
is_test_only() {
	case "$1" in
	*.png | *.test.* | *.spec.* | test-* | */test-* | test/* | tests/* | */test/* | */tests/* | \
		__tests__/* | */__tests__/* | .* | */.* | *~ | README* | */README*) return 0 ;;
	esac
	return 1
}

t0=$(now)
raw_wasm="${CARGO_TARGET_DIR:-target}/$WASM_TARGET/release/sme_export.wasm"

# build_pkg OUT [CARGO_FLAGS...]: the lib for wasm32 -> wasm-bindgen -> wasm-opt, into OUT/.
build_pkg() {
	local out="$1"
	shift
	log "cargo build --lib --release --target $WASM_TARGET $*"
	cargo build --lib --release --target "$WASM_TARGET" "$@"
	[ -f "$raw_wasm" ] || die "$raw_wasm was not produced."

	log "wasm-bindgen $(wasm_bindgen_version) --target web (into $out/)"
	rm -rf "$out"
	wasm-bindgen --target web --out-dir "$out" --out-name sme_export "$raw_wasm"

	# -Oz --converge: repeat -Oz until the module stops shrinking (about 240 bytes gzip fewer than one
	# -Oz, a few seconds more). --strip-target-features: that section only tells tools which features
	# the code uses (wasm-opt was told above); browsers ignore it. Measured and rejected (see
	# docs/BENCHMARK.md): --gufa (no gain over --converge), -Os/-O3 (bigger), --low-memory-unused
	# (about 550 bytes fewer, but only correct while nothing ever touches addresses 0..1023).
	log "wasm-opt -Oz --converge (binaryen $(node -p 'require("./node_modules/binaryen/package.json").version'))"
	node_modules/.bin/wasm-opt -Oz --converge "${WASM_OPT_FEATURES[@]}" --strip-debug --strip-producers \
		--strip-target-features "$out/sme_export_bg.wasm" -o "$out/sme_export_bg.opt.wasm"
	mv "$out/sme_export_bg.opt.wasm" "$out/sme_export_bg.wasm"
	# Short names between the glue and the .wasm: wasm-bindgen's import names carry a hash each
	# (about 80 of them, in both files, and hashes do not compress). wasm-opt shortens them in the
	# .wasm and prints the map; scripts/wasm-names.mjs renames the glue's side to match. The glue's
	# own exports keep their names. Measured on the widget: 1,379 B gzip fewer in the .wasm, 1,211 in
	# the glue. A separate run after -Oz --converge: within --converge the pass would run, and print
	# its map, once per round.
	node_modules/.bin/wasm-opt --minify-imports-and-exports-and-modules "${WASM_OPT_FEATURES[@]}" \
		--strip-target-features "$out/sme_export_bg.wasm" -o "$out/sme_export_bg.min.wasm" >"$out/names.json"
	node scripts/wasm-names.mjs "$out/names.json" "$out/sme_export.js" "$out/sme_export_bg.min.wasm"
	mv "$out/sme_export_bg.min.wasm" "$out/sme_export_bg.wasm"
	# wasm-bindgen's typings of the raw exports no longer match the .wasm (the glue's .d.ts does).
	rm -f "$out/names.json" "$out/sme_export_bg.wasm.d.ts"
	# A module the browser will refuse, or glue that no longer fits it, must fail the build, not
	# the page: validate, then instantiate through the glue (a missing import is a LinkError) and
	# call it once.
	WASM_FILE="$out/sme_export_bg.wasm" node -e '
const fs = require("fs");
const file = process.env.WASM_FILE;
if (!WebAssembly.validate(fs.readFileSync(file))) { console.error(file + " does not validate after wasm-opt"); process.exit(1); }
'
	GLUE="$ROOT/$out/sme_export.js" node --input-type=module -e '
import fs from "node:fs";
const glue = await import(process.env.GLUE);
glue.initSync({ module: fs.readFileSync(new URL("sme_export_bg.wasm", "file://" + process.env.GLUE)) });
if (!glue.datasetInfo("ko").version) { console.error(process.env.GLUE + ": datasetInfo() has no version"); process.exit(1); }
'
}

# The first-answer module: what the answer at a glance needs, loaded first by every host page.
build_pkg pkg-first --features first
# The full module: the whole result, charts, datasets at run time, trace, comparison; fetched
# after the answer at a glance is painted.
build_pkg pkg
# The validator page's engine: the same plus `comparePanel` (feature `validator`), so the widget's
# bundle does not carry the reference panel's comparison. Built second: pkg/ is already done.
build_pkg pkg-validator --features validator

log "assembling dist/"
rm -rf dist
mkdir -p dist/pkg
shipped=0
if [ -d www ]; then
	while IFS= read -r -d '' f; do
		rel="${f#www/}"
		if is_test_only "$rel"; then continue; fi
		# The element's modules ship inside the bundle below, not as files of their own.
		case "$rel" in "$ELEMENT_MODULES"/*) continue ;; esac
		# The type declarations serve the type check (scripts/test.sh, stage lint), not a page.
		case "$rel" in types/*) continue ;; esac
		mkdir -p "dist/$(dirname "$rel")"
		cp -p "$f" "dist/$rel"
		shipped=$((shipped + 1))
	done < <(find www -type f -print0 | sort -z)
fi
[ "$shipped" -gt 0 ] || warn "www/ has no files to ship yet: dist/ holds only pkg/."
cp pkg/sme_export.js pkg/sme_export_bg.wasm dist/pkg/
mkdir -p dist/pkg-first
cp pkg-first/sme_export.js pkg-first/sme_export_bg.wasm dist/pkg-first/
mkdir -p dist/pkg-validator
cp pkg-validator/sme_export.js pkg-validator/sme_export_bg.wasm dist/pkg-validator/
# The reference panel, for the validator page's comparison with the built-in figures.
cp data/panel.csv dist/panel.csv

# Minify what the browser downloads: every other .js (all are ES modules: the wasm-bindgen
# glue, embed.js, dataset.js; --format=esm keeps import.meta.url and the import of ./pkg/sme_export.js as they
# are, and lets esbuild shorten top-level names) and every .css. No bundling, no syntax lowering
# (the default target keeps the source's syntax), no eval: the strict CSP of scripts/smoke.mjs
# still holds. esbuild's default ASCII-only output gzips smaller than --charset=utf8 here.
[ -x node_modules/.bin/esbuild ] || die "node_modules/.bin/esbuild is missing." \
	"package.json pins it as a devDependency; run: npm ci (or scripts/build.sh without --skip-tools)"
log "esbuild --minify ($(node_modules/.bin/esbuild --version)): .js and .css of dist/"
# A classic script would break under --format=esm (its top-level names would be renamed): refuse.
if grep -rnE '<script[^>]*src=' dist --include='*.html' | grep -v 'type="module"'; then
	die "the lines above load a classic script; build.sh minifies every .js as an ES module." \
		"load it with type=\"module\", or exclude it from the esbuild step in scripts/build.sh."
fi
# The element and its modules, bundled into one file; the engine (./pkg/sme_export.js, with its
# .wasm found through import.meta.url) stays a module of its own beside it.
# Two bundles: the element (its script and modules in one file, so the first module's .wasm, its
# glue and the stylesheet are requested together as soon as it has run) and full.js (the cards,
# charts, CSV, print; imported when the full module is fetched), each minified. The helpers both
# use (dom.js, state.js, glance.js) are copied into each; they hold no state the two share.
if [ -f "www/$ELEMENT" ]; then
	node_modules/.bin/esbuild "www/$ELEMENT" --bundle --minify --format=esm \
		--external:./pkg/sme_export.js --external:./pkg-first/sme_export.js \
		--external:"./$ELEMENT_MODULES/full.js" --outfile="dist/$ELEMENT" --allow-overwrite --log-level=warning
	node_modules/.bin/esbuild "www/$ELEMENT_MODULES/full.js" --bundle --minify --format=esm \
		--outfile="dist/$ELEMENT_MODULES/full.js" --allow-overwrite --log-level=warning
fi
mapfile -d '' min_js < <(find dist -type f -name '*.js' ! -path "dist/$ELEMENT" ! -path "dist/$ELEMENT_MODULES/*" -print0 | sort -z)
mapfile -d '' min_css < <(find dist -type f -name '*.css' -print0 | sort -z)
if [ "${#min_js[@]}" -gt 0 ]; then
	node_modules/.bin/esbuild "${min_js[@]}" --minify --format=esm --outdir=dist --outbase=dist \
		--allow-overwrite --log-level=warning
fi
if [ "${#min_css[@]}" -gt 0 ]; then
	node_modules/.bin/esbuild "${min_css[@]}" --minify --outdir=dist --outbase=dist \
		--allow-overwrite --log-level=warning
fi

# dist/ must work under any sub-path: no root-absolute URLs in what we ship.
if grep -rnE '(src|href|action)="/[^/]|(import|from) +["'"'"']/[^/]|url\(/[^/]|fetch\(["'"'"']/[^/]' dist \
	--include='*.html' --include='*.js' --include='*.mjs' --include='*.css' 2>/dev/null; then
	warn "the lines above use root-absolute URLs; dist/ would break under a sub-path. Use relative URLs."
fi

printf '\n%-44s %10s %10s\n' "dist/ file" "bytes" "gzip -9" >&2
total=0
total_gz=0
while IFS= read -r -d '' f; do
	size=$(stat -c %s "$f")
	gz=$(gzip -9 -c "$f" | wc -c)
	total=$((total + size))
	total_gz=$((total_gz + gz))
	printf '%-44s %10d %10d\n' "${f#dist/}" "$size" "$gz" >&2
done < <(find dist -type f -print0 | sort -z)
printf '%-44s %10d %10d\n' "total" "$total" "$total_gz" >&2
log "build done in $(($(now) - t0)) s: dist/ is ready"
