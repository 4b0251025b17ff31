import { int, kodeLit, periodeLit, tahunLit } from './sql.ts';

export interface PerbandinganArgs {
  /** Parent area: its direct children are compared (e.g. '64' → the ten regencies). */
  induk: string;
  periode: string;
  /** The period to compute the change from; omit for none. */
  periodeSebelumnya?: string;
  /** Year of the national prevalence target the gap is measured to (target table, kode ID). */
  tahunTarget?: number;
}

/**
 * Routine figures of every area directly under `induk` for one month, side by side with the
 * previous period, the gap to the national target, and the number of priority (lokus) villages.
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
  WHERE kode_wilayah = 'ID' AND indikator = 'prevalensi_stunting' AND tahun = ${tahunLit(tahunTarget)}
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
  s.prevalensi_stunting - b.prevalensi_stunting AS perubahan,
  ${tahunLit(tahunTarget)} AS target_tahun,
  (SELECT target FROM tgt) AS target,
  s.prevalensi_stunting - (SELECT target FROM tgt) AS selisih_target,
  ${int(`(SELECT count(*) FROM lok WHERE lok.kode_wilayah = a.kode_wilayah OR starts_with(lok.kode_wilayah, a.kode_wilayah || '.'))`)} AS jumlah_lokus
FROM anak a
LEFT JOIN gizi_balita s ON s.kode_wilayah = a.kode_wilayah AND s.periode = ${p}
LEFT JOIN gizi_balita b ON b.kode_wilayah = a.kode_wilayah AND b.periode = ${pp}
ORDER BY a.kode_wilayah`;
}
