// 8. Accessibility: axe-core (WCAG 2.2 A/AA tags) on the demo page in both languages, with every
// section open and with errors showing; a keyboard-only run through every control in visual
// order (and back); results announced in the live region; no sideways scrolling at 320 px wide and
// at 200 % zoom.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { ready, enterCase, openMore, typeInto, pick, part, focused, compareWithEngine } from '../lib/widget.mjs';
import { checkCharts } from './01-happy.mjs';

const require = createRequire(import.meta.url);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const KO = { revenueKrw: '35억', sector: 'medical_devices', market: 'SA' };
const EN = { revenueKrw: '1,250,000,000원', sector: 'medical_services', market: 'KZ' };

/** axe-core over the whole page (shadow roots included): @axe-core/playwright in Chromium, axe-core injected in Firefox. */
async function axe(t, p) {
  let res;
  if (t.kind === 'chromium') {
    const { AxeBuilder } = await import('@axe-core/playwright');
    res = await new AxeBuilder({ page: p.page }).withTags(TAGS).analyze();
  } else {
    await p.front();
    await p.page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    res = JSON.parse(
      await p.evaluate(
        (tags) =>
          window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) =>
            JSON.stringify({
              violations: r.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
              })),
              passes: r.passes.length,
              testEngine: r.testEngine,
            }),
          ),
        TAGS,
      ),
    );
  }
  return res;
}

function reportAxe(t, res, when) {
  for (const v of res.violations) {
    t.problem(
      `axe ${when}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
        .slice(0, 2)
        .map(
          (n) =>
            JSON.stringify(n.target) +
            ' ' +
            String(n.failureSummary || '')
              .replace(/\s+/g, ' ')
              .slice(0, 140),
        )
        .join(' | ')}`,
    );
  }
}

async function openAll(p, sel) {
  await openMore(p, sel);
  // Every results section open, by clicking its summary.
  const n = await p.evaluate(
    (s) => document.querySelector(s).shadowRoot.querySelectorAll('.r details:not([open]) > summary').length,
    sel,
  );
  for (let i = 0; i < n; i++) {
    await p.click(await part(p, sel, '.r details:not([open]) > summary'));
    await p.settle();
  }
}

/** Init script: Print and CSV are recorded instead of opening a dialog or leaving a file behind. */
function keyboardStubs() {
  window.__printed = 0;
  window.print = () => {
    window.__printed++;
  };
  window.__downloads = [];
  document.addEventListener(
    'click',
    (e) => {
      const a = e.composedPath()[0];
      if (a && a.tagName === 'A' && a.hasAttribute('download')) {
        window.__downloads.push(a.download);
        e.preventDefault();
      }
    },
    true,
  );
}

const stateOf = (p, sel) =>
  p.evaluate((s) => {
    const R = document.querySelector(s).shadowRoot,
      v = (k) => R.querySelector('#f-' + k);
    const radio = (q) => (R.querySelector(`input[name=q-${q}]:checked`) || {}).value;
    return {
      r: v('revenueKrw').value,
      s: v('sector').value,
      m: v('market').value,
      ce: v('currentExportsKrw').value,
      em: v('exportsToMarketKrw').value,
      ta: v('totalAssetsKrw').value,
      mc: R.querySelector('#f-mc').checked,
      more: R.querySelector('details.more').open,
      q: ['certification', 'localPartner', 'exportExperience', 'localLanguage'].map(radio).join(''),
      open: [...R.querySelectorAll('.r details[open]')].map((d) => d.dataset.n),
      printed: window.__printed,
      downloads: window.__downloads.length,
      share: !R.querySelector('.share').hidden,
    };
  }, sel);

