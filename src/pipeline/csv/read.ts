import type { IssueLog } from '../issues.ts';
import { sqlString } from '../../lib/db/connector.ts';
import type { Head } from './prescan.ts';

/** A column an input kind needs or accepts, with the header spellings it is known by. */
export interface ColumnSpec {
  name: string;
  required: boolean;
  aliases?: string[];
}

/** Where each wanted column sits in a file's header (1-based, for error messages). */
export type HeaderMap = Map<string, number>;

const normHeader = (h: string) => h.toLowerCase().replace(/\s+/g, ' ').trim();

/** Match a file's header to the spec; report missing required columns and duplicated names. */
export function mapHeader(scan: Head, columns: ColumnSpec[], file: string, log: IssueLog): HeaderMap | null {
  const positions = new Map<string, number[]>();
  scan.header.forEach((h, i) => {
    const k = normHeader(h);
    positions.set(k, [...(positions.get(k) ?? []), i + 1]);
  });
  const map: HeaderMap = new Map();
  let ok = true;
  for (const col of columns) {
    const names = [col.name, ...(col.aliases ?? [])].map(normHeader);
    const found = names.map((n) => positions.get(n)).find((p) => p !== undefined);
    if (!found) {
      if (col.required) {
        ok = false;
        log.report('missing-column', file, { line: 1 }, { column: col.name, header: scan.header.join(', ') }, col.name);
      }
      continue;
    }
    if (found.length > 1) {
      ok = false;
      log.report('duplicate-column', file, { line: 1, column: found[1] }, { column: col.name, count: found.length }, col.name);
      continue;
    }
    map.set(col.name, found[0]);
  }
  return ok ? map : null;
}

export interface CsvSource {
  /** `read_csv(...)` over the file, every column VARCHAR named c1..cN in file order. */
  sql: string;
  /** Where malformed rows go when `collectRejects` (else a malformed row stops the query with an error). */
  rejectsTable: string;
}

/**
 * A DuckDB `read_csv` for files whose dialect we already know (several files of one layout: one scan,
 * with a `filename` column): no sniffing, every column text,
 * strict quoting. With `collectRejects`, malformed rows are kept in a rejects table (never dropped
 * silently); without it (the fast path: storing rejects costs ~45 ms per file) the first malformed row
 * fails the query, and the caller re-reads with `collectRejects` to list them all. DuckDB's parallel
 * reader refuses null padding when a quoted value holds a line break: `parallel = false` then.
 */
export function csvSource(scan: Head | Head[], id: string, collectRejects = true, parallel = true): CsvSource {
  const scans = Array.isArray(scan) ? scan : [scan];
  const first = scans[0];
  // one column more than the header (cx): DuckDB reads a row with one extra field as if it ended in a
  // trailing delimiter, so an unquoted comma in a value would shift the row silently. With the spare
  // column and null padding, rows with too many fields have cx, rows with too few a NULL last column.
  const cols = [...first.header.map((_, i) => `'c${i + 1}': 'VARCHAR'`), `'cx': 'VARCHAR'`].join(', ');
  const paths = scans.length === 1 ? sqlString(first.path) : `[${scans.map((s) => sqlString(s.path)).join(', ')}], filename = true`;
  const rejectsTable = `rejects_${id}`;
  const rejects = collectRejects
    ? `ignore_errors = true, store_rejects = true, rejects_table = ${sqlString(rejectsTable)}, rejects_scan = ${sqlString(`${rejectsTable}_scan`)},`
    : 'ignore_errors = false,';
  const sql = `read_csv(${paths}, columns = {${cols}}, header = false, skip = 1,
    delim = ${sqlString(first.delimiter)}, quote = '"', escape = '"',
    auto_detect = false, strict_mode = true, null_padding = true, nullstr = '\u0001', all_varchar = true, ${rejects}${parallel ? '' : ' parallel = false,'}
    max_line_size = 1048576)`;
  return { sql, rejectsTable };
}

/** SQL that is true for a row with more or fewer fields than the header. */
export function fieldCountWrong(scan: Head): string {
  return `(cx IS NOT NULL OR c${scan.header.length} IS NULL)`;
}

/** The message for such a row. */
/** Reports a row with more (or fewer) fields than the header of its file. */
export function reportFieldCount(log: IssueLog, file: string, line: number, scan: Head, tooMany: boolean): void {
  log.report('field-count', file, { line }, { problem: tooMany ? 'too many' : 'missing', hint: REJECT_FIX[tooMany ? 'TOO MANY COLUMNS' : 'MISSING COLUMNS'], header: scan.header.length });
}

/** `c7` for the column the spec calls `name`. */
export function col(map: HeaderMap, name: string): string {
  const i = map.get(name);
  return i === undefined ? 'NULL::VARCHAR' : `c${i}`;
}

export interface RejectRow {
  line: number;
  column_idx: number | null;
  error_type: string;
  error_message: string;
}

const REJECT_FIX: Record<string, string> = {
  'TOO MANY COLUMNS': 'this row has more fields than the header: quote values that contain the delimiter',
  'MISSING COLUMNS': 'this row has fewer fields than the header: add the missing fields (empty is fine)',
  'UNQUOTED VALUE': 'a quote opened here is never closed: close it, or double any quote inside a value ("")',
  'INVALID ENCODING': 'save the file as "CSV UTF-8"',
  'LINE SIZE OVER MAXIMUM': 'a line is longer than 1 MB: probably an unclosed quote',
};

/** Turn DuckDB's rejected rows into issues, one per line. */
export function reportRejects(rows: RejectRow[], file: string, log: IssueLog): void {
  const seen = new Set<number>();
  for (const r of rows) {
    if (seen.has(r.line)) continue; // one message per line (a broken quote makes DuckDB report every field after it)
    seen.add(r.line);
    log.report('unreadable-row', file, { line: r.line, column: r.column_idx ?? undefined }, { reason: r.error_type.toLowerCase(), hint: REJECT_FIX[r.error_type] ?? r.error_message }, r.error_type);
  }
}

/** DuckDB's parallel reader cannot pad rows of a file whose quoted values hold line breaks. */
export const needsSequentialRead = (e: unknown) => /null_padding in conjunction with quoted new lines/.test(String(e));
