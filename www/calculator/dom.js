// DOM helpers shared by the element's modules. DOM is built with createElement and text
// nodes only (CSP-safe: no innerHTML, no inline style or handlers).

/** Each element's handlers live in a table the one listener reads, so that patch() can hand a
 *  kept element the handlers (and the data they close over) of the element built in its place.
 *  @type {WeakMap<EventTarget, Record<string, ((event: Event) => void) | undefined>>} */
const HANDLERS = new WeakMap();
/** @this {EventTarget} @param {Event} event */
function dispatch(event) {
  return HANDLERS.get(this)?.[event.type]?.call(this, event);
}
/** @param {EventTarget} element @param {string} type @param {(event: Event) => void} handler */
function on(element, type, handler) {
  let table = HANDLERS.get(element);
  if (!table) HANDLERS.set(element, (table = {}));
  if (!table[type]) element.addEventListener(type, dispatch);
  table[type] = handler;
}

/** `url` resolved against the page when it is http(s), else null (no javascript: links).
 *  @param {unknown} url */
export const safeUrl = (url) => {
  if (!url || typeof url !== 'string') return null;
  try {
    const resolved = new URL(url, document.baseURI);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : null;
  } catch {
    return null;
  }
};
/** Today in the reader's time zone, as the engine takes dates (YYYY-MM-DD). */
export const todayIso = () => {
  const now = new Date(),
    twoDigits = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
};

/**
 * What v() makes: a tag, its attributes (handlers as on* functions) and its children (descriptions,
 * text, or DOM nodes used as they are).
 * @typedef {{tag: string, attrs: Record<string, any>, kids: (Description | string | Node)[]}} Description
 */

/** v('p', {class: 'x', onclick: f}, 'text', child): a description of an element (tag, attributes,
 *  children: descriptions, strings, or DOM nodes used as they are, such as a canvas kept across
 *  builds). The results are built as descriptions and mount() or patch() makes the page show them:
 *  a keystroke builds about 1,500 of them, and creating as many elements only to compare them with
 *  the ones in the page and throw them away cost more than the comparison (docs/BENCHMARK.md).
 *  @param {string} tag @param {Record<string, any> | null} [attrs] @param {...any} children
 *  @returns {Description} */
export function v(tag, attrs, ...children) {
  const kids = [];
  for (const child of children.flat(4)) {
    if (child != null && child !== false) kids.push(typeof child === 'object' ? child : String(child));
  }
  return { tag, attrs: attrs || {}, kids };
}

/** What each element made by mount() or patch() shows now: the description it was last given.
 *  @type {WeakMap<Node, Description>} */
const SHOWN = new WeakMap();
/** Attributes set as properties (the element's live state), not as attributes. */
const PROPERTIES = { checked: 1, open: 1, value: 1 };

/** The DOM for a description (a DOM node is returned as it is).
 *  @param {Description | string | Node} description
 *  @returns {any} */
export function mount(description) {
  if (typeof description === 'string') return document.createTextNode(description);
  if (description instanceof Node) return description;
  const element = document.createElement(description.tag),
    attrs = description.attrs;
  for (const name in attrs) {
    const value = attrs[name];
    if (value == null || value === false) continue;
    if (name.startsWith('on')) on(element, name.slice(2), value);
    else if (PROPERTIES[name]) element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const kid of description.kids) element.appendChild(mount(kid));
  SHOWN.set(element, description);
  return element;
}

/** h('p', {class: 'x', onclick: f}, 'text', child): the DOM at once (the form, the canvases).
 *  @param {string} tag @param {Record<string, any> | null} [attrs] @param {...any} children
 *  @returns {any} */
export const h = (tag, attrs, ...children) => mount(v(tag, attrs, ...children));

/** Makes `current` (in the page) show `description`, changing only what differs from the
 *  description it showed before: text, attributes, handlers, children by position (checked and
 *  open are compared with the element itself, which the reader may have changed). A keystroke
 *  changes a few numbers and sentences; replacing every card made the browser style and lay out
 *  all of them again. An element that shows no description, or another tag, is replaced. Returns
 *  the node now in the page.
 *  @param {any} current @param {Description | string | Node} description */
export function patch(current, description) {
  if (typeof description === 'string' && current.nodeType === 3) {
    if (current.data !== description) current.data = description;
    return current;
  }
  if (description === current) return current;
  const old = SHOWN.get(current);
  if (typeof description === 'string' || description instanceof Node || old?.tag !== description.tag) {
    const replacement = mount(description);
    current.replaceWith(replacement);
    return replacement;
  }
  const attrs = description.attrs,
    oldAttrs = old.attrs,
    handlers = HANDLERS.get(current);
  for (const name in oldAttrs) {
    if (attrs[name] != null && attrs[name] !== false) continue;
    if (name.startsWith('on')) {
      if (handlers) handlers[name.slice(2)] = undefined;
    } else if (!PROPERTIES[name]) current.removeAttribute(name);
    else if (current[name] === true) current[name] = false;
  }
  for (const name in attrs) {
    const value = attrs[name];
    if (name.startsWith('on')) {
      if (value) on(current, name.slice(2), value);
    }
    // The cards hold no text fields: value is set when an element is made, never copied.
    else if (name === 'checked' || name === 'open') {
      if (current[name] !== !!value) current[name] = !!value;
    } else if (value != null && value !== false && !PROPERTIES[name] && oldAttrs[name] !== value) {
      current.setAttribute(name, value === true ? '' : value);
    }
  }
  let child = current.firstChild;
  for (const kid of description.kids) {
    if (child) {
      const following = child.nextSibling;
      patch(child, kid);
      child = following;
    } else current.appendChild(mount(kid));
  }
  while (child) {
    const following = child.nextSibling;
    child.remove();
    child = following;
  }
  SHOWN.set(current, description);
  return current;
}
