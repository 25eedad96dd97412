// The view: the widget's DOM, rendered from the store's state. It owns its nodes (the form, the
// result frame, the canvases) and what it keeps to draw little per keystroke (cards built for the
// same data, chart colours read from the CSS); it changes no state, and hands every event of the
// reader to the controller.

import { text as stringFor } from './strings.js';
import { h } from './dom.js';
import { AMOUNTS, QUESTIONS } from './state.js';
import { renderGlance, showRest } from './glance.js';

/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./store.js').State} State */
/** @typedef {import('./store.js').Estimate} Estimate */
/** @typedef {import('./controller.js').Controller} Controller */
/** @typedef {import('./controller.js').Engine} Engine */
/** @typedef {import('./state.js').TextField} TextField */
/** @typedef {import('./charts.js').ChartOptions} ChartOptions */
/** @typedef {typeof import('./full.js')} FullUi */
/** @typedef {import('../types/result').GlanceAnswer} GlanceAnswer */

/**
 * A field of the form: its control, where the engine's echo of an amount goes, and its problem.
 * @typedef {Object} FieldNodes
 * @property {HTMLInputElement | HTMLSelectElement} control
 * @property {HTMLElement} problem
 * @property {HTMLElement | null} echo
 */

/** The three answers of a readiness question: the value the radio carries, the word, the answer. */
const ANSWERS = /** @type {const} */ ([
  ['y', 'yes', true],
  ['n', 'no', false],
  ['u', 'unk', null],
]);

export class View {
  /**
   * @param {HTMLElement} host  the custom element
   * @param {ShadowRoot} root  its shadow root
   * @param {HTMLElement} wrap  the widget's box in the shadow root
   * @param {Store} store
   */
  constructor(host, root, wrap, store) {
    this.host = host;
    this.root = root;
    this.wrap = wrap;
    this.store = store;
    /** @type {State} */
    this.state = store.state;
    /** The engine, for what the cards ask it (comparison, charts, amounts as typed).
     *  @type {Engine | null} */
    this.engine = null;
    /** The cards, charts, CSV and printing (./full.js), once the full module is in.
     *  @type {FullUi | null} */
    this.full = null;
    /** Where the reader's events go; set by build(). @type {Controller | null} */
    this.controller = null;
    /** Whether the form has been built (the controller waits for it). */
    this.built = false;
    /** @type {Partial<Record<TextField, FieldNodes>>} */
    this.fields = {};
    /** The notice of a data-src not used; kept across builds. */
    this.datasetNotice = h('p', { class: 'msg warn', role: 'status', hidden: true });
    this.form = h('form');
    this.staleNote = h('p');
    this.share = h('div');
    this.actions = h('div');
    this.body = h('div');
    this.live = h('div');
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.announceTimer = undefined;
    // Drawing: the canvases live as long as a build (a new canvas per keystroke meant a new backing store).
    /** @type {HTMLCanvasElement | null} */
    this.potentialCanvas = null;
    /** @type {HTMLCanvasElement | null} */
    this.rankingCanvas = null;
    /** Chart colours, font and density, read from the CSS once per build, resize or print.
     *  @type {ChartOptions | null} */
    this.chartOptions = null;
    /** Whether the charts need drawing again (a resize, a density change) though the result is the same. */
    this.chartsStale = false;
    /** @type {Estimate | null} */
    this.chartsDrawnFor = null;
    /** A span whose computed colour resolves a theme colour to rgb(). @type {HTMLElement | null} */
    this.colourProbe = null;
    /** Whether the stylesheet has loaded (the chart colours can be read). */
    this.stylesheetLoaded = false;
    /** Cards built for the same data as last time, by name; reset by build().
     *  @type {Record<string, {key: string, node: Element}>} */
    this.keptCards = {};
    /** What had the focus before a build, to give it back. @type {{key: string, selection: number[] | null} | null} */
    this.focusBefore = null;
  }

  /** A string of the widget's own words in the page's language.
   *  @param {string} key @param {Record<string, string | number>} [vars] */
  text(key, vars) {
    return stringFor(this.state.lang, key, vars);
  }

  /** A heading `depth` levels below the host's heading-level attribute (2 by default); past h6 a
   *  div with role heading.
   *  @template T
   *  @param {(tag: string, attrs?: object | null, ...kids: any[]) => T} make  h (DOM) or v (description)
   *  @param {number} depth @param {string} content @param {object} [attrs] */
  heading(make, depth, content, attrs) {
    const level = Math.max(1, Math.min(9, (parseInt(this.host.getAttribute('heading-level'), 10) || 2) + depth));
    return level <= 6
      ? make('h' + level, attrs, content)
      : make('div', { role: 'heading', 'aria-level': level, ...attrs }, content);
  }

