import { int, kodeLit, periodeLit, tahunLit } from './sql.ts';
import { PUNYA_PROFIL } from './wilayah.ts';

/**
 * Every village under `kode` (a regency or district) with its routine figures for one month, for
 * a village map: counts as published (hidden ones NULL, `ditekan` set), whether a row exists at
 * all (no row = no report that month), priority (lokus) status that year, and whether the village
 * has a profile page to drill down to. By code.
 */
export function petaDesaSql({ kode, periode }: { kode: string; periode: string }): string {
  const k = kodeLit(kode);
  const p = periodeLit(periode);
  const tahun = tahunLit(Number(periode.slice(0, 4)));
  return `SELECT w.kode_wilayah, w.nama_wilayah, w.jenis, w.kode_induk,
  g.kode_wilayah IS NOT NULL AS dilaporkan,
  ${int('g.jumlah_sasaran_balita')} AS sasaran,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi,
  g.cakupan_pengukuran AS cakupan,
  coalesce(g.ditekan, false) AS ditekan,
  EXISTS (SELECT 1 FROM lokus l WHERE l.kode_wilayah = w.kode_wilayah
    AND l.tahun = (SELECT max(tahun) FROM lokus WHERE tahun <= ${tahun})) AS lokus,
  ${PUNYA_PROFIL} AS profil
FROM wilayah w
LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${p}
WHERE w.tingkat = 'desa_kelurahan' AND starts_with(w.kode_wilayah, ${k} || '.')
ORDER BY w.kode_wilayah`;
}
