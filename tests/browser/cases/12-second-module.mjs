// 12. Nothing lost on a bad network: the answer at a glance comes from the first-answer module;
// when the full module (pkg/sme_export_bg.wasm) is blocked, served a 404 or held back 5 s, the
// answer stays on screen, a line under it says what is missing (with a retry when it failed), and
// the whole result arrives once the module does. The site is reached through a small proxy on a
// port of its own that does to that one file what the case says (the same in both browsers).

import http from 'node:http';
import { ready, typeInto, pick } from '../lib/widget.mjs';
import { forward } from '../lib/site.mjs';

const WASM = '/pkg/sme_export_bg.wasm';
const DELAY_MS = 5000;

/** The proxy: `mode.now` is 'pass', 'block' (the connection dropped), '404' or 'delay'. */
let proxy = null;
const mode = { now: 'pass' };
async function proxyTo(siteUrl) {
  if (proxy) return proxy;
  const site = new URL(siteUrl);
  const server = http.createServer((req, res) => {
    const pass = () => forward(site, req, res);
    if (new URL(req.url, 'http://x').pathname !== WASM || mode.now === 'pass') return pass();
    if (mode.now === 'block') return req.socket.destroy();
    if (mode.now === '404') {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      return res.end('not found\n');
    }
    const timer = setTimeout(pass, DELAY_MS);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  process.on('exit', () => server.closeAllConnections?.());
  proxy = `http://127.0.0.1:${server.address().port}/`;
  return proxy;
}

/** What the reader sees in the results: the summary's lines, whether they are links, the line
 *  about the rest, and whether the whole result is there. */
function results(p, sel) {
  return p.evaluate((s) => {
    const R = document.querySelector(s).shadowRoot;
    const txt = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : '');
    const rest = R.querySelector('.glance > .rest');
    return {
      lines: [...R.querySelectorAll('.card.sum li')].map((li) => [
        txt(li.querySelector('.sl-l')),
        txt(li.querySelector('.sl-t')),
      ]),
      links: R.querySelectorAll('.card.sum a.sl').length,
      rest: txt(rest),
      restRole: rest ? rest.getAttribute('role') : null,
      retry: !!(rest && rest.querySelector('button')),
      whole: !!R.querySelector('#c-pot') && !!R.querySelector('#c-sup'),
    };
  }, sel);
}

/** The summary the first module gives for the same input, read in the page from its own glue. */
function firstModuleSummary(p, input) {
  return p.evaluate(async (i) => {
    const m = await import(new URL('pkg-first/sme_export.js', document.baseURI).href);
    await m.default();
    const now = new Date(),
      two = (n) => String(n).padStart(2, '0');
    const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
    return m.glance({ ...i, today }).summary.lines.map((l) => [l.label, l.text.replace(/\s+/g, ' ').trim()]);
  }, input);
}

const SEL = '#calc-ko';
const INPUT = { revenueKrw: '35억', sector: 'medical_devices', market: 'SA', lang: 'ko' };

function failing(how, label) {
  return {
    id: '12',
    title: `the full module ${label}: the answer at a glance stays, the notice says what is missing, "try again" brings the whole result`,
    allowConsole: /could not load the rest of the result|Failed to load resource|net::ERR|HTTP 404|NetworkError|fetch/i,
    async run(t) {
      const base = await proxyTo(t.A);
      mode.now = how;
      try {
        const p = await t.page({ width: 1280, height: 900 });
        await p.goto(base + 'index.html');
        await ready(p, SEL);
        await typeInto(p, SEL, 'revenueKrw', INPUT.revenueKrw);
        await pick(p, SEL, 'sector', INPUT.sector);
        await pick(p, SEL, 'market', INPUT.market);
        await p.waitFor(
          (s) => !!document.querySelector(s).shadowRoot.querySelector('.glance > .rest[role=alert]'),
          SEL,
          {
            what: 'the notice that the rest could not be loaded',
            timeout: 15000,
          },
        );
        const shown = await results(p, SEL);
        const want = await firstModuleSummary(p, INPUT);
        t.need(shown.lines.length >= 5, `the answer at a glance has ${shown.lines.length} lines`);
        t.eq(shown.lines, want, 'the answer at a glance, as the first module words it');
        t.assert(/만 원/.test(shown.lines[1][1]), () => `the potential line has no won amount: ${shown.lines[1][1]}`);
        t.eq(
          { links: shown.links, retry: shown.retry, whole: shown.whole, restRole: shown.restRole },
          { links: 0, retry: true, whole: false, restRole: 'alert' },
          'the glance alone, its lines plain text, with a retry',
        );
        t.assert(/그래프.*불러오지 못했습니다/.test(shown.rest), () => `the notice says: ${shown.rest}`);
        // The network is back: "try again" brings the whole result, whose summary is the same.
        mode.now = 'pass';
        await p.click(await p.handle((s) => document.querySelector(s).shadowRoot.querySelector('.rest button'), SEL));
        await p.waitFor((s) => !!document.querySelector(s).shadowRoot.querySelector('#c-sup'), SEL, {
          what: 'the whole result after "try again"',
          timeout: 15000,
        });
        await p.settle();
        const after = await results(p, SEL);
        t.eq(after.lines, want, 'the summary of the whole result');
        t.eq({ links: after.links, rest: after.rest }, { links: want.length, rest: '' }, 'lines are links, no notice');
        t.note(`${shown.lines.length} lines kept; retry brought the whole result`);
      } finally {
        mode.now = 'pass';
      }
    },
  };
}

const slow = {
  id: '12',
  title:
    'the full module held back 5 s: the answer at a glance and a loading line meanwhile, then the whole result by itself',
  async run(t) {
    const base = await proxyTo(t.A);
    mode.now = 'delay';
    try {
      const p = await t.page({ width: 375, height: 800 });
      await p.goto(base + 'index.html');
      await ready(p, SEL);
      await typeInto(p, SEL, 'revenueKrw', INPUT.revenueKrw);
      await pick(p, SEL, 'sector', INPUT.sector);
      await pick(p, SEL, 'market', INPUT.market);
      const during = await results(p, SEL);
      t.assert(during.lines.length >= 5, () => `the answer at a glance has ${during.lines.length} lines`);
      t.eq(
        { whole: during.whole, restRole: during.restRole, retry: during.retry },
        { whole: false, restRole: 'status', retry: false },
        'while the full module is on its way',
      );
      t.assert(/불러오는 중/.test(during.rest), () => `the loading line says: ${during.rest}`);
      const t0 = Date.now();
      await p.waitFor((s) => !!document.querySelector(s).shadowRoot.querySelector('#c-sup'), SEL, {
        what: 'the whole result once the held-back module arrives',
        timeout: DELAY_MS + 10000,
      });
      const after = await results(p, SEL);
      t.eq(after.lines, during.lines, 'the same summary in the whole result');
      t.note(`whole result ${Date.now() - t0} ms after the glance was read`);
    } finally {
      mode.now = 'pass';
    }
  },
};

export const cases = [failing('block', 'blocked'), failing('404', 'served a 404'), slow];
