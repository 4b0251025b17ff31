/**
 * Prevalence against burden: each area a dot at (routine prevalence, number of stunted children),
 * split into quadrants at the median of each. High–high areas need attention first.
 */
import * as Plot from '@observablehq/plot';
import { median } from 'd3';
import { formatNumber, t } from '../lib/i18n.ts';
import { finish, isNum, prevalenceColor, shortName, type ChartOptions } from './common.ts';

export interface KuadranRow {
  kode: string;
  nama: string;
  prevalensi: number | null;
  stunting: number | null;
}

export interface KuadranOptions extends ChartOptions {
  label: string;
  xLabel: string;
  yLabel: string;
  legendLabel: string;
}

export function kuadranChart(rows: readonly KuadranRow[], options: KuadranOptions): SVGElement | HTMLElement {
  const { lang, width = 640, document, label, xLabel, yLabel, legendLabel } = options;
  const data = rows.filter((r) => isNum(r.prevalensi) && isNum(r.stunting)).map((r) => ({ ...r, nama: shortName(r.nama, 20) }));
  const mx = median(data, (r) => r.prevalensi!) ?? 0;
  const my = median(data, (r) => r.stunting!) ?? 0;
  const xMax = Math.max(10, ...data.map((r) => r.prevalensi!)) * 1.15;
  const yMax = Math.max(10, ...data.map((r) => r.stunting!)) * 1.15;
  const corner = [
    { x: xMax, y: yMax, text: t(lang, 'chart.quadrant.highHigh'), anchor: 'end' },
    { x: 0, y: yMax, text: t(lang, 'chart.quadrant.lowHigh'), anchor: 'start' },
    { x: xMax, y: 0, text: t(lang, 'chart.quadrant.highLow'), anchor: 'end' },
  ];
  const el = Plot.plot({
    document,
    width,
    height: 360,
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 40,
    x: { domain: [0, xMax], label: xLabel, labelAnchor: 'right', grid: true, tickFormat: (v: number) => formatNumber(lang, v) },
    y: { domain: [0, yMax], label: yLabel, labelAnchor: 'top', grid: true, tickFormat: (v: number) => formatNumber(lang, v) },
    color: prevalenceColor(lang, 'rutin', legendLabel),
    ariaLabel: label,
    marks: [
      Plot.ruleX([mx], { stroke: '#999', strokeDasharray: '3,3' }),
      Plot.ruleY([my], { stroke: '#999', strokeDasharray: '3,3' }),
      Plot.text(corner.filter((c) => c.anchor === 'end'), { x: 'x', y: 'y', text: 'text', textAnchor: 'end', fill: '#777', fontStyle: 'italic', dy: 4 }),
      Plot.text(corner.filter((c) => c.anchor === 'start'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fill: '#777', fontStyle: 'italic', dy: 4, dx: 4 }),
      Plot.dot(data, { x: 'prevalensi', y: 'stunting', fill: 'prevalensi', stroke: '#333', r: 6 }),
      Plot.text(data, {
        x: 'prevalensi',
        y: 'stunting',
        text: "nama",
        dy: -11,
        fill: 'currentColor',
        fontSize: 10,
      }),
    ],
  });
  return finish(el, { lang, name: 'kuadran', label });
}
