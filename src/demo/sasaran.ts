import { join } from 'node:path';
import { CsvFileWriter } from './csv.ts';
import { YEARS, type DemoModel } from './model.ts';

/** Annual under-five targets per village (estimated population), every village of the province. */
export const SASARAN_HEADER = ['kode_wilayah', 'tahun', 'jumlah_sasaran_balita'] as const;

export function writeSasaran(dir: string, model: DemoModel) {
  return YEARS.map((year) => {
    const w = new CsvFileWriter(join(dir, `sasaran_balita_${year}.csv`), SASARAN_HEADER);
    for (const v of model.villages) w.row([v.village.code, year, model.sasaran(v, year)]);
    return w.close();
  });
}
