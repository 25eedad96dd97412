// The form's state, and its compact form for the share link and storage.
// Storage: sessionStorage key "sme-export:<id|index>" holds {p: the compact field parameters below,
// h: the share-link hash last applied} for this tab only.
// Share link: "#sme-export=" + URL-encoded "r=..&s=..&m=..&ce=..&em=..&ta=..&mc=1&q=ynuu&o=1&id=.."
// (r/ce/em/ta: amounts as typed; s/m: sector/market ids; mc: medical corporation; q: the four
// readiness answers y/n/u; o: "more details" open; id: which element). Read back as untrusted.

export const AMOUNTS = ['revenueKrw', 'currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw'];
export const QS = ['certification', 'localPartner', 'exportExperience', 'localLanguage'];
const SHORT = {
  revenueKrw: 'r',
  currentExportsKrw: 'ce',
  exportsToMarketKrw: 'em',
  totalAssetsKrw: 'ta',
  sector: 's',
  market: 'm',
};
export const HASH = '#sme-export=';

// Control characters from a link or storage are dropped: matching them is the point of the pattern.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const clean = (s, n = 60) =>
  String(s ?? '')
    .replace(CONTROL_CHARACTERS, '')
    .slice(0, n);
export const blank = () => ({
  revenueKrw: '',
  currentExportsKrw: '',
  exportsToMarketKrw: '',
  totalAssetsKrw: '',
  sector: '',
  market: '',
  mc: false,
  q: {},
  open: false,
});

/** Compact parameters (share link and storage). */
export function toParams(st, id) {
  const p = new URLSearchParams();
  for (const k in SHORT) if (st[k]) p.set(SHORT[k], st[k]);
  if (st.mc) p.set('mc', '1');
  const q = QS.map((k) => (st.q[k] === true ? 'y' : st.q[k] === false ? 'n' : 'u')).join('');
  if (q !== 'uuuu') p.set('q', q);
  if (st.open) p.set('o', '1');
  if (id) p.set('id', id);
  return p;
}

/** Untrusted parameters to a state: strings trimmed and cut; ids are checked against the dataset later. */
export function fromParams(p) {
  const st = blank();
  for (const k in SHORT) st[k] = clean(p.get(SHORT[k]), k === 'sector' || k === 'market' ? 40 : 60);
  st.mc = p.get('mc') === '1';
  const q = p.get('q') || '';
  if (/^[ynu]{4}$/.test(q))
    QS.forEach((k, i) => {
      st.q[k] = q[i] === 'y' ? true : q[i] === 'n' ? false : null;
    });
  st.open =
    p.get('o') === '1' ||
    !!(st.currentExportsKrw || st.exportsToMarketKrw || st.totalAssetsKrw || st.mc || /[yn]/.test(q));
  return st;
}

export function hashParams() {
  const hs = location.hash;
  if (!hs.startsWith(HASH)) return null;
  let raw = hs.slice(HASH.length, HASH.length + 2000);
  try {
    if (!raw.includes('=')) raw = decodeURIComponent(raw);
    return new URLSearchParams(raw);
  } catch {
    return null;
  }
}

/** The share link of a state. */
export function shareUrl(st, id) {
  return location.href.split('#')[0] + HASH + toParams(st, id).toString();
}
