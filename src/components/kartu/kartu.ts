/**
 * Share cards of the profiles (build time): which areas get one (the province, regencies and
 * districts; a village shares its district's), where each lives (/og/<lang>/<kode>.png, outside
 * the language folders so the portable edition can leave them all out), what each says (from the
 * profile's own model: the same headline figure as the page) and the page head's Open Graph tags.
 */
import { rateHidden } from '../../lib/domain/suppression.ts';
import { kartuPng, kartuSvg, type KartuData } from '../../build/kartu.ts';
import { periodeLengkap } from '../../lib/domain/kelengkapan.ts';
import { readDataManifest } from '../../lib/db/manifest.ts';
import { formatPercent, formatPeriod, t, type Lang } from '../../lib/i18n.ts';
import { provinceName } from '../../lib/province.ts';
import { areasWithProfile } from '../halaman/paths.ts';
import { page as profil, type ProfilModel } from '../halaman/profil.ts';
import { loadModel } from '../halaman/ssr.ts';

/** Profile levels with a card of their own. */
export const KARTU_TINGKAT: readonly string[] = ['provinsi', 'kabupaten_kota', 'kecamatan'];

/** The area whose card a profile shows: its own, or for a village its district's. */
export function kartuKode(kode: string, tingkat: string | undefined): string {
  return tingkat === 'desa_kelurahan' ? kode.split('.').slice(0, 3).join('.') : kode;
}

/** Root-relative path of a card (base included). */
export function kartuPath(base: string, lang: Lang, kode: string): string {
  return `${base.replace(/\/?$/, '/')}og/${lang}/${kode}.png`;
}

export async function kartuPaths() {
  const areas = (await areasWithProfile()).filter((r) => KARTU_TINGKAT.includes(r.tingkat));
  return areas.map((r) => ({ params: { kode: r.kode_wilayah } }));
}

/** The card's data from the profile's model (the page's own headline figure). */
export function kartuData(lang: Lang, m: ProfilModel): KartuData {
  const manifest = readDataManifest();
  const self = m.chain.at(-1);
  const parent = m.chain.at(-2);
  const level = t(lang, `tingkat.${(self?.tingkat ?? 'provinsi') as 'provinsi'}`);
  const r = m.ringkasan;
  return {
    lang,
    site: t(lang, 'site.title', { provinsi: provinceName(manifest.province, lang) }),
    nama: self?.nama_wilayah ?? m.kode,
    konteks: `${level.charAt(0).toUpperCase()}${level.slice(1)} · ${parent?.nama_wilayah ?? 'Indonesia'}`,
    periode: m.periode,
    prevalensi: r?.prevalensi ?? null,
    stunting: r?.stunting ?? null,
    diukur: r?.diukur ?? null,
    ditekan: r?.ditekan ?? false,
    lengkap: !r || periodeLengkap(r),
    demo: manifest.demo,
    internal: manifest.internal,
  };
}

export async function kartuModel(kode: string): Promise<ProfilModel> {
  return loadModel(`wilayah-${kode}`, profil, { area: kode });
}

/** The PNG of an area's card (cached by content hash). */
export async function kartuResponse(lang: Lang, kode: string): Promise<Response> {
  const png = kartuPng(kartuSvg(kartuData(lang, await kartuModel(kode))));
  return new Response(Uint8Array.from(png), { headers: { 'Content-Type': 'image/png' } });
}

/** The alt text of a card: area, figure, period, source. */
export function kartuAlt(lang: Lang, d: KartuData): string {
  const angka = rateHidden(d.prevalensi, d.ditekan, [d.stunting, d.diukur]) ? t(lang, 'chart.suppressed') : formatPercent(lang, d.prevalensi);
  return t(lang, 'kartu.alt', { nama: d.nama, angka, periode: formatPeriod(lang, d.periode) });
}
