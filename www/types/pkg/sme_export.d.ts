// The engine's JS API as the element and the validator page call it (src/binding.rs; wasm-bindgen
// writes the glue into pkg/, which the type check runs without: it comes before the build). The
// type check finds this file for './pkg/sme_export.js' through tsconfig.json's rootDirs.

export type Lang = 'ko' | 'en';

export function estimate(input: object): any;
export function compareMarkets(input: object, ids: string[]): any;
export function trace(input: object): object;
export function datasetInfo(lang: Lang, key?: string): any;
export function parseAmount(text: string, lang: Lang): number;
export function formatAmount(krw: number, lang: Lang): string;
export function formatUsd(usd: number, lang: Lang): string;
export function amountEcho(text: string, lang: Lang, key?: string): string;
export function loadDataset(json: string, key: string): any;
export function validateDataset(json: string): any;
export function resetDataset(): void;
export function drawPotentialChart(canvas: HTMLCanvasElement, result: object, options: object): void;
export function drawRankingChart(canvas: HTMLCanvasElement, result: object, options: object): void;
export default function init(
  module_or_path?: { module_or_path: WebAssembly.Module | Promise<WebAssembly.Module> | URL | string },
): Promise<unknown>;
