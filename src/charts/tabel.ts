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
  /** Long text (quotes, sources): on a phone the cell takes the card's whole width. */
  lebar?: boolean;
}

/**
 * Tables of this many columns or more, or with a long text column, are laid out as cards on a phone
 * (class "susun", styles/figure.css): each row's header on a line of its own, its values below it,
 * each under its column's name (data-label). Other tables fit a 360 px screen as tables.
 */
export const KOLOM_SUSUN = 4;

/**
 * Roles written out: a table laid out as cards changes its CSS display, and some browsers then drop
 * its table semantics; with them a screen reader still reads rows, headers and cells.
 */
export const PERAN = { table: ' role="table"', rowgroup: ' role="rowgroup"', row: ' role="row"', columnheader: ' role="columnheader"', rowheader: ' role="rowheader"', cell: ' role="cell"' } as const;

/** A cell's attributes for the phone cards: its column's name, and whether it spans the card. */
function labelAttrs(label: string, lebar = false): string {
  return ` data-label="${escapeHtml(label)}"${lebar ? ' data-lebar' : ''}`;
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
  const susun = columns.length >= KOLOM_SUSUN || columns.some((c) => c.lebar);
  const role = (r: keyof typeof PERAN) => (susun ? PERAN[r] : '');
  const head = columns.map((c) => `<th scope="col"${role('columnheader')}${c.angka ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr${role('row')}>${columns
          .map((c, i) => {
            // quoted Indonesian text keeps Indonesian decimals on every page
            const shown = toHtml(lang, c.lang === 'id' ? desimalIndonesia(c.value(r)) : c.value(r));
            const text = c.angka ? fraksiHtml(shown) : shown;
            const href = c.link?.(r);
            const cell = href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
            const attrs = `${c.angka ? ' class="num"' : ''}${c.lang ? ` lang="${c.lang}"` : ''}`;
            return i === 0 ? `<th scope="row"${role('rowheader')}${attrs}>${cell}</th>` : `<td${role('cell')}${attrs}${susun ? labelAttrs(c.label, c.lebar) : ''}>${cell}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="data-table${susun ? ' susun' : ''}"${role('table')}>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead${role('rowgroup')}><tr${role('row')}>${head}</tr></thead><tbody${role('rowgroup')}>${body}</tbody></table>`;
}
