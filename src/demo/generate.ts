import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ByNameFile } from './eppgbm.ts';
import Papa from 'papaparse';
import { writeEppgbmDesa } from './eppgbm-desa.ts';
import { keluargaRows, writeKeluarga } from './keluarga.ts';
import { countRound, DemoModel, measures, type Counts } from './model.ts';
import { DEFAULT_PROVINCE } from '../lib/province.ts';
import { writeProgram } from './program.ts';
import { copyReal, writeCrosswalk, writeLokus } from './reference.ts';
import { writeSasaran } from './sasaran.ts';

/**
 * The synthetic demo input folder, laid out as the build step reads it:
 *   raw/eppgbm/        by-name measurement exports (every regency but one: Mahakam Ulu in Kaltim)
 *   raw/eppgbm-desa/   that regency's village counts
 *   raw/sasaran/ raw/keluarga/ raw/program/ raw/survei/ (real survey figures of Indonesia and the province, copied)
 *   reference/         real reference files (rows of Indonesia and the province), plus synthetic
 *                      lokus.csv and crosswalk.csv (when the province's profile has old spellings)
 * Any province of idn-area-data (src/demo/profile.ts); Kalimantan Timur by default.
 *   demo.json          marks the folder as synthetic
 * Same seed and scale, same bytes.
 */

export interface DemoOptions {
  out: string;
  seed?: number;
  /** Population scale (1 = full demo, about 50 MB; 0.05 for quick tests). */
  scale?: number;
  /** Two-digit province code (default: the default province). */
  province?: string;
  /** The repository's data folder (real reference and survey files). */
  dataDir?: string;
  log?: (line: string) => void;
}

export interface WrittenFile {
  path: string; // relative to out
  rows: number;
  bytes: number;
}

export interface DemoSummary {
  out: string;
  seed: number;
  scale: number;
  files: WrittenFile[];
  rows: number;
  bytes: number;
  byNameRows: number;
  seconds: number;
}

export const DEFAULT_SEED = 20240601;
export const MARKER = 'demo.json';
export const REPO_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

export const DEMO_NOTE =
  'Data contoh (sintetis): anak, NIK (diawali 99), nama, alamat dan semua angka rutin dibuat oleh generator; jumlah balita diperkecil sekitar 1:10. ' +
  'Hanya wilayah (idn-area-data) dan angka survei di raw/survei serta file reference yang disalin dari sumber nyata. ' +
  'Synthetic demo data: children, IDs, names and all routine figures are generated; only areas, survey figures and reference files are real.';

export async function generateDemo(opts: DemoOptions): Promise<DemoSummary> {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`invalid seed: ${seed}`);
  if (!(scale > 0 && scale <= 4)) throw new Error(`invalid scale: ${scale}`);
  const out = resolve(opts.out);
  const log = opts.log ?? (() => {});
  checkOutput(out);

  // Build next to the target, then swap it in: a failed run leaves the old demo untouched.
  const tmp = `${out}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const d of ['raw/eppgbm', 'raw/eppgbm-desa', 'raw/sasaran', 'raw/keluarga', 'raw/program', 'raw/survei', 'reference']) {
    mkdirSync(join(tmp, d), { recursive: true });
  }

  let files: { path: string; rows: number; bytes: number }[];
  let byNameRows: number;
  try {
    const province = opts.province ?? DEFAULT_PROVINCE.kode;
    if (!/^\d{2}$/.test(province)) throw new Error(`invalid province: ${province} (a two-digit code, e.g. 65)`);
    const model = new DemoModel({ seed, scale, province });
    log(`model: ${model.villages.length} villages, ${model.villages.reduce((s, v) => s + v.children.length, 0)} children`);

    // Measurement rounds in time order (children age and keep their last weight between rounds).
    const counts = new Map<string, Counts>();
    files = [];
    for (const p of model.periods) {
      for (const r of model.regencies) {
        if (!measures(p, r.code)) continue;
        const file = model.hasByName(p, r.code) ? new ByNameFile(join(tmp, 'raw/eppgbm'), seed, model.profile, r, p) : null;
        for (const v of model.villages) {
          if (v.regency !== r) continue;
          const rows = model.measure(v, p);
          counts.set(`${v.village.code}|${p.periode}`, countRound(rows));
          file?.add(v, rows);
        }
        if (file) files.push(file.close());
      }
    }
    byNameRows = files.reduce((s, f) => s + f.rows, 0);
    log(`by-name: ${files.length} files, ${byNameRows} rows`);

    files.push(...writeEppgbmDesa(join(tmp, 'raw/eppgbm-desa'), model, counts));
    files.push(...writeSasaran(join(tmp, 'raw/sasaran'), model));
    const keluarga = keluargaRows(model);
    files.push(...writeKeluarga(join(tmp, 'raw/keluarga'), keluarga));
    files.push(...writeProgram(join(tmp, 'raw/program'), model, counts, keluarga));
    files.push(writeLokus(join(tmp, 'reference'), model));
    const crosswalk = writeCrosswalk(join(tmp, 'reference'), model);
    if (crosswalk) files.push(crosswalk);
    for (const path of copyReal(opts.dataDir ?? REPO_DATA, tmp, province)) {
      const text = readFileSync(path, 'utf8');
      files.push({ path, rows: Math.max(0, Papa.parse(text, { skipEmptyLines: true }).data.length - 1), bytes: Buffer.byteLength(text) });
    }
    const marker = {
      synthetic: true,
      seed,
      scale,
      generator: 'scripts/generate-demo.ts',
      note: DEMO_NOTE,
      province,
      aggregated_regency: model.profile.aggregatedRegency,
      periods: model.periods.map((p) => p.periode),
    };
    const markerText = `${JSON.stringify(marker, null, 2)}\n`;
    writeFileSync(join(tmp, MARKER), markerText);
    files.push({ path: join(tmp, MARKER), rows: -1, bytes: Buffer.byteLength(markerText) });

    rmSync(out, { recursive: true, force: true });
    mkdirSync(dirname(out), { recursive: true });
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }

  const written = files.map((f) => ({ path: relative(tmp, f.path), rows: f.rows, bytes: f.bytes })).sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    out,
    seed,
    scale,
    files: written,
    rows: written.reduce((s, f) => s + Math.max(0, f.rows), 0),
    bytes: written.reduce((s, f) => s + f.bytes, 0),
    byNameRows,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Only an empty folder or an earlier demo (with its demo.json) may be replaced. */
function checkOutput(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new Error(`output is not a folder: ${out}`);
  if (readdirSync(out).length === 0 || existsSync(join(out, MARKER))) return;
  throw new Error(`refusing to replace ${out}: it is not empty and has no ${MARKER} (not an earlier demo)`);
}

