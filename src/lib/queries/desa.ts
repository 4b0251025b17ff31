import { MIN_DENOMINATOR_FOR_RATE } from '../domain/suppression.ts';
import { int, kodeLit, limitLit, periodeLit, rasio, tahunLit } from './sql.ts';

function lokusTahun(periode: string): string {
  return `(SELECT max(tahun) FROM lokus WHERE tahun <= ${tahunLit(Number(periode.slice(0, 4)))})`;
}

/**
 * Villages of one area (regency or district) with the most stunted children in a month, with
 * their district and whether they are priority (lokus) villages that year. Villages whose counts
 * are suppressed come last (their count is hidden, not zero).
 */
export function desaPrioritasSql({ kode, periode, limit = 20 }: { kode: string; periode: string; limit?: number }): string {
  const k = kodeLit(kode);
  const p = periodeLit(periode);
  return `SELECT d.kode_wilayah, d.nama_wilayah, d.jenis,
  kc.kode_wilayah AS kode_kecamatan, kc.nama_wilayah AS nama_kecamatan,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi,
  coalesce(g.ditekan, false) AS ditekan,
  EXISTS (SELECT 1 FROM lokus l WHERE l.kode_wilayah = d.kode_wilayah AND l.tahun = ${lokusTahun(periode)}) AS lokus
FROM wilayah d
JOIN wilayah kc ON kc.kode_wilayah = d.kode_induk
LEFT JOIN gizi_balita g ON g.kode_wilayah = d.kode_wilayah AND g.periode = ${p}
WHERE d.tingkat = 'desa_kelurahan' AND starts_with(d.kode_wilayah, ${k} || '.')
ORDER BY g.jumlah_balita_stunting DESC NULLS LAST, g.prevalensi_stunting DESC NULLS LAST, d.kode_wilayah
LIMIT ${limitLit(limit)}`;
}

/**
 * Priority (lokus) villages against the other villages of an area: the rate of each group is
 * Σ stunted / Σ measured over its villages with published counts (suppressed villages are left
 * out and counted separately), never a mean of village rates.
 */
export function lokusBandingSql({ kode, periode }: { kode: string; periode: string }): string {
  const k = kodeLit(kode);
  const p = periodeLit(periode);
  return `WITH desa AS (
  SELECT d.kode_wilayah,
    EXISTS (SELECT 1 FROM lokus l WHERE l.kode_wilayah = d.kode_wilayah AND l.tahun = ${lokusTahun(periode)}) AS lokus
  FROM wilayah d
  WHERE d.tingkat = 'desa_kelurahan' AND starts_with(d.kode_wilayah, ${k} || '.')
)
SELECT d.lokus,
  ${int('count(*)')} AS desa,
  ${int('count(*) FILTER (WHERE g.ditekan)')} AS desa_ditekan,
  ${int('count(*) FILTER (WHERE g.kode_wilayah IS NULL)')} AS desa_tanpa_data,
  ${int('sum(g.jumlah_balita_diukur)')} AS diukur,
  ${int('sum(g.jumlah_balita_stunting)')} AS stunting,
  ${rasio('g.jumlah_balita_stunting', 'g.jumlah_balita_diukur', MIN_DENOMINATOR_FOR_RATE)} AS prevalensi
FROM desa d
LEFT JOIN gizi_balita g ON g.kode_wilayah = d.kode_wilayah AND g.periode = ${p}
GROUP BY d.lokus
ORDER BY d.lokus DESC`;
}
