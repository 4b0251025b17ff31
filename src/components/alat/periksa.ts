/**
 * The file check (/jelajah/periksa/): the parts that need no browser. A by-name export is read as
 * text columns c1..cN plus cx (the spare column of the build's reader) and a line number, then the
 * build's own SQL (src/pipeline/sql/by-name.ts and the macros of src/pipeline/sql/rules.ts) classifies
 * and counts it; names are matched to codes by the build's NameMatcher over the published areas.
 */
import type { Area, Gazetteer } from '../../pipeline/gazetteer.ts';
import type { Head } from '../../pipeline/csv/prescan.ts';
import type { InputFile } from '../../pipeline/input-files.ts';
import type { HeaderMap } from '../../pipeline/csv/read.ts';
import { byNameAggregateSql, rowSql, type Layout } from '../../pipeline/sql/by-name.ts';
import { RULE_MACROS } from '../../pipeline/sql/rules.ts';
import type { Tingkat } from '../../lib/schema.ts';

/** Name of the scratch table that holds the uploaded rows (text only; dropped on the next check). */
export const UPLOAD_TABLE = 'periksa_baris';

/** The macro statements one by one (DuckDB-WASM runs one statement per call). */
export function ruleStatements(): string[] {
  return RULE_MACROS.split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--[^\n]*\n/gm, '').trim())
    .filter((s) => /^CREATE/i.test(s));
}

/**
 * The columns of the upload table: the mapped columns, the header's last column (a short row leaves
 * it NULL) and cx (a row with too many fields fills it). Other columns of the export are not kept.
 */
export function uploadColumns(map: HeaderMap, headerLength: number): number[] {
  return [...new Set([...map.values(), headerLength])].sort((a, b) => a - b);
}

/**
 * One parsed record -> the kept cells: [c_i for each kept column..., cx]. Missing fields are NULL,
 * fields beyond the header go to cx (as DuckDB's reader with one spare column would).
 */
export function keptCells(fields: readonly string[], kept: readonly number[], headerLength: number): (string | null)[] {
  const out: (string | null)[] = kept.map((i) => (i <= fields.length ? fields[i - 1]! : null));
  out.push(fields.length > headerLength ? fields.slice(headerLength).join(',') : null);
  return out;
}

/** The layout the build's row SQL expects, for one uploaded file. */
export function uploadLayout(name: string, header: readonly string[], delimiter: ',' | ';', map: HeaderMap): Layout {
  const head: Head = { path: name, bom: false, crlf: false, delimiter, header: [...header] };
  return { files: [{ input: { head, name } as unknown as InputFile, map, index: 0 }], map };
}

/** Classified rows of the upload (the build's rowSql), with the line number `ln` carried along. */
export function uploadRowSql(layout: Layout): string {
  return rowSql(layout, { source: UPLOAD_TABLE, extra: 'ln,' });
}

/** Counts per area names and month of the upload: the build's aggregation over the build's rows. */
export function uploadAggregateSql(layout: Layout): string {
  return byNameAggregateSql([rowSql(layout, { source: UPLOAD_TABLE })]);
}

/** A gazetteer (for NameMatcher) from the published `wilayah` rows. */
export function gazetteerFromRows(rows: readonly { kode_wilayah: string; nama_wilayah: string; tingkat: string; kode_induk: string | null; jenis: string }[], province: string): Gazetteer {
  const areas = new Map<string, Area>();
  const children = new Map<string | null, Area[]>();
  for (const r of rows) {
    const a: Area = { kode: r.kode_wilayah, nama: r.nama_wilayah, tingkat: r.tingkat as Tingkat, induk: r.kode_induk ?? null, jenis: r.jenis };
    areas.set(a.kode, a);
    const list = children.get(a.induk) ?? [];
    list.push(a);
    children.set(a.induk, list);
  }
  return { province, areas, children, source: { package: 'published wilayah', version: '', license: '' } };
}
