import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { RULE_MACROS } from './sql/rules.ts';

/** The build step's native DuckDB: one in-memory database per build, rule macros loaded. */
export interface Duck {
  run(sql: string): Promise<void>;
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Append rows of text/number/null values to an existing table (fast: DuckDB's appender). */
  append(table: string, rows: (string | number | null)[][]): Promise<void>;
  close(): void;
}

export interface DuckOptions {
  threads?: number;
  /** DuckDB's memory cap (default DEFAULT_MEMORY_LIMIT); beyond it, it spills to tempDirectory. */
  memoryLimit?: string;
  tempDirectory?: string;
}

/**
 * The build's budget is 2 GB peak for the whole process at national scale (20 million by-name rows):
 * DuckDB gets 1 GB and spills the rest (its default, 80 % of the machine's memory, let one build take
 * 2.5 GB and more). Small builds never come near it.
 */
export const DEFAULT_MEMORY_LIMIT = '1GB';

export async function openDuck(opts: DuckOptions = {}): Promise<Duck> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn: DuckDBConnection = await instance.connect();
  const settings = [
    `SET preserve_insertion_order = true`,
    `SET autoinstall_known_extensions = false`,
    `SET autoload_known_extensions = false`,
    opts.threads ? `SET threads = ${opts.threads}` : '',
    `SET memory_limit = ${sqlString(opts.memoryLimit ?? DEFAULT_MEMORY_LIMIT)}`,
    opts.tempDirectory ? `SET temp_directory = ${sqlString(opts.tempDirectory)}` : '',
  ].filter(Boolean);
  for (const s of settings) await conn.run(s);
  await conn.run(RULE_MACROS);
  return {
    async run(sql) {
      await conn.run(sql);
    },
    async all<T>(sql: string) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map(plain) as T[];
    },
    async append(table, rows) {
      if (rows.length === 0) return;
      const appender = await conn.createAppender(table);
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'number') Number.isInteger(v) ? appender.appendBigInt(BigInt(v)) : appender.appendDouble(v);
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** BIGINT -> number (counts fit easily), leave everything else as is. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(row)) if (typeof row[k] === 'bigint') row[k] = Number(row[k]);
  return row;
}

/** A SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A SQL identifier. */
export function sqlIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
