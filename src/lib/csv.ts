/**
 * CSV text for people and spreadsheets: one header row, a point as decimal separator, NULL as an
 * empty field (never 0). Text cells that begin with = + - @ (or a tab / carriage return) get a
 * leading apostrophe so a spreadsheet shows them as text instead of running them as a formula;
 * numbers, negative ones included, stay numbers. Used by the static downloads (/data/*.csv) and
 * by every download made in the browser.
 */
import Papa from 'papaparse';

export type CsvValue = string | number | boolean | null | undefined;

/** Text cells a spreadsheet would read as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a cell is written as (for tests and for other writers such as the .xlsx one). */
export function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (spreadsheets then read names with accents right). */
  bom?: boolean;
}

/** CSV of `rows` (arrays in the order of `header`), lines ending in \n, with a final newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], { bom = false }: CsvOptions = {}): string {
  const text = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : (v ?? null)))) }, { newline: '\n', escapeFormulae: FORMULA_START });
  return `${bom ? '\uFEFF' : ''}${text}\n`;
}
