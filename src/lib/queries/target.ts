import { kodeLit } from './sql.ts';

/** Prevalence targets of the given areas (national 'ID' and the province's own), with their legal basis. */
export function targetSql({ kode, indikator = 'prevalensi_stunting' }: { kode: readonly string[]; indikator?: string }): string {
  if (!/^[a-z_]+$/.test(indikator)) throw new Error(`invalid indikator: ${indikator}`);
  return `SELECT kode_wilayah, CAST(tahun AS INTEGER) AS tahun, indikator, target, dasar_hukum, catatan
FROM target
WHERE indikator = '${indikator}' AND kode_wilayah IN (${kode.map(kodeLit).join(', ')})
ORDER BY kode_wilayah, tahun`;
}
