// 2. Bad input: each bad value shows its own message next to its field (aria-invalid, and
// aria-describedby pointing at the visible message), the message says what is wrong (it differs by
// reason, and is the engine's message for that reason), the other fields keep working, nothing
// typed is cleared, and no error reaches the console (checked for every case by run.mjs).

import { ready, typeInto, pick, openMore, enterCase, installEngine } from '../lib/widget.mjs';

const LONG = '3억'.repeat(5000); // 10,000 characters, pasted

export const REVENUE_BAD = [
  '',
  'abc',
  '-5억',
  '1e400',
  'NaN',
  '억',
  '1'.repeat(50),
  '😀',
  '<script>alert(1)</script>',
  '3억억',
  '1,2,3',
  '0.5원',
  '１e5',
  'Infinity',
  '--5',
  '5억-',
  '1001조',
  '   ',
  'KRW',
  '₩',
  '3.5.5억',
  '1e5',
  '0x10',
  '١٢٣',
  LONG,
  '12억 34만 5678 9',
  '+-5',
  '5억 5억',
  '천억원원',
];
export const OPTIONAL_BAD = [
  ['currentExportsKrw', '-3억'],
  ['currentExportsKrw', '1조 2조'],
  ['currentExportsKrw', '5%'],
  ['currentExportsKrw', 'ABC억'],
  ['exportsToMarketKrw', '0.1원'],
  ['exportsToMarketKrw', '억5'],
  ['exportsToMarketKrw', '三億'],
  ['exportsToMarketKrw', '−2억'],
  ['totalAssetsKrw', '1001조'],
  ['totalAssetsKrw', '5억원원'],
  ['totalAssetsKrw', 'null'],
  ['totalAssetsKrw', '1e-3'],
];
const AMOUNTS = ['revenueKrw', 'currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw'];
const show = (v) => JSON.stringify(v.length > 24 ? v.slice(0, 12) + `…(${v.length} chars)` : v);

