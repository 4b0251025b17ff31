/**
 * Stunted children reached by a programme, per area: a light bar for the stunted children counted
 * (routine month) and a dark bar for the children the programme reached (its period).
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, t } from '../lib/i18n.ts';
import { CHAR_PX, INK, finish, isNum, linkChannels, shortName, type ChartOptions, type Linked, STYLE, sized } from './common.ts';

export interface JangkauanRow extends Linked {
  kode: string;
  nama: string;
  stunting: number | null;
  realisasi: number | null;
}

export interface JangkauanOptions extends ChartOptions {
  label: string;
  axisLabel: string;
  stuntingLabel: string;
  reachedLabel: string;
}

export function jangkauanChart(rows: readonly JangkauanRow[], options: JangkauanOptions): Element {
  return sized(options, (width, narrow) => drawJangkauan(rows, options, width, narrow));
}

function drawJangkauan(rows: readonly JangkauanRow[], options: JangkauanOptions, width: number, narrow: boolean): Element {
  const { lang, document, label, axisLabel, stuntingLabel, reachedLabel } = options;
  const data = rows.map((r) => ({ ...r, namaPenuh: r.nama, nama: shortName(r.nama, narrow ? 15 : 24) }));
  const names = data.map((r) => r.nama);
  const max = Math.max(10, ...data.flatMap((r) => [r.stunting ?? 0, r.realisasi ?? 0]));
  const text = (r: JangkauanRow) => {
    if (!isNum(r.stunting) || !isNum(r.realisasi)) return `– ${t(lang, 'chart.noData')}`;
    // Two counts side by side, never "x of y" or a percentage: they are not matched child by child.
    return t(lang, 'chart.reachedOf', { reached: formatNumber(lang, r.realisasi), total: formatNumber(lang, r.stunting) });
  };
  // One link per area to its profile, the two counts as its tooltip: a transparent box over both
  // bars (or the "no data" text when there are none), so a keyboard stops once per area.
  const links = linkChannels(data, (r) => `${r.namaPenuh}: ${text(r).replace(/^– /, '')}`);
  const longest = (r: JangkauanRow) => Math.max(r.stunting ?? 0, r.realisasi ?? 0);
  const withBars = data.filter((r) => longest(r) > 0);
  const withoutBars = data.filter((r) => !(longest(r) > 0));
  const el = Plot.plot({
    document,
    width,
    style: STYLE,
    height: 60 + (narrow ? 36 : 24) * data.length,
    marginLeft: Math.min(narrow ? width * 0.4 : 220, 12 + Math.max(...names.map((n) => n.length), 8) * CHAR_PX),
    marginRight: narrow ? 90 : 170,
    marginTop: 30,
    x: { domain: [0, max * 1.05], label: axisLabel, labelAnchor: 'left', grid: true, tickFormat: (v: number) => formatNumber(lang, v) },
    y: { domain: names, label: null, tickSize: 0 },
    color: { domain: [stuntingLabel, reachedLabel], range: ['#fdd0a2', INK.rutin], legend: true },
    ariaLabel: label,
    marks: [
      Plot.barX(data.filter((r) => isNum(r.stunting)), { y: 'nama', x: 'stunting', fill: () => stuntingLabel, insetTop: 2, insetBottom: 2 }),
      Plot.barX(data.filter((r) => isNum(r.realisasi)), { y: 'nama', x: 'realisasi', fill: () => reachedLabel, insetTop: 6, insetBottom: 6 }),
      // On a phone the text wraps onto two lines (lineWidth in ems).
      Plot.text(withBars, { y: 'nama', x: longest, text, textAnchor: 'start', dx: 4, fill: 'currentColor', lineWidth: narrow ? 7 : Infinity }),
      Plot.text(withoutBars, { y: 'nama', x: 0, text, textAnchor: 'start', dx: 4, fill: 'currentColor', lineWidth: narrow ? 7 : Infinity, ...links }),
      ...(links.href ? [Plot.barX(withBars, { y: 'nama', x: longest, fill: 'transparent', insetTop: 1, insetBottom: 1, ...links })] : []),
      Plot.ruleX([0]),
    ],
  });
  return finish(el, { lang, name: 'jangkauan', label });
}
