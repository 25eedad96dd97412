// The results as a CSV file (UTF-8 with BOM, so Excel reads Korean), cells guarded against
// formula injection; and the calculation trace as a JSON file.

import { h, todayIso } from './dom.js';
import { AMOUNTS } from './state.js';

/** @typedef {import('./view.js').View} View */
/** @typedef {import('./store.js').State} State */

/** One CSV cell: quoted, and text that a spreadsheet would run as a formula made plain text.
 *  @param {unknown} value */
export function csvCell(value) {
  let cell = typeof value === 'number' ? String(value) : String(value ?? '');
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
  return '"' + cell.replace(/"/g, '""') + '"';
}

/** Offers `content` as a file named `name` (an object URL on a link clicked once).
 *  @param {View} view @param {Blob} content @param {string} name */
function offerFile(view, content, name) {
  const url = URL.createObjectURL(content);
  const anchor = h('a', { href: url, download: name, hidden: true });
  view.wrap.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The result shown, as rows of section, item, value and note.
 *  @param {View} view @param {State} state */
export function downloadCsv(view, state) {
  const result = state.result;
  if (!result) return;
  const engine = view.engine,
    lang = state.lang,
    potential = result.potential,
    sme = result.sme,
    shown = result.shown,
    word = (/** @type {string} */ key) => view.text(key);
  /** @type {unknown[][]} */
  const rows = [/** @type {any} */ (word('csvCols'))];
  const add = (section, item, value, note = '') => rows.push([section, item, value, note]);
  const entered = state.resultInput; // the input of the results shown (the form may hold an invalid edit)
  for (const field of AMOUNTS) {
    if (!entered[field]) continue;
    let read = '';
    try {
      read = engine.formatAmount(engine.parseAmount(String(entered[field]), lang), lang);
    } catch {
      /* keep blank */
    }
    add(word('csvIn'), word(field), entered[field], read);
  }
  const sector = state.dataset.sectors.find((x) => x.id === entered.sector);
  add(word('csvIn'), word('sector'), (sector || { name: '' }).name || '');
  add(word('csvIn'), word('market'), potential.marketName);
  add(word('smeH'), word('smeH'), sme.label, sme.reasons.join(' / '));
  add(word('smeH'), word('tableApplied'), sme.table, sme.tableEffective + ' · ' + sme.tableSource);
  add(word('smeH'), word('limits'), sme.limits, sme.thresholds.map((x) => x.text).join(' / '));
  for (const condition of sme.notChecked) add(word('smeH'), word('notCheckedH'), condition);
  const potentialHeading = view.text('potH', { m: potential.marketName });
  add(potentialHeading, word('base'), potential.baseKrw, shown.base);
  add(potentialHeading, word('low'), potential.lowKrw, shown.low);
  add(potentialHeading, word('high'), potential.highKrw, shown.high);
  add(
    potentialHeading,
    word('untapped'),
    potential.untappedKrw,
    potential.untappedAssumesNoExports ? word('untappedNote') : '',
  );
  potential.years.forEach((year, i) => {
    const band = shown.years[i];
    add(word('yearsH'), year.label, year.baseKrw, band.low + word('to') + band.high);
  });
  for (const factor of potential.factors) {
    const notes = [factor.unit, factor.source, factor.year, factor.assumption ? word('assumed') : ''];
    add(word('factorsH'), factor.label, factor.value, notes.filter((x) => x != null && x !== '').join(' · '));
  }
  result.ranking.forEach((market, i) => {
    const band = shown.ranking[i];
    add(word('rankH'), market.rank + '. ' + market.name, market.baseKrw, band.low + word('to') + band.high);
  });
  add(word('planH'), result.plan.name, result.plan.summary, result.plan.source);
  add(word('planH'), '', result.plan.comparison, result.plan.scope);
  for (const measure of result.plan.measures) {
    add(word('planMeasuresH'), measure.name, measure.statusLabel, measure.note + ' · ' + measure.checkedAndSource);
  }
  for (const program of result.support) {
    const reasons = program.reasons.map((criterion) => criterion.outcomeLabel + ': ' + criterion.reason);
    if (program.windowText) reasons.push(program.windowText);
    add(word('supportH'), program.name, program.outcomeLabel, reasons.join(' / '));
  }
  for (const assumption of result.assumptions) add(word('assumH'), assumption, word('assumed'));
  add('', result.texts.datasetLabel, result.datasetVersion, result.figuresAsOf);
  const text = '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  offerFile(view, new Blob([text], { type: 'text/csv;charset=utf-8' }), word('csvName') + '-' + todayIso() + '.csv');
}

/** The calculation trace as a JSON file: the engine's trace(input) of the results shown (inputs,
 *  every factor with source and year, each step of the method, the result).
 *  @param {View} view @param {State} state */
export function downloadTrace(view, state) {
  if (!state.result || !state.resultInput) return;
  let trace;
  try {
    trace = view.engine.trace(state.resultInput);
  } catch (e) {
    console.warn('sme-export: trace', e);
    return;
  }
  const json = JSON.stringify(trace, null, 2) + '\n';
  offerFile(view, new Blob([json], { type: 'application/json' }), view.text('jsonName') + '-' + todayIso() + '.json');
}
