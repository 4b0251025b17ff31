/**
 * Stunting rules, in one place (WHO 2006 growth standards, Permenkes 2/2020).
 * The build step turns these into SQL (src/pipeline/sql/rules.ts); the site quotes them
 * on the methodology page; tests check the boundaries.
 */

/** Stunting: height-for-age z-score (HAZ) below -2 SD. */
export const HAZ_STUNTED_BELOW = -2;
/** Severe stunting (sangat pendek): HAZ below -3 SD. */
export const HAZ_SEVERE_BELOW = -3;
/** |HAZ| above 6 is biologically implausible (WHO flag): excluded from every count. */
export const HAZ_IMPLAUSIBLE_ABOVE = 6;
/** Children counted: 0 to 59 completed months at measurement. */
export const AGE_MIN_MONTHS = 0;
export const AGE_MAX_MONTHS = 59;

export type HeightClass = 'sangat_pendek' | 'pendek' | 'normal' | 'tidak_masuk_akal';

/** Classify a height-for-age z-score. Boundaries: -2 is not stunted, -3 is pendek, |6| is plausible. */
export function classifyHaz(haz: number): HeightClass {
  if (Math.abs(haz) > HAZ_IMPLAUSIBLE_ABOVE) return 'tidak_masuk_akal';
  if (haz < HAZ_SEVERE_BELOW) return 'sangat_pendek';
  if (haz < HAZ_STUNTED_BELOW) return 'pendek';
  return 'normal';
}

/** e-PPGBM `TB/U` labels, used when the z-score is empty. */
export const TBU_LABELS: Record<string, HeightClass> = {
  'sangat pendek': 'sangat_pendek',
  'pendek': 'pendek',
  'normal': 'normal',
  'tinggi': 'normal',
};

/** WHO/UNICEF public-health significance thresholds for stunting prevalence (%). */
export const WHO_PREVALENCE_BANDS = [
  { below: 2.5, id: 'sangat rendah', en: 'very low' },
  { below: 10, id: 'rendah', en: 'low' },
  { below: 20, id: 'sedang', en: 'medium' },
  { below: 30, id: 'tinggi', en: 'high' },
  { below: Infinity, id: 'sangat tinggi', en: 'very high' },
] as const;
