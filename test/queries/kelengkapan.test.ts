/**
 * The completeness rule (src/lib/domain/kelengkapan.ts): the SQL expression and the TypeScript
 * predicate agree at every boundary; the queries mark months with it, measure "change since" from
 * the last complete month, and never give routine figures a gap to the survey target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PERSEN_DESA_MELAPOR, MIN_PERSEN_DIUKUR, kelengkapanSql, periodeLengkap, type KelengkapanInput } from '../../src/lib/domain/kelengkapan.ts';
import { INDIKATOR_TARGET_RUTIN } from '../../src/lib/domain/target.ts';
import { perbandinganSql, periodeBawaan, periodeRutinSql, periodeSebelumnyaLengkap, trenSql, type PeriodeRutin } from '../../src/lib/queries/index.ts';
import { gizi, testDb, wil, type Row, type TestDb } from './helpers.ts';

const cases: (KelengkapanInput & { expected: boolean })[] = [
  // villages: exactly at the threshold is complete, one below is not
  { desa_melapor: MIN_PERSEN_DESA_MELAPOR, desa_total: 100, diukur: null, sasaran: null, expected: true },
  { desa_melapor: MIN_PERSEN_DESA_MELAPOR - 1, desa_total: 100, diukur: null, sasaran: null, expected: false },
  // children measured: exactly half of the target population is complete, just below is not
  { desa_melapor: 10, desa_total: 10, diukur: MIN_PERSEN_DIUKUR * 10, sasaran: 1000, expected: true },
  { desa_melapor: 10, desa_total: 10, diukur: MIN_PERSEN_DIUKUR * 10 - 1, sasaran: 1000, expected: false },
  // a hidden count cannot be checked: only the villages criterion applies
  { desa_melapor: 1, desa_total: 1, diukur: null, sasaran: 40, expected: true },
  // unknown target population: villages criterion only
  { desa_melapor: 9, desa_total: 10, diukur: 3, sasaran: null, expected: true },
  // no quality row, or an area without villages: never complete
  { desa_melapor: null, desa_total: null, diukur: 500, sasaran: 600, expected: false },
  { desa_melapor: 0, desa_total: 0, diukur: null, sasaran: null, expected: false },
  // one city of ten regencies (59 of 1,038 villages), as in the demo's November 2023
  { desa_melapor: 59, desa_total: 1038, diukur: 2572, sasaran: 32072, expected: false },
];

describe('periodeLengkap and kelengkapanSql', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await testDb({});
  });
  afterAll(() => db.close());

  it.each(cases)('%o', async (c) => {
    expect(periodeLengkap(c)).toBe(c.expected);
    const v = (x: number | null | undefined) => (x === null || x === undefined ? 'NULL::BIGINT' : `${x}::BIGINT`);
    const sql = `SELECT ${kelengkapanSql({ desaMelapor: v(c.desa_melapor), desaTotal: v(c.desa_total), diukur: v(c.diukur), sasaran: v(c.sasaran) })} AS lengkap`;
    const [row] = await db.query<{ lengkap: boolean }>(sql);
    expect(row!.lengkap).toBe(c.expected);
  });
});

/** A province with two regencies; in 2023-11 only the city reported (one of two regencies). */
const wilayah: Row[] = [wil('64', 'Kalimantan Timur', 'Provinsi'), wil('64.08', 'Kutai Timur', 'Kabupaten'), wil('64.72', 'Samarinda', 'Kota')];
const q = (kode: string, periode: string, melapor: number, total: number): Row => {
  const tingkat = ['provinsi', 'kabupaten_kota'][kode.split('.').length - 1];
  return { kode_wilayah: kode, tingkat, periode, baris_dibaca: 0, desa_melapor: melapor, desa_total: total };
};
const giziRows: Row[] = [
  gizi('64', '2023-08', 2000, 300, 2500), gizi('64.08', '2023-08', 1200, 200, 1500), gizi('64.72', '2023-08', 800, 100, 1000),
  gizi('64', '2023-11', 700, 70, 2500), gizi('64.72', '2023-11', 700, 70, 1000),
  gizi('64', '2024-02', 2100, 280, 2500), gizi('64.08', '2024-02', 1250, 190, 1500), gizi('64.72', '2024-02', 850, 90, 1000),
];
const kualitas: Row[] = [
  q('64', '2023-08', 200, 200), q('64.08', '2023-08', 140, 140), q('64.72', '2023-08', 60, 60),
  q('64', '2023-11', 60, 200), q('64.08', '2023-11', 0, 140), q('64.72', '2023-11', 60, 60),
  q('64', '2024-02', 200, 200), q('64.08', '2024-02', 140, 140), q('64.72', '2024-02', 60, 60),
];

