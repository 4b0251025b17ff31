import { join } from 'node:path';
import { CsvFileWriter } from './csv.ts';
import type { Keluarga } from './keluarga.ts';
import { SEMESTERS } from './keluarga.ts';
import { YEARS, type Counts, type DemoModel } from './model.ts';
import { Rng } from './prng.ts';

/**
 * Programme realisation at the level each programme reports, never the same programme and period
 * at an area and one of its sub-areas (that would count twice): PMT and BAAS per village and
 * semester, TPK per district and semester, CATIN and PKH per regency and year, UKUR (the June 2024
 * measurement drive) per village. realisasi <= sasaran except CATIN, where more brides- and
 * grooms-to-be are screened than registered now and then.
 */
export const PROGRAM_HEADER = ['kode_wilayah', 'periode', 'program', 'sasaran', 'realisasi'] as const;

type Row = [string, string, string, number, number];

export function writeProgram(dir: string, model: DemoModel, counts: Map<string, Counts>, keluarga: Keluarga[]) {
  const seed = model.seed;
  const files = [];

  // PMT and BAAS per village and semester, from the children found stunted in that semester's round
  let w = new CsvFileWriter(join(dir, 'program_desa_semester.csv'), PROGRAM_HEADER);
  for (const periode of SEMESTERS) {
    const round = `${periode.slice(0, 4)}-${periode.endsWith('S1') ? '02' : '08'}`;
    for (const v of model.villages) {
      const c = counts.get(`${v.village.code}|${round}`);
      const stunted = c ? c.pendek + c.sangatPendek : 0;
      const rng = new Rng(seed, 'program', v.village.code, periode);
      const pmt = Math.round(stunted * rng.uniform(1.4, 2.2) + v.size * rng.uniform(0.02, 0.06));
      if (pmt > 0) w.row([v.village.code, periode, 'PMT', pmt, Math.round(pmt * rng.uniform(0.55, 1))]);
      const baasHere = new Rng(seed, 'baas', v.village.code).chance(0.45) && periode !== '2023-S1';
      const baas = Math.round(stunted * rng.uniform(0.3, 0.9));
      if (baasHere && baas > 0) w.row([v.village.code, periode, 'BAAS', baas, Math.round(baas * rng.uniform(0.4, 1))]);
    }
  }
  files.push(w.close());

  // TPK per district and semester: the families at risk and those assisted, summed
  w = new CsvFileWriter(join(dir, 'program_tpk_kecamatan.csv'), PROGRAM_HEADER);
  const tpk = new Map<string, [number, number]>();
  for (const k of keluarga) {
    const key = `${k.district}|${k.periode}`;
    const t = tpk.get(key) ?? [0, 0];
    t[0] += k.berisiko;
    t[1] += k.didampingi;
    tpk.set(key, t);
  }
  const tpkRows: Row[] = [...tpk].map(([key, [s, r]]) => {
    const [kode, periode] = key.split('|');
    return [kode, periode, 'TPK', s, r];
  });
  tpkRows.sort((a, b) => (a[1] + a[0] < b[1] + b[0] ? -1 : 1));
  for (const r of tpkRows) w.row(r);
  files.push(w.close());

  // CATIN and PKH per regency and year
  w = new CsvFileWriter(join(dir, 'program_kabupaten_tahunan.csv'), PROGRAM_HEADER);
  for (const year of YEARS) {
    for (const r of model.regencies) {
      const villages = model.villages.filter((v) => v.regency === r);
      const under5 = villages.reduce((s, v) => s + model.sasaran(v, year), 0);
      const rng = new Rng(seed, 'program', r.code, year);
      const catin = Math.round(under5 * rng.uniform(0.1, 0.16));
      w.row([r.code, String(year), 'CATIN', catin, Math.round(catin * rng.uniform(0.7, 1.05))]);
      const pkh = Math.round(under5 * rng.uniform(0.18, 0.3));
      w.row([r.code, String(year), 'PKH', pkh, Math.round(pkh * rng.uniform(0.82, 0.98))]);
    }
  }
  files.push(w.close());

  // UKUR: the June 2024 measurement drive per village
  w = new CsvFileWriter(join(dir, 'program_ukur_2024-06.csv'), PROGRAM_HEADER);
  for (const v of model.villages) {
    const c = counts.get(`${v.village.code}|2024-06`);
    const sasaran = model.sasaran(v, 2024);
    if (c && sasaran > 0) w.row([v.village.code, '2024-06', 'UKUR', sasaran, Math.min(sasaran, c.diukur)]);
  }
  files.push(w.close());
  return files;
}
