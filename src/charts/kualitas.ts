/** Share of villages reporting measurements, per month (data quality). */
import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, formatPeriod } from '../lib/i18n.ts';
import { INK, finish, isNum, type ChartOptions, STYLE, sized } from './common.ts';

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

export function kualitasChart(rows: readonly KualitasRow[], options: KualitasOptions): Element {
  return sized(options, (width, narrow) => drawKualitas(rows, options, width, narrow));
}

function drawKualitas(rows: readonly KualitasRow[], options: KualitasOptions, width: number, narrow: boolean): Element {
  const { lang, document, label, axisLabel } = options;
  const periods = rows.map((r) => r.periode);
  const present = rows.filter((r) => isNum(r.persen_desa_melapor));
  const el = Plot.plot({
    document,
    width,
    style: STYLE,
    height: 220,
    marginLeft: 48,
    marginBottom: periods.length > (narrow ? 4 : 8) ? 54 : 36,
    x: { domain: periods, label: null, tickFormat: (p: string) => formatPeriod(lang, p, { short: true }), tickRotate: periods.length > (narrow ? 4 : 8) ? -35 : 0 },
    y: { domain: [0, 110], label: axisLabel, labelAnchor: 'top', grid: true, tickFormat: (v: number) => formatNumber(lang, v) },
    ariaLabel: label,
    marks: [
      Plot.barY(present, { x: 'periode', y: 'persen_desa_melapor', fill: INK.netral, insetLeft: 4, insetRight: 4 }),
      Plot.text(present, { x: 'periode', y: 'persen_desa_melapor', text: (r: KualitasRow) => (narrow ? formatNumber(lang, Math.round(r.persen_desa_melapor!)) : formatPercent(lang, r.persen_desa_melapor, { digits: 0 })), dy: -7, fill: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  });
  return finish(el, { lang, name: 'kualitas', label });
}
