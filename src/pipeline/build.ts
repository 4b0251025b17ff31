import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDuck, type Duck } from './duck.ts';
import { CliError, DataError, IssueLog } from './issues.ts';
import { loadGazetteer, type Gazetteer } from './gazetteer.ts';
import { NameMatcher, type CrosswalkEntry } from './names.ts';
import { DEMO_MARKER, EPPGBM_DIR, KINDS } from './kinds.ts';
import { listCsv, openInput, type InputFile } from './input-files.ts';
import { readTable } from './readers/table.ts';
import { readByName } from './readers/eppgbm.ts';
import { aggregateGizi, aggregateKeluarga, aggregateKualitas, aggregateProgram, buildAncestors } from './aggregate.ts';
import { applySuppression } from './apply-suppression.ts';
import { describeFile, discardStaging, stagingDir, swapIntoPlace, writeJson, writeParquet } from './output.ts';
import { readPreviousRelease } from './previous-release.ts';
import { TABLE_NAMES, type TableName } from '../lib/schema.ts';
import { MIN_DENOMINATOR_FOR_RATE, SMALL_COUNT_MAX, SUPPRESSED_LEVELS } from '../lib/domain/suppression.ts';
import { DEFAULT_PROVINCE, NATIONAL, provinceOf } from '../lib/province.ts';

export interface Logger {
  info(msg: string): void;
  progress(msg: string): void;
  warn(msg: string): void;
}

export const silentLogger: Logger = { info() {}, progress() {}, warn() {} };

export interface BuildOptions {
  input: string;
  out: string;
  /** Two-digit code or 'all'; default: the demo's province for a demo folder, else DEFAULT_PROVINCE. */
  province?: string;
  internal?: boolean;
  logger?: Logger;
  /** DuckDB memory cap for national-scale inputs (spills to disk beyond it). */
  memoryLimit?: string;
  /** DuckDB threads (default: DuckDB's, one per core); tests vary it to prove the output does not. */
  threads?: number;
}

export interface BuildSummary {
  out: string;
  demo: boolean;
  internal: boolean;
  inputs: { name: string; rows: number }[];
  /** Files taken from the repository's data/ folder because the input folder has none of that kind. */
  bundled: string[];
  rowsRead: number;
  excluded: Record<string, number>;
  areas: number;
  periods: string[];
  outputs: { file: string; rows: number; bytes: number; sha256: string }[];
  warnings: string[];
  /** The same warnings as JSON lines (see IssueLog.jsonLines). */
  warningsJson: string[];
  seconds: number;
  /** cells hidden in the release this one replaced, kept hidden (0 when there was none) */
  keptHidden: number;
}

/**
 * The build step: read every input present, validate all of it, and only then aggregate and write.
 * Output replaces `out` atomically; on any error nothing is written and DataError lists every issue.
 */
