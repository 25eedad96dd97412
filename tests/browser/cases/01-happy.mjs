// 1. Happy paths: one firm per sector, revenue typed the way Korean users write it, in both
// languages. What is on screen must be what estimate() returns for the same input; both charts
// are drawn at the device pixel ratio, and the ranking chart highlights the chosen market.

import { ready, enterCase, compareWithEngine, readCharts, typeInto, pick } from '../lib/widget.mjs';

export const PROFILES = [
  { sector: 'medical_devices', revenueKrw: '35억', market: 'SA' },
  { sector: 'pharmaceuticals', revenueKrw: '3억 5천만', market: 'KZ' },
  { sector: 'medical_services', revenueKrw: '1,250,000,000원', market: 'AE' },
  { sector: 'digital_health', revenueKrw: '12.5억', market: 'UZ' },
];

/** Checks the charts of one widget: drawn, sharp (backing store = CSS size × DPR), highlight. */
export async function checkCharts(t, p, sel, ranking, dpr) {
  const charts = await readCharts(p, sel);
  if (!t.assert(charts.length === 2, `expected 2 charts, found ${charts.length}`)) return;
  for (const c of charts) {
    const which = /rank/.test(c.card) ? 'ranking chart' : 'potential chart';
    t.assert(c.dpr === dpr, `${which}: devicePixelRatio ${c.dpr}, want ${dpr}`);
    t.assert(
      c.w > 0 && Math.abs(c.w - c.cssW * dpr) <= 1 && Math.abs(c.h - c.cssH * dpr) <= 1,
      `${which}: backing store ${c.w}×${c.h} for CSS ${c.cssW}×${c.cssH} at DPR ${dpr}`,
    );
    t.assert(c.frac > 0.01, `${which}: blank (${(c.frac * 100).toFixed(2)} % non-white pixels)`);
  }
  const rk = charts.find((c) => /rank/.test(c.card));
  if (!rk) return;
  t.assert(String(rk.hiColor) !== String(rk.barColor), `highlight colour ${rk.hiColor} equals bar colour`);
  const sel0 = ranking.findIndex((x) => x.selected),
    n = ranking.length;
  // Each band of bar pixels belongs to the market row its centre falls in (rows are equal).
  const rows = Array.from({ length: n }, () => ({ hi: 0, bar: 0 }));
  for (const b of rk.bands) {
    const i = Math.min(n - 1, Math.floor(((b.y0 + b.y1) / 2 / rk.h) * n));
    rows[i].hi += b.hi;
    rows[i].bar += b.bar;
  }
  rows.forEach((r, i) => {
    if (i === sel0)
      t.assert(
        r.hi > 0 && r.bar === 0,
        `ranking chart: the chosen market (row ${i + 1}, ${ranking[i].name}) is not drawn in the highlight colour rgb(${rk.hiColor})`,
      );
    else t.assert(r.hi === 0, `ranking chart: row ${i + 1} (${ranking[i].name}) is drawn in the highlight colour too`);
  });
  // Bars largest first: the bar pixels of a row (its length) do not grow down the chart.
  const len = rows.map((r) => r.hi + r.bar);
  const up = len.findIndex((x, i) => i && x > len[i - 1] * 1.05 + 50);
  t.assert(
    up < 0,
    () =>
      `ranking chart: row ${up + 1} (${ranking[up].name}) has a longer bar than the row above it (${len.join(', ')} pixels)`,
  );
  // A market with a very small potential has a bar thinner than the axis line; most are visible.
  const others = rows.filter((r, i) => i !== sel0);
  t.assert(
    others.filter((r) => r.bar > 0).length >= Math.ceil(others.length * 0.6),
    `ranking chart: only ${others.filter((r) => r.bar > 0).length} of ${others.length} other markets have a visible bar in rgb(${rk.barColor})`,
  );
}

