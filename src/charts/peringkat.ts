/**
 * Horizontal bars, one per area: rankings (sorted on the value) and panels kept in code order.
 * Missing values stay in the chart as a dash with "tidak ada data" / "disembunyikan", never as a
 * zero-length bar.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, formatPercentPoints, t, type Lang } from '../lib/i18n.ts';
import { CHAR_PX, INK, finish, isNum, linkChannels, type Linked, prevalenceColor, shortName, type ChartOptions, type Sumber, STYLE, sized } from './common.ts';

export interface PeringkatRow extends Linked {
  kode: string;
  nama: string;
  value: number | null | undefined;
  /** The value is hidden by the small-number rule (shown as "disembunyikan"). */
  ditekan?: boolean;
  /** Short text after the value (e.g. "n = 1.234"). */
  keterangan?: string;
  /** Highlight (e.g. a priority village or the area of the page). */
  sorot?: boolean;
}

export type Ukuran = 'prevalensi' | 'jumlah' | 'perubahan' | 'persen';

export interface PeringkatOptions extends ChartOptions {
  ukuran: Ukuran;
  sumber: Sumber;
  /** Accessible name of the chart. */
  label: string;
  /** Legend / axis label naming the source (e.g. "Prevalensi stunting, e-PPGBM (%)"). */
  axisLabel: string;
  /** 'value': highest first (a ranking); 'input': keep the row order (e.g. by code). */
  order?: 'value' | 'input';
  /** A reference line (target) with its label. */
  rule?: { value: number; label: string };
  /** Bar colour for measures that are not a prevalence (default: the source's ink). */
  warna?: string;
  /** Fixed x domain (e.g. [0, 100] for coverage). */
  domain?: [number, number];
}

function valueText(lang: Lang, ukuran: Ukuran, v: number): string {
  if (ukuran === 'jumlah') return formatNumber(lang, v);
  if (ukuran === 'perubahan') return formatPercentPoints(lang, v);
  return formatPercent(lang, v);
}

export function peringkatChart(rows: readonly PeringkatRow[], options: PeringkatOptions): Element {
  return sized(options, (width, narrow) => drawPeringkat(rows, options, width, narrow));
}

function drawPeringkat(rows: readonly PeringkatRow[], options: PeringkatOptions, width: number, narrow: boolean): Element {
  const { lang, document, ukuran, sumber, label, axisLabel, order = 'value', rule, domain, warna } = options;
  const data = rows.map((r) => ({ ...r, namaPenuh: r.nama, nama: shortName(r.nama, narrow ? 15 : 24), value: isNum(r.value) ? r.value : null }));
  const present = data.filter((r) => r.value !== null);
  const missing = data.filter((r) => r.value === null);
  const ordered = order === 'value' ? [...present].sort((a, b) => b.value! - a.value! || a.kode.localeCompare(b.kode)).concat(missing) : data;
  const names = ordered.map((r) => r.nama);
  const longest = Math.max(8, ...names.map((n) => n.length));
  const marginLeft = Math.min(narrow ? width * 0.4 : 220, 12 + longest * CHAR_PX);
  const values = present.map((r) => r.value!);
  const lo = Math.min(0, ...values, rule?.value ?? 0);
  const hi = Math.max(0, ...values, rule?.value ?? 0);
  const span = hi - lo || 1;
  const xDomain = domain ?? [lo < 0 ? lo - span * 0.25 : 0, hi + span * 0.28];
  const withColorScale = ukuran === 'prevalensi';
  const missingText = (r: PeringkatRow) => (r.ditekan ? t(lang, 'chart.suppressed') : t(lang, 'chart.noData'));

  // On a phone the value alone (the note, e.g. n = 1.234, is in the data table).
  const label_ = (r: PeringkatRow) => valueText(lang, ukuran, r.value!) + (r.keterangan && !narrow ? `  ${r.keterangan}` : '');
  const marks: Plot.Markish[] = [
    Plot.barX(present, {
      y: 'nama',
      x: 'value',
      fill: withColorScale ? 'value' : ukuran === 'perubahan' ? (r: PeringkatRow) => (r.value! > 0 ? INK.rutin : '#4d9221') : (warna ?? INK[sumber]),
      stroke: (r: PeringkatRow) => (r.sorot ? '#000' : 'none'),
      strokeWidth: 1.5,
      ...linkChannels(present, (r) => `${r.namaPenuh}: ${label_(r)}`),
    }),
    Plot.text(
      present.filter((r) => r.value! >= 0),
      { y: 'nama', x: 'value', text: label_, textAnchor: 'start', dx: 4, fill: 'currentColor', stroke: 'white', strokeWidth: 3 },
    ),
    Plot.text(
      present.filter((r) => r.value! < 0),
      { y: 'nama', x: 'value', text: label_, textAnchor: 'end', dx: -4, fill: 'currentColor', stroke: 'white', strokeWidth: 3 },
    ),
    Plot.text(missing, { y: 'nama', x: 0, text: (r: PeringkatRow) => `– ${missingText(r)}`, textAnchor: 'start', dx: 4, fill: '#555', fontStyle: 'italic', ...linkChannels(missing, (r) => `${r.namaPenuh}: ${missingText(r)}`) }),
    Plot.ruleX([0]),
  ];
  if (rule) {
    // The target line goes under the bars and labels, and every label has a white halo: a label
    // is never crossed by the line.
    marks.unshift(Plot.ruleX([rule.value], { stroke: INK.target, strokeDasharray: '4,3' }));
    marks.push(Plot.text([rule], { x: 'value', frameAnchor: 'top', text: 'label', dy: -14, textAnchor: 'middle', fill: INK.target, stroke: 'white', strokeWidth: 3 }));
  }
  const el = Plot.plot({
    document,
    width,
    style: STYLE,
    height: 36 + 22 * ordered.length + (rule ? 14 : 0),
    marginLeft,
    marginRight: narrow ? 62 : 130,
    marginTop: rule ? 30 : 16,
    x: {
      domain: xDomain,
      label: axisLabel,
      labelAnchor: 'left',
      tickFormat: (v: number) => (ukuran === 'jumlah' ? formatNumber(lang, v) : formatNumber(lang, v)),
      ticks: 5,
      grid: true,
    },
    y: { domain: names, label: null, tickSize: 0 },
    color: withColorScale ? prevalenceColor(lang, sumber, axisLabel) : undefined,
    ariaLabel: label,
    marks,
  });
  return finish(el, { lang, name: 'peringkat', label });
}
