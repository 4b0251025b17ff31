/** Share of villages reporting measurements, per month (data quality). */
import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, formatPeriod } from '../lib/i18n.ts';
import { INK, finish, isNum, type ChartOptions } from './common.ts';

export interface KualitasRow {
  periode: string;
  desa_melapor: number | null;
  desa_total: number | null;
  persen_desa_melapor: number | null;
}

export interface KualitasOptions extends ChartOptions {
  label: string;
  axisLabel: string;
}

export function kualitasChart(rows: readonly KualitasRow[], options: KualitasOptions): SVGElement | HTMLElement {
  const { lang, width = 640, document, label, axisLabel } = options;
  const periods = rows.map((r) => r.periode);
  const present = rows.filter((r) => isNum(r.persen_desa_melapor));
  const el = Plot.plot({
    document,
    width,
    height: 220,
    marginLeft: 44,
    marginBottom: 36,
    x: { domain: periods, label: null, tickFormat: (p: string) => formatPeriod(lang, p, { short: true }), tickRotate: periods.length > 8 ? -30 : 0 },
    y: { domain: [0, 110], label: axisLabel, labelAnchor: 'top', grid: true, tickFormat: (v: number) => formatNumber(lang, v) },
    ariaLabel: label,
    marks: [
      Plot.barY(present, { x: 'periode', y: 'persen_desa_melapor', fill: INK.netral, insetLeft: 4, insetRight: 4 }),
      Plot.text(present, { x: 'periode', y: 'persen_desa_melapor', text: (r: KualitasRow) => formatPercent(lang, r.persen_desa_melapor, { digits: 0 }), dy: -7, fill: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  });
  return finish(el, { lang, name: 'kualitas', label });
}
