// 11. The answer at a glance and what a firm takes away: the summary inside the first phone screen
// (812 px) of the results at 375 px, each line a link to its card; the what-if entries as the engine
// computes them; two or three markets side by side (stacked on a phone); the printed report as two
// A4 pages without the host page or buttons; the calculation trace downloaded as JSON.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  ready,
  enterCase,
  openMore,
  clickIn,
  installEngine,
  part,
  typeInto,
  pick,
  waitResults,
} from '../lib/widget.mjs';

const CASE = { revenueKrw: '35억', sector: 'medical_devices', market: 'SA' };

/** The summary as shown, where it sits in the results, and the engine's summary for the same input. */
const readSummary = (p, sel) =>
  p.evaluate(async (s) => {
    const host = document.querySelector(s),
      R = host.shadowRoot;
    const m = await window.__smeEngine(host);
    const r = m.estimate(host.lastInput);
    const res = R.querySelector('.r').getBoundingClientRect(),
      sum = R.querySelector('.card.sum');
    const box = sum && sum.getBoundingClientRect();
    const txt = (e) => e.textContent.replace(/\s+/g, ' ').trim();
    return {
      lines: sum
        ? [...sum.querySelectorAll('li')].map((li) => [
            txt(li.querySelector('.sl-l')),
            txt(li.querySelector('.sl-t')),
            li.querySelector('a').getAttribute('href'),
          ])
        : [],
      want: r.summary.lines.map((l) => [l.label, l.text.replace(/\s+/g, ' ').trim()]),
      bottom: box ? box.bottom - res.top : Infinity,
      firstCard: R.querySelector('.cards > .card:not(.print-only)')?.className,
    };
  }, sel);

