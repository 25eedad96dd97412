#!/usr/bin/env node
// The benchmark behind scripts/bench.sh (run that: it builds dist/ and the native programs first).
// Prints ONE table, every figure measured in this run, and with --write FILE replaces the results
// block of FILE (docs/BENCHMARK.md) between its two marker lines.
//
//   node bench/run.mjs --dist dist [--chromium /usr/bin/chromium] [--runs 21 (at least 15)] [--edits 200]
//                      [--slow-runs 7 (at least 3)] [--waterfall-runs 7 (at least 3)]
//                      [--engine-native target/release/examples/bench_engine]
//                      [--cli target/release/sme-export] [--rows 200000] [--write docs/BENCHMARK.md]
//
// 1. size         raw, gzip -9, brotli 11 of the widget's files before the answer at a glance (the
//                 element's script and the chunks it imports at once, its stylesheet, pkg-first/)
//                 and after it (calculator/full*.js, pkg/), from tests/size/check.mjs
//                 (measureWidget), next to Chart.js 4.6.1 chart.umd.min.js and uPlot 1.6.32
//                 uPlot.iife.min.js
// 2. first result headless Chromium, in the same runs: navigation start -> the answer at a glance
//                 painted (the first frame whose summary card .card.sum .sl-t holds a won
//                 amount, from the first-answer module; bench/widget.html) and -> the full first
//                 result with both charts drawn, painted (from the full module); each against the
//                 first result of bench/reference-chartjs.html, alternated A B A B, each run in a
//                 new browser context (cold: its own empty HTTP and code cache); on loopback, then
//                 on a throttled "slow 4G" link (CDP Network.emulateNetworkConditions, cache
//                 disabled), fewer runs, served as it is and served gzip -9 (a second server on
//                 the same files, as a host that compresses .wasm, .js and .css)
// 2b. waterfall   separate instrumented cold runs on both links of three pages (widget, reference,
//                 bench/widget-preload.html: the widget with a host's preload lines): every
//                 request (Resource Timing), each module's Wasm compile and instantiate, element
//                 shown, the answer at a glance, the full first result
// 3. keystroke    after the full first result (the full module in, the glance replaced): input
//                 event on the revenue field -> new results and charts painted, against
//                 chart.update() of the reference; both start at a random point of the frame
// 4. engine       estimate() per second: Wasm in Node (the shipped glue + .wasm) and native,
//                 two inputs in turn
// 5. batch        `sme-export batch` rows per second on a generated CSV, when the CLI was built
// See docs/BENCHMARK.md for the method and its limits.

