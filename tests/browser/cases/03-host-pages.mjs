// 3. Host pages: on a KRDS-styled site, on a hostile page whose global CSS reaches every element,
// and with two elements in different languages, the inside of the widget looks as on the demo
// page; the page around it is unchanged by the widget; two elements do not affect each other.
//
// "As on the demo page" means: the demo page's element, given the same box width and base font
// size as the host gives its element (both belong to the host: the widget fills the width it gets
// and takes the host's font size on purpose, .w { font-size: 1em }), in the same state, has the
// same computed styles on every element inside the shadow root, the same boxes, and (screenshots)
// the same pixels.

import { ready, enterCase, openMore, typeInto } from '../lib/widget.mjs';
import {
  fingerprint,
  compareFingerprints,
  pageAround,
  compareAround,
  loadWidget,
  still,
  shots,
  compareShots,
} from '../lib/host.mjs';
import { checkLanguage } from './01-happy.mjs';

const KO = { revenueKrw: '35억', sector: 'medical_devices', market: 'SA' };
const EN = { revenueKrw: '12.5억', sector: 'digital_health', market: 'UZ' };
const PARTS = ['.form', '.card.sme', '.card.pot', '.card.rank'];

/** Loads a host page without the widget script, records it, adds the script, uses the widgets. */
async function onHostPage(t, url, widgets, { viewport = { width: 1280, height: 1600 } } = {}) {
  const p = await t.page(viewport);
  await p.goto(url);
  // A permanent vertical scrollbar: the page's width must not change when the widget makes the
  // page taller (auto margins are compared, and they follow the width).
  await p.addStyle('html { overflow-y: scroll !important; }');
  await p.evaluate(() => document.fonts.ready.then(() => 0));
  t.need(
    await p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    'the host page scrolls sideways before the widget loads (fixture problem)',
  );
  const before = await pageAround(p);
  await loadWidget(p, t.A + 'sme-export-calculator.js');
  for (const w of widgets) await ready(p, w.sel);
  await p.settle();
  compareAround(t, await pageAround(p), before, 'when the widget loaded');
  for (const w of widgets) {
    await enterCase(p, w.sel, w.case);
    await openMore(p, w.sel);
  }
  await still(p);
  compareAround(t, await pageAround(p), before, 'after typing in the widget');
  return p;
}

/** The demo page's elements in the same state, sized as the host sized its elements. */
async function reference(t, widgets, fps, viewport = { width: 1280, height: 1600 }) {
  const r = await t.page(viewport);
  await r.goto(t.A + 'index.html');
  await r.addStyle('html { overflow-y: scroll !important; }');
  for (const w of widgets) await ready(r, w.ref);
  await r.addStyle(
    widgets
      .map(
        (w) =>
          `${w.ref} { width: ${fps[w.sel].hostWidth}px !important; font-size: ${fps[w.sel].hostFont} !important; }`,
      )
      .join('\n'),
  );
  for (const w of widgets) {
    await enterCase(r, w.ref, w.case);
    await openMore(r, w.ref);
  }
  await still(r);
  return r;
}

async function compareWithDemo(t, p, widgets, { boxes = true, pixels = true } = {}) {
  const fps = {};
  for (const w of widgets) fps[w.sel] = await fingerprint(p, w.sel);
  const pics = {};
  if (pixels) for (const w of widgets) pics[w.sel] = await shots(p, w.sel, PARTS);
  const r = await reference(t, widgets, fps);
  for (const w of widgets) {
    const ref = await fingerprint(r, w.ref);
    compareFingerprints(t, fps[w.sel], ref, { boxes, what: `${w.sel}: ` });
    if (pixels) compareShots(t, pics[w.sel], await shots(r, w.ref, PARTS), { what: `${w.sel} ` });
  }
  return fps;
}

