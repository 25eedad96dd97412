// Writes data/panel.csv, the reference panel of firms (docs/PANEL.md says how it was chosen).
//
//   node scripts/make-panel.mjs [DATASET.json] > data/panel.csv
//
// The thresholds it places firms around are read from the dataset given (default
// data/dataset.json) at the time the panel is made. The committed CSV is the panel: it is never
// regenerated because the dataset changed (a panel that moves with the figures could not show
// what a change of figures does to the same firms).
import { readFileSync } from 'node:fs';

const ds = JSON.parse(readFileSync(process.argv[2] ?? new URL('../data/dataset.json', import.meta.url), 'utf8'));
const EOK = 100_000_000; // 1억 won
const short = { medical_devices: 'md', pharmaceuticals: 'ph', medical_services: 'ms', digital_health: 'dh' };
const sectors = ds.sectors.map((s) => s.id);
const markets = ds.markets.map((m) => m.id);
const cap = ds.sme.assetCapKrw.value;
// The earliest table (2015) places the firms; the latest (the 2025 revision) gives each row's
// largest possible raise (its upper bound minus the 2015 value) and the day it took effect.
const byDate = [...ds.sme.tables].sort((a, b) => a.effective.localeCompare(b.effective));
const first = byDate[0],
  latest = byDate[byDate.length - 1];
const revisionDay = latest.effective; // 2025-09-01
const days = ['2025-08-31', revisionDay, '2026-12-01'];
const yymmdd = (d) => d.slice(2).replaceAll('-', '');

const columns = [
  'id',
  'sector',
  'revenue',
  'total_assets',
  'current_exports',
  'exports_to_market',
  'certification',
  'local_partner',
  'export_experience',
  'local_language',
  'medical_corporation',
  'market',
  'today',
  'note',
];
const rows = [];
const yn = (v) => (v === undefined || v === null ? '' : v ? 'yes' : 'no');
function add(f) {
  const r = f.readiness ?? [];
  rows.push([
    f.id,
    f.sector,
    f.revenue,
    f.assets ?? '',
    f.current ?? '',
    f.toMarket ?? '',
    yn(r[0]),
    yn(r[1]),
    yn(r[2]),
    yn(r[3]),
    yn(f.medcorp),
    f.market,
    f.today,
    f.note,
  ]);
}

// 1. Revenue around every threshold of every sector, on each of the three days (the table in
//    force depends on the day). Markets rotate so every market appears.
let turn = 0;
for (const sector of sectors) {
  const row = first.rows.find((r) => r.sector === sector);
  const next = latest.rows.find((r) => r.sector === sector);
  const S = row.smallMaxKrw.value;
  const M = row.mediumMaxKrw.value;
  const smallRaise = (next.smallMaxUpToKrw ?? next.smallMaxKrw).value - S;
  const mediumRaise = (next.mediumMaxUpToKrw ?? next.mediumMaxKrw).value - M;
  const points = [
    ['micro', EOK, 'micro firm, 1억'],
    ['S-1', S - 1, 'one won below the small limit'],
    ['S', S, 'at the small limit'],
    ['S+1', S + 1, 'one won above the small limit'],
    ['S+raise', S + smallRaise, "small limit plus the revision's largest small raise"],
    ['S+raise+1', S + smallRaise + 1, "one won beyond the revision's small window"],
    ['mid', Math.round((S + M) / 2 / EOK) * EOK, 'between the small and medium limits'],
    ['M-1', M - 1, 'one won below the medium limit'],
    ['M', M, 'at the medium limit'],
    ['M+1', M + 1, 'one won above the medium limit'],
    ['M+raise', M + mediumRaise, "medium limit plus the revision's largest medium raise"],
    ['M+raise+1', M + mediumRaise + 1, "one won beyond the revision's medium window"],
    ['large', 5 * M, 'five times the medium limit'],
  ];
  for (const [tag, revenue, note] of points) {
    const market = markets[turn++ % markets.length];
    for (const today of days) {
      add({ id: `T-${short[sector]}-${tag}-${yymmdd(today)}`, sector, revenue, market, today, note });
    }
  }
}

