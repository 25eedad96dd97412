// Compare markets: two or three markets side by side for the firm as entered, from the engine's
// compareMarkets(input, ids) (every figure, label and outcome in it is the engine's). The choice
// of markets lives in el.cmp for the life of the build: the chosen market and the best one at first.

import { v } from './dom.js';

/** @param {any} el @param {import('../types/result').Estimate} r @param {Function} card @param {Function} table */
export function compareCard(el, r, card, table) {
  const m = el.m;
  if (typeof m.compareMarkets !== 'function' || !el.lastInput) return null;
  const ids = el.ds.markets.map((x) => x.id);
  if (!el.cmp || el.cmpFor !== r.potential.market || !el.cmp.every((id) => ids.includes(id))) {
    el.cmpFor = r.potential.market;
    const best = r.ranking.find((x) => !x.selected);
    el.cmp = [r.potential.market, best && best.market].filter(Boolean);
  }
  /** @type {import('../types/result').Comparison} */
  let c;
  try {
    c = m.compareMarkets(el.lastInput, el.cmp);
  } catch (e) {
    console.warn('sme-export: compare', e);
    return null;
  }
  const toggle = (id) => (e) => {
    const on = e.target.checked;
    el.cmp = on ? [...el.cmp, id].slice(-3) : el.cmp.filter((x) => x !== id);
    el.render(el.last);
    el.root.querySelector(`[data-k="cmp-${CSS.escape(id)}"]`)?.focus();
  };
  const picker = v(
    'fieldset',
    { class: 'cmp-pick' },
    v('legend', null, el.t('cmpPick')),
    v(
      'div',
      { class: 'opts' },
      el.ds.markets.map((x) =>
        v(
          'label',
          { class: 'opt' },
          v('input', {
            type: 'checkbox',
            'data-k': 'cmp-' + x.id,
            checked: el.cmp.includes(x.id),
            onchange: toggle(x.id),
          }),
          ' ',
          x.name,
        ),
      ),
    ),
  );
  const ms = c.markets;
  const cols = [el.t('marketC'), ...ms.map((x) => x.name)];
  const rows = [
    [el.t('central'), ...ms.map((x) => x.baseShown)],
    [el.t('range'), ...ms.map((x) => x.lowShown + el.t('to') + x.highShown)],
    [el.t('cmpGrowth'), ...ms.map((x) => x.growthDisplay || '')],
    [el.t('cmpDistance'), ...ms.map((x) => x.distanceDisplay)],
    [el.t('cmpFta'), ...ms.map((x) => x.ftaLabel)],
    [el.t('cmpRank'), ...ms.map((x) => String(x.rank))],
  ];
  const diff = c.programsThatDiffer;
  return card(
    'cmp',
    el.t('cmpH'),
    v('p', { class: 'hint' }, el.t('cmpIntro')),
    picker,
    ms.length >= 2 && [
      table(cols, rows, 'cmp-t stk'),
      el.hx(v, 2, el.t('cmpDiffer')),
      diff.length
        ? v(
            'div',
            { class: 'tw' },
            table(
              [el.t('supportH'), ...ms.map((x) => x.name)],
              diff.map((d) => [d.name, ...d.outcomeLabels]),
              'cmp-p stk',
            ),
          )
        : v('p', null, el.t('cmpNone')),
      diff.length > 0 && v('p', { class: 'note' }, el.t('cmpAlike', { n: c.programsAlike })),
    ],
  );
}
