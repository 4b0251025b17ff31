import { loadGazetteer, type Area } from '../pipeline/gazetteer.ts';

/**
 * The idn-area-data gazetteer (Kemendagri codes and names) as the generators need it: arrays
 * with parent links, loaded once, from the build step's loader (one reader of idn-area-data).
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

let cache: Areas | null = null;

/** Every area of Indonesia, in code order, linked to its parents (from the build step's gazetteer loader). */
export function loadAreas(): Areas {
  if (cache) return cache;
  const all = [...loadGazetteer('all').areas.values()].sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
  const of = (t: Area['tingkat']) => all.filter((a) => a.tingkat === t);
  const provinces: Province[] = of('provinsi').map((a) => ({ code: a.kode, name: a.nama }));
  const pMap = new Map(provinces.map((p) => [p.code, p]));
  const regencies: Regency[] = of('kabupaten_kota').map((a) => ({ code: a.kode, name: a.nama, province: pMap.get(a.induk!)!, isKota: a.jenis === 'Kota' }));
  const rMap = new Map(regencies.map((r) => [r.code, r]));
  const districts: District[] = of('kecamatan').map((a) => ({ code: a.kode, name: a.nama, regency: rMap.get(a.induk!)! }));
  const dMap = new Map(districts.map((d) => [d.code, d]));
  const villages: Village[] = of('desa_kelurahan').map((a) => ({ code: a.kode, name: a.nama, district: dMap.get(a.induk!)!, isKelurahan: a.jenis === 'Kelurahan' }));
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
