/** Periods (months) with routine measurement data, and helpers to choose among them. */
import { kelengkapanSql } from '../domain/kelengkapan.ts';
import { kodeLit } from './sql.ts';

/** A routine month with whether it is complete enough to compare (src/lib/domain/kelengkapan.ts). */
export interface PeriodeRutin {
  periode: string;
  diukur: number | null;
  cakupan: number | null;
  lengkap: boolean;
}

/**
 * Months with a province row that has children measured, oldest first, each with `lengkap`: is
 * the month complete for `kode` (default: the province itself)? `diukur` and `cakupan` are the
 * province's.
 */
export function periodeRutinSql({ kode }: { kode?: string } = {}): string {
  const k = kode ? kodeLit(kode) : 'p.kode_wilayah';
  return `SELECT p.periode, CAST(p.jumlah_balita_diukur AS INTEGER) AS diukur, p.cakupan_pengukuran AS cakupan,
  ${kelengkapanSql({ desaMelapor: 'q.desa_melapor', desaTotal: 'q.desa_total', diukur: 'a.jumlah_balita_diukur', sasaran: 'a.jumlah_sasaran_balita' })} AS lengkap
FROM gizi_balita p
LEFT JOIN gizi_balita a ON a.kode_wilayah = ${k} AND a.periode = p.periode
LEFT JOIN kualitas_data q ON q.kode_wilayah = ${k} AND q.periode = p.periode
WHERE p.tingkat = 'provinsi' AND p.jumlah_balita_diukur > 0
ORDER BY p.periode`;
}

/** The default month of a page: the latest complete one, else the latest. */
export function periodeBawaan(rows: readonly Pick<PeriodeRutin, 'periode' | 'lengkap'>[]): string | undefined {
  return periodeTerakhir(rows.filter((r) => r.lengkap).map((r) => r.periode)) ?? periodeTerakhir(rows.map((r) => r.periode));
}

/** The last complete month before `periode` (what "change since" is measured from), if any. */
export function periodeSebelumnyaLengkap(rows: readonly Pick<PeriodeRutin, 'periode' | 'lengkap'>[], periode: string): string | undefined {
  return periodeTerakhir(rows.filter((r) => r.lengkap && r.periode < periode).map((r) => r.periode));
}

/** The latest period in a sorted list, or undefined when there is none. */
export function periodeTerakhir(periods: readonly string[]): string | undefined {
  return periods.length ? [...periods].sort().at(-1) : undefined;
}

/** The period just before `periode` in the list (not necessarily one month earlier). */
export function periodeSebelumnya(periods: readonly string[], periode: string): string | undefined {
  const sorted = [...periods].sort();
  const i = sorted.indexOf(periode);
  return i > 0 ? sorted[i - 1] : undefined;
}

/** The latest period of `tahun`, else the latest period overall. */
export function periodeTerakhirTahun(periods: readonly string[], tahun: number): string | undefined {
  const inYear = periods.filter((p) => p.startsWith(`${tahun}-`));
  return periodeTerakhir(inYear) ?? periodeTerakhir(periods);
}

/**
 * The routine month to set beside a survey of `tahun`: the latest month of that year in which at
 * least `minCakupan` % of the target children were measured (a weighing month, not a month with a
 * handful of villages reporting); else the latest month of the year; else the latest overall.
 */
export function periodePasanganSurvei(
  rows: readonly { periode: string; cakupan: number | null }[],
  tahun: number,
  minCakupan = 50,
): string | undefined {
  const inYear = rows.filter((r) => r.periode.startsWith(`${tahun}-`));
  const wellCovered = inYear.filter((r) => (r.cakupan ?? 0) >= minCakupan).map((r) => r.periode);
  return periodeTerakhir(wellCovered) ?? periodeTerakhir(inYear.map((r) => r.periode)) ?? periodeTerakhir(rows.map((r) => r.periode));
}
