// Compare markets: two or three markets side by side for the firm as entered, from the engine's
// compareMarkets(input, ids) (every figure, label and outcome in it is the engine's). The markets
// ticked live in the state (comparedMarkets): the chosen market and the best other one at first,
// and again whenever the chosen market changes.

import { v } from './dom.js';

/** @typedef {import('./view.js').View} View */
/** @typedef {import('../types/result').Estimate} Estimate */
/** @typedef {import('../types/result').Comparison} Comparison */

/**
 * The comparison card, or null when the engine has no comparison.
 * @param {View} view
 * @param {Estimate} result
 * @param {(name: string, title: string, ...kids: any[]) => import('./dom.js').Description} card
 * @param {(columns: any[], rows: any[][], className: string) => import('./dom.js').Description} table
 */
export function compareCard(view, result, card, table) {
  const engine = view.engine,
    state = view.state;
  if (typeof engine.compareMarkets !== 'function' || !state.resultInput) return null;
  const known = state.dataset.markets.map((market) => market.id);
  const chosen = result.potential.market;
  if (state.comparedFor !== chosen || !state.comparedMarkets.every((id) => known.includes(id))) {
    state.comparedFor = chosen;
    const best = result.ranking.find((market) => !market.selected);
    state.comparedMarkets = [chosen, best && best.market].filter(Boolean);
  }
  /** @type {Comparison} */
  let comparison;
  try {
    comparison = engine.compareMarkets(state.resultInput, state.comparedMarkets);
  } catch (e) {
    console.warn('sme-export: compare', e);
    return null;
  }
  const picker = v(
    'fieldset',
    { class: 'cmp-pick' },
    v('legend', null, view.text('cmpPick')),
    v(
      'div',
      { class: 'opts' },
      state.dataset.markets.map((market) =>
        v(
          'label',
          { class: 'opt' },
          v('input', {
            type: 'checkbox',
            'data-k': 'cmp-' + market.id,
            checked: state.comparedMarkets.includes(market.id),
            onchange: (/** @type {Event} */ event) => {
              view.controller.toggleCompared(market.id, /** @type {HTMLInputElement} */ (event.target).checked);
            },
          }),
          ' ',
          market.name,
        ),
      ),
    ),
  );
  const markets = comparison.markets;
  const columns = [view.text('marketC'), ...markets.map((market) => market.name)];
  const rows = [
    [view.text('central'), ...markets.map((market) => market.baseShown)],
    [view.text('range'), ...markets.map((market) => market.lowShown + view.text('to') + market.highShown)],
    [view.text('cmpGrowth'), ...markets.map((market) => market.growthDisplay || '')],
    [view.text('cmpDistance'), ...markets.map((market) => market.distanceDisplay)],
    [view.text('cmpFta'), ...markets.map((market) => market.ftaLabel)],
    [view.text('cmpEntry'), ...markets.map((market) => market.entryTime)],
    [view.text('cmpEntryCost'), ...markets.map((market) => market.entryCost)],
    [view.text('cmpRank'), ...markets.map((market) => String(market.rank))],
  ];
  const differ = comparison.programsThatDiffer;
  return card(
    'cmp',
    view.text('cmpH'),
    v('p', { class: 'hint' }, view.text('cmpIntro')),
    picker,
    markets.length >= 2 && [
      table(columns, rows, 'cmp-t stk'),
      view.heading(v, 2, view.text('cmpDiffer')),
      differ.length
        ? v(
            'div',
            { class: 'tw' },
            table(
              [view.text('supportH'), ...markets.map((market) => market.name)],
              differ.map((program) => [program.name, ...program.outcomeLabels]),
              'cmp-p stk',
            ),
          )
        : v('p', null, view.text('cmpNone')),
      differ.length > 0 && v('p', { class: 'note' }, view.text('cmpAlike', { n: comparison.programsAlike })),
    ],
  );
}
