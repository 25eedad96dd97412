// <sme-export-calculator lang="ko|en">: medical-export potential calculator for Korean SMEs.
// Everything is computed in this browser by the Wasm engine (./pkg/sme_export.js); nothing typed
// is sent anywhere. DOM is built with createElement/textContent only (CSP-safe: no inline style,
// no inline handlers, no innerHTML).
//
// This file is the element (its lifecycle and attributes); the widget inside it is a store, a
// controller and a view, in ./calculator/: store.js (the state: one documented object), controller.js
// (events -> state -> engine), view.js (the form and result frame, rendered from the state),
// render.js (the result cards), charts.js, compare.js (markets side by side), csv.js (CSV and the
// JSON calculation trace), print.js (the printed report), data-src.js (dataset fetch), state.js
// (the form's fields, share link and storage format), strings.js (UI chrome in two languages) and
// dom.js (DOM helpers). scripts/build.sh bundles them with esbuild into one
// dist/sme-export-calculator.js, so hosts keep one script URL; the engine (./pkg/) stays a separate
// module next to it.

import { h } from './calculator/dom.js';
import { Store } from './calculator/store.js';
import { Controller, languageOf } from './calculator/controller.js';
import { View } from './calculator/view.js';

const CSS_URL = new URL('./sme-export-calculator.css', import.meta.url).href;
const WASM_URL = new URL('./pkg/sme_export_bg.wasm', import.meta.url);
const TAG = 'sme-export-calculator';

// The engine, started once for every element as soon as this module runs, in parallel: the .wasm
// is fetched and compiled while the glue (./pkg/sme_export.js) and the stylesheet arrive, instead
// of after the glue has run (docs/adr/0001). The glue's init awaits the compiled module it is
// given, so it is called as soon as the glue is there. compileStreaming gets the fetch's promise
// itself: no step of this script runs between the response and the compile, where a busy main
// thread would delay it. Compiled once per page: a page that
// compiled it first (the validator, dataset.js) leaves the promise under the same global key. A
// server that does not say application/wasm makes compileStreaming fail; then the bytes are
// fetched again (from the HTTP cache, normally) and compiled whole, as the glue would do.
const compiled = (globalThis[Symbol.for('sme-export:wasm')] ||= WebAssembly.compileStreaming(fetch(WASM_URL)).catch(
  () =>
    fetch(WASM_URL)
      .then((response) => response.arrayBuffer())
      .then((bytes) => WebAssembly.compile(bytes)),
));
const engine = import('./pkg/sme_export.js').then(async (module) => {
  await module.default({ module_or_path: compiled });
  return module;
});
engine.catch(() => {}); // each element reports a failure itself
compiled.catch(() => {});

class SmeExportCalculator extends HTMLElement {
  /** The widget whose print button was pressed: the one print.js prints. @type {SmeExportCalculator | null} */
  static printing = null;

  static get observedAttributes() {
    return ['lang', 'data-src', 'heading-level', 'dataset-key'];
  }

  /** The input of the result on screen (what estimate() was given). */
  get lastInput() {
    return this.store?.state.resultInput ?? null;
  }

  /** Whether a result is on screen (print.js prints the first widget with one). */
  get hasResult() {
    return !!this.store?.state.result;
  }

  connectedCallback() {
    if (this.controller) {
      this.controller.watch();
      return;
    }
    if (!this.hidden) this.style.display = 'flow-root'; // a box before the CSS loads; flow-root: it wraps the floated .w
    const width = (this.parentElement && this.parentElement.clientWidth) || innerWidth;
    this.style.minHeight = width < 640 ? '1200px' : '900px';
    const root = this.attachShadow({ mode: 'open' });
    const all = [...document.querySelectorAll(TAG)];
    /** @type {Store} */
    this.store = new Store('sme-export:' + (this.id || all.indexOf(this)));
    this.store.state.lang = languageOf(this);
    const wrap = h('div', { class: 'w', lang: this.store.state.lang });
    wrap.style.visibility = 'hidden';
    /** @type {View} */
    this.view = new View(this, root, wrap, this.store);
    /** @type {Controller} */
    this.controller = new Controller(this, this.store, this.view);
    const show = () => {
      wrap.style.visibility = '';
    };
    const loaded = () => {
      show();
      this.view.stylesheetIn();
    };
    root.append(h('link', { rel: 'stylesheet', href: CSS_URL, onload: loaded, onerror: show }), wrap);
    setTimeout(show, 3000);
    // The form is shown at once from the element's own strings; the engine fills the sector and
    // market lists and the results when it arrives (Controller.start).
    this.store.restore((id) => {
      const target = id ? all.find((x) => x.id === id) : all[0];
      return target === this;
    });
    this.controller.rebuild();
    engine.then(
      (module) => this.controller.start(module),
      (e) => {
        console.error('sme-export: could not load the engine', e);
        this.view.showEngineFailure();
        this.style.minHeight = '';
      },
    );
    this.controller.watch();
  }

  disconnectedCallback() {
    this.controller?.unwatch();
  }

  /** @param {string} name @param {string | null} old @param {string | null} value */
  attributeChangedCallback(name, old, value) {
    if (old === value || !this.controller) return;
    this.controller.attributeChanged(name);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, SmeExportCalculator);
