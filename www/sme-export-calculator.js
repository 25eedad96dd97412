// <sme-export-calculator lang="ko|en">: medical-export potential calculator for Korean SMEs.
// Everything is computed in this browser by the Wasm engine (./pkg/sme_export.js); nothing typed
// is sent anywhere. DOM is built with createElement/textContent only (CSP-safe: no inline style,
// no inline handlers, no innerHTML).
//
// This file is the element (lifecycle, form, update loop); its concerns live in ./calculator/:
// strings.js (UI chrome in two languages), state.js (form state, share link, storage), dom.js
// (DOM and number helpers), render.js (the result cards), charts.js, csv.js (CSV and the JSON
// calculation trace), compare.js (markets side by side), print.js (the printed report), data-src.js
// (dataset fetch). scripts/build.sh bundles them with esbuild into one dist/sme-export-calculator.js, so hosts
// keep one script URL; the engine (./pkg/) stays a separate module next to it.

import { text } from './calculator/strings.js';
import { h, todayIso } from './calculator/dom.js';
import { AMOUNTS, QS, blank, toParams, fromParams, hashParams, shareUrl } from './calculator/state.js';
import { render } from './calculator/render.js';
import { drawCharts, chartOptions } from './calculator/charts.js';
import { downloadCsv, downloadTrace } from './calculator/csv.js';
import { printPage } from './calculator/print.js';
import { loadSrc } from './calculator/data-src.js';

const CSS_URL = new URL('./sme-export-calculator.css', import.meta.url).href;
const WASM_URL = new URL('./pkg/sme_export_bg.wasm', import.meta.url);
const TAG = 'sme-export-calculator';

// The engine, started once for every element as soon as this module runs, in parallel: the .wasm
// is fetched and compiled while the glue (./pkg/sme_export.js) and the stylesheet arrive, instead
// of after the glue has run (measured: one round trip and the glue's transfer less on the chain;
// docs/BENCHMARK.md). The glue's init awaits the compiled module it is given, so it is called as
// soon as the glue is there. compileStreaming gets the fetch's promise itself: no step of this
// script between the response and the compile (from a .then, the compile was called 230 ms after
// the response headers on loopback under load, in the 10:00Z waterfall). Compiled once per page: a page that
// compiled it first (the validator, dataset.js) leaves the promise under the same global key. A
// server that does not say application/wasm makes compileStreaming fail; then the bytes are
// fetched again (from the HTTP cache, normally) and compiled whole, as the glue would do.
const compiled = (globalThis[Symbol.for('sme-export:wasm')] ||= WebAssembly.compileStreaming(fetch(WASM_URL)).catch(
  () =>
    fetch(WASM_URL)
      .then((res) => res.arrayBuffer())
      .then((b) => WebAssembly.compile(b)),
));
const engine = import('./pkg/sme_export.js').then(async (m) => {
  await m.default({ module_or_path: compiled });
  return m;
});
engine.catch(() => {}); // each element reports a failure itself
compiled.catch(() => {});

class SmeExportCalculator extends HTMLElement {
  /** The widget whose print button was pressed: the one print.js prints. @type {SmeExportCalculator | null} */
  static printing = null;
  /** The notice of a dataset not used; kept across builds. @type {HTMLElement | undefined} */
  dsNote;
  static get observedAttributes() {
    return ['lang', 'data-src', 'heading-level', 'dataset-key'];
  }

  /** @returns {import('./types/result').Lang} */
  get L() {
    return /^en\b/i.test(this.getAttribute('lang') || '') ? 'en' : 'ko';
  }

  t(k, vars) {
    return text(this.L, k, vars);
  }

  hx(make, d, text, attrs) {
    const n = Math.max(1, Math.min(9, (parseInt(this.getAttribute('heading-level'), 10) || 2) + d));
    return n <= 6 ? make('h' + n, attrs, text) : make('div', { role: 'heading', 'aria-level': n, ...attrs }, text);
  }

