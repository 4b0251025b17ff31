import { join } from 'node:path';
import { CsvFileWriter } from './csv.ts';
import { measures, type Counts, type DemoModel } from './model.ts';

/**
 * Village counts already aggregated (how one regency reports, Mahakam Ulu in Kalimantan Timur): codes without dots, one row per
 * village and month. These village-months never appear in the by-name exports.
 */
export const EPPGBM_DESA_HEADER = [
  'kode_wilayah', 'periode', 'jumlah_sasaran_balita', 'jumlah_balita_diukur', 'jumlah_balita_pendek', 'jumlah_balita_sangat_pendek',
] as const;

export function writeEppgbmDesa(dir: string, model: DemoModel, counts: Map<string, Counts>) {
  const regency = model.profile.aggregatedRegency;
  const w = new CsvFileWriter(join(dir, `eppgbm_desa_${regency.replace('.', '')}.csv`), EPPGBM_DESA_HEADER);
  for (const p of model.periods) {
    if (!measures(p, regency)) continue;
    for (const v of model.villages) {
      if (v.regency.code !== regency) continue;
      const c = counts.get(`${v.village.code}|${p.periode}`);
      if (!c) continue;
      w.row([v.village.code.replace(/\./g, ''), p.periode, model.sasaran(v, p.y), c.diukur, c.pendek, c.sangatPendek]);
    }
  }
  return [w.close()];
}
