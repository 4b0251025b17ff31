/**
 * Shared pieces of the chart functions. A chart is `chartName(rows, {lang, width, document, ...})`
 * returning a DOM element made by Observable Plot: at build time `document` comes from linkedom,
 * in the browser it is the real one. The same function draws both.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, type Lang } from '../lib/i18n.ts';

export interface ChartOptions {
  lang: Lang;
  /** Width in px (the SVG scales down with CSS). */
  width?: number;
  /** The DOM document to create elements in (linkedom's at build time). */
  document?: Document;
}

/** WHO/UNICEF public-health thresholds for stunting prevalence (%). */
export const WHO_THRESHOLDS = [2.5, 10, 20, 30] as const;

/**
 * Two visibly different sequential palettes: routine (e-PPGBM) prevalence is orange–red,
 * survey (SSGI/SKI) prevalence is blue. They never share a scale.
 */
export const PALETTE = {
  rutin: ['#fee8c8', '#fdbb84', '#fc8d59', '#d7301f', '#7f0000'],
  survei: ['#deebf7', '#9ecae1', '#6baed6', '#2171b5', '#08306b'],
} as const;
export type Sumber = keyof typeof PALETTE;

/** A single mark colour of each palette (for counts, lines and dots). */
export const INK = { rutin: '#d7301f', survei: '#2171b5', netral: '#6b6b6b', target: '#1a1a1a' } as const;

export const pct = (lang: Lang) => (v: number) => formatPercent(lang, v);
export const num = (lang: Lang) => (v: number) => formatNumber(lang, v);

/** The threshold colour scale for prevalence of one source, with its legend. */
export function prevalenceColor(lang: Lang, sumber: Sumber, label: string): Plot.ScaleOptions {
  return {
    type: 'threshold',
    domain: [...WHO_THRESHOLDS],
    range: [...PALETTE[sumber]],
    legend: true,
    label,
    tickFormat: (v: number) => formatNumber(lang, v),
    width: 260,
  } as Plot.ScaleOptions;
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** "2024-08" → Date (UTC first of month), for time axes. */
export function periodDate(periode: string): Date {
  const [y, m] = periode.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, 1));
}

const ARIA_ID: Record<string, string> = {
  'x-axis tick': 'garis skala sumbu x',
  'x-axis tick label': 'label skala sumbu x',
  'x-axis label': 'judul sumbu x',
  'y-axis tick': 'garis skala sumbu y',
  'y-axis tick label': 'label skala sumbu y',
  'y-axis label': 'judul sumbu y',
  'fx-axis tick label': 'label panel',
  'fy-axis tick label': 'label panel',
  'x-grid': 'kisi sumbu x',
  'y-grid': 'kisi sumbu y',
  bar: 'batang',
  dot: 'titik',
  line: 'garis',
  text: 'teks',
  'rule': 'garis acuan',
  tip: 'keterangan',
  frame: 'bingkai',
  area: 'area',
  tick: 'tanda',
  link: 'penghubung',
};

/**
 * Finishing touches on a Plot output: the SVG gets role="img"-like labelling through aria-label,
 * Plot's English aria labels of marks and axes are translated on Indonesian pages, and a stable
 * data-chart attribute names the chart for scripts and tests.
 */
export function finish<T extends Element>(el: T, { lang, name, label }: { lang: Lang; name: string; label: string }): T {
  el.setAttribute('data-chart', name);
  const svgs = el.tagName.toLowerCase() === 'svg' ? [el] : [...el.querySelectorAll('svg')];
  const main = svgs.at(-1);
  if (main) {
    main.setAttribute('role', 'img');
    main.setAttribute('aria-label', label);
  }
  for (const legend of svgs.slice(0, -1)) legend.setAttribute('aria-hidden', 'true');
  if (lang === 'id') {
    for (const node of el.querySelectorAll('[aria-label]')) {
      const v = node.getAttribute('aria-label')!;
      if (v in ARIA_ID) node.setAttribute('aria-label', ARIA_ID[v]!);
    }
  }
  return el;
}

/** Truncate long area names on axes. */
export function shortName(name: string, max = 24): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
