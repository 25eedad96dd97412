// 9. Share and reload: a copied link reopens the same case in a new page (Chromium: the real
// clipboard, with permission; Firefox: the clipboard is refused, as when a browser denies it,
// and the link is read from the fallback field); a reload keeps what was typed (sessionStorage);
// typing never changes the host page's URL or history.

import { ready, enterCase, openMore, typeInto, clickIn, compareWithEngine } from '../lib/widget.mjs';

const CASE = {
  revenueKrw: '3억 5천만',
  sector: 'pharmaceuticals',
  market: 'KZ',
  currentExportsKrw: '1억',
  exportsToMarketKrw: '2천만',
  totalAssetsKrw: '50억',
};

/** Init script for Firefox: the clipboard refuses, so the widget shows its fallback field. */
function denyClipboard() {
  if (navigator.clipboard)
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied by the test', 'NotAllowedError'));
}

/** Everything typed or chosen in a widget, and the headline results. */
const snapshot = (p, sel) =>
  p.evaluate((s) => {
    const R = document.querySelector(s).shadowRoot,
      v = (k) => R.querySelector('#f-' + k).value;
    const txt = (q) => (R.querySelector(q) || { textContent: '' }).textContent.trim();
    return {
      fields: ['revenueKrw', 'sector', 'market', 'currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw'].map(v),
      mc: R.querySelector('#f-mc').checked,
      q: ['certification', 'localPartner', 'exportExperience', 'localLanguage']
        .map((q) => (R.querySelector(`input[name=q-${q}]:checked`) || {}).value)
        .join(''),
      more: R.querySelector('details.more').open,
      sme: txt('.card.sme .badge'),
      base: txt('.fig.main .num'),
      range: txt('.figs .fig:nth-child(2) .num'),
      ranking: [...R.querySelectorAll('details[data-n=rank] tbody tr')].map((tr) => tr.textContent.trim()).join(' / '),
      support: [...R.querySelectorAll('.pname')].map((e) => e.textContent).join(' / '),
    };
  }, sel);

async function fillCase(p, sel) {
  await enterCase(p, sel, CASE);
  await openMore(p, sel);
  await clickIn(p, sel, 'input[name=q-certification][value=y]');
  await clickIn(p, sel, 'input[name=q-exportExperience][value=n]');
  await p.settle();
}

