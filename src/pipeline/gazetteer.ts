import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { jenisOfCode } from '../lib/domain/wilayah.ts';
import type { Tingkat } from '../lib/schema.ts';

/**
 * The geographic reference: idn-area-data (Kemendagri codes; data under ODbL).
 * Areas of the chosen province (or of all Indonesia with `all`), with parent links.
 */
export interface Area {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  induk: string | null;
  jenis: string;
}

export interface Gazetteer {
  province: string; // '64' or 'all'
  areas: Map<string, Area>;
  children: Map<string | null, Area[]>;
  source: { package: string; version: string; license: string };
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

function readRows(file: string): Record<string, string>[] {
  const text = readFileSync(join(dataDir(), file), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export function loadGazetteer(province: string): Gazetteer {
  const inScope = (code: string) => province === 'all' || code === province || code.startsWith(`${province}.`);
  const areas = new Map<string, Area>();
  const add = (kode: string, nama: string, tingkat: Tingkat, induk: string | null) => {
    if (inScope(kode)) areas.set(kode, { kode, nama, tingkat, induk, jenis: jenisOfCode(kode) });
  };
  for (const r of readRows('provinces.csv')) add(r.code, titleCase(r.name), 'provinsi', null);
  for (const r of readRows('regencies.csv')) add(r.code, r.name, 'kabupaten_kota', r.province_code);
  for (const r of readRows('districts.csv')) add(r.code, r.name, 'kecamatan', r.regency_code);
  for (const r of readRows('villages.csv')) add(r.code, r.name, 'desa_kelurahan', r.district_code);
  if (areas.size === 0) throw new Error(`province ${province} is not in idn-area-data`);
  const children = new Map<string | null, Area[]>();
  for (const a of areas.values()) {
    const list = children.get(a.induk) ?? [];
    list.push(a);
    children.set(a.induk, list);
  }
  const pkg = JSON.parse(readFileSync(join(dataDir(), '..', 'package.json'), 'utf8')) as { version: string };
  return { province, areas, children, source: { package: 'idn-area-data', version: pkg.version, license: 'ODbL-1.0 (data), MIT (code)' } };
}

/** Province names come in capitals in some releases: "KALIMANTAN TIMUR" -> "Kalimantan Timur". */
function titleCase(s: string): string {
  return s === s.toUpperCase() ? s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : s;
}
