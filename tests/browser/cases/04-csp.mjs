// 4. Strict CSP: the demo page served with
//   default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'
// works fully (results, charts, labels, styles, details, errors, copy, CSV) with zero
// securitypolicyviolation events (listened to from before the page's first script) and zero
// CSP messages in the console.

import fs from 'node:fs';
import path from 'node:path';
import { ready, enterCase, compareWithEngine, openMore, typeInto, part, clickIn } from '../lib/widget.mjs';
import { checkCharts, checkLanguage } from './01-happy.mjs';
import { STRICT_CSP } from '../lib/site.mjs';

const CSP_TEXT = /content.security.policy|refused to|violates the following|securitypolicyviolation/i;

export const cases = [
  {
    id: '4',
    title: "strict CSP (no 'unsafe-inline', only 'wasm-unsafe-eval'): everything works, zero violations",
    async run(t) {
      const p = await t.page({ width: 1280, height: 900, dsf: 2 });
      await p.goto(t.CSP + 'index.html');
      const header = await p.evaluate(() =>
        fetch(location.href, { cache: 'no-store' }).then((r) => r.headers.get('content-security-policy')),
      );
      t.need(header === STRICT_CSP, `the page is not served with the strict policy (got ${header})`);
      const cases = {
        '#calc-ko': { revenueKrw: '35억', sector: 'medical_devices', market: 'SA', lang: 'ko' },
        '#calc-en': { revenueKrw: '12.5억', sector: 'digital_health', market: 'UZ', lang: 'en' },
      };
      for (const [sel, c] of Object.entries(cases)) {
        await ready(p, sel);
        await enterCase(p, sel, c);
        const cmp = await compareWithEngine(p, sel, c);
        cmp.bad.forEach((x) => t.problem(`${sel}: ${x}`));
        await checkCharts(t, p, sel, cmp.ranking, 2);
        await checkLanguage(t, p, sel, c.lang);
      }
      // The widget's own stylesheet applies (a blocked sheet would leave browser defaults).
      const look = await p.evaluate(() => {
        const R = document.querySelector('#calc-ko').shadowRoot,
          cs = (s) => getComputedStyle(R.querySelector(s));
        return {
          form: cs('.form').borderTopStyle + ' ' + cs('.form').borderTopLeftRadius,
          btn: cs('.btn').borderTopColor,
          font: cs('.w').fontFamily,
          vis: cs('.w').visibility,
          shown: cs('.w').display !== 'none',
        };
      });
      t.eq(
        look,
        { form: 'solid 8px', btn: 'rgb(11, 80, 208)', font: look.font, vis: 'visible', shown: true },
        'widget styles under CSP',
      );
      t.assert(/Pretendard GOV/.test(look.font), `widget font ${look.font}`);
      // More details, a readiness answer, the medical-corporation box, result tables, an error.
      const sel = '#calc-ko';
      await openMore(p, sel);
      await typeInto(p, sel, 'exportsToMarketKrw', '1억');
      await clickIn(p, sel, 'input[name=q-certification][value=y]');
      await clickIn(p, sel, '#f-mc');
      await clickIn(p, sel, '#f-mc');
      for (const n of ['years', 'factors', 'rank']) await clickIn(p, sel, `details[data-n=${n}] > summary`);
      const opened = await p.evaluate(
        (s) =>
          [...document.querySelector(s).shadowRoot.querySelectorAll('details[data-n] table')].filter(
            (x) => x.getClientRects().length,
          ).length,
        sel,
      );
      t.assert(opened >= 3, `only ${opened} result tables open`);
      await typeInto(p, sel, 'totalAssetsKrw', 'abc');
      const err = await p.evaluate((s) => {
        const e = document.querySelector(s).shadowRoot.querySelector('#e-totalAssetsKrw');
        return !e.hidden && e.getClientRects().length > 0 && getComputedStyle(e).color;
      }, sel);
      t.assert(err === 'rgb(189, 44, 15)', `the error message is not shown in the danger colour (${err})`);
      await typeInto(p, sel, 'totalAssetsKrw', '');
      // Copy link: the clipboard or the fallback field, either way no violation.
      await clickIn(p, sel, '.actions .btn');
      await p.waitFor((s) => !document.querySelector(s).shadowRoot.querySelector('.share').hidden, sel, {
        what: 'the copy-link message',
      });
      // CSV download (a blob: URL and a click on a download link).
      if (t.kind === 'chromium') {
        const [dl] = await Promise.all([
          p.page.waitForEvent('download', { timeout: 10000 }),
          p.click(await part(p, sel, '.actions .btn:nth-child(3)')),
        ]);
        const text = fs.readFileSync(await dl.path(), 'utf8');
        t.assert(
          text.startsWith('\ufeff') && text.includes('35억') && /\.csv$/.test(dl.suggestedFilename()),
          `the CSV download is not the result (${dl.suggestedFilename()}: ${text.slice(0, 60)})`,
        );
      } else {
        const dir = path.join(t.session.tmp, 'downloads');
        const before = new Set(fs.readdirSync(dir));
        await p.click(await part(p, sel, '.actions .btn:nth-child(3)'));
        // Firefox first creates an empty file of the final name and writes a .part beside it.
        let file = null,
          text = '';
        for (let i = 0; i < 100 && !text.includes('35억'); i++) {
          file = fs.readdirSync(dir).find((f) => !before.has(f) && /\.csv$/.test(f));
          text =
            file && !fs.readdirSync(dir).some((f) => /\.part$/.test(f))
              ? fs.readFileSync(path.join(dir, file), 'utf8')
              : '';
          if (!text.includes('35억')) await new Promise((r) => setTimeout(r, 100));
        }
        t.assert(
          text.startsWith('\ufeff') && text.includes('35억'),
          () => `no CSV file with the result was downloaded (${dir}: ${JSON.stringify(fs.readdirSync(dir))})`,
        );
      }
      await p.settle();
      // Zero violations, and zero CSP lines in the console.
      const v = await p.evaluate(() => window.__cspViolations.slice());
      t.assert(
        !v.length,
        () =>
          `${v.length} CSP violations: ${v
            .slice(0, 3)
            .map((x) => `${x.directive} ${x.blocked} ${x.source}:${x.line}`)
            .join('; ')}`,
      );
      // (Chromium logs them as console errors; Firefox sends them over BiDi as page errors.)
      const lines = [...p.log.console.map((c) => c.text), ...p.log.errors]
        .filter((x) => CSP_TEXT.test(x))
        .map((text) => ({ text }));
      t.assert(
        !lines.length,
        () =>
          `CSP console messages: ${lines
            .slice(0, 2)
            .map((c) => c.text.slice(0, 120))
            .join(' | ')}`,
      );
      // The listener works: an inline style added now is refused and reported.
      await p.evaluate(() => {
        const d = document.createElement('div');
        d.setAttribute('style', 'color: red');
        document.body.append(d);
      });
      await p.waitFor(() => window.__cspViolations.length > 0, null, {
        what: 'the self-check violation (inline style)',
        timeout: 5000,
      });
      let reported = 0;
      for (let i = 0; i < 30 && !reported; i++) {
        await p.settle(); // the console line travels over the protocol on its own
        reported = [...p.log.console.map((c) => c.text), ...p.log.errors].filter((x) => CSP_TEXT.test(x)).length;
        if (!reported) await new Promise((r) => setTimeout(r, 100));
      }
      t.assert(
        reported > 0,
        'the self-check violation did not reach the console: CSP console messages would go unseen',
      );
      // That one was ours.
      p.log.console = p.log.console.filter((c) => !CSP_TEXT.test(c.text));
      p.log.errors = p.log.errors.filter((x) => !CSP_TEXT.test(x));
    },
  },
];
