/** Explorer queries against hand-made rows: filters, search, sort, missing values, compare. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandingSql, jelajahSql, parseJelajahFilter, type BandingRow, type JelajahRow } from '../../src/lib/queries/jelajah.ts';
import { testDb, type TestDb } from './helpers.ts';

let db: TestDb;
const w = (kode_wilayah: string, nama_wilayah: string, tingkat: string, kode_induk: string | null, jenis: string) => ({ kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis });
const g = (kode_wilayah: string, tingkat: string, periode: string, diukur: number | null, stunting: number | null, prevalensi: number | null) => ({
  kode_wilayah, tingkat, periode, jumlah_sasaran_balita: 100, jumlah_balita_diukur: diukur, jumlah_balita_pendek: stunting, jumlah_balita_sangat_pendek: 0,
  jumlah_balita_stunting: stunting, prevalensi_stunting: prevalensi, cakupan_pengukuran: diukur, ditekan: prevalensi === null,
});

beforeAll(async () => {
  db = await testDb({
    wilayah: [
      w('64', 'KALIMANTAN TIMUR', 'provinsi', null, 'Provinsi'),
      w('64.01', 'PASER', 'kabupaten_kota', '64', 'Kabupaten'),
      w('64.02', "KUTAI BARAT", 'kabupaten_kota', '64', 'Kabupaten'),
      w('64.72', 'SAMARINDA', 'kabupaten_kota', '64', 'Kota'),
      w('64.01.01', 'BATU SOPANG', 'kecamatan', '64.01', 'Kecamatan'),
      w('64.02.01', 'BARONG TONGKOK', 'kecamatan', '64.02', 'Kecamatan'),
    ],
    gizi_balita: [
      g('64.01', 'kabupaten_kota', '2024-02', 80, 20, 25),
      g('64.02', 'kabupaten_kota', '2024-02', 90, 9, 10),
      // 64.72 has no row in 2024-02: it must appear with missing numbers, never 0
      g('64.72', 'kabupaten_kota', '2024-08', 50, 15, 30),
      g('64.01', 'kabupaten_kota', '2024-08', 70, 14, 20),
      g('64.01.01', 'kecamatan', '2024-02', 10, 3, null),
    ],
  });
});
afterAll(() => db?.close());

describe('jelajahSql', () => {
  it('lists every area of the level, missing rows as null', async () => {
    const rows = await db.query<JelajahRow>(jelajahSql({ tingkat: 'kabupaten_kota', periode: '2024-02' }));
    expect(rows.map((r) => r.kode_wilayah)).toEqual(['64.01', '64.02', '64.72']);
    expect(rows[2]).toMatchObject({ nama_wilayah: 'SAMARINDA', nama_induk: 'KALIMANTAN TIMUR', diukur: null, prevalensi: null });
    expect(rows[0]).toMatchObject({ diukur: 80, stunting: 20, prevalensi: 25 });
  });
  it('numeric conditions: prevalensi > 20 keeps only areas above, missing never passes', async () => {
    const f = parseJelajahFilter('prevalensi.gt.20')!;
    const rows = await db.query<JelajahRow>(jelajahSql({ tingkat: 'kabupaten_kota', periode: '2024-02', filter: [f] }));
    expect(rows.map((r) => r.kode_wilayah)).toEqual(['64.01']);
    const le = await db.query<JelajahRow>(jelajahSql({ tingkat: 'kabupaten_kota', periode: '2024-02', filter: [parseJelajahFilter('prevalensi.le.20')!] }));
    expect(le.map((r) => r.kode_wilayah)).toEqual(['64.02']);
  });
  it('search by part of the name, case-insensitive, and quotes are harmless', async () => {
    expect((await db.query<JelajahRow>(jelajahSql({ tingkat: 'kabupaten_kota', periode: '2024-02', cari: 'kutai' }))).map((r) => r.kode_wilayah)).toEqual(['64.02']);
    expect(await db.query(jelajahSql({ tingkat: 'kabupaten_kota', periode: '2024-02', cari: "x' OR 1=1 --" }))).toEqual([]);
  });
  it('sorts descending with missing values last; under a parent', async () => {
    const rows = await db.query<JelajahRow>(jelajahSql({ tingkat: 'kabupaten_kota', periode: '2024-02', urut: { kolom: 'prevalensi', turun: true } }));
    expect(rows.map((r) => r.kode_wilayah)).toEqual(['64.01', '64.02', '64.72']);
    const kec = await db.query<JelajahRow>(jelajahSql({ tingkat: 'kecamatan', periode: '2024-02', induk: '64.02' }));
    expect(kec.map((r) => r.nama_wilayah)).toEqual(['BARONG TONGKOK']);
  });
  it('refuses what is not on the lists', () => {
    expect(parseJelajahFilter('prevalensi.gt.abc')).toBeUndefined();
    expect(parseJelajahFilter('nama_wilayah.gt.1')).toBeUndefined();
    expect(() => jelajahSql({ tingkat: 'x' as never, periode: '2024-02' })).toThrow(/tingkat/);
    expect(() => jelajahSql({ tingkat: 'kecamatan', periode: '2024-02', urut: { kolom: '1; DROP' as never, turun: false } })).toThrow(/urut/);
    expect(() => jelajahSql({ tingkat: 'kecamatan', periode: '2024-02', filter: [{ kolom: 'diukur', op: 'gt', nilai: Number.NaN }] })).toThrow(/nilai/);
  });
});

describe('bandingSql', () => {
  it('series of two areas side by side', async () => {
    const rows = await db.query<BandingRow>(bandingSql({ kode: ['64.01', '64.72'] }));
    expect(rows.map((r) => `${r.kode_wilayah} ${r.periode} ${r.prevalensi}`)).toEqual(['64.01 2024-02 25', '64.01 2024-08 20', '64.72 2024-08 30']);
  });
  it('one to four areas only', () => {
    expect(() => bandingSql({ kode: [] })).toThrow();
    expect(() => bandingSql({ kode: ['64.01', '64.02', '64.03', '64.04', '64.05'] })).toThrow();
  });
});
