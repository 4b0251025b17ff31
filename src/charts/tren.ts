/**
 * Routine prevalence over months for one or more areas: a line with a dot and a label per month.
 * Months without a prevalence (suppressed, fewer than 20 measured) break the line.
 */
import * as Plot from '@observablehq/plot';
import { formatPercent, formatPeriod, formatNumber, t } from '../lib/i18n.ts';
import { CHAR_PX, FONT_PX, INK, finish, isNum, linkChannels, periodDate, type ChartOptions, type Linked, STYLE, sized } from './common.ts';

export interface TrenRow extends Linked {
  periode: string;
  prevalensi: number | null | undefined;
  diukur?: number | null;
  cakupan?: number | null;
  /** Is the month complete enough to compare (src/lib/domain/kelengkapan.ts)? false: hollow dot. */
  lengkap?: boolean | null;
  /** Series name when several areas are drawn. */
  nama?: string;
  /** `href`: the area's profile at this month; `title`: its tooltip (default: month, prevalence, n). */
}

export interface TrenOptions extends ChartOptions {
  label: string;
  axisLabel: string;
  height?: number;
  /** Period to mark as the one selected on the page. */
  sorot?: string;
}

/**
 * The period the chart marks: `sorot` when it has a figure, else none (a month without one has no
 * dot to mark, and the drawing is the same as with no period). Lets a caller reuse one drawing for
 * every such period (the build draws each profile's trend once per period it can show).
 */
export function trenSorot(rows: readonly TrenRow[], sorot: string | undefined): string | undefined {
  return rows.some((r) => r.periode === sorot && isNum(r.prevalensi)) ? sorot : undefined;
}

export function trenChart(rows: readonly TrenRow[], options: TrenOptions): Element {
  return sized(options, (width, narrow) => drawTren(rows, options, width, narrow));
}

