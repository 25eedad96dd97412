// The dataset validator page (dataset.html): checks a dataset JSON with the widget's own engine and,
// when it is valid, runs <sme-export-calculator> on it as a live preview.
//
// The file is read with FileReader and never leaves the browser: no fetch, no upload. Its content
// is untrusted: everything from it reaches the page through textContent / text nodes only (no
// innerHTML), and only as text. CSP-safe: no inline script or style, no eval, no blob: fetch.
//
// Preview: the element loads figures from a `data-src` URL, which a dropped file does not have
// (and `connect-src 'self'` forbids fetching a blob: URL). So this page loads the text itself with
// `loadDataset(text, key)` in the same engine instance the element uses (same ./pkg/ module), then
// creates a fresh element. If the element supports a `dataset-key` attribute (an already-loaded
// key), the file is loaded under its own key and given to the element; otherwise under the key ""
// (the page-wide default, fine on this page where the preview is the only widget).
//
// Comparison: for a valid file the engine's `comparePanel` (./pkg-validator/) runs the reference panel of firms
// (./panel.csv, copied from data/panel.csv by scripts/build.sh and fetched once when the page
// opens, before any file is picked) through the built-in figures and the file's, and the page
// shows its counts and largest changes as the engine words and orders them: the same comparison
// as `sme-export compare`.

import init, { validateDataset, loadDataset, resetDataset, datasetInfo } from './pkg/sme_export.js';
// The validator's own build of the engine: the same code plus comparePanel (feature `validator`),
// kept out of ./pkg/, which every page with the widget downloads. A second instance: it holds no
// loaded dataset, only the built-in figures it compares against.
import initValidator, { comparePanel } from './pkg-validator/sme_export.js';

const TAG = 'sme-export-calculator';
const PREVIEW_KEY = 'dataset-validator:preview';
/** Files above this are not read at all (the engine accepts at most 8 MiB). */
const MAX_READ = 16 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
const fileInput = /** @type {HTMLInputElement} */ ($('file')),
  drop = $('drop'),
  fileName = $('file-name'),
  live = $('live');
const result = $('result'),
  verdict = $('verdict'),
  summary = $('summary'),
  problemsBox = $('problems');
const comparisonBox = $('comparison');
const preview = $('preview'),
  previewHost = $('preview-host'),
  previewLang = /** @type {HTMLSelectElement} */ ($('preview-lang'));

/** h('p', {class: 'x'}, 'text', child): DOM only; strings become text nodes. */
function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of kids.flat(4)) if (c != null && c !== false) e.append(c);
  return e;
}
const en = (text) => h('span', { lang: 'en', class: 't-en' }, text);
const num = (n) => new Intl.NumberFormat('ko').format(n);
const bytes = (n) =>
  n < 1024
    ? num(n) + ' B'
    : n < 1048576
      ? num(Math.round(n / 102.4) / 10) + ' KB'
      : num(Math.round(n / 104857.6) / 10) + ' MB';
/** Long untrusted strings shortened for display. */
const cut = (s, n = 200) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

let enginePromise;
// The widget's .wasm, compiled once for the page: the element's module (loaded for the preview)
// takes this same promise from the global key instead of fetching the file again.
const WASM_KEY = Symbol.for('sme-export:wasm');
const engine = () =>
  (enginePromise ||= Promise.all([
    init({
      module_or_path: (globalThis[WASM_KEY] ||= WebAssembly.compileStreaming(
        fetch(new URL('./pkg/sme_export_bg.wasm', import.meta.url)),
      )),
    }),
    initValidator(),
  ]).then(() => {
    builtInVersion = datasetInfo('ko').version;
  }));
let builtInVersion = '';
/** How many changes the page lists (the command line lists them all). */
const MAX_ROWS = 20;
/** The reference panel's text, fetched once; null when it could not be fetched. */
const panelText = fetch('./panel.csv')
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
  .catch((e) => {
    console.warn('dataset validator: no reference panel (panel.csv):', e);
    return null;
  });

/** Announces through the live region (cleared first so the same words are read again). */
function announce(text) {
  live.textContent = '';
  setTimeout(() => {
    live.textContent = text;
  }, 50);
}

// ---- choosing a file -------------------------------------------------------------------------------

