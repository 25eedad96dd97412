// 12. Nothing lost on a bad network: the answer at a glance comes from the first-answer module;
// when the full module (pkg/sme_export_bg.wasm) is blocked, served a 404 or held back 5 s, the
// answer stays on screen, a line under it says what is missing (with a retry when it failed), and
// the whole result arrives once the module does. The site is reached through a small proxy on a
// port of its own that does to that one file what the case says (the same in both browsers: no
// request interception, which the two drivers do differently).

import http from 'node:http';
import { ready, typeInto, pick } from '../lib/widget.mjs';
import { forward } from '../lib/site.mjs';

const WASM = '/pkg/sme_export_bg.wasm';
const DELAY_MS = 5000;

/** The proxy. `mode.now`: 'pass', 'block' (the connection dropped without an answer), '404' or
 *  'delay' (passed on after DELAY_MS); with `mode.gate` (a promise) a request for the full module
 *  waits for it before it is blocked or given its 404, so that the case sees the answer at a glance
 *  with its loading line first. `served` lists each request for the full module and what it got. */
let proxy = null;
const mode = { now: 'pass', gate: null };
/** @type {{how: string, at: number}[]} */
const served = [];
async function proxyTo(siteUrl) {
  if (proxy) return proxy;
  const site = new URL(siteUrl);
  const server = http.createServer((req, res) => {
    const pass = () => forward(site, req, res);
    if (new URL(req.url, 'http://x').pathname !== WASM) return pass();
    const how = mode.now;
    served.push({ how, at: Date.now() });
    if (how === 'pass') return pass();
    if (how === 'delay') {
      const timer = setTimeout(pass, DELAY_MS);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    Promise.resolve(mode.gate).then(() => {
      if (how === 'block') return req.socket.destroy();
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end('not found\n');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  process.on('exit', () => server.closeAllConnections?.());
  proxy = `http://127.0.0.1:${server.address().port}/`;
  return proxy;
}

/** What the reader sees in the results of `sel`: the summary's lines (topic, label, text), whether
 *  they are plain text or links (and where the links go), the line about the rest, and whether
 *  the whole result is there; and how many result events the element has sent. */
function results(p, sel) {
  return p.evaluate((s) => {
    const host = document.querySelector(s),
      R = host.shadowRoot;
    const txt = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : '');
    const rest = R.querySelector('.glance > .rest');
    const button = rest && rest.querySelector('button');
    return {
      lines: [...R.querySelectorAll('.card.sum li')].map((li) => [
        li.className.replace(/^t-/, ''),
        txt(li.querySelector('.sl-l')),
        txt(li.querySelector('.sl-t')),
      ]),
      plain: R.querySelectorAll('.card.sum li > span.sl').length,
      links: [...R.querySelectorAll('.card.sum li > a.sl')].map((a) => a.getAttribute('href')),
      glance: !!R.querySelector('.cards.glance > #c-sum'),
      rest: txt(rest),
      restRole: rest ? rest.getAttribute('role') : null,
      restKind: rest ? rest.tagName.toLowerCase() + '.' + [...rest.classList].sort().join('.') : null,
      retry: button ? { text: txt(button), cls: button.className, type: button.type } : null,
      whole:
        !!R.querySelector('.cards:not(.glance) > #c-sum') &&
        !!R.querySelector('#c-pot') &&
        !!R.querySelector('#c-rank'),
      events: window.__smeResults.filter((x) => x.id === host.id).map((x) => x.market),
    };
  }, sel);
}

/** The first module's own answer at a glance for the same input, read in the page from its glue
 *  (the instance the element loaded); and the amounts of the potential line shown (`potText`),
 *  read back with the engine's parseAmount (Korean) or as "KRW n million" (English). */
function firstModuleGlance(p, input, potText = '') {
  return p.evaluate(
    async ([i, pot]) => {
      const m = await import(new URL('pkg-first/sme_export.js', document.baseURI).href);
      await m.default();
      const now = new Date(),
        two = (n) => String(n).padStart(2, '0');
      const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
      const s = m.glance({ ...i, today }).summary;
      const SCALE = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
      const shown =
        i.lang === 'ko'
          ? (pot.match(/(?:[\d,]+(?:조|억|만) )*[\d,]+(?:조|억|만)? 원/g) || []).map((a) => m.parseAmount(a, 'ko'))
          : [...pot.matchAll(/KRW ([\d,]+(?:\.\d+)?)(?: (thousand|million|billion|trillion))?/g)].map((x) =>
              Math.round(Number(x[1].replace(/,/g, '')) * (SCALE[x[2]] || 1)),
            );
      return {
        lines: s.lines.map((l) => [l.topic, l.label, l.text.replace(/\s+/g, ' ').trim()]),
        amounts: [s.baseKrw, s.lowKrw, s.highKrw],
        shown,
      };
    },
    [input, potText],
  );
}

/** The summary's lines hold up: at least five, each with a label and a text, all as the first
 *  module words them; the potential line with the base figure and its range in won, each equal to
 *  the engine's to the 3 significant digits shown. */
async function checkGlance(t, p, shown, input, what) {
  const pot = shown.lines.find(([topic]) => topic === 'potential');
  const want = await firstModuleGlance(p, input, pot ? pot[2] : '');
  t.assert(shown.lines.length >= 5, () => `${what}: the answer at a glance has ${shown.lines.length} lines`);
  t.assert(
    shown.lines.every(([, label, text]) => label && text),
    () => `${what}: a line without text: ${JSON.stringify(shown.lines)}`,
  );
  t.eq(shown.lines, want.lines, `${what}: the answer at a glance, as the first module words it`);
  const close = (got, krw) =>
    Math.abs(got - krw) <= Math.max(Math.abs(krw) * (input.lang === 'ko' ? 0.0051 : 0.0101), 1);
  t.assert(
    pot && want.shown.length === 3 && want.amounts.every((krw, k) => close(want.shown[k], krw)),
    () =>
      `${what}: the potential line "${pot && pot[2]}" reads ${want.shown.join(', ')}, the engine gives ${want.amounts.join(', ')} won`,
  );
  return want;
}

const SHOW = { what: 'the element to fill its results', timeout: 15000 };
/** Waits until every selector of `inner` is inside the shadow root of `sel` (evaluated in the page). */
function waitIn(p, sel, inner, opts) {
  return p.waitFor(
    ([s, all]) => {
      const R = document.querySelector(s).shadowRoot;
      return all.every((i) => !!R.querySelector(i));
    },
    [sel, inner],
    { ...SHOW, ...opts },
  );
}

/** Waits (in node) until the proxy has had `n` requests for the full module, at most 10 s. */
async function requested(n = 1) {
  for (const end = Date.now() + 10000; served.length < n && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 25));
  return served.length >= n;
}

/** Types `c` into `sel` as a person does. */
async function enter(p, sel, c) {
  await typeInto(p, sel, 'revenueKrw', c.revenueKrw);
  await pick(p, sel, 'sector', c.sector);
  await pick(p, sel, 'market', c.market);
}

const KO = { sel: '#calc-ko', input: { revenueKrw: '35억', sector: 'medical_devices', market: 'SA', lang: 'ko' } };
const EN = { sel: '#calc-en', input: { revenueKrw: '12.5억', sector: 'digital_health', market: 'UZ', lang: 'en' } };
const NOTICE = {
  ko: {
    fail: /그래프.*시장 순위.*불러오지 못했습니다.*한눈에 보는 결과는 그대로/,
    retry: '다시 시도',
    loading: /불러오는 중/,
  },
  en: {
    fail: /charts.*market ranking.*could not be loaded.*answer at a glance above stands/i,
    retry: 'Try again',
    loading: /^Loading the charts/,
  },
};

/** The console lines a failed fetch of the full module gives: the widget's report, and Chromium's
 *  line for the failed resource. Anything else is a failure (the runner's check). */
const LOAD_FAILURE = {
  block: /^(sme-export: could not load the rest of the result\b|Failed to load resource: net::ERR_EMPTY_RESPONSE$)/,
  404: /^(sme-export: could not load the rest of the result\b|Failed to load resource: the server responded with a status of 404 \(Not Found\)$)/,
};

function failing(how, label) {
  return {
    id: '12',
    title: `the full module ${label}: the answer at a glance stays, the notice says what is missing, "try again" brings the whole result`,
    allowConsole: LOAD_FAILURE[how],
    async run(t) {
      const base = await proxyTo(t.A);
      served.length = 0;
      let release = () => {};
      mode.gate = new Promise((r) => (release = r));
      mode.now = how;
      try {
        const p = await t.page({ width: 1280, height: 900 });
        t.step('the page, both elements');
        await p.goto(base + 'index.html');
        await ready(p, KO.sel);
        await ready(p, EN.sel);
        await enter(p, KO.sel, KO.input);
        await enter(p, EN.sel, EN.input);

        // While the full module is on its way: the answer at a glance and a loading line.
        t.step('the answer at a glance while the full module is on its way');
        const before = {};
        for (const { sel, input } of [KO, EN]) {
          await waitIn(p, sel, ['.glance > .rest[role=status]'], { what: `${sel}: the loading line` });
          before[sel] = await results(p, sel);
          await checkGlance(t, p, before[sel], input, `${sel} loading`);
          t.assert(
            NOTICE[input.lang].loading.test(before[sel].rest),
            () => `${sel}: the loading line says: ${before[sel].rest}`,
          );
        }
        t.need(
          (await requested()) && served.every((x) => x.how === how),
          `the full module was not asked for through the proxy (${JSON.stringify(served)})`,
        );

        // The request fails: the answer stays as it was; the line under it says what is missing.
        t.step(`the full module ${label}`);
        release();
        for (const { sel, input } of [KO, EN]) {
          await waitIn(p, sel, ['.glance > .rest[role=alert]'], {
            what: `${sel}: the notice that the rest could not be loaded`,
          });
          await p.settle();
          const shown = await results(p, sel);
          await checkGlance(t, p, shown, input, `${sel} failed`);
          t.eq(shown.lines, before[sel].lines, `${sel}: the answer at a glance after the failure, as before it`);
          t.eq(
            {
              glance: shown.glance,
              whole: shown.whole,
              plain: shown.plain,
              links: shown.links,
              restKind: shown.restKind,
              retry: shown.retry,
              events: shown.events,
            },
            {
              glance: true,
              whole: false,
              plain: shown.lines.length,
              links: [],
              restKind: 'div.msg.rest.warn',
              retry: { text: NOTICE[input.lang].retry, cls: 'btn', type: 'button' },
              events: [],
            },
            `${sel}: the glance alone, its lines plain text, a notice with a retry`,
          );
          t.assert(NOTICE[input.lang].fail.test(shown.rest), () => `${sel}: the notice says: ${shown.rest}`);
        }
        const reported = p.log.console.filter((c) => /could not load the rest of the result/.test(c.text)).length;
        t.assert(reported >= 1, 'the widget did not report the failed load in the console');
        for (const c of p.log.console.filter((c) => /^Failed to load resource/.test(c.text)))
          t.assert(new URL(c.url).pathname === WASM, () => `a resource other than the full module failed: ${c.url}`);

        // Still no network: the answer at a glance follows the reader's edits, the notice stays.
        t.step('an edit while the full module is missing');
        const edited = { ...KO.input, market: 'AE' };
        await pick(p, KO.sel, 'market', edited.market);
        const afterEdit = await results(p, KO.sel);
        const wantEdited = await checkGlance(t, p, afterEdit, edited, `${KO.sel} edited`);
        t.assert(
          JSON.stringify(afterEdit.lines) !== JSON.stringify(before[KO.sel].lines),
          'the answer at a glance did not change with the market',
        );
        t.eq(
          { restRole: afterEdit.restRole, retry: !!afterEdit.retry },
          { restRole: 'alert', retry: true },
          `${KO.sel}: the notice after an edit`,
        );

        // The network is back: "try again" brings the whole result, whose summary is the same,
        // its lines now links to their cards.
        t.step('"try again" with the network back');
        mode.now = 'pass';
        const failedRequests = served.length;
        await p.click(
          await p.handle((s) => document.querySelector(s).shadowRoot.querySelector('.rest button'), KO.sel),
        );
        await waitIn(p, KO.sel, ['#c-pot', '#c-sup'], { what: `${KO.sel}: the whole result after "try again"` });
        await p.settle();
        t.assert(
          served.slice(failedRequests).some((x) => x.how === 'pass'),
          () => `"try again" did not fetch the full module again (${JSON.stringify(served)})`,
        );
        const after = await results(p, KO.sel);
        const cards = {
          sme: 'sme',
          potential: 'pot',
          entry: 'entry',
          bestMarket: 'rank',
          support: 'sup',
          nextAnswer: 'whatif',
        };
        t.eq(after.lines, wantEdited.lines, `${KO.sel}: the summary of the whole result`);
        t.eq(
          {
            glance: after.glance,
            whole: after.whole,
            plain: after.plain,
            links: after.links,
            rest: after.rest,
            events: after.events,
          },
          {
            glance: false,
            whole: true,
            plain: 0,
            links: after.lines.map(([topic]) => '#c-' + cards[topic]),
            rest: '',
            events: [edited.market],
          },
          `${KO.sel}: the whole result, lines are links to their cards, no notice, one result event`,
        );
        // The English element asks again on its own "try again"; the module is in by now.
        t.step(`${EN.sel}: "try again"`);
        await p.click(
          await p.handle((s) => document.querySelector(s).shadowRoot.querySelector('.rest button'), EN.sel),
        );
        await waitIn(p, EN.sel, ['#c-pot', '#c-sup'], { what: `${EN.sel}: the whole result after "try again"` });
        await p.settle();
        const en = await results(p, EN.sel);
        t.eq(en.lines, before[EN.sel].lines, `${EN.sel}: the summary of the whole result`);
        t.eq(
          { whole: en.whole, links: en.links.length, rest: en.rest, events: en.events },
          { whole: true, links: en.lines.length, rest: '', events: [EN.input.market] },
          `${EN.sel}: the whole result`,
        );
        t.note(
          `${before[KO.sel].lines.length} + ${before[EN.sel].lines.length} lines kept; ` +
            `${failedRequests} request(s) ${how === 'block' ? 'dropped' : 'given a 404'}; retry brought the whole result`,
        );
      } finally {
        release();
        mode.now = 'pass';
        mode.gate = null;
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
    served.length = 0;
    mode.now = 'delay';
    try {
      const { sel, input } = KO;
      const p = await t.page({ width: 375, height: 800 });
      t.step('the page');
      await p.goto(base + 'index.html');
      await ready(p, sel);
      await enter(p, sel, input);
      t.step('the answer at a glance while the full module is held back');
      await waitIn(p, sel, ['.glance > .rest[role=status]'], { what: 'the loading line' });
      t.need(
        (await requested()) && served.length === 1 && served[0].how === 'delay',
        `the full module was not held back (${JSON.stringify(served)})`,
      );
      let want = null;
      const during = [await results(p, sel)];
      // Half-way through the hold, it is all still there.
      await new Promise((r) => setTimeout(r, Math.max(0, served[0].at + DELAY_MS / 2 - Date.now())));
      during.push(await results(p, sel));
      for (const [i, d] of during.entries()) {
        want = await checkGlance(t, p, d, input, `during the hold (${i ? 'half-way' : 'at first'})`);
        t.eq(
          { glance: d.glance, whole: d.whole, restKind: d.restKind, retry: d.retry, links: d.links, events: d.events },
          { glance: true, whole: false, restKind: 'p.loading.rest', retry: null, links: [], events: [] },
          `while the full module is on its way (${i ? 'half-way' : 'at first'})`,
        );
        t.assert(NOTICE.ko.loading.test(d.rest), () => `the loading line says: ${d.rest}`);
      }
      t.step('the whole result once the held-back module arrives');
      await waitIn(p, sel, ['#c-pot', '#c-sup'], {
        what: 'the whole result once the held-back module arrives',
        timeout: DELAY_MS + 10000,
      });
      const arrived = Date.now() - served[0].at;
      await p.settle();
      t.assert(
        arrived >= DELAY_MS,
        () => `the whole result came ${arrived} ms after the request, before the hold ended`,
      );
      const after = await results(p, sel);
      t.eq(after.lines, want.lines, 'the same summary in the whole result');
      t.eq(
        { glance: after.glance, whole: after.whole, links: after.links.length, rest: after.rest, events: after.events },
        { glance: false, whole: true, links: after.lines.length, rest: '', events: [input.market] },
        'the whole result, lines are links, no loading line, one result event',
      );
      t.eq(served.length, 1, 'requests for the full module (no retry)');
      t.note(`whole result ${arrived} ms after the full module was asked for`);
    } finally {
      mode.now = 'pass';
    }
  },
};

export const cases = [failing('block', 'blocked'), failing('404', 'served a 404'), slow];
