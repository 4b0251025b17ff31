import { AGE_MAX_MONTHS, AGE_MIN_MONTHS, HAZ_IMPLAUSIBLE_ABOVE, HAZ_SEVERE_BELOW, HAZ_STUNTED_BELOW } from '../lib/domain/stunting.ts';

/**
 * The two yardsticks `npm run bench:data` measures the build step against, over the national
 * synthetic export (src/demo/national.ts, whose header is the e-PPGBM one):
 *
 * - bare: the scan floor — read every row and count measured and stunted rows per village names and
 *   month, no rules at all;
 * - plain: the build step's rules on the by-name rows written plainly as one DuckDB query, as an
 *   analyst would: typed columns, the latest valid measurement per child and month, counts per
 *   village names and month. No name matching, validation, exclusion counts or suppression.
 *
 * Both write Parquet, so each pays for its output like the build step does.
 */

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The national file read with typed columns (DuckDB sniffs the rest). */
const typedCsv = (file: string) => `read_csv(${q(file)}, delim = ',', quote = '"', escape = '"', header = true,
      types = {'NIK': 'VARCHAR', 'Tgl Lahir': 'DATE', 'Tanggal Pengukuran': 'DATE', 'ZS TB/U': 'DOUBLE'})`;

export function bareQuery(file: string, out: string): string {
  return `COPY (
    SELECT "Prov", "Kab/Kota", "Kec", "Desa/Kel", strftime("Tanggal Pengukuran", '%Y-%m') AS bulan,
           count(*) AS diukur, count(*) FILTER (WHERE "ZS TB/U" < -2) AS stunting
    FROM ${typedCsv(file)}
    GROUP BY ALL
  ) TO ${q(out)} (FORMAT parquet)`;
}

export function plainQuery(file: string, out: string): string {
  return `COPY (
    WITH pengukuran AS (      -- every row with what the rules need; age in completed months
      SELECT "NIK" AS nik, "Prov" AS prov, "Kab/Kota" AS kab, "Kec" AS kec, "Desa/Kel" AS desa,
             "Tanggal Pengukuran" AS tanggal, date_trunc('month', "Tanggal Pengukuran") AS bulan, "ZS TB/U" AS haz,
             date_diff('month', "Tgl Lahir", "Tanggal Pengukuran")
               - CASE WHEN day("Tanggal Pengukuran") < day("Tgl Lahir") THEN 1 ELSE 0 END AS usia_bulan
      FROM ${typedCsv(file)}),
    sah AS (                  -- valid: 0-59 months, a plausible z-score (|HAZ| <= 6)
      SELECT * FROM pengukuran
      WHERE usia_bulan BETWEEN ${AGE_MIN_MONTHS} AND ${AGE_MAX_MONTHS} AND abs(haz) <= ${HAZ_IMPLAUSIBLE_ABOVE}),
    terakhir AS (             -- each child once a month: its latest valid measurement
      SELECT nik, bulan, arg_max({prov: prov, kab: kab, kec: kec, desa: desa, haz: haz}, (tanggal, haz)) AS r
      FROM sah GROUP BY nik, bulan)
    SELECT r.prov, r.kab, r.kec, r.desa, strftime(bulan, '%Y-%m') AS bulan,
           count(*) AS diukur,
           count(*) FILTER (WHERE r.haz >= ${HAZ_SEVERE_BELOW} AND r.haz < ${HAZ_STUNTED_BELOW}) AS pendek,
           count(*) FILTER (WHERE r.haz < ${HAZ_SEVERE_BELOW}) AS sangat_pendek
    FROM terakhir GROUP BY ALL
  ) TO ${q(out)} (FORMAT parquet)`;
}

/** Totals of a yardstick's Parquet: village-months, and children (rows, for bare) measured and stunted. */
export function totalsQuery(out: string, kind: 'bare' | 'plain'): string {
  const stunting = kind === 'bare' ? 'stunting' : 'pendek + sangat_pendek';
  return `SELECT count(*)::BIGINT AS groups, sum(diukur)::BIGINT AS diukur, sum(${stunting})::BIGINT AS stunting FROM read_parquet(${q(out)})`;
}
