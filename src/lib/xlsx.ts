/**
 * An .xlsx beside every CSV: cells carry their type, so a spreadsheet in any language setting reads
 * 64.10 as the text it is and 12.65 as a number (a CSV cannot say either: LibreOffice with
 * Indonesian settings reads "12.65" as text, with English settings "64.10" as 64.1). Written with
 * ExcelJS, loaded only when a user asks for an .xlsx.
 */
import type { CsvValue } from './csv.ts';

export interface XlsxSheet {
  /** Sheet name (at most 31 characters; []:*?/\ removed). */
  name: string;
  /** Lines above the table: title, source, link, and the demo/internal mark. */
  intro?: readonly string[];
  header: readonly string[];
  rows: readonly (readonly CsvValue[])[];
}

const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'data';

/** The workbook's bytes. Strings stay strings (never formulas), numbers numbers, missing empty. */
export async function toXlsx(sheet: XlsxSheet): Promise<Uint8Array<ArrayBuffer>> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Atlas Stunting';
  const ws = wb.addWorksheet(sheetName(sheet.name));
  (sheet.intro ?? []).forEach((line, i) => (ws.addRow([line]).font = { bold: i === 0 }));
  if (sheet.intro?.length) ws.addRow([]);
  const head = ws.addRow([...sheet.header]);
  head.font = { bold: true };
  const headerRow = ws.rowCount;
  for (const r of sheet.rows) ws.addRow(r.map((v) => (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v)));
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  sheet.header.forEach((h, i) => {
    const width = Math.max(h.length, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, width + 2));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
