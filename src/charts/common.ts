/**
 * Shared pieces of the chart functions. A chart is `chartName(rows, {lang, width, document, ...})`
 * returning a DOM element made by Observable Plot: at build time `document` comes from linkedom,
 * in the browser it is the real one. The same function draws both.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, type Lang } from '../lib/i18n.ts';
import { PREVALENCE_THRESHOLDS } from '../lib/domain/stunting.ts';

export interface ChartOptions {
  lang: Lang;
  /** Width in px (the SVG scales down with CSS). */
  width?: number;
  /** The DOM document to create elements in (linkedom's at build time). */
  document?: Document;
}


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
    domain: [...PREVALENCE_THRESHOLDS],
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

/**
 * Finishing touches on a Plot output: the main SVG becomes one image (role="img") named by
 * `label`, with the numbers in the figure's data table as its text alternative. Plot's per-mark
 * aria-labels (English words on <g> elements, not allowed there by ARIA) become `data-mark`
 * hooks for scripts and tests; legends are hidden from assistive technology (the caption and
 * the axis label name the source). A stable data-chart attribute names the chart.
 */
export function finish<T extends Element>(el: T, { name, label }: { lang: Lang; name: string; label: string }): T {
  el.setAttribute('data-chart', name);
  const svgs = el.tagName.toLowerCase() === 'svg' ? [el] : [...el.querySelectorAll('svg')];
  const main = svgs.at(-1);
  if (main) {
    // A chart whose bars or dots link to profiles is a group of links, not one image (an image
    // may not hold interactive elements).
    main.setAttribute('role', main.querySelector('a') ? 'group' : 'img');
    main.setAttribute('data-chart-main', '');
    main.setAttribute('aria-label', label);
    for (const node of main.querySelectorAll('[aria-label]')) {
      node.setAttribute('data-mark', node.getAttribute('aria-label')!);
      node.removeAttribute('aria-label');
    }
    for (const node of main.querySelectorAll('[aria-description]')) node.removeAttribute('aria-description');
  }
  for (const legend of svgs.slice(0, -1)) legend.setAttribute('aria-hidden', 'true');
  return el;
}

/** Truncate long area names on axes. */
export function shortName(name: string, max = 24): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
