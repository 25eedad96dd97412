// A dataset named by the element's data-src: fetched from the page's origin with a timeout,
// loaded into the engine under its URL; on any failure the built-in data stays and a notice says why
// (in words the engine gives for a refused file).

export async function loadSrc(el) {
  const src = el.getAttribute('data-src');
  const back = (why, problems) => {
    if (el.key) {
      el.key = '';
      el.build();
    }
    el.dsNote.textContent = el.t('dsFail', { p: why });
    el.dsNote.hidden = false;
    console.warn('sme-export: dataset ' + src + ' not used: ' + why, problems || '');
  };
  if (!src) {
    const k = el.getAttribute('dataset-key') || '';
    el.dsNote.hidden = true;
    if (el.key !== k) {
      el.key = k;
      el.build();
    }
    return;
  }
  let url;
  try {
    url = new URL(src, document.baseURI).href;
  } catch {
    return back(el.t('dsNet'));
  }
  const ctl = new AbortController(),
    timer = setTimeout(() => ctl.abort(), 8000);
  let text;
  try {
    const res = await fetch(url, { signal: ctl.signal, credentials: 'same-origin' });
    if (!res.ok) return back(el.t('dsHttp', { s: res.status }));
    text = await res.text();
  } catch (e) {
    return back(e && e.name === 'AbortError' ? el.t('dsTimeout') : el.t('dsNet'), e);
  } finally {
    clearTimeout(timer);
  }
  if (el.getAttribute('data-src') !== src) return;
  let rep;
  try {
    rep = el.m.loadDataset(text, url);
  } catch (e) {
    rep = { ok: false, problems: e.problems || [{ path: '$', message: String(e) }] };
  }
  if (!rep.ok) {
    // The notice says why in the page's language (worded by the engine); the console gets every
    // problem with its JSON path.
    const pr = rep.problems || [];
    return back(
      rep.notice ? rep.notice[el.L] : el.t('dsUnusable'),
      pr.map((x) => x.message + (x.hint ? ' (' + x.hint + ')' : '')).join('\n'),
    );
  }
  el.dsNote.hidden = true;
  el.key = url;
  el.build();
}
