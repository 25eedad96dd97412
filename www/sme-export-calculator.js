// <sme-export-calculator lang="ko|en">: medical-export potential calculator for Korean SMEs.
// Everything is computed in this browser by the Wasm engine (./pkg-first/ gives the answer at
// a glance, ./pkg/ the whole result); nothing typed is sent anywhere. DOM is built with
// createElement/textContent only (CSP-safe: no inline style, no inline handlers, no innerHTML).
//
// This file is the element (its lifecycle and attributes); the widget inside it is a store, a
// controller and a view, in ./calculator/: store.js (the state: one documented object), controller.js
// (events -> state -> engine), view.js (the form and result frame, rendered from the state),
// glance.js (the answer at a glance), full.js (what comes with the full module: render.js, the
// result cards; charts.js, compare.js (markets side by side), csv.js (CSV and the
// JSON calculation trace), print.js (the printed report), data-src.js (dataset fetch), state.js
// (the form's fields, share link and storage format), strings.js (UI chrome in two languages) and
// dom.js (DOM helpers), and element.js (the element's class). This file starts the first-answer
// module as soon as it runs and then defines the element. scripts/build.sh bundles it with the
// element's modules into one dist/sme-export-calculator.js (one request, so the .wasm, its glue and
// the stylesheet all start together after it), and full.js on its own into dist/calculator/full.js,
// imported when the full module is fetched; hosts keep one script URL; the engines stay modules
// of their own.

import { define } from './calculator/element.js';

const FIRST_WASM_URL = new URL('./pkg-first/sme_export_bg.wasm', import.meta.url);
const FULL_WASM_URL = new URL('./pkg/sme_export_bg.wasm', import.meta.url);
/** Where a page that compiled the full module itself (the validator, dataset.js) leaves it. */
const FULL_KEY = Symbol.for('sme-export:wasm');

/** A .wasm compiled as it streams in. compileStreaming gets the fetch's promise itself: no step of
 *  this script runs between the response and the compile, where a busy main thread would delay
 *  it. A server that does not say application/wasm makes compileStreaming fail; then the bytes are
 *  fetched again (from the HTTP cache, normally) and compiled whole, as the glue would do.
 *  @param {URL} url */
function compile(url) {
  return WebAssembly.compileStreaming(fetch(url)).catch(() =>
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    }),
  );
}

// Two modules (docs/adr/0006). The first-answer module (./pkg-first/: the engine, the SME table,
// potential, support rules, the answer at a glance and the built-in dataset) is started once for
// every element as soon as this module runs: its .wasm is fetched and compiled while the glue, the
// element's code and the stylesheet arrive (docs/adr/0001). The full module (./pkg/: the whole result, charts,
// datasets at run time, trace, comparison) and the cards' code (./calculator/full.js) come after
// the answer at a glance is painted, or at once for a page that needs them (Controller.requestFull).
const firstCompiled = compile(FIRST_WASM_URL);
const first = import('./pkg-first/sme_export.js').then(async (module) => {
  await module.default({ module_or_path: firstCompiled });
  return module;
});
firstCompiled.catch(() => {});
first.catch(() => {}); // each element reports a failure itself

/** @type {Promise<{engine: any, ui: typeof import('./calculator/full.js')}> | null} */
let full = null;
/** The full module and the cards' code, fetched once for every element; after a failure the next
 *  call fetches again (the retry under the answer at a glance). */
function loadFull() {
  if (full) return full;
  const compiled = (globalThis[FULL_KEY] ||= compile(FULL_WASM_URL));
  const request = Promise.all([compiled, import('./pkg/sme_export.js'), import('./calculator/full.js')]).then(
    async ([module, engine, ui]) => {
      await engine.default({ module_or_path: module });
      return { engine, ui };
    },
  );
  request.catch(() => {
    if (full === request) full = null;
    if (globalThis[FULL_KEY] === compiled) delete globalThis[FULL_KEY];
  });
  return (full = request);
}

define(first, loadFull, new URL('./sme-export-calculator.css', import.meta.url).href);
