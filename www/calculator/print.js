// The printed report (print and "save as PDF"): one widget and nothing of the host page. While
// printing, every element beside the chosen widget and its ancestors is hidden (display: none set
// through the CSSOM, which a strict CSP allows), and put back as it was afterwards. The report's
// own layout is the widget's print CSS.

const TAG = 'sme-export-calculator';
let hidden = null;

/** The widget to print: the one whose print button was pressed, else the first with a result. */
function target(el) {
  const chosen = el.constructor.printing;
  if (chosen && chosen.isConnected) return chosen;
  const all = [.../** @type {NodeListOf<any>} */ (document.querySelectorAll(TAG))];
  return all.find((e) => e.last) || all[0];
}

export function printPage(el, on) {
  if (!on) {
    if (hidden && target(el) === el) {
      for (const [e, v, p] of hidden) {
        e.style.removeProperty('display');
        if (v) e.style.setProperty('display', v, p);
      }
      hidden = null;
      el.constructor.printing = null;
    }
    return;
  }
  if (hidden || target(el) !== el) return;
  hidden = [];
  for (let node = el; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sib of node.parentElement.children) {
      if (sib === node || /^(SCRIPT|STYLE|LINK|META|TEMPLATE)$/.test(sib.tagName)) continue;
      hidden.push([sib, sib.style.getPropertyValue('display'), sib.style.getPropertyPriority('display')]);
      sib.style.setProperty('display', 'none', 'important');
    }
  }
}
