#!/usr/bin/env node
// Where a keystroke's time goes in the widget: Chromium's sampling profiler (CDP) over N edits of
// the revenue field, self time summed by function and by kind (element JS, Wasm, glue, browser
// work: style, layout, paint, GC). For the widget's authors; not a test, not part of bench.sh.
//
//   node bench/profile-keys.mjs [--dist dist] [--www www] [--edits 100] [--width 1280] [--top 25]
//                               [--interval 100 (µs; 0: no profile, timings only)] [--first] [--lang ko|en]
//
// Serves bench/widget.html next to DIST with the element's JS bundled again without minifying
// (names kept), so the profile names functions. The Wasm has no names (wasm-opt strips them):
// its functions show as wasm-function[N].

import { mkdtempSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startServer } from '../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const argv = process.argv.slice(2);
const opt = (n, d) => {
  const i = argv.indexOf(n);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d;
};
const DIST = path.resolve(opt('--dist', path.join(root, 'dist')));
const WWW = path.resolve(opt('--www', path.join(root, 'www')));
const EDITS = Number(opt('--edits', 100));
const WIDTH = Number(opt('--width', 1280));
const TOP = Number(opt('--top', 25));
// --first: profile the cold first load (navigation to the first result painted) instead of edits.
const FIRST = argv.includes('--first');
const LANG = opt('--lang', 'ko');
// --interval 0: no profiler, timings only (the profiler itself slows the page down).
const INTERVAL = Number(opt('--interval', 100));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sme-export-prof-'));
try {
  cpSync(DIST, path.join(tmp, 'dist'), { recursive: true });
  // --lang en: the same page with an English element (is the time in Korean text?).
  writeFileSync(
    path.join(tmp, 'widget.html'),
    readFileSync(path.join(here, 'widget.html'), 'utf8').replace(
      'lang="ko"></sme-export-calculator>',
      `lang="${LANG}"></sme-export-calculator>`,
    ),
  );
  // The two bundles scripts/build.sh makes (the element, and the cards' code it imports with the
  // full module), with their names kept.
  const bundle = (entry, out, externals = []) =>
    execFileSync(path.join(root, 'node_modules/.bin/esbuild'), [
      path.join(WWW, entry),
      '--bundle',
      '--format=esm',
      ...externals.map((e) => '--external:' + e),
      '--outfile=' + path.join(tmp, 'dist', out),
      '--allow-overwrite',
      '--log-level=warning',
    ]);
  bundle('sme-export-calculator.js', 'sme-export-calculator.js', [
    './pkg/sme_export.js',
    './pkg-first/sme_export.js',
    './calculator/full.js',
  ]);
  bundle('calculator/full.js', 'calculator/full.js');
  const { url, close } = await startServer({ root: tmp, port: 0 });
  const require = createRequire(path.join(root, 'tests/browser/package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const ctx = await browser.newContext({ viewport: { width: WIDTH, height: 900 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const startProfile = async () => {
    if (INTERVAL <= 0) return;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL });
    await cdp.send('Profiler.start');
  };
  if (FIRST) await startProfile();
  await page.goto(url + 'widget.html#sme-export=r=35%EC%96%B5&s=medical_devices&m=SA');
  await page.waitForFunction(() => window.__bench && window.__bench.first > 0);
  if (!FIRST) await startProfile();
  const times = FIRST
    ? [[await page.evaluate(() => window.__bench.event), await page.evaluate(() => window.__bench.first)]]
    : await page.evaluate(
        async (n) => {
          const el = document.getElementById('w'),
            inp = el.shadowRoot.getElementById('f-revenueKrw'),
            out = [];
          for (let i = 0; i < n; i++) {
            await new Promise((r) => setTimeout(r, (i * 7) % 17));
            out.push(
              await new Promise((resolve) => {
                const t0 = performance.now();
                el.addEventListener(
                  'sme-export:result',
                  () => {
                    const tr = performance.now() - t0;
                    requestAnimationFrame(() => {
                      const ch = new MessageChannel();
                      ch.port1.onmessage = () => resolve([tr, performance.now() - t0]);
                      ch.port2.postMessage(0);
                    });
                  },
                  { once: true },
                );
                inp.value = i % 2 ? '35억' : '120억';
                inp.dispatchEvent(new Event('input', { bubbles: true }));
              }),
            );
          }
          return out;
        },
        FIRST ? 0 : EDITS,
      );
  const PER = FIRST ? 1 : EDITS;
  const { profile } =
    INTERVAL > 0 ? await cdp.send('Profiler.stop') : { profile: { nodes: [], samples: [], timeDeltas: [] } };
  await browser.close();
  await close();
  // Self time per node: samples x interval (timeDeltas give the exact spacing).
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id),
      dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    const f = n.callFrame,
      key =
        `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) + ':' + (f.lineNumber + 1) + ':' + (f.columnNumber + 1) : ''}`.trim();
    self.set(key, (self.get(key) || 0) + dt);
  });
  // Inclusive time: every function on the sampled stack, once per sample.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = new Map();
  const name = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) + ':' + (f.lineNumber + 1) + ':' + (f.columnNumber + 1) : ''}`.trim();
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000,
      seen = new Set();
    for (let x = id; x != null; x = parent.get(x)) {
      const k = name(byId.get(x));
      if (!seen.has(k)) {
        seen.add(k);
        incl.set(k, (incl.get(k) || 0) + dt);
      }
    }
  });
  const kind = (k) =>
    /^\(idle\)/.test(k)
      ? 'idle'
      : /^\((program|garbage collector)\)/.test(k)
        ? 'browser (style, layout, paint, GC)'
        : /wasm-function|\.wasm/.test(k)
          ? 'Wasm'
          : /sme_export\.js/.test(k)
            ? 'glue'
            : /sme-export-calculator\.js/.test(k)
              ? 'element JS'
              : 'other JS / browser';
  const kinds = new Map();
  for (const [k, v] of self) kinds.set(kind(k), (kinds.get(kind(k)) || 0) + v);
  const q = (a, p) => {
    const s = [...a].sort((x, y) => x - y);
    return s[Math.min(s.length - 1, Math.floor(p * s.length))];
  };
  if (FIRST)
    console.log(
      `first load at ${WIDTH} px: result event at ${times[0][0].toFixed(1)} ms, painted at ${times[0][1].toFixed(1)} ms (per-"edit" figures below are for the whole load)`,
    );
  else
    console.log(
      `${EDITS} edits at ${WIDTH} px: input -> result median ${q(
        times.map((t) => t[0]),
        0.5,
      ).toFixed(1)} ms, p95 ${q(
        times.map((t) => t[0]),
        0.95,
      ).toFixed(1)}; -> painted median ${q(
        times.map((t) => t[1]),
        0.5,
      ).toFixed(1)}, p95 ${q(
        times.map((t) => t[1]),
        0.95,
      ).toFixed(1)}`,
    );
  console.log('\nself time per edit by kind (ms):');
  for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1]))
    if (k !== 'idle') console.log(`  ${(v / PER).toFixed(2).padStart(7)}  ${k}`);
  console.log(`\ntop ${TOP} functions, self time per edit (ms):`);
  for (const [k, v] of [...self]
    .filter(([k]) => kind(k) !== 'idle')
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP))
    console.log(`  ${(v / PER).toFixed(3).padStart(7)}  ${k}`);
  console.log(`\ntop ${TOP} functions of the element and glue, inclusive time per edit (ms):`);
  for (const [k, v] of [...incl]
    .filter(([k]) => /sme-export-calculator\.js|sme_export\.js/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP))
    console.log(`  ${(v / PER).toFixed(3).padStart(7)}  ${k}`);
  writeFileSync(path.join(os.tmpdir(), 'sme-export-keys.cpuprofile'), JSON.stringify(profile));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