export async function buildData(opts: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  const log = opts.logger ?? silentLogger;
  const input = resolve(opts.input);
  const internal = opts.internal ?? false;
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new CliError(`input folder not found: ${opts.input}`);
  const demoProvince = readDemoMarker(input)?.province;
  const province = opts.province ?? demoProvince ?? DEFAULT_PROVINCE.kode;
  if (demoProvince && province !== demoProvince && province !== 'all') {
    throw new CliError(`${opts.input} is a demo of province ${demoProvince}, not ${province}: run with --province ${demoProvince}, or generate the demo with npm run demo -- --province ${province}`);
  }
  if (!/^(\d{2}|all)$/.test(province)) throw new CliError(`--province must be a two-digit province code (e.g. 64) or "all", not "${province}"`);

  const issues = new IssueLog();
  const staged = stagingDir(opts.out);
  const db = await openDuck({ threads: opts.threads, memoryLimit: opts.memoryLimit, tempDirectory: join(staged, '.duckdb-tmp') });
  try {
    // read before anything replaces it: what the previous release hid stays hidden
    const previous = internal ? null : await readPreviousRelease(db, opts.out);
    if (previous?.hiddenCells) log.progress(`previous release in ${opts.out}: ${previous.hiddenCells} hidden cells stay hidden`);
    log.progress(`gazetteer: idn-area-data, province ${province}`);
    const gaz = loadProvince(province);
    await loadGazetteerTable(db, gaz);

    log.progress('reading reference and aggregated inputs');
    const tables: Record<string, Awaited<ReturnType<typeof readTable>>> = {};
    for (const kind of [KINDS.programRef, KINDS.indikator, KINDS.target, KINDS.lokus, KINDS.prioritas, KINDS.crosswalk, KINDS.survei, KINDS.sasaran, KINDS.eppgbmDesa, KINDS.keluarga, KINDS.program]) {
      tables[kind.id] = await readTable(db, input, kind, issues);
    }
    const crosswalk = await readCrosswalk(db, issues);

    const byNameNames = listCsv(input, EPPGBM_DIR);
    log.progress(`reading ${byNameNames.length} e-PPGBM by-name file(s)`);
    const byNameFiles: InputFile[] = [];
    for (const name of byNameNames) byNameFiles.push(await openInput(input, name));
    const byName = await readByName(db, byNameFiles, new NameMatcher(gaz, crosswalk), province, issues);

    await crossChecks(db, issues);
    if (issues.hasErrors) throw new DataError(issues);

    log.progress('aggregating to every level');
    await buildAncestors(db);
    await aggregateGizi(db, internal);
    await aggregateKeluarga(db);
    await aggregateProgram(db);
    await aggregateKualitas(db);
    await buildPassThrough(db);
    if (!internal) {
      log.progress('suppressing small numbers');
      await applySuppression(db);
    }

    log.progress('writing Parquet');
    await db.run('SET threads = 1'); // one writer: byte-identical files run after run
    const outputs = [];
    for (const t of TABLE_NAMES) {
      const { file, rows } = await writeParquet(db, staged, t, `out_${t}`);
      outputs.push(describeFile(staged, file, rows));
    }
    const demo = readDemoMarker(input);
    const allInputs = [...Object.values(tables).flatMap((t) => t.files), ...byNameFiles];
    const inputs = await Promise.all(
      allInputs.map(async (f) => {
        const b = await f.body;
        return { name: f.name, rows: f.rows, bytes: b.bytes, sha256: b.sha256 };
      }),
    );
    inputs.sort((a, b) => a.name.localeCompare(b.name));
    const periods = (await db.all<{ periode: string }>(`SELECT DISTINCT periode FROM out_gizi_balita ORDER BY 1`)).map((r) => r.periode);
    const [{ areas }] = await db.all<{ areas: number }>(`SELECT count(DISTINCT kode_wilayah) AS areas FROM out_gizi_balita`);
    const manifest = {
      name: 'Atlas Stunting data',
      demo: demo !== null,
      demo_note: demo?.note ?? null,
      internal,
      province: province === 'all' ? NATIONAL : provinceOf(province, gaz.areas.get(province)!.nama),
      parameters: {
        province,
        suppression: internal ? null : { small_count_max: SMALL_COUNT_MAX, min_denominator_for_rate: MIN_DENOMINATOR_FOR_RATE, levels: SUPPRESSED_LEVELS },
      },
      gazetteer: gaz.source,
      periods,
      outputs,
      inputs,
    };
    writeJson(join(staged, 'manifest.json'), manifest);
    rmSync(join(staged, '.duckdb-tmp'), { recursive: true, force: true });
    swapIntoPlace(staged, opts.out);
    return {
      out: resolve(opts.out),
      demo: manifest.demo,
      internal,
      inputs: inputs.map(({ name, rows }) => ({ name, rows })),
      bundled: allInputs.filter((f) => f.bundled).map((f) => f.name).sort(),
      rowsRead: byName.rows,
      excluded: byName.reasons,
      areas,
      periods,
      outputs,
      warnings: issues.warnings.length ? issues.lines().filter((l) => l.includes(': warning: ')) : [],
      warningsJson: issues.jsonLines().filter((l) => (JSON.parse(l) as { severity: string }).severity === 'warning'),
      seconds: (performance.now() - t0) / 1000,
      keptHidden: previous?.hiddenCells ?? 0,
    };
  } catch (e) {
    discardStaging(staged);
    throw e;
  } finally {
    db.close();
  }
}

/** The gazetteer of the province; a code idn-area-data does not have is a usage error. */
function loadProvince(province: string): Gazetteer {
  try {
    return loadGazetteer(province);
  } catch {
    throw new CliError(`--province ${province} is not a province in idn-area-data (two-digit Kemendagri codes, listed in node_modules/idn-area-data/data/provinces.csv)`);
  }
}

