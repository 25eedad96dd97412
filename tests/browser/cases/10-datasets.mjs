// 10. Datasets. (1) A valid data-src dataset from the page's own origin is used: its version and
// figures date in the footer, its names in the market list and the results, its figures in the
// results (= estimate() with that dataset's key). (2) Every kind of data-src failure (404, not
// JSON, an invalid dataset, 20 MB, 100,000-deep nesting, a server slower than the widget's 8 s
// timeout) leaves a working widget on the built-in data, a short polite notice in the page's
// language, and the problem list with JSON paths in the console. (3) The validator page
// dataset.html under the strict CSP: files picked with the file input are judged by the engine
// (every problem with its exact path, the count announced), large or deep files end quickly with
// a precise problem, markup in a file stays text, nothing is sent anywhere, zero CSP violations.
//
// The datasets are made once per run from data/dataset.json in a temp folder and served, with the
// host pages, by a small server of this file on 127.0.0.1: /ds/… from the temp folder (with a 404,
// a slow response, and host pages under the strict CSP); everything else is passed through to the
// site server, so the widget and its datasets share one origin.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { ready, enterCase, compareWithEngine, waitResults } from '../lib/widget.mjs';
import { REPO, STRICT_CSP, PAYLOAD, forward } from '../lib/site.mjs';

const DEFAULT_TEXT = fs.readFileSync(path.join(REPO, 'data', 'dataset.json'), 'utf8');
const DEFAULT = JSON.parse(DEFAULT_TEXT);
const CASE = { revenueKrw: '35억', sector: 'medical_devices', market: 'SA' };
const GOOD = {
  version: '2027.1',
  figuresAsOf: '2027-01-15',
  ko: '사우디아라비아 왕국(시험)',
  en: 'Saudi Arabia (test edition)',
  targetKrw: 5e12,
};
/** The widget's fetch timeout (www/sme-export-calculator.js, not configurable) and the server's delay. */
const SLOW_MS = 9000;
const CSP_TEXT = /content.security.policy|refused to|violates the following|securitypolicyviolation/i;

// ---- the datasets, made once per run ----------------------------------------------------------

function makeFiles(dir) {
  const d = () => structuredClone(DEFAULT);
  const files = {};
  const put = (name, text) => {
    fs.writeFileSync(path.join(dir, name), text);
    files[name] = path.join(dir, name);
  };
  // 1. Valid and different: version, date, a market's name and the plan's target.
  const good = d();
  good.version = GOOD.version;
  good.figuresAsOf = GOOD.figuresAsOf;
  const sa = good.markets.find((m) => m.id === 'SA');
  sa.name = { ko: GOOD.ko, en: GOOD.en };
  good.plan.targetExportsKrw.value = GOOD.targetKrw;
  put('good.json', JSON.stringify(good, null, 2));
  // 2. Valid JSON, invalid dataset: two mistakes.
  const two = d();
  two.exchangeRates[1].krwPerUsd.value = -1350;
  two.sectors[1].koreaWorldShare.value = 25;
  put('two-mistakes.json', JSON.stringify(two, null, 2));
  // Not JSON: what a misconfigured server answers with status 200.
  put(
    'not-json.json',
    '<!doctype html>\n<html><head><title>Page moved</title></head><body><p>The page has moved.</p></body></html>\n',
  );
  // 20 MB: the default dataset with a huge comment (the engine takes at most 8 MiB).
  const pad = (n) => {
    const x = d();
    x._comment = 'x'.repeat(n);
    return JSON.stringify(x);
  };
  put('huge-20mb.json', pad(20 * 1024 * 1024));
  // Just above the engine's limit but below what the validator page reads (16 MiB).
  put('over-8mib.json', pad(9 * 1024 * 1024));
  // 100,000 levels of nesting.
  put('deep.json', '['.repeat(100000) + ']'.repeat(100000));
  // Several mistakes of different kinds.
  const many = d();
  many.figuresAsOf = '2026-02-30';
  many.plan.targetExportsKrw.source = '';
  many.method.modelUncertainty.value = '0.3';
  delete many.sectors[0].koreaOutputKrw;
  many.markets[2].region = 'europe';
  many.markets[4].id = 'SA';
  put('several-mistakes.json', JSON.stringify(many, null, 2));
  // A syntax error at a known line and column: a second comma after "version".
  const lines = JSON.stringify(d(), null, 2).split('\n');
  const at = lines.findIndex((l) => l.includes('"version"'));
  lines[at] += ',';
  put('syntax-error.json', lines.join('\n'));
  files.syntaxAt = { line: at + 1, column: lines[at].length };
  // Markup in every name and title; the file's own name carries it too.
  const evil = d();
  const poison = (o) => {
    o.ko += ' ' + PAYLOAD;
    o.en += ' ' + PAYLOAD;
  };
  poison(evil.title);
  evil.version = '2027.1-' + PAYLOAD;
  for (const list of ['sectors', 'regions', 'markets', 'programs']) evil[list].forEach((x) => poison(x.name));
  put(`${PAYLOAD}.json`, JSON.stringify(evil, null, 2));
  files.evil = files[`${PAYLOAD}.json`];
  // One figure changed: the UAE's demand for medical devices doubled (it overtakes Saudi Arabia).
  const ae = d();
  ae.version = '2027.2';
  // Oman's health expenditure times ten: Oman has no current figure of Korea's exports or of its
  // total trade, and its device, pharmaceutical and digital-health demand is the health-spending
  // proxy, so those potentials follow it (the gravity tier); medical services rest on Oman's own
  // demand figure and the UAE's devices on actual exports.
  ae.markets.find((m) => m.id === 'OM').healthExpenditureUsd.value *= 10;
  put('om-devices-x10.json', JSON.stringify(ae, null, 2));
  return files;
}

const escAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Host page: two widgets (ko, en) with the same data-src, served under the strict CSP. */
function hostPage(src) {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>data-src test</title>
<script type="module" src="../sme-export-calculator.js"></script>
</head>
<body>
<h1>data-src: <code>${escAttr(src)}</code></h1>
<sme-export-calculator id="calc-ko" lang="ko" market="SA" data-src="${escAttr(src)}"></sme-export-calculator>
<sme-export-calculator id="calc-en" lang="en" market="SA" data-src="${escAttr(src)}"></sme-export-calculator>
</body>
</html>
`;
}

let shared = null;
/** The temp folder and the server (one per run, whatever the browser). */
function fixtures(t) {
  if (shared) return shared;
  shared = (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sme-browser-datasets-'));
    process.on('exit', () => {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        /* gone */
      }
    });
    const files = makeFiles(dir);
    const site = new URL(t.A);
    const server = http.createServer((req, res) => {
      const u = new URL(req.url, 'http://x');
      if (u.pathname === '/ds/page.html') {
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': STRICT_CSP,
        });
        return res.end(hostPage(u.searchParams.get('src') || ''));
      }
      if (u.pathname.startsWith('/ds/files/')) {
        const name = decodeURIComponent(u.pathname.slice('/ds/files/'.length));
        const send = () => {
          const file = files[name];
          if (!file || name.includes('/')) {
            res.writeHead(404, { 'Content-Type': 'text/plain' });
            return res.end('not found\n');
          }
          res.writeHead(200, {
            'Content-Type': 'application/json; charset=utf-8',
            'Cache-Control': 'no-store',
            'Content-Length': fs.statSync(file).size,
          });
          fs.createReadStream(file).pipe(res);
        };
        if (name === 'slow.json') {
          // Slower than the widget waits: answers (the good dataset) only after SLOW_MS, if anyone is still there.
          const timer = setTimeout(() => {
            if (!res.destroyed) {
              res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
              res.end(fs.readFileSync(files['good.json']));
            }
          }, SLOW_MS);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        return send();
      }
      // Everything else (the widget, its engine and styles): from the site server.
      forward(site, req, res);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    server.unref();
    process.on('exit', () => server.closeAllConnections?.());
    return { dir, files, url: `http://127.0.0.1:${server.address().port}/` };
  })();
  return shared;
}

// ---- helpers ----------------------------------------------------------------------------------

/** What a person sees of one widget: the notice, the footer, the market list. */
function seen(p, sel) {
  return p.evaluate((s) => {
    const R = document.querySelector(s).shadowRoot,
      n = R.querySelector('.w > .msg');
    const vis = (e) => !!(e && !e.hidden && e.getClientRects().length && getComputedStyle(e).visibility === 'visible');
    return {
      note: n && vis(n) ? n.textContent.replace(/\s+/g, ' ').trim() : '',
      noteRole: n ? n.getAttribute('role') : null,
      foot: R.querySelector('.foot').textContent,
      markets: [...R.querySelectorAll('#f-market option')].map((o) => [o.value, o.textContent]),
    };
  }, sel);
}

async function waitNote(p, sel, timeout = 15000) {
  await p.waitFor(
    (s) => {
      const n = document.querySelector(s).shadowRoot.querySelector('.w > .msg');
      return !!(n && !n.hidden && n.textContent.trim());
    },
    sel,
    { timeout, what: `the dataset notice in ${sel}` },
  );
}

const hangul = /[\uac00-\ud7a3]/;

// ---- 10.1 / 10.2: data-src --------------------------------------------------------------------

