import { int, kodeLit } from './sql.ts';

/** Data quality of one area per month: rows read, exclusions by reason, villages reporting. */
export function kualitasSql({ kode }: { kode: string }): string {
  return `SELECT kode_wilayah, periode,
  ${int('baris_dibaca')} AS baris_dibaca,
  ${int('dikecualikan_tidak_masuk_akal')} AS dikecualikan_tidak_masuk_akal,
  ${int('dikecualikan_usia')} AS dikecualikan_usia,
  ${int('dikecualikan_duplikat_bulan')} AS dikecualikan_duplikat_bulan,
  ${int('dikecualikan_haz_kosong')} AS dikecualikan_haz_kosong,
  ${int('dikecualikan_wilayah_tidak_cocok')} AS dikecualikan_wilayah_tidak_cocok,
  ${int('desa_melapor')} AS desa_melapor,
  ${int('desa_total')} AS desa_total,
  CASE WHEN desa_total > 0 THEN 100.0 * desa_melapor / desa_total END AS persen_desa_melapor
FROM kualitas_data WHERE kode_wilayah = ${kodeLit(kode)}
ORDER BY periode`;
}
