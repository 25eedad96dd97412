// <sme-export-calculator lang="ko|en">: medical-export potential calculator for Korean SMEs.
// Everything is computed in this browser by the Wasm engine (./pkg/sme_export.js); nothing typed
// is sent anywhere. DOM is built with createElement/textContent only (CSP-safe: no inline style,
// no inline handlers, no innerHTML). Storage: sessionStorage key "sme-export:<id|index>" holds
// {p: the compact field parameters below, h: the share-link hash last applied} for this tab only.
// Share link: "#sme-export=" + URL-encoded "r=..&s=..&m=..&ce=..&em=..&ta=..&mc=1&q=ynuu&o=1&id=.."
// (r/ce/em/ta: amounts as typed; s/m: sector/market ids; mc: medical corporation; q: the four
// readiness answers y/n/u; o: "more details" open; id: which element). Read back as untrusted.

const STRINGS = {
  ko: {
    loading: '계산기를 불러오는 중입니다…',
    loadFail: '계산기를 불러오지 못했습니다. 페이지를 새로 고쳐 주세요.',
    inputH: '기업 정보 입력',
    privacy: '입력한 내용은 이 브라우저 안에서만 계산되며 어디에도 전송되지 않습니다.',
    revenueKrw: '연평균 매출액 (최근 3년)',
    amountHint: '예: 35억, 3억 5천만, 1,250,000,000원',
    sector: '업종',
    choose: '선택하세요',
    market: '목표 시장',
    other: '기타',
    more: '더 자세히 입력 (선택)',
    moreHint: '더 많이 답할수록 결과 범위가 좁아지고 지원 제도 판단이 정확해집니다.',
    currentExportsKrw: '현재 총수출액 (연간)',
    exportsToMarketKrw: '목표 시장 수출액 (연간)',
    totalAssetsKrw: '자산총액',
    medCorp: '비영리 의료법인입니다',
    medCorpHint: '의료법인은 중소기업기본법상 기업이 아니어서 중소기업 지원 대상이 아닙니다.',
    readinessH: '수출 준비 상태',
    certification: '목표 시장에서 유효한 인증·허가를 갖고 있습니까?',
    localPartner: '현지 파트너나 유통사가 있습니까?',
    exportExperience: '수출해 본 경험이 있습니까?',
    localLanguage: '목표 시장 언어로 된 제품·서비스 자료가 있습니까?',
    yes: '예', no: '아니요', unk: '모름·답하지 않음',
    about: '약',
    resultsH: '계산 결과',
    placeholder: '매출액과 업종을 입력하면 결과가 여기에 바로 표시됩니다.',
    stale: '입력을 고치면 결과가 갱신됩니다. 아래는 마지막으로 계산한 결과입니다.',
    copy: '링크 복사', print: '인쇄', csv: 'CSV 다운로드',
    copied: '링크를 복사했습니다. 링크에는 입력한 값이 담겨 있습니다.',
    copyManual: '아래 링크를 직접 복사하세요. 링크에는 입력한 값이 담겨 있습니다.',
    linkLabel: '공유 링크',
    smeH: '중소기업 여부',
    tableApplied: '적용 기준', effective: '시행일', source: '출처', limits: '이 업종의 기준',
    smallUpTo: '소기업 {x} 이하', mediumUpTo: '중기업 {x} 이하',
    assumed: '가정', confirm: '중소기업 현황정보시스템에서 확인하기', newWin: '(새 창)',
    potH: '{m} 수출 잠재력',
    base: '연간 수출 잠재력 (기준 추정)', range: '범위', untapped: '아직 실현되지 않은 잠재력',
    untappedNote: '목표 시장 수출액을 입력하지 않아 현재 수출이 없다고 보고 계산했습니다.',
    to: ' ~ ',
    readiness: '수출 준비도 {s}', unanswered: '답하지 않은 질문 {n}개: 답하면 범위가 좁아집니다.',
    yearsH: '연도별 잠재력',
    yearsAlt: '{m} 연도별 수출 잠재력 선 그래프. {y0}년 {b0}에서 {y1}년 {b1}까지, {y1}년 범위 {lo}~{hi}.',
    tableView: '표로 보기',
    year: '연도', low: '하한', central: '기준', high: '상한',
    factorsH: '근거 보기: 어떻게 계산했나요',
    factorsIntro: '잠재력 = 한국의 공급 몫 × 시장 수요 × 교역 용이성 × 기업 비중 × 준비도 (ITC 수출잠재력지표를 기업 단위로 적용).',
    factor: '항목', value: '값',
    rankH: '시장별 잠재력 순위',
    rankAlt: '시장별 수출 잠재력 막대그래프. {n}개 시장 중 1위 {a}, 선택한 {m}은(는) {r}위.',
    rank: '순위', marketC: '시장', region: '지역',
    planH: '국가 계획과 비교',
    planShare: '이 기업의 연간 수출 잠재력은 {y}년 목표액의 {p}에 해당합니다.',
    supportH: '지원 제도',
    supportIntro: '2013년 창조경제 의료수출 계획의 조치와 후속 제도입니다. 최종 자격은 담당 기관에 확인하세요.',
    agency: '담당', offers: '지원 내용', statusL: '상태', nextStep: '다음 단계', details: '제도 안내',
    st: { active: '운영 중', enacted: '법 시행', planned: '예정', pending: '미시행', ended: '종료', unknown: '확인 안 됨' },
    mk: { eligible: '충족', maybe: '확인 필요', ineligible: '미충족' },
    none: '해당하는 제도가 없습니다.',
    assumH: '가정한 수치',
    assumIntro: '다음 수치는 출처로 확인되지 않은 가정이며 결과에 쓰였습니다.',
    footer: '데이터 {v} · 수치 기준일 {d} · 환율 US$ 1 = {r}원',
    dsFail: '지정한 데이터를 쓸 수 없어 기본 데이터로 계산합니다 ({p}).',
    dsTimeout: '응답 시간 초과', dsHttp: 'HTTP {s}', dsNet: '불러오기 실패',
    dsJson: 'JSON 형식이 아님', dsLarge: '파일이 8MiB보다 큼', dsDeep: '64단계보다 깊게 겹친 구조', dsProblems: '데이터 문제 {n}건', dsProblem1: '데이터 문제 1건',
    live: '{size}. {m} 연간 수출 잠재력 {b}. 지원 대상 {e}건, 확인 필요 {q}건.',
    csvCols: ['구분', '항목', '값', '비고'],
    csvIn: '입력', csvName: 'sme-export-결과',
  },
  en: {
    loading: 'Loading the calculator…',
    loadFail: 'The calculator could not be loaded. Please reload the page.',
    inputH: 'About your company',
    privacy: 'Everything you type is calculated in this browser and sent nowhere.',
    revenueKrw: 'Average yearly revenue (last 3 years, KRW)',
    amountHint: 'In won, e.g. 3500000000, 35억 or 3억 5천만',
    sector: 'Sector',
    choose: 'Choose',
    market: 'Target market',
    other: 'Other',
    more: 'More details (optional)',
    moreHint: 'The more you answer, the narrower the range and the surer the support check.',
    currentExportsKrw: 'Current total exports (per year, KRW)',
    exportsToMarketKrw: 'Exports to the target market (per year, KRW)',
    totalAssetsKrw: 'Total assets (KRW)',
    medCorp: 'We are a non-profit medical corporation (의료법인)',
    medCorpHint: 'Medical corporations are not enterprises under the SME Act, so SME support does not apply.',
    readinessH: 'Export readiness',
    certification: 'Do you hold a certification or registration valid in the target market?',
    localPartner: 'Do you have a local partner or distributor?',
    exportExperience: 'Have you exported before?',
    localLanguage: 'Do you have product or service material in the market\u2019s language?',
    yes: 'Yes', no: 'No', unk: 'Don\u2019t know / skip',
    about: 'about',
    resultsH: 'Results',
    placeholder: 'Enter your revenue and sector and the results appear here at once.',
    stale: 'Correct the input to update the results. Below are the last results calculated.',
    copy: 'Copy link', print: 'Print', csv: 'Download CSV',
    copied: 'Link copied. The link contains the values you typed.',
    copyManual: 'Copy the link below by hand. The link contains the values you typed.',
    linkLabel: 'Share link',
    smeH: 'SME status',
    tableApplied: 'Table applied', effective: 'In force from', source: 'Source', limits: 'Limits for this sector',
    smallUpTo: 'small: up to {x}', mediumUpTo: 'medium: up to {x}',
    assumed: 'Assumption', confirm: 'Confirm your status on the SME information system', newWin: '(opens in a new tab)',
    potH: 'Export potential: {m}',
    base: 'Yearly export potential (central estimate)', range: 'Range', untapped: 'Untapped potential',
    untappedNote: 'You did not enter exports to this market, so none are assumed.',
    to: ' – ',
    readiness: 'Readiness {s}', unanswered: 'unanswered questions: {n} (answering them narrows the range).',
    yearsH: 'Potential by year',
    yearsAlt: 'Line chart of yearly export potential to {m}: {b0} in {y0} to {b1} in {y1}, range in {y1} {lo} to {hi}.',
    tableView: 'Show as a table',
    year: 'Year', low: 'Low', central: 'Central', high: 'High',
    factorsH: 'How this was calculated',
    factorsIntro: 'Potential = Korea\u2019s supply share × market demand × ease of trade × your share of the sector × readiness (the ITC Export Potential Indicator applied to one firm).',
    factor: 'Factor', value: 'Value',
    rankH: 'Markets ranked by potential',
    rankAlt: 'Bar chart of export potential by market. Of {n} markets, first is {a}; your choice {m} ranks {r}.',
    rank: 'Rank', marketC: 'Market', region: 'Region',
    planH: 'Compared with the national plan',
    planShare: 'Your yearly export potential is {p} of the {y} target.',
    supportH: 'Support measures',
    supportIntro: 'Measures of the 2013 creative-economy medical-export plan and later programmes. Confirm final eligibility with the agency.',
    agency: 'Agency', offers: 'Offers', statusL: 'Status', nextStep: 'Next step', details: 'About this measure',
    st: { active: 'Running', enacted: 'In force', planned: 'Planned', pending: 'Not in force', ended: 'Ended', unknown: 'Unconfirmed' },
    mk: { eligible: 'Met', maybe: 'To confirm', ineligible: 'Not met' },
    none: 'No measures here.',
    assumH: 'Assumed figures',
    assumIntro: 'These figures are assumptions, not sourced facts, and were used in the results.',
    footer: 'Dataset {v} · figures as of {d} · US$ 1 = KRW {r}',
    dsFail: 'The dataset given could not be used, so the built-in data is used ({p}).',
    dsTimeout: 'timed out', dsHttp: 'HTTP {s}', dsNet: 'could not be fetched',
    dsJson: 'not valid JSON', dsLarge: 'the file is larger than 8 MiB', dsDeep: 'nested more than 64 levels deep', dsProblems: '{n} problems in the data', dsProblem1: 'a problem in the data',
    live: '{size}. Yearly export potential to {m}: {b}. {e} measures likely eligible, {q} to confirm.',
    csvCols: ['Section', 'Item', 'Value', 'Note'],
    csvIn: 'Input', csvName: 'sme-export-result',
  },
};

