// The printed report (print and "save as PDF"): one widget and nothing of the host page. While
// printing, every element beside the chosen widget and its ancestors is hidden (display: none set
// through the CSSOM, which a strict CSP allows), and put back as it was afterwards. The report's
// own layout is sme-export-print.css, which the view adds with this code (PRINT_CSS).

const TAG = 'sme-export-calculator';
/** The report's stylesheet, next to the element's (this file is bundled one folder down, in
 *  calculator/full.js, as it sits in www/calculator/). */
export const PRINT_CSS = new URL('../sme-export-print.css', import.meta.url).href;
/** What printing hid: each element with the display it had inline, and its priority.
 *  @type {[HTMLElement, string, string][] | null} */
let hiddenElements = null;

/** The widget to print: the one whose print button was pressed, else the first with a result.
 *  @param {HTMLElement} widget */
function target(widget) {
  const chosen = /** @type {any} */ (widget.constructor).printing;
  if (chosen && chosen.isConnected) return chosen;
  const all = [.../** @type {NodeListOf<HTMLElement & {hasResult: boolean}>} */ (document.querySelectorAll(TAG))];
  return all.find((x) => x.hasResult) || all[0];
}

/** Hides the host page beside `widget` for printing (`on`), or puts it back as it was.
 *  @param {HTMLElement} widget @param {boolean} on */
export function printPage(widget, on) {
  if (!on) {
    if (hiddenElements && target(widget) === widget) {
      for (const [element, display, priority] of hiddenElements) {
        element.style.removeProperty('display');
        if (display) element.style.setProperty('display', display, priority);
      }
      hiddenElements = null;
      /** @type {any} */ (widget.constructor).printing = null;
    }
    return;
  }
  if (hiddenElements || target(widget) !== widget) return;
  hiddenElements = [];
  for (let node = widget; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of /** @type {HTMLCollectionOf<HTMLElement>} */ (node.parentElement.children)) {
      if (sibling === node || /^(SCRIPT|STYLE|LINK|META|TEMPLATE)$/.test(sibling.tagName)) continue;
      const style = sibling.style;
      hiddenElements.push([sibling, style.getPropertyValue('display'), style.getPropertyPriority('display')]);
      style.setProperty('display', 'none', 'important');
    }
  }
}
