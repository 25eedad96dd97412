#!/usr/bin/env node
// Smoke test of a built dist/: does the optimized wasm load in headless Chromium, from a
// sub-path, under a strict Content-Security-Policy, and answer through its JS API?
// (wasm-opt feature flags that Chromium does not accept, a wrong MIME type, or a root-absolute
// URL fail here.) The widget's own UI is tested by tests/browser/.
//
//   node scripts/smoke.mjs [--dist dist] [--chromium /usr/bin/chromium]
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const dist = path.resolve(opt('--dist', 'dist'));
const chromium = opt('--chromium', process.env.CHROMIUM_BIN || '/usr/bin/chromium');
const SUB = 'ministry/widgets/sme-export'; // where a host might put dist/
// What a careful ministry site could send. 'wasm-unsafe-eval' is what WebAssembly needs.
const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'";

const PAGE = `<!doctype html><meta charset="utf-8"><title>smoke</title>
<pre id="out">SMOKE PENDING</pre><script type="module" src="smoke.js"></script>`;
const SCRIPT = `
const out = document.getElementById("out");
const checks = {};
try {
  const m = await import("./${SUB}/pkg/sme_export.js");
  await m.default();
  checks.parseAmount = m.parseAmount("3억 5천만") === 350000000;
  checks.formatAmount = m.formatAmount(3550000000, "ko") === "35억 5,000만 원";
  let threw = false;
  try { m.parseAmount("abc", "en"); } catch (e) { threw = e instanceof Error; }
  checks.parseAmountThrows = threw;
  checks.exports = ["estimate", "parseAmount", "formatAmount", "formatUsd", "datasetInfo",
    "loadDataset", "validateDataset", "resetDataset"].every((n) => typeof m[n] === "function");
  // The first-answer module: the answer at a glance from its own dataset copy, under the same CSP.
  const first = await import("./${SUB}/pkg-first/sme_export.js");
  await first.default();
  const answer = first.glance({ revenueKrw: "35억", sector: "medical_devices", market: "SA", lang: "ko",
    today: "2026-12-01" });
  checks.glance = answer.summary.lines.length >= 5 && /만 원/.test(answer.summary.lines[1].text) &&
    JSON.stringify(answer.summary) === JSON.stringify(m.estimate({ revenueKrw: "35억", sector: "medical_devices",
      market: "SA", lang: "ko", today: "2026-12-01" }).summary);
  checks.firstHasNoLoader = typeof first.loadDataset === "undefined" && typeof first.estimate === "undefined";
  const failed = Object.keys(checks).filter((k) => !checks[k]);
  out.textContent = failed.length ? "SMOKE FAIL " + failed.join(",") : "SMOKE OK " + Object.keys(checks).join(",");
} catch (e) {
  out.textContent = "SMOKE FAIL " + (e && e.stack || e);
}`;

async function main() {
  await fsp.access(path.join(dist, 'pkg', 'sme_export_bg.wasm')).catch(() => {
    throw new Error(`${dist}/pkg/sme_export_bg.wasm missing: run scripts/build.sh first`);
  });
  const site = await fsp.mkdtemp(path.join(os.tmpdir(), 'sme-export-smoke-'));
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'sme-export-chromium-'));
  await fsp.mkdir(path.join(site, SUB), { recursive: true });
  await fsp.cp(dist, path.join(site, SUB), { recursive: true });
  await fsp.writeFile(path.join(site, 'index.html'), PAGE);
  await fsp.writeFile(path.join(site, 'smoke.js'), SCRIPT);
  const srv = await startServer({ root: site, port: 0, headers: { 'Content-Security-Policy': CSP } });
  try {
    // Also check each shipped file is served with a sensible type.
    for (const [file, type] of [
      ['pkg/sme_export_bg.wasm', 'application/wasm'],
      ['pkg/sme_export.js', 'text/javascript'],
      ['pkg-first/sme_export_bg.wasm', 'application/wasm'],
      ['pkg-first/sme_export.js', 'text/javascript'],
    ]) {
      const r = await fetch(srv.url + SUB + '/' + file);
      const got = r.headers.get('content-type') || '';
      if (!r.ok || !got.startsWith(type)) throw new Error(`${file}: HTTP ${r.status}, ${got}`);
    }
    const dom = await runChromium(srv.url);
    const line = (dom.match(/SMOKE [A-Z]+[^<]*/) || ['SMOKE NO RESULT (page did not finish)'])[0];
    console.log(`smoke: ${line}`);
    if (!line.startsWith('SMOKE OK')) process.exitCode = 1;
  } finally {
    await srv.close();
    await fsp.rm(site, { recursive: true, force: true });
    await fsp.rm(profile, { recursive: true, force: true }).catch(() => {});
  }

  function runChromium(url) {
    const argv = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--mute-audio',
      `--user-data-dir=${profile}`,
      '--virtual-time-budget=20000',
      '--dump-dom',
      url,
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(chromium, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot start ${chromium}: ${e.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (!stdout.includes('SMOKE')) {
          reject(new Error(`chromium exited ${code} without a page:\n${stderr.slice(-2000)}`));
        } else resolve(stdout);
      });
    });
  }
}

main().catch((e) => {
  console.error(`smoke: FAIL ${e.message}`);
  process.exit(1);
});
