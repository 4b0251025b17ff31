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
  /**
   * Width in px: the width of the container (in the browser), or at build time a list of widths
   * [narrow, wide]: the chart is drawn once per width and CSS shows the one that fits
   * (see `sized`), so text keeps its size on a phone and on a desktop alike.
   */
  width?: ChartWidth;
  /** The DOM document to create elements in (linkedom's at build time). */
  document?: Document;
}

export type ChartWidth = number | readonly number[];

/** Font size of every chart (px): at the narrowest container (328 px for a 360 px phone, drawn
 *  for BUILD_WIDTHS[0] = 340) text is still >= 11.5 px. */
export const FONT_PX = 12;
/** Average width of one character at FONT_PX (for margins sized to labels). */
export const CHAR_PX = 6.9;
/** Below this width a chart uses its compact layout (shorter names, fewer labels). */
export const NARROW_PX = 480;
/** Widths drawn at build time: a phone layout and a desktop layout (see Halaman.astro's CSS). */
export const BUILD_WIDTHS: readonly number[] = [340, 680];

/** Plot's `style` for every chart: readable font size, no clipping of labels at the edges. */
export const STYLE = { fontSize: `${FONT_PX}px`, overflow: 'visible' } as const;

/**
 * Draws a chart at the width(s) asked for. With one width it is `draw(width)`; with several (the
 * build), each is drawn and wrapped in <div class="chart-sizes">, the first marked
 * .chart-narrow and the last .chart-wide, so CSS shows one without any script.
 */
export function sized(options: ChartOptions, draw: (width: number, narrow: boolean) => Element): Element {
  const raw = options.width ?? 640;
  const widths: readonly number[] = typeof raw === 'number' ? [raw] : raw;
  if (widths.length === 1) return draw(widths[0]!, widths[0]! < NARROW_PX);
  const doc = options.document ?? globalThis.document;
  const wrap = doc.createElement('div');
  wrap.setAttribute('class', 'chart-sizes');
  widths.forEach((w, i) => {
    const el = draw(w, w < NARROW_PX);
    el.classList.add(i === 0 ? 'chart-narrow' : 'chart-wide');
    el.setAttribute('data-width', String(w));
    wrap.append(el);
  });
  return wrap;
}


/** One width for drawings made once (maps): the container's, or the widest of the build's pair. */
export function widest(width: ChartWidth | undefined): number | undefined {
  return width === undefined || typeof width === 'number' ? width : Math.max(...width);
}

/** The width(s) capped at `max` px (e.g. panels side by side). */
export function capWidth(width: ChartWidth | undefined, max: number): ChartWidth {
  if (width === undefined) return max;
  return typeof width === 'number' ? Math.min(width, max) : width.map((w) => Math.min(w, max));
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

const XLINK = 'http://www.w3.org/1999/xlink';
const COORDINATE_ATTRS = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'width', 'height', 'd', 'transform', 'points', 'dx', 'dy'] as const;

/**
 * Finishing touches on a Plot output: the main SVG becomes one image (role="img") named by
 * `label`, with the numbers in the figure's data table as its text alternative. Plot's per-mark
 * aria-labels (English words on <g> elements, not allowed there by ARIA) become `data-mark`
 * hooks for scripts and tests; legends are hidden from assistive technology (the caption and
 * the axis label name the source) and set in the chart's font size. A stable data-chart attribute names the chart.
 */
export function finish<T extends Element>(el: T, { name, label }: { lang: Lang; name: string; label: string }): T {
  el.setAttribute('data-chart', name);
  // Plot writes the same <style> into every chart (0.2-0.4 KB each, twice per chart at build):
  // its rules are in the site CSS once (Base.astro, "Observable Plot"), so they are dropped here.
  for (const style of [...el.querySelectorAll('style')]) style.remove();
  // Coordinates to 0.1 px (Plot writes 15 digits; a third of a chart's bytes).
  for (const node of [el, ...el.querySelectorAll('*')]) {
    for (const attr of COORDINATE_ATTRS) {
      const v = node.getAttribute(attr);
      if (v && /\d\.\d\d/.test(v)) node.setAttribute(attr, v.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10)));
    }
  }
  // Plot writes links as xlink:href; a plain href (SVG 2) is what CSS selectors and scripts see
  // (src/client/layout.ts keeps the period in profile links), as built and after a redraw.
  for (const a of el.querySelectorAll('a')) {
    const h = a.getAttributeNS(XLINK, 'href');
    if (h === null) continue;
    a.removeAttributeNS(XLINK, 'href');
    a.setAttribute('href', h);
  }
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
  for (const legend of svgs.slice(0, -1)) {
    legend.setAttribute('aria-hidden', 'true');
    // Plot draws a colour ramp's title and ticks at 10 px: the chart's own size, as on its axes.
    if (legend.getAttribute('font-size')) legend.setAttribute('font-size', String(FONT_PX));
  }
  return el;
}

/** A row of a chart whose marks may link to an area's profile page. */
export interface Linked {
  /** Link of the mark (the area's profile page, with its period where the mark has one). */
  href?: string | null;
  /** Tooltip of the link (shown on hover and keyboard focus, see src/client/layout.ts). */
  title?: string;
}

/**
 * Plot channels that make each mark of `rows` a link with a tooltip: `href` from the row, `title`
 * from the row or else `title(row)`. Nothing when no row links (the chart stays one image).
 */
export function linkChannels<T extends Linked>(rows: readonly T[], title: (r: T) => string): { href?: (r: T) => string | null; title?: (r: T) => string } {
  if (!rows.some((r) => r.href)) return {};
  return { href: (r: T) => r.href ?? null, title: (r: T) => r.title ?? title(r) };
}

/** Truncate long area names on axes. */
export function shortName(name: string, max = 24): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
