// The results: cards built from the engine's result as it is (every sentence, label and status in it
// is worded by the engine in the page's language; this module adds only the UI chrome of strings.js).

import { h, v, mount, patch, safeUrl } from './dom.js';
import { drawCharts } from './charts.js';
import { compareCard } from './compare.js';

const OUTCOMES = ['eligible', 'maybe', 'ineligible'];
const MARK = { eligible: '✓', maybe: '?', ineligible: '✕' };

/** The card each summary topic links to. */
const TOPIC_CARD = { sme: 'sme', potential: 'pot', bestMarket: 'rank', support: 'sup', nextAnswer: 'whatif' };

/** Takes the reader to a card: scrolled into view, its heading focused (so a screen reader reads it). */
function goTo(el, name) {
  const c = el.root.getElementById('c-' + name);
  if (!c) return;
  c.scrollIntoView({ block: 'start' });
  c.querySelector('[tabindex="-1"]')?.focus({ preventScroll: true });
}

export function det(el, name, summary, ...kids) {
  return v(
    'details',
    {
      'data-n': name,
      open: el.printing || el.opened.has(name),
      ontoggle: (e) => {
        if (!el.printing) e.target.open ? el.opened.add(name) : el.opened.delete(name);
      },
    },
    v('summary', null, summary),
    ...kids,
  );
}

function table(cols, rows, cls) {
  return v(
    'div',
    { class: 'tw' },
    v(
      'table',
      { class: cls },
      v(
        'thead',
        null,
        v(
          'tr',
          null,
          cols.map((c) => v('th', { scope: 'col' }, c)),
        ),
      ),
      v(
        'tbody',
        null,
        rows.map((r) =>
          v(
            'tr',
            null,
            r.map((c, i) =>
              i === 0
                ? v('th', { scope: 'row' }, c)
                : v('td', { 'data-l': cols[i] }, c === '' ? null : v('span', null, c)),
            ),
          ),
        ),
      ),
    ),
  );
}

function badge(text, cls = 'b-warn') {
  return v('span', { class: 'badge ' + cls }, text);
}
function link(el, url, text) {
  const u = safeUrl(url);
  return u
    ? v(
        'a',
        { href: u, target: '_blank', rel: 'noopener noreferrer' },
        text,
        v('span', { class: 'sr' }, ' ' + el.t('newWin')),
      )
    : null;
}

/** Shows result r. `rest`: the follow-up call that adds the cards below the ranking to the first
 *  result of a build.
 *  @param {any} el
 *  @param {import('../types/result').Estimate} r
 *  @param {boolean} [rest] */
