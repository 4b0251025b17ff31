/**
 * Languages, translated strings and number/period formats. Pure functions: used by Astro pages at
 * build time and by browser scripts alike.
 *
 * Missing values (null, undefined, NaN) are shown as MISSING ("–"), never as 0. In HTML use
 * `toHtml(lang, text)` so screen readers hear "tidak ada data" / "no data" instead of a dash.
 */
import { id, type MessageKey } from '../i18n/id.ts';
import { en } from '../i18n/en.ts';
import { PREVALENCE_BANDS, PREVALENCE_THRESHOLDS } from './domain/stunting.ts';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';
export type { MessageKey };

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { id, en };
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export const isLang = (value: unknown): value is Lang => value === 'id' || value === 'en';
export const locale = (lang: Lang): string => LOCALES[lang];
export const otherLang = (lang: Lang): Lang => (lang === 'id' ? 'en' : 'id');

/** Translated string; `{name}` placeholders are filled from params. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang][key] ?? DICTIONARIES[DEFAULT_LANG][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

// ---------------------------------------------------------------------------------------- paths

/** Normalises a base path to "/" or "/x/y/". */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Link to a page in a language. `path` is the language-neutral route ("/", "/dua-angka/",
 * "/wilayah/64.08/"); the default language lives at the root, English under /en/.
 *   localePath('en', '/cakupan/', '/atlas/') === '/atlas/en/cakupan/'
 */
export function localePath(lang: Lang, path: string, base = '/'): string {
  const clean = path.replace(/^\/+/, '');
  const prefix = lang === DEFAULT_LANG ? '' : `${lang}/`;
  return `${normalizeBase(base)}${prefix}${clean}`;
}

/** Splits a URL pathname into language and language-neutral route (inverse of localePath). */
export function splitLocalePath(pathname: string, base = '/'): { lang: Lang; path: string } {
  const b = normalizeBase(base);
  let rest = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  let lang: Lang = DEFAULT_LANG;
  const first = rest.split('/')[0];
  if (first !== DEFAULT_LANG && isLang(first)) {
    lang = first;
    rest = rest.slice(first.length + 1);
  }
  return { lang, path: `/${rest}` };
}

// -------------------------------------------------------------------------------------- numbers

export const MISSING = '–';

/** True for null, undefined and NaN: values that must be shown as MISSING, never as 0. */
export function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

