import { kelengkapanSql } from '../domain/kelengkapan.ts';
import { int, kodeLit } from './sql.ts';

/**
 * Routine series of one area: every month with a published row, oldest first; `lengkap`: is the
 * month complete for the area (src/lib/domain/kelengkapan.ts).
 */
export function trenSql({ kode }: { kode: string }): string {
  const k = kodeLit(kode);
  return `SELECT g.kode_wilayah, g.periode,
  ${int('g.jumlah_sasaran_balita')} AS sasaran,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi,
  g.cakupan_pengukuran AS cakupan,
  g.ditekan,
  ${kelengkapanSql({ desaMelapor: 'q.desa_melapor', desaTotal: 'q.desa_total', diukur: 'g.jumlah_balita_diukur', sasaran: 'g.jumlah_sasaran_balita' })} AS lengkap,
  ${int('q.desa_melapor')} AS desa_melapor,
  ${int('q.desa_total')} AS desa_total
FROM gizi_balita g
LEFT JOIN kualitas_data q ON q.kode_wilayah = g.kode_wilayah AND q.periode = g.periode
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
