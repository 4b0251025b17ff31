/**
 * Prevalence against burden: each area a dot at (routine prevalence, number of stunted children),
 * split into quadrants at the median of each. High–high areas need attention first.
 */
import * as Plot from '@observablehq/plot';
import { median } from 'd3';
import { formatNumber, t } from '../lib/i18n.ts';
import { finish, isNum, prevalenceColor, shortName, type ChartOptions, STYLE, sized } from './common.ts';

export interface KuadranRow {
  kode: string;
  nama: string;
  prevalensi: number | null;
  stunting: number | null;
  /** Link of the dot (the area's profile page) and its tooltip. */
  href?: string;
  title?: string;
}

const HEIGHT = 360;
const MARGIN = { left: 56, right: 20, top: 20, bottom: 40 };
const PLACES = [
  { name: 'above', dx: 0, dy: -11, anchor: 'middle' },
  { name: 'below', dx: 0, dy: 13, anchor: 'middle' },
  { name: 'right', dx: 9, dy: 0, anchor: 'start' },
  { name: 'left', dx: -9, dy: 0, anchor: 'end' },
] as const;

/** Width of one character of a label (px), on the wide side (DejaVu Sans, a phone fallback, is the widest). */
const LABEL_CHAR_PX = 7.2;
/** Height of one line of a corner's name (px). */
const LINE_PX = 13;

/** A corner's name: at its corner, wrapped on a phone (Plot's lineWidth, in ems). */
interface Corner { x: number; y: number; text: string; anchor: 'start' | 'end'; lineWidth: number }