  connectedCallback() {
    if (this.root) {
      this.observe();
      return;
    }
    if (!this.hidden) this.style.display = 'flow-root'; // a box before the CSS loads; flow-root: it wraps the floated .w
    this.style.minHeight =
      ((this.parentElement && this.parentElement.clientWidth) || innerWidth) < 640 ? '1200px' : '900px';
    this.root = this.attachShadow({ mode: 'open' });
    this.wrap = h('div', { class: 'w', lang: this.L });
    this.wrap.style.visibility = 'hidden';
    const show = () => {
      this.wrap.style.visibility = '';
    };
    // With the stylesheet in, the chart colours and font are read from it now (one style pass over
    // the form), so the first result does not force that pass over the freshly inserted results.
    const loaded = () => {
      this.cssIn = true;
      show();
      if (!this.chartOpts) chartOptions(this);
    };
    this.root.append(h('link', { rel: 'stylesheet', href: CSS_URL, onload: loaded, onerror: show }), this.wrap);
    setTimeout(show, 3000);
    this.touched = {};
    this.opened = new Set();
    this.key = '';
    const all = [...document.querySelectorAll(TAG)];
    this.storeKey = 'sme-export:' + (this.id || all.indexOf(this));
    // The form is shown at once from the element's own strings; the engine fills the sector and
    // market lists and the results when it arrives (start()).
    this.initState();
    this.build();
    // Before the first result the colours are read again at once (a style pass over the form only).
    this.onRedraw = () => {
      this.chartOpts = null;
      this.chartsStale = true;
      if (this.cssIn && !this.last) chartOptions(this);
      this.schedule('charts');
    };
    // Print shows every table: open all result <details>, then restore what the user had open.
    const pr = (on) => () => {
      printPage(this, on);
      this.printing = on;
      this.chartOpts = null;
      this.wrap.querySelectorAll('.r details[data-n]').forEach((d) => {
        d.open = on || this.opened.has(d.dataset.n);
      });
      this.drawCharts();
    };
    this.onBeforePrint = pr(true);
    this.onAfterPrint = pr(false);
    engine.then(
      (m) => {
        this.m = m;
        this.start();
      },
      (e) => {
        console.error('sme-export: could not load the engine', e);
        this.wrap.replaceChildren(h('p', { class: 'msg err', role: 'alert' }, this.t('loadFail')));
        this.style.minHeight = '';
      },
    );
    this.observe();
  }

  disconnectedCallback() {
    this.ro?.disconnect();
    this.mq?.removeEventListener('change', this.onDpr);
    removeEventListener('beforeprint', this.onBeforePrint);
    removeEventListener('afterprint', this.onAfterPrint);
  }

  attributeChangedCallback(name, old, val) {
    if (old === val || !this.root) return;
    if (!this.m) {
      if (name === 'lang' || name === 'heading-level') this.build();
      return;
    }
    if (name === 'data-src' || name === 'dataset-key') this.loadSrc();
    else this.build();
  }

  observe() {
    let w = 0;
    this.ro = new ResizeObserver(() => {
      const nw = this.wrap.clientWidth;
      if (nw !== w) {
        w = nw;
        this.onRedraw();
      }
    });
    this.ro.observe(this.wrap);
    this.onDpr = () => {
      this.mq?.removeEventListener('change', this.onDpr);
      this.watchDpr();
      this.onRedraw();
    };
    this.watchDpr();
    addEventListener('beforeprint', this.onBeforePrint);
    addEventListener('afterprint', this.onAfterPrint);
  }

  watchDpr() {
    this.mq = matchMedia(`(resolution: ${devicePixelRatio || 1}dppx)`);
    this.mq.addEventListener('change', this.onDpr);
  }

  /** The form's state from the share link or this tab's storage (no engine needed). */