  /** The engine could not be loaded or started. */
  showEngineFailure() {
    this.wrap.replaceChildren(h('p', { class: 'msg err', role: 'alert' }, this.text('loadFail')));
  }

  /** (Re)builds the whole widget from the state: on start, language change and dataset change.
   *  @param {Controller} controller */
  build(controller) {
    const state = this.state,
      form = state.form,
      dataset = state.dataset,
      engine = controller.engine;
    this.controller = controller;
    if (this.chartOptions?.lang !== state.lang) this.chartOptions = null;
    this.keptCards = {};
    this.potentialCanvas = this.rankingCanvas = null;
    this.wrap.lang = state.lang;
    if (engine && !dataset) {
      this.showEngineFailure();
      return;
    }
    state.result = null;
    const active = /** @type {HTMLInputElement | null} */ (this.root.activeElement);
    this.focusBefore = active?.dataset?.k
      ? {
          key: active.dataset.k,
          selection: active.type === 'text' ? [active.selectionStart, active.selectionEnd] : null,
        }
      : null;
    if (dataset) {
      const sectors = dataset.sectors.map((sector) => sector.id),
        markets = dataset.markets.map((market) => market.id);
      const sectorAttribute = this.host.getAttribute('sector'),
        marketAttribute = this.host.getAttribute('market');
      if (!sectors.includes(form.sector)) form.sector = sectors.includes(sectorAttribute) ? sectorAttribute : '';
      if (!markets.includes(form.market)) {
        form.market = markets.includes(marketAttribute) ? marketAttribute : markets[0] || '';
      }
    }

    this.fields = {};
    /** @param {TextField} key @param {HTMLInputElement | HTMLSelectElement} control @param {string} [hint] */
    const field = (key, control, hint) => {
      const hintId = 'h-' + key;
      const nodes = {
        control,
        problem: h('p', { id: 'e-' + key, class: 'err', hidden: true }),
        echo: AMOUNTS.includes(/** @type {any} */ (key)) ? h('p', { id: 'x-' + key, class: 'echo' }) : null,
      };
      this.fields[key] = nodes;
      control.id = 'f-' + key;
      control.dataset.k = key;
      const describedBy = [hint && hintId, nodes.echo && 'x-' + key].filter(Boolean).join(' ');
      if (describedBy) control.setAttribute('aria-describedby', describedBy);
      return h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-' + key }, this.text(key)),
        hint && h('p', { id: hintId, class: 'hint' }, hint),
        control,
        nodes.echo,
        nodes.problem,
      );
    };
    /** @param {TextField} key */
    const onEdit = (key) => (/** @type {Event} */ event) => {
      controller.editText(key, /** @type {HTMLInputElement} */ (event.target).value);
    };
    /** @param {import('./state.js').AmountField} key */
    const amount = (key) =>
      field(
        key,
        /** @type {HTMLInputElement} */ (
          h('input', {
            type: 'text',
            inputmode: 'text',
            autocomplete: 'off',
            spellcheck: 'false',
            value: form[key],
            oninput: onEdit(key),
            onblur: () => controller.leaveAmount(key),
          })
        ),
        this.text('amountHint'),
      );

