// The answer at a glance: the summary card, shown from the first-answer module's `glance()` before
// the rest of the result, and from the whole result after. While the rest is on its way, or if it
// could not be loaded, a line under the summary says so (with a retry).

import { h } from './dom.js';

/** @typedef {import('./view.js').View} View */
/** @typedef {import('../types/result').GlanceAnswer} GlanceAnswer */
/** @typedef {import('../types/result').SummaryLine} SummaryLine */

/** The card each summary topic links to. */
export const TOPIC_CARD = {
  sme: 'sme',
  potential: 'pot',
  entry: 'entry',
  bestMarket: 'rank',
  support: 'sup',
  nextAnswer: 'whatif',
};

/** The summary card, every line worded by the engine. With `go`, each line is a link to its card;
 *  without (the cards are not there yet), plain text.
 *  @template T
 *  @param {View} view
 *  @param {(tag: string, attrs?: object | null, ...kids: any[]) => T} make  h (DOM) or v (description)
 *  @param {SummaryLine[]} lines
 *  @param {((card: string) => void) | null} go */
export function summaryCard(view, make, lines, go) {
  return make(
    'section',
    { class: 'card sum', id: 'c-sum', 'aria-labelledby': 'ch-sum' },
    view.heading(make, 1, view.text('sumH'), { id: 'ch-sum' }),
    make(
      'ul',
      { class: 'sum-l' },
      lines.map((x) => {
        const inner = [make('span', { class: 'sl-l' }, x.label), ' ', make('span', { class: 'sl-t' }, x.text)];
        const card = TOPIC_CARD[x.topic];
        return make(
          'li',
          { class: 't-' + x.topic },
          go
            ? make(
                'a',
                {
                  href: '#c-' + card,
                  class: 'sl',
                  onclick: (/** @type {Event} */ e) => {
                    e.preventDefault();
                    go(card);
                  },
                },
                ...inner,
              )
            : make('span', { class: 'sl' }, ...inner),
        );
      }),
    ),
  );
}

/** Shows the answer at a glance alone, and where the rest of the result stands.
 *  @param {View} view
 *  @param {GlanceAnswer} answer
 *  @param {'loading' | 'failed'} rest */
export function renderGlance(view, answer, rest) {
  view.body.replaceChildren(
    h('div', { class: 'cards glance' }, summaryCard(view, h, answer.summary.lines, null), restNotice(view, rest)),
  );
}

/** The line under the summary: the rest is loading, or could not be loaded (with a retry).
 *  @param {View} view @param {'loading' | 'failed'} rest */
function restNotice(view, rest) {
  return rest === 'failed'
    ? h(
        'div',
        { class: 'msg warn rest', role: 'alert' },
        h('p', null, view.text('restFail')),
        h(
          'button',
          { type: 'button', class: 'btn', onclick: () => view.controller?.requestFull() },
          view.text('retry'),
        ),
      )
    : h('p', { class: 'loading rest', role: 'status' }, view.text('restLoading'));
}

/** The rest of the result is loading again, or failed: only the line under the summary changes.
 *  @param {View} view @param {'loading' | 'failed'} rest */
export function showRest(view, rest) {
  const line = view.body.querySelector('.glance > .rest');
  if (line) line.replaceWith(restNotice(view, rest));
}
