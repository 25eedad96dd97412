// The two canvases: drawn by the engine (plotters) with colours and font read from the page's CSS.

import { h } from './dom.js';

/** @typedef {import('./view.js').View} View */
/** @typedef {import('../types/result').Estimate} Estimate */

/**
 * What the engine's chart functions take besides the canvas and the result.
 * @typedef {Object} ChartOptions
 * @property {number} dpr  device pixels per CSS pixel (at least 2 in print)
 * @property {import('../types/result').Lang} lang
 * @property {string} font  the widget's font family
 * @property {Record<string, string>} colors  theme colours as rgb()
 */

/** Colours, font and density for the charts. Reading computed styles forces a style pass, so they
 *  are worked out once per build, resize, density change or print, not per keystroke.
 *  @param {View} view
 *  @returns {ChartOptions} */
export function chartOptions(view) {
  if (view.chartOptions) return view.chartOptions;
  // Theme colours may be any CSS colour (names, hsl()): let the browser resolve them to rgb().
  if (!view.colourProbe?.isConnected) {
    view.colourProbe = view.wrap.appendChild(h('span', { hidden: true, 'aria-hidden': 'true' }));
  }
  const probe = view.colourProbe,
    widgetStyle = getComputedStyle(view.wrap),
    probeStyle = getComputedStyle(probe);
  /** @param {string} property */
  const colour = (property) => {
    probe.style.color = '';
    probe.style.color = widgetStyle.getPropertyValue(property).trim();
    return probeStyle.color;
  };
  view.chartOptions = {
    dpr: Math.max(devicePixelRatio || 1, view.state.printing ? 2 : 1),
    lang: view.state.lang,
    font: widgetStyle.fontFamily,
    colors: {
      text: colour('--sme-text'),
      muted: colour('--sme-muted'),
      grid: colour('--sme-chart-grid'),
      primary: colour('--sme-primary'),
      band: colour('--sme-chart-band'),
      reference: colour('--sme-chart-reference'),
      highlight: colour('--sme-chart-highlight'),
      bar: colour('--sme-chart-bar'),
    },
  };
  // The probe goes again: the options may be read before the results are there (at stylesheet
  // load), and what is inside the widget must not depend on when.
  probe.remove();
  return view.chartOptions;
}

/** Draws the charts of the result shown (`state.result`, as estimate() returned it); the engine
 *  sizes each canvas's backing store to its CSS size × devicePixelRatio. With `rendered` (from
 *  render): not again for the result they were last drawn for, unless a redraw is due.
 *  @param {View} view
 *  @param {Estimate} [rendered] */
export function drawCharts(view, rendered) {
  const result = view.state.result;
  if (!result || !view.potentialCanvas) return;
  if (rendered && rendered === view.chartsDrawnFor && !view.chartsStale) return;
  // Drawn now with the current size and colours: a redraw queued before (a resize, the first
  // layout of the form) has nothing left to do (it drew both charts again in the first result's frame).
  view.chartsStale = false;
  view.chartsDrawnFor = result;
  const engine = view.engine,
    options = chartOptions(view);
  /** @type {[HTMLCanvasElement, typeof engine.drawPotentialChart][]} */
  const charts = [
    [view.potentialCanvas, engine.drawPotentialChart],
    [view.rankingCanvas, engine.drawRankingChart],
  ];
  for (const [canvas, draw] of charts) {
    if (typeof draw !== 'function' || !canvas.isConnected) continue;
    try {
      draw(canvas, result, options);
    } catch (e) {
      console.warn('sme-export: chart', e);
    }
  }
}
