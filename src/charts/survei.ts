/**
 * Survey estimates (SSGI 2021, SSGI 2022, SKI 2023, SSGI 2024) of the province and Indonesia,
 * with the national targets as marked points. Survey colours only: never drawn with routine data.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent } from '../lib/i18n.ts';
import { finish, isNum, linkChannels, type ChartOptions, type Linked, STYLE, sized } from './common.ts';

export interface SurveiRow extends Linked {
  kode_wilayah: string;
  nama_wilayah: string;
  survei: string;
  tahun: number;
  prevalensi: number | null;
}
export interface TargetRow {
  kode_wilayah: string;
  tahun: number;
  target: number;
  /** Label text, e.g. "Target nasional 2024 (Perpres 72/2021)". */
  label: string;
}

export interface SurveiOptions extends ChartOptions {
  label: string;
  axisLabel: string;
  /** Years shown on the x axis (default: the survey years and target years up to 2025). */
  tahun?: number[];
}

/** Indonesia grey, the province (a two-digit code) dark blue, anything else lighter blue. */
const seriesColor = (kode: string) => (kode === 'ID' ? '#7a7a7a' : /^\d{2}$/.test(kode) ? '#08519c' : '#4292c6');

export function surveiChart(rows: readonly SurveiRow[], targets: readonly TargetRow[], options: SurveiOptions): Element {
  return sized(options, (width, narrow) => drawSurvei(rows, targets, options, width, narrow));
}

function drawSurvei(rows: readonly SurveiRow[], targets: readonly TargetRow[], options: SurveiOptions, width: number, narrow: boolean): Element {
  const { lang, document, label, axisLabel } = options;
  const present = rows.filter((r) => isNum(r.prevalensi));
  const shownTargets = targets.filter((t) => t.tahun <= 2025);
  const years = options.tahun ?? [...new Set([...rows.map((r) => r.tahun), ...shownTargets.map((t) => t.tahun)])].sort();
  // On a phone the survey's name and year on two lines (four labels side by side do not fit).
  const tick = (y: number) => {
    const s = rows.find((r) => r.tahun === y);
    return s ? `${s.survei}${narrow ? '\n' : ' '}${y}` : String(y);
  };
  const series = present.filter((r, i) => present.findIndex((o) => o.kode_wilayah === r.kode_wilayah) === i);
  const isUpper = (r: SurveiRow) =>
    present.filter((o) => o.tahun === r.tahun).every((o) => o === r || o.prevalensi! < r.prevalensi! || (o.prevalensi === r.prevalensi && o.kode_wilayah > r.kode_wilayah));
  const el = Plot.plot({
    document,
    width,
    style: STYLE,
    height: narrow ? 280 + 16 * series.length : 280,
    marginTop: narrow ? 28 + 16 * series.length : undefined,
    marginLeft: 48,
    marginRight: narrow ? 16 : 130,
    marginBottom: narrow ? 44 : 34,
    x: { type: 'point', domain: years, label: null, tickFormat: (y: number) => tick(y), inset: 20 },
    y: { domain: [0, 30], label: axisLabel, labelAnchor: 'top', grid: true, tickFormat: (v: number) => formatNumber(lang, v) },
    ariaLabel: label,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(present, { x: 'tahun', y: 'prevalensi', z: 'kode_wilayah', stroke: (r: SurveiRow) => seriesColor(r.kode_wilayah), strokeWidth: 2 }),
      Plot.dot(present, { x: 'tahun', y: 'prevalensi', fill: (r: SurveiRow) => seriesColor(r.kode_wilayah), r: 4 }),
      // An area with a page: each of its dots links there (a larger transparent target on top).
      ...(present.some((r) => r.href)
        ? [Plot.dot(present, { x: 'tahun', y: 'prevalensi', r: 10, fill: 'transparent', ...linkChannels(present, (r) => `${r.nama_wilayah}, ${r.survei} ${r.tahun}: ${formatPercent(lang, r.prevalensi)}`) })]
        : []),
      // Per year, the higher value is labelled above its dot and the lower one below.
      ...[true, false].map((upper) =>
        Plot.text(
          present.filter((r) => isUpper(r) === upper),
          { x: 'tahun', y: 'prevalensi', text: (r: SurveiRow) => formatPercent(lang, r.prevalensi), dy: upper ? -11 : 13, fill: (r: SurveiRow) => seriesColor(r.kode_wilayah) },
        ),
      ),
      narrow
        ? // On a phone the series names are a key above the plot (no room right of the lines).
          series.map((r, i) => Plot.text([r], { frameAnchor: 'top-left', text: () => `— ${r.nama_wilayah}`, textAnchor: 'start', dy: -16 * (series.length - i) - 6, fill: seriesColor(r.kode_wilayah), fontWeight: 'bold' }))
        : Plot.text(present, Plot.selectLast({ x: 'tahun', y: 'prevalensi', z: 'kode_wilayah', text: 'nama_wilayah', textAnchor: 'start', dx: 30, fill: (r: SurveiRow) => seriesColor(r.kode_wilayah) })),

      // One marker per target, each with its own label (name, year, value). Targets of one year sit
      // side by side (the national 14.0 % and a province's 12.83 % are a few pixels apart on the
      // y scale): the national one hollow, a province's filled; the higher one labelled above.
      ...targetMarks(shownTargets, lang, narrow),
    ],
  });
  return finish(el, { lang, name: 'survei', label });
}

/** Horizontal distance between the markers of targets of one year. */
const TARGET_GAP_PX = 12;

function targetMarks(targets: readonly TargetRow[], lang: SurveiOptions['lang'], narrow: boolean): Plot.Markish[] {
  const value = (t: TargetRow) => formatPercent(lang, t.target, { digits: Number.isInteger(t.target * 10) ? 1 : 2 });
  return targets.flatMap((tg) => {
    const same = targets.filter((o) => o.tahun === tg.tahun).sort((a, b) => b.target - a.target || (a.kode_wilayah === 'ID' ? -1 : 1));
    const i = same.indexOf(tg);
    const dx = (i - (same.length - 1) / 2) * TARGET_GAP_PX;
    // labels clear of the outermost marker of the year
    const clear = ((same.length - 1) / 2) * TARGET_GAP_PX + 9;
    return [
      Plot.dot([tg], {
        x: 'tahun', y: 'target', dx, symbol: 'diamond', r: 5, stroke: '#111', strokeWidth: 1.5,
        fill: tg.kode_wilayah === 'ID' ? 'white' : '#111',
        title: () => `${tg.label}: ${value(tg)}`,
        className: 'target',
      }),
      Plot.text([tg], {
        x: 'tahun',
        y: 'target',
        text: () => `${tg.label}: ${value(tg)}`,
        textAnchor: narrow ? 'end' : 'start',
        dx: narrow ? -clear : clear,
        dy: same.length > 1 ? -8 + i * 18 : 0,
        fill: '#111',
        className: 'target-label',
      }),
    ];
  });
}
