/**
 * Embed pages (/embed/<page>/<figure>/, /en/embed/...): which pages offer them, which figures each
 * has, and the figure's build-time HTML. One embed page per figure of the overview, the
 * priorities, two-numbers and coverage pages, and of the province, regency and district profiles
 * (not of the ~1,000 village profiles: their figures are the village's trend, locator and data
 * quality, and a village is shared through its district). The embed draws the page's default
 * view, as built, with no engine and no query string.
 *
 * Used at build time (getStaticPaths, the embed page) and by the page components, which pass the
 * list of embeddable figures to the toolbar (src/client/unduh-gambar.ts) through the page root.
 */
import { localePath, type Lang } from '../../lib/i18n.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import type { PageModule } from '../halaman/types.ts';
import { page as ringkasan } from '../halaman/ringkasan.ts';
import { page as profil } from '../halaman/profil.ts';
import { page as prioritas } from '../halaman/prioritas.ts';
import { page as duaAngka } from '../halaman/dua-angka.ts';
import { page as cakupan } from '../halaman/cakupan.ts';
import { areasWithProfile } from '../halaman/paths.ts';
import { renderPage } from '../halaman/ssr.ts';

/** Profile levels with embed pages. */
export const EMBED_TINGKAT: readonly string[] = ['provinsi', 'kabupaten_kota', 'kecamatan'];
/**
 * A district's embeds: its own trend and village map. Its ranking among its regency's districts
 * and its data-quality chart are embeddable from the regency (ranking: as the regency's map and
 * table) or the full page; 105 districts × 2 languages × 2 more figures would add ~10 MB to dist/.
 */
export const EMBED_KECAMATAN: readonly string[] = ['tren', 'peta-desa'];

/** Which figures of a page get an embed page (all, except as EMBED_KECAMATAN says for districts). */
function embeddable(src: EmbedSource, names: string[]): string[] {
  return /^wilayah\/\d{2}\.\d{2}\.\d{2}$/.test(src.key) ? names.filter((n) => EMBED_KECAMATAN.includes(n)) : names;
}

export interface EmbedSource {
  /** Path segment(s) under /embed/: "ringkasan", "wilayah/64.08". */
  key: string;
  /** The full page's language-neutral route: "/", "/wilayah/64.08/". */
  route: string;
  /** renderPage name (shared model cache with the full page). */
  name: string;
  page: PageModule<unknown>;
  state: AtlasState;
}

const FIXED: readonly EmbedSource[] = [
  { key: 'ringkasan', route: '/', name: 'ringkasan', page: ringkasan as PageModule<unknown>, state: {} },
  { key: 'prioritas', route: '/prioritas/', name: 'prioritas', page: prioritas as PageModule<unknown>, state: {} },
  { key: 'dua-angka', route: '/dua-angka/', name: 'dua-angka', page: duaAngka as PageModule<unknown>, state: {} },
  { key: 'cakupan', route: '/cakupan/', name: 'cakupan', page: cakupan as PageModule<unknown>, state: {} },
];

export function profilSource(kode: string): EmbedSource {
  return { key: `wilayah/${kode}`, route: `/wilayah/${kode}/`, name: `wilayah-${kode}`, page: profil as PageModule<unknown>, state: { area: kode } };
}

/** Every page with embed pages. */
export async function embedSources(): Promise<EmbedSource[]> {
  const areas = (await areasWithProfile()).filter((r) => EMBED_TINGKAT.includes(r.tingkat));
  return [...FIXED, ...areas.map((r) => profilSource(r.kode_wilayah))];
}

const FIGURE = /<figure class="chart[^"]*" data-figure="([^"]+)"/g;

/** Names of the figures in a page's slots, in page order (Plot's own nested figures have no data-figure). */
export function figureNames(slots: Record<string, string>): string[] {
  const names: string[] = [];
  for (const html of Object.values(slots)) for (const m of html.matchAll(FIGURE)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/**
 * The outer HTML of one figure in a slot (from its opening tag to the matching </figure>, nested
 * Plot figures included), or undefined.
 */
export function figureFrom(slots: Record<string, string>, name: string): string | undefined {
  const open = `data-figure="${name}"`;
  for (const html of Object.values(slots)) {
    const at = html.indexOf(open);
    if (at < 0) continue;
    const start = html.lastIndexOf('<figure', at);
    let depth = 0;
    const tag = /<figure\b|<\/figure>/g;
    tag.lastIndex = start;
    for (let m = tag.exec(html); m; m = tag.exec(html)) {
      depth += m[0] === '</figure>' ? -1 : 1;
      if (depth === 0) return html.slice(start, m.index + m[0].length);
    }
  }
  return undefined;
}

/** Route of an embed page, language-neutral: "/embed/wilayah/64.08/tren/". */
export const embedRoute = (key: string, figure: string) => `/embed/${key}/${figure}/`;

/** What a page root tells the toolbar: where its embeds live and which figures have one. */
export interface EmbedInfo {
  /** Root-relative (or absolute with ATLAS_SITE) folder of the page's embeds, in the page's language. */
  href: string;
  figures: string[];
}

export function embedInfo(lang: Lang, base: string, site: URL | undefined, key: string, slots: Record<string, string>): EmbedInfo {
  const path = localePath(lang, `/embed/${key}/`, base);
  return { href: site ? new URL(path, site).href : path, figures: embeddable(sourceOf(key), figureNames(slots)) };
}

/** Static paths of /embed/[...rute]: one per page and figure. */
export async function embedPaths(base: string) {
  const paths: { params: { rute: string }; props: { key: string; figure: string } }[] = [];
  for (const src of await embedSources()) {
    const { slots } = await renderPage(src.name, src.page, 'id', base, src.state);
    for (const figure of embeddable(src, figureNames(slots))) paths.push({ params: { rute: `${src.key}/${figure}` }, props: { key: src.key, figure } });
  }
  return paths;
}

/** The source of an embed key ("wilayah/64.08" or a fixed page). */
export function sourceOf(key: string): EmbedSource {
  const fixed = FIXED.find((s) => s.key === key);
  if (fixed) return fixed;
  const m = /^wilayah\/([\d.]+)$/.exec(key);
  if (!m) throw new Error(`embed: no page "${key}"`);
  return profilSource(m[1]!);
}
