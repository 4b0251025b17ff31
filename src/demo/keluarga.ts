import { join } from 'node:path';
import { CsvFileWriter } from './csv.ts';
import { dayNumber } from './dates.ts';
import { clamp, YEARS, type DemoModel } from './model.ts';
import { Rng } from './prng.ts';

/**
 * BKKBN family data per village and semester: target families, families at risk of stunting
 * (more where stunting is common), and those assisted by a family-assistance team (rising over time).
 * didampingi <= berisiko <= sasaran.
 */
export const KELUARGA_HEADER = [
  'kode_wilayah', 'periode', 'jumlah_keluarga_sasaran', 'jumlah_keluarga_berisiko_stunting', 'jumlah_keluarga_berisiko_didampingi',
] as const;

export interface Keluarga {
  kode: string;
  district: string;
  periode: string;
  sasaran: number;
  berisiko: number;
  didampingi: number;
}

export const SEMESTERS = YEARS.flatMap((y) => [`${y}-S1`, `${y}-S2`]);

export function keluargaRows(model: DemoModel): Keluarga[] {
  const rows: Keluarga[] = [];
  for (const v of model.villages) {
    const base = new Rng(model.seed, 'keluarga', v.village.code);
    const perChild = base.uniform(1.9, 2.7);
    const riskBias = base.normal(0, 0.03);
    const assist = base.uniform(0.45, 0.8);
    SEMESTERS.forEach((periode, i) => {
      const rng = new Rng(model.seed, 'keluarga', v.village.code, periode);
      const y = Number(periode.slice(0, 4));
      const mid = periode.endsWith('S1') ? dayNumber(y, 4, 1) : dayNumber(y, 10, 1);
      const sasaran = Math.round(model.sasaran(v, y) * perChild * rng.uniform(0.97, 1.03));
      const share = clamp(0.1 + 0.9 * model.prevalence(v, mid) + riskBias + rng.normal(0, 0.015), 0.04, 0.6);
      const berisiko = Math.min(sasaran, Math.round(sasaran * share));
      const assisted = clamp(assist + 0.05 * i + rng.normal(0, 0.04), 0, 1);
      const didampingi = rng.chance(0.01) ? 0 : Math.min(berisiko, Math.round(berisiko * assisted));
      rows.push({ kode: v.village.code, district: v.district.code, periode, sasaran, berisiko, didampingi });
    });
  }
  return rows;
}

export function writeKeluarga(dir: string, rows: Keluarga[]) {
  return YEARS.map((year) => {
    const w = new CsvFileWriter(join(dir, `keluarga_berisiko_${year}.csv`), KELUARGA_HEADER);
    for (const r of rows) if (r.periode.startsWith(`${year}-`)) w.row([r.kode, r.periode, r.sasaran, r.berisiko, r.didampingi]);
    return w.close();
  });
}