const AMOUNTS = ['revenueKrw', 'currentExportsKrw', 'exportsToMarketKrw', 'totalAssetsKrw'];
const QS = ['certification', 'localPartner', 'exportExperience', 'localLanguage'];
const SHORT = { revenueKrw: 'r', currentExportsKrw: 'ce', exportsToMarketKrw: 'em', totalAssetsKrw: 'ta', sector: 's', market: 'm' };
const OUTCOMES = ['eligible', 'maybe', 'ineligible'];
const MARK = { eligible: '✓', maybe: '?', ineligible: '✕' };
const CSS_URL = new URL('./sme-export-calculator.css', import.meta.url).href;
const HASH = '#sme-export=';
const TAG = 'sme-export-calculator';
/** Loader problem kinds (src/load.rs) that the dataset notice names in words; others are counted. */
const DS_KIND = { json: 'dsJson', tooLarge: 'dsLarge', tooDeep: 'dsDeep' };

// The engine, fetched and compiled as soon as this module runs (a page loads the module only to
// show the widget, so the download overlaps the page's own work), once for every element.
const engine = import('./pkg/sme_export.js').then(async (m) => { await m.default(); return m; });
engine.catch(() => {}); // each element reports a failure itself

/** h('p', {class: 'x', onclick: f}, 'text', child): DOM only; strings become text nodes. */
/** One Intl.NumberFormat per language and options: creating one costs more than formatting. */
const NF = new Map();
function nf(lang, opts) {
  const k = lang + JSON.stringify(opts || {});
  if (!NF.has(k)) NF.set(k, new Intl.NumberFormat(lang, opts));
  return NF.get(k);
}

