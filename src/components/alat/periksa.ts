/**
 * The file check (/jelajah/periksa/): the parts that need no browser. An uploaded file is read as
 * text columns c1..cN plus cx (the spare column of the build's reader), a row number `rn` and its
 * physical line `ln`, into a scratch table of DuckDB-WASM; then the build's own SQL runs on it:
 * src/pipeline/sql/by-name.ts for a by-name export, src/pipeline/sql/table-checks.ts for a
 * village-count CSV, both over the macros of src/pipeline/sql/rules.ts. Names are matched to codes by
 * the build's NameMatcher over the published areas. Nothing here touches files or an engine.
 */
import type { Area, Gazetteer } from '../../pipeline/gazetteer.ts';
import type { Head } from '../../pipeline/csv/prescan.ts';
import type { InputFile } from '../../pipeline/input-files.ts';
import { col, mapHeader, type HeaderMap } from '../../pipeline/csv/read.ts';
import { IssueLog } from '../../pipeline/issues.ts';
import { columnsOf, EPPGBM_SPEC, KINDS } from '../../pipeline/kinds.ts';
import { byNameAggregateSql, rowSql, type Layout } from '../../pipeline/sql/by-name.ts';
import { RULE_MACROS } from '../../pipeline/sql/rules.ts';
import { PARSE } from '../../pipeline/sql/table-checks.ts';
import { sqlIdent, sqlString } from '../../lib/db/connector.ts';
import type { Tingkat } from '../../lib/schema.ts';

/** The table-check id of an upload: its rows are in raw_periksa (as the build's raw_<id>). */
export const UPLOAD_ID = 'periksa';
/** The scratch table that holds the uploaded rows (text only; dropped after each check). */
export const UPLOAD_TABLE = `raw_${UPLOAD_ID}`;

/** What kind of input a header belongs to: a by-name export, a village-count file, or neither. */
export type UploadKind = 'by-name' | 'desa';

/** The macro statements one by one (DuckDB-WASM runs one statement per call). */
export function ruleStatements(): string[] {
  return RULE_MACROS.split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--[^\n]*\n/gm, '').trim())
    .filter((s) => /^CREATE/i.test(s));
}

/**
 * Which input a header is, with its column map; when it is neither, the problems of the closer one
 * (the by-name export unless the header names kode_wilayah) are in `log`.
 */
export function detectKind(head: Head, file: string, log: IssueLog): { kind: UploadKind; map: HeaderMap } | null {
  const desaColumns = columnsOf(KINDS.eppgbmDesa);
  const byName = mapHeader(head, EPPGBM_SPEC, file, new IssueLog());
  if (byName) return { kind: 'by-name', map: byName };
  const desa = mapHeader(head, desaColumns, file, new IssueLog());
  if (desa) return { kind: 'desa', map: desa };
  const looksDesa = head.header.some((h) => h.trim().toLowerCase() === 'kode_wilayah');
  mapHeader(head, looksDesa ? desaColumns : EPPGBM_SPEC, file, log);
  return null;
}

/**
 * The columns of the upload table: the mapped columns and the header's last column (a short row
 * leaves it NULL). Other columns of the export (names, addresses) are never kept.
 */
export function uploadColumns(map: HeaderMap, headerLength: number): number[] {
  return [...new Set([...map.values(), headerLength])].sort((a, b) => a - b);
}

/**
 * One parsed record -> the kept cells: [c_i for each kept column..., cx]. Missing fields are NULL,
 * fields beyond the header go to cx (as DuckDB's reader with one spare column and null padding).
 */
export function keptCells(fields: readonly string[], kept: readonly number[], headerLength: number): (string | null)[] {
  const out: (string | null)[] = kept.map((i) => (i <= fields.length ? fields[i - 1]! : null));
  out.push(fields.length > headerLength ? fields.slice(headerLength).join(',') : null);
  return out;
}

/** Physical lines a parsed record spans (quoted values may hold line breaks). */
export function recordLines(fields: readonly string[]): number {
  let n = 1;
  for (const f of fields) {
    if (f.length === 0 || !f.includes('\n')) continue;
    for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/** The layout the build's row SQL expects, for one uploaded file. */
export function uploadLayout(head: Head, map: HeaderMap): Layout {
  return { files: [{ input: { head, name: head.path } as unknown as InputFile, map, index: 0 }], map };
}

/** Classified rows of the upload (the build's rowSql), with the line number `ln` carried along. */
export function uploadRowSql(layout: Layout, extra = ''): string {
  return rowSql(layout, { source: UPLOAD_TABLE, extra: `ln, ${extra}` });
}

/** Counts per area names and month of the upload: the build's aggregation over the build's rows. */
export function uploadAggregateSql(layout: Layout, salt = 0): string {
  return byNameAggregateSql([rowSql(layout, { source: UPLOAD_TABLE })], salt);
}

/** The typed village-count rows, as the build's in_eppgbm_desa (every field parsed by the build's PARSE). */
export function desaTypedSql(map: HeaderMap, file: string): string {
  const select = KINDS.eppgbmDesa.fields.map((f) => `${PARSE[f.type].sql(col(map, f.name))} AS ${sqlIdent(f.name)}`).join(', ');
  return `CREATE OR REPLACE TABLE in_${KINDS.eppgbmDesa.id} AS SELECT ${select}, ${sqlString(file)} AS _file, ln::INTEGER AS _line FROM ${UPLOAD_TABLE}`;
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
