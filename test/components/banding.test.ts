/**
 * Honest comparisons on the pages: page modules loaded through a small in-memory DuckDB (the same
 * queries as the build and the browser) and rendered to HTML, then read as a user would.
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page as ringkasan } from '../../src/components/halaman/ringkasan.ts';
import { page as cakupan } from '../../src/components/halaman/cakupan.ts';
import { peringkatChart } from '../../src/charts/peringkat.ts';
import { DEFAULT_PROVINCE } from '../../src/lib/province.ts';
import { setBatasLoader } from '../../src/maps/batas.ts';
import { diskLoader } from '../../src/maps/batas-node.ts';

// pages with maps read boundaries from public/batas/ on disk, as at build time
setBatasLoader(diskLoader());
import { gizi, testDb, wil, type Row, type TestDb } from '../queries/helpers.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };
const text = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return (el.textContent ?? '').replace(/\s+/g, ' ');
};

const wilayah: Row[] = [wil('64', 'Kalimantan Timur', 'Provinsi'), wil('64.08', 'Kutai Timur', 'Kabupaten'), wil('64.72', 'Samarinda', 'Kota')];
const q = (kode: string, periode: string, melapor: number, total: number): Row => ({
  kode_wilayah: kode, tingkat: kode.includes('.') ? 'kabupaten_kota' : 'provinsi', periode, baris_dibaca: 0, desa_melapor: melapor, desa_total: total,
});
const giziRows: Row[] = [
  gizi('64', '2023-08', 2000, 300, 2500), gizi('64.08', '2023-08', 1200, 200, 1500), gizi('64.72', '2023-08', 800, 100, 1000),
  gizi('64', '2023-11', 700, 70, 2500), gizi('64.72', '2023-11', 700, 70, 1000),
];
const kualitas: Row[] = [
  q('64', '2023-08', 200, 200), q('64.08', '2023-08', 140, 140), q('64.72', '2023-08', 60, 60),
  q('64', '2023-11', 60, 200), q('64.08', '2023-11', 0, 140), q('64.72', '2023-11', 60, 60),
];

let db: TestDb;
beforeAll(async () => {
  db = await testDb({
    wilayah,
    gizi_balita: giziRows,
    kualitas_data: kualitas,
    target: [{ kode_wilayah: 'ID', tahun: 2024, indikator: 'prevalensi_stunting', target: 14, dasar_hukum: 'Perpres 72/2021', catatan: null }],
    program_ref: [
      { program: 'BAAS', nama_program: 'Bapak/Bunda Asuh', nama_program_en: 'Foster parents', satuan: 'anak', uraian: '', kode_indikator: null, target_nasional_2024: null },
      { program: 'TPK', nama_program: 'Pendampingan keluarga', nama_program_en: 'Family assistance', satuan: 'keluarga', uraian: '', kode_indikator: 'krs_pendampingan', target_nasional_2024: 90 },
    ],
    program: [
      { kode_wilayah: '64', tingkat: 'provinsi', periode: '2023', program: 'BAAS', sasaran: 400, realisasi: 613, cakupan: 153.25, ditekan: false },
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2023', program: 'BAAS', sasaran: 150, realisasi: 330, cakupan: 220, ditekan: false },
      { kode_wilayah: '64.72', tingkat: 'kabupaten_kota', periode: '2023', program: 'BAAS', sasaran: 250, realisasi: 283, cakupan: 113.2, ditekan: false },
      { kode_wilayah: '64', tingkat: 'provinsi', periode: '2023', program: 'TPK', sasaran: 1000, realisasi: 800, cakupan: 80, ditekan: false },
      { kode_wilayah: '64.08', tingkat: 'kabupaten_kota', periode: '2023', program: 'TPK', sasaran: 600, realisasi: 500, cakupan: 83.3, ditekan: false },
    ],
  });
});
afterAll(() => db.close());

const P = DEFAULT_PROVINCE;
const ctx = (lang: 'id' | 'en') => ({ lang, document, base: '/', width: 640, province: P });

describe('overview in an incomplete month', () => {
  it('defaults to the latest complete month', async () => {
    const m = await ringkasan.load(db, {}, P);
    expect(m.periode).toBe('2023-08');
  });

  it('says the month is incomplete and which regency reported, instead of a provincial figure', async () => {
    const m = await ringkasan.load(db, { period: '2023-11' }, P);
    const cards = text(ringkasan.slots(m, ctx('en')).cards!);
    expect(cards).toContain('November 2023 is an incomplete month for Kalimantan Timur: only 60 of 200 villages reported (only Samarinda)');
    expect(cards).toContain('Prevalence in the reporting villages');
    expect(cards).not.toMatch(/Stunting prevalence/);
    const id = text(ringkasan.slots(m, ctx('id')).cards!);
    expect(id).toContain('hanya 60 dari 200 desa/kelurahan melapor (hanya Samarinda)');
    // a complete month has no such note
    const full = await ringkasan.load(db, { period: '2023-08' }, P);
    expect(text(ringkasan.slots(full, ctx('en')).cards!)).not.toContain('incomplete');
  });

  it('marks incomplete months in the trend table and caption', async () => {
    const m = await ringkasan.load(db, {}, P);
    const tren = text(ringkasan.slots(m, ctx('en')).tren!);
    expect(tren).toContain('Hollow dots: incomplete months');
    expect(tren).toMatch(/November 2023.*incomplete/);
  });
});

describe('programme coverage', () => {
  it('notes coverage above 100 % and words reached vs stunted as two counts', async () => {
    const m = await cakupan.load(db, { indicator: 'baas', period: '2023' }, P);
    const s = cakupan.slots(m, ctx('en'));
    expect(text(s.cakupan!)).toMatch(/Coverage above 100% \(Kutai Timur, Samarinda\)/);
    const reach = text(s.jangkauan!);
    expect(reach).toContain('Reached per 100 stunted children');
    expect(reach).not.toMatch(/\d+ of \d+/);
    expect(reach).toMatch(/BAAS reached 613 children in 2023; e-PPGBM recorded 300 stunted children in August 2023/);
  });

  it('follows the chosen programme, and does not set families beside stunted children', async () => {
    const m = await cakupan.load(db, { indicator: 'tpk', period: '2023' }, P);
    expect(m.jangkauanProgram).toBeUndefined();
    const reach = text(cakupan.slots(m, ctx('en')).jangkauan!);
    expect(reach).toContain('counts families, not children');
    expect(reach).not.toContain('BAAS reached');
  });

  it('separates the target population from the target in English', async () => {
    const m = await cakupan.load(db, { indicator: 'tpk', period: '2023' }, P);
    const s = cakupan.slots(m, ctx('en'));
    expect(text(s['ringkasan-program']!)).toContain('Target population');
    expect(text(s['ringkasan-program']!)).toContain('1,000 families');
    expect(text(s.cakupan!)).toContain('Coverage = realisation / target population');
  });
});

describe('target line', () => {
  it('is drawn under the bars and labels, and labels carry a halo', () => {
    const el = peringkatChart(
      [{ kode: '64.08', nama: 'Kutai Timur', value: 88 }, { kode: '64.72', nama: 'Samarinda', value: 91 }],
      { lang: 'id', document, ukuran: 'persen', sumber: 'rutin', label: 'x', axisLabel: 'Cakupan (%)', rule: { value: 90, label: 'Target 2024: 90,0%' } },
    );
    const groups = [...el.querySelectorAll('g[data-mark]')].map((g) => g.getAttribute('data-mark'));
    expect(groups.indexOf('rule')).toBeLessThan(groups.indexOf('bar'));
    expect(groups.indexOf('rule')).toBeLessThan(groups.indexOf('text'));
    const texts = el.querySelectorAll('g[data-mark="text"]');
    expect(texts.length).toBe(2);
    for (const t of texts) expect(t.getAttribute('stroke')).toBe('white');
  });
});

describe('a profile without published figures says why', () => {
  it('no reports, or every number suppressed', async () => {
    const { page: profil, tanpaAngka } = await import('../../src/components/halaman/profil.ts');
    const db2 = await testDb({
      wilayah: [...wilayah, wil('64.72.01', 'Samarinda Ulu', 'Kecamatan'), wil('64.72.01.1001', 'Air Hitam', 'Kelurahan'), wil('64.72.01.1002', 'Teluk Lerong', 'Kelurahan')],
      gizi_balita: [...giziRows, gizi('64.72.01.1002', '2023-08', null, null, null, true)],
      kualitas_data: kualitas,
    });
    try {
      const none = await profil.load(db2, { area: '64.72.01.1001' }, P);
      expect(text(tanpaAngka('en', none))).toContain('No measurement reports from Air Hitam');
      expect(text(profil.slots(none, ctx('id')).cards!)).toContain('Belum ada laporan pengukuran dari Air Hitam');
      const hidden = await profil.load(db2, { area: '64.72.01.1002' }, P);
      expect(text(tanpaAngka('en', hidden))).toContain('All routine figures of Teluk Lerong are hidden by the small-number rule');
      // said once: not again in the trend, nor as "an incomplete month: only 0 of – villages reported"
      const all = Object.values(profil.slots(hidden, ctx('en'))).map((s) => text(s ?? '')).join(' ');
      expect(all.match(/are hidden by the small-number rule/g)).toHaveLength(1);
      expect(all).not.toContain('No month has a published prevalence');
      expect(all).toContain('There is no trend to draw for Teluk Lerong: the note at the top of the page says why.');
      expect(all).not.toContain('only 0 of');
      const city = await profil.load(db2, { area: '64.72' }, P);
      expect(tanpaAngka('en', city)).toBe('');
    } finally {
      db2.close();
    }
  });
});

describe('headline cards say what their numbers are', () => {
  /** label -> [value, detail] of each headline card */
  const cards = (html: string) => {
    const el = document.createElement('div');
    el.innerHTML = html;
    return Object.fromEntries([...el.querySelectorAll('.card')].map((c) => [c.querySelector('dt')!.textContent, [c.querySelector('.card-value')!.textContent, c.querySelector('.card-detail')!.textContent]]));
  };
  it('stunted = moderately + severely stunted, the parts adding up to the total; hidden numbers said once, in words', async () => {
    const { page: profil } = await import('../../src/components/halaman/profil.ts');
    const village = '64.72.01.1003';
    const db2 = await testDb({
      wilayah: [...wilayah, wil('64.72.01', 'Samarinda Ulu', 'Kecamatan'), wil(village, 'Sidodadi', 'Kelurahan')],
      // 25 measured, the stunted counts hidden (1–4 children), so the prevalence too
      gizi_balita: [...giziRows, { ...gizi(village, '2023-08', 25, 3, 40), jumlah_balita_pendek: null, jumlah_balita_sangat_pendek: null, jumlah_balita_stunting: null, prevalensi_stunting: null, ditekan: true }],
      kualitas_data: [...kualitas, q(village, '2023-08', 1, 1)],
    });
    try {
      const kab = await profil.load(db2, { area: '64.08', period: '2023-08' }, P);
      const r = kab.ringkasan!;
      expect(r.pendek! + r.sangat_pendek!).toBe(r.stunting);
      expect(cards(profil.slots(kab, ctx('en')).cards!)['Stunted children']).toEqual(['200', '140 moderately and 60 severely stunted']);
      expect(cards(profil.slots(kab, ctx('id')).cards!)['Balita stunting']).toEqual(['200', '140 pendek dan 60 sangat pendek']);
      const desa = await profil.load(db2, { area: village, period: '2023-08' }, P);
      const en = cards(profil.slots(desa, ctx('en')).cards!);
      expect(en['Stunted children']).toEqual(['suppressed', 'numbers hidden (small-number rule)']);
      expect(en['Stunting prevalence']).toEqual(['suppressed', 'numbers hidden (small-number rule)']);
      expect(en['Children measured']).toEqual(['25', 'of a target population of 40 under-fives']);
      expect(en['Measurement coverage']).toEqual(['62.5%', '25 measured of a target population of 40 under-fives']);
      expect(en['Villages reporting']).toEqual(['1', 'of 1 in the area']);
      const id = cards(profil.slots(desa, ctx('id')).cards!);
      expect(id['Balita stunting']).toEqual(['disembunyikan', 'angka disembunyikan (aturan angka kecil)']);
      expect(id['Prevalensi stunting']).toEqual(['disembunyikan', 'angka disembunyikan (aturan angka kecil)']);
    } finally {
      db2.close();
    }
  });
});

