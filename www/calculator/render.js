// The results: cards built from the engine's result as it is (every sentence, label and status in it
// is worded by the engine in the page's language; this module adds only the UI chrome of strings.js).

import { h, v, mount, patch, safeUrl } from './dom.js';
import { drawCharts } from './charts.js';
import { compareCard } from './compare.js';
import { summaryCard } from './glance.js';

/** @typedef {import('./view.js').View} View */
/** @typedef {import('../types/result').Estimate} Estimate */
/** @typedef {import('./dom.js').Description} Description */

const OUTCOMES = /** @type {const} */ (['eligible', 'maybe', 'ineligible']);
const MARK = { eligible: '✓', maybe: '?', ineligible: '✕' };

/** Takes the reader to a card: scrolled into view, its heading focused (so a screen reader reads it).
 *  @param {View} view @param {string} name */
function goTo(view, name) {
  const card = view.root.getElementById('c-' + name);
  if (!card) return;
  card.scrollIntoView({ block: 'start' });
  /** @type {HTMLElement | null} */ (card.querySelector('[tabindex="-1"]'))?.focus({ preventScroll: true });
}

/** A disclosure of the results: open while printing or when the reader opened it (the controller
 *  keeps which, by name, across keystrokes and builds).
 *  @param {View} view @param {string} name @param {any} summary @param {...any} kids */
function disclosure(view, name, summary, ...kids) {
  return v(
    'details',
    {
      'data-n': name,
      open: view.state.printing || view.state.openDetails.has(name),
      ontoggle: (/** @type {Event} */ event) => {
        view.controller.toggleDetails(name, /** @type {HTMLDetailsElement} */ (event.target).open);
      },
    },
    v('summary', null, summary),
    ...kids,
  );
}

/** A table with a header row, each row's first cell a row header; on a phone the cells carry
 *  their column's name (data-l) for the stacked layout.
 *  @param {any[]} columns @param {any[][]} rows @param {string} className */
