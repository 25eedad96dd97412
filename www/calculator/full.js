// What the full module brings to the page besides its engine: the result's cards and charts, the
// comparison, the CSV and the trace, printing and datasets from data-src. Loaded with the full
// engine once the answer at a glance is painted (sme-export-calculator.js, loadFull).

export { renderResult } from './render.js';
export { chartOptions, drawCharts } from './charts.js';
export { downloadCsv, downloadTrace } from './csv.js';
export { printPage } from './print.js';
export { loadDataSource } from './data-src.js';

import { addStrings } from './strings.js';
import { CARD_STRINGS } from './strings-cards.js';
addStrings(CARD_STRINGS);
