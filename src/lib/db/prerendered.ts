/**
 * Query results computed at build time, answered in the browser without DuckDB-WASM.
 *
 * For every interactive page the build runs the page module's own `load()` for every state its
 * controls can reach (src/components/halaman/views.ts) and keeps each SQL result once, keyed by a
 * hash of the SQL text, in one small JSON file per page (/views/<page>.bin, gzip). In the browser the
 * same `load()` runs against `replayConnector(file)`: the same SQL gives the same key, so every
 * preset control answers from that file; only SQL the build never saw (free exploration) goes to
 * the fallback connector (DuckDB-WASM).
 *
 *   const conn = replayConnector(await (await fetch(url)).json(), browserDb);
 *   const model = await page.load(conn, { period: '2024-02' });
 */
import type { Connector } from './connector.ts';
import { cyrb53 } from '../hash.ts';

export const VIEW_FORMAT = 1;

/** Rows in columns: names once, then one array of values per row (about 3x smaller than objects). */
export interface EncodedRows {
  c: string[];
  d: unknown[][];
}

export interface ViewFile {
  v: typeof VIEW_FORMAT;
  /** Result of each SQL text, by sqlKey(sql). */
  q: Record<string, EncodedRows>;
}

/** Key of a SQL text in a view file (its cyrb53 hash). */
export const sqlKey = (sql: string): string => cyrb53(sql);

/**
 * Fractions are kept to 6 decimals (display uses at most 2; a long run of digits could also look
 * like an identity number to the personal-data scan).
 */
const compact = (v: unknown) => (v === undefined ? null : typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v);

export function encodeRows(rows: readonly Record<string, unknown>[]): EncodedRows {
  const c = rows.length ? Object.keys(rows[0]!) : [];
  return { c, d: rows.map((r) => c.map((k) => compact(r[k]))) };
}

export function decodeRows<T>({ c, d }: EncodedRows): T[] {
  return d.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < c.length; i++) row[c[i]!] = values[i];
    return row as T;
  });
}

export interface ReplayConnector extends Connector {
  /** SQL texts answered by the fallback (not in the file), for tests and the bench. */
  readonly misses: string[];
}

/**
 * A Connector that answers from a view file; SQL not in it goes to `fallback`, or fails with an
 * error naming the query when there is none. Each SQL text decodes to one array, so repeated
 * queries give the same rows (page modules skip redrawing figures whose rows did not change).
 */
export function replayConnector(file: ViewFile, fallback?: Connector): ReplayConnector {
  if (file?.v !== VIEW_FORMAT) throw new Error(`view file: format ${String(file?.v)}, expected ${VIEW_FORMAT}`);
  const decoded = new Map<string, unknown[]>();
  const misses: string[] = [];
  return {
    misses,
    async query<T>(sql: string): Promise<T[]> {
      const key = sqlKey(sql);
      const hit = decoded.get(key) ?? (file.q[key] ? decodeRows(file.q[key]) : undefined);
      if (hit) {
        decoded.set(key, hit);
        return hit as T[];
      }
      misses.push(sql);
      if (!fallback) throw new Error(`not prerendered: ${sql.slice(0, 120)}`);
      return fallback.query<T>(sql);
    },
  };
}