const FAILURES = [
  {
    name: '404',
    src: 'files/missing.json',
    ko: /HTTP 404/,
    en: /HTTP 404/,
    console: /HTTP 404/,
    allow: /Failed to load resource.*404|status of 404/i,
  },
  {
    name: 'not JSON (an HTML page with status 200)',
    src: 'files/not-json.json',
    ko: /JSON 형식이 아님/,
    en: /not valid JSON/,
    console: /\$: not valid JSON.*line 1 column 1/,
  },
  {
    name: 'valid JSON, invalid dataset (two mistakes)',
    src: 'files/two-mistakes.json',
    ko: /데이터 문제 2건/,
    en: /2 problems in the data/,
    console: /\$\.exchangeRates\[1\]\.krwPerUsd\.value[\s\S]*\$\.sectors\[1\]\.koreaWorldShare\.value/,
    paths: ['$.exchangeRates[1].krwPerUsd.value', '$.sectors[1].koreaWorldShare.value'],
  },
  {
    name: '20 MB',
    src: 'files/huge-20mb.json',
    ko: /8MiB보다 큼/,
    en: /larger than 8 MiB/,
    console: /\$: the file is \d+ bytes; at most 8 MiB/,
  },
  {
    name: '100,000-deep nesting',
    src: 'files/deep.json',
    ko: /64단계보다 깊게/,
    en: /more than 64 levels deep/,
    console: /\$: lists and objects are nested more than 64 levels deep/,
  },
  {
    name: `a server slower than the widget's 8 s timeout (${SLOW_MS / 1000} s)`,
    src: 'files/slow.json',
    ko: /응답 시간 초과/,
    en: /timed out/,
    console: /not used: (timed out|응답 시간 초과)/,
    slow: true,
    allow: /ERR_ABORTED/,
  },
];

