#!/usr/bin/env node
// Screenshots for the README and a printed report to look at: serves dist/, opens the demo page in
// Debian's Chromium at 375 and 1280 px, enters one firm in each widget (Korean and English), and
// writes www/screenshot-{ko,en}-{375,1280}.png (the whole widget) and, with --pdf DIR, the printed
// A4 report of each language as DIR/report-{ko,en}.pdf.
//
//   bash scripts/build.sh && node scripts/screenshots.mjs [--pdf DIR] [--peek DIR] [--only ko-375]
//
// --peek DIR: also the first 812 px of the results, scrolled to, as DIR/results-{lang}-{width}.png.

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');
const pdfDir = process.argv.includes('--pdf') ? process.argv[process.argv.indexOf('--pdf') + 1] : null;
const peekDir = process.argv.includes('--peek') ? process.argv[process.argv.indexOf('--peek') + 1] : null;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';

const { url, close } = await startServer({ root: path.join(ROOT, 'dist'), port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const CASE = { revenueKrw: '35억', sector: 'medical_devices', market: 'SA' };
try {
  for (const lang of ['ko', 'en']) {
    for (const width of [375, 1280]) {
      if (only && !`${lang}-${width}`.includes(only)) continue;
      const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      await page.goto(url + 'index.html');
      const host = page.locator('#calc-' + lang);
      await host.locator('#f-revenueKrw').waitFor();
      await host.locator('#f-revenueKrw').fill(CASE.revenueKrw);
      await host.locator('#f-sector').selectOption(CASE.sector);
      await host.locator('#f-market').selectOption(CASE.market);
      await host.locator('.card.sum').waitFor();
      await page.waitForTimeout(400);
      await host.screenshot({ path: path.join(ROOT, `www/screenshot-${lang}-${width}.png`) });
      if (peekDir) {
        // The first phone screen (812 px) of the results, as a person scrolled to them sees it.
        await page.setViewportSize({ width, height: 812 });
        await host.locator('.r').evaluate((e) => e.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: path.join(peekDir, `results-${lang}-${width}.png`) });
      }
      if (pdfDir && width === 1280) {
        await page.pdf({
          path: path.join(pdfDir, `report-${lang}.pdf`),
          format: 'A4',
          printBackground: true,
          margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
        });
      }
      await page.close();
      console.log(`${lang} ${width} done`);
    }
  }
} finally {
  await browser.close();
  await close();
}