function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked' || k === 'open') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of kids.flat(4)) if (c != null && c !== false) e.append(c);
  return e;
}

const clean = (s, n = 60) => String(s ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, n);
const safeUrl = (u) => { if (!u || typeof u !== 'string') return null; try { const x = new URL(u, document.baseURI); return /^https?:$/.test(x.protocol) ? x.href : null; } catch { return null; } };
const todayIso = () => { const d = new Date(), p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; };
/** Estimates are shown to 3 significant digits ("88억 2,000만 원", not "88억 161만 4,267 원"). */
const sig3 = (x) => { if (!(Math.abs(x) >= 1000)) return Math.round(x || 0); const f = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2); return Math.round(x / f) * f; };
const blank = () => ({ revenueKrw: '', currentExportsKrw: '', exportsToMarketKrw: '', totalAssetsKrw: '', sector: '', market: '', mc: false, q: {}, open: false });

/** Compact parameters (share link and storage). */
function toParams(st, id) {
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
function fromParams(p) {
  const st = blank();
  for (const k in SHORT) st[k] = clean(p.get(SHORT[k]), k === 'sector' || k === 'market' ? 40 : 60);
  st.mc = p.get('mc') === '1';
  const q = p.get('q') || '';
  if (/^[ynu]{4}$/.test(q)) QS.forEach((k, i) => { st.q[k] = q[i] === 'y' ? true : q[i] === 'n' ? false : null; });
  st.open = p.get('o') === '1' || !!(st.currentExportsKrw || st.exportsToMarketKrw || st.totalAssetsKrw || st.mc || /[yn]/.test(q));
  return st;
}

function hashParams() {
  const hs = location.hash;
  if (!hs.startsWith(HASH)) return null;
  let raw = hs.slice(HASH.length, HASH.length + 2000);
  try { if (!raw.includes('=')) raw = decodeURIComponent(raw); return new URLSearchParams(raw); } catch { return null; }
}

function csvCell(v) {
  let s = typeof v === 'number' ? String(v) : String(v ?? '');
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

class SmeExportCalculator extends HTMLElement {
  static get observedAttributes() { return ['lang', 'data-src', 'heading-level', 'dataset-key']; }

  get L() { return /^en\b/i.test(this.getAttribute('lang') || '') ? 'en' : 'ko'; }
  t(k, vars) { let s = STRINGS[this.L][k] ?? k; for (const v in vars) s = s.split('{' + v + '}').join(vars[v]); return s; }
  hx(d, text, attrs) {
    const n = Math.max(1, Math.min(9, (parseInt(this.getAttribute('heading-level'), 10) || 2) + d));
    return n <= 6 ? h('h' + n, attrs, text) : h('div', { role: 'heading', 'aria-level': n, ...attrs }, text);
  }

  connectedCallback() {
    if (this.root) { this.observe(); return; }
    if (!this.hidden) this.style.display = 'flow-root'; // a box before the CSS loads; flow-root: it wraps the floated .w
    this.style.minHeight = ((this.parentElement && this.parentElement.clientWidth) || innerWidth) < 640 ? '1200px' : '900px';
    this.root = this.attachShadow({ mode: 'open' });
    this.wrap = h('div', { class: 'w', lang: this.L });
    this.wrap.style.visibility = 'hidden';
    const show = () => { this.wrap.style.visibility = ''; };
    this.root.append(h('link', { rel: 'stylesheet', href: CSS_URL, onload: show, onerror: show }), this.wrap);
    setTimeout(show, 3000);
    this.wrap.append(h('p', { class: 'loading', role: 'status' }, this.t('loading')));
    this.touched = {}; this.opened = new Set(); this.key = '';
    const all = [...document.querySelectorAll(TAG)];
    this.storeKey = 'sme-export:' + (this.id || all.indexOf(this));
    this.onRedraw = () => { this.chartOpts = null; this.schedule('charts'); };
    // Print shows every table: open all result <details>, then restore what the user had open.
    const pr = (on) => () => { this.printing = on; this.chartOpts = null; this.wrap.querySelectorAll('.r details[data-n]').forEach((d) => { d.open = on || this.opened.has(d.dataset.n); }); this.drawCharts(); };
    this.onBeforePrint = pr(true); this.onAfterPrint = pr(false);
    engine.then((m) => { this.m = m; this.start(); }, (e) => {
      console.error('sme-export: could not load the engine', e);
      this.wrap.replaceChildren(h('p', { class: 'msg err', role: 'alert' }, this.t('loadFail')));
      this.style.minHeight = '';
    });
    this.observe();
  }

  disconnectedCallback() {
    this.ro?.disconnect(); this.mq?.removeEventListener('change', this.onDpr);
    removeEventListener('beforeprint', this.onBeforePrint); removeEventListener('afterprint', this.onAfterPrint);
  }

  attributeChangedCallback(name, old, val) {
    if (!this.m || old === val) return;
    if (name === 'data-src' || name === 'dataset-key') this.loadSrc(); else this.build();
  }

  observe() {
    let w = 0;
    this.ro = new ResizeObserver(() => { const nw = this.wrap.clientWidth; if (nw !== w) { w = nw; this.onRedraw(); } });
    this.ro.observe(this.wrap);
    this.onDpr = () => { this.mq?.removeEventListener('change', this.onDpr); this.watchDpr(); this.onRedraw(); };
    this.watchDpr();
    addEventListener('beforeprint', this.onBeforePrint); addEventListener('afterprint', this.onAfterPrint);
  }

  watchDpr() {
    this.mq = matchMedia(`(resolution: ${devicePixelRatio || 1}dppx)`);
    this.mq.addEventListener('change', this.onDpr);
  }

  start() {
    let st = null, applied = '';
    const hp = hashParams();
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(this.storeKey) || 'null'); } catch { /* storage blocked */ }
    if (hp) {
      const all = [...document.querySelectorAll(TAG)], id = hp.get('id');
      const target = id ? all.find((e) => e.id === id) : all[0];
      if (target === this && !(saved && saved.h === location.hash)) { st = fromParams(hp); applied = location.hash; }
    }
    if (!st && saved && typeof saved.p === 'string') { st = fromParams(new URLSearchParams(saved.p)); applied = saved.h || ''; }
    this.st = st || blank();
    this.applied = applied;
    for (const k of AMOUNTS) if (this.st[k]) this.touched[k] = true;
    // dataset-key: a dataset the page already loaded with loadDataset(json, key) (the validator page's preview).
    if (!this.getAttribute('data-src')) this.key = this.getAttribute('dataset-key') || '';
    this.build();
    if (this.getAttribute('data-src')) this.loadSrc();
  }

  info() {
    try { this.ds = this.m.datasetInfo(this.L, this.key); } catch (e) { console.error('sme-export: dataset', e); this.ds = null; }
    return this.ds;
  }

  /** (Re)builds the whole widget from the state: on start, language change and dataset change. */
  build() {
    this.chartOpts = null; this.kept = {}; this.cvP = this.cvR = null;
    const ds = this.info();
    this.wrap.lang = this.L;
    if (!ds) { this.wrap.replaceChildren(h('p', { class: 'msg err', role: 'alert' }, this.t('loadFail'))); return; }
    const st = this.st, act = this.root.activeElement, focusKey = act?.dataset?.k, sel = act && act.type === 'text' ? [act.selectionStart, act.selectionEnd] : null;
    const sectors = ds.sectors.map((s) => s.id), markets = ds.markets.map((x) => x.id);
    if (!sectors.includes(st.sector)) st.sector = sectors.includes(this.getAttribute('sector')) ? this.getAttribute('sector') : '';
    if (!markets.includes(st.market)) st.market = markets.includes(this.getAttribute('market')) ? this.getAttribute('market') : markets[0] || '';

    const f = this.fields = {};
    const field = (k, control, hint) => {
      const errId = 'e-' + k, hintId = 'h-' + k;
      f[k] = { control, err: h('p', { id: errId, class: 'err', hidden: true }), echo: AMOUNTS.includes(k) ? h('p', { id: 'x-' + k, class: 'echo' }) : null };
      control.id = 'f-' + k; control.dataset.k = k;
      const desc = [hint && hintId, f[k].echo && 'x-' + k].filter(Boolean).join(' ');
      if (desc) control.setAttribute('aria-describedby', desc);
      return h('div', { class: 'field' }, h('label', { for: 'f-' + k }, this.t(k)), hint && h('p', { id: hintId, class: 'hint' }, hint), control, f[k].echo, f[k].err);
    };
    const onInput = (k) => (e) => { st[k] = e.target.value; this.touched[k] = true; this.schedule(); };
    const amount = (k) => field(k, h('input', { type: 'text', inputmode: 'text', autocomplete: 'off', spellcheck: 'false', value: st[k], oninput: onInput(k), onblur: () => { if (!this.touched[k]) { this.touched[k] = true; this.schedule(); } } }), this.t('amountHint'));

    const secSel = h('select', { onchange: onInput('sector') }, h('option', { value: '' }, this.t('choose')),
      ds.sectors.map((s) => h('option', { value: s.id }, s.name)));
    secSel.value = st.sector;
    const groups = ds.regions.map((r) => [r.name, ds.markets.filter((x) => x.region === r.id)]);
    const rest = ds.markets.filter((x) => !ds.regions.some((r) => r.id === x.region));
    if (rest.length) groups.push([this.t('other'), rest]);
    const mktSel = h('select', { onchange: onInput('market') },
      groups.filter((g) => g[1].length).map(([name, list]) => h('optgroup', { label: name }, list.map((x) => h('option', { value: x.id }, x.name)))));
    mktSel.value = st.market;

    const radios = QS.map((q) => {
      const cur = st.q[q] === true ? 'y' : st.q[q] === false ? 'n' : 'u';
      return h('fieldset', { class: 'q' }, h('legend', null, this.t(q)), h('div', { class: 'opts' },
        [['y', 'yes'], ['n', 'no'], ['u', 'unk']].map(([v, lab]) => h('label', { class: 'opt' },
          h('input', { type: 'radio', name: 'q-' + q, value: v, checked: v === cur, 'data-k': 'q-' + q + v,
            onchange: () => { st.q[q] = v === 'y' ? true : v === 'n' ? false : null; this.schedule(); } }), ' ', this.t(lab)))));
    });
    const more = h('details', { class: 'more', open: st.open, ontoggle: (e) => { st.open = e.target.open; this.save(); } },
      h('summary', null, this.t('more')),
      h('div', { class: 'more-body' },
        h('p', { class: 'hint' }, this.t('moreHint')),
        AMOUNTS.slice(1).map(amount),
        h('div', { class: 'field check' },
          h('label', { class: 'opt' }, h('input', { type: 'checkbox', id: 'f-mc', 'data-k': 'mc', checked: st.mc, 'aria-describedby': 'h-mc', onchange: (e) => { st.mc = e.target.checked; this.schedule(); } }), ' ', this.t('medCorp')),
          h('p', { id: 'h-mc', class: 'hint' }, this.t('medCorpHint'))),
        h('fieldset', { class: 'ready' }, h('legend', null, this.t('readinessH')), radios)));

    this.form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'inH', onsubmit: (e) => e.preventDefault() },
      this.hx(0, this.t('inputH'), { id: 'inH' }),
      h('p', { class: 'privacy' }, this.t('privacy')),
      amount('revenueKrw'), field('sector', secSel), field('market', mktSel), more);

    this.note = h('p', { class: 'stale-note', hidden: true }, this.t('stale'));
    this.share = h('div', { class: 'share', hidden: true });
    this.actions = h('div', { class: 'actions', hidden: true },
      h('button', { type: 'button', class: 'btn', onclick: () => this.copyLink() }, this.t('copy')),
      h('button', { type: 'button', class: 'btn', onclick: () => print() }, this.t('print')),
      h('button', { type: 'button', class: 'btn', onclick: () => this.downloadCsv() }, this.t('csv')));
    this.body = h('div', { class: 'body' }, h('p', { class: 'placeholder' }, this.t('placeholder')));
    this.results = h('section', { class: 'r', 'aria-labelledby': 'rH' }, this.hx(0, this.t('resultsH'), { id: 'rH' }), this.actions, this.share, this.note, this.body);
    this.live = h('div', { class: 'sr', 'aria-live': 'polite', role: 'status' });
    this.dsNote ||= h('p', { class: 'msg warn', role: 'status', hidden: true });
    this.foot = h('p', { class: 'foot' });
    this.wrap.replaceChildren(this.dsNote, h('div', { class: 'grid' }, this.form, this.results), this.foot, this.live);
    this.last = null;
    this.update();
    this.style.minHeight = '';
    const el = focusKey && this.root.querySelector(`[data-k="${CSS.escape(focusKey)}"]`);
    if (el) { el.focus(); if (sel) el.setSelectionRange(sel[0], sel[1]); }
  }

  /** Debounce by animation frame: 'u' = recalculate, 'charts' = redraw only. */
  schedule(what = 'u') {
    this.pending = this.pending === 'u' ? 'u' : what;
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => { const w = this.pending; this.raf = 0; this.pending = null; if (!this.m || !this.fields) return; if (w === 'u') this.update(); else this.drawCharts(); });
  }

  input() {
    const st = this.st, q = {};
    for (const k of QS) if (st.q[k] === true || st.q[k] === false) q[k] = st.q[k];
    const i = { revenueKrw: st.revenueKrw, sector: st.sector, market: st.market, currentExportsKrw: st.currentExportsKrw, exportsToMarketKrw: st.exportsToMarketKrw, totalAssetsKrw: st.totalAssetsKrw, readiness: q, lang: this.L, today: todayIso() };
    if (st.mc) i.medicalCorporation = true;
    if (this.key) i.dataset = this.key;
    return i;
  }

  save() {
    try { sessionStorage.setItem(this.storeKey, JSON.stringify({ p: toParams(this.st).toString(), h: this.applied })); } catch { /* storage blocked */ }
  }

  update() {
    const m = this.m, L = this.L, input = this.input();
    this.save();
    for (const k of AMOUNTS) {
      const echo = this.fields[k].echo, txt = String(this.st[k] || '').trim();
      let s = '';
      if (txt) { try { const won = m.parseAmount(txt, L); s = m.formatAmount(won, L) + ' (' + this.t('about') + ' ' + m.formatUsd(won / this.ds.krwPerUsd, L) + ')'; } catch { /* shown as an error */ } }
      echo.textContent = s; echo.hidden = !s;
    }
    let r = null, errs = [];
    try { r = m.estimate(input); } catch (e) {
      if (!Array.isArray(e?.errors)) { console.error('sme-export:', e); errs = []; } else errs = e.errors;
    }
    for (const k in this.fields) {
      const fl = this.fields[k], er = errs.find((x) => x.field === k);
      const show = er && (this.touched[k] || String(this.st[k] || '').trim() !== '');
      fl.err.textContent = show ? er.message : ''; fl.err.hidden = !show;
      const c = fl.control, ids = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== fl.err.id);
      if (show) { c.setAttribute('aria-invalid', 'true'); ids.push(fl.err.id); } else c.removeAttribute('aria-invalid');
      if (ids.length) c.setAttribute('aria-describedby', ids.join(' ')); else c.removeAttribute('aria-describedby');
    }
    if (r) {
      this.last = r; this.lastInput = input;
      this.note.hidden = true; this.body.classList.remove('stale'); this.actions.hidden = false;
      this.render(r);
      this.dispatchEvent(new CustomEvent('sme-export:result', { detail: r, bubbles: true, composed: true }));
      const e = r.support.filter((s) => s.outcome === 'eligible').length, q = r.support.filter((s) => s.outcome === 'maybe').length;
      this.announce(this.t('live', { size: r.sme.label, m: r.potential.marketName, b: m.formatAmount(sig3(r.potential.baseKrw), L), e, q }));
    } else if (this.last) {
      this.note.hidden = false; this.body.classList.add('stale');
      const shown = errs.find((x) => this.fields[x.field] && !this.fields[x.field].err.hidden);
      if (shown) this.announce(shown.message);
    }
    this.foot.textContent = this.t('footer', { v: this.ds.version, d: this.ds.figuresAsOf, r: nf(L).format(this.ds.krwPerUsd) });
  }

  announce(text) {
    clearTimeout(this.liveT);
    this.liveT = setTimeout(() => { this.live.textContent = text; }, 500);
  }

  /** Remembered open/closed state of a results <details> across re-renders. */
  det(name, summary, ...kids) {
    return h('details', { 'data-n': name, open: this.printing || this.opened.has(name), ontoggle: (e) => { if (!this.printing) e.target.open ? this.opened.add(name) : this.opened.delete(name); } }, h('summary', null, summary), ...kids);
  }

  table(cols, rows, cls) {
    return h('div', { class: 'tw' }, h('table', { class: cls },
      h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { 'data-l': cols[i] }, c === '' ? null : h('span', null, c)))))))));
  }

  badge(text, cls = 'b-warn') { return h('span', { class: 'badge ' + cls }, text); }
  link(url, text) { const u = safeUrl(url); return u ? h('a', { href: u, target: '_blank', rel: 'noopener noreferrer' }, text, h('span', { class: 'sr' }, ' ' + this.t('newWin'))) : null; }

  pct(x) { return nf(this.L, { style: 'percent', maximumSignificantDigits: 3 }).format(x); }

  render(r) {
    const m = this.m, L = this.L, fa = (x) => m.formatAmount(sig3(x), L), fx = (x) => m.formatAmount(x, L), fu = (x) => m.formatUsd(x, L), p = r.potential, s = r.sme;
    const card = (cls, title, ...kids) => h('section', { class: 'card ' + cls }, this.hx(1, title), ...kids);
    const range = (a, b) => fa(a) + this.t('to') + fa(b);

    const smeCard = card('sme', this.t('smeH'),
      h('p', { class: 'big' }, h('span', { class: 'badge b-' + s.size }, s.label)),
      h('ul', { class: 'reasons' }, s.reasons.map((x) => h('li', null, x))),
      s.revisionWarning && h('p', { class: 'msg warn' }, s.revisionWarning),
      h('dl', { class: 'kv' },
        h('dt', null, this.t('limits')), h('dd', null, this.t('smallUpTo', { x: fx(s.smallMaxKrw) }) + ' · ' + this.t('mediumUpTo', { x: fx(s.mediumMaxKrw) }), s.thresholdAssumed && [' ', this.badge(this.t('assumed'))]),
        h('dt', null, this.t('tableApplied')), h('dd', null, s.table),
        h('dt', null, this.t('effective')), h('dd', null, s.tableEffective),
        h('dt', null, this.t('source')), h('dd', null, s.tableSource)),
      h('p', null, this.link(s.confirmAt, this.t('confirm'))));

    const last = p.years[p.years.length - 1] || { year: '', baseKrw: p.baseKrw, lowKrw: p.lowKrw, highKrw: p.highKrw }, first = p.years[0] || last;
    // The canvases live as long as the build: a new canvas per keystroke meant a new backing store.
    this.cvP ||= h('canvas', { class: 'chart', role: 'img' });
    this.cvP.setAttribute('aria-label', this.t('yearsAlt', { m: p.marketName, y0: first.year, b0: fa(first.baseKrw), y1: last.year, b1: fa(last.baseKrw), lo: fa(last.lowKrw), hi: fa(last.highKrw) }));
    const hasCharts = typeof m.drawPotentialChart === 'function';
    const potCard = card('pot', this.t('potH', { m: p.marketName }),
      h('div', { class: 'figs' },
        h('div', { class: 'fig main' }, h('p', { class: 'lab' }, this.t('base')), h('p', { class: 'num' }, fa(p.baseKrw)), h('p', { class: 'sub' }, fu(p.baseUsd))),
        h('div', { class: 'fig' }, h('p', { class: 'lab' }, this.t('range')), h('p', { class: 'num sm' }, range(p.lowKrw, p.highKrw)), h('p', { class: 'sub' }, fu(p.lowUsd) + this.t('to') + fu(p.highUsd))),
        h('div', { class: 'fig' }, h('p', { class: 'lab' }, this.t('untapped')), h('p', { class: 'num sm' }, fa(p.untappedKrw)), h('p', { class: 'sub' }, fu(p.untappedUsd)))),
      p.untappedAssumesNoExports && h('p', { class: 'note' }, this.t('untappedNote')),
      h('p', { class: 'note' }, this.t('readiness', { s: this.pct(p.readinessScore) }), p.unansweredQuestions > 0 && ' · ' + this.t('unanswered', { n: p.unansweredQuestions })),
      this.hx(2, this.t('yearsH')),
      h('div', { class: 'cw', hidden: !hasCharts }, this.cvP),
      this.det('years', this.t('tableView'), this.table([this.t('year'), this.t('low'), this.t('central'), this.t('high')], p.years.map((y) => [String(y.year), fa(y.lowKrw), fa(y.baseKrw), fa(y.highKrw)]), 'num-t yrs')),
      this.det('factors', this.t('factorsH'), h('p', { class: 'hint' }, this.t('factorsIntro')),
        this.table([this.t('factor'), this.t('value'), this.t('source'), this.t('year')],
          p.factors.map((f) => [f.label, f.display, [f.source, f.assumption && [' ', this.badge(this.t('assumed'))]], f.year == null ? '' : String(f.year)]), 'factors stk')));

    const sel = r.ranking.find((x) => x.selected) || r.ranking[0] || {};
    const regionName = (id) => (this.ds.regions.find((x) => x.id === id) || {}).name || id;
    this.cvR ||= h('canvas', { class: 'chart', role: 'img' });
    this.cvR.setAttribute('aria-label', this.t('rankAlt', { n: r.ranking.length, a: (r.ranking[0] || {}).name, m: sel.name, r: sel.rank }));
    this.cvR.style.height = Math.max(200, r.ranking.length * 30 + 40) + 'px';
    const rankCard = card('rank', this.t('rankH'),
      h('div', { class: 'cw', hidden: !hasCharts }, this.cvR),
      this.det('rank', this.t('tableView'), this.table([this.t('rank'), this.t('marketC'), this.t('region'), this.t('central'), this.t('range')],
        r.ranking.map((x) => [String(x.rank), x.selected ? h('strong', null, x.name) : x.name, regionName(x.region), fa(x.baseKrw), range(x.lowKrw, x.highKrw)]), 'num-t stk')));

    const pl = r.plan;
    const planCard = card('plan', this.t('planH'), h('p', null, pl.summary),
      h('p', null, this.t('planShare', { y: pl.targetYear, p: this.pct(pl.firmShareOfTarget) })),
      h('p', { class: 'src' }, this.t('source') + ': ' + pl.source));

    // What to confirm is the list of "maybe" reasons, each already marked in the programme's list.
    const supCard = this.keep('sup', r.support, () => card('sup', this.t('supportH'), h('p', { class: 'hint' }, this.t('supportIntro')), r.support.length ? OUTCOMES.map((o) => {
      const items = r.support.filter((x) => x.outcome === o);
      if (!items.length) return null;
      const list = h('ul', { class: 'progs' }, items.map((x) => h('li', { class: 'prog o-' + o },
        h('p', { class: 'pname' }, x.name),
        h('dl', { class: 'kv' },
          h('dt', null, this.t('agency')), h('dd', null, x.agency),
          h('dt', null, this.t('offers')), h('dd', null, x.offers),
          h('dt', null, this.t('statusL')), h('dd', null, (this.t('st')[x.status] || x.status) + (x.statusNote ? ' · ' + x.statusNote : '')),
          x.nextStep && [h('dt', null, this.t('nextStep')), h('dd', null, x.nextStep)]),
        h('ul', { class: 'crit' }, x.reasons.map((c) => { const lab = this.t('mk')[c.outcome] || ''; return h('li', { class: 'c-' + c.outcome },
          h('span', { class: 'mk', 'aria-hidden': 'true' }, MARK[c.outcome] || '·'), !c.reason.startsWith(lab) && h('span', { class: 'sr' }, lab + ': '), c.reason); })),
        h('p', { class: 'src' }, this.t('source') + ': ' + x.source, x.url && ' · ', this.link(x.url, this.t('details'))))));
      const head = items[0].outcomeLabel + ' (' + items.length + ')';
      return h('div', { class: 'og og-' + o }, o === 'ineligible' ? this.det('inel', head, list) : [this.hx(2, head), list]);
    }) : h('p', null, this.t('none'))));

    const asCard = r.assumptions.length ? this.keep('assum', r.assumptions, () => card('assum', this.t('assumH'), h('p', { class: 'hint' }, this.t('assumIntro')), h('ul', null, r.assumptions.map((a) => h('li', null, a))))) : null;

    // Swap only the cards that changed: a kept card stays in place, so the browser does not lay
    // out the support list again on every keystroke.
    const cards = [smeCard, potCard, rankCard, planCard, supCard, asCard].filter(Boolean);
    let box = this.body.firstElementChild;
    if (!box?.classList.contains('cards')) this.body.replaceChildren(box = h('div', { class: 'cards' }));
    cards.forEach((c, i) => { const cur = box.children[i]; if (cur !== c) cur ? box.replaceChild(c, cur) : box.append(c); });
    while (box.children.length > cards.length) box.lastElementChild.remove();
    this.drawCharts();
  }

  /** The card built last time for the same data (a keystroke in the revenue field rarely changes
   *  the support list): the biggest part of the results is then not rebuilt. Reset by build(). */
  keep(name, data, make) {
    const key = JSON.stringify(data), k = this.kept[name];
    if (k && k.key === key) return k.node;
    const node = make();
    this.kept[name] = { key, node };
    return node;
  }

  /** Colours, font and density for the charts. Reading computed styles forces a style pass, so
   *  this is worked out once per build, resize, density change or print, not per keystroke. */
  chartOptions() {
    if (this.chartOpts) return this.chartOpts;
    // Theme colours may be any CSS colour (names, hsl()): let the browser resolve them to rgb().
    if (!this.probe?.isConnected) this.probe = this.wrap.appendChild(h('span', { hidden: true, 'aria-hidden': 'true' }));
    const cs = getComputedStyle(this.wrap), pc = getComputedStyle(this.probe);
    const v = (n) => { this.probe.style.color = ''; this.probe.style.color = cs.getPropertyValue(n).trim(); return pc.color; };
    return this.chartOpts = {
      dpr: Math.max(devicePixelRatio || 1, this.printing ? 2 : 1), lang: this.L, font: cs.fontFamily,
      colors: { text: v('--sme-text'), muted: v('--sme-muted'), grid: v('--sme-chart-grid'), primary: v('--sme-primary'), band: v('--sme-chart-band'), reference: v('--sme-chart-reference'), highlight: v('--sme-chart-highlight'), bar: v('--sme-chart-bar') },
    };
  }

  /** Draws the charts of the result shown (`this.last`, as estimate() returned it); the engine
   *  sizes each canvas's backing store to its CSS size × devicePixelRatio. */
  drawCharts() {
    if (!this.last || !this.cvP) return;
    const m = this.m, opts = this.chartOptions();
    for (const [cv, fn] of [[this.cvP, m.drawPotentialChart], [this.cvR, m.drawRankingChart]]) {
      if (typeof fn !== 'function' || !cv.isConnected) continue;
      try { fn(cv, this.last, opts); } catch (e) { console.warn('sme-export: chart', e); }
    }
  }

  shareUrl() { return location.href.split('#')[0] + HASH + toParams(this.st, this.id).toString(); }

  async copyLink() {
    const url = this.shareUrl();
    try {
      await navigator.clipboard.writeText(url);
      this.share.replaceChildren(h('p', { class: 'msg ok', role: 'status' }, this.t('copied')));
    } catch {
      const inp = h('input', { type: 'text', readonly: true, id: 'share-url', value: url, onfocus: (e) => e.target.select() });
      this.share.replaceChildren(h('p', { class: 'msg', role: 'status' }, this.t('copyManual')), h('label', { for: 'share-url', class: 'sr' }, this.t('linkLabel')), inp);
      this.share.hidden = false;
      inp.focus();
    }
    this.share.hidden = false;
  }

  downloadCsv() {
    const r = this.last;
    if (!r) return;
    const m = this.m, L = this.L, fa = (x) => m.formatAmount(sig3(x), L), p = r.potential, T = (k) => this.t(k);
    const rows = [T('csvCols')];
    const add = (sec, item, val, note = '') => rows.push([sec, item, val, note]);
    const li = this.lastInput; // the input of the results shown (the form may hold an invalid edit)
    for (const k of AMOUNTS) if (li[k]) { let v = ''; try { v = m.formatAmount(m.parseAmount(li[k], L), L); } catch { /* keep blank */ } add(T('csvIn'), T(k), li[k], v); }
    add(T('csvIn'), T('sector'), (this.ds.sectors.find((x) => x.id === li.sector) || {}).name || '');
    add(T('csvIn'), T('market'), p.marketName);
    add(T('smeH'), T('smeH'), r.sme.label, r.sme.reasons.join(' / '));
    add(T('smeH'), T('tableApplied'), r.sme.table, r.sme.tableEffective + ' · ' + r.sme.tableSource);
    if (r.sme.revisionWarning) add(T('smeH'), '!', r.sme.revisionWarning);
    add(T('potH').replace('{m}', p.marketName), T('base'), Math.round(p.baseKrw), fa(p.baseKrw));
    add(T('potH').replace('{m}', p.marketName), T('low'), Math.round(p.lowKrw), fa(p.lowKrw));
    add(T('potH').replace('{m}', p.marketName), T('high'), Math.round(p.highKrw), fa(p.highKrw));
    add(T('potH').replace('{m}', p.marketName), T('untapped'), Math.round(p.untappedKrw), p.untappedAssumesNoExports ? T('untappedNote') : '');
    for (const y of p.years) add(T('yearsH'), y.year, Math.round(y.baseKrw), fa(y.lowKrw) + T('to') + fa(y.highKrw));
    for (const f of p.factors) add(T('factorsH'), f.label, f.value, [f.unit, f.source, f.year, f.assumption ? T('assumed') : ''].filter((x) => x != null && x !== '').join(' · '));
    for (const x of r.ranking) add(T('rankH'), x.rank + '. ' + x.name, Math.round(x.baseKrw), fa(x.lowKrw) + T('to') + fa(x.highKrw));
    add(T('planH'), r.plan.name, r.plan.summary, r.plan.source);
    for (const s of r.support) add(T('supportH'), s.name, s.outcomeLabel, s.reasons.map((c) => (this.t('mk')[c.outcome] || '') + ': ' + c.reason).join(' / '));
    for (const a of r.assumptions) add(T('assumH'), a, T('assumed'));
    add('', T('footer').split('·')[0].replace('{v}', '').trim(), r.datasetVersion, r.figuresAsOf);
    const text = '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: T('csvName') + '-' + todayIso() + '.csv', hidden: true });
    this.wrap.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async loadSrc() {
    const src = this.getAttribute('data-src');
    const back = (why, problems) => {
      if (this.key) { this.key = ''; this.build(); }
      this.dsNote.textContent = this.t('dsFail', { p: why }); this.dsNote.hidden = false;
      console.warn('sme-export: dataset ' + src + ' not used: ' + why, problems || '');
    };
    if (!src) { const k = this.getAttribute('dataset-key') || ''; this.dsNote.hidden = true; if (this.key !== k) { this.key = k; this.build(); } return; }
    let url;
    try { url = new URL(src, document.baseURI).href; } catch { return back(this.t('dsNet')); }
    const ctl = new AbortController(), timer = setTimeout(() => ctl.abort(), 8000);
    let text;
    try {
      const res = await fetch(url, { signal: ctl.signal, credentials: 'same-origin' });
      if (!res.ok) return back(this.t('dsHttp', { s: res.status }));
      text = await res.text();
    } catch (e) {
      return back(e && e.name === 'AbortError' ? this.t('dsTimeout') : this.t('dsNet'), e);
    } finally { clearTimeout(timer); }
    if (this.getAttribute('data-src') !== src) return;
    let rep;
    try { rep = this.m.loadDataset(text, url); } catch (e) { rep = { ok: false, problems: e.problems || [{ path: '$', message: String(e) }] }; }
    if (!rep.ok) {
      // The notice names the problem in the page's language; the console gets every problem with its JSON path.
      const pr = rep.problems || [], one = pr.length === 1 && DS_KIND[pr[0].kind];
      const n = pr.filter((x) => x.kind !== 'truncated').length + (pr.some((x) => x.kind === 'truncated') ? '+' : '');
      return back(one ? this.t(one) : this.t(pr.length === 1 ? 'dsProblem1' : 'dsProblems', { n }), pr.map((x) => x.message + (x.hint ? ' (' + x.hint + ')' : '')).join('\n'));
    }
    this.dsNote.hidden = true;
    this.key = url;
    this.build();
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, SmeExportCalculator);
