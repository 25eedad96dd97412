// Comparing the widget across host pages: computed-style fingerprints of everything inside the
// shadow root, the host page's own computed styles before and after the widget, screenshots.

import { decodePng, crop, fuzzyDiff, savePictures } from './png.mjs';

export const STYLE_PROPS = [
  'color',
  'background-color',
  'background-image',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-caps',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'text-decoration-line',
  'text-shadow',
  'white-space',
  'word-break',
  'direction',
  'unicode-bidi',
  'writing-mode',
  'visibility',
  'opacity',
  'display',
  'position',
  'box-sizing',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-left-style',
  'border-top-color',
  'border-left-color',
  'border-top-left-radius',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'list-style-type',
  'cursor',
  'filter',
  'transform',
  'outline-style',
  'font-feature-settings',
  'accent-color',
  'color-scheme',
  'zoom',
  '-webkit-text-stroke-width',
  'image-rendering',
  'hyphens',
  'tab-size',
  'caret-color',
  'text-underline-offset',
];

/** Computed styles (and boxes relative to the host) of every element inside the shadow root. */
export function fingerprint(p, sel) {
  return p.evaluate(
    ([s, props]) => {
      const host = document.querySelector(s),
        R = host.shadowRoot,
        hb = host.getBoundingClientRect();
      const items = [];
      for (const e of R.querySelectorAll('*')) {
        if (e.tagName === 'LINK' || e.tagName === 'STYLE') continue;
        const cs = getComputedStyle(e),
          b = e.getBoundingClientRect();
        const cls =
          typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '';
        items.push({
          tag: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls,
          style: props.map((x) => cs.getPropertyValue(x)),
          // Boxes of rendered elements only (a hidden one has none), relative to the host's box.
          // .sr text is for screen readers: clipped to nothing, so where its 1px box sits is not compared.
          box:
            e.getClientRects().length && !e.classList.contains('sr')
              ? [b.left - hb.left, b.top - hb.top, b.width, b.height].map((x) => Math.round(x * 2) / 2)
              : null,
        });
      }
      const hcs = getComputedStyle(host);
      return { hostFont: hcs.fontSize, hostWidth: hb.width, items };
    },
    [sel, STYLE_PROPS],
  );
}

/** Reports the first differences between two fingerprints. */
export function compareFingerprints(t, got, want, { boxes = true, what = '' } = {}) {
  const diffs = [];
  if (got.items.length !== want.items.length)
    diffs.push(`${got.items.length} elements inside, ${want.items.length} on the demo page`);
  const n = Math.min(got.items.length, want.items.length);
  for (let i = 0; i < n && diffs.length < 4; i++) {
    const a = got.items[i],
      b = want.items[i];
    if (a.tag !== b.tag) {
      diffs.push(`element ${i} is ${a.tag}, on the demo page ${b.tag}`);
      break;
    }
    STYLE_PROPS.forEach((prop, j) => {
      if (a.style[j] !== b.style[j] && diffs.length < 4)
        diffs.push(`${a.tag} ${prop}: "${a.style[j]}" vs demo "${b.style[j]}"`);
    });
    if (
      boxes &&
      String(!a.box) + String(!b.box) !== 'truetrue' &&
      (!a.box || !b.box || a.box.some((x, j) => Math.abs(x - b.box[j]) > 1)) &&
      diffs.length < 4
    )
      diffs.push(`${a.tag} box ${a.box} vs demo ${b.box}`);
  }
  t.assert(!diffs.length, () => `${what}inside differs from the demo page: ${diffs.join('; ')}`);
  return !diffs.length;
}

export const AROUND_PROPS = [
  'display',
  'position',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'margin-top',
  'margin-bottom',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-color',
  'visibility',
  'opacity',
  'direction',
  'text-align',
  'box-sizing',
  'transform',
  'zoom',
  'overflow-x',
  'overflow-y',
  'letter-spacing',
  'z-index',
  'float',
  'outline-style',
  'box-shadow',
];

