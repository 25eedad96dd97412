#!/usr/bin/env node
// End-to-end tests of <sme-export-calculator> in real browsers: Debian's Chromium (playwright-core)
// and Firefox ESR (puppeteer-core over WebDriver BiDi), one after the other, on dist/ served from
// 127.0.0.1. One line per case per browser ("ok", "FAIL" with the reason, or "skip" with why),
// then "N passed, M failed" alone on the last line; exit status 1 on any failure.
//
//   node tests/browser/run.mjs [--browser chromium|firefox]... [--only REGEX] [--keep]
//
// Environment: SME_EXPORT_DIST (default <repo>/dist), CHROMIUM_BIN (default /usr/bin/chromium),
// FIREFOX_BIN (default /usr/bin/firefox-esr), SME_BROWSER_ARTIFACTS (where screenshots of failed
// cases go; default tests/browser/artifacts/, emptied at each run and removed when all pass).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Session } from './lib/driver.mjs';
import { buildSite, startServers, REPO } from './lib/site.mjs';
import { recorder } from './lib/widget.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---- arguments ---------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const browsers = [];
let only = null,
  keep = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--browser') browsers.push(argv[++i]);
  else if (a === '--only') only = new RegExp(argv[++i], 'i');
  else if (a === '--keep') keep = true;
  else if (a === '-h' || a === '--help') {
    console.log('usage: node tests/browser/run.mjs [--browser chromium|firefox]... [--only REGEX] [--keep]');
    process.exit(0);
  } else {
    console.error(`unknown argument ${a}`);
    process.exit(2);
  }
}
if (!browsers.length) browsers.push('chromium', 'firefox');
for (const b of browsers)
  if (!['chromium', 'firefox'].includes(b)) {
    console.error(`unknown browser ${b}`);
    process.exit(2);
  }

// ---- the test context handed to each case ------------------------------------------------------
class Skip extends Error {}

/** Console lines that always count as a failure, whatever the case allows. */
const FATAL = /panicked|unreachable|RuntimeError|wasm-bindgen/i;

class T {
  constructor(session, servers, caseDef) {
    this.session = session;
    this.kind = session.kind;
    this.servers = servers;
    this.caseDef = caseDef;
    this.A = servers.A.url;
    this.CSP = servers.CSP.url;
    this.B = servers.B.url;
    this.C = servers.C.url;
    this.problems = [];
    this.notes = [];
    this.pages = [];
  }
  /** A page in a fresh browser context; records result events and CSP violations from the start. */
  async page(opts = {}) {
    const p = await this.session.newPage({ ...opts, init: [recorder, ...(opts.init || [])] });
    this.pages.push(p);
    return p;
  }
  problem(msg) {
    this.problems.push(msg);
  }
  assert(cond, msg) {
    if (!cond) this.problems.push(typeof msg === 'function' ? msg() : msg);
    return !!cond;
  }
  eq(got, want, what) {
    const g = JSON.stringify(got),
      w = JSON.stringify(want);
    return this.assert(g === w, () => `${what}: got ${g.slice(0, 300)}, want ${w.slice(0, 300)}`);
  }
  /** Fails now (a precondition for the rest of the case). */
  need(cond, msg) {
    if (!cond) {
      this.problems.push(msg);
      throw new Error(msg);
    }
  }
  note(text) {
    this.notes.push(text);
  }
  /** Names the step under way, so that a time-out says where it happened. */
  step(name) {
    this.current = name;
  }
  /** Where to save pictures that explain a failure. */
  artifactDir() {
    usedArtifacts = true;
    return path.join(artifacts, `${this.kind}-${String(this.caseDef.id)}`);
  }
  skip(reason) {
    throw new Skip(reason);
  }
  /** Console errors, uncaught errors and Rust panics on every page of the case are failures. */
  checkLogs() {
    const allow = this.caseDef.allowConsole || null;
    for (const p of this.pages) {
      for (const e of p.log.errors) this.problem(`uncaught error: ${e.split('\n')[0]}`);
      for (const c of p.log.console) {
        if (FATAL.test(c.text)) this.problem(`console.${c.type}: ${c.text.slice(0, 200)}`);
        else if (
          (c.type === 'error' || c.type === 'assert' || (c.type.startsWith('warn') && /sme-export/.test(c.text))) &&
          !(allow && allow.test(c.text))
        ) {
          this.problem(`console.${c.type}: ${c.text.slice(0, 200)}`);
        }
      }
    }
  }
}

