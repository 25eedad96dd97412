// DOM and number helpers shared by the element's modules. DOM is built with createElement and text
// nodes only (CSP-safe: no innerHTML, no inline style or handlers).

/** Each element's handlers live in a table the one listener reads, so that patch() can hand a
 *  kept element the handlers (and the data they close over) of the element built in its place. */
const HANDLERS = new WeakMap();
function dispatch(ev) {
  return HANDLERS.get(this)?.[ev.type]?.call(this, ev);
}
function on(e, type, fn) {
  let t = HANDLERS.get(e);
  if (!t) HANDLERS.set(e, (t = {}));
  if (!t[type]) e.addEventListener(type, dispatch);
  t[type] = fn;
}

export const safeUrl = (u) => {
  if (!u || typeof u !== 'string') return null;
  try {
    const x = new URL(u, document.baseURI);
    return /^https?:$/.test(x.protocol) ? x.href : null;
  } catch {
    return null;
  }
};
export const todayIso = () => {
  const d = new Date(),
    p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** v('p', {class: 'x', onclick: f}, 'text', child): a description of an element (tag, attributes,
 *  children: descriptions, strings, or DOM nodes used as they are, such as a canvas kept across
 *  builds). The results are built as descriptions and mount() or patch() makes the page show them:
 *  a keystroke builds about 1,500 of them, and creating as many elements only to compare them with
 *  the ones in the page and throw them away cost more than the comparison (docs/BENCHMARK.md). */
export function v(tag, attrs, ...kids) {
  const k = [];
  for (const c of kids.flat(4)) if (c != null && c !== false) k.push(typeof c === 'object' ? c : String(c));
  return { t: tag, a: attrs || {}, k };
}

/** What each element made by mount() or patch() shows now: the description it was last given. */
const SHOWN = new WeakMap();
const PROPS = { checked: 1, open: 1, value: 1 };

/** The DOM for a description (a DOM node is returned as it is). */
export function mount(d) {
  if (typeof d === 'string') return document.createTextNode(d);
  if (d instanceof Node) return d;
  const e = document.createElement(d.t),
    a = d.a;
  for (const k in a) {
    const x = a[k];
    if (x == null || x === false) continue;
    if (k.startsWith('on')) on(e, k.slice(2), x);
    else if (PROPS[k]) e[k] = x;
    else e.setAttribute(k, x === true ? '' : x);
  }
  for (const c of d.k) e.appendChild(mount(c));
  SHOWN.set(e, d);
  return e;
}

/** h('p', {class: 'x', onclick: f}, 'text', child): the DOM at once (the form, the canvases). */
export const h = (...a) => mount(v(...a));

/** Makes `cur` (in the page) show description `d`, changing only what differs from the
 *  description it showed before: text, attributes, handlers, children by position (checked and
 *  open are compared with the element itself, which the reader may have changed). A keystroke
 *  changes a few numbers and sentences; replacing every card made the browser style and lay out
 *  all of them again. An element that shows no description, or another tag, is replaced. Returns
 *  the node now in the page. */
export function patch(cur, d) {
  if (typeof d === 'string' && cur.nodeType === 3) {
    if (cur.data !== d) cur.data = d;
    return cur;
  }
  if (d === cur) return cur;
  const old = SHOWN.get(cur);
  if (typeof d === 'string' || d instanceof Node || old?.t !== d.t) {
    const n = mount(d);
    cur.replaceWith(n);
    return n;
  }
  const a = d.a,
    oa = old.a,
    t = HANDLERS.get(cur);
  for (const k in oa) {
    if (a[k] != null && a[k] !== false) continue;
    if (k.startsWith('on')) {
      if (t) t[k.slice(2)] = undefined;
    } else if (!PROPS[k]) cur.removeAttribute(k);
    else if (cur[k] === true) cur[k] = false;
  }
  for (const k in a) {
    const x = a[k];
    if (k.startsWith('on')) {
      if (x) on(cur, k.slice(2), x);
    }
    // The cards hold no text fields: value is set when an element is made, never copied.
    else if (k === 'checked' || k === 'open') {
      if (cur[k] !== !!x) cur[k] = !!x;
    } else if (x != null && x !== false && !PROPS[k] && oa[k] !== x) cur.setAttribute(k, x === true ? '' : x);
  }
  let c = cur.firstChild;
  for (const n of d.k)
    if (c) {
      const cn = c.nextSibling;
      patch(c, n);
      c = cn;
    } else cur.appendChild(mount(n));
  while (c) {
    const cn = c.nextSibling;
    c.remove();
    c = cn;
  }
  SHOWN.set(cur, d);
  return cur;
}