describe('a trend without any prevalence says why instead of drawing an empty chart', () => {
  it('every month hidden or under 20 measured: a note and the table open; no reports: says so; a trend with figures is drawn', async () => {
    const { page: profil } = await import('../../src/components/halaman/profil.ts');
    const [kecil, kosong] = ['64.72.01.1004', '64.72.01.1005'];
    const db2 = await testDb({
      wilayah: [...wilayah, wil('64.72.01', 'Samarinda Ulu', 'Kecamatan'), wil(kecil, 'Gunung Lingai', 'Kelurahan'), wil(kosong, 'Air Putih', 'Kelurahan')],
      // one month hidden (small counts), one with 12 measured and none stunted: too few for a prevalence
      gizi_balita: [...giziRows, gizi(kecil, '2023-08', 8, 2, 30, true), gizi(kecil, '2023-11', 12, 0, 30)],
      kualitas_data: kualitas,
    });
    try {
      const m = await profil.load(db2, { area: kecil }, P);
      for (const lang of ['en', 'id'] as const) {
        const el = document.createElement('div');
        el.innerHTML = profil.slots(m, ctx(lang)).tren!;
        expect(el.querySelector('figure[data-figure="tren"] svg')).toBeNull();
        expect(el.querySelector('[data-tanpa-tren="ditekan"]')?.textContent).toContain(lang === 'en' ? 'No month has a published prevalence for Gunung Lingai' : 'Tidak ada bulan dengan prevalensi terbitan untuk Gunung Lingai');
        expect(el.querySelector('details.chart-data')?.hasAttribute('open')).toBe(true);
      }
      const en = text(profil.slots(m, ctx('en')).tren!);
      expect(en).toContain('fewer than 20 children measured, or a count of 1–4 children');
      expect(en).toMatch(/August 2023suppressedsuppressedsuppressed/);
      // a profile with nothing published says why at its top: the trend points there, not the same words twice
      const none = await profil.load(db2, { area: kosong }, P);
      const slots = profil.slots(none, ctx('en'));
      expect(text(slots.cards!)).toContain('No measurement reports from Air Putih');
      expect(text(slots.tren!)).toContain('There is no trend to draw for Air Putih: the note at the top of the page says why.');
      expect(text(slots.tren!)).not.toContain('no measurements were reported');
      const city = await profil.load(db2, { area: '64.72' }, P);
      const drawn = profil.slots(city, ctx('en')).tren!;
      expect(drawn).toContain('<svg');
      expect(drawn).not.toContain('data-tanpa-tren');
      expect(drawn).not.toMatch(/<details class="chart-data" open/);
    } finally {
      db2.close();
    }
  });
});

