// The validator page's build of the engine: the same API with comparePanel (feature `validator`).
export * from '../pkg/sme_export';
export { default } from '../pkg/sme_export';
export function comparePanel(json: string, panelCsv: string, lang: import('../pkg/sme_export').Lang): any;
