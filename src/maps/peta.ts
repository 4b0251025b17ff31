/**
 * Choropleth maps as SVG strings, the same code at build time (Node) and in the browser: d3-geo
 * projects TopoJSON (topojson-client) into one <path> per area. Missing, suppressed and
 * too-few-measured areas get their own patterned classes (readable in greyscale print), never a
 * colour of the value scale. Areas with a profile page are links (click or Enter drills down);
 * the others are focusable. Hover/focus fills the panel (src/scripts/peta.ts) from data-info.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { escapeHtml, textHtml, type Lang } from '../lib/i18n.ts';
import { kelasNilai, labelKelas, type Skala } from './skala.ts';
export { kelasNilai, labelKelas, skalaKuantil, skalaWho, type Skala } from './skala.ts';
import { tk } from './teks.ts';
import { rateHidden } from '../lib/domain/suppression.ts';

export type KelasKhusus = 'tanpa_laporan' | 'ditekan' | 'terlalu_sedikit';
export const KELAS_KHUSUS: readonly KelasKhusus[] = ['tanpa_laporan', 'ditekan', 'terlalu_sedikit'];

export interface PetaArea {
  kode: string;
  nama: string;
  /** The value coloured (%), or null with `khusus` saying why. */
  nilai: number | null;
  khusus?: KelasKhusus;
  /** Profile page to drill down to; null: focusable, no link. */
  href?: string | null;
  /** Priority (lokus) village: outlined. */
  lokus?: boolean;
  /** Lines of the hover/focus panel (value with numerator/denominator, coverage, period, source). */
  info: string[];
}

/**
 * Which class a routine figure falls in: a value, or why there is none ("hidden" only when
 * rateHidden says so: a row marked for another count, stunted / measured published, had too few measured).
 */
export function kelasRutin(r: { prevalensi: number | null; ditekan: boolean; diukur: number | null; stunting?: number | null } | undefined): KelasKhusus | null {
  if (!r) return 'tanpa_laporan';
  if (r.prevalensi !== null) return null;
  if (rateHidden(r.prevalensi, r.ditekan, [r.stunting, r.diukur])) return 'ditekan';
  if (r.diukur === null && (r.stunting ?? null) === null) return 'tanpa_laporan';
  return 'terlalu_sedikit';
}

/** Fill of the special classes: patterns (see defs) so none of them reads as a low value. */
const POLA: Record<KelasKhusus, { id: string; svg: string }> = {
  tanpa_laporan: { id: 'tl', svg: '<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="0.9" fill="#8a8a8a"/>' },
  ditekan: { id: 'dt', svg: '<rect width="6" height="6" fill="#fff"/><path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#444" stroke-width="1.1"/>' },
  terlalu_sedikit: { id: 'ts', svg: '<rect width="6" height="6" fill="#e6e6e6"/><path d="M0,3 h6 M3,0 v6" stroke="#777" stroke-width="0.8"/>' },
};

export function polaDefs(uid: string): string {
  return `<defs>${KELAS_KHUSUS.map((k) => `<pattern id="${uid}-${POLA[k].id}" width="6" height="6" patternUnits="userSpaceOnUse">${POLA[k].svg}</pattern>`).join('')}</defs>`;
}

export function isiKelas(uid: string, k: KelasKhusus): string {
  return `url(#${uid}-${POLA[k].id})`;
}

export interface PetaOptions {
  lang: Lang;
  topology: Topology;
  /** Object in the topology (default: its only one). */
  object?: string;
  areas: readonly PetaArea[];
  skala: Skala;
  width: number;
  /** Accessible name of the map. */
  label: string;
  /** Unique prefix for pattern ids (several maps on one page). */
  uid: string;
  /** Only the areas under this code (a district's villages inside its regency's file). */
  prefix?: string;
  /** Draw borders between groups (code prefix length: 8 = districts) over the areas. */
  garisKelompok?: number;
  /** Locator: this area is highlighted, the others are drawn as context without values. */
  sorot?: string;
  /** Largest height in px (default 1.1 × width). */
  maxHeight?: number;
  /** Extra layer drawn as a separate group (e.g. districts merged from villages), hidden until chosen. */
  lapisan?: { nama: string; prefix: number; areas: readonly PetaArea[]; label: string };
}