/** Computed styles of the host page's own elements (everything but the widgets). */
export function pageAround(p) {
  return p.evaluate((props) => {
    const out = [];
    const all = [document.documentElement, document.body, ...document.body.querySelectorAll('*')];
    for (const e of all) {
      if (e.closest('sme-export-calculator') || /^(SCRIPT|STYLE|LINK|META|TITLE|NOSCRIPT|TEMPLATE)$/.test(e.tagName))
        continue;
      const cs = getComputedStyle(e);
      const name =
        e.tagName.toLowerCase() +
        (e.id ? '#' + e.id : '') +
        (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
      out.push({ name, style: props.map((x) => cs.getPropertyValue(x)) });
    }
    return {
      items: out,
      sheets: document.styleSheets.length,
      adopted: (document.adoptedStyleSheets || []).length,
      bodyKids: document.body.children.length,
    };
  }, AROUND_PROPS);
}

export function compareAround(t, got, want, when) {
  const diffs = [];
  if (got.items.length !== want.items.length)
    diffs.push(`${got.items.length} page elements, before ${want.items.length}`);
  if (got.sheets !== want.sheets || got.adopted !== want.adopted)
    diffs.push(`style sheets ${got.sheets}+${got.adopted} adopted, before ${want.sheets}+${want.adopted}`);
  for (let i = 0; i < Math.min(got.items.length, want.items.length) && diffs.length < 4; i++) {
    const a = got.items[i],
      b = want.items[i];
    if (a.name !== b.name) {
      diffs.push(`page element ${i} is ${a.name}, before ${b.name}`);
      break;
    }
    AROUND_PROPS.forEach((prop, j) => {
      if (a.style[j] !== b.style[j] && diffs.length < 4)
        diffs.push(`${a.name} ${prop}: "${a.style[j]}", before "${b.style[j]}"`);
    });
  }
  t.assert(!diffs.length, () => `the page around the widget changed ${when}: ${diffs.join('; ')}`);
}

/** Adds the widget's module script (the page has the elements but not the script yet). */
export function loadWidget(p, url) {
  return p.evaluate(
    (u) =>
      new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.type = 'module';
        s.src = u;
        s.onload = () => resolve();
        s.onerror = () => reject(new Error('could not load ' + u));
        document.head.append(s);
      }),
    url,
  );
}

/** No focus, no hover, fonts loaded, scrolled to the top: a still picture. */
export async function still(p) {
  await p.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (a && a.blur) a.blur();
    scrollTo(0, 0);
  });
  await p.page.mouse.move(0, 0);
  await p.evaluate(() => document.fonts.ready.then(() => 0));
  await p.settle();
}

/**
 * Pictures of parts of a widget: each part scrolled to the top of the viewport, the viewport
 * captured, and the part cut out (at most the viewport's height of it).
 */
export async function shots(p, sel, parts) {
  const out = {};
  const rect = (x) =>
    p.evaluate(
      ([s, i]) => {
        const b = document.querySelector(s).shadowRoot.querySelector(i).getBoundingClientRect();
        return { x: b.left, y: b.top, w: b.width, h: Math.min(b.bottom, innerHeight) - b.top };
      },
      [sel, x],
    );
  for (const x of parts) {
    await p.evaluate(
      ([s, i]) =>
        document.querySelector(s).shadowRoot.querySelector(i).scrollIntoView({ block: 'start', inline: 'nearest' }),
      [sel, x],
    );
    // The box is measured after the picture is taken, and the picture taken again if it moved.
    let img,
      r,
      r0 = null;
    for (let tries = 0; tries < 4; tries++) {
      await p.settle();
      const before = await rect(x);
      img = decodePng(await p.viewportShot());
      r = await rect(x);
      if (JSON.stringify(before) === JSON.stringify(r) && JSON.stringify(r0) === JSON.stringify(r)) break;
      r0 = r;
    }
    out[x] = crop(img, r.x * p.dsf, r.y * p.dsf, r.w * p.dsf, r.h * p.dsf);
  }
  return out;
}

/** Pixel comparison of pictures of the same parts (tolerating shifts of up to one pixel). */
export function compareShots(t, got, want, { what = '', max = 0.001 } = {}) {
  for (const k of Object.keys(want)) {
    const a = got[k],
      b = want[k];
    if (
      !t.assert(
        Math.abs(a.width - b.width) <= 1 && Math.min(a.height, b.height) >= 100,
        `${what}${k}: picture ${a.width}×${a.height}, on the demo page ${b.width}×${b.height}`,
      )
    )
      continue;
    const d = fuzzyDiff(a, b);
    if (
      !t.assert(
        d.ratio <= max,
        () =>
          `${what}${k} looks different from the demo page: ${d.pixels} of ${d.width}×${d.height} pixels (${(d.ratio * 100).toFixed(2)} %) differ`,
      )
    ) {
      const dir = t.artifactDir();
      savePictures(dir, (what + k).replace(/\W+/g, '_'), { page: a, demo: b, diff: d.diff });
      t.problem(`pictures in ${dir}`);
    }
  }
}
