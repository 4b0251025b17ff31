/**
 * One query interface for both engines: native DuckDB at build time (node.ts) and
 * DuckDB-WASM in the browser (browser.ts). A query written once in src/lib/queries/ runs on either.
 *
 * Results are plain JS values: BIGINT/HUGEINT become number (never bigint), DECIMAL becomes number,
 * NULL stays null (it is never turned into 0), VARCHAR stays string.
 */
export interface Connector {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** Largest integer a JS number holds exactly; counts above it would be silently rounded. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Turns engine values into plain JS: bigint -> number (throws if it would lose precision). */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value > MAX_SAFE || value < -MAX_SAFE) throw new RangeError(`integer out of safe range: ${value}`);
    return Number(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/** Quotes an SQL string literal: `it's` -> `'it''s'`. Use for every value put into SQL text. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an SQL identifier: `my col` -> `"my col"`. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
