/**
 * When a routine (e-PPGBM) month is complete enough to compare, for one area. The one place for
 * this rule: the SQL expression below is used by every query (at build time with native DuckDB and
 * in the browser with DuckDB-WASM), the predicate by code that already holds the numbers.
 *
 * A month is complete for an area when, in that month's own row of that area:
 *   - at least MIN_PERSEN_DESA_MELAPOR % of its villages reported measurements, and
 *   - where the target population (sasaran) and the number measured are both published, at least
 *     MIN_PERSEN_DIUKUR % of those children were measured (a count hidden by the small-number
 *     rule cannot be checked, so only the villages criterion applies to it).
 * Only that month's row is read (never other months, never a maximum over time), so publishing a
 * later month never changes whether an earlier one counts as complete.
 *
 * An incomplete month is still shown, marked as such: its figures describe the villages that
 * reported, not the area. "Change since" is measured from the last complete month, and an
 * incomplete month's regional figure is never presented as the whole area's.
 */

/** Share of an area's villages that must report in the month (%). */
export const MIN_PERSEN_DESA_MELAPOR = 80;
/** Share of the target under-fives that must be measured, where the target population is known (%). */
export const MIN_PERSEN_DIUKUR = 50;

export interface KelengkapanInput {
  desa_melapor: number | null | undefined;
  desa_total: number | null | undefined;
  diukur: number | null | undefined;
  sasaran: number | null | undefined;
}

const known = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Is this area's month complete enough to compare? (Same rule as kelengkapanSql.) */
export function periodeLengkap(r: KelengkapanInput): boolean {
  if (!known(r.desa_melapor) || !known(r.desa_total) || r.desa_total <= 0) return false;
  if (100 * r.desa_melapor < MIN_PERSEN_DESA_MELAPOR * r.desa_total) return false;
  if (known(r.sasaran) && r.sasaran > 0 && known(r.diukur)) return 100 * r.diukur >= MIN_PERSEN_DIUKUR * r.sasaran;
  return true;
}

/**
 * The same rule as a SQL boolean expression over the columns of one row (kualitas_data's
 * desa_melapor / desa_total and gizi_balita's counts of the same area and month). Never NULL.
 *   kelengkapanSql({ desaMelapor: 'q.desa_melapor', desaTotal: 'q.desa_total', diukur: 'g.jumlah_balita_diukur', sasaran: 'g.jumlah_sasaran_balita' })
 */
export function kelengkapanSql(c: { desaMelapor: string; desaTotal: string; diukur: string; sasaran: string }): string {
  return `coalesce(${c.desaTotal} > 0 AND 100 * ${c.desaMelapor} >= ${MIN_PERSEN_DESA_MELAPOR} * ${c.desaTotal}
    AND (coalesce(${c.sasaran}, 0) <= 0 OR ${c.diukur} IS NULL OR 100 * ${c.diukur} >= ${MIN_PERSEN_DIUKUR} * ${c.sasaran}), false)`;
}

/** Short text of the rule's thresholds for labels ("≥ 80 % of villages, ≥ 50 % of children"). */
export const KELENGKAPAN_PARAMS = { desa: MIN_PERSEN_DESA_MELAPOR, diukur: MIN_PERSEN_DIUKUR } as const;