  initState() {
    let st = null,
      applied = '';
    const hp = hashParams();
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(this.storeKey) || 'null');
    } catch {
      /* storage blocked */
    }
    if (hp) {
      const all = [...document.querySelectorAll(TAG)],
        id = hp.get('id');
      const target = id ? all.find((e) => e.id === id) : all[0];
      if (target === this && !(saved && saved.h === location.hash)) {
        st = fromParams(hp);
        applied = location.hash;
      }
    }
    if (!st && saved && typeof saved.p === 'string') {
      st = fromParams(new URLSearchParams(saved.p));
      applied = saved.h || '';
    }
    this.st = st || blank();
    this.applied = applied;
    for (const k of AMOUNTS) if (this.st[k]) this.touched[k] = true;
  }

  /** The engine is there: the full form (the dataset's sectors and markets) and the first result. */

  start() {
    // dataset-key: a dataset the page already loaded with loadDataset(json, key) (the validator page's preview).
    if (!this.getAttribute('data-src')) this.key = this.getAttribute('dataset-key') || '';
    this.build();
    if (this.getAttribute('data-src')) this.loadSrc();
  }

  info() {
    if (!this.m) return (this.ds = null);
    try {
      this.ds = this.m.datasetInfo(this.L, this.key);
    } catch (e) {
      console.error('sme-export: dataset', e);
      this.ds = null;
    }
    return this.ds;
  }

  /** (Re)builds the whole widget from the state: on start, language change and dataset change. */

  build() {
    if (this.chartOpts?.lang !== this.L) this.chartOpts = null;
    this.kept = {};
    this.cvP = this.cvR = null;
    const ds = this.info(),
      m = this.m;
    this.wrap.lang = this.L;
    if (m && !ds) {
      this.wrap.replaceChildren(h('p', { class: 'msg err', role: 'alert' }, this.t('loadFail')));
      return;
    }
    const st = this.st,
      act = /** @type {HTMLInputElement | null} */ (this.root.activeElement),
      focusKey = act?.dataset?.k,
      sel = act && act.type === 'text' ? [act.selectionStart, act.selectionEnd] : null;
    if (ds) {
      const sectors = ds.sectors.map((s) => s.id),
        markets = ds.markets.map((x) => x.id);
      if (!sectors.includes(st.sector))
        st.sector = sectors.includes(this.getAttribute('sector')) ? this.getAttribute('sector') : '';
      if (!markets.includes(st.market))
        st.market = markets.includes(this.getAttribute('market')) ? this.getAttribute('market') : markets[0] || '';
    }

    const f = (this.fields = {});
    const field = (k, control, hint) => {
      const errId = 'e-' + k,
        hintId = 'h-' + k;
      f[k] = {
        control,
        err: h('p', { id: errId, class: 'err', hidden: true }),
        echo: AMOUNTS.includes(k) ? h('p', { id: 'x-' + k, class: 'echo' }) : null,
      };
      control.id = 'f-' + k;
      control.dataset.k = k;
      const desc = [hint && hintId, f[k].echo && 'x-' + k].filter(Boolean).join(' ');
      if (desc) control.setAttribute('aria-describedby', desc);
      return h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-' + k }, this.t(k)),
        hint && h('p', { id: hintId, class: 'hint' }, hint),
        control,
        f[k].echo,
        f[k].err,
      );
    };
    const onInput = (k) => (e) => {
      st[k] = e.target.value;
      this.touched[k] = true;
      this.schedule();
    };
    const amount = (k) =>
      field(
        k,
        h('input', {
          type: 'text',
          inputmode: 'text',
          autocomplete: 'off',
          spellcheck: 'false',
          value: st[k],
          oninput: onInput(k),
          onblur: () => {
            if (!this.touched[k]) {
              this.touched[k] = true;
              this.schedule();
            }
          },
        }),
        this.t('amountHint'),
      );

    // Before the engine: the lists are empty and disabled (their options come from the dataset).
    const dl = ds || { sectors: [], markets: [], regions: [] };
    const secSel = h(
      'select',
      { onchange: onInput('sector'), disabled: !ds },
      h('option', { value: '' }, this.t('choose')),
      dl.sectors.map((s) => h('option', { value: s.id }, s.name)),
    );
    secSel.value = st.sector;
    const groups = dl.regions.map((r) => [r.name, dl.markets.filter((x) => x.region === r.id)]);
    const rest = dl.markets.filter((x) => !dl.regions.some((r) => r.id === x.region));
    if (rest.length) groups.push([this.t('other'), rest]);
    const mktSel = h(
      'select',
      { onchange: onInput('market'), disabled: !ds },
      groups
        .filter((g) => g[1].length)
        .map(([name, list]) =>
          h(
            'optgroup',
            { label: name },
            list.map((x) => h('option', { value: x.id }, x.name)),
          ),
        ),
    );
    mktSel.value = st.market;

    const radios = QS.map((q) => {
      const cur = st.q[q] === true ? 'y' : st.q[q] === false ? 'n' : 'u';
      return h(
        'fieldset',
        { class: 'q' },
        h('legend', null, this.t(q)),
        h(
          'div',
          { class: 'opts' },
          [
            ['y', 'yes'],
            ['n', 'no'],
            ['u', 'unk'],
          ].map(([v, lab]) =>
            h(
              'label',
              { class: 'opt' },
              h('input', {
                type: 'radio',
                name: 'q-' + q,
                value: v,
                checked: v === cur,
                'data-k': 'q-' + q + v,
                onchange: () => {
                  st.q[q] = v === 'y' ? true : v === 'n' ? false : null;
                  this.schedule();
                },
              }),
              ' ',
              this.t(lab),
            ),
          ),
        ),
      );
    });
    const more = h(
      'details',
      {
        class: 'more',
        open: st.open,
        ontoggle: (e) => {
          st.open = e.target.open;
          this.save();
        },
      },
      h('summary', null, this.t('more')),
      h(
        'div',
        { class: 'more-body' },
        h('p', { class: 'hint' }, this.t('moreHint')),
        AMOUNTS.slice(1).map(amount),
        h(
          'div',
          { class: 'field check' },
          h(
            'label',
            { class: 'opt' },
            h('input', {
              type: 'checkbox',
              id: 'f-mc',
              'data-k': 'mc',
              checked: st.mc,
              'aria-describedby': 'h-mc',
              onchange: (e) => {
                st.mc = e.target.checked;
                this.schedule();
              },
            }),
            ' ',
            this.t('medCorp'),
          ),
          h('p', { id: 'h-mc', class: 'hint' }, this.t('medCorpHint')),
        ),
        h('fieldset', { class: 'ready' }, h('legend', null, this.t('readinessH')), radios),
      ),
    );

    this.form = h(
      'form',
      {
        class: 'form',
        novalidate: true,
        'aria-labelledby': 'inH',
        'aria-busy': m ? null : 'true',
        onsubmit: (e) => e.preventDefault(),
      },
      this.hx(h, 0, this.t('inputH'), { id: 'inH' }),
      h('p', { class: 'privacy' }, this.t('privacy')),
      amount('revenueKrw'),
      field('sector', secSel),
      field('market', mktSel),
      more,
    );

    this.note = h('p', { class: 'stale-note', hidden: true }, this.t('stale'));
    this.share = h('div', { class: 'share', hidden: true });
    this.actions = h(
      'div',
      { class: 'actions', hidden: true },
      h('button', { type: 'button', class: 'btn', onclick: () => this.copyLink() }, this.t('copy')),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          onclick: () => {
            SmeExportCalculator.printing = this;
            print();
          },
        },
        this.t('print'),
      ),
      h('button', { type: 'button', class: 'btn', onclick: () => this.downloadCsv() }, this.t('csv')),
      h('button', { type: 'button', class: 'btn', onclick: () => this.downloadTrace() }, this.t('json')),
    );
    this.body = h(
      'div',
      { class: 'body' },
      m
        ? h('p', { class: 'placeholder' }, this.t('placeholder'))
        : h('p', { class: 'loading', role: 'status' }, this.t('loading')),
    );
    this.results = h(
      'section',
      { class: 'r', 'aria-labelledby': 'rH' },
      this.hx(h, 0, this.t('resultsH'), { id: 'rH' }),
      this.actions,
      this.share,
      this.note,
      this.body,
    );
    this.live = h('div', { class: 'sr', 'aria-live': 'polite', role: 'status' });
    this.dsNote ||= h('p', { class: 'msg warn', role: 'status', hidden: true });
    // The dataset's version, date and rate: set once per build (per keystroke, the same text replaced its node).
    this.foot = h(
      'p',
      { class: 'foot' },
      ds && this.t('footer', { v: ds.version, d: ds.figuresAsOf, r: ds.krwPerUsdDisplay }),
    );
    this.wrap.replaceChildren(this.dsNote, h('div', { class: 'grid' }, this.form, this.results), this.foot, this.live);
    this.last = null;
    if (m) {
      this.update();
      this.style.minHeight = '';
    }
    const el = /** @type {HTMLInputElement | null} */ (
      focusKey && this.root.querySelector(`[data-k="${CSS.escape(focusKey)}"]`)
    );
    if (el) {
      el.focus();
      if (sel) el.setSelectionRange(sel[0], sel[1]);
    }
  }

  /** 'u' = recalculate, 'charts' = redraw only. The first edit of a frame is answered at once, in
   *  the input event, so the next frame shows it (waiting for an animation frame first put the
   *  work after that frame's start: measured, the keystroke p95 was the wait plus the work);
   *  further edits and redraws before that frame are coalesced into one animation-frame callback. */

  schedule(what = 'u') {
    if (what === 'u' && !this.raf && !this.answered && this.m && this.fields) {
      this.answered = requestAnimationFrame(() => {
        this.answered = 0;
      });
      this.update();
      return;
    }
    this.pending = this.pending === 'u' ? 'u' : what;
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      const w = this.pending;
      this.raf = 0;
      this.pending = null;
      if (!this.m || !this.fields) return;
      if (w === 'u') this.update();
      else if (this.chartsStale) this.drawCharts();
    });
  }

  input() {
    const st = this.st,
      q = {};
    for (const k of QS) if (st.q[k] === true || st.q[k] === false) q[k] = st.q[k];
    const i = {
      revenueKrw: st.revenueKrw,
      sector: st.sector,
      market: st.market,
      currentExportsKrw: st.currentExportsKrw,
      exportsToMarketKrw: st.exportsToMarketKrw,
      totalAssetsKrw: st.totalAssetsKrw,
      readiness: q,
      lang: this.L,
      today: todayIso(),
    };
    if (st.mc) i.medicalCorporation = true;
    if (this.key) i.dataset = this.key;
    return i;
  }

  save() {
    try {
      sessionStorage.setItem(this.storeKey, JSON.stringify({ p: toParams(this.st).toString(), h: this.applied }));
    } catch {
      /* storage blocked */
    }
  }

  update() {
    const m = this.m,
      L = this.L,
      input = this.input();
    this.save();
    for (const k of AMOUNTS) {
      const echo = this.fields[k].echo,
        txt = String(this.st[k] || '').trim();
      let s = '';
      if (txt) {
        try {
          s = m.amountEcho(txt, L, this.key);
        } catch {
          /* shown as an error */
        }
      }
      echo.textContent = s;
      echo.hidden = !s;
    }
    /** @type {import('./types/result').Estimate | null} */
    let r = null;
    let errs = [];
    try {
      r = m.estimate(input);
    } catch (e) {
      if (!Array.isArray(e?.errors)) {
        console.error('sme-export:', e);
        errs = [];
      } else errs = e.errors;
    }
    for (const k in this.fields) {
      const fl = this.fields[k],
        er = errs.find((x) => x.field === k);
      const show = er && (this.touched[k] || String(this.st[k] || '').trim() !== '');
      fl.err.textContent = show ? er.message : '';
      fl.err.hidden = !show;
      const c = fl.control,
        ids = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== fl.err.id);
      if (show) {
        c.setAttribute('aria-invalid', 'true');
        ids.push(fl.err.id);
      } else c.removeAttribute('aria-invalid');
      if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
      else c.removeAttribute('aria-describedby');
    }
    if (r) {
      this.last = r;
      this.lastInput = input;
      this.note.hidden = true;
      this.body.classList.remove('stale');
      this.actions.hidden = false;
      this.render(r);
      this.dispatchEvent(new CustomEvent('sme-export:result', { detail: r, bubbles: true, composed: true }));
      this.announce(r.texts.announcement);
    } else if (this.last) {
      this.note.hidden = false;
      this.body.classList.add('stale');
      const shown = errs.find((x) => this.fields[x.field] && !this.fields[x.field].err.hidden);
      if (shown) this.announce(shown.message);
    }
  }

  announce(text) {
    clearTimeout(this.liveT);
    this.liveT = setTimeout(() => {
      this.live.textContent = text;
    }, 500);
  }

  render(r) {
    render(this, r);
  }
  drawCharts() {
    drawCharts(this);
  }
  shareUrl() {
    return shareUrl(this.st, this.id);
  }

  async copyLink() {
    const url = this.shareUrl();
    try {
      await navigator.clipboard.writeText(url);
      this.share.replaceChildren(h('p', { class: 'msg ok', role: 'status' }, this.t('copied')));
    } catch {
      const inp = h('input', {
        type: 'text',
        readonly: true,
        id: 'share-url',
        value: url,
        onfocus: (e) => e.target.select(),
      });
      this.share.replaceChildren(
        h('p', { class: 'msg', role: 'status' }, this.t('copyManual')),
        h('label', { for: 'share-url', class: 'sr' }, this.t('linkLabel')),
        inp,
      );
      this.share.hidden = false;
      inp.focus();
    }
    this.share.hidden = false;
  }

  downloadCsv() {
    downloadCsv(this);
  }
  downloadTrace() {
    downloadTrace(this);
  }
  loadSrc() {
    return loadSrc(this);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, SmeExportCalculator);