describe('a month an area did not report', () => {
  it('says there is no report, not "only 0 of – villages reported"', async () => {
    const { incompleteNotice } = await import('../../src/components/halaman/ringkasan.ts');
    type Row = Parameters<typeof incompleteNotice>[1];
    const row = { kode_wilayah: '64.01.01.2010', nama_wilayah: 'Busui', desa_melapor: null, desa_total: null, diukur: null, sasaran: null } as unknown as Row;
    expect(text(incompleteNotice('en', row, '2023-11'))).toBe('No measurements were reported from Busui for November 2023: the figures below are empty because nothing was reported, not because they are zero.');
    expect(text(incompleteNotice('id', row, '2023-11'))).toContain('Tidak ada laporan pengukuran dari Busui untuk November 2023');
    // a month some villages reported keeps its notice
    const some = { ...(row as object), nama_wilayah: 'Batu Sopang', desa_melapor: 3, desa_total: 9, diukur: 40, sasaran: 200 } as unknown as Row;
    expect(text(incompleteNotice('en', some, '2023-11'))).toContain('only 3 of 9 villages reported');
  });
});

describe('a regency among the other areas of its province', () => {
  it('names the province in English on English pages', async () => {
    const { page: profil, saudaraHeading } = await import('../../src/components/halaman/profil.ts');
    const db2 = await testDb({ wilayah, gizi_balita: giziRows, kualitas_data: kualitas });
    try {
      const m = await profil.load(db2, { area: '64.08' }, P);
      const en = text(profil.slots(m, ctx('en')).saudara!) + ' ' + saudaraHeading('en', m, P);
      expect(en).toContain('East Kalimantan');
      expect(en).not.toContain('Kalimantan Timur');
      expect(text(profil.slots(m, ctx('id')).saudara!)).toContain('Kalimantan Timur');
    } finally {
      db2.close();
    }
  });
});

