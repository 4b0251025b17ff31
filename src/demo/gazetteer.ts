import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The idn-area-data gazetteer (Kemendagri codes and names) as the generators need it: arrays
 * with parent links, loaded once. The build step has its own loader; this one is only for
 * making data.
 */

export interface Province {
  code: string; // "64"
  name: string; // "Kalimantan Timur"
}

export interface Regency {
  code: string; // "64.08"
  name: string; // "Kabupaten Kutai Timur"
  province: Province;
  isKota: boolean;
}

export interface District {
  code: string; // "64.08.04"
  name: string;
  regency: Regency;
}

export interface Village {
  code: string; // "64.08.04.1010"
  name: string;
  district: District;
  isKelurahan: boolean;
}

export interface Areas {
  provinces: Province[];
  regencies: Regency[];
  districts: District[];
  villages: Village[];
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Rows of a small, well-formed CSV file (quoted fields with doubled quotes allowed). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

function table(file: string): string[][] {
  return parseCsv(readFileSync(join(dataDir(), file), 'utf8')).slice(1).filter((r) => r.length > 1);
}

const titleCase = (s: string) => (s === s.toUpperCase() ? s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : s);

let cache: Areas | null = null;

/** Every area of Indonesia, in code order. */
export function loadAreas(): Areas {
  if (cache) return cache;
  const provinces: Province[] = table('provinces.csv').map(([code, name]) => ({ code, name: titleCase(name) }));
  const pMap = new Map(provinces.map((p) => [p.code, p]));
  const regencies: Regency[] = table('regencies.csv').map(([code, pcode, name]) => ({
    code,
    name,
    province: pMap.get(pcode)!,
    isKota: Number(code.split('.')[1]) >= 71,
  }));
  const rMap = new Map(regencies.map((r) => [r.code, r]));
  const districts: District[] = table('districts.csv').map(([code, rcode, name]) => ({ code, name, regency: rMap.get(rcode)! }));
  const dMap = new Map(districts.map((d) => [d.code, d]));
  const villages: Village[] = table('villages.csv').map(([code, dcode, name]) => ({
    code,
    name,
    district: dMap.get(dcode)!,
    isKelurahan: code.split('.')[3].startsWith('1'),
  }));
  for (const list of [provinces, regencies, districts, villages] as { code: string }[][]) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  cache = { provinces, regencies, districts, villages };
  return cache;
}

/** The areas of one province ("64" = Kalimantan Timur). */
export function provinceAreas(code: string): Areas {
  const all = loadAreas();
  const inside = (c: string) => c === code || c.startsWith(`${code}.`);
  return {
    provinces: all.provinces.filter((p) => p.code === code),
    regencies: all.regencies.filter((r) => inside(r.code)),
    districts: all.districts.filter((d) => inside(d.code)),
    villages: all.villages.filter((v) => inside(v.code)),
  };
}

/** "Kabupaten Kutai Timur" -> "Kutai Timur"; "Kota Bontang" -> "Bontang". */
export function bareRegencyName(r: Regency): string {
  return r.name.replace(/^(Kabupaten|Kota)\s+/i, '');
}
