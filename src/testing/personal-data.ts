/**
 * Looks for personal data in a folder that is about to be published (the built site): NIKs
 * (16-digit national identity numbers) and the full names of children and parents taken from the
 * by-name exports the site was built from. Parquet files are decoded (their strings are
 * compressed, so the raw bytes would hide them); every other file is read as text.
 *
 *   const people = samplePeople('data/demo');
 *   const findings = await scanForPersonalData('dist', people);   // [] when clean
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { sqlString } from '../lib/db/connector.ts';
import { isProvinceCode } from '../lib/province.ts';

export interface People {
  /** Full names of two or more words, upper case, single spaces. */
  names: Set<string>;
  niks: Set<string>;
}

export interface Finding {
  file: string;
  kind: 'nik' | 'name';
  value: string;
}

/**
 * A 16-digit run shaped like a NIK: a province code (or the demo's 99), regency, district, day of birth 01-31 (41-71
 * for women), month 01-12, year, number. Longer digit runs are not NIKs.
 */
/** A NIK begins with its province's code; the demo's synthetic NIKs begin with 99 (no such province). */
const nikProvince = (code: string) => code === '99' || isProvinceCode(code);

const NIK = /(?<![0-9])([1-9][0-9])([0-9]{4})([0-7][0-9])([01][0-9])([0-9]{6})(?![0-9])/g;

export function findNiks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NIK)) {
    const day = Number(m[3]);
    const month = Number(m[4]);
    if (nikProvince(m[1]!) && ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12) out.push(m[0]);
  }
  return out;
}

const normalise = (name: string) => name.trim().toUpperCase().replace(/\s+/g, ' ');

/**
 * Names and NIKs of the by-name exports under <input>/raw/eppgbm/: the first `perFile` rows of
 * every file (the names are combinations of a few dozen given names, so a sample has nearly all).
 * Only names of two words or more are kept: a single given name (Intan, Bunga, Citra) is also a
 * word and a place name.
 */
export function samplePeople(input: string, perFile = 300): People {
  const dir = join(input, 'raw', 'eppgbm');
  const names = new Set<string>();
  const niks = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, preview: perFile, skipEmptyLines: true });
    for (const row of parsed.data) {
      for (const col of ['Nama', 'Nama Ortu']) {
        const name = normalise(row[col] ?? '');
        if (name.includes(' ')) names.add(name);
      }
      if (/^[0-9]{16}$/.test(row.NIK ?? '')) niks.add(row.NIK);
    }
  }
  return { names, niks };
}

/** Full names of `people` that occur in `text`, whole words, any case, any run of spaces between words. */
export function findNames(text: string, people: People): string[] {
  const found = new Set<string>();
  const upper = text.toUpperCase();
  // Cheap first pass: a name starts with one of a few dozen given names.
  const firsts = [...new Set([...people.names].map((n) => n.split(' ')[0]))];
  if (!firsts.length) return [];
  const start = new RegExp(`(?<![A-Z])(?:${firsts.map((f) => f.replace(/[^A-Z]/g, '')).filter(Boolean).join('|')})(?:\\s+[A-Z]+)+`, 'g');
  const longest = Math.max(...[...people.names].map((n) => n.split(' ').length));
  for (const m of upper.matchAll(start)) {
    const words = m[0].split(/\s+/);
    for (let i = 0; i < words.length - 1; i++) {
      for (let end = i + 2; end <= Math.min(words.length, i + longest); end++) {
        const candidate = words.slice(i, end).join(' ');
        if (people.names.has(candidate)) found.add(candidate);
      }
    }
  }
  return [...found];
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Every value of a Parquet file as text, one line per row. */
async function parquetText(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, path: string): Promise<string> {
  const reader = await conn.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${sqlString(path)})`);
  return reader.getRows().map((row) => row.join('\t')).join('\n');
}

/** Every NIK-shaped number and every sampled full name in any file under `dir`. */
export async function scanForPersonalData(dir: string, people: People): Promise<Finding[]> {
  const findings: Finding[] = [];
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await instance.connect();
  try {
    for (const path of files(dir)) {
      if (!statSync(path).size) continue;
      const text = path.toLowerCase().endsWith('.parquet') ? await parquetText(conn, path) : readFileSync(path).toString('latin1');
      const file = relative(dir, path);
      for (const value of new Set(findNiks(text))) findings.push({ file, kind: 'nik', value });
      for (const value of findNames(text, people)) findings.push({ file, kind: 'name', value });
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return findings;
}
