import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataManifest } from '../../src/lib/db/manifest.ts';
import { areaName, DEFAULT_PROVINCE, isProvince, provinceName, provinceOf } from '../../src/lib/province.ts';
import { loadGazetteer } from '../../src/pipeline/gazetteer.ts';

describe('province configuration', () => {
  it('names every province of idn-area-data in English', () => {
    const provinces = [...loadGazetteer('all').areas.values()].filter((a) => a.tingkat === 'provinsi');
    expect(provinces).toHaveLength(38);
    for (const a of provinces) {
      const p = provinceOf(a.kode, a.nama);
      expect(isProvince(p)).toBe(true);
      // Every name is looked up, none falls back to the Indonesian one by accident.
      if (!['Aceh', 'Riau', 'Jambi', 'Bengkulu', 'Lampung', 'Banten', 'Bali', 'Gorontalo', 'Maluku', 'Papua'].includes(a.nama)) expect(p.nama_en).not.toBe(a.nama);
    }
    expect(provinceOf('65', 'Kalimantan Utara')).toEqual({ kode: '65', nama: 'Kalimantan Utara', nama_en: 'North Kalimantan' });
    expect(provinceName(provinceOf('65', 'Kalimantan Utara'), 'id')).toBe('Kalimantan Utara');
    expect(provinceName(provinceOf('65', 'Kalimantan Utara'), 'en')).toBe('North Kalimantan');
  });

  it('the default is the gazetteer province of its code', () => {
    expect(loadGazetteer(DEFAULT_PROVINCE.kode).areas.get(DEFAULT_PROVINCE.kode)!.nama).toBe(DEFAULT_PROVINCE.nama);
    expect(provinceOf(DEFAULT_PROVINCE.kode, DEFAULT_PROVINCE.nama)).toEqual(DEFAULT_PROVINCE);
  });
});

describe('readDataManifest: province', () => {
  const dirs: string[] = [];
  const tmpDir = () => {
    const root = join(import.meta.dirname, '..', '..', 'tmp');
    mkdirSync(root, { recursive: true });
    return join(root, 'manifest-');
  };
  const manifestDir = (manifest: unknown) => {
    const dir = mkdtempSync(tmpDir());
    dirs.push(dir);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads the province the build step wrote', () => {
    const p = { kode: '65', nama: 'Kalimantan Utara', nama_en: 'North Kalimantan' };
    expect(readDataManifest(manifestDir({ demo: true, internal: false, province: p, parameters: { province: '65' } })).province).toEqual(p);
  });

  it('an older manifest of the default province still reads; of another province it asks for a rebuild', () => {
    expect(readDataManifest(manifestDir({ demo: true, internal: false, parameters: { province: DEFAULT_PROVINCE.kode } })).province).toEqual(DEFAULT_PROVINCE);
    expect(() => readDataManifest(manifestDir({ demo: true, internal: false, parameters: { province: '65' } }))).toThrow(/no "province".*npm run data/);
    expect(() => readDataManifest(manifestDir({ demo: true, internal: false, province: { kode: '65' } }))).toThrow(/"province" must be/);
  });

  it('without a manifest the site is labelled as sample data of the default province', () => {
    const dir = mkdtempSync(tmpDir());
    dirs.push(dir);
    expect(readDataManifest(dir)).toMatchObject({ missing: true, demo: true, province: DEFAULT_PROVINCE });
  });
});

describe('area names by language', () => {
  it('the province by its English name on English pages; other areas as the gazetteer spells them', () => {
    const p = provinceOf('64', 'Kalimantan Timur');
    expect(areaName(p, 'en', { kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur' })).toBe('East Kalimantan');
    expect(areaName(p, 'id', { kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur' })).toBe('Kalimantan Timur');
    expect(areaName(p, 'en', { kode_wilayah: '64.08', nama_wilayah: 'Kutai Timur' })).toBe('Kutai Timur');
  });
});