describe('two numbers: the province row in English', () => {
  it('is "East Kalimantan (prov.)", in Indonesian "Kalimantan Timur (prov.)"', async () => {
    const { page: dua } = await import('../../src/components/halaman/dua-angka.ts');
    const loaded = await dua.load(db, { period: '2023-08' }, P);
    const row = { kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur', tingkat: 'provinsi', prevalensi_survei: 22.2, sumber_survei: null, catatan_survei: null, periode: '2023-08', sasaran: 2500, diukur: 2000, stunting: 300, prevalensi_rutin: 15, cakupan: 80, ditekan: false };
    const m = { ...loaded, rows: [row as (typeof loaded.rows)[number]] };
    const en = Object.values(dua.slots(m, ctx('en'))).map((s) => text(s ?? '')).join(' ');
    expect(en).toContain('East Kalimantan (prov.)');
    expect(en).not.toContain('Kalimantan Timur');
    expect(Object.values(dua.slots(m, ctx('id'))).map((s) => text(s ?? '')).join(' ')).toContain('Kalimantan Timur (prov.)');
  });
});

describe('the overview survey figure in English', () => {
  it('names the province in English and quotes the legal basis as Indonesian', async () => {
    const { surveiFigure } = await import('../../src/components/halaman/ringkasan.ts');
    const s = (kode: string, nama: string, tahun: number, prevalensi: number) => ({ kode_wilayah: kode, nama_wilayah: nama, tingkat: kode === 'ID' ? 'nasional' : 'provinsi', survei: 'SSGI', tahun, prevalensi, ci_bawah: null, ci_atas: null, sumber: null, catatan: null });
    const rows = [s('64', 'Kalimantan Timur', 2022, 23.9), s('64', 'Kalimantan Timur', 2024, 22.2), s('ID', 'Indonesia', 2022, 21.6), s('ID', 'Indonesia', 2024, 19.8)];
    const targets = [{ kode_wilayah: '64', tahun: 2024, indikator: 'prevalensi_stunting', target: 12.83, dasar_hukum: 'Target daerah Provinsi Kalimantan Timur', catatan: null }];
    const el = document.createElement('div');
    el.innerHTML = surveiFigure(ctx('en'), rows, targets);
    for (const q of el.querySelectorAll('[lang="id"]')) q.remove();
    expect(el.textContent).toContain('East Kalimantan');
    expect(el.textContent).not.toContain('Kalimantan Timur');
    expect(el.textContent).not.toContain('Target daerah');
  });
});
