import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { CsvFileWriter } from './csv.ts';
import { dayNumber } from './dates.ts';
import { bareRegencyName } from './gazetteer.ts';
import { YEARS, type DemoModel } from './model.ts';
import { Rng } from './prng.ts';

/** Reference files: copies of the real ones, plus a synthetic priority-village list and a crosswalk. */

export const REFERENCE_COPIES = ['program.csv', 'target.csv', 'indikator.csv', 'rutin_dipublikasikan.csv', 'prioritas.csv'];

/**
 * Copies the real reference files and survey figures. Rows about areas (kode_wilayah) are kept for
 * Indonesia ("ID") and the demo's province only: figures published for another province are just
 * absent from its demo. A file with nothing to drop is copied byte for byte.
 */
export function copyReal(repoData: string, out: string, province: string) {
  const files: string[] = [];
  const copy = (from: string, to: string) => {
    if (copyProvinceRows(from, to, province)) files.push(to);
  };
  for (const f of REFERENCE_COPIES) copy(join(repoData, 'reference', f), join(out, 'reference', f));
  const survei = join(repoData, 'raw', 'survei');
  for (const f of readdirSync(survei).filter((x) => x.endsWith('.csv')).sort()) copy(join(survei, f), join(out, 'raw', 'survei', f));
  return files;
}

/** Copies the rows of the province and Indonesia; false (and no file) when none is left. */
function copyProvinceRows(from: string, to: string, province: string): boolean {
  const text = readFileSync(from, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  const inProvince = (kode: string) => kode.trim().toUpperCase() === 'ID' || kode.trim() === province || kode.trim().startsWith(`${province}.`);
  const kept = fields.includes('kode_wilayah') ? parsed.data.filter((r) => inProvince(r.kode_wilayah ?? '')) : parsed.data;
  if (kept.length === 0 && parsed.data.length > 0) return false;
  if (kept.length === parsed.data.length) copyFileSync(from, to);
  else writeFileSync(to, `${Papa.unparse({ fields, data: kept.map((r) => fields.map((f) => r[f] ?? '')) }, { newline: '\n' })}\n`);
  return true;
}

export const LOKUS_HEADER = ['kode_wilayah', 'tahun', 'sumber'] as const;

/** About 10% of each regency's villages per year, chosen mostly where stunting is high. */
export function writeLokus(dir: string, model: DemoModel) {
  const w = new CsvFileWriter(join(dir, 'lokus.csv'), LOKUS_HEADER);
  for (const year of YEARS) {
    for (const r of model.regencies) {
      const villages = model.villages.filter((v) => v.regency === r);
      const scored = villages.map((v) => ({
        v,
        score: model.prevalence(v, dayNumber(year - 1, 8, 1)) * new Rng(model.seed, 'lokus', v.village.code, year).lognormal(0.35),
      }));
      scored.sort((a, b) => b.score - a.score || (a.v.village.code < b.v.village.code ? -1 : 1));
      const chosen = scored.slice(0, Math.max(1, Math.round(villages.length * 0.1))).map((s) => s.v);
      chosen.sort((a, b) => (a.village.code < b.village.code ? -1 : 1));
      const sk = `${r.isKota ? 'SK Wali Kota' : 'SK Bupati'} ${bareRegencyName(r)} (data contoh)`;
      for (const v of chosen) w.row([v.village.code, year, sk]);
    }
  }
  return w.close();
}

export const CROSSWALK_HEADER = ['nama_prov', 'nama_kab', 'nama_kec', 'nama_desa', 'kode_wilayah'] as const;

/** The old village spellings used in the by-name exports, mapped to their codes (none: no file). */
export function writeCrosswalk(dir: string, model: DemoModel) {
  const spellings = Object.entries(model.profile.oldSpellings).sort();
  if (spellings.length === 0) return null;
  const w = new CsvFileWriter(join(dir, 'crosswalk.csv'), CROSSWALK_HEADER);
  for (const [code, spelling] of spellings) {
    const v = model.villages.find((x) => x.village.code === code);
    if (!v) throw new Error(`crosswalk: village ${code} is not in the gazetteer`);
    w.row([model.profile.provinceName.toUpperCase(), v.regency.name.toUpperCase(), v.district.name.toUpperCase(), spelling.toUpperCase(), code]);
  }
  return w.close();
}
