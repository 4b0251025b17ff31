/** Periods (months) with routine measurement data, and helpers to choose among them. */

/** Months with a province row that has children measured, oldest first. */
export function periodeRutinSql(): string {
  return `SELECT periode, CAST(jumlah_balita_diukur AS INTEGER) AS diukur, cakupan_pengukuran AS cakupan
FROM gizi_balita
WHERE tingkat = 'provinsi' AND jumlah_balita_diukur > 0
ORDER BY periode`;
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
