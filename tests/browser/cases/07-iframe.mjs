// 7. Iframe embed: embed.html (origin A) inside a parent page (origin B) that uses the README's
// parent snippet (copied from README.md when the site is built). The iframe takes the height of its content when results appear and when
// "more details" opens; the parent ignores height messages from a third origin (C) and from
// anything that is not the calculator's frame.

import { ready, enterCase, clickIn } from '../lib/widget.mjs';
import { readmeSnippet } from '../lib/site.mjs';

const TOL = 2; // px

async function poll(fn, ok, timeout, what) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const cases = [
  {
    id: '7',
    title: 'iframe embed: height follows the content via postMessage; other origins ignored',
    async run(t) {
      t.need(readmeSnippet(), 'README.md has no parent snippet (a ```js block handling sme-export:height) to test');
      const A = new URL(t.A).origin,
        B = new URL(t.B).origin,
        C = new URL(t.C).origin;
      const child = `${A}/embed.html?lang=ko&market=SA&parent=${encodeURIComponent(B)}`;
      const rogue = `${C}/__t/rogue.html`;
      // 700 px: one column, so "more details" (in the form, above the results) makes the page taller.
      const p = await t.page({ width: 700, height: 800 });
      await p.goto(`${B}/__t/parent.html?child=${encodeURIComponent(child)}&rogue=${encodeURIComponent(rogue)}`);
      const f = await p.frameOf(await p.handle(() => document.getElementById('sme-export-frame')));
      await ready(f, '#embed');
      const frameH = () =>
        f.evaluate(() => ({
          doc: Math.ceil(document.documentElement.getBoundingClientRect().height),
          scroll: document.documentElement.scrollHeight,
          inner: innerHeight,
        }));
      const iframeH = () =>
        p.evaluate(() => document.getElementById('sme-export-frame').getBoundingClientRect().height);
      const both = async () => ({ frame: await frameH(), iframe: await iframeH() });
      const fits = (x) => Math.abs(x.iframe - x.frame.doc) <= TOL && x.frame.scroll <= x.frame.inner + TOL;
      const h0 = await poll(both, fits, 10000, 'the iframe to take the height of the empty form');
      t.assert(h0.iframe > 400, `the iframe is only ${h0.iframe}px high with the form in it`);

      // Results appear: taller.
      t.step('results');
      await enterCase(f, '#embed', { revenueKrw: '35억', sector: 'medical_devices', market: 'SA' });
      const h1 = await poll(
        both,
        (x) => fits(x) && x.iframe > h0.iframe + 100,
        10000,
        'the iframe to grow with the results',
      );
      // "More details" opens: taller again.
      t.step('more details');
      await clickIn(f, '#embed', 'details.more > summary');
      const h2 = await poll(
        both,
        (x) => fits(x) && x.iframe > h1.iframe + 100,
        10000,
        'the iframe to grow with "more details"',
      );
      t.note(`heights ${h0.iframe} → ${h1.iframe} → ${h2.iframe} px`);

      // A third origin posts fake heights; the page itself posts one too. All ignored.
      t.step('fake heights');
      const rf = await p.frameOf(await p.handle(() => document.getElementById('rogue')));
      const seen0 = await p.evaluate(() => window.__msgs.length);
      await rf.evaluate(() => {
        for (const height of [123, 5000, 19999]) parent.postMessage({ type: 'sme-export:height', height }, '*');
      });
      await p.evaluate(() => window.postMessage({ type: 'sme-export:height', height: 77 }, '*'));
      const msgs = await poll(
        () =>
          p.evaluate(
            (n) => window.__msgs.slice(n).filter((m) => m.data && m.data.type === 'sme-export:height' && !m.own),
            seen0,
          ),
        (m) => m.length >= 4,
        5000,
        'the fake messages to arrive',
      );
      t.eq(msgs.map((m) => m.origin).sort(), [B, C, C, C].sort(), 'origins of the fake messages');
      await p.settle();
      const h3 = await both();
      t.assert(Math.abs(h3.iframe - h2.iframe) <= 0.5, `a fake height changed the iframe: ${h2.iframe} → ${h3.iframe}`);
      // The calculator's own messages name the parent as target and come from A.
      const own = await p.evaluate(() => window.__msgs.filter((m) => m.own).map((m) => m.origin));
      t.assert(own.length >= 3 && own.every((o) => o === own[0]), `messages from the calculator: ${own.join(', ')}`);
      t.eq(own[0], A, "origin of the calculator's messages");
    },
  },
];
