// The form's fields, and their compact form for the share link and storage.
// Storage: sessionStorage key "sme-export:<id|index>" holds {p: the compact field parameters below,
// h: the share-link hash last applied} for this tab only.
// Share link: "#sme-export=" + URL-encoded "r=..&s=..&m=..&ce=..&em=..&ta=..&mc=1&q=ynuu&o=1&id=.."
// (r/ce/em/ta: amounts as typed; s/m: sector/market ids; mc: medical corporation; q: the four
// readiness answers y/n/u; o: "more details" open; id: which element). Read back as untrusted.

/** @typedef {import('../types/result').Question} Question */

/** The amount fields, in the form's order: typed text the engine reads (`parseAmount`). */
export const AMOUNTS = /** @type {const} */ ([
  'revenueKrw',
  'currentExportsKrw',
  'exportsToMarketKrw',
  'totalAssetsKrw',
]);
/** @typedef {typeof AMOUNTS[number]} AmountField */

/** The readiness questions, in the form's order. */
export const QUESTIONS = /** @type {Question[]} */ ([
  'certification',
  'localPartner',
  'exportExperience',
  'localLanguage',
]);

/**
 * What the form holds: amounts as typed, the chosen ids and the answers.
 * @typedef {Object} FormFields
 * @property {string} revenueKrw
 * @property {string} currentExportsKrw
 * @property {string} exportsToMarketKrw
 * @property {string} totalAssetsKrw
 * @property {string} sector  a sector id of the dataset, '' before one is chosen
 * @property {string} market  a market id of the dataset
 * @property {boolean} medicalCorporation
 * @property {Partial<Record<Question, boolean | null>>} readiness  true "yes", false "no", null or absent: not answered
 * @property {boolean} moreOpen  whether "more details" is open
 */

/** The fields that hold text: the amounts and the two ids. @typedef {AmountField | 'sector' | 'market'} TextField */

/** @type {Record<TextField, string>} */
const SHORT = {
  revenueKrw: 'r',
  currentExportsKrw: 'ce',
  exportsToMarketKrw: 'em',
  totalAssetsKrw: 'ta',
  sector: 's',
  market: 'm',
};
const TEXT_FIELDS = /** @type {TextField[]} */ (Object.keys(SHORT));
export const HASH = '#sme-export=';

// Control characters from a link or storage are dropped: matching them is the point of the pattern.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const clean = (value, maxLength = 60) =>
  String(value ?? '')
    .replace(CONTROL_CHARACTERS, '')
    .slice(0, maxLength);

/** @returns {FormFields} */
export const blankForm = () => ({
  revenueKrw: '',
  currentExportsKrw: '',
  exportsToMarketKrw: '',
  totalAssetsKrw: '',
  sector: '',
  market: '',
  medicalCorporation: false,
  readiness: {},
  moreOpen: false,
});

/** An answer as the one letter the link uses: y, n or u (not answered). */
const answerLetter = (answer) => (answer === true ? 'y' : answer === false ? 'n' : 'u');

/**
 * Compact parameters (share link and storage).
 * @param {FormFields} form
 * @param {string} [id]
 */
export function toParams(form, id) {
  const params = new URLSearchParams();
  for (const field of TEXT_FIELDS) if (form[field]) params.set(SHORT[field], form[field]);
  if (form.medicalCorporation) params.set('mc', '1');
  const answers = QUESTIONS.map((question) => answerLetter(form.readiness[question])).join('');
  if (answers !== 'uuuu') params.set('q', answers);
  if (form.moreOpen) params.set('o', '1');
  if (id) params.set('id', id);
  return params;
}

/**
 * Untrusted parameters to form fields: strings trimmed and cut; ids are checked against the dataset later.
 * @param {URLSearchParams} params
 * @returns {FormFields}
 */
export function fromParams(params) {
  const form = blankForm();
  for (const field of TEXT_FIELDS) {
    form[field] = clean(params.get(SHORT[field]), field === 'sector' || field === 'market' ? 40 : 60);
  }
  form.medicalCorporation = params.get('mc') === '1';
  const answers = params.get('q') || '';
  if (/^[ynu]{4}$/.test(answers)) {
    QUESTIONS.forEach((question, i) => {
      form.readiness[question] = answers[i] === 'y' ? true : answers[i] === 'n' ? false : null;
    });
  }
  form.moreOpen =
    params.get('o') === '1' ||
    !!(
      form.currentExportsKrw ||
      form.exportsToMarketKrw ||
      form.totalAssetsKrw ||
      form.medicalCorporation ||
      /[yn]/.test(answers)
    );
  return form;
}

/** The parameters in the page's #fragment, when it is a share link. */
export function hashParams() {
  const hash = location.hash;
  if (!hash.startsWith(HASH)) return null;
  let raw = hash.slice(HASH.length, HASH.length + 2000);
  try {
    if (!raw.includes('=')) raw = decodeURIComponent(raw);
    return new URLSearchParams(raw);
  } catch {
    return null;
  }
}

/**
 * The share link of the form's fields.
 * @param {FormFields} form
 * @param {string} [id]
 */
export function shareUrl(form, id) {
  return location.href.split('#')[0] + HASH + toParams(form, id).toString();
}
