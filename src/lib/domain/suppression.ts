/** Small-number rule for public output (one place; the methodology page quotes it). */

/** Counts from 1 to this value at village and district level are hidden. */
export const SMALL_COUNT_MAX = 4;
/** Rates whose denominator (children measured) is below this are not published. */
export const MIN_DENOMINATOR_FOR_RATE = 20;
/** Levels whose small counts are hidden (regency and province totals are large enough). */
export const SUPPRESSED_LEVELS = ['kecamatan', 'desa_kelurahan'] as const;