import { spawn } from 'node:child_process';
import { promises as fsp, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { startServer } from '../scripts/serve.mjs';
import { BUDGET_GZIP, CHARTJS_GZIP, ELEMENT, measureFile, measureWidget, widgetFiles } from '../tests/size/check.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const DIST = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
const CHROMIUM = opt('--chromium', process.env.CHROMIUM_BIN || '/usr/bin/chromium');
const RUNS = Math.max(15, Number(opt('--runs', 21)) | 0);
const EDITS = Math.max(20, Number(opt('--edits', 200)) | 0);
const ENGINE_NATIVE = opt('--engine-native', '');
const CLI = opt('--cli', '');
const ROWS = Math.max(1000, Number(opt('--rows', 200000)) | 0);
const WRITE = opt('--write', '');
const SLOW_RUNS = Math.max(3, Number(opt('--slow-runs', 7)) | 0);
const WATERFALL_RUNS = Math.max(3, Number(opt('--waterfall-runs', 7)) | 0);
// Engine: ENGINE_ROUNDS rounds, each Wasm then native for ENGINE_SECONDS, so both see the same
// load; the ratio is taken per round (the machine is shared and its speed moves by 2x).
const ENGINE_ROUNDS = 5;
const ENGINE_SECONDS = 0.6;
const LOAD_AT_START = os.loadavg()[0]; // anything else running shows in the browser figures

// The benchmark input: what a user types first, and the second value the keystroke test
// alternates with. Same numbers for the widget (share link), the reference (estimate() output)
// and the engine loops.
const SECTOR = 'medical_devices';
const MARKET = 'SA';
const REVENUE_A = '35억';
const REVENUE_B = '120억';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 900 };
// Lighthouse's mobile "slow 4G": 150 ms round trip, 1.6 Mbps down (1,638.4 kbit/s), 750 kbit/s up,
// applied by Chromium's DevTools network emulation to every request of the page (CDP
// Network.emulateNetworkConditions; throughput in bytes per second).
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const log = (...a) => console.error('bench:', ...a);
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
const median = (xs) => quantile(xs, 0.5);
const todayIso = () => {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

function run(cmd, args, { timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 4a. The shipped glue and .wasm in Node: the reference data and estimate() per second

async function loadWasmModule(tmp, dir = 'pkg') {
  // The glue is an ES module in a .js file; a copy named .mjs loads without Node's type warning.
  const glue = path.join(tmp, `${dir}-sme_export.mjs`);
  await fsp.copyFile(path.join(DIST, dir, 'sme_export.js'), glue);
  const m = await import(pathToFileURL(glue).href);
  m.initSync({ module: readFileSync(path.join(DIST, dir, 'sme_export_bg.wasm')) });
  return m;
}

// 1,024 revenues taken in turn, from 35억 up in steps of 1,700만 (as typing would give), as in
// examples/bench_engine.rs: no call repeats the one before, and there are more of them than the
// full module keeps parts of results for (src/binding/share.rs), so it shares only what stays
// equal while the amount changes.
const REVENUES = 1024;
function wasmEngineRate(m, warmUp = true, fn = 'estimate') {
  const mk = (revenueKrw) => ({
    revenueKrw,
    sector: SECTOR,
    market: MARKET,
    readiness: {},
    lang: 'ko',
    today: todayIso(),
  });
  const inputs = Array.from({ length: REVENUES }, (_, i) => mk(3_500_000_000 + i * 17_000_000));
  const call = m[fn];
  if (warmUp) for (let i = 0; i < 1000; i++) call(inputs[i % REVENUES]);
  let calls = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ENGINE_SECONDS * 1000) {
    for (let i = 0; i < 256; i++) call(inputs[(calls + i) % REVENUES]);
    calls += 256;
    t = performance.now();
  }
  return calls / ((t - t0) / 1000);
}

// ---------------------------------------------------------------------------------------------
// 2 + 3. Browser

async function makeSite(tmp, data) {
  const site = path.join(tmp, 'site');
  await fsp.mkdir(path.join(site, 'vendor'), { recursive: true });
  await fsp.cp(DIST, path.join(site, 'dist'), { recursive: true });
  await fsp.copyFile(
    path.join(HERE, 'node_modules/chart.js/dist/chart.umd.min.js'),
    path.join(site, 'vendor/chart.umd.min.js'),
  );
  await fsp.copyFile(path.join(HERE, 'widget.html'), path.join(site, 'widget.html'));
  // The preload page names, besides the script, the glue, the .wasm and the stylesheet, each chunk
  // the script imports before the answer at a glance (tests/size/check.mjs finds them).
  const preload = await fsp.readFile(path.join(HERE, 'widget-preload.html'), 'utf8');
  const marker = /<!--BENCH_CHUNK_PRELOADS[\s\S]*?-->\n?/;
  if (!marker.test(preload)) throw new Error('bench/widget-preload.html lost its <!--BENCH_CHUNK_PRELOADS--> marker');
  const chunks = (await widgetFiles(DIST)).first.filter(
    (f) => f.endsWith('.js') && f !== ELEMENT && !/^pkg(-[a-z]+)?\//.test(f) && !preload.includes(`./dist/${f}"`),
  );
  await fsp.writeFile(
    path.join(site, 'widget-preload.html'),
    preload.replace(marker, chunks.map((f) => `<link rel="modulepreload" href="./dist/${f}">\n`).join('')),
  );
  const ref = await fsp.readFile(path.join(HERE, 'reference-chartjs.html'), 'utf8');
  if (!ref.includes('/*BENCH_DATA*/ null'))
    throw new Error('bench/reference-chartjs.html lost its /*BENCH_DATA*/ null placeholder');
  await fsp.writeFile(
    path.join(site, 'reference-chartjs.html'),
    ref.replace('/*BENCH_DATA*/ null', JSON.stringify(data)),
  );
  return site;
}

// Instrumentation for the waterfall runs only (never in the timed runs): marks when the page asks
// for each .wasm, when it is compiled (WebAssembly.compileStreaming: download + baseline compile,
// which overlap) and instantiated, per module (the first-answer module ./pkg-first/: marks
// wasmCall, wasmCompiled, wasmInstantiated; the full module ./pkg/: fullWasmCall, ...), and when
// the element's shadow root becomes visible, shows its form and the answer at a glance (in the
// DOM; the timed runs take it painted). Same calls as the glue's instantiateStreaming, split in
// two so each step has a time.
const WATERFALL_INIT = `(() => {
  const marks = (window.__wf = {});
  const mark = (k, t = performance.now()) => { if (!(k in marks)) marks[k] = t; };
  const WA = WebAssembly;
  const compileStreaming = WA.compileStreaming, instantiate = WA.instantiate;
  const which = new WeakMap(); // compiled module -> mark prefix
  const prefix = (url) => ((url || '').includes('/pkg/') ? 'full' : '');
  const key = (p, k) => (p ? p + k[0].toUpperCase() + k.slice(1) : k);
  // The element compiles each .wasm itself (compileStreaming) and hands the module to the glue,
  // which instantiates it; the glue alone would call instantiateStreaming (both are timed).
  if (compileStreaming) {
    WA.compileStreaming = async (source) => {
      const t = performance.now();
      const compiled = compileStreaming.call(WA, source);
      compiled.catch(() => {});
      let p = '';
      try { p = prefix((await source).url); } catch { /* the compile reports it */ }
      mark(key(p, 'wasmCall'), t);
      const module = await compiled;
      mark(key(p, 'wasmCompiled'));
      which.set(module, p);
      return module;
    };
    WA.instantiate = async (what, imports) => {
      const r = await instantiate.call(WA, what, imports);
      if (what instanceof WA.Module) mark(key(which.get(what) || '', 'wasmInstantiated'));
      return r;
    };
  }
  if (WA.instantiateStreaming && compileStreaming) {
    // Through the two timed steps above.
    WA.instantiateStreaming = async (source, imports) => {
      const module = await WA.compileStreaming(source);
      return { module, instance: await WA.instantiate(module, imports) };
    };
  }
  const poll = () => {
    const el = document.querySelector('sme-export-calculator');
    const root = el && el.shadowRoot;
    const w = root && root.querySelector('.w');
    if (root) mark('shadowRoot');
    if (w && w.style.visibility !== 'hidden') mark('visible');
    if (root && root.querySelector('form, #f-revenueKrw')) mark('form');
    if (root && root.querySelector('form:not([aria-busy]) #f-revenueKrw')) mark('formFilled');
    if (root && root.querySelector('.cards.glance .card.sum .sl-t')) mark('glanceDom');
    if (!('formFilled' in marks) || !('visible' in marks) || !('glanceDom' in marks)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

/** Requests, paint entries and marks of the page, in ms from navigation start (read after the run). */
async function pageTimeline(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const req = [];
    if (nav)
      req.push({
        name: location.pathname.split('/').pop() + ' (document)',
        start: nav.startTime,
        ttfb: nav.responseStart,
        end: nav.responseEnd,
      });
    for (const e of performance.getEntriesByType('resource')) {
      const u = new URL(e.name);
      req.push({
        name: u.pathname.replace(/^\/+/, ''),
        start: e.startTime,
        ttfb: e.responseStart,
        end: e.responseEnd,
        type: e.initiatorType,
        bytes: e.transferSize,
      });
    }
    const paint = {};
    for (const e of performance.getEntriesByType('paint')) paint[e.name] = e.startTime;
    return {
      req,
      paint,
      dcl: nav ? nav.domContentLoadedEventEnd : 0,
      load: nav ? nav.loadEventEnd : 0,
      marks: window.__wf || {},
    };
  });
}

/**
 * One cold run of a page in a new context: navigation start -> first result painted, and on the
 * widget's pages (their window.__bench has a glance field) -> the answer at a glance painted.
 * throttle: a CDP network profile (cache disabled too); waterfall: instrument and read the timeline.
 */
async function firstResult(browser, url, { throttle = null, waterfall = false } = {}) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const errors = [];
  try {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    if (waterfall) await page.addInitScript(WATERFALL_INIT);
    if (throttle) {
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', throttle);
    }
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const b = window.__bench;
        return b && b.first > 0 && (!('glance' in b) || b.glance > 0);
      },
      null,
      { timeout: 60_000 },
    );
    const b = await page.evaluate(() => window.__bench);
    if (waterfall) b.timeline = await pageTimeline(page);
    if (errors.length) throw new Error(`${url}: ${errors.join(' | ')}`);
    if ('glance' in b && !(b.glance <= b.first))
      throw new Error(
        `${url}: the answer at a glance painted at ${b.glance} ms, after the full result (${b.first} ms)`,
      );
    return b;
  } finally {
    await ctx.close();
  }
}

// The edit loops run inside the page; performance.now() on both ends. Before each edit a
// pseudo-random wait of 0..17 ms (same sequence on both pages) puts the edit at a random point
// of the 16.7 ms frame, as a person's keystroke would be.
const RANDOM_WAITS = (n) => {
  let x = 12345;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x / 2147483648) * 17;
  });
};

async function widgetKeystrokes(page, waits, values) {
  return page.evaluate(
    async ({ waits, values }) => {
      const el = document.getElementById('w');
      const inp = el.shadowRoot.getElementById('f-revenueKrw');
      if (!inp) throw new Error('no revenue field #f-revenueKrw in the shadow root');
      const sleep = (t) => new Promise((r) => setTimeout(r, t));
      const out = { paint: [], result: [] };
      for (let i = 0; i < waits.length; i++) {
        await sleep(waits[i]);
        const r = await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`edit ${i}: no sme-export:result within 5 s`)), 5000);
          let t0 = 0;
          el.addEventListener(
            'sme-export:result',
            () => {
              // The widget answers the first edit of a frame inside the input event (its schedule()),
              // as the reference page calls chart.update(): then, as there, the next animation frame
              // is the one that shows it, and a message posted from that frame's callback is handled
              // right after it is painted. (An edit answered inside an animation-frame callback, a
              // second edit in one frame, would be counted one frame late: never the case here, each
              // edit waits for the last one's paint.)
              const tr = performance.now();
              requestAnimationFrame(() => {
                const ch = new MessageChannel();
                ch.port1.onmessage = () => {
                  clearTimeout(timer);
                  resolve({ paint: performance.now() - t0, result: tr - t0 });
                };
                ch.port2.postMessage(0);
              });
            },
            { once: true },
          );
          inp.value = values[i % 2];
          t0 = performance.now();
          inp.dispatchEvent(new Event('input', { bubbles: true }));
        });
        out.paint.push(r.paint);
        out.result.push(r.result);
      }
      return out;
    },
    { waits, values },
  );
}

async function referenceUpdates(page, waits) {
  return page.evaluate(
    async ({ waits }) => {
      const sleep = (t) => new Promise((r) => setTimeout(r, t));
      const out = { paint: [], result: [] };
      for (let i = 0; i < waits.length; i++) {
        await sleep(waits[i]);
        const t0 = performance.now();
        const tp = await window.__update();
        out.paint.push(tp - t0);
      }
      return out;
    },
    { waits },
  );
}

async function chartsInk(page) {
  // Not timed: both canvases of the widget hold a drawing (non-transparent pixels).
  return page.evaluate(() =>
    [...document.getElementById('w').shadowRoot.querySelectorAll('canvas.chart')].map((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
      return { w: c.width, h: c.height, inked: n };
    }),
  );
}

async function browserBench(siteUrl, gzipUrl) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const version = browser.version();
    const hash = '#sme-export=' + new URLSearchParams({ r: REVENUE_A, s: SECTOR, m: MARKET }).toString();
    const A = siteUrl + 'widget.html' + hash;
    const B = siteUrl + 'reference-chartjs.html';
    const P = siteUrl + 'widget-preload.html' + hash;

    // The timed runs of one condition: one untimed run of each page first (the OS file cache,
    // Chromium's own start-up, not the pages), then widget and reference alternated, each run cold.
    // Both widget figures, the answer at a glance and the full first result, come from the same runs.
    const timed = async (name, widgetUrl, refUrl, n, opts = {}) => {
      await firstResult(browser, widgetUrl, opts);
      await firstResult(browser, refUrl, opts);
      const out = { w: { glance: [], first: [], event: [], glanceFromFull: 0 }, r: { first: [] } };
      for (let i = 0; i < n; i++) {
        const a = await firstResult(browser, widgetUrl, opts);
        out.w.glance.push(a.glance);
        out.w.first.push(a.first);
        out.w.event.push(a.event);
        if (a.glanceStage !== 'first') out.w.glanceFromFull++;
        const b = await firstResult(browser, refUrl, opts);
        out.r.first.push(b.first);
        log(
          `${name} run ${i + 1}/${n}: widget glance ${ms(a.glance)} ms${a.glanceStage === 'first' ? '' : ' (shown by the full result)'}, ` +
            `full ${ms(a.first)} ms; reference ${ms(b.first)} ms`,
        );
      }
      return out;
    };

    const fast = await timed('loopback', A, B, RUNS);

    // Waterfalls on loopback: instrumented cold runs, alternated, not part of the figures above.
    // The third page, the widget with a host's preload lines, is measured only here.
    const wfFast = { w: [], r: [], p: [] };
    for (let i = 0; i < WATERFALL_RUNS; i++) {
      wfFast.w.push(await firstResult(browser, A, { waterfall: true }));
      wfFast.r.push(await firstResult(browser, B, { waterfall: true }));
      wfFast.p.push(await firstResult(browser, P, { waterfall: true }));
    }
    log(`waterfall (loopback): ${WATERFALL_RUNS} instrumented runs of each page`);

    // The slow link: same pages, throttled, cache disabled, cold contexts, alternated.
    const slow = await timed('slow 4G', A, B, SLOW_RUNS, { throttle: SLOW_4G });
    // The same link with both pages served gzip -9 (a second server on the same files), as a host
    // that compresses .wasm, .js and .css serves them: what a web team gains by turning that on.
    const slowZ = await timed(
      'slow 4G, gzip',
      gzipUrl + 'widget.html' + hash,
      gzipUrl + 'reference-chartjs.html',
      SLOW_RUNS,
      { throttle: SLOW_4G },
    );
    const wfSlow = { w: [], r: [], p: [] };
    const slowWaterfalls = Math.max(3, Math.ceil(WATERFALL_RUNS / 3));
    for (let i = 0; i < slowWaterfalls; i++) {
      wfSlow.w.push(await firstResult(browser, A, { throttle: SLOW_4G, waterfall: true }));
      wfSlow.r.push(await firstResult(browser, B, { throttle: SLOW_4G, waterfall: true }));
      wfSlow.p.push(await firstResult(browser, P, { throttle: SLOW_4G, waterfall: true }));
    }
    log(`waterfall (slow 4G): ${slowWaterfalls} instrumented runs of each page`);

    // Keystrokes: one fresh context per page, after its first result: on the widget, the whole
    // result from the full module (the answer at a glance replaced, both charts drawn), so every
    // edit is answered by the full module, as after any first result.
    const waits = RANDOM_WAITS(EDITS);
    const ctxW = await browser.newContext({ viewport: VIEWPORT });
    let wKeys;
    let ink;
    try {
      const page = await ctxW.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(A, { waitUntil: 'load' });
      await page.waitForFunction(
        () => {
          const root = document.getElementById('w').shadowRoot;
          return (
            window.__bench.first > 0 &&
            !!root &&
            !root.querySelector('.cards.glance') &&
            !!root.querySelector('.cards #c-pot') &&
            !!root.querySelector('.cards #c-rank')
          );
        },
        null,
        { timeout: 60_000 },
      );
      ink = await chartsInk(page);
      if (ink.length !== 2 || ink.some((c) => c.inked === 0))
        throw new Error(`the widget's charts are not drawn: ${JSON.stringify(ink)}`);
      wKeys = await widgetKeystrokes(page, waits, [REVENUE_B, REVENUE_A]);
      if (errors.length) throw new Error(errors.join(' | '));
    } finally {
      await ctxW.close();
    }
    log(`keystrokes: widget done (${EDITS} edits)`);
    const ctxR = await browser.newContext({ viewport: VIEWPORT });
    let rKeys;
    try {
      const page = await ctxR.newPage();
      await page.goto(B, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__bench.first > 0, null, { timeout: 30_000 });
      rKeys = await referenceUpdates(page, waits);
    } finally {
      await ctxR.close();
    }
    log(`keystrokes: reference done (${EDITS} updates)`);
    return { version, fast, slow, slowZ, wKeys, rKeys, ink, wfFast, wfSlow };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Batch CSV

/** Realistic rows: revenue typed as people type it, optional amounts and answers, some columns empty. */
function makeCsv(rows) {
  let x = 42;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const sectors = ['medical_devices', 'pharmaceuticals', 'medical_services', 'digital_health'];
  const markets = ['SA', 'AE', 'QA', 'KW', 'OM', 'BH', 'KZ', 'UZ', 'KG', 'TJ', 'TM'];
  // An exact amount (in millions of won) written one of the ways people write it and the CLI
  // accepts: 35억, 3억 5천만, "1,250,000,000원", 3500000000.
  const won = (mil) => {
    const forms = [() => `"${(mil * 1e6).toLocaleString('en-US')}원"`, () => String(mil * 1e6)];
    if (mil % 100 === 0) forms.push(() => `${mil / 100}억`);
    else if (mil % 10 === 0 && mil > 100) forms.push(() => `${Math.floor(mil / 100)}억 ${(mil % 100) / 10}천만`);
    return pick(forms)();
  };
  const yn = () => pick(['', '', 'yes', 'no', '예', '아니오']);
  const lines = [
    'id,revenue,sector,market,current_exports,exports_to_market,total_assets,certification,local_partner,export_experience,local_language,medical_corporation',
  ];
  for (let i = 1; i <= rows; i++) {
    // 1억 .. 1,500억 of revenue, most firms small; whole 천만 or 억 most of the time, as typed.
    let rev = Math.round(100 + rnd() * rnd() * 150_000);
    if (rnd() < 0.7) rev = Math.round(rev / 10) * 10;
    const ce = rnd() < 0.5 ? Math.max(10, Math.round((rev * rnd() * 0.5) / 10) * 10) : 0;
    const em = ce && rnd() < 0.5 ? Math.round((ce * rnd()) / 10) * 10 : 0;
    const ta = rnd() < 0.3 ? Math.round((rev * (0.5 + rnd())) / 100) * 100 : 0;
    lines.push(
      [
        `F${i}`,
        won(rev),
        pick(sectors),
        pick(markets),
        ce ? won(ce) : '',
        em ? won(em) : '',
        ta ? won(ta) : '',
        yn(),
        yn(),
        yn(),
        yn(),
        '',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

async function batchBench(tmp) {
  const input = path.join(tmp, 'firms.csv');
  const output = path.join(tmp, 'scores.csv');
  await fsp.writeFile(input, makeCsv(ROWS));
  const size = (await fsp.stat(input)).size;
  const t0 = performance.now();
  const r = await run(CLI, ['batch', input, output]);
  const secs = (performance.now() - t0) / 1000;
  if (r.code !== 0) {
    throw new Error(
      `sme-export batch exited ${r.code} (0 = every row scored): ${r.stderr.split('\n').slice(0, 5).join(' | ')}`,
    );
  }
  const out = await fsp.readFile(output, 'utf8');
  const outRows = out.split('\n').filter((l) => l.trim()).length - 1;
  if (outRows !== ROWS) throw new Error(`sme-export batch wrote ${outRows} rows for ${ROWS}`);
  return { rows: ROWS, bytes: size, secs, rate: ROWS / secs };
}

// ---------------------------------------------------------------------------------------------
// Machine, table, docs

async function machine(chromiumVersion) {
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [, 'unknown'])[1].trim();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu,
    chromium: chromiumVersion,
    node: process.version,
    load: os.loadavg()[0],
  };
}

function table(rows) {
  const head = ['Measure', 'sme-export', 'Yardstick / reference', 'Ratio', 'Goal'];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) => '| ' + r.map((c, i) => String(c ?? '').padEnd(w[i])).join(' | ') + ' |';
  return [line(head), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

/**
 * The waterfall of instrumented runs as a table: one row per request (start -> response end) and
 * per step (each module's Wasm compile and instantiate, element visible, form, the answer at a
 * glance in the DOM and painted, the full result with its charts drawn and painted),
 * medians over the runs, with a bar on a common time scale. A request made twice in one run gets
 * a second row ("#2"): nothing should be fetched twice.
 */
function waterfallTable(runs, { widget }) {
  const rows = new Map(); // label -> { starts: [], ends: [] }
  const add = (label, start, end) => {
    if (!(start >= 0) || !(end >= 0)) return;
    if (!rows.has(label)) rows.set(label, { starts: [], ends: [] });
    rows.get(label).starts.push(start);
    rows.get(label).ends.push(end);
  };
  for (const r of runs) {
    const t = r.timeline;
    const seen = new Map();
    for (const q of t.req) {
      const n = (seen.get(q.name) || 0) + 1;
      seen.set(q.name, n);
      add(`GET ${q.name}${n > 1 ? ` #${n}` : ''}`, q.start, q.end);
    }
    const m = t.marks;
    if (widget) {
      const firstReq = t.req.find((q) => /(^|\/)pkg-first\/[^/]*\.wasm$/.test(q.name));
      const fullReq = t.req.find((q) => /(^|\/)pkg\/[^/]*\.wasm$/.test(q.name));
      add('first module: compileStreaming called', m.wasmCall, m.wasmCall);
      if (firstReq) add('first module: streaming compile (from request start)', firstReq.start, m.wasmCompiled);
      add('first module: instantiate', m.wasmCompiled, m.wasmInstantiated);
      add('element: shadow root attached', m.shadowRoot, m.shadowRoot);
      add('element: stylesheet loaded, shadow root shown', m.visible, m.visible);
      add('element: form in the shadow root', m.form, m.form);
      add('element: form filled by the engine (sector and market lists)', m.formFilled, m.formFilled);
      add('glance() + summary card in the DOM (seen at a frame start)', m.wasmInstantiated, m.glanceDom);
      add('ANSWER AT A GLANCE painted (the figure)', r.glance, r.glance);
      add('full module: compileStreaming called', m.fullWasmCall, m.fullWasmCall);
      if (fullReq) add('full module: streaming compile (from request start)', fullReq.start, m.fullWasmCompiled);
      add('full module: instantiate', m.fullWasmCompiled, m.fullWasmInstantiated);
      add('estimate() + results DOM + both charts drawn (to sme-export:result)', m.fullWasmInstantiated, r.event);
      add('FULL FIRST RESULT with both charts painted (the figure)', r.first, r.first);
    } else {
      add('Chart.js chart drawn (new Chart)', r.event, r.event);
      add('FIRST RESULT painted (the figure)', r.first, r.first);
    }
    add('first-contentful-paint', t.paint['first-contentful-paint'], t.paint['first-contentful-paint']);
    add('DOMContentLoaded / load event end', t.dcl, t.load);
  }
  const list = [...rows].map(([label, v]) => ({
    label,
    start: median(v.starts),
    end: median(v.ends),
    took: median(v.ends.map((e, i) => e - v.starts[i])),
    n: v.starts.length,
  }));
  list.sort((a, b) => a.start - b.start || a.end - b.end);
  const span = Math.max(...list.map((x) => x.end), 1);
  const W = 40;
  const bar = (x) => {
    const a = Math.min(W - 1, Math.floor((x.start / span) * W));
    const b = Math.max(a + 1, Math.min(W, Math.round((x.end / span) * W)));
    return (
      '.'.repeat(a) +
      (x.end > x.start ? '#'.repeat(b - a) : '|') +
      '.'.repeat(Math.max(0, W - (x.end > x.start ? b : a + 1)))
    );
  };
  const head = ['Step (ms from navigation start)', 'start', 'end', 'took', `0 .. ${ms(span)} ms`];
  const body = list.map((x) => [
    x.label + (x.n < runs.length ? ` (${x.n}/${runs.length} runs)` : ''),
    ms(x.start),
    ms(x.end),
    x.end > x.start ? ms(x.took) : '',
    bar(x),
  ]);
  const all = [head, ...body];
  const w = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) =>
    '| ' + r.map((c, i) => (i >= 1 && i <= 3 ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join(' | ') + ' |';
  return [
    line(head),
    '|' + w.map((n, i) => (i >= 1 && i <= 3 ? '-'.repeat(n + 1) + ':' : '-'.repeat(n + 2))).join('|') + '|',
    ...body.map(line),
  ].join('\n');
}

async function writeResults(file, block) {
  const START = '<!-- bench:results:start (written by scripts/bench.sh; do not edit by hand) -->';
  const END = '<!-- bench:results:end -->';
  let text = '';
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch {
    text = `# Benchmark\n\n${START}\n${END}\n`;
  }
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const body = `${START}\n${block}\n${END}`;
  text = a >= 0 && b > a ? text.slice(0, a) + body + text.slice(b + END.length) : text.trimEnd() + '\n\n' + body + '\n';
  await fsp.writeFile(file, text);
}

async function main() {
  const t0 = Date.now();
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'sme-export-bench-'));
  let srv, srvZ;
  try {
    // 1. Size
    const { rows: sizeRows, total, later } = await measureWidget(DIST);
    const chartjs = await measureFile(
      path.join(HERE, 'node_modules/chart.js/dist/chart.umd.min.js'),
      'chart.umd.min.js',
    );
    const uplot = await measureFile(path.join(HERE, 'node_modules/uplot/dist/uPlot.iife.min.js'), 'uPlot.iife.min.js');
    const chartjsVersion = JSON.parse(
      readFileSync(path.join(HERE, 'node_modules/chart.js/package.json'), 'utf8'),
    ).version;
    const uplotVersion = JSON.parse(readFileSync(path.join(HERE, 'node_modules/uplot/package.json'), 'utf8')).version;

    // 4a. Wasm engine in Node, and the reference's data from the same engine.
    const m = await loadWasmModule(tmp);
    const est = (rev) =>
      m.estimate({ revenueKrw: rev, sector: SECTOR, market: MARKET, readiness: {}, lang: 'ko', today: todayIso() });
    const data = { a: est(REVENUE_A).potential.years, b: est(REVENUE_B).potential.years };
    if (!data.a.length || data.a.length !== data.b.length)
      throw new Error('estimate() gave no potential years for the benchmark input');
    // 2 + 3. Browser
    const site = await makeSite(tmp, data);
    srv = await startServer({ root: site, port: 0 });
    srvZ = await startServer({ root: site, port: 0, gzip: true });
    log(`browser: ${CHROMIUM}, ${RUNS} runs each, alternated; site ${srv.url} (gzip: ${srvZ.url})`);
    const br = await browserBench(srv.url, srvZ.url);

    // 4b. Engine: Wasm in Node and native, alternated round by round.
    const eng = { wasm: [], native: [], ratio: [] };
    log(`engine: Wasm in Node${ENGINE_NATIVE ? ' and native' : ''}, ${ENGINE_ROUNDS} alternated rounds ...`);
    for (let i = 0; i < ENGINE_ROUNDS; i++) {
      const w = wasmEngineRate(m, i === 0);
      eng.wasm.push(w);
      if (ENGINE_NATIVE) {
        const r = await run(ENGINE_NATIVE, [String(ENGINE_SECONDS)]);
        if (r.code !== 0) throw new Error(`${ENGINE_NATIVE} exited ${r.code}: ${r.stderr}`);
        const n = JSON.parse(r.stdout.trim().split('\n').pop()).callsPerSecond;
        eng.native.push(n);
        eng.ratio.push(w / n);
      }
    }
    // The first module's call (the answer at a glance), the same way.
    const engG = { wasm: [], native: [], ratio: [] };
    const mFirst = await loadWasmModule(tmp, 'pkg-first');
    for (let i = 0; i < ENGINE_ROUNDS; i++) {
      const w = wasmEngineRate(mFirst, i === 0, 'glance');
      engG.wasm.push(w);
      if (ENGINE_NATIVE) {
        const r = await run(ENGINE_NATIVE, [String(ENGINE_SECONDS), 'glance']);
        if (r.code !== 0) throw new Error(`${ENGINE_NATIVE} glance exited ${r.code}: ${r.stderr}`);
        const n = JSON.parse(r.stdout.trim().split('\n').pop()).callsPerSecond;
        engG.native.push(n);
        engG.ratio.push(w / n);
      }
    }
    const wasmRate = median(eng.wasm);
    const nativeRate = ENGINE_NATIVE ? median(eng.native) : null;
    const engRatio = ENGINE_NATIVE ? median(eng.ratio) : null;

    // 5. Batch
    let batch = null;
    let batchNote = 'skipped: the CLI was not built (cargo build --release --features cli failed or feature missing)';
    if (CLI) {
      log(`batch: ${fmtInt(ROWS)} generated rows ...`);
      batch = await batchBench(tmp);
    }

    // The table
    const mc = await machine(br.version);
    const sz = (r) => `${fmtInt(r.raw)} / ${fmtInt(r.gzip)} / ${fmtInt(r.brotli)}`;
    const firstOf = (runs) => median(runs.map((r) => r.first));
    const glanceOf = (runs) => median(runs.map((r) => r.glance));
    // Waterfall runs (instrumented): the widget with and without a host's preload lines, and the
    // reference, in the same runs.
    const pre = {};
    for (const [k, wf] of [
      ['fast', br.wfFast],
      ['slow', br.wfSlow],
    ]) {
      pre[k] = {
        n: wf.p.length,
        r: firstOf(wf.r),
        w: { glance: glanceOf(wf.w), first: firstOf(wf.w) },
        p: { glance: glanceOf(wf.p), first: firstOf(wf.p) },
      };
    }
    const wK50 = median(br.wKeys.paint);
    const wK95 = quantile(br.wKeys.paint, 0.95);
    const rK50 = median(br.rKeys.paint);
    const rK95 = quantile(br.rKeys.paint, 0.95);
    const rows = [];
    for (const r of sizeRows) rows.push([`size ${r.file} (raw / gzip -9 / brotli 11, B)`, sz(r), '', '', '']);
    rows.push([
      'size: bytes before the answer at a glance (raw / gzip -9 / brotli 11, B)',
      sz(total),
      `Chart.js ${chartjsVersion} chart.umd.min.js: ${sz(chartjs)}`,
      `${(total.gzip / chartjs.gzip).toFixed(2)} (gzip)`,
      `gzip < ${fmtInt(CHARTJS_GZIP)}: ${total.gzip <= BUDGET_GZIP ? 'met' : `not met, ${fmtInt(total.gzip - BUDGET_GZIP)} B over`}`,
    ]);
    for (const r of later.rows)
      rows.push([`size after the answer: ${r.file} (raw / gzip -9 / brotli 11, B)`, sz(r), '', '', '']);
    rows.push([
      'size: after the answer at a glance, total (raw / gzip -9 / brotli 11, B)',
      sz(later.total),
      '',
      '',
      '',
    ]);
    rows.push([
      'size: second yardstick',
      '',
      `uPlot ${uplotVersion} uPlot.iife.min.js: ${sz(uplot)}`,
      `${(total.gzip / uplot.gzip).toFixed(2)} (gzip)`,
      '',
    ]);
    // The three links: loopback, slow 4G, slow 4G with both pages served gzip -9.
    const links = [
      ['loopback', br.fast, RUNS, 'loopback, cold'],
      ['slow', br.slow, SLOW_RUNS, 'slow 4G (150 ms RTT, 1.6 Mbps down, 750 kbps up), cache off, cold'],
      ['slowZ', br.slowZ, SLOW_RUNS, 'slow 4G, both pages served gzip -9 (as a host that compresses .wasm, .js, .css)'],
    ];
    const q = (xs) => `${ms(median(xs))} (p25 ${ms(quantile(xs, 0.25))}, p75 ${ms(quantile(xs, 0.75))})`;
    /** One row of a widget figure against the Chart.js page's first result in the same runs. */
    const timedRow = (label, w, r, goal, note = '') => {
      const wm = median(w);
      const rm = median(r);
      rows.push([
        label,
        q(w) + note,
        `Chart.js page, one line chart: ${q(r)}`,
        (wm / rm).toFixed(2),
        `<= ${goal}: ${wm <= goal * rm ? 'met' : 'not met'}`,
      ]);
      return wm / rm;
    };
    const ratio = { glance: {}, full: {} };
    for (const [k, x, n, name] of links) {
      const fromFull = x.w.glanceFromFull;
      ratio.glance[k] = timedRow(
        `answer at a glance painted (summary with won amounts), ${name}, median of ${n} (ms)`,
        x.w.glance,
        x.r.first,
        1,
        fromFull ? `; in ${fromFull} of ${n} runs first shown by the full result` : '',
      );
    }
    // The waterfall runs with the host's preload lines, for one figure ('glance' or 'first').
    const preloadRows = (figure) => {
      for (const [k, name] of [
        ['fast', 'loopback'],
        ['slow', 'slow 4G'],
      ]) {
        const x = pre[k];
        rows.push([
          `  with a host's preload lines (waterfall runs, ${name}, median of ${x.n}; without them: ${ms(x.w[figure])}) (ms)`,
          ms(x.p[figure]),
          `Chart.js page, same runs: ${ms(x.r)}`,
          (x.p[figure] / x.r).toFixed(2),
          '',
        ]);
      }
    };
    preloadRows('glance');
    for (const [k, x, n, name] of links) {
      ratio.full[k] = timedRow(
        `full first result + both charts painted, ${name}, median of ${n} (ms)`,
        x.w.first,
        x.r.first,
        1.25,
      );
      if (k === 'loopback')
        rows.push(['  of which: to the sme-export:result event, median (ms)', ms(median(x.w.event)), '', '', '']);
    }
    preloadRows('first');
    rows.push([
      `keystroke -> results + charts painted, median of ${EDITS} (ms)`,
      ms(wK50),
      `chart.update(), ${EDITS} updates: ${ms(rK50)}`,
      (wK50 / rK50).toFixed(2),
      '',
    ]);
    rows.push([
      `keystroke -> results + charts painted, p95 of ${EDITS} (ms)`,
      ms(wK95),
      `chart.update(): ${ms(rK95)}`,
      (wK95 / rK95).toFixed(2),
      `<= 16.7 and <= reference: ${wK95 <= 16.7 && wK95 <= rK95 ? 'met' : 'not met'}`,
    ]);
    rows.push([
      '  of which: input -> sme-export:result, median / p95 (ms)',
      `${ms(median(br.wKeys.result))} / ${ms(quantile(br.wKeys.result, 0.95))}`,
      '',
      '',
      '',
    ]);
    const spread = (xs, f) => `p25 ${f(quantile(xs, 0.25))}, p75 ${f(quantile(xs, 0.75))}`;
    rows.push([
      `engine: estimate() calls/s, Wasm in Node (incl. the JS result object), median of ${ENGINE_ROUNDS} alternated rounds`,
      `${fmtInt(wasmRate)} (${spread(eng.wasm, fmtInt)})`,
      nativeRate ? `native (release): ${fmtInt(nativeRate)} (${spread(eng.native, fmtInt)})` : 'native: not run',
      nativeRate ? `${engRatio.toFixed(2)} (Wasm/native, per round; ${spread(eng.ratio, (x) => x.toFixed(2))})` : '',
      `>= 0.5: ${engRatio >= 0.5 ? 'met' : 'not met'}`,
    ]);
    const gRatio = ENGINE_NATIVE ? median(engG.ratio) : null;
    rows.push([
      `engine: glance() calls/s (the first module: the answer at a glance), Wasm in Node, median of ${ENGINE_ROUNDS} rounds`,
      `${fmtInt(median(engG.wasm))} (${spread(engG.wasm, fmtInt)})`,
      gRatio
        ? `native engine::glance: ${fmtInt(median(engG.native))} (${spread(engG.native, fmtInt)})`
        : 'native: not run',
      gRatio ? `${gRatio.toFixed(2)} (Wasm/native)` : '',
      '',
    ]);
    rows.push([
      `batch: sme-export batch, ${fmtInt(ROWS)} generated rows`,
      batch
        ? `${fmtInt(batch.rate)} rows/s (${batch.secs.toFixed(2)} s, ${(batch.bytes / 1e6).toFixed(1)} MB in)`
        : batchNote,
      '',
      '',
      '',
    ]);

    const head = `Run ${mc.date} · nproc ${mc.nproc} · ${mc.cpu} · Chromium ${mc.chromium} (headless, playwright-core) · Node ${mc.node} · load average ${LOAD_AT_START.toFixed(1)} at start, ${mc.load.toFixed(1)} at end · measured in ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    const wfN = (x) => x.w.length;
    const waterfalls = [
      `Waterfall, widget, loopback: median of ${wfN(br.wfFast)} instrumented cold runs (not the runs above; compileStreaming and instantiate timed by wrapping them)`,
      '',
      waterfallTable(br.wfFast.w, { widget: true }),
      '',
      `Waterfall, Chart.js reference, loopback: median of ${wfN(br.wfFast)} runs`,
      '',
      waterfallTable(br.wfFast.r, { widget: false }),
      '',
      `Waterfall, widget, slow 4G: median of ${wfN(br.wfSlow)} instrumented cold runs`,
      '',
      waterfallTable(br.wfSlow.w, { widget: true }),
      '',
      `Waterfall, Chart.js reference, slow 4G: median of ${wfN(br.wfSlow)} runs`,
      '',
      waterfallTable(br.wfSlow.r, { widget: false }),
      '',
      `Waterfall, widget with the host's preload lines (bench/widget-preload.html), loopback: median of ${wfN(br.wfFast)} runs`,
      '',
      waterfallTable(br.wfFast.p, { widget: true }),
      '',
      `Waterfall, widget with the host's preload lines, slow 4G: median of ${wfN(br.wfSlow)} runs`,
      '',
      waterfallTable(br.wfSlow.p, { widget: true }),
    ].join('\n');
    const g = ratio.glance;
    const f = ratio.full;
    const summary =
      `Answer at a glance painted, widget / Chart.js page: loopback ${g.loopback.toFixed(2)}, slow 4G ${g.slow.toFixed(2)} (both served gzip: ${g.slowZ.toFixed(2)}); ` +
      `bytes before it ${fmtInt(total.gzip)} B gzip -9 (Chart.js ${fmtInt(chartjs.gzip)} B), ${fmtInt(later.total.gzip)} B after it. ` +
      `Full first result with both charts, widget / Chart.js page: loopback ${f.loopback.toFixed(2)}, slow 4G ${f.slow.toFixed(2)} (both served gzip: ${f.slowZ.toFixed(2)}). ` +
      `Wasm/native estimate() ${nativeRate ? engRatio.toFixed(2) : 'n/a'}; keystroke p95 ${ms(wK95)} ms (chart.update() ${ms(rK95)} ms). ` +
      `With a host's preload lines (waterfall runs), glance / full: loopback ${(pre.fast.p.glance / pre.fast.r).toFixed(2)} / ${(pre.fast.p.first / pre.fast.r).toFixed(2)}, ` +
      `slow 4G ${(pre.slow.p.glance / pre.slow.r).toFixed(2)} / ${(pre.slow.p.first / pre.slow.r).toFixed(2)}`;
    const out = `${head}\n\n${table(rows)}\n\n${summary}\n\n${waterfalls}`;
    console.log(out);
    if (WRITE) {
      await writeResults(path.resolve(WRITE), out);
      log(`results written to ${WRITE}`);
    }
  } finally {
    if (srv) await srv.close();
    if (srvZ) await srvZ.close();
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench: FAIL ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
