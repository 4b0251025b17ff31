import { int, kodeLit, periodeLit, surveiLit, tahunLit } from './sql.ts';

export interface DuaAngkaArgs {
  survei: string;
  tahun: number;
  /** Routine month shown beside the survey. */
  periode: string;
  /** The province: it and its regencies are compared. */
  induk: string;
}

/**
 * "Two numbers": for the province and each of its regencies, the survey estimate (one survey and
 * year) and the routine e-PPGBM figure (one month) with its measurement coverage, as separate
 * columns. The two are different measures: the page draws them in separate panels, never on one
 * axis. Order is by code, not by either measure.
 */
export function duaAngkaSql({ survei, tahun, periode, induk }: DuaAngkaArgs): string {
  const k = kodeLit(induk);
  const p = periodeLit(periode);
  return `SELECT w.kode_wilayah, w.nama_wilayah, w.tingkat,
  ${surveiLit(survei)} AS survei, ${tahunLit(tahun)} AS tahun,
  s.prevalensi_stunting AS prevalensi_survei, s.ci_bawah, s.ci_atas, s.sumber AS sumber_survei, s.catatan AS catatan_survei,
  ${p} AS periode,
  ${int('g.jumlah_sasaran_balita')} AS sasaran,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi_rutin,
  g.cakupan_pengukuran AS cakupan,
  coalesce(g.ditekan, false) AS ditekan
FROM wilayah w
LEFT JOIN survei s ON s.kode_wilayah = w.kode_wilayah AND s.survei = ${surveiLit(survei)} AND s.tahun = ${tahunLit(tahun)}
LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${p}
WHERE w.kode_wilayah = ${k} OR w.kode_induk = ${k}
ORDER BY w.tingkat = 'provinsi' DESC, w.kode_wilayah`;
}