function failure(f) {
  return {
    id: '10',
    title: `data-src failure: ${f.name} → built-in data, a notice, problems in the console`,
    timeout: 90000,
    allowConsole: new RegExp(`sme-export: dataset .* not used${f.allow ? '|' + f.allow.source : ''}`, 'i'),
    async run(t) {
      const fx = await fixtures(t);
      const p = await t.page({ width: 1280, height: 900 });
      const t0 = Date.now();
      t.step('load the host page');
      await p.goto(`${fx.url}ds/page.html?src=${encodeURIComponent(f.src)}`);
      for (const [sel, lang] of [
        ['#calc-ko', 'ko'],
        ['#calc-en', 'en'],
      ]) {
        await ready(p, sel);
        if (f.slow && lang === 'ko') {
          // The calculator works on the built-in data while the dataset is still on its way.
          t.step('type while the dataset loads');
          await enterCase(p, sel, CASE);
          const waiting = await seen(p, sel);
          t.assert(!waiting.note, `${sel}: a notice before the timeout: "${waiting.note}"`);
          t.assert(
            Date.now() - t0 < 7000,
            `${sel}: results only after ${((Date.now() - t0) / 1000).toFixed(1)} s, not while the dataset loads`,
          );
        }
        t.step(`${sel}: wait for the notice`);
        await waitNote(p, sel, f.slow ? 20000 : 15000);
        if (f.slow) {
          const secs = (Date.now() - t0) / 1000;
          t.assert(secs >= 7.5, `${sel}: gave up after ${secs.toFixed(1)} s, before its 8 s timeout`);
          if (lang === 'en') t.note(`notices after ${secs.toFixed(1)} s`);
        }
        if (!(f.slow && lang === 'ko')) await enterCase(p, sel, CASE);
        await waitResults(p, sel, 'SA');
        const cmp = await compareWithEngine(p, sel, { ...CASE, lang });
        cmp.bad.forEach((x) => t.problem(`${sel}: ${x}`));
        const s = await seen(p, sel);
        const builtIn = DEFAULT.markets.find((m) => m.id === 'SA').name[lang];
        t.eq(cmp.market, builtIn, `${sel}: market name in the results`);
        t.assert(
          s.foot.includes(DEFAULT.version) && s.foot.includes(DEFAULT.figuresAsOf),
          `${sel}: footer "${s.foot}" does not name the built-in dataset ${DEFAULT.version}`,
        );
        // The notice: short, polite (a status, not an alert), in the page's language, naming the problem.
        t.assert(s.noteRole === 'status', `${sel}: the notice has role ${s.noteRole}, want status`);
        t.assert(
          s.note.length > 10 && s.note.length <= 160,
          `${sel}: notice of ${s.note.length} characters: "${s.note}"`,
        );
        t.assert(f[lang].test(s.note), `${sel}: notice "${s.note}" does not name the problem (${f[lang]})`);
        if (lang === 'ko') {
          t.assert(hangul.test(s.note), `${sel}: notice "${s.note}" is not in Korean`);
          t.assert(
            !/[a-z]{4,}/i.test(s.note.replace(/JSON|HTTP|MiB/g, '')),
            `${sel}: the Korean notice holds English words: "${s.note}"`,
          );
        } else {
          t.assert(!hangul.test(s.note), `${sel}: the English notice holds Korean: "${s.note}"`);
        }
        t.assert(!/\$[.[:]/.test(s.note), `${sel}: the notice shows raw JSON paths: "${s.note}"`);
      }
      // The console: one warning per widget, naming the file and the problem(s) with their JSON paths.
      const warns = p.log.console.filter((c) => /sme-export: dataset/.test(c.text));
      t.assert(
        warns.length === 2,
        () =>
          `${warns.length} console warnings about the dataset, want 2 (one per widget): ${warns.map((c) => c.text.slice(0, 120)).join(' | ')}`,
      );
      for (const w of warns) {
        t.assert(/^warn/.test(w.type), `console.${w.type} for the dataset, want console.warn`);
        t.assert(w.text.includes(f.src), `console line does not name ${f.src}: ${w.text.slice(0, 200)}`);
        t.assert(f.console.test(w.text), `console line lacks ${f.console}: ${w.text.slice(0, 300)}`);
        for (const x of f.paths || []) t.assert(w.text.includes(x), `console line lacks the path ${x}`);
      }
      if (f.paths) {
        // The paths are the engine's own.
        const engine = await p.evaluate(async (src) => {
          const m = await window.__smeEngine(document.querySelector('#calc-ko'));
          return m.validateDataset(await (await fetch(src)).text()).problems.map((x) => x.path);
        }, f.src);
        t.eq(engine, f.paths, 'validateDataset() paths of the file');
      }
      const csp = await p.evaluate(() => window.__cspViolations);
      t.eq(csp, [], 'CSP violations');
      for (const c of p.log.console) if (CSP_TEXT.test(c.text)) t.problem(`console: ${c.text.slice(0, 160)}`);
    },
  };
}

const good = {
  id: '10',
  title: "data-src: a valid dataset from the page's origin is used (version, date, names, figures)",
  async run(t) {
    const fx = await fixtures(t);
    const p = await t.page({ width: 1280, height: 900 });
    await p.goto(`${fx.url}ds/page.html?src=${encodeURIComponent('files/good.json')}`);
    const key = `${fx.url}ds/files/good.json`;
    for (const [sel, lang] of [
      ['#calc-ko', 'ko'],
      ['#calc-en', 'en'],
    ]) {
      await ready(p, sel);
      t.step(`${sel}: wait for the dataset`);
      await p.waitFor(
        ([s, v]) => document.querySelector(s).shadowRoot.querySelector('.foot').textContent.includes(v),
        [sel, GOOD.version],
        { what: `${sel} footer to show ${GOOD.version}` },
      );
      const s = await seen(p, sel);
      t.eq(s.note, '', `${sel}: notice`);
      t.assert(
        s.foot.includes(GOOD.version) && s.foot.includes(GOOD.figuresAsOf),
        `${sel}: footer "${s.foot}" lacks ${GOOD.version} / ${GOOD.figuresAsOf}`,
      );
      const sa = s.markets.find((x) => x[0] === 'SA');
      t.eq(sa && sa[1], GOOD[lang], `${sel}: SA in the market list`);
      t.eq(s.markets.length, DEFAULT.markets.length, `${sel}: number of markets`);
      await enterCase(p, sel, CASE);
      const cmp = await compareWithEngine(p, sel, { ...CASE, lang, dataset: key });
      cmp.bad.forEach((x) => t.problem(`${sel}: ${x}`));
      t.eq(cmp.market, GOOD[lang], `${sel}: market in the results`);
      const shown = await p.evaluate(
        ([s2, name]) => {
          const R = document.querySelector(s2).shadowRoot,
            txt = (q) => (R.querySelector(q) || {}).textContent || '';
          return {
            head: txt('.card.pot h2, .card.pot h3'),
            rank: [...R.querySelectorAll('details[data-n=rank] tbody td')].some((td) => td.textContent.includes(name)),
            plan: txt('.card.plan p'),
          };
        },
        [sel, GOOD[lang]],
      );
      t.assert(shown.head.includes(GOOD[lang]), `${sel}: potential heading "${shown.head}" lacks ${GOOD[lang]}`);
      t.assert(shown.rank, `${sel}: the ranking table lacks ${GOOD[lang]}`);
      // The plan's target is this file's: the summary differs from the built-in one and names 5조 / 5 trillion.
      const plans = await p.evaluate(
        async ([s2, inp, k]) => {
          const m = await window.__smeEngine(document.querySelector(s2));
          const base = { ...inp, readiness: {} };
          return {
            mine: m.estimate({ ...base, dataset: k }).plan.summary,
            builtIn: m.estimate(base).plan.summary,
            target: m.formatAmount(5e12, inp.lang),
          };
        },
        [sel, { ...CASE, lang }, key],
      );
      t.assert(plans.mine !== plans.builtIn, `${sel}: the plan summary is the built-in one`);
      t.assert(
        shown.plan.includes(plans.target),
        `${sel}: plan summary "${shown.plan}" lacks the new target ${plans.target}`,
      );
    }
    const req = p.log.requests.filter((r) => /\/ds\/files\//.test(r.url));
    t.assert(
      req.length >= 1 && req.every((r) => r.url === key),
      () => `dataset requests: ${req.map((r) => r.url).join(', ')}`,
    );
    t.eq(await p.evaluate(() => window.__cspViolations), [], 'CSP violations');
  },
};

// ---- 10.3: the validator page -----------------------------------------------------------------

/** Opens dataset.html under the strict CSP; waits for its engine; starts recording requests and announcements. */
async function openValidator(t) {
  const fx = await fixtures(t);
  const p = await t.page({ width: 1280, height: 1000 });
  const reqs = [];
  p.page.on('request', (r) => reqs.push({ url: r.url(), method: r.method() }));
  await p.goto(t.CSP + 'dataset.html');
  await p.waitFor(
    () =>
      performance.getEntriesByType('resource').some((e) => /sme_export_bg\.wasm$/.test(e.name) && e.responseEnd > 0),
    null,
    { what: 'the validator to load its engine' },
  );
  await p.settle();
  await p.evaluate(() => {
    window.__said = [];
    const live = document.getElementById('live');
    new MutationObserver(() => {
      if (live.textContent) window.__said.push(live.textContent);
    }).observe(live, { childList: true, characterData: true, subtree: true });
  });
  const mark = reqs.length;
  return { p, fx, after: () => reqs.slice(mark).filter((r) => !/^(data|blob):/.test(r.url)) };
}

/** Picks a file with the file input, as the "choose a file" button does; resolves with the announcement and the time it took. */
async function pickFile(p, file) {
  const n = await p.evaluate(() => window.__said.length);
  const t0 = Date.now();
  const h = await p.handle(() => document.getElementById('file'));
  await p.front();
  if (p.kind === 'chromium') await h.setInputFiles(file);
  else await h.uploadFile(file);
  try {
    await p.waitFor((k) => window.__said.length > k, n, {
      timeout: 15000,
      what: `the result of ${path.basename(file)} to be announced`,
    });
  } catch (e) {
    throw new Error(
      `no result announced within 15 s of picking ${path.basename(file)} (${String(e.message).split('\n')[0]})`,
    );
  }
  await p.settle();
  return { said: await p.evaluate((k) => window.__said[k], n), ms: Date.now() - t0 };
}

/** What the validator shows. */
function report(p) {
  return p.evaluate(() => {
    const txt = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : '');
    const vis = (e) => !!(e && !e.closest('[hidden]') && e.getClientRects().length);
    return {
      verdict: txt(document.getElementById('verdict')),
      verdictOk: !!document.querySelector('#verdict .verdict.ok'),
      sum: [...document.querySelectorAll('#summary dl.sum dt')].map((dt) => [txt(dt), txt(dt.nextElementSibling)]),
      problems: [...document.querySelectorAll('#problems li.problem')].map((li) => ({
        path: txt(li.querySelector('.p-path')),
        kind: txt(li.querySelector('.p-kind')),
        msg: txt(li.querySelector('.p-msg')),
        ko: txt(li.querySelector('.p-ko')),
      })),
      head: txt(document.querySelector('#problems h3')),
      preview: vis(document.getElementById('preview-calc')),
      fileName: txt(document.getElementById('file-name')),
    };
  });
}

/** After every validator case: nothing sent, no CSP violation, no markup run. */
async function validatorAfter(t, p, after, { widget = false } = {}) {
  const origin = new URL(t.CSP).origin;
  const reqs = after();
  // A valid file starts the preview calculator, whose code and styles the page loads then (the
  // element's script and chunks, its stylesheets (the screen's, and the report's with the cards)
  // and its first-answer module); nothing else.
  const allowed = widget
    ? /^\/(sme-export-(calculator\.(js|css)|print\.css)|calculator\/[\w-]+\.js|pkg-first\/sme_export(\.js|_bg\.wasm))$/
    : /^$/;
  const bad = reqs.filter((r) => {
    const u = new URL(r.url);
    return r.method !== 'GET' || u.origin !== origin || u.search || !allowed.test(u.pathname);
  });
  t.assert(!bad.length, () => `requests after a file was picked: ${bad.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  t.eq(await p.evaluate(() => window.__cspViolations), [], 'CSP violations');
  for (const c of p.log.console) if (CSP_TEXT.test(c.text)) t.problem(`console: ${c.text.slice(0, 160)}`);
  t.eq(await p.evaluate(() => typeof window.__pwned), 'undefined', 'typeof window.__pwned');
}

const validator = [
  {
    id: '10',
    title: 'validator (strict CSP): the default dataset is valid, counts shown, the preview calculates',
    async run(t) {
      const { p, after } = await openValidator(t);
      const file = path.join(REPO, 'data', 'dataset.json');
      const r = await pickFile(p, file);
      t.assert(
        /유효한 파일입니다/.test(r.said) && /The file is valid/.test(r.said) && r.said.includes(DEFAULT.version),
        `announced "${r.said}"`,
      );
      const v = await report(p);
      t.assert(v.verdictOk && /유효한 데이터 파일입니다/.test(v.verdict), `verdict "${v.verdict}"`);
      const row = (en) => (v.sum.find(([dt]) => dt.includes(en)) || [])[1] || '';
      t.assert(row('Sectors').startsWith('4개'), `sectors row "${row('Sectors')}"`);
      t.assert(row('Markets').startsWith('11개'), `markets row "${row('Markets')}"`);
      t.assert(
        row('Programs').startsWith(`${DEFAULT.programs.length}개`),
        `programs row "${row('Programs')}", want ${DEFAULT.programs.length}`,
      );
      t.eq(row('Version'), DEFAULT.version, 'version row');
      t.eq(v.problems, [], 'problems listed');
      t.assert(v.fileName.includes('dataset.json'), `file name shown "${v.fileName}"`);
      // The preview: a working calculator on the file's figures (the key the page loaded it under).
      const sel = '#preview-calc';
      await ready(p, sel);
      await enterCase(p, sel, CASE);
      const key = await p.evaluate(() => document.getElementById('preview-calc').getAttribute('dataset-key') || '');
      const cmp = await compareWithEngine(p, sel, { ...CASE, lang: 'ko', dataset: key });
      cmp.bad.forEach((x) => t.problem(`preview: ${x}`));
      t.note(`picked → announced in ${r.ms} ms`);
      // The request log works: it saw the preview's code being loaded.
      t.assert(
        after().some((x) => /\/sme-export-calculator\.js$/.test(x.url)),
        'the request log did not see the preview calculator load',
      );
      await validatorAfter(t, p, after, { widget: true });
    },
  },
  {
    id: '10',
    title:
      'validator (strict CSP): a dataset with several mistakes → every problem with its exact path, the count announced',
    async run(t) {
      const { p, fx, after } = await openValidator(t);
      const file = fx.files['several-mistakes.json'];
      const r = await pickFile(p, file);
      const v = await report(p);
      const want = await p.evaluate(
        async (text) => {
          const m = await import('./pkg/sme_export.js');
          return m.validateDataset(text).problems.map((x) => ({ path: x.path, kind: x.kind }));
        },
        fs.readFileSync(file, 'utf8'),
      );
      t.assert(want.length >= 6, `validateDataset found only ${want.length} problems`);
      t.eq(
        v.problems.map((x) => ({ path: x.path, kind: x.kind })),
        want,
        'problems listed (path, kind) vs validateDataset(text)',
      );
      const n = want.length;
      t.assert(
        r.said.includes(`문제 ${n}개`) && r.said.includes(`${n} problems found`),
        `announced "${r.said}", want the count ${n}`,
      );
      t.assert(v.verdict.includes(`문제 ${n}개`) && v.verdict.includes(`${n} problems`), `verdict "${v.verdict}"`);
      t.assert(v.head.includes(`(${n})`), `list heading "${v.head}"`);
      for (const x of v.problems)
        t.assert(x.msg && x.ko && hangul.test(x.ko), `problem ${x.path}: message "${x.msg}", Korean help "${x.ko}"`);
      t.eq(v.preview, false, 'preview shown for an invalid file');
      for (const pth of [
        '$.figuresAsOf',
        '$.plan.targetExportsKrw.source',
        '$.method.modelUncertainty.value',
        '$.sectors[0].koreaOutputKrw',
        '$.markets[2].region',
        '$.markets[4].id',
      ]) {
        t.assert(
          v.problems.some((x) => x.path === pth),
          `${pth} not listed`,
        );
      }
      t.note(`${n} problems; announced in ${r.ms} ms`);
      await validatorAfter(t, p, after);
    },
  },
  {
    id: '10',
    title: "validator (strict CSP): not JSON → the engine's line and column",
    async run(t) {
      const { p, fx, after } = await openValidator(t);
      const r = await pickFile(p, fx.files['syntax-error.json']);
      const v = await report(p);
      const { line, column } = fx.files.syntaxAt;
      t.assert(v.problems.length === 1, `${v.problems.length} problems listed, want 1`);
      const x = v.problems[0] || {};
      t.eq([x.path, x.kind], ['$', 'json'], 'the problem');
      const m = /at line (\d+) column (\d+)/.exec(x.msg || '');
      t.assert(
        m && Number(m[1]) === line && Math.abs(Number(m[2]) - column) <= 1,
        `message "${x.msg}", want line ${line} column ${column}`,
      );
      t.assert(
        /JSON 문법 오류/.test(x.ko || '') && /줄\(line\)과 칸\(column\)/.test(x.ko || ''),
        `Korean help "${x.ko}"`,
      );
      t.assert(r.said.includes('문제 1개') && r.said.includes('1 problem found'), `announced "${r.said}"`);
      // An HTML page saved as .json: the same kind of message, at line 1 column 1.
      const r2 = await pickFile(p, fx.files['not-json.json']);
      const v2 = await report(p);
      t.assert(
        v2.problems.length === 1 && v2.problems[0].kind === 'json' && /at line 1 column 1\b/.test(v2.problems[0].msg),
        `HTML file: ${JSON.stringify(v2.problems).slice(0, 300)}`,
      );
      t.assert(r2.said.includes('1 problem found'), `announced "${r2.said}"`);
      await validatorAfter(t, p, after);
    },
  },
  {
    id: '10',
    title: 'validator (strict CSP): 20 MB, 9 MiB and 100,000-deep files → a precise problem within seconds',
    timeout: 120000,
    async run(t) {
      const { p, fx, after } = await openValidator(t);
      // 20 MB: not even read (the page reads up to 16 MiB; the engine takes 8 MiB).
      let r = await pickFile(p, fx.files['huge-20mb.json']);
      let v = await report(p);
      t.assert(
        /너무 큽니다/.test(v.verdict) && /too large/.test(v.verdict) && /8\s?MiB/.test(v.verdict),
        `20 MB: verdict "${v.verdict}"`,
      );
      t.assert(/너무 큽니다/.test(r.said), `20 MB: announced "${r.said}"`);
      t.assert(r.ms < 5000, `20 MB: took ${r.ms} ms`);
      const times = [`20 MB ${r.ms} ms`];
      // 9 MiB: read, and refused by the engine as tooLarge.
      r = await pickFile(p, fx.files['over-8mib.json']);
      v = await report(p);
      t.eq(
        v.problems.map((x) => [x.path, x.kind]),
        [['$', 'tooLarge']],
        '9 MiB: problems',
      );
      t.assert(/8 MiB/.test((v.problems[0] || {}).msg || ''), `9 MiB: message "${(v.problems[0] || {}).msg}"`);
      t.assert(r.said.includes('1 problem found'), `9 MiB: announced "${r.said}"`);
      t.assert(r.ms < 5000, `9 MiB: took ${r.ms} ms`);
      times.push(`9 MiB ${r.ms} ms`);
      // 100,000 levels deep.
      r = await pickFile(p, fx.files['deep.json']);
      v = await report(p);
      t.eq(
        v.problems.map((x) => [x.path, x.kind]),
        [['$', 'tooDeep']],
        'deep: problems',
      );
      t.assert(/64/.test((v.problems[0] || {}).msg || ''), `deep: message "${(v.problems[0] || {}).msg}"`);
      t.assert(r.said.includes('1 problem found'), `deep: announced "${r.said}"`);
      t.assert(r.ms < 5000, `deep: took ${r.ms} ms`);
      times.push(`deep ${r.ms} ms`);
      // The page still works: a valid file afterwards.
      r = await pickFile(p, path.join(REPO, 'data', 'dataset.json'));
      t.assert(/The file is valid/.test(r.said), `a valid file afterwards: announced "${r.said}"`);
      t.note(times.join(', '));
      await validatorAfter(t, p, after, { widget: true });
    },
  },
  {
    id: '10',
    title: 'validator (strict CSP): <img onerror> in names and in the file name is shown as text',
    async run(t) {
      const { p, fx, after } = await openValidator(t);
      const r = await pickFile(p, fx.files.evil);
      t.assert(/The file is valid/.test(r.said), `announced "${r.said}"`);
      await ready(p, '#preview-calc');
      await enterCase(p, '#preview-calc', CASE);
      await p.evaluate(() =>
        document
          .getElementById('preview-calc')
          .shadowRoot.querySelectorAll('details')
          .forEach((d) => {
            d.open = true;
          }),
      );
      await p.settle();
      const x = await p.evaluate((P) => {
        const roots = [document, ...[...document.querySelectorAll('sme-export-calculator')].map((e) => e.shadowRoot)];
        const els = roots.reduce(
          (n, r) => n + r.querySelectorAll('img, script:not([src]), iframe, object, embed').length,
          0,
        );
        const shown = (root) => {
          const out = [];
          const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n; (n = w.nextNode());)
            if (n.data.includes(P) && n.parentElement.getClientRects().length)
              out.push(n.parentElement.tagName.toLowerCase());
          return out;
        };
        return {
          els,
          page: shown(document.body),
          preview: shown(roots[1]),
          fileName: document.getElementById('file-name').textContent,
          pre: (document.querySelector('#summary pre') || {}).textContent || '',
        };
      }, PAYLOAD);
      t.eq(x.els, 0, 'img/script/iframe elements created');
      t.assert(x.fileName.includes(PAYLOAD), `file name shown "${x.fileName.slice(0, 120)}"`);
      t.assert(x.pre.includes(PAYLOAD), 'the publish snippet does not show the file name as text');
      t.assert(
        x.page.length >= 5,
        `the payload is visible as text in only ${x.page.length} places of the page (${x.page.join(', ')})`,
      );
      t.assert(
        x.preview.length >= 10,
        `the payload is visible as text in only ${x.preview.length} places of the preview`,
      );
      await waitResults(p, '#preview-calc', 'SA');
      t.note(`payload shown as text in ${x.page.length} places of the page, ${x.preview.length} of the preview`);
      await validatorAfter(t, p, after, { widget: true });
    },
  },
];

// The reference panel and its pinned outcomes, read here as a person reads the CSVs (no quoted
// cell comes before the columns used).
const PANEL_ROWS = fs
  .readFileSync(path.join(REPO, 'data', 'panel.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const PINNED = (() => {
  const [head, ...rows] = fs
    .readFileSync(path.join(REPO, 'tests', 'data', 'panel-outcomes.csv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  return new Map(rows.map((r) => [r[0], Object.fromEntries(head.map((h, i) => [h, r[i]]))]));
})();

/** The comparison the validator page shows. */
function comparisonShown(p) {
  return p.evaluate(() => {
    const txt = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : '');
    return {
      summary: txt(document.getElementById('cmp-summary')),
      counts: Object.fromEntries(
        [...document.querySelectorAll('#comparison dd[data-kind]')].map((dd) => [dd.dataset.kind, txt(dd)]),
      ),
      rows: [...document.querySelectorAll('#cmp-table tbody tr')].map((tr) => [...tr.children].map(txt)),
    };
  });
}

validator.push({
  id: '10',
  title:
    'validator (strict CSP): one changed figure → the reference firms it moves, counted and listed against the built-in figures',
  async run(t) {
    const { p, fx, after } = await openValidator(t);
    // The built-in figures themselves change nothing.
    let r = await pickFile(p, path.join(REPO, 'data', 'dataset.json'));
    let c = await comparisonShown(p);
    const n = PANEL_ROWS.length;
    t.assert(
      c.summary.includes(`기준 기업 ${n}곳 중 0곳의 결과가 바뀝니다`) &&
        c.summary.includes(`0 of the ${n} reference firms`),
      `default: summary "${c.summary}"`,
    );
    t.eq(c.counts, { smeStatus: '0', potential: '0', ranking: '0', program: '0', invalid: '0' }, 'default: counts');
    t.eq(c.rows, [], 'default: rows');
    t.assert(r.said.includes(`${n}곳 중 0곳`), `default: announced "${r.said}"`);

    // Oman's health expenditure times ten.
    r = await pickFile(p, fx.files['om-devices-x10.json']);
    c = await comparisonShown(p);
    const proxied = ['medical_devices', 'pharmaceuticals', 'digital_health'];
    const toOm = PANEL_ROWS.filter((x) => proxied.includes(x[1]) && Number(x[2]) > 0 && x[11] === 'OM');
    t.assert(toOm.length >= 6, `only ${toOm.length} proxied firms target OM in the panel`);
    const engine = await p.evaluate(
      async ({ text, panel }) => {
        const m = await import('./pkg-validator/sme_export.js');
        const cmp = m.comparePanel(text, panel, 'ko');
        return { counts: Object.fromEntries(cmp.counts.map((x) => [x.kind, x.firms])), changed: cmp.firmsChanged };
      },
      {
        text: fs.readFileSync(fx.files['om-devices-x10.json'], 'utf8'),
        panel: fs.readFileSync(path.join(REPO, 'data', 'panel.csv'), 'utf8'),
      },
    );
    // Every proxied firm targeting OM grows tenfold; no SME status or programme moves; rankings
    // move wherever Oman passes another market.
    t.eq(
      c.counts,
      {
        smeStatus: '0',
        potential: String(toOm.length),
        ranking: String(engine.counts.ranking),
        program: '0',
        invalid: '0',
      },
      'counts shown',
    );
    t.assert(engine.counts.ranking >= toOm.length, `rankings ${engine.counts.ranking}`);
    const changed = engine.changed;
    t.assert(
      c.summary.includes(`기준 기업 ${n}곳 중 ${changed}곳의 결과가 바뀝니다`),
      `summary "${c.summary}", want ${changed} of ${n}`,
    );
    t.assert(
      r.said.includes(`${n}곳 중 ${changed}곳`) && r.said.includes(`${changed} of the ${n} reference firms`),
      `announced "${r.said}"`,
    );
    t.eq(c.rows.length, 20, 'rows listed (the largest 20)');
    const ids = new Set(toOm.map((x) => x[0]));
    for (const [firm, field, before, after_, change] of c.rows) {
      t.eq(before, (PINNED.get(firm) || {})[field], `${firm} ${field}: before vs tests/data/panel-outcomes.csv`);
      if (/^(base|low|high|untapped)_krw$/.test(field)) {
        // Largest first: the tenfold potentials of the firms targeting OM.
        t.assert(ids.has(firm), `row ${firm} ${field}`);
        t.assert(
          Math.abs(Number(after_) - 10 * Number(before)) <= 10,
          `${firm} ${field}: ${before} → ${after_}, want ten times`,
        );
        t.eq(change, '+900.0 %', `${firm} ${field}: change`);
      } else {
        t.assert(/^(market_rank|best_market)$/.test(field), `row ${firm} ${field}`);
      }
    }
    // The page shows what the engine's comparePanel gives, in its order.
    const want = await p.evaluate(
      async ({ text, panel }) => {
        // The validator's own build of the engine (dataset.js has initialised it).
        const m = await import('./pkg-validator/sme_export.js');
        return m
          .comparePanel(text, panel, 'ko')
          .changes.slice(0, 20)
          .map((x) => [x.firm, x.field, x.before, x.after]);
      },
      {
        text: fs.readFileSync(fx.files['om-devices-x10.json'], 'utf8'),
        panel: fs.readFileSync(path.join(REPO, 'data', 'panel.csv'), 'utf8'),
      },
    );
    t.eq(
      c.rows.map((x) => x.slice(0, 4)),
      want,
      'rows vs comparePanel()',
    );
    t.note(`${changed} of ${n} firms change; ${toOm.length} potentials, ${engine.counts.ranking} rankings`);
    await validatorAfter(t, p, after, { widget: true });
  },
});

export const cases = [good, ...FAILURES.map(failure), ...validator];
