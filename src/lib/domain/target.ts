/**
 * Which target a figure may be compared with. The national prevalence targets (14 % by 2024,
 * Perpres 72/2021; RPJMN) were set for the survey figure (SSGI/SKI): survey prevalence is compared
 * with them, routine e-PPGBM prevalence never is. A routine figure gets a "gap to target" only
 * when the target table holds a target set for routine prevalence (indikator
 * INDIKATOR_TARGET_RUTIN, with its legal basis), and the page then cites it.
 */

/** Target table indicator of the survey prevalence targets. */
export const INDIKATOR_TARGET_SURVEI = 'prevalensi_stunting';
/** Target table indicator of a target set for routine (e-PPGBM) prevalence, if one is ever published. */
export const INDIKATOR_TARGET_RUTIN = 'prevalensi_stunting_rutin';
