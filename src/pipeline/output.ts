import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Duck } from './duck.ts';
import { sqlIdent, sqlString } from './duck.ts';
import { TABLES, type TableName } from '../lib/schema.ts';

/** Writes the public data API: one zstd Parquet per table, columns in schema order, rows sorted by key. */
export async function writeParquet(db: Duck, dir: string, table: TableName, source: string): Promise<{ file: string; rows: number }> {
  const spec = TABLES[table];
  const cols = spec.columns.map((c) => `CAST(${sqlIdent(c.name)} AS ${c.type}) AS ${sqlIdent(c.name)}`).join(', ');
  const order = spec.key.map(sqlIdent).join(', ');
  const path = join(dir, spec.file);
  await db.run(`COPY (SELECT ${cols} FROM ${source} ORDER BY ${order}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
  const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${source}`);
  return { file: spec.file, rows: n };
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function describeFile(dir: string, file: string, rows: number) {
  const p = join(dir, file);
  return { file, rows, bytes: statSync(p).size, sha256: sha256File(p) };
}

/** A fresh temporary folder next to the output, so the final rename stays on one file system. */
export function stagingDir(out: string): string {
  const abs = resolve(out);
  mkdirSync(dirname(abs), { recursive: true });
  const tmp = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  return tmp;
}

/**
 * Replace the output folder by the staged one. The old output is moved aside first and removed only
 * after the new one is in place; if anything fails before, the old output is untouched.
 */
export function swapIntoPlace(staged: string, out: string): void {
  const abs = resolve(out);
  const old = join(dirname(abs), `.${basename(abs)}.old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  const hadOld = existsSync(abs);
  if (hadOld) renameSync(abs, old);
  try {
    renameSync(staged, abs);
  } catch (e) {
    if (hadOld) renameSync(old, abs);
    throw e;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
