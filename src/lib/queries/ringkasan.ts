import { int, kodeLit, periodeLit } from './sql.ts';

/**
 * Headline routine figures of one area in one month: children measured (with the target
 * population as the coverage denominator), stunted, prevalence, coverage, villages reporting.
 * Reads the published row of that area's own level: rows of lower levels are never summed up,
 * because their suppressed cells would be missing from the sum.
 */
export function ringkasanSql({ kode, periode }: { kode: string; periode: string }): string {
  const k = kodeLit(kode);
  const p = periodeLit(periode);
  return `SELECT w.kode_wilayah, w.nama_wilayah, w.tingkat, ${p} AS periode,
  ${int('g.jumlah_sasaran_balita')} AS sasaran,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  ${int('g.jumlah_balita_pendek')} AS pendek,
  ${int('g.jumlah_balita_sangat_pendek')} AS sangat_pendek,
  g.prevalensi_stunting AS prevalensi,
  g.cakupan_pengukuran AS cakupan,
  coalesce(g.ditekan, false) AS ditekan,
  ${int('q.desa_melapor')} AS desa_melapor,
  ${int('q.desa_total')} AS desa_total
FROM wilayah w
LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${p}
LEFT JOIN kualitas_data q ON q.kode_wilayah = w.kode_wilayah AND q.periode = ${p}
WHERE w.kode_wilayah = ${k}`;
}
