// Helpers that drive <sme-export-calculator> the way a person does (click, type, pick) and read
// back what the person sees. Functions passed to evaluate() run in the page: they must not use
// anything from this module's scope.

/** Init script for every page: records result events and CSP violations from the very start. */
export function recorder() {
  window.__smeResults = [];
  window.__cspViolations = [];
  document.addEventListener(
    'sme-export:result',
    (e) => {
      const d = e.detail || {};
      window.__smeResults.push({
        id: e.target && e.target.id,
        market: d.potential && d.potential.market,
        at: performance.now(),
      });
    },
    true,
  );
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      window.__cspViolations.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      });
    },
    true,
  );
}

/** Waits until the element has loaded the engine, built its form and shown itself. The form is
 *  shown before the engine arrives, marked aria-busy until the engine has filled it. */
export async function ready(p, sel = '#calc-ko') {
  await p.waitFor(
    (s) => {
      const e = document.querySelector(s),
        r = e && e.shadowRoot,
        w = r && r.querySelector('.w');
      return !!(
        w &&
        r.querySelector('form:not([aria-busy]) #f-revenueKrw') &&
        getComputedStyle(w).visibility === 'visible'
      );
    },
    sel,
    { what: `${sel} to show its form`, timeout: 20000 },
  );
}

/** A handle on an element inside the widget's shadow root. */
export function part(p, sel, inner) {
  return p.handle(
    ([s, i]) => {
      const e = document.querySelector(s);
      const x = e && e.shadowRoot && e.shadowRoot.querySelector(i);
      if (!x) throw new Error(`no ${i} inside ${s}`);
      return x;
    },
    [sel, inner],
  );
}

/** Clicks an element inside the widget and waits for the widget to update. */
export async function clickIn(p, sel, inner) {
  await p.settle();
  await p.click(await part(p, sel, inner));
  await p.settle();
}

/** Clicks into an amount field, selects what is there with Ctrl+A, deletes it and types `text`. */
export async function typeInto(p, sel, field, text, { paste = false } = {}) {
  const h = await part(p, sel, '#f-' + field);
  await p.click(h);
  await p.clearFocused();
  if (paste) {
    // Like a paste of a long text: one input event with the whole value.
    await h.evaluate((e, v) => {
      e.value = v;
      e.dispatchEvent(
        new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: v }),
      );
    }, text);
  } else if (text) {
    await p.type(text);
  }
  await p.settle();
  return h;
}

export async function pick(p, sel, field, value) {
  const h = await part(p, sel, '#f-' + field);
  await p.select(h, value);
  await p.settle();
  return h;
}

/** Opens "more details" by clicking its summary (if closed). */
export async function openMore(p, sel) {
  const open = await p.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('details.more').open, sel);
  if (!open) {
    await p.click(await part(p, sel, 'details.more > summary'));
    await p.settle();
  }
}

/** Types a full case: revenue, sector, market (and optional amounts after opening "more"). */
export async function enterCase(p, sel, c) {
  await typeInto(p, sel, 'revenueKrw', c.revenueKrw);
  await pick(p, sel, 'sector', c.sector);
  await pick(p, sel, 'market', c.market);
  const more = ['currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw'].filter((k) => c[k]);
  if (more.length) {
    await openMore(p, sel);
    for (const k of more) await typeInto(p, sel, k, c[k]);
  }
  await waitResults(p, sel, c.market);
}

/** Waits until the results for `market` are on screen. */
export async function waitResults(p, sel, market) {
  await p.waitFor(
    ([s, m]) => {
      const r = document.querySelector(s).shadowRoot;
      const last = window.__smeResults.filter((x) => x.id === document.querySelector(s).id).pop();
      return !!(r.querySelector('.card.pot .fig.main .num') && (!m || (last && last.market === m)));
    },
    [sel, market],
    { what: `results for ${market} in ${sel}` },
  );
  await p.settle();
}