/** The labels a person reads (labels, legends, summaries, buttons, headings) are in `lang`. */
export async function checkLanguage(t, p, sel, lang) {
  const texts = await p.evaluate((s) => {
    const R = document.querySelector(s).shadowRoot;
    return [
      ...R.querySelectorAll('label, legend, summary, button, h1, h2, h3, h4, h5, h6, [role=heading], .privacy, .hint'),
    ]
      .filter((e) => e.getClientRects().length)
      .map((e) => e.textContent.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  }, sel);
  const hangul = /[\uac00-\ud7a3]/;
  // Korean examples of amounts and the Korean legal term are meant to be there in English too.
  const bad =
    lang === 'en'
      ? texts.filter((x) => hangul.test(x.replace(/\(의료법인\)|\d+억|\d+천만|억|천만/g, '')))
      : texts.filter((x) => !hangul.test(x) && /[a-z]{3}/i.test(x) && !/^CSV|^US\$/.test(x));
  t.assert(texts.length > 15, `only ${texts.length} labels found`);
  t.assert(
    !bad.length,
    () =>
      `${bad.length} labels not in ${lang}: ${bad
        .slice(0, 4)
        .map((x) => JSON.stringify(x.slice(0, 60)))
        .join(', ')}`,
  );
  const lab = await p.evaluate(
    (s) => document.querySelector(s).shadowRoot.querySelector('label[for=f-revenueKrw]').textContent,
    sel,
  );
  if (lang === 'en') t.assert(/revenue/i.test(lab), `revenue label "${lab}" is not English`);
  else t.assert(/매출/.test(lab), `revenue label "${lab}" is not Korean`);
}

function happy(lang, prof) {
  const sel = lang === 'ko' ? '#calc-ko' : '#calc-en';
  return {
    id: '1',
    title: `happy path (${lang}): ${prof.sector} "${prof.revenueKrw}" → ${prof.market}`,
    async run(t) {
      const p = await t.page({ width: 1280, height: 900, dsf: 2 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await enterCase(p, sel, prof);
      // What was typed stays as typed; the echo says how it was understood.
      const form = await p.evaluate((s) => {
        const R = document.querySelector(s).shadowRoot;
        return {
          r: R.querySelector('#f-revenueKrw').value,
          s: R.querySelector('#f-sector').value,
          m: R.querySelector('#f-market').value,
          echo: R.querySelector('#x-revenueKrw').textContent,
          invalid: [...R.querySelectorAll('[aria-invalid=true]')].map((e) => e.id),
        };
      }, sel);
      t.eq([form.r, form.s, form.m], [prof.revenueKrw, prof.sector, prof.market], 'form values');
      t.eq(form.invalid, [], 'fields marked invalid');
      const cmp = await compareWithEngine(p, sel, { ...prof, lang });
      cmp.bad.forEach((x) => t.problem(x));
      t.assert(form.echo.length > 0, 'no echo of the revenue understood');
      await checkCharts(t, p, sel, cmp.ranking, 2);
      await checkLanguage(t, p, sel, lang);
    },
  };
}

/** Init script: the engine's compile held back 3 s, as on a slow link (the form must not wait). */
function slowEngine() {
  const cs = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = (src) => new Promise((r) => setTimeout(r, 3000)).then(() => cs.call(WebAssembly, src));
}

/** Before the engine: the styled form is shown from the element's own strings (the element waits
 *  at most 80 ms for the engine), a person can type in it, and when the engine arrives the result
 *  is for what was typed. */
const beforeEngine = {
  id: '1',
  title:
    'before the engine (engine held back 3 s): the styled form is shown and takes typing; the result is for what was typed',
  async run(t) {
    const p = await t.page({ width: 375, height: 800, init: [slowEngine] });
    await p.goto(t.A + 'index.html');
    const shown = () =>
      p.evaluate(() => {
        const R = document.querySelector('#calc-ko').shadowRoot,
          w = R && R.querySelector('.w'),
          f = R && R.querySelector('#f-revenueKrw');
        const box = f && f.getBoundingClientRect();
        return {
          shown: !!(w && getComputedStyle(w).display !== 'none' && getComputedStyle(w).visibility === 'visible'),
          styled: !!(f && getComputedStyle(R.querySelector('.form')).borderTopStyle === 'solid'),
          field: !!(box && box.width > 100 && box.height > 20),
          busy: !!R.querySelector('form[aria-busy=true]'),
          loading: (R.querySelector('.loading') || {}).textContent || '',
          cards: R.querySelectorAll('.card').length,
        };
      });
    await p.waitFor(
      () => {
        const R = document.querySelector('#calc-ko').shadowRoot,
          w = R && R.querySelector('.w');
        return !!(w && getComputedStyle(w).display !== 'none');
      },
      null,
      { what: 'the form before the engine', timeout: 2500 },
    );
    const before = await shown();
    t.eq(
      { ...before, loading: before.loading.length > 0 },
      { shown: true, styled: true, field: true, busy: true, loading: true, cards: 0 },
      'the widget before the engine arrives',
    );
    await typeInto(p, '#calc-ko', 'revenueKrw', '35억');
    await ready(p, '#calc-ko');
    const after = await p.evaluate(() => {
      const R = document.querySelector('#calc-ko').shadowRoot;
      return { typed: R.querySelector('#f-revenueKrw').value, focus: R.activeElement && R.activeElement.id };
    });
    t.eq(
      after,
      { typed: '35억', focus: 'f-revenueKrw' },
      'what was typed before the engine, and the focus, once it arrived',
    );
    await pick(p, '#calc-ko', 'sector', 'medical_devices');
    // The whole result: the support card is the last the first result of a build adds.
    await p.waitFor(() => !!document.querySelector('#calc-ko').shadowRoot.querySelector('#c-sup'), null, {
      what: 'the result after the engine',
      timeout: 10000,
    });
    const cmp = await compareWithEngine(p, '#calc-ko', {
      revenueKrw: '35억',
      sector: 'medical_devices',
      market: 'SA',
      lang: 'ko',
    });
    cmp.bad.forEach((x) => t.problem(x));
    t.note(`form shown before the engine; result for 35억 after it`);
  },
};

export const cases = [...PROFILES.map((x) => happy('ko', x)), ...PROFILES.map((x) => happy('en', x)), beforeEngine];