async function pdfPages(file) {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  } catch {
    /* no poppler: count page objects */
  }
  return (fs.readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

function pdfText(file) {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

export const cases = [
  ...['ko', 'en'].map((lang) => ({
    id: '11',
    title: `summary (${lang}): inside the first 812 px of the results at 375 px, each line links to its card`,
    async run(t) {
      const sel = '#calc-' + lang;
      const p = await t.page({ width: 375, height: 812 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await installEngine(p);
      await enterCase(p, sel, CASE);
      const s = await readSummary(p, sel);
      t.assert(/\bsum\b/.test(s.firstCard || ''), `the first card of the results is "${s.firstCard}", not the summary`);
      t.assert(
        s.lines.length === s.want.length && s.lines.length >= 4,
        `summary shows ${s.lines.length} lines, the engine has ${s.want.length}`,
      );
      s.want.forEach((w, i) =>
        t.assert(
          JSON.stringify(s.lines[i]?.slice(0, 2)) === JSON.stringify(w),
          () => `summary line ${i + 1} shows ${JSON.stringify(s.lines[i])}, estimate() says ${JSON.stringify(w)}`,
        ),
      );
      t.assert(
        s.bottom <= 812,
        `the summary ends ${Math.round(s.bottom)} px below the top of the results (more than one 812 px screen)`,
      );
      const want =
        lang === 'ko'
          ? /소기업 기준 80억 원보다 45억 원 적음/
          : /KRW 4\.5 billion below the KRW 8 billion small-enterprise ceiling/;
      t.assert(
        want.test(s.lines[0]?.[1] || ''),
        `SME line "${s.lines[0]?.[1]}" does not give the distance to the threshold`,
      );
      // Each line takes the reader to its card: in view and its heading focused.
      for (const [i, href] of s.lines.map((l, i) => [i, l[2]])) {
        await p.evaluate(() => scrollTo(0, 0));
        await clickIn(p, sel, `.card.sum li:nth-child(${i + 1}) a`);
        await p.settle();
        const at = await p.evaluate(
          ([s2, id]) => {
            const R = document.querySelector(s2).shadowRoot,
              c = R.getElementById(id.slice(1)),
              b = c.getBoundingClientRect();
            return {
              top: b.top,
              focused: R.activeElement && R.activeElement.id,
              heading: c.querySelector('[tabindex="-1"]')?.id,
              hash: location.hash,
            };
          },
          [sel, href],
        );
        t.assert(
          at.top > -2 && at.top < 812 * 0.5,
          `line ${i + 1} (${href}): the card's top is at ${Math.round(at.top)} px`,
        );
        t.assert(
          at.focused === at.heading,
          `line ${i + 1} (${href}): focus is on ${at.focused}, not the card heading ${at.heading}`,
        );
        t.assert(!at.hash, `line ${i + 1} changed the page's URL to ${at.hash}`);
      }
    },
  })),
  {
    id: '11',
    title:
      'typing and picking update the results in place: an opened disclosure stays open, the summary shows the new answer and each line still takes the reader to its own card',
    async run(t) {
      const sel = '#calc-en';
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await installEngine(p);
      await enterCase(p, sel, CASE);
      await clickIn(p, sel, 'details[data-n=factors] > summary');
      await typeInto(p, sel, 'revenueKrw', '120억');
      const best = await p.evaluate(async (s) => {
        const host = document.querySelector(s),
          m = await window.__smeEngine(host);
        return m.estimate(host.lastInput).ranking.find((x) => x.rank === 1).market;
      }, sel);
      t.assert(best !== CASE.market, `at 120억 the case's market ${CASE.market} is the best one: pick another case`);
      const before = await readSummary(p, sel);
      await pick(p, sel, 'market', best);
      await waitResults(p, sel, best);
      const after = await readSummary(p, sel);
      t.assert(
        JSON.stringify(after.lines) !== JSON.stringify(before.lines),
        'the summary did not change with the market',
      );
      after.want.forEach((w, i) =>
        t.assert(
          JSON.stringify(after.lines[i]?.slice(0, 2)) === JSON.stringify(w),
          () => `summary line ${i + 1} shows ${JSON.stringify(after.lines[i])}, estimate() says ${JSON.stringify(w)}`,
        ),
      );
      const open = await p.evaluate(
        (s) => document.querySelector(s).shadowRoot.querySelector('details[data-n=factors]')?.open,
        sel,
      );
      t.assert(open === true, 'the factor table the reader opened was closed by typing');
      for (const [i, href] of after.lines.map((l, i) => [i, l[2]])) {
        await p.evaluate(() => scrollTo(0, 0));
        await clickIn(p, sel, `.card.sum li:nth-child(${i + 1}) a`);
        await p.settle();
        const at = await p.evaluate(
          ([s2, id]) => {
            const R = document.querySelector(s2).shadowRoot,
              c = R.getElementById(id.slice(1));
            return {
              top: c.getBoundingClientRect().top,
              focused: R.activeElement && R.activeElement.id,
              heading: c.querySelector('[tabindex="-1"]')?.id,
            };
          },
          [sel, href],
        );
        t.assert(
          at.focused === at.heading,
          `line ${i + 1} (${href}) took the reader to ${at.focused}, not to the heading ${at.heading} of its card`,
        );
        t.assert(
          at.top > -2 && at.top < 900 * 0.5,
          `line ${i + 1} (${href}): the card's top is at ${Math.round(at.top)} px`,
        );
      }
    },
  },
  {
    id: '11',
    title: 'what-if: one entry per readiness question not answered yes, with the base the engine gives for "yes"',
    async run(t) {
      const sel = '#calc-en';
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await installEngine(p);
      await enterCase(p, sel, CASE);
      await openMore(p, sel);
      await clickIn(p, sel, 'input[name=q-certification][value=y]');
      await clickIn(p, sel, 'input[name=q-localPartner][value=n]');
      await p.settle();
      const w = await p.evaluate(async (s) => {
        const host = document.querySelector(s),
          R = host.shadowRoot,
          m = await window.__smeEngine(host);
        const inp = host.lastInput,
          r = m.estimate(inp);
        const shown = [...R.querySelectorAll('.card.whatif .wi li')].map((li) => [
          li.dataset.q,
          li.textContent.replace(/\s+/g, ' ').trim(),
        ]);
        const yes = r.whatIf.map(
          (e) => m.estimate({ ...inp, readiness: { ...inp.readiness, [e.id]: true } }).potential.baseKrw,
        );
        return {
          shown,
          ids: r.whatIf.map((e) => e.id),
          texts: r.whatIf.map((e) => e.label + ': ' + e.text),
          bases: r.whatIf.map((e) => e.baseKrw),
          yes,
          sme: [...R.querySelectorAll('.card.whatif .wi-sme li')].map((li) => li.textContent),
          smeWant: r.whatIfSme.map((e) => e.text),
          base: r.potential.baseKrw,
        };
      }, sel);
      t.assert(
        JSON.stringify(w.ids) === JSON.stringify(['localPartner', 'exportExperience', 'localLanguage']),
        `whatIf ids ${JSON.stringify(w.ids)}`,
      );
      t.assert(
        JSON.stringify(w.shown) === JSON.stringify(w.ids.map((id, i) => [id, w.texts[i]])),
        () => `what-if card shows ${JSON.stringify(w.shown)}, whatIf says ${JSON.stringify(w.texts)}`,
      );
      t.assert(
        JSON.stringify(w.bases) === JSON.stringify(w.yes),
        `whatIf baseKrw ${w.bases} differ from estimate() with that answer yes ${w.yes}`,
      );
      t.assert(
        w.bases.every((b) => b > w.base),
        `a "yes" does not raise the base ${w.base}: ${w.bases}`,
      );
      t.assert(
        w.sme.length >= 2 && JSON.stringify(w.sme) === JSON.stringify(w.smeWant),
        `SME what-if shows ${JSON.stringify(w.sme)}, whatIfSme says ${JSON.stringify(w.smeWant)}`,
      );
      t.assert(
        /above KRW 8 billion: Medium enterprise/.test(w.sme[0] || ''),
        `SME what-if "${w.sme[0]}" does not say where the class changes`,
      );
    },
  },
  ...[
    [375, 'stacked'],
    [1280, 'side by side'],
  ].map(([width, how]) => ({
    id: '11',
    title: `compare markets at ${width} px: three markets ${how}, as compareMarkets() gives them`,
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await installEngine(p);
      await enterCase(p, sel, CASE);
      // The card starts with the chosen market and the best other one; a person adds a third.
      const first = await p.evaluate(
        (s) =>
          [...document.querySelector(s).shadowRoot.querySelectorAll('.card.cmp input:checked')].map((e) =>
            e.dataset.k.slice(4),
          ),
        sel,
      );
      t.assert(
        first.length === 2 && first[0] === 'SA',
        `the comparison starts with ${JSON.stringify(first)}, not the chosen market and the best other one`,
      );
      const third = ['KZ', 'AE', 'UZ'].find((id) => !first.includes(id));
      await clickIn(p, sel, `.card.cmp input[data-k="cmp-${third}"]`);
      await p.settle();
      const c = await p.evaluate(
        async ({ s, ids }) => {
          const host = document.querySelector(s),
            R = host.shadowRoot,
            m = await window.__smeEngine(host);
          const want = m.compareMarkets(host.lastInput, ids);
          const tb = R.querySelector('.card.cmp .cmp-t'),
            txt = (e) => e.textContent.replace(/\s+/g, ' ').trim();
          const td = tb && tb.querySelector('tbody td');
          return {
            cols: tb ? [...tb.querySelectorAll('thead th')].map(txt) : [],
            base: tb ? [...tb.querySelectorAll('tbody tr:first-child td')].map(txt) : [],
            fta: tb ? [...tb.querySelectorAll('tbody tr:nth-child(5) td')].map(txt) : [],
            differ: [...R.querySelectorAll('.card.cmp .cmp-p tbody th')].map(txt),
            shownKrw: tb
              ? [...tb.querySelectorAll('tbody tr:first-child td')].map((e) => {
                  try {
                    return m.parseAmount(txt(e), 'ko');
                  } catch {
                    return NaN;
                  }
                })
              : [],
            want: {
              names: want.markets.map((x) => x.name),
              base: want.markets.map((x) => x.baseKrw),
              fta: want.markets.map((x) => x.ftaLabel),
              differ: want.programsThatDiffer.map((x) => x.name),
            },
            display: td && getComputedStyle(td).display,
            left:
              tb &&
              [...tb.querySelectorAll('tbody tr:first-child td')].map((e) =>
                Math.round(e.getBoundingClientRect().left),
              ),
          };
        },
        { s: sel, ids: [...first, third] },
      );
      t.assert(
        JSON.stringify(c.cols.slice(1)) === JSON.stringify(c.want.names),
        `columns ${JSON.stringify(c.cols)}, compareMarkets names ${JSON.stringify(c.want.names)}`,
      );
      t.assert(c.want.names.length === 3, `${c.want.names.length} markets compared`);
      // Shown to 3 significant digits, as every estimate.
      c.base.forEach((b, i) =>
        t.assert(
          Math.abs(c.shownKrw[i] - c.want.base[i]) <= c.want.base[i] * 0.0051,
          `base in ${c.want.names[i]} shows "${b}", compareMarkets ${Math.round(c.want.base[i])}`,
        ),
      );
      t.assert(
        c.fta.map((x) => x.replace(/^.*?(?=\S+$)/, '')).length === 3 &&
          c.fta.every((x, i) => x.endsWith(c.want.fta[i])),
        `FTA row ${JSON.stringify(c.fta)} vs ${JSON.stringify(c.want.fta)}`,
      );
      t.assert(
        JSON.stringify(c.differ) === JSON.stringify(c.want.differ),
        `programmes that differ ${JSON.stringify(c.differ)} vs ${JSON.stringify(c.want.differ)}`,
      );
      if (width < 600)
        t.assert(
          c.display !== 'table-cell' && new Set(c.left).size === 1,
          `at ${width} px the markets are not stacked (display ${c.display}, lefts ${c.left})`,
        );
      else
        t.assert(
          c.display === 'table-cell' && new Set(c.left).size === 3,
          `at ${width} px the markets are not side by side (display ${c.display}, lefts ${c.left})`,
        );
    },
  })),
  ...['ko', 'en'].map((lang) => ({
    id: '11',
    title: `print (${lang}): two A4 pages, the report only (no host page, no buttons)`,
    async run(t) {
      const sel = '#calc-' + lang;
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await enterCase(p, sel, CASE);
      await p.evaluate((s) => {
        document.querySelector(s).constructor.printing = document.querySelector(s);
      }, sel);
      const file = path.join(t.session.tmp, `report-${lang}-${t.kind}.pdf`);
      let buf;
      try {
        buf = await p.page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
        });
      } catch (e) {
        if (t.kind === 'firefox') return t.skip?.(`page.pdf() in Firefox: ${String(e.message || e).split('\n')[0]}`);
        throw e;
      }
      fs.writeFileSync(file, buf);
      // SME_KEEP_PDF=DIR keeps the printed reports to look at (pdftoppm -png).
      if (process.env.SME_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.SME_KEEP_PDF, path.basename(file)));
      const pages = await pdfPages(file);
      t.assert(pages === 2, `the printed report has ${pages} pages, not 2`);
      let size = '';
      try {
        size = /Page size:\s+([^\n]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1];
      } catch {
        /* no poppler */
      }
      if (size) t.assert(/\b59[4-6](\.\d+)? x 84[1-3](\.\d+)?/.test(size), `page size ${size} is not A4`);
      const text = pdfText(file);
      if (text != null) {
        // Compared without spaces: Firefox's PDF maps the space of Korean fonts to another glyph.
        const bare = (x) => x.replace(/[\s\p{C}\ufffd]+/gu, '');
        const flat = bare(text);
        const host = await p.evaluate(() => document.querySelector('h1')?.textContent.trim() || '');
        t.assert(!host || !flat.includes(bare(host).slice(0, 16)), `the host page's heading "${host}" is printed`);
        const labels =
          lang === 'ko'
            ? ['링크 복사', 'CSV 다운로드', '계산 과정 JSON']
            : ['Copy link', 'Download CSV', 'Download calculation'];
        for (const b of labels) t.assert(!flat.includes(bare(b)), `the button "${b}" is printed`);
        const must =
          lang === 'ko'
            ? ['입력한 내용', '한눈에 보기', '연도별 잠재력', '시장별 잠재력 순위', '지원 제도', '추정']
            : ['What you entered', 'At a glance', 'Potential by year', 'Markets ranked', 'Support', 'estimate'];
        for (const x of must) t.assert(flat.includes(bare(x)), `"${x}" is not in the printed report`);
      }
      const after = await p.evaluate(
        () => [...document.body.children].filter((e) => e.style.display === 'none').length,
      );
      t.assert(after === 0, `${after} host elements stay hidden after printing`);
    },
  })),
  {
    id: '11',
    title:
      'calculation trace: the JSON download holds the inputs, every factor with source and year, each step, the result',
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await installEngine(p);
      await enterCase(p, sel, CASE);
      const btn = '.actions .btn:nth-child(4)';
      let text = '';
      if (t.kind === 'chromium') {
        const [dl] = await Promise.all([
          p.page.waitForEvent('download', { timeout: 10000 }),
          p.click(await part(p, sel, btn)),
        ]);
        text = fs.readFileSync(await dl.path(), 'utf8');
        t.assert(/\.json$/.test(dl.suggestedFilename()), `file name ${dl.suggestedFilename()}`);
      } else {
        const dir = path.join(t.session.tmp, 'downloads'),
          before = new Set(fs.readdirSync(dir));
        await p.click(await part(p, sel, btn));
        for (let i = 0; i < 100 && !text.endsWith('}\n'); i++) {
          const f = fs.readdirSync(dir).find((x) => !before.has(x) && /\.json$/.test(x));
          text =
            f && !fs.readdirSync(dir).some((x) => /\.part$/.test(x)) ? fs.readFileSync(path.join(dir, f), 'utf8') : '';
          if (!text.endsWith('}\n')) await new Promise((r) => setTimeout(r, 100));
        }
      }
      let tr = null;
      try {
        tr = JSON.parse(text);
      } catch {
        /* asserted below */
      }
      t.need(tr, `the download is not JSON: ${text.slice(0, 80)}`);
      const r = await p.evaluate(async (s) => {
        const host = document.querySelector(s),
          m = await window.__smeEngine(host);
        return m.estimate(host.lastInput);
      }, sel);
      t.assert(
        tr.schema === 'sme-export-trace/2' && tr.datasetVersion === r.datasetVersion,
        `schema ${tr.schema}, dataset ${tr.datasetVersion}`,
      );
      t.assert(
        tr.input.revenueKrw === 3500000000 && tr.input.sector === CASE.sector && tr.input.market === CASE.market,
        `input ${JSON.stringify(tr.input)}`,
      );
      t.assert(
        tr.factors.length >= 10 && tr.factors.every((f) => typeof f.source === 'string' && f.source && 'year' in f),
        'factors without source or year',
      );
      const step = (id) => (tr.steps.find((x) => x.id === id) || {}).value;
      t.assert(tr.steps.length >= 8 && tr.steps.every((x) => x.formula && x.label), `${tr.steps.length} steps`);
      t.assert(
        Math.round(step('baseKrw')) === Math.round(r.potential.baseKrw) && tr.result.baseKrw === r.potential.baseKrw,
        `base step ${step('baseKrw')} vs the result ${r.potential.baseKrw}`,
      );
      // An analyst redoes the base from the steps: Korea's potential × firm share × multiplier × rate.
      const rate = (tr.factors.find((x) => x.id === 'krwPerUsd') || {}).value;
      const redo = step('koreaPotentialUsd') * step('firmShare') * step('readinessMultiplier') * rate;
      t.assert(Math.abs(redo - r.potential.baseKrw) <= 1, `steps give ${redo}, the result is ${r.potential.baseKrw}`);
      t.assert(
        tr.entry && tr.entry.timeText === r.entry.timeText,
        'the trace holds the entry route as the result shows it',
      );
    },
  },
];
