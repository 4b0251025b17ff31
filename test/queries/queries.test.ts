import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desaPrioritasSql,
  duaAngkaSql,
  jangkauanSql,
  kualitasSql,
  lokusBandingSql,
  perbandinganSql,
  periodeRutinSql,
  periodeSebelumnya,
  periodeTerakhir,
  periodeTerakhirTahun,
  periodePasanganSurvei,
  programWilayahSql,
  rasio,
  ringkasanSql,
  surveiPeringkatSql,
  surveiSeriSql,
  tabelSql,
  targetSql,
  trenSql,
  wilayahIndukSql,
} from '../../src/lib/queries/index.ts';
import { TABLE_NAMES } from '../../src/lib/schema.ts';
import { gizi, testDb, wil, type Row, type TestDb } from './helpers.ts';

const surveiCsv = Papa.parse<Record<string, string>>(readFileSync('data/raw/survei/survei_stunting.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;

const wilayah: Row[] = [
  wil('64', 'Kalimantan Timur', 'Provinsi'),
  ...surveiCsv
    .filter((r) => /^64\.\d\d$/.test(r.kode_wilayah!))
    .filter((r, i, all) => all.findIndex((o) => o.kode_wilayah === r.kode_wilayah) === i)
    .map((r) => wil(r.kode_wilayah!, r.nama_wilayah!.replace(/^(Kabupaten|Kota) /, ''), r.nama_wilayah!.split(' ')[0])),
  wil('64.08.01', 'Muara Ancalong', 'Kecamatan'),
  wil('64.08.01.2001', 'Desa A', 'Desa'),
  wil('64.08.01.2002', 'Desa B', 'Desa'),
  wil('64.08.01.2003', 'Desa C', 'Desa'),
  wil('64.08.01.2004', 'Desa D', 'Desa'),
];

const survei: Row[] = surveiCsv.map((r) => ({
  kode_wilayah: r.kode_wilayah,
  tingkat: r.kode_wilayah === 'ID' ? 'nasional' : r.kode_wilayah === '64' ? 'provinsi' : 'kabupaten_kota',
  survei: r.survei,
  tahun: Number(r.tahun),
  prevalensi_stunting: r.prevalensi_stunting === '' ? null : Number(r.prevalensi_stunting),
  ci_bawah: null,
  ci_atas: null,
  sumber: r.sumber,
  catatan: r.catatan || null,
}));

const giziRows: Row[] = [
  gizi('64', '2024-02', 1000, 150, 1200),
  gizi('64', '2024-08', 1100, 143, 1200),
  gizi('64', '2023-08', 900, 160, 1200),
  gizi('64.08', '2024-02', 200, 40, 300),
  gizi('64.08', '2024-08', 250, 45, 300),
  gizi('64.72', '2024-08', 300, 30, 500),
  gizi('64.11', '2024-08', 15, 3, 60), // fewer than 20 measured: no prevalence
  // villages: A big with many stunted, B lokus, C suppressed, D none
  gizi('64.08.01.2001', '2024-08', 100, 30),
  gizi('64.08.01.2002', '2024-08', 20, 2),
  gizi('64.08.01.2003', '2024-08', null, null, null, true),
];

const target: Row[] = [
  { kode_wilayah: 'ID', tahun: 2024, indikator: 'prevalensi_stunting', target: 14, dasar_hukum: 'Perpres 72/2021', catatan: null },
  { kode_wilayah: 'ID', tahun: 2025, indikator: 'prevalensi_stunting', target: 18.8, dasar_hukum: 'RPJMN', catatan: null },
  { kode_wilayah: '64', tahun: 2024, indikator: 'prevalensi_stunting', target: 12.83, dasar_hukum: 'daerah', catatan: null },
];

const lokus: Row[] = [
  { kode_wilayah: '64.08.01.2002', tingkat: 'desa_kelurahan', tahun: 2024, sumber: 'SK Bupati' },
  { kode_wilayah: '64.08.01.2001', tingkat: 'desa_kelurahan', tahun: 2023, sumber: 'SK Bupati' },
];

let db: TestDb;
beforeAll(async () => {
  db = await testDb({
    wilayah,
    gizi_balita: giziRows,
    survei,
    target,
    lokus,
    kualitas_data: [
      { kode_wilayah: '64', tingkat: 'provinsi', periode: '2024-08', baris_dibaca: 1200, dikecualikan_tidak_masuk_akal: 3, dikecualikan_usia: 2, dikecualikan_duplikat_bulan: 5, dikecualikan_haz_kosong: 1, dikecualikan_wilayah_tidak_cocok: 0, desa_melapor: 900, desa_total: 1038 },
      // Kutai Timur complete in both months (the change is measured); Samarinda did not report in February
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2024-02', baris_dibaca: 220, desa_melapor: 130, desa_total: 141 },
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2024-08', baris_dibaca: 260, desa_melapor: 141, desa_total: 141 },
    ],
    program_ref: [
      { program: 'BAAS', nama_program: 'Bapak/Bunda Asuh', nama_program_en: 'Foster parents', satuan: 'anak', uraian: '', kode_indikator: null, target_nasional_2024: null },
      { program: 'CATIN', nama_program: 'Catin', nama_program_en: 'Brides', satuan: 'orang', uraian: '', kode_indikator: 'catin_periksa_kesehatan_pranikah', target_nasional_2024: 90 },
    ],
    program: [
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2024', program: 'BAAS', sasaran: 50, realisasi: 20, cakupan: 40, ditekan: false },
      { kode_wilayah: '64.72', tingkat: 'kabupaten_kota', periode: '2024', program: 'BAAS', sasaran: 40, realisasi: 10, cakupan: 25, ditekan: false },
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2024-S1', program: 'CATIN', sasaran: 100, realisasi: 85, cakupan: 85, ditekan: false },
    ],
  });
});
afterAll(() => db.close());

describe('sql helpers', () => {
  it('rejects codes and periods that are not of their form', () => {
    expect(() => ringkasanSql({ kode: "64'; DROP TABLE x; --", periode: '2024-08' })).toThrow(/invalid kode_wilayah/);
    expect(() => ringkasanSql({ kode: '64', periode: '2024-13' })).toThrow(/invalid periode/);
    expect(() => surveiPeringkatSql({ survei: 'DHS', tahun: 2023, induk: '64' })).toThrow(/invalid survei/);
  });

  it('a group rate is the sum of numerators over the sum of denominators, not a mean of rates', async () => {
    // 1/2 = 50% and 1/98 ≈ 1%: mean of rates 25.5%, pooled rate 2/100 = 2%.
    const [row] = await db.query<{ r: number }>(
      `SELECT ${rasio('n', 'd')} AS r FROM (VALUES (1, 2), (1, 98)) t(n, d)`,
    );
    expect(row!.r).toBeCloseTo(2, 10);
    const [small] = await db.query<{ r: number | null }>(`SELECT ${rasio('n', 'd', 20)} AS r FROM (VALUES (1, 5), (1, 9)) t(n, d)`);
    expect(small!.r).toBeNull();
  });

  it('period helpers pick the latest, the previous and the latest of a year', () => {
    const ps = ['2024-08', '2023-08', '2024-02', '2025-02'];
    expect(periodeTerakhir(ps)).toBe('2025-02');
    expect(periodeSebelumnya(ps, '2024-08')).toBe('2024-02');
    expect(periodeSebelumnya(ps, '2023-08')).toBeUndefined();
    expect(periodeTerakhirTahun(ps, 2024)).toBe('2024-08');
    expect(periodeTerakhirTahun(ps, 2021)).toBe('2025-02');
  });

  it('pairs a survey year with its latest well-covered month, not a month with few villages', () => {
    const rows = [
      { periode: '2023-02', cakupan: 80 },
      { periode: '2023-08', cakupan: 79 },
      { periode: '2023-11', cakupan: 8 },
      { periode: '2024-06', cakupan: 35 },
    ];
    expect(periodePasanganSurvei(rows, 2023)).toBe('2023-08');
    expect(periodePasanganSurvei(rows, 2024)).toBe('2024-06');
    expect(periodePasanganSurvei(rows, 2021)).toBe('2024-06');
  });
});

describe('routine queries', () => {
  it('lists the periods with province data in order', async () => {
    const rows = await db.query<{ periode: string }>(periodeRutinSql());
    expect(rows.map((r) => r.periode)).toEqual(['2023-08', '2024-02', '2024-08']);
  });

  it('headline figures of one area and month, with villages reporting', async () => {
    const [r] = await db.query<Record<string, unknown>>(ringkasanSql({ kode: '64', periode: '2024-08' }));
    expect(r).toMatchObject({ kode_wilayah: '64', diukur: 1100, stunting: 143, sasaran: 1200, desa_melapor: 900, desa_total: 1038, ditekan: false });
    expect(r!.prevalensi).toBeCloseTo(13, 6);
    expect(typeof r!.diukur).toBe('number');
  });

  it('an area without a row for the month keeps its name and NULL numbers', async () => {
    const [r] = await db.query<Record<string, unknown>>(ringkasanSql({ kode: '64.01', periode: '2024-08' }));
    expect(r).toMatchObject({ kode_wilayah: '64.01', nama_wilayah: 'Paser', diukur: null, prevalensi: null });
  });

  it('trend of one area is ordered by month', async () => {
    const rows = await db.query<{ periode: string }>(trenSql({ kode: '64' }));
    expect(rows.map((r) => r.periode)).toEqual(['2023-08', '2024-02', '2024-08']);
  });

  it('compares regencies with the previous complete period and lokus counts, with no gap to the survey target', async () => {
    const rows = await db.query<Record<string, any>>(perbandinganSql({ induk: '64', periode: '2024-08', periodeSebelumnya: '2024-02' }));
    expect(rows).toHaveLength(10);
    const kutim = rows.find((r) => r.kode_wilayah === '64.08')!;
    expect(kutim.prevalensi).toBeCloseTo(18, 6);
    expect(kutim.prevalensi_sebelumnya).toBeCloseTo(20, 6);
    expect(kutim.perubahan).toBeCloseTo(-2, 6);
    expect(kutim).toMatchObject({ lengkap: true, lengkap_sebelumnya: true, desa_melapor: 141, desa_total: 141 });
    // the 14 % target was set for the survey figure: routine rows get no target and no gap
    expect(kutim.target).toBeNull();
    expect(kutim.selisih_target).toBeNull();
    // no quality row for Samarinda: not complete, so no change is given
    expect(rows.find((r) => r.kode_wilayah === '64.72')).toMatchObject({ lengkap: false, perubahan: null });
    expect(kutim.jumlah_lokus).toBe(1); // only the 2024 designation counts for a 2024 period
    const mahulu = rows.find((r) => r.kode_wilayah === '64.11')!;
    expect(mahulu.diukur).toBe(15);
    expect(mahulu.prevalensi).toBeNull(); // fewer than 20 measured
    const paser = rows.find((r) => r.kode_wilayah === '64.01')!;
    expect(paser.stunting).toBeNull();
  });

  it('villages with most stunted children first, lokus flagged, suppressed last', async () => {
    const rows = await db.query<Record<string, any>>(desaPrioritasSql({ kode: '64.08', periode: '2024-08', limit: 10 }));
    expect(rows.map((r) => r.kode_wilayah)).toEqual(['64.08.01.2001', '64.08.01.2002', '64.08.01.2003', '64.08.01.2004']);
    expect(rows.map((r) => r.lokus)).toEqual([false, true, false, false]);
    expect(rows[2]).toMatchObject({ ditekan: true, stunting: null });
    expect(rows[0]).toMatchObject({ nama_kecamatan: 'Muara Ancalong' });
  });

  it('lokus against other villages pools counts and leaves suppressed villages out', async () => {
    const rows = await db.query<Record<string, any>>(lokusBandingSql({ kode: '64.08', periode: '2024-08' }));
    const lok = rows.find((r) => r.lokus)!;
    const other = rows.find((r) => !r.lokus)!;
    expect(lok).toMatchObject({ desa: 1, diukur: 20, stunting: 2 });
    expect(lok.prevalensi).toBeCloseTo(10, 6);
    expect(other).toMatchObject({ desa: 3, desa_ditekan: 1, desa_tanpa_data: 1, diukur: 100, stunting: 30 });
    expect(other.prevalensi).toBeCloseTo(30, 6);
  });

  it('data quality per month with the share of villages reporting', async () => {
    const [r] = await db.query<Record<string, any>>(kualitasSql({ kode: '64' }));
    expect(r!.persen_desa_melapor).toBeCloseTo((100 * 900) / 1038, 6);
  });
});

describe('survey queries (real figures)', () => {
  it('SKI 2023 ranks Kutai Timur, Bontang, Penajam Paser Utara as the top three', async () => {
    const rows = await db.query<Record<string, any>>(surveiPeringkatSql({ survei: 'SKI', tahun: 2023, induk: '64' }));
    expect(rows.slice(0, 3).map((r) => [r.nama_wilayah, r.prevalensi, r.peringkat])).toEqual([
      ['Kutai Timur', 29.0, 1],
      ['Bontang', 27.4, 2],
      ['Penajam Paser Utara', 24.6, 3],
    ]);
    // Mahakam Ulu has no SKI 2023 figure: kept, missing, unranked, last.
    expect(rows).toHaveLength(10);
    expect(rows.at(-1)).toMatchObject({ nama_wilayah: 'Mahakam Ulu', prevalensi: null, peringkat: null });
  });

  it('SSGI 2024 keeps Paser as missing and carries the conflicting-source notes', async () => {
    const rows = await db.query<Record<string, any>>(surveiPeringkatSql({ survei: 'SSGI', tahun: 2024, induk: '64' }));
    expect(rows[0]).toMatchObject({ nama_wilayah: 'Penajam Paser Utara', prevalensi: 32.0 });
    expect(rows.at(-1)).toMatchObject({ nama_wilayah: 'Paser', prevalensi: null });
    for (const kode of ['64.07', '64.08', '64.09']) {
      expect(rows.find((r) => r.kode_wilayah === kode)!.catatan).toMatch(/bertentangan|sanggahan/);
    }
  });

  it('survey series of the province and Indonesia', async () => {
    const rows = await db.query<Record<string, any>>(surveiSeriSql({ kode: ['64', 'ID'] }));
    expect(rows.filter((r) => r.kode_wilayah === '64').map((r) => [r.survei, r.tahun, r.prevalensi])).toEqual([
      ['SSGI', 2021, 22.8],
      ['SSGI', 2022, 23.9],
      ['SKI', 2023, 22.9],
      ['SSGI', 2024, 22.2],
    ]);
    expect(rows.find((r) => r.kode_wilayah === 'ID')!.nama_wilayah).toBe('Indonesia');
  });

  it('two numbers: survey and routine side by side per regency, province first, by code', async () => {
    const rows = await db.query<Record<string, any>>(duaAngkaSql({ survei: 'SKI', tahun: 2023, periode: '2024-08', induk: '64' }));
    expect(rows[0]!.kode_wilayah).toBe('64');
    expect(rows.slice(1).map((r) => r.kode_wilayah)).toEqual([...rows.slice(1).map((r) => r.kode_wilayah)].sort());
    const kutim = rows.find((r) => r.kode_wilayah === '64.08')!;
    expect(kutim).toMatchObject({ prevalensi_survei: 29.0, diukur: 250, stunting: 45, sasaran: 300 });
    expect(kutim.prevalensi_rutin).toBeCloseTo(18, 6);
    expect(rows.find((r) => r.kode_wilayah === '64.11')!.prevalensi_survei).toBeNull();
  });

  it('targets: national and the province', async () => {
    const rows = await db.query<Record<string, any>>(targetSql({ kode: ['ID', '64'] }));
    expect(rows.map((r) => [r.kode_wilayah, r.tahun, r.target])).toEqual([
      ['64', 2024, 12.83],
      ['ID', 2024, 14],
      ['ID', 2025, 18.8],
    ]);
  });
});

describe('programme queries', () => {
  it('coverage per regency against the national target', async () => {
    const rows = await db.query<Record<string, any>>(programWilayahSql({ program: 'CATIN', periode: '2024-S1', induk: '64' }));
    const kutim = rows.find((r) => r.kode_wilayah === '64.08')!;
    expect(kutim).toMatchObject({ sasaran: 100, realisasi: 85, cakupan: 85, target: 90, selisih_target: -5, kesenjangan: 15 });
    expect(rows.find((r) => r.kode_wilayah === '64.01')!.cakupan).toBeNull();
  });

  it('stunted children reached: per regency and pooled over regencies with both numbers', async () => {
    const rows = await db.query<Record<string, any>>(jangkauanSql({ periode: '2024-08', program: 'BAAS', periodeProgram: '2024', induk: '64' }));
    const total = rows.at(-1)!;
    expect(total.kode_wilayah).toBeNull();
    // Kutim 20 of 45, Samarinda 10 of 30: pooled 30/75 = 40% (the mean of rates would be 38.9%).
    expect(total).toMatchObject({ stunting: 75, realisasi: 30 });
    expect(total.persen_terjangkau).toBeCloseTo(40, 6);
  });
});

describe('every builder binds against the schema', () => {
  it.each(TABLE_NAMES)('download query of %s', async (name) => {
    await expect(db.query(tabelSql(name))).resolves.toBeInstanceOf(Array);
  });
  it('area chain for breadcrumbs', async () => {
    const rows = await db.query<Record<string, any>>(wilayahIndukSql({ kode: '64.08.01.2001' }));
    expect(rows.map((r) => r.kode_wilayah)).toEqual(['64', '64.08', '64.08.01', '64.08.01.2001']);
  });
});

describe('profile pages', () => {
  it('every area gets a page, also villages whose numbers are suppressed or missing', async () => {
    const { wilayahProfilSql, anakBerprofilSql } = await import('../../src/lib/queries/index.ts');
    const codes = (await db.query<{ kode_wilayah: string }>(wilayahProfilSql())).map((r) => r.kode_wilayah);
    expect(codes).toEqual(wilayah.map((w) => w.kode_wilayah).sort());
    expect(codes).toContain('64.08.01.2003'); // suppressed: its page says why
    expect(codes).toContain('64.08.01.2004'); // no data: its page says why
    const under = (await db.query<{ kode_wilayah: string }>(anakBerprofilSql({ induk: '64.08.01' }))).map((r) => r.kode_wilayah);
    expect(under).toEqual(['64.08.01.2001', '64.08.01.2002', '64.08.01.2003', '64.08.01.2004']);
  });
});