fileInput.addEventListener('change', () => {
  const f = fileInput.files && fileInput.files[0];
  if (f) readFile(f);
  // Choosing the same (edited) file again must fire "change" again.
  fileInput.value = '';
});

for (const ev of ['dragenter', 'dragover']) {
  drop.addEventListener(ev, (/** @type {DragEvent} */ e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    drop.classList.add('over');
  });
}
drop.addEventListener('dragleave', (e) => {
  if (!drop.contains(/** @type {Node} */ (e.relatedTarget))) drop.classList.remove('over');
});
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
  if (f) readFile(f);
});
// A file dropped beside the box must not make the browser leave the page to open it.
for (const ev of ['dragover', 'drop'])
  window.addEventListener(ev, (e) => {
    if (!drop.contains(/** @type {Node} */ (e.target))) e.preventDefault();
  });

function readFile(file) {
  fileName.hidden = false;
  fileName.replaceChildren(h('strong', null, cut(file.name, 120)), ` (${bytes(file.size)})`);
  if (file.size > MAX_READ) {
    showFailure(
      `파일이 너무 큽니다(${bytes(file.size)}). 8MiB까지 검사할 수 있습니다.`,
      `The file is too large (${bytes(file.size)}); at most 8 MiB.`,
    );
    return;
  }
  const reader = new FileReader();
  reader.onload = () => check(String(reader.result), file.name);
  reader.onerror = () =>
    showFailure('파일을 읽지 못했습니다. 다시 골라 보세요.', 'The file could not be read; choose it again.');
  reader.readAsText(file, 'utf-8');
}

// ---- checking --------------------------------------------------------------------------------------

async function check(text, name) {
  try {
    await engine();
  } catch (e) {
    console.error('dataset validator: could not load the engine', e);
    showFailure(
      '검사 엔진을 불러오지 못했습니다. 페이지를 새로 고쳐 주세요.',
      'The engine could not be loaded; reload the page.',
    );
    return;
  }
  const rep = validateDataset(text);
  let doc = null;
  try {
    doc = JSON.parse(text);
  } catch {
    /* the loader reports the syntax error */
  }
  const encodingWarning = text.includes('\uFFFD');
  result.hidden = false;
  if (rep.ok) {
    await showValid(text, doc, name, encodingWarning);
    const cmp = await showComparison(text);
    announce(
      `유효한 파일입니다. 버전 ${rep.version}. The file is valid.` +
        (cmp ? ` ${cmp.ko.summary} ${cmp.en.summary}` : ''),
    );
  } else {
    hidePreview();
    comparisonBox.replaceChildren();
    showProblems(rep.problems, doc, name, encodingWarning);
    const n = rep.problems.length;
    const more = rep.problems.some((p) => p.kind === 'truncated');
    announce(`문제 ${num(n)}개를 찾았습니다${more ? '(일부만 표시)' : ''}. ${n} problem${n === 1 ? '' : 's'} found.`);
  }
}

function showFailure(ko, english) {
  result.hidden = false;
  hidePreview();
  comparisonBox.replaceChildren();
  verdict.replaceChildren(
    h(
      'p',
      { class: 'verdict err' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, '!'),
      h('span', null, ko, ' ', en(english)),
    ),
  );
  summary.replaceChildren();
  problemsBox.replaceChildren();
  announce(ko + ' ' + english);
}

function encodingNote() {
  return h(
    'p',
    { class: 'msg warn' },
    '파일에 읽을 수 없는 글자(�)가 있습니다. 파일이 UTF-8이 아닌 것(예: EUC-KR) 같습니다. 편집기에서 UTF-8로 다시 저장하세요. ',
    en('The file contains unreadable characters (�): it is probably not UTF-8 (e.g. EUC-KR). Save it again as UTF-8.'),
  );
}

// ---- problems -------------------------------------------------------------------------------------------

/** The value at a loader path ("$.markets[3].distanceKm.value") in the parsed file, if any. */
function valueAt(doc, path) {
  if (doc === null || !path.startsWith('$')) return { found: false };
  let cur = doc;
  const re = /\.([^.[\]]+)|\[(\d+)\]/g;
  let m,
    pos = 1;
  while ((m = re.exec(path)) !== null) {
    if (m.index !== pos) return { found: false };
    pos = re.lastIndex;
    const key = m[1] !== undefined ? m[1] : Number(m[2]);
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key))
      return { found: false };
    cur = cur[key];
  }
  return pos === path.length ? { found: true, value: cur } : { found: false };
}