export const cases = [
  {
    id: '3',
    title: "host pages: the widget's stylesheets (the screen's, the report's) parse with no rule dropped",
    async run(t) {
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, '#calc-ko');
      // The report's sheet comes with the full module.
      await p.waitFor(() => document.querySelector('#calc-ko').shadowRoot.querySelector('link[media=print]')?.sheet);
      // Every "{" of the source (outside comments and strings) must be a rule the browser kept:
      // a stray brace or a typo makes it drop the rule after it, silently.
      const sheets = await p.evaluate(async () => {
        const links = [...document.querySelector('#calc-ko').shadowRoot.querySelectorAll('link[rel=stylesheet]')];
        const count = (rules) => [...rules].reduce((n, x) => n + 1 + (x.cssRules ? count(x.cssRules) : 0), 0);
        return Promise.all(
          links.map(async (link) => {
            const src = await (await fetch(link.href)).text();
            const bare = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
            const opened = (bare.match(/{/g) || []).length,
              closed = (bare.match(/}/g) || []).length;
            return { file: link.href.split('/').pop(), opened, closed, kept: count(link.sheet.cssRules) };
          }),
        );
      });
      t.assert(
        sheets.map((r) => r.file).join(' ') === 'sme-export-calculator.css sme-export-print.css',
        `the shadow root's stylesheets: ${sheets.map((r) => r.file).join(', ')}`,
      );
      for (const r of sheets) {
        t.assert(r.opened === r.closed, `${r.file} has ${r.opened} "{" and ${r.closed} "}"`);
        t.assert(r.kept === r.opened, `the browser kept ${r.kept} rules of the ${r.opened} blocks in ${r.file}`);
      }
      t.note(sheets.map((r) => `${r.file}: ${r.kept} rules`).join(', '));
    },
  },
  {
    id: '3',
    title: 'host pages: KRDS kit (krds-uiux CSS, JS, Pretendard GOV): inside as on the demo page, page unchanged',
    async run(t) {
      const widgets = [{ sel: '#calc-ko', ref: '#calc-ko', case: KO }];
      const p = await onHostPage(t, t.A + '__t/krds-page.html', widgets);
      const krds = await p.evaluate(() => ({
        body: getComputedStyle(document.body).fontFamily,
        rules: [...document.styleSheets].reduce((n, s) => {
          try {
            return n + s.cssRules.length;
          } catch {
            return n;
          }
        }, 0),
        font: document.fonts.check('17px "Pretendard GOV"'),
      }));
      t.need(
        /Pretendard GOV/.test(krds.body) && krds.rules > 1000,
        `the KRDS styles did not load (${krds.rules} rules, body font ${krds.body})`,
      );
      // Pretendard GOV is the first font of the widget's stack: on a KRDS site the widget uses the
      // site's font, so glyph shapes (and the boxes they make) differ from the demo page by design.
      // Every computed style must still be the demo page's.
      await compareWithDemo(t, p, widgets, { boxes: false, pixels: false });
      t.note(
        "computed styles of all elements inside compared; boxes and pixels not, as the text is set in the site's Pretendard GOV",
      );
    },
  },
  {
    id: '3',
    title:
      'host pages: hostile CSS (all:unset, 30px Comic Sans, line-height 3, rtl, content-box, zoom, !important rules)',
    async run(t) {
      const widgets = [{ sel: '#calc-ko', ref: '#calc-ko', case: KO }];
      const p = await onHostPage(t, t.A + '__t/hostile.html', widgets);
      const host = await p.evaluate(() => {
        const cs = getComputedStyle(document.querySelector('#calc-ko'));
        return { font: cs.fontSize, family: cs.fontFamily, dir: cs.direction };
      });
      t.need(
        host.font === '30px' && /Comic/.test(host.family) && host.dir === 'rtl',
        `the hostile CSS did not apply to the host element (${JSON.stringify(host)})`,
      );
      const fps = await compareWithDemo(t, p, widgets);
      t.note(
        `host base font ${fps['#calc-ko'].hostFont}, width ${fps['#calc-ko'].hostWidth}px; ${fps['#calc-ko'].items.length} elements and ${PARTS.length} screenshots compared`,
      );
    },
  },
  {
    id: '3',
    title: 'host pages: two elements (ko, en) side by side: each as on the demo page, independent',
    async run(t) {
      const widgets = [
        { sel: '#calc-ko', ref: '#calc-ko', case: KO },
        { sel: '#calc-en', ref: '#calc-en', case: EN },
      ];
      const p = await onHostPage(t, t.A + '__t/two.html', widgets);
      t.step('compare with demo');
      await compareWithDemo(t, p, widgets);
      const snap = (s) =>
        p.evaluate((x) => {
          const R = document.querySelector(x).shadowRoot;
          return {
            text: R.querySelector('.w').innerText,
            values: [...R.querySelectorAll('input, select')].map((e) =>
              e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value,
            ),
            lang: R.querySelector('.w').lang,
            results: window.__smeResults.filter((r) => r.id === x.slice(1)).length,
            stored: sessionStorage.getItem('sme-export:' + x.slice(1)),
          };
        }, s);
      // Typing in one leaves the other as it was.
      t.step('typing in one');
      const en0 = await snap('#calc-en');
      await typeInto(p, '#calc-ko', 'revenueKrw', '120억');
      await typeInto(p, '#calc-ko', 'totalAssetsKrw', '900억');
      const en1 = await snap('#calc-en'),
        ko1 = await snap('#calc-ko');
      t.eq(en1, en0, 'the English element after typing in the Korean one');
      const rev = (x) => {
        try {
          return new URLSearchParams(JSON.parse(x).p).get('r');
        } catch {
          return null;
        }
      };
      t.assert(
        rev(ko1.stored) === '120억' && rev(en1.stored) === EN.revenueKrw,
        `each element keeps its own stored input (ko ${rev(ko1.stored)}, en ${rev(en1.stored)})`,
      );
      t.step('switching language');
      // Switching one element's language switches only that one, and keeps what was typed.
      await p.evaluate(() => document.querySelector('#calc-ko').setAttribute('lang', 'en'));
      await p.settle();
      const ko2 = await snap('#calc-ko'),
        en2 = await snap('#calc-en');
      t.assert(ko2.lang === 'en', `the Korean element did not switch to English (lang ${ko2.lang})`);
      t.eq(ko2.values, ko1.values, 'values in the switched element');
      await checkLanguage(t, p, '#calc-ko', 'en');
      t.eq({ ...en2, results: 0 }, { ...en0, results: 0 }, 'the English element after the other switched language');
      await p.evaluate(() => document.querySelector('#calc-en').setAttribute('lang', 'ko'));
      await p.settle();
      const ko3 = await snap('#calc-ko');
      t.eq(ko3.text, ko2.text, 'the first element after the second switched language');
      await checkLanguage(t, p, '#calc-en', 'ko');
      // A host showing one language at a time hides the other with the hidden attribute.
      t.step('hidden attribute');
      const shown = () =>
        p.evaluate(() => ['#calc-ko', '#calc-en'].map((s) => document.querySelector(s).getClientRects().length > 0));
      await p.evaluate(() => {
        document.querySelector('#calc-en').hidden = true;
      });
      await p.settle();
      t.eq(await shown(), [true, false], 'shown after hiding the second element (hidden attribute)');
      await p.evaluate(() => {
        document.querySelector('#calc-en').hidden = false;
      });
      await p.settle();
      t.eq(await shown(), [true, true], 'shown after unhiding it');
    },
  },
];
