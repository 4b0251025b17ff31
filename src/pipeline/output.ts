import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * Staging: the build writes its output into a folder of its own and renames it into place at the
 * end, so the output is always whole. The staging folder never sits where anything is published
 * from (a folder beside public/data/ would be copied into the site by astro build): it lives in
 * a staging root on the same file system as the output (rename must stay atomic), chosen as
 *   1. $ATLAS_STAGING_DIR, when set;
 *   2. <repository>/.atlas-staging/ (git-ignored), when on the output's file system;
 *   3. <os temp dir>/atlas-staging/, when on the output's file system;
 *   4. otherwise .atlas-staging/ beside the output (a dot-folder: the site build refuses to publish
 *      any, see src/build/site-check.ts).
 * Each run has a folder <root>/<out name>-<pid>-<n>/ holding run.json (pid, output), new/ (the
 * output being written) and, during the swap, old/ (the previous output). A later run removes the
 * folders of runs whose process is gone, first putting a previous output back in place when a run
 * died between the two renames of the swap.
 */
const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const STAGING_ENV = 'ATLAS_STAGING_DIR';
let runCounter = 0;

interface RunInfo {
  pid: number;
  out: string;
  started: string;
}

function nearestExisting(path: string): string {
  let p = resolve(path);
  while (!existsSync(p)) p = dirname(p);
  return p;
}

const device = (path: string) => statSync(nearestExisting(path)).dev;

/** The staging root for an output folder (see above). */
export function stagingRoot(out: string): string {
  const parent = dirname(resolve(out));
  const env = process.env[STAGING_ENV];
  if (env) {
    if (device(env) !== device(parent)) throw new Error(`${STAGING_ENV}=${env} is not on the same file system as ${parent}: the output could not be renamed into place atomically`);
    return resolve(env);
  }
  for (const candidate of [join(REPO_ROOT, '.atlas-staging'), join(tmpdir(), 'atlas-staging')]) {
    if (device(candidate) === device(parent)) return candidate;
  }
  return join(parent, '.atlas-staging');
}

/** True while a process with this id exists (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders of runs whose process is gone. When such a run had already moved
 * the previous output aside (old/) and its output folder is missing, the previous output is put
 * back first. Returns the folders removed.
 */
export function cleanStaleStaging(root: string): string[] {
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const m = /-(\d+)-\d+$/.exec(entry.name);
    if (!entry.isDirectory() || !m || processAlive(Number(m[1]))) continue;
    const dir = join(root, entry.name);
    let info: RunInfo | undefined;
    try {
      info = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunInfo;
    } catch {
      info = undefined;
    }
    try {
      if (info && existsSync(join(dir, 'old')) && !existsSync(info.out) && existsSync(dirname(info.out))) renameSync(join(dir, 'old'), info.out);
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // another run's leftovers never stop this build; a later run tries again
    }
  }
  return removed;
}

/** A fresh, empty staging folder for `out` (stale ones of dead runs are removed first). */
export function stagingDir(out: string): string {
  const abs = resolve(out);
  mkdirSync(dirname(abs), { recursive: true });
  const root = stagingRoot(abs);
  mkdirSync(root, { recursive: true });
  cleanStaleStaging(root);
  const run = join(root, `${basename(abs)}-${process.pid}-${++runCounter}`);
  rmSync(run, { recursive: true, force: true });
  mkdirSync(join(run, 'new'), { recursive: true });
  const info: RunInfo = { pid: process.pid, out: abs, started: new Date().toISOString() };
  writeFileSync(join(run, 'run.json'), `${JSON.stringify(info)}\n`);
  return join(run, 'new');
}

/**
 * Removes a staging folder made by stagingDir (after a failed build). A previous output still held
 * in old/ (both renames of a swap failed) is kept for cleanStaleStaging to put back.
 */
export function discardStaging(staged: string): void {
  const run = dirname(staged);
  if (existsSync(join(run, 'old'))) rmSync(staged, { recursive: true, force: true });
  else rmSync(run, { recursive: true, force: true });
}

/**
 * Replace the output folder by the staged one. The old output is moved aside (into the staging
 * folder, never beside the output) and removed only after the new one is in place; if the second
 * rename fails the old output is put back, and if the process dies between the two renames the
 * next run puts it back (cleanStaleStaging).
 */
export function swapIntoPlace(staged: string, out: string): void {
  const abs = resolve(out);
  const old = join(dirname(staged), 'old');
  rmSync(old, { recursive: true, force: true });
  const hadOld = existsSync(abs);
  if (hadOld) renameSync(abs, old);
  try {
    renameSync(staged, abs);
  } catch (e) {
    if (hadOld) renameSync(old, abs);
    throw e;
  }
  rmSync(dirname(staged), { recursive: true, force: true });
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