    // Before the engine: the lists are empty and disabled (their options come from the dataset).
    const lists = dataset || { sectors: [], markets: [], regions: [] };
    const sectorSelect = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { onchange: onEdit('sector'), disabled: !dataset },
        h('option', { value: '' }, this.text('choose')),
        lists.sectors.map((sector) => h('option', { value: sector.id }, sector.name)),
      )
    );
    sectorSelect.value = form.sector;
    /** @type {[string, import('../types/pkg/sme_export').Named[]][]} */
    const groups = lists.regions.map(
      (region) =>
        /** @type {[string, import('../types/pkg/sme_export').Named[]]} */ ([
          region.name,
          lists.markets.filter((market) => market.region === region.id),
        ]),
    );
    const elsewhere = lists.markets.filter((market) => !lists.regions.some((region) => region.id === market.region));
    if (elsewhere.length) groups.push([this.text('other'), elsewhere]);
    const marketSelect = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { onchange: onEdit('market'), disabled: !dataset },
        groups
          .filter(([, markets]) => markets.length)
          .map(([name, markets]) =>
            h(
              'optgroup',
              { label: name },
              markets.map((market) => h('option', { value: market.id }, market.name)),
            ),
          ),
      )
    );
    marketSelect.value = form.market;

    const questions = QUESTIONS.map((question) => {
      const current = form.readiness[question] ?? null;
      return h(
        'fieldset',
        { class: 'q' },
        h('legend', null, this.text(question)),
        h(
          'div',
          { class: 'opts' },
          ANSWERS.map(([value, word, answer]) =>
            h(
              'label',
              { class: 'opt' },
              h('input', {
                type: 'radio',
                name: 'q-' + question,
                value,
                checked: answer === current,
                'data-k': 'q-' + question + value,
                onchange: () => controller.answer(question, answer),
              }),
              ' ',
              this.text(word),
            ),
          ),
        ),
      );
    });
    const more = h(
      'details',
      {
        class: 'more',
        open: form.moreOpen,
        ontoggle: (/** @type {Event} */ event) => {
          controller.toggleMore(/** @type {HTMLDetailsElement} */ (event.target).open);
        },
      },
      h('summary', null, this.text('more')),
      h(
        'div',
        { class: 'more-body' },
        h('p', { class: 'hint' }, this.text('moreHint')),
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
              checked: form.medicalCorporation,
              'aria-describedby': 'h-mc',
              onchange: (/** @type {Event} */ event) => {
                controller.setMedicalCorporation(/** @type {HTMLInputElement} */ (event.target).checked);
              },
            }),
            ' ',
            this.text('medCorp'),
          ),
          h('p', { id: 'h-mc', class: 'hint' }, this.text('medCorpHint')),
        ),
        h('fieldset', { class: 'ready' }, h('legend', null, this.text('readinessH')), questions),
      ),
    );

    this.form = h(
      'form',
      {
        class: 'form',
        novalidate: true,
        'aria-labelledby': 'inH',
        'aria-busy': engine ? null : 'true',
        onsubmit: (/** @type {Event} */ event) => event.preventDefault(),
      },
      this.heading(h, 0, this.text('inputH'), { id: 'inH' }),
      h('p', { class: 'privacy' }, this.text('privacy')),
      amount('revenueKrw'),
      field('sector', sectorSelect),
      field('market', marketSelect),
      more,
    );

    this.staleNote = h('p', { class: 'stale-note', hidden: true }, this.text('stale'));
    this.share = h('div', { class: 'share', hidden: true });
    /** @param {string} word @param {() => void} action */
    const button = (word, action) => h('button', { type: 'button', class: 'btn', onclick: action }, this.text(word));
    this.actions = h(
      'div',
      { class: 'actions', hidden: true },
      button('copy', () => controller.copyLink()),
      button('print', () => controller.print()),
      button('csv', () => controller.downloadCsv()),
      button('json', () => controller.downloadTrace()),
    );
    this.body = h(
      'div',
      { class: 'body' },
      engine
        ? h('p', { class: 'placeholder' }, this.text('placeholder'))
        : h('p', { class: 'loading', role: 'status' }, this.text('loading')),
    );
    const results = h(
      'section',
      { class: 'r', 'aria-labelledby': 'rH' },
      this.heading(h, 0, this.text('resultsH'), { id: 'rH' }),
      this.actions,
      this.share,
      this.staleNote,
      this.body,
    );
    this.live = h('div', { class: 'sr', 'aria-live': 'polite', role: 'status' });
    // The dataset's version, date and rate: set once per build (per keystroke, the same text replaced its node).
    const footer = h(
      'p',
      { class: 'foot' },
      dataset && this.text('footer', { v: dataset.version, d: dataset.figuresAsOf, r: dataset.krwPerUsdDisplay }),
    );
    this.wrap.replaceChildren(this.datasetNotice, h('div', { class: 'grid' }, this.form, results), footer, this.live);
    this.built = true;
  }

  /** Gives the focus (and the caret) back to the control that had it before build(). */
  restoreFocus() {
    const before = this.focusBefore;
    this.focusBefore = null;
    if (!before) return;
    const control = /** @type {HTMLInputElement | null} */ (
      this.root.querySelector(`[data-k="${CSS.escape(before.key)}"]`)
    );
    if (!control) return;
    control.focus();
    if (before.selection) control.setSelectionRange(before.selection[0], before.selection[1]);
  }

  /** @param {string} key  a control's data-k */
  focusControl(key) {
    /** @type {HTMLElement | null} */ (this.root.querySelector(`[data-k="${CSS.escape(key)}"]`))?.focus();
  }

  /** The echoes of the amounts and each field's problem (once the field was touched or holds text). */
  showForm() {
    const state = this.state;
    for (const key of AMOUNTS) {
      const echo = this.fields[key].echo,
        shown = state.echoes[key] || '';
      echo.textContent = shown;
      echo.hidden = !shown;
    }
    for (const key of /** @type {TextField[]} */ (Object.keys(this.fields))) {
      const nodes = this.fields[key],
        problem = state.problems.find((x) => x.field === key);
      const show = problem && (state.touched.has(key) || String(state.form[key] || '').trim() !== '');
      nodes.problem.textContent = show ? problem.message : '';
      nodes.problem.hidden = !show;
      const control = nodes.control,
        describedBy = (control.getAttribute('aria-describedby') || '')
          .split(' ')
          .filter((id) => id && id !== nodes.problem.id);
      if (show) {
        control.setAttribute('aria-invalid', 'true');
        describedBy.push(nodes.problem.id);
      } else control.removeAttribute('aria-invalid');
      if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }

  /** A new result: the stale note goes, the buttons show, the cards follow the result.
   *  @param {Estimate} result */
  showResult(result) {
    this.staleNote.hidden = true;
    this.body.classList.remove('stale');
    this.actions.hidden = false;
    this.render(result);
  }

  /** @param {Estimate} result */
  render(result) {
    this.full?.renderResult(this, result);
  }

  /** The answer at a glance alone (the first module's), and where the rest of the result stands.
   *  @param {GlanceAnswer} answer @param {'loading' | 'failed'} rest */
  showGlance(answer, rest) {
    this.staleNote.hidden = true;
    this.body.classList.remove('stale');
    renderGlance(this, answer, rest);
  }

  /** The rest of the result is on its way again, or could not be loaded.
   *  @param {'loading' | 'failed'} rest */
  showRest(rest) {
    showRest(this, rest);
  }

  /** The input is invalid: the last result stays, marked as stale, and the problem is announced. */
  showStale() {
    this.staleNote.hidden = false;
    this.body.classList.add('stale');
    const shown = this.state.problems.find((x) => this.fields[x.field] && !this.fields[x.field].problem.hidden);
    if (shown) this.announce(shown.message);
  }

  /** Says `message` in the polite live region, once typing pauses.
   *  @param {string} message */
  announce(message) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.live.textContent = message;
    }, 500);
  }

  showLinkCopied() {
    this.share.replaceChildren(h('p', { class: 'msg ok', role: 'status' }, this.text('copied')));
    this.share.hidden = false;
  }

  /** The clipboard refused: the link in a field to copy by hand.
   *  @param {string} url */
  showLinkToCopy(url) {
    const input = /** @type {HTMLInputElement} */ (
      h('input', {
        type: 'text',
        readonly: true,
        id: 'share-url',
        value: url,
        onfocus: (/** @type {Event} */ event) => /** @type {HTMLInputElement} */ (event.target).select(),
      })
    );
    this.share.replaceChildren(
      h('p', { class: 'msg', role: 'status' }, this.text('copyManual')),
      h('label', { for: 'share-url', class: 'sr' }, this.text('linkLabel')),
      input,
    );
    this.share.hidden = false;
    input.focus();
  }

  /** Printing opens every result disclosure; afterwards, those the reader had open stay open.
   *  @param {boolean} on */
  openDetailsForPrint(on) {
    this.wrap.querySelectorAll('.r details[data-n]').forEach((details) => {
      /** @type {HTMLDetailsElement} */ (details).open =
        on || this.state.openDetails.has(/** @type {HTMLElement} */ (details).dataset.n);
    });
  }

  /** The printed report's stylesheet, which comes with printing (the full module).
   *  @param {string} href */
  addPrintStyles(href) {
    this.root.append(h('link', { rel: 'stylesheet', media: 'print', href }));
  }

  /** The stylesheet is in: the chart colours and font are read from it now (one style pass over
   *  the form), so the first result does not force that pass over the freshly inserted results. */
  stylesheetIn() {
    this.stylesheetLoaded = true;
    if (!this.chartOptions) this.full?.chartOptions(this);
  }

  /** The size, density or colours changed: the chart options are read again, the charts redrawn.
   *  Before the first result the colours are read again at once (a style pass over the form only). */
  chartsChanged() {
    this.chartOptions = null;
    this.chartsStale = true;
    if (this.stylesheetLoaded && !this.state.result) this.full?.chartOptions(this);
  }

  drawCharts() {
    this.full?.drawCharts(this);
  }
}
