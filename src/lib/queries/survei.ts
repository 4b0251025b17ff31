import { kodeLit, surveiLit, tahunLit } from './sql.ts';

/** Which surveys (survey, year) have figures, oldest first. */
export function surveiPilihanSql(): string {
  return `SELECT survei, CAST(tahun AS INTEGER) AS tahun, CAST(count(prevalensi_stunting) AS INTEGER) AS jumlah
FROM survei GROUP BY survei, tahun ORDER BY tahun, survei`;
}

/** Every source cited for each survey and year (all areas), oldest survey first. */
export function surveiSumberSql(): string {
  return `SELECT survei, CAST(tahun AS INTEGER) AS tahun, sumber
FROM survei WHERE sumber IS NOT NULL
GROUP BY survei, tahun, sumber ORDER BY tahun, survei, min(kode_wilayah), sumber`;
}

/** Survey series (all surveys and years) of the given areas (e.g. the province and 'ID', Indonesia). */
export function surveiSeriSql({ kode }: { kode: readonly string[] }): string {
  const list = kode.map(kodeLit).join(', ');
  return `SELECT s.kode_wilayah, coalesce(w.nama_wilayah, CASE WHEN s.kode_wilayah = 'ID' THEN 'Indonesia' END) AS nama_wilayah,
  s.tingkat, s.survei, CAST(s.tahun AS INTEGER) AS tahun, s.prevalensi_stunting AS prevalensi,
  s.ci_bawah, s.ci_atas, s.sumber, s.catatan
FROM survei s
LEFT JOIN wilayah w ON w.kode_wilayah = s.kode_wilayah
WHERE s.kode_wilayah IN (${list})
ORDER BY s.kode_wilayah, s.tahun, s.survei`;
}

/**
 * Every regency/city of the province with its survey prevalence for one survey and year, ranked
 * from highest. Regencies without a published figure are kept, with NULL prevalence and no rank
 * (shown as missing, never as 0), after the ranked ones.
 */
export function surveiPeringkatSql({ survei, tahun, induk }: { survei: string; tahun: number; induk: string }): string {
  return `SELECT w.kode_wilayah, w.nama_wilayah, w.jenis, ${surveiLit(survei)} AS survei, ${tahunLit(tahun)} AS tahun,
  s.prevalensi_stunting AS prevalensi, s.ci_bawah, s.ci_atas, s.sumber, s.catatan,
  CASE WHEN s.prevalensi_stunting IS NOT NULL
    THEN CAST(rank() OVER (ORDER BY s.prevalensi_stunting DESC NULLS LAST) AS INTEGER) END AS peringkat
FROM wilayah w
LEFT JOIN survei s ON s.kode_wilayah = w.kode_wilayah AND s.survei = ${surveiLit(survei)} AND s.tahun = ${tahunLit(tahun)}
WHERE w.kode_induk = ${kodeLit(induk)}
ORDER BY s.prevalensi_stunting DESC NULLS LAST, w.kode_wilayah`;
}

/** Every survey figure of the regencies under `induk` (all surveys/years), for a profile or a table. */
export function surveiWilayahSql({ kode }: { kode: string }): string {
  return `SELECT s.kode_wilayah, s.survei, CAST(s.tahun AS INTEGER) AS tahun, s.prevalensi_stunting AS prevalensi,
  s.ci_bawah, s.ci_atas, s.sumber, s.catatan
FROM survei s WHERE s.kode_wilayah = ${kodeLit(kode)}
ORDER BY s.tahun, s.survei`;
}
