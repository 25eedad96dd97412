// 5. Privacy: once the page has loaded, using the calculator makes no network request at all;
// nothing ever goes to a host other than the page's own; no cookies; storage is only the
// documented sessionStorage keys ("sme-export:<id>"), nothing in localStorage, IndexedDB, Cache
// Storage or service workers.

import { ready, enterCase, openMore, typeInto, pick, clickIn } from '../lib/widget.mjs';

/** Init script: records every way a page script could send something. */
function netSpy() {
  window.__net = [];
  const note = (kind, what) => window.__net.push(kind + ' ' + String(what).slice(0, 200));
  const f = window.fetch;
  window.fetch = function (input, init) {
    note('fetch', (input && input.url) || input);
    return f.apply(this, arguments);
  };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (m, u) {
    note('xhr', u);
    return open.apply(this, arguments);
  };
  if (navigator.sendBeacon) {
    const b = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (u, d) => {
      note('beacon', u);
      return b(u, d);
    };
  }
  const WS = window.WebSocket;
  window.WebSocket = function (u, p) {
    note('websocket', u);
    return new WS(u, p);
  };
  const ES = window.EventSource;
  if (ES)
    window.EventSource = function (u, o) {
      note('eventsource', u);
      return new ES(u, o);
    };
}

export const cases = [
  {
    id: '5',
    title: 'privacy: no request while typing, none to other hosts, no cookies, only sme-export:* in sessionStorage',
    async run(t) {
      const p = await t.page({ width: 1280, height: 900, init: [netSpy] });
      await p.goto(t.A + 'index.html');
      await ready(p, '#calc-ko');
      await ready(p, '#calc-en');
      // The full module comes after the form is painted, before anything is typed: loading ends there.
      await p.waitFor(() => ['#calc-ko', '#calc-en'].every((s) => document.querySelector(s).controller?.whole), null, {
        what: 'both elements to have the full module',
      });
      await p.settle();
      const origin = new URL(t.A).origin;
      const loaded = p.log.requests.length;
      const foreign = p.log.requests.filter((r) => !r.url.startsWith(origin + '/') && !/^data:/.test(r.url));
      t.assert(!foreign.length, () => `requests to other hosts while loading: ${foreign.map((r) => r.url).join(', ')}`);
      const spied = await p.evaluate(() => window.__net.length);
      // Everything a person can change, in both elements.
      for (const [sel, c] of [
        ['#calc-ko', { revenueKrw: '35억', sector: 'medical_devices', market: 'SA' }],
        ['#calc-en', { revenueKrw: '1,250,000,000원', sector: 'medical_services', market: 'AE' }],
      ]) {
        await enterCase(p, sel, c);
        await openMore(p, sel);
        await typeInto(p, sel, 'currentExportsKrw', '10억');
        await typeInto(p, sel, 'exportsToMarketKrw', '2억');
        await typeInto(p, sel, 'totalAssetsKrw', '120억');
        await typeInto(p, sel, 'totalAssetsKrw', '잘못');
        await typeInto(p, sel, 'totalAssetsKrw', '120억');
        for (const q of ['certification', 'localPartner', 'exportExperience', 'localLanguage'])
          await clickIn(p, sel, `input[name=q-${q}][value=${q === 'localPartner' ? 'n' : 'y'}]`);
        await clickIn(p, sel, '#f-mc');
        await clickIn(p, sel, '#f-mc');
        await pick(p, sel, 'market', 'KZ');
        await pick(p, sel, 'sector', 'digital_health');
        for (const n of ['years', 'factors', 'rank']) await clickIn(p, sel, `details[data-n=${n}] > summary`);
        await clickIn(p, sel, 'details.more > summary');
      }
      // The live region speaks half a second after the last change: wait for it, then look.
      await p.waitFor(
        () =>
          /카자흐스탄/.test(document.querySelector('#calc-ko').shadowRoot.querySelector('[aria-live]').textContent) &&
          /Kazakhstan/.test(document.querySelector('#calc-en').shadowRoot.querySelector('[aria-live]').textContent),
        null,
        { what: 'both live regions to announce the last results' },
      );
      await p.settle();
      // data: and blob: URLs are read in the page itself (Firefox loads a built-in font as data:).
      const after = p.log.requests.slice(loaded).filter((r) => !/^(data|blob):/.test(r.url));
      t.assert(
        !after.length,
        () =>
          `${after.length} requests while typing: ${after
            .slice(0, 4)
            .map((r) => r.url)
            .join(', ')}`,
      );
      const net = await p.evaluate(() => window.__net.slice());
      t.assert(net.length === spied, () => `scripts tried to send: ${net.slice(spied).join(', ')}`);
      const store = await p.evaluate(async () => ({
        cookie: document.cookie,
        session: Object.keys(sessionStorage),
        local: Object.keys(localStorage),
        idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
        caches: self.caches ? await caches.keys() : [],
        sw: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
      }));
      t.eq(store.cookie, '', 'document.cookie');
      t.eq(await p.cookies(), [], 'cookies of the browser context');
      t.eq(store.session.sort(), ['sme-export:calc-en', 'sme-export:calc-ko'], 'sessionStorage keys');
      t.eq(store.local, [], 'localStorage keys');
      t.eq(store.idb, [], 'IndexedDB databases');
      t.eq(store.caches, [], 'Cache Storage');
      t.eq(store.sw, 0, 'service workers');
      t.note(`${loaded} requests while loading, all to ${origin}; 0 after`);
    },
  },
];
