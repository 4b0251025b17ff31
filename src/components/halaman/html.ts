/** HTML builders shared by the page modules: figures with captions and tables, headline cards. */
import { rateHidden } from '../../lib/domain/suppression.ts';
import { desimalIndonesia, escapeHtml, formatNumber, formatPercent, t, textHtml, toHtml, type Lang } from '../../lib/i18n.ts';

/** A count cell: the number; "suppressed" when this count is hidden (missing on a marked row); else "–". */
export function countCell(lang: Lang, v: number | null | undefined, ditekan: boolean | null | undefined): string {
  return v == null && !!ditekan ? t(lang, 'chart.suppressed') : formatNumber(lang, v);
}

/**
 * A rate cell (%): the value; "suppressed" only when the rate is hidden with one of its counts
 * (rateHidden); else "–" (too few measured, no data). A marked row's published rate is shown.
 */
export function rateCell(lang: Lang, rate: number | null | undefined, ditekan: boolean | null | undefined, counts: readonly (number | null | undefined)[]): string {
  return rateHidden(rate, ditekan, counts) ? t(lang, 'chart.suppressed') : formatPercent(lang, rate);
}

export interface FigureParts {
  /** Stable name (used by tests and scripts). */
  name: string;
  title: string;
  /** Source, period and denominator, in words. */
  caption: string;
  /** Chart element (Plot output). */
  chart: Element;
  /** Data table HTML (the accessible alternative). */
  table: string;
  lang: Lang;
  /** Extra HTML after the caption (notes). */
  notes?: string;
  /** The table shown open (a figure whose chart has nothing to draw). */
  open?: boolean;
}

export function figureHtml({ name, title, caption, chart, table, lang, notes, open }: FigureParts): string {
  return `<figure class="chart" data-figure="${escapeHtml(name)}">
<h3 class="chart-title">${textHtml(lang, title)}</h3>
<div class="chart-body">${chart.outerHTML}</div>
<figcaption>${textHtml(lang, caption)}</figcaption>${notes ?? ''}
<details class="chart-data"${open ? ' open' : ''}><summary>${escapeHtml(t(lang, 'fig.showTable'))}</summary><div class="table-scroll">${table}</div></details>
</figure>`;
}

export interface Card {
  label: string;
  value: string;
  /** Denominator and other context ("dari 12.345 balita diukur"). */
  detail: string;
  /** Source and period. */
  source: string;
}

export function cardsHtml(lang: Lang, cards: readonly Card[]): string {
  return `<dl class="cards">${cards
    .map(
      // a word instead of a number ("disembunyikan", "suppressed") in smaller type, so it fits the card unbroken
      (c) => `<div class="card"><dt>${escapeHtml(c.label)}</dt><dd class="card-value${/\p{L}{4,}/u.test(c.value) ? ' card-value-teks' : ''}">${toHtml(lang, c.value)}</dd><dd class="card-detail">${escapeHtml(c.detail)}</dd><dd class="card-source">${escapeHtml(c.source)}</dd></div>`,
    )
    .join('')}</dl>`;
}

export function optionsHtml(options: readonly { value: string; label: string }[], selected: string | undefined): string {
  return options
    .map((o) => `<option value="${escapeHtml(o.value)}"${o.value === selected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`)
    .join('');
}

/**
 * A text given in Indonesian and optionally in English (reference columns `x` and `x_en`): on an
 * English page its English version, else the Indonesian one marked lang="id" (Indonesian decimals).
 */
export function bilingualHtml(lang: Lang, id: string, en: string | null | undefined): string {
  return lang === 'en' && en ? escapeHtml(en) : `<span lang="id">${escapeHtml(desimalIndonesia(id))}</span>`;
}

/** A note list (e.g. survey `catatan`), or '' when there are none. */
export function notesHtml(title: string, notes: readonly { who: string; text: string }[]): string {
  if (!notes.length) return '';
  return `<div class="notes"><p class="notes-title">${escapeHtml(title)}</p><ul>${notes
    .map((n) => `<li><strong>${escapeHtml(n.who)}:</strong> <span lang="id">${escapeHtml(desimalIndonesia(n.text))}</span></li>`)
    .join('')}</ul></div>`;
}