/** Everything about the form a person (or a screen reader) can see. */
function readForm(p, sel) {
  return p.evaluate((s) => {
    const R = document.querySelector(s).shadowRoot,
      out = { fields: {} };
    for (const k of ['revenueKrw', 'currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw', 'sector', 'market']) {
      const c = R.querySelector('#f-' + k),
        err = R.querySelector('#e-' + k),
        echo = R.querySelector('#x-' + k);
      const ids = (c.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      const cb = c.getBoundingClientRect(),
        eb = err.getBoundingClientRect();
      out.fields[k] = {
        value: c.value,
        invalid: c.getAttribute('aria-invalid'),
        described: ids.map((id) => {
          const e = R.getElementById(id);
          return e ? { id, text: e.textContent.trim(), visible: e.getClientRects().length > 0 } : { id, missing: true };
        }),
        err: {
          id: err.id,
          text: err.textContent.trim(),
          visible: !err.hidden && err.getClientRects().length > 0 && eb.height > 0,
          sameField: err.closest('.field') === c.closest('.field'),
          gap: eb.top - cb.bottom,
        },
        echo: echo && !echo.hidden ? echo.textContent.trim() : '',
      };
    }
    out.stale = !R.querySelector('.stale-note').hidden;
    out.results = !!R.querySelector('.card.pot');
    return out;
  }, sel);
}

/** The engine's own verdict for the form's current input: {field: {reason, message}} and echo texts. */
async function engineVerdict(p, sel, input) {
  await installEngine(p);
  return p.evaluate(
    async ([s, inp]) => {
      const m = await window.__smeEngine(document.querySelector(s));
      const errs = {};
      try {
        m.estimate(inp);
      } catch (e) {
        for (const x of e.errors || []) errs[x.field] = { reason: x.reason, message: x.message };
      }
      const echo = {};
      for (const k of ['revenueKrw', 'currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw']) {
        try {
          if (String(inp[k] || '').trim()) echo[k] = m.formatAmount(m.parseAmount(inp[k], inp.lang), inp.lang);
        } catch {
          /* an error */
        }
      }
      return { errs, echo };
    },
    [sel, input],
  );
}

/**
 * Types each bad value into its field and checks what the person sees; in between, types a good
 * value into a probe field and checks that it still works. Returns reason → messages seen.
 */
async function badValues(t, p, sel, lang, list, probe) {
  const typed = { revenueKrw: '', currentExportsKrw: '', exportsToMarketKrw: '', totalAssetsKrw: '' };
  const base = { sector: 'medical_devices', market: 'SA' };
  const setTyped = async (field, v) => {
    await typeInto(p, sel, field, v, { paste: v.length > 200 });
    typed[field] = v;
  };
  // A good case first: results on screen.
  await enterCase(p, sel, { revenueKrw: '35억', ...base });
  typed.revenueKrw = '35억';
  await openMore(p, sel);
  const byReason = {};
  let flip = 0;
  for (const [field, v] of list) {
    await setTyped(field, v);
    const input = { ...typed, ...base, readiness: {}, lang };
    const want = await engineVerdict(p, sel, input);
    const f = await readForm(p, sel);
    const me = f.fields[field],
      exp = want.errs[field];
    const what = `${field} ${show(v)}`;
    if (!t.assert(exp, `${what}: the engine accepts it (${want.echo[field]}), so it is no bad value`)) continue;
    (byReason[exp.reason] ||= new Set()).add(me.err.text);
    t.assert(me.value === v, `${what}: the field now holds ${show(me.value)}: what was typed was changed`);
    t.assert(me.invalid === 'true', `${what}: not aria-invalid`);
    t.assert(me.err.visible && me.err.text, `${what}: no visible message`);
    t.assert(
      me.err.sameField && me.err.gap >= -1 && me.err.gap < 120,
      `${what}: the message is not next to the field (gap ${me.err.gap}px)`,
    );
    t.assert(
      me.err.text === exp.message,
      `${what}: shows "${me.err.text}", the engine's message for ${exp.reason} is "${exp.message}"`,
    );
    const d = me.described.find((x) => x.id === me.err.id);
    t.assert(
      d && d.visible && d.text === me.err.text,
      `${what}: aria-describedby (${me.described.map((x) => x.id).join(' ')}) does not point at the visible message`,
    );
    t.assert(
      me.described.every((x) => !x.missing),
      `${what}: aria-describedby names a missing id`,
    );
    // Everything typed elsewhere is kept, and only fields with an error are marked.
    for (const k of AMOUNTS) {
      t.assert(
        f.fields[k].value === typed[k],
        `${what}: ${k} now holds ${show(f.fields[k].value)} instead of ${show(typed[k])}`,
      );
      if (k !== field)
        t.assert(f.fields[k].invalid !== 'true' || want.errs[k], `${what}: ${k} marked invalid without a reason`);
    }
    t.assert(
      f.fields.sector.value === base.sector && f.fields.market.value === base.market,
      `${what}: the sector or market changed`,
    );
    t.assert(f.results && f.stale, `${what}: the last results are not kept (with a note that they are stale)`);
    // Another field still works: typing a good amount there is understood at once.
    const pv = ++flip % 2 ? probe[0] : probe[1];
    await setTyped(probe.field, pv);
    const after = await readForm(p, sel),
      w2 = await engineVerdict(p, sel, { ...typed, ...base, readiness: {}, lang });
    t.assert(after.fields[probe.field].invalid !== 'true', `${what}: ${probe.field} "${pv}" marked invalid`);
    t.assert(
      w2.echo[probe.field] && after.fields[probe.field].echo.startsWith(w2.echo[probe.field]),
      `${what}: ${probe.field} "${pv}" shows "${after.fields[probe.field].echo}", not "${w2.echo[probe.field]}"`,
    );
    t.assert(
      after.fields[field].value === v &&
        after.fields[field].invalid === 'true' &&
        after.fields[field].err.text === me.err.text,
      `${what}: typing in ${probe.field} changed this field or its message`,
    );
  }
  return byReason;
}

function distinct(t, byReason, min) {
  const reasons = Object.keys(byReason);
  t.assert(reasons.length >= min, `only ${reasons.length} reasons seen (${reasons.join(', ')})`);
  const owner = new Map();
  for (const r of reasons)
    for (const msg of byReason[r]) {
      t.assert(!owner.has(msg) || owner.get(msg) === r, `the same message "${msg}" for ${owner.get(msg)} and ${r}`);
      owner.set(msg, r);
    }
  return reasons;
}

export const cases = [
  {
    id: '2',
    title: `bad input (ko): ${REVENUE_BAD.length} bad revenues, each with its own message; other fields keep working`,
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 1000 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      const byReason = await badValues(
        t,
        p,
        sel,
        'ko',
        REVENUE_BAD.map((v) => ['revenueKrw', v]),
        Object.assign(['100억', '101억'], { field: 'totalAssetsKrw' }),
      );
      const reasons = distinct(t, byReason, 6);
      // Back to a good revenue: fresh results, no error left anywhere.
      await typeInto(p, sel, 'revenueKrw', '36억');
      const f = await readForm(p, sel);
      t.assert(
        !f.stale && Object.values(f.fields).every((x) => x.invalid !== 'true'),
        'a good revenue does not clear the error',
      );
      t.note(`reasons: ${reasons.join(', ')}`);
    },
  },
  {
    id: '2',
    title: `bad input (ko): ${OPTIONAL_BAD.length} bad optional amounts and an empty sector`,
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 1000 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      const byReason = await badValues(
        t,
        p,
        sel,
        'ko',
        OPTIONAL_BAD,
        Object.assign(['35억', '36억'], { field: 'revenueKrw' }),
      );
      distinct(t, byReason, 5);
      for (const [k] of OPTIONAL_BAD) await typeInto(p, sel, k, '');
      let f = await readForm(p, sel);
      t.assert(
        !f.stale && Object.values(f.fields).every((x) => x.invalid !== 'true'),
        'emptying the optional fields does not clear their errors',
      );
      // The required sector, unset: its own message; the typed revenue stays.
      await pick(p, sel, 'sector', '');
      f = await readForm(p, sel);
      const s = f.fields.sector;
      t.assert(
        s.invalid === 'true' && s.err.visible && s.err.text && s.described.some((x) => x.id === s.err.id && x.visible),
        'an empty sector shows no message linked to the select',
      );
      t.assert(f.fields.revenueKrw.value === '36억', 'unsetting the sector changed the revenue');
      t.assert(f.stale, 'the last results are not kept while the sector is empty');
    },
  },
  {
    id: '2',
    title: 'bad input (en): messages in English, from the engine, per reason',
    async run(t) {
      const sel = '#calc-en';
      const p = await t.page({ width: 1280, height: 1000 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      const list = [
        ['revenueKrw', ''],
        ['revenueKrw', 'abc'],
        ['revenueKrw', '-5억'],
        ['revenueKrw', '3억억'],
        ['revenueKrw', '1001조'],
        ['revenueKrw', '0.5원'],
        ['totalAssetsKrw', 'x'],
        ['exportsToMarketKrw', '1e5'],
      ];
      const byReason = await badValues(
        t,
        p,
        sel,
        'en',
        list,
        Object.assign(['1억', '2억'], { field: 'currentExportsKrw' }),
      );
      distinct(t, byReason, 5);
      const msgs = Object.values(byReason).flatMap((s) => [...s]);
      const korean = msgs.filter((x) =>
        /[\uac00-\ud7a3]/.test(x.replace(/\d[\d.,]*\s?(조|억|천만|만|원)|억|천만|원/g, '')),
      );
      t.assert(!korean.length, `messages not in English: ${korean.slice(0, 2).join(' | ')}`);
    },
  },
  {
    id: '2',
    title: '"3 억 5천" is read as Koreans say it, 3억 5천만 won, and the echo shows it',
    async run(t) {
      const sel = '#calc-ko';
      const p = await t.page({ width: 1280, height: 900 });
      await p.goto(t.A + 'index.html');
      await ready(p, sel);
      await typeInto(p, sel, 'revenueKrw', '3 억 5천');
      const v = await engineVerdict(p, sel, { revenueKrw: '3 억 5천', sector: '', market: 'SA', lang: 'ko' });
      const f = await readForm(p, sel);
      t.assert(f.fields.revenueKrw.invalid !== 'true', 'marked invalid');
      t.assert(
        v.echo.revenueKrw && f.fields.revenueKrw.echo.startsWith(v.echo.revenueKrw),
        `echo "${f.fields.revenueKrw.echo}" does not show the engine's reading "${v.echo.revenueKrw}"`,
      );
      t.assert(
        f.fields.revenueKrw.echo.startsWith('3억 5,000만 원'),
        `echo "${f.fields.revenueKrw.echo}" is not 3억 5,000만 원`,
      );
    },
  },
];
