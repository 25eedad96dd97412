// embed.html?lang=en&market=SA&sector=devices&heading-level=2&parent=https://www.example.go.kr
// Builds the widget from the (untrusted) query and reports the page height to the parent frame:
// postMessage({type: 'sme-export:height', height}, parentOrigin || '*'). Height is not sensitive.
import './sme-export-calculator.js';

const q = new URLSearchParams(location.search);
const el = document.createElement('sme-export-calculator');
el.id = 'embed';
const lang = q.get('lang') === 'en' ? 'en' : 'ko';
document.documentElement.lang = lang;
el.setAttribute('lang', lang);
for (const k of ['market', 'sector']) {
  const v = q.get(k);
  if (v && /^[\w.-]{1,40}$/.test(v)) el.setAttribute(k, v);
}
const hl = Number(q.get('heading-level'));
if (hl >= 1 && hl <= 6) el.setAttribute('heading-level', String(hl));
document.getElementById('app').append(el);

let target = '*';
try {
  const p = q.get('parent');
  if (p) {
    const u = new URL(p);
    if (/^https?:$/.test(u.protocol) && u.origin === p.replace(/\/$/, '')) target = u.origin;
  }
} catch {
  /* keep '*' */
}

if (window.parent !== window) {
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'sme-export:height', height }, target);
    }
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