// 2. Every sector in every market, a ready exporter and a firm that answered nothing.
for (const sector of sectors) {
  for (const market of markets) {
    add({
      id: `M-${short[sector]}-${market}-ready`,
      sector,
      revenue: 50 * EOK,
      assets: 200 * EOK,
      current: 10 * EOK,
      toMarket: 2 * EOK,
      readiness: [true, true, true, true],
      market,
      today: days[2],
      note: '50억 exporter, all readiness answers yes',
    });
    add({
      id: `M-${short[sector]}-${market}-blank`,
      sector,
      revenue: 50 * EOK,
      market,
      today: days[2],
      note: '50억 firm, nothing else answered',
    });
  }
}

// 3. Total assets around the asset cap, and the non-profit medical corporation.
for (const sector of sectors) {
  const assets = [
    ['none', undefined, 'assets not given'],
    ['100e', 100 * EOK, 'assets 100억'],
    ['cap-1', cap - 1, 'assets one won below the cap'],
    ['cap', cap, 'assets at the cap (not an SME)'],
    ['cap+1', cap + 1, 'assets above the cap'],
  ];
  for (const [tag, value, note] of assets) {
    add({
      id: `A-${short[sector]}-${tag}`,
      sector,
      revenue: 5 * EOK,
      assets: value,
      market: 'AE',
      today: days[2],
      note,
    });
  }
  add({
    id: `C-${short[sector]}-medcorp`,
    sector,
    revenue: 5 * EOK,
    medcorp: true,
    market: 'SA',
    today: days[1],
    note: 'non-profit medical corporation',
  });
}
add({
  id: 'C-ms-not-medcorp',
  sector: 'medical_services',
  revenue: 5 * EOK,
  medcorp: false,
  market: 'SA',
  today: days[1],
  note: 'clinic, explicitly not a medical corporation',
});
add({
  id: 'C-ms-medcorp-large',
  sector: 'medical_services',
  revenue: 2000 * EOK,
  assets: cap,
  medcorp: true,
  market: 'SA',
  today: days[1],
  note: 'large medical corporation at the asset cap',
});

// 4. Readiness answers one at a time, and exports (none, zero, above the potential).
const questions = ['cert', 'partner', 'exp', 'lang'];
for (const [q, name] of questions.entries()) {
  for (const answer of [true, false]) {
    const readiness = [undefined, undefined, undefined, undefined];
    readiness[q] = answer;
    add({
      id: `R-md-${name}-${answer ? 'yes' : 'no'}`,
      sector: 'medical_devices',
      revenue: 30 * EOK,
      readiness,
      market: 'SA',
      today: days[2],
      note: `only ${name} answered ${answer ? 'yes' : 'no'}`,
    });
  }
}
add({
  id: 'R-md-all-no',
  sector: 'medical_devices',
  revenue: 30 * EOK,
  readiness: [false, false, false, false],
  market: 'SA',
  today: days[2],
  note: 'all readiness answers no',
});
const exportsCases = [
  ['none', undefined, undefined, 'no exports given'],
  ['zero', 0, 0, 'exports given as zero'],
  ['other', 5 * EOK, 0, 'exports elsewhere, none to the market'],
  ['some', 5 * EOK, 1 * EOK, '1억 of 5억 exports to the market'],
  ['all', 5 * EOK, 5 * EOK, 'every export to the market'],
  ['over', 20 * EOK, 20 * EOK, 'exports to the market above any potential (untapped 0)'],
];
for (const sector of sectors) {
  for (const [tag, current, toMarket, note] of exportsCases) {
    add({
      id: `X-${short[sector]}-${tag}`,
      sector,
      revenue: 30 * EOK,
      current,
      toMarket,
      market: 'KZ',
      today: days[2],
      note,
    });
  }
}
add({
  id: 'X-md-zero-revenue',
  sector: 'medical_devices',
  revenue: 0,
  market: 'TM',
  today: days[2],
  note: 'zero revenue (every market ties at zero potential)',
});
add({
  id: 'X-ph-max-exports',
  sector: 'pharmaceuticals',
  revenue: 790 * EOK,
  assets: 4999 * EOK,
  current: 700 * EOK,
  toMarket: 300 * EOK,
  readiness: [true, false, true, false],
  market: 'QA',
  today: days[0],
  note: 'large exporter just inside both limits',
});

const cell = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
process.stdout.write([columns, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n');
