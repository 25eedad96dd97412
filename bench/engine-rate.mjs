#!/usr/bin/env node
// estimate() per second of one wasm-bindgen build in Node, for bench/wasm-variants.sh.
//
//   node bench/engine-rate.mjs DIR [SECONDS]
//
// DIR holds sme_export.js (glue, --target web) and sme_export_bg.wasm. 1,024 revenues taken in
// turn (35억 won up in steps of 1,700만; medical devices, Saudi Arabia), as bench/run.mjs and
// examples/bench_engine.rs do. Prints one JSON line: calls per wall-second and per CPU-second of
// this process (user + system), the second being less sensitive to other jobs on the machine.

import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const REVENUES = 1024;
const dir = process.argv[2];
const seconds = Number(process.argv[3] || 1);
if (!dir || !(seconds > 0)) {
  console.error('usage: node bench/engine-rate.mjs DIR [SECONDS]');
  process.exit(2);
}
// The glue is an ES module in a .js file; a copy named .mjs loads without Node's type warning.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sme-export-rate-'));
try {
  const glue = path.join(tmp, 'sme_export.mjs');
  copyFileSync(path.join(dir, 'sme_export.js'), glue);
  const m = await import(pathToFileURL(glue).href);
  m.initSync({ module: readFileSync(path.join(dir, 'sme_export_bg.wasm')) });
  const today = new Date().toISOString().slice(0, 10);
  const mk = (revenueKrw) => ({
    revenueKrw,
    sector: 'medical_devices',
    market: 'SA',
    readiness: {},
    lang: 'ko',
    today,
  });
  const inputs = Array.from({ length: REVENUES }, (_, i) => mk(3_500_000_000 + i * 17_000_000));
  for (let i = 0; i < 1000; i++) m.estimate(inputs[i % REVENUES]);
  let calls = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    for (let i = 0; i < 128; i++) m.estimate(inputs[(calls + i) % REVENUES]);
    calls += 128;
    t = performance.now();
  }
  const cpu = process.cpuUsage(c0);
  console.log(JSON.stringify({ calls, wall: calls / ((t - t0) / 1000), cpu: calls / ((cpu.user + cpu.system) / 1e6) }));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
