/**
 * Any chart or map on the site as a file: every <figure> that holds an <svg> gets PNG, SVG and CSV
 * downloads. The image is drawn from what the page shows: title, the chart's own SVGs (legend and
 * plot, in page order), the caption (source, period, denominator), the page's address and, on the
 * demo, "DATA SINTETIS" across the image (INTERNAL on an internal build). The CSV is the figure's
 * data table, numbers as numbers (written the way the table shows them, parsed back from the
 * page's language), with codes beside names where the table links to an area profile.
 *
 * Works for figures added later (re-rendered charts, maps): a figure is equipped once.
 */
import { toCsv, type CsvValue } from './csv.ts';
import type { Lang } from './i18n.ts';

export interface ExportContext {
  lang: Lang;
  demo: boolean;
  internal: boolean;
  /** The link printed under the image (the page with its state). */
  url: string;
  /** Site name printed with the link. */
  site: string;
  /** Words drawn across the image: "DATA SINTETIS"; "INTERNAL". */
  demoMark: string;
  internalMark: string;
  /** Licence line of the CSV/xlsx metadata (src/lib/cite.ts DATA_LICENCE). */
  licence?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 20;

export function figureTitle(figure: Element): string {
  const title = figure.querySelector('.chart-title, figcaption .title, [data-figure-title], h2, h3, h4');
  if (title?.textContent?.trim()) return title.textContent.trim();
  return figure.querySelector('svg[aria-label]')?.getAttribute('aria-label')?.trim() ?? '';
}

export function figureCaption(figure: Element): string {
  // the figure's own caption, not one of a nested Plot figure
  const caption = [...figure.querySelectorAll('figcaption')].find((c) => c.closest('figure') === figure) ?? figure.querySelector('figcaption');
  return caption?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The SVGs that make up the picture (legends and plot, maps), without icons inside buttons. */
export function figureSvgs(figure: Element): SVGSVGElement[] {
  return [...figure.querySelectorAll<SVGSVGElement>('svg')].filter((s) => !s.parentElement?.closest('svg') && !s.closest('button, details, .fig-tools, .peta-legenda'));
}

function size(svg: SVGSVGElement): { w: number; h: number } {
  const vb = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  const w = Number(svg.getAttribute('width')) || vb?.[2] || svg.getBoundingClientRect().width || 640;
  const h = Number(svg.getAttribute('height')) || vb?.[3] || svg.getBoundingClientRect().height || 400;
  return { w, h };
}

/** Greedy word wrap for a font of `px` at about 0.55 em per character. */
export function wrap(text: string, width: number, px: number): string[] {
  const max = Math.max(20, Math.floor(width / (px * 0.55)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A standalone SVG document of the figure. */
/**
 * A linked mark the page outlines by a rule of its own (its area in a ranking shared by its
 * siblings' pages, src/components/halaman/profil.ts saudaraCss) keeps its outline in the file:
 * the rule is the page's, not the drawing's.
 */
function pageOutlines(svg: SVGSVGElement, clone: SVGSVGElement): void {
  if (typeof getComputedStyle !== 'function') return;
  const marks = [...svg.querySelectorAll('a > rect')];
  const copies = [...clone.querySelectorAll('a > rect')];
  marks.forEach((mark, i) => {
    const style = getComputedStyle(mark);
    if (style.stroke === 'none' || mark.getAttribute('stroke') === style.stroke) return;
    copies[i]?.setAttribute('stroke', style.stroke);
    copies[i]?.setAttribute('stroke-width', style.strokeWidth);
  });
}

export function figureSvg(figure: Element, ctx: ExportContext): { svg: string; width: number; height: number } {
  const parts = figureSvgs(figure);
  const sizes = parts.map(size);
  const inner = Math.max(480, ...sizes.map((s) => s.w));
  const width = inner + 2 * PAD;
  const out: string[] = [];
  let y = PAD;
  const text = (lines: string[], px: number, attrs: string) => {
    for (const l of lines) {
      y += px * 1.25;
      out.push(`<text x="${PAD}" y="${y.toFixed(1)}" font-size="${px}" ${attrs}>${esc(l)}</text>`);
    }
  };
  // bold type runs wider than wrap()'s estimate: wrap as if it were 19 px
  text(wrap(figureTitle(figure), inner, 19), 17, 'font-weight="700" fill="#1b1f24"');
  const subtitle = figure.querySelector('.chart-subtitle, [data-figure-subtitle]')?.textContent?.trim();
  if (subtitle) text(wrap(subtitle, inner, 13), 13, 'fill="#4a5260"');
  y += 10;
  const serializer = new XMLSerializer();
  parts.forEach((svg, i) => {
    const { w, h } = sizes[i]!;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    pageOutlines(svg, clone);
    clone.removeAttribute('role');
    clone.removeAttribute('aria-label');
    clone.removeAttribute('style');
    clone.setAttribute('overflow', 'visible'); // a legend's title may run past its box, as on the page
    clone.setAttribute('x', String(PAD));
    clone.setAttribute('y', y.toFixed(1));
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(h));
    if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${w} ${h}`);
    out.push(serializer.serializeToString(clone).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, ''));
    y += h + 8;
  });
  const legend = figure.querySelector('.peta-legenda');
  if (legend) y = legendSvg(legend, out, y, inner, serializer);
  text(wrap(figureCaption(figure), inner, 12), 12, 'fill="#4a5260"');
  y += 4;
  text([`${ctx.site} · ${ctx.url}`], 11, 'fill="#005a66"');
  y += PAD;
  const height = Math.ceil(y);
  const marks: string[] = [];
  const mark = ctx.internal ? ctx.internalMark : ctx.demo ? ctx.demoMark : '';
  if (mark) {
    const px = Math.min(96, Math.max(36, width / (mark.length * 0.7)));
    marks.push(
      `<text x="${width / 2}" y="${height / 2}" font-size="${px.toFixed(0)}" font-weight="800" fill="${ctx.internal ? '#8f1111' : '#8a6a00'}" fill-opacity="0.14" text-anchor="middle" dominant-baseline="middle" transform="rotate(-20 ${width / 2} ${height / 2})" data-mark-text="">${esc(mark)}</text>`,
      `<text x="${width - PAD}" y="${PAD}" font-size="12" font-weight="700" fill="${ctx.internal ? '#8f1111' : '#8a6a00'}" text-anchor="end">${esc(mark)}</text>`,
    );
  }
  const svg = `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" color="#1b1f24"><rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}${marks.join('')}</svg>`;
  return { svg, width, height };
}

/**
 * A map's legend (an HTML list beside the map on the page) drawn into the image: its title, then
 * each shown class with its swatch (colours; the hatched no-report / suppressed / too-few patterns,
 * whose definitions travel in the map's own SVG) and label, in rows. Returns the new y.
 */
export function legendSvg(legend: Element, out: string[], top: number, inner: number, serializer: XMLSerializer): number {
  let y = top;
  const title = legend.querySelector('.peta-legenda-judul')?.textContent?.trim();
  if (title) {
    y += 16;
    out.push(`<text x="${PAD}" y="${y.toFixed(1)}" font-size="13" font-weight="700" fill="#1b1f24" data-legend-title="">${esc(title)}</text>`);
  }
  y += 6;
  const row = 20;
  let x = PAD;
  for (const li of legend.querySelectorAll<HTMLElement>('li')) {
    if (li.hidden) continue;
    const label = li.querySelector('span')?.textContent?.trim() ?? '';
    const swatch = li.querySelector('svg');
    const w = 22 + 6 + label.length * 12 * 0.56 + 16;
    if (x > PAD && x + w > PAD + inner) {
      x = PAD;
      y += row;
    }
    const shapes = swatch ? [...swatch.childNodes].map((n) => serializer.serializeToString(n).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).join('') : '';
    out.push(`<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)})" data-legend-item="${esc(li.dataset.kelas ?? '')}">${shapes}<text x="28" y="11" font-size="12" fill="#1b1f24">${esc(label)}</text></g>`);
    x += w;
  }
  return y + row + 4;
}

/** PNG of the SVG at `scale` × (drawn by the browser, nothing leaves it). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const c = canvas.getContext('2d')!;
    c.scale(scale, scale);
    c.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A number as the page wrote it, back to a number: "1.234" / "1,234", "12,5%" / "12.5%",
 * "-0,7 poin persen", "+1.5 percentage points". Anything else stays text; "–" is missing.
 */
export function parseShown(text: string, lang: Lang): CsvValue {
  const s = text.replace(/\u2212/g, '-').replace(/\s+/g, ' ').trim();
  if (s === '' || s === '–' || s === '-' || /^(tidak ada data|no data)$/i.test(s)) return null;
  const m = /^([+-]?[\d.,]+)\s*(%|poin persen|percentage points?|pp)?$/i.exec(s);
  if (!m) return s;
  const [group, decimal] = lang === 'id' ? ['.', ','] : [',', '.'];
  const body = m[1]!;
  const grouped = new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = new RegExp(`^[+-]?\\d+(\\${decimal}\\d+)?$`);
  if (!grouped.test(body) && !plain.test(body)) return s;
  const n = Number(body.split(group).join('').replace(decimal, '.'));
  return Number.isFinite(n) ? n : s;
}

/** Header and rows of the figure's data table; a linked area gets its code beside its name. */
export function figureTable(figure: Element, lang: Lang, codeHeader: string): { header: string[]; rows: CsvValue[][] } | undefined {
  const table = figure.querySelector('details table, table');
  if (!table) return undefined;
  const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const body = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')]);
  const codeOf = (cell: Element) => /\/wilayah\/([\d.]+)\/?$/.exec(cell.querySelector('a')?.getAttribute('href') ?? '')?.[1];
  const withCode = body.some((cells) => cells[0] && codeOf(cells[0]));
  const pct = header.map((_, i) => body.length > 0 && body.every((cells) => /%\s*$|^\s*(–|-)?\s*$/.test(cells[i]?.textContent ?? '')) && body.some((cells) => /%/.test(cells[i]?.textContent ?? '')));
  const head = header.map((h, i) => (pct[i] && !/%/.test(h) ? `${h} (%)` : h));
  const rows = body.map((cells) => {
    const values = cells.map((c) => parseShown(c.querySelector('.sr-only') ? (c.querySelector('[aria-hidden="true"]')?.textContent ?? '') : (c.textContent ?? ''), lang));
    return withCode ? [cells[0] ? (codeOf(cells[0]) ?? null) : null, ...values] : values;
  });
  return { header: withCode ? [codeHeader, ...head] : head, rows };
}

/** The figure's CSV: a title row and a source row above the table, then the table. */
export function figureCsv(figure: Element, ctx: ExportContext, codeHeader: string): string {
  const table = figureTable(figure, ctx.lang, codeHeader);
  const lines = [figureTitle(figure), figureCaption(figure), `${ctx.site} · ${ctx.url}`, ctx.licence ?? ''];
  if (ctx.internal) lines.unshift(ctx.internalMark);
  else if (ctx.demo) lines.unshift(ctx.demoMark);
  const head = lines.filter(Boolean).map((l) => toCsv([l], []).trimEnd()).join('\n');
  return `\uFEFF${head}\n\n${table ? toCsv(table.header, table.rows) : ''}`;
}
