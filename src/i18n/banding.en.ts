/** English strings of honest comparisons, priority regencies, search and print: the same keys as banding.id.ts. */
import type { bandingId } from './banding.id.ts';

export const bandingEn: Record<keyof typeof bandingId, string> = {
  'lengkap.tidak': 'incomplete',
  'lengkap.ya': 'complete',
  'lengkap.col': 'Month complete?',
  'lengkap.optionSuffix': '{periode} (incomplete)',
  'lengkap.notice': '{periode} is an incomplete month for {nama}: only {melapor} of {total} villages reported{daftar}. The figures below cover the reporting villages only, not the whole of {nama}; do not compare them with other months.',
  'lengkap.noticeDaftar': ' (only {daftar})',
  'lengkap.cardSource': 'Source: e-PPGBM, {periode}: incomplete month, reporting villages only',
  'lengkap.cardPrevalensi': 'Prevalence in the reporting villages',
  'lengkap.trenNote': 'Hollow dots: incomplete months (fewer than {desa}% of villages reporting or fewer than {diukur}% of the target population measured); their figures cover the reporting areas only.',
  'lengkap.rankNote': 'This month is incomplete for: {daftar}; their figures cover the reporting villages only.',
  'lengkap.changeNote': 'Change is measured from the last complete month ({sebelumnya}); areas incomplete in either month get no change figure.',
  'lengkap.noPrevious': 'There is no earlier complete month to compare with.',
  'lengkap.methodTitle': 'Complete months',
  'lengkap.methodText': 'A month of routine data counts as complete for an area when, in that month, at least {desa}% of the area\'s villages reported measurements and, where the target population of under-fives is known, at least {diukur}% of it was measured. The rule reads only that month\'s own figures, so a month published later never changes whether an earlier one is complete. Incomplete months are still shown, marked "incomplete"; their figures cover the reporting villages only. "Change since" is always measured from the last complete month.',
  'lengkap.targetTitle': 'Targets and routine figures',
  'lengkap.targetText': 'The national prevalence targets (14% by 2024, Perpres 72/2021; RPJMN) were set for the survey figure (SSGI/SKI) and are compared with survey figures only. Routine e-PPGBM figures get no "gap to target" unless a target set for routine figures exists, and then its source is cited.',
  'cak.overNote': 'Coverage above 100% ({daftar}): realisation exceeded the recorded target population (e.g. a target population from an older count, or people reached from outside it); figures are shown as reported.',
  'cak.reachNotChildren': '{program} counts {satuan}, not children, so it is not set beside the number of stunted children. Choose a programme that reaches children ({daftar}) to see how many stunted children were reached, and where.',
  'satuan.anak': 'children',
  'satuan.keluarga': 'families',
  'satuan.orang': 'people',
};
