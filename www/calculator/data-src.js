// A dataset named by the element's data-src: fetched from the page's origin with a timeout,
// loaded into the engine under its URL; on any failure the built-in data stays and a notice says why
// (in words the engine gives for a refused file).

/** @typedef {import('./controller.js').Controller} Controller */
/** @typedef {import('../types/pkg/sme_export').DatasetReport} DatasetReport */

/** @param {Controller} controller */
export async function loadDataSource(controller) {
  const host = controller.host,
    state = controller.store.state,
    view = controller.view,
    notice = view.datasetNotice;
  const source = host.getAttribute('data-src');
  /** The built-in data again, and the notice saying why. @param {string} why @param {unknown} [problems] */
  const fallBack = (why, problems) => {
    if (state.datasetKey) {
      state.datasetKey = '';
      controller.rebuild();
    }
    notice.textContent = view.text('dsFail', { p: why });
    notice.hidden = false;
    console.warn('sme-export: dataset ' + source + ' not used: ' + why, problems || '');
  };
  if (!source) {
    const key = host.getAttribute('dataset-key') || '';
    notice.hidden = true;
    if (state.datasetKey !== key) {
      state.datasetKey = key;
      controller.rebuild();
    }
    return;
  }
  let url;
  try {
    url = new URL(source, document.baseURI).href;
  } catch {
    return fallBack(view.text('dsNet'));
  }
  const abort = new AbortController(),
    timer = setTimeout(() => abort.abort(), 8000);
  let text;
  try {
    const response = await fetch(url, { signal: abort.signal, credentials: 'same-origin' });
    if (!response.ok) return fallBack(view.text('dsHttp', { s: response.status }));
    text = await response.text();
  } catch (e) {
    return fallBack(e && e.name === 'AbortError' ? view.text('dsTimeout') : view.text('dsNet'), e);
  } finally {
    clearTimeout(timer);
  }
  if (host.getAttribute('data-src') !== source) return;
  /** @type {DatasetReport} */
  let report;
  try {
    report = controller.engine.loadDataset(text, url);
  } catch (e) {
    report = { ok: false, problems: e.problems || [{ path: '$', message: String(e) }], version: null };
  }
  if (!report.ok) {
    // The notice says why in the page's language (worded by the engine); the console gets every
    // problem with its JSON path.
    const problems = report.problems || [];
    return fallBack(
      report.notice ? report.notice[state.lang] : view.text('dsUnusable'),
      problems.map((x) => x.message + (x.hint ? ' (' + x.hint + ')' : '')).join('\n'),
    );
  }
  notice.hidden = true;
  state.datasetKey = url;
  controller.rebuild();
}