type Geo = Feature<Geometry, Record<string, unknown>>;

function features(topo: Topology, name: string, filter?: (k: string) => boolean): Geo[] {
  const fc = feature(topo, topo.objects[name]!) as unknown as FeatureCollection<Geometry>;
  return (fc.features as Geo[]).filter((f) => !filter || filter(String(f.id)));
}

const fmt = (n: number) => Math.round(n * 10) / 10;

interface Geometri {
  ids: string[];
  ds: (string | null)[];
  height: number;
  garis: string;
  lapisan: { kode: string; d: string | null }[];
}

/**
 * Projected paths per topology and layout: a redraw for another period or class only changes
 * fills, classes and texts, so the geometry is computed once per boundary file and width.
 */
const geometriCache = new WeakMap<Topology, Map<string, Geometri>>();

function geometri(o: PetaOptions, name: string): Geometri {
  const key = [name, o.width, o.maxHeight ?? '', o.prefix ?? '', o.garisKelompok ?? '', o.lapisan?.prefix ?? ''].join('|');
  let byKey = geometriCache.get(o.topology);
  if (!byKey) geometriCache.set(o.topology, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const inside = (k: string) => !o.prefix || k.startsWith(`${o.prefix}.`);
  const geos = features(o.topology, name, inside);
  const fc: FeatureCollection = { type: 'FeatureCollection', features: geos };
  const pad = 4;
  // As wide as given; a tall area (a city, a district) is capped in height so it fits a screen.
  const maxHeight = o.maxHeight ?? Math.round(o.width * 1.1);
  const projection = geoMercator().fitWidth(o.width - 2 * pad, fc as GeoPermissibleObjects);
  const path = geoPath(projection).digits(1);
  let [[, y0], [, y1]] = path.bounds(fc as GeoPermissibleObjects);
  if (y1 - y0 > maxHeight - 2 * pad) {
    projection.fitExtent([[pad, pad], [o.width - pad, maxHeight - pad]], fc as GeoPermissibleObjects);
    [[, y0], [, y1]] = path.bounds(fc as GeoPermissibleObjects);
  } else {
    projection.translate([projection.translate()[0] + pad, projection.translate()[1] - y0 + pad]);
    y1 = y1 - y0 + pad;
    y0 = pad;
  }
  const obj = o.topology.objects[name] as GeometryCollection;
  let garis = '';
  if (o.garisKelompok) {
    const n = o.garisKelompok;
    const m = mesh(o.topology, obj, (a, b) => inside(String(a.id)) && inside(String(b.id)) && String(a.id).slice(0, n) !== String(b.id).slice(0, n));
    garis = path(m as MultiLineString) ?? '';
  }
  const lapisan: Geometri['lapisan'] = [];
  if (o.lapisan) {
    const groups = new Map<string, GeometryObject[]>();
    for (const g of obj.geometries) {
      if (!inside(String(g.id))) continue;
      const k = String(g.id).slice(0, o.lapisan.prefix);
      groups.set(k, [...(groups.get(k) ?? []), g]);
    }
    for (const [k, gs] of groups) lapisan.push({ kode: k, d: path(merge(o.topology, gs as never) as never) });
  }
  const g: Geometri = { ids: geos.map((f) => String(f.id)), ds: geos.map((f) => path(f)), height: Math.ceil(y1 + pad), garis, lapisan };
  byKey.set(key, g);
  return g;
}

/** One map: an inline <svg> with a <path> per area, pattern defs, optional group borders and lokus outlines. */
export function petaSvg(o: PetaOptions): string {
  const name = o.object ?? Object.keys(o.topology.objects)[0]!;
  const geo = geometri(o, name);
  const height = geo.height;
  const byKode = new Map(o.areas.map((a) => [a.kode, a]));

  const areaPath = (kode: string, d: string | null, a: PetaArea | undefined, layer: string) => {
    if (!d) return '';
    if (o.sorot && kode !== o.sorot) return `<path class="konteks" d="${d}" fill="#f0f0f0" stroke="#bbb" stroke-width="0.5"/>`;
    const nama = a?.nama ?? kode;
    let fill: string;
    let cls = 'area';
    if (o.sorot) {
      fill = kode === o.sorot ? '#d7301f' : '#f0f0f0';
      if (kode === o.sorot) cls += ' sorot';
    } else if (!a || a.nilai === null) {
      const k = a?.khusus ?? 'tanpa_laporan';
      fill = isiKelas(o.uid, k);
      cls += ` k-${k}`;
    } else {
      const i = kelasNilai(o.skala, a.nilai);
      fill = o.skala.warna[i]!;
      cls += ` k-${i}`;
    }
    const info = a?.info ?? [tk(o.lang, 'tanpa_laporan')];
    const aria = `${nama}: ${info[0] ?? ''}`;
    const attrs = `class="${cls}" d="${d}" fill="${fill}" data-kode="${escapeHtml(kode)}" data-nama="${escapeHtml(nama)}" data-info="${escapeHtml(info.join('\n'))}"${a?.nilai != null ? ` data-nilai="${fmt(a.nilai)}"` : ''} data-lapisan="${layer}"`;
    if (a?.href) return `<a href="${escapeHtml(a.href)}" aria-label="${escapeHtml(aria)}"><path ${attrs}/></a>`;
    return `<path ${attrs} tabindex="0" role="img" aria-label="${escapeHtml(aria)}"/>`;
  };

  const main = geo.ids.map((k, i) => areaPath(k, geo.ds[i]!, byKode.get(k), 'utama')).join('');
  const garis = o.garisKelompok ? `<path class="garis-kelompok" d="${geo.garis}" fill="none" stroke="#222" stroke-width="1.4" pointer-events="none"/>` : '';
  const lokus = o.sorot ? '' : geo.ids.map((k, i) => (byKode.get(k)?.lokus ? geo.ds[i] : null)).filter(Boolean).join('');
  let lapisan = '';
  if (o.lapisan) {
    const l = o.lapisan;
    const byK = new Map(l.areas.map((a) => [a.kode, a]));
    lapisan = `<g class="lapisan" data-lapisan-nama="${l.nama}" display="none" aria-label="${escapeHtml(l.label)}" role="group">${geo.lapisan.map((x) => areaPath(x.kode, x.d, byK.get(x.kode), l.nama)).join('')}</g>`;
  }
  return `<svg class="peta-svg" viewBox="0 0 ${o.width} ${height}" width="${o.width}" height="${height}" role="group" aria-label="${escapeHtml(o.label)}" data-uid="${o.uid}">${polaDefs(o.uid)}<g class="lapisan" data-lapisan-nama="utama" role="group">${main}${garis}${lokus ? `<path class="lokus" d="${lokus}" fill="none" stroke="#000" stroke-width="2" stroke-dasharray="3 1.5" pointer-events="none"/>` : ''}</g>${lapisan}</svg>`;
}

export interface LegendaOptions {
  lang: Lang;
  skala: Skala;
  uid: string;
  judul: string;
  /** Which special classes occur (all are listed when omitted). */
  khusus?: readonly KelasKhusus[];
  lokus?: boolean;
  garisKelompok?: boolean;
  unit?: string;
}

/** HTML legend: the value classes, then each special class with its own swatch and label. */
export function legendaHtml(o: LegendaOptions): string {
  const sw = (fill: string, extra = '') => `<svg width="22" height="14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="21" height="13" fill="${fill}" stroke="#777"${extra}/></svg>`;
  const items = o.skala.warna.map((w, i) => `<li data-kelas="${i}">${sw(w)}<span>${escapeHtml(labelKelas(o.lang, o.skala, i, o.unit))}</span></li>`);
  for (const k of o.khusus ?? KELAS_KHUSUS) {
    // The patterns are defined once, in the map's own SVG (same document).
    items.push(`<li data-kelas="${k}">${sw(isiKelas(o.uid, k))}<span>${escapeHtml(tk(o.lang, k))}</span></li>`);
  }
  if (o.lokus) items.push(`<li data-kelas="lokus">${sw('none', ' stroke="#000" stroke-width="2" stroke-dasharray="3 1.5"')}<span>${textHtml(o.lang, tk(o.lang, 'lokus'))}</span></li>`);
  if (o.garisKelompok) items.push(`<li data-kelas="kecamatan"><svg width="22" height="14" aria-hidden="true"><path d="M1,7 H21" stroke="#222" stroke-width="1.6"/></svg><span>${escapeHtml(tk(o.lang, 'kecamatan'))}</span></li>`);
  return `<div class="peta-legenda"><p class="peta-legenda-judul">${escapeHtml(o.judul)}</p><ul data-skala="${o.skala.jenis}">${items.join('')}</ul></div>`;
}

export interface LokatorOptions {
  lang: Lang;
  /** The regency's village file: its districts (merged from the villages) are the context. */
  desa: Topology;
  kode: string;
  nama: string;
  width: number;
  label: string;
}

/** The regency context of locators, per village file and width: every village of a regency shares it. */
const lokatorKonteks = new WeakMap<Topology, Map<number, { features: Geo[]; ds: string[]; path: ReturnType<typeof geoPath>; height: number }>>();

function konteksLokator(desa: Topology, width: number) {
  let byWidth = lokatorKonteks.get(desa);
  if (!byWidth) lokatorKonteks.set(desa, (byWidth = new Map()));
  let hit = byWidth.get(width);
  if (hit) return hit;
  const name = Object.keys(desa.objects)[0]!;
  const groups = new Map<string, GeometryObject[]>();
  for (const g of (desa.objects[name] as GeometryCollection).geometries) {
    const k = String(g.id).slice(0, 8);
    groups.set(k, [...(groups.get(k) ?? []), g]);
  }
  const features = [...groups].map(([k, gs]) => ({ type: 'Feature', id: k, properties: {}, geometry: merge(desa, gs as never) }) as unknown as Geo);
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  const pad = 4;
  const projection = geoMercator().fitWidth(width - 2 * pad, fc as GeoPermissibleObjects);
  const path = geoPath(projection).digits(1);
  const maxHeight = Math.round(width * 1.1);
  let [[, y0], [, y1]] = path.bounds(fc as GeoPermissibleObjects);
  if (y1 - y0 > maxHeight - 2 * pad) {
    projection.fitExtent([[pad, pad], [width - pad, maxHeight - pad]], fc as GeoPermissibleObjects);
    [[, y0], [, y1]] = path.bounds(fc as GeoPermissibleObjects);
  } else {
    projection.translate([projection.translate()[0] + pad, projection.translate()[1] - y0 + pad]);
    y1 = y1 - y0 + pad;
  }
  hit = { features, ds: features.map((f) => path(f) ?? ''), path, height: Math.ceil(y1 + pad) };
  byWidth.set(width, hit);
  return hit;
}

/** Locator of a village: its regency's districts in grey (its own district outlined), the village in red. */
export function lokatorSvg(o: LokatorOptions): string {
  const kec = o.kode.slice(0, 8);
  const { features: konteks, ds, path, height } = konteksLokator(o.desa, o.width);
  const desa = features(o.desa, Object.keys(o.desa.objects)[0]!, (k) => k === o.kode)[0];
  const ctx = konteks.map((f, i) => `<path class="konteks${String(f.id) === kec ? ' konteks-induk' : ''}" d="${ds[i]}" fill="${String(f.id) === kec ? '#e0e0e0' : '#f3f3f3'}" stroke="${String(f.id) === kec ? '#222' : '#aaa'}" stroke-width="${String(f.id) === kec ? 1.4 : 0.6}"/>`);
  const self = desa ? `<path class="area sorot" d="${path(desa) ?? ''}" fill="#d7301f" data-kode="${escapeHtml(o.kode)}" data-nama="${escapeHtml(o.nama)}" tabindex="0" role="img" aria-label="${escapeHtml(o.nama)}"/>` : '';
  return `<svg class="peta-svg" viewBox="0 0 ${o.width} ${height}" width="${o.width}" height="${height}" role="group" aria-label="${escapeHtml(o.label)}">${ctx.join('')}${self}</svg>`;
}
