/**
 * Which rows are one child: the NIK exactly, never a hash of it. DuckDB's string hash gives some pairs
 * of 16-digit NIKs the same value (9971054305190001 and 9971054805190004 both hash to
 * 12295476506817947343): when the child key was that hash, the two children were counted as one and
 * one of them vanished (the demo lost a child in 64.71.05.1011 that way).
 */
import { afterAll, expect, it, vi } from 'vitest';
import { buildOk, child, cleanup, duckQuery, gizi, readTableOut, type KualitasRow } from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ testTimeout: 120_000 });

it('DuckDB hashes these two NIKs alike (the premise of this test)', async () => {
  const [r] = await duckQuery<{ same: boolean }>(`SELECT hash('9971054305190001') = hash('9971054805190004') AS same`);
  expect(r.same).toBe(true);
});

it('two children whose NIKs hash alike are two children; the same NIK twice is one', async () => {
  const rows = [
    child({ NIK: '9971054305190001', 'ZS TB/U': '-2.5' }),
    child({ NIK: '9971054805190004', 'ZS TB/U': '-3.5' }),
    child({ NIK: '9971054805190004', 'ZS TB/U': '-1.0', 'Tanggal Pengukuran': '2024-02-05' }), // earlier: a duplicate
    // the same NIK written with spaces around it is the same child; other text NIKs are children by their text
    child({ NIK: ' 6408010303030001 ', 'ZS TB/U': '0.5', 'Tanggal Pengukuran': '2024-02-01' }),
    child({ NIK: '6408010303030001', 'ZS TB/U': '0.5' }),
    child({ NIK: 'A-1', 'ZS TB/U': '0.5' }),
    child({ NIK: 'A-2', 'ZS TB/U': '0.5' }),
    child({ NIK: '0001', 'ZS TB/U': '0.5' }), // leading zeros: text, not the number 1
    child({ NIK: '1', 'ZS TB/U': '0.5' }),
  ];
  const r = await buildOk({ eppgbm: { 'ukur.csv': rows } }, { internal: true });
  const g = await gizi(r.out, '64.08.01.2014', '2024-02');
  expect({ diukur: g.jumlah_balita_diukur, pendek: g.jumlah_balita_pendek, sangat_pendek: g.jumlah_balita_sangat_pendek }).toEqual({ diukur: 7, pendek: 1, sangat_pendek: 1 });
  const [k] = await readTableOut<KualitasRow>(r.out, 'kualitas_data', `WHERE kode_wilayah = '64.08.01.2014' AND periode = '2024-02'`);
  expect({ baris: k.baris_dibaca, duplikat: k.dikecualikan_duplikat_bulan }).toEqual({ baris: 9, duplikat: 2 });
});
