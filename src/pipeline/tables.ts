/**
 * The DuckDB tables that stages of the build step share, named in one place: a stage that writes one
 * and the stages that read it import the name from here.
 */

/** Cells hidden in the previous release (previous-release.ts writes, apply-suppression.ts reads). */
export const PREVIOUS_HIDDEN = 'rilis_lalu_ditekan';
