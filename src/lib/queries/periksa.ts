/**
 * The file check's comparison: counts from the user's own file (a scratch table in the browser,
 * per village code and month) beside the published figures for the same villages and months.
 */
import { int } from './sql.ts';
import { MIN_DENOMINATOR_FOR_RATE } from '../domain/suppression.ts';

/** The scratch table the file check fills: kode_wilayah, periode, diukur, pendek, sangat_pendek. */
export const PERIKSA_DESA = 'periksa_desa';

/**
 * Per village and month of the file: its counts and prevalence, and the published ones (NULL when
 * hidden or absent). Only village codes: rows the build would assign elsewhere are not compared.
 */
export function periksaBandingSql(): string {
  return `WITH f AS (
  SELECT kode_wilayah, periode, sum(diukur) AS diukur, sum(pendek) + sum(sangat_pendek) AS stunting
  FROM ${PERIKSA_DESA} GROUP BY kode_wilayah, periode
)
SELECT f.kode_wilayah, w.nama_wilayah, f.periode,
  ${int('f.diukur')} AS diukur_berkas, ${int('f.stunting')} AS stunting_berkas,
  -- a rate only from enough children, as on the rest of the site
  CASE WHEN f.diukur >= ${MIN_DENOMINATOR_FOR_RATE} THEN 100.0 * f.stunting / f.diukur END AS prevalensi_berkas,
  ${int('g.jumlah_balita_diukur')} AS diukur_terbit, ${int('g.jumlah_balita_stunting')} AS stunting_terbit,
  g.prevalensi_stunting AS prevalensi_terbit, g.ditekan,
  g.kode_wilayah IS NOT NULL AS ada_terbit
FROM f
JOIN wilayah w ON w.kode_wilayah = f.kode_wilayah AND w.tingkat = 'desa_kelurahan'
LEFT JOIN gizi_balita g ON g.kode_wilayah = f.kode_wilayah AND g.periode = f.periode
ORDER BY f.periode, f.kode_wilayah`;
}
