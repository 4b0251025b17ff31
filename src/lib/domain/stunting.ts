/**
 * Stunting rules, in one place (WHO 2006 growth standards, Permenkes 2/2020).
 * The build step turns these into SQL (src/pipeline/sql/rules.ts), the demo generator and the charts
 * import them, the site quotes them on the methodology page; tests check that SQL and TypeScript agree
 * at every boundary (test/lib/domain-rules.test.ts).
 */

/** Stunting: height-for-age z-score (HAZ) below -2 SD. */
export const HAZ_STUNTED_BELOW = -2;
/** Severe stunting (sangat pendek): HAZ below -3 SD. */
export const HAZ_SEVERE_BELOW = -3;
/** |HAZ| above 6 is biologically implausible (WHO flag): excluded from every count. */
export const HAZ_IMPLAUSIBLE_ABOVE = 6;
/** TB/U "Tinggi" (tall): HAZ above +3 SD (Permenkes 2/2020). Counted as not stunted. */
export const HAZ_TALL_ABOVE = 3;
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

/** Is a child of this many completed months counted? */
export const ageCounted = (months: number): boolean => months >= AGE_MIN_MONTHS && months <= AGE_MAX_MONTHS;

/**
 * e-PPGBM `TB/U` labels as the export writes them (Permenkes 2/2020 categories), in z-score order, and
 * the class each counts as when the z-score is empty. Matched in any case and spacing.
 */
export const TBU_LABELS = [
  { label: 'Sangat Pendek', kelas: 'sangat_pendek' },
  { label: 'Pendek', kelas: 'pendek' },
  { label: 'Normal', kelas: 'normal' },
  { label: 'Tinggi', kelas: 'normal' },
] as const satisfies readonly { label: string; kelas: Exclude<HeightClass, 'tidak_masuk_akal'> }[];

/** White space in a label (the same class in the SQL macro and here: tab, line breaks, space). */
export const LABEL_SPACE = '[\\t\\n\\f\\r ]+';
const LABEL_SPACE_RE = new RegExp(LABEL_SPACE, 'g');

/** A label as compared: runs of white space as one space, trimmed, lower case (as the SQL macro does). */
export const normalTbuLabel = (label: string): string => label.replace(LABEL_SPACE_RE, ' ').replace(/^ | $/g, '').toLowerCase();

/** The class of a TB/U label as exported; null when it is not one. */
export function classifyTbuLabel(label: string | null | undefined): Exclude<HeightClass, 'tidak_masuk_akal'> | null {
  if (label === null || label === undefined) return null;
  const l = normalTbuLabel(label);
  return TBU_LABELS.find((t) => t.label.toLowerCase() === l)?.kelas ?? null;
}

/** Index in TBU_LABELS of the label the e-PPGBM application writes for a z-score (synthetic exports). */
export function tbuLabelIndex(haz: number): 0 | 1 | 2 | 3 {
  if (haz < HAZ_SEVERE_BELOW) return 0;
  if (haz < HAZ_STUNTED_BELOW) return 1;
  if (haz <= HAZ_TALL_ABOVE) return 2;
  return 3;
}

/** The TB/U label the e-PPGBM application writes for a z-score. */
export const tbuLabelOf = (haz: number): (typeof TBU_LABELS)[number]['label'] => TBU_LABELS[tbuLabelIndex(haz)].label;

/**
 * The class the build step gives a record: from the z-score when there is one, else from the label
 * (the TypeScript twin of the SQL macro `atlas_kelas_tbu`).
 */
export function classifyRecord(haz: number | null, label: string | null): HeightClass | null {
  return haz !== null ? classifyHaz(haz) : classifyTbuLabel(label);
}

/**
 * WHO/UNICEF public-health significance of stunting prevalence (%), de Onis et al. 2019:
 * very low < 2.5, low 2.5–<10, medium 10–<20, high 20–<30, very high ≥ 30. `from` is inclusive,
 * `below` exclusive. Charts, maps and the methodology text use these (never their own copy).
 */
export const PREVALENCE_BANDS = [
  { from: 0, below: 2.5, id: 'sangat rendah', en: 'very low' },
  { from: 2.5, below: 10, id: 'rendah', en: 'low' },
  { from: 10, below: 20, id: 'sedang', en: 'medium' },
  { from: 20, below: 30, id: 'tinggi', en: 'high' },
  { from: 30, below: Infinity, id: 'sangat tinggi', en: 'very high' },
] as const;

/** The band limits, for threshold colour scales: [2.5, 10, 20, 30]. */
export const PREVALENCE_THRESHOLDS: readonly number[] = PREVALENCE_BANDS.slice(1).map((b) => b.from);

/** Index (0–4) of the WHO band of a prevalence in %; null for a missing value. */
export function prevalenceBand(pct: number | null | undefined): number | null {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return null;
  return PREVALENCE_BANDS.findIndex((b) => pct < b.below);
}
