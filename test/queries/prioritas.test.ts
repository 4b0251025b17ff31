/**
 * Priority regencies: the list of the latest year, the "which one first" model (surveys with rank
 * and notes, routine figures with completeness, where the children are, programme reach in one
 * period), and the page's text with and without a list.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandingPrioritasHtml } from '../../src/components/halaman/banding-prioritas.ts';
import { loadBandingPrioritas } from '../../src/lib/queries/index.ts';
import { DEFAULT_PROVINCE } from '../../src/lib/province.ts';
import { gizi, testDb, wil, type Row, type TestDb } from './helpers.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };
const text = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return (el.textContent ?? '').replace(/\s+/g, ' ');
};

/** The real list as shipped in data/reference/prioritas.csv. */
const csv = Papa.parse<Record<string, string>>(readFileSync('data/reference/prioritas.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;

const wilayah: Row[] = [
  wil('64', 'Kalimantan Timur', 'Provinsi'),
  wil('64.08', 'Kabupaten Kutai Timur', 'Kabupaten'),
  wil('64.09', 'Kabupaten Penajam Paser Utara', 'Kabupaten'),
  wil('64.74', 'Kota Bontang', 'Kota'),
  wil('64.72', 'Kota Samarinda', 'Kota'),
  wil('64.08.01', 'Muara Ancalong', 'Kecamatan'),
  wil('64.08.02', 'Muara Wahau', 'Kecamatan'),
  wil('64.08.01.2001', 'Desa A', 'Desa'),
  wil('64.08.01.2002', 'Desa B', 'Desa'),
  wil('64.08.02.2001', 'Desa C', 'Desa'),
];
const survei: Row[] = [
  ['64.08', 'SKI', 2023, 29.0, null], ['64.74', 'SKI', 2023, 27.4, null], ['64.09', 'SKI', 2023, 24.6, null], ['64.72', 'SKI', 2023, 24.4, null],
  ['64.08', 'SSGI', 2024, 26.9, 'sumber bertentangan: 20.6'], ['64.09', 'SSGI', 2024, 32.0, 'Pemkab PPU mengajukan sanggahan'], ['64.74', 'SSGI', 2024, 20.7, null], ['64.72', 'SSGI', 2024, 24.4, null],
  ['64.08', 'SSGI', 2022, 24.7, null],
].map(([kode, s, tahun, prev, catatan]) => ({ kode_wilayah: kode, tingkat: 'kabupaten_kota', survei: s, tahun, prevalensi_stunting: prev, ci_bawah: null, ci_atas: null, sumber: 'x', catatan }));
const prioritas: Row[] = [
  ...csv.map((r) => ({ kode_wilayah: r.kode_wilayah, tingkat: 'kabupaten_kota', tahun: Number(r.tahun), dasar: r.dasar, dasar_en: r.dasar_en, sumber: r.sumber, catatan: r.catatan, catatan_en: r.catatan_en })),
  // an older list is not shown
  { kode_wilayah: '64.72', tingkat: 'kabupaten_kota', tahun: 2022, dasar: 'lama', dasar_en: null, sumber: 'lama', catatan: null, catatan_en: null },
];
const q = (kode: string, melapor: number, total: number): Row => ({ kode_wilayah: kode, tingkat: 'kabupaten_kota', periode: '2024-08', baris_dibaca: 0, desa_melapor: melapor, desa_total: total });

let db: TestDb;
beforeAll(async () => {
  db = await testDb({
    wilayah, survei, prioritas,
    gizi_balita: [
      gizi('64', '2024-08', 3000, 300, 3600),
      gizi('64.08', '2024-08', 1000, 150, 1200), gizi('64.09', '2024-08', 400, 40, 500), gizi('64.74', '2024-08', 300, 45, 350),
      gizi('64.08.01', '2024-08', 600, 100), gizi('64.08.02', '2024-08', 400, 50),
      gizi('64.08.01.2001', '2024-08', 300, 60), gizi('64.08.01.2002', '2024-08', null, null, null, true), gizi('64.08.02.2001', '2024-08', 100, 0),
    ],
    kualitas_data: [q('64.08', 3, 3), q('64.09', 10, 54), q('64.74', 15, 15), { ...q('64', 28, 72), tingkat: 'provinsi' }],
    program_ref: [{ program: 'BAAS', nama_program: 'Bapak/Bunda Asuh Anak Stunting (BAAS)', nama_program_en: 'Foster parents for stunted children (BAAS)', satuan: 'anak', uraian: '', kode_indikator: null, target_nasional_2024: null }],
    program: [
      { kode_wilayah: '64', tingkat: 'provinsi', periode: '2024-S1', program: 'BAAS', sasaran: 300, realisasi: 250, cakupan: 83.3, ditekan: false },
      { kode_wilayah: '64', tingkat: 'provinsi', periode: '2024-S2', program: 'BAAS', sasaran: 320, realisasi: 280, cakupan: 87.5, ditekan: false },
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2024-S2', program: 'BAAS', sasaran: 160, realisasi: 117, cakupan: 73.1, ditekan: false },
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2024-S1', program: 'BAAS', sasaran: 150, realisasi: 100, cakupan: 66.7, ditekan: false },
      { kode_wilayah: '64.74', tingkat: 'kabupaten_kota', periode: '2024-S2', program: 'BAAS', sasaran: 28, realisasi: 19, cakupan: 67.9, ditekan: false },
    ],
  });
});
afterAll(() => db.close());

describe('the shipped list', () => {
  it('names the three regencies of the rakor of 26 July 2024, with basis and source', () => {
    expect(csv.map((r) => r.kode_wilayah).sort()).toEqual(['64.08', '64.09', '64.74']);
    for (const r of csv) {
      expect(r).toMatchObject({ tahun: '2024', dasar_en: 'Highest stunting prevalence in SKI 2023' });
      expect(r.sumber).toMatch(/26 Juli 2024/);
      expect(r.sumber).toMatch(/dkp3a\.kaltimprov\.go\.id/);
      // the note in both languages, each with its own decimals
      expect(r.catatan).toContain('(29,0; 27,4; 24,6)');
      expect(r.catatan_en).toContain('(29.0, 27.4, 24.6)');
      expect(r.catatan_en).toMatch(/^Quoted \(our translation\): 'Kutai Timur, Bontang and Penajam Paser Utara/);
    }
  });
});

describe('loadBandingPrioritas', () => {
  it('compares the latest list side by side', async () => {
    const m = await loadBandingPrioritas(db, { province: DEFAULT_PROVINCE, periode: '2024-08' });
    expect(m.daftar.map((d) => d.kode_wilayah)).toEqual(['64.08', '64.09', '64.74']);
    expect(m.surveiKeys).toEqual(['SKI 2023', 'SSGI 2024']);
    const [kutim, ppu, bontang] = m.wilayah;
    // ranks among all regencies of the province with a figure
    expect(kutim!.survei['SKI 2023']).toMatchObject({ prevalensi: 29, peringkat: 1, jumlah: 4 });
    expect(ppu!.survei['SSGI 2024']).toMatchObject({ peringkat: 1, catatan: 'Pemkab PPU mengajukan sanggahan' });
    expect(bontang!.survei['SKI 2023']).toMatchObject({ peringkat: 2 });
    // routine with completeness: PPU's month is incomplete (10 of 54 villages)
    expect(kutim!.rutin).toMatchObject({ stunting: 150, lengkap: true, kecamatan_total: 2, kecamatan_stunting: 2, desa_total: 3, desa_stunting: 1, desa_ditekan: 1 });
    expect(ppu!.rutin!.lengkap).toBe(false);
    expect(kutim!.kecamatan.map((k) => [k.nama_wilayah, k.stunting])).toEqual([['Muara Ancalong', 100], ['Muara Wahau', 50]]);
    // programmes in the province's latest period, for every regency (missing stays missing)
    expect(m.programs).toEqual([expect.objectContaining({ program: 'BAAS', periode: '2024-S2' })]);
    expect(kutim!.program[0]).toMatchObject({ realisasi: 117, sasaran: 160 });
    expect(ppu!.program[0]).toMatchObject({ realisasi: null });
  });

  it('renders the full names, the source and the notes, English text with Indonesian quotes marked', async () => {
    const m = await loadBandingPrioritas(db, { province: DEFAULT_PROVINCE, periode: '2024-08' });
    const html = bandingPrioritasHtml(m, { lang: 'en', base: '/', province: DEFAULT_PROVINCE });
    const t = text(html);
    expect(t).toContain('Kabupaten Kutai Timur, Kabupaten Penajam Paser Utara and Kota Bontang');
    expect(t).toContain('Basis: Highest stunting prevalence in SKI 2023');
    expect(t).toContain('26 Juli 2024');
    expect(t).toContain('29.0% (rank 1 of 4)');
    expect(t).toContain('32.0% (rank 1 of 4) *');
    expect(t).toContain('(incomplete month)');
    expect(t).toContain('1 of 3 (+ 1 with a hidden count)');
    expect(t).toContain('117 (target population 160)');
    expect(t).toContain('Pemkab PPU mengajukan sanggahan');
    expect(html).toMatch(/<span lang="id">Rakor TPPS/);
    const id = text(bandingPrioritasHtml(m, { lang: 'id', base: '/', province: DEFAULT_PROVINCE }));
    expect(id).toContain('Kabupaten Kutai Timur, Kabupaten Penajam Paser Utara dan Kota Bontang');
    expect(id).toContain('29,0% (peringkat 1 dari 4)');
  });

  it('the source note: English on English pages, the Indonesian one marked lang="id" on Indonesian pages or when no English is given', async () => {
    const m = await loadBandingPrioritas(db, { province: DEFAULT_PROVINCE, periode: '2024-08' });
    const note = (html: string) => {
      const el = document.createElement('div');
      el.innerHTML = html;
      return el.querySelector('.source-note')!;
    };
    const en = note(bandingPrioritasHtml(m, { lang: 'en', base: '/', province: DEFAULT_PROVINCE }));
    expect(en.textContent).toContain('The source names no survey');
    expect(en.textContent).toContain('(29.0, 27.4, 24.6)');
    expect(en.querySelector('[lang="id"]')).toBeNull();
    const id = note(bandingPrioritasHtml(m, { lang: 'id', base: '/', province: DEFAULT_PROVINCE }));
    expect(id.querySelector('[lang="id"]')!.textContent).toMatch(/^Kutipan: 'Kutai Timur, Bontang dan Penajam Paser Utara.*\(29,0; 27,4; 24,6\)$/);
    // another province's list without English notes: the Indonesian note, marked
    const tanpa = { ...m, daftar: m.daftar.map((d) => ({ ...d, catatan_en: null })) };
    const fallback = note(bandingPrioritasHtml(tanpa, { lang: 'en', base: '/', province: DEFAULT_PROVINCE }));
    expect(fallback.querySelector('[lang="id"]')!.textContent).toMatch(/^Kutipan: /);
  });

  it('says so when the province has named none', async () => {
    const other = { kode: '65', nama: 'Kalimantan Utara', nama_en: 'North Kalimantan' };
    const m = await loadBandingPrioritas(db, { province: other });
    expect(m.daftar).toEqual([]);
    const t = text(bandingPrioritasHtml(m, { lang: 'en', base: '/', province: other }));
    expect(t).toContain('North Kalimantan has not named priority regencies');
  });
});
