// The engine's JS API as the element and the validator page call it (src/binding.rs; wasm-bindgen
// writes the glue into pkg/, which the type check runs without: it comes before the build). The
// type check finds this file for './pkg/sme_export.js' through tsconfig.json's rootDirs.

import type { Comparison, Estimate, Lang, Problem } from '../result';

export type { Lang };

/** What estimate(), trace() and compareMarkets() take (README, "From JavaScript"). */
export type EstimateInput = {
  revenueKrw: number | string;
  sector: string;
  market: string;
  currentExportsKrw?: number | string;
  exportsToMarketKrw?: number | string;
  totalAssetsKrw?: number | string;
  medicalCorporation?: boolean;
  readiness?: { certification?: boolean; localPartner?: boolean; exportExperience?: boolean; localLanguage?: boolean };
  lang?: Lang;
  today?: string;
  /** The key of a dataset loaded with loadDataset(json, key). */
  dataset?: string;
};

/** One problem of an input, as estimate()'s Error carries them in `errors`. */
export type InputProblem = { field: string; reason: string; message: string };

/** An item of datasetInfo()'s lists. */
export type Named = { id: string; name: string; region?: string };

/** What datasetInfo() returns (src/binding.rs, DatasetInfo). */
export type DatasetInfo = {
  version: string;
  figuresAsOf: string;
  title: string;
  krwPerUsd: number;
  krwPerUsdDisplay: string;
  sectors: Named[];
  regions: Named[];
  markets: Named[];
  programs: Named[];
};

/** What loadDataset() and validateDataset() return. */
export type DatasetReport = {
  ok: boolean;
  problems: Problem[];
  version: string | null;
  notice?: { ko: string; en: string };
};

export function estimate(input: EstimateInput): Estimate;
/** The answer at a glance alone: the first-answer module's call (the full module has it too). */
export function glance(input: EstimateInput): import('../result').GlanceAnswer;
export function compareMarkets(input: EstimateInput, ids: string[]): Comparison;
export function trace(input: EstimateInput): object;
export function datasetInfo(lang: Lang, key?: string): DatasetInfo;
export function parseAmount(text: string, lang: Lang): number;
export function formatAmount(krw: number, lang: Lang): string;
export function formatUsd(usd: number, lang: Lang): string;
export function amountEcho(text: string, lang: Lang, key?: string): string;
export function loadDataset(json: string, key: string): DatasetReport;
export function validateDataset(json: string): DatasetReport;
export function resetDataset(): void;
export function drawPotentialChart(canvas: HTMLCanvasElement, result: Estimate, options: object): void;
export function drawRankingChart(canvas: HTMLCanvasElement, result: Estimate, options: object): void;
export default function init(
  module_or_path?: { module_or_path: WebAssembly.Module | Promise<WebAssembly.Module> | URL | string },
): Promise<unknown>;
