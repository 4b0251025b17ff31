/**
 * Approximate child growth references (rounded from the WHO 2006 standards at a few ages, linear in
 * between): enough to turn a synthetic z-score into a plausible height or weight and back. Not for
 * real anthropometry.
 */

const AGES = [0, 3, 6, 9, 12, 18, 24, 36, 48, 60, 72];
const HEIGHT = {
  L: { median: [49.9, 61.4, 67.6, 72.0, 75.7, 82.3, 87.1, 96.1, 103.3, 110.0, 116.0], sd: [1.9, 2.0, 2.2, 2.3, 2.5, 2.8, 3.1, 3.7, 4.2, 4.6, 5.0] },
  P: { median: [49.1, 59.8, 65.7, 70.1, 74.0, 80.7, 85.7, 95.1, 102.7, 109.4, 115.1], sd: [1.9, 2.1, 2.3, 2.4, 2.6, 2.9, 3.2, 3.8, 4.3, 4.7, 5.1] },
};
const WEIGHT = {
  L: [3.3, 6.4, 7.9, 8.9, 9.6, 10.9, 12.2, 14.3, 16.3, 18.3, 20.5],
  P: [3.2, 5.8, 7.3, 8.2, 8.9, 10.2, 11.5, 13.9, 16.1, 18.2, 20.2],
};

function interp(table: number[], months: number): number {
  const a = Math.max(0, Math.min(months, 72));
  let i = 1;
  while (i < AGES.length - 1 && AGES[i] < a) i++;
  const t = (a - AGES[i - 1]) / (AGES[i] - AGES[i - 1]);
  return table[i - 1] + t * (table[i] - table[i - 1]);
}

export type Sex = 'L' | 'P';

/** Height (cm) of a child of this age (months, may be fractional) and height-for-age z-score. */
export function heightFor(sex: Sex, months: number, haz: number): number {
  return interp(HEIGHT[sex].median, months) + haz * interp(HEIGHT[sex].sd, months);
}

/** Weight (kg) for a weight-for-age z-score (coefficient of variation about 12%). */
export function weightFor(sex: Sex, months: number, waz: number): number {
  return interp(WEIGHT[sex], months) * Math.exp(0.12 * waz);
}

/** TB/U label for a height-for-age z-score (Permenkes 2/2020 categories): the one rule in the domain module. */
export { tbuLabelOf as tbuLabel } from '../lib/domain/stunting.ts';

export function bbuLabel(waz: number): string {
  if (waz < -3) return 'Berat Badan Sangat Kurang';
  if (waz < -2) return 'Berat Badan Kurang';
  if (waz <= 1) return 'Berat Badan Normal';
  return 'Risiko Berat Badan Lebih';
}

export function bbtbLabel(whz: number): string {
  if (whz < -3) return 'Gizi Buruk';
  if (whz < -2) return 'Gizi Kurang';
  if (whz <= 1) return 'Gizi Baik';
  if (whz <= 2) return 'Berisiko Gizi Lebih';
  if (whz <= 3) return 'Gizi Lebih';
  return 'Obesitas';
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 on erf; |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
