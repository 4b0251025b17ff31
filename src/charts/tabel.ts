/**
 * The data table behind a chart, as an HTML string (for the <details> alternative of every figure).
 * Used by Astro at build time and by the client scripts after a re-render.
 */
import { desimalIndonesia, escapeHtml, toHtml, type Lang } from '../lib/i18n.ts';

export interface Kolom<R> {
  label: string;
  value: (row: R) => string;
  /** Right-aligned numeric column. */
  angka?: boolean;
  /** Language of the cell's text when it differs from the page (e.g. quoted sources: 'id'). */
  lang?: string;
  /** Link of the cell (e.g. the area's profile page), or null for none. */
  link?: (row: R) => string | null;
}

/**
 * A fraction in a numeric cell: "(10/16)" stays whole (class "utuh", no wrap: a cell wraps at its
 * space instead); a long one with thousands, "(1,588/2,359)", may wrap after its slash in print so a
 * table of many periods fits a page (the <wbr> shows only in print, Base.astro).
 */
export function fraksiHtml(html: string): string {
  return html.replace(/\d[\d.,]*\/\d[\d.,]*/g, (f) => (/^\d+\/\d+$/.test(f) ? `<span class="utuh">${f}</span>` : f.replace('/', '/<wbr>')));
}

export function tabelHtml<R>(lang: Lang, columns: readonly Kolom<R>[], rows: readonly R[], caption?: string): string {
  const head = columns.map((c) => `<th scope="col"${c.angka ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${columns
          .map((c, i) => {
            // quoted Indonesian text keeps Indonesian decimals on every page
            const shown = toHtml(lang, c.lang === 'id' ? desimalIndonesia(c.value(r)) : c.value(r));
            const text = c.angka ? fraksiHtml(shown) : shown;
            const href = c.link?.(r);
            const cell = href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
            const attrs = `${c.angka ? ' class="num"' : ''}${c.lang ? ` lang="${c.lang}"` : ''}`;
            return i === 0 ? `<th scope="row"${attrs}>${cell}</th>` : `<td${attrs}>${cell}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="data-table">${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
