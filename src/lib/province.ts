/**
 * The province a build is about: the one configuration of the site that differs between provinces.
 * The build step writes it into manifest.json (code and Indonesian name from idn-area-data, English
 * name from the table below); the site reads it from there once (src/lib/db/manifest.ts) and hands
 * it to pages, queries and strings. Nothing else in src/ names a province.
 */
import type { Lang } from './i18n.ts';

export interface Province {
  /** Two-digit Kemendagri code ("64"); "ID" for a national build. */
  kode: string;
  /** Indonesian name as in idn-area-data ("Kalimantan Timur"). */
  nama: string;
  /** English name ("East Kalimantan"). */
  nama_en: string;
}

/** The province of `npm run data` without --province, and of a site built before any data. */
export const DEFAULT_PROVINCE: Province = { kode: '64', nama: 'Kalimantan Timur', nama_en: 'East Kalimantan' };

/** English names of the 38 provinces (Kemendagri codes); a code not listed keeps its Indonesian name. */
const ENGLISH_NAMES: Record<string, string> = {
  '11': 'Aceh',
  '12': 'North Sumatra',
  '13': 'West Sumatra',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'South Sumatra',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Bangka Belitung Islands',
  '21': 'Riau Islands',
  '31': 'Jakarta',
  '32': 'West Java',
  '33': 'Central Java',
  '34': 'Special Region of Yogyakarta',
  '35': 'East Java',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'West Nusa Tenggara',
  '53': 'East Nusa Tenggara',
  '61': 'West Kalimantan',
  '62': 'Central Kalimantan',
  '63': 'South Kalimantan',
  '64': 'East Kalimantan',
  '65': 'North Kalimantan',
  '71': 'North Sulawesi',
  '72': 'Central Sulawesi',
  '73': 'South Sulawesi',
  '74': 'Southeast Sulawesi',
  '75': 'Gorontalo',
  '76': 'West Sulawesi',
  '81': 'Maluku',
  '82': 'North Maluku',
  '91': 'Papua',
  '92': 'West Papua',
  '93': 'South Papua',
  '94': 'Central Papua',
  '95': 'Highland Papua',
  '96': 'Southwest Papua',
};

/** Is this one of the 38 two-digit Kemendagri province codes? (A function, so browser bundles that do not call it leave the names out.) */
export function isProvinceCode(code: string): boolean {
  return Object.hasOwn(ENGLISH_NAMES, code);
}

/** The national scope of a build over all provinces (`--province all`). */
export const NATIONAL: Province = { kode: 'ID', nama: 'Indonesia', nama_en: 'Indonesia' };

/** A province from its code and Indonesian name (as the gazetteer spells it). */
export function provinceOf(kode: string, nama: string): Province {
  return { kode, nama, nama_en: ENGLISH_NAMES[kode] ?? nama };
}

/** The name to show in a language. */
export function provinceName(p: Province, lang: Lang): string {
  return lang === 'en' ? p.nama_en : p.nama;
}

/** An area's name in a language: the province's own English name on English pages, any other area as the gazetteer spells it. */
export function areaName(p: Province, lang: Lang, w: { kode_wilayah: string; nama_wilayah: string }): string {
  return w.kode_wilayah === p.kode ? provinceName(p, lang) : w.nama_wilayah;
}

/** True for a well-formed province record (as read from a manifest). */
export function isProvince(value: unknown): value is Province {
  const p = value as Partial<Province> | null;
  return !!p && typeof p.kode === 'string' && /^(\d{2}|ID)$/.test(p.kode) && typeof p.nama === 'string' && p.nama !== '' && typeof p.nama_en === 'string' && p.nama_en !== '';
}
