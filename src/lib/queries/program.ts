import { int, kodeLit, periodeLit, periodeProgramLit, programLit, rasio } from './sql.ts';

/** The programme list with names, unit, national indicator and its 2024 target. */
export function programRefSql(): string {
  return `SELECT program, nama_program, nama_program_en, satuan, uraian, kode_indikator, target_nasional_2024
FROM program_ref ORDER BY program`;
}

/** Realisation in one area (the province) of every programme in every period, with the national target. */
export function programRingkasanSql({ kode }: { kode: string }): string {
  return `SELECT p.program, r.nama_program, r.nama_program_en, r.satuan, r.kode_indikator, r.target_nasional_2024 AS target,
  p.periode,
  ${int('p.sasaran')} AS sasaran,
  ${int('p.realisasi')} AS realisasi,
  p.cakupan,
  p.cakupan - r.target_nasional_2024 AS selisih_target,
  ${int('p.sasaran - p.realisasi')} AS kesenjangan,
  coalesce(p.ditekan, false) AS ditekan
FROM program p
JOIN program_ref r ON r.program = p.program
WHERE p.kode_wilayah = ${kodeLit(kode)}
ORDER BY p.program, p.periode`;
}

/**
 * One programme in one period for every area directly under `induk`: target, realisation,
 * coverage, the gap (target − realisation) and the coverage gap to the national 2024 target.
 */
export function programWilayahSql({ program, periode, induk }: { program: string; periode: string; induk: string }): string {
  const pr = programLit(program);
  const pe = periodeProgramLit(periode);
  return `SELECT w.kode_wilayah, w.nama_wilayah, w.jenis, ${pr} AS program, ${pe} AS periode,
  ${int('p.sasaran')} AS sasaran,
  ${int('p.realisasi')} AS realisasi,
  p.cakupan,
  r.target_nasional_2024 AS target,
  p.cakupan - r.target_nasional_2024 AS selisih_target,
  ${int('p.sasaran - p.realisasi')} AS kesenjangan,
  coalesce(p.ditekan, false) AS ditekan
FROM wilayah w
LEFT JOIN program p ON p.kode_wilayah = w.kode_wilayah AND p.program = ${pr} AND p.periode = ${pe}
LEFT JOIN program_ref r ON r.program = ${pr}
WHERE w.kode_induk = ${kodeLit(induk)}
ORDER BY w.kode_wilayah`;
}

/** Every programme period of one area (for a profile page). */
export function programAreaSql({ kode }: { kode: string }): string {
  return `SELECT p.program, r.nama_program, r.nama_program_en, r.satuan, p.periode,
  ${int('p.sasaran')} AS sasaran, ${int('p.realisasi')} AS realisasi, p.cakupan,
  r.target_nasional_2024 AS target, coalesce(p.ditekan, false) AS ditekan
FROM program p JOIN program_ref r ON r.program = p.program
WHERE p.kode_wilayah = ${kodeLit(kode)}
ORDER BY p.program, p.periode`;
}

export interface JangkauanArgs {
  /** Routine month giving the number of stunted children. */
  periode: string;
  /** Programme reaching stunted children (e.g. BAAS, PMT). */
  program: string;
  /** The programme's reporting period. */
  periodeProgram: string;
  /** Parent area (the province): its direct children are listed. */
  induk: string;
}

/**
 * "How many stunted children were reached, and where": for each area under `induk`, the stunted
 * children counted in the routine month beside the children the programme reached in its period.
 * The last row (kode_wilayah NULL) is the total over the areas: Σ reached / Σ stunted, over areas
 * where both numbers are published.
 */
export function jangkauanSql({ periode, program, periodeProgram, induk }: JangkauanArgs): string {
  const pr = programLit(program);
  const pe = periodeProgramLit(periodeProgram);
  const p = periodeLit(periode);
  return `WITH baris AS (
  SELECT w.kode_wilayah, w.nama_wilayah,
    g.jumlah_balita_stunting AS stunting, p.sasaran, p.realisasi,
    coalesce(g.ditekan, false) OR coalesce(p.ditekan, false) AS ditekan
  FROM wilayah w
  LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${p}
  LEFT JOIN program p ON p.kode_wilayah = w.kode_wilayah AND p.program = ${pr} AND p.periode = ${pe}
  WHERE w.kode_induk = ${kodeLit(induk)}
)
SELECT kode_wilayah, nama_wilayah, ${int('stunting')} AS stunting, ${int('sasaran')} AS sasaran, ${int('realisasi')} AS realisasi,
  CASE WHEN stunting > 0 THEN 100.0 * realisasi / stunting END AS persen_terjangkau, ditekan
FROM baris
UNION ALL
SELECT NULL, NULL, ${int('sum(stunting)')}, ${int('sum(sasaran)')}, ${int('sum(realisasi)')},
  ${rasio('realisasi', 'stunting')}, false
FROM baris WHERE stunting IS NOT NULL AND realisasi IS NOT NULL
ORDER BY kode_wilayah NULLS LAST`;
}

