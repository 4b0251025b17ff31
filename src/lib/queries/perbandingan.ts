import { kelengkapanSql } from '../domain/kelengkapan.ts';
import { INDIKATOR_TARGET_RUTIN } from '../domain/target.ts';
import { int, kodeLit, periodeLit, tahunLit } from './sql.ts';

export interface PerbandinganArgs {
  /** Parent area: its direct children are compared (e.g. '64' → the ten regencies). */
  induk: string;
  periode: string;
  /** The period to compute the change from (the last complete one: periodeSebelumnyaLengkap); omit for none. */
  periodeSebelumnya?: string;
  /** Year of the national routine-prevalence target the gap is measured to (target table, kode ID). */
  tahunTarget?: number;
}

/**
 * Routine figures of every area directly under `induk` for one month, side by side with the
 * previous period, and the number of priority (lokus) villages. `lengkap` / `lengkap_sebelumnya`:
 * is each month complete for that area (src/lib/domain/kelengkapan.ts); the change is given only
 * when both are. The gap to a target is given only against a target set for routine prevalence
 * (indikator INDIKATOR_TARGET_RUTIN): the 14 % national target was set for the survey figure, so
 * without such a row `target` and `selisih_target` are NULL.
 * One row per child area, also those without data (their numbers are NULL, shown as "–").
 * Order is by code: rankings sort in the chart, on whichever measure they rank.
 */
export function perbandinganSql({ induk, periode, periodeSebelumnya, tahunTarget = 2024 }: PerbandinganArgs): string {
  const k = kodeLit(induk);
  const p = periodeLit(periode);
  const pp = periodeSebelumnya ? periodeLit(periodeSebelumnya) : 'NULL';
  const tahun = Number(periode.slice(0, 4));
  return `WITH anak AS (
  SELECT kode_wilayah, nama_wilayah, tingkat, jenis FROM wilayah WHERE kode_induk = ${k}
), tgt AS (
  SELECT target FROM target
  WHERE kode_wilayah = 'ID' AND indikator = '${INDIKATOR_TARGET_RUTIN}' AND tahun = ${tahunLit(tahunTarget)}
), lok AS (
  SELECT kode_wilayah FROM lokus
  WHERE tahun = (SELECT max(tahun) FROM lokus WHERE tahun <= ${tahunLit(tahun)})
)
SELECT a.kode_wilayah, a.nama_wilayah, a.tingkat, a.jenis,
  ${p} AS periode, ${pp} AS periode_sebelumnya,
  ${int('s.jumlah_sasaran_balita')} AS sasaran,
  ${int('s.jumlah_balita_diukur')} AS diukur,
  ${int('s.jumlah_balita_stunting')} AS stunting,
  s.prevalensi_stunting AS prevalensi,
  s.cakupan_pengukuran AS cakupan,
  coalesce(s.ditekan, false) AS ditekan,
  ${int('b.jumlah_balita_diukur')} AS diukur_sebelumnya,
  ${int('b.jumlah_balita_stunting')} AS stunting_sebelumnya,
  b.prevalensi_stunting AS prevalensi_sebelumnya,
  ${kelengkapanSql({ desaMelapor: 'qs.desa_melapor', desaTotal: 'qs.desa_total', diukur: 's.jumlah_balita_diukur', sasaran: 's.jumlah_sasaran_balita' })} AS lengkap,
  ${kelengkapanSql({ desaMelapor: 'qb.desa_melapor', desaTotal: 'qb.desa_total', diukur: 'b.jumlah_balita_diukur', sasaran: 'b.jumlah_sasaran_balita' })} AS lengkap_sebelumnya,
  CASE WHEN lengkap AND lengkap_sebelumnya THEN s.prevalensi_stunting - b.prevalensi_stunting END AS perubahan,
  ${int('qs.desa_melapor')} AS desa_melapor,
  ${int('qs.desa_total')} AS desa_total,
  ${tahunLit(tahunTarget)} AS target_tahun,
  (SELECT target FROM tgt) AS target,
  s.prevalensi_stunting - (SELECT target FROM tgt) AS selisih_target,
  ${int(`(SELECT count(*) FROM lok WHERE lok.kode_wilayah = a.kode_wilayah OR starts_with(lok.kode_wilayah, a.kode_wilayah || '.'))`)} AS jumlah_lokus
FROM anak a
LEFT JOIN gizi_balita s ON s.kode_wilayah = a.kode_wilayah AND s.periode = ${p}
LEFT JOIN gizi_balita b ON b.kode_wilayah = a.kode_wilayah AND b.periode = ${pp}
LEFT JOIN kualitas_data qs ON qs.kode_wilayah = a.kode_wilayah AND qs.periode = ${p}
LEFT JOIN kualitas_data qb ON qb.kode_wilayah = a.kode_wilayah AND qb.periode = ${pp}
ORDER BY a.kode_wilayah`;
}
