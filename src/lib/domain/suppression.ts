/** Small-number rule for public output (one place; the methodology page quotes it). */

/** Counts from 1 to this value at village and district level are hidden. */
export const SMALL_COUNT_MAX = 4;
/** Rates whose denominator (children measured) is below this are not published. */
export const MIN_DENOMINATOR_FOR_RATE = 20;
/** Levels whose small counts are hidden (regency and province totals are large enough). */
export const SUPPRESSED_LEVELS = ['kecamatan', 'desa_kelurahan'] as const;

/**
 * Whether a missing rate is hidden by this rule rather than not computed (too few measured, no
 * data). A rate is hidden only with one of the counts it is computed from (src/pipeline/apply-suppression.ts),
 * while `ditekan` marks a row with any hidden count: a row can be marked for another count
 * (moderately / severely stunted) with the rate's own counts published. A count not known to the
 * caller (undefined) counts as hidden.
 */
export function rateHidden(rate: number | null | undefined, ditekan: boolean | null | undefined, counts: readonly (number | null | undefined)[]): boolean {
  return rate == null && !!ditekan && counts.some((c) => c == null);
}
