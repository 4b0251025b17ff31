import { join } from 'node:path';
import { CsvFileWriter } from './csv.ts';
import { AGGREGATED_REGENCY, PERIODS, measures, type Counts, type DemoModel } from './model.ts';

/**
 * Village counts already aggregated (how Mahakam Ulu reports): codes without dots, one row per
 * village and month. These village-months never appear in the by-name exports.
 */
export const EPPGBM_DESA_HEADER = [
  'kode_wilayah', 'periode', 'jumlah_sasaran_balita', 'jumlah_balita_diukur', 'jumlah_balita_pendek', 'jumlah_balita_sangat_pendek',
] as const;

export function writeEppgbmDesa(dir: string, model: DemoModel, counts: Map<string, Counts>) {
  const w = new CsvFileWriter(join(dir, `eppgbm_desa_${AGGREGATED_REGENCY.replace('.', '')}.csv`), EPPGBM_DESA_HEADER);
  for (const p of PERIODS) {
    if (!measures(p, AGGREGATED_REGENCY)) continue;
    for (const v of model.villages) {
      if (v.regency.code !== AGGREGATED_REGENCY) continue;
      const c = counts.get(`${v.village.code}|${p.periode}`);
      if (!c) continue;
      w.row([v.village.code.replace(/\./g, ''), p.periode, model.sasaran(v, p.y), c.diukur, c.pendek, c.sangatPendek]);
    }
  }
  return [w.close()];
}