export const cases = [
  {
    id: '8',
    title: 'accessibility: axe-core WCAG 2.2 A/AA, both languages, every section open',
    async run(t) {
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, '#calc-ko');
      await ready(p, '#calc-en');
      t.step('axe, empty form');
      reportAxe(t, await axe(t, p), 'with the empty form');
      await enterCase(p, '#calc-ko', KO);
      await enterCase(p, '#calc-en', EN);
      await openAll(p, '#calc-ko');
      await openAll(p, '#calc-en');
      await p.evaluate(() => {
        document.activeElement.blur();
      });
      t.step('axe, all open');
      const res = await axe(t, p);
      reportAxe(t, res, 'with results and every section open');
      t.note(
        `axe ${res.testEngine ? res.testEngine.version : ''}: ${res.violations.length} violations, ${Array.isArray(res.passes) ? res.passes.length : res.passes} rules passed`,
      );
    },
  },
  {
    id: '8',
    title: 'accessibility: axe-core WCAG 2.2 A/AA with errors showing (both languages)',
    async run(t) {
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      for (const [sel, c] of [
        ['#calc-ko', KO],
        ['#calc-en', EN],
      ]) {
        await ready(p, sel);
        await enterCase(p, sel, c);
        await openMore(p, sel);
        await typeInto(p, sel, 'revenueKrw', '3억억');
        await typeInto(p, sel, 'currentExportsKrw', '-1억');
        await typeInto(p, sel, 'totalAssetsKrw', 'abc');
        await pick(p, sel, 'sector', '');
      }
      const errs = await p.evaluate(() =>
        ['#calc-ko', '#calc-en'].map(
          (s) => document.querySelector(s).shadowRoot.querySelectorAll('[aria-invalid=true]').length,
        ),
      );
      t.eq(errs, [4, 4], 'fields marked invalid');
      reportAxe(t, await axe(t, p), 'with errors showing');
    },
  },
  {
    id: '8',
    title:
      'accessibility: keyboard only (Tab, Shift+Tab, arrows, Space, Enter) reaches and operates every control in visual order',
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 900, init: [keyboardStubs], clipboardOrigin: new URL(t.A).origin });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      // From the top of the page, Tab until the calculator.
      let f = null;
      for (let i = 0; i < 25; i++) {
        await p.press('Tab');
        f = await focused(p);
        if (f && f.host === 'calc-ko') break;
      }
      t.need(f && f.key === 'revenueKrw', `the first stop in the calculator is ${f && f.key}, not the revenue field`);
      const seq = [];
      let stops = 0;
      const record = async () => {
        const x = await focused(p);
        seq.push(x);
        stops++;
        return x;
      };
      const expectState = async (what, pred) => {
        const s = await stateOf(p, sel);
        t.assert(pred(s), () => `${what}: ${JSON.stringify(s)}`);
      };
      const tab = async () => {
        await p.press('Tab');
        await p.settle();
        return record();
      };
      await record();
      await p.type('35억');
      await p.settle();
      // Forward: operate each control as it is reached.
      let x = await tab();
      t.eq(x && x.key, 'sector', 'stop after the revenue');
      await p.press('ArrowDown');
      await p.settle();
      await expectState('ArrowDown on the sector list', (s) => s.s === 'medical_devices');
      x = await tab();
      t.eq(x && x.key, 'market', 'stop after the sector');
      await p.press('ArrowDown');
      await p.settle();
      await expectState('ArrowDown on the market list', (s) => s.m !== 'SA' && s.m !== '');
      await p.press('ArrowUp');
      await p.settle();
      await expectState('ArrowUp on the market list', (s) => s.m === 'SA');
      x = await tab();
      t.eq(x && x.key, 'summary:more', 'stop after the market');
      await p.press('Enter');
      await p.settle();
      await expectState('Enter on "more details"', (s) => s.more);
      const typing = { currentExportsKrw: '10억', exportsToMarketKrw: '1억', totalAssetsKrw: '100억' };
      for (let guard = 0; guard < 80; guard++) {
        x = await tab();
        if (!x || x.host !== 'calc-ko') break;
        if (typing[x.key]) {
          await p.type(typing[x.key]);
          await p.settle();
        } else if (x.key === 'mc') {
          await p.press('Space');
          await p.settle();
          await expectState('Space on the checkbox', (s) => s.mc);
          await p.press('Space');
          await p.settle();
        } else if (x.key === 'q-certificationu') {
          await p.press('ArrowUp');
          await p.settle();
          await p.press('ArrowUp');
          await p.settle();
          await expectState('arrows in the first question', (s) => s.q[0] === 'y');
          seq.push(await focused(p));
        } else if (x.key === 'q-localPartneru') {
          await p.press('ArrowLeft');
          await p.settle();
          await expectState('ArrowLeft in the second question', (s) => s.q[1] === 'n');
          seq.push(await focused(p));
        } else if (x.tag === 'BUTTON' && x.text === '인쇄') {
          await p.press('Space');
          await p.settle();
          await expectState('Space on Print', (s) => s.printed === 1);
        } else if (x.tag === 'BUTTON' && /CSV/.test(x.text)) {
          await p.press('Enter');
          await p.settle();
          await expectState('Enter on CSV', (s) => s.downloads === 1);
        } else if (x.tag === 'SUMMARY' && x.column === 'results') {
          await p.press('Enter');
          await p.settle();
        }
      }
      const mine = seq.filter((y) => y && y.host === 'calc-ko');
      const keys = mine.map((y) => y.key);
      await expectState(
        'after the forward run',
        (s) =>
          s.r === '35억' &&
          s.ce === '10억' &&
          s.em === '1억' &&
          s.ta === '100억' &&
          !s.mc &&
          s.q === 'ynuu' &&
          s.open.length >= 3,
      );
      // Every control was reached.
      const all = await p.evaluate(
        (s) =>
          [
            ...document
              .querySelector(s)
              .shadowRoot.querySelectorAll(
                'input:not([type=radio]), select, button, summary, a[href], input[type=radio]:checked',
              ),
          ].filter((e) => e.getClientRects().length).length,
        sel,
      );
      t.assert(stops - 1 >= all, `${stops - 1} Tab stops in the calculator, ${all} visible controls`);
      // Visual order: the form top to bottom, then the results top to bottom.
      const col = mine.map((y) => y.column);
      const lastForm = col.lastIndexOf('form'),
        firstRes = col.indexOf('results');
      t.assert(firstRes > lastForm, `results controls come before form controls end (${keys.join(' → ')})`);
      const group = (k) => k.replace(/^(q-\w+?)[ynu]$/, '$1');
      const bad = [];
      for (let i = 1; i < mine.length; i++) {
        const a = mine[i - 1],
          b = mine[i];
        if (a.column !== b.column || group(a.key) === group(b.key)) continue;
        if (b.top < a.top - 2 || (Math.abs(b.top - a.top) <= 2 && b.left < a.left)) bad.push(`${a.key} → ${b.key}`);
      }
      t.assert(!bad.length, () => `focus goes back up or left: ${bad.slice(0, 4).join(', ')}`);
      t.eq(keys.slice(0, 4), ['revenueKrw', 'sector', 'market', 'summary:more'], 'first stops');
      t.eq(
        keys.slice(4, 8),
        ['currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw', 'mc'],
        'stops in "more details"',
      );
      // Backward with Shift+Tab: the same stops in reverse.
      t.step('shift+tab');
      const dedup = (l) => l.filter((k, i) => k !== l[i - 1]);
      const fwd = dedup(keys.map((k, i) => group(k) + '|' + mine[i].text));
      await p.combo('Shift', 'Tab'); // back from the next element into the calculator
      const back = [];
      for (let guard = 0; guard < 120; guard++) {
        const y = await focused(p);
        if (!y || y.host !== 'calc-ko') break;
        back.push(group(y.key) + '|' + y.text);
        if (y.key === 'revenueKrw') break;
        await p.combo('Shift', 'Tab');
      }
      t.eq(dedup(back).reverse(), fwd, 'Shift+Tab order (reversed)');
      // Copy link with Enter: the clipboard, or a message and a focused field holding the link.
      t.step('copy link');
      for (let guard = 0; guard < 40; guard++) {
        const y = await focused(p);
        if (y && y.tag === 'BUTTON') break;
        await p.press('Tab');
      }
      await p.press('Enter');
      await p.waitFor((s) => !document.querySelector(s).shadowRoot.querySelector('.share').hidden, sel, {
        what: 'the copy-link message',
      });
      const sh = await p.evaluate((s) => {
        const R = document.querySelector(s).shadowRoot;
        return {
          text: R.querySelector('.share').textContent,
          field: R.querySelector('#share-url') && R.querySelector('#share-url').value,
          focus: R.activeElement && R.activeElement.id,
        };
      }, sel);
      t.assert(sh.text.length > 5 && (!sh.field || sh.focus === 'share-url'), `after Copy link: ${JSON.stringify(sh)}`);
      t.note(`${stops - 1} stops: ${dedup(keys.map(group)).join(' → ')}`);
    },
  },
  {
    id: '8',
    title: 'accessibility: results and errors announced in the polite live region',
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      const live = () =>
        p.evaluate((s) => {
          const l = document.querySelector(s).shadowRoot.querySelectorAll('[aria-live]');
          return [...l].map((e) => ({ live: e.getAttribute('aria-live'), text: e.textContent }));
        }, sel);
      const l0 = await live();
      t.assert(l0.length === 1 && l0[0].live === 'polite', `live regions: ${JSON.stringify(l0)}`);
      await enterCase(p, sel, KO);
      const m = await compareWithEngine(p, sel, { ...KO, lang: 'ko' });
      await p.waitFor(
        (s) => /사우디아라비아/.test(document.querySelector(s).shadowRoot.querySelector('[aria-live]').textContent),
        sel,
        { what: 'the announcement of the results' },
      );
      const a1 = (await live())[0].text;
      const base = await p.evaluate(
        (s) => document.querySelector(s).shadowRoot.querySelector('.fig.main .num').textContent,
        sel,
      );
      t.assert(
        a1.includes(base) && a1.includes(m.market),
        `announcement "${a1}" lacks the figure "${base}" or the market`,
      );
      await pick(p, sel, 'market', 'KZ');
      await p.waitFor(
        (s) => /카자흐스탄/.test(document.querySelector(s).shadowRoot.querySelector('[aria-live]').textContent),
        sel,
        { what: 'the announcement after changing the market' },
      );
      await typeInto(p, sel, 'revenueKrw', '3억억');
      const msg = await p.evaluate(
        (s) => document.querySelector(s).shadowRoot.querySelector('#e-revenueKrw').textContent,
        sel,
      );
      await p.waitFor(
        ([s, x]) => document.querySelector(s).shadowRoot.querySelector('[aria-live]').textContent === x,
        [sel, msg],
        { what: 'the announcement of the error' },
      );
      t.note(`"${a1}"`);
    },
  },
  ...[
    { w: 320, h: 700, dsf: 1, title: 'accessibility: 320 px wide (reflow): no sideways scrolling, everything fits' },
    {
      w: 640,
      h: 450,
      dsf: 2,
      title:
        'accessibility: 200 % zoom (a 1280×900 window at 200 %: 640×450 CSS px, DPR 2): no sideways scrolling, sharp charts',
    },
  ].map((v) => ({
    id: '8',
    title: v.title,
    async run(t) {
      const p = await t.page({ width: v.w, height: v.h, dsf: v.dsf });
      await p.goto(t.A + 'index.html');
      for (const [sel, c] of [
        ['#calc-ko', KO],
        ['#calc-en', EN],
      ]) {
        await ready(p, sel);
        await enterCase(p, sel, c);
        await openAll(p, sel);
        await typeInto(p, sel, 'totalAssetsKrw', '100억');
        await typeInto(p, sel, 'exportsToMarketKrw', 'abc'); // an error message too
        await typeInto(p, sel, 'exportsToMarketKrw', '');
        await typeInto(p, sel, 'currentExportsKrw', 'abc');
      }
      await p.evaluate(() => scrollTo(0, 0));
      await p.settle();
      const r = await p.evaluate(() => {
        const se = document.scrollingElement,
          out = { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, over: [], scrollers: [] };
        for (const host of document.querySelectorAll('sme-export-calculator')) {
          const hb = host.getBoundingClientRect();
          for (const e of host.shadowRoot.querySelectorAll('*')) {
            if (!e.getClientRects().length || e.closest('.sr') || e.tagName === 'OPTION') continue;
            // Visually hidden on purpose (e.g. the header row of a stacked table): clipped away.
            let clipped = false;
            for (let a = e; a && a !== host.shadowRoot; a = a.parentNode)
              if (a.nodeType === 1 && getComputedStyle(a).clipPath !== 'none') {
                clipped = true;
                break;
              }
            if (clipped) continue;
            const b = e.getBoundingClientRect();
            if (b.right > hb.right + 1 || b.left < hb.left - 1)
              out.over.push(
                `${host.id} ${e.tagName.toLowerCase()}.${e.className} ${Math.round(b.left)}–${Math.round(b.right)} (widget ${Math.round(hb.left)}–${Math.round(hb.right)})`,
              );
            if (e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX))
              out.scrollers.push(
                `${host.id} ${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth}>${e.clientWidth}`,
              );
          }
        }
        return out;
      });
      t.assert(
        r.scrollWidth <= v.w && r.clientWidth <= v.w,
        `the page scrolls sideways: scrollWidth ${r.scrollWidth} at ${v.w} px`,
      );
      t.assert(
        !r.over.length,
        () => `${r.over.length} elements stick out of the widget: ${r.over.slice(0, 3).join('; ')}`,
      );
      t.assert(!r.scrollers.length, () => `parts that scroll sideways: ${r.scrollers.slice(0, 3).join('; ')}`);
      const m = await compareWithEngine(p, '#calc-ko', { ...KO, totalAssetsKrw: '100억', lang: 'ko' }).catch(
        () => null,
      );
      if (m) await checkCharts(t, p, '#calc-ko', m.ranking, v.dsf);
    },
  })),
];