describe('queries with the completeness rule', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await testDb({
      wilayah,
      gizi_balita: giziRows,
      kualitas_data: kualitas,
      target: [{ kode_wilayah: 'ID', tahun: 2024, indikator: 'prevalensi_stunting', target: 14, dasar_hukum: 'Perpres 72/2021', catatan: null }],
    });
  });
  afterAll(() => db.close());

  it('marks a month complete per area, from that month only', async () => {
    const prov = await db.query<PeriodeRutin>(periodeRutinSql());
    expect(prov.map((r) => [r.periode, r.lengkap])).toEqual([['2023-08', true], ['2023-11', false], ['2024-02', true]]);
    // the same month is complete for the city that reported
    const city = await db.query<PeriodeRutin>(periodeRutinSql({ kode: '64.72' }));
    expect(city.map((r) => r.lengkap)).toEqual([true, true, true]);
    // a later month does not change an earlier one: the rule on the first two months alone
    const db2 = await testDb({ wilayah, gizi_balita: giziRows.filter((r) => r.periode !== '2024-02'), kualitas_data: kualitas.filter((r) => r.periode !== '2024-02') });
    const early = await db2.query<PeriodeRutin>(periodeRutinSql());
    db2.close();
    expect(early).toEqual(prov.slice(0, 2));
  });

  it('defaults to the latest complete month and compares with the last complete one', async () => {
    const rows = await db.query<PeriodeRutin>(periodeRutinSql());
    expect(periodeBawaan(rows)).toBe('2024-02');
    expect(periodeBawaan([...rows, { periode: '2024-06', diukur: 5, cakupan: 1, lengkap: false }])).toBe('2024-02');
    // 2023-11 (one city) is skipped: change in February 2024 is measured from August 2023
    expect(periodeSebelumnyaLengkap(rows, '2024-02')).toBe('2023-08');
    expect(periodeSebelumnyaLengkap(rows, '2023-08')).toBeUndefined();
  });

  it('gives a change only where both months are complete for the area, and no gap to the survey target', async () => {
    const rows = await db.query<{ kode_wilayah: string; lengkap: boolean; lengkap_sebelumnya: boolean; perubahan: number | null; target: number | null; selisih_target: number | null }>(
      perbandinganSql({ induk: '64', periode: '2023-11', periodeSebelumnya: '2023-08' }),
    );
    const kutim = rows.find((r) => r.kode_wilayah === '64.08')!;
    const smd = rows.find((r) => r.kode_wilayah === '64.72')!;
    expect(kutim.lengkap).toBe(false);
    expect(kutim.perubahan).toBeNull();
    expect(smd.lengkap).toBe(true);
    expect(smd.perubahan).toBeCloseTo(10 - 12.5, 6);
    // the only target row is the survey one: routine rows get none
    expect(rows.every((r) => r.target === null && r.selisih_target === null)).toBe(true);
  });

  it('gives the gap only against a target set for routine prevalence', async () => {
    const db2 = await testDb({
      wilayah, gizi_balita: giziRows, kualitas_data: kualitas,
      target: [{ kode_wilayah: 'ID', tahun: 2024, indikator: INDIKATOR_TARGET_RUTIN, target: 10, dasar_hukum: 'contoh', catatan: null }],
    });
    const rows = await db2.query<{ kode_wilayah: string; selisih_target: number | null }>(perbandinganSql({ induk: '64', periode: '2024-02' }));
    db2.close();
    expect(rows.find((r) => r.kode_wilayah === '64.08')!.selisih_target).toBeCloseTo((100 * 190) / 1250 - 10, 6);
  });

  it('marks incomplete months in the trend', async () => {
    const rows = await db.query<{ periode: string; lengkap: boolean; desa_melapor: number }>(trenSql({ kode: '64' }));
    expect(rows.map((r) => [r.periode, r.lengkap, r.desa_melapor])).toEqual([['2023-08', true, 200], ['2023-11', false, 60], ['2024-02', true, 200]]);
  });
});