export const cases = [
  {
    id: '9',
    title: 'share link: the copied link reopens the same case in a new page',
    async run(t) {
      const sel = '#calc-ko';
      const origin = new URL(t.A).origin;
      const p = await t.page({
        width: 1280,
        height: 900,
        clipboardOrigin: origin,
        init: t.kind === 'firefox' ? [denyClipboard] : [],
      });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await fillCase(p, sel);
      const before = await snapshot(p, sel);
      await clickIn(p, sel, '.actions .btn');
      await p.waitFor((s) => !document.querySelector(s).shadowRoot.querySelector('.share').hidden, sel, {
        what: 'the copy-link message',
      });
      let link;
      if (t.kind === 'chromium') {
        link = await p.evaluate(() => navigator.clipboard.readText());
        const msg = await p.evaluate(
          (s) => document.querySelector(s).shadowRoot.querySelector('.share').textContent,
          sel,
        );
        t.assert(/복사했습니다/.test(msg), `no "copied" message: ${msg}`);
      } else {
        const f = await p.evaluate((s) => {
          const R = document.querySelector(s).shadowRoot,
            i = R.querySelector('#share-url');
          return (
            i && {
              value: i.value,
              focused: R.activeElement === i,
              selected: i.selectionEnd - i.selectionStart,
              label: !!R.querySelector('label[for=share-url]'),
            }
          );
        }, sel);
        t.need(f, 'no fallback field with the link when the clipboard refuses');
        t.assert(
          f.focused && f.selected === f.value.length && f.label,
          `the fallback field is not focused, selected and labelled: ${JSON.stringify(f)}`,
        );
        link = f.value;
      }
      t.need(
        typeof link === 'string' && link.startsWith(t.A + 'index.html#sme-export='),
        `the link is ${JSON.stringify(link)}`,
      );
      // A new page in a fresh context (no sessionStorage): the link alone carries the case.
      const q = await t.page({ width: 1280, height: 900 });
      await q.goto(link);
      await ready(q, sel);
      await q.waitFor((s) => !!document.querySelector(s).shadowRoot.querySelector('.card.pot'), sel, {
        what: 'results from the link',
      });
      await q.settle();
      const after = await snapshot(q, sel);
      t.eq(after, before, 'the case reopened from the link');
      const other = await q.evaluate(
        () => document.querySelector('#calc-en').shadowRoot.querySelector('#f-revenueKrw').value,
      );
      t.eq(other, '', 'the other element on the page after opening the link');
      (
        await compareWithEngine(q, sel, {
          ...CASE,
          readiness: { certification: true, exportExperience: false },
          lang: 'ko',
        })
      ).bad.forEach((x) => t.problem('reopened: ' + x));
      t.note(`${t.kind === 'chromium' ? 'clipboard' : 'fallback field'}; link ${link.length} chars`);
    },
  },
  {
    id: '9',
    title: 'reload keeps what was typed (sessionStorage), including a bad value and its message',
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await fillCase(p, sel);
      await typeInto(p, '#calc-en', 'revenueKrw', '12.5억');
      const before = await snapshot(p, sel);
      await p.reload();
      await ready(p, sel);
      await p.waitFor((s) => !!document.querySelector(s).shadowRoot.querySelector('.card.pot'), sel, {
        what: 'results after the reload',
      });
      await p.settle();
      t.eq(await snapshot(p, sel), before, 'the Korean element after a reload');
      t.eq(
        await p.evaluate(() => document.querySelector('#calc-en').shadowRoot.querySelector('#f-revenueKrw').value),
        '12.5억',
        'the English element after a reload',
      );
      // A bad value survives a reload as typed, with its message.
      await typeInto(p, sel, 'totalAssetsKrw', '50억억');
      await p.reload();
      await ready(p, sel);
      await p.settle();
      const bad = await p.evaluate((s) => {
        const R = document.querySelector(s).shadowRoot;
        return {
          v: R.querySelector('#f-totalAssetsKrw').value,
          inv: R.querySelector('#f-totalAssetsKrw').getAttribute('aria-invalid'),
          msg: !R.querySelector('#e-totalAssetsKrw').hidden,
        };
      }, sel);
      t.eq(bad, { v: '50억억', inv: 'true', msg: true }, 'a bad value after a reload');
      // A new tab of the same site starts empty (sessionStorage is per tab).
      const q = await t.page({ width: 1280, height: 900 });
      await q.goto(t.A + 'index.html');
      await ready(q, sel);
      t.eq(
        await q.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('#f-revenueKrw').value, sel),
        '',
        'the revenue in a new tab',
      );
    },
  },
  {
    id: '9',
    title: 'typing never changes the host page URL or its history',
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 900 });
      const start = t.A + 'index.html?from=test#section';
      await p.goto(start);
      await ready(p, sel);
      const loc0 = await p.evaluate(() => ({ href: location.href, history: history.length, state: history.state }));
      await fillCase(p, sel);
      await typeInto(p, sel, 'revenueKrw', 'abc');
      await typeInto(p, sel, 'revenueKrw', '36억');
      await typeInto(p, '#calc-en', 'revenueKrw', '1억');
      await p.evaluate(() => document.querySelector('#calc-ko').setAttribute('lang', 'en'));
      await p.settle();
      await clickIn(p, sel, '.actions .btn');
      await p.settle();
      const loc1 = await p.evaluate(() => ({ href: location.href, history: history.length, state: history.state }));
      t.eq(loc1, loc0, 'location and history after typing');
      t.eq(p.url(), start, 'the page URL seen by the browser');
    },
  },
];