/** Lines of a text wrapped at `lineWidth` ems, as Plot wraps it (about two characters an em). */
function wrap(text: string, lineWidth: number): string[] {
  const max = Math.floor(lineWidth * 2);
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Greedy label placement in pixel space (approximate text widths), dots in order of burden. The
 * dots, the axes and the corners' names are there first: on a phone a name placed above a dot in a corner
 * ran into the corner's name ("Kutai Timur" over "high prevalence, many children").
 */
function placeLabels(rows: readonly KuadranRow[], corners: readonly Corner[], { width, height, xMax, yMax }: { width: number; height: number; xMax: number; yMax: number }): string[] {
  const px = (r: KuadranRow) => MARGIN.left + (r.prevalensi! / xMax) * (width - MARGIN.left - MARGIN.right);
  const py = (r: KuadranRow) => MARGIN.top + (1 - r.stunting! / yMax) * (height - MARGIN.top - MARGIN.bottom);
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = rows.map((r) => ({ x0: px(r) - 5, x1: px(r) + 5, y0: py(r) - 5, y1: py(r) + 5 }));
  // the axes' tick labels
  boxes.push({ x0: 0, x1: MARGIN.left, y0: 0, y1: height }, { x0: MARGIN.left, x1: width, y0: height - MARGIN.bottom, y1: height });
  for (const c of corners) {
    const lines = wrap(c.text, c.lineWidth);
    const w = Math.max(...lines.map((l) => l.length)) * LABEL_CHAR_PX;
    const h = lines.length * LINE_PX;
    const x = c.x === 0 ? MARGIN.left + 4 : width - MARGIN.right;
    const y = c.y === 0 ? height - MARGIN.bottom - 4 - h : MARGIN.top + 4;
    boxes.push(c.anchor === 'start' ? { x0: x, x1: x + w, y0: y, y1: y + h } : { x0: x - w, x1: x, y0: y, y1: y + h });
  }
  const fixed = boxes.length;
  const out: string[] = new Array(rows.length);
  const placed: ((typeof boxes)[number] | undefined)[] = new Array(rows.length);
  const order = rows.map((_, i) => i).sort((a, b) => rows[b]!.stunting! - rows[a]!.stunting!);
  // A first pass in order of burden, then two more in which each label moves if another place
  // overlaps the others less (a label placed early may block a later one's only free place).
  for (let pass = 0; pass < 3; pass++) {
    for (const i of order) {
      const r = rows[i]!;
      const w = r.nama.length * LABEL_CHAR_PX;
      const others = [...boxes.slice(0, fixed), ...placed.filter((b, j): b is (typeof boxes)[number] => !!b && j !== i)];
      let best: { name: string; cost: number; box: (typeof boxes)[number] } | undefined;
      for (const place of PLACES) {
        const cx = px(r) + place.dx;
        const cy = py(r) + place.dy;
        const x0 = place.anchor === 'middle' ? cx - w / 2 : place.anchor === 'start' ? cx : cx - w;
        const box = { x0, x1: x0 + w, y0: cy - 8, y1: cy + 8 };
        let cost = others.reduce((sum, b) => sum + Math.max(0, Math.min(box.x1, b.x1) - Math.max(box.x0, b.x0)) * Math.max(0, Math.min(box.y1, b.y1) - Math.max(box.y0, b.y0)), 0);
        // the chart shows what passes its right edge by a few px (overflow: visible, inside the page's margin)
        if (box.x0 < 0 || box.x1 > width + 8 || box.y0 < 0 || box.y1 > height) cost += 1e6;
        if (!best || cost < best.cost) best = { name: place.name, cost, box };
      }
      out[i] = best!.name;
      placed[i] = best!.box;
    }
  }
  return out;
}

export interface KuadranOptions extends ChartOptions {
  label: string;
  xLabel: string;
  yLabel: string;
  legendLabel: string;
}

export function kuadranChart(rows: readonly KuadranRow[], options: KuadranOptions): Element {
  return sized(options, (width, narrow) => drawKuadran(rows, options, width, narrow));
}

function drawKuadran(rows: readonly KuadranRow[], options: KuadranOptions, width: number, narrow: boolean): Element {
  const { lang, document, label, xLabel, yLabel, legendLabel } = options;
  const data = rows.filter((r) => isNum(r.prevalensi) && isNum(r.stunting)).map((r) => ({ ...r, nama: shortName(r.nama, narrow ? 14 : 20) }));
  const mx = median(data, (r) => r.prevalensi!) ?? 0;
  const my = median(data, (r) => r.stunting!) ?? 0;
  const xMax = Math.max(10, ...data.map((r) => r.prevalensi!)) * 1.15;
  const yMax = Math.max(10, ...data.map((r) => r.stunting!)) * 1.15;
  const lineWidth = narrow ? 9 : Infinity;
  const corner: Corner[] = [
    { x: xMax, y: yMax, text: t(lang, 'chart.quadrant.highHigh'), anchor: 'end', lineWidth },
    { x: 0, y: yMax, text: t(lang, 'chart.quadrant.lowHigh'), anchor: 'start', lineWidth },
    { x: xMax, y: 0, text: t(lang, 'chart.quadrant.highLow'), anchor: 'end', lineWidth },
  ];
  const placement = placeLabels(data, corner, { width, height: narrow ? 300 : HEIGHT, xMax, yMax });
  const el = Plot.plot({
    document,
    width,
    style: STYLE,
    height: narrow ? 300 : HEIGHT,
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
      // Corner names inside their corners; on a phone each wraps (the two top ones would run
      // into each other on one line).
      ...corner.map((c) =>
        Plot.text([c], {
          x: 'x', y: 'y', text: 'text', textAnchor: c.anchor, lineAnchor: c.y === 0 ? 'bottom' : 'top',
          dx: c.anchor === 'start' ? 4 : 0, dy: c.y === 0 ? -4 : 4, fill: '#777', fontStyle: 'italic', lineWidth: c.lineWidth,
        }),
      ),
      Plot.dot(data, { x: 'prevalensi', y: 'stunting', fill: 'prevalensi', stroke: '#333', r: 6, ...(data.some((d) => d.href) ? { href: (d: KuadranRow) => d.href ?? null, title: (d: KuadranRow) => d.title ?? d.nama } : {}) }),
      // Each label goes where it overlaps the labels placed before it least (above, below,
      // right or left of its dot).
      ...PLACES.map((place) =>
        Plot.text(
          data.filter((_, i) => placement[i] === place.name),
          // a white halo: a name that crosses a corner's name or a median line stays readable
          { x: 'prevalensi', y: 'stunting', text: 'nama', dx: place.dx, dy: place.dy, textAnchor: place.anchor, fill: 'currentColor', stroke: 'white', strokeWidth: 3 },
        ),
      ),
    ],
  });
  return finish(el, { lang, name: 'kuadran', label });
}
