// 6. Injection: markup in a dataset given by data-src (program names, market names, sources,
// notes, links) and in a share-link fragment is shown as text and runs nothing: window.__pwned
// stays undefined, no <img> appears, and the literal text is visible.

import { ready, enterCase, openMore, typeInto } from '../lib/widget.mjs';
import { PAYLOAD } from '../lib/site.mjs';

/** In the page: what became of the payload. */
function inspect(p) {
  return p.evaluate((P) => {
    const roots = [
      document,
      ...[...document.querySelectorAll('sme-export-calculator')].map((e) => e.shadowRoot).filter(Boolean),
    ];
    const imgs = roots.reduce(
      (n, r) => n + r.querySelectorAll('img, script:not([src]), iframe, object, embed').length,
      0,
    );
    const badLinks = roots.flatMap((r) =>
      [...r.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href'))
        .filter((h) => !/^(https?:|#|\.\/|\/)/i.test(h)),
    );
    // Visible text nodes that hold the payload literally.
    const visible = [];
    for (const r of roots.slice(1)) {
      const w = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
      for (let n; (n = w.nextNode());) {
        if (!n.data.includes(P)) continue;
        const el = n.parentElement;
        const rect = el.getClientRects().length ? el.getBoundingClientRect() : null;
        if (rect && rect.width > 1 && rect.height > 1 && getComputedStyle(el).visibility === 'visible')
          visible.push(el.tagName.toLowerCase() + '.' + (el.className || ''));
      }
    }
    const options = roots
      .slice(1)
      .flatMap((r) => [...r.querySelectorAll('option')].filter((o) => o.textContent.includes(P)).map((o) => o.value));
    const values = roots.slice(1).flatMap((r) => [...r.querySelectorAll('input[type=text]')].map((i) => i.value));
    return {
      pwned: typeof window.__pwned,
      imgs,
      badLinks,
      visible,
      options,
      values,
      escaped: roots.slice(1).some((r) => r.innerHTML.includes('&lt;img src=x')),
    };
  }, PAYLOAD);
}

export const cases = [
  {
    id: '6',
    title: 'injection: a data-src dataset with <img onerror> in names, sources, notes and javascript: links',
    async run(t) {
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + '__t/inject.html');
      for (const sel of ['#calc-ko', '#calc-en']) {
        await ready(p, sel);
        await p.waitFor(
          (s) =>
            [...document.querySelector(s).shadowRoot.querySelectorAll('#f-market option')].some((o) =>
              o.textContent.includes('<img'),
            ),
          sel,
          { what: `${sel} to use the dataset from data-src` },
        );
        await enterCase(p, sel, { revenueKrw: '35억', sector: 'medical_services', market: 'AE' });
        await openMore(p, sel);
        // Every part of the results open, as a curious person would.
        await p.evaluate(
          (s) =>
            document
              .querySelector(s)
              .shadowRoot.querySelectorAll('details')
              .forEach((d) => {
                d.open = true;
              }),
          sel,
        );
        await p.settle();
      }
      const r = await inspect(p);
      t.eq(r.pwned, 'undefined', 'typeof window.__pwned');
      t.eq(r.imgs, 0, 'img/script/iframe elements created');
      t.eq(r.badLinks, [], 'links that are not http(s)');
      t.assert(r.escaped, 'the payload is not in the shadow DOM as escaped text');
      t.assert(
        r.options.length >= 11,
        `market and sector names with the payload not shown in the lists (${r.options.length})`,
      );
      t.assert(r.visible.length >= 20, `the payload is visible as text in only ${r.visible.length} places`);
      const where = new Set(r.visible.map((x) => x.split('.')[0]));
      t.note(`payload shown literally in ${r.visible.length} visible places (${[...where].join(', ')})`);
    },
  },
  {
    id: '6',
    title: 'injection: a share-link fragment with <img onerror> in every parameter',
    async run(t) {
      const enc =
        '#sme-export=' +
        new URLSearchParams({
          r: PAYLOAD,
          s: PAYLOAD,
          m: PAYLOAD,
          ce: PAYLOAD,
          em: PAYLOAD,
          ta: PAYLOAD,
          mc: PAYLOAD,
          q: PAYLOAD,
          o: PAYLOAD,
          id: 'calc-ko',
        }).toString();
      const raw = `#sme-export=r=${PAYLOAD}&s=${PAYLOAD}&m=${PAYLOAD}&ce=${PAYLOAD}&id=${PAYLOAD}`;
      const rawKo = `#sme-export=r=${PAYLOAD}&s=${PAYLOAD}&m=${PAYLOAD}&ta=${PAYLOAD}`; // no id: the first element
      for (const [name, hash, sel] of [
        ['encoded', enc, '#calc-ko'],
        ['raw', rawKo, '#calc-ko'],
        ['raw, id payload', raw, null],
      ]) {
        const p = await t.page({ width: 1280, height: 900 });
        await p.goto(t.A + 'index.html' + hash);
        await ready(p, '#calc-ko');
        await ready(p, '#calc-en');
        await p.settle();
        const r = await inspect(p);
        t.eq(r.pwned, 'undefined', `${name}: typeof window.__pwned`);
        t.eq(r.imgs, 0, `${name}: img/script/iframe elements created`);
        if (sel) {
          const f = await p.evaluate((s) => {
            const R = document.querySelector(s).shadowRoot,
              v = (k) => R.querySelector('#f-' + k).value;
            return {
              r: v('revenueKrw'),
              s: v('sector'),
              m: v('market'),
              err: R.querySelector('#e-revenueKrw').textContent,
              errShown: !R.querySelector('#e-revenueKrw').hidden,
              open: R.querySelector('details.more').open,
            };
          }, sel);
          t.eq(f.r, PAYLOAD, `${name}: the revenue field shows the fragment's text as typed`);
          t.assert(f.s === '' && f.m === 'SA', `${name}: unknown sector/market ids were not refused (${f.s}, ${f.m})`);
          t.assert(f.errShown && f.err.length > 5, `${name}: no message for the revenue from the link`);
          t.assert(
            r.values.filter((x) => x === PAYLOAD).length >= 2,
            `${name}: the other amounts from the link are not shown as text`,
          );
          // Still a working form: correcting the revenue gives results.
          await typeInto(p, sel, 'revenueKrw', '35억');
          const ok = await p.evaluate(
            (s) => !document.querySelector(s).shadowRoot.querySelector('#e-revenueKrw').textContent,
            sel,
          );
          t.assert(ok, `${name}: correcting the revenue does not clear its message`);
        } else {
          const vals = await p.evaluate(
            () => document.querySelector('#calc-ko').shadowRoot.querySelector('#f-revenueKrw').value,
          );
          t.eq(vals, '', `${name}: a link for an element that does not exist filled the first one`);
        }
        await p.close();
      }
    },
  },
];