function drawTren(rows: readonly TrenRow[], options: TrenOptions, width: number, narrow: boolean): Element {
  const { lang, document, label, axisLabel, height = narrow ? 240 : 260 } = options;
  const sorot = trenSorot(rows, options.sorot);
  const data = rows.map((r) => ({ ...r, date: periodDate(r.periode), value: isNum(r.prevalensi) ? r.prevalensi : NaN }));
  const present = data.filter((r) => !Number.isNaN(r.value));
  const series = new Set(data.map((r) => r.nama ?? '')).size > 1;
  const max = Math.max(10, ...present.map((r) => r.value));
  const dates = [...new Set(data.map((r) => +r.date))].sort((a, b) => a - b).map((d) => new Date(d));
  const sorotRow = present.find((r) => r.periode === sorot);
  // Month labels that would touch their neighbour on the time axis (e.g. June and August) are
  // left out, latest first kept (every month is in the table and in each dot's tooltip).
  const marginRight = series ? (narrow ? 90 : 120) : 30;
  const inner = width - 48 - marginRight - 2 * 24;
  const span = dates.length > 1 ? +dates.at(-1)! - +dates[0]! : 1;
  const minGap = narrow ? 17 : 22;
  const tickDates: Date[] = [];
  for (const d of [...dates].reverse()) {
    const x = ((+d - +dates[0]!) / span) * inner;
    const last = tickDates.at(-1);
    if (!last || ((+last - +dates[0]!) / span) * inner - x >= minGap) tickDates.push(d);
  }
  tickDates.reverse();
  const gaps = dates.slice(1).map((d, i) => ((+d - +dates[i]!) / span) * inner);
  const roomy = !gaps.length || Math.min(...gaps) >= 8 * CHAR_PX + 8;
  // Each dot links to its area's page at that month: a larger transparent target on top of the
  // dots, so a finger or a pointer finds it, and keyboard focus reaches every month.
  const tip = (r: TrenRow) =>
    `${series && r.nama ? `${r.nama}, ` : ''}${formatPeriod(lang, r.periode)}: ${formatPercent(lang, r.prevalensi)}` +
    (isNum(r.diukur) ? ` (n = ${formatNumber(lang, r.diukur)})` : '') + (r.lengkap === false ? ` – ${t(lang, 'lengkap.tidak')}` : '');
  const links = linkChannels(present, tip);
  // Value labels: on a phone only the first, the last and the chosen month (the rest are in the
  // table); each above its dot, or below where it would touch a neighbour's (months two apart,
  // e.g. June and August, sit closer than a label is wide), or left out when neither fits.
  const marginBottom = narrow ? 62 : dates.length > 5 ? 50 : 36;
  const yMax = max * 1.2;
  const xPx = (r: { date: Date }) => 48 + 24 + ((+r.date - +dates[0]!) / span) * inner;
  const yPx = (r: { value: number }) => MARGIN_TOP + (1 - r.value / yMax) * (height - MARGIN_TOP - marginBottom);
  const candidates = narrow ? present.filter((r, i) => i === 0 || i === present.length - 1 || r.periode === sorot) : present;
  const labelled = series ? [] : placeLabels(candidates.map((row) => ({ row, x: xPx(row), y: yPx(row), width: formatPercent(lang, row.prevalensi).length * CHAR_PX })), sorot);
  const el = Plot.plot({
    document,
    width,
    style: STYLE,
    height,
    marginLeft: 48,
    marginRight,
    marginTop: MARGIN_TOP,
    marginBottom,
    x: {
      type: 'utc',
      domain: [dates[0] ?? new Date(0), dates.at(-1) ?? new Date(0)],
      ticks: tickDates,
      inset: 24,
      label: null,
      tickFormat: (d: Date) => formatPeriod(lang, `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, { short: true }),
      tickRotate: narrow ? -55 : dates.length > 5 ? -35 : 0,
    },
    y: { domain: [0, max * 1.2], label: axisLabel, labelAnchor: 'top', grid: true, tickFormat: (v: number) => formatNumber(lang, v) },
    ariaLabel: label,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 'date', y: 'value', z: 'nama', stroke: series ? 'nama' : INK.rutin, strokeWidth: 2 }),
      Plot.dot(present, { x: 'date', y: 'value', fill: series ? 'nama' : (r: TrenRow) => (r.lengkap === false ? 'white' : INK.rutin), stroke: series ? 'nama' : INK.rutin, r: 3.5 }),
      series
        ? Plot.text(present, Plot.selectLast({ x: 'date', y: 'value', z: 'nama', text: 'nama', textAnchor: 'start', dx: 6, fill: 'nama' }))
        : (['above', 'below'] as const).map((side) =>
            Plot.text(
              labelled.filter((l) => l.side === side).map((l) => l.row),
              { x: 'date', y: 'value', text: (r: TrenRow) => formatPercent(lang, r.prevalensi), dy: side === 'above' ? -LABEL_DY : LABEL_DY + 4, fill: 'currentColor' },
            ),
          ),
      // A month without a figure: "– no data" where it fits, else a dash (the caption says what it means).
      Plot.text(data.filter((r) => Number.isNaN(r.value)), { x: 'date', y: 0, text: () => (roomy ? `– ${t(lang, 'chart.noData')}` : '–'), dy: -8, fill: '#555', fontStyle: 'italic' }),
      ...(sorotRow ? [Plot.dot([sorotRow], { x: 'date', y: 'value', r: 7, stroke: '#000', strokeWidth: 1.5, fill: 'none' })] : []),
      ...(links.href ? [Plot.dot(present, { x: 'date', y: 'value', r: 10, fill: 'transparent', ...links })] : []),
    ],
  });
  return finish(el, { lang, name: 'tren', label });
}

const MARGIN_TOP = 20;
/** Distance from a dot's centre to the middle of its value label. */
const LABEL_DY = 13;

interface LabelSpot<R> {
  row: R;
  /** Centre of the dot, px. */
  x: number;
  y: number;
  /** Width of the label text, px. */
  width: number;
}

/**
 * Where each value label goes: 'above' its dot, 'below' it, or left out, so that no two labels
 * touch. The chosen month, the last and the first are placed first, then the others from the latest back.
 */
export function placeLabels<R extends { periode: string }>(spots: readonly LabelSpot<R>[], sorot?: string): { row: R; side: 'above' | 'below' }[] {
  const rank = (s: LabelSpot<R>, i: number) => (s.row.periode === sorot ? 0 : i === spots.length - 1 ? 1 : i === 0 ? 2 : 3 + spots.length - i);
  const order = spots.map((s, i) => ({ s, r: rank(s, i) })).sort((a, b) => a.r - b.r).map((x) => x.s);
  const h = FONT_PX + 2;
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const placed = new Map<LabelSpot<R>, 'above' | 'below'>();
  for (const s of order) {
    for (const side of ['above', 'below'] as const) {
      const cy = side === 'above' ? s.y - LABEL_DY : s.y + LABEL_DY + 4;
      // CHAR_PX is an average: the system font's digits run wider, hence the margin
      const box = { x0: s.x - s.width / 2 - 4, x1: s.x + s.width / 2 + 4, y0: cy - h / 2, y1: cy + h / 2 };
      if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
      boxes.push(box);
      placed.set(s, side);
      break;
    }
  }
  return spots.filter((s) => placed.has(s)).map((s) => ({ row: s.row, side: placed.get(s)! }));
}