function table(columns, rows, className) {
  return v(
    'div',
    { class: 'tw' },
    v(
      'table',
      { class: className },
      v(
        'thead',
        null,
        v(
          'tr',
          null,
          columns.map((column) => v('th', { scope: 'col' }, column)),
        ),
      ),
      v(
        'tbody',
        null,
        rows.map((row) =>
          v(
            'tr',
            null,
            row.map((cell, i) =>
              i === 0
                ? v('th', { scope: 'row' }, cell)
                : v('td', { 'data-l': columns[i] }, cell === '' ? null : v('span', null, cell)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** @param {string} content @param {string} [className] */
function badge(content, className = 'b-warn') {
  return v('span', { class: 'badge ' + className }, content);
}

/** A link out, opened in a new tab (and said so), only to http(s).
 *  @param {View} view @param {string | null} url @param {string} content */
function link(view, url, content) {
  const safe = safeUrl(url);
  return safe
    ? v(
        'a',
        { href: safe, target: '_blank', rel: 'noopener noreferrer' },
        content,
        v('span', { class: 'sr' }, ' ' + view.text('newWin')),
      )
    : null;
}

/** Shows `result`. `rest`: the follow-up call that adds the cards below the ranking to the first
 *  result of a build.
 *  @param {View} view
 *  @param {Estimate} result
 *  @param {boolean} [rest] */
export function renderResult(view, result, rest = false) {
  const engine = view.engine,
    state = view.state,
    /** @param {number} krw */
    formatAmount = (krw) => engine.formatAmount(krw, state.lang),
    potential = result.potential,
    shown = result.shown,
    sme = result.sme;
  // Each card has an id and a focusable heading, so a summary line can take the reader to it.
  const card = (cls, title, ...kids) =>
    v(
      'section',
      { class: 'card ' + cls, id: 'c-' + cls, 'aria-labelledby': 'ch-' + cls },
      view.heading(v, 1, title, { id: 'ch-' + cls, tabindex: '-1' }),
      ...kids,
    );
  // Each amount stays whole; a narrow cell breaks the range between the two.
  const range = (band) => [
    v('span', { class: 'amt' }, band.low),
    view.text('to'),
    v('span', { class: 'amt' }, band.high),
  ];

  // The cards below the ranking. On the first result of a build they come one frame later: the
  // follow-up call (rest) adds them to the cards shown and returns, building nothing else twice.
  const lower = () => {
    const plan = result.plan;
    const planCard = card(
      'plan',
      view.text('planH'),
      v('p', null, plan.summary),
      plan.scope && v('p', null, plan.scope),
      plan.reached.length > 0 &&
        v(
          'ul',
          { class: 'reasons' },
          plan.reached.map((x) => v('li', null, x)),
        ),
      plan.measures.length > 0 && [
        view.heading(v, 2, view.text('planMeasuresH')),
        v(
          'ul',
          { class: 'reasons' },
          plan.measures.map((measure) =>
            v(
              'li',
              null,
              v('span', { class: 'mname' }, measure.name),
              ' · ' + measure.statusLabel + ': ' + measure.note,
              v('br'),
              v('span', { class: 'src' }, measure.checkedAndSource),
            ),
          ),
        ),
      ],
      v('p', null, v('strong', null, plan.comparison)),
      plan.impliedRateNote && v('p', { class: 'note' }, plan.impliedRateNote),
      v('p', { class: 'src' }, view.text('source') + ': ' + plan.source),
    );

    // What to confirm is the list of "maybe" reasons, each already marked in the programme's list.
    const supCard = keep(view, 'sup', result.support, () =>
      card(
        'sup',
        view.text('supportH'),
        v('p', { class: 'hint' }, view.text('supportIntro')),
        result.support.length
          ? OUTCOMES.map((o) => {
              const items = result.support.filter((x) => x.outcome === o);
              if (!items.length) return null;
              // Each programme at a glance: its name, what it offers and the conditions still open (to
              // confirm, or not met); the agency, status, next step, the conditions met and the sources
              // behind a disclosure (opened for print). Every condition is shown once, as the engine words it.
              const crit = (c) =>
                v(
                  'li',
                  { class: 'c-' + c.outcome },
                  v('span', { class: 'mk', 'aria-hidden': 'true' }, MARK[c.outcome] || '·'),
                  !c.reasonStatesOutcome && v('span', { class: 'sr' }, c.outcomeLabel + ': '),
                  c.reason,
                );
              const list = v(
                'ul',
                { class: 'progs' },
                items.map((x) => {
                  const open = x.reasons.filter((c) => c.outcome !== 'eligible'),
                    met = x.reasons.filter((c) => c.outcome === 'eligible');
                  return v(
                    'li',
                    { class: 'prog o-' + o },
                    v('p', { class: 'pname' }, x.name),
                    v('p', { class: 'poff' }, x.offers),
                    x.windowText && v('p', { class: 'note pwin' }, x.windowText),
                    open.length > 0 && v('ul', { class: 'crit' }, open.map(crit)),
                    disclosure(
                      view,
                      'p-' + x.id,
                      view.text('progMore'),
                      v(
                        'dl',
                        { class: 'kv' },
                        v('dt', null, view.text('agency')),
                        v('dd', null, x.agency),
                        v('dt', { class: 'np' }, view.text('statusL')),
                        v(
                          'dd',
                          { class: 'np' },
                          x.statusLabel + (x.statusNote ? ' · ' + x.statusNote : ''),
                          v('br'),
                          v('span', { class: 'src' }, x.statusCheckedText),
                        ),
                        x.nextStep && [v('dt', null, view.text('nextStep')), v('dd', null, x.nextStep)],
                      ),
                      met.length > 0 && v('ul', { class: 'crit' }, met.map(crit)),
                      v(
                        'p',
                        { class: 'src' },
                        view.text('source') + ': ' + x.source,
                        x.url && ' · ',
                        link(view, x.url, view.text('details')),
                      ),
                    ),
                  );
                }),
              );
              const head = items[0].outcomeLabel + ' (' + items.length + ')';
              return v(
                'div',
                { class: 'og og-' + o },
                o === 'ineligible' ? disclosure(view, 'inel', head, list) : [view.heading(v, 2, head), list],
              );
            })
          : v('p', null, view.text('none')),
      ),
    );

    const asCard = result.assumptions.length
      ? keep(view, 'assum', result.assumptions, () =>
          card(
            'assum',
            view.text('assumH'),
            v('p', { class: 'hint' }, view.text('assumIntro')),
            v(
              'ul',
              null,
              result.assumptions.map((a) => v('li', null, a)),
            ),
          ),
        )
      : null;

    return [
      compareCard(view, result, card, table),
      planCard,
      supCard,
      asCard,
      v('p', { class: 'disclaimer' }, result.texts.disclaimer),
    ];
  };
  if (rest) {
    const box = view.body.firstElementChild;
    if (box?.classList.contains('cards')) box.append(...lower().filter(Boolean).map(mount));
    return;
  }

  const smeCard = card(
    'sme',
    view.text('smeH'),
    v('p', { class: 'big' }, v('span', { class: 'badge b-' + sme.size }, sme.label)),
    v(
      'ul',
      { class: 'reasons' },
      sme.reasons.map((x) => v('li', null, x)),
    ),
    sme.thresholds.length > 0 &&
      v(
        'ul',
        { class: 'dist' },
        sme.thresholds.map((x) => v('li', null, x.text)),
      ),
    sme.notChecked.length > 0 && [
      view.heading(v, 2, view.text('notCheckedH')),
      v(
        'ul',
        { class: 'unchk' },
        sme.notChecked.map((x) => v('li', null, x)),
      ),
    ],
    v(
      'dl',
      { class: 'kv' },
      v('dt', null, view.text('limits')),
      v('dd', null, sme.limits, sme.thresholdAssumed && [' ', badge(view.text('assumed'))]),
      v('dt', null, view.text('tableApplied')),
      v('dd', null, sme.table),
      v('dt', null, view.text('effective')),
      v('dd', null, sme.tableEffective),
      v('dt', null, view.text('source')),
      v('dd', null, sme.tableSource),
    ),
    v('p', null, link(view, sme.confirmAt, view.text('confirm'))),
  );

  // The canvases live as long as the build: a new canvas per keystroke meant a new backing store.
  view.potentialCanvas ||= h('canvas', { class: 'chart', role: 'img' });
  view.potentialCanvas.setAttribute('aria-label', result.texts.yearsAlt);
  const hasCharts = typeof engine.drawPotentialChart === 'function';
  const potCard = card(
    'pot',
    view.text('potH', { m: potential.marketName }),
    v(
      'div',
      { class: 'figs' },
      v(
        'div',
        { class: 'fig main' },
        v('p', { class: 'lab' }, view.text('base')),
        v('p', { class: 'num' }, shown.base),
        v('p', { class: 'sub' }, shown.baseUsd),
      ),
      v(
        'div',
        { class: 'fig' },
        v('p', { class: 'lab' }, view.text('range')),
        v('p', { class: 'num sm' }, range(shown)),
        v('p', { class: 'sub' }, shown.lowUsd + view.text('to') + shown.highUsd),
      ),
      v(
        'div',
        { class: 'fig' },
        v('p', { class: 'lab' }, view.text('untapped')),
        v('p', { class: 'num sm' }, shown.untapped),
        v('p', { class: 'sub' }, shown.untappedUsd),
      ),
    ),
    potential.untappedAssumesNoExports && v('p', { class: 'note' }, view.text('untappedNote')),
    v('p', { class: 'note' }, result.texts.readinessNote),
    v(
      'p',
      { class: 'note' },
      potential.easeNote,
      potential.easeBasis === 'gravity' && [' ', badge(view.text('assumed'))],
    ),
    view.heading(v, 2, view.text('yearsH')),
    v('div', { class: 'cw', hidden: !hasCharts }, view.potentialCanvas),
    disclosure(
      view,
      'years',
      view.text('tableView'),
      table(
        [view.text('year'), view.text('low'), view.text('central'), view.text('high')],
        potential.years.map((y, i) => [y.label, shown.years[i].low, shown.years[i].base, shown.years[i].high]),
        'num-t yrs',
      ),
    ),
    disclosure(
      view,
      'factors',
      view.text('factorsH'),
      v('p', { class: 'hint' }, view.text('factorsIntro')),
      table(
        [view.text('factor'), view.text('value'), view.text('source'), view.text('year')],
        potential.factors.map((f) => [
          f.label,
          f.display,
          [f.source, f.assumption && [' ', badge(view.text('assumed'))]],
          f.year == null ? '' : String(f.year),
        ]),
        'factors stk',
      ),
    ),
  );

  view.rankingCanvas ||= h('canvas', { class: 'chart', role: 'img' });
  view.rankingCanvas.setAttribute('aria-label', result.texts.rankingAlt);
  view.rankingCanvas.style.height = Math.max(200, result.ranking.length * 30 + 40) + 'px';
  const rankCard = card(
    'rank',
    view.text('rankH'),
    v('div', { class: 'cw', hidden: !hasCharts }, view.rankingCanvas),
    disclosure(
      view,
      'rank',
      view.text('tableView'),
      table(
        [view.text('rank'), view.text('marketC'), view.text('region'), view.text('central'), view.text('range')],
        result.ranking.map((x, i) => [
          String(x.rank),
          [
            x.selected ? v('strong', null, x.name) : x.name,
            v('span', { class: 'basis np' }, x.firstSaleLabel ? x.basisLabel + ' · ' + x.firstSaleLabel : x.basisLabel),
          ],
          x.regionName,
          shown.ranking[i].base,
          range(shown.ranking[i]),
        ]),
        'num-t stk',
      ),
    ),
  );

  // The answer at a glance: every line worded by the engine, each a link to its card.
  const sumCard = summaryCard(view, v, result.summary.lines, (name) => goTo(view, name));

  // What would change the answer: computed and worded by the engine (result.whatIf, whatIfSme, whatIfSupport).
  const wiCard =
    result.whatIf.length || result.whatIfSme.length || result.whatIfSupport.length
      ? card(
          'whatif',
          view.text('whatIfH'),
          result.whatIf.length > 0 && [
            view.heading(v, 2, view.text('whatIfReadiness')),
            v(
              'ul',
              { class: 'wi' },
              result.whatIf.map((w) =>
                v(
                  'li',
                  { 'data-q': w.id },
                  v('span', { class: 'wl' }, w.label),
                  ': ',
                  v('span', { class: 'wt' }, w.text),
                ),
              ),
            ),
          ],
          result.whatIfSme.length > 0 && [
            view.heading(v, 2, view.text('whatIfSme')),
            v(
              'ul',
              { class: 'wi-sme' },
              result.whatIfSme.map((w) => v('li', null, w.text)),
            ),
          ],
          result.whatIfSupport.length > 0 &&
            disclosure(
              view,
              'wisup',
              view.text('whatIfSupport') + ' (' + result.whatIfSupport.length + ')',
              v(
                'ul',
                { class: 'wi-sup' },
                result.whatIfSupport.map((w) =>
                  v(
                    'li',
                    null,
                    v('span', { class: 'pn' }, w.name),
                    v(
                      'ul',
                      null,
                      w.toConfirm.map((c) => v('li', null, c)),
                    ),
                  ),
                ),
              ),
            ),
        )
      : null;

  // Printed only: what was entered, and that this is an estimate (the report's first and last lines).
  const entered = state.resultInput || /** @type {Partial<import('./store.js').EstimateInput>} */ ({});
  /** An amount as entered, as the engine reads it. @param {import('./state.js').AmountField} field */
  const typed = (field) => {
    try {
      return entered[field] ? formatAmount(engine.parseAmount(String(entered[field]), state.lang)) : '';
    } catch {
      return String(entered[field]);
    }
  };
  const inCard = card(
    'inputs',
    view.text('inputsH'),
    v(
      'dl',
      { class: 'kv' },
      [
        ['revenueKrw', typed('revenueKrw')],
        ['sector', (state.dataset.sectors.find((sector) => sector.id === entered.sector) || {}).name || ''],
        ['market', potential.marketName],
        ['currentExportsKrw', typed('currentExportsKrw')],
        ['exportsToMarketKrw', typed('exportsToMarketKrw')],
        ['totalAssetsKrw', typed('totalAssetsKrw')],
      ]
        .filter(([, x]) => x)
        .map(([k, x]) => [v('dt', null, view.text(k)), v('dd', null, x)]),
      potential.readinessAnswered
        ? [v('dt', null, view.text('readinessH')), v('dd', null, result.texts.readinessNote)]
        : null,
      v('dt', null, view.text('printedOn')),
      v('dd', null, entered.today || ''),
    ),
  );
  inCard.attrs.class += ' print-only';
  // The first result of a build shows the cards down to the ranking (both charts) at once and
  // the rest (comparison, plan, support list, assumptions: half the nodes, one more engine call)
  // one frame later; the printed report and every later result have all at once.
  // The answer at a glance shown alone before (the first module's) is replaced whole.
  let box = view.body.firstElementChild;
  if (box?.classList.contains('glance')) box = null;
  const first = !box?.classList.contains('cards') && !state.printing;
  // How to get into the market and how long it takes: the route as the engine worded it.
  const entry = result.entry;
  const entryCard = card(
    'entry',
    view.text('entryH'),
    entry.found && [
      v('p', { class: 'big' }, entry.regulator, !entry.verified && [' ', badge(view.text('notVerified'))]),
      v('p', { class: 'np' }, entry.route),
      v(
        'ol',
        { class: 'steps' },
        entry.steps.map((step) =>
          v(
            'li',
            null,
            step.text,
            step.paidBy.length > 0 &&
              v('span', { class: 'paid np' }, view.text('paidBy') + ': ' + step.paidBy.join(', ')),
          ),
        ),
      ),
      v(
        'dl',
        { class: 'kv' },
        v('dt', null, view.text('entryTime')),
        v('dd', null, entry.timeText),
        v('dt', { class: 'np' }, view.text('entryRep')),
        v('dd', { class: 'np' }, entry.representativeText),
        entry.documents.length > 0 && [
          v('dt', { class: 'np' }, view.text('entryDocs')),
          v('dd', { class: 'np' }, entry.documents.join(' · ')),
        ],
        entry.fees.length > 0 && [
          v('dt', { class: 'np' }, view.text('entryFees')),
          v(
            'dd',
            { class: 'np' },
            v(
              'ul',
              { class: 'fees' },
              entry.fees.map((fee) => v('li', null, fee)),
            ),
          ),
        ],
        entry.validity && [
          v('dt', { class: 'np' }, view.text('entryValidity')),
          v('dd', { class: 'np' }, entry.validity),
        ],
      ),
    ],
    v('p', { class: 'msg' }, entry.statusText),
    entry.askAt && v('p', null, view.text('askAt') + ': ' + entry.askAt),
    entry.source && v('p', { class: 'src np' }, view.text('source') + ': ' + entry.source + ' · ' + entry.checkedText),
  );

  const cards = [inCard, sumCard, smeCard, potCard, entryCard, wiCard, rankCard, ...(first ? [] : lower())].filter(
    Boolean,
  );
  // A card built afresh (a description, dom.v) is patched into the one in its place (same id):
  // only what changed is touched, so the browser styles and lays out little per keystroke. Kept
  // cards (keep(): DOM nodes) are swapped, never patched: their node is what the cache hands out again.
  if (!box?.classList.contains('cards')) view.body.replaceChildren((box = h('div', { class: 'cards' })));
  // Canvases already on the page are drawn before the cards change: the canvas's font setter
  // brings the page's style and layout up to date first (with container queries, a layout), so
  // after the patch it laid the changed cards out in the middle of the script (a trace: 4.7 to
  // 5.9 ms of a keystroke's handler); now the frame does that, after the script. New canvases
  // (the first result) are drawn after they are in. The second render of a first result (the
  // lower cards) has the same charts: they are not drawn again.
  const early = view.potentialCanvas.isConnected;
  if (early) drawCharts(view, result);
  cards.forEach((next, i) => {
    const current = box.children[i];
    if (current === next) return;
    if (!current) box.append(mount(next));
    else if (next instanceof Node || KEPT.has(current)) box.replaceChild(mount(next), current);
    else if (current.id && current.id === next.attrs.id) patch(current, next);
    else box.replaceChild(mount(next), current);
  });
  while (box.children.length > cards.length) box.lastElementChild.remove();
  // In the next frame, not in a task after this one's paint: a timer queued there ran before the
  // page's own tasks (seen in a trace), so whatever waited for the first result waited for the rest.
  if (first)
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (state.result === result && box.isConnected) renderResult(view, result, true);
      }),
    );
  if (!early) drawCharts(view, result);
}

/** Cards made by keep(): DOM nodes handed out again while their data is the same. */
const KEPT = new WeakSet();

/** The card built last time for the same data (a keystroke in the revenue field rarely changes
 *  the support list): the biggest part of the results is then not rebuilt. Reset by the view's build().
 *  @param {View} view @param {string} name @param {any} data @param {() => Description} make */
function keep(view, name, data, make) {
  const key = JSON.stringify(data),
    kept = view.keptCards[name];
  if (kept && kept.key === key) return kept.node;
  const node = /** @type {Element} */ (mount(make()));
  KEPT.add(node);
  view.keptCards[name] = { key, node };
  return node;
}
