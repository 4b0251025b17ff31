/**
 * The explorer's state (in the URL), its table as HTML and its CSV. Pure functions: the page
 * renders the first view with them at build time, the browser script after each change.
 *
 * URL: ?level=kecamatan&period=2024-08&area=64.08&q=loa&f=prevalensi.gt.20&sort=prevalensi.desc&cmp=64.01,64.72
 */
import { escapeHtml, formatNumber, formatPeriod, t, toHtml, type Lang, type MessageKey } from '../../lib/i18n.ts';
import { toCsv } from '../../lib/csv.ts';
import {
  BANDING_MAKS,
  JELAJAH_KOLOM_ANGKA,
  JELAJAH_OP,
  JELAJAH_URUT,
  formatJelajahFilter,
  parseJelajahFilter,
  type JelajahAngka,
  type JelajahArgs,
  type JelajahFilter,
  type JelajahRow,
  type JelajahUrut,
} from '../../lib/queries/jelajah.ts';
import { TINGKAT, type Tingkat } from '../../lib/schema.ts';

export interface JelajahState {
  level: Tingkat;
  period: string;
  area?: string;
  q?: string;
  f: JelajahFilter[];
  sort?: { kolom: JelajahUrut; turun: boolean };
  cmp: string[];
}

export const JELAJAH_DEFAULT_LEVEL: Tingkat = 'kabupaten_kota';
/** Rows the page shows at most (all 1,038 villages of a province fit). */
export const JELAJAH_MAKS_BARIS = 3000;

const KODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** State from a query string; invalid parts fall back to the defaults (a hand-edited link still opens). */
export function parseJelajahState(search: string, defaults: { period: string; periods: readonly string[] }): JelajahState {
  const p = new URLSearchParams(search);
  const level = (TINGKAT as readonly string[]).includes(p.get('level') ?? '') ? (p.get('level') as Tingkat) : JELAJAH_DEFAULT_LEVEL;
  const period = defaults.periods.includes(p.get('period') ?? '') ? p.get('period')! : defaults.period;
  const area = KODE.test(p.get('area') ?? '') ? p.get('area')! : undefined;
  const q = (p.get('q') ?? '').trim().slice(0, 80) || undefined;
  const f = p.getAll('f').map(parseJelajahFilter).filter((x): x is JelajahFilter => !!x).slice(0, 6);
  const sm = /^([a-z_]+)\.(asc|desc)$/.exec(p.get('sort') ?? '');
  const sort = sm && (JELAJAH_URUT as readonly string[]).includes(sm[1]!) ? { kolom: sm[1] as JelajahUrut, turun: sm[2] === 'desc' } : undefined;
  const cmp = [...new Set((p.get('cmp') ?? '').split(',').filter((k) => KODE.test(k)))].slice(0, BANDING_MAKS);
  return { level, period, area, q, f, sort, cmp };
}

