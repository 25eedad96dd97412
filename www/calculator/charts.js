// The two canvases: drawn by the engine (plotters) with colours and font read from the page's CSS.

import { h } from './dom.js';

export function chartOptions(el) {
  if (el.chartOpts) return el.chartOpts;
  // Theme colours may be any CSS colour (names, hsl()): let the browser resolve them to rgb().
  if (!el.probe?.isConnected) el.probe = el.wrap.appendChild(h('span', { hidden: true, 'aria-hidden': 'true' }));
  const cs = getComputedStyle(el.wrap),
    pc = getComputedStyle(el.probe);
  const v = (n) => {
    el.probe.style.color = '';
    el.probe.style.color = cs.getPropertyValue(n).trim();
    return pc.color;
  };
  el.chartOpts = {
    dpr: Math.max(devicePixelRatio || 1, el.printing ? 2 : 1),
    lang: el.L,
    font: cs.fontFamily,
    colors: {
      text: v('--sme-text'),
      muted: v('--sme-muted'),
      grid: v('--sme-chart-grid'),
      primary: v('--sme-primary'),
      band: v('--sme-chart-band'),
      reference: v('--sme-chart-reference'),
      highlight: v('--sme-chart-highlight'),
      bar: v('--sme-chart-bar'),
    },
  };
  // The probe goes again: the options may be read before the results are there (at stylesheet
  // load), and what is inside the widget must not depend on when.
  el.probe.remove();
  return el.chartOpts;
}

/** Draws the charts of the result shown (`el.last`, as estimate() returned it); the engine
 *  sizes each canvas's backing store to its CSS size × devicePixelRatio. With `r` (from render):
 *  not again for the result they were last drawn for, unless a redraw is due. */
export function drawCharts(el, r) {
  if (!el.last || !el.cvP || (r && r === el.drawnFor && !el.chartsStale)) return;
  // Drawn now with the current size and colours: a redraw queued before (a resize, the first
  // layout of the form) has nothing left to do (it drew both charts again in the first result's frame).
  el.chartsStale = false;
  el.drawnFor = el.last;
  const m = el.m,
    opts = chartOptions(el);
  for (const [cv, fn] of [
    [el.cvP, m.drawPotentialChart],
    [el.cvR, m.drawRankingChart],
  ]) {
    if (typeof fn !== 'function' || !cv.isConnected) continue;
    try {
      fn(cv, el.last, opts);
    } catch (e) {
      console.warn('sme-export: chart', e);
    }
  }
}
