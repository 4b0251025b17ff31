import { int, kodeLit } from './sql.ts';

/** Routine series of one area: every month with a published row, oldest first. */
export function trenSql({ kode }: { kode: string }): string {
  const k = kodeLit(kode);
  return `SELECT g.kode_wilayah, g.periode,
  ${int('g.jumlah_sasaran_balita')} AS sasaran,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi,
  g.cakupan_pengukuran AS cakupan,
  g.ditekan
FROM gizi_balita g
WHERE g.kode_wilayah = ${k}
ORDER BY g.periode`;
}

/** Routine series of every area directly under `induk` (for small multiples), by code then month. */
export function trenAnakSql({ induk }: { induk: string }): string {
  const k = kodeLit(induk);
  return `SELECT g.kode_wilayah, w.nama_wilayah, g.periode,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi,
  g.cakupan_pengukuran AS cakupan,
  g.ditekan
FROM gizi_balita g
JOIN wilayah w ON w.kode_wilayah = g.kode_wilayah
WHERE w.kode_induk = ${k}
ORDER BY g.kode_wilayah, g.periode`;
}