/**
 * Defines window.__smeEngine(host) in the page: the engine module the widget itself loaded (same
 * URL, so the same instance), found next to the widget's stylesheet. Defined through evaluate so
 * that pages under a strict CSP (no eval) can use it too.
 */
export async function installEngine(p) {
  await p.evaluate(() => {
    window.__smeEngine = async (host) => {
      const href = host.shadowRoot.querySelector('link[rel=stylesheet]').href;
      const m = await import(new URL('pkg/sme_export.js', href).href);
      await m.default();
      return m;
    };
  });
}

/**
 * In the page: compares what the widget shows with estimate() for the same input. Amounts are
 * read back from the screen (the engine's parseAmount for Korean, the number and scale word for
 * English) and must equal the engine's value to the 3 significant digits the widget shows; the
 * text must also be exactly how the engine's formatAmount writes that number.
 */
export async function compareWithEngine(p, sel, input) {
  await installEngine(p);
  return p.evaluate(
    async ([s, inp]) => {
      const host = document.querySelector(s),
        R = host.shadowRoot;
      const m = await window.__smeEngine(host);
      const d = new Date(),
        p2 = (n) => String(n).padStart(2, '0');
      const today = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
      const r = m.estimate({ readiness: {}, ...inp, today });
      const L = inp.lang,
        bad = [];
      const txt = (e) => (e ? e.textContent : '').replace(/\s+/g, ' ').trim();
      const SCALE = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
      const readAmount = (shown) => {
        if (L === 'ko') return m.parseAmount(shown, 'ko');
        const x = /^KRW ([\d,]+(?:\.\d+)?)(?: (thousand|million|billion|trillion))?$/.exec(shown);
        if (!x) throw new Error('not an English amount');
        return Math.round(Number(x[1].replace(/,/g, '')) * (SCALE[x[2]] || 1));
      };
      const amount = (shown, want, what) => {
        let got;
        try {
          got = readAmount(shown);
        } catch {
          bad.push(`${what}: "${shown}" is not an amount`);
          return;
        }
        if (m.formatAmount(got, L) !== shown)
          bad.push(`${what}: "${shown}" is not the engine's format of ${got} ("${m.formatAmount(got, L)}")`);
        const tol = Math.max(Math.abs(want) * (L === 'ko' ? 0.0051 : 0.0101), 1);
        if (Math.abs(got - want) > tol)
          bad.push(`${what}: shows "${shown}" = ${got}, estimate() = ${Math.round(want)}`);
      };
      const range = (shown, lo, hi, what) => {
        const parts = shown.split(/\s[~–]\s/);
        if (parts.length !== 2) {
          bad.push(`${what}: "${shown}" is not a range`);
          return;
        }
        amount(parts[0].trim(), lo, what + ' low');
        amount(parts[1].trim(), hi, what + ' high');
      };
      const same = (got, want, what) => {
        if (JSON.stringify(got) !== JSON.stringify(want))
          bad.push(`${what}: shows ${JSON.stringify(got)}, estimate() says ${JSON.stringify(want)}`);
      };

      // SME status
      same(txt(R.querySelector('.card.sme .big .badge')), r.sme.label, 'SME status');
      same(
        [...R.querySelectorAll('.card.sme .reasons li')].map(txt),
        r.sme.reasons.map((x) => x.replace(/\s+/g, ' ').trim()),
        'SME reasons',
      );
      // Potential figures
      const pot = R.querySelector('.card.pot'),
        figs = pot ? [...pot.querySelectorAll('.figs .fig')] : [];
      if (figs.length !== 3) bad.push(`expected 3 figures, found ${figs.length}`);
      else {
        amount(txt(figs[0].querySelector('.num')), r.potential.baseKrw, 'base potential');
        range(txt(figs[1].querySelector('.num')), r.potential.lowKrw, r.potential.highKrw, 'range');
        amount(txt(figs[2].querySelector('.num')), r.potential.untappedKrw, 'untapped');
      }
      if (
        !txt(pot && pot.querySelector(':scope > :is(h1,h2,h3,h4,h5,h6,[role=heading])')).includes(
          r.potential.marketName,
        )
      )
        bad.push('potential heading does not name ' + r.potential.marketName);
      // Year table (the charts' text alternative)
      const yrows = [...R.querySelectorAll('details[data-n=years] tbody tr')];
      same(
        yrows.map((tr) => txt(tr.querySelector('th'))),
        r.potential.years.map((y) => y.label),
        'years',
      );
      yrows.forEach((tr, i) => {
        const y = r.potential.years[i],
          td = tr.querySelectorAll('td');
        if (!y || td.length !== 3) return;
        amount(txt(td[0]), y.lowKrw, `${y.year} low`);
        amount(txt(td[1]), y.baseKrw, `${y.year} central`);
        amount(txt(td[2]), y.highKrw, `${y.year} high`);
      });
      // The ranking itself: ranks 1..n, largest potential first.
      r.ranking.forEach((x, i) => {
        if (x.rank !== i + 1) bad.push(`ranking: ${x.name} is ranked ${x.rank} at place ${i + 1}`);
        if (i && x.baseKrw > r.ranking[i - 1].baseKrw)
          bad.push(
            `ranking: ${x.name} (${Math.round(x.baseKrw)}) ranked below ${r.ranking[i - 1].name} (${Math.round(r.ranking[i - 1].baseKrw)})`,
          );
      });
      // Ranking table
      const rrows = [...R.querySelectorAll('details[data-n=rank] tbody tr')];
      same(
        // Each market's name with what its figure rests on under it, as the engine words it.
        rrows.map((tr) => [txt(tr.querySelector('th')), txt(tr.querySelectorAll('td')[0])]),
        r.ranking.map((x) => [
          String(x.rank),
          x.name + x.basisLabel + (x.firstSaleLabel ? ' · ' + x.firstSaleLabel : ''),
        ]),
        'ranking',
      );
      rrows.forEach((tr, i) => {
        const x = r.ranking[i],
          td = tr.querySelectorAll('td');
        if (!x) return;
        amount(txt(td[2]), x.baseKrw, `ranking ${x.name} central`);
        range(txt(td[3]), x.lowKrw, x.highKrw, `ranking ${x.name} range`);
        if (!!tr.querySelector('td strong') !== x.selected)
          bad.push(
            `ranking: ${x.name} ${x.selected ? 'is the chosen market but not marked' : 'is marked but not chosen'}`,
          );
      });
      // Support measures, by outcome group
      for (const o of ['eligible', 'maybe', 'ineligible']) {
        const want = r.support.filter((x) => x.outcome === o);
        const g = R.querySelector('.og-' + o);
        same(
          g ? [...g.querySelectorAll('.pname')].map(txt) : [],
          want.map((x) => x.name),
          `support "${o}" programs`,
        );
        if (want.length && g) {
          const head = txt(
            g.querySelector(':scope > :is(h1,h2,h3,h4,h5,h6,[role=heading]), :scope > details > summary'),
          );
          if (!head.includes(want[0].outcomeLabel) || !head.includes(`(${want.length})`))
            bad.push(`support "${o}" heading "${head}" lacks "${want[0].outcomeLabel}" or the count ${want.length}`);
        }
      }
      same(txt(R.querySelector('.card.plan p')), r.plan.summary.replace(/\s+/g, ' ').trim(), 'plan summary');
      // The plan comparison (or why none is made) is the engine's sentence, shown as it is.
      same(txt(R.querySelector('.card.plan strong')), r.plan.comparison.replace(/\s+/g, ' ').trim(), 'plan comparison');
      same(
        [...R.querySelectorAll('.card.assum li')].map(txt),
        r.assumptions.map((x) => x.replace(/\s+/g, ' ').trim()),
        'assumptions',
      );
      return {
        bad,
        ranking: r.ranking.map((x) => ({ rank: x.rank, selected: x.selected, name: x.name })),
        market: r.potential.marketName,
      };
    },
    [sel, input],
  );
}

