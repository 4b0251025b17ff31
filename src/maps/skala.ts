/** Colour classes of the maps: WHO/UNICEF prevalence thresholds, quantiles, or fixed bands. No drawing code (the browser script uses it too). */
import { PREVALENCE_THRESHOLDS } from '../lib/domain/stunting.ts';
import { formatNumber, type Lang } from '../lib/i18n.ts';

export interface Skala {
  jenis: 'who' | 'kuantil' | 'tetap';
  /** Upper bounds of the first n-1 classes (a value < batas[i] is class i). */
  batas: number[];
  warna: readonly string[];
}

/** WHO/UNICEF prevalence thresholds (src/lib/domain/stunting.ts) with a palette of 5 colours. */
export function skalaWho(warna: readonly string[]): Skala {
  return { jenis: 'who', batas: [...PREVALENCE_THRESHOLDS], warna };
}

/** Five quantile classes of the values shown (distinct cut points only). */
export function skalaKuantil(values: readonly (number | null)[], warna: readonly string[]): Skala {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  const q = (p: number) => {
    const i = (v.length - 1) * p;
    const lo = Math.floor(i);
    return v[lo]! + (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!) * (i - lo);
  };
  const batas = v.length ? [...new Set([0.2, 0.4, 0.6, 0.8].map((p) => Math.round(q(p) * 10) / 10))] : [];
  return { jenis: 'kuantil', batas, warna: warna.slice(0, batas.length + 1) };
}

export function kelasNilai(s: Skala, v: number): number {
  const i = s.batas.findIndex((b) => v < b);
  return i < 0 ? s.batas.length : i;
}

export function labelKelas(lang: Lang, s: Skala, i: number, unit = ' %'): string {
  const f = (x: number) => formatNumber(lang, x, { digits: Number.isInteger(x) ? 0 : 1 });
  if (i === 0) return `< ${f(s.batas[0]!)}${unit}`;
  if (i === s.batas.length) return `≥ ${f(s.batas.at(-1)!)}${unit}`;
  return `${f(s.batas[i - 1]!)}–< ${f(s.batas[i]!)}${unit}`;
}

