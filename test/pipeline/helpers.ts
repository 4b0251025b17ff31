/**
 * Test helpers for the build step: write an input folder (in a temp dir) from row objects, run
 * buildData on it, and read the Parquet it wrote with native DuckDB.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildData, type BuildSummary, type Logger } from '../../src/pipeline/build.ts';
import { CliError, DataError } from '../../src/pipeline/issues.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE = join(ROOT, 'node_modules/.bin/node');
export const PROGRAM_REF = join(ROOT, 'data/reference/program.csv');

/** The e-PPGBM by-name export header, in the order the real export has it. */
export const BYNAME_HEADER = [
  'NIK', 'Nama', 'JK', 'Tgl Lahir', 'BB Lahir', 'TB Lahir', 'Nama Ortu', 'Prov', 'Kab/Kota', 'Kec', 'Pukesmas', 'Desa/Kel', 'Posyandu', 'RT', 'RW', 'Alamat',
  'Usia Saat Ukur', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur', 'LiLA', 'BB/U', 'ZS BB/U', 'TB/U', 'ZS TB/U', 'BB/TB', 'ZS BB/TB',
  'Naik Berat Badan', 'PMT Diterima (kg)', 'Jml Vit A', 'KPSP', 'KIA', 'Detail',
] as const;
export type ByNameColumn = (typeof BYNAME_HEADER)[number];
export type ByNameRow = Partial<Record<ByNameColumn, string>>;

/** 1-based column of a by-name header field (for FILE:LINE:COLUMN assertions). */
export const colOf = (name: ByNameColumn): number => BYNAME_HEADER.indexOf(name) + 1;

/** A real village: Teluk Baru, Kecamatan Muara Ancalong, Kabupaten Kutai Timur. */
export const TELUK_BARU = { prov: 'Kalimantan Timur', kab: 'Kutai Timur', kec: 'Muara Ancalong', desa: 'Teluk Baru', kode: '64.08.01.2014' } as const;
export const SENYIUR = { prov: 'Kalimantan Timur', kab: 'Kutai Timur', kec: 'Muara Ancalong', desa: 'Senyiur', kode: '64.08.01.2001' } as const;

let nikSeq = 0;
/** A unique, obviously synthetic NIK. */
export function nextNik(): string {
  nikSeq++;
  return `6408019${String(nikSeq).padStart(9, '0')}`;
}

/**
 * A by-name row with sensible defaults: a 24-month-old in Teluk Baru measured on 2024-02-10 with
 * HAZ 0.5 (normal). Override any column.
 */
export function child(over: ByNameRow = {}, place: { prov: string; kab: string; kec: string; desa: string } = TELUK_BARU): ByNameRow {
  return {
    NIK: nextNik(),
    Nama: 'Anak Uji',
    JK: 'L',
    'Tgl Lahir': '2022-02-01',
    'BB Lahir': '3.1',
    'TB Lahir': '49',
    'Nama Ortu': 'Ibu Uji',
    Prov: place.prov,
    'Kab/Kota': place.kab,
    Kec: place.kec,
    Pukesmas: 'Puskesmas Uji',
    'Desa/Kel': place.desa,
    Posyandu: 'Posyandu Uji',
    RT: '001',
    RW: '002',
    Alamat: 'Jalan Uji',
    'Usia Saat Ukur': '2 Tahun - 0 Bulan - 9 Hari',
    'Tanggal Pengukuran': '2024-02-10',
    Berat: '11.5',
    Tinggi: '86.0',
    'Cara Ukur': 'Berdiri',
    LiLA: '',
    'BB/U': 'Berat Badan Normal',
    'ZS BB/U': '0.1',
    'TB/U': 'Normal',
    'ZS TB/U': '0.5',
    'BB/TB': 'Gizi Baik',
    'ZS BB/TB': '0.2',
    'Naik Berat Badan': 'N',
    'PMT Diterima (kg)': '0',
    'Jml Vit A': '1',
    KPSP: 'Ya',
    KIA: 'Ya',
    Detail: '',
    ...over,
  };
}

export interface CsvOptions {
  delimiter?: ',' | ';';
  bom?: boolean;
  crlf?: boolean;
}