export function render(el, r, rest = false) {
  const m = el.m,
    L = el.L,
    fx = (x) => m.formatAmount(x, L),
    p = r.potential,
    shown = r.shown,
    s = r.sme;
  // Each card has an id and a focusable heading, so a summary line can take the reader to it.
  const card = (cls, title, ...kids) =>
    v(
      'section',
      { class: 'card ' + cls, id: 'c-' + cls, 'aria-labelledby': 'ch-' + cls },
      el.hx(v, 1, title, { id: 'ch-' + cls, tabindex: '-1' }),
      ...kids,
    );
  const range = (band) => band.low + el.t('to') + band.high;

  // The cards below the ranking. On the first result of a build they come one frame later: the
  // follow-up call (rest) adds them to the cards shown and returns, building nothing else twice.
  const lower = () => {
    const pl = r.plan;
    const planCard = card(
      'plan',
      el.t('planH'),
      v('p', null, pl.summary),
      pl.scope && v('p', null, pl.scope),
      pl.reached.length > 0 &&
        v(
          'ul',
          { class: 'reasons' },
          pl.reached.map((x) => v('li', null, x)),
        ),
      v('p', null, v('strong', null, pl.comparison)),
      pl.impliedRateNote && v('p', { class: 'note' }, pl.impliedRateNote),
      v('p', { class: 'src' }, el.t('source') + ': ' + pl.source),
    );

    // What to confirm is the list of "maybe" reasons, each already marked in the programme's list.
    const supCard = keep(el, 'sup', r.support, () =>
      card(
        'sup',
        el.t('supportH'),
        v('p', { class: 'hint' }, el.t('supportIntro')),
        r.support.length
          ? OUTCOMES.map((o) => {
              const items = r.support.filter((x) => x.outcome === o);
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
                    open.length > 0 && v('ul', { class: 'crit' }, open.map(crit)),
                    det(
                      el,
                      'p-' + x.id,
                      el.t('progMore'),
                      v(
                        'dl',
                        { class: 'kv' },
                        v('dt', null, el.t('agency')),
                        v('dd', null, x.agency),
                        v('dt', null, el.t('statusL')),
                        v(
                          'dd',
                          null,
                          x.statusLabel + (x.statusNote ? ' · ' + x.statusNote : ''),
                          v('br'),
                          v('span', { class: 'src' }, x.statusCheckedText),
                        ),
                        x.nextStep && [v('dt', null, el.t('nextStep')), v('dd', null, x.nextStep)],
                      ),
                      met.length > 0 && v('ul', { class: 'crit' }, met.map(crit)),
                      v(
                        'p',
                        { class: 'src' },
                        el.t('source') + ': ' + x.source,
                        x.url && ' · ',
                        link(el, x.url, el.t('details')),
                      ),
                    ),
                  );
                }),
              );
              const head = items[0].outcomeLabel + ' (' + items.length + ')';
              return v(
                'div',
                { class: 'og og-' + o },
                o === 'ineligible' ? det(el, 'inel', head, list) : [el.hx(v, 2, head), list],
              );
            })
          : v('p', null, el.t('none')),
      ),
    );

    const asCard = r.assumptions.length
      ? keep(el, 'assum', r.assumptions, () =>
          card(
            'assum',
            el.t('assumH'),
            v('p', { class: 'hint' }, el.t('assumIntro')),
            v(
              'ul',
              null,
              r.assumptions.map((a) => v('li', null, a)),
            ),
          ),
        )
      : null;

    return [
      compareCard(el, r, card, table),
      planCard,
      supCard,
      asCard,
      v('p', { class: 'disclaimer' }, r.texts.disclaimer),
    ];
  };
  if (rest) {
    const box = el.body.firstElementChild;
    if (box?.classList.contains('cards')) box.append(...lower().filter(Boolean).map(mount));
    return;
  }

  const smeCard = card(
    'sme',
    el.t('smeH'),
    v('p', { class: 'big' }, v('span', { class: 'badge b-' + s.size }, s.label)),
    v(
      'ul',
      { class: 'reasons' },
      s.reasons.map((x) => v('li', null, x)),
    ),
    s.mayBeNote && v('p', { class: 'msg warn' }, s.mayBeNote),
    s.thresholds.length > 0 &&
      v(
        'ul',
        { class: 'dist' },
        s.thresholds.map((x) => v('li', null, x.text)),
      ),
    s.notChecked.length > 0 && [
      el.hx(v, 2, el.t('notCheckedH')),
      v(
        'ul',
        { class: 'unchk' },
        s.notChecked.map((x) => v('li', null, x)),
      ),
    ],
    v(
      'dl',
      { class: 'kv' },
      v('dt', null, el.t('limits')),
      v('dd', null, s.limits, s.thresholdAssumed && [' ', badge(el.t('assumed'))]),
      v('dt', null, el.t('tableApplied')),
      v('dd', null, s.table),
      v('dt', null, el.t('effective')),
      v('dd', null, s.tableEffective),
      v('dt', null, el.t('source')),
      v('dd', null, s.tableSource),
    ),
    v('p', null, link(el, s.confirmAt, el.t('confirm'))),
  );

  // The canvases live as long as the build: a new canvas per keystroke meant a new backing store.
  el.cvP ||= h('canvas', { class: 'chart', role: 'img' });
  el.cvP.setAttribute('aria-label', r.texts.yearsAlt);
  const hasCharts = typeof m.drawPotentialChart === 'function';
  const potCard = card(
    'pot',
    el.t('potH', { m: p.marketName }),
    v(
      'div',
      { class: 'figs' },
      v(
        'div',
        { class: 'fig main' },
        v('p', { class: 'lab' }, el.t('base')),
        v('p', { class: 'num' }, shown.base),
        v('p', { class: 'sub' }, shown.baseUsd),
      ),
      v(
        'div',
        { class: 'fig' },
        v('p', { class: 'lab' }, el.t('range')),
        v('p', { class: 'num sm' }, range(shown)),
        v('p', { class: 'sub' }, shown.lowUsd + el.t('to') + shown.highUsd),
      ),
      v(
        'div',
        { class: 'fig' },
        v('p', { class: 'lab' }, el.t('untapped')),
        v('p', { class: 'num sm' }, shown.untapped),
        v('p', { class: 'sub' }, shown.untappedUsd),
      ),
    ),
    p.untappedAssumesNoExports && v('p', { class: 'note' }, el.t('untappedNote')),
    v('p', { class: 'note' }, r.texts.readinessNote),
    v('p', { class: 'note' }, p.easeNote, p.easeBasis === 'gravity' && [' ', badge(el.t('assumed'))]),
    el.hx(v, 2, el.t('yearsH')),
    v('div', { class: 'cw', hidden: !hasCharts }, el.cvP),
    det(
      el,
      'years',
      el.t('tableView'),
      table(
        [el.t('year'), el.t('low'), el.t('central'), el.t('high')],
        p.years.map((y, i) => [y.label, shown.years[i].low, shown.years[i].base, shown.years[i].high]),
        'num-t yrs',
      ),
    ),
    det(
      el,
      'factors',
      el.t('factorsH'),
      v('p', { class: 'hint' }, el.t('factorsIntro')),
      table(
        [el.t('factor'), el.t('value'), el.t('source'), el.t('year')],
        p.factors.map((f) => [
          f.label,
          f.display,
          [f.source, f.assumption && [' ', badge(el.t('assumed'))]],
          f.year == null ? '' : String(f.year),
        ]),
        'factors stk',
      ),
    ),
  );

  el.cvR ||= h('canvas', { class: 'chart', role: 'img' });
  el.cvR.setAttribute('aria-label', r.texts.rankingAlt);
  el.cvR.style.height = Math.max(200, r.ranking.length * 30 + 40) + 'px';
  const rankCard = card(
    'rank',
    el.t('rankH'),
    v('div', { class: 'cw', hidden: !hasCharts }, el.cvR),
    det(
      el,
      'rank',
      el.t('tableView'),
      table(
        [el.t('rank'), el.t('marketC'), el.t('region'), el.t('central'), el.t('range')],
        r.ranking.map((x, i) => [
          String(x.rank),
          x.selected ? v('strong', null, x.name) : x.name,
          x.regionName,
          shown.ranking[i].base,
          range(shown.ranking[i]),
        ]),
        'num-t stk',
      ),
    ),
  );

  // The answer at a glance: every line worded by the engine, each a link to its card.
  const sumCard = v(
    'section',
    { class: 'card sum', id: 'c-sum', 'aria-labelledby': 'ch-sum' },
    el.hx(v, 1, el.t('sumH'), { id: 'ch-sum' }),
    v(
      'ul',
      { class: 'sum-l' },
      r.summary.lines.map((x) =>
        v(
          'li',
          { class: 't-' + x.topic },
          v(
            'a',
            {
              href: '#c-' + TOPIC_CARD[x.topic],
              class: 'sl',
              onclick: (e) => {
                e.preventDefault();
                goTo(el, TOPIC_CARD[x.topic]);
              },
            },
            v('span', { class: 'sl-l' }, x.label),
            ' ',
            v('span', { class: 'sl-t' }, x.text),
          ),
        ),
      ),
    ),
  );

  // What would change the answer: computed and worded by the engine (result.whatIf, whatIfSme, whatIfSupport).
  const wiCard =
    r.whatIf.length || r.whatIfSme.length || r.whatIfSupport.length
      ? card(
          'whatif',
          el.t('whatIfH'),
          r.whatIf.length > 0 && [
            el.hx(v, 2, el.t('whatIfReadiness')),
            v(
              'ul',
              { class: 'wi' },
              r.whatIf.map((w) =>
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
          r.whatIfSme.length > 0 && [
            el.hx(v, 2, el.t('whatIfSme')),
            v(
              'ul',
              { class: 'wi-sme' },
              r.whatIfSme.map((w) => v('li', null, w.text)),
            ),
          ],
          r.whatIfSupport.length > 0 &&
            det(
              el,
              'wisup',
              el.t('whatIfSupport') + ' (' + r.whatIfSupport.length + ')',
              v(
                'ul',
                { class: 'wi-sup' },
                r.whatIfSupport.map((w) =>
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
  const li = el.lastInput || {},
    typed = (k) => {
      try {
        return li[k] ? fx(m.parseAmount(String(li[k]), L)) : '';
      } catch {
        return String(li[k]);
      }
    };
  const inCard = card(
    'inputs',
    el.t('inputsH'),
    v(
      'dl',
      { class: 'kv' },
      [
        ['revenueKrw', typed('revenueKrw')],
        ['sector', (el.ds.sectors.find((x) => x.id === li.sector) || {}).name || ''],
        ['market', p.marketName],
        ['currentExportsKrw', typed('currentExportsKrw')],
        ['exportsToMarketKrw', typed('exportsToMarketKrw')],
        ['totalAssetsKrw', typed('totalAssetsKrw')],
      ]
        .filter(([, x]) => x)
        .map(([k, x]) => [v('dt', null, el.t(k)), v('dd', null, x)]),
      p.readinessAnswered ? [v('dt', null, el.t('readinessH')), v('dd', null, r.texts.readinessNote)] : null,
      v('dt', null, el.t('printedOn')),
      v('dd', null, li.today || ''),
    ),
  );
  inCard.a.class += ' print-only';
  // The first result of a build shows the cards down to the ranking (both charts) at once and
  // the rest (comparison, plan, support list, assumptions: half the nodes, one more engine call)
  // one frame later; the printed report and every later result have all at once.
  let box = el.body.firstElementChild;
  const first = !box?.classList.contains('cards') && !el.printing;
  const cards = [inCard, sumCard, smeCard, potCard, wiCard, rankCard, ...(first ? [] : lower())].filter(Boolean);
  // A card built afresh (a description, dom.v) is patched into the one in its place (same id):
  // only what changed is touched, so the browser styles and lays out little per keystroke. Kept
  // cards (keep(): DOM nodes) are swapped, never patched: their node is what the cache hands out again.
  if (!box?.classList.contains('cards')) el.body.replaceChildren((box = h('div', { class: 'cards' })));
  // Canvases already on the page are drawn before the cards change: the canvas's font setter
  // brings the page's style and layout up to date first (with container queries, a layout), so
  // after the patch it laid the changed cards out in the middle of the script (a trace: 4.7 to
  // 5.9 ms of a keystroke's handler); now the frame does that, after the script. New canvases
  // (the first result) are drawn after they are in. The second render of a first result (the
  // lower cards) has the same charts: they are not drawn again.
  const early = el.cvP.isConnected;
  if (early) drawCharts(el, r);
  cards.forEach((c, i) => {
    const cur = box.children[i];
    if (cur === c) return;
    if (!cur) box.append(mount(c));
    else if (!KEPT.has(c) && !KEPT.has(cur) && cur.id && cur.id === c.a.id) patch(cur, c);
    else box.replaceChild(mount(c), cur);
  });
  while (box.children.length > cards.length) box.lastElementChild.remove();
  // In the next frame, not in a task after this one's paint: a timer queued there ran before the
  // page's own tasks (seen in a trace), so whatever waited for the first result waited for the rest.
  if (first)
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (el.last === r && box.isConnected) render(el, r, true);
      }),
    );
  if (!early) drawCharts(el, r);
}

/** The card built last time for the same data (a keystroke in the revenue field rarely changes
 *  the support list): the biggest part of the results is then not rebuilt. Reset by build(). */

const KEPT = new WeakSet();
function keep(el, name, data, make) {
  const key = JSON.stringify(data),
    k = el.kept[name];
  if (k && k.key === key) return k.node;
  const node = mount(make());
  KEPT.add(node);
  el.kept[name] = { key, node };
  return node;
}

/** Colours, font and density for the charts. Reading computed styles forces a style pass, so
 *  el is worked out once per build, resize, density change or print, not per keystroke. */