function shownValue(v) {
  let s;
  // A very deep document makes JSON.stringify and String() throw "too much recursion" (Firefox).
  try {
    s = JSON.stringify(v);
  } catch {
    try {
      s = String(v);
    } catch {
      s = '…';
    }
  }
  return cut(s === undefined ? String(v) : s, 160);
}

/** A JSON path with line-break opportunities before each "." and "[" (text nodes and <wbr> only). */
function breakable(path) {
  return path.split(/(?=[.[])/).flatMap((part, i) => (i ? [h('wbr'), part] : [part]));
}

function problemLines(problems) {
  return (
    problems
      .map(
        (p) =>
          `${p.path}: ${p.kind}: ${p.message.startsWith(p.path + ': ') ? p.message.slice(p.path.length + 2) : p.message} (hint: ${p.hint})`,
      )
      .join('\n') + '\n'
  );
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function showProblems(problems, doc, name, encodingWarning) {
  const n = problems.length;
  verdict.replaceChildren(
    h(
      'p',
      { class: 'verdict err' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, '✕'),
      h(
        'span',
        null,
        `쓸 수 없는 파일입니다: 문제 ${num(n)}개. `,
        en(`Not usable: ${n} problem${n === 1 ? '' : 's'}.`),
      ),
    ),
  );
  summary.replaceChildren(
    ...(encodingWarning ? [encodingNote()] : []),
    h(
      'p',
      { class: 'hint' },
      '이 파일을 data-src로 지정하면 위젯은 내장 수치를 그대로 쓰고 경고를 보이며, 브라우저 콘솔에 아래 문제를 남깁니다. 아래 문제를 모두 고친 뒤 파일을 다시 고르세요. ',
      en(
        'A widget given this file keeps its built-in figures, shows a notice and logs these problems to the console. Fix them all, then choose the file again.',
      ),
    ),
  );
  const base =
    String(name || 'dataset')
      .replace(/\.json$/i, '')
      .replace(/[^\w.\-가-힣]+/g, '_')
      .slice(0, 60) || 'dataset';
  const list = h(
    'ol',
    { class: 'problems' },
    problems.map((p) => {
      // No "value now" for a missing field, nor for the whole file (too large, too deep).
      const v = p.kind === 'missing' || p.path === '$' ? { found: false } : valueAt(doc, p.path);
      const detail = p.message.startsWith(p.path + ': ') ? p.message.slice(p.path.length + 2) : p.message;
      return h(
        'li',
        { class: 'problem' },
        h(
          'p',
          { class: 'p-head' },
          h('code', { class: 'p-path' }, breakable(p.path)),
          ' ',
          h('span', { class: 'p-kind', title: '문제 종류 · kind' }, p.kind),
        ),
        h('p', { class: 'p-ko' }, p.hintKo || p.hint),
        h('p', { class: 'p-en', lang: 'en' }, h('span', { class: 'p-label' }, 'Fix: '), p.hint),
        h('p', { class: 'p-msg', lang: 'en' }, h('span', { class: 'p-label' }, 'Engine: '), detail),
        v.found
          ? h(
              'p',
              { class: 'p-val' },
              h('span', { class: 'p-label' }, '현재 값 · value now: '),
              h('code', null, shownValue(v.value)),
            )
          : null,
      );
    }),
  );
  problemsBox.replaceChildren(
    h(
      'div',
      { class: 'problems-head' },
      h('h3', null, `문제 목록 (${num(n)}) `, en('Problems')),
      h(
        'button',
        { type: 'button', class: 'btn', onclick: () => download(`${base}-problems.txt`, problemLines(problems)) },
        h('span', null, '목록을 텍스트로 저장 ', en('Save as text')),
      ),
    ),
    list,
  );
}

// ---- valid file ------------------------------------------------------------------------------------------

/** Counts the figures (objects with a numeric "value" and a "unit") and the assumed ones. */
function countFigures(x, acc = { all: 0, assumed: 0 }, depth = 0) {
  if (depth > 64 || x === null || typeof x !== 'object') return acc;
  if (!Array.isArray(x) && typeof x.value === 'number' && typeof x.unit === 'string') {
    acc.all++;
    if (x.assumption === true) acc.assumed++;
  }
  for (const k in x) countFigures(x[k], acc, depth + 1);
  return acc;
}

async function showValid(text, doc, name, encodingWarning) {
  verdict.replaceChildren(
    h(
      'p',
      { class: 'verdict ok' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'),
      h('span', null, '유효한 데이터 파일입니다. ', en('The file is valid.')),
    ),
  );
  const key = await loadForPreview(text);
  let info = null;
  try {
    info = datasetInfo('ko', key);
  } catch (e) {
    console.error('dataset validator:', e);
  }
  const figs = countFigures(doc);
  const names = (list) => cut(list.map((x) => x.name).join(', '), 400);
  const row = (ko, english, ...value) => [h('dt', null, ko, ' ', en(english)), h('dd', null, ...value)];
  const warnings = [];
  if (encodingWarning) warnings.push(encodingNote());
  if (info && builtInVersion && info.version === builtInVersion) {
    warnings.push(
      h(
        'p',
        { class: 'msg warn' },
        `버전(version)이 위젯에 내장된 데이터와 같습니다(${builtInVersion}). 수치를 바꿨다면 version과 figuresAsOf를 올려야 화면에서 구별됩니다. `,
        en(
          'The version equals the built-in dataset\'s; if you changed figures, bump "version" and "figuresAsOf" so the footer tells them apart.',
        ),
      ),
    );
  }
  const fileRef = cut(String(name || 'figures.json'), 120);
  summary.replaceChildren(
    ...warnings,
    ...(info
      ? [
          h(
            'dl',
            { class: 'sum' },
            row('파일', 'File', fileRef),
            row('버전', 'Version', info.version),
            row('수치 기준일', 'Figures as of', info.figuresAsOf),
            row('제목', 'Title', info.title),
            row('업종', 'Sectors', `${num(info.sectors.length)}개: `, names(info.sectors)),
            row('지역', 'Regions', `${num(info.regions.length)}개: `, names(info.regions)),
            row('시장', 'Markets', `${num(info.markets.length)}개: `, names(info.markets)),
            row('지원 제도', 'Programs', `${num(info.programs.length)}개`),
            row(
              '수치',
              'Figures',
              `${num(figs.all)}개 중 가정 ${num(figs.assumed)}개`,
              ' ',
              en(`(${figs.assumed} of ${figs.all} are assumptions)`),
            ),
          ),
        ]
      : []),
    h('h3', null, '게시하는 법 ', en('To publish')),
    h(
      'p',
      null,
      '이 파일을 위젯이 있는 페이지와 같은 사이트(같은 출처)에 올리고 data-src로 지정하세요. ',
      en('Put the file on the same site as the page and name it in data-src:'),
    ),
    h(
      'pre',
      { class: 'code' },
      h('code', null, `<sme-export-calculator lang="ko" data-src="${fileRef}"></sme-export-calculator>`),
    ),
  );
  problemsBox.replaceChildren();
  showPreview(key);
}

// ---- comparison with the built-in figures -------------------------------------------------------------

/** The panel through the built-in figures and this file, in both languages; null if unavailable. */
async function compareWithBuiltIn(text) {
  const panel = await panelText;
  if (panel === null) return null;
  try {
    return { ko: comparePanel(text, panel, 'ko'), en: comparePanel(text, panel, 'en') };
  } catch (e) {
    console.warn('dataset validator: comparePanel failed', e);
    return null;
  }
}

/** Shows how many reference firms change and the largest changes; returns the comparison. */
async function showComparison(text) {
  const cmp = await compareWithBuiltIn(text);
  if (!cmp) {
    comparisonBox.replaceChildren(
      h(
        'p',
        { class: 'msg warn' },
        '기준 기업 목록(panel.csv)을 불러오지 못해 내장 수치와 비교하지 못했습니다. ',
        en(
          'The reference panel (panel.csv) could not be loaded, so the file was not compared with the built-in figures.',
        ),
      ),
    );
    return null;
  }
  const { ko, en: english } = cmp;
  const share = Math.round(ko.potentialShare * 100);
  const rows = ko.changes.slice(0, MAX_ROWS);
  const change = (c) => (c.relative === null ? '' : `${c.relative > 0 ? '+' : ''}${(c.relative * 100).toFixed(1)} %`);
  comparisonBox.replaceChildren(
    h('h3', null, '내장 수치와 비교 ', en('Compared with the built-in figures')),
    h(
      'p',
      { class: 'hint' },
      `기준 기업 ${num(ko.firms)}곳(저장소의 data/panel.csv)을 내장 수치와 이 파일로 각각 계산해 결과가 바뀌는 기업을 셉니다. 수출 가능액은 ${share}% 넘게 바뀔 때만 셉니다. `,
      en(
        `The ${english.firms} reference firms (data/panel.csv in the repository) are scored with the built-in figures and with this file; a potential counts when it moves by more than ${share} %.`,
      ),
    ),
    h('p', { class: 'cmp-summary', id: 'cmp-summary' }, h('strong', null, ko.summary), ' ', en(english.summary)),
    h(
      'dl',
      { class: 'sum cmp-counts' },
      ko.counts.map((c, i) => [
        h('dt', { 'data-kind': c.kind }, c.label, ' ', en(english.counts[i].label)),
        h('dd', { 'data-kind': c.kind }, num(c.firms)),
      ]),
    ),
    ...(rows.length
      ? [
          h(
            'h4',
            null,
            ko.changes.length > rows.length
              ? `가장 큰 변화 ${num(rows.length)}건 (전체 ${num(ko.changes.length)}건) `
              : `바뀌는 결과 ${num(rows.length)}건 `,
            en(
              ko.changes.length > rows.length
                ? `Largest ${rows.length} of ${ko.changes.length} changes`
                : `${rows.length} changes`,
            ),
          ),
          h(
            'div',
            { class: 'cmp-wrap' },
            h(
              'table',
              { class: 'cmp-table', id: 'cmp-table' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  ['기업 · firm', '항목 · field', '이전 · before', '이후 · after', '변화 · change'].map((x) =>
                    h('th', { scope: 'col' }, x),
                  ),
                ),
              ),
              h(
                'tbody',
                null,
                rows.map((c) =>
                  h(
                    'tr',
                    { 'data-kind': c.kind },
                    h('td', null, h('code', null, c.firm)),
                    h('td', null, h('code', null, c.field)),
                    h('td', null, c.before),
                    h('td', null, c.after),
                    h('td', null, change(c)),
                  ),
                ),
              ),
            ),
          ),
          h(
            'p',
            { class: 'hint' },
            '모든 변화는 명령줄에서 볼 수 있습니다: ',
            h('code', null, 'sme-export compare data/dataset.json 새파일.json'),
            ' ',
            en('The command line lists every change (same command).'),
          ),
        ]
      : []),
  );
  return cmp;
}

// ---- preview ----------------------------------------------------------------------------------------------

let hasKeyHook = false;

/** Loads the text into the engine for the preview; returns the key the element must use. */
async function loadForPreview(text) {
  await import('./sme-export-calculator.js');
  const C = /** @type {CustomElementConstructor & { observedAttributes?: string[] }} */ (customElements.get(TAG));
  hasKeyHook = !!(C && (C.observedAttributes || []).includes('dataset-key'));
  const key = hasKeyHook ? PREVIEW_KEY : '';
  resetDataset();
  const rep = loadDataset(text, key);
  if (!rep.ok) console.warn('dataset validator: loadDataset refused a file validateDataset accepted', rep.problems);
  return key;
}

function showPreview(key) {
  const el = document.createElement(TAG);
  el.id = 'preview-calc';
  el.setAttribute('lang', previewLang.value);
  el.setAttribute('heading-level', '3');
  if (hasKeyHook) el.setAttribute('dataset-key', key);
  previewHost.replaceChildren(el);
  preview.hidden = false;
}

function hidePreview() {
  previewHost.replaceChildren();
  preview.hidden = true;
  if (enginePromise)
    enginePromise.then(
      () => resetDataset(),
      () => {},
    );
}

previewLang.addEventListener('change', () => {
  const el = previewHost.querySelector(TAG);
  if (el) el.setAttribute('lang', previewLang.value);
});

// Start the engine early so the first check is quick.
engine().catch((e) => console.error('dataset validator: could not load the engine', e));
