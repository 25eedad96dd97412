// DOM and number helpers shared by the element's modules. DOM is built with createElement and text
// nodes only (CSP-safe: no innerHTML, no inline style or handlers).

/** Each element's handlers live in a table the one listener reads, so that patch() can hand a
 *  kept element the handlers (and the data they close over) of the element built in its place. */
const HANDLERS = new WeakMap();
function dispatch(ev) { return HANDLERS.get(this)?.[ev.type]?.call(this, ev); }
function on(e, type, fn) {
  let t = HANDLERS.get(e);
  if (!t) HANDLERS.set(e, (t = {}));
  if (!t[type]) e.addEventListener(type, dispatch);
  t[type] = fn;
}

/** h('p', {class: 'x', onclick: f}, 'text', child): DOM only; strings become text nodes. */
export function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) on(e, k.slice(2), v);
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

/** Makes the element `cur` (in the page) show what `next` (just built by h(), not in the page)
 *  shows, changing only what differs: text, attributes, form state, handlers, children by position.
 *  A keystroke changes a few numbers and sentences; replacing every card made the browser style
 *  and lay out all of them again (docs/BENCHMARK.md). Nodes whose tag differs are replaced; a node
 *  that is in both trees (a canvas kept across builds) is moved, not copied. Returns the node now
 *  in the page. */
export function patch(cur, next) {
  if (cur === next) return cur;
  const type = cur.nodeType;
  if (type !== next.nodeType || cur.nodeName !== next.nodeName || (type !== 1 && type !== 3)) {
    cur.replaceWith(next);
    return next;
  }
  if (type === 3) {
    const d = next.data;
    if (cur.data !== d) cur.data = d;
    return cur;
  }
  // Indexed loops and sibling walks: spreading attribute and child lists was 2.7x slower (measured
  // on the results' 1,500 nodes).
  const ca = cur.attributes, na = next.attributes;
  for (let i = ca.length - 1; i >= 0; i--) { const n = ca[i].name; if (!next.hasAttribute(n)) cur.removeAttribute(n); }
  for (let i = 0; i < na.length; i++) { const a = na[i], v = a.value; if (cur.getAttribute(a.name) !== v) cur.setAttribute(a.name, v); }
  // checked and open are state h() sets as properties, copied as such (the cards hold no text
  // fields, so value is not).
  if (next.nodeName === 'INPUT' && cur.checked !== next.checked) cur.checked = next.checked;
  if (next.nodeName === 'DETAILS' && cur.open !== next.open) cur.open = next.open;
  const t = HANDLERS.get(next), old = HANDLERS.get(cur);
  if (old) for (const k in old) if (!t || !t[k]) old[k] = undefined;
  if (t) for (const k in t) on(cur, k, t[k]);
  let c = cur.firstChild, n = next.firstChild;
  while (n) {
    const nn = n.nextSibling;
    if (c) { const cn = c.nextSibling; patch(c, n); c = cn; } else cur.appendChild(n);
    n = nn;
  }
  while (c) { const cn = c.nextSibling; c.remove(); c = cn; }
  return cur;
}