export interface NumberOptions {
  /** Exact number of decimals (default: up to 1 for formatNumber, exactly 1 for formatPercent). */
  digits?: number;
  /** Show "+" for positive values (for changes). */
  signed?: boolean;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, { digits, signed }: NumberOptions): Intl.NumberFormat {
  const key = `${lang}|${digits}|${signed}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: digits ?? 0,
      maximumFractionDigits: digits ?? 1,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** 1234 -> "1.234" (id) / "1,234" (en); 12.34 -> "12,3" / "12.3"; null -> "–". */
export function formatNumber(lang: Lang, value: number | null | undefined, options: NumberOptions = {}): string {
  if (isMissing(value) || !Number.isFinite(value)) return MISSING;
  return numberFormat(lang, options).format(value);
}

/** A value already in percent: 12.34 -> "12,3%" (id) / "12.3%" (en); null -> "–". */
export function formatPercent(lang: Lang, value: number | null | undefined, options: NumberOptions = {}): string {
  const text = formatNumber(lang, value, { digits: 1, ...options });
  return text === MISSING ? MISSING : `${text}%`;
}

/** The WHO prevalence bands as text: "sangat rendah < 2,5%; rendah 2,5–<10%; …; sangat tinggi ≥ 30%". */
export function formatPrevalenceBands(lang: Lang): string {
  const n = (v: number) => formatNumber(lang, v);
  return PREVALENCE_BANDS.map((b, i) =>
    i === 0 ? `${b[lang]} < ${n(b.below)}%` : b.below === Infinity ? `${b[lang]} ≥ ${n(b.from)}%` : `${b[lang]} ${n(b.from)}–<${n(b.below)}%`,
  ).join('; ');
}

/** The WHO band limits as text: "2,5; 10; 20; 30%" (id) / "2.5, 10, 20, 30%" (en). */
export function formatPrevalenceThresholds(lang: Lang): string {
  return `${PREVALENCE_THRESHOLDS.map((v) => formatNumber(lang, v)).join(lang === 'id' ? '; ' : ', ')}%`;
}

/** A difference of two percentages: -1.25 -> "-1,3 poin persen" / "-1.3 percentage points". */
export function formatPercentPoints(lang: Lang, value: number | null | undefined, options: NumberOptions = {}): string {
  const text = formatNumber(lang, value, { digits: 1, signed: true, ...options });
  return text === MISSING ? MISSING : t(lang, 'format.percentPoints', { value: text });
}

// -------------------------------------------------------------------------------------- periods

const MONTHS: Record<Lang, { long: string[]; short: string[] }> = {
  id: {
    long: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  },
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};

/**
 * Periods as written in the data: "2024-02" -> "Februari 2024" / "February 2024" ("Feb 2024" with
 * short), "2024-S1" -> "Semester 1 2024", "2024-Q3" -> "Triwulan 3 2024" / "Quarter 3 2024",
 * "2024" -> "2024". Missing -> "–"; an unknown form is returned unchanged.
 */
export function formatPeriod(lang: Lang, period: string | null | undefined, options: { short?: boolean } = {}): string {
  if (isMissing(period) || period === '') return MISSING;
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return `${MONTHS[lang][options.short ? 'short' : 'long'][month - 1]} ${m[1]}`;
    return period;
  }
  m = /^(\d{4})-([SQ])(\d)$/.exec(period);
  if (m) {
    const n = Number(m[3]);
    if (m[2] === 'S' && (n === 1 || n === 2)) return t(lang, 'format.semester', { n, year: m[1] });
    if (m[2] === 'Q' && n >= 1 && n <= 4) return t(lang, 'format.quarter', { n, year: m[1] });
    return period;
  }
  return period;
}

/**
 * Quoted Indonesian text (source notes, citations) with Indonesian decimals: a decimal point
 * between digits becomes a comma ("20.6" → "20,6"); a point before exactly three digits is a
 * thousands separator and stays ("1.219"), and so do dotted codes ("300.2.2", "64.08.03").
 */
export function desimalIndonesia(text: string): string {
  return text.replace(/(?<![\d.])(\d+)\.(\d+)(?![\d.])/g, (whole, a: string, b: string) => (b.length === 3 ? whole : `${a},${b}`));
}

// ----------------------------------------------------------------------------------------- HTML

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);

/**
 * Indonesian names and terms that English text quotes in brackets: "Simultaneous measurement drive
 * (intervensi serentak)", "priority (lokus) village", "(Aksi 7)", "(Elsimil)", "(e.g. prevalensi
 * tertinggi menurut SKI 2023: …)". Programme names come from data/reference/program.csv, so the
 * list names the terms, not the texts they are in.
 */
const KUTIPAN_ID = /(?<=\((?:e\.g\. )?)(intervensi serentak|lokus|Aksi \d+|Elsimil|prevalensi tertinggi menurut SKI \d{4})(?=[):])/g;

/**
 * Escaped HTML for a text of the page: on an English page the Indonesian terms it quotes are
 * marked lang="id" (so a screen reader reads them in Indonesian). The one rule for such terms:
 * tables (toHtml), figure titles and captions, map legends, the deck and the data page use it.
 */
export function textHtml(lang: Lang, text: string): string {
  const html = escapeHtml(text);
  return lang === 'en' ? html.replace(KUTIPAN_ID, '<span lang="id">$1</span>') : html;
}

/** The label a screen reader should hear for a missing value. */
export const missingLabel = (lang: Lang): string => t(lang, 'format.missing');

/**
 * HTML for a formatted value: escaped text, or for MISSING a dash that assistive technology reads
 * as "tidak ada data" / "no data" (needs the `.sr-only` class from the layout).
 */
export function toHtml(lang: Lang, text: string): string {
  if (text !== MISSING) return textHtml(lang, text);
  const label = escapeHtml(missingLabel(lang));
  return `<span class="missing" title="${label}"><span aria-hidden="true">${MISSING}</span><span class="sr-only">${label}</span></span>`;
}
