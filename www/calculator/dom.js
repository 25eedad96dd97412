// DOM and number helpers shared by the element's modules. DOM is built with createElement and text
// nodes only (CSP-safe: no innerHTML, no inline style or handlers).

/** One Intl.NumberFormat per language and options: creating one costs more than formatting. */
const NF = new Map();
export function nf(lang, opts) {
  const k = lang + JSON.stringify(opts || {});
  if (!NF.has(k)) NF.set(k, new Intl.NumberFormat(lang, opts));
  return NF.get(k);
}

/** h('p', {class: 'x', onclick: f}, 'text', child): DOM only; strings become text nodes. */
export function h(tag, attrs, ...kids) {
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

export const safeUrl = (u) => { if (!u || typeof u !== 'string') return null; try { const x = new URL(u, document.baseURI); return /^https?:$/.test(x.protocol) ? x.href : null; } catch { return null; } };
export const todayIso = () => { const d = new Date(), p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; };
/** Estimates are shown to 3 significant digits ("88억 2,000만 원", not "88억 161만 4,267 원"). */
export const sig3 = (x) => { if (!(Math.abs(x) >= 1000)) return Math.round(x || 0); const f = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2); return Math.round(x / f) * f; };