/**
 * In the page: reads both canvases' pixels. Returns per chart its backing size, CSS size, DPR and
 * the share of non-white pixels; for the ranking chart, the bands of bar pixels top to bottom
 * with which colour (highlight / bar) each band is drawn in.
 */
export async function readCharts(p, sel) {
  return p.evaluate((s) => {
    const host = document.querySelector(s),
      R = host.shadowRoot;
    const probe = document.createElement('i');
    document.body.append(probe);
    const rgb = (v) => {
      probe.style.color = '';
      probe.style.color = v.trim();
      const x = getComputedStyle(probe).color.match(/\d+/g).map(Number);
      return x.slice(0, 3);
    };
    const cs = getComputedStyle(R.querySelector('.w'));
    const hi = rgb(cs.getPropertyValue('--sme-chart-highlight')),
      bar = rgb(cs.getPropertyValue('--sme-chart-bar'));
    probe.remove();
    const near = (d, i, c) =>
      Math.abs(d[i] - c[0]) <= 3 && Math.abs(d[i + 1] - c[1]) <= 3 && Math.abs(d[i + 2] - c[2]) <= 3;
    const out = [];
    for (const cv of R.querySelectorAll('canvas')) {
      const b = cv.getBoundingClientRect(),
        w = cv.width,
        h = cv.height;
      const info = {
        w,
        h,
        cssW: b.width,
        cssH: b.height,
        dpr: devicePixelRatio,
        nonWhite: 0,
        card: cv.closest('.card').className,
      };
      if (!w || !h) {
        out.push(info);
        continue;
      }
      const d = cv.getContext('2d').getImageData(0, 0, w, h).data;
      const rows = [];
      for (let y = 0; y < h; y++) {
        let nh = 0,
          nb = 0;
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * 4;
          if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) info.nonWhite++;
          if (near(d, i, hi)) nh++;
          else if (near(d, i, bar)) nb++;
        }
        rows.push([nh, nb]);
      }
      info.frac = info.nonWhite / (w * h);
      // Bands: runs of rows holding bar pixels; gaps of up to 4 rows (the band line) are joined.
      const bands = [];
      let cur = null,
        gap = 0;
      rows.forEach(([nh, nb], y) => {
        if (nh + nb > 0) {
          if (!cur) {
            cur = { y0: y, y1: y, hi: 0, bar: 0 };
            bands.push(cur);
          }
          cur.y1 = y;
          cur.hi += nh;
          cur.bar += nb;
          gap = 0;
        } else if (cur && ++gap > 4) cur = null;
      });
      info.bands = bands;
      info.hiColor = hi.slice();
      info.barColor = bar.slice(); // copies: WebDriver BiDi drops repeated references
      out.push(info);
    }
    return out;
  }, sel);
}

/** The deep focused element, described. */
export async function focused(p) {
  return p.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    const host = a.getRootNode().host;
    const b = a.getBoundingClientRect();
    const label = a.textContent.replace(/\s+/g, ' ').trim().slice(0, 24);
    const name =
      a.dataset?.k ||
      a.id ||
      (a.tagName === 'SUMMARY' ? 'summary:' + (a.parentElement.dataset.n || a.parentElement.className) : '') ||
      (a.tagName === 'A' ? 'link:' + label : a.tagName.toLowerCase() + ':' + label);
    return {
      key: name,
      tag: a.tagName,
      type: a.type || '',
      host: host ? host.id : '',
      top: b.top + scrollY,
      left: b.left + scrollX,
      column: a.closest('.form') ? 'form' : a.closest('.r') ? 'results' : 'other',
      text: a.textContent.trim().slice(0, 40),
    };
  });
}
