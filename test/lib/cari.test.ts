/**
 * The area search: the index of the real Kalimantan Timur gazetteer (idn-area-data), typos, words
 * in another order, kind words optional, and the size of the index as published.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildIndex, cariWilayah, editDistance, normalise } from '../../src/lib/cari.ts';
import { loadGazetteer } from '../../src/pipeline/gazetteer.ts';

const gaz = loadGazetteer('64');
const index = buildIndex([...gaz.areas.values()].map((a) => ({ kode_wilayah: a.kode, nama_wilayah: a.nama })));
const first = (q: string) => cariWilayah(index, q)[0];

describe('cariWilayah', () => {
  it('indexes every area of the province and stays well under 100 KB gzipped', () => {
    expect(index.areas.length).toBe(gaz.areas.size);
    expect(index.areas.length).toBeGreaterThan(1100);
    const gz = gzipSync(JSON.stringify(index)).length;
    expect(gz).toBeLessThan(100_000);
  });

  it('finds regencies with or without their kind word, and with a typo', () => {
    expect(first('kutai timur')).toMatchObject({ kode: '64.08' });
    expect(first('Kabupaten Kutai Timur')).toMatchObject({ kode: '64.08' });
    expect(first('kutai timr')).toMatchObject({ kode: '64.08' });
    expect(first('kutia timur')).toMatchObject({ kode: '64.08' }); // swapped letters
    expect(first('bontang')).toMatchObject({ kode: '64.74' });
    expect(first('penajam paser utara')).toMatchObject({ kode: '64.09' });
    expect(first('ppenajam')?.nama).toMatch(/Penajam/);
  });

  it('finds districts and villages, with their parents for context', () => {
    const bengkal = cariWilayah(index, 'muara bengkal');
    expect(bengkal[0]).toMatchObject({ kode: '64.08.03', nama: 'Muara Bengkal' });
    expect(bengkal[0]!.induk).toEqual(['Kabupaten Kutai Timur', 'Kalimantan Timur']);
    const village = [...gaz.areas.values()].find((a) => a.tingkat === 'desa_kelurahan' && a.nama.length >= 9)!;
    const typo = village.nama.slice(0, 3) + village.nama[4] + village.nama[3] + village.nama.slice(5); // two letters swapped
    expect(cariWilayah(index, typo, 20).map((h) => h.kode)).toContain(village.kode);
    expect(cariWilayah(index, village.nama)[0]!.nama).toBe(village.nama);
  });

  it('needs every word, ignores accents and case, and gives nothing for noise', () => {
    expect(cariWilayah(index, 'zzzzqqq')).toEqual([]);
    expect(cariWilayah(index, 'k')).toEqual([]);
    expect(normalise('  Sangatta  Utara! ')).toBe('sangatta utara');
    expect(normalise('Désa')).toBe('desa');
    expect(cariWilayah(index, 'samarinda zzzz')).toEqual([]);
  });

  it('ranks higher levels first among equal matches', () => {
    const hits = cariWilayah(index, 'samarinda', 10);
    expect(hits[0]!.kode).toBe('64.72');
  });
});

describe('editDistance', () => {
  it('counts swaps, insertions, deletions and substitutions, capped', () => {
    expect(editDistance('timur', 'timur')).toBe(0);
    expect(editDistance('timr', 'timur')).toBe(1);
    expect(editDistance('tiumr', 'timur')).toBe(1);
    expect(editDistance('tamur', 'timur')).toBe(1);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});