/** Query string of a state (defaults left out, so the default view has none). */
export function jelajahSearch(s: JelajahState, defaults: { period: string }): string {
  const p = new URLSearchParams();
  if (s.level !== JELAJAH_DEFAULT_LEVEL) p.set('level', s.level);
  if (s.period !== defaults.period) p.set('period', s.period);
  if (s.area) p.set('area', s.area);
  if (s.q) p.set('q', s.q);
  for (const f of s.f) p.append('f', formatJelajahFilter(f));
  if (s.sort) p.set('sort', `${s.sort.kolom}.${s.sort.turun ? 'desc' : 'asc'}`);
  if (s.cmp.length) p.set('cmp', s.cmp.join(','));
  // Commas and dots need no escaping in a query string: links stay readable (cmp=64.01,64.72).
  const text = p.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** Arguments of jelajahSql for a state. An `area` at or below the level is ignored. */
export function jelajahArgs(s: JelajahState): JelajahArgs {
  const depth = TINGKAT.indexOf(s.level);
  const areaDepth = s.area ? s.area.split('.').length - 1 : -1;
  return {
    tingkat: s.level,
    periode: s.period,
    induk: s.area && areaDepth < depth ? s.area : undefined,
    cari: s.q,
    filter: s.f,
    urut: s.sort,
    batas: JELAJAH_MAKS_BARIS,
  };
}

const colLabel = (lang: Lang, k: string) => t(lang, `jelajah.col.${k}` as MessageKey);
export const OP_TEXT: Record<keyof typeof JELAJAH_OP, string> = { gt: '>', ge: '≥', lt: '<', le: '≤', eq: '=', ne: '≠' };

/** "Prevalensi stunting (%) > 20" */
export function filterLabel(lang: Lang, f: JelajahFilter): string {
  return `${colLabel(lang, f.kolom)} ${OP_TEXT[f.op]} ${formatNumber(lang, f.nilai, { digits: Number.isInteger(f.nilai) ? 0 : undefined })}`;
}

const isPct = (k: JelajahAngka) => k === 'prevalensi' || k === 'cakupan';
function cell(lang: Lang, k: JelajahAngka, v: number | null): string {
  return isPct(k) ? formatNumber(lang, v, { digits: 1 }) : formatNumber(lang, v, { digits: 0 });
}

export interface TableContext {
  lang: Lang;
  /** Site base ("/" or "/x/"), for links to profiles. */
  base: string;
  state: JelajahState;
}

/** Link to an area's profile page (provinces, regencies and districts always have one). */
function profileHref(lang: Lang, base: string, r: JelajahRow): string | null {
  if (r.kode_wilayah.split('.').length > 3 && r.prevalensi === null) return null;
  return `${base}${lang === 'en' ? 'en/' : ''}wilayah/${r.kode_wilayah}/`;
}

/** The table as HTML: sortable headers (buttons), a compare checkbox per row, missing as "–". */
export function jelajahTableHtml(rows: readonly JelajahRow[], { lang, base, state }: TableContext): string {
  const sort = state.sort ?? { kolom: 'kode_wilayah' as JelajahUrut, turun: false };
  const head = (k: JelajahUrut, num: boolean) => {
    const active = sort.kolom === k;
    const ariaSort = active ? (sort.turun ? 'descending' : 'ascending') : 'none';
    const label = colLabel(lang, k === 'kode_wilayah' ? 'kode' : k === 'nama_wilayah' ? 'nama' : k);
    const arrow = active ? (sort.turun ? ' ▼' : ' ▲') : '';
    return `<th scope="col"${num ? ' class="num"' : ''} aria-sort="${ariaSort}"><button type="button" class="sort" data-sort="${k}" title="${escapeHtml(t(lang, 'jelajah.sortBy', { kolom: label }))}">${escapeHtml(label)}<span aria-hidden="true">${arrow}</span></button></th>`;
  };
  const thead = `<tr><th scope="col" class="pick"><span class="sr-only">${escapeHtml(t(lang, 'jelajah.compare'))}</span></th>${head('kode_wilayah', false)}${head('nama_wilayah', false)}<th scope="col">${escapeHtml(colLabel(lang, 'induk'))}</th>${JELAJAH_KOLOM_ANGKA.map((k) => head(k, true)).join('')}</tr>`;
  const picked = new Set(state.cmp);
  const full = picked.size >= BANDING_MAKS;
  const body = rows
    .map((r) => {
      const href = profileHref(lang, base, r);
      const name = href ? `<a href="${escapeHtml(href)}">${escapeHtml(r.nama_wilayah)}</a>` : escapeHtml(r.nama_wilayah);
      const on = picked.has(r.kode_wilayah);
      const box = `<input type="checkbox" data-cmp="${escapeHtml(r.kode_wilayah)}" data-nama="${escapeHtml(r.nama_wilayah)}" aria-label="${escapeHtml(t(lang, 'jelajah.compareSelect', { nama: r.nama_wilayah }))}"${on ? ' checked' : ''}${full && !on ? ' disabled' : ''}>`;
      return `<tr${r.ditekan ? ' data-ditekan' : ''}><td class="pick">${box}</td><td><code>${escapeHtml(r.kode_wilayah)}</code></td><th scope="row">${name}</th><td>${r.nama_induk ? escapeHtml(r.nama_induk) : toHtml(lang, '–')}</td>${JELAJAH_KOLOM_ANGKA.map((k) => `<td class="num">${toHtml(lang, cell(lang, k, r[k]))}</td>`).join('')}</tr>`;
    })
    .join('');
  const caption = t(lang, 'jelajah.caption', { tingkat: t(lang, `tingkat.${state.level}` as MessageKey), periode: formatPeriod(lang, state.period) });
  return `<table class="data-table jelajah-table"><caption>${escapeHtml(caption)}</caption><thead>${thead}</thead><tbody>${body}</tbody></table>${rows.length ? '' : `<p class="empty">${escapeHtml(t(lang, 'jelajah.noRows'))}</p>`}`;
}

/** Header and cells of the CSV of what is shown: names beside codes, figures as published. */
export function jelajahCsvRows(lang: Lang, rows: readonly JelajahRow[]): { header: string[]; rows: (string | number | boolean | null)[][] } {
  const header = ['kode', 'nama', 'jenis', 'induk', 'periode', ...JELAJAH_KOLOM_ANGKA, 'ditekan'].map((k) => colLabel(lang, k));
  return {
    header,
    rows: rows.map((r) => [r.kode_wilayah, r.nama_wilayah, r.jenis, r.nama_induk, r.periode, ...JELAJAH_KOLOM_ANGKA.map((k) => r[k]), r.ditekan ?? null]),
  };
}

export function jelajahCsv(lang: Lang, rows: readonly JelajahRow[]): string {
  const { header, rows: cells } = jelajahCsvRows(lang, rows);
  return toCsv(header, cells, { bom: true });
}

