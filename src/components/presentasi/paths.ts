/**
 * Which decks the site builds (build time): the province and each regency, for every month of
 * routine data, plus the latest-month deck of each at the short path. The same list gives the
 * deck's area and period choosers their targets.
 */
import { db } from '../../lib/db/node.ts';
import { siteProvince } from '../../lib/db/manifest.ts';
import { localePath, type Lang } from '../../lib/i18n.ts';
import { periodeRutinSql, wilayahSql, type PeriodeRutin } from '../../lib/queries/index.ts';
import type { WilayahRow } from '../halaman/rows.ts';
import type { DeckArea } from './model.ts';

/** The deck's route in each language (page paths differ: /presentasi/ and /en/presentation/). */
export const DECK_ROUTE: Record<Lang, string> = { id: '/presentasi/', en: '/presentation/' };

export interface DeckChoice {
  areas: DeckArea[];
  periods: string[];
}

let cached: Promise<DeckChoice> | undefined;
export function deckChoice(): Promise<DeckChoice> {
  cached ??= (async () => {
    const province = siteProvince();
    const [regencies, periods] = await Promise.all([
      db().query<WilayahRow>(wilayahSql({ tingkat: 'kabupaten_kota' })),
      db().query<PeriodeRutin>(periodeRutinSql()),
    ]);
    const areas: DeckArea[] = [
      { kode: province.kode, nama: province.nama, tingkat: 'provinsi' },
      ...regencies.filter((r) => r.kode_induk === province.kode).map((r) => ({ kode: r.kode_wilayah, nama: r.nama_wilayah, tingkat: 'kabupaten_kota' as const })),
    ];
    return { areas, periods: periods.map((p) => p.periode) };
  })();
  return cached;
}

/** "64.08/2024-08" (or "64.08" for its latest month, undefined for the province's latest). */
export function deckParam(area: DeckArea, periode?: string): string | undefined {
  if (area.tingkat === 'provinsi' && !periode) return undefined;
  return periode ? `${area.kode}/${periode}` : area.kode;
}

export function deckHref(lang: Lang, base: string, area: DeckArea, periode?: string): string {
  const p = deckParam(area, periode);
  return localePath(lang, `${DECK_ROUTE[lang]}${p ? `${p}/` : ''}`, base);
}

/** Targets of the choosers: "kode|periode" and "kode|" (latest) → page. */
export function deckTargets(lang: Lang, base: string, choice: DeckChoice): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of choice.areas) {
    out[`${a.kode}|`] = deckHref(lang, base, a);
    for (const p of choice.periods) out[`${a.kode}|${p}`] = deckHref(lang, base, a, p);
  }
  return out;
}

export async function deckPaths() {
  const choice = await deckChoice();
  const paths: { params: { deck: string | undefined }; props: { kode: string; periode?: string } }[] = [];
  for (const a of choice.areas) {
    paths.push({ params: { deck: deckParam(a) }, props: { kode: a.kode } });
    for (const p of choice.periods) paths.push({ params: { deck: deckParam(a, p) }, props: { kode: a.kode, periode: p } });
  }
  return paths;
}
