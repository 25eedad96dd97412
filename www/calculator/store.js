// The widget's state: one object, documented here, that the controller changes (events in,
// engine results in) and the view renders from. Nothing else keeps state about the case: the DOM
// nodes and caches of drawing belong to the view, the timers and observers to the controller.

import { AMOUNTS, blankForm, fromParams, hashParams, toParams } from './state.js';

/** @typedef {import('../types/result').Estimate} Estimate */
/** @typedef {import('../types/result').Lang} Lang */
/** @typedef {import('../types/pkg/sme_export').DatasetInfo} DatasetInfo */
/** @typedef {import('../types/pkg/sme_export').EstimateInput} EstimateInput */
/** @typedef {import('../types/pkg/sme_export').InputProblem} InputProblem */
/** @typedef {import('./state.js').FormFields} FormFields */
/** @typedef {import('./state.js').AmountField} AmountField */
/** @typedef {import('./state.js').TextField} TextField */

/**
 * @typedef {Object} State
 * @property {Lang} lang  the page's language (the element's lang attribute)
 * @property {FormFields} form  what is typed and chosen; saved in this tab's storage
 * @property {Set<TextField>} touched  fields typed in, chosen or left: their problems are shown
 * @property {string} appliedHash  the share link last applied (a reload does not apply it again over later edits)
 * @property {string} datasetKey  the key the engine knows the dataset in use by ('' for the built-in one)
 * @property {DatasetInfo | null} dataset  its lists, version and rate in the page's language (null before the engine)
 * @property {Partial<Record<AmountField, string>>} echoes  how the engine read each typed amount
 * @property {InputProblem[]} problems  what is wrong with the form's input, as the engine words it
 * @property {Estimate | null} result  the result on screen (the last valid input's)
 * @property {EstimateInput | null} resultInput  the input of that result
 * @property {Set<string>} openDetails  the result's disclosures the reader opened, by name
 * @property {string[]} comparedMarkets  the markets ticked in "compare markets"
 * @property {string} comparedFor  the chosen market those defaults were made for
 * @property {boolean} printing  between beforeprint and afterprint
 */

export class Store {
  /** @param {string} storageKey  sessionStorage key of this widget's form */
  constructor(storageKey) {
    this.storageKey = storageKey;
    /** @type {State} */
    this.state = {
      lang: 'ko',
      form: blankForm(),
      touched: new Set(),
      appliedHash: '',
      datasetKey: '',
      dataset: null,
      echoes: {},
      problems: [],
      result: null,
      resultInput: null,
      openDetails: new Set(),
      comparedMarkets: [],
      comparedFor: '',
      printing: false,
    };
  }

  /**
   * The form from the share link, when it is meant for this widget and was not applied before, or
   * else from this tab's storage (no engine needed).
   * @param {(id: string | null) => boolean} isLinkTarget  whether a link naming `id` (or none) is for this widget
   */
  restore(isLinkTarget) {
    const state = this.state;
    let form = null,
      applied = '';
    const linked = hashParams();
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(this.storageKey) || 'null');
    } catch {
      /* storage blocked */
    }
    if (linked && isLinkTarget(linked.get('id')) && !(saved && saved.h === location.hash)) {
      form = fromParams(linked);
      applied = location.hash;
    }
    if (!form && saved && typeof saved.p === 'string') {
      form = fromParams(new URLSearchParams(saved.p));
      applied = saved.h || '';
    }
    state.form = form || blankForm();
    state.appliedHash = applied;
    for (const field of AMOUNTS) if (state.form[field]) state.touched.add(field);
  }

  /** Keeps the form for a reload of this tab. */
  save() {
    const state = this.state;
    try {
      sessionStorage.setItem(
        this.storageKey,
        JSON.stringify({ p: toParams(state.form).toString(), h: state.appliedHash }),
      );
    } catch {
      /* storage blocked */
    }
  }
}