function quote(v: string, delimiter: string): string {
  return v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replaceAll('"', '""')}"` : v;
}

/** CSV text from a header and row objects (missing values empty). */
export function toCsv(header: readonly string[], rows: Record<string, string | number | null | undefined>[], opts: CsvOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.crlf ? '\r\n' : '\n';
  const lines = [header.map((h) => quote(h, d)).join(d), ...rows.map((r) => header.map((h) => quote(r[h] === null || r[h] === undefined ? '' : String(r[h]), d)).join(d))];
  return `${opts.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

/** A file in the input folder: row objects (written with `header`, default: keys of the first row) or raw content. */
export type FileSpec = string | Buffer | { rows: Record<string, string | number | null | undefined>[]; header?: readonly string[]; csv?: CsvOptions };

export interface Fixture {
  /** raw/eppgbm/<name>: by-name rows (header BYNAME_HEADER) or raw content */
  eppgbm?: Record<string, ByNameRow[] | { rows: ByNameRow[]; csv?: CsvOptions; header?: readonly string[] } | string | Buffer>;
  /** any other file, by path relative to the input folder (e.g. 'raw/program/a.csv') */
  files?: Record<string, FileSpec>;
  /** reference/program.csv is copied from data/reference unless false */
  programRef?: boolean;
}

const roots: string[] = [];

/** A fresh temporary folder, removed by cleanup(). */
export function tempDir(prefix = 'atlas-pipeline-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  roots.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
}

function writeSpec(path: string, spec: FileSpec): void {
  mkdirSync(dirname(path), { recursive: true });
  if (typeof spec === 'string' || Buffer.isBuffer(spec)) writeFileSync(path, spec);
  else writeFileSync(path, toCsv(spec.header ?? Object.keys(spec.rows[0] ?? {}), spec.rows, spec.csv));
}

/** Write the input folder for a fixture; returns its path. */
export function makeInput(fx: Fixture, dir = join(tempDir(), 'input')): string {
  mkdirSync(dir, { recursive: true });
  if (fx.programRef !== false) {
    mkdirSync(join(dir, 'reference'), { recursive: true });
    copyFileSync(PROGRAM_REF, join(dir, 'reference/program.csv'));
  }
  for (const [name, v] of Object.entries(fx.eppgbm ?? {})) {
    const path = join(dir, 'raw/eppgbm', name);
    if (typeof v === 'string' || Buffer.isBuffer(v)) writeSpec(path, v);
    else if (Array.isArray(v)) writeSpec(path, { rows: v, header: BYNAME_HEADER });
    else writeSpec(path, { rows: v.rows, header: v.header ?? BYNAME_HEADER, csv: v.csv });
  }
  for (const [name, v] of Object.entries(fx.files ?? {})) writeSpec(join(dir, name), v);
  return dir;
}

/** A logger that keeps every line. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), progress: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

export interface BuildResult {
  input: string;
  out: string;
  summary?: BuildSummary;
  error?: unknown;
  /** e.log.lines() of a DataError */
  issues: string[];
  log: string[];
}

export interface BuildOpts {
  out?: string;
  internal?: boolean;
  province?: string;
  /** DuckDB threads */
  threads?: number;
}

/** Build a fixture (or an existing input folder) into `out` (default: a fresh temp folder). Never throws. */
export async function build(fx: Fixture | string, opts: BuildOpts = {}): Promise<BuildResult> {
  const input = typeof fx === 'string' ? fx : makeInput(fx);
  const out = opts.out ?? join(tempDir(), 'out');
  const logger = captureLogger();
  try {
    const summary = await buildData({ input, out, internal: opts.internal, province: opts.province, threads: opts.threads, logger });
    return { input, out, summary, issues: [], log: logger.lines };
  } catch (error) {
    if (!(error instanceof DataError) && !(error instanceof CliError)) throw error;
    return { input, out, error, issues: error instanceof DataError ? error.log.lines() : [], log: logger.lines };
  }
}

/** Build and require success. */
export async function buildOk(fx: Fixture | string, opts: BuildOpts = {}): Promise<BuildResult & { summary: BuildSummary }> {
  const r = await build(fx, opts);
  if (!r.summary) throw new Error(`build failed:\n${r.issues.join('\n') || String(r.error)}`);
  return r as BuildResult & { summary: BuildSummary };
}

/** Build and require a DataError; returns its issue lines. */
export async function buildFails(fx: Fixture | string, opts: BuildOpts = {}): Promise<BuildResult> {
  const r = await build(fx, opts);
  if (!(r.error instanceof DataError)) throw new Error(`expected the build to fail with DataError, got ${r.summary ? 'success' : String(r.error)}`);
  return r;
}

export type Row = Record<string, unknown>;

/** Run SQL on a throwaway native DuckDB (BIGINT -> number). */
export async function duckQuery<T = Row>(sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => {
      for (const k of Object.keys(r)) if (typeof r[k] === 'bigint') (r as Row)[k] = Number(r[k]);
      return r;
    }) as T[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const sqlStr = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Every row of a Parquet file. */
export async function readParquet<T = Row>(path: string, where = ''): Promise<T[]> {
  return duckQuery<T>(`SELECT * FROM read_parquet(${sqlStr(path)}) ${where}`);
}

/** Rows of an output table (`gizi_balita`, `kualitas_data`, ...). */
export async function readTableOut<T = Row>(out: string, table: string, where = ''): Promise<T[]> {
  return readParquet<T>(join(out, `${table}.parquet`), where);
}

export interface GiziRow {
  kode_wilayah: string;
  tingkat: string;
  periode: string;
  jumlah_sasaran_balita: number | null;
  jumlah_balita_diukur: number | null;
  jumlah_balita_pendek: number | null;
  jumlah_balita_sangat_pendek: number | null;
  jumlah_balita_stunting: number | null;
  prevalensi_stunting: number | null;
  cakupan_pengukuran: number | null;
  ditekan: boolean;
}

export interface KualitasRow {
  kode_wilayah: string;
  tingkat: string;
  periode: string;
  baris_dibaca: number;
  dikecualikan_tidak_masuk_akal: number;
  dikecualikan_usia: number;
  dikecualikan_duplikat_bulan: number;
  dikecualikan_haz_kosong: number;
  dikecualikan_wilayah_tidak_cocok: number;
  desa_melapor: number;
  desa_total: number;
}

/** gizi_balita rows keyed `kode|periode`. */
export async function giziByKey(out: string): Promise<Map<string, GiziRow>> {
  const rows = await readTableOut<GiziRow>(out, 'gizi_balita');
  return new Map(rows.map((r) => [`${r.kode_wilayah}|${r.periode}`, r]));
}

/** One gizi_balita row (throws if absent). */
export async function gizi(out: string, kode: string, periode: string): Promise<GiziRow> {
  const rows = await readTableOut<GiziRow>(out, 'gizi_balita', `WHERE kode_wilayah = ${sqlStr(kode)} AND periode = ${sqlStr(periode)}`);
  if (rows.length !== 1) throw new Error(`expected one gizi_balita row for ${kode} ${periode}, got ${rows.length}`);
  return rows[0];
}

/** Every file under a folder (relative path -> bytes). */
export function snapshotDir(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** Seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real Kaltim villages from idn-area-data with their names, for generated fixtures. */
export interface Village {
  kode: string;
  prov: string;
  kab: string;
  kec: string;
  desa: string;
}

function csvRows(file: string): string[][] {
  const text = readFileSync(join(ROOT, 'node_modules/idn-area-data/data', file), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
}

/** Villages of the given districts (codes like 64.08.01), in code order. */
export function villagesOf(districts: string[]): Village[] {
  const kab = new Map(csvRows('regencies.csv').map(([code, , name]) => [code, name]));
  const kec = new Map(csvRows('districts.csv').map(([code, , name]) => [code, name]));
  return csvRows('villages.csv')
    .filter(([code, d]) => districts.includes(d) && !code.includes('"'))
    .map(([code, d, name]) => ({ kode: code, prov: 'Kalimantan Timur', kab: kab.get(d.slice(0, 5))!, kec: kec.get(d)!, desa: name }))
    .sort((a, b) => a.kode.localeCompare(b.kode));
}