async function loadGazetteerTable(db: Duck, gaz: Gazetteer): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE gazetir (kode_wilayah VARCHAR PRIMARY KEY, nama_wilayah VARCHAR, tingkat VARCHAR, kode_induk VARCHAR, jenis VARCHAR)`);
  await db.append('gazetir', [...gaz.areas.values()].map((a) => [a.kode, a.nama, a.tingkat, a.induk, a.jenis]));
}

async function readCrosswalk(db: Duck, issues: IssueLog): Promise<CrosswalkEntry[]> {
  const rows = await db.all<{ nama_prov: string; nama_kab: string | null; nama_kec: string | null; nama_desa: string | null; kode_wilayah: string; kode: string | null; _file: string; _line: number; known: boolean }>(
    `SELECT c.*, atlas_kode(c.kode_wilayah) AS kode, c.kode_wilayah = '-' OR g.kode_wilayah IS NOT NULL AS known
     FROM in_crosswalk c LEFT JOIN gazetir g ON g.kode_wilayah = atlas_kode(c.kode_wilayah) ORDER BY _line`,
  );
  const entries: CrosswalkEntry[] = [];
  for (const r of rows) {
    if (!r.known) {
      issues.report('unknown-crosswalk-code', r._file, { line: r._line, column: 5 }, { value: r.kode_wilayah });
      continue;
    }
    const names = [r.nama_prov, r.nama_kab, r.nama_kec, r.nama_desa];
    const depth = names.findIndex((n) => !n);
    entries.push({ names: (depth === -1 ? names : names.slice(0, depth)) as string[], kode: r.kode_wilayah === '-' ? '-' : r.kode! });
  }
  return entries;
}

/** Checks that span inputs: the same village-month counted twice, a programme reported at two levels. */
async function crossChecks(db: Duck, issues: IssueLog): Promise<void> {
  for (const r of await db.all<{ _file: string; _line: number; kode_wilayah: string; periode: string; file: number }>(
    `SELECT d._file, d._line, d.kode_wilayah, d.periode, b.file FROM in_eppgbm_desa d
     JOIN bn_desa_bulan b ON b.kode_wilayah = d.kode_wilayah AND b.periode = d.periode ORDER BY d._file, d._line`,
  )) {
    issues.report('double-count', r._file, { line: r._line, column: 1 }, { kode: r.kode_wilayah, periode: r.periode });
  }
  for (const r of await db.all<{ _file: string; _line: number; kode_wilayah: string; periode: string; program: string; child_file: string; child_line: number; child: string }>(
    `SELECT p._file, p._line, p.kode_wilayah, p.periode, p.program, c._file AS child_file, c._line AS child_line, c.kode_wilayah AS child
     FROM in_program p JOIN in_program c ON c.program = p.program AND c.periode = p.periode AND c.kode_wilayah LIKE p.kode_wilayah || '.%'
     QUALIFY row_number() OVER (PARTITION BY p._file, p._line ORDER BY c._file, c._line) = 1 ORDER BY p._file, p._line`,
  )) {
    issues.report('double-level', r._file, { line: r._line, column: 1 }, { program: r.program, periode: r.periode, kode: r.kode_wilayah, child: r.child, childAt: `${r.child_file}:${r.child_line}` });
  }
}

async function buildPassThrough(db: Duck): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE out_wilayah AS SELECT kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis FROM gazetir`);
  await db.run(`CREATE OR REPLACE TABLE out_survei AS
    SELECT s.kode_wilayah, CASE WHEN s.kode_wilayah = 'ID' THEN 'nasional' ELSE g.tingkat END AS tingkat, survei, tahun, prevalensi_stunting, ci_bawah, ci_atas, sumber, catatan
    FROM in_survei s LEFT JOIN gazetir g USING (kode_wilayah)`);
  await db.run(`CREATE OR REPLACE TABLE out_target AS SELECT kode_wilayah, tahun, indikator, target, dasar_hukum, catatan FROM in_target`);
  await db.run(`CREATE OR REPLACE TABLE out_lokus AS SELECT l.kode_wilayah, g.tingkat, l.tahun, l.sumber FROM in_lokus l JOIN gazetir g USING (kode_wilayah)`);
  await db.run(`CREATE OR REPLACE TABLE out_prioritas AS SELECT p.kode_wilayah, g.tingkat, p.tahun, p.dasar, p.dasar_en, p.sumber, p.catatan, p.catatan_en FROM in_prioritas p JOIN gazetir g USING (kode_wilayah)`);
  await db.run(`CREATE OR REPLACE TABLE out_program_ref AS
    SELECT p.kode AS program, p.nama AS nama_program, p.nama_en AS nama_program_en, p.satuan, p.uraian, p.kode_indikator,
      CASE WHEN i.satuan LIKE '%\\%%' ESCAPE '\\' THEN i.target_2024 END AS target_nasional_2024
    FROM in_program_ref p LEFT JOIN in_indikator i ON i.kode_indikator = p.kode_indikator`);
}

function readDemoMarker(input: string): { note?: string; province?: string } | null {
  const p = join(input, DEMO_MARKER);
  if (!existsSync(p)) return null;
  const j = JSON.parse(readFileSync(p, 'utf8')) as { synthetic?: boolean; note?: string; province?: string };
  return j.synthetic ? j : null;
}

export type { TableName };
