// The custom element <sme-export-calculator>: its lifecycle and attributes. The loader
// (../sme-export-calculator.js) has already started the first-answer module; it hands over that
// promise and loadFull, which fetches the full module when the controller asks.

import { h } from './dom.js';
import { Store } from './store.js';
import { Controller, languageOf } from './controller.js';
import { View } from './view.js';

const TAG = 'sme-export-calculator';

/** Defines the element (once per page).
 *  @param {Promise<any>} first  the first-answer module, started by the loader
 *  @param {import('./controller.js').LoadFull} loadFull
 *  @param {string} cssUrl  the element's stylesheet, next to the element's script */
export function define(first, loadFull, cssUrl) {
  // A widget builds its form when the first-answer module is ready, or after 80 ms without it. On
  // a fast link the module is compiled by then, so the form and the answer at a glance are built in
  // one task and laid out and painted once (a form built at once keeps the main thread busy while
  // the .wasm's bytes wait for it); on a slow link the form shows 80 ms later than it could.
  const engineOrTimeout = Promise.race([first.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 80))]);

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
      if (this.shadowRoot) return; // waiting for the engine (below)
      if (!this.hidden) this.style.display = 'flow-root'; // a box before the CSS loads; flow-root: it wraps the floated .w
      const width = (this.parentElement && this.parentElement.clientWidth) || innerWidth;
      this.style.minHeight = width < 640 ? '1200px' : '900px';
      const root = this.attachShadow({ mode: 'open' });
      const wrap = h('div', { class: 'w' });
      wrap.style.visibility = 'hidden';
      const show = () => {
        wrap.style.visibility = '';
      };
      let styled = false;
      const loaded = () => {
        styled = true;
        show();
        this.view?.stylesheetIn();
      };
      // The stylesheet is requested at once, with the first module's files.
      root.append(h('link', { rel: 'stylesheet', href: cssUrl, onload: loaded, onerror: show }));
      setTimeout(show, 3000);
      engineOrTimeout.then(() => this.build(root, wrap, styled));
    }

    /** The form, and the answer at a glance as soon as the engine gives it.
     *  @param {ShadowRoot} root @param {HTMLElement} wrap @param {boolean} styled */
    build(root, wrap, styled) {
      const all = [...document.querySelectorAll(TAG)];
      /** @type {Store} */
      this.store = new Store('sme-export:' + (this.id || all.indexOf(this)));
      wrap.lang = this.store.state.lang = languageOf(this);
      /** @type {View} */
      this.view = new View(this, root, wrap, this.store);
      /** @type {Controller} */
      this.controller = new Controller(this, this.store, this.view, loadFull);
      if (styled) this.view.stylesheetIn();
      root.append(wrap);
      // The form is built from the element's own strings; the engine fills the sector and market
      // lists and the results when it arrives (Controller.start): in this task if it came in time.
      this.store.restore((id) => {
        const target = id ? all.find((x) => x.id === id) : all[0];
        return target === this;
      });
      this.controller.rebuild();
      first.then(
        (module) => this.controller.start(module),
        (e) => {
          console.error('sme-export: could not load the engine', e);
          this.view.showEngineFailure();
          this.style.minHeight = '';
        },
      );
      if (this.isConnected) this.controller.watch();
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
}
