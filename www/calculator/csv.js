// The results as a CSV file (UTF-8 with BOM, so Excel reads Korean), cells guarded against
// formula injection.

import { h, todayIso } from './dom.js';
import { AMOUNTS } from './state.js';

export function csvCell(v) {
  let s = typeof v === 'number' ? String(v) : String(v ?? '');
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

export function downloadCsv(el) {
  /** @type {import('../types/result').Estimate} */
  const r = el.last;
  if (!r) return;
  const m = el.m,
    L = el.L,
    p = r.potential,
    shown = r.shown,
    T = (k) => el.t(k);
  const rows = [T('csvCols')];
  const add = (sec, item, val, note = '') => rows.push([sec, item, val, note]);
  const li = el.lastInput; // the input of the results shown (the form may hold an invalid edit)
  for (const k of AMOUNTS)
    if (li[k]) {
      let v = '';
      try {
        v = m.formatAmount(m.parseAmount(li[k], L), L);
      } catch {
        /* keep blank */
      }
      add(T('csvIn'), T(k), li[k], v);
    }
  add(T('csvIn'), T('sector'), (el.ds.sectors.find((x) => x.id === li.sector) || {}).name || '');
  add(T('csvIn'), T('market'), p.marketName);
  add(T('smeH'), T('smeH'), r.sme.label, r.sme.reasons.join(' / '));
  add(T('smeH'), T('tableApplied'), r.sme.table, r.sme.tableEffective + ' · ' + r.sme.tableSource);
  add(T('smeH'), T('limits'), r.sme.limits, r.sme.thresholds.map((x) => x.text).join(' / '));
  if (r.sme.mayBeNote) add(T('smeH'), '!', r.sme.mayBeNote);
  for (const x of r.sme.notChecked) add(T('smeH'), T('notCheckedH'), x);
  add(T('potH').replace('{m}', p.marketName), T('base'), Math.round(p.baseKrw), shown.base);
  add(T('potH').replace('{m}', p.marketName), T('low'), Math.round(p.lowKrw), shown.low);
  add(T('potH').replace('{m}', p.marketName), T('high'), Math.round(p.highKrw), shown.high);
  add(
    T('potH').replace('{m}', p.marketName),
    T('untapped'),
    Math.round(p.untappedKrw),
    p.untappedAssumesNoExports ? T('untappedNote') : '',
  );
  p.years.forEach((y, i) => {
    add(T('yearsH'), y.label, Math.round(y.baseKrw), shown.years[i].low + T('to') + shown.years[i].high);
  });
  for (const f of p.factors)
    add(
      T('factorsH'),
      f.label,
      f.value,
      [f.unit, f.source, f.year, f.assumption ? T('assumed') : ''].filter((x) => x != null && x !== '').join(' · '),
    );
  r.ranking.forEach((x, i) => {
    const band = shown.ranking[i];
    add(T('rankH'), x.rank + '. ' + x.name, Math.round(x.baseKrw), band.low + T('to') + band.high);
  });
  add(T('planH'), r.plan.name, r.plan.summary, r.plan.source);
  add(T('planH'), '', r.plan.comparison, r.plan.scope);
  for (const s of r.support)
    add(T('supportH'), s.name, s.outcomeLabel, s.reasons.map((c) => c.outcomeLabel + ': ' + c.reason).join(' / '));
  for (const a of r.assumptions) add(T('assumH'), a, T('assumed'));
  add('', r.texts.datasetLabel, r.datasetVersion, r.figuresAsOf);
  const text = '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: T('csvName') + '-' + todayIso() + '.csv', hidden: true });
  el.wrap.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The calculation trace as a JSON file: the engine's trace(input) of the results shown (inputs,
 *  every factor with source and year, each step of the method, the result). */
export function downloadTrace(el) {
  if (!el.last || !el.lastInput) return;
  let tr;
  try {
    tr = el.m.trace(el.lastInput);
  } catch (e) {
    console.warn('sme-export: trace', e);
    return;
  }
  const url = URL.createObjectURL(new Blob([JSON.stringify(tr, null, 2) + '\n'], { type: 'application/json' }));
  const a = h('a', { href: url, download: el.t('jsonName') + '-' + todayIso() + '.json', hidden: true });
  el.wrap.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
