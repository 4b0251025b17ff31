/**
 * "Cite this": one citation text for a chart or for the data as a whole, and the data release
 * identifier it names. The release is a short hash of the published files' sha256 sums in
 * manifest.json: the same data give the same identifier, any changed figure a new one.
 */
import { formatPeriod, t, type Lang } from './i18n.ts';

/**
 * The licence of the site's own published aggregates (the figures this project computes and
 * publishes: pages, downloads, Parquet/CSV). Defined here only: a proposal of the project, changed
 * in this one place. Sources keep their own terms (survey figures and targets as their publishers
 * allow; area names idn-area-data, ODbL; boundaries as public/batas/ says). See LICENSE-DATA.md.
 */
export const DATA_LICENCE = {
  name: 'CC BY 4.0',
  title: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** The licence words of citations and file metadata: the aggregates under DATA_LICENCE, each source under its own. */
export function licenceText(lang: Lang): string {
  return t(lang, 'cite.licence', { lisensi: `${DATA_LICENCE.name} (${DATA_LICENCE.url})` });
}

/** "r-3f2a9c1b04de" from the outputs' sha256 sums (order-independent); "" when there are none. */
export async function releaseId(outputs: readonly { file?: string; sha256?: string }[]): Promise<string> {
  const sums = outputs.filter((o) => o.file && o.sha256).map((o) => `${o.file}:${o.sha256}`).sort();
  if (!sums.length) return '';
  const bytes = new TextEncoder().encode(sums.join('\n'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `r-${[...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface Citation {
  /** Site name, e.g. "Atlas Stunting Kalimantan Timur". */
  site: string;
  /** Who publishes the site. */
  publisher: string;
  /** The chart's title, or the site's for the data as a whole. */
  title: string;
  /** Link to the exact view (with its state). */
  url: string;
  release: string;
  /** Latest month in the data ("2025-08"). */
  latest?: string;
  /** When the reader looked (ISO date). */
  accessed: string;
  /** Licence words of the project. */
  licence: string;
  /** Sources as named in the reference data or the caption. */
  sources: readonly string[];
  demo?: boolean;
  internal?: boolean;
}

const WORDS = {
  id: { release: 'rilis data', latest: 'data sampai', accessed: 'diakses', sources: 'Sumber', licence: 'Lisensi', demo: 'DATA SINTETIS (contoh, bukan angka nyata)', internal: 'INTERNAL — jangan disebarkan' },
  en: { release: 'data release', latest: 'data up to', accessed: 'accessed', sources: 'Sources', licence: 'Licence', demo: 'SYNTHETIC DATA (sample, not real figures)', internal: 'INTERNAL — do not distribute' },
} as const;

/** One paragraph: Publisher. "Title". Site, release (data up to …). URL (accessed …). Sources. Licence. */
export function citationText(lang: Lang, c: Citation): string {
  const w = WORDS[lang];
  const parts = [
    c.internal ? `[${w.internal}]` : c.demo ? `[${w.demo}]` : '',
    `${c.publisher}. “${c.title}”. ${c.site}, ${w.release} ${c.release}${c.latest ? ` (${w.latest} ${formatPeriod(lang, c.latest)})` : ''}.`,
    `${c.url} (${w.accessed} ${c.accessed}).`,
    c.sources.length ? `${w.sources}: ${c.sources.join('; ')}.` : '',
    `${w.licence}: ${c.licence}.`,
  ];
  return parts.filter(Boolean).join(' ').replace(/\.\./g, '.');
}
