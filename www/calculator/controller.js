// The controller: what the reader does and what the host page changes (events) goes into the store,
// the engine answers from the store, and the view shows the store. It owns the engine module, the
// timing of the work (answered in the input event, coalesced into a frame) and the watchers of size,
// pixel density and printing.

import { todayIso } from './dom.js';
import { addStrings } from './strings.js';
import { AMOUNTS, QUESTIONS, shareUrl } from './state.js';

/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./view.js').View} View */
/** @typedef {import('./store.js').EstimateInput} EstimateInput */
/** @typedef {import('./state.js').TextField} TextField */
/** @typedef {import('../types/result').Question} Question */
/** @typedef {typeof import('../types/pkg/sme_export')} Engine */
/** @typedef {import('./view.js').FullUi} FullUi */
/** The full module and the cards' code, as the element loads them.
 *  @typedef {() => Promise<{engine: Engine, ui: FullUi}>} LoadFull */

/** Work waiting for the next frame: a new result, or only the charts drawn again. */
/** @typedef {'recalculate' | 'redraw'} Work */

export class Controller {
  /**
   * @param {HTMLElement} host  the custom element (its attributes configure the widget)
   * @param {Store} store
   * @param {View} view
   * @param {LoadFull} loadFull  fetches the full module (the element's; a failure may be retried)
   */
  constructor(host, store, view, loadFull) {
    this.host = host;
    this.store = store;
    this.view = view;
    this.loadFull = loadFull;
    /** The engine answering: the first-answer module, then the full one. @type {Engine | null} */
    this.engine = null;
    /** Whether `engine` is the full module (the whole result), not only the answer at a glance. */
    this.whole = false;
    /** The full module on its way, or null (not asked yet, or failed). @type {Promise<void> | null} */
    this.fullRequest = null;
    /** Where the rest of the result stands while only the answer at a glance is shown.
     *  @type {'loading' | 'failed'} */
    this.rest = 'loading';
    /** The frame callback that runs coalesced work, 0 when none is queued. */
    this.frame = 0;
    /** Set by an edit answered at once, until the next frame: later edits of the frame wait for it. */
    this.answeredFrame = 0;
    /** @type {Work | null} */
    this.pendingWork = null;
    /** @type {ResizeObserver | null} */
    this.resizeObserver = null;
    /** @type {MediaQueryList | null} */
    this.densityQuery = null;
    this.onDensityChange = () => {
      this.densityQuery?.removeEventListener('change', this.onDensityChange);
      this.watchDensity();
      this.redrawCharts();
    };
    this.onBeforePrint = () => this.setPrinting(true);
    this.onAfterPrint = () => this.setPrinting(false);
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /** The first-answer module is there: the full form (the dataset's sectors and markets) and the
   *  answer at a glance. A page that needs what only the full module has (a dataset of its own)
   *  asks for it at once; otherwise it is fetched once the form and the answer are painted.
   *  @param {typeof import('../types/pkg-first/sme_export')} first */
  start(first) {
    // Until upgrade(), only what both modules have is called (glance, datasetInfo, amountEcho).
    const engine = /** @type {Engine} */ (/** @type {unknown} */ (first));
    this.engine = engine;
    this.view.engine = engine;
    this.rebuild();
    // The frame after this one has painted the form and, for a case already entered (a share
    // link, a reload), the answer at a glance: then the rest.
    if (this.needsFull()) this.requestFull();
    else requestAnimationFrame(() => setTimeout(() => this.requestFull()));
  }

  /** A dataset of the page's own (data-src, or dataset-key: one the page loaded itself) is in the
   *  full module only. */
  needsFull() {
    return !!(this.host.getAttribute('data-src') || this.host.getAttribute('dataset-key'));
  }

  /** Fetches the full module once (again after a failure: the retry). */
  requestFull() {
    if (this.whole || this.fullRequest) return;
    this.rest = 'loading';
    this.view.showRest('loading');
    this.fullRequest = this.loadFull().then(
      ({ engine, ui }) => this.upgrade(engine, ui),
      (e) => {
        console.error('sme-export: could not load the rest of the result', e);
        this.fullRequest = null;
        this.rest = 'failed';
        this.view.showRest('failed');
      },
    );
  }

  /** The full module is in: it answers from now on, and the whole result replaces the glance.
   *  @param {Engine} engine @param {FullUi} ui */
  upgrade(engine, ui) {
    const state = this.store.state;
    this.engine = engine;
    this.whole = true;
    this.view.engine = engine;
    this.view.full = ui;
    addStrings(ui.CARD_STRINGS);
    this.view.addPrintStyles(ui.PRINT_CSS);
    if (this.view.stylesheetLoaded && !this.view.chartOptions) ui.chartOptions(this.view);
    // dataset-key: a dataset the page already loaded with loadDataset(json, key) (the validator page's preview).
    if (!this.host.getAttribute('data-src')) state.datasetKey = this.host.getAttribute('dataset-key') || '';
    state.dataset = this.datasetInfo();
    if (this.host.getAttribute('data-src')) {
      this.recalculate();
      this.loadDataSource();
    } else if (state.datasetKey) this.rebuild();
    else this.recalculate();
  }

  /** Watches the widget's width, the pixel density and printing (again after a reconnection). */
  watch() {
    let width = 0;
    this.resizeObserver = new ResizeObserver(() => {
      const newWidth = this.view.wrap.clientWidth;
      if (newWidth !== width) {
        width = newWidth;
        this.redrawCharts();
      }
    });
    this.resizeObserver.observe(this.view.wrap);
    this.watchDensity();
    addEventListener('beforeprint', this.onBeforePrint);
    addEventListener('afterprint', this.onAfterPrint);
  }

  unwatch() {
    this.resizeObserver?.disconnect();
    this.densityQuery?.removeEventListener('change', this.onDensityChange);
    removeEventListener('beforeprint', this.onBeforePrint);
    removeEventListener('afterprint', this.onAfterPrint);
  }

  watchDensity() {
    this.densityQuery = matchMedia(`(resolution: ${devicePixelRatio || 1}dppx)`);
    this.densityQuery.addEventListener('change', this.onDensityChange);
  }

  /** The language, the heading level or the dataset changed: the whole widget again. */
  rebuild() {
    const state = this.store.state;
    state.lang = languageOf(this.host);
    state.dataset = this.datasetInfo();
    this.view.build(this);
    if (this.engine && state.dataset) {
      this.recalculate();
      this.host.style.minHeight = '';
    }
    this.view.restoreFocus();
  }

  /** @returns {import('./store.js').DatasetInfo | null} */
  datasetInfo() {
    if (!this.engine) return null;
    try {
      return this.engine.datasetInfo(this.store.state.lang, this.store.state.datasetKey);
    } catch (e) {
      console.error('sme-export: dataset', e);
      return null;
    }
  }

  /** An attribute the element observes changed.
   *  @param {string} name */
  attributeChanged(name) {
    if (!this.engine) {
      if (name === 'lang' || name === 'heading-level') this.rebuild();
      return;
    }
    if (name === 'data-src' || name === 'dataset-key') {
      if (this.whole) this.loadDataSource();
      else this.requestFull();
    } else this.rebuild();
  }

  loadDataSource() {
    return this.view.full?.loadDataSource(this);
  }

  // ---- the reader's edits -----------------------------------------------------------------

  /** @param {TextField} field @param {string} value */
  editText(field, value) {
    this.store.state.form[field] = value;
    this.store.state.touched.add(field);
    this.schedule('recalculate');
  }

  /** Leaving an amount field shows its problem even if nothing was typed.
   *  @param {import('./state.js').AmountField} field */
  leaveAmount(field) {
    if (this.store.state.touched.has(field)) return;
    this.store.state.touched.add(field);
    this.schedule('recalculate');
  }

  /** @param {boolean} on */
  setMedicalCorporation(on) {
    this.store.state.form.medicalCorporation = on;
    this.schedule('recalculate');
  }

  /** @param {Question} question @param {boolean | null} answer */
  answer(question, answer) {
    this.store.state.form.readiness[question] = answer;
    this.schedule('recalculate');
  }

  /** @param {boolean} open */
  toggleMore(open) {
    this.store.state.form.moreOpen = open;
    this.store.save();
  }

  /** A result disclosure opened or closed by the reader (printing opens them all, and is not the reader).
   *  @param {string} name @param {boolean} open */
  toggleDetails(name, open) {
    if (this.store.state.printing) return;
    if (open) this.store.state.openDetails.add(name);
    else this.store.state.openDetails.delete(name);
  }

  /** A market ticked or unticked in "compare markets": at most the last three ticked.
   *  @param {string} market @param {boolean} on */
  toggleCompared(market, on) {
    const state = this.store.state;
    state.comparedMarkets = on
      ? [...state.comparedMarkets, market].slice(-3)
      : state.comparedMarkets.filter((id) => id !== market);
    if (state.result) this.view.render(state.result);
    this.view.focusControl('cmp-' + market);
  }

  // ---- the work -----------------------------------------------------------------------------

  /** The first edit of a frame is answered at once, in the input event, so the next frame shows it
   *  (waiting for an animation frame first put the work after that frame's start: measured, the
   *  keystroke p95 was the wait plus the work); further edits and redraws before that frame are
   *  coalesced into one animation-frame callback.
   *  @param {Work} work */
  schedule(work) {
    if (work === 'recalculate' && !this.frame && !this.answeredFrame && this.engine && this.view.built) {
      this.answeredFrame = requestAnimationFrame(() => {
        this.answeredFrame = 0;
      });
      this.recalculate();
      return;
    }
    this.pendingWork = this.pendingWork === 'recalculate' ? 'recalculate' : work;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      const pending = this.pendingWork;
      this.frame = 0;
      this.pendingWork = null;
      if (!this.engine || !this.view.built) return;
      if (pending === 'recalculate') this.recalculate();
      else if (this.view.chartsStale) this.view.drawCharts();
    });
  }

  /** The size, density or colours changed: the charts again, in the next frame. */
  redrawCharts() {
    this.view.chartsChanged();
    this.schedule('redraw');
  }

  /** The engine's input for the form as it is.
   *  @returns {EstimateInput} */
  input() {
    const state = this.store.state,
      form = state.form;
    /** @type {EstimateInput['readiness']} */
    const readiness = {};
    for (const question of QUESTIONS) {
      const answer = form.readiness[question];
      if (answer === true || answer === false) readiness[question] = answer;
    }
    /** @type {EstimateInput} */
    const input = {
      revenueKrw: form.revenueKrw,
      sector: form.sector,
      market: form.market,
      currentExportsKrw: form.currentExportsKrw,
      exportsToMarketKrw: form.exportsToMarketKrw,
      totalAssetsKrw: form.totalAssetsKrw,
      readiness,
      lang: state.lang,
      today: todayIso(),
    };
    if (form.medicalCorporation) input.medicalCorporation = true;
    if (state.datasetKey) input.dataset = state.datasetKey;
    return input;
  }

  /** The form's input through the engine: echoes, problems and, when valid, the result. */
  recalculate() {
    const engine = this.engine,
      state = this.store.state,
      input = this.input();
    this.store.save();
    state.echoes = {};
    for (const field of AMOUNTS) {
      const typed = String(state.form[field] || '').trim();
      if (!typed) continue;
      try {
        state.echoes[field] = engine.amountEcho(typed, state.lang, state.datasetKey);
      } catch {
        /* shown as a problem */
      }
    }
    state.problems = [];
    if (!this.whole) return this.recalculateGlance(input);
    /** @type {import('./store.js').Estimate | null} */
    let result = null;
    try {
      result = engine.estimate(input);
    } catch (e) {
      if (Array.isArray(e?.errors)) state.problems = e.errors;
      else console.error('sme-export:', e);
    }
    this.view.showForm();
    if (result) {
      state.result = result;
      state.resultInput = input;
      this.view.showResult(result);
      this.host.dispatchEvent(new CustomEvent('sme-export:result', { detail: result, bubbles: true, composed: true }));
      this.view.announce(result.texts.announcement);
    } else if (state.result) {
      this.view.showStale();
    }
  }

  /** Before the full module: the answer at a glance alone, from the first-answer module.
   *  @param {EstimateInput} input */
  recalculateGlance(input) {
    const state = this.store.state;
    /** @type {import('../types/result').GlanceAnswer | null} */
    let answer = null;
    try {
      answer = this.engine.glance(input);
    } catch (e) {
      if (Array.isArray(e?.errors)) state.problems = e.errors;
      else console.error('sme-export:', e);
    }
    this.view.showForm();
    if (!answer) {
      if (this.view.body.querySelector('.glance')) this.view.showStale();
      return;
    }
    this.view.showGlance(answer, this.rest);
    this.view.announce(answer.announcement);
  }

  // ---- the buttons and printing ---------------------------------------------------------------

  async copyLink() {
    const url = shareUrl(this.store.state.form, this.host.id);
    try {
      await navigator.clipboard.writeText(url);
      this.view.showLinkCopied();
    } catch {
      this.view.showLinkToCopy(url);
    }
  }

  print() {
    /** @type {any} */ (this.host.constructor).printing = this.host;
    print();
  }

  downloadCsv() {
    this.view.full?.downloadCsv(this.view, this.store.state);
  }

  downloadTrace() {
    this.view.full?.downloadTrace(this.view, this.store.state);
  }

  /** Print shows every table: open all result disclosures, then restore what the reader had open.
   *  @param {boolean} on */
  setPrinting(on) {
    // Before the full module, the page prints what it shows (the answer at a glance).
    this.view.full?.printPage(this.host, on);
    this.store.state.printing = on;
    this.view.chartOptions = null;
    this.view.openDetailsForPrint(on);
    this.view.drawCharts();
  }
}

/** The page's language from the element's lang attribute: English when it says so, else Korean.
 *  @param {HTMLElement} host
 *  @returns {import('../types/result').Lang} */
export function languageOf(host) {
  return /^en\b/i.test(host.getAttribute('lang') || '') ? 'en' : 'ko';
}
