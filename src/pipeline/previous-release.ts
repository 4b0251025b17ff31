import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sqlIdent, sqlString, type Duck } from './duck.ts';
import { CliError } from './issues.ts';
import { groupKeySql, SUPPRESSED_TABLES } from './apply-suppression.ts';
import { PREVIOUS_HIDDEN } from './tables.ts';
import { TABLES } from '../lib/schema.ts';

/**
 * The previous release: the output folder a build is about to replace. Every cell it hid stays hidden
 * in the new release (more cells may be hidden, never fewer), so that comparing last week's download
 * with this week's recovers nothing, even when late entries changed a period published before.
 *
 * Read at the start of the build, long before the folder is replaced. Result: table PREVIOUS_HIDDEN
 * (tabel, kode_wilayah, grp, measure), one row per hidden cell, grp as apply-suppression.ts keys groups.
 * A folder without manifest.json is not a release; an internal release hid nothing.
 */
export interface PreviousRelease {
  dir: string;
  /** cells hidden in it, over every suppressed table */
  hiddenCells: number;
}

interface Manifest {
  internal?: boolean;
  outputs?: { file: string }[];
}

export async function readPreviousRelease(db: Duck, out: string): Promise<PreviousRelease | null> {
  await db.run(`CREATE OR REPLACE TABLE ${PREVIOUS_HIDDEN} (tabel VARCHAR, kode_wilayah VARCHAR, grp VARCHAR, measure VARCHAR)`);
  const dir = resolve(out);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const refuse = (what: string, why: string) =>
    new CliError(`${what}: ${why}. Its hidden cells must stay hidden in the new release: restore the previous release there, or, if it was never published, move the folder away and run again`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (e) {
    throw refuse(manifestPath, `the previous release's manifest cannot be read (${(e as Error).message})`);
  }
  if (manifest.internal) return { dir, hiddenCells: 0 };
  for (const t of SUPPRESSED_TABLES) {
    const file = TABLES[t.name].file;
    if (!(manifest.outputs ?? []).some((o) => o.file === file)) continue; // not published then
    const path = join(dir, file);
    if (!existsSync(path)) throw refuse(path, 'listed in the previous release\'s manifest but missing');
    const src = `read_parquet(${sqlString(path)})`;
    try {
      const cols = new Set((await db.all<{ name: string }>(`SELECT name FROM parquet_schema(${sqlString(path)})`)).map((c) => c.name));
      const measures = t.spec.measures.filter((m) => cols.has(m));
      if (!cols.has('ditekan') || measures.length === 0) continue;
      await db.run(`INSERT INTO ${PREVIOUS_HIDDEN}
        ${measures.map((m) => `SELECT ${sqlString(t.name)}, p.kode_wilayah, ${groupKeySql(t, 'p')}, ${sqlString(m)} FROM ${src} p WHERE p.ditekan AND p.${sqlIdent(m)} IS NULL`).join('\nUNION ALL\n')}`);
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw refuse(path, `the previous release's file cannot be read (${String((e as Error).message).split('\n')[0]})`);
    }
  }
  const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${PREVIOUS_HIDDEN}`);
  return { dir, hiddenCells: n };
}
