// What the full module brings to the page besides its engine: the result's cards and charts, the
// comparison, the CSV and the trace, printing and datasets from data-src. Loaded with the full
// engine once the answer at a glance is painted (sme-export-calculator.js, loadFull). Bundled on
// its own (scripts/build.sh): the few helpers it shares with the element (dom.js, state.js,
// glance.js) are copied into it, all of them without state that the two would need to share.

export { renderResult } from './render.js';
export { chartOptions, drawCharts } from './charts.js';
export { downloadCsv, downloadTrace } from './csv.js';
export { printPage, PRINT_CSS } from './print.js';
export { loadDataSource } from './data-src.js';
// The cards' words: the controller adds them to the element's own table (strings.js), which is a
// module of the element's bundle, not of this one.
export { CARD_STRINGS } from './strings-cards.js';