// ---- running -----------------------------------------------------------------------------------
// Pictures of failures: tests/browser/artifacts/ (ignored by git), emptied at each run.
const artifacts = path.resolve(process.env.SME_BROWSER_ARTIFACTS || path.join(HERE, 'artifacts'));
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
let usedArtifacts = false;
const withTimeout = (promise, ms, what) => {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};
const line = (status, kind, c, extra) =>
  console.log(`${status.padEnd(4)} ${kind.padEnd(9)} ${c.id}. ${c.title}${extra ? ` — ${extra}` : ''}`);

async function loadCases() {
  const dir = path.join(HERE, 'cases');
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d+.*\.mjs$/.test(f))
    .sort();
  const all = [];
  for (const f of files) all.push(...(await import(pathToFileURL(path.join(dir, f)).href)).cases);
  return only ? all.filter((c) => only.test(`${c.id}. ${c.title}`)) : all;
}

async function main() {
  const dist = path.resolve(process.env.SME_EXPORT_DIST || path.join(REPO, 'dist'));
  for (const f of [
    'sme-export-calculator.js',
    'index.html',
    'embed.html',
    'pkg/sme_export.js',
    'pkg/sme_export_bg.wasm',
  ]) {
    if (!fs.existsSync(path.join(dist, f))) {
      console.error(`${path.join(dist, f)} is missing: build first (bash scripts/build.sh).`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
  const cases = await loadCases();
  const site = await buildSite(dist);
  const servers = await startServers(site);
  let passed = 0,
    failed = 0,
    skipped = 0;
  const timings = [];
  try {
    for (const kind of browsers) {
      const t0 = Date.now();
      let session;
      try {
        const bin =
          kind === 'chromium'
            ? process.env.CHROMIUM_BIN || '/usr/bin/chromium'
            : process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
        if (!fs.existsSync(bin))
          throw new Error(
            `${bin} not found (Debian: apt-get install -y ${kind === 'chromium' ? 'chromium' : 'firefox-esr'})`,
          );
        session = await new Session(kind).start();
        console.log(
          `# ${session.version} (${kind === 'chromium' ? 'playwright-core' : 'puppeteer-core, WebDriver BiDi'})`,
        );
      } catch (e) {
        for (const c of cases) {
          line('FAIL', kind, c, `browser did not start: ${String(e.message || e).split('\n')[0]}`);
          failed++;
        }
        continue;
      }
      for (const c of cases) {
        if (c.only && c.only !== kind) {
          line('skip', kind, c, c.onlyWhy || `${c.only} only`);
          skipped++;
          continue;
        }
        const t = new T(session, servers, c);
        const started = Date.now();
        let status = 'ok',
          why = '';
        try {
          await withTimeout(c.run(t), c.timeout || 120000, 'the case').catch((e) => {
            if (/did not finish/.test(e.message) && t.current) e.message += ` (at: ${t.current})`;
            throw e;
          });
          t.checkLogs();
          if (t.problems.length) {
            status = 'FAIL';
            why =
              t.problems.slice(0, 6).join('; ') + (t.problems.length > 6 ? `; … ${t.problems.length - 6} more` : '');
          }
        } catch (e) {
          if (e instanceof Skip) {
            status = 'skip';
            why = e.message;
          } else {
            status = 'FAIL';
            const msg = String((e && e.message) || e).split('\n')[0];
            const earlier = t.problems.filter((x) => x !== msg);
            why = [...earlier.slice(0, 4), msg].join('; ');
          }
        }
        if (status === 'FAIL' && t.pages.length) {
          const file = path.join(
            artifacts,
            `${kind}-${String(c.id).replace(/\W+/g, '_')}-${c.title.replace(/\W+/g, '_').slice(0, 40)}.png`,
          );
          try {
            await withTimeout(t.pages[t.pages.length - 1].pageScreenshot(file), 10000, 'screenshot');
            why += ` [screenshot: ${file}]`;
            usedArtifacts = true;
          } catch {
            /* page gone */
          }
        }
        await session.closePages();
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        const extra = status === 'ok' ? [...t.notes, `${secs} s`].join('; ') : why;
        line(status, kind, c, extra);
        if (status === 'ok') passed++;
        else if (status === 'skip') skipped++;
        else failed++;
      }
      await session.stop();
      timings.push(`${kind} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    await servers.close();
    if (!keep) fs.rmSync(site, { recursive: true, force: true });
    else console.log(`# site kept in ${site}`);
  }
  if (!usedArtifacts) fs.rmSync(artifacts, { recursive: true, force: true });
  console.log(`# time: ${timings.join(', ')}${skipped ? `; ${skipped} skipped` : ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
